//! The browser's parts of sharing a summary: the phone's share sheet or the
//! clipboard for a link, printing, reading a file the link worker chose,
//! and taking the summary out of the address bar.

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;

use super::js::{call, get, is_abort, method};

/// How a link was handed over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sent {
    /// Through the share sheet.
    Shared,
    /// Copied to the clipboard.
    Copied,
    /// The client closed the share sheet.
    Cancelled,
    /// Neither worked.
    Failed,
}

/// Whether the phone has a share sheet (the Web Share API).
pub fn can_share() -> bool {
    web_sys::window().is_some_and(|w| method(&w.navigator().into(), "share").is_some())
}

/// Opens the share sheet with `url`, or copies it where there is none.
pub async fn send_link(title: &str, url: &str) -> Sent {
    let Some(window) = web_sys::window() else {
        return Sent::Failed;
    };
    let navigator: JsValue = window.navigator().into();
    if can_share() {
        let data = Object::new();
        let _ = Reflect::set(&data, &"title".into(), &title.into());
        let _ = Reflect::set(&data, &"url".into(), &url.into());
        match call(&navigator, "share", &[data.into()]).await {
            Some(Ok(_)) => return Sent::Shared,
            Some(Err(e)) if is_abort(&e) => return Sent::Cancelled,
            _ => {}
        }
    }
    if copy(url).await {
        Sent::Copied
    } else {
        Sent::Failed
    }
}

/// Copies `text` to the clipboard.
pub async fn copy(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let Some(clipboard) = get(&window.navigator(), "clipboard") else {
        return false;
    };
    matches!(
        call(&clipboard, "writeText", &[text.into()]).await,
        Some(Ok(_))
    )
}

/// Opens the browser's print dialog (which can also save a PDF).
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// The address of the review page on this app's own origin.
pub fn review_url() -> String {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    format!("{origin}/review")
}

/// Takes the part after `#` out of the address bar and out of this page's
/// history entry at once, so the summary is not left where others could
/// see it, then returns it.
pub fn take_fragment() -> Option<String> {
    let window = web_sys::window()?;
    let location = window.location();
    let hash = location.hash().ok()?;
    if hash.len() <= 1 {
        return None;
    }
    let path = location.pathname().unwrap_or_else(|_| "/review".into());
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&path));
    }
    Some(hash[1..].to_string())
}

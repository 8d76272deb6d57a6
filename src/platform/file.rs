//! Handing a file to the client: the phone's share sheet where it can
//! take files (so "Add to calendar" goes straight to the calendar app),
//! otherwise an ordinary download.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::js::{self, method};
use web_sys::{File, FilePropertyBag, HtmlAnchorElement, Url};

/// How the file was handed over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Handed {
    /// Through the share sheet.
    Shared,
    /// The client closed the share sheet.
    Cancelled,
    /// As a download.
    Downloaded,
    /// The browser refused both.
    Failed,
}

/// Offers `text` as a file called `name` of type `mime`.
pub async fn hand_over(name: &str, text: &str, mime: &str) -> Handed {
    let Some(window) = web_sys::window() else {
        return Handed::Failed;
    };
    let options = FilePropertyBag::new();
    options.set_type(mime);
    let Ok(file) = File::new_with_str_sequence_and_options(
        &Array::of1(&JsValue::from_str(text)),
        name,
        &options,
    ) else {
        return Handed::Failed;
    };
    let navigator: JsValue = window.navigator().into();
    let data = Object::new();
    let _ = Reflect::set(&data, &JsValue::from_str("files"), &Array::of1(&file));
    let can_share = method(&navigator, "canShare")
        .and_then(|f| f.call1(&navigator, &data).ok())
        .and_then(|v| v.as_bool())
        == Some(true);
    if can_share {
        match js::call(&navigator, "share", &[data.into()]).await {
            Some(Ok(_)) => return Handed::Shared,
            Some(Err(e)) if js::is_abort(&e) => return Handed::Cancelled,
            _ => {}
        }
    }
    download(&window, &file, name)
}

fn download(window: &web_sys::Window, file: &File, name: &str) -> Handed {
    let Ok(url) = Url::create_object_url_with_blob(file) else {
        return Handed::Failed;
    };
    let anchor = window
        .document()
        .and_then(|d| d.create_element("a").ok())
        .and_then(|e| e.dyn_into::<HtmlAnchorElement>().ok());
    let Some(anchor) = anchor else {
        return Handed::Failed;
    };
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    // Give the download a moment to start before freeing the file.
    leptos::prelude::set_timeout(
        move || {
            let _ = Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
    Handed::Downloaded
}

/// Why a chosen file could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadError {
    /// It is bigger than the limit given, so it was not read at all.
    TooLarge,
    /// The browser could not read it (moved, deleted, not text).
    Unreadable,
}

/// Reads, as text, the file chosen in the file box `input` (the first if
/// several): `None` if no file is chosen. A file over `max_bytes` is
/// refused before it is read, so a huge file never fills the phone's
/// memory.
pub async fn read_chosen(
    input: &web_sys::HtmlInputElement,
    max_bytes: usize,
) -> Result<Option<String>, ReadError> {
    let files =
        Reflect::get(input, &JsValue::from_str("files")).map_err(|_| ReadError::Unreadable)?;
    let file = Reflect::get(&files, &JsValue::from_f64(0.0)).map_err(|_| ReadError::Unreadable)?;
    if file.is_undefined() || file.is_null() {
        return Ok(None);
    }
    let file: web_sys::Blob = file.unchecked_into();
    if file.size() > max_bytes as f64 {
        return Err(ReadError::TooLarge);
    }
    let text = JsFuture::from(file.text())
        .await
        .map_err(|_| ReadError::Unreadable)?;
    text.as_string().map(Some).ok_or(ReadError::Unreadable)
}

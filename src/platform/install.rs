//! The browser's parts of installing Alongside: the facts the install
//! guide needs, and opening the browser's own install prompt.
//!
//! The start-up script (`scripts/boot.js`) keeps the browser's
//! `beforeinstallprompt` event as `window.alongsideInstall.prompt` (the
//! browser fires it early, before the app has started) and notes
//! `appinstalled`; either way it then fires `alongside-install` on the
//! window, which [`CHANGED`] names.

use wasm_bindgen::{JsCast, JsValue};

use super::js::{get, method};
use crate::model::install::BrowserFacts;

/// The window event fired when the install prompt arrives or the app is
/// installed.
pub const CHANGED: &str = "alongside-install";

/// What happened when the browser's prompt was opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prompted {
    /// The client chose to install.
    Accepted,
    /// The client closed it.
    Dismissed,
    /// There was no prompt to open (used already, or never offered).
    Unavailable,
}

/// `window.alongsideInstall`, if the start-up script set it.
fn kept() -> Option<JsValue> {
    get(&web_sys::window()?.into(), "alongsideInstall")
}

/// True when the page runs from the home screen.
fn standalone() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let media = method(&window, "matchMedia")
        .and_then(|f| f.call1(&window, &"(display-mode: standalone)".into()).ok())
        .and_then(|list| get(&list, "matches"))
        .is_some_and(|m| m.as_bool() == Some(true));
    // Safari on iPhone says so its own way.
    let apple = get(&window.navigator(), "standalone").is_some_and(|s| s.as_bool() == Some(true));
    media || apple
}

/// The facts about this browser, now.
pub fn facts() -> BrowserFacts {
    let Some(window) = web_sys::window() else {
        return BrowserFacts::default();
    };
    let navigator = window.navigator();
    let kept = kept();
    BrowserFacts {
        user_agent: navigator.user_agent().unwrap_or_default(),
        touch_points: get(&navigator, "maxTouchPoints")
            .and_then(|n| n.as_f64())
            .map_or(0, |n| n as u32),
        standalone: standalone(),
        prompt_ready: kept.as_ref().and_then(|k| get(k, "prompt")).is_some(),
        just_installed: kept
            .as_ref()
            .and_then(|k| get(k, "installed"))
            .is_some_and(|i| i.as_bool() == Some(true)),
    }
}

/// Opens the browser's install prompt and waits for the client's answer.
/// A prompt opens once: it is forgotten either way.
pub async fn prompt() -> Prompted {
    let Some(kept) = kept() else {
        return Prompted::Unavailable;
    };
    let Some(event) = get(&kept, "prompt") else {
        return Prompted::Unavailable;
    };
    let _ = js_sys::Reflect::set(&kept, &"prompt".into(), &JsValue::NULL);
    if let Some(f) = method(&event, "prompt") {
        if f.call0(&event).is_err() {
            return Prompted::Unavailable;
        }
    }
    let Some(choice) = get(&event, "userChoice").and_then(|c| c.dyn_into::<js_sys::Promise>().ok())
    else {
        return Prompted::Unavailable;
    };
    match wasm_bindgen_futures::JsFuture::from(choice).await {
        Ok(answer) => match get(&answer, "outcome")
            .and_then(|o| o.as_string())
            .as_deref()
        {
            Some("accepted") => Prompted::Accepted,
            _ => Prompted::Dismissed,
        },
        Err(_) => Prompted::Unavailable,
    }
}

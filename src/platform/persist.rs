//! Asks the browser to keep the app's storage when space runs low.
//!
//! Without this, a browser may clear local storage of a site that has not
//! been used for a while, and with it the client's health record.

use wasm_bindgen_futures::JsFuture;

/// Whether the browser has agreed to keep our storage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Persistence {
    /// The browser will not clear it without asking the client.
    Persistent,
    /// The browser may clear it under storage pressure.
    BestEffort,
    /// This browser cannot say.
    Unknown,
}

/// Requests persistent storage and reports the answer. Safe to call on
/// every start: browsers answer at once when they have decided before.
pub async fn request_persistence() -> Persistence {
    let Some(window) = web_sys::window() else {
        return Persistence::Unknown;
    };
    let manager = window.navigator().storage();
    let Ok(promise) = manager.persist() else {
        return Persistence::Unknown;
    };
    match JsFuture::from(promise).await {
        Ok(v) if v.as_bool() == Some(true) => Persistence::Persistent,
        Ok(_) => Persistence::BestEffort,
        Err(_) => Persistence::Unknown,
    }
}

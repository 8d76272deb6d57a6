//! System notifications for reminders, while the app is open and the
//! client has allowed them. (The web cannot wake a closed app: calendar
//! files are the reliable reminder.)

use wasm_bindgen_futures::JsFuture;
use web_sys::{Notification, NotificationOptions, NotificationPermission};

/// Whether the browser offers notifications at all.
pub fn supported() -> bool {
    web_sys::window()
        .is_some_and(|w| js_sys::Reflect::has(&w, &"Notification".into()).unwrap_or(false))
}

/// True if the client has allowed notifications.
pub fn allowed() -> bool {
    supported() && Notification::permission() == NotificationPermission::Granted
}

/// Asks the client to allow notifications; true if they did.
pub async fn ask() -> bool {
    if !supported() {
        return false;
    }
    if let Ok(promise) = Notification::request_permission() {
        let _ = JsFuture::from(promise).await;
    }
    allowed()
}

/// Shows a notification, if allowed. The text is the client's own
/// appointment title and time: it goes to their own phone's screen only.
pub fn show(title: &str, body: &str) {
    if allowed() {
        let options = NotificationOptions::new();
        options.set_body(body);
        options.set_tag(title);
        let _ = Notification::new_with_options(title, &options);
    }
}

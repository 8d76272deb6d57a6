//! Other tabs and windows: the browser's `storage` event, which fires in
//! every other tab of this site when one changes local storage (never in
//! the tab that made the change), and whether the client has been typing
//! on the current page, so a change from elsewhere can be explained.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    /// The address of the page where the client last typed or ticked
    /// something not yet saved.
    static TYPED_ON: RefCell<Option<String>> = const { RefCell::new(None) };
}

fn pathname() -> Option<String> {
    web_sys::window()?.location().pathname().ok()
}

/// Calls `on_change` with the key whenever another tab or window changes
/// this site's local storage; `None` when it was cleared entirely.
/// Changes to session storage are ignored.
pub fn on_other_tab_change(on_change: impl Fn(Option<String>) + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let local = window.local_storage().ok().flatten();
    let handler = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
        let get = |name: &str| js_sys::Reflect::get(&event, &JsValue::from_str(name)).ok();
        let area = get("storageArea");
        let is_local = match (&area, &local) {
            (Some(area), Some(local)) => area == local.unchecked_ref::<JsValue>(),
            _ => true,
        };
        if is_local {
            on_change(get("key").and_then(|k| k.as_string()));
        }
    });
    let _ = window.add_event_listener_with_callback("storage", handler.as_ref().unchecked_ref());
    // Listens for the life of the page.
    handler.forget();
}

/// Starts noting where the client types, ticks or chooses something.
/// Only the page's address is kept, never what was typed.
pub fn watch_typing() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let handler = Closure::<dyn Fn()>::new(move || {
        TYPED_ON.with(|t| *t.borrow_mut() = pathname());
    });
    for name in ["input", "change"] {
        let _ = document.add_event_listener_with_callback(name, handler.as_ref().unchecked_ref());
    }
    handler.forget();
}

/// True if the client has typed on the page they are looking at since
/// their last save.
pub fn typed_here() -> bool {
    TYPED_ON.with(|t| t.borrow().is_some() && *t.borrow() == pathname())
}

/// Forgets any typing: after a save, or once the page has been redrawn.
pub fn forget_typing() {
    TYPED_ON.with(|t| *t.borrow_mut() = None);
}

/// Loads the page at `path` afresh, so everything is read from storage
/// again (after a restore).
pub fn load_afresh(path: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().assign(path);
    }
}

/// Keeps `value` under `name` for this tab only, across a reload.
pub fn set_tab_flag(name: &str, value: &str) {
    if let Some(s) = web_sys::window().and_then(|w| w.session_storage().ok().flatten()) {
        let _ = s.set_item(name, value);
    }
}

/// Reads and removes the tab flag `name`.
pub fn take_tab_flag(name: &str) -> Option<String> {
    let s = web_sys::window()?.session_storage().ok().flatten()?;
    let value = s.get_item(name).ok().flatten();
    let _ = s.remove_item(name);
    value
}

//! This site's storage as a whole: how much is used, the marker that tells
//! "the browser removed the data" apart from "first visit", plain
//! per-phone records outside the client's record, and deleting
//! everything.
//!
//! The marker is an entry in Cache Storage (cache [`MARKER_CACHE`]). We
//! chose Cache Storage because it is a second storage area that browsers
//! manage apart from local storage: tools and settings that clear local
//! storage or "cookies" often leave it, and a damaged or reset local
//! storage file does not touch it. It needs no cookie and is never sent
//! over the network. When a browser evicts the whole site it goes too, and
//! the client then sees the ordinary welcome screen, which also offers
//! "Restore from a backup". The name does not start with `alongside-`, so
//! the service worker's clean-up of old app caches leaves it alone.

use js_sys::{Array, Reflect};
use wasm_bindgen::JsValue;

use super::js::{call_ok, get, method};

/// The Cache Storage cache that holds the marker.
pub const MARKER_CACHE: &str = "alongside.marker";
const MARKER_URL: &str = "/alongside-data-marker";

fn caches() -> Option<JsValue> {
    get(&web_sys::window()?.into(), "caches")
}

/// Notes that the client's data is on this phone.
pub async fn set_marker() {
    let Some(caches) = caches() else {
        return;
    };
    let Some(cache) = call_ok(&caches, "open", &[MARKER_CACHE.into()]).await else {
        return;
    };
    let response = web_sys::window()
        .and_then(|w| method(&w.into(), "Response"))
        .and_then(|c| Reflect::construct(&c, &Array::of1(&JsValue::from_str("1"))).ok());
    let Some(response) = response else {
        return;
    };
    let _ = call_ok(&cache, "put", &[MARKER_URL.into(), response]).await;
}

/// True if the marker says the client's data was on this phone.
pub async fn has_marker() -> bool {
    let Some(caches) = caches() else {
        return false;
    };
    if call_ok(&caches, "has", &[MARKER_CACHE.into()])
        .await
        .and_then(|v| v.as_bool())
        != Some(true)
    {
        return false;
    }
    let Some(cache) = call_ok(&caches, "open", &[MARKER_CACHE.into()]).await else {
        return false;
    };
    call_ok(&cache, "match", &[MARKER_URL.into()])
        .await
        .is_some()
}

/// Removes the marker, when the client starts again without a backup.
pub async fn clear_marker() {
    if let Some(caches) = caches() {
        let _ = call_ok(&caches, "delete", &[MARKER_CACHE.into()]).await;
    }
}

/// How much the browser says this site uses, and may use, in bytes.
pub async fn estimate() -> Option<(f64, f64)> {
    let navigator: JsValue = web_sys::window()?.navigator().into();
    let storage = get(&navigator, "storage")?;
    let result = call_ok(&storage, "estimate", &[]).await?;
    Some((
        get(&result, "usage")?.as_f64()?,
        get(&result, "quota")?.as_f64()?,
    ))
}

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Every local storage key starting with one of `prefixes`.
fn keys_with(storage: &web_sys::Storage, prefixes: &[&str]) -> Vec<String> {
    let len = storage.length().unwrap_or(0);
    (0..len)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| prefixes.iter().any(|p| k.starts_with(p)))
        .collect()
}

/// The size of our local storage keys and values, in bytes as browsers
/// count them (two per UTF-16 unit).
pub fn local_bytes(prefixes: &[&str]) -> usize {
    let Some(storage) = local() else {
        return 0;
    };
    keys_with(&storage, prefixes)
        .iter()
        .map(|k| {
            let value = storage.get_item(k).ok().flatten().unwrap_or_default();
            2 * (k.encode_utf16().count() + value.encode_utf16().count())
        })
        .sum()
}

/// A plain per-phone value under `key` (not part of the client's record).
pub fn device_get(key: &str) -> Option<String> {
    local()?.get_item(key).ok().flatten()
}

/// Stores a plain per-phone value; quietly does nothing if it cannot.
pub fn device_set(key: &str, value: &str) {
    if let Some(s) = local() {
        let _ = s.set_item(key, value);
    }
}

/// Deletes everything of ours: the durable copy (IndexedDB), local
/// storage keys with `prefixes`, this tab's session flags, every Cache
/// Storage cache (the app's files and the marker), and the service worker
/// (offline, the app's files stay: see inside). Other sites' data cannot be reached and is never touched.
/// True if every local storage key went.
pub async fn delete_everything(prefixes: &[&str]) -> bool {
    // The durable copy first: were it left, the next start would put it
    // back into local storage.
    let mut all_gone = super::durable::erase().await;
    if let Some(storage) = local() {
        for key in keys_with(&storage, prefixes) {
            all_gone &= storage.remove_item(&key).is_ok();
        }
    }
    if let Some(s) = web_sys::window().and_then(|w| w.session_storage().ok().flatten()) {
        for key in keys_with(&s, prefixes) {
            let _ = s.remove_item(&key);
        }
    }
    // With no connection, the app's own files (which hold no health
    // data) are kept, so the page can load again and show the welcome
    // screen rather than the browser's "no internet" page; only the
    // marker cache goes. They are cleared the next time this is done online.
    let online = web_sys::window().is_none_or(|w| w.navigator().on_line());
    if !online {
        clear_marker().await;
        return all_gone;
    }
    // The worker first: while it runs it may open its cache again.
    let navigator: Option<JsValue> = web_sys::window().map(|w| w.navigator().into());
    if let Some(container) = navigator.as_ref().and_then(|n| get(n, "serviceWorker")) {
        if let Some(regs) = call_ok(&container, "getRegistrations", &[]).await {
            for reg in Array::from(&regs).iter() {
                let _ = call_ok(&reg, "unregister", &[]).await;
            }
        }
    }
    if let Some(caches) = caches() {
        if let Some(names) = call_ok(&caches, "keys", &[]).await {
            for name in Array::from(&names).iter() {
                let _ = call_ok(&caches, "delete", &[name]).await;
            }
        }
    }
    all_gone
}

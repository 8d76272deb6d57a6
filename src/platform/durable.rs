//! The durable copy of the client's record, in IndexedDB: a thin adapter
//! over the few calls `scripts/boot.js` offers as `window.alongsideDurable`
//! (opened and read there, before the app downloads, and kept in
//! JavaScript because each IndexedDB binding costs the main module bytes).
//! See docs/architecture.md "Durable saves".
//!
//! Every write is numbered; [`settled`] waits for a range of them, so a
//! page says "Saved" once exactly its own writes are on disk.

use js_sys::{Array, Function};
use wasm_bindgen::{JsCast, JsValue};

use super::js::{call, get, method};

fn shim() -> Option<JsValue> {
    get(&web_sys::window()?.into(), "alongsideDurable")
}

/// Calls the shim's `name` with `args` at once (no waiting); its number.
fn now(name: &str, args: &[JsValue]) -> u32 {
    let Some(shim) = shim() else {
        return 0;
    };
    method(&shim, name)
        .and_then(|f: Function| f.apply(&shim, &args.iter().collect::<Array>()).ok())
        .and_then(|n| n.as_f64())
        .map_or(0, |n| n as u32)
}

/// Every `(key, value)` in the durable copy, the value `None` where local
/// storage holds the same text (compared in JavaScript, so the app does
/// not copy every value only to compare it); or `None` if IndexedDB is
/// missing or refused (some private modes, no room, an old browser).
pub async fn entries() -> Option<Vec<(String, Option<String>)>> {
    let ready = get(&shim()?, "ready")?;
    let entries = wasm_bindgen_futures::JsFuture::from(ready.dyn_into::<js_sys::Promise>().ok()?)
        .await
        .ok()?;
    if entries.is_null() {
        return None;
    }
    Some(
        Array::from(&entries)
            .iter()
            .filter_map(|pair| {
                let pair = Array::from(&pair);
                Some((pair.get(0).as_string()?, pair.get(1).as_string()))
            })
            .collect(),
    )
}

/// The number of the latest write asked for.
pub fn mark() -> u32 {
    now("mark", &[])
}

/// Puts `value` under `key`, in a transaction of its own.
pub fn put(key: &str, value: &str) {
    now("put", &[key.into(), value.into()]);
}

/// Puts every `(key, value)` in one transaction (the first copy of an
/// existing user's record).
pub fn put_all(entries: &[(String, String)]) {
    if entries.is_empty() {
        return;
    }
    let list: Array = entries
        .iter()
        .map(|(k, v)| Array::of2(&k.into(), &v.into()))
        .collect();
    now("putAll", &[list.into()]);
}

/// Removes `key`.
pub fn remove(key: &str) {
    now("remove", &[key.into()]);
}

/// Waits for every write numbered after `from` up to `to`; true if all
/// are on disk (or there is no durable copy to wait for), false if one
/// failed.
pub async fn settled(from: u32, to: u32) -> bool {
    let Some(shim) = shim() else {
        return true;
    };
    match call(&shim, "settled", &[from.into(), to.into()]).await {
        Some(Ok(ok)) => ok.as_bool() != Some(false),
        _ => false,
    }
}

/// Deletes the whole durable copy; true if it went.
pub async fn erase() -> bool {
    let Some(shim) = shim() else {
        return true;
    };
    matches!(call(&shim, "erase", &[]).await, Some(Ok(v)) if v.as_bool() == Some(true))
}

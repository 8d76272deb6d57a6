//! Browser features reached by name, which older phones may not have:
//! looking them up, and calling them and awaiting the promise they return.
//! One place for this, so every adapter treats a missing feature the same.

use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// `target[name]`, if it is there (not undefined or null).
pub fn get(target: &JsValue, name: &str) -> Option<JsValue> {
    Reflect::get(target, &JsValue::from_str(name))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// `target[name]`, if it is a function.
pub fn method(target: &JsValue, name: &str) -> Option<Function> {
    get(target, name)?.dyn_into().ok()
}

/// Calls `target[name](...args)` and awaits the promise it returns. `None`
/// if there is no such method, or it threw or gave no promise; otherwise
/// how the promise settled.
pub async fn call(
    target: &JsValue,
    name: &str,
    args: &[JsValue],
) -> Option<Result<JsValue, JsValue>> {
    let f = method(target, name)?;
    let args: Array = args.iter().collect();
    let promise: Promise = f.apply(target, &args).ok()?.dyn_into().ok()?;
    Some(JsFuture::from(promise).await)
}

/// As [`call`], where a missing method and a refusal are the same to the
/// caller: the value, if the promise kept it.
pub async fn call_ok(target: &JsValue, name: &str, args: &[JsValue]) -> Option<JsValue> {
    call(target, name, args).await?.ok()
}

/// True if a promise was refused because the person closed what it opened
/// (a share sheet, say): not an error to report.
pub fn is_abort(error: &JsValue) -> bool {
    error
        .dyn_ref::<web_sys::DomException>()
        .is_some_and(|d| d.name() == "AbortError")
}

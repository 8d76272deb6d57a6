//! The browser's local storage as a [`Backend`], through gloo-storage,
//! with every write copied to the durable copy (`platform::durable`).
//!
//! We store raw strings rather than letting gloo serialise for us, because
//! a value that fails to parse must be kept aside byte for byte.

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

#[wasm_bindgen]
extern "C" {
    /// `Storage.getItem`, returning the JavaScript string itself so we can
    /// check it is valid Unicode before turning it into Rust text (the
    /// usual binding silently replaces lone surrogates).
    #[wasm_bindgen(js_name = Storage)]
    type RawStorage;

    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get_item_js(this: &RawStorage, key: &str) -> Result<JsValue, JsValue>;
}

use super::backend::{Backend, BackendError};

/// Local storage for this origin.
#[derive(Debug, Default, Clone, Copy)]
pub struct BrowserBackend;

impl BrowserBackend {
    /// The storage object, or why there is none. gloo's `LocalStorage::raw`
    /// panics when storage is blocked, so we ask the window first.
    fn storage(&self) -> Result<web_sys::Storage, BackendError> {
        let window = web_sys::window().ok_or(BackendError::Unavailable)?;
        match window.local_storage() {
            Ok(Some(_)) => Ok(LocalStorage::raw()),
            Ok(None) => Err(BackendError::Unavailable),
            Err(e) => Err(classify(e)),
        }
    }
}

/// Turns a thrown JavaScript value into a [`BackendError`].
fn classify(e: JsValue) -> BackendError {
    match e.dyn_into::<web_sys::DomException>() {
        Ok(ex) => BackendError::from_dom_exception(&ex.name(), &ex.message(), ex.code()),
        Err(other) => match other.dyn_into::<js_sys::Error>() {
            Ok(err) => BackendError::from_dom_exception(
                &String::from(err.name()),
                &String::from(err.message()),
                0,
            ),
            Err(_) => BackendError::Other("unknown error".into()),
        },
    }
}

impl Backend for BrowserBackend {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        let storage = self.storage()?;
        let value = storage
            .unchecked_ref::<RawStorage>()
            .get_item_js(key)
            .map_err(classify)?;
        if value.is_null() || value.is_undefined() {
            return Ok(None);
        }
        let text: js_sys::JsString = value.unchecked_into();
        if !text.is_valid_utf16() {
            return Err(BackendError::InvalidText);
        }
        Ok(Some(String::from(text)))
    }

    // Each write also goes to the durable copy (IndexedDB), which the
    // app waits for before it says "Saved": local storage reaches the disk
    // only every few seconds. Only a write local storage took is copied,
    // so the two never disagree about a refused save.
    fn set(&self, key: &str, value: &str) -> Result<(), BackendError> {
        self.storage()?.set_item(key, value).map_err(classify)?;
        crate::platform::durable::put(key, value);
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), BackendError> {
        self.storage()?.remove_item(key).map_err(classify)?;
        crate::platform::durable::remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, BackendError> {
        let storage = self.storage()?;
        let len = storage.length().map_err(classify)?;
        let mut keys = Vec::with_capacity(len as usize);
        for i in 0..len {
            if let Some(key) = storage.key(i).map_err(classify)? {
                keys.push(key);
            }
        }
        Ok(keys)
    }
}

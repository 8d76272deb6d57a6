//! An in-memory [`Backend`] for native tests, with switches to make it
//! behave like a full or disabled browser storage.

use std::collections::BTreeMap;
use std::sync::Mutex;

use super::backend::{Backend, BackendError};

/// A [`Backend`] that keeps everything in a map.
#[derive(Debug, Default)]
pub struct MemoryBackend {
    inner: Mutex<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    map: BTreeMap<String, String>,
    /// Like a browser's quota: the most UTF-16 code units of keys plus
    /// values it will hold. `None` means no limit.
    quota: Option<usize>,
    unavailable: bool,
    /// Keys whose value behaves like browser text that is not valid Unicode.
    invalid_text: Vec<String>,
}

fn units(s: &str) -> usize {
    s.encode_utf16().count()
}

impl MemoryBackend {
    /// An empty backend with no limit.
    pub fn new() -> Self {
        Self::default()
    }

    /// Limits the total size, in UTF-16 code units, as browsers do.
    pub fn with_quota(self, quota: usize) -> Self {
        self.lock().quota = Some(quota);
        self
    }

    /// Makes every call fail as if storage were switched off.
    pub fn set_unavailable(&self, unavailable: bool) {
        self.lock().unavailable = unavailable;
    }

    /// Puts a raw string in place, bypassing the store: how tests plant
    /// damaged or future-version values.
    pub fn plant(&self, key: &str, raw: &str) {
        self.lock().map.insert(key.to_string(), raw.to_string());
    }

    /// Makes the value under `key` read like a browser string with a lone
    /// surrogate: present, but not convertible to Rust text unchanged.
    pub fn plant_invalid_text(&self, key: &str) {
        let mut inner = self.lock();
        inner.map.insert(key.to_string(), "\u{FFFD}".to_string());
        inner.invalid_text.push(key.to_string());
    }

    /// The raw string under `key`, bypassing the store.
    pub fn raw(&self, key: &str) -> Option<String> {
        self.lock().map.get(key).cloned()
    }

    /// A copy of everything stored.
    pub fn snapshot(&self) -> BTreeMap<String, String> {
        self.lock().map.clone()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        // A poisoned lock only means another test thread panicked; the map
        // itself is still whole.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl Backend for MemoryBackend {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        let inner = self.lock();
        if inner.unavailable {
            return Err(BackendError::Unavailable);
        }
        if inner.invalid_text.iter().any(|k| k == key) {
            return Err(BackendError::InvalidText);
        }
        Ok(inner.map.get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), BackendError> {
        let mut inner = self.lock();
        if inner.unavailable {
            return Err(BackendError::Unavailable);
        }
        if let Some(quota) = inner.quota {
            let used: usize = inner
                .map
                .iter()
                .filter(|(k, _)| k.as_str() != key)
                .map(|(k, v)| units(k) + units(v))
                .sum();
            if used + units(key) + units(value) > quota {
                return Err(BackendError::QuotaExceeded);
            }
        }
        inner.map.insert(key.to_string(), value.to_string());
        inner.invalid_text.retain(|k| k != key);
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), BackendError> {
        let mut inner = self.lock();
        if inner.unavailable {
            return Err(BackendError::Unavailable);
        }
        inner.map.remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, BackendError> {
        let inner = self.lock();
        if inner.unavailable {
            return Err(BackendError::Unavailable);
        }
        Ok(inner.map.keys().cloned().collect())
    }
}

//! The one thing the store needs from the platform: a place to keep
//! strings under keys. The browser gives us local storage; native tests
//! use [`super::MemoryBackend`].

/// Why the platform refused a storage operation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackendError {
    /// The browser's storage for this site is full.
    QuotaExceeded,
    /// Storage is switched off (some private modes, blocked site data).
    Unavailable,
    /// The stored text is not valid Unicode (a lone UTF-16 surrogate), so
    /// it cannot be read into Rust without changing it.
    InvalidText,
    /// Anything else. Holds the browser's error name and message, which
    /// never include the stored value.
    Other(String),
}

impl BackendError {
    /// Maps a browser `DOMException` (its `name`, `message` and legacy
    /// `code`) to what it means for us. Browsers disagree on the form:
    /// - Chromium and WebKit: name `QuotaExceededError`, code 22.
    /// - Firefox: name `NS_ERROR_DOM_QUOTA_REACHED`, code 1014 (older
    ///   versions), now also `QuotaExceededError`.
    /// - Old Safari private mode: `QuotaExceededError` even for a tiny value.
    /// - Storage blocked: `SecurityError` (code 18) from every engine.
    pub fn from_dom_exception(name: &str, message: &str, code: u16) -> BackendError {
        let lower = message.to_ascii_lowercase();
        if name == "QuotaExceededError"
            || name == "NS_ERROR_DOM_QUOTA_REACHED"
            || code == 22
            || code == 1014
            || lower.contains("quota")
        {
            BackendError::QuotaExceeded
        } else if name == "SecurityError"
            || name == "InvalidAccessError"
            || code == 18
            || lower.contains("access is denied")
            || lower.contains("insecure")
        {
            BackendError::Unavailable
        } else {
            BackendError::Other(format!("{name}: {message}"))
        }
    }
}

/// A string key-value store: local storage in the browser, a map in tests.
///
/// Methods take `&self` because browser storage is shared, global state.
pub trait Backend {
    /// The value under `key`, or `None` if there is none.
    fn get(&self, key: &str) -> Result<Option<String>, BackendError>;
    /// Stores `value` under `key`, replacing what was there.
    fn set(&self, key: &str, value: &str) -> Result<(), BackendError>;
    /// Removes `key`. Removing a missing key is not an error.
    fn remove(&self, key: &str) -> Result<(), BackendError>;
    /// Every key, in no particular order.
    fn keys(&self) -> Result<Vec<String>, BackendError>;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quota_errors_from_every_engine_are_recognised() {
        let quota = [
            // Chromium: DOMException QuotaExceededError, legacy code 22.
            (
                "QuotaExceededError",
                "Failed to execute 'setItem' on 'Storage': Setting the value of 'k' exceeded the quota.",
                22,
            ),
            // Firefox (older): its own name and code.
            ("NS_ERROR_DOM_QUOTA_REACHED", "Persistent storage maximum size reached", 1014),
            // Firefox (current).
            ("QuotaExceededError", "The quota has been exceeded.", 22),
            // WebKit / Safari, including old private mode.
            ("QuotaExceededError", "QuotaExceededError: DOM Exception 22", 22),
        ];
        for (name, message, code) in quota {
            assert_eq!(
                BackendError::from_dom_exception(name, message, code),
                BackendError::QuotaExceeded,
                "{name}"
            );
        }
    }

    #[test]
    fn blocked_storage_is_recognised() {
        let blocked = [
            // Chromium with site data blocked.
            ("SecurityError", "Failed to read the 'localStorage' property from 'Window': Access is denied for this document.", 18),
            // Firefox with cookies disabled.
            ("SecurityError", "The operation is insecure.", 18),
        ];
        for (name, message, code) in blocked {
            assert_eq!(
                BackendError::from_dom_exception(name, message, code),
                BackendError::Unavailable
            );
        }
    }

    #[test]
    fn anything_else_keeps_its_name() {
        assert_eq!(
            BackendError::from_dom_exception("UnknownError", "disk on fire", 0),
            BackendError::Other("UnknownError: disk on fire".into())
        );
    }
}

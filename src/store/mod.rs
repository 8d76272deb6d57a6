//! Safe local storage for the client's health record.
//!
//! [`Store`] sits between the app and a [`Backend`] (local storage in the
//! browser, a map in tests) and applies the storage rules of DESIGN.md:
//! - every value is wrapped in a versioned envelope ([`schema`]);
//! - a value that cannot be read is moved aside under a quarantine key and
//!   reported, never overwritten or deleted silently;
//! - a value written by a newer version is never rewritten;
//! - a save that would overwrite another tab's newer save is refused;
//! - a failed save leaves the stored value as it was and says why.
//!
//! The format is documented in `docs/storage-format.md`.

mod backend;
pub mod backup;
#[cfg(target_arch = "wasm32")]
mod browser;
pub mod device;
pub mod diary;
pub mod export;
pub mod install_choice;
mod keys;
pub mod kinds;
mod memory;
pub mod protected;
pub mod reconcile;
pub mod schema;

use std::sync::Mutex;

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

pub use backend::{Backend, BackendError};
#[cfg(target_arch = "wasm32")]
pub use browser::BrowserBackend;
pub use keys::{StoreKey, PREFIX};
pub use kinds::Stored;
pub use memory::MemoryBackend;
use schema::{decode, decode_newer_leniently, encode, encode_kind, peek, DecodeError, Record};

/// The record kind of a quarantined copy.
pub const QUARANTINE_KIND: &str = "quarantine";
/// The schema of a quarantined copy.
pub const QUARANTINE_SCHEMA: u32 = 1;

/// What is kept under a quarantine key: the unreadable value exactly as it
/// was, where it came from, and why it could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuarantinedValue {
    /// The key the value was stored under.
    pub from_key: String,
    /// Why it could not be read, in plain words.
    pub reason: String,
    /// The stored text, byte for byte.
    pub raw: String,
}

/// The result of reading one value: the value if there is one we can show,
/// and a problem to tell the client about, if any.
#[derive(Debug, Clone, PartialEq)]
pub struct Load<T> {
    /// The value to show. Present for a normal read and, where possible,
    /// for a value saved by a newer version (shown read-only).
    pub value: Option<T>,
    /// Something the client should be told.
    pub problem: Option<LoadProblem>,
}

/// Something that went wrong reading a value, to be shown to the client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadProblem {
    /// The value could not be read, so it was moved aside to `kept_as`.
    Quarantined {
        /// What the value held, e.g. "your details".
        what: String,
        /// Where the copy is kept.
        kept_as: StoreKey,
        /// Why it could not be read.
        reason: String,
    },
    /// The value could not be read and could not be moved aside (storage
    /// full), so it was left exactly where it was and will not be changed.
    Unreadable {
        /// What the value held.
        what: String,
        /// Why it could not be read.
        reason: String,
    },
    /// Saved by a newer version of the app: shown read-only, never rewritten.
    Newer {
        /// What the value held.
        what: String,
    },
    /// The browser would not let us read storage at all.
    Unavailable,
}

impl LoadProblem {
    /// The message shown to the client, in plain English.
    pub fn message(&self) -> String {
        match self {
            LoadProblem::Quarantined { what, .. } => format!(
                "Some of your saved information ({what}) could not be read. \
                 We have kept a copy of it on this phone, so nothing has been deleted. \
                 You can carry on using the app."
            ),
            LoadProblem::Unreadable { what, .. } => format!(
                "Some of your saved information ({what}) could not be read. \
                 We have left it exactly as it was and will not change it. \
                 You can carry on using the app."
            ),
            LoadProblem::Newer { what } => format!(
                "Some of your saved information ({what}) was saved by a newer version of \
                 Alongside. To keep it safe, this version will show it but not change it. \
                 Close the app and open it again to get the newest version."
            ),
            LoadProblem::Unavailable => "This browser is not letting Alongside save anything \
                 on this phone. You can still use the app, but what you enter will be lost \
                 when you close it. Private browsing can cause this."
                .into(),
        }
    }
}

/// Why a save did not happen. In every case the stored value is unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// The browser's storage for the app is full.
    Full,
    /// The browser will not let us save (storage switched off).
    Unavailable,
    /// The stored value was saved by a newer version of the app.
    Newer {
        /// What the value holds.
        what: String,
    },
    /// Another tab or window saved this value since we last read it.
    ChangedElsewhere {
        /// What the value holds.
        what: String,
    },
    /// The stored value cannot be read and could not be moved aside.
    Unreadable {
        /// What the value holds.
        what: String,
    },
    /// Any other refusal from the browser.
    Other(String),
}

impl SaveError {
    /// The message shown to the client, in plain English.
    pub fn message(&self) -> String {
        const KEPT: &str = "What you entered is still here while the app stays open.";
        match self {
            SaveError::Full => format!(
                "This was not saved: the storage Alongside can use on this phone is full. {KEPT} \
                 Your earlier saved information is safe."
            ),
            SaveError::Unavailable => format!(
                "This was not saved: this browser is not letting Alongside save on this phone. \
                 {KEPT} Private browsing can cause this."
            ),
            SaveError::Newer { what } => format!(
                "This was not saved: some of your information ({what}) was saved by a newer \
                 version of Alongside, and this version will not change it. Close the app and open it again \
                 to get the newest version."
            ),
            SaveError::ChangedElsewhere { what } => format!(
                "This was not saved: some of your information ({what}) was changed in another \
                 tab or window. \
                 Nothing has been overwritten. You are now seeing the newest version: check \
                 it, then make your change again if you still need to."
            ),
            SaveError::Unreadable { what } => format!(
                "This was not saved: some of your information ({what}) could not be read, \
                 so we will not save over it. {KEPT}"
            ),
            // The browser's own wording is technical; the reason stays in
            // the value for support, not in the message.
            SaveError::Other(_) => format!(
                "This was not saved: the browser would not store it. {KEPT} \
                 Try again in a moment."
            ),
        }
    }
}

impl From<BackendError> for SaveError {
    fn from(e: BackendError) -> Self {
        match e {
            BackendError::QuotaExceeded => SaveError::Full,
            BackendError::Unavailable => SaveError::Unavailable,
            BackendError::InvalidText => SaveError::Other("unreadable text".into()),
            BackendError::Other(why) => SaveError::Other(why),
        }
    }
}

/// Why a key must not be written by this build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lock {
    Newer,
    Unreadable,
}

/// A tiny map: a tab touches a handful of keys, and a vector costs the
/// app far fewer bytes than a hash map for each value type.
#[derive(Debug)]
struct SmallMap<V>(Vec<(StoreKey, V)>);

impl<V: Copy> SmallMap<V> {
    fn get(&self, key: &StoreKey) -> Option<V> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| *v)
    }

    fn insert(&mut self, key: StoreKey, value: V) {
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some(entry) => entry.1 = value,
            None => self.0.push((key, value)),
        }
    }

    fn remove(&mut self, key: &StoreKey) {
        self.0.retain(|(k, _)| k != key);
    }
}

impl<V> Default for SmallMap<V> {
    fn default() -> Self {
        SmallMap(Vec::new())
    }
}

/// What this tab last read or wrote under a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Seen {
    /// The highest revision met under the key, so revisions keep rising
    /// even after a damaged value is moved aside.
    rev: u64,
    /// A hash of the exact stored text, or `None` if the key was empty.
    text: Option<u64>,
}

/// A hash of stored text, to tell whether it changed since we saw it.
fn text_hash(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    // DefaultHasher::new() always starts from the same keys, so the same
    // text always gives the same hash within (and across) sessions.
    let mut h = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

#[derive(Debug, Default)]
struct State {
    /// Each key as this tab last read or wrote it.
    seen: SmallMap<Seen>,
    /// Keys this build must not write.
    locks: SmallMap<Lock>,
}

/// The app's storage: typed, versioned, and careful with the client's data.
#[derive(Debug)]
pub struct Store<B> {
    backend: B,
    state: Mutex<State>,
}

impl<B: Backend> Store<B> {
    /// A store over `backend`.
    pub fn new(backend: B) -> Self {
        Store {
            backend,
            state: Mutex::new(State::default()),
        }
    }

    /// The backend, for tests and for features that list keys.
    pub fn backend(&self) -> &B {
        &self.backend
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Reads the value under `key`. A value that cannot be read is moved
    /// aside and reported; the rest of the app carries on either way.
    pub fn load<T: Record>(&self, key: &StoreKey, now: DateTime<Utc>) -> Load<T> {
        let raw = match self.backend.get(key.as_str()) {
            Ok(raw) => raw,
            Err(BackendError::InvalidText) => {
                // Copying it aside would change it, so leave it exactly
                // where it is and never write over it.
                return Load {
                    value: None,
                    problem: Some(self.leave_unreadable(
                        key,
                        "it contains text that is not valid Unicode".into(),
                    )),
                };
            }
            Err(_) => {
                return Load {
                    value: None,
                    problem: Some(LoadProblem::Unavailable),
                }
            }
        };
        let Some(raw) = raw else {
            self.state()
                .seen
                .insert(key.clone(), Seen { rev: 0, text: None });
            return Load {
                value: None,
                problem: None,
            };
        };
        match decode::<T>(&raw) {
            Ok(decoded) => {
                self.state().seen.insert(
                    key.clone(),
                    Seen {
                        rev: decoded.rev,
                        text: Some(text_hash(&raw)),
                    },
                );
                Load {
                    value: Some(decoded.value),
                    problem: None,
                }
            }
            Err(DecodeError::Newer { .. }) => {
                self.state().locks.insert(key.clone(), Lock::Newer);
                Load {
                    value: decode_newer_leniently(&raw),
                    problem: Some(LoadProblem::Newer {
                        what: key.describe(),
                    }),
                }
            }
            Err(e) => Load {
                value: None,
                problem: Some(self.quarantine(key, &raw, &e, now)),
            },
        }
    }

    /// Moves an unreadable value aside. The copy is written and read back
    /// before the original is removed, so the value always exists in at
    /// least one place.
    fn quarantine(
        &self,
        key: &StoreKey,
        raw: &str,
        why: &DecodeError,
        now: DateTime<Utc>,
    ) -> LoadProblem {
        let reason = why.to_string();
        let Some(kept_as) = self.copy_aside(key, raw, &reason, now) else {
            return self.leave_unreadable(key, reason);
        };
        if self.backend.remove(key.as_str()).is_err() {
            return self.leave_unreadable(key, reason);
        }
        // Later saves continue above the damaged value's revision.
        let rev = peek(raw).map_or(0, |h| h.rev);
        self.state()
            .seen
            .insert(key.clone(), Seen { rev, text: None });
        LoadProblem::Quarantined {
            what: key.describe(),
            kept_as,
            reason,
        }
    }

    /// Writes a quarantined copy of `raw` (once under `key`) and reads it
    /// back; where it is kept, or `None` if it could not be kept.
    fn copy_aside(
        &self,
        key: &StoreKey,
        raw: &str,
        reason: &str,
        now: DateTime<Utc>,
    ) -> Option<StoreKey> {
        // Find a free quarantine key: two damaged copies in the same
        // millisecond must not overwrite each other.
        let mut at = now;
        let kept_as = loop {
            let candidate = StoreKey::quarantine(at, key);
            match self.backend.get(candidate.as_str()).ok()? {
                None => break candidate,
                Some(_) => at += Duration::milliseconds(1),
            }
        };
        let entry = QuarantinedValue {
            from_key: key.as_str().to_string(),
            reason: reason.to_string(),
            raw: raw.to_string(),
        };
        let text = encode_kind(QUARANTINE_KIND, QUARANTINE_SCHEMA, &entry, 1, now);
        let copied = self.backend.set(kept_as.as_str(), &text).is_ok()
            && self.backend.get(kept_as.as_str()).ok().flatten().as_deref() == Some(text.as_str());
        copied.then_some(kept_as)
    }

    /// Leaves an unreadable value exactly where it is, makes its key
    /// read-only for this build, and says why.
    fn leave_unreadable(&self, key: &StoreKey, reason: String) -> LoadProblem {
        self.state().locks.insert(key.clone(), Lock::Unreadable);
        LoadProblem::Unreadable {
            what: key.describe(),
            reason,
        }
    }

    /// Saves `value` under `key` as a new revision and returns that
    /// revision. Refuses, leaving storage unchanged, if the key was saved
    /// by a newer version, changed by another tab since this one read it,
    /// or the browser will not store it.
    pub fn save<T: Record>(
        &self,
        key: &StoreKey,
        value: &T,
        now: DateTime<Utc>,
    ) -> Result<u64, SaveError> {
        let seen = self.writable::<T>(key)?;
        let rev = seen.map_or(0, |s| s.rev).saturating_add(1);
        let text = encode(value, rev, now);
        self.backend
            .set(key.as_str(), &text)
            .map_err(SaveError::from)?;
        self.state().seen.insert(
            key.clone(),
            Seen {
                rev,
                text: Some(text_hash(&text)),
            },
        );
        Ok(rev)
    }

    /// Removes the value under `key` (of kind `T`), as a deliberate
    /// choice of the client's, with the same care as a save: refused,
    /// leaving storage unchanged, if the key was saved by a newer version,
    /// is unreadable, or was changed by another tab since this one read it.
    pub fn remove<T: Record>(&self, key: &StoreKey) -> Result<(), SaveError> {
        let seen = self.writable::<T>(key)?;
        self.backend.remove(key.as_str()).map_err(SaveError::from)?;
        self.state().seen.insert(
            key.clone(),
            Seen {
                rev: seen.map_or(0, |s| s.rev),
                text: None,
            },
        );
        Ok(())
    }

    /// Checks that this tab may write `key` (of kind `T`) now: not a newer
    /// version's, readable, and exactly as this tab last read or wrote it.
    /// Gives what this tab saw there.
    fn writable<T: Record>(&self, key: &StoreKey) -> Result<Option<Seen>, SaveError> {
        let what = || key.describe();
        let lock = self.state().locks.get(key);
        match lock {
            Some(Lock::Newer) => return Err(SaveError::Newer { what: what() }),
            Some(Lock::Unreadable) => return Err(SaveError::Unreadable { what: what() }),
            None => {}
        }
        let seen = self.state().seen.get(key);
        let current = self.backend.get(key.as_str()).map_err(|e| match e {
            BackendError::InvalidText => {
                self.leave_unreadable(key, "it contains text that is not valid Unicode".into());
                SaveError::Unreadable { what: what() }
            }
            other => SaveError::from(other),
        })?;
        if let Some(header) = current.as_deref().and_then(|raw| peek(raw).ok()) {
            if header.kind == T::KIND && header.schema > T::SCHEMA {
                self.state().locks.insert(key.clone(), Lock::Newer);
                return Err(SaveError::Newer { what: what() });
            }
        }
        // The stored text must be exactly what this tab last read or wrote
        // (or still absent, if it never read the key). Comparing the text
        // itself, not only `rev`, also catches another tab that moved a
        // damaged value aside and saved afresh.
        let expected = seen.and_then(|s| s.text);
        if current.as_deref().map(text_hash) != expected {
            return Err(SaveError::ChangedElsewhere { what: what() });
        }
        Ok(seen)
    }

    /// Notes that a restore wrote `text` under `key` directly (or removed
    /// it, for `None`), so this tab's next save continues from it. The
    /// revision carries on above any this tab has met, and the key is no
    /// longer locked: the next save looks at the new value afresh.
    fn note_replaced(&self, key: &StoreKey, text: Option<&str>) {
        let mut state = self.state();
        let met = state.seen.get(key).map_or(0, |s| s.rev);
        let rev = text
            .and_then(|t| peek(t).ok())
            .map_or(0, |h| h.rev)
            .max(met);
        state.seen.insert(
            key.clone(),
            Seen {
                rev,
                text: text.map(text_hash),
            },
        );
        state.locks.remove(key);
    }

    /// Why this build must not write `key`, if it must not.
    fn lock_error(&self, key: &StoreKey) -> Option<SaveError> {
        let what = key.describe();
        self.state().locks.get(key).map(|lock| match lock {
            Lock::Newer => SaveError::Newer { what },
            Lock::Unreadable => SaveError::Unreadable { what },
        })
    }

    /// Every key of ours in storage (none if storage cannot be read).
    pub fn keys(&self) -> Vec<StoreKey> {
        self.backend
            .keys()
            .unwrap_or_default()
            .iter()
            .filter_map(|k| StoreKey::parse(k))
            .collect()
    }

    /// The keys of every quarantined copy, oldest first.
    pub fn quarantined(&self) -> Vec<StoreKey> {
        let mut keys: Vec<StoreKey> = self.keys();
        keys.retain(StoreKey::is_quarantine);
        keys.sort_unstable();
        keys
    }

    /// True if this build must not write `key` (newer version, or
    /// unreadable and not moved aside).
    pub fn is_read_only(&self, key: &StoreKey) -> bool {
        self.state().locks.get(key).is_some()
    }
}

//! [`Saved`]: one record kind, read from storage when a page first needs
//! it and saved through the store, as a signal the pages read.

use std::sync::Arc;

use leptos::prelude::*;

use super::notices::Notices;
use super::AppStore;
use crate::model::{FieldError, Goal, GoalBook, GoalField, Profile};
use crate::platform::clock;
use crate::store::{SaveError, StoreKey, Stored};

/// One stored record of kind `T`: the signal the pages read, and whether
/// this build may change it.
#[derive(Debug)]
pub struct Saved<T: Send + Sync + 'static> {
    value: RwSignal<Option<T>>,
    read_only: RwSignal<bool>,
    last_failed: RwSignal<bool>,
    store: StoredValue<Arc<AppStore>>,
    notices: Notices,
}

impl<T: Send + Sync + 'static> Clone for Saved<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Saved<T> {}

impl<T: Stored> Saved<T> {
    /// Reads the record from `store`, telling `notices` of any problem.
    pub(super) fn load(store: Arc<AppStore>, notices: Notices) -> Self {
        let saved = Saved {
            value: RwSignal::new(None),
            read_only: RwSignal::new(false),
            last_failed: RwSignal::new(false),
            store: StoredValue::new(store),
            notices,
        };
        saved.value.set(saved.load_again());
        saved
    }

    /// Reads the value from storage again, after another tab or window
    /// changed it, so the newest is shown and the next save builds on it.
    /// True if what is shown changed.
    pub fn reload(&self) -> bool {
        let value = self.load_again();
        let changed = self.value.with_untracked(|v| *v != value);
        if changed {
            self.value.set(value);
        }
        changed
    }

    /// Reads the stored value afresh, noting any problem and whether this
    /// build may change it.
    fn load_again(&self) -> Option<T> {
        let key = T::key();
        let load = self.store.with_value(|s| s.load::<T>(&key, clock::now()));
        if let Some(problem) = &load.problem {
            self.notices.warn(problem.message());
        }
        self.note_read_only(&key);
        load.value
    }

    /// Whether the store will let this build write the key, as a signal.
    fn note_read_only(&self, key: &StoreKey) {
        let locked = self.store.with_value(|s| s.is_read_only(key));
        if self.read_only.get_untracked() != locked {
            self.read_only.set(locked);
        }
    }

    /// The value, if there is one (tracked).
    pub fn get(&self) -> Option<T> {
        self.value.get()
    }

    /// Reads the value without cloning it (tracked).
    pub fn with<R>(&self, f: impl FnOnce(Option<&T>) -> R) -> R {
        self.value.with(|v| f(v.as_ref()))
    }

    /// Reads the value without cloning it or tracking it, in event handlers.
    pub fn with_untracked<R>(&self, f: impl FnOnce(Option<&T>) -> R) -> R {
        self.value.with_untracked(|v| f(v.as_ref()))
    }

    /// True when this build must not change the stored value (it came
    /// from a newer version, or could not be read or moved aside).
    pub fn is_read_only(&self) -> bool {
        self.read_only.get()
    }

    /// Saves `value`. The result is shown at once in the notices. If the
    /// browser refused (full, switched off), the new value stays in use
    /// for this session, so nothing the client typed is lost, and the
    /// stored one is unchanged. If another tab or window saved first, its
    /// newer value is loaded and shown instead: it is never overwritten.
    /// If this build must not write the key, the value shown stays as it
    /// was.
    pub fn save(&self, value: T) -> Result<(), SaveError> {
        let key = T::key();
        let result = super::durable::tracked(self.notices, || {
            self.store
                .with_value(|s| s.save(&key, &value, clock::now()))
                .map(|_| ())
        });
        match result {
            Err(SaveError::Newer { .. } | SaveError::Unreadable { .. }) => {}
            // Another tab saved first: show the newest, never overwrite it.
            Err(SaveError::ChangedElsewhere { .. }) => {
                self.value.set(self.load_again());
                self.notices.changed_elsewhere();
            }
            _ => self.value.set(Some(value)),
        }
        self.note_read_only(&key);
        self.last_failed.set(result.is_err());
        self.notices.save_result(&result);
        result
    }

    /// True if the latest save worked, so a page may say "saved"; after a
    /// failure the notices already say what happened.
    pub fn saved_ok(&self) -> bool {
        !self.last_failed.get_untracked()
    }

    /// Runs a domain operation on a copy of the value (or a new empty one)
    /// and saves the result. If the operation refuses (bad input), nothing
    /// changes and nothing is saved: never half a change.
    pub fn change<R, E>(&self, op: impl FnOnce(&mut T) -> Result<R, E>) -> Result<R, E>
    where
        T: Default,
    {
        let mut next = self.value.get_untracked().unwrap_or_default();
        let out = op(&mut next)?;
        // A failed save is shown by the notices; the change stays in use.
        let _ = self.save(next);
        Ok(out)
    }
}

/// The client's profile, from set-up.
pub type ProfileStore = Saved<Profile>;

impl ProfileStore {
    /// True once there is a profile (set-up done or a newer version's
    /// profile shown read-only).
    pub fn is_set_up(&self) -> bool {
        self.value.with(Option::is_some)
    }
}

/// The client's goals.
pub type GoalsStore = Saved<GoalBook>;

impl GoalsStore {
    /// Runs a domain operation on one goal and saves the result, as
    /// [`Saved::change`] does. A goal deleted meanwhile (in another tab,
    /// say) is reported, not recreated.
    pub fn change_goal<R>(
        &self,
        id: u32,
        op: impl FnOnce(&mut Goal) -> Result<R, FieldError<GoalField>>,
    ) -> Result<R, FieldError<GoalField>> {
        self.change(|book| match book.get_mut(id) {
            Some(goal) => op(goal),
            None => Err(FieldError::new(
                GoalField::Text,
                "This goal has been deleted, so it cannot be changed",
            )),
        })
    }
}

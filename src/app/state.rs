//! The reactive stores the UI reads, provided in context.
//!
//! Components never touch storage: they call a method here, which runs the
//! domain operation, saves through the [`Store`], and updates a signal.

use std::sync::Arc;

use leptos::prelude::*;

use crate::model::goal::DeletedGoal;
use crate::model::{FieldError, Goal, GoalBook, GoalField, Profile};
use crate::platform::clock;
use crate::platform::persist::Persistence;
use crate::store::schema::Record;
use crate::store::{BrowserBackend, LoadProblem, SaveError, Store, StoreKey};

/// The store over the browser's local storage.
pub type AppStore = Store<BrowserBackend>;

/// How serious a notice is, which decides its colour and ARIA role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Something to know about (a value kept aside, read-only mode).
    Warning,
    /// Something failed just now (a save).
    Error,
}

/// A message shown at the top of every page until it is resolved or
/// dismissed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// Unique for this session, so a notice can be dismissed.
    pub id: u32,
    /// How serious it is.
    pub tone: Tone,
    /// What to tell the client.
    pub message: String,
    /// Save failures are replaced by the next save's outcome, not dismissed.
    pub from_save: bool,
}

/// The list of notices.
#[derive(Debug, Clone, Copy)]
pub struct Notices {
    list: RwSignal<Vec<Notice>>,
    next_id: RwSignal<u32>,
}

impl Notices {
    fn new() -> Self {
        Notices {
            list: RwSignal::new(Vec::new()),
            next_id: RwSignal::new(1),
        }
    }

    /// The notices to show, oldest first.
    pub fn all(&self) -> Vec<Notice> {
        self.list.get()
    }

    /// Adds a notice about something found while loading. The same
    /// message is shown once, however many records it applies to.
    pub fn warn(&self, message: String) {
        if !self
            .list
            .with_untracked(|l| l.iter().any(|n| n.message == message))
        {
            self.push(Tone::Warning, message, false);
        }
    }

    fn push(&self, tone: Tone, message: String, from_save: bool) {
        let id = self.next_id.get_untracked();
        self.next_id.set(id + 1);
        self.list.update(|l| {
            l.push(Notice {
                id,
                tone,
                message,
                from_save,
            })
        });
    }

    /// Shows the result of a save: a failure replaces any earlier save
    /// failure; a success clears them.
    pub fn save_result(&self, result: &Result<(), SaveError>) {
        self.list.update(|l| l.retain(|n| !n.from_save));
        if let Err(e) = result {
            self.push(Tone::Error, e.message(), true);
        }
    }

    /// Removes the notice with `id`.
    pub fn dismiss(&self, id: u32) {
        self.list.update(|l| l.retain(|n| n.id != id));
    }
}

/// One stored record, loaded at start and saved through the store: the
/// signal the pages read, and whether this build may change it.
#[derive(Debug)]
pub struct Saved<T: Send + Sync + 'static> {
    value: RwSignal<Option<T>>,
    read_only: RwSignal<bool>,
    key: StoredValue<StoreKey>,
    store: StoredValue<Arc<AppStore>>,
    notices: Notices,
}

impl<T: Send + Sync + 'static> Clone for Saved<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Saved<T> {}

impl<T: Record + Clone + Send + Sync + 'static> Saved<T> {
    fn load(store: Arc<AppStore>, notices: Notices, key: StoreKey) -> Self {
        let load = store.load::<T>(&key, clock::now());
        if let Some(problem) = &load.problem {
            notices.warn(problem.message());
        }
        Saved {
            value: RwSignal::new(load.value),
            read_only: RwSignal::new(matches!(
                load.problem,
                Some(LoadProblem::Newer { .. } | LoadProblem::Unreadable { .. })
            )),
            key: StoredValue::new(key),
            store: StoredValue::new(store),
            notices,
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
    /// browser refused (full, switched off, changed in another tab), the
    /// new value stays in use for this session, so nothing the client
    /// typed is lost, and the stored one is unchanged. If this build must
    /// not write the key, the value shown stays as it was.
    pub fn save(&self, value: T) -> Result<(), SaveError> {
        let result = self.store.with_value(|s| {
            self.key
                .with_value(|key| s.save(key, &value, clock::now()))
                .map(|_| ())
        });
        if let Err(SaveError::Newer { .. } | SaveError::Unreadable { .. }) = result {
            self.read_only.set(true);
        } else {
            self.value.set(Some(value));
        }
        self.notices.save_result(&result);
        result
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

/// A goal the client just deleted, so the goals page can offer "Undo".
#[derive(Debug, Clone, Copy)]
pub struct DeletedGoalSlot(pub RwSignal<Option<DeletedGoal>>);

/// Facts about the app itself rather than the client's record.
#[derive(Debug, Clone, Copy)]
pub struct AppStatus {
    /// A new version has been downloaded and is waiting.
    pub update_ready: RwSignal<bool>,
    /// What the browser said about keeping our storage.
    pub persistence: RwSignal<Option<Persistence>>,
    /// How many unreadable values have been kept aside.
    pub quarantined: RwSignal<usize>,
    /// The client's details were just saved from "Change your details";
    /// My data confirms it once.
    pub details_saved: RwSignal<bool>,
}

/// Loads everything from storage and provides the stores in context.
/// Called once, at the top of the app.
pub fn provide_app_state() {
    let store = Arc::new(AppStore::new(BrowserBackend));
    let notices = Notices::new();
    let profile = ProfileStore::load(store.clone(), notices, StoreKey::profile());
    let goals = GoalsStore::load(store.clone(), notices, StoreKey::goals());
    let status = AppStatus {
        update_ready: RwSignal::new(false),
        persistence: RwSignal::new(None),
        quarantined: RwSignal::new(store.quarantined().len()),
        details_saved: RwSignal::new(false),
    };
    provide_context(notices);
    provide_context(profile);
    provide_context(goals);
    provide_context(DeletedGoalSlot(RwSignal::new(None)));
    provide_context(status);
}

/// The notices, from context.
pub fn use_notices() -> Notices {
    expect_context()
}

/// The profile store, from context.
pub fn use_profile() -> ProfileStore {
    expect_context()
}

/// The goals store, from context.
pub fn use_goals() -> GoalsStore {
    expect_context()
}

/// The goal deleted last, from context.
pub fn use_deleted_goal() -> DeletedGoalSlot {
    expect_context()
}

/// The app status, from context.
pub fn use_status() -> AppStatus {
    expect_context()
}

//! The reactive stores the UI reads, provided in context.
//!
//! Components never touch storage: they call a method here, which runs the
//! domain operation, saves through the [`Store`], and updates a signal.

use std::sync::Arc;

use leptos::prelude::*;

use crate::model::Profile;
use crate::platform::clock;
use crate::platform::persist::Persistence;
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

    /// Adds a notice about something found while loading.
    pub fn warn(&self, message: String) {
        self.push(Tone::Warning, message, false);
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

/// The client's profile, loaded at start and saved through the store.
#[derive(Debug, Clone, Copy)]
pub struct ProfileStore {
    profile: RwSignal<Option<Profile>>,
    read_only: RwSignal<bool>,
    store: StoredValue<Arc<AppStore>>,
    notices: Notices,
}

impl ProfileStore {
    fn load(store: Arc<AppStore>, notices: Notices) -> Self {
        let key = StoreKey::profile();
        let load = store.load::<Profile>(&key, clock::now());
        if let Some(problem) = &load.problem {
            notices.warn(problem.message());
        }
        ProfileStore {
            profile: RwSignal::new(load.value),
            read_only: RwSignal::new(matches!(
                load.problem,
                Some(LoadProblem::Newer { .. } | LoadProblem::Unreadable { .. })
            )),
            store: StoredValue::new(store),
            notices,
        }
    }

    /// The profile, if set-up has been done.
    pub fn get(&self) -> Option<Profile> {
        self.profile.get()
    }

    /// True once there is a profile (set-up done or a newer version's
    /// profile shown read-only).
    pub fn is_set_up(&self) -> bool {
        self.profile.with(Option::is_some)
    }

    /// True when the stored profile must not be changed by this build (it
    /// came from a newer version, or could not be read or moved aside).
    pub fn is_read_only(&self) -> bool {
        self.read_only.get()
    }

    /// Saves `profile`. On failure the new profile is still used for the
    /// rest of this session (so nothing the client typed is lost), the
    /// stored one is unchanged, and the failure is shown at once.
    pub fn save(&self, profile: Profile) -> Result<(), SaveError> {
        let result = self
            .store
            .with_value(|s| s.save(&StoreKey::profile(), &profile, clock::now()))
            .map(|_| ());
        if let Err(SaveError::Newer { .. } | SaveError::Unreadable { .. }) = result {
            // This build must never write this value again.
            self.read_only.set(true);
        }
        self.profile.set(Some(profile));
        self.notices.save_result(&result);
        result
    }
}

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
    let profile = ProfileStore::load(store.clone(), notices);
    let status = AppStatus {
        update_ready: RwSignal::new(false),
        persistence: RwSignal::new(None),
        quarantined: RwSignal::new(store.quarantined().len()),
        details_saved: RwSignal::new(false),
    };
    provide_context(notices);
    provide_context(profile);
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

/// The app status, from context.
pub fn use_status() -> AppStatus {
    expect_context()
}

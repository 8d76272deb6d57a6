//! Facts about the app itself rather than the client's record: a new
//! version waiting, the browser's answer about keeping our storage, the
//! UK date (which changes at midnight), and the goal just deleted.

use leptos::prelude::*;

use crate::model::goal::DeletedGoal;
use crate::platform::clock;
use crate::platform::persist::Persistence;

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
    /// Storage holds nothing of ours, but the marker in a second storage
    /// area says it did: the browser removed the client's data.
    pub data_removed: RwSignal<bool>,
}

impl AppStatus {
    /// Nothing known yet; `quarantined` values kept aside so far.
    pub(super) fn new(quarantined: usize) -> Self {
        AppStatus {
            update_ready: RwSignal::new(false),
            persistence: RwSignal::new(None),
            quarantined: RwSignal::new(quarantined),
            details_saved: RwSignal::new(false),
            data_removed: RwSignal::new(false),
        }
    }
}

/// The app status, from context.
pub fn use_status() -> AppStatus {
    expect_context()
}

/// Today's UK date, as a signal that changes at midnight (checked every
/// minute and when the app comes back into view), so a page left open
/// overnight never files today's entries under yesterday.
#[derive(Debug, Clone, Copy)]
pub struct TodayDate(pub RwSignal<chrono::NaiveDate>);

/// Provides [`TodayDate`] and keeps it up to date.
pub(super) fn provide_today() {
    let day = RwSignal::new(clock::today());
    clock::every_minute(move || {
        let now = clock::today();
        if day.get_untracked() != now {
            day.set(now);
        }
    });
    provide_context(TodayDate(day));
}

/// Today's UK date, from context (tracked).
pub fn use_today() -> TodayDate {
    expect_context()
}

/// A goal the client just deleted, so the goals page can offer "Undo".
#[derive(Debug, Clone, Copy)]
pub struct DeletedGoalSlot(pub RwSignal<Option<DeletedGoal>>);

/// The goal deleted last, made the first time a page asks for it.
pub fn use_deleted_goal() -> DeletedGoalSlot {
    super::stores::use_lazy(|_| DeletedGoalSlot(RwSignal::new(None)), |_, _| false)
}

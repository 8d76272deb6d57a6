//! The reactive stores the UI reads, and the operations pages call.
//!
//! Components never touch storage: they call a method here, which runs the
//! domain operation, saves through the [`Store`](crate::store::Store), and
//! updates a signal. One file an idea:
//! - `notices`: messages at the top of every page;
//! - `client_code`: the client's code, made once;
//! - `saved`: [`Saved`], one record kind as a signal;
//! - `stores`: the stores opened so far, each read the first time a page
//!   asks for it ([`use_saved`]), never all at start;
//! - `sync`: other tabs' changes, and the marker of removed data;
//! - `diary`: the diary's months and summaries;
//! - `durable`: saves on disk before the app says so, and bringing the
//!   two copies together at start;
//! - `install`: the install guide: how this browser installs the app;
//! - `data_tools`: backups, restores, spreadsheets, deleting everything;
//! - `share_tools`: the summary, its link and the share log;
//! - `review_tools`: the link worker's kept summaries, and what changed
//!   since the last one of the same client;
//! - `status`: facts about the app, the UK date, the goal just deleted.

mod client_code;
mod data_tools;
mod diary;
mod durable;
mod install;
mod notices;
mod review_tools;
mod saved;
mod share_tools;
mod status;
mod stores;
mod sync;

use leptos::prelude::*;

pub use crate::store::device::{BackupState, Rhythm};
pub use client_code::{make_client_code, CodeStore};
pub use data_tools::{
    just_deleted, use_data_tools, Chosen, DataTools, JustDone, OpenError, RestoreHow, OUR_PREFIXES,
};
pub use diary::{use_diary, DiaryStore};
pub use durable::{prepare, say_when_saved, when_saved, SAVING};
pub use install::{use_install_tools, InstallTools};
pub use notices::{Notice, Notices, Tone, CHANGED_ELSEWHERE};
pub use review_tools::{use_review_tools, ReviewTools, Since};
pub use saved::{GoalsStore, ProfileStore, Saved};
pub use share_tools::{unlock, use_share_tools, Made, ShareTools};
pub use status::{use_deleted_goal, use_status, use_today, AppStatus, DeletedGoalSlot, TodayDate};
pub use stores::{use_saved, use_stores, Stores};
pub use sync::start_afresh;

use crate::model::Profile;
use crate::store::{BrowserBackend, Store};

/// The store over the browser's local storage.
pub type AppStore = Store<BrowserBackend>;

/// Provides what every page needs, at the top of the app: the notices,
/// the app's status and date, the profile (the shell asks whether set-up
/// is done) and the means to open the other stores when a page first asks
/// for them; and keeps this tab in step with other tabs.
pub fn provide_app_state() {
    let (store, messages) = durable::take_prepared();
    let notices = Notices::new();
    for message in messages {
        notices.warn(message);
    }
    let status = AppStatus::new(store.quarantined().len());
    let stores = Stores::new(store.clone(), notices);
    provide_context(notices);
    provide_context(status);
    provide_context(stores);
    status::provide_today();
    let profile = use_saved::<Profile>();
    sync::follow_other_tabs(stores, status, notices);
    sync::watch_for_removal(store, profile, status);
}

/// The notices, from context.
pub fn use_notices() -> Notices {
    expect_context()
}

/// The profile store (opened at start: the shell needs it).
pub fn use_profile() -> ProfileStore {
    use_saved()
}

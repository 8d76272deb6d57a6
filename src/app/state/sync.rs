//! Keeping this tab in step: reading again what another tab or window
//! changed, and the marker that tells "the browser removed the data"
//! apart from a first visit (see `platform::storage`).

use std::sync::Arc;

use leptos::prelude::*;

use super::notices::Notices;
use super::saved::ProfileStore;
use super::status::AppStatus;
use super::stores::Stores;
use super::AppStore;
use crate::platform::{storage, sync};
use crate::store::StoreKey;

/// Reads again, in every opened store, what other tabs and windows
/// change, and redraws the page when what it shows changed.
pub(super) fn follow_other_tabs(stores: Stores, status: AppStatus, notices: Notices) {
    sync::watch_typing();
    sync::on_other_tab_change(move |key| {
        let key = match key {
            Some(raw) => match StoreKey::parse(&raw) {
                Some(key) => Some(key),
                // Not ours (device records, other apps): nothing to reload.
                None => return,
            },
            None => None,
        };
        let changed = stores.reload(key.as_ref());
        let quarantined = stores.storage().quarantined().len();
        status.quarantined.set(quarantined);
        // Only a change the client can see redraws the page: another tab
        // writing what this one already shows must not disturb them.
        if changed {
            notices.changed_elsewhere();
        }
    });
}

/// Keeps the marker that tells "the browser removed the data" apart from
/// a first visit: set while there is a profile; at start, nothing of ours
/// stored but the marker present means the data was removed.
pub(super) fn watch_for_removal(store: Arc<AppStore>, profile: ProfileStore, status: AppStatus) {
    let nothing_stored = store.keys().is_empty();
    leptos::task::spawn_local(async move {
        if nothing_stored && storage::has_marker().await {
            status.data_removed.set(true);
            // The welcome screen was drawn while the marker was being
            // checked: move a screen reader to the page that replaced it.
            crate::platform::page::focus_after_render(crate::app::components::HEADING_ID);
        }
    });
    // Written once when the details are there (at start, or when set-up
    // or a restore completes), not again on every later save of them.
    Effect::new(move |was_set_up: Option<bool>| {
        let set_up = profile.is_set_up();
        if set_up && was_set_up != Some(true) {
            status.data_removed.set(false);
            leptos::task::spawn_local(storage::set_marker());
        }
        set_up
    });
}

/// Starts again without a backup after the browser removed the data: the
/// marker goes, and set-up is shown.
pub fn start_afresh(status: AppStatus) {
    status.data_removed.set(false);
    leptos::task::spawn_local(storage::clear_marker());
}

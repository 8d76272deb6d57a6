//! Saves that are on disk before the app says so. Every write to local
//! storage is also put in the durable copy (IndexedDB, see
//! `platform::durable`), and a page says "Saved" (or shows what was added)
//! only once that write's transaction has completed: local storage alone
//! reaches the disk only every few seconds, and a crash or a flat battery
//! in between loses it. At start, [`prepare`] brings the two copies
//! together before anything reads (`store::reconcile`).

use std::cell::{Cell, RefCell};
use std::sync::Arc;

use leptos::prelude::*;

use super::notices::Notices;
use super::AppStore;
use crate::platform::{clock, durable};
use crate::store::{reconcile, BrowserBackend, SaveError, StoreKey};

/// Said once a start when there is no durable copy.
pub const NO_DURABLE: &str = "This browser is not letting Alongside keep its second, safer copy \
     of your information. Your saves still work as before, but something saved in the few \
     seconds before the phone or browser stops suddenly could be lost. Private browsing, or a \
     phone that is nearly full, can cause this.";

thread_local! {
    /// The store made and brought together at start, for the app to use.
    static PREPARED: RefCell<Option<(Arc<AppStore>, Vec<String>)>> = const { RefCell::new(None) };
    /// The numbers of the durable writes of the latest save: after the
    /// first, up to the second.
    static LATEST: Cell<(u32, u32)> = const { Cell::new((0, 0)) };
    /// The restores' floors in the durable copy (see
    /// `store::reconcile::choose`).
    static FLOORS: RefCell<Vec<(String, String)>> = const { RefCell::new(Vec::new()) };
}

/// The durable copy's entries for a restore about to replace values
/// whose revisions are `before`: each key's floor, never lower than an
/// earlier restore's (local storage may still hold values from before
/// that one too).
pub(super) fn floors(before: &[(StoreKey, u64)]) -> Vec<(String, String)> {
    FLOORS.with(|known| {
        let mut known = known.borrow_mut();
        let mut out = reconcile::floors(before);
        for (key, rev) in &mut out {
            let earlier = known.iter().find(|(k, _)| k == key);
            if let Some(old) = earlier.and_then(|(_, r)| r.parse::<u64>().ok()) {
                if old > rev.parse().unwrap_or(0) {
                    *rev = old.to_string();
                }
            }
        }
        for (key, rev) in &out {
            match known.iter_mut().find(|(k, _)| k == key) {
                Some(entry) => entry.1 = rev.clone(),
                None => known.push((key.clone(), rev.clone())),
            }
        }
        out
    })
}

/// Brings local storage and the durable copy together, before anything is
/// read: the start-up awaits it. Values a crash lost from local storage
/// are put back; values only local storage has (everything, on the first
/// start of this version) are copied to the durable copy.
pub async fn prepare() {
    let store = Arc::new(AppStore::new(BrowserBackend));
    let messages = match durable::entries().await {
        Some(entries) => {
            let done = store.reconcile(&entries, clock::now());
            FLOORS.with(|f| {
                *f.borrow_mut() = entries
                    .into_iter()
                    .filter(|(k, _)| k.starts_with(reconcile::FLOOR))
                    .filter_map(|(k, v)| Some((k, v?)))
                    .collect();
            });
            durable::put_all(&done.to_durable);
            done.problems.iter().map(|p| p.message()).collect()
        }
        None => vec![NO_DURABLE.to_string()],
    };
    PREPARED.with(|p| *p.borrow_mut() = Some((store, messages)));
}

/// The store [`prepare`] made, and what to tell the client about it (a
/// fresh store if the start-up did not prepare one).
pub(super) fn take_prepared() -> (Arc<AppStore>, Vec<String>) {
    PREPARED
        .with(|p| p.borrow_mut().take())
        .unwrap_or_else(|| (Arc::new(AppStore::new(BrowserBackend)), Vec::new()))
}

/// Why a save whose durable copy failed is shown as failed.
fn not_kept() -> SaveError {
    SaveError::Other("the durable copy refused the write".into())
}

/// Runs `save` (which writes through the store) and notes its durable
/// writes as the latest save's; if one of them fails, it is shown like
/// any failed save once it is known.
pub(super) fn tracked<R>(notices: Notices, save: impl FnOnce() -> R) -> R {
    let from = durable::mark();
    let out = save();
    let to = durable::mark();
    LATEST.with(|l| l.set((from, to)));
    if to > from {
        leptos::task::spawn_local(async move {
            if !durable::settled(from, to).await {
                notices.save_result(&Err(not_kept()));
            }
        });
    }
    out
}

/// Runs `then` (which says "Saved", shows what was added, or moves on)
/// once the latest save is on disk. If its durable copy failed, `then` is
/// not run: the save is shown as failed, and what was typed stays.
pub fn when_saved(then: impl FnOnce() + 'static) {
    let (from, to) = LATEST.with(Cell::get);
    if to <= from {
        then();
        return;
    }
    leptos::task::spawn_local(async move {
        if durable::settled(from, to).await {
            then();
        }
    });
}

/// What a page says while a save is on its way to the disk.
pub const SAVING: &str = "Saving\u{2026}";

/// Says [`SAVING`] in `said`, then `text` once the latest save is on
/// disk; if the save failed, clears it (the notices say what happened).
pub fn say_when_saved(said: RwSignal<String>, text: impl Into<String>) {
    let text = text.into();
    let (from, to) = LATEST.with(Cell::get);
    if to <= from {
        said.set(text);
        return;
    }
    said.set(SAVING.into());
    leptos::task::spawn_local(async move {
        let ok = durable::settled(from, to).await;
        // Not if something else was said meanwhile.
        if said.try_get_untracked().as_deref() == Some(SAVING) {
            said.set(if ok { text } else { String::new() });
        }
    });
}

//! The diary as the pages see it: the client's choices, and the months
//! and month summaries read so far (a [`DiaryCache`] in a signal). The
//! rules of reading and saving are [`crate::store::diary`]'s; this shows
//! what they report.

use std::sync::Arc;

use chrono::NaiveDate;
use leptos::prelude::*;

use super::notices::Notices;
use super::saved::{ProfileStore, Saved};
use super::stores::{use_lazy, use_saved};
use super::AppStore;
use crate::model::diary::{DayEntry, DiaryIndex, DiaryMonth, DiarySettings, Measure, Month};
use crate::platform::clock;
use crate::store::diary::{DiaryCache, Report, Saved as DiarySaved};
use crate::store::{SaveError, StoreKey, Stored};

/// The diary: the client's choices, and the months and month summaries,
/// read only when a page needs them so that opening the app costs the
/// same after ten years as on the first day.
#[derive(Debug, Clone, Copy)]
pub struct DiaryStore {
    /// Own measures and hidden ones.
    pub settings: Saved<DiarySettings>,
    cache: RwSignal<DiaryCache>,
    store: StoredValue<Arc<AppStore>>,
    notices: Notices,
    profile: ProfileStore,
}

impl DiaryStore {
    /// Tells the client what a diary call found.
    fn report(&self, reports: Vec<Report>) {
        for r in reports {
            match r {
                Report::Problem(p) => self.notices.warn(p.message()),
                Report::RepairFailed(e) => self.notices.save_result(&Err(e)),
            }
        }
    }

    /// Runs `f` on the cache with the store, then reports what it found.
    /// The cache's readers are told if `f` says it changed what they show.
    /// `None` only if the cache is gone (the app is closing).
    fn run<R>(
        &self,
        f: impl FnOnce(&mut DiaryCache, &AppStore) -> (bool, R, Vec<Report>),
    ) -> Option<R> {
        let store = self.store.get_value();
        let (out, reports) = self.cache.try_maybe_update(|c| {
            let (changed, out, reports) = f(c, &store);
            (changed, (out, reports))
        })?;
        self.report(reports);
        Some(out)
    }

    /// A save that could not be tried: the diary is gone.
    fn not_saved() -> DiarySaved {
        DiarySaved {
            month: Err(SaveError::Unavailable),
            summary: Ok(()),
            reports: Vec::new(),
        }
    }

    /// The measures the client uses, for their conditions (tracked).
    pub fn measures(&self) -> Vec<Measure> {
        let conditions = self
            .profile
            .with(|p| p.map(|p| p.listed_conditions()).unwrap_or_default());
        self.settings
            .with(|s| s.cloned().unwrap_or_default().measures(&conditions))
    }

    /// Every measure, hidden ones too (tracked).
    pub fn all_measures(&self) -> Vec<Measure> {
        let conditions = self
            .profile
            .with(|p| p.map(|p| p.listed_conditions()).unwrap_or_default());
        self.settings
            .with(|s| s.cloned().unwrap_or_default().all_measures(&conditions))
    }

    /// Reads `month` from storage if it is not read yet. Call before
    /// reading it, outside reactive code (it may update a signal).
    pub fn load_month(&self, month: Month) {
        if self.cache.with_untracked(|c| c.has_month(month)) {
            return;
        }
        let _ = self.run(|c, s| (true, (), c.load_month(s, month, clock::now())));
    }

    /// Reads one year's month summaries if they are not read yet.
    pub fn load_year(&self, year: i32) {
        if self.cache.with_untracked(|c| c.has_year(year)) {
            return;
        }
        let _ = self.run(|c, s| {
            let reports = c.load_year(s, year, clock::now()).into_iter().collect();
            (true, (), reports)
        });
    }

    /// Reads the month summaries of every year (for "all time").
    pub fn load_index(&self) {
        let _ = self.run(|c, s| (true, (), c.load_index(s, clock::now())));
    }

    /// True when no diary month is stored (so example entries may be added).
    pub fn is_empty(&self) -> bool {
        self.run(|c, s| {
            let (empty, reports) = c.is_empty(s, clock::now());
            (true, empty, reports)
        })
        .unwrap_or(false)
    }

    /// True if `day` has an entry (tracked). Its month must be read first
    /// (see [`DiaryStore::load_month`]).
    pub fn has_day(&self, day: NaiveDate) -> bool {
        self.cache.with(|c| c.day(day).is_some())
    }

    /// Reads the months read so far (tracked).
    pub fn with_months<R>(&self, f: impl FnOnce(&[(Month, DiaryMonth)]) -> R) -> R {
        self.cache.with(|c| f(c.months()))
    }

    /// Reads the month summaries of the years read so far, oldest first
    /// (tracked).
    pub fn with_index<R>(&self, f: impl FnOnce(&DiaryIndex) -> R) -> R {
        self.cache.with(|c| f(&c.index()))
    }

    /// The entry for `day`, reading its month if needed (untracked).
    pub fn day(&self, day: NaiveDate) -> Option<DayEntry> {
        self.load_month(Month::of(day));
        self.cache.with_untracked(|c| c.day(day).cloned())
    }

    /// Saves one day's entry: its month, then the month's summary. Only
    /// that month is written, whatever the diary's size. A failure is
    /// shown at once and the entry stays in use for this session; if
    /// another tab saved the month first, its version is shown instead.
    pub fn save_day(&self, entry: DayEntry) -> Result<(), SaveError> {
        let saved = super::durable::tracked(self.notices, || {
            self.run(|c, s| {
                let mut saved = c.save_day(s, entry, clock::now());
                let reports = std::mem::take(&mut saved.reports);
                (true, saved, reports)
            })
            .unwrap_or_else(Self::not_saved)
        });
        if matches!(saved.month, Err(SaveError::ChangedElsewhere { .. })) {
            self.notices.changed_elsewhere();
        }
        // The entry is saved even if its summary is not; the summary is
        // rebuilt from the month the next time it is read. Either failure
        // is shown.
        self.notices.save_result(&saved.result());
        saved.month
    }

    /// Adds example entries from `from` to `to` for the client's measures.
    /// Only for an empty diary: the pages offer it only then, and the
    /// store checks again so real entries are never mixed with made-up ones.
    pub fn add_examples(&self, from: NaiveDate, to: NaiveDate) -> Result<(), SaveError> {
        let measures = self.measures();
        let saved = super::durable::tracked(self.notices, || {
            self.run(|c, s| {
                let mut saved = c.add_examples(s, from, to, &measures, clock::now());
                let reports = std::mem::take(&mut saved.reports);
                (true, saved, reports)
            })
            .unwrap_or_else(Self::not_saved)
        });
        self.notices.save_result(&saved.result());
        saved.month
    }

    /// Reads what another tab or window changed under `key` (every diary
    /// key, for `None`); true if what is shown changed.
    fn reload(&self, key: Option<&StoreKey>) -> bool {
        match key {
            // The settings are a kind of their own, reloaded as one.
            None => {
                self.cache.set(DiaryCache::new());
                true
            }
            Some(k) if *k == DiarySettings::key() => false,
            Some(k) if k.as_str().starts_with("alongside.diary.") => self
                .run(|c, s| {
                    let (changed, reports) = c.reload_key(s, k, clock::now());
                    (changed, changed, reports)
                })
                .unwrap_or(false),
            Some(_) => false,
        }
    }
}

/// The diary store, opened the first time a page asks for it.
pub fn use_diary() -> DiaryStore {
    use_lazy(
        |stores| DiaryStore {
            settings: use_saved::<DiarySettings>(),
            profile: use_saved(),
            cache: RwSignal::new(DiaryCache::new()),
            store: StoredValue::new(stores.storage()),
            notices: stores.notices(),
        },
        |diary: DiaryStore, key| diary.reload(key),
    )
}

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
        let _ = self.run(|c, s| (true, (), c.load_year(s, year, clock::now())));
    }

    /// Reads the month summaries of every year (for "all time").
    pub fn load_index(&self) {
        let _ = self.run(|c, s| (true, (), c.load_index(s, clock::now())));
    }

    /// True when none of the client's own diary months is stored (so
    /// example entries may be offered), however many examples are.
    pub fn is_empty(&self) -> bool {
        self.run(|c, s| {
            let (empty, reports) = c.is_empty(s, clock::now());
            (true, empty, reports)
        })
        .unwrap_or(false)
    }

    /// True if `day` has an entry of the client's (tracked; examples do
    /// not count). Its month must be read first (see
    /// [`DiaryStore::load_month`]).
    pub fn has_day(&self, day: NaiveDate) -> bool {
        self.cache.with(|c| c.day(day).is_some())
    }

    /// Reads the client's months read so far (tracked): never examples,
    /// so a summary made from them never holds one.
    pub fn with_months<R>(&self, f: impl FnOnce(&[(Month, DiaryMonth)]) -> R) -> R {
        self.cache.with(|c| f(c.months()))
    }

    /// Reads the summaries of the client's months, for the years read so
    /// far, oldest first (tracked; never examples).
    pub fn with_index<R>(&self, f: impl FnOnce(&DiaryIndex) -> R) -> R {
        self.cache.with(|c| f(&c.index()))
    }

    /// What the diary's own screens show of the months read so far
    /// (tracked): the client's entries, and examples on the days the
    /// client did not fill. Only for screens that label the examples.
    pub fn shown_months(&self) -> Vec<(Month, DiaryMonth)> {
        self.cache.with(DiaryCache::shown_months)
    }

    /// The month summaries the diary's "all time" shows (tracked): the
    /// client's and the examples' together. Only for screens that label
    /// the examples.
    pub fn shown_index(&self) -> DiaryIndex {
        self.cache.with(DiaryCache::shown_index)
    }

    /// The days of `month` that show an example, as bits (bit 0 is the
    /// 1st; tracked). Its year must be read first.
    pub fn example_days(&self, month: Month) -> u32 {
        self.cache.with(|c| c.example_days(month))
    }

    /// How many of the last `days` days ending `today` (every day, for
    /// 0) show a made-up example (tracked). Their years must be read.
    pub fn examples_in(&self, days: u32, today: NaiveDate) -> u32 {
        let from = (days > 0).then(|| today - chrono::Duration::days(i64::from(days) - 1));
        self.cache.with(|c| c.examples_shown(from, today))
    }

    /// True if examples are stored (tracked; after
    /// [`DiaryStore::is_empty`] or [`DiaryStore::load_index`] has read
    /// the summaries).
    pub fn has_examples(&self) -> bool {
        self.cache.with(DiaryCache::has_examples)
    }

    /// The client's entry for `day`, reading its month if needed
    /// (untracked). Never an example.
    pub fn day(&self, day: NaiveDate) -> Option<DayEntry> {
        self.load_month(Month::of(day));
        self.cache.with_untracked(|c| c.day(day).cloned())
    }

    /// The made-up example shown on `day`, if it has one and the client
    /// has no entry that day (untracked).
    pub fn example_day(&self, day: NaiveDate) -> Option<DayEntry> {
        self.load_month(Month::of(day));
        self.cache.with_untracked(|c| c.example_day(day).cloned())
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

    /// Adds example entries from `from` to `to` for the client's
    /// measures, kept apart from the client's own and never on a day they
    /// filled nor today (see [`DiaryCache::add_examples`]).
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

    /// Removes every example, leaving the client's entries as they are.
    /// A failure is shown at once; `Ok` only if none is left.
    pub fn remove_examples(&self) -> Result<(), SaveError> {
        let result = self
            .run(|c, s| {
                let (result, reports) = c.remove_examples(s, clock::now());
                (true, result, reports)
            })
            .unwrap_or(Err(SaveError::Unavailable));
        // What is left is read again, so the page shows the truth.
        self.load_index();
        self.notices.save_result(&result);
        result
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
            Some(k) if k.as_str().starts_with("alongside.diary.") || k.is_examples() => self
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

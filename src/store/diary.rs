//! The diary in storage: months are read only when a page needs them, so
//! opening the app costs the same after ten years as on the first day;
//! each month is saved with its year's summaries; a summary that fell
//! behind its month (its save failed) is written again when the month is
//! read; and example entries are only ever written into an empty diary.
//!
//! Pure code over a [`Store`]: the app keeps a [`DiaryCache`] in a signal
//! and shows what each call reports.

use chrono::{DateTime, NaiveDate, Utc};

use super::{Backend, LoadProblem, SaveError, Store, StoreKey};
use crate::model::diary::{
    example_entries, DayEntry, DiaryIndex, DiaryMonth, Measure, Month, MonthSummary,
};

/// Something a diary call found that the client must be told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Report {
    /// A value could not be read (see [`LoadProblem::message`]).
    Problem(LoadProblem),
    /// Writing a summary again, to catch up with its month, failed.
    RepairFailed(SaveError),
}

/// What saving a month did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    /// The month's own save: its entries are safe if this is `Ok`.
    pub month: Result<(), SaveError>,
    /// The save of its year's summaries (only tried after the month
    /// saved). A failure here loses nothing: the summary is rebuilt the
    /// next time the month is read.
    pub summary: Result<(), SaveError>,
    /// Problems met while reading on the way.
    pub reports: Vec<Report>,
}

impl Saved {
    /// Both saves together, as the client is told: the first failure.
    pub fn result(&self) -> Result<(), SaveError> {
        self.month.clone().and(self.summary.clone())
    }
}

/// The months and yearly summaries read so far.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DiaryCache {
    months: Vec<(Month, DiaryMonth)>,
    /// Oldest first.
    years: Vec<(i32, DiaryIndex)>,
    /// Every year with summaries in storage, once looked up.
    stored_years: Option<Vec<i32>>,
}

impl DiaryCache {
    /// Nothing read yet.
    pub fn new() -> Self {
        DiaryCache::default()
    }

    /// True if `month` has been read.
    pub fn has_month(&self, month: Month) -> bool {
        self.months.iter().any(|(m, _)| *m == month)
    }

    /// True if `year`'s summaries have been read.
    pub fn has_year(&self, year: i32) -> bool {
        self.years.iter().any(|(y, _)| *y == year)
    }

    /// A month read so far; `None` if it has not been read.
    pub fn month(&self, month: Month) -> Option<&DiaryMonth> {
        self.months
            .iter()
            .find(|(m, _)| *m == month)
            .map(|(_, d)| d)
    }

    /// Every month read so far.
    pub fn months(&self) -> &[(Month, DiaryMonth)] {
        &self.months
    }

    /// The entry for `day`, if its month has been read and has one.
    pub fn day(&self, day: NaiveDate) -> Option<&DayEntry> {
        self.month(Month::of(day))?.day(day)
    }

    /// The summaries of every year read so far, oldest first, as one.
    pub fn index(&self) -> DiaryIndex {
        DiaryIndex {
            months: self
                .years
                .iter()
                .flat_map(|(_, i)| i.months.iter().cloned())
                .collect(),
        }
    }

    /// Reads `month` if it has not been read yet, and writes its year's
    /// summary again if it no longer matches the month.
    pub fn load_month<B: Backend>(
        &mut self,
        store: &Store<B>,
        month: Month,
        now: DateTime<Utc>,
    ) -> Vec<Report> {
        if self.has_month(month) {
            return Vec::new();
        }
        let key = StoreKey::diary_month(month.first_day());
        let load = store.load::<DiaryMonth>(&key, now);
        let mut reports: Vec<Report> = load
            .problem
            .clone()
            .map(Report::Problem)
            .into_iter()
            .collect();
        let value = load.value.unwrap_or_default();
        if load.problem.is_none() {
            reports.extend(self.repair_summary(store, month, &value, now));
        }
        self.months.push((month, value));
        reports
    }

    /// If a month's stored summary does not match the month (a save of the
    /// summary failed after the month was saved), writes it again, so
    /// trends and the calendar catch up as soon as the month is read.
    fn repair_summary<B: Backend>(
        &mut self,
        store: &Store<B>,
        month: Month,
        diary: &DiaryMonth,
        now: DateTime<Utc>,
    ) -> Vec<Report> {
        let mut reports: Vec<Report> = self.load_year(store, month.year, now).into_iter().collect();
        let code = month.code();
        let wanted = MonthSummary::of(month, diary);
        let have = self
            .years
            .iter()
            .find(|(y, _)| *y == month.year)
            .and_then(|(_, i)| i.months.iter().find(|m| m.month == code));
        let stale = match have {
            Some(have) => *have != wanted,
            None => !diary.days.is_empty(),
        };
        if stale {
            let (result, more) = self.update_index(store, month, diary, now);
            reports.extend(more);
            if let Err(e) = result {
                reports.push(Report::RepairFailed(e));
            }
        }
        reports
    }

    /// Reads `year`'s month summaries if they have not been read yet.
    pub fn load_year<B: Backend>(
        &mut self,
        store: &Store<B>,
        year: i32,
        now: DateTime<Utc>,
    ) -> Option<Report> {
        if self.has_year(year) {
            return None;
        }
        let load = store.load::<DiaryIndex>(&StoreKey::diary_index(year), now);
        let at = self.years.partition_point(|(y, _)| *y < year);
        self.years
            .insert(at, (year, load.value.unwrap_or_default()));
        load.problem.map(Report::Problem)
    }

    /// Every year with diary summaries in storage, oldest first.
    fn stored_years<B: Backend>(&mut self, store: &Store<B>) -> Vec<i32> {
        if let Some(years) = &self.stored_years {
            return years.clone();
        }
        let mut years: Vec<i32> = store
            .keys()
            .iter()
            .filter_map(StoreKey::diary_index_year)
            .collect();
        years.sort_unstable();
        self.stored_years = Some(years.clone());
        years
    }

    /// Reads the month summaries of every year (for "all time").
    pub fn load_index<B: Backend>(&mut self, store: &Store<B>, now: DateTime<Utc>) -> Vec<Report> {
        self.stored_years(store)
            .into_iter()
            .filter_map(|year| self.load_year(store, year, now))
            .collect()
    }

    /// True when no diary month is stored, so example entries may be added.
    pub fn is_empty<B: Backend>(
        &mut self,
        store: &Store<B>,
        now: DateTime<Utc>,
    ) -> (bool, Vec<Report>) {
        let reports = self.load_index(store, now);
        // The month keys themselves are checked too: a year's summary can
        // be missing (kept aside, or its save failed) while months exist,
        // and example entries must never be written over real ones.
        let no_months = !store.keys().iter().any(StoreKey::is_diary_month);
        let empty = no_months && self.years.iter().all(|(_, i)| i.is_empty());
        (empty, reports)
    }

    /// Saves one day's entry: its month, then the month's summary. Only
    /// that month is written, whatever the diary's size.
    pub fn save_day<B: Backend>(
        &mut self,
        store: &Store<B>,
        entry: DayEntry,
        now: DateTime<Utc>,
    ) -> Saved {
        let month = Month::of(entry.date);
        let mut reports = self.load_month(store, month, now);
        let mut diary = self.month(month).cloned().unwrap_or_default();
        diary.put(entry);
        let mut saved = self.save_month(store, month, diary, now);
        reports.append(&mut saved.reports);
        saved.reports = reports;
        saved
    }

    /// Saves `month`, then (if that worked) its year's summaries.
    ///
    /// The entries in memory follow the month itself: saved, or kept for
    /// this session after a failure the client is told about. Only a month
    /// this build must not write stays as it was. If another tab saved the
    /// month first, its version is read and kept instead: it is never
    /// overwritten.
    pub fn save_month<B: Backend>(
        &mut self,
        store: &Store<B>,
        month: Month,
        diary: DiaryMonth,
        now: DateTime<Utc>,
    ) -> Saved {
        let key = StoreKey::diary_month(month.first_day());
        let result = store.save(&key, &diary, now).map(|_| ());
        let mut reports = Vec::new();
        let summary = if result.is_ok() {
            let (summary, more) = self.update_index(store, month, &diary, now);
            reports.extend(more);
            summary
        } else {
            Ok(())
        };
        match &result {
            Err(SaveError::ChangedElsewhere { .. }) => {
                let (_, more) = self.reload_key(store, &key, now);
                reports.extend(more);
            }
            Err(SaveError::Newer { .. } | SaveError::Unreadable { .. }) => {}
            _ => match self.months.iter_mut().find(|(m, _)| *m == month) {
                Some(slot) => slot.1 = diary,
                None => self.months.push((month, diary)),
            },
        }
        Saved {
            month: result,
            summary,
            reports,
        }
    }

    /// Writes `month`'s summary into its year's summaries.
    fn update_index<B: Backend>(
        &mut self,
        store: &Store<B>,
        month: Month,
        diary: &DiaryMonth,
        now: DateTime<Utc>,
    ) -> (Result<(), SaveError>, Vec<Report>) {
        let reports: Vec<Report> = self.load_year(store, month.year, now).into_iter().collect();
        let mut index = self
            .years
            .iter()
            .find(|(y, _)| *y == month.year)
            .map(|(_, i)| i.clone())
            .unwrap_or_default();
        index.update(month, diary);
        let result = store
            .save(&StoreKey::diary_index(month.year), &index, now)
            .map(|_| ());
        if let Some(slot) = self.years.iter_mut().find(|(y, _)| *y == month.year) {
            slot.1 = index;
        }
        if let Some(years) = &mut self.stored_years {
            if !years.contains(&month.year) {
                years.push(month.year);
                years.sort_unstable();
            }
        }
        (result, reports)
    }

    /// Adds example entries from `from` to `to` for `measures`. Only for an
    /// empty diary: the pages offer it only then, and this checks again so
    /// real entries are never mixed with made-up ones. Stops at the first
    /// month that does not save.
    pub fn add_examples<B: Backend>(
        &mut self,
        store: &Store<B>,
        from: NaiveDate,
        to: NaiveDate,
        measures: &[Measure],
        now: DateTime<Utc>,
    ) -> Saved {
        let (empty, mut reports) = self.is_empty(store, now);
        if !empty {
            return Saved {
                month: Ok(()),
                summary: Ok(()),
                reports,
            };
        }
        let mut by_month: Vec<(Month, DiaryMonth)> = Vec::new();
        for e in example_entries(from, to, measures, 7) {
            let month = Month::of(e.date);
            match by_month.last_mut() {
                Some((m, d)) if *m == month => d.days.push(e),
                _ => by_month.push((month, DiaryMonth { days: vec![e] })),
            }
        }
        let mut last = Saved {
            month: Ok(()),
            summary: Ok(()),
            reports: Vec::new(),
        };
        for (month, diary) in by_month {
            reports.extend(self.load_month(store, month, now));
            last = self.save_month(store, month, diary, now);
            reports.append(&mut last.reports);
            if last.month.is_err() {
                break;
            }
        }
        last.reports = reports;
        last
    }

    /// Reads a diary key again after another tab or window changed it: a
    /// month or year read so far is replaced by what is stored now, and
    /// the list of stored years is looked up anew. True if what is shown
    /// changed. (The diary's settings are a kind of their own.)
    pub fn reload_key<B: Backend>(
        &mut self,
        store: &Store<B>,
        key: &StoreKey,
        now: DateTime<Utc>,
    ) -> (bool, Vec<Report>) {
        self.stored_years = None;
        if let Some(year) = key.diary_index_year() {
            return self.reload_year(store, year, now);
        }
        let Some(month) = self
            .months
            .iter()
            .map(|(m, _)| *m)
            .find(|m| StoreKey::diary_month(m.first_day()) == *key)
        else {
            return (false, Vec::new());
        };
        // The other tab saved the month's summary with it: read that
        // first, so checking the month's summary finds it up to date
        // rather than writing it again.
        let (year_changed, mut reports) = self.reload_year(store, month.year, now);
        let before = self.month(month).cloned();
        self.months.retain(|(m, _)| *m != month);
        reports.extend(self.load_month(store, month, now));
        let changed = year_changed || self.month(month).cloned() != before;
        (changed, reports)
    }

    /// Reads a year's summaries again, if they were read; true if they
    /// changed.
    fn reload_year<B: Backend>(
        &mut self,
        store: &Store<B>,
        year: i32,
        now: DateTime<Utc>,
    ) -> (bool, Vec<Report>) {
        let Some(before) = self
            .years
            .iter()
            .find(|(y, _)| *y == year)
            .map(|(_, i)| i.clone())
        else {
            return (false, Vec::new());
        };
        self.years.retain(|(y, _)| *y != year);
        let reports = self.load_year(store, year, now).into_iter().collect();
        let changed = self
            .years
            .iter()
            .find(|(y, _)| *y == year)
            .is_none_or(|(_, i)| *i != before);
        (changed, reports)
    }

    /// Forgets everything read, so each month and year is read again when
    /// a page needs it (after another tab cleared storage).
    pub fn forget(&mut self) {
        *self = DiaryCache::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::diary::{builtin, Reading};
    use crate::store::{Backend, MemoryBackend};

    fn now() -> DateTime<Utc> {
        "2026-11-21T10:00:00Z".parse().unwrap()
    }

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn entry(date: NaiveDate, mood: i32) -> DayEntry {
        DayEntry {
            date,
            readings: vec![Reading {
                m: "mood".into(),
                t: None,
                v: mood,
            }],
            note: None,
        }
    }

    /// Another tab: its own store over a copy of what `store` holds.
    fn other_tab(store: &Store<MemoryBackend>) -> Store<MemoryBackend> {
        let other = Store::new(MemoryBackend::new());
        copy(store, &other);
        other
    }

    /// What `from` holds, written into `to`'s storage (the browser's one
    /// storage, as both tabs see it).
    fn copy(from: &Store<MemoryBackend>, to: &Store<MemoryBackend>) {
        for (k, v) in from.backend().snapshot() {
            to.backend().plant(&k, &v);
        }
    }

    fn stored_index(store: &Store<MemoryBackend>, year: i32) -> DiaryIndex {
        store
            .load::<DiaryIndex>(&StoreKey::diary_index(year), now())
            .value
            .unwrap_or_default()
    }

    #[test]
    fn a_day_is_saved_with_its_month_summary_and_read_back() {
        let store = Store::new(MemoryBackend::new());
        let mut diary = DiaryCache::new();
        let saved = diary.save_day(&store, entry(day(11, 20), 4), now());
        assert_eq!(saved.result(), Ok(()));
        assert!(saved.reports.is_empty());
        assert_eq!(diary.day(day(11, 20)).map(|e| e.readings[0].v), Some(4));
        let index = stored_index(&store, 2026);
        assert_eq!(index.months.len(), 1);
        assert_eq!(index.months[0].days, 1 << 19);
        // A fresh reader (another page load) finds the same.
        let mut again = DiaryCache::new();
        assert!(again
            .load_month(&store, Month::of(day(11, 1)), now())
            .is_empty());
        assert_eq!(again.day(day(11, 20)), diary.day(day(11, 20)));
        // Reading a month reads its year's summaries too, to check them.
        assert_eq!(again.index(), index);
        assert!(!again.has_year(2025) && !again.has_month(Month::of(day(10, 1))));
    }

    #[test]
    fn a_summary_that_fell_behind_its_month_is_written_again_when_the_month_is_read() {
        let store = Store::new(MemoryBackend::new());
        let mut diary = DiaryCache::new();
        diary.save_day(&store, entry(day(11, 20), 4), now());
        // The summary's save failed after the month's: it is missing.
        store
            .backend()
            .remove(StoreKey::diary_index(2026).as_str())
            .unwrap();
        let mut reader = DiaryCache::new();
        let reports = reader.load_month(&store, Month::of(day(11, 1)), now());
        assert!(reports.is_empty(), "{reports:?}");
        assert_eq!(stored_index(&store, 2026).months[0].days, 1 << 19);
    }

    #[test]
    fn a_month_another_tab_saved_first_is_kept_and_shown() {
        let store = Store::new(MemoryBackend::new());
        let mut mine = DiaryCache::new();
        mine.load_month(&store, Month::of(day(11, 1)), now());
        // Another tab saves first.
        let other = other_tab(&store);
        let mut theirs = DiaryCache::new();
        theirs.save_day(&other, entry(day(11, 19), 2), now());
        copy(&other, &store);
        let saved = mine.save_day(&store, entry(day(11, 20), 5), now());
        assert!(matches!(
            saved.month,
            Err(SaveError::ChangedElsewhere { .. })
        ));
        // Theirs is shown, not overwritten; mine is not half-saved.
        assert_eq!(mine.day(day(11, 19)).map(|e| e.readings[0].v), Some(2));
        assert_eq!(mine.day(day(11, 20)), None);
        let stored = store
            .load::<DiaryMonth>(&StoreKey::diary_month(day(11, 1)), now())
            .value
            .unwrap();
        assert_eq!(stored.days.len(), 1);
    }

    #[test]
    fn examples_are_only_ever_written_into_an_empty_diary() {
        let store = Store::new(MemoryBackend::new());
        let mut diary = DiaryCache::new();
        let measures = vec![builtin("mood").unwrap(), builtin("pain").unwrap()];
        let saved = diary.add_examples(&store, day(9, 1), day(11, 21), &measures, now());
        assert_eq!(saved.result(), Ok(()));
        let index = stored_index(&store, 2026);
        assert_eq!(
            index
                .months
                .iter()
                .map(|m| m.month.as_str())
                .collect::<Vec<_>>(),
            vec!["2026-09", "2026-10", "2026-11"]
        );
        let (empty, _) = DiaryCache::new().is_empty(&store, now());
        assert!(!empty);
        // A second try adds nothing.
        let before = store.keys();
        let month_before = store.backend().raw("alongside.diary.2026-11");
        DiaryCache::new().add_examples(&store, day(1, 1), day(11, 21), &measures, now());
        assert_eq!(store.keys(), before);
        assert_eq!(store.backend().raw("alongside.diary.2026-11"), month_before);
    }

    #[test]
    fn a_month_with_no_summary_still_counts_as_a_diary() {
        let store = Store::new(MemoryBackend::new());
        DiaryCache::new().save_day(&store, entry(day(3, 2), 3), now());
        store
            .backend()
            .remove(StoreKey::diary_index(2026).as_str())
            .unwrap();
        let (empty, _) = DiaryCache::new().is_empty(&store, now());
        assert!(!empty, "real entries are never mixed with examples");
    }

    #[test]
    fn another_tabs_change_is_read_again_and_reported_only_if_it_shows() {
        let store = Store::new(MemoryBackend::new());
        let mut mine = DiaryCache::new();
        mine.save_day(&store, entry(day(11, 20), 4), now());
        let other = other_tab(&store);
        let mut theirs = DiaryCache::new();
        theirs.save_day(&other, entry(day(11, 21), 1), now());
        copy(&other, &store);
        let key = StoreKey::diary_month(day(11, 1));
        let (changed, reports) = mine.reload_key(&store, &key, now());
        assert!(changed && reports.is_empty());
        assert_eq!(mine.day(day(11, 21)).map(|e| e.readings[0].v), Some(1));
        // Nothing new: not a change.
        assert!(!mine.reload_key(&store, &key, now()).0);
        // A month this tab never read is not this tab's concern.
        let other = StoreKey::diary_month(day(5, 1));
        assert!(!mine.reload_key(&store, &other, now()).0);
        // And this tab saves on top of it without a clash.
        assert_eq!(
            mine.save_day(&store, entry(day(11, 22), 3), now()).result(),
            Ok(())
        );
    }
}

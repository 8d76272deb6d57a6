//! The diary in storage: months are read only when a page needs them, so
//! opening the app costs the same after ten years as on the first day;
//! each month is saved with its year's summaries; and a summary that fell
//! behind its month (its save failed) is written again when the month is
//! read.
//!
//! Made-up example entries are kept apart from the client's own, under
//! keys and kinds of their own ([`layer::Examples`]): the client's months
//! ([`DiaryCache::months`], [`DiaryCache::day`], [`DiaryCache::index`])
//! never hold one, so nothing made from them (a summary, a spreadsheet, a
//! backup) can. Only the diary's own screens show the two together
//! ([`DiaryCache::shown_months`], [`DiaryCache::shown_index`]), and there a
//! day the client filled always wins: its example is dropped.
//!
//! Pure code over a [`Store`]: the app keeps a [`DiaryCache`] in a signal
//! and shows what each call reports.

mod examples;
mod layer;

pub use examples::examples_stored;

use chrono::{DateTime, NaiveDate, Utc};

use super::{Backend, LoadProblem, SaveError, Store, StoreKey};
use crate::model::diary::{combine, DayEntry, DiaryIndex, DiaryMonth, Month, MonthSummary};
use layer::{Examples, Layer, Own};

/// Something a diary call found that the client must be told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Report {
    /// A value could not be read (see [`LoadProblem::message`]).
    Problem(LoadProblem),
    /// Writing a summary again, to catch up with its month, failed; or
    /// dropping an example from a day the client filled did.
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

    /// Nothing to save, nothing went wrong.
    fn nothing(reports: Vec<Report>) -> Saved {
        Saved {
            month: Ok(()),
            summary: Ok(()),
            reports,
        }
    }
}

/// The months and yearly summaries read so far: the client's own, and
/// the made-up examples beside them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DiaryCache {
    own: Layer<Own>,
    examples: Layer<Examples>,
}

impl DiaryCache {
    /// Nothing read yet.
    pub fn new() -> Self {
        DiaryCache::default()
    }

    /// True if `month` has been read.
    pub fn has_month(&self, month: Month) -> bool {
        self.own.has_month(month) && self.examples.has_month(month)
    }

    /// True if `year`'s summaries have been read.
    pub fn has_year(&self, year: i32) -> bool {
        self.own.has_year(year) && self.examples.has_year(year)
    }

    /// One of the client's months read so far (never examples); `None` if
    /// it has not been read.
    pub fn month(&self, month: Month) -> Option<&DiaryMonth> {
        self.own.month(month)
    }

    /// The client's months read so far, never examples: what a summary,
    /// or anything else taken from the record, is made from.
    pub fn months(&self) -> &[(Month, DiaryMonth)] {
        self.own.months()
    }

    /// The client's entry for `day` (never an example), if its month has
    /// been read and has one.
    pub fn day(&self, day: NaiveDate) -> Option<&DayEntry> {
        self.own.day(day)
    }

    /// The summaries of the client's months, for every year read so far,
    /// oldest first, as one (never examples).
    pub fn index(&self) -> DiaryIndex {
        self.own.index()
    }

    /// The example for `day`, if its month has been read, it has one, and
    /// the client has no entry of their own that day.
    pub fn example_day(&self, day: NaiveDate) -> Option<&DayEntry> {
        self.examples
            .day(day)
            .filter(|_| self.own.day(day).is_none())
    }

    /// The days of `month` that show an example (bit 0 is the 1st): days
    /// with an example and no entry of the client's.
    pub fn example_days(&self, month: Month) -> u32 {
        let own = self.own.summary(month).map_or(0, |s| s.days);
        self.examples.summary(month).map_or(0, |s| s.days) & !own
    }

    /// How many days from `from` (or the first, for `None`) to `to` show
    /// an example, from the summaries of the years read so far.
    pub fn examples_shown(&self, from: Option<NaiveDate>, to: NaiveDate) -> u32 {
        self.examples
            .index()
            .months
            .iter()
            .filter_map(|e| Month::parse(&e.month))
            .map(|month| {
                let mut bits = self.example_days(month);
                for d in 0..month.days() {
                    let day = month.first_day() + chrono::Duration::days(i64::from(d));
                    if from.is_some_and(|f| day < f) || day > to {
                        bits &= !(1 << d);
                    }
                }
                bits.count_ones()
            })
            .sum()
    }

    /// True if any example has been read (after [`DiaryCache::load_index`],
    /// if any is stored).
    pub fn has_examples(&self) -> bool {
        !self.examples.index().is_empty()
            || self
                .examples
                .months()
                .iter()
                .any(|(_, d)| !d.days.is_empty())
    }

    /// What the diary's own screens show for the months read so far: the
    /// client's entries, and the examples on days the client did not fill.
    pub fn shown_months(&self) -> Vec<(Month, DiaryMonth)> {
        let mut out: Vec<(Month, DiaryMonth)> = self.own.months().to_vec();
        for (month, examples) in self.examples.months() {
            if examples.days.is_empty() {
                continue;
            }
            let at = match out.iter().position(|(m, _)| m == month) {
                Some(at) => at,
                None => {
                    out.push((*month, DiaryMonth::default()));
                    out.len() - 1
                }
            };
            let shown = &mut out[at].1;
            for e in &examples.days {
                if shown.day(e.date).is_none() {
                    let i = shown.days.partition_point(|d| d.date < e.date);
                    shown.days.insert(i, e.clone());
                }
            }
        }
        out.sort_by_key(|(m, _)| *m);
        out
    }

    /// The month summaries the diary's own screens show ("all time"):
    /// the client's and the examples' together. Exact, because an example
    /// on a day the client filled is dropped as soon as both are read
    /// (see [`DiaryCache::load_year`]).
    pub fn shown_index(&self) -> DiaryIndex {
        let own = self.own.index();
        let mut months: Vec<MonthSummary> = own.months.clone();
        for e in self.examples.index().months {
            match months.iter_mut().find(|m| m.month == e.month) {
                Some(m) => {
                    m.days |= e.days;
                    m.measures = combine(m.measures.iter().chain(e.measures.iter()));
                }
                None => months.push(e),
            }
        }
        months.sort_by(|a, b| a.month.cmp(&b.month));
        DiaryIndex { months }
    }

    /// Reads `month` if it has not been read yet (the client's and the
    /// examples'), writes a summary again if it no longer matches its
    /// month, and drops any example on a day the client filled.
    pub fn load_month<B: Backend>(
        &mut self,
        store: &Store<B>,
        month: Month,
        now: DateTime<Utc>,
    ) -> Vec<Report> {
        let mut reports = self.own.load_month(store, month, now);
        reports.extend(self.examples.load_month(store, month, now));
        reports.extend(self.drop_filled(store, month, now));
        reports
    }

    /// Reads `year`'s month summaries if they have not been read yet, the
    /// client's and the examples'. A month where both have the same day
    /// (the client filled a day in another tab, or a restore added it) is
    /// read whole, which drops the example.
    pub fn load_year<B: Backend>(
        &mut self,
        store: &Store<B>,
        year: i32,
        now: DateTime<Utc>,
    ) -> Vec<Report> {
        let mut reports: Vec<Report> = self.own.load_year(store, year, now).into_iter().collect();
        reports.extend(self.examples.load_year(store, year, now));
        reports.extend(self.drop_filled_in(store, &[year], now));
        reports
    }

    /// Reads the month summaries of every year (for "all time").
    pub fn load_index<B: Backend>(&mut self, store: &Store<B>, now: DateTime<Utc>) -> Vec<Report> {
        let mut reports = self.own.load_index(store, now);
        reports.extend(self.examples.load_index(store, now));
        let years = self.examples.years();
        reports.extend(self.drop_filled_in(store, &years, now));
        reports
    }

    /// Reads in whole every month of `years` where the client and the
    /// examples have the same day, dropping those examples.
    fn drop_filled_in<B: Backend>(
        &mut self,
        store: &Store<B>,
        years: &[i32],
        now: DateTime<Utc>,
    ) -> Vec<Report> {
        let clashes: Vec<Month> = self
            .examples
            .index()
            .months
            .iter()
            .filter_map(|e| Month::parse(&e.month))
            .filter(|m| years.contains(&m.year))
            .filter(|m| {
                let own = self.own.summary(*m).map_or(0, |s| s.days);
                let ex = self.examples.summary(*m).map_or(0, |s| s.days);
                own & ex != 0
            })
            .collect();
        let mut reports = Vec::new();
        for month in clashes {
            reports.extend(self.load_month(store, month, now));
        }
        reports
    }

    /// True when none of the client's own diary months is stored (however
    /// many examples are).
    pub fn is_empty<B: Backend>(
        &mut self,
        store: &Store<B>,
        now: DateTime<Utc>,
    ) -> (bool, Vec<Report>) {
        // Every summary is read, the examples' too, so the page knows
        // whether it shows any.
        let mut reports = self.load_index(store, now);
        let (empty, more) = self.own.is_empty(store, now);
        reports.extend(more);
        (empty, reports)
    }

    /// Saves one day's entry of the client's: its month, then the month's
    /// summary. Only that month is written, whatever the diary's size.
    /// Then an example on that day, if any, is dropped: the client's entry
    /// is what shows.
    pub fn save_day<B: Backend>(
        &mut self,
        store: &Store<B>,
        entry: DayEntry,
        now: DateTime<Utc>,
    ) -> Saved {
        let month = Month::of(entry.date);
        let mut reports = self.own.load_month(store, month, now);
        let mut diary = self.own.month(month).cloned().unwrap_or_default();
        diary.put(entry);
        let mut saved = self.own.save_month(store, month, diary, now);
        reports.append(&mut saved.reports);
        if saved.month.is_ok() {
            reports.extend(self.examples.load_month(store, month, now));
            reports.extend(self.drop_filled(store, month, now));
        }
        saved.reports = reports;
        saved
    }

    /// Saves one of the client's months, then (if that worked) its year's
    /// summaries (see [`Layer::save_month`]).
    pub fn save_month<B: Backend>(
        &mut self,
        store: &Store<B>,
        month: Month,
        diary: DiaryMonth,
        now: DateTime<Utc>,
    ) -> Saved {
        self.own.save_month(store, month, diary, now)
    }

    /// Reads a diary key again after another tab or window changed it: a
    /// month or year read so far is replaced by what is stored now. True
    /// if what is shown changed. (The diary's settings are a kind of
    /// their own.)
    pub fn reload_key<B: Backend>(
        &mut self,
        store: &Store<B>,
        key: &StoreKey,
        now: DateTime<Utc>,
    ) -> (bool, Vec<Report>) {
        let (changed, mut reports) = if key.is_examples() {
            self.examples.reload_key(store, key, now)
        } else {
            self.own.reload_key(store, key, now)
        };
        // Another tab's entry may fall on an example's day.
        let months: Vec<Month> = self.own.months().iter().map(|(m, _)| *m).collect();
        for month in months {
            if self.examples.has_month(month) {
                reports.extend(self.drop_filled(store, month, now));
            }
        }
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
    fn examples_are_written_under_their_own_keys_only() {
        let store = Store::new(MemoryBackend::new());
        let mut diary = DiaryCache::new();
        let measures = vec![builtin("mood").unwrap(), builtin("pain").unwrap()];
        let saved = diary.add_examples(&store, day(9, 1), day(11, 20), &measures, now());
        assert_eq!(saved.result(), Ok(()));
        let keys: Vec<String> = store
            .keys()
            .iter()
            .map(|k| k.as_str().to_string())
            .collect();
        assert!(
            keys.iter().all(|k| k.starts_with("alongside.examples.")),
            "{keys:?}"
        );
        assert_eq!(keys.len(), 4, "three months and a summary: {keys:?}");
        // The client's diary is still empty: nothing of theirs is made up.
        let mut fresh = DiaryCache::new();
        let (empty, _) = fresh.is_empty(&store, now());
        assert!(empty);
        assert!(fresh.has_examples());
        assert!(fresh.index().is_empty() && fresh.months().is_empty());
        assert_eq!(
            fresh
                .shown_index()
                .months
                .iter()
                .map(|m| m.month.as_str())
                .collect::<Vec<_>>(),
            vec!["2026-09", "2026-10", "2026-11"]
        );
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

//! One family of diary keys read so far: its months and its yearly month
//! summaries. The client's own entries and the made-up examples are two
//! such families ([`Own`], [`Examples`]), stored apart under keys and
//! kinds of their own, and read and saved by the same rules.

use std::marker::PhantomData;

use chrono::{DateTime, Utc};

use super::{Report, Saved};
use crate::model::diary::{DayEntry, DiaryIndex, DiaryMonth, Month, MonthSummary};
use crate::store::schema::{ExampleIndex, ExampleMonth, Record};
use crate::store::{Backend, Load, SaveError, Store, StoreKey};

/// Where one family of diary values is kept, and as which kinds.
pub trait Family: std::fmt::Debug + Clone + Default + PartialEq {
    /// The key of one month.
    fn month_key(month: Month) -> StoreKey;
    /// The key of one year's month summaries.
    fn index_key(year: i32) -> StoreKey;
    /// The year of an index key of this family.
    fn index_year(key: &StoreKey) -> Option<i32>;
    /// True for a month key of this family.
    fn is_month_key(key: &StoreKey) -> bool;
    /// Reads one month.
    fn load_month<B: Backend>(
        store: &Store<B>,
        key: &StoreKey,
        now: DateTime<Utc>,
    ) -> Load<DiaryMonth>;
    /// Saves one month.
    fn save_month<B: Backend>(
        store: &Store<B>,
        key: &StoreKey,
        month: &DiaryMonth,
        now: DateTime<Utc>,
    ) -> Result<(), SaveError>;
    /// Reads one year's month summaries.
    fn load_index<B: Backend>(
        store: &Store<B>,
        key: &StoreKey,
        now: DateTime<Utc>,
    ) -> Load<DiaryIndex>;
    /// Saves one year's month summaries.
    fn save_index<B: Backend>(
        store: &Store<B>,
        key: &StoreKey,
        index: &DiaryIndex,
        now: DateTime<Utc>,
    ) -> Result<(), SaveError>;
}

/// Reads a value of kind `T` and gives what it holds.
fn load_as<T: Record, U, B: Backend>(
    store: &Store<B>,
    key: &StoreKey,
    now: DateTime<Utc>,
    inner: impl FnOnce(T) -> U,
) -> Load<U> {
    let load = store.load::<T>(key, now);
    Load {
        value: load.value.map(inner),
        problem: load.problem,
    }
}

/// The client's own diary: `alongside.diary.YYYY-MM` and
/// `alongside.diary.index.YYYY`, the record itself.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Own;

impl Family for Own {
    fn month_key(month: Month) -> StoreKey {
        StoreKey::diary_month(month.first_day())
    }
    fn index_key(year: i32) -> StoreKey {
        StoreKey::diary_index(year)
    }
    fn index_year(key: &StoreKey) -> Option<i32> {
        key.diary_index_year()
    }
    fn is_month_key(key: &StoreKey) -> bool {
        key.is_diary_month()
    }
    fn load_month<B: Backend>(
        store: &Store<B>,
        key: &StoreKey,
        now: DateTime<Utc>,
    ) -> Load<DiaryMonth> {
        store.load::<DiaryMonth>(key, now)
    }
    fn save_month<B: Backend>(
        store: &Store<B>,
        key: &StoreKey,
        month: &DiaryMonth,
        now: DateTime<Utc>,
    ) -> Result<(), SaveError> {
        store.save(key, month, now).map(drop)
    }
    fn load_index<B: Backend>(
        store: &Store<B>,
        key: &StoreKey,
        now: DateTime<Utc>,
    ) -> Load<DiaryIndex> {
        store.load::<DiaryIndex>(key, now)
    }
    fn save_index<B: Backend>(
        store: &Store<B>,
        key: &StoreKey,
        index: &DiaryIndex,
        now: DateTime<Utc>,
    ) -> Result<(), SaveError> {
        store.save(key, index, now).map(drop)
    }
}

/// The made-up examples: `alongside.examples.YYYY-MM` and
/// `alongside.examples.index.YYYY`, kinds of their own.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Examples;

impl Family for Examples {
    fn month_key(month: Month) -> StoreKey {
        StoreKey::example_month(month)
    }
    fn index_key(year: i32) -> StoreKey {
        StoreKey::example_index(year)
    }
    fn index_year(key: &StoreKey) -> Option<i32> {
        key.example_index_year()
    }
    fn is_month_key(key: &StoreKey) -> bool {
        key.example_month_of().is_some()
    }
    fn load_month<B: Backend>(
        store: &Store<B>,
        key: &StoreKey,
        now: DateTime<Utc>,
    ) -> Load<DiaryMonth> {
        load_as(store, key, now, |m: ExampleMonth| m.0)
    }
    fn save_month<B: Backend>(
        store: &Store<B>,
        key: &StoreKey,
        month: &DiaryMonth,
        now: DateTime<Utc>,
    ) -> Result<(), SaveError> {
        store.save(key, &ExampleMonth(month.clone()), now).map(drop)
    }
    fn load_index<B: Backend>(
        store: &Store<B>,
        key: &StoreKey,
        now: DateTime<Utc>,
    ) -> Load<DiaryIndex> {
        load_as(store, key, now, |i: ExampleIndex| i.0)
    }
    fn save_index<B: Backend>(
        store: &Store<B>,
        key: &StoreKey,
        index: &DiaryIndex,
        now: DateTime<Utc>,
    ) -> Result<(), SaveError> {
        store.save(key, &ExampleIndex(index.clone()), now).map(drop)
    }
}

/// The months and yearly summaries of one family read so far.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Layer<F: Family> {
    months: Vec<(Month, DiaryMonth)>,
    /// Oldest first.
    years: Vec<(i32, DiaryIndex)>,
    /// Every year with summaries in storage, once looked up.
    stored_years: Option<Vec<i32>>,
    family: PhantomData<F>,
}

impl<F: Family> Layer<F> {
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
    pub fn day(&self, day: chrono::NaiveDate) -> Option<&DayEntry> {
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

    /// The summary of `month`, if its year has been read and has one.
    pub fn summary(&self, month: Month) -> Option<&MonthSummary> {
        let code = month.code();
        self.years
            .iter()
            .find(|(y, _)| *y == month.year)
            .and_then(|(_, i)| i.months.iter().find(|m| m.month == code))
    }

    /// The years read so far.
    pub fn years(&self) -> Vec<i32> {
        self.years.iter().map(|(y, _)| *y).collect()
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
        let load = F::load_month(store, &F::month_key(month), now);
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
        let wanted = MonthSummary::of(month, diary);
        let stale = match self.summary(month) {
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
        let load = F::load_index(store, &F::index_key(year), now);
        let at = self.years.partition_point(|(y, _)| *y < year);
        self.years
            .insert(at, (year, load.value.unwrap_or_default()));
        load.problem.map(Report::Problem)
    }

    /// Every year with summaries in storage, oldest first.
    fn stored_years<B: Backend>(&mut self, store: &Store<B>) -> Vec<i32> {
        if let Some(years) = &self.stored_years {
            return years.clone();
        }
        let mut years: Vec<i32> = store.keys().iter().filter_map(F::index_year).collect();
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

    /// True when no month of this family is stored.
    pub fn is_empty<B: Backend>(
        &mut self,
        store: &Store<B>,
        now: DateTime<Utc>,
    ) -> (bool, Vec<Report>) {
        let reports = self.load_index(store, now);
        // The month keys themselves are checked too: a year's summary can
        // be missing (kept aside, or its save failed) while months exist.
        let no_months = !store.keys().iter().any(F::is_month_key);
        let empty = no_months && self.years.iter().all(|(_, i)| i.is_empty());
        (empty, reports)
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
        let key = F::month_key(month);
        let result = F::save_month(store, &key, &diary, now);
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
        let result = F::save_index(store, &F::index_key(month.year), &index, now);
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

    /// Reads a key of this family again after another tab or window
    /// changed it: a month or year read so far is replaced by what is
    /// stored now, and the list of stored years is looked up anew. True if
    /// what is shown changed.
    pub fn reload_key<B: Backend>(
        &mut self,
        store: &Store<B>,
        key: &StoreKey,
        now: DateTime<Utc>,
    ) -> (bool, Vec<Report>) {
        self.stored_years = None;
        if let Some(year) = F::index_year(key) {
            return self.reload_year(store, year, now);
        }
        let Some(month) = self
            .months
            .iter()
            .map(|(m, _)| *m)
            .find(|m| F::month_key(*m) == *key)
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
}

//! Summaries: count, total, lowest and highest of a measure's readings,
//! per month, and the index of every stored month.

use chrono::Datelike;
use serde::{Deserialize, Serialize};

use super::entry::Reading;
use super::month::{DiaryMonth, Month};

/// Count, total, lowest and highest of one measure's readings: enough to
/// combine months without reading them again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// The measure's id.
    pub m: String,
    /// How many readings.
    pub n: u32,
    /// Their total.
    pub sum: i64,
    /// The lowest.
    pub lo: i32,
    /// The highest.
    pub hi: i32,
}

impl Summary {
    /// Adds one reading.
    fn add(&mut self, v: i32) {
        self.n += 1;
        self.sum += i64::from(v);
        self.lo = self.lo.min(v);
        self.hi = self.hi.max(v);
    }

    /// The average, scaled by one more decimal place than the values
    /// (so an average of 4 and 5 on a 0-10 scale is 45, "4.5"), rounded.
    pub fn average_x10(&self) -> i32 {
        if self.n == 0 {
            return 0;
        }
        let n = i64::from(self.n);
        let twice = self.sum * 20 / n;
        // Round half away from zero.
        i32::try_from((twice + twice.signum()) / 2).unwrap_or(0)
    }
}

/// Adds readings into per-measure summaries.
pub fn summarise<'a>(readings: impl Iterator<Item = &'a Reading>, into: &mut Vec<Summary>) {
    for r in readings {
        match into.iter_mut().find(|s| s.m == r.m) {
            Some(s) => s.add(r.v),
            None => into.push(Summary {
                m: r.m.clone(),
                n: 1,
                sum: i64::from(r.v),
                lo: r.v,
                hi: r.v,
            }),
        }
    }
}

/// Combines summaries (of several months) into one per measure.
pub fn combine<'a>(parts: impl Iterator<Item = &'a Summary>) -> Vec<Summary> {
    let mut out: Vec<Summary> = Vec::new();
    for p in parts {
        match out.iter_mut().find(|s| s.m == p.m) {
            Some(s) => {
                s.n += p.n;
                s.sum += p.sum;
                s.lo = s.lo.min(p.lo);
                s.hi = s.hi.max(p.hi);
            }
            None => out.push(p.clone()),
        }
    }
    out
}

/// What the index keeps about one stored month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthSummary {
    /// `2026-11`.
    pub month: String,
    /// Which days have an entry: bit 0 is the 1st.
    pub days: u32,
    /// Per-measure summaries of the month.
    pub measures: Vec<Summary>,
}

impl MonthSummary {
    /// Summarises a month from its entries.
    pub fn of(month: Month, diary: &DiaryMonth) -> MonthSummary {
        let mut measures = Vec::new();
        summarise(
            diary.days.iter().flat_map(|d| d.readings.iter()),
            &mut measures,
        );
        MonthSummary {
            month: month.code(),
            days: diary
                .days
                .iter()
                .fold(0, |bits, d| bits | 1 << (d.date.day0() % 32)),
            measures,
        }
    }
}

/// A summary of every stored month, so "all time" trends and the list of
/// months never read the months themselves.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DiaryIndex {
    /// One per month with entries, oldest first.
    pub months: Vec<MonthSummary>,
}

impl DiaryIndex {
    /// Replaces one month's summary (dropping it if the month is empty).
    pub fn update(&mut self, month: Month, diary: &DiaryMonth) {
        let code = month.code();
        self.months.retain(|m| m.month != code);
        if !diary.days.is_empty() {
            let at = self.months.partition_point(|m| m.month < code);
            self.months.insert(at, MonthSummary::of(month, diary));
        }
    }

    /// The summaries of `months`, made afresh: how the index is rebuilt
    /// after a restore has added entries to several months.
    pub fn of_months<'a>(months: impl IntoIterator<Item = (Month, &'a DiaryMonth)>) -> DiaryIndex {
        let mut index = DiaryIndex::default();
        for (month, diary) in months {
            index.update(month, diary);
        }
        index
    }

    /// True if no month has entries.
    pub fn is_empty(&self) -> bool {
        self.months.is_empty()
    }

    /// The first day with an entry, if any: where the diary begins.
    pub fn first_day(&self) -> Option<chrono::NaiveDate> {
        self.months.iter().find_map(|m| {
            let month = super::Month::parse(&m.month)?;
            (m.days != 0).then(|| {
                month.first_day() + chrono::Duration::days(i64::from(m.days.trailing_zeros()))
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_diary_begins_on_its_first_day_with_an_entry() {
        let day = |m, d| chrono::NaiveDate::from_ymd_opt(2026, m, d).unwrap();
        assert_eq!(DiaryIndex::default().first_day(), None);
        let index = DiaryIndex {
            months: vec![
                MonthSummary {
                    month: "2026-11".into(),
                    days: (1 << 1) | (1 << 20),
                    measures: Vec::new(),
                },
                MonthSummary {
                    month: "2026-12".into(),
                    days: 1,
                    measures: Vec::new(),
                },
            ],
        };
        assert_eq!(index.first_day(), Some(day(11, 2)));
    }

    #[test]
    fn averages_round_to_one_more_decimal_place() {
        let mut s = Vec::new();
        let r = |v| Reading {
            m: "pain".into(),
            t: None,
            v,
        };
        summarise([r(4), r(5), r(5)].iter(), &mut s);
        assert_eq!(s[0].average_x10(), 47);
        let neg = Summary {
            m: "x".into(),
            n: 2,
            sum: -3,
            lo: -2,
            hi: -1,
        };
        assert_eq!(neg.average_x10(), -15);
    }
}

//! Calendar months, the unit of storage, and one stored month of the
//! diary.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::entry::{DayEntry, DAY_READINGS_MAX};
use crate::model::time::MONTHS;

/// A calendar month, such as November 2026: the unit of storage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    /// The year.
    pub year: i32,
    /// 1 to 12.
    pub month: u32,
}

impl Month {
    /// The month a day is in.
    pub fn of(day: NaiveDate) -> Month {
        Month {
            year: day.year(),
            month: day.month(),
        }
    }

    /// Its first day.
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).unwrap_or_default()
    }

    /// The month after.
    pub fn next(self) -> Month {
        if self.month == 12 {
            Month {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Month {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    /// The month before.
    pub fn previous(self) -> Month {
        if self.month == 1 {
            Month {
                year: self.year - 1,
                month: 12,
            }
        } else {
            Month {
                year: self.year,
                month: self.month - 1,
            }
        }
    }

    /// How many days it has.
    pub fn days(self) -> u32 {
        (self.next().first_day() - self.first_day()).num_days() as u32
    }

    /// "November 2026".
    pub fn name(self) -> String {
        format!("{} {}", MONTHS[(self.month - 1) as usize % 12], self.year)
    }

    /// `2026-11`, as in the storage key.
    pub fn code(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }

    /// Reads `2026-11`.
    pub fn parse(text: &str) -> Option<Month> {
        let (y, m) = text.split_once('-')?;
        let month = Month {
            year: y.parse().ok()?,
            month: m.parse().ok()?,
        };
        (y.len() == 4 && m.len() == 2 && (1..=12).contains(&month.month)).then_some(month)
    }
}

/// One month of the diary: what is stored under one key.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DiaryMonth {
    /// Day entries, oldest first, at most one per day.
    pub days: Vec<DayEntry>,
}

impl DiaryMonth {
    /// The entry for `day`, if there is one.
    pub fn day(&self, day: NaiveDate) -> Option<&DayEntry> {
        self.days.iter().find(|d| d.date == day)
    }

    /// Puts `entry` in, replacing that day's entry; an entry with nothing
    /// in it removes the day.
    pub fn put(&mut self, entry: DayEntry) {
        self.days.retain(|d| d.date != entry.date);
        if !entry.readings.is_empty() || entry.note.is_some() {
            let at = self.days.partition_point(|d| d.date < entry.date);
            self.days.insert(at, entry);
        }
    }

    /// Adds the days and readings of `other` (a backup) that are not here.
    /// A day only in the backup is added whole; a day on both sides is
    /// merged by [`DayEntry::add_missing`]. Merging the same backup again
    /// changes nothing.
    pub fn add_missing(&mut self, other: &DiaryMonth) {
        for theirs in &other.days {
            match self.days.iter_mut().find(|d| d.date == theirs.date) {
                Some(mine) => mine.add_missing(theirs),
                None => {
                    let at = self.days.partition_point(|d| d.date < theirs.date);
                    self.days.insert(at, theirs.clone());
                }
            }
        }
    }

    /// Renames measure ids in every reading, as `(from, to)` pairs: how the
    /// readings of a backup's own measure follow it to a new id.
    pub fn rename_measures(&mut self, renames: &[(String, String)]) {
        for r in self.days.iter_mut().flat_map(|d| d.readings.iter_mut()) {
            if let Some((_, to)) = renames.iter().find(|(from, _)| *from == r.m) {
                r.m = to.clone();
            }
        }
    }

    /// Checks what was read from storage: days in order, once each, all in
    /// one month, and no more readings than a day can hold.
    pub fn check(&self) -> Result<(), String> {
        let month = self.days.first().map(|d| Month::of(d.date));
        for pair in self.days.windows(2) {
            if pair[0].date >= pair[1].date {
                return Err("the days are out of order".into());
            }
        }
        if self.days.iter().any(|d| Some(Month::of(d.date)) != month) {
            return Err("a day is in the wrong month".into());
        }
        if self
            .days
            .iter()
            .any(|d| d.readings.len() > DAY_READINGS_MAX)
        {
            return Err("a day has too many readings".into());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::day;
    use super::super::{months_for, DiaryIndex, Reading};
    use super::*;

    #[test]
    fn days_are_kept_in_order_once_each() {
        let mut month = DiaryMonth::default();
        let entry = |d: u32, v: i32| DayEntry {
            date: day(2026, 11, d),
            readings: vec![Reading {
                m: "mood".into(),
                t: None,
                v,
            }],
            note: None,
        };
        month.put(entry(5, 1));
        month.put(entry(2, 1));
        month.put(entry(5, 3));
        assert_eq!(
            month
                .days
                .iter()
                .map(|d| (d.date.day(), d.readings[0].v))
                .collect::<Vec<_>>(),
            vec![(2, 1), (5, 3)]
        );
        month.put(DayEntry {
            date: day(2026, 11, 2),
            readings: vec![],
            note: None,
        });
        assert_eq!(month.days.len(), 1, "an emptied day is removed");
        assert_eq!(month.check(), Ok(()));
        let mut bad = month.clone();
        bad.days.push(entry(1, 1));
        assert!(bad.check().is_err());
    }

    #[test]
    fn months_merge_day_by_day_in_date_order() {
        let entry = |d: u32, v: i32| DayEntry {
            date: day(2026, 11, d),
            readings: vec![Reading {
                m: "mood".into(),
                t: None,
                v,
            }],
            note: None,
        };
        let mut mine = DiaryMonth {
            days: vec![entry(2, 4), entry(9, 4)],
        };
        let theirs = DiaryMonth {
            days: vec![entry(1, 2), entry(2, 1), entry(5, 3), entry(30, 3)],
        };
        mine.add_missing(&theirs);
        let got: Vec<(u32, i32)> = mine
            .days
            .iter()
            .map(|d| (d.date.day(), d.readings[0].v))
            .collect();
        assert_eq!(got, vec![(1, 2), (2, 4), (5, 3), (9, 4), (30, 3)]);
        assert_eq!(mine.check(), Ok(()));
        let index = DiaryIndex::of_months([(Month::of(day(2026, 11, 1)), &mine)]);
        assert_eq!(index.months.len(), 1);
        assert_eq!(index.months[0].days.count_ones(), 5);
    }

    #[test]
    fn months_read_the_uk_way() {
        let m = Month::of(day(2026, 12, 31));
        assert_eq!(
            (m.name(), m.code(), m.days()),
            ("December 2026".into(), "2026-12".into(), 31)
        );
        assert_eq!(m.next().code(), "2027-01");
        assert_eq!(Month::of(day(2028, 2, 1)).days(), 29);
        assert_eq!(
            Month::parse("2026-11"),
            Some(Month {
                year: 2026,
                month: 11
            })
        );
        assert_eq!(Month::parse("2026-13"), None);
        assert_eq!(
            months_for(90, day(2026, 11, 21))
                .iter()
                .map(|m| m.code())
                .collect::<Vec<_>>(),
            vec!["2026-08", "2026-09", "2026-10", "2026-11"]
        );
    }
}

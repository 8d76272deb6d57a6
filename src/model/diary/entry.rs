//! Day entries: the readings and note recorded for one day, and merging
//! a day from a backup.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::time::iso;

/// Longest diary note, in characters.
pub const NOTE_MAX: usize = 2000;
/// Most readings of one measure on one day.
pub const READINGS_MAX: usize = 12;

/// One reading of one measure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reading {
    /// The measure's id.
    pub m: String,
    /// Minutes after midnight (UK time), for measures taken several times a day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub t: Option<u16>,
    /// The value, scaled as the measure says.
    pub v: i32,
}

/// Everything recorded for one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayEntry {
    /// The day.
    #[serde(with = "iso")]
    pub date: NaiveDate,
    /// The readings, in the order of the measures, then by time.
    pub readings: Vec<Reading>,
    /// A note, if written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The most readings one stored day may hold, of all measures together.
pub const DAY_READINGS_MAX: usize = 400;

impl DayEntry {
    /// The readings of one measure.
    pub fn of<'a>(&'a self, measure: &'a str) -> impl Iterator<Item = &'a Reading> + 'a {
        self.readings.iter().filter(move |r| r.m == measure)
    }

    /// Adds the readings of `other` (the same day, from a backup) that are
    /// not here, each beside the readings of its measure in time order.
    ///
    /// A reading of the same measure at the same time (or both without a
    /// time) is the same reading: this phone's value is kept, so a value
    /// changed since the backup is not brought back beside the new one,
    /// and the day form never meets two readings at one time. This
    /// phone's note is kept; the backup's is taken only if there is none
    /// here. If the day would hold more readings than a stored day may,
    /// it is left as it is.
    pub fn add_missing(&mut self, other: &DayEntry) {
        let new: Vec<&Reading> = other
            .readings
            .iter()
            .filter(|r| !self.readings.iter().any(|x| x.m == r.m && x.t == r.t))
            .collect();
        if self.readings.len() + new.len() <= DAY_READINGS_MAX {
            for r in new {
                let at = match self.readings.iter().rposition(|x| x.m == r.m) {
                    Some(last) => {
                        let first = self.readings[..=last]
                            .iter()
                            .rposition(|x| x.m != r.m)
                            .map_or(0, |i| i + 1);
                        first + self.readings[first..=last].partition_point(|x| x.t <= r.t)
                    }
                    None => self.readings.len(),
                };
                self.readings.insert(at, r.clone());
            }
        }
        if self.note.is_none() {
            self.note = other.note.clone();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::day;
    use super::*;

    #[test]
    fn a_day_on_both_sides_gets_every_reading_once_and_keeps_the_phones_values() {
        let r = |m: &str, t: Option<u16>, v: i32| Reading { m: m.into(), t, v };
        let mut mine = DayEntry {
            date: day(2026, 11, 2),
            readings: vec![
                r("mood", None, 4),
                r("glucose", Some(480), 56),
                r("glucose", Some(1080), 80),
            ],
            note: None,
        };
        let theirs = DayEntry {
            date: day(2026, 11, 2),
            readings: vec![
                r("mood", None, 2),
                r("glucose", Some(480), 56),
                r("glucose", Some(750), 71),
                r("glucose", Some(1320), 60),
                r("pain", None, 6),
            ],
            note: Some("From the backup".into()),
        };
        mine.add_missing(&theirs);
        assert_eq!(
            mine.readings,
            vec![
                r("mood", None, 4),
                r("glucose", Some(480), 56),
                r("glucose", Some(750), 71),
                r("glucose", Some(1080), 80),
                r("glucose", Some(1320), 60),
                r("pain", None, 6),
            ]
        );
        assert_eq!(mine.note.as_deref(), Some("From the backup"));
        let again = mine.clone();
        mine.add_missing(&theirs);
        assert_eq!(mine, again, "merging twice changes nothing");
        mine.note = Some("Mine".into());
        mine.add_missing(&theirs);
        assert_eq!(mine.note.as_deref(), Some("Mine"), "the phone's note wins");
        // A day that would overflow is left as it is.
        let full = DayEntry {
            date: day(2026, 11, 2),
            readings: (0..DAY_READINGS_MAX as u16)
                .map(|t| r("glucose", Some(t), 50))
                .collect(),
            note: None,
        };
        let mut kept = full.clone();
        kept.add_missing(&theirs);
        assert_eq!(kept.readings, full.readings);
    }
}

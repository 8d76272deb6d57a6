//! Spreadsheets of what is stored: the diary (a row per reading), goals
//! and appointments, each a CSV file named with the UK date. The rows
//! themselves are [`crate::model::csv`]'s; this reads the records.

use chrono::{DateTime, NaiveDate, Utc};

use super::{Backend, Store, StoreKey, Stored};
use crate::model::appointment::ApptBook;
use crate::model::csv;
use crate::model::diary::{DiaryMonth, DiarySettings};
use crate::model::time::iso_day;
use crate::model::GoalBook;

/// What a spreadsheet export holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Export {
    /// Every diary reading and note.
    Diary,
    /// Every goal.
    Goals,
    /// Every appointment occurrence.
    Appointments,
}

/// The spreadsheet of `what` as stored now: the file's name (with the UK
/// date `today`) and its text. A value that cannot be read is left out.
pub fn spreadsheet<B: Backend>(
    store: &Store<B>,
    what: Export,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> (String, String) {
    let day = iso_day(today);
    fn value<T: Stored + Default, B: Backend>(store: &Store<B>, now: DateTime<Utc>) -> T {
        store.load::<T>(&T::key(), now).value.unwrap_or_default()
    }
    match what {
        Export::Goals => (
            format!("alongside-goals-{day}.csv"),
            csv::goals_csv(&value::<GoalBook, B>(store, now)),
        ),
        Export::Appointments => (
            format!("alongside-appointments-{day}.csv"),
            csv::appointments_csv(&value::<ApptBook, B>(store, now)),
        ),
        Export::Diary => {
            let mut keys: Vec<StoreKey> = store.keys();
            keys.retain(StoreKey::is_diary_month);
            keys.sort_unstable();
            let months: Vec<DiaryMonth> = keys
                .iter()
                .filter_map(|k| store.load::<DiaryMonth>(k, now).value)
                .collect();
            let settings = value::<DiarySettings, B>(store, now);
            (
                format!("alongside-diary-{day}.csv"),
                csv::diary_csv(&months, &settings),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::diary::{DayEntry, Reading};
    use crate::model::GoalDraft;
    use crate::store::MemoryBackend;

    fn now() -> DateTime<Utc> {
        "2026-11-21T10:00:00Z".parse().unwrap()
    }

    #[test]
    fn each_spreadsheet_is_named_by_the_day_and_reads_what_is_stored() {
        let store = Store::new(MemoryBackend::new());
        let today = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        let mut book = GoalBook::default();
        let draft = GoalDraft {
            text: "Walk to the corner shop".into(),
            ..GoalDraft::default()
        };
        book.add(&draft, today).unwrap();
        store.save(&GoalBook::key(), &book, now()).unwrap();
        // Two months, stored out of order: rows come oldest first.
        for (date, v) in [("2026-11-02", 4), ("2026-10-30", 2)] {
            let date = crate::model::time::parse_iso_day(date).unwrap();
            let month = DiaryMonth {
                days: vec![DayEntry {
                    date,
                    readings: vec![Reading {
                        m: "mood".into(),
                        t: None,
                        v,
                    }],
                    note: None,
                }],
            };
            store
                .save(&StoreKey::diary_month(date), &month, now())
                .unwrap();
        }
        let (name, text) = spreadsheet(&store, Export::Goals, today, now());
        assert_eq!(name, "alongside-goals-2026-11-21.csv");
        assert!(text.contains("Walk to the corner shop"));
        let (name, text) = spreadsheet(&store, Export::Diary, today, now());
        assert_eq!(name, "alongside-diary-2026-11-21.csv");
        let october = text.find("2026-10-30").unwrap();
        let november = text.find("2026-11-02").unwrap();
        assert!(october < november, "{text}");
        let (name, text) = spreadsheet(&store, Export::Appointments, today, now());
        assert_eq!(name, "alongside-appointments-2026-11-21.csv");
        assert_eq!(text.lines().count(), 1, "the heading row alone: {text}");
    }
}

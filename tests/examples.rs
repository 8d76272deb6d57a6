//! Made-up example entries are kept apart from the client's record: a
//! summary, a backup and a spreadsheet made from a diary with examples
//! hold none of them, and diaries stored before examples were kept apart
//! still read as they did.

use alongside::model::appointment::ApptBook;
use alongside::model::diary::{builtin, DayEntry, DiaryMonth, Month, Reading};
use alongside::model::wellbeing::{TalkList, Wellbeing};
use alongside::model::GoalBook;
use alongside::share::summary::{Choice, Sources, Summary};
use alongside::store::backup::Backup;
use alongside::store::diary::{examples_stored, DiaryCache};
use alongside::store::export::{spreadsheet, Export};
use alongside::store::schema::{self, ExampleIndex, ExampleMonth};
use alongside::store::{MemoryBackend, Store, StoreKey};
use chrono::{DateTime, NaiveDate, Utc};

fn now() -> DateTime<Utc> {
    "2026-11-21T10:30:00Z".parse().unwrap()
}

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

/// A day of the client's own: pain 9 (the examples stay near the middle
/// of the scale, so never 9) and a note.
fn mine(date: NaiveDate) -> DayEntry {
    DayEntry {
        date,
        readings: vec![Reading {
            m: "pain".into(),
            t: None,
            v: 9,
        }],
        note: Some("My own day".into()),
    }
}

/// A store with two days of the client's and three months of examples
/// around them.
fn diary_with_examples() -> (Store<MemoryBackend>, DiaryCache) {
    let store = Store::new(MemoryBackend::new());
    let mut diary = DiaryCache::new();
    diary.save_day(&store, mine(day(11, 2)), now());
    diary.save_day(&store, mine(day(11, 16)), now());
    let measures = vec![builtin("mood").unwrap(), builtin("pain").unwrap()];
    let saved = diary.add_examples(&store, day(8, 23), day(11, 20), &measures, now());
    assert_eq!(saved.result(), Ok(()));
    assert!(examples_stored(&store));
    (store, diary)
}

#[test]
fn the_examples_never_hold_a_nine_so_the_checks_below_can_fail() {
    let (store, mut diary) = diary_with_examples();
    let mut any = 0;
    for m in [8, 9, 10, 11] {
        diary.load_month(
            &store,
            Month {
                year: 2026,
                month: m,
            },
            now(),
        );
    }
    for (_, month) in diary.shown_months() {
        for d in &month.days {
            if d.note.is_none() {
                any += 1;
                assert!(d.readings.iter().all(|r| r.v != 9));
            }
        }
    }
    assert_eq!(
        any, 88,
        "examples from 23 August to 20 November, less two days"
    );
}

#[test]
fn a_summary_from_a_diary_with_examples_holds_none_of_them() {
    let (store, mut diary) = diary_with_examples();
    let mut month = Month::of(day(8, 23));
    while month <= Month::of(day(11, 21)) {
        diary.load_month(&store, month, now());
        month = month.next();
    }
    let measures = vec![builtin("mood").unwrap(), builtin("pain").unwrap()];
    let choice = Choice {
        name: false,
        goals: vec![],
        measures: vec!["mood".into(), "pain".into()],
        readings: true,
        wellbeing: false,
        appointments: false,
        talk: false,
        notes: true,
        conditions: false,
        what_matters: false,
    };
    let (goals, wellbeing, appointments, talk) = (
        GoalBook::default(),
        Wellbeing::default(),
        ApptBook::default(),
        TalkList::default(),
    );
    // What the share tools hand the summary: the client's months.
    let src = Sources {
        now: now(),
        name: None,
        goals: &goals,
        measures: &measures,
        months: diary.months(),
        wellbeing: &wellbeing,
        appointments: &appointments,
        talk: &talk,
        code: None,
        conditions: &[],
        what_matters: None,
    };
    let s = Summary::build(&choice, day(8, 23), day(11, 21), &src);
    let readings: Vec<i32> = s
        .measures
        .iter()
        .flat_map(|m| m.readings.iter().map(|r| r.2))
        .collect();
    assert_eq!(readings, vec![9, 9], "only the client's two readings");
    for m in &s.measures {
        match m.stats {
            Some((n, _, lo, hi)) => assert_eq!((n, lo, hi), (2, 9, 9), "{}", m.name),
            None => assert_ne!(m.name, "Pain"),
        }
    }
    assert_eq!(s.notes.len(), 2);
}

#[test]
fn a_backup_of_a_diary_with_examples_holds_none_of_them() {
    let (store, _) = diary_with_examples();
    let backup = Backup::collect(&store, now()).unwrap();
    let keys: Vec<&str> = backup.records().keys().map(StoreKey::as_str).collect();
    assert_eq!(
        keys,
        vec!["alongside.diary.2026-11", "alongside.diary.index.2026"]
    );
    let file = backup.to_file();
    assert!(!file.contains("diary_example"), "{file}");
    assert_eq!(backup.contents().diary_days, 2);
    // Read back, it holds the client's two days and nothing made up.
    let read = Backup::from_file(&file).unwrap();
    assert_eq!(read.records(), backup.records());
    // The examples themselves are still on the phone, untouched.
    assert!(examples_stored(&store));
}

#[test]
fn a_damaged_example_kept_aside_is_not_in_a_backup_either() {
    let (store, mut diary) = diary_with_examples();
    store
        .backend()
        .plant("alongside.examples.2026-07", "{not json");
    let reports = diary.load_month(
        &store,
        Month {
            year: 2026,
            month: 7,
        },
        now(),
    );
    assert_eq!(reports.len(), 1, "{reports:?}");
    let kept: Vec<StoreKey> = store.quarantined();
    assert_eq!(kept.len(), 1);
    assert!(kept[0].is_examples_copy());
    let backup = Backup::collect(&store, now()).unwrap();
    assert!(
        backup
            .records()
            .keys()
            .all(|k| !k.as_str().contains("examples")),
        "{:?}",
        backup.records().keys().collect::<Vec<_>>()
    );
}

#[test]
fn a_spreadsheet_of_a_diary_with_examples_holds_none_of_them() {
    let (store, _) = diary_with_examples();
    let (_, text) = spreadsheet(&store, Export::Diary, day(11, 21), now());
    let rows: Vec<&str> = text.lines().skip(1).collect();
    assert_eq!(
        rows.len(),
        4,
        "a reading and a note on each of two days: {text}"
    );
    assert!(
        rows.iter()
            .all(|r| r.contains("2026-11-02") || r.contains("2026-11-16")),
        "{text}"
    );
}

#[test]
fn the_example_kinds_read_as_stored_and_never_as_the_clients_diary() {
    let month = include_str!("fixtures/storage/diary-example-month-v1.json");
    let read = schema::decode::<ExampleMonth>(month).unwrap();
    assert_eq!(read.value.0.days.len(), 2);
    // An example month is not one of the client's months, whatever key it
    // is found under.
    assert!(schema::decode::<DiaryMonth>(month).is_err());
    let index = include_str!("fixtures/storage/diary-example-index-v1.json");
    let read = schema::decode::<ExampleIndex>(index).unwrap();
    assert_eq!(read.value.0.months[0].month, "2026-11");
}

#[test]
fn a_diary_stored_before_examples_were_kept_apart_reads_as_the_clients_own() {
    // Older builds wrote examples into the client's months; they cannot
    // be told apart from real entries, so they are kept and shown as the
    // client's, never guessed at, and nothing is marked as an example.
    let store = Store::new(MemoryBackend::new());
    let month = include_str!("fixtures/storage/diary-month-v1.json");
    let index = include_str!("fixtures/storage/diary-index-v1.json");
    store.backend().plant("alongside.diary.2026-11", month);
    store.backend().plant("alongside.diary.index.2026", index);
    let mut diary = DiaryCache::new();
    let (empty, reports) = diary.is_empty(&store, now());
    assert!(!empty && reports.is_empty(), "{reports:?}");
    let reports = diary.load_month(&store, Month::of(day(11, 1)), now());
    assert!(reports.is_empty(), "{reports:?}");
    assert!(!diary.has_examples());
    assert_eq!(diary.months()[0].1.days.len(), 2);
    assert_eq!(diary.shown_months(), diary.months().to_vec());
    assert_eq!(diary.example_day(day(11, 2)), None);
    // Nothing was rewritten.
    assert_eq!(
        store.backend().raw("alongside.diary.2026-11").as_deref(),
        Some(month)
    );
    assert_eq!(
        store.backend().raw("alongside.diary.index.2026").as_deref(),
        Some(index)
    );
}

//! The registry of record kinds (`store::kinds`): every kind's damaged
//! value is named in its message, once, in plain English.

use std::collections::BTreeSet;

use alongside::model::diary::{DiaryIndex, DiaryMonth};
use alongside::store::kinds::{each_kind, KindVisitor, Stored};
use alongside::store::schema::Record;
use alongside::store::{LoadProblem, MemoryBackend, SaveError, Store, StoreKey};
use chrono::{DateTime, NaiveDate, Utc};

fn now() -> DateTime<Utc> {
    "2026-11-21T10:00:00Z".parse().unwrap()
}

/// What the client is told when the value under `key`, read as `T`, is
/// damaged (not JSON at all), and what the store says it holds.
fn damaged<T: Record>(key: &StoreKey) -> (String, String) {
    let store = Store::new(MemoryBackend::new());
    store
        .backend()
        .plant(key.as_str(), "{\"app\":\"alongside\",\"kind\":");
    let load = store.load::<T>(key, now());
    let Some(LoadProblem::Quarantined { what, .. }) = load.problem.clone() else {
        panic!("{key}: {:?}", load.problem);
    };
    (what, load.problem.unwrap().message())
}

/// Every key this build writes, with the message for a damaged value.
fn every_kind() -> Vec<(StoreKey, String, String)> {
    struct All(Vec<(StoreKey, String, String)>);
    impl KindVisitor for All {
        fn visit<K: Stored>(&mut self) {
            let (what, message) = damaged::<K>(&K::key());
            self.0.push((K::key(), what, message));
        }
    }
    let mut all = All(Vec::new());
    each_kind(&mut all);
    let month = StoreKey::diary_month(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap());
    let (what, message) = damaged::<DiaryMonth>(&month);
    all.0.push((month, what, message));
    let index = StoreKey::diary_index(2026);
    let (what, message) = damaged::<DiaryIndex>(&index);
    all.0.push((index, what, message));
    all.0
}

#[test]
fn a_damaged_value_of_every_kind_is_named_once_in_plain_english() {
    let all = every_kind();
    assert_eq!(
        all.len(),
        11,
        "nine kinds under one key, a diary month and a year"
    );
    let mut names = BTreeSet::new();
    for (key, what, message) in &all {
        // Named for what it holds, in words, not by its key.
        assert!(
            what.starts_with("your ") || what.starts_with("the "),
            "{key}: {what}"
        );
        assert!(!what.contains("saved information"), "{key}: {what}");
        assert!(!what.contains('.') && !what.contains('_'), "{key}: {what}");
        // Said once, in the one sentence about it.
        assert_eq!(message.matches(what.as_str()).count(), 1, "{message}");
        assert_eq!(message.matches("saved information").count(), 1, "{message}");
        assert!(
            message.starts_with(&format!(
                "Some of your saved information ({what}) could not be read."
            )),
            "{message}"
        );
        assert!(names.insert(what.clone()), "{what} names two kinds");
    }
    let words: Vec<&str> = all.iter().map(|(_, w, _)| w.as_str()).collect();
    assert_eq!(
        words,
        vec![
            "your details",
            "your goals",
            "your appointments",
            "your wellbeing check-ins",
            "your list of things to talk about",
            "the list of summaries you have shared",
            "the shared summaries kept on this device",
            "your diary choices",
            "your client code",
            "your diary for March 2026",
            "your diary summary for 2026",
        ]
    );
}

#[test]
fn a_refused_save_of_every_kind_names_it_too() {
    for (key, what, _) in every_kind() {
        let message = SaveError::ChangedElsewhere {
            what: key.describe(),
        }
        .message();
        assert_eq!(key.describe(), what);
        assert_eq!(message.matches(what.as_str()).count(), 1, "{message}");
    }
    // A key of ours this build does not know (a newer version's) is named
    // as such, not as "saved information" twice.
    let unknown = StoreKey::parse("alongside.reminders").unwrap();
    assert_eq!(
        unknown.describe(),
        "something saved by a newer version of Alongside"
    );
    let quarantined = StoreKey::quarantine(now(), &StoreKey::diary_index(2026));
    assert!(quarantined.describe().contains("kept aside"));
}

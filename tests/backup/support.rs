//! What the backup tests share: a fixed clock and days, a deterministic
//! generator, a full phone and its records, and backup files signed as the
//! format documents.

use alongside::share::code::ClientCode;
use std::collections::BTreeMap;

use alongside::model::appointment::{ApptBook, ApptDraft, ApptKind};
use alongside::model::diary::{
    builtin, example_entries, DiaryIndex, DiaryMonth, DiarySettings, MeasureDraft, Month, OwnKind,
};
use alongside::model::wellbeing::{Choice, Question, TalkList, Wellbeing};
use alongside::model::{Condition, GoalBook, GoalDraft, LinkWorker, ListedCondition, Profile};
use alongside::store::schema::Record;
use alongside::store::{LoadProblem, MemoryBackend, Store, StoreKey};
use chrono::{DateTime, NaiveDate, Utc};
use sha2::{Digest, Sha256};

pub(crate) fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-21T10:30:00.123456Z")
        .unwrap()
        .with_timezone(&Utc)
}

pub(crate) fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A small deterministic generator (SplitMix64), so every run tests the
/// same cases.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    pub(crate) fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// Reads `key` and saves `value` over it, as the app does.
pub(crate) fn put<T: Record>(store: &Store<MemoryBackend>, key: &StoreKey, value: &T) {
    store.load::<T>(key, now());
    store.save(key, value, now()).unwrap();
}

pub(crate) fn maureen() -> Profile {
    Profile {
        preferred_name: Some("Maureen".into()),
        conditions: vec![
            Condition::Listed(ListedCondition::Type2Diabetes),
            Condition::Own("Bad knees".into()),
        ],
        link_worker: LinkWorker {
            name: Some("Priya".into()),
            contact: None,
        },
        what_matters: "Getting to the allotment twice a week".into(),
    }
}

pub(crate) fn goal(text: &str) -> GoalDraft {
    GoalDraft {
        text: text.into(),
        ..GoalDraft::default()
    }
}

pub(crate) fn goals() -> GoalBook {
    let mut book = GoalBook::default();
    let id = book
        .add(&goal("Walk to the corner shop"), day(2026, 11, 1))
        .unwrap();
    let g = book.get_mut(id).unwrap();
    g.add_step("Walk to the gate").unwrap();
    g.tick(1, day(2026, 11, 2));
    g.rate(4, day(2026, 11, 2)).unwrap();
    book.add(&goal("Join the choir"), day(2026, 11, 3)).unwrap();
    book
}

pub(crate) fn appointments() -> ApptBook {
    let mut book = ApptBook::default();
    book.add(&ApptDraft {
        kind: ApptKind::Group,
        with: "Tuesday walking group".into(),
        date: "2026-11-24".into(),
        time: "10:30".into(),
        every_weeks: "1".into(),
        until: "2026-12-15".into(),
        ..ApptDraft::default()
    })
    .unwrap();
    book.add(&ApptDraft {
        kind: ApptKind::Gp,
        with: "Dr Patel".into(),
        date: "2026-11-25".into(),
        time: "09:00".into(),
        ..ApptDraft::default()
    })
    .unwrap();
    book.get_mut(1).unwrap().cancel_one(day(2026, 12, 8), true);
    book
}

pub(crate) fn wellbeing() -> Wellbeing {
    let mut w = Wellbeing::default();
    for (d, v) in [(day(2026, 10, 1), 4), (day(2026, 11, 1), 6)] {
        for q in Question::ALL {
            w.answer(q, Choice::Value(v)).unwrap();
        }
        w.complete(d).unwrap();
    }
    w
}

pub(crate) fn talk() -> TalkList {
    let mut t = TalkList::default();
    t.add("Sleep", day(2026, 11, 1)).unwrap();
    t.add("The walking group", day(2026, 11, 2)).unwrap();
    t
}

pub(crate) fn settings() -> DiarySettings {
    let mut s = DiarySettings::default();
    s.add_own(&MeasureDraft {
        name: "Steps".into(),
        kind: OwnKind::Number,
        unit: "steps".into(),
        min: "0".into(),
        max: "50000".into(),
        ..MeasureDraft::default()
    })
    .unwrap();
    s
}

/// Diary months from `from` to `to`, one in `gap` days skipped.
pub(crate) fn diary(from: NaiveDate, to: NaiveDate, seed: u64) -> Vec<(Month, DiaryMonth)> {
    let measures = vec![builtin("mood").unwrap(), builtin("glucose").unwrap()];
    let mut months: Vec<(Month, DiaryMonth)> = Vec::new();
    for e in example_entries(from, to, &measures, seed) {
        let m = Month::of(e.date);
        if months.last().map(|(x, _)| *x) != Some(m) {
            months.push((m, DiaryMonth::default()));
        }
        months.last_mut().unwrap().1.put(e);
    }
    months
}

/// Saves diary months and each year's summaries.
pub(crate) fn put_diary(store: &Store<MemoryBackend>, months: &[(Month, DiaryMonth)]) {
    for (m, d) in months {
        put(store, &StoreKey::diary_month(m.first_day()), d);
    }
    let mut years: Vec<i32> = months.iter().map(|(m, _)| m.year).collect();
    years.dedup();
    for year in years {
        let index = DiaryIndex::of_months(
            months
                .iter()
                .filter(|(m, _)| m.year == year)
                .map(|(m, d)| (*m, d)),
        );
        put(store, &StoreKey::diary_index(year), &index);
    }
}

/// A phone with something of every kind, a value kept aside, and another
/// app's key.
pub(crate) fn full_phone() -> Store<MemoryBackend> {
    let store = Store::new(MemoryBackend::new());
    put(&store, &StoreKey::of::<Profile>(), &maureen());
    put(&store, &StoreKey::of::<GoalBook>(), &goals());
    put(&store, &StoreKey::of::<ApptBook>(), &appointments());
    put(&store, &StoreKey::of::<Wellbeing>(), &wellbeing());
    put(&store, &StoreKey::of::<TalkList>(), &talk());
    put(&store, &StoreKey::of::<DiarySettings>(), &settings());
    // The client's code goes with the backup: a restored phone's summaries
    // still match the ones its link worker kept.
    put(
        &store,
        &StoreKey::of::<ClientCode>(),
        &ClientCode::from_random(&[7; 10]),
    );
    let mut months = diary(day(2025, 12, 24), day(2026, 1, 6), 1);
    months.extend(diary(day(2026, 11, 14), day(2026, 11, 20), 2));
    put_diary(&store, &months);
    store.backend().plant("alongside.diary.2025-06", "{damaged");
    let load = store.load::<DiaryMonth>(&StoreKey::diary_month(day(2025, 6, 1)), now());
    assert!(matches!(
        load.problem,
        Some(LoadProblem::Quarantined { .. })
    ));
    store.backend().plant("other.app", "not ours");
    store
}

/// Our keys and their text, without the safety copy.
pub(crate) fn ours(store: &Store<MemoryBackend>) -> BTreeMap<String, String> {
    let mut all = store.backend().snapshot();
    all.retain(|k, _| k.starts_with("alongside.") && k != "alongside.safety-copy");
    all
}

/// A store over a copy of `store`'s storage: the same phone, a new tab.
pub(crate) fn copy_of(store: &Store<MemoryBackend>) -> Store<MemoryBackend> {
    let backend = MemoryBackend::new();
    for (k, v) in store.backend().snapshot() {
        backend.plant(&k, &v);
    }
    Store::new(backend)
}

/// Writes a backup file with any records, signed as the format says:
/// SHA-256 over length-prefixed fields. Written here from the
/// documentation, so it also checks the code against it.
pub(crate) fn signed_file(
    version: u64,
    created_at: &str,
    records: &BTreeMap<String, String>,
) -> String {
    let mut hash = Sha256::new();
    let mut put = |s: &str| hash.update(format!("{}:{s},", s.len()).as_bytes());
    put("alongside-backup");
    put(&version.to_string());
    put(created_at);
    put(&records.len().to_string());
    for (k, v) in records {
        put(k);
        put(v);
    }
    let hex: String = hash.finalize().iter().map(|b| format!("{b:02x}")).collect();
    serde_json::json!({
        "format": "alongside-backup",
        "version": version,
        "created_at": created_at,
        "records": records,
        "checksum": format!("sha256:{hex}"),
    })
    .to_string()
}

pub(crate) fn copy_of_snapshot(snapshot: &BTreeMap<String, String>) -> Store<MemoryBackend> {
    let backend = MemoryBackend::new();
    for (k, v) in snapshot {
        backend.plant(k, v);
    }
    Store::new(backend)
}

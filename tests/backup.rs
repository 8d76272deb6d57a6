//! Backups, restores and undo (issue 8), against the in-memory backend.

use std::collections::BTreeMap;

use alongside::model::appointment::{ApptBook, ApptDraft, ApptKind};
use alongside::model::diary::{
    builtin, example_entries, DayEntry, DiaryIndex, DiaryMonth, DiarySettings, MeasureDraft, Month,
    OwnKind, Reading,
};
use alongside::model::wellbeing::{Choice, Question, TalkList, Wellbeing};
use alongside::model::{
    Condition, Goal, GoalBook, GoalDraft, LinkWorker, ListedCondition, Profile,
};
use alongside::store::backup::{
    discard_safety_copy, restore_add_missing, restore_replace, safety_copy_made_at, undo_restore,
    Backup, BackupContents, BackupError, MAX_BACKUP_BYTES,
};
use alongside::store::schema::{self, Record};
use alongside::store::{LoadProblem, MemoryBackend, QuarantinedValue, SaveError, Store, StoreKey};
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use sha2::{Digest, Sha256};

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-21T10:30:00.123456Z")
        .unwrap()
        .with_timezone(&Utc)
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A small deterministic generator (SplitMix64), so every run tests the
/// same cases.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// Reads `key` and saves `value` over it, as the app does.
fn put<T: Record>(store: &Store<MemoryBackend>, key: &StoreKey, value: &T) {
    store.load::<T>(key, now());
    store.save(key, value, now()).unwrap();
}

fn maureen() -> Profile {
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

fn goal(text: &str) -> GoalDraft {
    GoalDraft {
        text: text.into(),
        ..GoalDraft::default()
    }
}

fn goals() -> GoalBook {
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

fn appointments() -> ApptBook {
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

fn wellbeing() -> Wellbeing {
    let mut w = Wellbeing::default();
    for (d, v) in [(day(2026, 10, 1), 4), (day(2026, 11, 1), 6)] {
        for q in Question::ALL {
            w.answer(q, Choice::Value(v)).unwrap();
        }
        w.complete(d).unwrap();
    }
    w
}

fn talk() -> TalkList {
    let mut t = TalkList::default();
    t.add("Sleep", day(2026, 11, 1)).unwrap();
    t.add("The walking group", day(2026, 11, 2)).unwrap();
    t
}

fn settings() -> DiarySettings {
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
fn diary(from: NaiveDate, to: NaiveDate, seed: u64) -> Vec<(Month, DiaryMonth)> {
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
fn put_diary(store: &Store<MemoryBackend>, months: &[(Month, DiaryMonth)]) {
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
fn full_phone() -> Store<MemoryBackend> {
    let store = Store::new(MemoryBackend::new());
    put(&store, &StoreKey::of::<Profile>(), &maureen());
    put(&store, &StoreKey::of::<GoalBook>(), &goals());
    put(&store, &StoreKey::of::<ApptBook>(), &appointments());
    put(&store, &StoreKey::of::<Wellbeing>(), &wellbeing());
    put(&store, &StoreKey::of::<TalkList>(), &talk());
    put(&store, &StoreKey::of::<DiarySettings>(), &settings());
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
fn ours(store: &Store<MemoryBackend>) -> BTreeMap<String, String> {
    let mut all = store.backend().snapshot();
    all.retain(|k, _| k.starts_with("alongside.") && k != "alongside.safety-copy");
    all
}

/// A store over a copy of `store`'s storage: the same phone, a new tab.
fn copy_of(store: &Store<MemoryBackend>) -> Store<MemoryBackend> {
    let backend = MemoryBackend::new();
    for (k, v) in store.backend().snapshot() {
        backend.plant(&k, &v);
    }
    Store::new(backend)
}

/// Writes a backup file with any records, signed as the format says:
/// SHA-256 over length-prefixed fields. Written here from the
/// documentation, so it also checks the code against it.
fn signed_file(version: u64, created_at: &str, records: &BTreeMap<String, String>) -> String {
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

#[test]
fn a_backup_restored_onto_an_empty_phone_gives_back_every_record_byte_for_byte() {
    let phone = full_phone();
    let backup = Backup::collect(&phone, now()).unwrap();
    let file = backup.to_file();
    let read = Backup::from_file(&file).unwrap();
    assert_eq!(read, backup);
    assert_eq!(read.to_file(), file, "writing it again gives the same file");

    let empty = Store::new(MemoryBackend::new());
    empty.backend().plant("other.app", "someone else's");
    let after = restore_replace(&empty, &read, now()).unwrap();
    assert_eq!(ours(&empty), ours(&phone));
    assert_eq!(
        empty.backend().raw("other.app").as_deref(),
        Some("someone else's")
    );
    assert_eq!(after, BackupContents::on_phone(&phone));
    // Every record reads back as it was saved.
    let goals_back = empty.load::<GoalBook>(&StoreKey::of::<GoalBook>(), now());
    assert_eq!(goals_back.value, Some(goals()));
    assert_eq!(goals_back.problem, None);
    // The tab that restored can carry on saving, above the restored revision.
    assert_eq!(
        empty.save(&StoreKey::of::<GoalBook>(), &goals(), now()),
        Ok(2)
    );
}

#[test]
fn the_file_says_what_it_is_and_every_key_is_in_it_except_the_safety_copy() {
    let phone = full_phone();
    restore_replace(&phone, &Backup::collect(&phone, now()).unwrap(), now()).unwrap();
    assert!(phone.backend().raw("alongside.safety-copy").is_some());
    let backup = Backup::collect(&phone, now()).unwrap();
    let file = backup.to_file();
    assert!(file.starts_with(
        r#"{"format":"alongside-backup","version":1,"created_at":"2026-11-21T10:30:00.123Z","records":{"alongside.appointments":"{\"app\":\"alongside\""#
    ));
    let checksum = file.rsplit_once(r#""checksum":"sha256:"#).unwrap().1;
    assert_eq!(checksum.len(), 64 + 2, "64 hex digits, a quote and a brace");
    let keys: Vec<&str> = backup.records().keys().map(StoreKey::as_str).collect();
    assert_eq!(keys.len(), ours(&phone).len());
    assert!(keys.iter().any(|k| k.starts_with("alongside.quarantine.")));
    assert!(!keys.contains(&"alongside.safety-copy"));
    assert!(!keys.contains(&"other.app"));
    assert_eq!(backup.file_name(), "alongside-backup-2026-11-21.json");
    // The documented checksum is the one written.
    let records: BTreeMap<String, String> = backup
        .records()
        .iter()
        .map(|(k, v)| (k.as_str().to_string(), v.clone()))
        .collect();
    let ours_signed = signed_file(1, "2026-11-21T10:30:00.123Z", &records);
    let sum = |f: &str| f.split("\"checksum\":\"").nth(1).unwrap()[..71].to_string();
    assert_eq!(sum(&ours_signed), sum(&file), "docs/storage-format.md");
    assert_eq!(Backup::from_file(&ours_signed), Ok(backup));
}

#[test]
fn a_damaged_value_travels_as_its_quarantined_copy_so_the_backup_still_restores() {
    let phone = full_phone();
    phone
        .backend()
        .plant("alongside.talk", "{\"app\":\"alongside\"");
    // A month that decodes but sits under another month's key.
    let november = phone.backend().raw("alongside.diary.2026-11").unwrap();
    phone.backend().plant("alongside.diary.2026-10", &november);
    let backup = Backup::collect(&phone, now()).unwrap();
    assert!(!backup.records().contains_key(&StoreKey::of::<TalkList>()));
    assert!(!backup
        .records()
        .contains_key(&StoreKey::diary_month(day(2026, 10, 1))));
    assert_eq!(phone.quarantined().len(), 3);
    assert!(Backup::from_file(&backup.to_file()).is_ok());
}

#[test]
fn a_newer_record_or_an_unknown_key_is_backed_up_but_refused_by_this_version() {
    for (key, raw) in [
        (
            "alongside.goals",
            r#"{"app":"alongside","kind":"goals","schema":2,"rev":3,"saved_at":"","data":{"shiny":true}}"#,
        ),
        ("alongside.medications", "{}"),
    ] {
        let phone = full_phone();
        phone.backend().plant(key, raw);
        let backup = Backup::collect(&phone, now()).unwrap();
        assert_eq!(
            backup
                .records()
                .get(&StoreKey::parse(key).unwrap())
                .map(String::as_str),
            Some(raw),
            "never left out"
        );
        assert_eq!(
            Backup::from_file(&backup.to_file()),
            Err(BackupError::Newer)
        );
    }
}

/// Runs a file all the way to a restore on a full phone, and checks that
/// nothing on the phone changed when it is refused.
fn refused(file: &str) -> BackupError {
    let phone = full_phone();
    let before = phone.backend().snapshot();
    let err = Backup::from_file(file)
        .and_then(|b| restore_replace(&phone, &b, now()))
        .unwrap_err();
    assert_eq!(phone.backend().snapshot(), before, "the phone changed");
    err
}

#[test]
fn every_kind_of_bad_file_is_refused_and_the_phone_is_untouched() {
    let phone = full_phone();
    let good = Backup::collect(&phone, now()).unwrap();
    let file = good.to_file();
    let records: BTreeMap<String, String> = good
        .records()
        .iter()
        .map(|(k, v)| (k.as_str().to_string(), v.clone()))
        .collect();
    let at = "2026-11-21T10:30:00.123Z";
    let with = |key: &str, raw: &str| {
        let mut r = records.clone();
        r.insert(key.into(), raw.into());
        signed_file(1, at, &r)
    };
    let goals_raw = &records["alongside.goals"];
    let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    let cases: Vec<(&str, String, BackupError)> = vec![
        // Not JSON.
        ("empty", String::new(), BackupError::NotABackup),
        ("text", "Dear diary".into(), BackupError::NotABackup),
        (
            "a PDF",
            "%PDF-1.7\n%\u{e2}\u{e3}".into(),
            BackupError::NotABackup,
        ),
        // JSON, but not a backup.
        ("a list", "[1,2,3]".into(), BackupError::NotABackup),
        (
            "an object",
            r#"{"hello":"world"}"#.into(),
            BackupError::NotABackup,
        ),
        ("a stored value", goals_raw.clone(), BackupError::NotABackup),
        (
            "another format",
            file.replacen("alongside-backup", "alongside-export", 1),
            BackupError::NotABackup,
        ),
        // Versions.
        (
            "version 2",
            file.replacen(r#""version":1"#, r#""version":2"#, 1),
            BackupError::Newer,
        ),
        (
            "a huge version",
            file.replacen(r#""version":1"#, r#""version":18446744073709551615"#, 1),
            BackupError::Newer,
        ),
        (
            "version 0",
            signed_file(0, at, &records),
            BackupError::Damaged,
        ),
        (
            "a version in words",
            file.replacen(r#""version":1"#, r#""version":"1""#, 1),
            BackupError::Damaged,
        ),
        (
            "a version too big to be a number",
            file.replacen(r#""version":1"#, r#""version":99999999999999999999999"#, 1),
            BackupError::Damaged,
        ),
        // Checksums.
        (
            "a wrong checksum",
            {
                let (head, _) = file.rsplit_once("sha256:").unwrap();
                format!("{head}sha256:{}\"}}", "0".repeat(64))
            },
            BackupError::Damaged,
        ),
        (
            "an upper-case checksum",
            {
                let (head, sum) = file.rsplit_once("sha256:").unwrap();
                format!("{head}sha256:{}", sum.to_uppercase())
            },
            BackupError::Damaged,
        ),
        (
            "changed words",
            file.replacen("Walk to the corner shop", "Walk to the corner shoq", 1),
            BackupError::Damaged,
        ),
        (
            "a changed date",
            file.replacen("2026-11-21T10:30:00.123Z", "2026-11-22T10:30:00.123Z", 1),
            BackupError::Damaged,
        ),
        // Shape.
        (
            "no checksum",
            file.replacen(r#","checksum""#, r#","chucksum""#, 1),
            BackupError::Damaged,
        ),
        (
            "an extra field",
            file.replacen(r#"{"format""#, r#"{"note":"hi","format""#, 1),
            BackupError::Damaged,
        ),
        (
            "the format twice",
            file.replacen(
                r#"{"format""#,
                r#"{"format":"alongside-backup","format""#,
                1,
            ),
            BackupError::Damaged,
        ),
        (
            "the records twice",
            file.replacen(r#","checksum""#, r#","records":{},"checksum""#, 1),
            BackupError::Damaged,
        ),
        (
            "a record twice",
            file.replacen(
                r#""records":{"#,
                &format!(
                    r#""records":{{"alongside.goals":{},"#,
                    serde_json::to_string(goals_raw).unwrap()
                ),
                1,
            ),
            BackupError::Damaged,
        ),
        (
            "a record that is not text",
            file.replacen(
                r#""records":{"#,
                r#""records":{"alongside.talk":{"items":[]},"#,
                1,
            ),
            BackupError::Damaged,
        ),
        (
            "a time we never write",
            signed_file(1, "2026-11-21T10:30:00Z", &records),
            BackupError::Damaged,
        ),
        // Records, signed correctly.
        (
            "a damaged record",
            with("alongside.talk", "{\"app\":\"alongside\""),
            BackupError::Damaged,
        ),
        (
            "a record under the wrong key",
            with("alongside.profile", goals_raw),
            BackupError::Damaged,
        ),
        (
            "a month under another month's key",
            with(
                "alongside.diary.2026-10",
                &records["alongside.diary.2026-11"],
            ),
            BackupError::Damaged,
        ),
        (
            "a year's summary under another year",
            with(
                "alongside.diary.index.2024",
                &records["alongside.diary.index.2026"],
            ),
            BackupError::Damaged,
        ),
        (
            "goals that do not add up",
            with(
                "alongside.goals",
                &goals_raw.replacen("\"value\":4", "\"value\":40", 1),
            ),
            BackupError::Damaged,
        ),
        (
            "a key not ours",
            with("other.app", "x"),
            BackupError::Damaged,
        ),
        (
            "the safety copy",
            with("alongside.safety-copy", "x"),
            BackupError::Damaged,
        ),
        (
            "a newer record",
            with(
                "alongside.goals",
                &goals_raw.replacen("\"schema\":1", "\"schema\":2", 1),
            ),
            BackupError::Newer,
        ),
        (
            "a newer kind of record",
            with("alongside.medications", "{}"),
            BackupError::Newer,
        ),
        // Size and depth.
        (
            "a huge file",
            " ".repeat(MAX_BACKUP_BYTES + 1),
            BackupError::TooLarge,
        ),
        ("deep nesting", deep(1_000_000), BackupError::NotABackup),
        (
            "deep nesting in an unknown field",
            format!(
                r#"{{"format":"alongside-backup","version":1,"x":{}}}"#,
                deep(1_000_000)
            ),
            BackupError::Damaged,
        ),
        (
            "deep nesting in the records",
            file.replacen(
                r#""records":{"#,
                &format!(r#""records":{{"alongside.talk":{},"#, deep(500_000)),
                1,
            ),
            BackupError::Damaged,
        ),
        (
            "deep nesting inside a record",
            with("alongside.talk", &deep(500_000)),
            BackupError::Damaged,
        ),
    ];
    for (what, text, want) in cases {
        assert_eq!(refused(&text), want, "{what}");
    }
}

#[test]
fn every_cut_short_copy_of_a_real_backup_is_refused() {
    let phone = full_phone();
    let file = Backup::collect(&phone, now()).unwrap().to_file();
    let before = phone.backend().snapshot();
    for n in 0..file.len() {
        let Some(cut) = file.get(..n) else { continue };
        let err = Backup::from_file(cut).unwrap_err();
        if n > r#"{"format":"alongside-backup""#.len() {
            assert_eq!(err, BackupError::Damaged, "cut at {n}");
        }
    }
    assert_eq!(phone.backend().snapshot(), before);
}

#[test]
fn messages_say_plainly_what_happened() {
    assert_eq!(
        BackupError::NotABackup.message(),
        "This file is not an Alongside backup. Nothing on this phone has been changed."
    );
    assert_eq!(
        BackupError::Newer.message(),
        "This backup was made by a newer version of Alongside. Update the app, then try again."
    );
    assert!(BackupError::Damaged.message().starts_with(
        "This backup file is incomplete or has been changed since it was made, so it cannot be used."
    ));
    assert!(BackupError::TooLarge.message().contains("over 20 MB"));
    assert!(BackupError::NoRoomForSafetyCopy
        .message()
        .contains("not enough space"));
    assert!(BackupError::Refused(SaveError::Full)
        .message()
        .starts_with("Nothing has been restored: there is not enough space on this phone."));
}

#[test]
fn contents_are_counted_for_the_backup_and_the_phone() {
    let phone = full_phone();
    let backup = Backup::collect(&phone, now()).unwrap();
    let c = backup.contents();
    assert_eq!(c.made_at, Some(backup.created_at()));
    assert!(c.details);
    assert_eq!(
        (c.goals, c.appointments, c.checkins, c.talk_items),
        (2, 2, 2, 2)
    );
    assert_eq!(c.diary_days, 14 + 7);
    assert_eq!(c.diary_readings, 5 * c.diary_days, "mood and four glucose");
    assert_eq!(
        (c.first_day, c.last_day),
        (Some(day(2025, 12, 24)), Some(day(2026, 11, 20)))
    );
    assert_eq!(c.kept_aside, 1);
    let on_phone = BackupContents::on_phone(&phone);
    assert_eq!(
        on_phone,
        BackupContents {
            made_at: None,
            ..c.clone()
        }
    );
    assert_eq!(
        c.lines(),
        vec![
            "Your details from set-up",
            "2 goals",
            "21 diary days, with 105 readings, from 24 December 2025 to 20 November 2026",
            "2 appointments",
            "2 wellbeing check-ins",
            "2 things to talk about",
            "1 item that could not be read, kept aside",
        ]
    );
    let empty = BackupContents::on_phone(&Store::new(MemoryBackend::new()));
    assert_eq!(
        empty.lines(),
        vec![
            "No details from set-up",
            "No goals",
            "No diary days",
            "No appointments",
            "No wellbeing check-ins",
            "No things to talk about",
        ]
    );
}

#[test]
fn replacing_removes_our_other_keys_and_undo_puts_back_exactly_what_was_there() {
    let phone = full_phone();
    let before = phone.backend().snapshot();
    // A backup with only goals.
    let small = Store::new(MemoryBackend::new());
    put(&small, &StoreKey::of::<GoalBook>(), &GoalBook::default());
    let backup = Backup::collect(&small, now()).unwrap();

    restore_replace(&phone, &backup, now()).unwrap();
    assert_eq!(ours(&phone), ours(&small));
    assert_eq!(
        phone.backend().raw("other.app").as_deref(),
        Some("not ours")
    );
    assert_eq!(safety_copy_made_at(&phone), Some(backup.created_at()));

    let later = now() + Duration::minutes(5);
    undo_restore(&phone, later).unwrap();
    assert_eq!(ours(&phone), ours(&copy_of_snapshot(&before)));
    // What the restore brought is now the safety copy: undo again redoes it.
    undo_restore(&phone, later).unwrap();
    assert_eq!(ours(&phone), ours(&small));
    undo_restore(&phone, later).unwrap();
    let mut now_all = phone.backend().snapshot();
    now_all.remove("alongside.safety-copy");
    let mut before_all = before.clone();
    before_all.remove("alongside.safety-copy");
    assert_eq!(now_all, before_all, "every key, ours and not ours");

    // The safety copy can be let go to free the space.
    discard_safety_copy(&phone).unwrap();
    assert_eq!(safety_copy_made_at(&phone), None);
    assert_eq!(undo_restore(&phone, later), Err(BackupError::NoSafetyCopy));
}

fn copy_of_snapshot(snapshot: &BTreeMap<String, String>) -> Store<MemoryBackend> {
    let backend = MemoryBackend::new();
    for (k, v) in snapshot {
        backend.plant(k, v);
    }
    Store::new(backend)
}

/// Storage just big enough for `phone` and a little more, as UTF-16
/// units are counted.
fn units(snapshot: &BTreeMap<String, String>) -> usize {
    snapshot
        .iter()
        .map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count())
        .sum()
}

#[test]
fn a_restore_is_refused_whole_if_the_safety_copy_does_not_fit() {
    let full = full_phone();
    let snapshot = full.backend().snapshot();
    let backup = Backup::collect(&full, now()).unwrap();
    for add_missing in [false, true] {
        let backend = MemoryBackend::new().with_quota(units(&snapshot) + 1000);
        for (k, v) in &snapshot {
            backend.plant(k, v);
        }
        let phone = Store::new(backend);
        // Something missing, so "add what is missing" has work to do.
        let other = Store::new(MemoryBackend::new());
        put(&other, &StoreKey::of::<TalkList>(), &{
            let mut t = TalkList::default();
            t.add("Something new", day(2026, 11, 20)).unwrap();
            t
        });
        let extra = Backup::collect(&other, now()).unwrap();
        let result = if add_missing {
            restore_add_missing(&phone, &extra, now())
        } else {
            restore_replace(&phone, &backup, now())
        };
        assert_eq!(result, Err(BackupError::NoRoomForSafetyCopy));
        assert_eq!(phone.backend().snapshot(), snapshot, "nothing changed");
    }
}

#[test]
fn a_write_that_fails_half_way_puts_everything_back() {
    // A small phone restoring a big backup: the safety copy fits, the
    // backup does not.
    let small = Store::new(MemoryBackend::new());
    put(&small, &StoreKey::of::<Profile>(), &maureen());
    put(&small, &StoreKey::of::<TalkList>(), &talk());
    let small_snapshot = small.backend().snapshot();
    let big = full_phone();
    let backup = Backup::collect(&big, now()).unwrap();

    for add_missing in [false, true] {
        let backend = MemoryBackend::new().with_quota(units(&small_snapshot) * 3 + 2000);
        for (k, v) in &small_snapshot {
            backend.plant(k, v);
        }
        let phone = Store::new(backend);
        let result = if add_missing {
            restore_add_missing(&phone, &backup, now())
        } else {
            restore_replace(&phone, &backup, now())
        };
        assert_eq!(result, Err(BackupError::Refused(SaveError::Full)));
        assert_eq!(phone.backend().snapshot(), small_snapshot);
        // The tab that tried can still save as normal.
        put(&phone, &StoreKey::of::<TalkList>(), &TalkList::default());
    }
}

#[test]
fn a_tab_that_read_before_a_restore_cannot_save_over_it() {
    let phone = full_phone();
    let tab_b = copy_of(&phone);
    tab_b.load::<GoalBook>(&StoreKey::of::<GoalBook>(), now());
    let small = Store::new(MemoryBackend::new());
    put(&small, &StoreKey::of::<GoalBook>(), &GoalBook::default());
    restore_replace(&phone, &Backup::collect(&small, now()).unwrap(), now()).unwrap();
    let restored = phone.backend().raw("alongside.goals").unwrap();
    tab_b.backend().plant("alongside.goals", &restored);
    assert!(matches!(
        tab_b.save(&StoreKey::of::<GoalBook>(), &goals(), now()),
        Err(SaveError::ChangedElsewhere { .. })
    ));
}

/// A phone used since the backup: some of the same things, some changed,
/// some new.
fn phone_since() -> Store<MemoryBackend> {
    let store = Store::new(MemoryBackend::new());
    // The first goal is the same goal; id 2 is a different goal.
    let mut book = GoalBook::default();
    book.add(&goal("Walk to the corner shop"), day(2026, 11, 1))
        .unwrap();
    book.add(&goal("Sleep better"), day(2026, 11, 19)).unwrap();
    put(&store, &StoreKey::of::<GoalBook>(), &book);
    let mut t = TalkList::default();
    t.add("Sleep", day(2026, 11, 1)).unwrap();
    put(&store, &StoreKey::of::<TalkList>(), &t);
    // November: two days overlap the backup's, one with a changed value.
    let mut months = diary(day(2026, 11, 19), day(2026, 11, 21), 9);
    let first = &mut months[0].1.days[0];
    first.readings[0].v = 1;
    put_diary(&store, &months);
    store
}

#[test]
fn adding_what_is_missing_merges_every_kind_and_keeps_the_phones_versions() {
    let backup = Backup::collect(&full_phone(), now()).unwrap();
    let phone = phone_since();
    let goals_rev = schema::peek(&phone.backend().raw("alongside.goals").unwrap())
        .unwrap()
        .rev;
    let after = restore_add_missing(&phone, &backup, now()).unwrap();

    let book = phone
        .load::<GoalBook>(&StoreKey::of::<GoalBook>(), now())
        .value
        .unwrap();
    let texts: Vec<(u32, &str)> = book.goals.iter().map(|g| (g.id, g.text.as_str())).collect();
    assert_eq!(
        texts,
        vec![
            (1, "Walk to the corner shop"),
            (2, "Sleep better"),
            (3, "Join the choir")
        ]
    );
    assert!(
        book.goals[0].steps.is_empty(),
        "the phone's version is kept"
    );
    assert_eq!(book.next_id, 4);
    // Saved as a new revision of the phone's value.
    let header = schema::peek(&phone.backend().raw("alongside.goals").unwrap()).unwrap();
    assert_eq!(header.rev, goals_rev + 1);

    assert_eq!(
        phone
            .load::<Profile>(&StoreKey::of::<Profile>(), now())
            .value,
        Some(maureen())
    );
    let t = phone
        .load::<TalkList>(&StoreKey::of::<TalkList>(), now())
        .value
        .unwrap();
    assert_eq!(t.items.len(), 2);

    // The diary: the backup's days added, the phone's values kept, and
    // each year's summaries rebuilt from the merged months.
    let november = phone
        .load::<DiaryMonth>(&StoreKey::diary_month(day(2026, 11, 1)), now())
        .value
        .unwrap();
    let dates: Vec<u32> = november.days.iter().map(|d| d.date.day()).collect();
    assert_eq!(dates, (14..=21).collect::<Vec<_>>());
    assert_eq!(november.day(day(2026, 11, 19)).unwrap().readings[0].v, 1);
    for year in [2025, 2026] {
        let months: Vec<(Month, DiaryMonth)> = phone
            .keys()
            .iter()
            .filter(|k| k.is_diary_month() && k.as_str().contains(&format!(".{year}-")))
            .map(|k| {
                let m = Month::parse(&k.as_str()["alongside.diary.".len()..]).unwrap();
                (m, phone.load::<DiaryMonth>(k, now()).value.unwrap())
            })
            .collect();
        let index = phone
            .load::<DiaryIndex>(&StoreKey::diary_index(year), now())
            .value
            .unwrap();
        assert_eq!(
            index,
            DiaryIndex::of_months(months.iter().map(|(m, d)| (*m, d))),
            "{year}"
        );
    }
    assert_eq!(after, BackupContents::on_phone(&phone));
    assert_eq!(after.diary_days, 14 + 8);
    assert_eq!(after.kept_aside, 1, "the backup's kept-aside copy came too");

    // Doing it again changes nothing at all.
    let once = phone.backend().snapshot();
    restore_add_missing(&phone, &backup, now()).unwrap();
    assert_eq!(phone.backend().snapshot(), once);

    // And undo puts back the phone as it was before.
    undo_restore(&phone, now()).unwrap();
    assert_eq!(ours(&phone), ours(&phone_since()));
}

#[test]
fn adding_what_is_missing_never_changes_a_newer_versions_value() {
    let backup = Backup::collect(&full_phone(), now()).unwrap();
    let phone = phone_since();
    let newer = r#"{"app":"alongside","kind":"goals","schema":9,"rev":1,"saved_at":"","data":{}}"#;
    phone.backend().plant("alongside.goals", newer);
    let before = phone.backend().snapshot();
    let err = restore_add_missing(&phone, &backup, now()).unwrap_err();
    assert_eq!(
        err,
        BackupError::Refused(SaveError::Newer {
            what: "your goals".into()
        })
    );
    assert_eq!(phone.backend().snapshot(), before);
    // Replacing is the client's choice, and is undoable.
    restore_replace(&phone, &backup, now()).unwrap();
    undo_restore(&phone, now()).unwrap();
    assert_eq!(
        phone.backend().raw("alongside.goals").as_deref(),
        Some(newer)
    );
}

// Mutation tests: damaged files and damaged stored values never panic,
// and the good data on the phone is kept every time.

/// Damaged copies of `base`: up to `cuts` truncations, `flips` single-bit
/// flips, `randoms` random changes (a byte, inserted junk, a deleted run,
/// deep nesting), and every version and schema number made wrong.
fn mutants(base: &str, rng: &mut Rng, cuts: usize, flips: usize, randoms: usize) -> Vec<Vec<u8>> {
    let bytes = base.as_bytes();
    let mut out: Vec<Vec<u8>> = Vec::new();
    let step = (bytes.len() / cuts).max(1);
    for n in (0..bytes.len()).step_by(step) {
        out.push(bytes[..n].to_vec());
    }
    for _ in 0..flips {
        let mut m = bytes.to_vec();
        let i = rng.below(m.len());
        m[i] ^= 1 << rng.below(8);
        out.push(m);
    }
    for _ in 0..randoms {
        let mut m = bytes.to_vec();
        match rng.below(4) {
            0 => {
                let i = rng.below(m.len());
                m[i] = rng.next() as u8;
            }
            1 => {
                let i = rng.below(m.len());
                let junk: Vec<u8> = (0..1 + rng.below(8)).map(|_| rng.next() as u8).collect();
                m.splice(i..i, junk);
            }
            2 => {
                let i = rng.below(m.len());
                let n = (1 + rng.below(40)).min(m.len() - i);
                m.drain(i..i + n);
            }
            _ => {
                let i = rng.below(m.len());
                let depth = 1 + rng.below(20_000);
                let nest = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
                m.splice(i..i, nest.into_bytes());
            }
        }
        out.push(m);
    }
    for version in ["0", "2", "7", "-1", "1.0", "\"1\"", "null", "4294967296"] {
        for field in ["\"version\":1", "\"schema\":1", "\"schema\":2"] {
            let (name, _) = field.rsplit_once(':').unwrap();
            out.push(
                base.replacen(field, &format!("{name}:{version}"), 1)
                    .into_bytes(),
            );
        }
    }
    out
}

#[test]
fn ten_thousand_damaged_backup_files_never_panic_and_never_change_the_phone() {
    let phone = full_phone();
    let good = Backup::collect(&phone, now()).unwrap();
    let file = good.to_file();
    let before = phone.backend().snapshot();
    let mut rng = Rng(7);
    let mut cases = 0;
    for m in mutants(&file, &mut rng, 2000, 6000, 4000) {
        let Ok(text) = String::from_utf8(m) else {
            continue;
        };
        cases += 1;
        match Backup::from_file(&text) {
            Err(e) => assert!(!e.message().is_empty()),
            // Only a change that means nothing (none is expected) may pass.
            Ok(b) => assert_eq!(b, good, "a changed file was accepted"),
        }
    }
    assert_eq!(phone.backend().snapshot(), before);
    println!("{cases} damaged backup files");
    assert!(cases >= 10_000, "only {cases} cases ran");
}

#[test]
fn ten_thousand_damaged_stored_values_never_panic_and_are_never_lost() {
    let phone = full_phone();
    // A safety copy of the phone as it is, so undo can be tried too.
    restore_replace(&phone, &Backup::collect(&phone, now()).unwrap(), now()).unwrap();
    let good = phone.backend().snapshot();
    let keys: Vec<String> = good
        .keys()
        .filter(|k| k.starts_with("alongside.") && !k.starts_with("alongside.quarantine."))
        .cloned()
        .collect();
    let whole = Backup::collect(&copy_of_snapshot(&good), now()).unwrap();
    assert_eq!(Backup::from_file(&whole.to_file()), Ok(whole));
    let mut rng = Rng(11);
    let mut cases = 0;
    for key in &keys {
        for m in mutants(&good[key], &mut rng, 300, 500, 250) {
            let Ok(raw) = String::from_utf8(m) else {
                continue;
            };
            cases += 1;
            let store = copy_of_snapshot(&good);
            store.backend().plant(key, &raw);
            let _ = BackupContents::on_phone(&store);
            let undo = key == "alongside.safety-copy";
            let result = if undo {
                undo_restore(&store, now()).map(|_| None)
            } else {
                Backup::collect(&store, now()).map(Some)
            };
            // Every other value is as it was (after an undo, the phone's
            // records are the safety copy's, which are the same).
            let after = store.backend().snapshot();
            for (k, v) in &good {
                if k != key {
                    assert_eq!(after.get(k), Some(v), "{k} changed: {result:?}");
                }
            }
            // The damaged value is where it was, or kept whole aside (or,
            // for an undo that worked, it meant the same as the original).
            let kept_whole = after.iter().any(|(k, v)| {
                !good.contains_key(k)
                    && k.starts_with("alongside.quarantine.")
                    && serde_json::from_str::<schema::Envelope<QuarantinedValue>>(v)
                        .is_ok_and(|e| e.data.raw == raw)
            });
            let extra = after.keys().filter(|k| !good.contains_key(*k)).count();
            assert!(extra <= usize::from(kept_whole), "{key}: {extra} new keys");
            if undo {
                assert!(
                    result.is_ok() || after.get(key) == Some(&raw) || kept_whole,
                    "{key} lost: {raw}"
                );
                continue;
            }
            assert!(
                after.get(key) == Some(&raw) || kept_whole,
                "{key} lost: {raw}"
            );
            let backup = result.unwrap().unwrap();
            // And the backup can always be read back. (A value moved aside
            // leaves the good values, checked once below.)
            if kept_whole {
                continue;
            }
            match Backup::from_file(&backup.to_file()) {
                Ok(b) => assert_eq!(b, backup),
                Err(e) => assert_eq!(e, BackupError::Newer, "{key}: {raw}"),
            }
        }
    }
    println!("{cases} damaged stored values");
    assert!(cases >= 10_000, "only {cases} cases ran");
}

// Merge properties, over many random pairs.

fn random_goals(rng: &mut Rng) -> GoalBook {
    let words = ["Walk", "Swim", "Choir", "Cook", "Sleep", "Garden"];
    let mut book = GoalBook::default();
    for _ in 0..rng.below(6) {
        let d = day(2026, 11, 1 + rng.below(3) as u32);
        let id = book.add(&goal(words[rng.below(words.len())]), d).unwrap();
        if rng.chance(40) {
            let g = book.get_mut(id).unwrap();
            g.add_step("A step").unwrap();
            g.rate(rng.below(11) as u8, d).unwrap();
        }
        if rng.chance(20) {
            book.delete(id);
        }
    }
    book
}

fn random_talk(rng: &mut Rng) -> TalkList {
    let words = ["Sleep", "Pain", "Walking group", "Money"];
    let mut t = TalkList::default();
    for _ in 0..rng.below(5) {
        let d = day(2026, 11, 1 + rng.below(2) as u32);
        let id = t.add(words[rng.below(words.len())], d).unwrap();
        if rng.chance(20) {
            t.remove(id);
        }
    }
    t
}

fn random_appointments(rng: &mut Rng) -> ApptBook {
    let mut book = ApptBook::default();
    for _ in 0..rng.below(4) {
        book.add(&ApptDraft {
            kind: [ApptKind::Gp, ApptKind::Nurse][rng.below(2)],
            with: ["Dr Patel", "Sam"][rng.below(2)].into(),
            date: format!("2026-12-0{}", 1 + rng.below(2)),
            time: "10:00".into(),
            ..ApptDraft::default()
        })
        .unwrap();
    }
    book
}

fn random_wellbeing(rng: &mut Rng) -> Wellbeing {
    let mut w = Wellbeing::default();
    for d in 1..=6u32 {
        if rng.chance(50) {
            for q in Question::ALL {
                w.answer(q, Choice::Value(rng.below(3) as u8)).unwrap();
            }
            w.complete(day(2026, 11, d)).unwrap();
        }
    }
    w
}

fn random_month(rng: &mut Rng) -> DiaryMonth {
    let mut month = DiaryMonth::default();
    for d in 1..=6u32 {
        if rng.chance(60) {
            let mut readings = Vec::new();
            if rng.chance(70) {
                readings.push(Reading {
                    m: "mood".into(),
                    t: None,
                    v: 1 + rng.below(2) as i32,
                });
            }
            for t in [480u16, 720, 1080] {
                if rng.chance(50) {
                    readings.push(Reading {
                        m: "glucose".into(),
                        t: Some(t),
                        v: 50 + rng.below(2) as i32,
                    });
                }
            }
            month.put(DayEntry {
                date: day(2026, 11, d),
                readings,
                note: rng
                    .chance(30)
                    .then(|| ["Tired", "Fine"][rng.below(2)].into()),
            });
        }
    }
    month
}

/// Checks the merge properties for one kind: everything of `a` is kept
/// as it was, everything of `b` is there (`has`), merging again or with
/// itself changes nothing, and the result passes the stored checks.
fn properties<T: Clone + PartialEq + std::fmt::Debug>(
    a: &T,
    b: &T,
    merge: impl Fn(&mut T, &T),
    keeps_all_of_a: impl Fn(&T, &T) -> bool,
    has_all_of_b: impl Fn(&T, &T) -> bool,
    check: impl Fn(&T) -> Result<(), String>,
) {
    let mut m = a.clone();
    merge(&mut m, b);
    assert!(
        keeps_all_of_a(&m, a),
        "lost some of a: {a:?} + {b:?} = {m:?}"
    );
    assert!(has_all_of_b(&m, b), "lost some of b: {a:?} + {b:?} = {m:?}");
    assert_eq!(check(&m), Ok(()), "{m:?}");
    let mut again = m.clone();
    merge(&mut again, b);
    assert_eq!(again, m, "merging twice changed it");
    let mut twice = m.clone();
    merge(&mut twice, a);
    assert_eq!(twice, m, "merging a again changed it");
    let mut same = a.clone();
    merge(&mut same, a);
    assert_eq!(&same, a, "merge(a, a) is not a");
}

#[test]
fn merges_keep_everything_once_and_merging_again_changes_nothing() {
    let mut rng = Rng(2026);
    for _ in 0..2000 {
        let (a, b) = (random_goals(&mut rng), random_goals(&mut rng));
        properties(
            &a,
            &b,
            GoalBook::add_missing,
            |m, a| m.goals.starts_with(&a.goals),
            |m, b| {
                b.goals.iter().all(|g| {
                    m.goals
                        .iter()
                        .any(|x| x.created_on == g.created_on && x.text == g.text)
                })
            },
            GoalBook::check,
        );
        // A goal of b whose id is free in a keeps its id; one whose id is
        // taken by a different goal comes whole under a fresh id.
        let mut m = a.clone();
        m.add_missing(&b);
        for g in &b.goals {
            match a.get(g.id) {
                None => assert_eq!(m.get(g.id), Some(g)),
                Some(x) if x.created_on == g.created_on && x.text == g.text => {}
                Some(_) => assert!(
                    m.goals.iter().any(|x| x.id >= a.next_id.max(b.next_id)
                        && *x
                            == Goal {
                                id: x.id,
                                ..g.clone()
                            })
                        || a.goals
                            .iter()
                            .any(|x| x.created_on == g.created_on && x.text == g.text)
                ),
            }
        }

        let (a, b) = (random_talk(&mut rng), random_talk(&mut rng));
        properties(
            &a,
            &b,
            TalkList::add_missing,
            |m, a| m.items.starts_with(&a.items),
            |m, b| {
                b.items.iter().all(|t| {
                    m.items
                        .iter()
                        .any(|x| x.text == t.text && x.added_on == t.added_on)
                })
            },
            |t| {
                let mut ids: Vec<u32> = t.items.iter().map(|i| i.id).collect();
                ids.sort_unstable();
                ids.dedup();
                let fine = ids.len() == t.items.len() && t.items.iter().all(|i| i.id < t.next_id);
                fine.then_some(()).ok_or_else(|| "ids".to_string())
            },
        );

        let (a, b) = (random_appointments(&mut rng), random_appointments(&mut rng));
        properties(
            &a,
            &b,
            ApptBook::add_missing,
            |m, a| m.appointments.starts_with(&a.appointments),
            |m, b| {
                b.appointments.iter().all(|x| {
                    m.appointments
                        .iter()
                        .any(|y| y.kind == x.kind && y.with == x.with && y.date == x.date)
                })
            },
            ApptBook::check,
        );

        let (a, b) = (random_wellbeing(&mut rng), random_wellbeing(&mut rng));
        properties(
            &a,
            &b,
            Wellbeing::add_missing,
            |m, a| {
                // a's check-ins, in a's order, and its settings.
                let mut it = m.checkins.iter();
                a.checkins.iter().all(|c| it.any(|x| x == c)) && m.rhythm == a.rhythm
            },
            |m, b| b.checkins.iter().all(|c| m.checkins.contains(c)),
            |w| {
                w.checkins
                    .windows(2)
                    .all(|p| p[0].date <= p[1].date)
                    .then_some(())
                    .ok_or_else(|| "out of order".to_string())
            },
        );

        let (a, b) = (random_month(&mut rng), random_month(&mut rng));
        properties(
            &a,
            &b,
            DiaryMonth::add_missing,
            |m, a| {
                a.days.iter().all(|d| {
                    let x = m.day(d.date).unwrap();
                    d.readings.iter().all(|r| x.readings.contains(r))
                        && (d.note.is_none() || x.note == d.note)
                })
            },
            |m, b| {
                b.days.iter().all(|d| {
                    let x = m.day(d.date).unwrap();
                    d.readings
                        .iter()
                        .all(|r| x.readings.iter().any(|y| y.m == r.m && y.t == r.t))
                        && (d.note.is_none() || x.note.is_some())
                })
            },
            |month| {
                month.check()?;
                for d in &month.days {
                    for (i, r) in d.readings.iter().enumerate() {
                        if d.readings[..i].iter().any(|x| x.m == r.m && x.t == r.t) {
                            return Err("a reading twice".into());
                        }
                    }
                }
                Ok(())
            },
        );
    }
}

#[test]
fn an_unreadable_value_cannot_be_backed_up_and_nothing_is_restored() {
    let phone = full_phone();
    phone.backend().plant_invalid_text("alongside.talk");
    assert_eq!(
        Backup::collect(&phone, now()),
        Err(BackupError::Unreadable {
            what: "your list of things to talk about".into()
        })
    );
    let backup = Backup::collect(&full_phone(), now()).unwrap();
    let before = phone.backend().snapshot();
    assert!(restore_replace(&phone, &backup, now()).is_err());
    assert_eq!(phone.backend().snapshot(), before);
    phone.backend().set_unavailable(true);
    assert_eq!(
        Backup::collect(&phone, now()),
        Err(BackupError::Unavailable)
    );
}

#[test]
fn a_damaged_old_safety_copy_is_kept_aside_even_when_the_restore_fails() {
    let small = Store::new(MemoryBackend::new());
    put(&small, &StoreKey::of::<Profile>(), &maureen());
    small
        .backend()
        .plant("alongside.safety-copy", "{half a copy");
    let snapshot = small.backend().snapshot();
    let backup = Backup::collect(&full_phone(), now()).unwrap();
    let backend = MemoryBackend::new().with_quota(units(&snapshot) * 4 + 3000);
    for (k, v) in &snapshot {
        backend.plant(k, v);
    }
    let phone = Store::new(backend);
    assert_eq!(
        restore_replace(&phone, &backup, now()),
        Err(BackupError::Refused(SaveError::Full))
    );
    assert_eq!(
        ours(&phone)["alongside.profile"],
        snapshot["alongside.profile"]
    );
    let kept = phone.quarantined();
    assert_eq!(kept.len(), 1);
    let envelope: schema::Envelope<QuarantinedValue> =
        serde_json::from_str(&phone.backend().raw(kept[0].as_str()).unwrap()).unwrap();
    assert_eq!(envelope.data.raw, "{half a copy");
    assert_eq!(ours(&phone).len(), 2, "the details and the kept copy");
}

#[test]
fn the_share_log_is_backed_up_and_merged_by_add_what_is_missing() {
    use alongside::share::log::{ShareLog, Shared, Way};
    let entry = |at: &str, way| Shared {
        at: at.parse().unwrap(),
        from: day(2026, 10, 25),
        to: day(2026, 11, 21),
        way,
        protected: true,
    };
    let phone = full_phone();
    let mut log = ShareLog::default();
    log.record(entry("2026-11-01T10:00:00Z", Way::Link));
    put(&phone, &StoreKey::of::<ShareLog>(), &log);
    let file = Backup::collect(&phone, now()).unwrap().to_file();
    let backup = Backup::from_file(&file).unwrap();
    assert!(backup.records().contains_key(&StoreKey::of::<ShareLog>()));

    // The phone has shared again since; adding what is missing keeps both.
    log.record(entry("2026-11-20T10:00:00Z", Way::Qr));
    let mut other = ShareLog::default();
    other.record(entry("2026-11-20T10:00:00Z", Way::Qr));
    put(&phone, &StoreKey::of::<ShareLog>(), &other);
    restore_add_missing(&phone, &backup, now()).unwrap();
    let merged = phone
        .load::<ShareLog>(&StoreKey::of::<ShareLog>(), now())
        .value
        .unwrap();
    assert_eq!(merged, log);
}

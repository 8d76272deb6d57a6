//! Restoring by adding what is missing onto a phone used since the backup.

use alongside::model::diary::{DiaryIndex, DiaryMonth, Month};
use alongside::model::wellbeing::TalkList;
use alongside::model::{GoalBook, Profile};
use alongside::store::backup::{
    restore_add_missing, restore_replace, undo_restore, Backup, BackupContents, BackupError,
};
use alongside::store::schema;
use alongside::store::{MemoryBackend, SaveError, Store, StoreKey};
use chrono::Datelike;

use crate::support::{day, diary, full_phone, goal, maureen, now, ours, put, put_diary};

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

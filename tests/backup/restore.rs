//! Restoring by replacing: undo, the safety copy, and writes that fail half
//! way.

use std::collections::BTreeMap;

use alongside::model::wellbeing::TalkList;
use alongside::model::{GoalBook, Profile};
use alongside::store::backup::{
    discard_safety_copy, restore_add_missing, restore_replace, safety_copy_made_at, undo_restore,
    Backup, BackupError,
};
use alongside::store::schema;
use alongside::store::{MemoryBackend, QuarantinedValue, SaveError, Store, StoreKey};
use chrono::Duration;

use crate::support::{
    copy_of, copy_of_snapshot, day, full_phone, goals, maureen, now, ours, put, talk,
};

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

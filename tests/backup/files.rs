//! Making and reading backup files: every record back byte for byte, what
//! the file says, damaged, newer and unreadable values, the contents
//! counted and the messages shown.

use std::collections::BTreeMap;

use alongside::model::wellbeing::TalkList;
use alongside::model::GoalBook;
use alongside::store::backup::{restore_replace, Backup, BackupContents, BackupError};
use alongside::store::{MemoryBackend, SaveError, Store, StoreKey};

use crate::support::{day, full_phone, goals, now, ours, signed_file};

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

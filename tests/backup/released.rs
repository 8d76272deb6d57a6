//! Backups made by a released build (tests/fixtures/released/, made by
//! scripts/make-fixtures.mjs from commit 07e765b) still read and restore,
//! every record as this build reads it.

use alongside::share::kept::KeptSummaries;
use alongside::share::log::ShareLog;
use alongside::store::backup::{restore_replace, Backup};
use alongside::store::kinds::Stored;
use alongside::store::protected;
use alongside::store::{MemoryBackend, Store};

use crate::support::now;

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/released/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn the_released_backup_reads_restores_and_keeps_its_share_log_and_kept_summary() {
    let backup = Backup::from_file(&fixture("backup.json")).expect("the released backup reads");
    let contents = backup.contents();
    assert!(contents.details);
    assert_eq!(contents.goals, 3);
    assert_eq!(contents.appointments, 4);
    assert_eq!(contents.checkins, 3);
    assert!(contents.diary_days > 60, "{}", contents.diary_days);
    let phone = Store::new(MemoryBackend::new());
    restore_replace(&phone, &backup, now()).unwrap();
    // The moments in the share log and the kept summary, written by
    // chrono then, read the same now.
    let log = phone.load::<ShareLog>(&ShareLog::key(), now());
    assert_eq!(log.problem, None);
    let log = log.value.unwrap();
    assert!(log.entries.len() >= 3);
    assert_eq!(log.entries[0].at.to_rfc3339(), "2026-10-20T10:30:00+00:00");
    let kept = phone.load::<KeptSummaries>(&KeptSummaries::key(), now());
    assert_eq!(kept.problem, None);
    assert_eq!(
        kept.value.unwrap().items[0].name.as_deref(),
        Some("Maureen")
    );
}

#[test]
fn the_released_protected_backup_is_recognised_and_reads_as_far_as_its_passphrase() {
    let text = fixture("backup-protected.txt");
    assert!(protected::is_protected(&text));
    let locked = protected::read(&text).expect("the released protected backup reads");
    assert_eq!(locked.iterations, alongside::share::link::ITERATIONS);
}

//! Bad files, every kind and every cut-short copy, refused with the phone
//! untouched.

use std::collections::BTreeMap;

use alongside::store::backup::{restore_replace, Backup, BackupError, MAX_BACKUP_BYTES};

use crate::support::{full_phone, now, signed_file};

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

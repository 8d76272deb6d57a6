//! The backup file: its format and checksum, collecting one from the
//! phone, and reading one with every check made before anything changes.

use std::collections::BTreeMap;

use chrono::{DateTime, SecondsFormat, SubsecRound, Utc};
use serde::de::{Error as _, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use sha2::{Digest, Sha256};

use super::contents::BackupContents;
use super::error::{BackupError, BACKUP_FORMAT, BACKUP_VERSION, MAX_BACKUP_BYTES};
use super::holds::{check_record, Holds};
use crate::model::time::{iso_day, london_today, parse_utc_millis};
use crate::store::schema::DecodeError;
use crate::store::{Backend, BackendError, Store, StoreKey};

/// A backup file as it is written.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct BackupFile {
    format: String,
    version: u64,
    created_at: String,
    #[serde(deserialize_with = "unique_keys")]
    records: BTreeMap<String, String>,
    checksum: String,
}

/// Just enough of a file to tell whether it is ours and which version.
#[derive(Deserialize)]
struct FileHeader {
    format: String,
    version: u64,
}

/// Reads the `records` map, refusing a key that appears twice (serde
/// would quietly keep the last, and the file would mean two things).
fn unique_keys<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<String, String>, D::Error> {
    struct Unique;
    impl<'de> Visitor<'de> for Unique {
        type Value = BTreeMap<String, String>;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a map of keys to stored text")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = BTreeMap::new();
            while let Some((key, value)) = map.next_entry::<String, String>()? {
                if out.insert(key, value).is_some() {
                    return Err(A::Error::custom("a key appears twice"));
                }
            }
            Ok(out)
        }
    }
    d.deserialize_map(Unique)
}

/// The checksum of a file's contents: SHA-256 over each field as a
/// length-prefixed string (`<bytes>:<text>,`), in the order format,
/// version, created_at, number of records, then each key and its value in
/// key order. The lengths make it unambiguous: no two different files
/// give the same bytes.
fn checksum(
    format: &str,
    version: u64,
    created_at: &str,
    records: &BTreeMap<String, String>,
) -> String {
    let mut hash = Sha256::new();
    let mut put = |text: &str| {
        hash.update(text.len().to_string().as_bytes());
        hash.update(b":");
        hash.update(text.as_bytes());
        hash.update(b",");
    };
    put(format);
    put(&version.to_string());
    put(created_at);
    put(&records.len().to_string());
    for (key, value) in records {
        put(key);
        put(value);
    }
    let mut out = String::from("sha256:");
    for byte in hash.finalize() {
        out.push(char::from(b"0123456789abcdef"[usize::from(byte >> 4)]));
        out.push(char::from(b"0123456789abcdef"[usize::from(byte & 15)]));
    }
    out
}

/// A copy of every value of ours, each exactly as it was stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backup {
    pub(super) created_at: DateTime<Utc>,
    pub(super) records: BTreeMap<StoreKey, String>,
}

/// How far to check a file's records.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Check {
    /// A file from outside: every record must be one this build can read.
    Everything,
    /// Our own safety copy: the phone's records as they were, whatever
    /// they hold; only the checksum and keys are checked.
    ChecksumOnly,
}

impl Backup {
    /// Copies every value of ours from `store`, made at `now`.
    ///
    /// A value that cannot be read is first moved aside, as reading it in
    /// the app would do, so that the backup can always be restored: the
    /// copy travels in the backup as the quarantined copy. Values saved by
    /// a newer version, and keys this build does not know, are copied as
    /// they are. The safety copy is never part of a backup. Fails only if
    /// storage cannot be read, or a value cannot be read as text.
    pub fn collect<B: Backend>(
        store: &Store<B>,
        now: DateTime<Utc>,
    ) -> Result<Backup, BackupError> {
        for key in our_keys(store)? {
            let holds = Holds::of(&key);
            if matches!(
                holds,
                Holds::Quarantine | Holds::SafetyCopy | Holds::Examples | Holds::Unknown
            ) {
                continue;
            }
            let Some(raw) = read_raw(store, &key)? else {
                continue;
            };
            match check_record(&key, holds, &raw) {
                Ok(()) | Err(DecodeError::Newer { .. }) => {}
                // If it cannot be moved (storage full), it is copied as it is.
                Err(why) => {
                    let _ = store.quarantine(&key, &raw, &why, now);
                }
            }
        }
        let mut records = BTreeMap::new();
        for key in our_keys(store)? {
            // Made-up examples are not the client's record: a backup
            // never holds them.
            if matches!(Holds::of(&key), Holds::SafetyCopy | Holds::Examples) {
                continue;
            }
            if let Some(raw) = read_raw(store, &key)? {
                records.insert(key, raw);
            }
        }
        Ok(Backup {
            created_at: now.trunc_subsecs(3),
            records,
        })
    }

    /// Reads a backup file, checking everything before anything changes:
    /// its size, that it is ours, its version, its checksum, and that
    /// every record is one this build can read under its key.
    /// Never panics, whatever `text` holds.
    pub fn from_file(text: &str) -> Result<Backup, BackupError> {
        if text.len() > MAX_BACKUP_BYTES {
            return Err(BackupError::TooLarge);
        }
        // Whether it is ours, and its version, come first: a newer version
        // may be shaped differently, and should be named, not called damaged.
        let header: FileHeader = serde_json::from_str(text).map_err(|_| {
            if text.contains("\"alongside-backup\"") {
                BackupError::Damaged
            } else {
                BackupError::NotABackup
            }
        })?;
        if header.format != BACKUP_FORMAT {
            return Err(BackupError::NotABackup);
        }
        if header.version > u64::from(BACKUP_VERSION) {
            return Err(BackupError::Newer);
        }
        let file: BackupFile = serde_json::from_str(text).map_err(|_| BackupError::Damaged)?;
        Backup::from_wire(&file, Check::Everything)
    }

    /// Checks a parsed file and makes the backup from it.
    pub(super) fn from_wire(file: &BackupFile, check: Check) -> Result<Backup, BackupError> {
        if file.format != BACKUP_FORMAT {
            return Err(BackupError::NotABackup);
        }
        if file.version > u64::from(BACKUP_VERSION) {
            return Err(BackupError::Newer);
        }
        if file.version == 0
            || checksum(&file.format, file.version, &file.created_at, &file.records)
                != file.checksum
        {
            return Err(BackupError::Damaged);
        }
        let created_at = parse_utc_millis(&file.created_at).ok_or(BackupError::Damaged)?;
        let mut records = BTreeMap::new();
        for (key, raw) in &file.records {
            let key = StoreKey::parse(key).ok_or(BackupError::Damaged)?;
            let holds = Holds::of(&key);
            if holds == Holds::SafetyCopy {
                return Err(BackupError::Damaged);
            }
            // No backup of ours holds examples; one that does (edited by
            // hand) never brings them back as anything.
            if holds == Holds::Examples {
                continue;
            }
            if check == Check::Everything {
                if holds == Holds::Unknown {
                    return Err(BackupError::Newer);
                }
                match check_record(&key, holds, raw) {
                    Ok(()) => {}
                    Err(DecodeError::Newer { .. }) => return Err(BackupError::Newer),
                    Err(_) => return Err(BackupError::Damaged),
                }
            }
            records.insert(key, raw.clone());
        }
        Ok(Backup {
            created_at,
            records,
        })
    }

    /// The backup as it is written to a file.
    pub(super) fn to_wire(&self) -> BackupFile {
        let format = BACKUP_FORMAT.to_string();
        let version = u64::from(BACKUP_VERSION);
        let created_at = self.created_at.to_rfc3339_opts(SecondsFormat::Millis, true);
        let records: BTreeMap<String, String> = self
            .records
            .iter()
            .map(|(k, v)| (k.as_str().to_string(), v.clone()))
            .collect();
        let checksum = checksum(&format, version, &created_at, &records);
        BackupFile {
            format,
            version,
            created_at,
            records,
            checksum,
        }
    }

    /// The text of the backup file.
    pub fn to_file(&self) -> String {
        // Strings and numbers only: serialising cannot fail.
        serde_json::to_string(&self.to_wire()).unwrap_or_default()
    }

    /// A name for the file, with the UK date it was made:
    /// `alongside-backup-2026-11-21.json`.
    pub fn file_name(&self) -> String {
        format!(
            "alongside-backup-{}.json",
            iso_day(london_today(self.created_at))
        )
    }

    /// When the backup was made.
    pub fn created_at(&self) -> DateTime<Utc> {
        self.created_at
    }

    /// Every value in the backup, by key, exactly as it was stored.
    pub fn records(&self) -> &BTreeMap<StoreKey, String> {
        &self.records
    }

    /// What the backup holds, for the client to compare with the phone.
    pub fn contents(&self) -> BackupContents {
        BackupContents {
            made_at: Some(self.created_at),
            ..BackupContents::of(self.records.iter().map(|(k, v)| (k, v.as_str())))
        }
    }
}

/// Every key of ours in storage, or why storage cannot be read.
pub(super) fn our_keys<B: Backend>(store: &Store<B>) -> Result<Vec<StoreKey>, BackupError> {
    let keys = store
        .backend()
        .keys()
        .map_err(|_| BackupError::Unavailable)?;
    Ok(keys.iter().filter_map(|k| StoreKey::parse(k)).collect())
}

/// The text under `key`, or why it cannot be read.
pub(super) fn read_raw<B: Backend>(
    store: &Store<B>,
    key: &StoreKey,
) -> Result<Option<String>, BackupError> {
    store.backend().get(key.as_str()).map_err(|e| match e {
        BackendError::InvalidText => BackupError::Unreadable {
            what: key.describe(),
        },
        _ => BackupError::Unavailable,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_carrying_examples_never_brings_them_back() {
        // No backup of ours holds examples; one edited to carry them (with
        // a checksum to match) is read without them.
        let month = r#"{"app":"alongside","kind":"diary_example_month","schema":1,"rev":1,"saved_at":"2026-11-01T00:00:00.000Z","data":{"days":[]}}"#;
        let own = r#"{"app":"alongside","kind":"diary_month","schema":1,"rev":1,"saved_at":"2026-11-01T00:00:00.000Z","data":{"days":[]}}"#;
        let mut records = BTreeMap::new();
        records.insert(
            StoreKey::parse("alongside.examples.2026-11").unwrap(),
            month.to_string(),
        );
        records.insert(
            StoreKey::parse("alongside.diary.2026-11").unwrap(),
            own.to_string(),
        );
        let backup = Backup {
            created_at: "2026-11-21T10:30:00.000Z".parse().unwrap(),
            records,
        };
        let read = Backup::from_file(&backup.to_file()).unwrap();
        let keys: Vec<&str> = read.records().keys().map(StoreKey::as_str).collect();
        assert_eq!(keys, vec!["alongside.diary.2026-11"]);
    }
}

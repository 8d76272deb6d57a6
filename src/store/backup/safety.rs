//! The safety copy: what was on the phone just before a restore, kept so
//! the restore can be undone; and undoing it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::contents::BackupContents;
use super::error::{BackupError, MAX_BACKUP_BYTES};
use super::file::{Backup, BackupFile, Check};
use super::restore::restore_replace;
use crate::model::time::parse_utc_millis;
use crate::store::schema::Record;
use crate::store::{Backend, LoadProblem, SaveError, Store, StoreKey};

/// The safety copy as it is stored: the phone's records as a backup file,
/// in the usual envelope (kind `safety_copy`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(transparent)]
pub(super) struct SafetyCopy(pub(super) BackupFile);

impl Record for SafetyCopy {
    const KIND: &'static str = "safety_copy";
    const SCHEMA: u32 = 1;

    fn check(&self) -> Result<(), String> {
        Backup::from_wire(&self.0, Check::ChecksumOnly)
            .map(drop)
            .map_err(|_| "the copy is incomplete or has been changed".into())
    }
}

/// Reads what the safety copy key holds now, as every save needs first:
/// a damaged old copy is moved aside (before the phone's records are
/// collected, so the moved copy is among them), and one from a newer
/// version is left alone and will refuse the save. Returns its text, to
/// put back if the restore then fails.
pub(super) fn read_safety_copy<B: Backend>(
    store: &Store<B>,
    now: DateTime<Utc>,
) -> Result<Option<String>, BackupError> {
    let key = StoreKey::safety_copy();
    if store.load::<SafetyCopy>(&key, now).problem == Some(LoadProblem::Unavailable) {
        return Err(BackupError::Unavailable);
    }
    Ok(store.backend().get(key.as_str()).ok().flatten())
}

/// Keeps `current` as the safety copy.
pub(super) fn keep_safety_copy<B: Backend>(
    store: &Store<B>,
    current: &Backup,
    now: DateTime<Utc>,
) -> Result<(), BackupError> {
    store
        .save(
            &StoreKey::safety_copy(),
            &SafetyCopy(current.to_wire()),
            now,
        )
        .map(drop)
        .map_err(|e| match e {
            SaveError::Full => BackupError::NoRoomForSafetyCopy,
            other => BackupError::Refused(other),
        })
}

/// Puts back exactly what was on the phone before the last restore, from
/// the safety copy. What is on the phone now becomes the safety copy in
/// turn, so undoing again brings the restore back: nothing is lost.
pub fn undo_restore<B: Backend>(
    store: &Store<B>,
    now: DateTime<Utc>,
) -> Result<BackupContents, BackupError> {
    let key = StoreKey::safety_copy();
    let load = store.load::<SafetyCopy>(&key, now);
    let copy = match (load.value, load.problem) {
        (Some(copy), None) => copy,
        (_, Some(LoadProblem::Unavailable)) => return Err(BackupError::Unavailable),
        (_, Some(LoadProblem::Newer { what })) => {
            return Err(BackupError::Refused(SaveError::Newer { what }))
        }
        (_, Some(_)) => return Err(BackupError::SafetyCopyDamaged),
        (None, None) => return Err(BackupError::NoSafetyCopy),
    };
    let earlier = Backup::from_wire(&copy.0, Check::ChecksumOnly)
        .map_err(|_| BackupError::SafetyCopyDamaged)?;
    restore_replace(store, &earlier, now)
}

/// When the safety copy was made, if there is one: for offering "Undo the
/// restore". Reads only.
pub fn safety_copy_made_at<B: Backend>(store: &Store<B>) -> Option<DateTime<Utc>> {
    #[derive(Deserialize)]
    struct Outer {
        data: Inner,
    }
    #[derive(Deserialize)]
    struct Inner {
        created_at: String,
    }
    let raw = store
        .backend()
        .get(StoreKey::safety_copy().as_str())
        .ok()??;
    if raw.len() > MAX_BACKUP_BYTES {
        return None;
    }
    let outer: Outer = serde_json::from_str(&raw).ok()?;
    parse_utc_millis(&outer.data.created_at)
}

/// Removes the safety copy, to free the space it takes once the client is
/// happy with a restore.
pub fn discard_safety_copy<B: Backend>(store: &Store<B>) -> Result<(), BackupError> {
    let key = StoreKey::safety_copy();
    store
        .backend()
        .remove(key.as_str())
        .map_err(|_| BackupError::Unavailable)?;
    store.note_replaced(&key, None);
    Ok(())
}

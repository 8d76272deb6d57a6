//! Restoring a backup: replacing what is on the phone with it, or adding
//! what the phone is missing. Both keep the safety copy first and put
//! everything back if a write fails half-way.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};

use super::contents::BackupContents;
use super::error::BackupError;
use super::file::{our_keys, read_raw, Backup};
use super::holds::Holds;
use super::safety::{keep_safety_copy, read_safety_copy};
use crate::model::diary::{DiaryIndex, DiaryMonth, DiarySettings, Month};
use crate::store::kinds::{each_kind, KindVisitor, Merge, Stored};
use crate::store::schema::{decode, DecodeError, Record};
use crate::store::{Backend, BackendError, LoadProblem, SaveError, Store, StoreKey};

/// Makes our keys (all but the safety copy) hold exactly `records`, byte
/// for byte: keys not in `records` are removed first, to make room.
pub(super) fn put_exactly<B: Backend>(
    store: &Store<B>,
    records: &BTreeMap<StoreKey, String>,
) -> Result<(), BackendError> {
    let keys = store.backend().keys()?;
    for key in keys.iter().filter_map(|k| StoreKey::parse(k)) {
        if !key.is_safety_copy() && !records.contains_key(&key) {
            store.backend().remove(key.as_str())?;
            store.note_replaced(&key, None);
        }
    }
    for (key, text) in records {
        if store.backend().get(key.as_str()).ok().flatten().as_ref() != Some(text) {
            store.backend().set(key.as_str(), text)?;
            store.note_replaced(key, Some(text));
        }
    }
    Ok(())
}

/// After a failed write: puts back the records kept in `before` and the
/// old safety copy, and says what happened.
pub(super) fn roll_back<B: Backend>(
    store: &Store<B>,
    before: &Backup,
    old_copy: Option<String>,
    why: SaveError,
) -> BackupError {
    if put_exactly(store, &before.records).is_err() {
        // The new safety copy holds everything; undo can try again.
        return BackupError::NotPutBack;
    }
    // The records are back. The safety copy holds the same, so failing to
    // put the older one back loses nothing.
    let key = StoreKey::safety_copy();
    let put = match &old_copy {
        Some(text) => store.backend().set(key.as_str(), text),
        None => store.backend().remove(key.as_str()),
    };
    if put.is_ok() {
        store.note_replaced(&key, old_copy.as_deref());
    }
    BackupError::Refused(why)
}

/// Replaces everything of ours on the phone with the backup's records,
/// byte for byte: afterwards the phone holds exactly the backup (keys of
/// ours not in it are removed; other apps' keys are never touched).
///
/// First the phone's records are kept as the safety copy; if that does
/// not fit, nothing changes. If a write fails, everything is put back.
/// Returns what is on the phone afterwards.
pub fn restore_replace<B: Backend>(
    store: &Store<B>,
    backup: &Backup,
    now: DateTime<Utc>,
) -> Result<BackupContents, BackupError> {
    let old_copy = read_safety_copy(store, now)?;
    let before = Backup::collect(store, now)?;
    keep_safety_copy(store, &before, now)?;
    if let Err(e) = put_exactly(store, &backup.records) {
        return Err(roll_back(store, &before, old_copy, e.into()));
    }
    Ok(BackupContents::on_phone(store))
}

/// One planned save of an "add what is missing" restore.
type Write<B> = Box<dyn Fn(&Store<B>, DateTime<Utc>) -> Result<(), SaveError>>;

/// A record from a backup, read for merging.
fn from_backup<T: Record>(raw: &str) -> Result<T, BackupError> {
    decode::<T>(raw).map(|d| d.value).map_err(|e| match e {
        DecodeError::Newer { .. } => BackupError::Newer,
        _ => BackupError::Damaged,
    })
}

/// The phone's value under `key` (read through the store, so a damaged
/// one is moved aside and this tab may save over it afterwards).
fn phone_value<T: Record, B: Backend>(
    store: &Store<B>,
    key: &StoreKey,
    now: DateTime<Utc>,
) -> Result<Option<T>, BackupError> {
    let load = store.load::<T>(key, now);
    if load.problem == Some(LoadProblem::Unavailable) {
        return Err(BackupError::Unavailable);
    }
    Ok(load.value)
}

/// The merged value to save under `key`, or `None` if nothing is missing
/// from the phone. Refuses if the phone's value must not be changed by
/// this build.
fn merged<T: Record + Clone + PartialEq, B: Backend>(
    store: &Store<B>,
    key: &StoreKey,
    mine: Option<T>,
    theirs: T,
    merge: impl FnOnce(&mut T, &T),
) -> Result<Option<T>, BackupError> {
    let result = match mine.clone() {
        Some(mut m) => {
            merge(&mut m, &theirs);
            m
        }
        None => theirs,
    };
    if mine.as_ref() == Some(&result) {
        return Ok(None);
    }
    match store.lock_error(key) {
        Some(e) => Err(BackupError::Refused(e)),
        None => Ok(Some(result)),
    }
}

/// Works out every save "add what is missing" needs, reading the phone's
/// values but writing nothing.
fn plan_add_missing<B: Backend>(
    store: &Store<B>,
    backup: &Backup,
    now: DateTime<Utc>,
) -> Result<Vec<Write<B>>, BackupError> {
    let mut writes: Vec<Write<B>> = Vec::new();
    let theirs = |key: StoreKey| backup.records.get(&key).map(|raw| (key, raw.as_str()));

    for (key, raw) in &backup.records {
        if Holds::of(key) == Holds::Quarantine && read_raw(store, key)?.is_none() {
            let (key, raw) = (key.clone(), raw.clone());
            writes.push(Box::new(move |store: &Store<B>, _| {
                store.backend().set(key.as_str(), &raw)?;
                store.note_replaced(&key, Some(&raw));
                Ok(())
            }));
        }
    }

    /// Plans each kind stored under one key, by its merge rule.
    struct Plan<'a, B: Backend> {
        store: &'a Store<B>,
        backup: &'a Backup,
        now: DateTime<Utc>,
        writes: &'a mut Vec<Write<B>>,
        result: Result<(), BackupError>,
    }
    impl<B: Backend> KindVisitor for Plan<'_, B> {
        fn visit<K: Stored>(&mut self) {
            if self.result.is_ok() {
                self.result = plan_kind::<K, B>(self.store, self.backup, self.now, self.writes);
            }
        }
    }
    let mut plan = Plan {
        store,
        backup,
        now,
        writes: &mut writes,
        result: Ok(()),
    };
    each_kind(&mut plan);
    plan.result?;

    // The backup's own measures come first: their readings may need new ids.
    let mut renames = Vec::new();
    if let Some((key, raw)) = theirs(DiarySettings::key()) {
        let mine = phone_value(store, &key, now)?;
        let merge = |m: &mut DiarySettings, t: &DiarySettings| renames = m.add_missing(t);
        if let Some(v) = merged(store, &key, mine, from_backup(raw)?, merge)? {
            writes.push(save(key, v));
        }
    }
    let mut backup_months: BTreeMap<Month, DiaryMonth> = BTreeMap::new();
    for (key, raw) in &backup.records {
        if let Holds::DiaryMonth(month) = Holds::of(key) {
            let mut diary = from_backup::<DiaryMonth>(raw)?;
            diary.rename_measures(&renames);
            backup_months.insert(month, diary);
        }
    }
    // Every month of each year the backup touches is read, so the year's
    // summaries can be rebuilt from the merged months.
    let years: BTreeSet<i32> = backup_months.keys().map(|m| m.year).collect();
    let mut months: BTreeSet<Month> = backup_months.keys().copied().collect();
    for key in our_keys(store)? {
        if let Holds::DiaryMonth(month) = Holds::of(&key) {
            if years.contains(&month.year) {
                months.insert(month);
            }
        }
    }
    let mut merged_months: BTreeMap<Month, DiaryMonth> = BTreeMap::new();
    for month in months {
        let key = StoreKey::diary_month(month.first_day());
        let mine = phone_value::<DiaryMonth, B>(store, &key, now)?;
        if mine.is_none() {
            // A month the phone has but cannot read would be left out of
            // the rebuilt summaries, so it is not guessed at.
            if let Some(e) = store.lock_error(&key) {
                return Err(BackupError::Refused(e));
            }
        }
        let diary = match (mine.clone(), backup_months.remove(&month)) {
            (None, None) => continue,
            (Some(m), None) => m,
            (mine, Some(t)) => {
                let merge = |m: &mut DiaryMonth, t: &DiaryMonth| m.add_missing(t);
                match merged(store, &key, mine.clone(), t, merge)? {
                    Some(v) => {
                        writes.push(save(key, v.clone()));
                        v
                    }
                    None => mine.unwrap_or_default(),
                }
            }
        };
        merged_months.insert(month, diary);
    }
    for year in years {
        let index = DiaryIndex::of_months(
            merged_months
                .iter()
                .filter(|(m, _)| m.year == year)
                .map(|(m, d)| (*m, d)),
        );
        let key = StoreKey::diary_index(year);
        let mine = phone_value::<DiaryIndex, B>(store, &key, now)?;
        if mine.as_ref() != Some(&index) {
            if let Some(e) = store.lock_error(&key) {
                return Err(BackupError::Refused(e));
            }
            writes.push(save(key, index));
        }
    }
    Ok(writes)
}

/// Plans the save of kind `K` for "add what is missing", by its rule.
fn plan_kind<K: Stored, B: Backend>(
    store: &Store<B>,
    backup: &Backup,
    now: DateTime<Utc>,
    writes: &mut Vec<Write<B>>,
) -> Result<(), BackupError> {
    let key = K::key();
    let Some(raw) = backup.records.get(&key) else {
        return Ok(());
    };
    match K::MERGE {
        Merge::Items => {
            let mine = phone_value::<K, B>(store, &key, now)?;
            if let Some(v) = merged(store, &key, mine, from_backup::<K>(raw)?, K::add_missing)? {
                writes.push(save(key, v));
            }
        }
        Merge::PhoneFirst => {
            let backup_value = from_backup::<K>(raw)?;
            let mine = phone_value::<K, B>(store, &key, now)?;
            // What the phone has but cannot read (a newer version's) is
            // still the phone's: it is kept.
            if mine.is_none() && store.lock_error(&key).is_none() {
                writes.push(save(key, backup_value));
            }
        }
        // Planned with the diary's months, below.
        Merge::WithDiary => {}
    }
    Ok(())
}

/// A planned save of `value` under `key`.
fn save<T: Record + 'static, B: Backend>(key: StoreKey, value: T) -> Write<B> {
    Box::new(move |store: &Store<B>, now| store.save(&key, &value, now).map(drop))
}

/// Adds what is missing from the phone: for each kind of record, the
/// phone's and the backup's are merged without duplicates, and where the
/// same item is on both, the phone's is kept (see the `add_missing`
/// methods of each record type). Details from set-up are the phone's if
/// it has them. Each year's diary summaries are rebuilt from the merged
/// months. Every write is an ordinary save, so a value changed in another
/// tab since it was read here is never overwritten.
///
/// First the phone's records are kept as the safety copy; if that does
/// not fit, nothing changes. If a save fails, everything is put back.
/// Returns what is on the phone afterwards.
pub fn restore_add_missing<B: Backend>(
    store: &Store<B>,
    backup: &Backup,
    now: DateTime<Utc>,
) -> Result<BackupContents, BackupError> {
    let old_copy = read_safety_copy(store, now)?;
    let before = Backup::collect(store, now)?;
    let writes = plan_add_missing(store, backup, now)?;
    if writes.is_empty() {
        return Ok(BackupContents::on_phone(store));
    }
    keep_safety_copy(store, &before, now)?;
    for write in &writes {
        if let Err(e) = write(store, now) {
            return Err(roll_back(store, &before, old_copy, e));
        }
    }
    Ok(BackupContents::on_phone(store))
}

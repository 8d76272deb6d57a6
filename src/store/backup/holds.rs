//! What each key of ours holds, as far as backups are concerned, and the
//! check that a stored text is a record this build can read under it.

use crate::model::diary::{DiaryIndex, DiaryMonth, Month};
use crate::store::kinds::{for_key, KindFn, Stored};
use crate::store::schema::{decode, DecodeError, Record};
use crate::store::StoreKey;

/// What a key holds, as far as backups are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Holds {
    /// A kind stored under one fixed key (see [`crate::store::kinds`]).
    Kind,
    /// A year's diary summaries.
    DiaryIndex(i32),
    /// A month of diary entries.
    DiaryMonth(Month),
    /// A value that could not be read, kept aside.
    Quarantine,
    /// The copy kept before the last restore.
    SafetyCopy,
    /// Made-up example entries or their summaries (or a damaged one kept
    /// aside): never the client's record, so never in a backup.
    Examples,
    /// Ours, but not a key this build writes: a newer version's.
    Unknown,
}

impl Holds {
    /// What `key` holds.
    pub(super) fn of(key: &StoreKey) -> Holds {
        if key.is_safety_copy() {
            return Holds::SafetyCopy;
        }
        if key.is_examples() || key.is_examples_copy() {
            return Holds::Examples;
        }
        if crate::store::kinds::holds(key).is_some() {
            return Holds::Kind;
        }
        if key.is_quarantine() {
            return Holds::Quarantine;
        }
        // Only keys exactly as this build writes them: `2026`, not `+2026`.
        if let Some(year) = key.diary_index_year() {
            if StoreKey::diary_index(year) == *key {
                return Holds::DiaryIndex(year);
            }
        }
        if let Some(month) = key
            .as_str()
            .strip_prefix("alongside.diary.")
            .and_then(Month::parse)
        {
            if StoreKey::diary_month(month.first_day()) == *key {
                return Holds::DiaryMonth(month);
            }
        }
        Holds::Unknown
    }
}

/// Checks that `raw` is a record this build can read under `key` (which
/// holds `holds`), as the store would read it, and that a diary value
/// belongs to its key's month or year. Quarantined copies, the safety
/// copy, examples and unknown keys are not records and are not checked here.
pub(super) fn check_record(key: &StoreKey, holds: Holds, raw: &str) -> Result<(), DecodeError> {
    fn read<T: Record>(raw: &str) -> Result<T, DecodeError> {
        decode::<T>(raw).map(|d| d.value)
    }
    struct Read<'a>(&'a str);
    impl KindFn for Read<'_> {
        type Output = Result<(), DecodeError>;
        fn call<K: Stored>(self) -> Self::Output {
            read::<K>(self.0).map(drop)
        }
    }
    match holds {
        Holds::Kind => for_key(key, Read(raw)).unwrap_or(Ok(())),
        Holds::DiaryIndex(year) => {
            let index = read::<DiaryIndex>(raw)?;
            let wrong = |m: &str| Month::parse(m).is_none_or(|m| m.year != year);
            if index.months.iter().any(|m| wrong(&m.month)) {
                return Err(DecodeError::BadData("a month is in the wrong year".into()));
            }
            Ok(())
        }
        Holds::DiaryMonth(month) => {
            let diary = read::<DiaryMonth>(raw)?;
            if diary.days.iter().any(|d| Month::of(d.date) != month) {
                return Err(DecodeError::BadData("a day is in the wrong month".into()));
            }
            Ok(())
        }
        Holds::Quarantine | Holds::SafetyCopy | Holds::Examples | Holds::Unknown => Ok(()),
    }
}

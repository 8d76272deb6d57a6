//! My data: backup files, restoring them, and undoing a restore.
//!
//! A backup is every stored value of ours, each exactly as stored, in one
//! JSON file with a checksum (the format is in `docs/storage-format.md`,
//! "Backup files"). Reading a file checks everything before anything on
//! the phone changes. Restoring either replaces what is on the phone or
//! adds what is missing; both first keep the phone's records as a safety
//! copy, so a restore can be undone, and both put everything back if a
//! write fails half-way.
//!
//! A restore changes values under this tab's feet: afterwards the app
//! must read everything again (reload the page) before it saves.
//!
//! Pure code over a [`Backend`]: no browser, no clock (`now` is passed in).

use crate::share::log::{KeptSummaries, ShareLog};
use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, NaiveDate, SecondsFormat, SubsecRound, Utc};
use serde::de::{Error as _, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use sha2::{Digest, Sha256};

use super::schema::{decode, decode_newer_leniently, DecodeError, Record};
use super::{Backend, BackendError, LoadProblem, SaveError, Store, StoreKey};
use crate::model::appointment::ApptBook;
use crate::model::diary::{DiaryIndex, DiaryMonth, DiarySettings, Month};
use crate::model::time::{iso_day, london_today, parse_utc_millis, MONTHS};
use crate::model::wellbeing::{TalkList, Wellbeing};
use crate::model::{GoalBook, Profile};

/// The `format` of every backup file.
pub const BACKUP_FORMAT: &str = "alongside-backup";
/// The backup file version this build writes and the newest it reads.
pub const BACKUP_VERSION: u32 = 1;
/// The largest backup file we will open, in bytes. A phone's storage for
/// the app holds about 5 MB, so a real backup is far smaller; refusing
/// before reading spares the phone's memory.
pub const MAX_BACKUP_BYTES: usize = 20 * 1024 * 1024;

/// Why a backup could not be read, made or restored. Each has a message
/// for the client; in every case nothing on the phone has been lost.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackupError {
    /// The file is bigger than [`MAX_BACKUP_BYTES`].
    TooLarge,
    /// The file is not one of ours at all.
    NotABackup,
    /// The file, or a record in it, was made by a newer version of the app.
    Newer,
    /// The file is ours but cut short, changed or damaged.
    Damaged,
    /// The browser will not let us read or write storage.
    Unavailable,
    /// A stored value cannot be read as text, so it cannot be copied.
    Unreadable {
        /// What the value holds.
        what: String,
    },
    /// There is no room to keep the safety copy, so nothing was restored.
    NoRoomForSafetyCopy,
    /// A write was refused; everything was put back as it was.
    Refused(SaveError),
    /// A write failed and the earlier records could not all be put back.
    /// The safety copy is still on the phone.
    NotPutBack,
    /// There is no safety copy to put back.
    NoSafetyCopy,
    /// The safety copy could not be read (it has been kept aside).
    SafetyCopyDamaged,
}

impl BackupError {
    /// The message shown to the client, in plain English.
    pub fn message(&self) -> String {
        const UNCHANGED: &str = "Nothing on this phone has been changed.";
        match self {
            BackupError::TooLarge => format!(
                "This file is too large to be an Alongside backup (over {} MB), so it has not \
                 been opened. {UNCHANGED}",
                MAX_BACKUP_BYTES / (1024 * 1024)
            ),
            BackupError::NotABackup => {
                format!("This file is not an Alongside backup. {UNCHANGED}")
            }
            BackupError::Newer => "This backup was made by a newer version of Alongside. \
                 Update the app, then try again."
                .into(),
            BackupError::Damaged => format!(
                "This backup file is incomplete or has been changed since it was made, so it \
                 cannot be used. {UNCHANGED}"
            ),
            BackupError::Unavailable => format!(
                "This browser is not letting Alongside use the storage on this phone. \
                 {UNCHANGED} Private browsing can cause this."
            ),
            BackupError::Unreadable { what } => format!(
                "Some of your saved information ({what}) could not be read, so it cannot be \
                 copied. {UNCHANGED}"
            ),
            BackupError::NoRoomForSafetyCopy => format!(
                "Before restoring, Alongside keeps a copy of what is on this phone so that you \
                 can undo the restore. There is not enough space on this phone for that copy, \
                 so nothing has been restored. {UNCHANGED}"
            ),
            BackupError::Refused(why) => {
                format!("Nothing has been restored: {} {UNCHANGED}", refusal(why))
            }
            BackupError::NotPutBack => "The restore could not be finished, and not all of your \
                 earlier information could be put back. A copy of it is kept on this phone: \
                 choose \u{201c}Undo the restore\u{201d} to try again."
                .into(),
            BackupError::NoSafetyCopy => {
                "There is no earlier information kept on this phone to put back.".into()
            }
            BackupError::SafetyCopyDamaged => "The copy kept from before your last restore \
                 could not be read, so it cannot be put back. It has been kept aside on this \
                 phone, and nothing has been deleted."
                .into(),
        }
    }
}

/// Why a write was refused, as the second half of a sentence.
fn refusal(why: &SaveError) -> String {
    match why {
        SaveError::Full => "there is not enough space on this phone.".into(),
        SaveError::Unavailable => {
            "this browser is not letting Alongside save on this phone.".into()
        }
        SaveError::Newer { what } => format!(
            "some of your information ({what}) was saved by a newer version of Alongside, and \
             this version will not change it. Close the app and open it again to get the \
             newest version."
        ),
        SaveError::ChangedElsewhere { what } => format!(
            "some of your information ({what}) was changed in another tab or window. Close \
             the other tabs, reload this page and try again."
        ),
        SaveError::Unreadable { what } => format!(
            "some of your information ({what}) could not be read, so Alongside will not save \
             over it."
        ),
        SaveError::Other(_) => "the browser would not store it. Try again in a moment.".into(),
    }
}

/// What a key holds, as far as backups are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Holds {
    Profile,
    Goals,
    Appointments,
    Wellbeing,
    Talk,
    Shares,
    Kept,
    DiarySettings,
    DiaryIndex(i32),
    DiaryMonth(Month),
    Quarantine,
    SafetyCopy,
    /// Ours, but not a key this build writes: a newer version's.
    Unknown,
}

impl Holds {
    fn of(key: &StoreKey) -> Holds {
        let fixed = [
            (StoreKey::profile(), Holds::Profile),
            (StoreKey::goals(), Holds::Goals),
            (StoreKey::appointments(), Holds::Appointments),
            (StoreKey::wellbeing(), Holds::Wellbeing),
            (StoreKey::talk(), Holds::Talk),
            (StoreKey::shares(), Holds::Shares),
            (StoreKey::kept_summaries(), Holds::Kept),
            (StoreKey::diary_settings(), Holds::DiarySettings),
            (StoreKey::safety_copy(), Holds::SafetyCopy),
        ];
        if let Some((_, holds)) = fixed.iter().find(|(k, _)| k == key) {
            return *holds;
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

/// Checks that `raw` is a record this build can read under `key`, as the
/// store would read it, and that a diary value belongs to its key's month
/// or year. Quarantined copies, the safety copy and unknown keys are not
/// records and are not checked here.
fn check_record(holds: Holds, raw: &str) -> Result<(), DecodeError> {
    fn read<T: Record>(raw: &str) -> Result<T, DecodeError> {
        decode::<T>(raw).map(|d| d.value)
    }
    match holds {
        Holds::Profile => read::<Profile>(raw).map(drop),
        Holds::Goals => read::<GoalBook>(raw).map(drop),
        Holds::Appointments => read::<ApptBook>(raw).map(drop),
        Holds::Wellbeing => read::<Wellbeing>(raw).map(drop),
        Holds::Talk => read::<TalkList>(raw).map(drop),
        Holds::Shares => read::<ShareLog>(raw).map(drop),
        Holds::Kept => read::<KeptSummaries>(raw).map(drop),
        Holds::DiarySettings => read::<DiarySettings>(raw).map(drop),
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
        Holds::Quarantine | Holds::SafetyCopy | Holds::Unknown => Ok(()),
    }
}

/// A backup file as it is written.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BackupFile {
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
    created_at: DateTime<Utc>,
    records: BTreeMap<StoreKey, String>,
}

/// How far to check a file's records.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Check {
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
                Holds::Quarantine | Holds::SafetyCopy | Holds::Unknown
            ) {
                continue;
            }
            let Some(raw) = read_raw(store, &key)? else {
                continue;
            };
            match check_record(holds, &raw) {
                Ok(()) | Err(DecodeError::Newer { .. }) => {}
                // If it cannot be moved (storage full), it is copied as it is.
                Err(why) => {
                    let _ = store.quarantine(&key, &raw, &why, now);
                }
            }
        }
        let mut records = BTreeMap::new();
        for key in our_keys(store)? {
            if key.is_safety_copy() {
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
    fn from_wire(file: &BackupFile, check: Check) -> Result<Backup, BackupError> {
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
            if check == Check::Everything {
                if holds == Holds::Unknown {
                    return Err(BackupError::Newer);
                }
                match check_record(holds, raw) {
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
    fn to_wire(&self) -> BackupFile {
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
fn our_keys<B: Backend>(store: &Store<B>) -> Result<Vec<StoreKey>, BackupError> {
    let keys = store
        .backend()
        .keys()
        .map_err(|_| BackupError::Unavailable)?;
    Ok(keys.iter().filter_map(|k| StoreKey::parse(k)).collect())
}

/// The text under `key`, or why it cannot be read.
fn read_raw<B: Backend>(store: &Store<B>, key: &StoreKey) -> Result<Option<String>, BackupError> {
    store.backend().get(key.as_str()).map_err(|e| match e {
        BackendError::InvalidText => BackupError::Unreadable {
            what: key.describe(),
        },
        _ => BackupError::Unavailable,
    })
}

/// What a backup, or the phone, holds: enough for the client to choose
/// ("Backup: 12 goals... On this phone: 10 goals...").
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BackupContents {
    /// When the backup was made; `None` for what is on the phone.
    pub made_at: Option<DateTime<Utc>>,
    /// True if the details from set-up are there.
    pub details: bool,
    /// How many goals.
    pub goals: usize,
    /// How many days have a diary entry.
    pub diary_days: usize,
    /// How many diary readings, all measures together.
    pub diary_readings: usize,
    /// The earliest day with a diary entry.
    pub first_day: Option<NaiveDate>,
    /// The latest day with a diary entry.
    pub last_day: Option<NaiveDate>,
    /// How many appointments (a repeating one counts once).
    pub appointments: usize,
    /// How many completed wellbeing check-ins.
    pub checkins: usize,
    /// How many things to talk about.
    pub talk_items: usize,
    /// How many values that could not be read are kept aside.
    pub kept_aside: usize,
}

/// Reads a record for counting: a newer version's is read as far as it
/// can be, a damaged one is not counted.
fn readable<T: Record>(raw: &str) -> Option<T> {
    match decode::<T>(raw) {
        Ok(d) => Some(d.value),
        Err(DecodeError::Newer { .. }) => decode_newer_leniently(raw),
        Err(_) => None,
    }
}

impl BackupContents {
    fn of<'a>(records: impl Iterator<Item = (&'a StoreKey, &'a str)>) -> BackupContents {
        let mut c = BackupContents::default();
        for (key, raw) in records {
            match Holds::of(key) {
                Holds::Profile => c.details = readable::<Profile>(raw).is_some(),
                Holds::Goals => c.goals = readable::<GoalBook>(raw).map_or(0, |b| b.goals.len()),
                Holds::Appointments => {
                    c.appointments = readable::<ApptBook>(raw).map_or(0, |b| b.appointments.len())
                }
                Holds::Wellbeing => {
                    c.checkins = readable::<Wellbeing>(raw).map_or(0, |w| w.checkins.len())
                }
                Holds::Talk => {
                    c.talk_items = readable::<TalkList>(raw).map_or(0, |t| t.items.len())
                }
                Holds::DiaryMonth(_) => {
                    for day in readable::<DiaryMonth>(raw).unwrap_or_default().days {
                        c.diary_days += 1;
                        c.diary_readings += day.readings.len();
                        c.first_day = Some(c.first_day.map_or(day.date, |d| d.min(day.date)));
                        c.last_day = Some(c.last_day.map_or(day.date, |d| d.max(day.date)));
                    }
                }
                Holds::Quarantine => c.kept_aside += 1,
                Holds::DiarySettings
                | Holds::DiaryIndex(_)
                | Holds::Shares
                | Holds::Kept
                | Holds::SafetyCopy
                | Holds::Unknown => {}
            }
        }
        c
    }

    /// What is on the phone now. Reads only: nothing is moved or changed,
    /// and a value that cannot be read is not counted.
    pub fn on_phone<B: Backend>(store: &Store<B>) -> BackupContents {
        let records: Vec<(StoreKey, String)> = our_keys(store)
            .unwrap_or_default()
            .into_iter()
            .filter(|k| !k.is_safety_copy())
            .filter_map(|k| Some((k.clone(), store.backend().get(k.as_str()).ok()??)))
            .collect();
        BackupContents::of(records.iter().map(|(k, v)| (k, v.as_str())))
    }

    /// The contents in short lines for the client, such as "12 goals" and
    /// "340 diary days, with 1,020 readings, from 3 March 2024 to
    /// 21 November 2026".
    pub fn lines(&self) -> Vec<String> {
        let mut out = vec![if self.details {
            "Your details from set-up".to_string()
        } else {
            "No details from set-up".to_string()
        }];
        out.push(count(self.goals, "goal", "goals"));
        let mut diary = count(self.diary_days, "diary day", "diary days");
        if self.diary_days > 0 {
            diary.push_str(&format!(
                ", with {}",
                count(self.diary_readings, "reading", "readings")
            ));
        }
        if let (Some(first), Some(last)) = (self.first_day, self.last_day) {
            diary.push_str(&format!(", from {} to {}", long_day(first), long_day(last)));
        }
        out.push(diary);
        out.push(count(self.appointments, "appointment", "appointments"));
        out.push(count(
            self.checkins,
            "wellbeing check-in",
            "wellbeing check-ins",
        ));
        out.push(count(
            self.talk_items,
            "thing to talk about",
            "things to talk about",
        ));
        if self.kept_aside > 0 {
            out.push(count(
                self.kept_aside,
                "item that could not be read, kept aside",
                "items that could not be read, kept aside",
            ));
        }
        out
    }
}

/// "No goals", "1 goal", "1,020 goals".
fn count(n: usize, one: &str, many: &str) -> String {
    match n {
        0 => format!("No {many}"),
        1 => format!("1 {one}"),
        _ => {
            let digits = n.to_string();
            let mut grouped = String::new();
            for (i, c) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i).is_multiple_of(3) {
                    grouped.push(',');
                }
                grouped.push(c);
            }
            format!("{grouped} {many}")
        }
    }
}

/// "3 March 2024".
fn long_day(day: NaiveDate) -> String {
    use chrono::Datelike;
    let month = MONTHS[day.month0() as usize % 12];
    format!("{} {month} {}", day.day(), day.year())
}

/// The safety copy as it is stored: the phone's records as a backup file,
/// in the usual envelope (kind `safety_copy`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(transparent)]
struct SafetyCopy(BackupFile);

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
fn read_safety_copy<B: Backend>(
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
fn keep_safety_copy<B: Backend>(
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

/// Makes our keys (all but the safety copy) hold exactly `records`, byte
/// for byte: keys not in `records` are removed first, to make room.
fn put_exactly<B: Backend>(
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
fn roll_back<B: Backend>(
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
enum Write {
    Profile(Profile),
    Goals(GoalBook),
    Appointments(ApptBook),
    Wellbeing(Wellbeing),
    Talk(TalkList),
    Shares(ShareLog),
    Kept(KeptSummaries),
    Settings(DiarySettings),
    Month(Month, DiaryMonth),
    Index(i32, DiaryIndex),
    /// A quarantined copy the phone does not have, copied as it is.
    Raw(StoreKey, String),
}

impl Write {
    fn apply<B: Backend>(&self, store: &Store<B>, now: DateTime<Utc>) -> Result<(), SaveError> {
        let saved = match self {
            Write::Profile(v) => store.save(&StoreKey::profile(), v, now),
            Write::Goals(v) => store.save(&StoreKey::goals(), v, now),
            Write::Appointments(v) => store.save(&StoreKey::appointments(), v, now),
            Write::Wellbeing(v) => store.save(&StoreKey::wellbeing(), v, now),
            Write::Talk(v) => store.save(&StoreKey::talk(), v, now),
            Write::Shares(v) => store.save(&StoreKey::shares(), v, now),
            Write::Kept(v) => store.save(&StoreKey::kept_summaries(), v, now),
            Write::Settings(v) => store.save(&StoreKey::diary_settings(), v, now),
            Write::Month(m, v) => store.save(&StoreKey::diary_month(m.first_day()), v, now),
            Write::Index(year, v) => store.save(&StoreKey::diary_index(*year), v, now),
            Write::Raw(key, text) => {
                store.backend().set(key.as_str(), text)?;
                store.note_replaced(key, Some(text));
                return Ok(());
            }
        };
        saved.map(drop)
    }
}

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
) -> Result<Vec<Write>, BackupError> {
    let mut writes = Vec::new();
    let theirs = |key: StoreKey| backup.records.get(&key).map(|raw| (key, raw.as_str()));

    for (key, raw) in &backup.records {
        if Holds::of(key) == Holds::Quarantine && read_raw(store, key)?.is_none() {
            writes.push(Write::Raw(key.clone(), raw.clone()));
        }
    }
    if let Some((key, raw)) = theirs(StoreKey::profile()) {
        let backup_profile = from_backup::<Profile>(raw)?;
        let mine = phone_value::<Profile, B>(store, &key, now)?;
        // Details the phone has but cannot read (a newer version's) are
        // still the phone's: they are kept.
        if mine.is_none() && store.lock_error(&key).is_none() {
            writes.push(Write::Profile(backup_profile));
        }
    }
    // Each whole-record kind: the phone's value with the backup's missing
    // items added, saved only if that changes anything.
    fn plan<T: Record + Clone + PartialEq, B: Backend>(
        store: &Store<B>,
        backup: &Backup,
        key: StoreKey,
        now: DateTime<Utc>,
        merge: fn(&mut T, &T),
        write: fn(T) -> Write,
        writes: &mut Vec<Write>,
    ) -> Result<(), BackupError> {
        let Some(raw) = backup.records.get(&key) else {
            return Ok(());
        };
        let mine = phone_value(store, &key, now)?;
        if let Some(v) = merged(store, &key, mine, from_backup(raw)?, merge)? {
            writes.push(write(v));
        }
        Ok(())
    }
    plan(
        store,
        backup,
        StoreKey::goals(),
        now,
        GoalBook::add_missing,
        Write::Goals,
        &mut writes,
    )?;
    plan(
        store,
        backup,
        StoreKey::appointments(),
        now,
        ApptBook::add_missing,
        Write::Appointments,
        &mut writes,
    )?;
    plan(
        store,
        backup,
        StoreKey::wellbeing(),
        now,
        Wellbeing::add_missing,
        Write::Wellbeing,
        &mut writes,
    )?;
    plan(
        store,
        backup,
        StoreKey::talk(),
        now,
        TalkList::add_missing,
        Write::Talk,
        &mut writes,
    )?;
    plan(
        store,
        backup,
        StoreKey::shares(),
        now,
        ShareLog::add_missing,
        Write::Shares,
        &mut writes,
    )?;
    plan(
        store,
        backup,
        StoreKey::kept_summaries(),
        now,
        KeptSummaries::add_missing,
        Write::Kept,
        &mut writes,
    )?;

    // The backup's own measures come first: their readings may need new ids.
    let mut renames = Vec::new();
    if let Some((key, raw)) = theirs(StoreKey::diary_settings()) {
        let mine = phone_value(store, &key, now)?;
        let merge = |m: &mut DiarySettings, t: &DiarySettings| renames = m.add_missing(t);
        if let Some(v) = merged(store, &key, mine, from_backup(raw)?, merge)? {
            writes.push(Write::Settings(v));
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
                        writes.push(Write::Month(month, v.clone()));
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
            writes.push(Write::Index(year, index));
        }
    }
    Ok(writes)
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
        if let Err(e) = write.apply(store, now) {
            return Err(roll_back(store, &before, old_copy, e));
        }
    }
    Ok(BackupContents::on_phone(store))
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

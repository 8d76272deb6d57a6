//! Facts about this phone rather than the client's record: when a backup
//! was last made here, and when the client last said "not now" to the
//! reminder. Kept under [`DEVICE_KEY`], outside the `alongside.` prefix on
//! purpose: it is never part of a backup, a restore never brings back an
//! old date, and restoring "replace" never removes it.
//!
//! The record is small versioned JSON: `{"v":1,"first_seen":...,
//! "last_backup":...,"not_now_until":...}`, times in UTC to the
//! millisecond. A record this build cannot read is started afresh: the
//! worst outcome is one reminder too many or too few.

use chrono::{DateTime, Duration, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};

use crate::model::time::parse_utc_millis;

/// Where the record is kept in local storage.
pub const DEVICE_KEY: &str = "alongside-device.backup";
/// The record's version.
pub const DEVICE_VERSION: u32 = 1;
/// How often the reminder comes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rhythm {
    /// A month after the last backup; "Not now" hides it for 2 weeks.
    Monthly,
    /// A week after: while Safari may delete the client's information
    /// after a week without a visit (see `model::install`); "Not now"
    /// hides it for 3 days.
    Weekly,
}

impl Rhythm {
    /// How long after the last backup (or first use) the reminder shows.
    pub fn remind_after(self) -> Duration {
        match self {
            Rhythm::Monthly => Duration::days(30),
            Rhythm::Weekly => Duration::days(7),
        }
    }

    /// How long "Not now" hides it.
    pub fn not_now_for(self) -> Duration {
        match self {
            Rhythm::Monthly => Duration::days(14),
            Rhythm::Weekly => Duration::days(3),
        }
    }
}

/// When this phone last made a backup, and the reminder's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupRecord {
    /// When this phone was first seen with the client's data.
    pub first_seen: DateTime<Utc>,
    /// When a backup was last made on this phone.
    pub last_backup: Option<DateTime<Utc>>,
    /// The reminder stays hidden until then.
    pub not_now_until: Option<DateTime<Utc>>,
    /// When the backup this phone last restored from was made, if it
    /// restored one: the client's information is in that backup too.
    pub restored_from: Option<DateTime<Utc>>,
}

/// What the backup status says: the facts of [`BackupRecord`] in one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackupState {
    /// No backup was ever made or restored on this phone.
    Never,
    /// The last backup made on this phone.
    Made(DateTime<Utc>),
    /// No backup made here since this phone restored one made then.
    Restored(DateTime<Utc>),
}

#[derive(Serialize, Deserialize)]
struct Wire {
    v: u32,
    first_seen: String,
    #[serde(default)]
    last_backup: Option<String>,
    #[serde(default)]
    not_now_until: Option<String>,
    // Added within version 1: older builds ignore it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    restored_from: Option<String>,
}

fn stamp(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

impl BackupRecord {
    /// A fresh record: first seen `now`, no backup yet.
    pub fn new(now: DateTime<Utc>) -> Self {
        BackupRecord {
            first_seen: now,
            last_backup: None,
            not_now_until: None,
            restored_from: None,
        }
    }

    /// Reads the stored text; `None` if it is missing or not readable by
    /// this build.
    pub fn parse(text: &str) -> Option<Self> {
        if text.len() > 1024 {
            return None;
        }
        let wire: Wire = serde_json::from_str(text).ok()?;
        if wire.v != DEVICE_VERSION {
            return None;
        }
        let optional = |t: Option<String>| match t {
            None => Some(None),
            Some(t) => parse_utc_millis(&t).map(Some),
        };
        Some(BackupRecord {
            first_seen: parse_utc_millis(&wire.first_seen)?,
            last_backup: optional(wire.last_backup)?,
            not_now_until: optional(wire.not_now_until)?,
            restored_from: optional(wire.restored_from)?,
        })
    }

    /// The text to store.
    pub fn to_text(&self) -> String {
        let wire = Wire {
            v: DEVICE_VERSION,
            first_seen: stamp(self.first_seen),
            last_backup: self.last_backup.map(stamp),
            not_now_until: self.not_now_until.map(stamp),
            restored_from: self.restored_from.map(stamp),
        };
        serde_json::to_string(&wire).unwrap_or_default()
    }

    /// Notes a backup made at `now`; the reminder goes quiet.
    pub fn backed_up(&mut self, now: DateTime<Utc>) {
        self.last_backup = Some(now);
        self.not_now_until = None;
    }

    /// Notes a restore of a backup made at `made`: the information is in
    /// a backup, so the reminder counts from then.
    pub fn restored(&mut self, made: DateTime<Utc>) {
        self.restored_from = Some(made);
    }

    /// Where backups stand on this phone: the newest of a backup made
    /// here and one restored from.
    pub fn state(&self) -> BackupState {
        match (self.last_backup, self.restored_from) {
            (Some(made), Some(from)) if from > made => BackupState::Restored(from),
            (Some(made), _) => BackupState::Made(made),
            (None, Some(from)) => BackupState::Restored(from),
            (None, None) => BackupState::Never,
        }
    }

    /// Notes "Not now": the reminder is hidden for a while (see
    /// [`Rhythm::not_now_for`]).
    pub fn not_now(&mut self, now: DateTime<Utc>, rhythm: Rhythm) {
        self.not_now_until = Some(now + rhythm.not_now_for());
    }

    /// True when Today should show the reminder: no backup for the
    /// rhythm's time (counted from first use if there has never been
    /// one), and not hidden by "Not now".
    pub fn reminder_due(&self, now: DateTime<Utc>, rhythm: Rhythm) -> bool {
        let since = match self.state() {
            BackupState::Made(at) | BackupState::Restored(at) => at,
            BackupState::Never => self.first_seen,
        };
        let quiet = self.not_now_until.is_some_and(|t| now < t);
        !quiet && now - since >= rhythm.remind_after()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_restore_counts_as_a_backup_and_says_when_it_was_made() {
        let mut r = BackupRecord::new(at("2026-10-01T09:00:00.000Z"));
        assert_eq!(r.state(), BackupState::Never);
        r.restored(at("2026-09-20T09:00:00.000Z"));
        assert_eq!(
            r.state(),
            BackupState::Restored(at("2026-09-20T09:00:00.000Z"))
        );
        // The restored backup's day, not first use, starts the month.
        assert!(r.reminder_due(at("2026-10-21T09:00:00.000Z"), Rhythm::Monthly));
        let again = BackupRecord::parse(&r.to_text()).unwrap();
        assert_eq!(again, r);
        r.backed_up(at("2026-10-22T09:00:00.000Z"));
        assert_eq!(r.state(), BackupState::Made(at("2026-10-22T09:00:00.000Z")));
        // A record written before restores were noted still reads.
        let old = r#"{"v":1,"first_seen":"2026-10-01T09:00:00.000Z","last_backup":null}"#;
        assert_eq!(
            BackupRecord::parse(old).unwrap().state(),
            BackupState::Never
        );
    }

    fn at(text: &str) -> DateTime<Utc> {
        parse_utc_millis(text).unwrap()
    }

    #[test]
    fn the_record_reads_back_and_refuses_other_versions() {
        let mut r = BackupRecord::new(at("2026-10-01T09:00:00.000Z"));
        r.backed_up(at("2026-10-02T09:00:00.000Z"));
        r.not_now(at("2026-11-05T09:00:00.000Z"), Rhythm::Monthly);
        assert_eq!(BackupRecord::parse(&r.to_text()), Some(r.clone()));
        let newer = r.to_text().replace("\"v\":1", "\"v\":2");
        assert_eq!(BackupRecord::parse(&newer), None);
        assert_eq!(BackupRecord::parse("not json"), None);
        assert_eq!(BackupRecord::parse(&"x".repeat(2000)), None);
    }

    #[test]
    fn the_reminder_is_monthly_and_not_now_quietens_it() {
        let m = Rhythm::Monthly;
        let mut r = BackupRecord::new(at("2026-10-01T09:00:00.000Z"));
        assert!(!r.reminder_due(at("2026-10-20T09:00:00.000Z"), m));
        assert!(r.reminder_due(at("2026-10-31T09:00:00.000Z"), m));
        r.not_now(at("2026-10-31T09:00:00.000Z"), m);
        assert!(!r.reminder_due(at("2026-11-13T09:00:00.000Z"), m));
        assert!(r.reminder_due(at("2026-11-14T09:00:00.000Z"), m));
        r.backed_up(at("2026-11-14T10:00:00.000Z"));
        assert!(!r.reminder_due(at("2026-12-13T09:00:00.000Z"), m));
        assert!(r.reminder_due(at("2026-12-14T10:00:00.000Z"), m));
    }

    #[test]
    fn at_risk_the_reminder_is_weekly() {
        let w = Rhythm::Weekly;
        let mut r = BackupRecord::new(at("2026-10-01T09:00:00.000Z"));
        assert!(!r.reminder_due(at("2026-10-07T09:00:00.000Z"), w));
        assert!(r.reminder_due(at("2026-10-08T09:00:00.000Z"), w));
        r.not_now(at("2026-10-08T09:00:00.000Z"), w);
        assert!(!r.reminder_due(at("2026-10-10T09:00:00.000Z"), w));
        assert!(r.reminder_due(at("2026-10-11T09:00:00.000Z"), w));
        r.backed_up(at("2026-10-11T10:00:00.000Z"));
        assert!(!r.reminder_due(at("2026-10-17T09:00:00.000Z"), w));
        assert!(r.reminder_due(at("2026-10-18T10:00:00.000Z"), w));
    }
}

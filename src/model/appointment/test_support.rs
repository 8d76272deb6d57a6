//! Helpers shared by the appointments' tests.

use chrono::{DateTime, NaiveDate, Utc};

use super::ApptDraft;

pub(super) fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

pub(super) fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

pub(super) fn draft(date: &str, time: &str) -> ApptDraft {
    ApptDraft {
        date: date.into(),
        time: time.into(),
        with: "Dr Patel".into(),
        ..ApptDraft::default()
    }
}

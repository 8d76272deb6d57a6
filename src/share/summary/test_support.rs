//! Helpers shared by the summary's tests.

use chrono::{DateTime, NaiveDate, Utc};

pub(super) fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).unwrap()
}

pub(super) fn now() -> DateTime<Utc> {
    "2026-11-21T10:00:00Z".parse().unwrap()
}

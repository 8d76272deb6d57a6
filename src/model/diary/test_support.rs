//! Helpers shared by the diary's tests.

use chrono::NaiveDate;

pub(super) fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

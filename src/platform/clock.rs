//! The current time, from the browser.

use chrono::{DateTime, NaiveDate, Utc};

use crate::model::time::london_today;

/// Now, in UTC, from the browser's clock.
pub fn now() -> DateTime<Utc> {
    let ms = js_sys::Date::now() as i64;
    DateTime::from_timestamp_millis(ms).unwrap_or_default()
}

/// Today's date in the UK, whatever time zone the phone is set to.
pub fn today() -> NaiveDate {
    london_today(now())
}

//! The current time, from the browser.

use chrono::{DateTime, Utc};

/// Now, in UTC, from the browser's clock.
pub fn now() -> DateTime<Utc> {
    let ms = js_sys::Date::now() as i64;
    DateTime::from_timestamp_millis(ms).unwrap_or_default()
}

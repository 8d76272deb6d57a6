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

/// Calls `on_tick` every minute and whenever the page comes back into
/// view (a phone may keep the app open for days, and timers sleep while
/// it is hidden), so pages can notice that the UK date has changed.
pub fn every_minute(on_tick: impl Fn() + 'static) {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return;
    };
    let tick = Closure::<dyn Fn()>::new(on_tick);
    let f: &js_sys::Function = tick.as_ref().unchecked_ref();
    let _ = window.set_interval_with_callback_and_timeout_and_arguments_0(f, 60_000);
    if let Some(document) = window.document() {
        let _ = document.add_event_listener_with_callback("visibilitychange", f);
    }
    // Runs for the life of the page.
    tick.forget();
}

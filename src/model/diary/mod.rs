//! The condition diary: measures chosen from the client's conditions (or
//! made by the client), day entries with readings, and the per-month
//! summaries that keep trends fast after ten years.
//!
//! Numbers are kept as whole numbers scaled by their decimal places
//! (5.6 mmol/L is stored as 56): exact, and no floating-point formatting
//! code in the app.
//!
//! One idea a file: the measures (`measure`), the client's choices and
//! own measures (`settings`), how each kind of value is shown (`show`),
//! day entries (`entry`), months (`month`),
//! their summaries and the index (`summary`), trends (`trend`), the day
//! form (`draft`) and example data (`examples`).
//! Everything is re-exported here, so paths such as
//! `crate::model::diary::Measure` stay as they were.

mod draft;
mod entry;
mod examples;
mod measure;
mod month;
mod settings;
mod show;
mod summary;
#[cfg(test)]
mod test_support;
mod trend;

pub use draft::{DayDraft, DayField, ReadingDraft};
pub use entry::{DayEntry, Reading, DAY_READINGS_MAX, NOTE_MAX, READINGS_MAX};
pub use examples::example_entries;
pub use measure::{builtin, format_scaled, parse_scaled, suggested_for, Kind, Measure, MOODS};
pub use month::{DiaryMonth, Month};
pub use settings::{DiarySettings, MeasureDraft, MeasureField, OwnKind, NAME_MAX};
pub use show::{later, mood_word, unit_places, Figures, LastRecorded, Shown};
pub use summary::{combine, summarise, DiaryIndex, MonthSummary, Summary};
pub use trend::{daily_trend, last_recorded, monthly_trend, months_for, Point, Trend};

// The time-of-day helpers live in `crate::model::time`; re-exported here
// so older paths keep working.
pub use crate::model::time::{format_time, parse_time, time_box};

//! The summary a client shares with their link worker: what it holds, how
//! it is built from the client's record, and the checks a received one must
//! pass before it is shown.
//!
//! The summary travels inside a link, so it is compact: short field names,
//! and dates as whole days after the start of the period (negative for
//! earlier days, such as the wellbeing starting point). The format is
//! documented in `docs/share-format.md`.
//!
//! One idea a file: the limits a summary keeps to (`limits`), what it holds
//! (`types`), the period chosen (`period`), building it from the client's
//! record (`build`), checking a received one (`check`), "What has changed"
//! (`changes`, which also says which way a trend went), what changed since
//! an earlier summary (`since`), appointments grouped for reading
//! (`agenda`), values in words (`values`), a measure's chart (`chart`)
//! and a typical sample (`sample`).
//! Everything is re-exported here, so paths such as
//! `crate::share::summary::Summary` stay as they were.

mod agenda;
mod build;
mod changes;
mod chart;
mod check;
mod limits;
mod past;
mod period;
mod sample;
mod since;
#[cfg(test)]
mod test_support;
mod types;
mod values;
mod weekly;

pub use agenda::Upcoming;
pub use build::{Choice, Sources};
pub use changes::{Changes, Line};
pub use limits::{
    APPOINTMENTS_AHEAD_DAYS, APPOINTMENTS_MAX, MAX_ITEMS, MAX_PERIOD_DAYS, MAX_READINGS, MAX_TEXT,
    MAX_VALUE,
};
pub use past::PastGroup;
pub use period::{record_start, Period, PeriodEnd};
pub use sample::typical;
pub use types::{
    Better, SharedAppointment, SharedGoal, SharedKind, SharedMeasure, SharedPast, SharedStatus,
    SharedWellbeing, Summary,
};
pub use weekly::WeekRow;

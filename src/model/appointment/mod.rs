//! Appointments: GP, nurse, hospital, link worker sessions and the social
//! prescription itself, with weekly repeats, reminders, the questions to
//! ask, and notes afterwards.
//!
//! Times are UK wall-clock times (minutes after midnight on a date), so a
//! weekly 10:30am group stays at 10:30am across the clock changes; they
//! become moments (UTC) only for reminders and calendar files.
//!
//! One idea a file: the kinds (`kind`), reminders (`reminder`), an
//! appointment with its repeats, occurrences and changes (`series`), the
//! form and its checks (`form`), the book of every appointment and its
//! queries (`book`), and the groups of the upcoming list (`when`).
//! Everything is re-exported here, so paths such as
//! `crate::model::appointment::ApptBook` stay as they were.

mod book;
mod form;
mod kind;
mod reminder;
mod series;
#[cfg(test)]
mod test_support;
mod when;

pub use book::{ApptBook, NextUp};
pub use form::{twice_note, ApptDraft, ApptField, LONG_MAX, SHORT_MAX};
pub use kind::ApptKind;
pub use reminder::Reminder;
pub use series::{Appointment, Change, Occurrence, Repeat, Went, MAX_OCCURRENCES};
pub use when::When;

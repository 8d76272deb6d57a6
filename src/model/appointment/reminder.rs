//! Reminders: when to be reminded of an appointment, and the moment that
//! is.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::model::time::{format_time, from_london};

/// When to be reminded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reminder {
    /// The day before, at this time (minutes after midnight).
    DayBefore(u16),
    /// This many minutes before the start.
    Before(u16),
}

impl Reminder {
    /// The choices offered on the form.
    pub const CHOICES: [Reminder; 4] = [
        Reminder::DayBefore(18 * 60),
        Reminder::Before(60),
        Reminder::Before(120),
        Reminder::Before(24 * 60),
    ];

    /// The words for it.
    pub fn label(self) -> String {
        match self {
            Reminder::DayBefore(t) => format!("The day before at {}", format_time(t)),
            Reminder::Before(60) => "1 hour before".into(),
            Reminder::Before(m) if m % (24 * 60) == 0 => format!(
                "{} day{} before",
                m / 1440,
                if m == 1440 { "" } else { "s" }
            ),
            Reminder::Before(m) if m % 60 == 0 => format!("{} hours before", m / 60),
            Reminder::Before(m) => format!("{m} minutes before"),
        }
    }

    /// A stable code, for form values.
    pub fn code(self) -> String {
        match self {
            Reminder::DayBefore(t) => format!("day-before-{t}"),
            Reminder::Before(m) => format!("before-{m}"),
        }
    }

    /// The moment of the reminder for an appointment starting at `start`
    /// (its UK date and time).
    pub fn moment(self, date: NaiveDate, start: DateTime<Utc>) -> Option<DateTime<Utc>> {
        match self {
            Reminder::DayBefore(t) => from_london(date - Duration::days(1), t).first(),
            Reminder::Before(m) => Some(start - Duration::minutes(i64::from(m))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{draft, utc};
    use super::super::{ApptBook, ApptDraft};
    use super::*;

    #[test]
    fn reminders_come_at_the_right_moments() {
        let mut book = ApptBook::default();
        let d = ApptDraft {
            reminders: vec![Reminder::DayBefore(18 * 60), Reminder::Before(60)],
            ..draft("2026-03-30", "10:30")
        };
        book.add(&d).unwrap();
        let o = book.all()[0].clone();
        // The day before is still GMT; the appointment is in BST.
        assert_eq!(
            Reminder::DayBefore(1080).moment(o.date, o.start()),
            Some(utc("2026-03-29T17:00:00Z"))
        );
        assert_eq!(
            Reminder::Before(60).moment(o.date, o.start()),
            Some(utc("2026-03-30T08:30:00Z"))
        );
        assert!(book.due_reminders(utc("2026-03-29T16:59:00Z")).is_empty());
        assert_eq!(
            book.due_reminders(utc("2026-03-29T17:00:00Z"))[0].1,
            Reminder::DayBefore(1080)
        );
        assert_eq!(
            book.due_reminders(utc("2026-03-30T08:45:00Z"))[0].1,
            Reminder::Before(60)
        );
        assert!(
            book.due_reminders(utc("2026-03-30T09:30:00Z")).is_empty(),
            "started"
        );
        assert_eq!(
            Reminder::DayBefore(1080).label(),
            "The day before at 6:00pm"
        );
        assert_eq!(Reminder::Before(1440).label(), "1 day before");
    }
}

//! The appointment form: its fields, as typed, and the checks that make
//! an appointment of it.

use chrono::NaiveDate;

use super::kind::ApptKind;
use super::reminder::Reminder;
use super::series::{Appointment, Change, Repeat, MAX_OCCURRENCES};
use crate::model::text::{clean, too_long, FieldError};
use crate::model::time::{
    format_day, format_time, from_london, parse_iso_day, parse_time, LocalTime,
};

/// Longest "who with" or "where", in characters.
pub const SHORT_MAX: usize = 200;
/// Longest "what to bring", question list or notes, in characters.
pub const LONG_MAX: usize = 2000;

/// The fields of the appointment form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApptField {
    /// Who with.
    With,
    /// The date.
    Date,
    /// The start time.
    Time,
    /// How long.
    Minutes,
    /// Where.
    Place,
    /// What to bring.
    Bring,
    /// Questions.
    Questions,
    /// Repeat's last date.
    Until,
    /// Notes afterwards.
    Notes,
}

/// Checks a typed date and time: both given, real, and a time that exists
/// on that day in the UK.
pub(super) fn check_when(
    date: &str,
    time: &str,
) -> Result<(NaiveDate, u16), Vec<FieldError<ApptField>>> {
    let mut errors = Vec::new();
    let day = if date.trim().is_empty() {
        errors.push(FieldError::new(
            ApptField::Date,
            "Enter the date of the appointment",
        ));
        None
    } else {
        let d = parse_iso_day(date);
        if d.is_none() {
            errors.push(FieldError::new(
                ApptField::Date,
                "The date must be a real date",
            ));
        }
        d
    };
    let t = if time.trim().is_empty() {
        errors.push(FieldError::new(
            ApptField::Time,
            "Enter the time the appointment starts",
        ));
        None
    } else {
        let t = parse_time(time);
        if t.is_none() {
            errors.push(FieldError::new(
                ApptField::Time,
                "Enter a real time, like 10:30am",
            ));
        }
        t
    };
    if let (Some(d), Some(t)) = (day, t) {
        if from_london(d, t) == LocalTime::Missing {
            errors.push(FieldError::new(
                ApptField::Time,
                format!(
                    "{} does not happen on {}: the clocks go forward from 1am to 2am. Choose a time before 1am or from 2am",
                    format_time(t),
                    format_day(d, d)
                ),
            ));
        }
    }
    match (day, t) {
        (Some(d), Some(t)) if errors.is_empty() => Ok((d, t)),
        _ => Err(errors),
    }
}

/// A note for a time in the hour that happens twice when the clocks go
/// back, saying which one the app uses.
pub fn twice_note(date: NaiveDate, time: u16) -> Option<String> {
    matches!(from_london(date, time), LocalTime::Twice(..)).then(|| {
        format!(
            "The clocks go back at 2am that night, so {} happens twice. Alongside uses the first one (British Summer Time).",
            format_time(time)
        )
    })
}

/// The appointment form, as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApptDraft {
    /// What kind.
    pub kind: ApptKind,
    /// Who with, or the group's name.
    pub with: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// `HH:MM`.
    pub time: String,
    /// How long, in minutes, as chosen.
    pub minutes: String,
    /// Where.
    pub place: String,
    /// What to bring.
    pub bring: String,
    /// Questions, one a line.
    pub questions: String,
    /// Repeat every this many weeks; "" or "0" for no repeat.
    pub every_weeks: String,
    /// The last date of the repeats, `YYYY-MM-DD`.
    pub until: String,
    /// Reminders chosen.
    pub reminders: Vec<Reminder>,
}

impl Default for ApptDraft {
    fn default() -> Self {
        ApptDraft {
            kind: ApptKind::Gp,
            with: String::new(),
            date: String::new(),
            time: String::new(),
            minutes: "30".into(),
            place: String::new(),
            bring: String::new(),
            questions: String::new(),
            every_weeks: String::new(),
            until: String::new(),
            reminders: vec![Reminder::DayBefore(18 * 60), Reminder::Before(60)],
        }
    }
}

impl ApptDraft {
    /// The form filled in from an appointment, to change the whole series.
    pub fn from_appointment(a: &Appointment) -> ApptDraft {
        ApptDraft {
            kind: a.kind,
            with: a.with.clone().unwrap_or_default(),
            date: crate::model::time::iso_day(a.date),
            time: crate::model::time::time_box(a.time),
            minutes: a.minutes.to_string(),
            place: a.place.clone().unwrap_or_default(),
            bring: a.bring.clone().unwrap_or_default(),
            questions: a.questions.join("\n"),
            every_weeks: a.repeat.map(|r| r.weeks.to_string()).unwrap_or_default(),
            until: a
                .repeat
                .map(|r| crate::model::time::iso_day(r.until))
                .unwrap_or_default(),
            reminders: a.reminders.clone(),
        }
    }

    /// Checks the whole form and makes the appointment `id` (keeping the
    /// notes and changes of `before`, when editing). Nothing is made half-way.
    pub fn validate(
        &self,
        id: u32,
        before: Option<&Appointment>,
    ) -> Result<Appointment, Vec<FieldError<ApptField>>> {
        let mut errors = Vec::new();
        let when = check_when(&self.date, &self.time);
        if let Err(e) = &when {
            errors.extend(e.iter().cloned());
        }
        let minutes: u16 = match self.minutes.trim().parse() {
            Ok(m) if (5..=720).contains(&m) => m,
            _ => {
                errors.push(FieldError::new(
                    ApptField::Minutes,
                    "Choose how long it lasts",
                ));
                0
            }
        };
        errors.extend(too_long(
            ApptField::With,
            &self.with,
            SHORT_MAX,
            "Who it is with",
        ));
        errors.extend(too_long(
            ApptField::Place,
            &self.place,
            SHORT_MAX,
            "Where it is",
        ));
        errors.extend(too_long(
            ApptField::Bring,
            &self.bring,
            LONG_MAX,
            "What to bring",
        ));
        errors.extend(too_long(
            ApptField::Questions,
            &self.questions,
            LONG_MAX,
            "Your questions",
        ));
        let weeks: u8 = self.every_weeks.trim().parse().unwrap_or(0);
        let repeat = if weeks == 0 {
            None
        } else {
            match (parse_iso_day(&self.until), &when) {
                (None, _) => {
                    errors.push(FieldError::new(
                        ApptField::Until,
                        "Enter the date of the last one, so the repeats do not go on for ever",
                    ));
                    None
                }
                (Some(until), Ok((first, _))) if until < *first => {
                    errors.push(FieldError::new(
                        ApptField::Until,
                        "The last one must be on or after the first one",
                    ));
                    None
                }
                (Some(until), Ok((first, _))) => {
                    let count = (until - *first).num_weeks() / i64::from(weeks) + 1;
                    if count > MAX_OCCURRENCES as i64 {
                        errors.push(FieldError::new(
                            ApptField::Until,
                            format!("That would be {count} appointments. A repeat can have up to {MAX_OCCURRENCES}: choose an earlier last date"),
                        ));
                    }
                    Some(Repeat { weeks, until })
                }
                (Some(until), Err(_)) => Some(Repeat { weeks, until }),
            }
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        let (date, time) = when?;
        let mut reminders = self.reminders.clone();
        reminders.dedup();
        Ok(Appointment {
            id,
            kind: self.kind,
            with: clean(&self.with),
            date,
            time,
            minutes,
            place: clean(&self.place),
            bring: clean(&self.bring),
            questions: self.questions.lines().filter_map(clean).collect(),
            repeat,
            reminders,
            cancelled: before.is_some_and(|b| b.cancelled),
            // When the first date moves, each change (a moved or cancelled
            // session, notes afterwards) moves with its session. Changes
            // are never dropped, even ones a new rhythm no longer meets.
            changes: before
                .map(|b| {
                    let shift = date - b.date;
                    b.changes
                        .iter()
                        .map(|c| Change {
                            due: c.due + shift,
                            ..c.clone()
                        })
                        .collect()
                })
                .unwrap_or_default(),
            sequence: before.map_or(0, |b| b.sequence + 1),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{day, draft, utc};
    use super::*;

    #[test]
    fn bad_forms_are_refused_with_every_reason() {
        let bad = ApptDraft {
            date: "".into(),
            time: "".into(),
            minutes: "0".into(),
            with: "x".repeat(201),
            ..ApptDraft::default()
        };
        let fields: Vec<_> = bad
            .validate(1, None)
            .unwrap_err()
            .iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            vec![
                ApptField::Date,
                ApptField::Time,
                ApptField::Minutes,
                ApptField::With
            ]
        );
        let endless = ApptDraft {
            every_weeks: "1".into(),
            ..draft("2026-11-24", "10:00")
        };
        assert_eq!(
            endless.validate(1, None).unwrap_err()[0].message,
            "Enter the date of the last one, so the repeats do not go on for ever"
        );
        let thousands = ApptDraft {
            every_weeks: "1".into(),
            until: "2046-11-24".into(),
            ..draft("2026-11-24", "10:00")
        };
        assert_eq!(
            thousands.validate(1, None).unwrap_err()[0].message,
            "That would be 1044 appointments. A repeat can have up to 104: choose an earlier last date"
        );
        let backwards = ApptDraft {
            every_weeks: "1".into(),
            until: "2026-11-01".into(),
            ..draft("2026-11-24", "10:00")
        };
        assert_eq!(
            backwards.validate(1, None).unwrap_err()[0].field,
            ApptField::Until
        );
    }

    #[test]
    fn times_at_the_clock_change_are_refused_or_explained() {
        let missing = draft("2027-03-28", "01:30");
        assert_eq!(
            missing.validate(1, None).unwrap_err()[0].message,
            "1:30am does not happen on Sun 28 March: the clocks go forward from 1am to 2am. Choose a time before 1am or from 2am"
        );
        let twice = draft("2026-10-25", "01:30");
        let a = twice.validate(1, None).unwrap();
        assert_eq!(a.occurrences()[0].start(), utc("2026-10-25T00:30:00Z"));
        assert!(twice_note(a.date, a.time)
            .unwrap()
            .contains("1:30am happens twice"));
        assert_eq!(twice_note(day(10, 26), 90), None);
    }
}

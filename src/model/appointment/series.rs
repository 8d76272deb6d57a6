//! An appointment, single or repeating: its repeats, its occurrences, and
//! changes to one occurrence (moved, cancelled, notes afterwards).

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::form::{check_when, ApptField, LONG_MAX};
use super::kind::ApptKind;
use super::reminder::Reminder;
use crate::model::text::{clean, too_long, FieldError};
use crate::model::time::{format_day, format_time, from_london, iso, iso_opt};

/// Most occurrences a repeating appointment may have (two years weekly).
pub const MAX_OCCURRENCES: usize = 104;

/// How an appointment repeats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Repeat {
    /// Every this many weeks (1 is weekly).
    pub weeks: u8,
    /// The last day it may fall on.
    #[serde(with = "iso")]
    pub until: NaiveDate,
}

/// A change to one occurrence of a repeating appointment (or notes on a
/// single one), keyed by the date it was first due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// The date the occurrence was due before any change.
    #[serde(with = "iso")]
    pub due: NaiveDate,
    /// Moved to this date, if moved.
    #[serde(default, with = "iso_opt", skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// Moved to this time, if moved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<u16>,
    /// This one is cancelled.
    #[serde(default)]
    pub cancelled: bool,
    /// What was said, written afterwards.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// "How did it go?" has been asked on Today.
    #[serde(default)]
    pub asked: bool,
    /// Whether it went ahead, as the client recorded afterwards: `None`
    /// until they say (schema 2; absent before).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub went: Option<Went>,
}

/// What the client recorded about an appointment once it was due: never
/// assumed, so an appointment nobody recorded is "not recorded".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Went {
    /// It went ahead.
    Ahead,
    /// It did not happen: the client did not go, or it did not take place.
    NotAhead,
}

impl Went {
    /// The words shown beside the appointment.
    pub fn label(self) -> &'static str {
        match self {
            Went::Ahead => "Went ahead",
            Went::NotAhead => "Did not go ahead",
        }
    }
}

/// An appointment, single or repeating.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Appointment {
    /// Stable id; never reused.
    pub id: u32,
    /// What kind.
    pub kind: ApptKind,
    /// Who with, or the group's name.
    pub with: Option<String>,
    /// The (first) date.
    #[serde(with = "iso")]
    pub date: NaiveDate,
    /// Start, minutes after midnight, UK time.
    pub time: u16,
    /// How long, in minutes.
    pub minutes: u16,
    /// Where.
    pub place: Option<String>,
    /// What to bring.
    pub bring: Option<String>,
    /// Questions to ask, one each.
    pub questions: Vec<String>,
    /// How it repeats, if it does.
    pub repeat: Option<Repeat>,
    /// When to be reminded.
    pub reminders: Vec<Reminder>,
    /// The whole appointment (every occurrence) is cancelled.
    pub cancelled: bool,
    /// Changes to single occurrences, and notes afterwards.
    pub changes: Vec<Change>,
    /// Counts edits, so a calendar re-imports the newest version.
    pub sequence: u32,
}

/// One occurrence of an appointment, as shown in lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    /// The appointment's id.
    pub id: u32,
    /// The date it was first due (identifies it within the series).
    pub due: NaiveDate,
    /// Its date (moved or not).
    pub date: NaiveDate,
    /// Its start, minutes after midnight UK time.
    pub time: u16,
    /// Cancelled, on its own or with the series.
    pub cancelled: bool,
    /// Notes afterwards.
    pub notes: Option<String>,
    /// "How did it go?" was asked.
    pub asked: bool,
    /// Whether it went ahead, if the client said.
    pub went: Option<Went>,
}

impl Occurrence {
    /// Its start as a moment (the first, if the time happens twice).
    pub fn start(&self) -> DateTime<Utc> {
        from_london(self.date, self.time)
            .first()
            .unwrap_or_else(|| {
                self.date.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc()
                    + Duration::minutes(i64::from(self.time))
            })
    }

    /// "Tue 3 March, 10:30am".
    pub fn when(&self, today: NaiveDate) -> String {
        format!(
            "{}, {}",
            format_day(self.date, today),
            format_time(self.time)
        )
    }
}

impl Appointment {
    /// What to call it: "GP: Dr Patel", or the group's name.
    pub fn title(&self) -> String {
        match (&self.with, self.kind) {
            (Some(w), ApptKind::Group | ApptKind::Other) => w.clone(),
            (Some(w), kind) => format!("{}: {w}", kind.label()),
            (None, kind) => kind.label().into(),
        }
    }

    /// The dates it is due on, before any change: one, or the series.
    pub fn due_dates(&self) -> Vec<NaiveDate> {
        match self.repeat {
            None => vec![self.date],
            Some(r) => {
                let step = Duration::weeks(i64::from(r.weeks.max(1)));
                let mut out = Vec::new();
                let mut d = self.date;
                while d <= r.until && out.len() < MAX_OCCURRENCES {
                    out.push(d);
                    d += step;
                }
                out
            }
        }
    }

    /// Every occurrence, with changes applied, in date order.
    pub fn occurrences(&self) -> Vec<Occurrence> {
        let mut out: Vec<Occurrence> = self
            .due_dates()
            .into_iter()
            .map(|due| {
                let change = self.changes.iter().find(|c| c.due == due);
                Occurrence {
                    id: self.id,
                    due,
                    date: change.and_then(|c| c.date).unwrap_or(due),
                    time: change.and_then(|c| c.time).unwrap_or(self.time),
                    cancelled: self.cancelled || change.is_some_and(|c| c.cancelled),
                    notes: change.and_then(|c| c.notes.clone()),
                    asked: change.is_some_and(|c| c.asked),
                    went: change.and_then(|c| c.went),
                }
            })
            .collect();
        out.sort_by_key(|o| (o.date, o.time));
        out
    }

    /// The occurrence first due on `due`.
    pub fn occurrence(&self, due: NaiveDate) -> Option<Occurrence> {
        self.occurrences().into_iter().find(|o| o.due == due)
    }

    fn change_mut(&mut self, due: NaiveDate) -> &mut Change {
        if let Some(i) = self.changes.iter().position(|c| c.due == due) {
            return &mut self.changes[i];
        }
        self.changes.push(Change {
            due,
            date: None,
            time: None,
            cancelled: false,
            notes: None,
            asked: false,
            went: None,
        });
        let last = self.changes.len() - 1;
        &mut self.changes[last]
    }

    /// Cancels (or restores) one occurrence.
    pub fn cancel_one(&mut self, due: NaiveDate, cancelled: bool) {
        self.change_mut(due).cancelled = cancelled;
        self.sequence += 1;
    }

    /// Moves one occurrence to another date and time, as typed.
    pub fn move_one(
        &mut self,
        due: NaiveDate,
        date: &str,
        time: &str,
    ) -> Result<(), Vec<FieldError<ApptField>>> {
        let (date, time) = check_when(date, time)?;
        let change = self.change_mut(due);
        change.date = Some(date);
        change.time = Some(time);
        self.sequence += 1;
        Ok(())
    }

    /// Keeps notes written after one occurrence.
    pub fn set_notes(&mut self, due: NaiveDate, notes: &str) -> Result<(), FieldError<ApptField>> {
        if let Some(e) = too_long(ApptField::Notes, notes, LONG_MAX, "Your notes") {
            return Err(e);
        }
        let change = self.change_mut(due);
        change.notes = clean(notes);
        change.asked = true;
        Ok(())
    }

    /// Records that Today asked "How did it go?" about one occurrence.
    pub fn mark_asked(&mut self, due: NaiveDate) {
        self.change_mut(due).asked = true;
    }

    /// Records whether one occurrence went ahead (`None` takes the answer
    /// back). Answering counts as being asked about it.
    pub fn set_went(&mut self, due: NaiveDate, went: Option<Went>) {
        let change = self.change_mut(due);
        change.went = went;
        change.asked = true;
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{day, draft, utc};
    use super::super::{ApptBook, ApptDraft};
    use super::*;

    #[test]
    fn a_weekly_group_keeps_its_local_time_across_the_clock_change() {
        let mut book = ApptBook::default();
        let d = ApptDraft {
            kind: ApptKind::Group,
            with: "Tuesday walking group".into(),
            every_weeks: "1".into(),
            until: "2026-11-10".into(),
            ..draft("2026-10-20", "10:30")
        };
        let id = book.add(&d).unwrap();
        let a = book.get(id).unwrap();
        assert_eq!(a.title(), "Tuesday walking group");
        let starts: Vec<_> = a.occurrences().iter().map(Occurrence::start).collect();
        assert_eq!(
            starts,
            vec![
                utc("2026-10-20T09:30:00Z"),
                utc("2026-10-27T10:30:00Z"),
                utc("2026-11-03T10:30:00Z"),
                utc("2026-11-10T10:30:00Z"),
            ]
        );
    }

    #[test]
    fn one_occurrence_can_be_moved_cancelled_and_noted() {
        let mut book = ApptBook::default();
        let d = ApptDraft {
            every_weeks: "2".into(),
            until: "2026-12-31".into(),
            ..draft("2026-11-24", "10:00")
        };
        let id = book.add(&d).unwrap();
        let a = book.get_mut(id).unwrap();
        assert_eq!(a.due_dates().len(), 3);
        a.move_one(day(12, 8), "2026-12-09", "14:15").unwrap();
        a.cancel_one(day(12, 22), true);
        a.set_notes(day(11, 24), "  Bloods next time  ").unwrap();
        let occ = a.occurrences();
        assert_eq!(
            (occ[1].date, occ[1].time, occ[1].due),
            (day(12, 9), 855, day(12, 8))
        );
        assert!(occ[2].cancelled && !occ[0].cancelled);
        assert_eq!(occ[0].notes.as_deref(), Some("Bloods next time"));
        assert_eq!(a.sequence, 2);
        // Changing the whole series keeps the single changes and notes.
        let mut all = ApptDraft::from_appointment(book.get(id).unwrap());
        all.time = "09:00".into();
        book.edit(id, &all).unwrap();
        let a = book.get(id).unwrap();
        assert_eq!(a.occurrences()[0].time, 540);
        assert_eq!(a.occurrences()[1].time, 855, "a moved one stays moved");
        assert_eq!(a.sequence, 3);
        // Moving the whole series a day later takes its changes along.
        let mut later = ApptDraft::from_appointment(book.get(id).unwrap());
        later.date = "2026-11-25".into();
        book.edit(id, &later).unwrap();
        let occ = book.get(id).unwrap().occurrences();
        assert_eq!(occ[0].notes.as_deref(), Some("Bloods next time"));
        assert!(occ[2].cancelled);
        assert_eq!(occ[2].due, day(12, 23));
    }
}

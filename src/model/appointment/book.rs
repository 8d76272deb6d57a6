//! The book of every appointment: adding and changing them, the queries
//! (upcoming, past, the next of each, reminders due, what to ask about),
//! merging a backup and checking what was stored.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use super::form::{ApptDraft, ApptField};
use super::reminder::Reminder;
use super::series::{Appointment, Occurrence};
use super::when::When;
use crate::model::text::FieldError;

/// Every appointment: what is stored under one key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApptBook {
    /// The appointments, in the order they were added.
    pub appointments: Vec<Appointment>,
    /// The id the next one gets.
    pub next_id: u32,
}

impl Default for ApptBook {
    fn default() -> Self {
        ApptBook {
            appointments: Vec::new(),
            next_id: 1,
        }
    }
}

/// The next appointments, as Today shows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextUp {
    /// The next occurrence of each appointment, soonest first.
    pub shown: Vec<Occurrence>,
    /// How many more appointments have one coming up.
    pub more: usize,
}

impl ApptBook {
    /// Adds an appointment from a form, returning its id.
    pub fn add(&mut self, draft: &ApptDraft) -> Result<u32, Vec<FieldError<ApptField>>> {
        let id = self.next_id.max(1);
        let a = draft.validate(id, None)?;
        self.next_id = id.saturating_add(1);
        self.appointments.push(a);
        Ok(id)
    }

    /// Changes a whole appointment (every occurrence) from a form.
    pub fn edit(&mut self, id: u32, draft: &ApptDraft) -> Result<(), Vec<FieldError<ApptField>>> {
        let Some(i) = self.appointments.iter().position(|a| a.id == id) else {
            return Ok(());
        };
        let a = draft.validate(id, Some(&self.appointments[i]))?;
        self.appointments[i] = a;
        Ok(())
    }

    /// The appointment with `id`.
    pub fn get(&self, id: u32) -> Option<&Appointment> {
        self.appointments.iter().find(|a| a.id == id)
    }

    /// The appointment with `id`, to change it.
    pub fn get_mut(&mut self, id: u32) -> Option<&mut Appointment> {
        self.appointments.iter_mut().find(|a| a.id == id)
    }

    /// Every occurrence of every appointment, in time order.
    pub fn all(&self) -> Vec<Occurrence> {
        let mut out: Vec<Occurrence> = self
            .appointments
            .iter()
            .flat_map(Appointment::occurrences)
            .collect();
        out.sort_by_key(|o| (o.date, o.time, o.id));
        out
    }

    /// Occurrences still to come at `now`, grouped; cancelled ones are
    /// included (shown as cancelled).
    pub fn upcoming(&self, now: DateTime<Utc>) -> Vec<(When, Occurrence)> {
        let today = crate::model::time::london_today(now);
        self.all()
            .into_iter()
            .filter(|o| o.start() >= now)
            .map(|o| (When::of(o.date, today), o))
            .collect()
    }

    /// What Today shows: the next occurrence of each appointment still to
    /// come (cancelled ones left out), soonest first, at most `max`; and
    /// how many other appointments have one coming up too. A weekly group
    /// is shown once, so it never hides a GP visit.
    pub fn next_of_each(&self, now: DateTime<Utc>, max: usize) -> NextUp {
        let mut firsts: Vec<Occurrence> = Vec::new();
        for (_, o) in self.upcoming(now) {
            if !o.cancelled && !firsts.iter().any(|f| f.id == o.id) {
                firsts.push(o);
            }
        }
        let more = firsts.len().saturating_sub(max);
        firsts.truncate(max);
        NextUp {
            shown: firsts,
            more,
        }
    }

    /// Occurrences that have started by `now`, newest first.
    pub fn past(&self, now: DateTime<Utc>) -> Vec<Occurrence> {
        let mut out: Vec<Occurrence> = self.all().into_iter().filter(|o| o.start() < now).collect();
        out.reverse();
        out
    }

    /// Reminders due at `now`: the reminder time has come and the
    /// occurrence has not started. Cancelled ones never remind.
    pub fn due_reminders(&self, now: DateTime<Utc>) -> Vec<(Occurrence, Reminder)> {
        let mut out = Vec::new();
        for a in &self.appointments {
            for o in a.occurrences() {
                let start = o.start();
                if o.cancelled || start <= now {
                    continue;
                }
                // Only the latest reminder that has come matters.
                let latest = a
                    .reminders
                    .iter()
                    .filter_map(|r| Some((r.moment(o.date, start)?, *r)))
                    .filter(|(t, _)| *t <= now)
                    .max_by_key(|(t, _)| *t);
                if let Some((_, r)) = latest {
                    out.push((o.clone(), r));
                }
            }
        }
        out.sort_by_key(|(o, _)| o.start());
        out
    }

    /// The occurrence Today should ask "How did it go?" about: the latest
    /// one that ended in the last week, was not cancelled, has no notes and
    /// has not been asked about.
    pub fn to_ask(&self, now: DateTime<Utc>) -> Option<Occurrence> {
        self.appointments
            .iter()
            .flat_map(|a| a.occurrences().into_iter().map(move |o| (a.minutes, o)))
            .filter(|(minutes, o)| {
                let end = o.start() + Duration::minutes(i64::from(*minutes));
                !o.cancelled
                    && !o.asked
                    && o.notes.is_none()
                    && end <= now
                    && now - end < Duration::days(7)
            })
            .map(|(_, o)| o)
            .max_by_key(Occurrence::start)
    }

    /// Adds the appointments of `other` (a backup) that this book does not
    /// have. Two appointments are the same if their id, kind, who they are
    /// with and first date all match; then this book's is kept as it is.
    /// One whose id is taken by a different appointment is added with a
    /// fresh id. Merging the same backup again changes nothing.
    pub fn add_missing(&mut self, other: &ApptBook) {
        crate::model::merge::add_missing(
            &mut self.appointments,
            &mut self.next_id,
            &other.appointments,
            other.next_id,
            |a| a.id,
            |a, id| a.id = id,
            |a, b| a.kind == b.kind && a.with == b.with && a.date == b.date,
        );
    }

    /// Checks what was read from storage.
    pub fn check(&self) -> Result<(), String> {
        let mut ids = Vec::new();
        for a in &self.appointments {
            if a.id == 0 || a.id >= self.next_id || ids.contains(&a.id) {
                return Err("the appointments are numbered wrongly".into());
            }
            ids.push(a.id);
            let bad_change = a
                .changes
                .iter()
                .any(|c| c.time.is_some_and(|t| t >= 24 * 60));
            if a.time >= 24 * 60
                || a.minutes > 720
                || bad_change
                || a.repeat.is_some_and(|r| r.weeks == 0)
            {
                return Err("an appointment has an impossible time or repeat".into());
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{day, draft, utc};
    use super::super::ApptKind;
    use super::*;

    #[test]
    fn today_shows_the_next_of_each_appointment() {
        let mut book = ApptBook::default();
        // A weekly group from Tue 1 December, a GP visit on Thu 10 December
        // and a nurse on Thu 17 December, seen on Tue 8 December at noon.
        let group = ApptDraft {
            kind: ApptKind::Group,
            every_weeks: "1".into(),
            until: "2027-03-30".into(),
            ..draft("2026-12-01", "10:30")
        };
        book.add(&group).unwrap();
        book.add(&draft("2026-12-10", "14:30")).unwrap();
        book.add(&draft("2026-12-17", "09:30")).unwrap();
        book.get_mut(1).unwrap().cancel_one(day(12, 8), true);
        let now = utc("2026-12-08T12:00:00Z");
        let next = book.next_of_each(now, 2);
        let shown: Vec<_> = next.shown.iter().map(|o| (o.id, o.date)).collect();
        // The cancelled group today is left out; the group shows once.
        assert_eq!(shown, vec![(2, day(12, 10)), (1, day(12, 15))]);
        assert_eq!(next.more, 1, "the nurse is one more");
        assert_eq!(book.next_of_each(now, 5).more, 0);
        assert_eq!(book.next_of_each(now, 5).shown.len(), 3);
    }

    #[test]
    fn upcoming_is_grouped_and_past_ones_are_asked_about_once() {
        let mut book = ApptBook::default();
        for (date, time) in [
            ("2026-11-21", "15:00"),
            ("2026-11-22", "09:00"),
            ("2026-11-25", "11:00"),
            ("2026-12-20", "10:00"),
            ("2026-11-20", "10:00"),
        ] {
            book.add(&draft(date, time)).unwrap();
        }
        let now = utc("2026-11-21T10:00:00Z");
        let groups: Vec<_> = book
            .upcoming(now)
            .iter()
            .map(|(w, o)| (*w, o.date))
            .collect();
        // Sat 21 November: Sunday is tomorrow, so this week ends there and
        // Wed 25 November is next week.
        assert_eq!(
            groups,
            vec![
                (When::Today, day(11, 21)),
                (When::Tomorrow, day(11, 22)),
                (When::NextWeek, day(11, 25)),
                (When::Later, day(12, 20))
            ]
        );
        assert_eq!(book.past(now).len(), 1);
        let ask = book.to_ask(now).unwrap();
        assert_eq!(ask.date, day(11, 20));
        book.get_mut(ask.id).unwrap().mark_asked(ask.due);
        assert_eq!(book.to_ask(now), None);
        book.get_mut(2).unwrap().cancel_one(day(11, 22), true);
        assert!(
            book.upcoming(now)[1].1.cancelled,
            "cancelled ones stay visible"
        );
    }
}

//! Appointments: GP, nurse, hospital, link worker sessions and the social
//! prescription itself, with weekly repeats, reminders, the questions to
//! ask, and notes afterwards.
//!
//! Times are UK wall-clock times (minutes after midnight on a date), so a
//! weekly 10:30am group stays at 10:30am across the clock changes; they
//! become moments (UTC) only for reminders and calendar files.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::diary::{format_time, parse_time};
use super::text::{clean, too_long, FieldError};
use super::time::{format_day, from_london, iso, iso_opt, parse_iso_day, LocalTime};

/// Longest "who with" or "where", in characters.
pub const SHORT_MAX: usize = 200;
/// Longest "what to bring", question list or notes, in characters.
pub const LONG_MAX: usize = 2000;
/// Most occurrences a repeating appointment may have (two years weekly).
pub const MAX_OCCURRENCES: usize = 104;

/// What kind of appointment it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApptKind {
    /// A GP.
    Gp,
    /// A practice nurse.
    Nurse,
    /// A hospital or clinic.
    Hospital,
    /// The link worker.
    LinkWorker,
    /// A group or activity (the social prescription).
    Group,
    /// Anything else.
    Other,
}

impl ApptKind {
    /// Every kind, in the order the form shows them.
    pub const ALL: [ApptKind; 6] = [
        ApptKind::Gp,
        ApptKind::Nurse,
        ApptKind::Hospital,
        ApptKind::LinkWorker,
        ApptKind::Group,
        ApptKind::Other,
    ];

    /// The words for it.
    pub fn label(self) -> &'static str {
        match self {
            ApptKind::Gp => "GP",
            ApptKind::Nurse => "Nurse",
            ApptKind::Hospital => "Hospital or clinic",
            ApptKind::LinkWorker => "Link worker",
            ApptKind::Group => "Group or activity",
            ApptKind::Other => "Other",
        }
    }

    /// A stable code, for form values.
    pub fn code(self) -> &'static str {
        match self {
            ApptKind::Gp => "gp",
            ApptKind::Nurse => "nurse",
            ApptKind::Hospital => "hospital",
            ApptKind::LinkWorker => "link_worker",
            ApptKind::Group => "group",
            ApptKind::Other => "other",
        }
    }
}

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
}

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
fn check_when(date: &str, time: &str) -> Result<(NaiveDate, u16), Vec<FieldError<ApptField>>> {
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
            date: super::time::iso_day(a.date),
            time: super::diary::time_box(a.time),
            minutes: a.minutes.to_string(),
            place: a.place.clone().unwrap_or_default(),
            bring: a.bring.clone().unwrap_or_default(),
            questions: a.questions.join("\n"),
            every_weeks: a.repeat.map(|r| r.weeks.to_string()).unwrap_or_default(),
            until: a
                .repeat
                .map(|r| super::time::iso_day(r.until))
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

/// Where an upcoming occurrence falls, for grouping the list. Weeks are
/// calendar weeks, Monday to Sunday, as people say them: on a Thursday,
/// the Tuesday after is "next week", not "this week".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum When {
    /// Today, still to come.
    Today,
    /// Tomorrow.
    Tomorrow,
    /// Later this week, up to Sunday.
    ThisWeek,
    /// Monday to Sunday of next week.
    NextWeek,
    /// After that.
    Later,
}

impl When {
    /// Every group, in the order the list shows them.
    pub const ALL: [When; 5] = [
        When::Today,
        When::Tomorrow,
        When::ThisWeek,
        When::NextWeek,
        When::Later,
    ];

    /// Where `day` falls, seen from `today`.
    pub fn of(day: NaiveDate, today: NaiveDate) -> When {
        use chrono::Datelike;
        // Days left in this week after today: 6 on a Monday, 0 on a Sunday.
        let rest_of_week = 6 - i64::from(today.weekday().num_days_from_monday());
        match (day - today).num_days() {
            0 => When::Today,
            1 => When::Tomorrow,
            d if d <= rest_of_week => When::ThisWeek,
            d if d <= rest_of_week + 7 => When::NextWeek,
            _ => When::Later,
        }
    }

    /// The group heading.
    pub fn label(self) -> &'static str {
        match self {
            When::Today => "Today",
            When::Tomorrow => "Tomorrow",
            When::ThisWeek => "This week",
            When::NextWeek => "Next week",
            When::Later => "Later",
        }
    }
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
        let today = super::time::london_today(now);
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
        super::merge::add_missing(
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
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn draft(date: &str, time: &str) -> ApptDraft {
        ApptDraft {
            date: date.into(),
            time: time.into(),
            with: "Dr Patel".into(),
            ..ApptDraft::default()
        }
    }

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
    fn weeks_run_monday_to_sunday() {
        // Thu 10 December 2026.
        let thu = day(12, 10);
        assert_eq!(When::of(thu, thu), When::Today);
        assert_eq!(When::of(day(12, 11), thu), When::Tomorrow);
        assert_eq!(When::of(day(12, 13), thu), When::ThisWeek, "Sunday");
        assert_eq!(When::of(day(12, 14), thu), When::NextWeek, "Monday");
        assert_eq!(
            When::of(day(12, 15), thu),
            When::NextWeek,
            "the Tuesday after"
        );
        assert_eq!(When::of(day(12, 20), thu), When::NextWeek, "next Sunday");
        assert_eq!(When::of(day(12, 21), thu), When::Later);
        // On a Monday the whole week is this week.
        let mon = day(12, 7);
        assert_eq!(When::of(day(12, 13), mon), When::ThisWeek);
        assert_eq!(When::of(day(12, 14), mon), When::NextWeek);
        // On a Sunday, tomorrow is already next week: it says "Tomorrow".
        let sun = day(12, 13);
        assert_eq!(When::of(day(12, 14), sun), When::Tomorrow);
        assert_eq!(When::of(day(12, 15), sun), When::NextWeek);
        assert_eq!(When::of(day(12, 21), sun), When::Later);
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

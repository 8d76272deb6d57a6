//! What a summary holds: the summary itself and the goals, measures,
//! check-ins and appointments as shared, with their small helpers.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::model::goal::GoalStatus;
use crate::model::time::iso;

/// Everything the link worker will see, exactly as the client saw it in the
/// preview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// When it was made, in seconds since 1970 (UTC).
    #[serde(rename = "c")]
    pub created: i64,
    /// The client's preferred name, if they chose to give one.
    #[serde(rename = "n", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The first day of the period.
    #[serde(rename = "f", with = "iso")]
    pub from: NaiveDate,
    /// The last day of the period.
    #[serde(rename = "t", with = "iso")]
    pub to: NaiveDate,
    /// The goals chosen.
    #[serde(rename = "g", default, skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<SharedGoal>,
    /// The diary measures chosen.
    #[serde(rename = "m", default, skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<SharedMeasure>,
    /// Wellbeing check-ins, if chosen.
    #[serde(rename = "w", default, skip_serializing_if = "Option::is_none")]
    pub wellbeing: Option<SharedWellbeing>,
    /// Upcoming appointments, if chosen.
    #[serde(rename = "a", default, skip_serializing_if = "Vec::is_empty")]
    pub appointments: Vec<SharedAppointment>,
    /// Things the client wants to talk about.
    #[serde(rename = "k", default, skip_serializing_if = "Vec::is_empty")]
    pub talk: Vec<String>,
    /// Diary notes in the period (only when the client chose notes).
    #[serde(rename = "d", default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<(i32, String)>,
    /// The client's code: random, made at set-up, no health data. A link
    /// worker's device uses it to find an earlier summary of the same
    /// client, and never to mix two clients up. Absent from older links.
    #[serde(rename = "i", default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The client's conditions, in words, if chosen.
    #[serde(rename = "cn", default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<String>,
    /// What matters to them, in their words, if chosen.
    #[serde(rename = "wm", default, skip_serializing_if = "Option::is_none")]
    pub what_matters: Option<String>,
    /// Appointments in the period (when appointments are chosen), with how
    /// they went (when notes are chosen).
    #[serde(rename = "pa", default, skip_serializing_if = "Vec::is_empty")]
    pub past: Vec<SharedPast>,
}

/// Which way is better for a measure, where there is one: for mood up is
/// better, for breathlessness down. For numbers such as blood glucose
/// neither is simply better, so the trend is told in neutral words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Better {
    /// Higher is better.
    #[serde(rename = "h")]
    Higher,
    /// Lower is better.
    #[serde(rename = "l")]
    Lower,
}

/// An appointment in the period, as shared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedPast {
    /// Its day.
    #[serde(rename = "d")]
    pub day: i32,
    /// Its start, minutes after midnight (UK time).
    #[serde(rename = "m")]
    pub time: u16,
    /// What it is: "GP: Dr Patel", or a group's name.
    #[serde(rename = "t")]
    pub title: String,
    /// It was cancelled.
    #[serde(rename = "x", default, skip_serializing_if = "std::ops::Not::not")]
    pub cancelled: bool,
    /// What the client noted afterwards (only when notes are chosen).
    #[serde(rename = "o", default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// Whether it went ahead, as the client recorded: `Some(true)` went
    /// ahead, `Some(false)` did not, `None` not recorded (and always in
    /// links made before this was shared, which never said).
    #[serde(rename = "w", default, skip_serializing_if = "Option::is_none")]
    pub went: Option<bool>,
}

impl SharedPast {
    /// What is known of how it went, in words: "Cancelled", "Went ahead",
    /// "Did not go ahead" or "Not recorded". Never assumed.
    pub fn outcome(&self) -> &'static str {
        match (self.cancelled, self.went) {
            (true, _) => "Cancelled",
            (false, Some(true)) => "Went ahead",
            (false, Some(false)) => "Did not go ahead",
            (false, None) => "Not recorded",
        }
    }
}

/// A goal as shared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedGoal {
    /// The goal, in the client's words.
    #[serde(rename = "t")]
    pub text: String,
    /// Why it matters to them.
    #[serde(rename = "y", default, skip_serializing_if = "Option::is_none")]
    pub why: Option<String>,
    /// Where it stands.
    #[serde(rename = "s")]
    pub status: SharedStatus,
    /// Steps in the client's order, with the day each was done.
    #[serde(rename = "p", default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<(String, Option<i32>)>,
    /// Ratings (0 to 10) in the period, oldest first, led by the last one
    /// before the period (if any) so the change can be seen.
    #[serde(rename = "r", default, skip_serializing_if = "Vec::is_empty")]
    pub ratings: Vec<(i32, u8)>,
    /// Dated notes in the period (only when the client chose notes).
    #[serde(rename = "o", default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<(i32, String)>,
    /// The day it took its status, for a goal done, paused or let go
    /// (absent from older links, and for goals being worked on).
    #[serde(rename = "sd", default, skip_serializing_if = "Option::is_none")]
    pub status_on: Option<i32>,
}

impl SharedGoal {
    /// True for a goal the client marked done on a day in the summary's
    /// period (offsets `0..=last`): a success to tell first.
    pub fn done_in(&self, last: i32) -> bool {
        self.status == SharedStatus::Done && self.status_on.is_some_and(|d| (0..=last).contains(&d))
    }
}

/// A goal's status, in one letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SharedStatus {
    /// Working on it.
    #[serde(rename = "w")]
    WorkingOnIt,
    /// Done.
    #[serde(rename = "d")]
    Done,
    /// Paused.
    #[serde(rename = "p")]
    Paused,
    /// Let go.
    #[serde(rename = "l")]
    LetGo,
}

impl SharedStatus {
    /// The words shown.
    pub fn label(self) -> &'static str {
        self.status().label()
    }

    fn status(self) -> GoalStatus {
        match self {
            SharedStatus::WorkingOnIt => GoalStatus::WorkingOnIt,
            SharedStatus::Done => GoalStatus::Done,
            SharedStatus::Paused => GoalStatus::Paused,
            SharedStatus::LetGo => GoalStatus::LetGo,
        }
    }

    pub(super) fn of(status: GoalStatus) -> SharedStatus {
        match status {
            GoalStatus::WorkingOnIt => SharedStatus::WorkingOnIt,
            GoalStatus::Done => SharedStatus::Done,
            GoalStatus::Paused => SharedStatus::Paused,
            GoalStatus::LetGo => SharedStatus::LetGo,
        }
    }
}

/// How a shared measure's values are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SharedKind {
    /// Mood, 1 (very low) to 5 (very good).
    #[serde(rename = "m")]
    Mood,
    /// 0 to 10.
    #[serde(rename = "s")]
    Scale,
    /// A number with a unit.
    #[serde(rename = "n")]
    Number,
    /// Yes (1) or no (0).
    #[serde(rename = "y")]
    YesNo,
}

/// One diary measure's trend over the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedMeasure {
    /// Its name, such as "Blood glucose".
    #[serde(rename = "n")]
    pub name: String,
    /// How its values read.
    #[serde(rename = "k")]
    pub kind: SharedKind,
    /// The unit, for numbers.
    #[serde(rename = "u", default, skip_serializing_if = "String::is_empty")]
    pub unit: String,
    /// Decimal places of the stored values (0 to 2).
    #[serde(rename = "x", default)]
    pub decimals: u8,
    /// Readings, total, lowest and highest over the period (scaled), or
    /// `None` with no readings.
    #[serde(rename = "s", default, skip_serializing_if = "Option::is_none")]
    pub stats: Option<(u32, i64, i32, i32)>,
    /// Weekly averages (scaled by one more decimal place), by week: week 0
    /// starts on the first day of the period.
    #[serde(rename = "w", default, skip_serializing_if = "Vec::is_empty")]
    pub weeks: Vec<(u16, i32)>,
    /// Every reading (only when the client chose them): day, time (minutes
    /// after midnight) and value.
    #[serde(rename = "r", default, skip_serializing_if = "Vec::is_empty")]
    pub readings: Vec<(i32, Option<u16>, i32)>,
    /// Which way is better, where one is (absent from older links).
    #[serde(rename = "b", default, skip_serializing_if = "Option::is_none")]
    pub better: Option<Better>,
    /// Weeks run Monday to Sunday: week 0 starts on the Monday on or
    /// before the first day. Without it (older links), week 0 starts on
    /// the first day.
    #[serde(rename = "mw", default, skip_serializing_if = "std::ops::Not::not")]
    pub monday_weeks: bool,
    /// The last day with a reading, if any (absent from older links).
    #[serde(rename = "lr", default, skip_serializing_if = "Option::is_none")]
    pub last_day: Option<i32>,
    /// For mood and yes or no: how often each answer was given in the last
    /// 7 days of the period, as `[value, count]`.
    #[serde(rename = "lw", default, skip_serializing_if = "Vec::is_empty")]
    pub last_week: Vec<(i32, u32)>,
    /// For numbers: the lowest and highest likely values (scaled), which
    /// its chart is drawn within (absent from older links: the chart then
    /// falls back to a minimum span).
    #[serde(rename = "rg", default, skip_serializing_if = "Option::is_none")]
    pub range: Option<(i32, i32)>,
    /// For mood and yes or no: how often each answer was given in the
    /// first 7 days with a reading in the period, as `[value, count]`, so
    /// the change can be told in words ("from mostly Good to mostly Low").
    /// Empty when those days reach into the last 7 days, and absent from
    /// older links.
    #[serde(rename = "fw", default, skip_serializing_if = "Vec::is_empty")]
    pub first_week: Vec<(i32, u32)>,
}

/// Wellbeing check-ins as shared: four answers each, 0 to 10, `None` for
/// "prefer not to say".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedWellbeing {
    /// The starting point (the first check-in ever), by day.
    #[serde(rename = "s")]
    pub start: (i32, [Option<u8>; 4]),
    /// Every check-in in the period, oldest first.
    #[serde(rename = "p", default, skip_serializing_if = "Vec::is_empty")]
    pub in_period: Vec<(i32, [Option<u8>; 4])>,
    /// The last check-in before the period, when it is not the starting
    /// point: where things stood as the period began.
    #[serde(rename = "b", default, skip_serializing_if = "Option::is_none")]
    pub before: Option<(i32, [Option<u8>; 4])>,
}

impl SharedWellbeing {
    /// The latest check-in shared.
    pub fn latest(&self) -> (i32, [Option<u8>; 4]) {
        self.in_period.last().copied().unwrap_or(self.start)
    }
}

/// An upcoming appointment as shared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedAppointment {
    /// Its day.
    #[serde(rename = "d")]
    pub day: i32,
    /// Its start, minutes after midnight (UK time).
    #[serde(rename = "m")]
    pub time: u16,
    /// What it is: "GP: Dr Patel", or a group's name.
    #[serde(rename = "t")]
    pub title: String,
    /// Where.
    #[serde(rename = "p", default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
}

/// Days from `from` to `day`, as stored in a summary.
pub(super) fn offset(from: NaiveDate, day: NaiveDate) -> i32 {
    i32::try_from((day - from).num_days()).unwrap_or(i32::MAX)
}

impl Summary {
    /// The day `offset` days after the start of the period.
    pub fn day(&self, offset: i32) -> NaiveDate {
        self.from + Duration::days(i64::from(offset))
    }

    /// The first day of week `week` of measure `m`'s weekly averages: a
    /// Monday for summaries made since weeks ran Monday to Sunday, the
    /// period's first day and every 7 days after for older ones.
    pub fn week_start(&self, m: &SharedMeasure, week: u16) -> NaiveDate {
        let first = if m.monday_weeks {
            self.from - Duration::days(i64::from(self.from.weekday().num_days_from_monday()))
        } else {
            self.from
        };
        first + Duration::days(i64::from(week) * 7)
    }

    /// The number of measure `m`'s last week: the week holding the
    /// period's last day.
    pub fn last_week_number(&self, m: &SharedMeasure) -> u16 {
        let days = (self.to - self.week_start(m, 0)).num_days();
        u16::try_from(days / 7).unwrap_or(u16::MAX)
    }

    /// When it was made.
    pub fn created_at(&self) -> DateTime<Utc> {
        DateTime::from_timestamp(self.created, 0).unwrap_or_default()
    }

    /// True when nothing was chosen: there would be nothing to read.
    pub fn is_empty(&self) -> bool {
        self.goals.is_empty()
            && self.measures.is_empty()
            && self.wellbeing.is_none()
            && self.appointments.is_empty()
            && self.past.is_empty()
            && self.talk.is_empty()
            && self.notes.is_empty()
            && self.conditions.is_empty()
            && self.what_matters.is_none()
    }
}

//! The summary a client shares with their link worker: what it holds, how
//! it is built from the client's record, and the checks a received one must
//! pass before it is shown.
//!
//! The summary travels inside a link, so it is compact: short field names,
//! and dates as whole days after the start of the period (negative for
//! earlier days, such as the wellbeing starting point). The format is
//! documented in `docs/share-format.md`.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::model::appointment::ApptBook;
use crate::model::diary::{summarise, DiaryMonth, Kind, Measure, Month};
use crate::model::goal::{GoalBook, GoalStatus};
use crate::model::time::{iso, london_today};
use crate::model::wellbeing::{TalkList, Wellbeing};

/// The most items of any one list a received summary may hold.
pub const MAX_ITEMS: usize = 500;
/// The most characters in any one text of a received summary.
pub const MAX_TEXT: usize = 2_000;
/// The longest period a summary may cover, in days (about five years).
pub const MAX_PERIOD_DAYS: i64 = 1_830;
/// How far ahead upcoming appointments are shared, in days.
pub const APPOINTMENTS_AHEAD_DAYS: i64 = 91;
/// The most upcoming appointments shared.
pub const APPOINTMENTS_MAX: usize = 8;

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

    fn of(status: GoalStatus) -> SharedStatus {
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

/// Which way a trend has gone over the period, in neutral words (for some
/// measures up is good, for others it is not).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// The later weeks average clearly higher.
    Up,
    /// The later weeks average clearly lower.
    Down,
    /// Little change.
    Steady,
    /// Too few weeks to say.
    Unknown,
}

impl Direction {
    /// The words shown.
    pub fn label(self) -> &'static str {
        match self {
            Direction::Up => "Going up",
            Direction::Down => "Going down",
            Direction::Steady => "About the same",
            Direction::Unknown => "Not enough readings to see a trend",
        }
    }
}

impl SharedMeasure {
    /// Compares the average of the earlier half of the weeks with the
    /// later half. A change under a twentieth of the earlier average (or
    /// half a point on a scale) counts as "about the same".
    pub fn direction(&self) -> Direction {
        if self.weeks.len() < 2 {
            return Direction::Unknown;
        }
        let half = self.weeks.len() / 2;
        let mean = |w: &[(u16, i32)]| {
            w.iter().map(|(_, v)| i64::from(*v)).sum::<i64>() / w.len().max(1) as i64
        };
        let (early, late) = (mean(&self.weeks[..half]), mean(&self.weeks[half..]));
        let threshold = match self.kind {
            SharedKind::Number => (early.abs() / 20).max(1),
            _ => 5,
        };
        match late - early {
            d if d >= threshold => Direction::Up,
            d if d <= -threshold => Direction::Down,
            _ => Direction::Steady,
        }
    }
}

/// The period a summary covers, as the client chose it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// Since the day of the last share (the last 4 weeks if there was none).
    SinceLastShare,
    /// The last 4 weeks, today included.
    Last4Weeks,
    /// The last 3 months, today included.
    Last3Months,
    /// From one day to another, both included.
    Custom(NaiveDate, NaiveDate),
}

/// Which end of a custom period a problem is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodEnd {
    /// The first day.
    From,
    /// The last day.
    To,
}

impl Period {
    /// The first and last day, or which end is wrong and a plain message,
    /// for a custom period that does not make sense.
    pub fn days(
        self,
        today: NaiveDate,
        last_share: Option<NaiveDate>,
    ) -> Result<(NaiveDate, NaiveDate), (PeriodEnd, String)> {
        let four_weeks = today - Duration::days(27);
        let longest = today - Duration::days(MAX_PERIOD_DAYS - 1);
        match self {
            Period::SinceLastShare => Ok((
                last_share.unwrap_or(four_weeks).clamp(longest, today),
                today,
            )),
            Period::Last4Weeks => Ok((four_weeks, today)),
            Period::Last3Months => Ok((
                today
                    .checked_sub_months(chrono::Months::new(3))
                    .unwrap_or(today)
                    + Duration::days(1),
                today,
            )),
            Period::Custom(from, to) => {
                if to > today {
                    Err((
                        PeriodEnd::To,
                        "The last day must be today or in the past".into(),
                    ))
                } else if from > to {
                    Err((
                        PeriodEnd::From,
                        "The first day must be on or before the last day".into(),
                    ))
                } else if (to - from).num_days() >= MAX_PERIOD_DAYS {
                    Err((
                        PeriodEnd::From,
                        "The period must be shorter than 5 years".into(),
                    ))
                } else {
                    Ok((from, to))
                }
            }
        }
    }
}

/// What the client chose to share.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// Give the preferred name, so the link worker knows whose it is.
    pub name: bool,
    /// The goals chosen, by id.
    pub goals: Vec<u32>,
    /// The diary measures chosen, by id.
    pub measures: Vec<String>,
    /// Every reading of the chosen measures, not only weekly averages.
    pub readings: bool,
    /// Wellbeing check-ins.
    pub wellbeing: bool,
    /// Upcoming appointments.
    pub appointments: bool,
    /// "Things I want to talk about".
    pub talk: bool,
    /// Goal notes and diary notes (off by default: they can be personal).
    pub notes: bool,
}

/// The client's record, as the summary is built from it.
pub struct Sources<'a> {
    /// The moment it is made.
    pub now: DateTime<Utc>,
    /// Their preferred name.
    pub name: Option<&'a str>,
    /// Goals.
    pub goals: &'a GoalBook,
    /// Every measure the client uses or used (so names are known).
    pub measures: &'a [Measure],
    /// The diary months covering the period.
    pub months: &'a [(Month, DiaryMonth)],
    /// Check-ins.
    pub wellbeing: &'a Wellbeing,
    /// Appointments.
    pub appointments: &'a ApptBook,
    /// Things to talk about.
    pub talk: &'a TalkList,
}

/// The most single readings of one measure a summary holds.
pub const MAX_READINGS: usize = MAX_ITEMS * 20;
/// The largest size of a stored value or average a summary may hold: far
/// beyond any measure, and small enough that no sum or scaling overflows.
pub const MAX_VALUE: i32 = 10_000_000;

/// The last `n` of `items` (the newest, as lists are oldest first): a long
/// period is cut at its start rather than refused as too big.
fn latest<T>(mut items: Vec<T>, n: usize) -> Vec<T> {
    let extra = items.len().saturating_sub(n);
    items.drain(..extra);
    items
}

/// Days from `from` to `day`, as stored in a summary.
fn offset(from: NaiveDate, day: NaiveDate) -> i32 {
    i32::try_from((day - from).num_days()).unwrap_or(i32::MAX)
}

impl Summary {
    /// Builds the summary of the period `from..=to` from what the client
    /// chose.
    pub fn build(choice: &Choice, from: NaiveDate, to: NaiveDate, src: &Sources) -> Summary {
        let in_period = |d: NaiveDate| d >= from && d <= to;
        let goals = src
            .goals
            .goals
            .iter()
            .filter(|g| choice.goals.contains(&g.id))
            .map(|g| {
                let before = g.ratings.iter().rfind(|r| r.on < from);
                let ratings = latest(
                    before
                        .into_iter()
                        .chain(g.ratings.iter().filter(|r| in_period(r.on)))
                        .map(|r| (offset(from, r.on), r.value))
                        .collect(),
                    MAX_ITEMS,
                );
                SharedGoal {
                    text: g.text.clone(),
                    why: g.why.clone(),
                    status: SharedStatus::of(g.status),
                    steps: g
                        .steps
                        .iter()
                        .map(|s| (s.text.clone(), s.done_on.map(|d| offset(from, d))))
                        .collect(),
                    ratings,
                    notes: if choice.notes {
                        latest(
                            g.notes
                                .iter()
                                .filter(|n| in_period(n.on))
                                .map(|n| (offset(from, n.on), n.text.clone()))
                                .collect(),
                            MAX_ITEMS,
                        )
                    } else {
                        Vec::new()
                    },
                }
            })
            .collect();
        let days: Vec<_> = src
            .months
            .iter()
            .flat_map(|(_, m)| m.days.iter())
            .filter(|d| in_period(d.date))
            .collect();
        let measures = src
            .measures
            .iter()
            .filter(|m| choice.measures.contains(&m.id))
            .map(|m| {
                let (kind, unit) = match &m.kind {
                    Kind::Mood => (SharedKind::Mood, String::new()),
                    Kind::Scale { .. } => (SharedKind::Scale, String::new()),
                    Kind::Number { unit, .. } => (SharedKind::Number, unit.clone()),
                    Kind::YesNo => (SharedKind::YesNo, String::new()),
                };
                let mut all = Vec::new();
                summarise(days.iter().flat_map(|d| d.of(&m.id)), &mut all);
                let mut weeks: Vec<(u16, i32)> = Vec::new();
                let week_count = offset(from, to) / 7 + 1;
                for w in 0..week_count {
                    let mut one = Vec::new();
                    summarise(
                        days.iter()
                            .filter(|d| offset(from, d.date) / 7 == w)
                            .flat_map(|d| d.of(&m.id)),
                        &mut one,
                    );
                    if let (Some(s), Ok(w)) = (one.pop(), u16::try_from(w)) {
                        weeks.push((w, s.average_x10()));
                    }
                }
                SharedMeasure {
                    name: m.name.clone(),
                    kind,
                    unit,
                    decimals: m.decimals(),
                    stats: all.pop().map(|s| (s.n, s.sum, s.lo, s.hi)),
                    weeks,
                    readings: if choice.readings {
                        latest(
                            days.iter()
                                .flat_map(|d| d.of(&m.id).map(|r| (offset(from, d.date), r.t, r.v)))
                                .collect(),
                            MAX_READINGS,
                        )
                    } else {
                        Vec::new()
                    },
                }
            })
            .collect();
        let wellbeing = if choice.wellbeing {
            src.wellbeing.starting_point().map(|s| SharedWellbeing {
                start: (offset(from, s.date), s.answers),
                in_period: latest(
                    src.wellbeing
                        .checkins
                        .iter()
                        .skip(1)
                        .filter(|c| in_period(c.date))
                        .map(|c| (offset(from, c.date), c.answers))
                        .collect(),
                    MAX_ITEMS,
                ),
            })
        } else {
            None
        };
        let today = london_today(src.now);
        let appointments = if choice.appointments {
            src.appointments
                .upcoming(src.now)
                .into_iter()
                .map(|(_, o)| o)
                .filter(|o| !o.cancelled && (o.date - today).num_days() <= APPOINTMENTS_AHEAD_DAYS)
                .take(APPOINTMENTS_MAX)
                .filter_map(|o| {
                    let a = src.appointments.get(o.id)?;
                    Some(SharedAppointment {
                        day: offset(from, o.date),
                        time: o.time,
                        title: a.title(),
                        place: a.place.clone(),
                    })
                })
                .collect()
        } else {
            Vec::new()
        };
        Summary {
            created: src.now.timestamp(),
            name: choice.name.then(|| src.name.map(str::to_string)).flatten(),
            from,
            to,
            goals,
            measures,
            wellbeing,
            appointments,
            talk: if choice.talk {
                src.talk.items.iter().map(|i| i.text.clone()).collect()
            } else {
                Vec::new()
            },
            notes: if choice.notes {
                latest(
                    days.iter()
                        .filter_map(|d| Some((offset(from, d.date), d.note.clone()?)))
                        .collect(),
                    MAX_ITEMS,
                )
            } else {
                Vec::new()
            },
        }
    }

    /// The day `offset` days after the start of the period.
    pub fn day(&self, offset: i32) -> NaiveDate {
        self.from + Duration::days(i64::from(offset))
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
            && self.talk.is_empty()
            && self.notes.is_empty()
    }

    /// Checks a received summary holds only what this app could have
    /// made: sizes, ranges and dates. The reason is for developers; the
    /// client is told the summary is damaged.
    pub fn check(&self) -> Result<(), String> {
        let text = |t: &str| t.chars().count() <= MAX_TEXT;
        let items = |n: usize| n <= MAX_ITEMS;
        let day_ok = |d: i32| i64::from(d).abs() <= 2 * MAX_PERIOD_DAYS;
        let value_ok = |v: i32| v.unsigned_abs() <= MAX_VALUE as u32;
        let period = (self.to - self.from).num_days();
        if !(0..MAX_PERIOD_DAYS).contains(&period) {
            return Err("period out of range".into());
        }
        if DateTime::from_timestamp(self.created, 0).is_none() {
            return Err("creation time out of range".into());
        }
        if !self.name.as_deref().is_none_or(text) {
            return Err("name too long".into());
        }
        let lists = [
            self.goals.len(),
            self.measures.len(),
            self.appointments.len(),
            self.talk.len(),
            self.notes.len(),
        ];
        if !lists.into_iter().all(items) {
            return Err("too many items".into());
        }
        for g in &self.goals {
            let ok = text(&g.text)
                && g.why.as_deref().is_none_or(text)
                && items(g.steps.len())
                && items(g.ratings.len())
                && items(g.notes.len())
                && g.steps.iter().all(|(t, d)| text(t) && d.is_none_or(day_ok))
                && g.ratings.iter().all(|(d, v)| day_ok(*d) && *v <= 10)
                && g.notes.iter().all(|(d, t)| day_ok(*d) && text(t));
            if !ok {
                return Err("a goal does not add up".into());
            }
        }
        for m in &self.measures {
            let ok = text(&m.name)
                && text(&m.unit)
                && m.decimals <= 2
                && items(m.weeks.len())
                && m.readings.len() <= MAX_READINGS
                && m.stats.is_none_or(|(n, sum, lo, hi)| {
                    n > 0
                        && n <= MAX_VALUE as u32
                        && lo <= hi
                        && value_ok(lo)
                        && value_ok(hi)
                        && sum.unsigned_abs() <= u64::from(n) * MAX_VALUE as u64
                })
                && m.weeks.iter().all(|(_, v)| value_ok(*v / 10))
                && m.readings
                    .iter()
                    .all(|(d, t, v)| day_ok(*d) && t.is_none_or(|t| t < 1440) && value_ok(*v));
            if !ok {
                return Err("a measure does not add up".into());
            }
        }
        if let Some(w) = &self.wellbeing {
            let answers_ok = |a: &[Option<u8>; 4]| a.iter().all(|v| v.is_none_or(|v| v <= 10));
            let ok = items(w.in_period.len())
                && day_ok(w.start.0)
                && answers_ok(&w.start.1)
                && w.in_period.iter().all(|(d, a)| day_ok(*d) && answers_ok(a));
            if !ok {
                return Err("a check-in does not add up".into());
            }
        }
        let ok = self.appointments.iter().all(|a| {
            day_ok(a.day) && a.time < 1440 && text(&a.title) && a.place.as_deref().is_none_or(text)
        }) && self.talk.iter().all(|t| text(t))
            && self.notes.iter().all(|(d, t)| day_ok(*d) && text(t));
        if !ok {
            return Err("an appointment, note or talk item does not add up".into());
        }
        Ok(())
    }
}

/// A typical three-month summary: 3 goals, 4 measures, 3 check-ins, 2
/// appointments and 5 things to talk about. Used to test and report the
/// link length, and by the e2e tests' seeds.
pub fn typical(now: DateTime<Utc>) -> Summary {
    let to = london_today(now);
    let from = Period::Last3Months
        .days(to, None)
        .map(|p| p.0)
        .unwrap_or(to);
    let goal = |text: &str, steps: &[&str], done: usize, ratings: &[u8]| SharedGoal {
        text: text.into(),
        why: Some("So I can see my grandchildren more".into()),
        status: SharedStatus::WorkingOnIt,
        steps: steps
            .iter()
            .enumerate()
            .map(|(i, s)| (s.to_string(), (i < done).then_some(i as i32 * 12 + 5)))
            .collect(),
        ratings: ratings
            .iter()
            .enumerate()
            .map(|(i, v)| (i as i32 * 14 - 3, *v))
            .collect(),
        notes: Vec::new(),
    };
    let measure = |name: &str, kind, unit: &str, decimals, base: i32| SharedMeasure {
        name: name.into(),
        kind,
        unit: unit.into(),
        decimals,
        stats: Some((84, i64::from(base) * 84, base - base / 4, base + base / 3)),
        weeks: (0..13)
            .map(|w| (w, base * 10 + (w as i32 * 7) % 13 - 6))
            .collect(),
        readings: Vec::new(),
    };
    Summary {
        created: now.timestamp(),
        name: Some("Maureen".into()),
        from,
        to,
        goals: vec![
            goal(
                "Walk to the corner shop and back without stopping",
                &[
                    "Walk to the front gate",
                    "Walk to the bus stop",
                    "Walk to the post box",
                    "Walk to the shop",
                ],
                2,
                &[3, 4, 4, 5, 6, 6],
            ),
            goal(
                "Go to the Tuesday craft group at the library",
                &[
                    "Ring the library to ask about it",
                    "Go once with my daughter",
                    "Go on my own",
                ],
                1,
                &[2, 3, 5, 5],
            ),
            goal(
                "Cook a proper meal twice a week",
                &[
                    "Write a shopping list",
                    "Try one new recipe",
                    "Cook with my neighbour",
                ],
                1,
                &[4, 5, 5, 6, 7],
            ),
        ],
        measures: vec![
            measure("Mood", SharedKind::Mood, "", 0, 3),
            measure("Breathlessness", SharedKind::Scale, "", 0, 5),
            measure("Peak flow", SharedKind::Number, "L/min", 0, 310),
            measure("Sleep", SharedKind::Number, "hours", 1, 62),
        ],
        wellbeing: Some(SharedWellbeing {
            start: (-40, [Some(4), Some(5), Some(3), Some(7)]),
            in_period: vec![
                (10, [Some(5), Some(5), Some(4), Some(6)]),
                (45, [Some(5), Some(6), Some(6), Some(5)]),
                (80, [Some(6), Some(6), Some(6), Some(4)]),
            ],
        }),
        appointments: vec![
            SharedAppointment {
                day: offset(from, to) + 4,
                time: 630,
                title: "Link worker: Priya".into(),
                place: Some("Riverside Surgery".into()),
            },
            SharedAppointment {
                day: offset(from, to) + 11,
                time: 840,
                title: "Breathe Easy group".into(),
                place: Some("St Mark's church hall".into()),
            },
        ],
        talk: vec![
            "My inhaler seems to run out quicker".into(),
            "Help with a blue badge form".into(),
            "Feeling lonely at weekends".into(),
            "Whether the walking group has a bus".into(),
            "Money worries about the heating".into(),
        ],
        notes: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::diary::{DayEntry, Reading};
    use crate::model::goal::{GoalDraft, Rating};
    use crate::model::wellbeing::CheckIn;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    fn now() -> DateTime<Utc> {
        "2026-11-21T10:00:00Z".parse().unwrap()
    }

    fn everything() -> Choice {
        Choice {
            name: true,
            goals: vec![1],
            measures: vec!["mood".into()],
            readings: true,
            wellbeing: true,
            appointments: true,
            talk: true,
            notes: true,
        }
    }

    #[test]
    fn periods_end_today_and_custom_ones_are_checked() {
        let today = d(11, 21);
        assert_eq!(Period::Last4Weeks.days(today, None), Ok((d(10, 25), today)));
        assert_eq!(Period::Last3Months.days(today, None), Ok((d(8, 22), today)));
        assert_eq!(
            Period::SinceLastShare.days(today, Some(d(11, 2))),
            Ok((d(11, 2), today))
        );
        assert_eq!(
            Period::SinceLastShare.days(today, None),
            Ok((d(10, 25), today))
        );
        assert!(Period::Custom(d(11, 1), d(11, 22))
            .days(today, None)
            .is_err());
        assert!(Period::Custom(d(11, 10), d(11, 1))
            .days(today, None)
            .is_err());
        assert_eq!(
            Period::Custom(d(11, 1), d(11, 1)).days(today, None),
            Ok((d(11, 1), d(11, 1)))
        );
    }

    #[test]
    fn a_summary_holds_what_was_chosen_and_only_that() {
        let mut goals = GoalBook::default();
        let draft = GoalDraft {
            text: "Walk to the shop".into(),
            ..GoalDraft::default()
        };
        let id = goals.add(&draft, d(8, 1)).unwrap();
        let g = goals.get_mut(id).unwrap();
        g.add_step("Walk to the gate").unwrap();
        g.add_step("Walk to the bus stop").unwrap();
        g.tick(1, d(11, 3));
        g.ratings = vec![
            Rating {
                on: d(10, 1),
                value: 2,
            },
            Rating {
                on: d(10, 20),
                value: 3,
            },
            Rating {
                on: d(11, 10),
                value: 6,
            },
        ];
        let mut month = DiaryMonth::default();
        for (day, v) in [(2, 2), (3, 4), (12, 5)] {
            month.put(DayEntry {
                date: d(11, day),
                readings: vec![Reading {
                    m: "mood".into(),
                    t: None,
                    v,
                }],
                note: (day == 12).then(|| "A good walk".into()),
            });
        }
        let months = vec![(Month::of(d(11, 1)), month)];
        let wellbeing = Wellbeing {
            checkins: vec![
                CheckIn {
                    date: d(9, 1),
                    answers: [Some(3), Some(4), Some(5), Some(8)],
                },
                CheckIn {
                    date: d(11, 2),
                    answers: [Some(5), None, Some(6), Some(5)],
                },
            ],
            ..Wellbeing::default()
        };
        let mut talk = TalkList::default();
        talk.add("My inhaler", d(11, 20)).unwrap();
        let measures = vec![crate::model::diary::builtin("mood").unwrap()];
        let appts = ApptBook::default();
        let src = Sources {
            now: now(),
            name: Some("Maureen"),
            goals: &goals,
            measures: &measures,
            months: &months,
            wellbeing: &wellbeing,
            appointments: &appts,
            talk: &talk,
        };
        let s = Summary::build(&everything(), d(10, 25), d(11, 21), &src);
        assert_eq!(s.name.as_deref(), Some("Maureen"));
        let g = &s.goals[0];
        assert_eq!(
            g.steps,
            vec![
                ("Walk to the gate".into(), Some(9)),
                ("Walk to the bus stop".into(), None)
            ]
        );
        // The last rating before the period leads, so the change shows.
        assert_eq!(g.ratings, vec![(-5, 3), (16, 6)]);
        let m = &s.measures[0];
        assert_eq!(m.stats, Some((3, 11, 2, 5)));
        // Week 1 (1 to 7 November) holds 2 and 4; week 2 holds 5.
        assert_eq!(m.weeks, vec![(1, 30), (2, 50)]);
        assert_eq!(m.readings.len(), 3);
        assert_eq!(m.direction(), Direction::Up);
        let w = s.wellbeing.as_ref().unwrap();
        assert_eq!(w.start.0, -54);
        assert_eq!(w.latest().1, [Some(5), None, Some(6), Some(5)]);
        assert_eq!(s.talk, vec!["My inhaler".to_string()]);
        assert_eq!(s.notes, vec![(18, "A good walk".to_string())]);
        assert!(s.check().is_ok());

        let less = Choice {
            name: false,
            readings: false,
            notes: false,
            talk: false,
            wellbeing: false,
            goals: vec![],
            ..everything()
        };
        let s = Summary::build(&less, d(10, 25), d(11, 21), &src);
        assert!(s.name.is_none() && s.goals.is_empty() && s.wellbeing.is_none());
        assert!(s.measures[0].readings.is_empty() && s.notes.is_empty() && s.talk.is_empty());
    }

    #[test]
    fn directions_use_neutral_words_and_a_threshold() {
        let mut m = typical(now()).measures[1].clone();
        m.weeks = vec![(0, 50), (1, 52), (2, 51), (3, 53)];
        assert_eq!(m.direction(), Direction::Steady);
        m.weeks = vec![(0, 50), (1, 52), (2, 61), (3, 63)];
        assert_eq!(m.direction(), Direction::Up);
        m.weeks = vec![(0, 50)];
        assert_eq!(m.direction(), Direction::Unknown);
    }

    #[test]
    fn check_refuses_what_this_app_could_not_have_made() {
        let good = typical(now());
        assert!(good.check().is_ok());
        let mut s = good.clone();
        s.goals[0].ratings.push((3, 11));
        assert!(s.check().is_err());
        let mut s = good.clone();
        s.talk = vec!["x".into(); MAX_ITEMS + 1];
        assert!(s.check().is_err());
        let mut s = good.clone();
        s.to = s.from - Duration::days(1);
        assert!(s.check().is_err());
        let mut s = good.clone();
        s.wellbeing.as_mut().unwrap().start.1[3] = Some(200);
        assert!(s.check().is_err());
        let mut s = good.clone();
        s.appointments[0].time = 1440;
        assert!(s.check().is_err());
        // Values that would overflow when drawn or averaged.
        let mut s = good.clone();
        s.measures[0].stats = Some((1, i64::from(i32::MAX), i32::MAX, i32::MAX));
        assert!(s.check().is_err());
        let mut s = good;
        s.measures[0].weeks[0].1 = i32::MIN;
        assert!(s.check().is_err());
    }
}

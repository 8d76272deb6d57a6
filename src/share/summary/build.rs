//! Building a summary from the client's record and what they chose to
//! share.

use chrono::{DateTime, NaiveDate, Utc};

use chrono::{Datelike, Duration};

use super::limits::{APPOINTMENTS_AHEAD_DAYS, APPOINTMENTS_MAX, MAX_ITEMS, MAX_READINGS, PAST_MAX};
use super::types::{
    offset, Better, SharedAppointment, SharedGoal, SharedKind, SharedMeasure, SharedPast,
    SharedStatus, SharedWellbeing, Summary,
};
use crate::model::appointment::{ApptBook, Went};
use crate::model::diary::{summarise, DiaryMonth, Kind, Measure, Month};
use crate::model::goal::{GoalBook, GoalStatus};
use crate::model::time::london_today;
use crate::model::wellbeing::{TalkList, Wellbeing};

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
    /// Goal notes, diary notes and notes after appointments (off by
    /// default: they can be personal).
    pub notes: bool,
    /// Their conditions.
    pub conditions: bool,
    /// What matters to them.
    pub what_matters: bool,
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
    /// The client's code, from set-up.
    pub code: Option<&'a str>,
    /// Their conditions, in words.
    pub conditions: &'a [String],
    /// What matters to them.
    pub what_matters: Option<&'a str>,
}

/// The last `n` of `items` (the newest, as lists are oldest first): a long
/// period is cut at its start rather than refused as too big.
fn latest<T>(mut items: Vec<T>, n: usize) -> Vec<T> {
    let extra = items.len().saturating_sub(n);
    items.drain(..extra);
    items
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
                    status_on: (g.status != GoalStatus::WorkingOnIt)
                        .then(|| g.status_since().map(|d| offset(from, d)))
                        .flatten(),
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
                // Weeks as people count them, Monday to Sunday.
                let monday =
                    from - Duration::days(i64::from(from.weekday().num_days_from_monday()));
                let mut weeks: Vec<(u16, i32)> = Vec::new();
                let week_count = offset(monday, to) / 7 + 1;
                for w in 0..week_count {
                    let mut one = Vec::new();
                    summarise(
                        days.iter()
                            .filter(|d| offset(monday, d.date) / 7 == w)
                            .flat_map(|d| d.of(&m.id)),
                        &mut one,
                    );
                    if let (Some(s), Ok(w)) = (one.pop(), u16::try_from(w)) {
                        weeks.push((w, s.average_x10()));
                    }
                }
                let recorded = || days.iter().filter(|d| d.of(&m.id).next().is_some());
                let last_day = recorded().map(|d| offset(from, d.date)).max();
                // How often each answer came in the last 7 days, and in
                // the first 7 days with a reading, where the answers are
                // words (mood) or yes and no.
                let counts = |first: NaiveDate, last: NaiveDate| {
                    let mut out: Vec<(i32, u32)> = Vec::new();
                    for r in days
                        .iter()
                        .filter(|d| d.date >= first && d.date <= last)
                        .flat_map(|d| d.of(&m.id))
                    {
                        match out.iter_mut().find(|(v, _)| *v == r.v) {
                            Some(slot) => slot.1 += 1,
                            None => out.push((r.v, 1)),
                        }
                    }
                    out.sort_unstable();
                    out
                };
                let words = matches!(kind, SharedKind::Mood | SharedKind::YesNo);
                let week_start = to - Duration::days(6);
                let last_week = if words {
                    counts(week_start, to)
                } else {
                    Vec::new()
                };
                // Only a first week apart from the last tells a change.
                let first_day = recorded().map(|d| d.date).min();
                let first_week = match first_day {
                    Some(f) if words && f + Duration::days(6) < week_start => {
                        counts(f, f + Duration::days(6))
                    }
                    _ => Vec::new(),
                };
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
                    better: m.higher_is_better().map(|h| {
                        if h {
                            Better::Higher
                        } else {
                            Better::Lower
                        }
                    }),
                    monday_weeks: true,
                    last_day,
                    last_week,
                    range: match m.kind {
                        Kind::Number { min, max, .. } => Some((min, max)),
                        _ => None,
                    },
                    first_week,
                }
            })
            .collect();
        let wellbeing = if choice.wellbeing {
            src.wellbeing.starting_point().map(|s| SharedWellbeing {
                start: (offset(from, s.date), s.answers),
                // Where things stood as the period began, if that is not
                // the starting point itself.
                before: src
                    .wellbeing
                    .checkins
                    .iter()
                    .skip(1)
                    .rfind(|c| c.date < from)
                    .map(|c| (offset(from, c.date), c.answers)),
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
        // What happened in the period: every appointment that has started
        // by now, cancelled ones too, and what was noted afterwards.
        let past = if choice.appointments {
            latest(
                src.appointments
                    .past(src.now)
                    .into_iter()
                    .rev()
                    .filter(|o| in_period(o.date))
                    .filter_map(|o| {
                        let a = src.appointments.get(o.id)?;
                        Some(SharedPast {
                            day: offset(from, o.date),
                            time: o.time,
                            title: a.title(),
                            cancelled: o.cancelled,
                            notes: if choice.notes { o.notes.clone() } else { None },
                            went: o.went.map(|w| w == Went::Ahead),
                        })
                    })
                    .collect(),
                PAST_MAX,
            )
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
            code: src.code.map(str::to_string),
            conditions: if choice.conditions {
                src.conditions.to_vec()
            } else {
                Vec::new()
            },
            what_matters: if choice.what_matters {
                src.what_matters
                    .map(str::to_string)
                    .filter(|w| !w.is_empty())
            } else {
                None
            },
            past,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{d, now};
    use super::*;
    use crate::model::diary::{DayEntry, Reading};
    use crate::model::goal::{GoalDraft, Rating};
    use crate::model::wellbeing::CheckIn;

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
            conditions: true,
            what_matters: true,
        }
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
            code: Some("k3x9"),
            conditions: &["Asthma".to_string()],
            what_matters: Some("My grandchildren"),
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
        // Weeks run Monday to Sunday: week 0 is 19 to 25 October (the
        // period starts on Sunday 25th); week 2 (2 to 8 November) holds 2
        // and 4; week 3 holds 5.
        assert!(m.monday_weeks);
        assert_eq!(m.weeks, vec![(2, 30), (3, 50)]);
        assert_eq!(m.last_day, Some(18));
        assert_eq!(m.better, Some(Better::Higher));
        // Nothing in the last 7 days (15 to 21 November).
        assert!(m.last_week.is_empty());
        // The first 7 days with a reading, 2 to 8 November: apart from the
        // last week, so the change can be told in words.
        assert_eq!(m.first_week, vec![(2, 1), (4, 1)]);
        assert_eq!(m.readings.len(), 3);
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

    /// The case: "Last 4 weeks" on Tue 29 December runs from Wed 2
    /// December. A diary reading, a goal rating and a check-in on 1
    /// December are all outside it: the diary drops it, and the goal's
    /// and wellbeing's starts say their day rather than pass as the
    /// period's.
    #[test]
    fn one_period_for_goals_wellbeing_and_the_diary() {
        let dec = |day| NaiveDate::from_ymd_opt(2026, 12, day).unwrap();
        let today = dec(29);
        let (from, to) = super::super::Period::Last4Weeks
            .days(today, None, None)
            .unwrap();
        assert_eq!(from, dec(2));
        let mut goals = GoalBook::default();
        let id = goals
            .add(
                &GoalDraft {
                    text: "Walk to the shop".into(),
                    ..GoalDraft::default()
                },
                dec(1),
            )
            .unwrap();
        goals.get_mut(id).unwrap().ratings = vec![
            Rating {
                on: dec(1),
                value: 3,
            },
            Rating {
                on: dec(20),
                value: 6,
            },
        ];
        let mut month = DiaryMonth::default();
        for (day, v) in [(1, 9), (3, 6), (4, 6), (23, 4), (28, 4)] {
            month.put(DayEntry {
                date: dec(day),
                readings: vec![Reading {
                    m: "breathlessness".into(),
                    t: None,
                    v,
                }],
                note: None,
            });
        }
        let months = vec![(Month::of(dec(1)), month)];
        let wellbeing = Wellbeing {
            checkins: vec![
                CheckIn {
                    date: d(9, 1),
                    answers: [Some(3); 4],
                },
                CheckIn {
                    date: dec(1),
                    answers: [Some(4); 4],
                },
                CheckIn {
                    date: dec(22),
                    answers: [Some(6); 4],
                },
            ],
            ..Wellbeing::default()
        };
        let measures = vec![crate::model::diary::builtin("breathlessness").unwrap()];
        let src = Sources {
            now: "2026-12-29T12:00:00Z".parse().unwrap(),
            name: None,
            goals: &goals,
            measures: &measures,
            months: &months,
            wellbeing: &wellbeing,
            appointments: &ApptBook::default(),
            talk: &TalkList::default(),
            code: None,
            conditions: &[],
            what_matters: None,
        };
        let choice = Choice {
            goals: vec![id],
            measures: vec!["breathlessness".into()],
            ..everything()
        };
        let s = Summary::build(&choice, from, to, &src);
        let c = s.changes(today);
        assert_eq!(c.goals[0].words, "3 (on Tue 1 December) to 6 out of 10");
        // The diary's 1 December (9) is not in the first week's average.
        assert_eq!(s.measures[0].stats.map(|s| s.0), Some(4));
        assert_eq!(c.measures[0].words, "6.0 to 4.0 out of 10, better");
        assert_eq!(
            c.wellbeing_days.as_deref(),
            Some("Tue 1 December to Tue 22 December")
        );
        assert_eq!(c.wellbeing[0].words, "4 to 6 out of 10, 2 points better");
    }

    /// Known facts: a goal done in the period, an appointment recorded as
    /// gone ahead, one recorded as not, one cancelled and one with nothing
    /// recorded. The summary carries each as it is, and "What has changed"
    /// tells the done goal first and assumes no outcome.
    #[test]
    fn done_goals_and_outcomes_are_carried_as_the_client_recorded_them() {
        use crate::model::appointment::ApptDraft;
        use crate::model::goal::GoalStatus;
        let mut goals = GoalBook::default();
        for text in ["Walk", "Swim"] {
            let draft = GoalDraft {
                text: text.into(),
                ..GoalDraft::default()
            };
            goals.add(&draft, d(10, 1)).unwrap();
        }
        goals
            .get_mut(2)
            .unwrap()
            .set_status(GoalStatus::Done, d(11, 18));
        let mut appts = ApptBook::default();
        let weekly = ApptDraft {
            with: "Walking group".into(),
            date: "2026-11-03".into(),
            time: "10:30".into(),
            every_weeks: "1".into(),
            until: "2027-03-30".into(),
            ..ApptDraft::default()
        };
        let id = appts.add(&weekly).unwrap();
        let a = appts.get_mut(id).unwrap();
        a.set_went(d(11, 3), Some(Went::Ahead));
        a.set_went(d(11, 10), Some(Went::NotAhead));
        a.cancel_one(d(11, 17), true);
        let src = Sources {
            now: now(),
            name: None,
            goals: &goals,
            measures: &[],
            months: &[],
            wellbeing: &Wellbeing::default(),
            appointments: &appts,
            talk: &TalkList::default(),
            code: None,
            conditions: &[],
            what_matters: None,
        };
        let choice = Choice {
            goals: vec![1, 2],
            measures: vec![],
            ..everything()
        };
        let s = Summary::build(&choice, d(10, 25), d(11, 21), &src);
        assert_eq!(s.goals[1].status, SharedStatus::Done);
        assert_eq!(s.goals[1].status_on, Some(24));
        assert_eq!(s.goals[0].status_on, None);
        let outcomes: Vec<_> = s.past.iter().map(|p| (p.day, p.outcome())).collect();
        assert_eq!(
            outcomes,
            vec![
                (9, "Went ahead"),
                (16, "Did not go ahead"),
                (23, "Cancelled")
            ]
        );
        let c = s.changes(d(11, 21));
        assert_eq!(c.done.len(), 1);
        assert_eq!(c.done[0].words, "Done on Wed 18 November; not rated yet");
        assert_eq!(
            c.appointments[0].words,
            "3 in this period; 1 went ahead; 1 did not go ahead; 1 cancelled"
        );
        // And the link carries it all.
        let again = crate::share::link::unpack(&crate::share::link::pack(&s)).unwrap();
        assert_eq!(again, s);
    }
}

//! A typical summary, for tests, benches and the e2e tests' seeds.

use chrono::{DateTime, Utc};

use super::period::Period;
use super::types::{
    offset, Better, SharedAppointment, SharedGoal, SharedKind, SharedMeasure, SharedPast,
    SharedStatus, SharedWellbeing, Summary,
};
use crate::model::time::london_today;

/// A typical three-month summary, as shared by default (no notes, no
/// single readings): the client's code, 2 conditions and what matters to
/// them, 3 goals, 4 measures, 3 check-ins, 14 appointments in the period
/// (one cancelled) and 2 coming up, and 5 things to talk about. Used to
/// test and report the link length and the QR code's fit.
pub fn typical(now: DateTime<Utc>) -> Summary {
    let to = london_today(now);
    let from = Period::Last3Months
        .days(to, None, None)
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
        status_on: None,
    };
    let measure = |name: &str, kind, unit: &str, decimals, base: i32, better| SharedMeasure {
        name: name.into(),
        kind,
        unit: unit.into(),
        decimals,
        stats: Some((84, i64::from(base) * 84, base - base / 4, base + base / 3)),
        weeks: (0..13)
            .map(|w| (w, base * 10 + (w as i32 * 7) % 13 - 6))
            .collect(),
        readings: Vec::new(),
        better,
        monday_weeks: true,
        last_day: Some(offset(from, to) - 1),
        last_week: if kind == SharedKind::Mood {
            vec![(2, 1), (3, 2), (4, 4)]
        } else {
            Vec::new()
        },
        range: (kind == SharedKind::Number).then_some((0, base * 3)),
        first_week: if kind == SharedKind::Mood {
            vec![(2, 2), (3, 4), (4, 1)]
        } else {
            Vec::new()
        },
    };
    // A weekly walking group and two GP visits.
    let mut past: Vec<SharedPast> = (0..12)
        .map(|w| SharedPast {
            day: w * 7 + 3,
            time: 600,
            title: "Walking group".into(),
            cancelled: w == 5,
            notes: None,
            // The client recorded most of them; two they did not.
            went: (w != 5 && w < 10).then_some(w != 7),
        })
        .collect();
    for day in [20, 61] {
        past.push(SharedPast {
            day,
            time: 570,
            title: "GP: Dr Patel".into(),
            cancelled: false,
            notes: None,
            went: Some(true),
        });
    }
    past.sort_by_key(|p| p.day);
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
            measure("Mood", SharedKind::Mood, "", 0, 3, Some(Better::Higher)),
            measure(
                "Breathlessness",
                SharedKind::Scale,
                "",
                0,
                5,
                Some(Better::Lower),
            ),
            measure(
                "Peak flow",
                SharedKind::Number,
                "L/min",
                0,
                310,
                Some(Better::Higher),
            ),
            measure("Sleep", SharedKind::Number, "hours", 1, 62, None),
        ],
        wellbeing: Some(SharedWellbeing {
            start: (-40, [Some(4), Some(5), Some(3), Some(7)]),
            before: Some((-12, [Some(4), Some(5), Some(4), Some(7)])),
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
        code: Some("k7q2m9x4t8w3p6r5".into()),
        conditions: vec![
            "COPD (chronic obstructive pulmonary disease)".into(),
            "Type 2 diabetes".into(),
        ],
        what_matters: Some("Seeing my grandchildren and getting out to the shops on my own".into()),
        past,
    }
}

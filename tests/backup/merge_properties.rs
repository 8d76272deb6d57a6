//! The merge properties of every kind, over many random pairs.

use alongside::model::appointment::{ApptBook, ApptDraft, ApptKind};
use alongside::model::diary::{DayEntry, DiaryMonth, Reading};
use alongside::model::wellbeing::{Choice, Question, TalkList, Wellbeing};
use alongside::model::{Goal, GoalBook};

use crate::support::{day, goal, Rng};

// Merge properties, over many random pairs.

fn random_goals(rng: &mut Rng) -> GoalBook {
    let words = ["Walk", "Swim", "Choir", "Cook", "Sleep", "Garden"];
    let mut book = GoalBook::default();
    for _ in 0..rng.below(6) {
        let d = day(2026, 11, 1 + rng.below(3) as u32);
        let id = book.add(&goal(words[rng.below(words.len())]), d).unwrap();
        if rng.chance(40) {
            let g = book.get_mut(id).unwrap();
            g.add_step("A step").unwrap();
            g.rate(rng.below(11) as u8, d).unwrap();
        }
        if rng.chance(20) {
            book.delete(id);
        }
    }
    book
}

fn random_talk(rng: &mut Rng) -> TalkList {
    let words = ["Sleep", "Pain", "Walking group", "Money"];
    let mut t = TalkList::default();
    for _ in 0..rng.below(5) {
        let d = day(2026, 11, 1 + rng.below(2) as u32);
        let id = t.add(words[rng.below(words.len())], d).unwrap();
        if rng.chance(20) {
            t.remove(id);
        }
    }
    t
}

fn random_appointments(rng: &mut Rng) -> ApptBook {
    let mut book = ApptBook::default();
    for _ in 0..rng.below(4) {
        book.add(&ApptDraft {
            kind: [ApptKind::Gp, ApptKind::Nurse][rng.below(2)],
            with: ["Dr Patel", "Sam"][rng.below(2)].into(),
            date: format!("2026-12-0{}", 1 + rng.below(2)),
            time: "10:00".into(),
            ..ApptDraft::default()
        })
        .unwrap();
    }
    book
}

fn random_wellbeing(rng: &mut Rng) -> Wellbeing {
    let mut w = Wellbeing::default();
    for d in 1..=6u32 {
        if rng.chance(50) {
            for q in Question::ALL {
                w.answer(q, Choice::Value(rng.below(3) as u8)).unwrap();
            }
            w.complete(day(2026, 11, d)).unwrap();
        }
    }
    w
}

fn random_month(rng: &mut Rng) -> DiaryMonth {
    let mut month = DiaryMonth::default();
    for d in 1..=6u32 {
        if rng.chance(60) {
            let mut readings = Vec::new();
            if rng.chance(70) {
                readings.push(Reading {
                    m: "mood".into(),
                    t: None,
                    v: 1 + rng.below(2) as i32,
                });
            }
            for t in [480u16, 720, 1080] {
                if rng.chance(50) {
                    readings.push(Reading {
                        m: "glucose".into(),
                        t: Some(t),
                        v: 50 + rng.below(2) as i32,
                    });
                }
            }
            month.put(DayEntry {
                date: day(2026, 11, d),
                readings,
                note: rng
                    .chance(30)
                    .then(|| ["Tired", "Fine"][rng.below(2)].into()),
            });
        }
    }
    month
}

/// Checks the merge properties for one kind: everything of `a` is kept
/// as it was, everything of `b` is there (`has`), merging again or with
/// itself changes nothing, and the result passes the stored checks.
fn properties<T: Clone + PartialEq + std::fmt::Debug>(
    a: &T,
    b: &T,
    merge: impl Fn(&mut T, &T),
    keeps_all_of_a: impl Fn(&T, &T) -> bool,
    has_all_of_b: impl Fn(&T, &T) -> bool,
    check: impl Fn(&T) -> Result<(), String>,
) {
    let mut m = a.clone();
    merge(&mut m, b);
    assert!(
        keeps_all_of_a(&m, a),
        "lost some of a: {a:?} + {b:?} = {m:?}"
    );
    assert!(has_all_of_b(&m, b), "lost some of b: {a:?} + {b:?} = {m:?}");
    assert_eq!(check(&m), Ok(()), "{m:?}");
    let mut again = m.clone();
    merge(&mut again, b);
    assert_eq!(again, m, "merging twice changed it");
    let mut twice = m.clone();
    merge(&mut twice, a);
    assert_eq!(twice, m, "merging a again changed it");
    let mut same = a.clone();
    merge(&mut same, a);
    assert_eq!(&same, a, "merge(a, a) is not a");
}

#[test]
fn merges_keep_everything_once_and_merging_again_changes_nothing() {
    let mut rng = Rng(2026);
    for _ in 0..2000 {
        let (a, b) = (random_goals(&mut rng), random_goals(&mut rng));
        properties(
            &a,
            &b,
            GoalBook::add_missing,
            |m, a| m.goals.starts_with(&a.goals),
            |m, b| {
                b.goals.iter().all(|g| {
                    m.goals
                        .iter()
                        .any(|x| x.created_on == g.created_on && x.text == g.text)
                })
            },
            GoalBook::check,
        );
        // A goal of b whose id is free in a keeps its id; one whose id is
        // taken by a different goal comes whole under a fresh id.
        let mut m = a.clone();
        m.add_missing(&b);
        for g in &b.goals {
            match a.get(g.id) {
                None => assert_eq!(m.get(g.id), Some(g)),
                Some(x) if x.created_on == g.created_on && x.text == g.text => {}
                Some(_) => assert!(
                    m.goals.iter().any(|x| x.id >= a.next_id.max(b.next_id)
                        && *x
                            == Goal {
                                id: x.id,
                                ..g.clone()
                            })
                        || a.goals
                            .iter()
                            .any(|x| x.created_on == g.created_on && x.text == g.text)
                ),
            }
        }

        let (a, b) = (random_talk(&mut rng), random_talk(&mut rng));
        properties(
            &a,
            &b,
            TalkList::add_missing,
            |m, a| m.items.starts_with(&a.items),
            |m, b| {
                b.items.iter().all(|t| {
                    m.items
                        .iter()
                        .any(|x| x.text == t.text && x.added_on == t.added_on)
                })
            },
            |t| {
                let mut ids: Vec<u32> = t.items.iter().map(|i| i.id).collect();
                ids.sort_unstable();
                ids.dedup();
                let fine = ids.len() == t.items.len() && t.items.iter().all(|i| i.id < t.next_id);
                fine.then_some(()).ok_or_else(|| "ids".to_string())
            },
        );

        let (a, b) = (random_appointments(&mut rng), random_appointments(&mut rng));
        properties(
            &a,
            &b,
            ApptBook::add_missing,
            |m, a| m.appointments.starts_with(&a.appointments),
            |m, b| {
                b.appointments.iter().all(|x| {
                    m.appointments
                        .iter()
                        .any(|y| y.kind == x.kind && y.with == x.with && y.date == x.date)
                })
            },
            ApptBook::check,
        );

        let (a, b) = (random_wellbeing(&mut rng), random_wellbeing(&mut rng));
        properties(
            &a,
            &b,
            Wellbeing::add_missing,
            |m, a| {
                // a's check-ins, in a's order, and its settings.
                let mut it = m.checkins.iter();
                a.checkins.iter().all(|c| it.any(|x| x == c)) && m.rhythm == a.rhythm
            },
            |m, b| b.checkins.iter().all(|c| m.checkins.contains(c)),
            |w| {
                w.checkins
                    .windows(2)
                    .all(|p| p[0].date <= p[1].date)
                    .then_some(())
                    .ok_or_else(|| "out of order".to_string())
            },
        );

        let (a, b) = (random_month(&mut rng), random_month(&mut rng));
        properties(
            &a,
            &b,
            DiaryMonth::add_missing,
            |m, a| {
                a.days.iter().all(|d| {
                    let x = m.day(d.date).unwrap();
                    d.readings.iter().all(|r| x.readings.contains(r))
                        && (d.note.is_none() || x.note == d.note)
                })
            },
            |m, b| {
                b.days.iter().all(|d| {
                    let x = m.day(d.date).unwrap();
                    d.readings
                        .iter()
                        .all(|r| x.readings.iter().any(|y| y.m == r.m && y.t == r.t))
                        && (d.note.is_none() || x.note.is_some())
                })
            },
            |month| {
                month.check()?;
                for d in &month.days {
                    for (i, r) in d.readings.iter().enumerate() {
                        if d.readings[..i].iter().any(|x| x.m == r.m && x.t == r.t) {
                            return Err("a reading twice".into());
                        }
                    }
                }
                Ok(())
            },
        );
    }
}

//! "What has changed": the first thing a link worker reads in a session,
//! one line for each goal, diary measure, wellbeing question and kind of
//! appointment, worked out from the summary alone.
//!
//! One period for everything: a change is told from the first value in
//! the period to the last. Where the period holds only one value (or
//! none), the last value before it is used as the start, and its day is
//! said, so a starting point from before the period is never passed off
//! as part of it.

use chrono::NaiveDate;

use super::types::{Better, SharedKind, SharedMeasure, SharedStatus, Summary};
use super::values::average;
use crate::model::time::format_day;
use crate::model::wellbeing::Question;

/// One line of "What has changed": what it is about, and what changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// What the line is about: a goal, a measure's name, a question.
    pub what: String,
    /// What changed, in words: "3 to 6 out of 10; 1 step done".
    pub words: String,
}

impl Line {
    fn new(what: &str, words: String) -> Line {
        Line {
            what: what.to_string(),
            words,
        }
    }
}

/// Everything "What has changed" says, in the order it is shown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    /// Things the client wants to talk about: first, as the session
    /// starts with them.
    pub talk: Vec<String>,
    /// Goals done in the period: successes, told right after the things
    /// to talk about, before anything else the record says.
    pub done: Vec<Line>,
    /// One line per other shared goal.
    pub goals: Vec<Line>,
    /// One line per shared diary measure.
    pub measures: Vec<Line>,
    /// The days the wellbeing lines compare ("Tue 3 November to Sat 21
    /// November"), when there are any.
    pub wellbeing_days: Option<String>,
    /// One line per wellbeing question, never summed: the four are
    /// separate measures.
    pub wellbeing: Vec<Line>,
    /// One line per kind of appointment in the period.
    pub appointments: Vec<Line>,
}

impl Changes {
    /// True when there is nothing to say.
    pub fn is_empty(&self) -> bool {
        self.talk.is_empty()
            && self.done.is_empty()
            && self.goals.is_empty()
            && self.measures.is_empty()
            && self.wellbeing.is_empty()
            && self.appointments.is_empty()
    }
}

/// A number of things, with the noun made plural when it needs to be.
pub(super) fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Which way a change from `a` to `b` (weekly averages) went, in words
/// the right way round: "better" or "worse" where one way is better,
/// "higher" or "lower" where neither is, "about the same" for a change
/// under half a point on a scale, or a twentieth of a number.
pub(super) fn direction(m: &SharedMeasure, a: i32, b: i32) -> &'static str {
    let threshold = match m.kind {
        SharedKind::Number => (i64::from(a).abs() / 20).max(1),
        _ => 5,
    };
    let diff = i64::from(b) - i64::from(a);
    if diff.abs() < threshold {
        return "about the same";
    }
    let up = diff > 0;
    match m.better {
        Some(Better::Higher) if up => "better",
        Some(Better::Lower) if !up => "better",
        Some(_) => "worse",
        None if up => "higher",
        None => "lower",
    }
}

/// A mood or yes-or-no answer in the client's words.
fn answer(m: &SharedMeasure, v: i32) -> String {
    m.shown().reading(v)
}

/// Answer counts, the most given first; between equals, the better answer
/// first.
fn sorted(counts: &[(i32, u32)]) -> Vec<(i32, u32)> {
    let mut counts = counts.to_vec();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.cmp(&a.0)));
    counts
}

/// The answer given most, "mostly Good", or "mixed" when two tie.
fn lead(m: &SharedMeasure, counts: &[(i32, u32)]) -> Option<String> {
    let counts = sorted(counts);
    let (top, next) = (counts.first()?, counts.get(1));
    // "Mostly" only when one answer was given more than any other.
    Some(match next {
        Some(n) if n.1 == top.1 => "mixed".to_string(),
        _ => format!("mostly {}", answer(m, top.0)),
    })
}

/// Every answer with its count, the most given first: "Good 4, OK 2".
fn tally(m: &SharedMeasure, counts: &[(i32, u32)]) -> String {
    sorted(counts)
        .iter()
        .map(|(v, n)| format!("{} {n}", answer(m, *v)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The average of answer counts, scaled by ten, as weekly averages are.
fn mean_x10(counts: &[(i32, u32)]) -> Option<i32> {
    let n: i64 = counts.iter().map(|(_, c)| i64::from(*c)).sum();
    let sum: i64 = counts
        .iter()
        .map(|(v, c)| i64::from(*v) * i64::from(*c))
        .sum();
    (n > 0).then(|| {
        let twice = sum * 20 / n;
        i32::try_from((twice + twice.signum()) / 2).unwrap_or(0)
    })
}

impl Summary {
    /// The day `offset` in the app's words.
    fn say(&self, offset: i32, today: NaiveDate) -> String {
        format_day(self.day(offset), today)
    }

    /// The offset of the period's last day.
    fn last_offset(&self) -> i32 {
        super::types::offset(self.from, self.to)
    }

    /// "What has changed" in this summary, with days in words as seen on
    /// `today`.
    pub fn changes(&self, today: NaiveDate) -> Changes {
        let last = self.last_offset();
        let (done, others): (Vec<_>, Vec<_>) = self.goals.iter().partition(|g| g.done_in(last));
        Changes {
            talk: self.talk.clone(),
            done: done.into_iter().map(|g| self.goal_line(g, today)).collect(),
            goals: others
                .into_iter()
                .map(|g| self.goal_line(g, today))
                .collect(),
            measures: self
                .measures
                .iter()
                .map(|m| Line::new(&m.name, self.measure_words(m, today)))
                .collect(),
            wellbeing_days: self
                .wellbeing_span()
                .map(|(a, b)| format!("{} to {}", self.say(a, today), self.say(b, today))),
            wellbeing: self.wellbeing_lines(),
            appointments: self.appointment_lines(),
        }
    }

    fn goal_line(&self, g: &super::types::SharedGoal, today: NaiveDate) -> Line {
        let mut parts = Vec::new();
        // The status with its day: "Done on Wed 18 November".
        match (g.status, g.status_on) {
            (SharedStatus::WorkingOnIt, _) => {}
            (other, Some(on)) => {
                parts.push(format!("{} on {}", other.label(), self.say(on, today)))
            }
            (other, None) => parts.push(other.label().to_string()),
        }
        let inside: Vec<_> = g.ratings.iter().filter(|(d, _)| *d >= 0).collect();
        let before = g.ratings.iter().rfind(|(d, _)| *d < 0);
        parts.push(match (inside.first(), inside.last(), before) {
            (Some(a), Some(b), _) if inside.len() > 1 => format!("{} to {} out of 10", a.1, b.1),
            (Some(only), _, Some(was)) => format!(
                "{} (on {}) to {} out of 10",
                was.1,
                self.say(was.0, today),
                only.1
            ),
            (Some(only), _, None) => {
                format!("{} out of 10 on {}", only.1, self.say(only.0, today))
            }
            (None, _, Some(was)) => format!(
                "last rated {} out of 10 on {}",
                was.1,
                self.say(was.0, today)
            ),
            (None, _, None) => "not rated yet".to_string(),
        });
        if !g.steps.is_empty() {
            let done = g
                .steps
                .iter()
                .filter(|(_, d)| d.is_some_and(|d| (0..=self.last_offset()).contains(&d)))
                .count();
            parts.push(if done == 0 {
                "no steps done in this period".to_string()
            } else {
                format!("{} done", count(done, "step", "steps"))
            });
        }
        Line::new(&g.text, parts.join("; "))
    }

    /// A mood or yes-or-no measure in the client's words, from the first
    /// week with readings to the last week, with which way mood went:
    /// "from mostly Good to mostly Low, worse (last week: Low 4, OK 2)".
    /// With no first week apart from the last, the last week alone:
    /// "mostly Low in the last week (Low 4, OK 2)". Older links carry no
    /// first week's answers: their first weekly average is the start.
    fn last_week_words(&self, m: &SharedMeasure) -> Option<String> {
        let last = lead(m, &m.last_week)?;
        let all = tally(m, &m.last_week);
        let last_week_start = self.to - chrono::Duration::days(6);
        let start = if m.first_week.is_empty() {
            m.weeks
                .first()
                .filter(|(w, _)| {
                    self.week_start(m, *w) + chrono::Duration::days(6) < last_week_start
                })
                .map(|(_, a)| (average(m, *a), *a))
        } else {
            lead(m, &m.first_week).zip(mean_x10(&m.first_week))
        };
        let Some((first, a)) = start else {
            return Some(format!("{last} in the last week ({all})"));
        };
        let words = |lead: &str| {
            if lead == "mixed" {
                "mixed answers".to_string()
            } else {
                lead.to_string()
            }
        };
        if first == last {
            return Some(format!("still {} (last week: {all})", words(&last)));
        }
        // Which way is said for mood; yes or no has no better way.
        let way = match (m.kind, mean_x10(&m.last_week)) {
            (SharedKind::Mood, Some(b)) => format!(", {}", direction(m, a, b)),
            _ => String::new(),
        };
        Some(format!(
            "from {} to {}{way} (last week: {all})",
            words(&first),
            words(&last)
        ))
    }

    fn measure_words(&self, m: &SharedMeasure, today: NaiveDate) -> String {
        if m.stats.is_none() || m.weeks.is_empty() {
            return "no readings in this period".into();
        }
        // Not recorded lately: a trend would say more than is known.
        if let Some(last) = self.last_recorded(m).filter(|_| self.is_stale(m)) {
            return last.words(today);
        }
        if matches!(m.kind, SharedKind::Mood | SharedKind::YesNo) {
            if let Some(words) = self.last_week_words(m) {
                return words;
            }
        }
        match (m.weeks.first(), m.weeks.last()) {
            (Some(a), Some(b)) if m.weeks.len() > 1 => {
                // The unit once, after the second number: "6.3 to 4.0 out of 10".
                let first = m.shown().average_number(a.1);
                format!("{first} to {}, {}", average(m, b.1), direction(m, a.1, b.1))
            }
            (Some(only), _) => format!("average {}, from one week of readings", average(m, only.1)),
            _ => "no readings in this period".into(),
        }
    }

    /// The check-ins the wellbeing lines compare, by offset: the first in
    /// the period (or the last before it, if the period has only one) and
    /// the latest. `None` with fewer than two check-ins in all.
    fn wellbeing_span(&self) -> Option<(i32, i32)> {
        let w = self.wellbeing.as_ref()?;
        let latest = w.latest().0;
        let start = match w.in_period.as_slice() {
            [first, _, ..] => first.0,
            _ => w.before.map_or(w.start.0, |b| b.0),
        };
        (start != latest).then_some((start, latest))
    }

    fn wellbeing_lines(&self) -> Vec<Line> {
        let (Some(w), Some((start, _))) = (self.wellbeing.as_ref(), self.wellbeing_span()) else {
            return Vec::new();
        };
        let first = std::iter::once(w.start)
            .chain(w.before)
            .chain(w.in_period.iter().copied())
            .find(|(d, _)| *d == start)
            .map_or([None; 4], |(_, a)| a);
        let latest = w.latest().1;
        Question::ALL
            .iter()
            .enumerate()
            .map(|(i, q)| {
                let words = match (first[i], latest[i]) {
                    (Some(a), Some(b)) => format!("{a} to {b} out of 10, {}", q.change(a, b)),
                    (None, Some(b)) => format!("not answered, then {b} out of 10"),
                    (Some(a), None) => format!("{a} out of 10, then not answered"),
                    (None, None) => "not answered".into(),
                };
                Line::new(q.short(), words)
            })
            .collect()
    }

    /// One line per kind of appointment: how many there were, then each
    /// outcome the client recorded, counted on its own. Nothing is assumed:
    /// one the client said nothing about afterwards is "not recorded".
    fn appointment_lines(&self) -> Vec<Line> {
        let mut titles: Vec<&str> = Vec::new();
        for p in &self.past {
            if !titles.contains(&p.title.as_str()) {
                titles.push(&p.title);
            }
        }
        titles
            .into_iter()
            .map(|title| {
                let all: Vec<_> = self.past.iter().filter(|p| p.title == title).collect();
                let of = |outcome: &str| all.iter().filter(|p| p.outcome() == outcome).count();
                let mut parts = vec![count(all.len(), "in this period", "in this period")];
                for (outcome, words) in [
                    ("Went ahead", "went ahead"),
                    ("Did not go ahead", "did not go ahead"),
                    ("Cancelled", "cancelled"),
                    ("Not recorded", "not recorded"),
                ] {
                    let n = of(outcome);
                    if n > 0 {
                        parts.push(format!("{n} {words}"));
                    }
                }
                let noted = all.iter().filter(|p| p.notes.is_some()).count();
                if noted > 0 {
                    parts.push(format!("{noted} with notes"));
                }
                Line::new(title, parts.join("; "))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{d, now};
    use super::super::types::{SharedGoal, SharedPast, SharedWellbeing};
    use super::super::typical;
    use super::*;

    fn words(lines: &[Line], what: &str) -> String {
        lines
            .iter()
            .find(|l| l.what == what)
            .map(|l| l.words.clone())
            .unwrap_or_else(|| panic!("no line for {what}"))
    }

    /// A four-week summary, 25 October to 21 November, to change.
    fn four_weeks() -> Summary {
        let mut s = typical(now());
        s.from = d(10, 25);
        s.to = d(11, 21);
        s
    }

    fn scale(name: &str, better: Option<Better>, weeks: &[i32]) -> SharedMeasure {
        SharedMeasure {
            name: name.into(),
            kind: SharedKind::Scale,
            unit: String::new(),
            decimals: 0,
            stats: Some((20, 100, 1, 9)),
            weeks: weeks
                .iter()
                .enumerate()
                .map(|(i, v)| (i as u16, *v))
                .collect(),
            readings: Vec::new(),
            better,
            monday_weeks: true,
            last_day: Some(27),
            last_week: Vec::new(),
            range: None,
            first_week: Vec::new(),
        }
    }

    #[test]
    fn measures_say_which_way_they_went_the_right_way_round() {
        let mut s = four_weeks();
        s.measures = vec![
            scale("Breathlessness", Some(Better::Lower), &[63, 55, 48, 40]),
            scale("Pain", Some(Better::Lower), &[40, 45, 52, 61]),
            scale("Peak", Some(Better::Higher), &[40, 45, 52, 61]),
            scale("Steady", Some(Better::Lower), &[50, 52, 49, 53]),
            scale("Glucose", None, &[50, 60, 70, 80]),
            scale("Once", Some(Better::Lower), &[50]),
        ];
        let c = s.changes(d(11, 21));
        assert_eq!(
            words(&c.measures, "Breathlessness"),
            "6.3 to 4.0 out of 10, better"
        );
        assert_eq!(words(&c.measures, "Pain"), "4.0 to 6.1 out of 10, worse");
        assert_eq!(words(&c.measures, "Peak"), "4.0 to 6.1 out of 10, better");
        assert_eq!(
            words(&c.measures, "Steady"),
            "5.0 to 5.3 out of 10, about the same"
        );
        assert_eq!(
            words(&c.measures, "Glucose"),
            "5.0 to 8.0 out of 10, higher"
        );
        assert_eq!(
            words(&c.measures, "Once"),
            "average 5.0 out of 10, from one week of readings"
        );
    }

    #[test]
    fn a_measure_not_recorded_lately_says_when_it_last_was_and_no_trend() {
        let mut s = four_weeks();
        let mut m = scale("Breathlessness", Some(Better::Lower), &[63, 55]);
        // 8 November: 13 days before the end.
        m.last_day = Some(14);
        let mut none = scale("Swelling", Some(Better::Lower), &[]);
        none.stats = None;
        s.measures = vec![m, none];
        let c = s.changes(d(11, 21));
        assert_eq!(
            words(&c.measures, "Breathlessness"),
            "last recorded Sun 8 November"
        );
        assert_eq!(words(&c.measures, "Swelling"), "no readings in this period");
    }

    #[test]
    fn mood_is_told_in_the_clients_words_with_counts_and_which_way_it_went() {
        let mut s = four_weeks();
        let mut mood = scale("Mood", Some(Better::Higher), &[40, 22]);
        mood.kind = SharedKind::Mood;
        mood.first_week = vec![(3, 1), (4, 5), (5, 1)];
        mood.last_week = vec![(1, 1), (2, 4), (3, 2)];
        let mut up = mood.clone();
        up.name = "Up".into();
        std::mem::swap(&mut up.first_week, &mut up.last_week);
        let mut even = mood.clone();
        even.name = "Even".into();
        even.last_week = vec![(3, 2), (4, 2)];
        // A short period: no first week apart from the last.
        let mut short = mood.clone();
        short.name = "Short".into();
        short.first_week = Vec::new();
        short.weeks = vec![(3, 30), (4, 34)];
        let mut old = mood.clone();
        // From an older link: no counts at all, so the averages in words.
        old.name = "Old".into();
        old.last_week = Vec::new();
        old.first_week = Vec::new();
        old.last_day = None;
        old.weeks = vec![(0, 30), (3, 33)];
        // An older link with last week's counts but no first week's: its
        // first weekly average is the start.
        let mut older = mood.clone();
        older.name = "Older".into();
        older.first_week = Vec::new();
        let mut yes = mood.clone();
        yes.name = "Went outside".into();
        yes.kind = SharedKind::YesNo;
        yes.better = None;
        yes.first_week = vec![(0, 5), (1, 2)];
        yes.last_week = vec![(0, 1), (1, 6)];
        s.measures = vec![mood, up, even, short, old, older, yes];
        let c = s.changes(d(11, 21));
        assert_eq!(
            words(&c.measures, "Mood"),
            "from mostly Good to mostly Low, worse (last week: Low 4, OK 2, Very low 1)"
        );
        assert_eq!(
            words(&c.measures, "Up"),
            "from mostly Low to mostly Good, better (last week: Good 5, Very good 1, OK 1)"
        );
        assert_eq!(
            words(&c.measures, "Even"),
            "from mostly Good to mixed answers, worse (last week: Good 2, OK 2)"
        );
        assert_eq!(
            words(&c.measures, "Short"),
            "mostly Low in the last week (Low 4, OK 2, Very low 1)"
        );
        assert_eq!(
            words(&c.measures, "Old"),
            "about OK to about OK, about the same"
        );
        assert_eq!(
            words(&c.measures, "Older"),
            "from about Good to mostly Low, worse (last week: Low 4, OK 2, Very low 1)"
        );
        assert_eq!(
            words(&c.measures, "Went outside"),
            "from mostly No to mostly Yes (last week: Yes 6, No 1)"
        );
        let mut same = s.clone();
        same.measures[0].last_week = vec![(4, 4), (3, 1)];
        assert_eq!(
            same.changes(d(11, 21)).measures[0].words,
            "still mostly Good (last week: Good 4, OK 1)"
        );
        assert!(c.measures.iter().all(|l| !l.words.contains("out of 5")));
    }

    #[test]
    fn numbers_keep_their_units_precision_in_a_change() {
        let mut s = four_weeks();
        let mut peak = scale("Peak flow", Some(Better::Higher), &[3170, 2970]);
        peak.kind = SharedKind::Number;
        peak.unit = "L/min".into();
        let mut glucose = scale("Blood glucose", None, &[1489, 1212]);
        glucose.kind = SharedKind::Number;
        glucose.unit = "mmol/L".into();
        glucose.decimals = 1;
        s.measures = vec![peak, glucose];
        let c = s.changes(d(11, 21));
        assert_eq!(words(&c.measures, "Peak flow"), "317 to 297 L/min, worse");
        assert_eq!(
            words(&c.measures, "Blood glucose"),
            "14.9 to 12.1 mmol/L, lower"
        );
    }

    #[test]
    fn goals_tell_their_rating_and_steps_in_one_period() {
        let mut s = four_weeks();
        let goal = |text: &str, ratings: Vec<(i32, u8)>| SharedGoal {
            text: text.into(),
            why: None,
            status: SharedStatus::WorkingOnIt,
            steps: vec![
                ("Gate".into(), Some(-10)),
                ("Bus stop".into(), Some(12)),
                ("Shop".into(), None),
            ],
            ratings,
            notes: Vec::new(),
            status_on: None,
        };
        s.goals = vec![
            // Rated before the period and twice in it: the period's own.
            goal("Walk", vec![(-24, 2), (3, 3), (20, 6)]),
            // Once in it: the start is the last before, with its day.
            goal("Cook", vec![(-24, 2), (20, 6)]),
            goal("Craft", vec![(-24, 4)]),
            goal("New", vec![]),
        ];
        s.goals[3].steps.clear();
        s.goals[3].status = SharedStatus::Paused;
        let c = s.changes(d(11, 21));
        // The step done before the period does not count.
        assert_eq!(words(&c.goals, "Walk"), "3 to 6 out of 10; 1 step done");
        assert_eq!(
            words(&c.goals, "Cook"),
            "2 (on Thu 1 October) to 6 out of 10; 1 step done"
        );
        assert_eq!(
            words(&c.goals, "Craft"),
            "last rated 4 out of 10 on Thu 1 October; 1 step done"
        );
        assert_eq!(words(&c.goals, "New"), "Paused; not rated yet");
        assert!(c.done.is_empty());

        // Done in the period: a success, first and dated. Done before it:
        // among the others, still dated.
        s.goals[0].status = SharedStatus::Done;
        s.goals[0].status_on = Some(24);
        s.goals[1].status = SharedStatus::LetGo;
        s.goals[1].status_on = Some(-3);
        let c = s.changes(d(11, 21));
        assert_eq!(c.done.len(), 1);
        assert_eq!(
            words(&c.done, "Walk"),
            "Done on Wed 18 November; 3 to 6 out of 10; 1 step done"
        );
        assert!(words(&c.goals, "Cook").starts_with("Let go on Thu 22 October; "));
        assert!(c.goals.iter().all(|l| l.what != "Walk"));
    }

    #[test]
    fn wellbeing_compares_each_question_over_the_period_never_summed() {
        let mut s = four_weeks();
        s.wellbeing = Some(SharedWellbeing {
            start: (-60, [Some(2), Some(2), Some(2), Some(9)]),
            before: Some((-3, [Some(4), Some(5), Some(3), Some(7)])),
            in_period: vec![
                (2, [Some(5), Some(5), Some(4), Some(6)]),
                (25, [Some(6), Some(5), None, Some(4)]),
            ],
        });
        let c = s.changes(d(11, 21));
        assert_eq!(
            c.wellbeing_days.as_deref(),
            Some("Tue 27 October to Thu 19 November")
        );
        assert_eq!(
            words(&c.wellbeing, "Life satisfaction"),
            "5 to 6 out of 10, 1 point better"
        );
        assert_eq!(
            words(&c.wellbeing, "Feeling things are worthwhile"),
            "5 to 5 out of 10, the same"
        );
        assert_eq!(
            words(&c.wellbeing, "Happiness yesterday"),
            "4 out of 10, then not answered"
        );
        assert_eq!(
            words(&c.wellbeing, "Anxiety yesterday"),
            "6 to 4 out of 10, 2 points better"
        );
        // One check-in in the period: the last before it is the start.
        let w = s.wellbeing.as_mut().unwrap();
        w.in_period.truncate(1);
        let c = s.changes(d(11, 21));
        assert_eq!(
            c.wellbeing_days.as_deref(),
            Some("Thu 22 October to Tue 27 October")
        );
        assert_eq!(
            words(&c.wellbeing, "Life satisfaction"),
            "4 to 5 out of 10, 1 point better"
        );
        // Only the starting point: nothing has changed yet.
        let w = s.wellbeing.as_mut().unwrap();
        w.in_period.clear();
        w.before = None;
        assert!(s.changes(d(11, 21)).wellbeing.is_empty());
    }

    #[test]
    fn appointments_are_counted_by_kind_with_cancellations_and_notes() {
        let mut s = four_weeks();
        let past = |day, title: &str, cancelled, went, notes: Option<&str>| SharedPast {
            day,
            time: 600,
            title: title.into(),
            cancelled,
            notes: notes.map(str::to_string),
            went,
        };
        s.past = vec![
            past(1, "Walking group", false, Some(true), None),
            past(4, "GP: Dr Patel", false, None, Some("New inhaler")),
            past(8, "Walking group", true, None, None),
            past(
                15,
                "Walking group",
                false,
                Some(false),
                Some("Made it round"),
            ),
            past(22, "Walking group", false, None, None),
            past(23, "Nurse", false, None, None),
        ];
        let c = s.changes(d(11, 21));
        // Only what the client recorded went ahead; nothing is assumed.
        assert_eq!(
            c.appointments,
            vec![
                Line::new(
                    "Walking group",
                    "4 in this period; 1 went ahead; 1 did not go ahead; 1 cancelled; 1 not recorded; 1 with notes".into()
                ),
                Line::new(
                    "GP: Dr Patel",
                    "1 in this period; 1 not recorded; 1 with notes".into()
                ),
                Line::new("Nurse", "1 in this period; 1 not recorded".into()),
            ]
        );
        assert!(c
            .appointments
            .iter()
            .all(|l| !l.words.contains("of 1 went")));
    }

    #[test]
    fn the_typical_summary_has_a_line_for_everything_and_talk_first() {
        let s = typical(now());
        let c = s.changes(d(11, 21));
        assert_eq!(c.talk, s.talk);
        assert_eq!(c.goals.len(), 3);
        assert_eq!(c.measures.len(), 4);
        assert_eq!(c.wellbeing.len(), 4);
        assert_eq!(c.appointments.len(), 2);
        assert!(!c.is_empty());
        assert!(Summary {
            talk: vec![],
            goals: vec![],
            measures: vec![],
            wellbeing: None,
            past: vec![],
            ..s
        }
        .changes(d(11, 21))
        .is_empty());
    }
}

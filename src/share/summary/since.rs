//! What changed since an earlier summary of the same client, which the
//! link worker kept on their device: each goal's rating and steps, each
//! measure's latest weekly average, the latest check-in, and new things
//! to talk about.
//!
//! The two are matched only by the client's code (see
//! [`Summary::same_client`]), never by name: two clients may share one.

use super::changes::{count, direction, Line};
use super::types::{SharedKind, SharedMeasure, Summary};
use super::values::{average, mood_word};
use crate::model::wellbeing::Question;

/// The latest weekly average of a measure, if it has one.
fn latest(m: &SharedMeasure) -> Option<i32> {
    m.weeks.last().map(|w| w.1)
}

impl Summary {
    /// True when `other` is a summary of the same client: both carry the
    /// client's code and it is the same. Summaries from older versions
    /// have no code and match nothing.
    pub fn same_client(&self, other: &Summary) -> bool {
        self.code.is_some() && self.code == other.code
    }

    /// What changed since `earlier`, a summary of the same client made
    /// before this one: a line for each goal, measure and wellbeing
    /// question that moved, and for new things to talk about; then, in one
    /// line each, the measures not recorded since and what is the same as
    /// then. Empty when they are not of the same client.
    pub fn since(&self, earlier: &Summary) -> Vec<Line> {
        if !self.same_client(earlier) {
            return Vec::new();
        }
        let line = |what: &str, words: String| Line {
            what: what.to_string(),
            words,
        };
        let mut lines = Vec::new();
        let mut same: Vec<&str> = Vec::new();
        let mut not_since: Vec<&str> = Vec::new();
        for g in &self.goals {
            let Some(old) = earlier.goals.iter().find(|o| o.text == g.text) else {
                lines.push(line(&g.text, "a new goal".into()));
                continue;
            };
            let mut parts = Vec::new();
            match (old.ratings.last(), g.ratings.last()) {
                (Some(a), Some(b)) if a.1 != b.1 => {
                    parts.push(format!("{} to {} out of 10", a.1, b.1))
                }
                (None, Some(b)) => parts.push(format!("now {} out of 10", b.1)),
                _ => {}
            }
            // Steps are matched by their words: done now, and not then.
            let done_since = g
                .steps
                .iter()
                .filter(|(text, d)| {
                    d.is_some() && !old.steps.iter().any(|(t, od)| t == text && od.is_some())
                })
                .count();
            if done_since > 0 {
                parts.push(format!("{} done", count(done_since, "step", "steps")));
            }
            if old.status != g.status {
                // Dated where the summary says when: "Done on Wed 18 November".
                parts.push(match g.status_on {
                    Some(on) => format!(
                        "{} on {}",
                        g.status.label(),
                        crate::model::time::format_day(self.day(on), self.to)
                    ),
                    None => format!("now {}", g.status.label()),
                });
            }
            if parts.is_empty() {
                same.push(&g.text);
            } else {
                lines.push(line(&g.text, parts.join("; ")));
            }
        }
        for m in &self.measures {
            // Nothing recorded after the earlier summary's last day: its
            // latest week is the same readings, not a new trend.
            if m.last_day.is_some_and(|d| self.day(d) <= earlier.to) {
                not_since.push(&m.name);
                continue;
            }
            let old = earlier
                .measures
                .iter()
                .find(|o| o.name == m.name && o.kind == m.kind && o.decimals == m.decimals);
            let (Some(a), Some(b)) = (old.and_then(latest), latest(m)) else {
                continue;
            };
            let words = match m.kind {
                SharedKind::Mood => format!(
                    "about {} then, about {} now",
                    mood_word((a + 5) / 10),
                    mood_word((b + 5) / 10)
                ),
                _ => format!(
                    "{} to {}, {}",
                    average(m, a),
                    average(m, b),
                    direction(m, a, b)
                ),
            };
            if a == b {
                same.push(&m.name);
            } else {
                lines.push(line(&m.name, words));
            }
        }
        if let (Some(old), Some(now)) = (&earlier.wellbeing, &self.wellbeing) {
            let (then_day, a) = old.latest();
            let (now_day, b) = now.latest();
            // A newer check-in than the one then: each question that moved.
            if self.day(now_day) > earlier.day(then_day) {
                for (i, q) in Question::ALL.iter().enumerate() {
                    match (a[i], b[i]) {
                        (Some(x), Some(y)) if x != y => lines.push(line(
                            q.short(),
                            format!("{x} to {y} out of 10, {}", q.change(x, y)),
                        )),
                        (Some(_), Some(_)) => same.push(q.short()),
                        _ => {}
                    }
                }
            }
        }
        // A short list: a plain search (a hash set would bring its hashing
        // code to the link worker's first download).
        let new_talk = self
            .talk
            .iter()
            .filter(|t| !earlier.talk.contains(t))
            .count();
        if new_talk > 0 {
            lines.push(line(
                "Things to talk about",
                count(new_talk, "new thing", "new things"),
            ));
        }
        if !not_since.is_empty() {
            lines.push(line("Not recorded since", not_since.join(", ")));
        }
        if !same.is_empty() {
            lines.push(line("The same as then", same.join(", ")));
        }
        lines
    }
}

#[cfg(test)]
mod tests {
    use chrono::Duration;

    use super::super::test_support::now;
    use super::super::typical;
    use super::*;

    /// The typical summary, and the one kept four weeks before it.
    fn pair() -> (Summary, Summary) {
        let now_s = typical(now());
        let mut then = typical(now() - Duration::days(28));
        then.goals[0].ratings.truncate(3);
        then.goals[0].steps[1].1 = None;
        then.measures[1].weeks.last_mut().unwrap().1 = 62;
        then.talk.truncate(3);
        then.wellbeing.as_mut().unwrap().in_period.truncate(2);
        (now_s, then)
    }

    #[test]
    fn since_the_kept_summary_says_what_moved() {
        let (now_s, then) = pair();
        let lines = now_s.since(&then);
        let line = |what: &str| {
            lines
                .iter()
                .find(|l| l.what == what)
                .map(|l| l.words.clone())
                .unwrap_or_default()
        };
        assert_eq!(
            line("Walk to the corner shop and back without stopping"),
            "4 to 6 out of 10; 1 step done"
        );
        // The typical breathlessness ends at 5.0; it was 6.2 then.
        let b = line("Breathlessness");
        assert!(
            b.starts_with("6.2 out of 10 to") && b.ends_with("better"),
            "{b}"
        );
        assert_eq!(
            line("Life satisfaction"),
            "5 to 6 out of 10, 1 point better"
        );
        assert_eq!(
            line("Anxiety yesterday"),
            "5 to 4 out of 10, 1 point better"
        );
        assert_eq!(line("Things to talk about"), "2 new things");
        // What did not move is said once, not line by line.
        let same = line("The same as then");
        assert!(
            same.contains("Mood") && same.contains("Happiness yesterday"),
            "{same}"
        );
        assert!(!same.contains("Breathlessness"));
    }

    #[test]
    fn a_measure_not_recorded_since_is_not_given_a_trend() {
        let (mut now_s, then) = pair();
        now_s.measures[1].last_day = Some(0);
        let lines = now_s.since(&then);
        assert!(lines.iter().all(|l| l.what != "Breathlessness"));
        let not = lines
            .iter()
            .find(|l| l.what == "Not recorded since")
            .unwrap();
        assert_eq!(not.words, "Breathlessness");
    }

    #[test]
    fn summaries_of_different_or_unknown_clients_are_never_compared() {
        let (now_s, mut then) = pair();
        then.code = Some("someoneelse1".into());
        assert!(!now_s.same_client(&then));
        assert!(now_s.since(&then).is_empty());
        // Older links carry no code: they match nothing, not each other.
        let (mut a, mut b) = pair();
        a.code = None;
        b.code = None;
        assert!(!a.same_client(&b));
        assert!(a.since(&b).is_empty());
        // The same name is not the same client.
        let (now_s, mut then) = pair();
        then.code = None;
        assert_eq!(now_s.name, then.name);
        assert!(now_s.since(&then).is_empty());
    }
}

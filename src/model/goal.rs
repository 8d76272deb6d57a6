//! Goals in the client's own words, with small steps, a "how close do I
//! feel" rating over time, dated reflections and a status.
//!
//! Plain data and rules only; the UI for goals arrives with issue 3.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::text::{clean, required, too_long, FieldError};
use super::Condition;

/// Longest goal text, in characters.
pub const GOAL_TEXT_MAX: usize = 500;
/// Longest "why this matters to me", in characters.
pub const WHY_MAX: usize = 1000;
/// Longest step text, in characters.
pub const STEP_TEXT_MAX: usize = 300;
/// Longest reflection, in characters.
pub const NOTE_MAX: usize = 2000;
/// The highest "how close do I feel" rating.
pub const RATING_MAX: u8 = 10;

/// Where a goal stands, in the client's terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GoalStatus {
    /// Still working on it.
    WorkingOnIt,
    /// Achieved.
    Done,
    /// Put aside for now.
    Paused,
    /// Let go, without judgement.
    LetGo,
}

impl GoalStatus {
    /// The words shown to the client.
    pub fn label(self) -> &'static str {
        match self {
            GoalStatus::WorkingOnIt => "Working on it",
            GoalStatus::Done => "Done",
            GoalStatus::Paused => "Paused",
            GoalStatus::LetGo => "Let go",
        }
    }

    /// True for goals that belong in "past goals".
    pub fn is_past(self) -> bool {
        matches!(self, GoalStatus::Done | GoalStatus::LetGo)
    }
}

/// A small step towards a goal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    /// Stable within its goal, so a step can be found after reordering.
    pub id: u32,
    /// The step, in the client's words.
    pub text: String,
    /// The day it was ticked off, if it has been.
    pub done_on: Option<NaiveDate>,
}

/// One "how close do I feel to this goal?" answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rating {
    /// The day it was given.
    pub on: NaiveDate,
    /// 0 (not close at all) to 10 (there).
    pub value: u8,
}

/// A dated reflection on a goal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reflection {
    /// The day it was written.
    pub on: NaiveDate,
    /// The reflection, in the client's words.
    pub text: String,
}

/// A goal and everything recorded about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Goal {
    /// Stable identity, unique among the client's goals.
    pub id: u32,
    /// The goal, in the client's words.
    pub text: String,
    /// "Why this matters to me", if given.
    pub why: Option<String>,
    /// When they hope to get there, if they said.
    pub target: Option<NaiveDate>,
    /// The conditions it relates to (may be none).
    pub conditions: Vec<Condition>,
    /// Small steps, in the client's order.
    pub steps: Vec<Step>,
    /// Every rating, oldest first. None is ever replaced.
    pub ratings: Vec<Rating>,
    /// Reflections, oldest first.
    pub notes: Vec<Reflection>,
    /// Where it stands.
    pub status: GoalStatus,
    /// The day it was written.
    pub created_on: NaiveDate,
    /// The id the next new step gets. Ids are never reused, so a deleted
    /// step can always be put back without clashing.
    pub next_step_id: u32,
}

/// The fields of a goal form that can be wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GoalField {
    Text,
    Why,
    Target,
    Step,
    Rating,
    Note,
}

/// A goal form, exactly as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GoalDraft {
    /// The goal.
    pub text: String,
    /// Why it matters.
    pub why: String,
    /// Target date, if chosen.
    pub target: Option<NaiveDate>,
    /// Related conditions.
    pub conditions: Vec<Condition>,
}

impl GoalDraft {
    /// Checks the form and, if all is well, makes a new goal with `id`,
    /// written `today`. Nothing is made half-way.
    pub fn validate(&self, id: u32, today: NaiveDate) -> Result<Goal, Vec<FieldError<GoalField>>> {
        let mut errors: Vec<_> = required(
            GoalField::Text,
            &self.text,
            GOAL_TEXT_MAX,
            "Your goal",
            "Enter your goal, in your own words",
        )
        .err()
        .into_iter()
        .collect();
        errors.extend(too_long(
            GoalField::Why,
            &self.why,
            WHY_MAX,
            "Why it matters",
        ));
        if let Some(target) = self.target {
            if target < today {
                errors.push(FieldError::new(
                    GoalField::Target,
                    "The date you hope to get there must be today or in the future",
                ));
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Goal {
            id,
            text: clean(&self.text).unwrap_or_default(),
            why: clean(&self.why),
            target: self.target,
            conditions: self.conditions.clone(),
            steps: Vec::new(),
            ratings: Vec::new(),
            notes: Vec::new(),
            status: GoalStatus::WorkingOnIt,
            created_on: today,
            next_step_id: 1,
        })
    }
}

/// Which way to move a step in the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Towards the top.
    Up,
    /// Towards the bottom.
    Down,
}

/// A step that was deleted, with where it was, so it can be put back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeletedStep {
    /// Its position before it was deleted.
    pub index: usize,
    /// The step itself.
    pub step: Step,
}

impl Goal {
    /// Adds a step at the end and returns its id.
    pub fn add_step(&mut self, text: &str) -> Result<u32, FieldError<GoalField>> {
        let text = check_step(text)?;
        let id = self.next_step_id.max(1);
        self.next_step_id = id.saturating_add(1);
        self.steps.push(Step {
            id,
            text,
            done_on: None,
        });
        Ok(id)
    }

    /// Changes a step's words.
    pub fn edit_step(&mut self, id: u32, text: &str) -> Result<(), FieldError<GoalField>> {
        let text = check_step(text)?;
        if let Some(step) = self.steps.iter_mut().find(|s| s.id == id) {
            step.text = text;
        }
        Ok(())
    }

    /// Moves a step one place up or down; does nothing at either end.
    pub fn move_step(&mut self, id: u32, direction: Direction) {
        let Some(i) = self.steps.iter().position(|s| s.id == id) else {
            return;
        };
        let j = match direction {
            Direction::Up if i > 0 => i - 1,
            Direction::Down if i + 1 < self.steps.len() => i + 1,
            _ => return,
        };
        self.steps.swap(i, j);
    }

    /// Ticks a step off on `today`. Ticking a done step keeps its first date.
    pub fn tick(&mut self, id: u32, today: NaiveDate) {
        if let Some(step) = self.steps.iter_mut().find(|s| s.id == id) {
            step.done_on.get_or_insert(today);
        }
    }

    /// Unticks a step.
    pub fn untick(&mut self, id: u32) {
        if let Some(step) = self.steps.iter_mut().find(|s| s.id == id) {
            step.done_on = None;
        }
    }

    /// Deletes a step, returning what is needed to undo it.
    pub fn delete_step(&mut self, id: u32) -> Option<DeletedStep> {
        let index = self.steps.iter().position(|s| s.id == id)?;
        Some(DeletedStep {
            index,
            step: self.steps.remove(index),
        })
    }

    /// Puts a deleted step back where it was.
    pub fn undo_delete(&mut self, deleted: DeletedStep) {
        let index = deleted.index.min(self.steps.len());
        self.steps.insert(index, deleted.step);
    }

    /// The first step not yet done, for Today.
    pub fn next_step(&self) -> Option<&Step> {
        self.steps.iter().find(|s| s.done_on.is_none())
    }

    /// Records a rating given `today`. Every rating is kept.
    pub fn rate(&mut self, value: u8, today: NaiveDate) -> Result<(), FieldError<GoalField>> {
        if value > RATING_MAX {
            return Err(FieldError::new(
                GoalField::Rating,
                "Choose a number from 0 to 10",
            ));
        }
        self.ratings.push(Rating { on: today, value });
        Ok(())
    }

    /// The most recent rating.
    pub fn latest_rating(&self) -> Option<Rating> {
        self.ratings.last().copied()
    }

    /// Adds a dated reflection.
    pub fn add_note(&mut self, text: &str, today: NaiveDate) -> Result<(), FieldError<GoalField>> {
        let text = required(
            GoalField::Note,
            text,
            NOTE_MAX,
            "Your reflection",
            "Enter your reflection",
        )?;
        self.notes.push(Reflection { on: today, text });
        Ok(())
    }
}

fn check_step(text: &str) -> Result<String, FieldError<GoalField>> {
    required(
        GoalField::Step,
        text,
        STEP_TEXT_MAX,
        "The step",
        "Enter the step",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn goal() -> Goal {
        GoalDraft {
            text: "  Walk to the corner shop without stopping ".into(),
            why: "".into(),
            target: Some(day(30)),
            conditions: Vec::new(),
        }
        .validate(1, day(21))
        .unwrap()
    }

    #[test]
    fn a_draft_becomes_a_tidy_goal() {
        let g = goal();
        assert_eq!(g.text, "Walk to the corner shop without stopping");
        assert_eq!(g.why, None);
        assert_eq!(g.status, GoalStatus::WorkingOnIt);
        assert_eq!(g.created_on, day(21));
    }

    #[test]
    fn bad_drafts_are_refused_with_every_reason() {
        let draft = GoalDraft {
            text: " ".into(),
            why: "x".repeat(WHY_MAX + 1),
            target: Some(day(20)),
            conditions: Vec::new(),
        };
        let errors = draft.validate(1, day(21)).unwrap_err();
        let messages: Vec<_> = errors.iter().map(|e| e.message.as_str()).collect();
        assert_eq!(
            messages,
            vec![
                "Enter your goal, in your own words",
                "Why it matters must be 1000 characters or fewer",
                "The date you hope to get there must be today or in the future",
            ]
        );
        let long = GoalDraft {
            text: "x".repeat(GOAL_TEXT_MAX + 1),
            ..GoalDraft::default()
        };
        assert_eq!(
            long.validate(1, day(21)).unwrap_err()[0].message,
            "Your goal must be 500 characters or fewer"
        );
        let today = GoalDraft {
            text: "ok".into(),
            target: Some(day(21)),
            ..GoalDraft::default()
        };
        assert!(today.validate(1, day(21)).is_ok(), "today is allowed");
    }

    #[test]
    fn steps_keep_their_order_ids_and_dates() {
        let mut g = goal();
        let a = g.add_step("Walk to the gate").unwrap();
        let b = g.add_step("Walk to the post box").unwrap();
        let c = g.add_step("Walk to the shop").unwrap();
        assert_eq!((a, b, c), (1, 2, 3));
        g.move_step(c, Direction::Up);
        assert_eq!(
            g.steps.iter().map(|s| s.id).collect::<Vec<_>>(),
            vec![1, 3, 2]
        );
        g.move_step(a, Direction::Up);
        g.move_step(b, Direction::Down);
        assert_eq!(
            g.steps.iter().map(|s| s.id).collect::<Vec<_>>(),
            vec![1, 3, 2]
        );
        g.tick(a, day(22));
        g.tick(a, day(25));
        assert_eq!(g.steps[0].done_on, Some(day(22)), "first date kept");
        assert_eq!(g.next_step().map(|s| s.id), Some(c));
        g.untick(a);
        assert_eq!(g.next_step().map(|s| s.id), Some(a));
        assert!(g.add_step("  ").is_err());
        assert!(g.edit_step(a, &"x".repeat(STEP_TEXT_MAX + 1)).is_err());
        g.edit_step(a, "Walk to the garden gate").unwrap();
        assert_eq!(g.steps[0].text, "Walk to the garden gate");
    }

    #[test]
    fn a_deleted_step_can_be_put_back_where_it_was() {
        let mut g = goal();
        for t in ["one", "two", "three"] {
            g.add_step(t).unwrap();
        }
        let before = g.clone();
        let deleted = g.delete_step(2).unwrap();
        assert_eq!(deleted.index, 1);
        assert_eq!(g.steps.len(), 2);
        g.undo_delete(deleted);
        assert_eq!(g, before);
        assert_eq!(g.delete_step(99), None);
        // New ids never reuse a deleted one's, so undo never clashes.
        let gone = g.delete_step(3).unwrap();
        assert_eq!(g.add_step("four").unwrap(), 4);
        g.undo_delete(gone);
        let mut ids: Vec<_> = g.steps.iter().map(|s| s.id).collect();
        ids.sort_unstable();
        assert_eq!(ids, vec![1, 2, 3, 4]);
    }

    #[test]
    fn every_rating_is_kept_and_out_of_range_is_refused() {
        let mut g = goal();
        g.rate(3, day(21)).unwrap();
        g.rate(5, day(28)).unwrap();
        assert_eq!(
            g.rate(11, day(28)).unwrap_err().message,
            "Choose a number from 0 to 10"
        );
        assert_eq!(g.ratings.len(), 2);
        assert_eq!(
            g.latest_rating(),
            Some(Rating {
                on: day(28),
                value: 5
            })
        );
    }

    #[test]
    fn reflections_are_dated_and_checked() {
        let mut g = goal();
        g.add_note("Managed the gate today", day(22)).unwrap();
        assert!(g.add_note(" ", day(22)).is_err());
        assert!(g.add_note(&"x".repeat(NOTE_MAX + 1), day(22)).is_err());
        assert_eq!(
            g.notes,
            vec![Reflection {
                on: day(22),
                text: "Managed the gate today".into()
            }]
        );
    }

    #[test]
    fn done_and_let_go_are_past_goals() {
        assert!(GoalStatus::Done.is_past());
        assert!(GoalStatus::LetGo.is_past());
        assert!(!GoalStatus::Paused.is_past());
        assert!(!GoalStatus::WorkingOnIt.is_past());
    }
}

//! Goals in the client's own words, with small steps, a "how close do I
//! feel" rating over time, dated reflections and a status.
//!
//! Plain data and rules only: the pages in `src/app/pages/goals.rs` show
//! these and call their methods.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::text::{clean, required, too_long, FieldError};
use super::time::{iso, iso_day, iso_opt, parse_iso_day};
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

/// A change of status, kept so the client and their link worker can see
/// when a goal was reached, paused or let go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    /// The day of the change.
    #[serde(with = "iso")]
    pub on: NaiveDate,
    /// The new status.
    pub status: GoalStatus,
}

/// A small step towards a goal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    /// Stable within its goal, so a step can be found after reordering.
    pub id: u32,
    /// The step, in the client's words.
    pub text: String,
    /// The day it was ticked off, if it has been.
    #[serde(with = "iso_opt")]
    pub done_on: Option<NaiveDate>,
}

/// One "how close do I feel to this goal?" answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rating {
    /// The day it was given.
    #[serde(with = "iso")]
    pub on: NaiveDate,
    /// 0 (not close at all) to 10 (there).
    pub value: u8,
}

/// A dated reflection on a goal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reflection {
    /// The day it was written.
    #[serde(with = "iso")]
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
    #[serde(with = "iso_opt")]
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
    /// Every change of status, oldest first.
    pub status_changes: Vec<StatusChange>,
    /// The day it was written.
    #[serde(with = "iso")]
    pub created_on: NaiveDate,
    /// The id the next new step gets. Ids are never reused, so a deleted
    /// step can always be put back without clashing.
    pub next_step_id: u32,
}

/// The fields of the goal forms that can be wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GoalField {
    /// The goal itself.
    Text,
    /// "Why this matters to me".
    Why,
    /// The target date.
    Target,
    /// A step's words.
    Step,
    /// A "how close do I feel" rating.
    Rating,
    /// A reflection.
    Note,
}

/// A goal form, exactly as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GoalDraft {
    /// The goal.
    pub text: String,
    /// Why it matters.
    pub why: String,
    /// The target date as the date box gives it (`YYYY-MM-DD`), or empty.
    pub target: String,
    /// Related conditions.
    pub conditions: Vec<Condition>,
}

/// The checked fields of a goal form.
struct CheckedDraft {
    text: String,
    why: Option<String>,
    target: Option<NaiveDate>,
}

impl GoalDraft {
    /// The form filled in from an existing goal, for editing.
    pub fn from_goal(goal: &Goal) -> GoalDraft {
        GoalDraft {
            text: goal.text.clone(),
            why: goal.why.clone().unwrap_or_default(),
            target: goal.target.map(iso_day).unwrap_or_default(),
            conditions: goal.conditions.clone(),
        }
    }

    /// Checks every field. A target date before `today` is refused, unless
    /// it is `kept`: the date the goal already had, so an old goal can
    /// still be edited after its date has passed.
    fn check(
        &self,
        today: NaiveDate,
        kept: Option<NaiveDate>,
    ) -> Result<CheckedDraft, Vec<FieldError<GoalField>>> {
        let text = required(
            GoalField::Text,
            &self.text,
            GOAL_TEXT_MAX,
            "Your goal",
            "Enter your goal, in your own words",
        );
        let mut errors: Vec<_> = text.clone().err().into_iter().collect();
        errors.extend(too_long(
            GoalField::Why,
            &self.why,
            WHY_MAX,
            "Why it matters",
        ));
        let target = match clean(&self.target) {
            None => None,
            Some(typed) => match parse_iso_day(&typed) {
                None => {
                    errors.push(FieldError::new(
                        GoalField::Target,
                        "The date you hope to get there must be a real date",
                    ));
                    None
                }
                Some(day) if day < today && Some(day) != kept => {
                    errors.push(FieldError::new(
                        GoalField::Target,
                        "The date you hope to get there must be today or in the future",
                    ));
                    None
                }
                Some(day) => Some(day),
            },
        };
        match text {
            Ok(text) if errors.is_empty() => Ok(CheckedDraft {
                text,
                why: clean(&self.why),
                target,
            }),
            _ => Err(errors),
        }
    }

    /// Checks the form and, if all is well, makes a new goal with `id`,
    /// written `today`. Nothing is made half-way.
    pub fn validate(&self, id: u32, today: NaiveDate) -> Result<Goal, Vec<FieldError<GoalField>>> {
        let checked = self.check(today, None)?;
        Ok(Goal {
            id,
            text: checked.text,
            why: checked.why,
            target: checked.target,
            conditions: self.conditions.clone(),
            steps: Vec::new(),
            ratings: Vec::new(),
            notes: Vec::new(),
            status: GoalStatus::WorkingOnIt,
            status_changes: Vec::new(),
            created_on: today,
            next_step_id: 1,
        })
    }
}

/// Reads a typed "how close do I feel" rating.
pub fn parse_rating(text: &str) -> Result<u8, FieldError<GoalField>> {
    let text = text.trim();
    if text.is_empty() {
        return Err(FieldError::new(
            GoalField::Rating,
            "Enter how close you feel, from 0 to 10",
        ));
    }
    match text.parse::<u8>() {
        Ok(value) if value <= RATING_MAX => Ok(value),
        _ => Err(FieldError::new(
            GoalField::Rating,
            "How close you feel must be a whole number from 0 to 10",
        )),
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

    /// Where the step is (counting from 0) and how many steps there are,
    /// so the page knows whether "Move up" and "Move down" apply.
    pub fn step_place(&self, id: u32) -> (usize, usize) {
        (
            self.steps.iter().position(|s| s.id == id).unwrap_or(0),
            self.steps.len(),
        )
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
                "How close you feel must be a whole number from 0 to 10",
            ));
        }
        self.ratings.push(Rating { on: today, value });
        Ok(())
    }

    /// The most recent rating.
    pub fn latest_rating(&self) -> Option<Rating> {
        self.ratings.last().copied()
    }

    /// Changes the status on `today`, keeping the change in the history.
    /// Choosing the current status again changes nothing.
    pub fn set_status(&mut self, status: GoalStatus, today: NaiveDate) {
        if status != self.status {
            self.status = status;
            self.status_changes.push(StatusChange { on: today, status });
        }
    }

    /// The day the goal last changed status, if it ever did.
    pub fn status_since(&self) -> Option<NaiveDate> {
        self.status_changes.last().map(|c| c.on)
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

/// A goal that was deleted, with where it was, so it can be put back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeletedGoal {
    /// Its position before it was deleted.
    pub index: usize,
    /// The goal itself.
    pub goal: Goal,
}

/// All of the client's goals: what is stored under one key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalBook {
    /// The goals, oldest first.
    pub goals: Vec<Goal>,
    /// The id the next new goal gets; ids are never reused, so undoing a
    /// deletion never clashes with a goal made since.
    pub next_id: u32,
}

impl Default for GoalBook {
    fn default() -> Self {
        GoalBook {
            goals: Vec::new(),
            next_id: 1,
        }
    }
}

impl GoalBook {
    /// Adds a goal from a filled-in form and returns its id; nothing is
    /// added if the form has a problem.
    pub fn add(
        &mut self,
        draft: &GoalDraft,
        today: NaiveDate,
    ) -> Result<u32, Vec<FieldError<GoalField>>> {
        let id = self.next_id.max(1);
        let goal = draft.validate(id, today)?;
        self.next_id = id.saturating_add(1);
        self.goals.push(goal);
        Ok(id)
    }

    /// Changes a goal's words, date and conditions from a form, keeping its
    /// steps, ratings and notes.
    pub fn edit(
        &mut self,
        id: u32,
        draft: &GoalDraft,
        today: NaiveDate,
    ) -> Result<(), Vec<FieldError<GoalField>>> {
        let Some(goal) = self.get_mut(id) else {
            return Ok(());
        };
        let checked = draft.check(today, goal.target)?;
        goal.text = checked.text;
        goal.why = checked.why;
        goal.target = checked.target;
        goal.conditions = draft.conditions.clone();
        Ok(())
    }

    /// The goal with `id`.
    pub fn get(&self, id: u32) -> Option<&Goal> {
        self.goals.iter().find(|g| g.id == id)
    }

    /// The goal with `id`, to change it.
    pub fn get_mut(&mut self, id: u32) -> Option<&mut Goal> {
        self.goals.iter_mut().find(|g| g.id == id)
    }

    /// Goals still in play (working on it or paused), newest first.
    pub fn current(&self) -> Vec<&Goal> {
        self.goals
            .iter()
            .rev()
            .filter(|g| !g.status.is_past())
            .collect()
    }

    /// Goals being worked on now, newest first: the ones Today shows.
    pub fn working_on(&self) -> Vec<&Goal> {
        self.goals
            .iter()
            .rev()
            .filter(|g| g.status == GoalStatus::WorkingOnIt)
            .collect()
    }

    /// Done and let-go goals, most recently changed first.
    pub fn past(&self) -> Vec<&Goal> {
        let mut past: Vec<&Goal> = self.goals.iter().filter(|g| g.status.is_past()).collect();
        past.sort_by_key(|g| std::cmp::Reverse(g.status_since()));
        past
    }

    /// Deletes a goal, returning what is needed to undo it.
    pub fn delete(&mut self, id: u32) -> Option<DeletedGoal> {
        let index = self.goals.iter().position(|g| g.id == id)?;
        Some(DeletedGoal {
            index,
            goal: self.goals.remove(index),
        })
    }

    /// Puts a deleted goal back where it was.
    pub fn undo_delete(&mut self, deleted: DeletedGoal) {
        if self.get(deleted.goal.id).is_some() {
            return;
        }
        let index = deleted.index.min(self.goals.len());
        self.goals.insert(index, deleted.goal);
    }

    /// Adds the goals of `other` (a backup) that this book does not have.
    /// Two goals are the same if their id, the day they were written and
    /// their words all match; then this book's goal is kept as it is. A
    /// goal whose id is taken by a different goal is added with a fresh
    /// id, because ids are never reused. Merging the same backup again
    /// changes nothing.
    pub fn add_missing(&mut self, other: &GoalBook) {
        super::merge::add_missing(
            &mut self.goals,
            &mut self.next_id,
            &other.goals,
            other.next_id,
            |g| g.id,
            |g, id| g.id = id,
            |a, b| a.created_on == b.created_on && a.text == b.text,
        );
    }

    /// Checks what was read from storage for things the types alone cannot
    /// rule out, so a damaged value is kept aside rather than shown wrong.
    pub fn check(&self) -> Result<(), String> {
        let mut ids = Vec::with_capacity(self.goals.len());
        for goal in &self.goals {
            if goal.id == 0 || goal.id >= self.next_id || ids.contains(&goal.id) {
                return Err("the goals are numbered wrongly".into());
            }
            ids.push(goal.id);
            let mut step_ids = Vec::with_capacity(goal.steps.len());
            for step in &goal.steps {
                if step.id == 0 || step.id >= goal.next_step_id || step_ids.contains(&step.id) {
                    return Err("the steps of a goal are numbered wrongly".into());
                }
                step_ids.push(step.id);
            }
            if goal.ratings.iter().any(|r| r.value > RATING_MAX) {
                return Err("a rating is above 10".into());
            }
        }
        Ok(())
    }
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
            target: "2026-11-30".into(),
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
            target: "2026-11-20".into(),
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
            target: "2026-11-21".into(),
            ..GoalDraft::default()
        };
        assert!(today.validate(1, day(21)).is_ok(), "today is allowed");
        let unreal = GoalDraft {
            text: "ok".into(),
            target: "2026-02-30".into(),
            ..GoalDraft::default()
        };
        assert_eq!(
            unreal.validate(1, day(21)).unwrap_err()[0].message,
            "The date you hope to get there must be a real date"
        );
    }

    #[test]
    fn steps_keep_their_order_ids_and_dates() {
        let mut g = goal();
        let a = g.add_step("Walk to the gate").unwrap();
        let b = g.add_step("Walk to the post box").unwrap();
        let c = g.add_step("Walk to the shop").unwrap();
        assert_eq!((a, b, c), (1, 2, 3));
        g.move_step(c, Direction::Up);
        assert_eq!(g.step_place(c), (1, 3));
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
            "How close you feel must be a whole number from 0 to 10"
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

    #[test]
    fn typed_ratings_must_be_whole_numbers_from_0_to_10() {
        assert_eq!(parse_rating(" 0 "), Ok(0));
        assert_eq!(parse_rating("10"), Ok(10));
        assert_eq!(
            parse_rating("").unwrap_err().message,
            "Enter how close you feel, from 0 to 10"
        );
        for bad in ["11", "-1", "7.5", "seven", "256", "99999999999"] {
            assert_eq!(
                parse_rating(bad).unwrap_err().message,
                "How close you feel must be a whole number from 0 to 10",
                "{bad}"
            );
        }
    }

    #[test]
    fn status_changes_are_kept_with_their_dates() {
        let mut g = goal();
        g.set_status(GoalStatus::Paused, day(22));
        g.set_status(GoalStatus::Paused, day(23));
        g.set_status(GoalStatus::Done, day(24));
        assert_eq!(g.status, GoalStatus::Done);
        assert_eq!(
            g.status_changes,
            vec![
                StatusChange {
                    on: day(22),
                    status: GoalStatus::Paused
                },
                StatusChange {
                    on: day(24),
                    status: GoalStatus::Done
                },
            ]
        );
        assert_eq!(g.status_since(), Some(day(24)));
    }

    fn draft(text: &str) -> GoalDraft {
        GoalDraft {
            text: text.into(),
            ..GoalDraft::default()
        }
    }

    #[test]
    fn the_book_sorts_goals_into_current_and_past() {
        let mut book = GoalBook::default();
        let a = book.add(&draft("Walk to the shop"), day(1)).unwrap();
        let b = book.add(&draft("Join the choir"), day(2)).unwrap();
        let c = book.add(&draft("Sleep better"), day(3)).unwrap();
        let d = book.add(&draft("Cook once a week"), day(4)).unwrap();
        assert_eq!((a, b, c, d), (1, 2, 3, 4));
        assert!(book.add(&draft(" "), day(4)).is_err());
        assert_eq!(book.goals.len(), 4, "a refused goal is not added");
        assert_eq!(book.next_id, 5);
        book.get_mut(a)
            .unwrap()
            .set_status(GoalStatus::Done, day(10));
        book.get_mut(b)
            .unwrap()
            .set_status(GoalStatus::LetGo, day(12));
        book.get_mut(c)
            .unwrap()
            .set_status(GoalStatus::Paused, day(12));
        let ids = |goals: Vec<&Goal>| goals.iter().map(|g| g.id).collect::<Vec<_>>();
        assert_eq!(ids(book.current()), vec![d, c]);
        assert_eq!(ids(book.working_on()), vec![d]);
        assert_eq!(ids(book.past()), vec![b, a], "most recently changed first");
    }

    #[test]
    fn editing_keeps_the_history_and_an_old_target_date() {
        let mut book = GoalBook::default();
        let id = book
            .add(
                &GoalDraft {
                    text: "Walk".into(),
                    target: "2026-11-25".into(),
                    ..GoalDraft::default()
                },
                day(21),
            )
            .unwrap();
        book.get_mut(id).unwrap().rate(4, day(21)).unwrap();
        // Five days later the target has passed; the goal can still be
        // reworded without choosing a new date.
        let mut form = GoalDraft::from_goal(book.get(id).unwrap());
        assert_eq!(form.target, "2026-11-25");
        form.text = "Walk to the park".into();
        form.why = "  To see the ducks ".into();
        book.edit(id, &form, day(30)).unwrap();
        let g = book.get(id).unwrap();
        assert_eq!(g.text, "Walk to the park");
        assert_eq!(g.why.as_deref(), Some("To see the ducks"));
        assert_eq!(g.ratings.len(), 1);
        // A different past date is still refused, and nothing changes.
        form.target = "2026-11-26".into();
        form.text = "Changed".into();
        assert!(book.edit(id, &form, day(30)).is_err());
        assert_eq!(book.get(id).unwrap().text, "Walk to the park");
    }

    #[test]
    fn a_deleted_goal_can_be_put_back_where_it_was() {
        let mut book = GoalBook::default();
        for t in ["one", "two", "three"] {
            book.add(&draft(t), day(1)).unwrap();
        }
        let before = book.clone();
        let gone = book.delete(2).unwrap();
        assert_eq!(book.goals.len(), 2);
        assert_eq!(book.add(&draft("four"), day(2)).unwrap(), 4);
        book.undo_delete(gone.clone());
        assert_eq!(book.goals[..3], before.goals[..]);
        // Undoing twice does not make two copies.
        book.undo_delete(gone);
        assert_eq!(book.goals.len(), 4);
        assert_eq!(book.delete(99), None);
    }

    #[test]
    fn stored_books_that_do_not_add_up_are_refused() {
        let mut book = GoalBook::default();
        book.add(&draft("one"), day(1)).unwrap();
        book.get_mut(1).unwrap().add_step("a").unwrap();
        assert_eq!(book.check(), Ok(()));
        let mut twin = book.clone();
        twin.goals.push(twin.goals[0].clone());
        assert!(twin.check().is_err());
        let mut step = book.clone();
        step.goals[0].next_step_id = 1;
        assert!(step.check().is_err());
        let mut rating = book.clone();
        rating.goals[0].ratings.push(Rating {
            on: day(1),
            value: 11,
        });
        assert_eq!(rating.check(), Err("a rating is above 10".into()));
    }
}

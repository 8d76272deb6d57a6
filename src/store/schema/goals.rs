//! How the client's goals ([`GoalBook`]) and appointments
//! ([`ApptBook`](crate::model::appointment::ApptBook), kind
//! `appointments`, schema 2), wellbeing check-ins (kind `wellbeing`) and
//! the list of things to talk about (kind `talk`) are stored, each under
//! one key.
//!
//! Schema history (each kept as a fixture in `tests/fixtures/storage/`):
//! - 1: the first released format: every goal with its steps, ratings,
//!   reflections and status changes, under one key.
//!
//! Appointments' schema history:
//! - 1: the first released format.
//! - 2: a change to one occurrence may say whether it went ahead
//!   (`went`). Version 1 reads as it is, with nothing recorded; a build of
//!   version 1 leaves version 2 alone rather than drop what was recorded.

use super::Record;
use crate::model::GoalBook;

/// The goals schema this build writes.
pub const GOALS_SCHEMA: u32 = 1;

impl Record for GoalBook {
    const KIND: &'static str = "goals";
    const SCHEMA: u32 = GOALS_SCHEMA;

    fn check(&self) -> Result<(), String> {
        GoalBook::check(self)
    }
}

impl Record for crate::model::appointment::ApptBook {
    const KIND: &'static str = "appointments";
    const SCHEMA: u32 = 2;
    const OLDEST: u32 = 1;

    fn upgrade(from: u32, raw: &str) -> Result<Self, String> {
        match from {
            // Version 2 only added a field that version 1 never has.
            1 => serde_json::from_str::<super::Envelope<Self>>(raw)
                .map(|old| old.data)
                .map_err(|_| "the appointments are not in the version 1 format".into()),
            _ => Err(format!("there is no upgrade from version {from}")),
        }
    }

    fn check(&self) -> Result<(), String> {
        crate::model::appointment::ApptBook::check(self)
    }
}

impl Record for crate::model::wellbeing::Wellbeing {
    const KIND: &'static str = "wellbeing";
    const SCHEMA: u32 = 1;

    fn check(&self) -> Result<(), String> {
        let answers = self
            .checkins
            .iter()
            .flat_map(|c| c.answers.iter().flatten());
        if answers.into_iter().any(|a| *a > 10) {
            return Err("an answer is above 10".into());
        }
        Ok(())
    }
}

impl Record for crate::model::wellbeing::TalkList {
    const KIND: &'static str = "talk";
    const SCHEMA: u32 = 1;
}

//! How the client's goals ([`GoalBook`]) and appointments
//! ([`ApptBook`](crate::model::appointment::ApptBook), kind
//! `appointments`, schema 1) are stored, each under one key.
//!
//! Schema history (each kept as a fixture in `tests/fixtures/storage/`):
//! - 1: the first released format: every goal with its steps, ratings,
//!   reflections and status changes, under one key.

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
    const SCHEMA: u32 = 1;

    fn check(&self) -> Result<(), String> {
        crate::model::appointment::ApptBook::check(self)
    }
}

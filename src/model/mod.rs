//! The domain: plain Rust types and the rules about them.
//!
//! Nothing in here knows about the browser or Leptos, so all of it is
//! tested natively with `cargo test`.

pub mod appointment;
pub mod chart;
pub mod csv;
pub mod diary;
pub mod goal;
pub mod install;
mod merge;
pub mod profile;
pub mod text;
pub mod time;
pub mod wellbeing;

pub use goal::{Goal, GoalBook, GoalDraft, GoalField, GoalStatus};
pub use profile::{Condition, LinkWorker, ListedCondition, Profile, ProfileDraft, ProfileField};
pub use text::FieldError;

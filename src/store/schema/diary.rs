//! How the diary is stored: one value per calendar month of entries
//! ([`DiaryMonth`], `alongside.diary.YYYY-MM`), a summary of every month
//! ([`DiaryIndex`], `alongside.diary.index.YYYY`) and the client's choices
//! ([`DiarySettings`], `alongside.diary.settings`); and, kept apart from
//! them, made-up example entries in the same shape ([`ExampleMonth`],
//! `alongside.examples.YYYY-MM`, and [`ExampleIndex`],
//! `alongside.examples.index.YYYY`).
//!
//! Schema history (fixtures in `tests/fixtures/storage/`):
//! - 1 for each: the first released formats. The example kinds are new
//!   kinds of their own, at 1, so the client's diary months keep their
//!   format and every released build still reads them.

use serde::{Deserialize, Serialize};

use super::Record;
use crate::model::diary::{DiaryIndex, DiaryMonth, DiarySettings};

impl Record for DiaryMonth {
    const KIND: &'static str = "diary_month";
    const SCHEMA: u32 = 1;

    fn check(&self) -> Result<(), String> {
        DiaryMonth::check(self)
    }
}

impl Record for DiaryIndex {
    const KIND: &'static str = "diary_index";
    const SCHEMA: u32 = 1;
}

impl Record for DiarySettings {
    const KIND: &'static str = "diary_settings";
    const SCHEMA: u32 = 1;
}

/// A month of made-up example entries, as stored: a kind of its own, so
/// an example can never be read as one of the client's entries, however
/// it is reached (a backup, an export, a summary).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ExampleMonth(pub DiaryMonth);

impl Record for ExampleMonth {
    const KIND: &'static str = "diary_example_month";
    const SCHEMA: u32 = 1;

    fn check(&self) -> Result<(), String> {
        self.0.check()
    }
}

/// The month summaries of one year of example entries, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ExampleIndex(pub DiaryIndex);

impl Record for ExampleIndex {
    const KIND: &'static str = "diary_example_index";
    const SCHEMA: u32 = 1;
}

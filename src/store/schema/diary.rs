//! How the diary is stored: one value per calendar month of entries
//! ([`DiaryMonth`], `alongside.diary.YYYY-MM`), a summary of every month
//! ([`DiaryIndex`], `alongside.diary.index`) and the client's choices
//! ([`DiarySettings`], `alongside.diary.settings`).
//!
//! Schema history (fixtures in `tests/fixtures/storage/`):
//! - 1 for each: the first released formats.

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

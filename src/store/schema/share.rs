//! How the sharing records are stored, each under one key: the client's
//! share log (kind `shares`), the summaries a link worker kept (kind
//! `kept_summaries`) and the client's code (kind `client_code`).
//!
//! Schema history: 1 for each, the first released format. Kept summaries
//! gained an optional `code` in place (older ones simply lack it).

use super::Record;
use crate::share::code::ClientCode;

impl Record for crate::share::log::ShareLog {
    const KIND: &'static str = "shares";
    const SCHEMA: u32 = 1;
}

impl Record for crate::share::kept::KeptSummaries {
    const KIND: &'static str = "kept_summaries";
    const SCHEMA: u32 = 1;
}

impl Record for ClientCode {
    const KIND: &'static str = "client_code";
    const SCHEMA: u32 = 1;

    fn check(&self) -> Result<(), String> {
        ClientCode::check(self)
    }
}

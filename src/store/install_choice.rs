//! The client's answer to the install guide on this phone: "Not now"
//! keeps it quiet for 30 days. A fact about this phone, not the client's
//! record: kept under [`INSTALL_KEY`], outside the `alongside.` prefix, so
//! it is never in a backup (see [`super::device`] for the same reasoning).
//!
//! Stored as `{"v":1,"not_now_until":"..."}`, UTC to the millisecond. A
//! record this build cannot read counts as no answer: the guide is offered
//! again, which is the worst that can happen.

use chrono::{DateTime, Duration, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};

use crate::model::time::parse_utc_millis;

/// Where the answer is kept in local storage.
pub const INSTALL_KEY: &str = "alongside-device.install";
/// How long "Not now" keeps the guide quiet.
pub const NOT_NOW_DAYS: i64 = 30;

/// The client's answer to the install guide.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InstallChoice {
    /// The guide stays quiet until then.
    pub not_now_until: Option<DateTime<Utc>>,
}

#[derive(Serialize, Deserialize)]
struct Wire {
    v: u32,
    #[serde(default)]
    not_now_until: Option<String>,
}

impl InstallChoice {
    /// Reads the stored text; no answer if it is missing or unreadable.
    pub fn parse(text: Option<&str>) -> InstallChoice {
        let wire = text
            .filter(|t| t.len() <= 256)
            .and_then(|t| serde_json::from_str::<Wire>(t).ok())
            .filter(|w| w.v == 1);
        InstallChoice {
            not_now_until: wire
                .and_then(|w| w.not_now_until)
                .and_then(|t| parse_utc_millis(&t)),
        }
    }

    /// The text to store.
    pub fn to_text(&self) -> String {
        let wire = Wire {
            v: 1,
            not_now_until: self
                .not_now_until
                .map(|t| t.to_rfc3339_opts(SecondsFormat::Millis, true)),
        };
        serde_json::to_string(&wire).unwrap_or_default()
    }

    /// "Not now" at `now`: quiet for [`NOT_NOW_DAYS`].
    pub fn not_now(&mut self, now: DateTime<Utc>) {
        self.not_now_until = Some(now + Duration::days(NOT_NOW_DAYS));
    }

    /// True while the guide should not be offered.
    pub fn quiet(&self, now: DateTime<Utc>) -> bool {
        self.not_now_until.is_some_and(|t| now < t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        parse_utc_millis(text).unwrap()
    }

    #[test]
    fn not_now_keeps_the_guide_quiet_for_30_days_and_reads_back() {
        let mut c = InstallChoice::parse(None);
        assert!(!c.quiet(at("2026-12-01T09:00:00.000Z")));
        c.not_now(at("2026-12-01T09:00:00.000Z"));
        let c = InstallChoice::parse(Some(&c.to_text()));
        assert!(c.quiet(at("2026-12-30T09:00:00.000Z")));
        assert!(!c.quiet(at("2026-12-31T09:00:00.000Z")));
        // Unreadable, or from a newer version: no answer, offered again.
        for bad in [
            "not json",
            "{\"v\":2,\"not_now_until\":\"2027-01-01T00:00:00.000Z\"}",
        ] {
            assert_eq!(InstallChoice::parse(Some(bad)), InstallChoice::default());
        }
    }
}

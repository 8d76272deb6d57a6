//! The share log: when the client shared a summary, for which period, which
//! way and whether it had a passphrase. It holds no health data, only the
//! fact of sharing, so the client can see what went where. (The summaries
//! a link worker keeps are in [`super::kept`].)

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::model::time::{iso, london_today};

/// The most entries kept; older ones drop off.
pub const LOG_MAX: usize = 100;

/// How a summary was shared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Way {
    /// Shown on the client's screen in a session: nothing left the phone.
    Screen,
    /// Sent or copied as a link.
    Link,
    /// Shown as a QR code.
    Qr,
    /// Saved or sent as a file.
    File,
    /// Printed or saved as a PDF.
    Print,
}

impl Way {
    /// The words shown in the log.
    pub fn label(self) -> &'static str {
        match self {
            Way::Screen => "Shown on this screen",
            Way::Link => "Link",
            Way::Qr => "QR code",
            Way::File => "File",
            Way::Print => "Printed",
        }
    }
}

/// One share.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shared {
    /// When.
    #[serde(with = "crate::model::time::rfc3339")]
    pub at: DateTime<Utc>,
    /// The first day of the period shared.
    #[serde(with = "iso")]
    pub from: NaiveDate,
    /// The last day of the period shared.
    #[serde(with = "iso")]
    pub to: NaiveDate,
    /// Which way.
    pub way: Way,
    /// With a passphrase.
    pub protected: bool,
}

/// Every share, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShareLog {
    /// The entries.
    pub entries: Vec<Shared>,
}

impl ShareLog {
    /// Adds a share. Sharing the same period the same way twice within a
    /// minute (a second tap) is one share.
    pub fn record(&mut self, entry: Shared) {
        let repeat = self.entries.last().is_some_and(|last| {
            last.way == entry.way
                && last.from == entry.from
                && last.to == entry.to
                && last.protected == entry.protected
                && (entry.at - last.at).num_seconds().abs() < 60
        });
        if !repeat {
            self.entries.push(entry);
        }
        let extra = self.entries.len().saturating_sub(LOG_MAX);
        self.entries.drain(..extra);
    }

    /// Adds the entries of `other` this log lacks (a restore's "add what
    /// is missing"), keeping the log in time order.
    pub fn add_missing(&mut self, other: &ShareLog) {
        for e in &other.entries {
            if !self.entries.contains(e) {
                self.entries.push(e.clone());
            }
        }
        self.entries.sort_by_key(|e| e.at);
        let extra = self.entries.len().saturating_sub(LOG_MAX);
        self.entries.drain(..extra);
    }

    /// The UK day of the last share, for "since you last shared".
    pub fn last_day(&self) -> Option<NaiveDate> {
        self.entries.last().map(|e| london_today(e.at))
    }

    /// Newest first, for showing.
    pub fn newest_first(&self) -> impl Iterator<Item = &Shared> {
        self.entries.iter().rev()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    fn entry(when: &str, way: Way) -> Shared {
        Shared {
            at: at(when),
            from: NaiveDate::from_ymd_opt(2026, 10, 25).unwrap(),
            to: NaiveDate::from_ymd_opt(2026, 11, 21).unwrap(),
            way,
            protected: false,
        }
    }

    #[test]
    fn shares_are_logged_once_each_and_the_last_day_is_in_uk_time() {
        let mut log = ShareLog::default();
        log.record(entry("2026-06-01T23:30:00Z", Way::Link));
        // 00:30 on 2 June in London (summer time).
        assert_eq!(log.last_day(), NaiveDate::from_ymd_opt(2026, 6, 2));
        log.record(entry("2026-06-01T23:30:20Z", Way::Link));
        assert_eq!(log.entries.len(), 1);
        log.record(entry("2026-06-01T23:30:30Z", Way::Qr));
        assert_eq!(log.entries.len(), 2);
        assert_eq!(log.newest_first().next().unwrap().way, Way::Qr);
        for i in 0..200 {
            log.record(entry(
                &format!("2026-07-01T10:{:02}:00Z", i % 60),
                if i % 2 == 0 { Way::File } else { Way::Print },
            ));
        }
        assert_eq!(log.entries.len(), LOG_MAX);
    }
}

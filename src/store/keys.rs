//! The storage keys, one per stored value.
//!
//! Values are split by record type, and the diary by calendar month, so
//! one save writes one small value: the cost of saving today's entry is
//! the same after ten years as on day one.

use chrono::{DateTime, Datelike, NaiveDate, Utc};

use super::kinds::Stored;
use crate::model::diary::Month;
use crate::model::time::month_name;

/// Every key we write starts with this, so we never touch another app's
/// keys on the same origin.
pub const PREFIX: &str = "alongside.";

const QUARANTINE: &str = "alongside.quarantine.";

const SAFETY_COPY: &str = "alongside.safety-copy";

/// Made-up example entries live under their own keys, apart from the
/// client's diary, so nothing that reads the diary can meet them by chance.
const EXAMPLES: &str = "alongside.examples.";

/// A key in storage, always under [`PREFIX`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StoreKey(String);

impl StoreKey {
    /// The key of a kind stored under one fixed key (see [`super::kinds`]).
    pub fn of<K: Stored>() -> StoreKey {
        K::key()
    }

    /// The key `name` under the prefix; for [`Stored::key`].
    pub(super) fn fixed(name: &str) -> StoreKey {
        StoreKey(format!("{PREFIX}{name}"))
    }

    /// The summaries of one year's diary months, for trends and the
    /// calendar. One key a year, so saving today's entry rewrites one
    /// small value however many years the diary holds.
    pub fn diary_index(year: i32) -> StoreKey {
        StoreKey(format!("{PREFIX}diary.index.{year:04}"))
    }

    /// The year of a [`StoreKey::diary_index`] key.
    pub fn diary_index_year(&self) -> Option<i32> {
        self.0.strip_prefix("alongside.diary.index.")?.parse().ok()
    }

    /// The diary entries of one calendar month, e.g. `alongside.diary.2026-03`.
    pub fn diary_month(day: NaiveDate) -> StoreKey {
        StoreKey(format!(
            "{PREFIX}diary.{:04}-{:02}",
            day.year(),
            day.month()
        ))
    }

    /// The made-up example entries of one calendar month, e.g.
    /// `alongside.examples.2026-03`: never the client's record, never in a
    /// backup, a summary or a spreadsheet.
    pub fn example_month(month: Month) -> StoreKey {
        StoreKey(format!("{EXAMPLES}{}", month.code()))
    }

    /// The summaries of one year's example months, e.g.
    /// `alongside.examples.index.2026`.
    pub fn example_index(year: i32) -> StoreKey {
        StoreKey(format!("{EXAMPLES}index.{year:04}"))
    }

    /// The year of a [`StoreKey::example_index`] key.
    pub fn example_index_year(&self) -> Option<i32> {
        let year = self
            .0
            .strip_prefix(EXAMPLES)?
            .strip_prefix("index.")?
            .parse()
            .ok()?;
        (StoreKey::example_index(year) == *self).then_some(year)
    }

    /// The month of a [`StoreKey::example_month`] key.
    pub fn example_month_of(&self) -> Option<Month> {
        let month = Month::parse(self.0.strip_prefix(EXAMPLES)?)?;
        (StoreKey::example_month(month) == *self).then_some(month)
    }

    /// True for every key of the made-up examples (months and summaries).
    pub fn is_examples(&self) -> bool {
        self.0.starts_with(EXAMPLES)
    }

    /// True for a quarantined copy of a made-up example's value: kept
    /// aside like any damaged value, but no more the record than the
    /// examples themselves.
    pub fn is_examples_copy(&self) -> bool {
        self.0
            .strip_prefix(QUARANTINE)
            .and_then(|rest| rest.split_once('.'))
            .is_some_and(|(_, original)| original.starts_with(EXAMPLES))
    }

    /// Where a value that could not be read is kept aside, named by the
    /// moment it was moved (milliseconds since 1970) and its old key, so
    /// several damaged copies of one key never overwrite each other.
    pub fn quarantine(at: DateTime<Utc>, original: &StoreKey) -> StoreKey {
        StoreKey(format!(
            "{QUARANTINE}{}.{}",
            at.timestamp_millis(),
            original.as_str()
        ))
    }

    /// Where the phone's records are kept just before a restore, so the
    /// restore can be undone. Never part of a backup.
    pub fn safety_copy() -> StoreKey {
        StoreKey(SAFETY_COPY.to_string())
    }

    /// True for [`StoreKey::safety_copy`].
    pub fn is_safety_copy(&self) -> bool {
        self.0 == SAFETY_COPY
    }

    /// Makes a key from a raw string read back from storage, if it is ours.
    pub fn parse(raw: &str) -> Option<StoreKey> {
        raw.starts_with(PREFIX).then(|| StoreKey(raw.to_string()))
    }

    /// True for keys made by [`StoreKey::diary_month`].
    pub fn is_diary_month(&self) -> bool {
        self.0.strip_prefix("alongside.diary.").is_some_and(|m| {
            m.len() == 7
                && m.as_bytes()[4] == b'-'
                && m.bytes().filter(u8::is_ascii_digit).count() == 6
        })
    }

    /// True for keys made by [`StoreKey::quarantine`].
    pub fn is_quarantine(&self) -> bool {
        self.0.starts_with(QUARANTINE)
    }

    /// The key as stored.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// What this key holds, in words for the client ("your details"), to
    /// name it in a message. Every key has its own words: the registry's
    /// for each kind, the month or year for the diary's.
    pub fn describe(&self) -> String {
        if let Some(words) = super::kinds::holds(self) {
            return words.into();
        }
        if self.is_safety_copy() {
            return "the copy kept from before your last restore".into();
        }
        if self.is_quarantine() {
            return "a copy of information that could not be read, kept aside".into();
        }
        if let Some(month) = self.example_month_of() {
            return format!("the made-up examples for {}", month.name());
        }
        if let Some(year) = self.example_index_year() {
            return format!("the summary of the made-up examples for {year}");
        }
        let rest = self.0.strip_prefix(PREFIX).unwrap_or(&self.0);
        if let Some(year) = rest.strip_prefix("diary.index.") {
            return format!("your diary summary for {year}");
        }
        if let Some((year, month)) = rest
            .strip_prefix("diary.")
            .and_then(|m| m.split_once('-'))
            .and_then(|(y, m)| Some((y.parse::<i32>().ok()?, m.parse::<u32>().ok()?)))
        {
            if let Some(name) = month_name(month) {
                return format!("your diary for {name} {year}");
            }
        }
        "something saved by a newer version of Alongside".into()
    }
}

impl std::fmt::Display for StoreKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::diary::DiarySettings;
    use crate::model::{GoalBook, Profile};

    #[test]
    fn examples_have_keys_of_their_own() {
        let month = Month {
            year: 2026,
            month: 3,
        };
        let key = StoreKey::example_month(month);
        assert_eq!(key.as_str(), "alongside.examples.2026-03");
        assert_eq!(key.example_month_of(), Some(month));
        assert!(key.is_examples() && !key.is_diary_month());
        assert_eq!(key.describe(), "the made-up examples for March 2026");
        let index = StoreKey::example_index(2026);
        assert_eq!(index.as_str(), "alongside.examples.index.2026");
        assert_eq!(index.example_index_year(), Some(2026));
        assert_eq!(index.example_month_of(), None);
        assert_eq!(index.diary_index_year(), None);
        assert!(index.is_examples());
        assert!(!StoreKey::diary_month(month.first_day()).is_examples());
        let at = "2026-11-21T10:30:00Z".parse().unwrap();
        assert!(StoreKey::quarantine(at, &key).is_examples_copy());
        assert!(
            !StoreKey::quarantine(at, &StoreKey::diary_month(month.first_day())).is_examples_copy()
        );
        assert!(!key.is_examples_copy());
        assert_eq!(
            StoreKey::diary_month(month.first_day()).example_month_of(),
            None
        );
    }

    #[test]
    fn diary_is_split_by_month() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 29).unwrap();
        assert_eq!(StoreKey::diary_month(d).as_str(), "alongside.diary.2026-03");
        assert_eq!(
            StoreKey::diary_month(d).describe(),
            "your diary for March 2026"
        );
        assert!(StoreKey::diary_month(d).is_diary_month());
        assert!(!StoreKey::diary_index(2026).is_diary_month());
        assert!(!StoreKey::of::<DiarySettings>().is_diary_month());
    }

    #[test]
    fn quarantine_keys_are_unique_per_moment() {
        let at = DateTime::from_timestamp_millis(1_700_000_000_123).unwrap();
        let key = StoreKey::quarantine(at, &StoreKey::of::<Profile>());
        assert_eq!(
            key.as_str(),
            "alongside.quarantine.1700000000123.alongside.profile"
        );
        assert!(key.is_quarantine());
        assert!(!StoreKey::of::<Profile>().is_quarantine());
        assert_eq!(StoreKey::parse("other.app"), None);
    }

    #[test]
    fn the_safety_copy_has_its_own_key() {
        let key = StoreKey::safety_copy();
        assert_eq!(key.as_str(), "alongside.safety-copy");
        assert!(key.is_safety_copy());
        assert!(!key.is_quarantine() && !key.is_diary_month());
        assert!(!StoreKey::of::<GoalBook>().is_safety_copy());
        assert_eq!(StoreKey::parse("alongside.safety-copy"), Some(key));
    }
}

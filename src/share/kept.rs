//! The summaries a link worker keeps on their device, as the payloads they
//! came in (still protected, if they had a passphrase), listed by client.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A summary a link worker kept on their device, as the payload it came
/// in (still protected, if it had a passphrase).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeptSummary {
    /// When it was kept.
    #[serde(with = "crate::model::time::rfc3339")]
    pub kept_at: DateTime<Utc>,
    /// Whose it is, if the client gave their name.
    pub name: Option<String>,
    /// When the client made it.
    #[serde(with = "crate::model::time::rfc3339")]
    pub made_at: DateTime<Utc>,
    /// The payload, exactly as received.
    pub payload: String,
    /// The client's code the summary carried, so an earlier summary of
    /// the same client can be found even when it is protected (absent
    /// from summaries kept by older versions, and from older links).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

/// Every summary kept on this device, newest last.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeptSummaries {
    /// The summaries.
    pub items: Vec<KeptSummary>,
}

impl KeptSummaries {
    /// Keeps a summary unless the same payload is already kept.
    pub fn keep(&mut self, item: KeptSummary) {
        if !self.items.iter().any(|k| k.payload == item.payload) {
            self.items.push(item);
        }
    }

    /// Adds the summaries of `other` not kept here.
    pub fn add_missing(&mut self, other: &KeptSummaries) {
        for k in &other.items {
            self.keep(k.clone());
        }
    }

    /// Removes one, returning it (for undo).
    pub fn remove(&mut self, payload: &str) -> Option<KeptSummary> {
        let i = self.items.iter().position(|k| k.payload == payload)?;
        Some(self.items.remove(i))
    }

    /// The kept summaries by client, for the list: grouped by the client's
    /// code (summaries kept by older versions have none, and are grouped
    /// by name), each group newest first, the groups in order of name.
    pub fn by_client(&self) -> Vec<KeptClient<'_>> {
        let mut groups: Vec<KeptClient<'_>> = Vec::new();
        for item in &self.items {
            let same = |g: &KeptClient<'_>| match (&item.code, &g.items[0].code) {
                (Some(a), Some(b)) => a == b,
                (None, None) => item.name == g.name,
                _ => false,
            };
            match groups.iter_mut().find(|g| same(g)) {
                Some(g) => g.items.push(item),
                None => groups.push(KeptClient {
                    name: item.name.clone(),
                    items: vec![item],
                }),
            }
        }
        for g in &mut groups {
            g.items.sort_by_key(|k| std::cmp::Reverse(k.made_at));
            // The latest summary's name is the one they go by now.
            g.name = g.items[0].name.clone();
        }
        groups.sort_by(|a, b| {
            let key = |g: &KeptClient<'_>| g.name.as_deref().map(str::to_lowercase);
            // Named clients first, in order of name; then the newest.
            (key(a).is_none(), key(a))
                .cmp(&(key(b).is_none(), key(b)))
                .then(b.latest().cmp(&a.latest()))
        });
        groups
    }

    /// The latest summary kept of the client with `code` that was made
    /// before `made_at` (an earlier summary to compare with), if any.
    pub fn earlier_of(&self, code: &str, made_at: DateTime<Utc>) -> Option<&KeptSummary> {
        self.items
            .iter()
            .filter(|k| k.code.as_deref() == Some(code) && k.made_at < made_at)
            .max_by_key(|k| k.made_at)
    }
}

/// The summaries kept of one client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptClient<'a> {
    /// Their name, as the latest summary gives it.
    pub name: Option<String>,
    /// Their summaries, newest first (never empty).
    pub items: Vec<&'a KeptSummary>,
}

impl KeptClient<'_> {
    /// When the latest of them was made.
    pub fn latest(&self) -> DateTime<Utc> {
        self.items[0].made_at
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(name: Option<&str>, code: Option<&str>, made: &str, payload: &str) -> KeptSummary {
        KeptSummary {
            kept_at: made.parse().unwrap(),
            name: name.map(str::to_string),
            made_at: made.parse().unwrap(),
            payload: payload.into(),
            code: code.map(str::to_string),
        }
    }

    #[test]
    fn kept_summaries_are_listed_by_client_never_mixing_two_of_one_name() {
        let mut k = KeptSummaries::default();
        k.keep(kept(
            Some("Maureen"),
            Some("aaaa"),
            "2026-11-01T10:00:00Z",
            "1",
        ));
        k.keep(kept(Some("Sam"), Some("bbbb"), "2026-11-03T10:00:00Z", "2"));
        k.keep(kept(
            Some("Maureen"),
            Some("aaaa"),
            "2026-12-01T10:00:00Z",
            "3",
        ));
        // Another Maureen: a different client.
        k.keep(kept(
            Some("Maureen"),
            Some("cccc"),
            "2026-11-20T10:00:00Z",
            "4",
        ));
        // Kept by an older version: no code, grouped by name alone.
        k.keep(kept(Some("Ali"), None, "2026-10-01T10:00:00Z", "5"));
        k.keep(kept(None, Some("dddd"), "2026-10-02T10:00:00Z", "6"));
        k.keep(kept(
            Some("Maureen"),
            Some("aaaa"),
            "2026-12-01T10:00:00Z",
            "3",
        ));
        let groups = k.by_client();
        let shape: Vec<(Option<&str>, Vec<&str>)> = groups
            .iter()
            .map(|g| {
                (
                    g.name.as_deref(),
                    g.items.iter().map(|i| i.payload.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(
            shape,
            vec![
                (Some("Ali"), vec!["5"]),
                (Some("Maureen"), vec!["3", "1"]),
                (Some("Maureen"), vec!["4"]),
                (Some("Sam"), vec!["2"]),
                (None, vec!["6"]),
            ]
        );
        assert_eq!(
            groups[1].latest(),
            "2026-12-01T10:00:00Z".parse::<DateTime<Utc>>().unwrap()
        );
    }

    #[test]
    fn the_earlier_summary_is_the_latest_made_before_of_the_same_client() {
        let mut k = KeptSummaries::default();
        k.keep(kept(
            Some("Maureen"),
            Some("aaaa"),
            "2026-11-01T10:00:00Z",
            "1",
        ));
        k.keep(kept(
            Some("Maureen"),
            Some("aaaa"),
            "2026-11-15T10:00:00Z",
            "2",
        ));
        k.keep(kept(
            Some("Maureen"),
            Some("cccc"),
            "2026-11-20T10:00:00Z",
            "3",
        ));
        k.keep(kept(
            Some("Maureen"),
            Some("aaaa"),
            "2026-12-01T10:00:00Z",
            "4",
        ));
        let at = |s: &str| s.parse::<DateTime<Utc>>().unwrap();
        let found = k.earlier_of("aaaa", at("2026-12-01T10:00:00Z")).unwrap();
        assert_eq!(found.payload, "2");
        assert!(k.earlier_of("aaaa", at("2026-11-01T10:00:00Z")).is_none());
        assert!(k.earlier_of("zzzz", at("2027-01-01T10:00:00Z")).is_none());
    }
}

//! How the client's [`Profile`] is stored, and how older formats of it are
//! brought up to date.
//!
//! Schema history (each kept as a fixture in `tests/fixtures/storage/`):
//! - 1: the draft format of the first development builds ([`ProfileV1`]).
//!   Conditions were stored as their display labels, and the link worker
//!   as two flat fields.
//! - 2: conditions stored as stable codes (`{"listed":"copd"}`) or the
//!   client's own words (`{"own":"Fibromyalgia"}`), so diary measures can be
//!   keyed to a condition and labels can be reworded without a migration.

use serde::Deserialize;

use super::{Envelope, Record};
use crate::model::text::clean;
use crate::model::{Condition, LinkWorker, ListedCondition, Profile};

/// The profile schema this build writes.
pub const PROFILE_SCHEMA: u32 = 2;

/// The profile as schema 1 stored it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ProfileV1 {
    /// What they like to be called; empty when not given.
    #[serde(default)]
    pub name: Option<String>,
    /// Conditions by display label, listed or the client's own.
    #[serde(default)]
    pub conditions: Vec<String>,
    /// The link worker's name; empty when not given.
    #[serde(default)]
    pub link_worker_name: Option<String>,
    /// How to contact the link worker; empty when not given.
    #[serde(default)]
    pub link_worker_contact: Option<String>,
    /// "What matters to me".
    #[serde(default)]
    pub what_matters: Option<String>,
}

impl From<ProfileV1> for Profile {
    /// Version 1 to 2: labels become codes, the link worker one object,
    /// and empty text becomes "not given".
    fn from(old: ProfileV1) -> Profile {
        let text = |t: Option<String>| t.as_deref().and_then(clean);
        Profile {
            preferred_name: text(old.name),
            conditions: old
                .conditions
                .iter()
                .map(|label| match ListedCondition::from_label(label) {
                    Some(listed) => Condition::Listed(listed),
                    None => Condition::Own(label.clone()),
                })
                .collect(),
            link_worker: LinkWorker {
                name: text(old.link_worker_name),
                contact: text(old.link_worker_contact),
            },
            what_matters: text(old.what_matters).unwrap_or_default(),
        }
    }
}

impl Record for Profile {
    const KIND: &'static str = "profile";
    const SCHEMA: u32 = PROFILE_SCHEMA;
    const OLDEST: u32 = 1;

    fn upgrade(from: u32, raw: &str) -> Result<Self, String> {
        match from {
            1 => serde_json::from_str::<Envelope<ProfileV1>>(raw)
                .map(|old| old.data.into())
                .map_err(|_| "the details are not in the version 1 format".into()),
            _ => Err(format!("there is no upgrade from version {from}")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn v1(data: serde_json::Value) -> String {
        json!({"app": "alongside", "kind": "profile", "schema": 1, "rev": 1, "saved_at": "", "data": data})
            .to_string()
    }

    #[test]
    fn v1_labels_become_codes_or_own_words() {
        let raw = v1(json!({
            "name": "Sam",
            "conditions": ["COPD (chronic obstructive pulmonary disease)", "asthma", "Fibromyalgia"],
            "link_worker_name": "",
            "link_worker_contact": "01234 567890",
            "what_matters": "Walking the dog"
        }));
        let profile = Profile::upgrade(1, &raw).unwrap();
        assert_eq!(
            profile,
            Profile {
                preferred_name: Some("Sam".into()),
                conditions: vec![
                    Condition::Listed(ListedCondition::Copd),
                    Condition::Listed(ListedCondition::Asthma),
                    Condition::Own("Fibromyalgia".into())
                ],
                link_worker: LinkWorker {
                    name: None,
                    contact: Some("01234 567890".into())
                },
                what_matters: "Walking the dog".into(),
            }
        );
    }

    #[test]
    fn v1_with_wrong_types_is_refused_not_guessed() {
        for bad in [
            json!([1, 2]),
            json!({"conditions": "asthma"}),
            json!({"conditions": [3]}),
            json!({"name": 3}),
        ] {
            assert!(Profile::upgrade(1, &v1(bad.clone())).is_err(), "{bad}");
        }
        assert!(Profile::upgrade(0, &v1(json!({}))).is_err());
    }
}

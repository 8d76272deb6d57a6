//! How the client's [`Profile`] is stored, and how older formats of it are
//! brought up to date.
//!
//! Schema history (each kept as a fixture in `tests/fixtures/storage/`):
//! - 1: the draft format of the first development builds. Conditions were
//!   stored as their display labels, and the link worker as two flat fields.
//! - 2: conditions stored as stable codes (`{"listed":"copd"}`) or the
//!   client's own words (`{"own":"Fibromyalgia"}`), so diary measures can be
//!   keyed to a condition and labels can be reworded without a migration.

use serde_json::{json, Map, Value};

use super::Record;
use crate::model::{ListedCondition, Profile};

/// The profile schema this build writes.
pub const PROFILE_SCHEMA: u32 = 2;

impl Record for Profile {
    const KIND: &'static str = "profile";
    const SCHEMA: u32 = PROFILE_SCHEMA;
    const OLDEST: u32 = 1;

    fn upgrade(from: u32, data: Value) -> Result<Value, String> {
        match from {
            1 => upgrade_v1(data),
            _ => Err(format!("there is no upgrade from version {from}")),
        }
    }
}

/// Version 1 to 2: labels become codes, the link worker becomes one object.
fn upgrade_v1(data: Value) -> Result<Value, String> {
    let Value::Object(old) = data else {
        return Err("the details are not a set of fields".into());
    };
    let text = |field: &str| -> Result<Option<String>, String> {
        match old.get(field) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(format!("{field} is not text")),
        }
    };
    let conditions = match old.get("conditions") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|item| {
                let label = item.as_str().ok_or("a condition is not text")?;
                Ok(match ListedCondition::from_label(label) {
                    Some(listed) => json!({ "listed": listed }),
                    None => json!({ "own": label }),
                })
            })
            .collect::<Result<Vec<_>, String>>()?,
        Some(_) => return Err("conditions is not a list".into()),
    };
    let mut new = Map::new();
    new.insert("preferred_name".into(), json!(text("name")?));
    new.insert("conditions".into(), Value::Array(conditions));
    new.insert(
        "link_worker".into(),
        json!({
            "name": text("link_worker_name")?,
            "contact": text("link_worker_contact")?,
        }),
    );
    new.insert(
        "what_matters".into(),
        json!(text("what_matters")?.unwrap_or_default()),
    );
    Ok(Value::Object(new))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn v1_labels_become_codes_or_own_words() {
        let v1 = json!({
            "name": "Sam",
            "conditions": ["COPD (chronic obstructive pulmonary disease)", "asthma", "Fibromyalgia"],
            "link_worker_name": "",
            "link_worker_contact": "01234 567890",
            "what_matters": "Walking the dog"
        });
        let v2 = upgrade_v1(v1).unwrap();
        assert_eq!(
            v2,
            json!({
                "preferred_name": "Sam",
                "conditions": [{"listed": "copd"}, {"listed": "asthma"}, {"own": "Fibromyalgia"}],
                "link_worker": {"name": null, "contact": "01234 567890"},
                "what_matters": "Walking the dog"
            })
        );
    }

    #[test]
    fn v1_with_wrong_types_is_refused_not_guessed() {
        assert!(upgrade_v1(json!([1, 2])).is_err());
        assert!(upgrade_v1(json!({"conditions": "asthma"})).is_err());
        assert!(upgrade_v1(json!({"conditions": [3]})).is_err());
        assert!(upgrade_v1(json!({"name": 3})).is_err());
    }
}

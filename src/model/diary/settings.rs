//! The client's diary choices (own measures, hidden ones) and the "add
//! your own measure" form.

use serde::{Deserialize, Serialize};

use super::measure::{builtin, parse_scaled, suggested_for, Kind, Measure};
use crate::model::text::FieldError;
use crate::model::ListedCondition;

/// Longest measure name or label, in characters.
pub const NAME_MAX: usize = 40;

/// The client's diary choices: their own measures, the ones they hid, and
/// the ones on the quick check-in.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DiarySettings {
    /// Measures the client made.
    pub own: Vec<Measure>,
    /// Ids of measures the client does not use.
    pub hidden: Vec<String>,
    /// The number for the next own measure (`own-N`); never reused.
    pub next_own: u32,
}

impl DiarySettings {
    /// Every measure for a client with these conditions, in order: mood,
    /// the conditions' measures, sleep, then their own. Hidden ones are
    /// included; see [`DiarySettings::is_hidden`].
    pub fn all_measures(&self, conditions: &[ListedCondition]) -> Vec<Measure> {
        let mut ids: Vec<&str> = vec!["mood"];
        for c in conditions {
            for id in suggested_for(*c) {
                if !ids.contains(id) {
                    ids.push(id);
                }
            }
        }
        ids.push("sleep");
        let mut out: Vec<Measure> = ids.into_iter().filter_map(builtin).collect();
        out.extend(self.own.iter().cloned());
        out
    }

    /// The measures the client uses.
    pub fn measures(&self, conditions: &[ListedCondition]) -> Vec<Measure> {
        let mut all = self.all_measures(conditions);
        all.retain(|m| !self.is_hidden(&m.id));
        all
    }

    /// True if the client hid this measure.
    pub fn is_hidden(&self, id: &str) -> bool {
        self.hidden.iter().any(|h| h == id)
    }

    /// Hides or shows a measure. Readings already made are kept either way.
    pub fn set_hidden(&mut self, id: &str, hidden: bool) {
        crate::model::text::set_included(&mut self.hidden, id.to_string(), hidden);
    }

    /// Adds the client's own measures from `other` (a backup) that are not
    /// here, and returns the ids the backup's readings must be renamed to,
    /// as `(backup id, id here)`.
    ///
    /// An own measure with the same id, name and kind is already here. One
    /// whose id is taken by a different measure is added as a new measure
    /// (or matched to a copy an earlier restore added), and its readings
    /// follow it under the new id, so they are never shown as another
    /// measure. This phone's hidden list is kept; a measure added from the
    /// backup stays hidden if it was hidden there.
    pub fn add_missing(&mut self, other: &DiarySettings) -> Vec<(String, String)> {
        let same = |a: &Measure, b: &Measure| {
            a.name == b.name && a.kind == b.kind && a.several == b.several
        };
        let number = |id: &str| id.strip_prefix("own-").and_then(|n| n.parse::<u32>().ok());
        let had = self.own.len();
        let mut next = self
            .own
            .iter()
            .chain(&other.own)
            .filter_map(|m| number(&m.id))
            .map(|n| n.saturating_add(1))
            .fold(self.next_own.max(other.next_own).max(1), u32::max);
        let mut renames = Vec::new();
        for m in &other.own {
            let before = &self.own[..had];
            let new_id = match before.iter().find(|x| x.id == m.id) {
                Some(x) if same(x, m) => continue,
                Some(_) => match before.iter().find(|x| same(x, m)) {
                    Some(copy) => {
                        renames.push((m.id.clone(), copy.id.clone()));
                        continue;
                    }
                    None => {
                        let id = format!("own-{next}");
                        next = next.saturating_add(1);
                        renames.push((m.id.clone(), id.clone()));
                        id
                    }
                },
                None => m.id.clone(),
            };
            if other.is_hidden(&m.id) {
                self.set_hidden(&new_id, true);
            }
            self.own.push(Measure {
                id: new_id,
                ..m.clone()
            });
        }
        self.next_own = next;
        renames
    }

    /// Adds the client's own measure from a form and returns its id.
    pub fn add_own(
        &mut self,
        draft: &MeasureDraft,
    ) -> Result<String, Vec<FieldError<MeasureField>>> {
        let id = format!("own-{}", self.next_own.max(1));
        let measure = draft.validate(&id)?;
        self.next_own = self.next_own.max(1).saturating_add(1);
        self.own.push(measure);
        Ok(id)
    }
}

/// The kinds of measure a client can make.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OwnKind {
    /// 0 to 10 with their own words at each end.
    #[default]
    Scale,
    /// A number with a unit and range.
    Number,
    /// Yes or no.
    YesNo,
}

/// The fields of the "add your own measure" form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeasureField {
    /// The name.
    Name,
    /// What 0 means.
    Low,
    /// What 10 means.
    High,
    /// The unit.
    Unit,
    /// The lowest value.
    Min,
    /// The highest value.
    Max,
}

/// The "add your own measure" form, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MeasureDraft {
    /// The name.
    pub name: String,
    /// The kind.
    pub kind: OwnKind,
    /// What 0 means (scales).
    pub low: String,
    /// What 10 means (scales).
    pub high: String,
    /// The unit (numbers).
    pub unit: String,
    /// The lowest plausible value (numbers).
    pub min: String,
    /// The highest plausible value (numbers).
    pub max: String,
}

impl MeasureDraft {
    fn text(
        field: MeasureField,
        text: &str,
        what: &str,
        empty: &str,
        errors: &mut Vec<FieldError<MeasureField>>,
    ) -> String {
        match crate::model::text::required(field, text, NAME_MAX, what, empty) {
            Ok(t) => t,
            Err(e) => {
                errors.push(e);
                String::new()
            }
        }
    }

    /// Checks the form and makes the measure with `id`.
    pub fn validate(&self, id: &str) -> Result<Measure, Vec<FieldError<MeasureField>>> {
        let mut errors = Vec::new();
        let name = Self::text(
            MeasureField::Name,
            &self.name,
            "The name",
            "Enter a name for the measure",
            &mut errors,
        );
        let kind = match self.kind {
            OwnKind::YesNo => Kind::YesNo,
            OwnKind::Scale => Kind::Scale {
                low: Self::text(
                    MeasureField::Low,
                    &self.low,
                    "What 0 means",
                    "Enter what 0 means, such as \"none\"",
                    &mut errors,
                ),
                high: Self::text(
                    MeasureField::High,
                    &self.high,
                    "What 10 means",
                    "Enter what 10 means, such as \"worst possible\"",
                    &mut errors,
                ),
            },
            OwnKind::Number => {
                let unit = Self::text(
                    MeasureField::Unit,
                    &self.unit,
                    "The unit",
                    "Enter the unit, such as \"steps\" or \"kg\"",
                    &mut errors,
                );
                // Own numbers take up to one decimal place.
                let min = parse_scaled(&self.min, 1);
                let max = parse_scaled(&self.max, 1);
                if min.is_none() {
                    errors.push(FieldError::new(
                        MeasureField::Min,
                        "Enter the lowest value as a number, like 0",
                    ));
                }
                match (min, max) {
                    (_, None) => errors.push(FieldError::new(
                        MeasureField::Max,
                        "Enter the highest value as a number, like 100",
                    )),
                    (Some(lo), Some(hi)) if hi <= lo => errors.push(FieldError::new(
                        MeasureField::Max,
                        "The highest value must be more than the lowest",
                    )),
                    _ => {}
                }
                Kind::Number {
                    unit,
                    decimals: 1,
                    min: min.unwrap_or(0),
                    max: max.unwrap_or(0),
                }
            }
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Measure {
            id: id.into(),
            name,
            kind,
            several: false,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::day;
    use super::super::{DayEntry, DiaryMonth, Reading};
    use super::*;

    #[test]
    fn conditions_suggest_measures_and_everyone_gets_mood_and_sleep() {
        let s = DiarySettings::default();
        let ids = |ms: Vec<Measure>| ms.into_iter().map(|m| m.id).collect::<Vec<_>>();
        assert_eq!(ids(s.measures(&[])), vec!["mood", "sleep"]);
        assert_eq!(
            ids(s.measures(&[ListedCondition::Copd, ListedCondition::HeartFailure])),
            vec![
                "mood",
                "breathlessness",
                "peak_flow",
                "weight",
                "swelling",
                "sleep"
            ]
        );
        for c in ListedCondition::ALL {
            for id in suggested_for(c) {
                assert!(builtin(id).is_some(), "{id}");
            }
        }
        let mut s = DiarySettings::default();
        s.set_hidden("sleep", true);
        assert_eq!(
            ids(s.measures(&[ListedCondition::Type2Diabetes])),
            vec!["mood", "glucose"]
        );
        assert_eq!(s.all_measures(&[]).len(), 2, "hidden ones are still known");
    }

    #[test]
    fn own_measures_are_checked_and_never_reuse_an_id() {
        let mut s = DiarySettings::default();
        let bad = MeasureDraft {
            kind: OwnKind::Number,
            min: "10".into(),
            max: "5".into(),
            ..MeasureDraft::default()
        };
        let errors = s.add_own(&bad).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            vec![MeasureField::Name, MeasureField::Unit, MeasureField::Max]
        );
        assert!(s.own.is_empty());
        let steps = MeasureDraft {
            name: "Steps walked".into(),
            kind: OwnKind::Number,
            unit: "steps".into(),
            min: "0".into(),
            max: "50000".into(),
            ..MeasureDraft::default()
        };
        assert_eq!(s.add_own(&steps).unwrap(), "own-1");
        let walk = MeasureDraft {
            name: "Went outside".into(),
            kind: OwnKind::YesNo,
            ..MeasureDraft::default()
        };
        assert_eq!(s.add_own(&walk).unwrap(), "own-2");
        assert_eq!(s.own[0].parse("12000"), Ok(120000));
        assert_eq!(s.own[1].show(1), "Yes");
        let scale = MeasureDraft {
            name: "Dizziness".into(),
            kind: OwnKind::Scale,
            low: "None".into(),
            ..MeasureDraft::default()
        };
        assert_eq!(
            s.add_own(&scale).unwrap_err()[0].message,
            "Enter what 10 means, such as \"worst possible\""
        );
    }

    #[test]
    fn own_measures_from_a_backup_keep_their_readings_under_a_free_id() {
        let steps = MeasureDraft {
            name: "Steps".into(),
            kind: OwnKind::Number,
            unit: "steps".into(),
            min: "0".into(),
            max: "50000".into(),
            ..MeasureDraft::default()
        };
        let dizzy = MeasureDraft {
            name: "Dizziness".into(),
            kind: OwnKind::Scale,
            low: "None".into(),
            high: "Worst".into(),
            ..MeasureDraft::default()
        };
        let walked = MeasureDraft {
            name: "Went outside".into(),
            kind: OwnKind::YesNo,
            ..MeasureDraft::default()
        };
        let mut mine = DiarySettings::default();
        mine.add_own(&steps).unwrap(); // own-1
        mine.add_own(&dizzy).unwrap(); // own-2
        mine.set_hidden("sleep", true);
        let mut theirs = DiarySettings::default();
        theirs.add_own(&steps).unwrap(); // own-1, the same measure
        theirs.add_own(&walked).unwrap(); // own-2, clashes with Dizziness
        theirs.add_own(&dizzy).unwrap(); // own-3, free here
        theirs.set_hidden("own-2", true);
        theirs.set_hidden("mood", true);
        let renames = mine.add_missing(&theirs);
        assert_eq!(renames, vec![("own-2".to_string(), "own-4".to_string())]);
        let ids: Vec<(&str, &str)> = mine
            .own
            .iter()
            .map(|m| (m.id.as_str(), m.name.as_str()))
            .collect();
        assert_eq!(
            ids,
            vec![
                ("own-1", "Steps"),
                ("own-2", "Dizziness"),
                ("own-4", "Went outside"),
                ("own-3", "Dizziness")
            ]
        );
        assert_eq!(mine.next_own, 5);
        assert!(mine.is_hidden("own-4"), "hidden in the backup, new here");
        assert!(mine.is_hidden("sleep") && !mine.is_hidden("mood"));
        // Merging again finds the copy and renames the same way.
        let before = mine.clone();
        assert_eq!(mine.add_missing(&theirs), renames);
        assert_eq!(mine, before);
        let mut month = DiaryMonth {
            days: vec![DayEntry {
                date: day(2026, 11, 2),
                readings: vec![Reading {
                    m: "own-2".into(),
                    t: None,
                    v: 1,
                }],
                note: None,
            }],
        };
        month.rename_measures(&renames);
        assert_eq!(month.days[0].readings[0].m, "own-4");
    }
}

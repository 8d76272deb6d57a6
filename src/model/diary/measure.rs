//! Measures: what the client can record (mood, scales, numbers, yes or
//! no), the ones the app knows by code, and reading and writing their
//! values.

use serde::{Deserialize, Serialize};

use crate::model::ListedCondition;

/// The five mood steps, in words (the stored value is 1 to 5).
pub const MOODS: [&str; 5] = ["Very low", "Low", "OK", "Good", "Very good"];

/// What kind of answer a measure takes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum Kind {
    /// Mood, in five steps with words (1 to 5).
    Mood,
    /// A 0 to 10 scale with words at each end.
    Scale {
        /// What 0 means.
        low: String,
        /// What 10 means.
        high: String,
    },
    /// A number with a unit and a plausible range, both in the same scaled
    /// form as the stored value.
    Number {
        /// The unit, such as "mmol/L".
        unit: String,
        /// Decimal places allowed (0 to 2).
        decimals: u8,
        /// Lowest plausible value, scaled.
        min: i32,
        /// Highest plausible value, scaled.
        max: i32,
    },
    /// Yes (1) or no (0).
    YesNo,
}

/// Something the client records in their diary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Measure {
    /// Stable id: a code such as `glucose`, or `own-3` for the client's own.
    pub id: String,
    /// The name shown, such as "Blood glucose".
    pub name: String,
    /// What kind of answer it takes.
    pub kind: Kind,
    /// True where several readings a day make sense, each with a time.
    pub several: bool,
}

fn number(
    id: &str,
    name: &str,
    unit: &str,
    decimals: u8,
    min: i32,
    max: i32,
    several: bool,
) -> Measure {
    Measure {
        id: id.into(),
        name: name.into(),
        kind: Kind::Number {
            unit: unit.into(),
            decimals,
            min,
            max,
        },
        several,
    }
}

fn scale(id: &str, name: &str, low: &str, high: &str) -> Measure {
    Measure {
        id: id.into(),
        name: name.into(),
        kind: Kind::Scale {
            low: low.into(),
            high: high.into(),
        },
        several: false,
    }
}

/// A measure the app knows by its code, or `None` for an unknown code.
pub fn builtin(id: &str) -> Option<Measure> {
    Some(match id {
        "mood" => Measure {
            id: "mood".into(),
            name: "Mood".into(),
            kind: Kind::Mood,
            several: false,
        },
        "sleep" => number("sleep", "Sleep", "hours", 1, 0, 240, false),
        "glucose" => number("glucose", "Blood glucose", "mmol/L", 1, 10, 350, true),
        "breathlessness" => scale(
            "breathlessness",
            "Breathlessness",
            "Not breathless",
            "Worst possible",
        ),
        "peak_flow" => number("peak_flow", "Peak flow", "L/min", 0, 50, 900, true),
        "reliever" => number(
            "reliever",
            "Reliever inhaler puffs",
            "puffs",
            0,
            0,
            60,
            false,
        ),
        "weight" => number("weight", "Weight", "kg", 1, 200, 3000, false),
        "swelling" => scale(
            "swelling",
            "Ankle swelling",
            "No swelling",
            "Worst possible",
        ),
        "chest_pain" => scale(
            "chest_pain",
            "Chest pain or tightness",
            "None",
            "Worst possible",
        ),
        "systolic" => number(
            "systolic",
            "Blood pressure (top number)",
            "mmHg",
            0,
            60,
            260,
            true,
        ),
        "diastolic" => number(
            "diastolic",
            "Blood pressure (bottom number)",
            "mmHg",
            0,
            30,
            160,
            true,
        ),
        "pain" => scale("pain", "Pain", "No pain", "Worst possible"),
        "stiffness" => scale("stiffness", "Stiffness", "None", "Worst possible"),
        "anxiety" => scale("anxiety", "Anxiety", "Calm", "Worst possible"),
        "tiredness" => scale("tiredness", "Tiredness", "Full of energy", "Exhausted"),
        _ => return None,
    })
}

/// The measures suggested for a listed condition, by code.
pub fn suggested_for(condition: ListedCondition) -> &'static [&'static str] {
    use ListedCondition::*;
    match condition {
        Type1Diabetes | Type2Diabetes => &["glucose"],
        Copd => &["breathlessness", "peak_flow"],
        Asthma => &["peak_flow", "reliever"],
        HeartFailure => &["weight", "swelling", "breathlessness"],
        CoronaryHeartDisease => &["chest_pain"],
        HighBloodPressure => &["systolic", "diastolic"],
        Stroke | ChronicKidneyDisease | LowMood => &["tiredness"],
        ChronicPain => &["pain"],
        Arthritis => &["pain", "stiffness"],
        Anxiety => &["anxiety"],
    }
}

/// Reads a number typed with up to `decimals` decimal places ("5.6") as a
/// whole number scaled by them (56). `None` if it is not such a number or
/// is out of the range a phone can hold.
pub fn parse_scaled(text: &str, decimals: u8) -> Option<i32> {
    let text = text.trim();
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (whole, frac) = match digits.split_once('.') {
        Some((w, f)) => (w, f),
        None => (digits, ""),
    };
    let valid = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() && frac.is_empty()
        || !valid(whole)
        || !valid(frac)
        || frac.len() > usize::from(decimals)
        || (digits.contains('.') && frac.is_empty())
        || whole.len() > 7
    {
        return None;
    }
    let mut value: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    for i in 0..decimals {
        let d = frac
            .as_bytes()
            .get(usize::from(i))
            .map_or(0, |b| i64::from(b - b'0'));
        value = value * 10 + d;
    }
    let value = if negative { -value } else { value };
    i32::try_from(value).ok()
}

/// Writes a scaled whole number with its decimal places: 56 with 1 is
/// "5.6"; trailing zeros are kept so figures line up ("6.0").
pub fn format_scaled(value: i32, decimals: u8) -> String {
    let mut out = String::new();
    if value < 0 {
        out.push('-');
    }
    let v = value.unsigned_abs();
    let scale = 10u32.pow(u32::from(decimals));
    out.push_str(&(v / scale).to_string());
    if decimals > 0 {
        let frac = (v % scale).to_string();
        out.push('.');
        for _ in frac.len()..usize::from(decimals) {
            out.push('0');
        }
        out.push_str(&frac);
    }
    out
}

impl Measure {
    /// Whether a higher value is better (`Some(true)`), worse
    /// (`Some(false)`), or neither simply (`None`): for mood and peak flow
    /// up is better; for the symptom scales and reliever puffs, down; for
    /// blood glucose, weight, blood pressure and sleep there is no simple
    /// better, and for the client's own measures we do not guess.
    pub fn higher_is_better(&self) -> Option<bool> {
        match self.id.as_str() {
            "mood" | "peak_flow" => Some(true),
            "breathlessness" | "swelling" | "chest_pain" | "pain" | "stiffness" | "anxiety"
            | "tiredness" | "reliever" => Some(false),
            _ => None,
        }
    }

    /// Decimal places of the stored value.
    pub fn decimals(&self) -> u8 {
        match self.kind {
            Kind::Number { decimals, .. } => decimals,
            _ => 0,
        }
    }

    /// A stored value in words: "5.6 mmol/L", "Good", "Yes", "7 out of
    /// 10", by the one rule in [`super::show`].
    pub fn show(&self, value: i32) -> String {
        self.shown().reading(value)
    }

    /// The lowest and highest values it can take, scaled.
    pub fn range(&self) -> (i32, i32) {
        match &self.kind {
            Kind::Mood => (1, 5),
            Kind::Scale { .. } => (0, 10),
            Kind::YesNo => (0, 1),
            Kind::Number { min, max, .. } => (*min, *max),
        }
    }

    /// Reads a value as typed or chosen, with a plain message if it will not do.
    pub fn parse(&self, text: &str) -> Result<i32, String> {
        let (min, max) = self.range();
        match &self.kind {
            Kind::Number { unit, decimals, .. } => {
                let example = if *decimals > 0 { "5.6" } else { "450" };
                let value = parse_scaled(text, *decimals).ok_or_else(|| {
                    if *decimals > 0 {
                        format!("Enter {} as a number, like {example}, with up to {decimals} decimal place{}", self.name, if *decimals == 1 { "" } else { "s" })
                    } else {
                        format!("Enter {} as a whole number, like {example}", self.name)
                    }
                })?;
                if value < min || value > max {
                    return Err(format!(
                        "{} must be between {} and {} {unit}",
                        self.name,
                        format_scaled(min, *decimals),
                        format_scaled(max, *decimals)
                    ));
                }
                Ok(value)
            }
            _ => match text.trim().parse::<i32>() {
                Ok(v) if (min..=max).contains(&v) => Ok(v),
                _ => Err(format!("Choose an answer for {}", self.name)),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn better_is_said_only_where_it_is_simple() {
        let better = |id: &str| builtin(id).unwrap().higher_is_better();
        assert_eq!(better("mood"), Some(true));
        assert_eq!(better("peak_flow"), Some(true));
        for id in [
            "breathlessness",
            "pain",
            "stiffness",
            "anxiety",
            "tiredness",
            "swelling",
            "chest_pain",
            "reliever",
        ] {
            assert_eq!(better(id), Some(false), "{id}");
        }
        for id in ["glucose", "weight", "systolic", "diastolic", "sleep"] {
            assert_eq!(better(id), None, "{id}");
        }
    }

    #[test]
    fn numbers_are_read_exactly_and_checked_against_their_range() {
        let glucose = builtin("glucose").unwrap();
        assert_eq!(glucose.parse("5.6"), Ok(56));
        assert_eq!(glucose.parse(" 12 "), Ok(120));
        assert_eq!(glucose.parse("1"), Ok(10));
        assert_eq!(glucose.parse("35.0"), Ok(350));
        assert_eq!(
            glucose.parse("0.9"),
            Err("Blood glucose must be between 1.0 and 35.0 mmol/L".into())
        );
        assert_eq!(
            glucose.parse("36"),
            Err("Blood glucose must be between 1.0 and 35.0 mmol/L".into())
        );
        for bad in [
            "five",
            "5.66",
            "5,6",
            "",
            ".",
            "5.",
            "1e3",
            "--5",
            "99999999999",
        ] {
            assert_eq!(
                glucose.parse(bad),
                Err("Enter Blood glucose as a number, like 5.6, with up to 1 decimal place".into()),
                "{bad}"
            );
        }
        let peak = builtin("peak_flow").unwrap();
        assert_eq!(peak.parse("450"), Ok(450));
        assert_eq!(
            peak.parse("450.5"),
            Err("Enter Peak flow as a whole number, like 450".into())
        );
        let mood = builtin("mood").unwrap();
        assert_eq!(mood.parse("5"), Ok(5));
        assert_eq!(mood.parse("6"), Err("Choose an answer for Mood".into()));
        assert_eq!(mood.show(4), "Good");
        assert_eq!(glucose.show(56), "5.6 mmol/L");
        assert_eq!(format_scaled(-5, 2), "-0.05");
        assert_eq!(format_scaled(60, 1), "6.0");
        assert_eq!(parse_scaled("-0.5", 1), Some(-5));
        assert_eq!(parse_scaled(".5", 1), Some(5));
    }
}

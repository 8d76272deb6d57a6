//! A shared measure's values in words, and the scale its chart is drawn
//! on: mood in the client's words ("Good"), scales "out of 10", numbers
//! with their unit.

use super::types::{SharedKind, SharedMeasure};
use crate::model::chart::Scale;
use crate::model::diary::{format_scaled, MOODS};

/// The word for a mood value, 1 to 5.
pub(super) fn mood_word(v: i32) -> &'static str {
    MOODS[usize::try_from(v - 1).unwrap_or(0).min(MOODS.len() - 1)]
}

/// A weekly average (scaled by one more decimal place than the measure)
/// in words, with the measure's unit or scale.
pub(super) fn average(m: &SharedMeasure, v: i32) -> String {
    let number = format_scaled(v, m.decimals + 1);
    match m.kind {
        SharedKind::Scale => format!("{number} out of 10"),
        SharedKind::Number => format!("{number} {}", m.unit),
        SharedKind::Mood => format!("about {}", mood_word((v + 5) / 10)),
        // An average of yes (1) and no (0) is the share of yes.
        SharedKind::YesNo => format!("{}% yes", v * 10),
    }
}

impl SharedMeasure {
    /// One stored value in words: "Good", "7 out of 10", "5.6 mmol/L",
    /// "Yes".
    pub fn show(&self, v: i32) -> String {
        match self.kind {
            SharedKind::Mood => mood_word(v).to_string(),
            SharedKind::Scale => format!("{v} out of 10"),
            SharedKind::Number => format!("{} {}", format_scaled(v, self.decimals), self.unit),
            SharedKind::YesNo if v > 0 => "Yes".into(),
            SharedKind::YesNo => "No".into(),
        }
    }

    /// A weekly average in words: "about Good", "4.5 out of 10",
    /// "310.5 L/min", "40% yes".
    pub fn show_average(&self, v: i32) -> String {
        average(self, v)
    }

    /// The scale its chart is drawn on: 0 to 10, the five mood words, yes
    /// or no, or a number within its likely range (where the link has it).
    /// The axes themselves are worked out in `model::chart`.
    pub fn chart_scale(&self) -> Scale {
        match self.kind {
            SharedKind::Mood => Scale::Mood,
            SharedKind::Scale => Scale::ZeroToTen,
            SharedKind::YesNo => Scale::YesNo,
            SharedKind::Number => Scale::Number {
                unit: self.unit.clone(),
                decimals: self.decimals,
                range: self.range,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::now;
    use super::super::typical;

    #[test]
    fn values_read_as_the_client_would_say_them() {
        let s = typical(now());
        let (mood, breath, peak, sleep) = (
            &s.measures[0],
            &s.measures[1],
            &s.measures[2],
            &s.measures[3],
        );
        assert_eq!(mood.show(4), "Good");
        assert_eq!(mood.show_average(33), "about OK");
        assert_eq!(breath.show(7), "7 out of 10");
        assert_eq!(breath.show_average(45), "4.5 out of 10");
        assert_eq!(peak.show(310), "310 L/min");
        assert_eq!(sleep.show(62), "6.2 hours");
    }
}

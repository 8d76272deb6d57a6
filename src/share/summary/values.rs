//! A shared measure's values in words, and the scale its chart is drawn
//! on: mood in the client's words ("Good"), scales "out of 10", numbers
//! with their unit, and no needless decimals on a chart's axis.

use super::types::{SharedKind, SharedMeasure};
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

/// A value for a chart's axis: no trailing zeros after the point ("5",
/// not "5.0"; "5.2" stays).
fn axis(v: i32, decimals: u8) -> String {
    let text = format_scaled(v, decimals);
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
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

    /// The chart's scale for weekly averages (scaled by one more decimal
    /// place): the bottom, the top, and their labels as the client would
    /// write them ("0" and "10", "Very low" and "Very good", "280" and
    /// "350").
    pub fn chart_scale(&self) -> (i32, i32, [String; 2]) {
        match self.kind {
            SharedKind::Mood => (10, 50, [MOODS[0].into(), MOODS[4].into()]),
            SharedKind::Scale => (0, 100, ["0".into(), "10".into()]),
            SharedKind::YesNo => (0, 10, ["0%".into(), "100%".into()]),
            SharedKind::Number => {
                let (_, _, lo, hi) = self.stats.unwrap_or((0, 0, 0, 10));
                let hi = hi.max(lo + 1);
                (
                    lo * 10,
                    hi * 10,
                    [axis(lo, self.decimals), axis(hi, self.decimals)],
                )
            }
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
        // Axis labels carry no needless decimals.
        assert_eq!(
            breath.chart_scale(),
            (0, 100, ["0".to_string(), "10".to_string()])
        );
        assert_eq!(
            mood.chart_scale().2,
            ["Very low".to_string(), "Very good".to_string()]
        );
        let (lo, hi, labels) = peak.chart_scale();
        assert_eq!((lo, hi), (2330, 4130));
        assert_eq!(labels, ["233".to_string(), "413".to_string()]);
        assert_eq!(
            sleep.chart_scale().2,
            ["4.7".to_string(), "8.2".to_string()]
        );
        let mut whole = sleep.clone();
        whole.stats = Some((2, 130, 50, 80));
        assert_eq!(whole.chart_scale().2, ["5".to_string(), "8".to_string()]);
    }
}

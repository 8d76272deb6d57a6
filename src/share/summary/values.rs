//! A shared measure's values in words, by the app's one rule for each
//! kind of value ([`crate::model::diary::Shown`]): mood in the client's
//! words ("Good"), scales "out of 10", numbers with their unit at their
//! unit's precision; and the scale its chart is drawn on.

use chrono::NaiveDate;

use crate::model::chart::Scale;

use super::types::{SharedKind, SharedMeasure, Summary};
pub(super) use crate::model::diary::mood_word;
use crate::model::diary::{Figures, LastRecorded, Shown};

/// Days without a reading, up to the end of the period, after which a
/// measure's figures are old: the summary then says when it was last
/// recorded rather than give a trend. A week, as "the last week" is what
/// the summary's words speak of.
pub(super) const STALE_DAYS: u32 = 7;

impl Summary {
    /// When measure `m` was last recorded in the period, if it says.
    pub(super) fn last_recorded(&self, m: &SharedMeasure) -> Option<LastRecorded> {
        m.last_day.map(|d| LastRecorded::Day(self.day(d)))
    }

    /// True when measure `m` has no reading in the period's last week.
    pub(super) fn is_stale(&self, m: &SharedMeasure) -> bool {
        self.last_recorded(m)
            .is_some_and(|l| l.is_stale(self.to, STALE_DAYS))
    }

    /// The figures of measure `m` over the period, in sentences, with days
    /// as seen on `today`: "Average 6.2 mmol/L. Lowest 4.1 mmol/L. Highest
    /// 9.0 mmol/L. From 40 readings.", or, when it was not recorded in the
    /// last week, "Last recorded Tue 3 November. Up to then: …".
    pub fn figures(&self, m: &SharedMeasure, today: NaiveDate) -> String {
        let (n, sum, lo, hi) = m.stats.unwrap_or((0, 0, 0, 0));
        Figures {
            n,
            sum,
            lo,
            hi,
            last: self.last_recorded(m),
        }
        .words(m.shown(), self.is_stale(m), today)
    }
}

/// A weekly average (scaled by one more decimal place than the measure)
/// in words, with the measure's unit or scale.
pub(super) fn average(m: &SharedMeasure, v: i32) -> String {
    m.shown().average(v, None)
}

impl SharedMeasure {
    /// How its values are shown.
    pub fn shown(&self) -> Shown<'_> {
        match self.kind {
            SharedKind::Mood => Shown::Mood,
            SharedKind::Scale => Shown::Scale,
            SharedKind::Number => Shown::Number {
                unit: &self.unit,
                decimals: self.decimals,
            },
            SharedKind::YesNo => Shown::YesNo,
        }
    }

    /// One stored value in words: "Good", "7 out of 10", "5.6 mmol/L",
    /// "Yes".
    pub fn show(&self, v: i32) -> String {
        self.shown().reading(v)
    }

    /// A weekly average in words: "about Good", "4.5 out of 10",
    /// "311 L/min", "40% yes".
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
        // Averages keep the unit's precision: whole L/min, tenths of hours.
        assert_eq!(peak.show_average(3105), "311 L/min");
        assert_eq!(sleep.show_average(623), "6.2 hours");
        assert_eq!(mood.show_average(36), "about Good");
    }
}

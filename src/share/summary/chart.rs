//! A shared measure's chart: its weekly averages, each dated by the first
//! day its figures cover (the week's Monday, or the period's first day for
//! a week that starts before it), on the measure's own scale, with a gap
//! where a week has no readings. The axes are worked out in
//! `model::chart`, the same as on the client's own diary.

use chrono::NaiveDate;

use super::types::{SharedMeasure, Summary};
use crate::model::chart::Chart;

/// Weekly points further apart than this many days are a gap in the
/// readings, left unjoined.
const WEEK: u32 = 7;

impl Summary {
    /// The chart of measure `m`'s weekly averages, with the dates written
    /// as they read in the year of `today`; `None` with no weeks.
    pub fn measure_chart(&self, m: &SharedMeasure, today: NaiveDate) -> Option<Chart> {
        let dated: Vec<(NaiveDate, i32)> = m
            .weeks
            .iter()
            .map(|(w, v)| (self.week_start(m, *w).max(self.from), *v))
            .collect();
        Chart::daily(&dated, &m.chart_scale(), 1, today).map(|c| c.joining(WEEK))
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{d, now};
    use super::super::typical;
    use super::*;
    use crate::model::chart::Scale;

    fn words(c: &Chart) -> Vec<&str> {
        c.values.ticks.iter().map(|(_, w)| w.as_str()).collect()
    }

    #[test]
    fn a_measure_is_dated_from_its_first_week_in_the_period_to_its_last() {
        let mut s = typical(now());
        s.from = d(11, 5); // a Thursday
        s.to = d(12, 2);
        let m = &mut s.measures[2];
        assert_eq!(m.unit, "L/min");
        m.weeks = vec![(0, 3600), (1, 3610), (3, 3605)];
        let m = s.measures[2].clone();
        let c = s.measure_chart(&m, d(12, 2)).unwrap();
        // Week 0 starts on Monday 2 November, before the period: its
        // figures start on the 5th.
        assert_eq!(c.time.first, "5 Nov");
        assert_eq!(c.time.last.as_deref(), Some("23 Nov"));
        assert_eq!(c.points, vec![(0, 3600), (4, 3610), (18, 3605)]);
        // Week 2 is missing: the line stops there.
        let runs: Vec<usize> = c.runs().iter().map(|r| r.len()).collect();
        assert_eq!(runs, [2, 1]);
        // Peak flow of 360 and 361 is not drawn from 360 to 361.
        assert_eq!(words(&c), ["300", "350", "400", "450"]);
    }

    #[test]
    fn a_number_is_drawn_within_its_likely_range_where_the_link_has_it() {
        let mut s = typical(now());
        let mut m = s.measures[2].clone();
        m.unit = "steps".into();
        m.weeks = vec![(0, 41000), (1, 41500)];
        m.range = Some((0, 20000));
        assert_eq!(
            m.chart_scale(),
            Scale::Number {
                unit: "steps".into(),
                decimals: 0,
                range: Some((0, 20000))
            }
        );
        let c = s.measure_chart(&m, d(11, 21)).unwrap();
        assert!(c.values.hi - c.values.lo >= 20000);
        // An older link has no range: the chart still spans more than the
        // data.
        m.range = None;
        let c = s.measure_chart(&m, d(11, 21)).unwrap();
        assert!(c.values.hi - c.values.lo > 500);
        // The other kinds keep their own scales.
        let mood = s.measure_chart(&s.measures[0], d(11, 21)).unwrap();
        assert_eq!(words(&mood), crate::model::diary::MOODS);
        assert_eq!(
            words(&s.measure_chart(&s.measures[1], d(11, 21)).unwrap()),
            ["0", "5", "10"]
        );
        s.measures[0].weeks.clear();
        assert_eq!(s.measure_chart(&s.measures[0], d(11, 21)), None);
    }

    #[test]
    fn the_range_travels_in_the_link_and_is_checked() {
        let s = typical(now());
        let peak = &s.measures[2];
        assert!(peak.range.is_some());
        let json = serde_json::to_string(peak).unwrap();
        assert!(json.contains("\"rg\":["), "{json}");
        let back: SharedMeasure = serde_json::from_str(&json).unwrap();
        assert_eq!(&back, peak);
        // Absent from older links, and from other kinds.
        let old = json.replace(
            &format!(
                ",\"rg\":[{},{}]",
                peak.range.unwrap().0,
                peak.range.unwrap().1
            ),
            "",
        );
        let back: SharedMeasure = serde_json::from_str(&old).unwrap();
        assert_eq!(back.range, None);
        assert!(!serde_json::to_string(&s.measures[0])
            .unwrap()
            .contains("rg"));
        // A damaged range is refused.
        for bad in [(5, 5), (10, 1), (0, i32::MAX)] {
            let mut s = s.clone();
            s.measures[2].range = Some(bad);
            assert!(s.check().is_err(), "{bad:?}");
        }
        assert!(s.check().is_ok());
    }
}

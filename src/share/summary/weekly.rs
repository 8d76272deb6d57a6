//! Every shared measure's weekly averages in one table, a row a week and
//! a column a measure: how a printed summary gives all the figures of a
//! long period in a few lines (one table per measure would take a page).

use chrono::NaiveDate;

use super::types::Summary;

/// One week of the table: its first day, and each measure's average in
/// words (`None` where that measure had no readings that week).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekRow {
    /// The first day of the week.
    pub starts: NaiveDate,
    /// One cell per measure, in the summary's order.
    pub averages: Vec<Option<String>>,
}

impl Summary {
    /// The weekly averages of every measure, oldest week first; empty when
    /// no measure has any.
    pub fn weekly_rows(&self) -> Vec<WeekRow> {
        let mut starts: Vec<NaiveDate> = self
            .measures
            .iter()
            .flat_map(|m| m.weeks.iter().map(|(w, _)| self.week_start(m, *w)))
            .collect();
        starts.sort_unstable();
        starts.dedup();
        starts
            .into_iter()
            .map(|starts| WeekRow {
                starts,
                averages: self
                    .measures
                    .iter()
                    .map(|m| {
                        m.weeks
                            .iter()
                            .find(|(w, _)| self.week_start(m, *w) == starts)
                            .map(|(_, v)| m.show_average(*v))
                    })
                    .collect(),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{d, now};
    use super::super::typical;

    #[test]
    fn one_row_a_week_and_a_column_a_measure_with_gaps_kept() {
        let mut s = typical(now());
        s.measures[1].weeks.retain(|(w, _)| *w != 3);
        let rows = s.weekly_rows();
        assert_eq!(rows.len(), 13);
        assert_eq!(rows[0].starts, d(8, 17));
        assert!(rows.iter().all(|r| r.averages.len() == s.measures.len()));
        // A week without readings is an empty cell, not a made-up value.
        assert_eq!(rows[3].averages[1], None);
        assert_eq!(
            rows[0].averages[1].as_deref(),
            Some(
                s.measures[1]
                    .show_average(s.measures[1].weeks[0].1)
                    .as_str()
            )
        );
        s.measures.clear();
        assert!(s.weekly_rows().is_empty());
    }
}

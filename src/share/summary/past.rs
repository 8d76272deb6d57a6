//! The appointments of a summary's period by what they were, each kind
//! with its days under what the client recorded of them: a weekly group's
//! three months are a few lines, not thirteen, and nothing is assumed.

use super::types::Summary;

/// The outcomes in the order they are listed.
const OUTCOMES: [&str; 4] = [
    "Went ahead",
    "Did not go ahead",
    "Cancelled",
    "Not recorded",
];

/// One kind of appointment in the period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PastGroup {
    /// What it is: "GP: Dr Patel", or a group's name.
    pub title: String,
    /// How many there were in the period.
    pub count: usize,
    /// Each outcome that any had ("Went ahead", "Not recorded"…), with the
    /// days (offsets) and start times of those that had it.
    pub outcomes: Vec<(&'static str, Vec<(i32, u16)>)>,
    /// What the client noted afterwards, by day (only when notes were
    /// shared).
    pub notes: Vec<(i32, String)>,
}

impl Summary {
    /// The period's appointments grouped by title, in the order each first
    /// came.
    pub fn past_by_title(&self) -> Vec<PastGroup> {
        let mut groups: Vec<PastGroup> = Vec::new();
        for p in &self.past {
            let at = match groups.iter().position(|g| g.title == p.title) {
                Some(i) => i,
                None => {
                    groups.push(PastGroup {
                        title: p.title.clone(),
                        count: 0,
                        outcomes: Vec::new(),
                        notes: Vec::new(),
                    });
                    groups.len() - 1
                }
            };
            let g = &mut groups[at];
            g.count += 1;
            let outcome = p.outcome();
            match g.outcomes.iter_mut().find(|(o, _)| *o == outcome) {
                Some((_, days)) => days.push((p.day, p.time)),
                None => g.outcomes.push((outcome, vec![(p.day, p.time)])),
            }
            if let Some(n) = &p.notes {
                g.notes.push((p.day, n.clone()));
            }
        }
        for g in &mut groups {
            g.outcomes
                .sort_by_key(|(o, _)| OUTCOMES.iter().position(|x| x == o));
        }
        groups
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::now;
    use super::super::typical;

    #[test]
    fn appointments_are_grouped_by_title_and_outcome_nothing_assumed() {
        let s = typical(now());
        let groups = s.past_by_title();
        let walking = groups.iter().find(|g| g.title == "Walking group").unwrap();
        assert_eq!(walking.count, 12);
        let names: Vec<_> = walking.outcomes.iter().map(|(o, _)| *o).collect();
        assert_eq!(
            names,
            vec![
                "Went ahead",
                "Did not go ahead",
                "Cancelled",
                "Not recorded"
            ]
        );
        let total: usize = walking.outcomes.iter().map(|(_, d)| d.len()).sum();
        assert_eq!(total, 12);
        // Weeks 10 and 11 were not recorded.
        let not_recorded = &walking.outcomes[3].1;
        assert_eq!(
            not_recorded.iter().map(|d| d.0).collect::<Vec<_>>(),
            vec![73, 80]
        );
        let gp = groups.iter().find(|g| g.title == "GP: Dr Patel").unwrap();
        assert_eq!((gp.count, gp.outcomes.len()), (2, 1));
    }
}

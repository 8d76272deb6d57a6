//! Appointments as a summary shows them: those coming up, grouped by what
//! they are, so a weekly group is one line rather than four the same.

use chrono::NaiveDate;

use super::types::Summary;
use crate::model::time::{format_day, format_time};

/// Appointments coming up of one kind, in one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upcoming {
    /// What and where: "Walking group, St Mark's church hall".
    pub what: String,
    /// When: "Tue 24 November, Tue 1 December and Tue 8 December at
    /// 10:00am", or each day with its own time where the times differ.
    pub when: String,
}

/// Items joined as people write lists: "a, b and c".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

impl Summary {
    /// The appointments coming up, grouped by title and place in the order
    /// they first come, with days in words as seen on `today`.
    pub fn coming_up(&self, today: NaiveDate) -> Vec<Upcoming> {
        let mut groups: Vec<(String, Vec<(i32, u16)>)> = Vec::new();
        for a in &self.appointments {
            let what = match &a.place {
                Some(p) => format!("{}, {p}", a.title),
                None => a.title.clone(),
            };
            match groups.iter_mut().find(|(w, _)| *w == what) {
                Some((_, times)) => times.push((a.day, a.time)),
                None => groups.push((what, vec![(a.day, a.time)])),
            }
        }
        groups
            .into_iter()
            .map(|(what, times)| {
                let day = |d: i32| format_day(self.day(d), today);
                let one_time = times.iter().all(|t| t.1 == times[0].1);
                let when = if one_time {
                    let days: Vec<String> = times.iter().map(|t| day(t.0)).collect();
                    format!("{} at {}", and_list(&days), format_time(times[0].1))
                } else {
                    let each: Vec<String> = times
                        .iter()
                        .map(|t| format!("{} at {}", day(t.0), format_time(t.1)))
                        .collect();
                    and_list(&each)
                };
                Upcoming { what, when }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{d, now};
    use super::super::types::SharedAppointment;
    use super::super::typical;
    use super::*;

    #[test]
    fn a_weekly_group_is_one_line_and_other_appointments_their_own() {
        let mut s = typical(now());
        s.from = d(11, 1);
        let appt = |day, time, title: &str, place: Option<&str>| SharedAppointment {
            day,
            time,
            title: title.into(),
            place: place.map(str::to_string),
        };
        s.appointments = vec![
            appt(23, 600, "Walking group", Some("The park")),
            appt(25, 570, "GP: Dr Patel", None),
            appt(30, 600, "Walking group", Some("The park")),
            appt(37, 600, "Walking group", Some("The park")),
            appt(40, 600, "Pharmacy", None),
            appt(44, 630, "Pharmacy", None),
        ];
        assert_eq!(
            s.coming_up(d(11, 21)),
            vec![
                Upcoming {
                    what: "Walking group, The park".into(),
                    when: "Tue 24 November, Tue 1 December and Tue 8 December at 10:00am".into()
                },
                Upcoming {
                    what: "GP: Dr Patel".into(),
                    when: "Thu 26 November at 9:30am".into()
                },
                Upcoming {
                    what: "Pharmacy".into(),
                    when: "Fri 11 December at 10:00am and Tue 15 December at 10:30am".into()
                },
            ]
        );
    }
}

//! Where an upcoming occurrence falls (today, tomorrow, this week...),
//! for grouping the list.

use chrono::NaiveDate;

/// Where an upcoming occurrence falls, for grouping the list. Weeks are
/// calendar weeks, Monday to Sunday, as people say them: on a Thursday,
/// the Tuesday after is "next week", not "this week".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum When {
    /// Today, still to come.
    Today,
    /// Tomorrow.
    Tomorrow,
    /// Later this week, up to Sunday.
    ThisWeek,
    /// Monday to Sunday of next week.
    NextWeek,
    /// After that.
    Later,
}

impl When {
    /// Every group, in the order the list shows them.
    pub const ALL: [When; 5] = [
        When::Today,
        When::Tomorrow,
        When::ThisWeek,
        When::NextWeek,
        When::Later,
    ];

    /// Where `day` falls, seen from `today`.
    pub fn of(day: NaiveDate, today: NaiveDate) -> When {
        use chrono::Datelike;
        // Days left in this week after today: 6 on a Monday, 0 on a Sunday.
        let rest_of_week = 6 - i64::from(today.weekday().num_days_from_monday());
        match (day - today).num_days() {
            0 => When::Today,
            1 => When::Tomorrow,
            d if d <= rest_of_week => When::ThisWeek,
            d if d <= rest_of_week + 7 => When::NextWeek,
            _ => When::Later,
        }
    }

    /// The group heading.
    pub fn label(self) -> &'static str {
        match self {
            When::Today => "Today",
            When::Tomorrow => "Tomorrow",
            When::ThisWeek => "This week",
            When::NextWeek => "Next week",
            When::Later => "Later",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::day;
    use super::*;

    #[test]
    fn weeks_run_monday_to_sunday() {
        // Thu 10 December 2026.
        let thu = day(12, 10);
        assert_eq!(When::of(thu, thu), When::Today);
        assert_eq!(When::of(day(12, 11), thu), When::Tomorrow);
        assert_eq!(When::of(day(12, 13), thu), When::ThisWeek, "Sunday");
        assert_eq!(When::of(day(12, 14), thu), When::NextWeek, "Monday");
        assert_eq!(
            When::of(day(12, 15), thu),
            When::NextWeek,
            "the Tuesday after"
        );
        assert_eq!(When::of(day(12, 20), thu), When::NextWeek, "next Sunday");
        assert_eq!(When::of(day(12, 21), thu), When::Later);
        // On a Monday the whole week is this week.
        let mon = day(12, 7);
        assert_eq!(When::of(day(12, 13), mon), When::ThisWeek);
        assert_eq!(When::of(day(12, 14), mon), When::NextWeek);
        // On a Sunday, tomorrow is already next week: it says "Tomorrow".
        let sun = day(12, 13);
        assert_eq!(When::of(day(12, 14), sun), When::Tomorrow);
        assert_eq!(When::of(day(12, 15), sun), When::NextWeek);
        assert_eq!(When::of(day(12, 21), sun), When::Later);
    }
}

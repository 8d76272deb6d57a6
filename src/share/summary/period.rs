//! The period a summary covers, as the client chose it, and the days it
//! runs from and to.

use chrono::{Duration, NaiveDate};

use super::limits::MAX_PERIOD_DAYS;

/// The period a summary covers, as the client chose it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// Since the day of the last share (the last 4 weeks if there was none).
    SinceLastShare,
    /// The last 4 weeks, today included.
    Last4Weeks,
    /// The last 3 months, today included.
    Last3Months,
    /// From one day to another, both included.
    Custom(NaiveDate, NaiveDate),
}

/// Which end of a custom period a problem is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodEnd {
    /// The first day.
    From,
    /// The last day.
    To,
}

impl Period {
    /// The first and last day, or which end is wrong and a plain message,
    /// for a custom period that does not make sense.
    pub fn days(
        self,
        today: NaiveDate,
        last_share: Option<NaiveDate>,
    ) -> Result<(NaiveDate, NaiveDate), (PeriodEnd, String)> {
        let four_weeks = today - Duration::days(27);
        let longest = today - Duration::days(MAX_PERIOD_DAYS - 1);
        match self {
            Period::SinceLastShare => Ok((
                last_share.unwrap_or(four_weeks).clamp(longest, today),
                today,
            )),
            Period::Last4Weeks => Ok((four_weeks, today)),
            Period::Last3Months => Ok((
                today
                    .checked_sub_months(chrono::Months::new(3))
                    .unwrap_or(today)
                    + Duration::days(1),
                today,
            )),
            Period::Custom(from, to) => {
                if to > today {
                    Err((
                        PeriodEnd::To,
                        "The last day must be today or in the past".into(),
                    ))
                } else if from > to {
                    Err((
                        PeriodEnd::From,
                        "The first day must be on or before the last day".into(),
                    ))
                } else if (to - from).num_days() >= MAX_PERIOD_DAYS {
                    Err((
                        PeriodEnd::From,
                        "The period must be shorter than 5 years".into(),
                    ))
                } else {
                    Ok((from, to))
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::d;
    use super::*;

    #[test]
    fn periods_end_today_and_custom_ones_are_checked() {
        let today = d(11, 21);
        assert_eq!(Period::Last4Weeks.days(today, None), Ok((d(10, 25), today)));
        assert_eq!(Period::Last3Months.days(today, None), Ok((d(8, 22), today)));
        assert_eq!(
            Period::SinceLastShare.days(today, Some(d(11, 2))),
            Ok((d(11, 2), today))
        );
        assert_eq!(
            Period::SinceLastShare.days(today, None),
            Ok((d(10, 25), today))
        );
        assert!(Period::Custom(d(11, 1), d(11, 22))
            .days(today, None)
            .is_err());
        assert!(Period::Custom(d(11, 10), d(11, 1))
            .days(today, None)
            .is_err());
        assert_eq!(
            Period::Custom(d(11, 1), d(11, 1)).days(today, None),
            Ok((d(11, 1), d(11, 1)))
        );
    }
}

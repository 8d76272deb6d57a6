//! The period a summary covers, as the client chose it, and the days it
//! runs from and to: never starting before the client's record does, so
//! a summary never claims to cover weeks nobody recorded.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::limits::MAX_PERIOD_DAYS;
use crate::model::appointment::ApptBook;
use crate::model::diary::DiaryIndex;
use crate::model::goal::GoalBook;
use crate::model::wellbeing::{TalkList, Wellbeing};

/// The first day of the client's record: the earliest goal, diary entry,
/// check-in, thing to talk about or appointment that has happened by
/// `now`. `None` for a record with nothing in it yet.
pub fn record_start(
    goals: &GoalBook,
    diary: &DiaryIndex,
    wellbeing: &Wellbeing,
    talk: &TalkList,
    appointments: &ApptBook,
    now: DateTime<Utc>,
) -> Option<NaiveDate> {
    let goals = goals.goals.iter().map(|g| g.created_on);
    let checkins = wellbeing.checkins.iter().map(|c| c.date);
    let talk = talk.items.iter().map(|t| t.added_on);
    // `past` is newest first: its last is the first that happened.
    let appointment = appointments.past(now).last().map(|o| o.date);
    goals
        .chain(diary.first_day())
        .chain(checkins)
        .chain(talk)
        .chain(appointment)
        .min()
}

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
    /// for a custom period that does not make sense. A period that would
    /// start before `record_start` (the client's first record, see
    /// [`record_start`]) starts on it instead.
    pub fn days(
        self,
        today: NaiveDate,
        last_share: Option<NaiveDate>,
        record_start: Option<NaiveDate>,
    ) -> Result<(NaiveDate, NaiveDate), (PeriodEnd, String)> {
        let (from, to) = self.chosen_days(today, last_share)?;
        let start = record_start.map_or(from, |r| from.max(r.min(to)));
        Ok((start, to))
    }

    /// The days as chosen, before the record's start is applied.
    fn chosen_days(
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
        assert_eq!(
            Period::Last4Weeks.days(today, None, None),
            Ok((d(10, 25), today))
        );
        assert_eq!(
            Period::Last3Months.days(today, None, None),
            Ok((d(8, 22), today))
        );
        assert_eq!(
            Period::SinceLastShare.days(today, Some(d(11, 2)), None),
            Ok((d(11, 2), today))
        );
        assert_eq!(
            Period::SinceLastShare.days(today, None, None),
            Ok((d(10, 25), today))
        );
        assert!(Period::Custom(d(11, 1), d(11, 22))
            .days(today, None, None)
            .is_err());
        assert!(Period::Custom(d(11, 10), d(11, 1))
            .days(today, None, None)
            .is_err());
        assert_eq!(
            Period::Custom(d(11, 1), d(11, 1)).days(today, None, None),
            Ok((d(11, 1), d(11, 1)))
        );
    }

    /// The case: a record begun on 2 November, shared on 3
    /// December with "the last 3 months", covered from 4 September.
    #[test]
    fn no_period_starts_before_the_record_does() {
        let dec3 = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        let began = Some(d(11, 2));
        assert_eq!(
            Period::Last3Months.days(dec3, None, began),
            Ok((d(11, 2), dec3))
        );
        // The last 4 weeks start after the record did: unchanged.
        assert_eq!(
            Period::Last4Weeks.days(dec3, None, began),
            Ok((d(11, 6), dec3))
        );
        assert_eq!(
            Period::Custom(d(10, 1), d(11, 30)).days(dec3, None, began),
            Ok((d(11, 2), d(11, 30)))
        );
        // A period that ends before the record begins is one day long.
        assert_eq!(
            Period::Custom(d(10, 1), d(10, 10)).days(dec3, None, began),
            Ok((d(10, 10), d(10, 10)))
        );
    }

    #[test]
    fn the_record_starts_with_its_first_entry_of_any_kind() {
        use crate::model::goal::GoalDraft;
        let now: DateTime<Utc> = "2026-12-03T12:00:00Z".parse().unwrap();
        let none = record_start(
            &GoalBook::default(),
            &DiaryIndex::default(),
            &Wellbeing::default(),
            &TalkList::default(),
            &ApptBook::default(),
            now,
        );
        assert_eq!(none, None);
        let mut goals = GoalBook::default();
        goals
            .add(
                &GoalDraft {
                    text: "Walk".into(),
                    ..GoalDraft::default()
                },
                d(11, 9),
            )
            .unwrap();
        let mut talk = TalkList::default();
        talk.add("My inhaler", d(11, 4)).unwrap();
        let start = record_start(
            &goals,
            &DiaryIndex::default(),
            &Wellbeing::default(),
            &talk,
            &ApptBook::default(),
            now,
        );
        assert_eq!(start, Some(d(11, 4)));
    }
}

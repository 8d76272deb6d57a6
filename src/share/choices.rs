//! The share page's form as plain data: which period and what to share,
//! as the client ticks it, and turning it into the [`Choice`] and days a
//! summary is built from, with a plain message for a period that does not
//! make sense.

use chrono::NaiveDate;

use super::summary::{Choice, Period, PeriodEnd};
use crate::model::time::parse_iso_day;

/// The period options, as the radios show them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodPick {
    /// Since the last share.
    Since,
    /// The last 4 weeks.
    FourWeeks,
    /// The last 3 months.
    ThreeMonths,
    /// Dates the client types.
    Custom,
}

/// Which part of the form a problem is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareField {
    /// The period as a whole (the first radio).
    Period,
    /// A custom period's first day.
    From,
    /// A custom period's last day.
    To,
}

/// Everything the client has chosen on the share page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShareForm {
    /// Which period.
    pub period: PeriodPick,
    /// A custom period's first day, as the date box gives it.
    pub from: String,
    /// A custom period's last day, as the date box gives it.
    pub to: String,
    /// What to share in it.
    pub choice: Choice,
}

impl ShareForm {
    /// The form as it starts on `today`: the last 3 months, the goals
    /// being worked on, every diary measure in use, check-ins,
    /// appointments, things to talk about, the name, the conditions and
    /// what matters to them; notes and single
    /// readings left out (they can be personal, and long).
    pub fn new(today: NaiveDate, goals: Vec<u32>, measures: Vec<String>) -> Self {
        ShareForm {
            period: PeriodPick::ThreeMonths,
            from: String::new(),
            to: crate::model::time::iso_day(today),
            choice: Choice {
                name: true,
                goals,
                measures,
                readings: false,
                wellbeing: true,
                appointments: true,
                talk: true,
                notes: false,
                conditions: true,
                what_matters: true,
            },
        }
    }

    /// The first and last day the form asks for, seen on `today`, or which
    /// field is wrong and a plain message.
    pub fn days(
        &self,
        today: NaiveDate,
        last_share: Option<NaiveDate>,
    ) -> Result<(NaiveDate, NaiveDate), (ShareField, String)> {
        let period = match self.period {
            PeriodPick::Since => Period::SinceLastShare,
            PeriodPick::FourWeeks => Period::Last4Weeks,
            PeriodPick::ThreeMonths => Period::Last3Months,
            PeriodPick::Custom => {
                let from = parse_iso_day(self.from.trim()).ok_or((
                    ShareField::From,
                    "Enter the first day of the period".to_string(),
                ))?;
                let to = parse_iso_day(self.to.trim()).ok_or((
                    ShareField::To,
                    "Enter the last day of the period".to_string(),
                ))?;
                Period::Custom(from, to)
            }
        };
        period.days(today, last_share).map_err(|(end, message)| {
            let field = match end {
                PeriodEnd::From => ShareField::From,
                PeriodEnd::To => ShareField::To,
            };
            (field, message)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    #[test]
    fn the_form_starts_with_three_months_and_no_notes() {
        let form = ShareForm::new(d(11, 21), vec![1, 3], vec!["mood".into()]);
        assert_eq!(form.period, PeriodPick::ThreeMonths);
        assert_eq!(form.to, "2026-11-21");
        assert!(form.choice.name && form.choice.wellbeing && !form.choice.notes);
        assert_eq!(form.days(d(11, 21), None), Ok((d(8, 22), d(11, 21))));
    }

    #[test]
    fn each_period_gives_its_days_and_bad_dates_name_their_box() {
        let today = d(11, 21);
        let mut form = ShareForm::new(today, vec![], vec![]);
        form.period = PeriodPick::Since;
        assert_eq!(form.days(today, Some(d(11, 2))), Ok((d(11, 2), today)));
        form.period = PeriodPick::FourWeeks;
        assert_eq!(form.days(today, None), Ok((d(10, 25), today)));
        form.period = PeriodPick::Custom;
        form.from = " ".into();
        assert_eq!(
            form.days(today, None),
            Err((ShareField::From, "Enter the first day of the period".into()))
        );
        form.from = "2026-11-01".into();
        form.to = "not a day".into();
        assert_eq!(form.days(today, None).unwrap_err().0, ShareField::To);
        form.to = "2026-11-30".into();
        assert_eq!(
            form.days(today, None),
            Err((
                ShareField::To,
                "The last day must be today or in the past".into()
            ))
        );
        form.to = "2026-10-01".into();
        assert_eq!(form.days(today, None).unwrap_err().0, ShareField::From);
        form.to = "2026-11-10".into();
        assert_eq!(form.days(today, None), Ok((d(11, 1), d(11, 10))));
    }
}

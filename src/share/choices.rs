//! The share page's form as plain data: which period and what to share,
//! as the client ticks it, and turning it into the [`Choice`] and days a
//! summary is built from, with a plain message for a period that does not
//! make sense.

use chrono::NaiveDate;

use super::summary::{Choice, Period, PeriodEnd};
use crate::model::goal::{GoalBook, GoalStatus};
use crate::model::time::{format_day, parse_iso_day};

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
    /// The first day of the client's record, if it has anything: no
    /// period starts before it.
    pub record_start: Option<NaiveDate>,
    /// The goals done or let go, by id, with the day they were: ticked
    /// by default when that day is in the period chosen.
    pub finished_goals: Vec<(u32, NaiveDate)>,
}

/// What the share form starts from: the client's record as it is today.
#[derive(Debug, Clone, Copy)]
pub struct FormStart<'a> {
    /// Today, UK time.
    pub today: NaiveDate,
    /// The day of the last share, if there was one.
    pub last_share: Option<NaiveDate>,
    /// The first day of the client's record (see
    /// [`record_start`](crate::share::summary::record_start)).
    pub record_start: Option<NaiveDate>,
    /// The client's goals.
    pub goals: &'a GoalBook,
    /// The diary measures in use, by id.
    pub measures: &'a [String],
}

impl ShareForm {
    /// The form as it starts: since the last share if there was one (so
    /// two summaries never cover the same days), else the last 3 months;
    /// the goals being worked on, and those done or let go in that period
    /// (a success is news); every diary measure in use, check-ins,
    /// appointments, things to talk about, the name, the conditions and
    /// what matters to them; notes and single readings left out (they can
    /// be personal, and long).
    pub fn new(start: FormStart) -> Self {
        let period = if start.last_share.is_some() {
            PeriodPick::Since
        } else {
            PeriodPick::ThreeMonths
        };
        let mut form = ShareForm {
            period,
            from: String::new(),
            to: crate::model::time::iso_day(start.today),
            choice: Choice {
                name: true,
                goals: Vec::new(),
                measures: start.measures.to_vec(),
                readings: false,
                wellbeing: true,
                appointments: true,
                talk: true,
                notes: false,
                conditions: true,
                what_matters: true,
            },
            record_start: start.record_start,
            finished_goals: start
                .goals
                .goals
                .iter()
                .rev()
                .filter(|g| g.status.is_past())
                .filter_map(|g| Some((g.id, g.status_since()?)))
                .collect(),
        };
        form.choice.goals = start
            .goals
            .goals
            .iter()
            .rev()
            .filter(|g| g.status == GoalStatus::WorkingOnIt || g.status.is_past())
            .map(|g| g.id)
            .collect();
        form.tick_finished_goals(start.today, start.last_share);
        form
    }

    /// Chooses another period. The goals done or let go are ticked again
    /// for it: those finished in it are shared, the others are not.
    pub fn set_period(
        &mut self,
        pick: PeriodPick,
        today: NaiveDate,
        last_share: Option<NaiveDate>,
    ) {
        self.period = pick;
        self.tick_finished_goals(today, last_share);
    }

    /// Ticks the goals finished in the period chosen, and unticks the
    /// ones finished before it (a custom period not yet valid changes
    /// nothing).
    fn tick_finished_goals(&mut self, today: NaiveDate, last_share: Option<NaiveDate>) {
        let Ok((from, to)) = self.days(today, last_share) else {
            return;
        };
        for (id, on) in &self.finished_goals {
            let wanted = (from..=to).contains(on);
            crate::model::text::set_included(&mut self.choice.goals, *id, wanted);
        }
    }

    /// The words of a period's radio, as seen on `today`: says when the
    /// period is cut short because the record starts later ("The last 3
    /// months (your record starts on Mon 2 November)").
    pub fn period_label(
        &self,
        pick: PeriodPick,
        today: NaiveDate,
        last_share: Option<NaiveDate>,
    ) -> String {
        let base = match (pick, last_share) {
            (PeriodPick::Since, Some(d)) => {
                format!("Since you last shared ({})", format_day(d, today))
            }
            (PeriodPick::Since, None) => {
                "Since you last shared (you have not shared yet: the last 4 weeks)".into()
            }
            (PeriodPick::FourWeeks, _) => "The last 4 weeks".into(),
            (PeriodPick::ThreeMonths, _) => "The last 3 months".into(),
            (PeriodPick::Custom, _) => return "Choose the dates".into(),
        };
        let period = match pick {
            PeriodPick::Since => Period::SinceLastShare,
            PeriodPick::FourWeeks => Period::Last4Weeks,
            _ => Period::Last3Months,
        };
        let (chosen, _) = period
            .days(today, last_share, None)
            .unwrap_or((today, today));
        match period.days(today, last_share, self.record_start) {
            Ok((from, _)) if from > chosen => {
                format!("{base} (your record starts on {})", format_day(from, today))
            }
            _ => base,
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
        period
            .days(today, last_share, self.record_start)
            .map_err(|(end, message)| {
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
    use crate::model::goal::GoalDraft;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    fn start(today: NaiveDate, goals: &GoalBook) -> FormStart<'_> {
        FormStart {
            today,
            last_share: None,
            record_start: None,
            goals,
            measures: &[],
        }
    }

    /// Goals: one being worked on, one done on 18 November, one let go
    /// in August, one paused.
    fn goals() -> GoalBook {
        let mut book = GoalBook::default();
        for text in ["Walk", "Swim", "Cook", "Garden"] {
            let draft = GoalDraft {
                text: text.into(),
                ..GoalDraft::default()
            };
            book.add(&draft, d(6, 1)).unwrap();
        }
        book.get_mut(2)
            .unwrap()
            .set_status(GoalStatus::Done, d(11, 18));
        book.get_mut(3)
            .unwrap()
            .set_status(GoalStatus::LetGo, d(8, 1));
        book.get_mut(4)
            .unwrap()
            .set_status(GoalStatus::Paused, d(11, 1));
        book
    }

    #[test]
    fn the_form_starts_with_three_months_and_no_notes() {
        let book = goals();
        let measures = ["mood".to_string()];
        let form = ShareForm::new(FormStart {
            measures: &measures,
            ..start(d(11, 21), &book)
        });
        assert_eq!(form.period, PeriodPick::ThreeMonths);
        assert_eq!(form.to, "2026-11-21");
        assert!(form.choice.name && form.choice.wellbeing && !form.choice.notes);
        assert_eq!(form.choice.measures, vec!["mood".to_string()]);
        assert_eq!(form.days(d(11, 21), None), Ok((d(8, 22), d(11, 21))));
        // Worked on, and done in the period; not let go before it, nor paused.
        assert_eq!(form.choice.goals, vec![1, 2]);
    }

    #[test]
    fn after_a_share_the_form_starts_from_it() {
        let book = goals();
        let form = ShareForm::new(FormStart {
            last_share: Some(d(11, 20)),
            ..start(d(12, 1), &book)
        });
        assert_eq!(form.period, PeriodPick::Since);
        assert_eq!(
            form.days(d(12, 1), Some(d(11, 20))),
            Ok((d(11, 20), d(12, 1)))
        );
        // The goal done on 18 November was in the last summary's period.
        assert_eq!(form.choice.goals, vec![1]);
        let mut form = form;
        form.set_period(PeriodPick::FourWeeks, d(12, 1), Some(d(11, 20)));
        assert_eq!(form.choice.goals, vec![1, 2]);
        form.set_period(PeriodPick::Since, d(12, 1), Some(d(11, 20)));
        assert_eq!(form.choice.goals, vec![1]);
        assert_eq!(
            form.period_label(PeriodPick::Since, d(12, 1), Some(d(11, 20))),
            "Since you last shared (Fri 20 November)"
        );
    }

    #[test]
    fn a_new_record_is_never_covered_from_before_it_began() {
        let book = GoalBook::default();
        let today = d(12, 3);
        let form = ShareForm::new(FormStart {
            record_start: Some(d(11, 2)),
            ..start(today, &book)
        });
        assert_eq!(form.days(today, None), Ok((d(11, 2), today)));
        assert_eq!(
            form.period_label(PeriodPick::ThreeMonths, today, None),
            "The last 3 months (your record starts on Mon 2 November)"
        );
        assert_eq!(
            form.period_label(PeriodPick::FourWeeks, today, None),
            "The last 4 weeks"
        );
    }

    #[test]
    fn each_period_gives_its_days_and_bad_dates_name_their_box() {
        let today = d(11, 21);
        let book = GoalBook::default();
        let mut form = ShareForm::new(start(today, &book));
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

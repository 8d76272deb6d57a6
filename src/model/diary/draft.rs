//! The day form: readings and a note as typed, checked into a day entry.

use chrono::NaiveDate;

use super::entry::{DayEntry, Reading, NOTE_MAX};
use super::measure::{format_scaled, Kind, Measure};
use crate::model::text::{clean, too_long, FieldError};
use crate::model::time::{format_time, parse_time, time_box};

/// Where on the day form a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayField {
    /// The date.
    Date,
    /// The value of reading `reading` of measure `measure` (by position).
    Value { measure: usize, reading: usize },
    /// The time of that reading.
    Time { measure: usize, reading: usize },
    /// The note.
    Note,
}

/// One reading as typed on the day form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadingDraft {
    /// The time box (`HH:MM`), for measures taken several times a day.
    pub time: String,
    /// The value as typed or chosen.
    pub value: String,
}

/// The day form, as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayDraft {
    /// The day.
    pub date: NaiveDate,
    /// For each measure on the form, in order, its readings.
    pub readings: Vec<(Measure, Vec<ReadingDraft>)>,
    /// The note.
    pub note: String,
}

impl DayDraft {
    /// The form for `date`, filled in from its entry if there is one.
    pub fn new(date: NaiveDate, measures: &[Measure], entry: Option<&DayEntry>) -> DayDraft {
        let readings = measures
            .iter()
            .map(|m| {
                let mut rs: Vec<ReadingDraft> = entry
                    .map(|e| {
                        e.of(&m.id)
                            .map(|r| ReadingDraft {
                                time: r.t.map(time_box).unwrap_or_default(),
                                value: if matches!(m.kind, Kind::Number { .. }) {
                                    format_scaled(r.v, m.decimals())
                                } else {
                                    r.v.to_string()
                                },
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                if rs.is_empty() {
                    rs.push(ReadingDraft::default());
                }
                (m.clone(), rs)
            })
            .collect();
        DayDraft {
            date,
            readings,
            note: entry.and_then(|e| e.note.clone()).unwrap_or_default(),
        }
    }

    /// Checks the whole form and makes the day's entry. Empty boxes are
    /// skipped (nothing has to be filled in); a reading of a measure taken
    /// several times a day needs a time, and no two may share one. Keeps
    /// readings of measures not on the form (hidden since), so editing a
    /// day never loses them.
    pub fn validate(
        &self,
        today: NaiveDate,
        before: Option<&DayEntry>,
    ) -> Result<DayEntry, Vec<FieldError<DayField>>> {
        let mut errors = Vec::new();
        if self.date > today {
            errors.push(FieldError::new(
                DayField::Date,
                "The date must be today or in the past",
            ));
        }
        let mut readings = Vec::new();
        for (mi, (measure, drafts)) in self.readings.iter().enumerate() {
            let mut times: Vec<u16> = Vec::new();
            for (ri, draft) in drafts.iter().enumerate() {
                if draft.value.trim().is_empty() {
                    continue;
                }
                let value = measure.parse(&draft.value);
                if let Err(e) = &value {
                    errors.push(FieldError::new(
                        DayField::Value {
                            measure: mi,
                            reading: ri,
                        },
                        e.clone(),
                    ));
                }
                let mut time = None;
                if measure.several {
                    match parse_time(&draft.time) {
                        None => errors.push(FieldError::new(
                            DayField::Time {
                                measure: mi,
                                reading: ri,
                            },
                            format!(
                                "Enter the time of this {} reading, like 08:30",
                                measure.name.to_lowercase_ascii()
                            ),
                        )),
                        Some(t) if times.contains(&t) => errors.push(FieldError::new(
                            DayField::Time {
                                measure: mi,
                                reading: ri,
                            },
                            format!(
                                "There is already a {} reading at {}",
                                measure.name.to_lowercase_ascii(),
                                format_time(t)
                            ),
                        )),
                        Some(t) => {
                            times.push(t);
                            time = Some(t);
                        }
                    }
                }
                if let Ok(v) = value {
                    readings.push(Reading {
                        m: measure.id.clone(),
                        t: time,
                        v,
                    });
                }
            }
            // Several readings a day read best in time order.
            let start = readings.len()
                - readings
                    .iter()
                    .rev()
                    .take_while(|r| r.m == measure.id)
                    .count();
            readings[start..].sort_by_key(|r| r.t);
        }
        errors.extend(too_long(DayField::Note, &self.note, NOTE_MAX, "Your note"));
        if !errors.is_empty() {
            return Err(errors);
        }
        if let Some(before) = before {
            let on_form: Vec<&str> = self.readings.iter().map(|(m, _)| m.id.as_str()).collect();
            readings.extend(
                before
                    .readings
                    .iter()
                    .filter(|r| !on_form.contains(&r.m.as_str()))
                    .cloned(),
            );
        }
        Ok(DayEntry {
            date: self.date,
            readings,
            note: clean(&self.note),
        })
    }
}

/// ASCII lower-casing, for measure names inside sentences (full Unicode
/// case tables cost the app more than they give here).
trait LowerAscii {
    fn to_lowercase_ascii(&self) -> String;
}

impl LowerAscii for String {
    fn to_lowercase_ascii(&self) -> String {
        let mut s = self.clone();
        s.make_ascii_lowercase();
        s
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::day;
    use super::super::DiarySettings;
    use super::*;
    use crate::model::ListedCondition;

    fn measures() -> Vec<Measure> {
        DiarySettings::default().measures(&[ListedCondition::Type2Diabetes])
    }

    #[test]
    fn a_day_form_becomes_an_entry_and_back() {
        let today = day(2026, 11, 21);
        let mut draft = DayDraft::new(today, &measures(), None);
        draft.readings[0].1[0].value = "4".into(); // mood
        draft.readings[1].1 = vec![
            ReadingDraft {
                time: "12:30".into(),
                value: "7.1".into(),
            },
            ReadingDraft {
                time: "08:00".into(),
                value: "5.6".into(),
            },
            ReadingDraft {
                time: "".into(),
                value: "".into(),
            },
        ];
        draft.note = "  Felt fine  ".into();
        let entry = draft.validate(today, None).unwrap();
        assert_eq!(
            entry.readings,
            vec![
                Reading {
                    m: "mood".into(),
                    t: None,
                    v: 4
                },
                Reading {
                    m: "glucose".into(),
                    t: Some(480),
                    v: 56
                },
                Reading {
                    m: "glucose".into(),
                    t: Some(750),
                    v: 71
                },
            ]
        );
        assert_eq!(entry.note.as_deref(), Some("Felt fine"));
        let again = DayDraft::new(today, &measures(), Some(&entry));
        assert_eq!(
            again.readings[1].1[0],
            ReadingDraft {
                time: "08:00".into(),
                value: "5.6".into()
            }
        );
        assert_eq!(again.validate(today, Some(&entry)).unwrap(), entry);
    }

    #[test]
    fn bad_days_are_refused_whole_with_every_reason() {
        let today = day(2026, 11, 21);
        let mut draft = DayDraft::new(day(2026, 11, 22), &measures(), None);
        draft.readings[0].1[0].value = "3".into();
        draft.readings[1].1 = vec![
            ReadingDraft {
                time: "08:00".into(),
                value: "5.6".into(),
            },
            ReadingDraft {
                time: "08:00".into(),
                value: "6".into(),
            },
            ReadingDraft {
                time: "".into(),
                value: "abc".into(),
            },
        ];
        let errors = draft.validate(today, None).unwrap_err();
        let got: Vec<_> = errors
            .iter()
            .map(|e| (e.field, e.message.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                (DayField::Date, "The date must be today or in the past"),
                (
                    DayField::Time {
                        measure: 1,
                        reading: 1
                    },
                    "There is already a blood glucose reading at 8:00am"
                ),
                (
                    DayField::Value {
                        measure: 1,
                        reading: 2
                    },
                    "Enter Blood glucose as a number, like 5.6, with up to 1 decimal place"
                ),
                (
                    DayField::Time {
                        measure: 1,
                        reading: 2
                    },
                    "Enter the time of this blood glucose reading, like 08:30"
                ),
            ]
        );
    }

    #[test]
    fn editing_a_day_keeps_readings_of_measures_no_longer_shown() {
        let today = day(2026, 11, 21);
        let before = DayEntry {
            date: today,
            readings: vec![
                Reading {
                    m: "pain".into(),
                    t: None,
                    v: 6,
                },
                Reading {
                    m: "mood".into(),
                    t: None,
                    v: 2,
                },
            ],
            note: None,
        };
        let mut draft = DayDraft::new(today, &measures(), Some(&before));
        draft.readings[0].1[0].value = "5".into();
        let after = draft.validate(today, Some(&before)).unwrap();
        assert_eq!(
            after.readings,
            vec![
                Reading {
                    m: "mood".into(),
                    t: None,
                    v: 5
                },
                Reading {
                    m: "pain".into(),
                    t: None,
                    v: 6
                }
            ]
        );
    }
}

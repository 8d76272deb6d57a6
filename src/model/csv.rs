//! Spreadsheet copies (CSV) of the diary, the goals and the appointments,
//! for the client to keep, open in a spreadsheet or share.
//!
//! Files follow RFC 4180: a header row, commas between cells, a cell with
//! a comma, quote or line break inside double quotes (a quote doubled),
//! and CRLF at the end of every row. A cell of the client's own words
//! that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a
//! leading `'`, so a spreadsheet shows it as text instead of running it
//! as a formula. Numbers, dates and times the app writes itself are left
//! as they are, so a spreadsheet can still add them up.

use std::borrow::Cow;

use super::appointment::ApptBook;
use super::diary::{builtin, format_scaled, time_box, DayEntry, DiaryMonth, DiarySettings, Kind};
use super::diary::{Measure, MOODS};
use super::goal::GoalBook;
use super::time::iso_day;

/// A cell holding the client's own words, made safe to open in a
/// spreadsheet: one that would start a formula gets a leading `'`.
pub fn text_cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// A cell as RFC 4180 writes it: in double quotes, with quotes doubled, if
/// it holds a comma, a quote or a line break.
fn quote(cell: &str) -> Cow<'_, str> {
    if cell.contains([',', '"', '\r', '\n']) {
        Cow::Owned(format!("\"{}\"", cell.replace('"', "\"\"")))
    } else {
        Cow::Borrowed(cell)
    }
}

/// A whole CSV file: the header row, then `rows`, each row ending in CRLF.
/// Cells of the client's own words must already have been through
/// [`text_cell`].
pub fn csv_file(header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut out = String::new();
    let mut line = |cells: &mut dyn Iterator<Item = &str>| {
        for (i, cell) in cells.enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(&quote(cell));
        }
        out.push_str("\r\n");
    };
    line(&mut header.iter().copied());
    for row in rows {
        line(&mut row.iter().map(String::as_str));
    }
    out
}

/// A reading's value as the app shows it, and its unit, for a measure the
/// app may or may not still know. An unknown measure's value is the
/// stored number.
fn value_and_unit(measure: Option<&Measure>, v: i32) -> (String, String) {
    let Some(measure) = measure else {
        return (v.to_string(), String::new());
    };
    match &measure.kind {
        Kind::Number { unit, decimals, .. } => (format_scaled(v, *decimals), text_cell(unit)),
        Kind::Mood => (
            MOODS
                .get(usize::try_from(v - 1).unwrap_or(usize::MAX))
                .map_or_else(|| v.to_string(), |m| m.to_string()),
            String::new(),
        ),
        Kind::YesNo => ((if v == 0 { "No" } else { "Yes" }).into(), String::new()),
        Kind::Scale { .. } => (v.to_string(), String::new()),
    }
}

/// The diary as a spreadsheet: one row per reading (date `YYYY-MM-DD`,
/// time `HH:MM` or empty, measure, value as shown, unit), days in date
/// order. A day's note is a row of its own, with "Note" as the measure,
/// so nothing the client wrote is left out. Measures are named from the
/// client's own ones in `settings`, then the app's; a reading of a
/// measure neither knows is named by its id.
pub fn diary_csv<'a>(
    months: impl IntoIterator<Item = &'a DiaryMonth>,
    settings: &DiarySettings,
) -> String {
    let mut days: Vec<&DayEntry> = months.into_iter().flat_map(|m| m.days.iter()).collect();
    days.sort_by_key(|d| d.date);
    let mut rows = Vec::new();
    for day in days {
        let date = iso_day(day.date);
        for r in &day.readings {
            let measure = settings
                .own
                .iter()
                .find(|m| m.id == r.m)
                .cloned()
                .or_else(|| builtin(&r.m));
            let name = measure.as_ref().map_or(r.m.as_str(), |m| m.name.as_str());
            let (value, unit) = value_and_unit(measure.as_ref(), r.v);
            rows.push(vec![
                date.clone(),
                r.t.map(time_box).unwrap_or_default(),
                text_cell(name),
                value,
                unit,
            ]);
        }
        if let Some(note) = &day.note {
            rows.push(vec![
                date.clone(),
                String::new(),
                "Note".into(),
                text_cell(note),
                String::new(),
            ]);
        }
    }
    csv_file(&["Date", "Time", "Measure", "Value", "Unit"], rows)
}

/// The goals as a spreadsheet: one row per goal, in the order they were
/// written.
pub fn goals_csv(book: &GoalBook) -> String {
    let rows = book.goals.iter().map(|g| {
        let latest = g.latest_rating();
        vec![
            text_cell(&g.text),
            text_cell(g.why.as_deref().unwrap_or_default()),
            g.status.label().into(),
            g.target.map(iso_day).unwrap_or_default(),
            g.steps
                .iter()
                .filter(|s| s.done_on.is_some())
                .count()
                .to_string(),
            g.steps.len().to_string(),
            latest.map(|r| r.value.to_string()).unwrap_or_default(),
            latest.map(|r| iso_day(r.on)).unwrap_or_default(),
        ]
    });
    csv_file(
        &[
            "Goal",
            "Why it matters",
            "Status",
            "Target date",
            "Steps done",
            "Steps in total",
            "Latest rating (0 to 10)",
            "Date of latest rating",
        ],
        rows,
    )
}

/// The appointments as a spreadsheet: one row per occurrence (each
/// session of a repeating one), in time order, cancelled ones included
/// and marked.
pub fn appointments_csv(book: &ApptBook) -> String {
    let rows = book.all().into_iter().filter_map(|o| {
        let a = book.get(o.id)?;
        Some(vec![
            iso_day(o.date),
            time_box(o.time),
            a.kind.label().into(),
            text_cell(a.with.as_deref().unwrap_or_default()),
            text_cell(a.place.as_deref().unwrap_or_default()),
            (if o.cancelled { "Yes" } else { "No" }).into(),
            text_cell(o.notes.as_deref().unwrap_or_default()),
        ])
    });
    csv_file(
        &[
            "Date",
            "Time",
            "Kind",
            "Who with",
            "Place",
            "Cancelled",
            "Notes afterwards",
        ],
        rows,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::appointment::{ApptDraft, ApptKind};
    use crate::model::diary::{MeasureDraft, OwnKind, Reading};
    use crate::model::goal::GoalDraft;
    use chrono::NaiveDate;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    #[test]
    fn cells_are_quoted_only_when_they_need_it() {
        let file = csv_file(
            &["a", "b"],
            [
                vec!["plain".into(), "with, comma".into()],
                vec!["say \"hi\"".into(), "two\nlines".into()],
                vec![String::new(), "cr\rhere".into()],
            ],
        );
        assert_eq!(
            file,
            "a,b\r\nplain,\"with, comma\"\r\n\"say \"\"hi\"\"\",\"two\nlines\"\r\n,\"cr\rhere\"\r\n"
        );
    }

    #[test]
    fn the_clients_words_never_run_as_a_formula() {
        for risky in ["=1+1", "+44 1234", "-5", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(text_cell(risky), format!("'{risky}"), "{risky:?}");
        }
        for safe in ["Walk 10 minutes", "5 - 3", "", "'quoted"] {
            assert_eq!(text_cell(safe), safe);
        }
        // Protected, then quoted: the quote still comes first in the file.
        let file = csv_file(&["x"], [vec![text_cell("=HYPERLINK(\"a\",\"b\")")]]);
        assert_eq!(file, "x\r\n\"'=HYPERLINK(\"\"a\"\",\"\"b\"\")\"\r\n");
    }

    #[test]
    fn the_diary_has_one_row_per_reading_and_a_row_for_each_note() {
        let mut settings = DiarySettings::default();
        let own = settings
            .add_own(&MeasureDraft {
                name: "=Steps".into(),
                kind: OwnKind::Number,
                unit: "steps".into(),
                min: "-10".into(),
                max: "50000".into(),
                ..MeasureDraft::default()
            })
            .unwrap();
        let r = |m: &str, t: Option<u16>, v: i32| Reading { m: m.into(), t, v };
        let november = DiaryMonth {
            days: vec![
                DayEntry {
                    date: day(11, 2),
                    readings: vec![
                        r("mood", None, 4),
                        r("glucose", Some(480), 56),
                        r("glucose", Some(750), 71),
                        r(&own, None, -5),
                        r("gone", None, 3),
                    ],
                    note: Some("Walked, then \"rested\"".into()),
                },
                DayEntry {
                    date: day(11, 3),
                    readings: vec![r("reliever", None, 2), r("sleep", None, 75)],
                    note: None,
                },
            ],
        };
        let october = DiaryMonth {
            days: vec![DayEntry {
                date: day(10, 31),
                readings: vec![r("breathlessness", None, 6)],
                note: None,
            }],
        };
        let file = diary_csv([&november, &october], &settings);
        let lines: Vec<&str> = file.split_terminator("\r\n").collect();
        assert_eq!(
            lines,
            vec![
                "Date,Time,Measure,Value,Unit",
                "2026-10-31,,Breathlessness,6,",
                "2026-11-02,,Mood,Good,",
                "2026-11-02,08:00,Blood glucose,5.6,mmol/L",
                "2026-11-02,12:30,Blood glucose,7.1,mmol/L",
                "2026-11-02,,'=Steps,-0.5,steps",
                "2026-11-02,,gone,3,",
                "2026-11-02,,Note,\"Walked, then \"\"rested\"\"\",",
                "2026-11-03,,Reliever inhaler puffs,2,puffs",
                "2026-11-03,,Sleep,7.5,hours",
            ]
        );
        assert!(file.ends_with("\r\n"));
        let readings: usize = [&november, &october]
            .iter()
            .flat_map(|m| &m.days)
            .map(|d| d.readings.len())
            .sum();
        assert_eq!(lines.len(), 1 + readings + 1, "header, readings, one note");
    }

    #[test]
    fn goals_have_one_row_each_with_their_progress() {
        let mut book = GoalBook::default();
        let id = book
            .add(
                &GoalDraft {
                    text: "Walk to the shop, then back".into(),
                    why: "-so I can get the paper".into(),
                    target: "2026-12-24".into(),
                    conditions: vec![],
                },
                day(11, 1),
            )
            .unwrap();
        let g = book.get_mut(id).unwrap();
        g.add_step("Gate").unwrap();
        g.add_step("Post box").unwrap();
        g.tick(1, day(11, 2));
        g.rate(3, day(11, 2)).unwrap();
        g.rate(6, day(11, 9)).unwrap();
        book.add(
            &GoalDraft {
                text: "Choir".into(),
                ..GoalDraft::default()
            },
            day(11, 3),
        )
        .unwrap();
        assert_eq!(
            goals_csv(&book),
            "Goal,Why it matters,Status,Target date,Steps done,Steps in total,Latest rating (0 to 10),Date of latest rating\r\n\
             \"Walk to the shop, then back\",'-so I can get the paper,Working on it,2026-12-24,1,2,6,2026-11-09\r\n\
             Choir,,Working on it,,0,0,,\r\n"
        );
    }

    #[test]
    fn appointments_have_one_row_per_occurrence() {
        let mut book = ApptBook::default();
        book.add(&ApptDraft {
            kind: ApptKind::Group,
            with: "+Walking group".into(),
            date: "2026-11-24".into(),
            time: "10:30".into(),
            place: "Park gates, Mill Lane".into(),
            every_weeks: "1".into(),
            until: "2026-12-08".into(),
            ..ApptDraft::default()
        })
        .unwrap();
        book.add(&ApptDraft {
            kind: ApptKind::Gp,
            with: "Dr Patel".into(),
            date: "2026-11-25".into(),
            time: "09:00".into(),
            ..ApptDraft::default()
        })
        .unwrap();
        let a = book.get_mut(1).unwrap();
        a.cancel_one(day(12, 1), true);
        a.set_notes(day(11, 24), "@home next time").unwrap();
        let file = appointments_csv(&book);
        let lines: Vec<&str> = file.split_terminator("\r\n").collect();
        assert_eq!(
            lines,
            vec![
                "Date,Time,Kind,Who with,Place,Cancelled,Notes afterwards",
                "2026-11-24,10:30,Group or activity,'+Walking group,\"Park gates, Mill Lane\",No,'@home next time",
                "2026-11-25,09:00,GP,Dr Patel,,No,",
                "2026-12-01,10:30,Group or activity,'+Walking group,\"Park gates, Mill Lane\",Yes,",
                "2026-12-08,10:30,Group or activity,'+Walking group,\"Park gates, Mill Lane\",No,",
            ]
        );
    }
}

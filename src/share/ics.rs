//! Calendar files (RFC 5545 iCalendar) for appointments, so the phone's
//! own calendar reminds the client even when the app is closed.
//!
//! Each occurrence is its own event with a stable UID (appointment id and
//! the date it was first due), so importing again updates rather than
//! duplicates, and a moved or cancelled occurrence replaces the old one.
//! Times are written in UTC, which every calendar reads the same way;
//! the app has already turned UK wall-clock times into moments.

use chrono::{DateTime, Datelike, Duration, Timelike, Utc};

use crate::model::appointment::{Appointment, Occurrence, Reminder};
use crate::model::diary::format_time;

/// The longest line, in octets, before folding (RFC 5545 3.1).
pub const LINE_OCTETS: usize = 75;

/// Escapes text for a TEXT value (RFC 5545 3.3.11): backslash, semicolon,
/// comma and new lines.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            // Other control characters are not allowed in TEXT.
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds one content line at 75 octets with CRLF and a space, never
/// inside a UTF-8 character, and ends it with CRLF.
pub fn fold(line: &str, out: &mut String) {
    let mut used = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > LINE_OCTETS {
            out.push_str("\r\n ");
            // The space starts the continuation line and counts.
            used = 1;
        }
        out.push(c);
        used += n;
    }
    out.push_str("\r\n");
}

/// `20261124T103000Z`. By hand: chrono's `format` would bring its whole
/// formatting machinery into the app for two fixed layouts.
fn stamp(t: DateTime<Utc>) -> String {
    format!(
        "{}T{:02}{:02}{:02}Z",
        day_code(t.date_naive()),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// `20261124`.
fn day_code(d: chrono::NaiveDate) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

fn alarm(out: &mut String, reminder: Reminder, moment: DateTime<Utc>, what: &str) {
    out.push_str("BEGIN:VALARM\r\nACTION:DISPLAY\r\n");
    match reminder {
        Reminder::Before(m) => fold(&format!("TRIGGER:-PT{m}M"), out),
        Reminder::DayBefore(_) => fold(&format!("TRIGGER;VALUE=DATE-TIME:{}", stamp(moment)), out),
    }
    fold(&format!("DESCRIPTION:{}", escape(what)), out);
    out.push_str("END:VALARM\r\n");
}

fn event(out: &mut String, a: &Appointment, o: &Occurrence, now: DateTime<Utc>) {
    let start = o.start();
    let end = start + Duration::minutes(i64::from(a.minutes));
    out.push_str("BEGIN:VEVENT\r\n");
    fold(
        &format!("UID:alongside-{}-{}@alongside.app", a.id, day_code(o.due)),
        out,
    );
    fold(&format!("DTSTAMP:{}", stamp(now)), out);
    fold(&format!("SEQUENCE:{}", a.sequence), out);
    fold(&format!("DTSTART:{}", stamp(start)), out);
    fold(&format!("DTEND:{}", stamp(end)), out);
    fold(&format!("SUMMARY:{}", escape(&a.title())), out);
    if let Some(place) = &a.place {
        fold(&format!("LOCATION:{}", escape(place)), out);
    }
    let mut description = String::new();
    if let Some(bring) = &a.bring {
        description.push_str(&format!("What to bring: {bring}\n"));
    }
    if !a.questions.is_empty() {
        description.push_str("Questions to ask:\n");
        for q in &a.questions {
            description.push_str(&format!("- {q}\n"));
        }
    }
    if !description.is_empty() {
        fold(
            &format!("DESCRIPTION:{}", escape(description.trim_end())),
            out,
        );
    }
    fold(
        &format!(
            "STATUS:{}",
            if o.cancelled {
                "CANCELLED"
            } else {
                "CONFIRMED"
            }
        ),
        out,
    );
    if !o.cancelled {
        let what = format!("{} at {}", a.title(), format_time(o.time));
        for r in &a.reminders {
            if let Some(moment) = r.moment(o.date, start) {
                alarm(out, *r, moment, &what);
            }
        }
    }
    out.push_str("END:VEVENT\r\n");
}

/// A calendar file with the given occurrences of the given appointments.
pub fn calendar(items: &[(&Appointment, Occurrence)], now: DateTime<Utc>) -> String {
    let mut out = String::new();
    out.push_str("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Alongside//Appointments//EN\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n");
    for (a, o) in items {
        event(&mut out, a, o, now);
    }
    out.push_str("END:VCALENDAR\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::appointment::{ApptBook, ApptDraft, ApptKind};
    use chrono::NaiveDate;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    /// Undoes folding and escaping, as a calendar would.
    fn unfold(text: &str) -> Vec<String> {
        text.replace("\r\n ", "")
            .split("\r\n")
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect()
    }

    fn unescape(value: &str) -> String {
        let mut out = String::new();
        let mut chars = value.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('n') | Some('N') => out.push('\n'),
                    Some(other) => out.push(other),
                    None => {}
                }
            } else {
                out.push(c);
            }
        }
        out
    }

    fn check_lines(text: &str) {
        assert!(text.ends_with("\r\n"));
        for line in text.split("\r\n") {
            assert!(line.len() <= LINE_OCTETS, "{} octets: {line}", line.len());
            assert!(!line.contains('\n') && !line.contains('\r'));
        }
        assert!(!text.replace("\r\n", "").contains('\n'), "bare LF");
    }

    #[test]
    fn a_gp_appointment_becomes_an_event_with_alarms() {
        let mut book = ApptBook::default();
        let draft = ApptDraft {
            kind: ApptKind::Gp,
            with: "Dr Patel".into(),
            date: "2026-11-24".into(),
            time: "10:30".into(),
            minutes: "15".into(),
            place: "Riverside Surgery, High St; room 2".into(),
            bring: "Inhaler".into(),
            questions: "Can I change my inhaler?\nIs the cough normal, doctor?".into(),
            ..ApptDraft::default()
        };
        let id = book.add(&draft).unwrap();
        let a = book.get(id).unwrap();
        let text = calendar(
            &[(a, a.occurrences()[0].clone())],
            utc("2026-11-21T10:00:00Z"),
        );
        check_lines(&text);
        let lines = unfold(&text);
        let expected = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Alongside//Appointments//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "BEGIN:VEVENT",
            "UID:alongside-1-20261124@alongside.app",
            "DTSTAMP:20261121T100000Z",
            "SEQUENCE:0",
            "DTSTART:20261124T103000Z",
            "DTEND:20261124T104500Z",
            "SUMMARY:GP: Dr Patel",
            "LOCATION:Riverside Surgery\\, High St\\; room 2",
            "DESCRIPTION:What to bring: Inhaler\\nQuestions to ask:\\n- Can I change my inhaler?\\n- Is the cough normal\\, doctor?",
            "STATUS:CONFIRMED",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            "TRIGGER;VALUE=DATE-TIME:20261123T180000Z",
            "DESCRIPTION:GP: Dr Patel at 10:30am",
            "END:VALARM",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            "TRIGGER:-PT60M",
            "DESCRIPTION:GP: Dr Patel at 10:30am",
            "END:VALARM",
            "END:VEVENT",
            "END:VCALENDAR",
        ];
        assert_eq!(lines, expected);
    }

    #[test]
    fn folding_never_splits_a_character_and_round_trips() {
        let mut out = String::new();
        let long = format!("SUMMARY:{}", "é".repeat(100));
        fold(&long, &mut out);
        check_lines(&out);
        assert_eq!(unfold(&out), vec![long]);
    }

    /// Property test: for many arbitrary texts (including every special
    /// character, new lines, and multi-byte letters), every line is within
    /// 75 octets and the value reads back exactly.
    #[test]
    fn any_text_survives_escaping_and_folding() {
        let alphabet: Vec<char> = "aZ 0,;:\\\n\r\"é€😀\u{2028}-.".chars().collect();
        let mut state = 12345u64;
        for _ in 0..3000 {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let len = (state >> 40) as usize % 300;
            let text: String = (0..len)
                .map(|i| {
                    let k = state
                        .rotate_left(i as u32 * 7)
                        .wrapping_mul(0x9E37_79B9_7F4A_7C15 ^ i as u64);
                    alphabet[(k >> 33) as usize % alphabet.len()]
                })
                .collect();
            let mut out = String::new();
            fold(&format!("DESCRIPTION:{}", escape(&text)), &mut out);
            check_lines(&out);
            let line = unfold(&out).remove(0);
            let value = line.strip_prefix("DESCRIPTION:").unwrap();
            // Lone CR becomes a new line; CRLF becomes one new line.
            let expected = text.replace("\r\n", "\n").replace('\r', "\n");
            assert_eq!(unescape(value), expected, "for {text:?}");
        }
    }

    #[test]
    fn cancelled_occurrences_stay_with_their_uid_and_lose_their_alarms() {
        let mut book = ApptBook::default();
        let draft = ApptDraft {
            kind: ApptKind::Group,
            with: "Craft group".into(),
            date: "2026-11-24".into(),
            time: "14:00".into(),
            every_weeks: "1".into(),
            until: "2026-12-08".into(),
            ..ApptDraft::default()
        };
        let id = book.add(&draft).unwrap();
        let a = book.get_mut(id).unwrap();
        a.cancel_one(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(), true);
        let a = book.get(id).unwrap();
        let items: Vec<_> = a.occurrences().into_iter().map(|o| (a, o)).collect();
        let text = calendar(&items, utc("2026-11-21T10:00:00Z"));
        check_lines(&text);
        let lines = unfold(&text);
        assert_eq!(lines.iter().filter(|l| l.starts_with("UID:")).count(), 3);
        assert!(lines.contains(&"UID:alongside-1-20261201@alongside.app".to_string()));
        assert_eq!(lines.iter().filter(|l| *l == "STATUS:CANCELLED").count(), 1);
        assert_eq!(lines.iter().filter(|l| *l == "BEGIN:VALARM").count(), 4);
        assert!(lines.contains(&"SEQUENCE:1".to_string()));
    }
}

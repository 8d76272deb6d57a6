//! Dates and times as the client sees them: UK local time (Europe/London),
//! the app's date style, "Tue 3 March", and times of day, "10:30am".
//!
//! Written out by hand rather than with a time zone database or chrono's
//! `strftime`: the UK rule fits in a few lines, and each of those crates
//! would add tens of kilobytes to what a cheap phone has to download.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, Utc, Weekday};

/// Month names, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The name of month `month` (1 is January), if there is one.
pub fn month_name(month: u32) -> Option<&'static str> {
    MONTHS
        .get(usize::try_from(month).ok()?.checked_sub(1)?)
        .copied()
}

/// A month and its year in words, "March 2024", for `day`'s month.
pub fn month_and_year(day: NaiveDate) -> String {
    format!("{} {}", MONTHS[day.month0() as usize % 12], day.year())
}

/// A date in full, without the weekday: "3 March 2024".
pub fn long_day(day: NaiveDate) -> String {
    format!("{} {}", day.day(), month_and_year(day))
}

/// A moment in UK time, in words: "Sat 21 November at 10:30am" (the year
/// added when it is not `today`'s).
pub fn format_moment(at: DateTime<Utc>, today: NaiveDate) -> String {
    let local = london(at);
    let minutes = local.time().signed_duration_since(chrono::NaiveTime::MIN);
    format!(
        "{} at {}",
        format_day(local.date(), today),
        crate::model::diary::format_time(u16::try_from(minutes.num_minutes()).unwrap_or(0))
    )
}

/// The last Sunday of a 31-day month (March or October).
fn last_sunday(year: i32, month: u32) -> NaiveDate {
    let last = NaiveDate::from_ymd_opt(year, month, 31).unwrap_or_default();
    last - Duration::days(i64::from(last.weekday().num_days_from_sunday()))
}

/// True while British Summer Time is in force at `utc`: from 1am UTC on the
/// last Sunday of March until 1am UTC on the last Sunday of October.
pub fn is_summer_time(utc: DateTime<Utc>) -> bool {
    let year = utc.year();
    let start = last_sunday(year, 3)
        .and_hms_opt(1, 0, 0)
        .unwrap_or_default();
    let end = last_sunday(year, 10)
        .and_hms_opt(1, 0, 0)
        .unwrap_or_default();
    let t = utc.naive_utc();
    t >= start && t < end
}

/// What a UK wall-clock time means as a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LocalTime {
    /// An ordinary time: one moment.
    Single(DateTime<Utc>),
    /// The hour the clocks go back (1am to 2am on the last Sunday of
    /// October) happens twice: first in summer time, then in GMT.
    Twice(DateTime<Utc>, DateTime<Utc>),
    /// The hour the clocks go forward (1am to 2am on the last Sunday of
    /// March) does not happen at all.
    Missing,
}

/// The moment a UK wall-clock time on `day` (minutes after midnight)
/// stands for.
pub fn from_london(day: NaiveDate, minutes: u16) -> LocalTime {
    let local =
        day.and_hms_opt(0, 0, 0).unwrap_or_default() + Duration::minutes(i64::from(minutes));
    let as_gmt = local.and_utc();
    let as_bst = as_gmt - Duration::hours(1);
    match (is_summer_time(as_bst), !is_summer_time(as_gmt)) {
        (true, true) => LocalTime::Twice(as_bst, as_gmt),
        (true, false) => LocalTime::Single(as_bst),
        (false, true) => LocalTime::Single(as_gmt),
        (false, false) => LocalTime::Missing,
    }
}

impl LocalTime {
    /// The moment to use: the first, for a time that happens twice.
    pub fn first(self) -> Option<DateTime<Utc>> {
        match self {
            LocalTime::Single(t) | LocalTime::Twice(t, _) => Some(t),
            LocalTime::Missing => None,
        }
    }
}

/// The wall-clock time in the UK at `utc`.
pub fn london(utc: DateTime<Utc>) -> NaiveDateTime {
    let offset = if is_summer_time(utc) { 1 } else { 0 };
    utc.naive_utc() + Duration::hours(offset)
}

/// Today's date in the UK at `utc`.
pub fn london_today(utc: DateTime<Utc>) -> NaiveDate {
    london(utc).date()
}

fn weekday_short(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Mon",
        Weekday::Tue => "Tue",
        Weekday::Wed => "Wed",
        Weekday::Thu => "Thu",
        Weekday::Fri => "Fri",
        Weekday::Sat => "Sat",
        Weekday::Sun => "Sun",
    }
}

/// A date in the app's style, "Tue 3 March", with the year added when it
/// is not the year of `today` ("Mon 3 March 2025").
pub fn format_day(day: NaiveDate, today: NaiveDate) -> String {
    let month = MONTHS[day.month0() as usize];
    let mut out = format!("{} {} {month}", weekday_short(day.weekday()), day.day());
    if day.year() != today.year() {
        out.push_str(&format!(" {}", day.year()));
    }
    out
}

/// A month's name cut short for a chart's axis: "Nov" (`month0` 0 is
/// January).
pub fn short_month(month0: u32) -> &'static str {
    MONTHS[month0 as usize % 12].get(..3).unwrap_or_default()
}

/// A date cut short for a chart's axis, "3 Nov", with the year added when
/// it is not the year of `today` ("3 Nov 2025").
pub fn short_day(day: NaiveDate, today: NaiveDate) -> String {
    let mut out = format!("{} {}", day.day(), short_month(day.month0()));
    if day.year() != today.year() {
        out.push_str(&format!(" {}", day.year()));
    }
    out
}

/// Reads a date as a browser date box gives it and as we store it,
/// `YYYY-MM-DD`. By hand: chrono's general date parser is several
/// kilobytes of code for this one fixed form.
pub fn parse_iso_day(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10
        || b[4] != b'-'
        || b[7] != b'-'
        || !digits(0..4)
        || !digits(5..7)
        || !digits(8..10)
    {
        return None;
    }
    let year = text[0..4].parse().ok()?;
    let month = text[5..7].parse().ok()?;
    let day = text[8..10].parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// Reads a moment in the one form the app writes, UTC to the millisecond:
/// `2026-11-21T10:30:00.000Z`. By hand, like [`parse_iso_day`]: any other
/// form is refused rather than guessed at.
pub fn parse_utc_millis(text: &str) -> Option<DateTime<Utc>> {
    let b = text.as_bytes();
    if b.len() != 24
        || b[10] != b'T'
        || b[13] != b':'
        || b[16] != b':'
        || b[19] != b'.'
        || b[23] != b'Z'
    {
        return None;
    }
    let number = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = text.get(r)?;
        if !part.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        part.parse().ok()
    };
    let day = parse_iso_day(text.get(0..10)?)?;
    let moment = day.and_hms_milli_opt(
        number(11..13)?,
        number(14..16)?,
        number(17..19)?,
        number(20..23)?,
    )?;
    Some(moment.and_utc())
}

/// Reads a moment in RFC 3339 (`2026-11-21T10:30:00Z`, with or without a
/// fraction of a second, `Z` or an offset such as `+01:00`): what chrono
/// writes for a moment, and so every moment the app has ever stored. By
/// hand, for the same reason as [`parse_iso_day`]: chrono's general
/// parser is many kilobytes.
pub fn parse_rfc3339(text: &str) -> Option<DateTime<Utc>> {
    let b = text.as_bytes();
    if b.len() < 20 || !matches!(b[10], b'T' | b't') || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = text.get(r)?;
        (!part.is_empty() && part.bytes().all(|c| c.is_ascii_digit()))
            .then(|| part.parse().ok())
            .flatten()
    };
    let day = parse_iso_day(text.get(0..10)?)?;
    let (hour, minute, second) = (digits(11..13)?, digits(14..16)?, digits(17..19)?);
    let mut at = 19;
    let mut nanos = 0u32;
    if b[at] == b'.' {
        let end = (at + 1..b.len())
            .find(|&i| !b[i].is_ascii_digit())
            .unwrap_or(b.len());
        let fraction = text.get(at + 1..end)?;
        if fraction.is_empty() || fraction.len() > 9 {
            return None;
        }
        nanos = fraction.parse::<u32>().ok()? * 10u32.pow(9 - fraction.len() as u32);
        at = end;
    }
    let offset_minutes: i64 = match text.get(at..)? {
        "Z" | "z" => 0,
        rest if rest.len() == 6 && rest.as_bytes()[3] == b':' => {
            let sign = match rest.as_bytes()[0] {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let (h, m) = (digits(at + 1..at + 3)?, digits(at + 4..at + 6)?);
            if h > 23 || m > 59 {
                return None;
            }
            sign * i64::from(h * 60 + m)
        }
        _ => return None,
    };
    let local = day.and_hms_nano_opt(hour, minute, second, nanos)?;
    Some(local.and_utc() - Duration::minutes(offset_minutes))
}

/// A moment in RFC 3339 as chrono writes one: UTC, `Z`, and a fraction of
/// a second only as long as it needs to be (none, 3, 6 or 9 digits).
pub fn format_rfc3339(at: DateTime<Utc>) -> String {
    let t = at.naive_utc();
    let nanos = t.and_utc().timestamp_subsec_nanos();
    let fraction = match nanos {
        0 => String::new(),
        n if n % 1_000_000 == 0 => format!(".{:03}", n / 1_000_000),
        n if n % 1_000 == 0 => format!(".{:06}", n / 1_000),
        n => format!(".{n:09}"),
    };
    let day = t.date();
    format!(
        "{}T{:02}:{:02}:{:02}{fraction}Z",
        iso_day(day),
        chrono::Timelike::hour(&t),
        chrono::Timelike::minute(&t),
        chrono::Timelike::second(&t)
    )
}

/// Serde for a moment as RFC 3339 (see [`parse_rfc3339`] and
/// [`format_rfc3339`]): the form chrono's own serde uses, so everything
/// stored before reads the same, without chrono's parser in the app.
pub mod rfc3339 {
    use chrono::{DateTime, Utc};
    use serde::{Deserialize, Deserializer, Serializer};

    /// Writes `at`.
    pub fn serialize<S: Serializer>(at: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::format_rfc3339(*at))
    }

    /// Reads a moment, refusing anything that is not one.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        super::parse_rfc3339(&text).ok_or_else(|| serde::de::Error::custom("not a moment"))
    }
}

/// A date as `YYYY-MM-DD`, the form stored and used by date boxes.
pub fn iso_day(day: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", day.year(), day.month(), day.day())
}

/// "10:30am" from minutes after midnight.
pub fn format_time(minutes: u16) -> String {
    let (h, m) = (minutes / 60 % 24, minutes % 60);
    let suffix = if h < 12 { "am" } else { "pm" };
    let h12 = if h % 12 == 0 { 12 } else { h % 12 };
    format!("{h12}:{m:02}{suffix}")
}

/// Reads a time as a browser time box gives it: `HH:MM`, or `HH:MM:SS`
/// (seconds ignored). Nothing else, so "2:30pm" is never read as 2:30am.
pub fn parse_time(text: &str) -> Option<u16> {
    let parts: Vec<&str> = text.trim().split(':').collect();
    let two_digits = |p: &&str| p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit());
    if !(2..=3).contains(&parts.len()) || !parts.iter().all(two_digits) {
        return None;
    }
    let (h, m): (u16, u16) = (parts[0].parse().ok()?, parts[1].parse().ok()?);
    (h < 24 && m < 60).then_some(h * 60 + m)
}

/// `HH:MM`, for a time box.
pub fn time_box(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60 % 24, minutes % 60)
}

/// Stores a date as `YYYY-MM-DD` (use with `#[serde(with = ...)]`), read
/// back with [`parse_iso_day`] rather than chrono's general parser.
pub mod iso {
    use chrono::NaiveDate;
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    /// Writes the date.
    pub fn serialize<S: Serializer>(day: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::iso_day(*day))
    }

    /// Reads the date, with a plain reason if it is not one.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let text = String::deserialize(d)?;
        super::parse_iso_day(&text).ok_or_else(|| D::Error::custom("a date is not a real date"))
    }
}

/// As [`iso`], for a date that may be missing (stored as `null`).
pub mod iso_opt {
    use chrono::NaiveDate;
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    /// Writes the date, or `null`.
    pub fn serialize<S: Serializer>(day: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match day {
            Some(day) => s.serialize_str(&super::iso_day(*day)),
            None => s.serialize_none(),
        }
    }

    /// Reads the date or `null`.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        match Option::<String>::deserialize(d)? {
            None => Ok(None),
            Some(text) => super::parse_iso_day(&text)
                .map(Some)
                .ok_or_else(|| D::Error::custom("a date is not a real date")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moments_read_and_write_as_chrono_does() {
        use chrono::SecondsFormat;
        for text in [
            "2026-11-21T10:30:00Z",
            "2026-11-21T10:30:00.123Z",
            "2026-11-21T10:30:00.123456Z",
            "2026-11-21T10:30:00.123456789Z",
            "2024-02-29T23:59:59.5Z",
        ] {
            let ours = parse_rfc3339(text).unwrap();
            let theirs: DateTime<Utc> = text.parse().unwrap();
            assert_eq!(ours, theirs, "{text}");
            // Written back exactly as chrono's serde writes it.
            assert_eq!(
                format_rfc3339(ours),
                theirs.to_rfc3339_opts(SecondsFormat::AutoSi, true),
                "{text}"
            );
            assert_eq!(
                serde_json::to_string(&theirs).unwrap(),
                format!("\"{}\"", format_rfc3339(ours))
            );
        }
        // Offsets, as RFC 3339 allows, are read as the same moment.
        assert_eq!(
            parse_rfc3339("2026-07-01T11:30:00+01:00"),
            parse_rfc3339("2026-07-01T10:30:00Z")
        );
        assert_eq!(
            parse_rfc3339("2026-07-01T09:00:00-01:30"),
            parse_rfc3339("2026-07-01T10:30:00Z")
        );
        for bad in [
            "",
            "2026-11-21",
            "2026-11-21T10:30:00",
            "2026-11-21T10:30:00.Z",
            "2026-11-21T10:30:00.1234567891Z",
            "2026-11-21T25:30:00Z",
            "2026-11-21T10:30:00+1:00",
            "2026-13-21T10:30:00Z",
            "2026-11-21T10:30:00Zjunk",
            "2026-11-21 10:30:00Z",
        ] {
            assert_eq!(parse_rfc3339(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn dates_and_moments_in_words() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(month_name(1), Some("January"));
        assert_eq!(month_name(12), Some("December"));
        assert_eq!(month_name(0), None);
        assert_eq!(month_name(13), None);
        assert_eq!(month_and_year(day(2024, 3, 3)), "March 2024");
        assert_eq!(long_day(day(2024, 3, 3)), "3 March 2024");
        let today = day(2026, 11, 21);
        // 10:30 UTC in November is 10:30am in London; in July, 11:30am.
        let winter = "2026-11-21T10:30:00Z".parse().unwrap();
        assert_eq!(format_moment(winter, today), "Sat 21 November at 10:30am");
        let summer = "2026-07-01T10:30:00Z".parse().unwrap();
        assert_eq!(format_moment(summer, today), "Wed 1 July at 11:30am");
        let last_year = "2025-12-31T23:30:00Z".parse().unwrap();
        assert_eq!(
            format_moment(last_year, today),
            "Wed 31 December 2025 at 11:30pm"
        );
    }

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn summer_time_starts_and_ends_at_1am_utc_on_the_last_sundays() {
        // 2026: clocks go forward on 29 March and back on 25 October.
        assert!(!is_summer_time(utc("2026-03-29T00:59:59Z")));
        assert!(is_summer_time(utc("2026-03-29T01:00:00Z")));
        assert!(is_summer_time(utc("2026-10-25T00:59:59Z")));
        assert!(!is_summer_time(utc("2026-10-25T01:00:00Z")));
        // 2027: 28 March and 31 October (a month ending on a Sunday).
        assert!(is_summer_time(utc("2027-10-31T00:30:00Z")));
        assert!(!is_summer_time(utc("2027-10-31T01:30:00Z")));
    }

    #[test]
    fn late_evening_in_summer_is_already_tomorrow_in_the_uk() {
        assert_eq!(london_today(utc("2026-06-30T23:30:00Z")), day(2026, 7, 1));
        assert_eq!(london_today(utc("2026-12-31T23:30:00Z")), day(2026, 12, 31));
        assert_eq!(
            london(utc("2026-06-30T09:30:00Z")).to_string(),
            "2026-06-30 10:30:00"
        );
    }

    #[test]
    fn clock_change_times_are_missing_or_twice() {
        let at = |d: NaiveDate, h: u16, m: u16| from_london(d, h * 60 + m);
        let spring = day(2026, 3, 29);
        let autumn = day(2026, 10, 25);
        assert_eq!(
            at(spring, 0, 59),
            LocalTime::Single(utc("2026-03-29T00:59:00Z"))
        );
        assert_eq!(at(spring, 1, 30), LocalTime::Missing);
        assert_eq!(
            at(spring, 2, 0),
            LocalTime::Single(utc("2026-03-29T01:00:00Z"))
        );
        assert_eq!(
            at(autumn, 0, 30),
            LocalTime::Single(utc("2026-10-24T23:30:00Z"))
        );
        assert_eq!(
            at(autumn, 1, 30),
            LocalTime::Twice(utc("2026-10-25T00:30:00Z"), utc("2026-10-25T01:30:00Z"))
        );
        assert_eq!(
            at(autumn, 2, 0),
            LocalTime::Single(utc("2026-10-25T02:00:00Z"))
        );
        assert_eq!(
            at(day(2026, 7, 1), 10, 30).first(),
            Some(utc("2026-07-01T09:30:00Z"))
        );
        assert_eq!(
            at(day(2026, 12, 1), 10, 30).first(),
            Some(utc("2026-12-01T10:30:00Z"))
        );
    }

    #[test]
    fn dates_read_the_uk_way() {
        let today = day(2026, 11, 21);
        assert_eq!(format_day(day(2026, 3, 3), today), "Tue 3 March");
        assert_eq!(format_day(day(2026, 11, 21), today), "Sat 21 November");
        assert_eq!(format_day(day(2025, 3, 3), today), "Mon 3 March 2025");
    }

    #[test]
    fn times_of_day_read_the_uk_way() {
        assert_eq!(format_time(630), "10:30am");
        assert_eq!(format_time(0), "12:00am");
        assert_eq!(format_time(12 * 60 + 5), "12:05pm");
        assert_eq!(parse_time("08:30"), Some(510));
        assert_eq!(parse_time("24:00"), None);
        assert_eq!(parse_time("08:30:00"), Some(510));
        for bad in ["2:30pm", "10:305", "8:30", "+8:30", "10:3", "", "10"] {
            assert_eq!(parse_time(bad), None, "{bad}");
        }
    }

    #[test]
    fn only_real_dates_are_read() {
        assert_eq!(parse_iso_day("2026-02-28"), Some(day(2026, 2, 28)));
        assert_eq!(parse_iso_day(" 2026-11-21 "), Some(day(2026, 11, 21)));
        assert_eq!(iso_day(day(987, 1, 2)), "0987-01-02");
        for bad in [
            "",
            "2026-02-30",
            "21/11/2026",
            "tomorrow",
            "2026-13-01",
            "+2026-1-01",
            "2026-1-011",
            "2026-11-2é",
            "202６-11-21",
        ] {
            assert_eq!(parse_iso_day(bad), None, "{bad}");
        }
    }

    #[test]
    fn moments_are_read_only_in_the_form_we_write() {
        let at = utc("2026-11-21T10:30:00.123Z");
        let written = at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        assert_eq!(parse_utc_millis(&written), Some(at));
        for bad in [
            "",
            "2026-11-21T10:30:00Z",
            "2026-11-21T10:30:00.123+00:00",
            "2026-11-21 10:30:00.123Z",
            "2026-11-21T24:00:00.000Z",
            "2026-11-21T10:30:60.000Z",
            "2026-02-30T10:30:00.000Z",
            "2026-11-21T1a:30:00.000Z",
            "2026-11-21T10:30:00.+12Z",
            "2026-11-21T10:30:00.éaZ",
            "2026-11-21T10:30:00.aéZ",
        ] {
            assert_eq!(parse_utc_millis(bad), None, "{bad}");
        }
    }
}

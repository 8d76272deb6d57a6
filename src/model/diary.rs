//! The condition diary: measures chosen from the client's conditions (or
//! made by the client), day entries with readings, and the per-month
//! summaries that keep trends fast after ten years.
//!
//! Numbers are kept as whole numbers scaled by their decimal places
//! (5.6 mmol/L is stored as 56): exact, and no floating-point formatting
//! code in the app.

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use super::text::{clean, too_long, FieldError};
use super::time::{iso, MONTHS};
use super::ListedCondition;

/// Longest diary note, in characters.
pub const NOTE_MAX: usize = 2000;
/// Longest measure name or label, in characters.
pub const NAME_MAX: usize = 40;
/// Most readings of one measure on one day.
pub const READINGS_MAX: usize = 12;

/// The five mood steps, in words (the stored value is 1 to 5).
pub const MOODS: [&str; 5] = ["Very low", "Low", "OK", "Good", "Very good"];

/// What kind of answer a measure takes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum Kind {
    /// Mood, in five steps with words (1 to 5).
    Mood,
    /// A 0 to 10 scale with words at each end.
    Scale {
        /// What 0 means.
        low: String,
        /// What 10 means.
        high: String,
    },
    /// A number with a unit and a plausible range, both in the same scaled
    /// form as the stored value.
    Number {
        /// The unit, such as "mmol/L".
        unit: String,
        /// Decimal places allowed (0 to 2).
        decimals: u8,
        /// Lowest plausible value, scaled.
        min: i32,
        /// Highest plausible value, scaled.
        max: i32,
    },
    /// Yes (1) or no (0).
    YesNo,
}

/// Something the client records in their diary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Measure {
    /// Stable id: a code such as `glucose`, or `own-3` for the client's own.
    pub id: String,
    /// The name shown, such as "Blood glucose".
    pub name: String,
    /// What kind of answer it takes.
    pub kind: Kind,
    /// True where several readings a day make sense, each with a time.
    pub several: bool,
}

fn number(
    id: &str,
    name: &str,
    unit: &str,
    decimals: u8,
    min: i32,
    max: i32,
    several: bool,
) -> Measure {
    Measure {
        id: id.into(),
        name: name.into(),
        kind: Kind::Number {
            unit: unit.into(),
            decimals,
            min,
            max,
        },
        several,
    }
}

fn scale(id: &str, name: &str, low: &str, high: &str) -> Measure {
    Measure {
        id: id.into(),
        name: name.into(),
        kind: Kind::Scale {
            low: low.into(),
            high: high.into(),
        },
        several: false,
    }
}

/// A measure the app knows by its code, or `None` for an unknown code.
pub fn builtin(id: &str) -> Option<Measure> {
    Some(match id {
        "mood" => Measure {
            id: "mood".into(),
            name: "Mood".into(),
            kind: Kind::Mood,
            several: false,
        },
        "sleep" => number("sleep", "Sleep", "hours", 1, 0, 240, false),
        "glucose" => number("glucose", "Blood glucose", "mmol/L", 1, 10, 350, true),
        "breathlessness" => scale(
            "breathlessness",
            "Breathlessness",
            "Not breathless",
            "Worst possible",
        ),
        "peak_flow" => number("peak_flow", "Peak flow", "L/min", 0, 50, 900, true),
        "reliever" => number(
            "reliever",
            "Reliever inhaler puffs",
            "puffs",
            0,
            0,
            60,
            false,
        ),
        "weight" => number("weight", "Weight", "kg", 1, 200, 3000, false),
        "swelling" => scale(
            "swelling",
            "Ankle swelling",
            "No swelling",
            "Worst possible",
        ),
        "chest_pain" => scale(
            "chest_pain",
            "Chest pain or tightness",
            "None",
            "Worst possible",
        ),
        "systolic" => number(
            "systolic",
            "Blood pressure (top number)",
            "mmHg",
            0,
            60,
            260,
            true,
        ),
        "diastolic" => number(
            "diastolic",
            "Blood pressure (bottom number)",
            "mmHg",
            0,
            30,
            160,
            true,
        ),
        "pain" => scale("pain", "Pain", "No pain", "Worst possible"),
        "stiffness" => scale("stiffness", "Stiffness", "None", "Worst possible"),
        "anxiety" => scale("anxiety", "Anxiety", "Calm", "Worst possible"),
        "tiredness" => scale("tiredness", "Tiredness", "Full of energy", "Exhausted"),
        _ => return None,
    })
}

/// The measures suggested for a listed condition, by code.
pub fn suggested_for(condition: ListedCondition) -> &'static [&'static str] {
    use ListedCondition::*;
    match condition {
        Type1Diabetes | Type2Diabetes => &["glucose"],
        Copd => &["breathlessness", "peak_flow"],
        Asthma => &["peak_flow", "reliever"],
        HeartFailure => &["weight", "swelling", "breathlessness"],
        CoronaryHeartDisease => &["chest_pain"],
        HighBloodPressure => &["systolic", "diastolic"],
        Stroke | ChronicKidneyDisease | LowMood => &["tiredness"],
        ChronicPain => &["pain"],
        Arthritis => &["pain", "stiffness"],
        Anxiety => &["anxiety"],
    }
}

/// The client's diary choices: their own measures, the ones they hid, and
/// the ones on the quick check-in.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DiarySettings {
    /// Measures the client made.
    pub own: Vec<Measure>,
    /// Ids of measures the client does not use.
    pub hidden: Vec<String>,
    /// The number for the next own measure (`own-N`); never reused.
    pub next_own: u32,
}

impl DiarySettings {
    /// Every measure for a client with these conditions, in order: mood,
    /// the conditions' measures, sleep, then their own. Hidden ones are
    /// included; see [`DiarySettings::is_hidden`].
    pub fn all_measures(&self, conditions: &[ListedCondition]) -> Vec<Measure> {
        let mut ids: Vec<&str> = vec!["mood"];
        for c in conditions {
            for id in suggested_for(*c) {
                if !ids.contains(id) {
                    ids.push(id);
                }
            }
        }
        ids.push("sleep");
        let mut out: Vec<Measure> = ids.into_iter().filter_map(builtin).collect();
        out.extend(self.own.iter().cloned());
        out
    }

    /// The measures the client uses.
    pub fn measures(&self, conditions: &[ListedCondition]) -> Vec<Measure> {
        let mut all = self.all_measures(conditions);
        all.retain(|m| !self.is_hidden(&m.id));
        all
    }

    /// True if the client hid this measure.
    pub fn is_hidden(&self, id: &str) -> bool {
        self.hidden.iter().any(|h| h == id)
    }

    /// Hides or shows a measure. Readings already made are kept either way.
    pub fn set_hidden(&mut self, id: &str, hidden: bool) {
        super::text::set_included(&mut self.hidden, id.to_string(), hidden);
    }

    /// Adds the client's own measures from `other` (a backup) that are not
    /// here, and returns the ids the backup's readings must be renamed to,
    /// as `(backup id, id here)`.
    ///
    /// An own measure with the same id, name and kind is already here. One
    /// whose id is taken by a different measure is added as a new measure
    /// (or matched to a copy an earlier restore added), and its readings
    /// follow it under the new id, so they are never shown as another
    /// measure. This phone's hidden list is kept; a measure added from the
    /// backup stays hidden if it was hidden there.
    pub fn add_missing(&mut self, other: &DiarySettings) -> Vec<(String, String)> {
        let same = |a: &Measure, b: &Measure| {
            a.name == b.name && a.kind == b.kind && a.several == b.several
        };
        let number = |id: &str| id.strip_prefix("own-").and_then(|n| n.parse::<u32>().ok());
        let had = self.own.len();
        let mut next = self
            .own
            .iter()
            .chain(&other.own)
            .filter_map(|m| number(&m.id))
            .map(|n| n.saturating_add(1))
            .fold(self.next_own.max(other.next_own).max(1), u32::max);
        let mut renames = Vec::new();
        for m in &other.own {
            let before = &self.own[..had];
            let new_id = match before.iter().find(|x| x.id == m.id) {
                Some(x) if same(x, m) => continue,
                Some(_) => match before.iter().find(|x| same(x, m)) {
                    Some(copy) => {
                        renames.push((m.id.clone(), copy.id.clone()));
                        continue;
                    }
                    None => {
                        let id = format!("own-{next}");
                        next = next.saturating_add(1);
                        renames.push((m.id.clone(), id.clone()));
                        id
                    }
                },
                None => m.id.clone(),
            };
            if other.is_hidden(&m.id) {
                self.set_hidden(&new_id, true);
            }
            self.own.push(Measure {
                id: new_id,
                ..m.clone()
            });
        }
        self.next_own = next;
        renames
    }

    /// Adds the client's own measure from a form and returns its id.
    pub fn add_own(
        &mut self,
        draft: &MeasureDraft,
    ) -> Result<String, Vec<FieldError<MeasureField>>> {
        let id = format!("own-{}", self.next_own.max(1));
        let measure = draft.validate(&id)?;
        self.next_own = self.next_own.max(1).saturating_add(1);
        self.own.push(measure);
        Ok(id)
    }
}

/// The kinds of measure a client can make.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OwnKind {
    /// 0 to 10 with their own words at each end.
    #[default]
    Scale,
    /// A number with a unit and range.
    Number,
    /// Yes or no.
    YesNo,
}

/// The fields of the "add your own measure" form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeasureField {
    /// The name.
    Name,
    /// What 0 means.
    Low,
    /// What 10 means.
    High,
    /// The unit.
    Unit,
    /// The lowest value.
    Min,
    /// The highest value.
    Max,
}

/// The "add your own measure" form, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MeasureDraft {
    /// The name.
    pub name: String,
    /// The kind.
    pub kind: OwnKind,
    /// What 0 means (scales).
    pub low: String,
    /// What 10 means (scales).
    pub high: String,
    /// The unit (numbers).
    pub unit: String,
    /// The lowest plausible value (numbers).
    pub min: String,
    /// The highest plausible value (numbers).
    pub max: String,
}

impl MeasureDraft {
    fn text(
        field: MeasureField,
        text: &str,
        what: &str,
        empty: &str,
        errors: &mut Vec<FieldError<MeasureField>>,
    ) -> String {
        match super::text::required(field, text, NAME_MAX, what, empty) {
            Ok(t) => t,
            Err(e) => {
                errors.push(e);
                String::new()
            }
        }
    }

    /// Checks the form and makes the measure with `id`.
    pub fn validate(&self, id: &str) -> Result<Measure, Vec<FieldError<MeasureField>>> {
        let mut errors = Vec::new();
        let name = Self::text(
            MeasureField::Name,
            &self.name,
            "The name",
            "Enter a name for the measure",
            &mut errors,
        );
        let kind = match self.kind {
            OwnKind::YesNo => Kind::YesNo,
            OwnKind::Scale => Kind::Scale {
                low: Self::text(
                    MeasureField::Low,
                    &self.low,
                    "What 0 means",
                    "Enter what 0 means, such as \"none\"",
                    &mut errors,
                ),
                high: Self::text(
                    MeasureField::High,
                    &self.high,
                    "What 10 means",
                    "Enter what 10 means, such as \"worst possible\"",
                    &mut errors,
                ),
            },
            OwnKind::Number => {
                let unit = Self::text(
                    MeasureField::Unit,
                    &self.unit,
                    "The unit",
                    "Enter the unit, such as \"steps\" or \"kg\"",
                    &mut errors,
                );
                // Own numbers take up to one decimal place.
                let min = parse_scaled(&self.min, 1);
                let max = parse_scaled(&self.max, 1);
                if min.is_none() {
                    errors.push(FieldError::new(
                        MeasureField::Min,
                        "Enter the lowest value as a number, like 0",
                    ));
                }
                match (min, max) {
                    (_, None) => errors.push(FieldError::new(
                        MeasureField::Max,
                        "Enter the highest value as a number, like 100",
                    )),
                    (Some(lo), Some(hi)) if hi <= lo => errors.push(FieldError::new(
                        MeasureField::Max,
                        "The highest value must be more than the lowest",
                    )),
                    _ => {}
                }
                Kind::Number {
                    unit,
                    decimals: 1,
                    min: min.unwrap_or(0),
                    max: max.unwrap_or(0),
                }
            }
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Measure {
            id: id.into(),
            name,
            kind,
            several: false,
        })
    }
}

/// Reads a number typed with up to `decimals` decimal places ("5.6") as a
/// whole number scaled by them (56). `None` if it is not such a number or
/// is out of the range a phone can hold.
pub fn parse_scaled(text: &str, decimals: u8) -> Option<i32> {
    let text = text.trim();
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (whole, frac) = match digits.split_once('.') {
        Some((w, f)) => (w, f),
        None => (digits, ""),
    };
    let valid = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() && frac.is_empty()
        || !valid(whole)
        || !valid(frac)
        || frac.len() > usize::from(decimals)
        || (digits.contains('.') && frac.is_empty())
        || whole.len() > 7
    {
        return None;
    }
    let mut value: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    for i in 0..decimals {
        let d = frac
            .as_bytes()
            .get(usize::from(i))
            .map_or(0, |b| i64::from(b - b'0'));
        value = value * 10 + d;
    }
    let value = if negative { -value } else { value };
    i32::try_from(value).ok()
}

/// Writes a scaled whole number with its decimal places: 56 with 1 is
/// "5.6"; trailing zeros are kept so figures line up ("6.0").
pub fn format_scaled(value: i32, decimals: u8) -> String {
    let mut out = String::new();
    if value < 0 {
        out.push('-');
    }
    let v = value.unsigned_abs();
    let scale = 10u32.pow(u32::from(decimals));
    out.push_str(&(v / scale).to_string());
    if decimals > 0 {
        let frac = (v % scale).to_string();
        out.push('.');
        for _ in frac.len()..usize::from(decimals) {
            out.push('0');
        }
        out.push_str(&frac);
    }
    out
}

impl Measure {
    /// Decimal places of the stored value.
    pub fn decimals(&self) -> u8 {
        match self.kind {
            Kind::Number { decimals, .. } => decimals,
            _ => 0,
        }
    }

    /// A stored value in words: "5.6 mmol/L", "Good", "Yes", "7".
    pub fn show(&self, value: i32) -> String {
        match &self.kind {
            Kind::Mood => MOODS
                .get(usize::try_from(value - 1).unwrap_or(usize::MAX))
                .map_or_else(|| value.to_string(), |m| m.to_string()),
            Kind::YesNo => if value == 0 { "No" } else { "Yes" }.into(),
            Kind::Scale { .. } => value.to_string(),
            Kind::Number { unit, decimals, .. } => {
                format!("{} {unit}", format_scaled(value, *decimals))
            }
        }
    }

    /// The lowest and highest values it can take, scaled.
    pub fn range(&self) -> (i32, i32) {
        match &self.kind {
            Kind::Mood => (1, 5),
            Kind::Scale { .. } => (0, 10),
            Kind::YesNo => (0, 1),
            Kind::Number { min, max, .. } => (*min, *max),
        }
    }

    /// Reads a value as typed or chosen, with a plain message if it will not do.
    pub fn parse(&self, text: &str) -> Result<i32, String> {
        let (min, max) = self.range();
        match &self.kind {
            Kind::Number { unit, decimals, .. } => {
                let example = if *decimals > 0 { "5.6" } else { "450" };
                let value = parse_scaled(text, *decimals).ok_or_else(|| {
                    if *decimals > 0 {
                        format!("Enter {} as a number, like {example}, with up to {decimals} decimal place{}", self.name, if *decimals == 1 { "" } else { "s" })
                    } else {
                        format!("Enter {} as a whole number, like {example}", self.name)
                    }
                })?;
                if value < min || value > max {
                    return Err(format!(
                        "{} must be between {} and {} {unit}",
                        self.name,
                        format_scaled(min, *decimals),
                        format_scaled(max, *decimals)
                    ));
                }
                Ok(value)
            }
            _ => match text.trim().parse::<i32>() {
                Ok(v) if (min..=max).contains(&v) => Ok(v),
                _ => Err(format!("Choose an answer for {}", self.name)),
            },
        }
    }
}

/// One reading of one measure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reading {
    /// The measure's id.
    pub m: String,
    /// Minutes after midnight (UK time), for measures taken several times a day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub t: Option<u16>,
    /// The value, scaled as the measure says.
    pub v: i32,
}

/// Everything recorded for one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayEntry {
    /// The day.
    #[serde(with = "iso")]
    pub date: NaiveDate,
    /// The readings, in the order of the measures, then by time.
    pub readings: Vec<Reading>,
    /// A note, if written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The most readings one stored day may hold, of all measures together.
pub const DAY_READINGS_MAX: usize = 400;

impl DayEntry {
    /// The readings of one measure.
    pub fn of<'a>(&'a self, measure: &'a str) -> impl Iterator<Item = &'a Reading> + 'a {
        self.readings.iter().filter(move |r| r.m == measure)
    }

    /// Adds the readings of `other` (the same day, from a backup) that are
    /// not here, each beside the readings of its measure in time order.
    ///
    /// A reading of the same measure at the same time (or both without a
    /// time) is the same reading: this phone's value is kept, so a value
    /// changed since the backup is not brought back beside the new one,
    /// and the day form never meets two readings at one time. This
    /// phone's note is kept; the backup's is taken only if there is none
    /// here. If the day would hold more readings than a stored day may,
    /// it is left as it is.
    pub fn add_missing(&mut self, other: &DayEntry) {
        let new: Vec<&Reading> = other
            .readings
            .iter()
            .filter(|r| !self.readings.iter().any(|x| x.m == r.m && x.t == r.t))
            .collect();
        if self.readings.len() + new.len() <= DAY_READINGS_MAX {
            for r in new {
                let at = match self.readings.iter().rposition(|x| x.m == r.m) {
                    Some(last) => {
                        let first = self.readings[..=last]
                            .iter()
                            .rposition(|x| x.m != r.m)
                            .map_or(0, |i| i + 1);
                        first + self.readings[first..=last].partition_point(|x| x.t <= r.t)
                    }
                    None => self.readings.len(),
                };
                self.readings.insert(at, r.clone());
            }
        }
        if self.note.is_none() {
            self.note = other.note.clone();
        }
    }
}

/// A calendar month, such as November 2026: the unit of storage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    /// The year.
    pub year: i32,
    /// 1 to 12.
    pub month: u32,
}

impl Month {
    /// The month a day is in.
    pub fn of(day: NaiveDate) -> Month {
        Month {
            year: day.year(),
            month: day.month(),
        }
    }

    /// Its first day.
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).unwrap_or_default()
    }

    /// The month after.
    pub fn next(self) -> Month {
        if self.month == 12 {
            Month {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Month {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    /// The month before.
    pub fn previous(self) -> Month {
        if self.month == 1 {
            Month {
                year: self.year - 1,
                month: 12,
            }
        } else {
            Month {
                year: self.year,
                month: self.month - 1,
            }
        }
    }

    /// How many days it has.
    pub fn days(self) -> u32 {
        (self.next().first_day() - self.first_day()).num_days() as u32
    }

    /// "November 2026".
    pub fn name(self) -> String {
        format!("{} {}", MONTHS[(self.month - 1) as usize % 12], self.year)
    }

    /// `2026-11`, as in the storage key.
    pub fn code(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }

    /// Reads `2026-11`.
    pub fn parse(text: &str) -> Option<Month> {
        let (y, m) = text.split_once('-')?;
        let month = Month {
            year: y.parse().ok()?,
            month: m.parse().ok()?,
        };
        (y.len() == 4 && m.len() == 2 && (1..=12).contains(&month.month)).then_some(month)
    }
}

/// One month of the diary: what is stored under one key.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DiaryMonth {
    /// Day entries, oldest first, at most one per day.
    pub days: Vec<DayEntry>,
}

impl DiaryMonth {
    /// The entry for `day`, if there is one.
    pub fn day(&self, day: NaiveDate) -> Option<&DayEntry> {
        self.days.iter().find(|d| d.date == day)
    }

    /// Puts `entry` in, replacing that day's entry; an entry with nothing
    /// in it removes the day.
    pub fn put(&mut self, entry: DayEntry) {
        self.days.retain(|d| d.date != entry.date);
        if !entry.readings.is_empty() || entry.note.is_some() {
            let at = self.days.partition_point(|d| d.date < entry.date);
            self.days.insert(at, entry);
        }
    }

    /// Adds the days and readings of `other` (a backup) that are not here.
    /// A day only in the backup is added whole; a day on both sides is
    /// merged by [`DayEntry::add_missing`]. Merging the same backup again
    /// changes nothing.
    pub fn add_missing(&mut self, other: &DiaryMonth) {
        for theirs in &other.days {
            match self.days.iter_mut().find(|d| d.date == theirs.date) {
                Some(mine) => mine.add_missing(theirs),
                None => {
                    let at = self.days.partition_point(|d| d.date < theirs.date);
                    self.days.insert(at, theirs.clone());
                }
            }
        }
    }

    /// Renames measure ids in every reading, as `(from, to)` pairs: how the
    /// readings of a backup's own measure follow it to a new id.
    pub fn rename_measures(&mut self, renames: &[(String, String)]) {
        for r in self.days.iter_mut().flat_map(|d| d.readings.iter_mut()) {
            if let Some((_, to)) = renames.iter().find(|(from, _)| *from == r.m) {
                r.m = to.clone();
            }
        }
    }

    /// Checks what was read from storage: days in order, once each, all in
    /// one month, and no more readings than a day can hold.
    pub fn check(&self) -> Result<(), String> {
        let month = self.days.first().map(|d| Month::of(d.date));
        for pair in self.days.windows(2) {
            if pair[0].date >= pair[1].date {
                return Err("the days are out of order".into());
            }
        }
        if self.days.iter().any(|d| Some(Month::of(d.date)) != month) {
            return Err("a day is in the wrong month".into());
        }
        if self
            .days
            .iter()
            .any(|d| d.readings.len() > DAY_READINGS_MAX)
        {
            return Err("a day has too many readings".into());
        }
        Ok(())
    }
}

/// Count, total, lowest and highest of one measure's readings: enough to
/// combine months without reading them again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// The measure's id.
    pub m: String,
    /// How many readings.
    pub n: u32,
    /// Their total.
    pub sum: i64,
    /// The lowest.
    pub lo: i32,
    /// The highest.
    pub hi: i32,
}

impl Summary {
    /// Adds one reading.
    fn add(&mut self, v: i32) {
        self.n += 1;
        self.sum += i64::from(v);
        self.lo = self.lo.min(v);
        self.hi = self.hi.max(v);
    }

    /// The average, scaled by one more decimal place than the values
    /// (so an average of 4 and 5 on a 0-10 scale is 45, "4.5"), rounded.
    pub fn average_x10(&self) -> i32 {
        if self.n == 0 {
            return 0;
        }
        let n = i64::from(self.n);
        let twice = self.sum * 20 / n;
        // Round half away from zero.
        i32::try_from((twice + twice.signum()) / 2).unwrap_or(0)
    }
}

/// Adds readings into per-measure summaries.
pub fn summarise<'a>(readings: impl Iterator<Item = &'a Reading>, into: &mut Vec<Summary>) {
    for r in readings {
        match into.iter_mut().find(|s| s.m == r.m) {
            Some(s) => s.add(r.v),
            None => into.push(Summary {
                m: r.m.clone(),
                n: 1,
                sum: i64::from(r.v),
                lo: r.v,
                hi: r.v,
            }),
        }
    }
}

/// Combines summaries (of several months) into one per measure.
pub fn combine<'a>(parts: impl Iterator<Item = &'a Summary>) -> Vec<Summary> {
    let mut out: Vec<Summary> = Vec::new();
    for p in parts {
        match out.iter_mut().find(|s| s.m == p.m) {
            Some(s) => {
                s.n += p.n;
                s.sum += p.sum;
                s.lo = s.lo.min(p.lo);
                s.hi = s.hi.max(p.hi);
            }
            None => out.push(p.clone()),
        }
    }
    out
}

/// What the index keeps about one stored month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthSummary {
    /// `2026-11`.
    pub month: String,
    /// Which days have an entry: bit 0 is the 1st.
    pub days: u32,
    /// Per-measure summaries of the month.
    pub measures: Vec<Summary>,
}

impl MonthSummary {
    /// Summarises a month from its entries.
    pub fn of(month: Month, diary: &DiaryMonth) -> MonthSummary {
        let mut measures = Vec::new();
        summarise(
            diary.days.iter().flat_map(|d| d.readings.iter()),
            &mut measures,
        );
        MonthSummary {
            month: month.code(),
            days: diary
                .days
                .iter()
                .fold(0, |bits, d| bits | 1 << (d.date.day0() % 32)),
            measures,
        }
    }
}

/// A summary of every stored month, so "all time" trends and the list of
/// months never read the months themselves.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DiaryIndex {
    /// One per month with entries, oldest first.
    pub months: Vec<MonthSummary>,
}

impl DiaryIndex {
    /// Replaces one month's summary (dropping it if the month is empty).
    pub fn update(&mut self, month: Month, diary: &DiaryMonth) {
        let code = month.code();
        self.months.retain(|m| m.month != code);
        if !diary.days.is_empty() {
            let at = self.months.partition_point(|m| m.month < code);
            self.months.insert(at, MonthSummary::of(month, diary));
        }
    }

    /// The summaries of `months`, made afresh: how the index is rebuilt
    /// after a restore has added entries to several months.
    pub fn of_months<'a>(months: impl IntoIterator<Item = (Month, &'a DiaryMonth)>) -> DiaryIndex {
        let mut index = DiaryIndex::default();
        for (month, diary) in months {
            index.update(month, diary);
        }
        index
    }

    /// True if no month has entries.
    pub fn is_empty(&self) -> bool {
        self.months.is_empty()
    }
}

/// A point on a trend chart: a day or a month, with its average.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Point {
    /// The first day it covers.
    pub from: NaiveDate,
    /// The average, scaled by one more decimal place than the measure.
    pub average_x10: i32,
    /// How many readings it covers.
    pub count: u32,
}

/// A trend of one measure over a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trend {
    /// Points, oldest first: days, or months for "all time".
    pub points: Vec<Point>,
    /// The whole period's figures (`None` with no readings).
    pub summary: Option<Summary>,
}

/// The daily trend of `measure` over the `days` days ending `today`, from
/// the months that cover them.
pub fn daily_trend(
    measure: &str,
    days: u32,
    today: NaiveDate,
    months: &[(Month, &DiaryMonth)],
) -> Trend {
    let from = today - Duration::days(i64::from(days.max(1)) - 1);
    let mut points = Vec::new();
    let mut all = Vec::new();
    for (_, diary) in months {
        for d in diary
            .days
            .iter()
            .filter(|d| d.date >= from && d.date <= today)
        {
            let mut one = Vec::new();
            summarise(d.of(measure), &mut one);
            if let Some(s) = one.pop() {
                points.push(Point {
                    from: d.date,
                    average_x10: s.average_x10(),
                    count: s.n,
                });
                all.push(s);
            }
        }
    }
    points.sort_by_key(|p| p.from);
    Trend {
        points,
        summary: combine(all.iter()).pop(),
    }
}

/// The monthly trend of `measure` over every stored month, from the index
/// alone.
pub fn monthly_trend(measure: &str, index: &DiaryIndex) -> Trend {
    let mut points = Vec::new();
    let mut all = Vec::new();
    for m in &index.months {
        if let (Some(s), Some(month)) = (
            m.measures.iter().find(|s| s.m == measure),
            Month::parse(&m.month),
        ) {
            points.push(Point {
                from: month.first_day(),
                average_x10: s.average_x10(),
                count: s.n,
            });
            all.push(s);
        }
    }
    Trend {
        points,
        summary: combine(all.into_iter()).pop(),
    }
}

/// The months a daily trend of `days` days ending `today` needs.
pub fn months_for(days: u32, today: NaiveDate) -> Vec<Month> {
    let mut m = Month::of(today - Duration::days(i64::from(days.max(1)) - 1));
    let last = Month::of(today);
    let mut out = vec![m];
    while m < last {
        m = m.next();
        out.push(m);
    }
    out
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

/// Made-up but realistic entries from `from` to `to`, for trying the app
/// and for the benchmark: mood, sleep and every measure given, with
/// several readings a day for measures taken more than once. The same
/// `seed` always gives the same entries.
pub fn example_entries(
    from: NaiveDate,
    to: NaiveDate,
    measures: &[Measure],
    seed: u64,
) -> Vec<DayEntry> {
    // A small linear congruential generator: plenty for example data.
    let mut state = seed | 1;
    let mut next = move |n: i32| -> i32 {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((state >> 33) % (n.max(1) as u64)) as i32
    };
    let mut out = Vec::new();
    let mut day = from;
    while day <= to {
        let mut readings = Vec::new();
        for m in measures {
            let (min, max) = m.range();
            let span = max - min;
            // Most values sit in the middle of the range, drifting a little.
            let centre = min + span * 2 / 5;
            let times: &[u16] = if m.several {
                &[480, 720, 1080, 1320]
            } else {
                &[0]
            };
            for &t in times {
                let v = match m.kind {
                    Kind::Mood => 2 + next(3),
                    Kind::YesNo => next(2),
                    _ => (centre + next(span / 4 + 1) - span / 8).clamp(min, max),
                };
                readings.push(Reading {
                    m: m.id.clone(),
                    t: m.several.then_some(t),
                    v,
                });
            }
        }
        out.push(DayEntry {
            date: day,
            readings,
            note: None,
        });
        day += Duration::days(1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn conditions_suggest_measures_and_everyone_gets_mood_and_sleep() {
        let s = DiarySettings::default();
        let ids = |ms: Vec<Measure>| ms.into_iter().map(|m| m.id).collect::<Vec<_>>();
        assert_eq!(ids(s.measures(&[])), vec!["mood", "sleep"]);
        assert_eq!(
            ids(s.measures(&[ListedCondition::Copd, ListedCondition::HeartFailure])),
            vec![
                "mood",
                "breathlessness",
                "peak_flow",
                "weight",
                "swelling",
                "sleep"
            ]
        );
        for c in ListedCondition::ALL {
            for id in suggested_for(c) {
                assert!(builtin(id).is_some(), "{id}");
            }
        }
        let mut s = DiarySettings::default();
        s.set_hidden("sleep", true);
        assert_eq!(
            ids(s.measures(&[ListedCondition::Type2Diabetes])),
            vec!["mood", "glucose"]
        );
        assert_eq!(s.all_measures(&[]).len(), 2, "hidden ones are still known");
    }

    #[test]
    fn numbers_are_read_exactly_and_checked_against_their_range() {
        let glucose = builtin("glucose").unwrap();
        assert_eq!(glucose.parse("5.6"), Ok(56));
        assert_eq!(glucose.parse(" 12 "), Ok(120));
        assert_eq!(glucose.parse("1"), Ok(10));
        assert_eq!(glucose.parse("35.0"), Ok(350));
        assert_eq!(
            glucose.parse("0.9"),
            Err("Blood glucose must be between 1.0 and 35.0 mmol/L".into())
        );
        assert_eq!(
            glucose.parse("36"),
            Err("Blood glucose must be between 1.0 and 35.0 mmol/L".into())
        );
        for bad in [
            "five",
            "5.66",
            "5,6",
            "",
            ".",
            "5.",
            "1e3",
            "--5",
            "99999999999",
        ] {
            assert_eq!(
                glucose.parse(bad),
                Err("Enter Blood glucose as a number, like 5.6, with up to 1 decimal place".into()),
                "{bad}"
            );
        }
        let peak = builtin("peak_flow").unwrap();
        assert_eq!(peak.parse("450"), Ok(450));
        assert_eq!(
            peak.parse("450.5"),
            Err("Enter Peak flow as a whole number, like 450".into())
        );
        let mood = builtin("mood").unwrap();
        assert_eq!(mood.parse("5"), Ok(5));
        assert_eq!(mood.parse("6"), Err("Choose an answer for Mood".into()));
        assert_eq!(mood.show(4), "Good");
        assert_eq!(glucose.show(56), "5.6 mmol/L");
        assert_eq!(format_scaled(-5, 2), "-0.05");
        assert_eq!(format_scaled(60, 1), "6.0");
        assert_eq!(parse_scaled("-0.5", 1), Some(-5));
        assert_eq!(parse_scaled(".5", 1), Some(5));
    }

    #[test]
    fn own_measures_are_checked_and_never_reuse_an_id() {
        let mut s = DiarySettings::default();
        let bad = MeasureDraft {
            kind: OwnKind::Number,
            min: "10".into(),
            max: "5".into(),
            ..MeasureDraft::default()
        };
        let errors = s.add_own(&bad).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            vec![MeasureField::Name, MeasureField::Unit, MeasureField::Max]
        );
        assert!(s.own.is_empty());
        let steps = MeasureDraft {
            name: "Steps walked".into(),
            kind: OwnKind::Number,
            unit: "steps".into(),
            min: "0".into(),
            max: "50000".into(),
            ..MeasureDraft::default()
        };
        assert_eq!(s.add_own(&steps).unwrap(), "own-1");
        let walk = MeasureDraft {
            name: "Went outside".into(),
            kind: OwnKind::YesNo,
            ..MeasureDraft::default()
        };
        assert_eq!(s.add_own(&walk).unwrap(), "own-2");
        assert_eq!(s.own[0].parse("12000"), Ok(120000));
        assert_eq!(s.own[1].show(1), "Yes");
        let scale = MeasureDraft {
            name: "Dizziness".into(),
            kind: OwnKind::Scale,
            low: "None".into(),
            ..MeasureDraft::default()
        };
        assert_eq!(
            s.add_own(&scale).unwrap_err()[0].message,
            "Enter what 10 means, such as \"worst possible\""
        );
    }

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

    #[test]
    fn days_are_kept_in_order_once_each() {
        let mut month = DiaryMonth::default();
        let entry = |d: u32, v: i32| DayEntry {
            date: day(2026, 11, d),
            readings: vec![Reading {
                m: "mood".into(),
                t: None,
                v,
            }],
            note: None,
        };
        month.put(entry(5, 1));
        month.put(entry(2, 1));
        month.put(entry(5, 3));
        assert_eq!(
            month
                .days
                .iter()
                .map(|d| (d.date.day(), d.readings[0].v))
                .collect::<Vec<_>>(),
            vec![(2, 1), (5, 3)]
        );
        month.put(DayEntry {
            date: day(2026, 11, 2),
            readings: vec![],
            note: None,
        });
        assert_eq!(month.days.len(), 1, "an emptied day is removed");
        assert_eq!(month.check(), Ok(()));
        let mut bad = month.clone();
        bad.days.push(entry(1, 1));
        assert!(bad.check().is_err());
    }

    #[test]
    fn a_day_on_both_sides_gets_every_reading_once_and_keeps_the_phones_values() {
        let r = |m: &str, t: Option<u16>, v: i32| Reading { m: m.into(), t, v };
        let mut mine = DayEntry {
            date: day(2026, 11, 2),
            readings: vec![
                r("mood", None, 4),
                r("glucose", Some(480), 56),
                r("glucose", Some(1080), 80),
            ],
            note: None,
        };
        let theirs = DayEntry {
            date: day(2026, 11, 2),
            readings: vec![
                r("mood", None, 2),
                r("glucose", Some(480), 56),
                r("glucose", Some(750), 71),
                r("glucose", Some(1320), 60),
                r("pain", None, 6),
            ],
            note: Some("From the backup".into()),
        };
        mine.add_missing(&theirs);
        assert_eq!(
            mine.readings,
            vec![
                r("mood", None, 4),
                r("glucose", Some(480), 56),
                r("glucose", Some(750), 71),
                r("glucose", Some(1080), 80),
                r("glucose", Some(1320), 60),
                r("pain", None, 6),
            ]
        );
        assert_eq!(mine.note.as_deref(), Some("From the backup"));
        let again = mine.clone();
        mine.add_missing(&theirs);
        assert_eq!(mine, again, "merging twice changes nothing");
        mine.note = Some("Mine".into());
        mine.add_missing(&theirs);
        assert_eq!(mine.note.as_deref(), Some("Mine"), "the phone's note wins");
        // A day that would overflow is left as it is.
        let full = DayEntry {
            date: day(2026, 11, 2),
            readings: (0..DAY_READINGS_MAX as u16)
                .map(|t| r("glucose", Some(t), 50))
                .collect(),
            note: None,
        };
        let mut kept = full.clone();
        kept.add_missing(&theirs);
        assert_eq!(kept.readings, full.readings);
    }

    #[test]
    fn months_merge_day_by_day_in_date_order() {
        let entry = |d: u32, v: i32| DayEntry {
            date: day(2026, 11, d),
            readings: vec![Reading {
                m: "mood".into(),
                t: None,
                v,
            }],
            note: None,
        };
        let mut mine = DiaryMonth {
            days: vec![entry(2, 4), entry(9, 4)],
        };
        let theirs = DiaryMonth {
            days: vec![entry(1, 2), entry(2, 1), entry(5, 3), entry(30, 3)],
        };
        mine.add_missing(&theirs);
        let got: Vec<(u32, i32)> = mine
            .days
            .iter()
            .map(|d| (d.date.day(), d.readings[0].v))
            .collect();
        assert_eq!(got, vec![(1, 2), (2, 4), (5, 3), (9, 4), (30, 3)]);
        assert_eq!(mine.check(), Ok(()));
        let index = DiaryIndex::of_months([(Month::of(day(2026, 11, 1)), &mine)]);
        assert_eq!(index.months.len(), 1);
        assert_eq!(index.months[0].days.count_ones(), 5);
    }

    #[test]
    fn own_measures_from_a_backup_keep_their_readings_under_a_free_id() {
        let steps = MeasureDraft {
            name: "Steps".into(),
            kind: OwnKind::Number,
            unit: "steps".into(),
            min: "0".into(),
            max: "50000".into(),
            ..MeasureDraft::default()
        };
        let dizzy = MeasureDraft {
            name: "Dizziness".into(),
            kind: OwnKind::Scale,
            low: "None".into(),
            high: "Worst".into(),
            ..MeasureDraft::default()
        };
        let walked = MeasureDraft {
            name: "Went outside".into(),
            kind: OwnKind::YesNo,
            ..MeasureDraft::default()
        };
        let mut mine = DiarySettings::default();
        mine.add_own(&steps).unwrap(); // own-1
        mine.add_own(&dizzy).unwrap(); // own-2
        mine.set_hidden("sleep", true);
        let mut theirs = DiarySettings::default();
        theirs.add_own(&steps).unwrap(); // own-1, the same measure
        theirs.add_own(&walked).unwrap(); // own-2, clashes with Dizziness
        theirs.add_own(&dizzy).unwrap(); // own-3, free here
        theirs.set_hidden("own-2", true);
        theirs.set_hidden("mood", true);
        let renames = mine.add_missing(&theirs);
        assert_eq!(renames, vec![("own-2".to_string(), "own-4".to_string())]);
        let ids: Vec<(&str, &str)> = mine
            .own
            .iter()
            .map(|m| (m.id.as_str(), m.name.as_str()))
            .collect();
        assert_eq!(
            ids,
            vec![
                ("own-1", "Steps"),
                ("own-2", "Dizziness"),
                ("own-4", "Went outside"),
                ("own-3", "Dizziness")
            ]
        );
        assert_eq!(mine.next_own, 5);
        assert!(mine.is_hidden("own-4"), "hidden in the backup, new here");
        assert!(mine.is_hidden("sleep") && !mine.is_hidden("mood"));
        // Merging again finds the copy and renames the same way.
        let before = mine.clone();
        assert_eq!(mine.add_missing(&theirs), renames);
        assert_eq!(mine, before);
        let mut month = DiaryMonth {
            days: vec![DayEntry {
                date: day(2026, 11, 2),
                readings: vec![Reading {
                    m: "own-2".into(),
                    t: None,
                    v: 1,
                }],
                note: None,
            }],
        };
        month.rename_measures(&renames);
        assert_eq!(month.days[0].readings[0].m, "own-4");
    }

    #[test]
    fn months_and_times_read_the_uk_way() {
        let m = Month::of(day(2026, 12, 31));
        assert_eq!(
            (m.name(), m.code(), m.days()),
            ("December 2026".into(), "2026-12".into(), 31)
        );
        assert_eq!(m.next().code(), "2027-01");
        assert_eq!(Month::of(day(2028, 2, 1)).days(), 29);
        assert_eq!(
            Month::parse("2026-11"),
            Some(Month {
                year: 2026,
                month: 11
            })
        );
        assert_eq!(Month::parse("2026-13"), None);
        assert_eq!(format_time(630), "10:30am");
        assert_eq!(format_time(0), "12:00am");
        assert_eq!(format_time(12 * 60 + 5), "12:05pm");
        assert_eq!(parse_time("08:30"), Some(510));
        assert_eq!(parse_time("24:00"), None);
        assert_eq!(parse_time("08:30:00"), Some(510));
        for bad in ["2:30pm", "10:305", "8:30", "+8:30", "10:3", "", "10"] {
            assert_eq!(parse_time(bad), None, "{bad}");
        }
        assert_eq!(
            months_for(90, day(2026, 11, 21))
                .iter()
                .map(|m| m.code())
                .collect::<Vec<_>>(),
            vec!["2026-08", "2026-09", "2026-10", "2026-11"]
        );
    }

    #[test]
    fn averages_round_to_one_more_decimal_place() {
        let mut s = Vec::new();
        let r = |v| Reading {
            m: "pain".into(),
            t: None,
            v,
        };
        summarise([r(4), r(5), r(5)].iter(), &mut s);
        assert_eq!(s[0].average_x10(), 47);
        let neg = Summary {
            m: "x".into(),
            n: 2,
            sum: -3,
            lo: -2,
            hi: -1,
        };
        assert_eq!(neg.average_x10(), -15);
    }

    /// Property test: for many random diaries, the index's monthly
    /// summaries combine to exactly what a brute-force pass over every
    /// reading gives, and daily trends agree with the raw days.
    #[test]
    fn aggregates_equal_a_brute_force_recomputation() {
        let ms = DiarySettings::default()
            .measures(&[ListedCondition::Type2Diabetes, ListedCondition::ChronicPain]);
        for seed in 1..40u64 {
            let from = day(2024, 1, 1) + Duration::days((seed * 37 % 300) as i64);
            let to = from + Duration::days((seed * 53 % 500) as i64);
            let mut entries = example_entries(from, to, &ms, seed);
            // Drop some days and readings so months are ragged.
            entries.retain(|e| !(e.date.ordinal() as u64 + seed).is_multiple_of(5));
            for e in &mut entries {
                if e.date.day() % 3 == seed as u32 % 3 {
                    e.readings.truncate(2);
                }
            }
            let mut index = DiaryIndex::default();
            let mut months: Vec<(Month, DiaryMonth)> = Vec::new();
            for e in &entries {
                let m = Month::of(e.date);
                if months.last().map(|(x, _)| *x) != Some(m) {
                    months.push((m, DiaryMonth::default()));
                }
                months.last_mut().unwrap().1.put(e.clone());
            }
            for (m, d) in &months {
                index.update(*m, d);
            }
            for measure in &ms {
                let brute: Vec<i32> = entries
                    .iter()
                    .flat_map(|e| e.of(&measure.id))
                    .map(|r| r.v)
                    .collect();
                let trend = monthly_trend(&measure.id, &index);
                let s = trend.summary.unwrap();
                assert_eq!(s.n as usize, brute.len());
                assert_eq!(s.sum, brute.iter().map(|v| i64::from(*v)).sum::<i64>());
                assert_eq!(s.lo, *brute.iter().min().unwrap());
                assert_eq!(s.hi, *brute.iter().max().unwrap());
                let days = 90;
                let refs: Vec<(Month, &DiaryMonth)> = months.iter().map(|(m, d)| (*m, d)).collect();
                let daily = daily_trend(&measure.id, days, to, &refs);
                let cut = to - Duration::days(days as i64 - 1);
                let window: Vec<i32> = entries
                    .iter()
                    .filter(|e| e.date >= cut)
                    .flat_map(|e| e.of(&measure.id))
                    .map(|r| r.v)
                    .collect();
                assert_eq!(
                    daily.summary.map(|s| s.n as usize),
                    (!window.is_empty()).then_some(window.len())
                );
            }
            let days_bits: u32 = index.months.iter().map(|m| m.days.count_ones()).sum();
            assert_eq!(days_bits as usize, entries.len());
        }
    }
}

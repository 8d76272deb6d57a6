//! One rule for showing each kind of value, on every screen: the diary,
//! the share preview, the link worker's review and print.
//!
//! - Numbers have a precision per unit: whole numbers for counts (puffs,
//!   steps), L/min and mmHg; one decimal for mmol/L, kg and hours. A
//!   single reading and an average follow the same rule, so a measure never
//!   reads "6.00 puffs" in one place and "6 puffs" in another. A unit the
//!   app does not know keeps the measure's own decimal places.
//! - Named scales are told by their words, never as a number: mood is
//!   "Good" (an average "about Good"), yes or no is "Yes" or "No".
//! - 0 to 10 scales are "7 out of 10", an average "4.5 out of 10".
//! - A measure not recorded lately says when it last was, so an old value
//!   is never read as current.

use chrono::NaiveDate;

use super::measure::{format_scaled, Kind, Measure, MOODS};
use super::month::Month;
use crate::model::time::{format_day, month_and_year};

/// How a measure's values are shown: what kind it is, and for numbers the
/// unit and the decimal places of the stored value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown<'a> {
    /// Mood, 1 (very low) to 5 (very good), told in words.
    Mood,
    /// A 0 to 10 scale.
    Scale,
    /// A number with a unit, stored scaled by `decimals` places.
    Number {
        /// The unit, such as "L/min".
        unit: &'a str,
        /// Decimal places of the stored value.
        decimals: u8,
    },
    /// Yes (1) or no (0).
    YesNo,
}

/// The decimal places a unit is shown with, where the app knows the unit:
/// 0 for counts and whole-number units, 1 where a tenth matters. `None`
/// for a unit it does not know.
pub fn unit_places(unit: &str) -> Option<u8> {
    let unit = unit.trim().to_lowercase();
    let whole = [
        "puffs", "puff", "l/min", "steps", "step", "mmhg", "bpm", "times", "minutes", "mins",
        "min", "glasses", "cups", "calories", "kcal", "units", "tablets", "%",
    ];
    let tenths = [
        "mmol/l", "kg", "hours", "hour", "hrs", "hr", "km", "miles", "°c", "lb", "lbs", "st",
    ];
    if whole.contains(&unit.as_str()) {
        Some(0)
    } else if tenths.contains(&unit.as_str()) {
        Some(1)
    } else {
        None
    }
}

/// `num / den`, rounded half away from zero (`den` above zero).
fn ratio(num: i64, den: i64) -> i64 {
    let den = den.max(1);
    let half = den / 2;
    if num >= 0 {
        (num + half) / den
    } else {
        (num - half) / den
    }
}

/// A rounded whole number as an `i32`, saturating.
fn small(v: i64) -> i32 {
    i32::try_from(v).unwrap_or(if v < 0 { i32::MIN } else { i32::MAX })
}

/// The word for a mood value, 1 to 5 (the nearest word for one outside).
pub fn mood_word(v: i32) -> &'static str {
    MOODS[usize::try_from(v - 1).unwrap_or(0).min(MOODS.len() - 1)]
}

impl Measure {
    /// How this measure's values are shown.
    pub fn shown(&self) -> Shown<'_> {
        match &self.kind {
            Kind::Mood => Shown::Mood,
            Kind::Scale { .. } => Shown::Scale,
            Kind::YesNo => Shown::YesNo,
            Kind::Number { unit, decimals, .. } => Shown::Number {
                unit,
                decimals: *decimals,
            },
        }
    }
}

impl Shown<'_> {
    /// Decimal places of a number's averages: the unit's, but never more
    /// than the stored value has (an average gains no decimals).
    pub fn places(&self) -> u8 {
        match *self {
            Shown::Number { unit, decimals } => {
                unit_places(unit).map_or(decimals, |p| p.min(decimals))
            }
            Shown::Scale => 1,
            Shown::Mood | Shown::YesNo => 0,
        }
    }

    /// One reading in words: "Good", "7 out of 10", "5.6 mmol/L", "310
    /// L/min", "Yes". A reading the client typed with more decimals than
    /// its unit is shown with them, so nothing they typed is hidden.
    pub fn reading(&self, v: i32) -> String {
        match *self {
            Shown::Mood => mood_word(v).to_string(),
            Shown::Scale => format!("{v} out of 10"),
            Shown::YesNo if v > 0 => "Yes".into(),
            Shown::YesNo => "No".into(),
            Shown::Number { unit, decimals } => {
                let places = self.places();
                let extra = 10i64.pow(u32::from(decimals - places));
                let v = i64::from(v);
                let text = if v % extra == 0 {
                    format_scaled(small(v / extra), places)
                } else {
                    format_scaled(small(v), decimals)
                };
                format!("{text} {unit}")
            }
        }
    }

    /// The average of `n` stored values totalling `sum` as a number alone,
    /// without the unit, rounded once to the rule's places: "297", "14.9",
    /// "4.5". Named scales have no such number: they get their words.
    pub fn mean_number(&self, sum: i64, n: i64) -> String {
        match *self {
            Shown::Number { decimals, .. } => {
                let places = self.places();
                let den = n.saturating_mul(10i64.pow(u32::from(decimals - places)));
                format_scaled(small(ratio(sum, den)), places)
            }
            Shown::Scale => format_scaled(small(ratio(sum.saturating_mul(10), n)), 1),
            Shown::Mood | Shown::YesNo => self.mean(sum, n),
        }
    }

    /// The average of `n` stored values totalling `sum` in words: "about
    /// Good", "4.5 out of 10", "14.9 mmol/L", "40% yes".
    pub fn mean(&self, sum: i64, n: i64) -> String {
        match *self {
            Shown::Mood => format!("about {}", mood_word(small(ratio(sum, n)))),
            // An average of yes (1) and no (0) is the share of yes.
            Shown::YesNo => format!("{}% yes", ratio(sum.saturating_mul(100), n)),
            Shown::Scale => format!("{} out of 10", self.mean_number(sum, n)),
            Shown::Number { unit, .. } => format!("{} {unit}", self.mean_number(sum, n)),
        }
    }

    /// An average (scaled by one more decimal place than the values) as a
    /// number alone, as [`Shown::mean_number`].
    pub fn average_number(&self, x10: i32) -> String {
        self.mean_number(i64::from(x10), 10)
    }

    /// An average (scaled by one more decimal place than the values) in
    /// words, as [`Shown::mean`]. With `count` of one the average is the
    /// reading itself ("Good", "Yes").
    pub fn average(&self, x10: i32, count: Option<u32>) -> String {
        match *self {
            Shown::Mood | Shown::YesNo if count == Some(1) && x10 % 10 == 0 => {
                self.reading(x10 / 10)
            }
            _ => self.mean(i64::from(x10), 10),
        }
    }
}

/// When a measure was last recorded: the day, or only the month where the
/// day is not at hand (an old month known from the diary's index).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LastRecorded {
    /// The day of the last reading.
    Day(NaiveDate),
    /// The month of the last reading.
    Month(Month),
}

impl LastRecorded {
    /// The latest day it can be: the day, or the month's last day.
    fn latest(self) -> NaiveDate {
        match self {
            LastRecorded::Day(d) => d,
            LastRecorded::Month(m) => {
                m.first_day() + chrono::Duration::days(i64::from(m.days()) - 1)
            }
        }
    }

    /// True when nothing was recorded in the `days` days ending `today`.
    pub fn is_stale(self, today: NaiveDate, days: u32) -> bool {
        (today - self.latest()).num_days() >= i64::from(days)
    }

    /// "last recorded Tue 3 November", or "last recorded in August 2026".
    pub fn words(self, today: NaiveDate) -> String {
        match self {
            LastRecorded::Day(d) => format!("last recorded {}", format_day(d, today)),
            LastRecorded::Month(m) => {
                format!("last recorded in {}", month_and_year(m.first_day()))
            }
        }
    }

    /// As a sentence of its own: "Last recorded Tue 3 November."
    pub fn sentence(self, today: NaiveDate) -> String {
        format!("{}.", capital(&self.words(today)))
    }
}

/// A period's figures for one measure: how many readings, their total,
/// lowest and highest (all scaled as stored), and when the last was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Figures {
    /// How many readings.
    pub n: u32,
    /// Their total.
    pub sum: i64,
    /// The lowest.
    pub lo: i32,
    /// The highest.
    pub hi: i32,
    /// When the last was, if known.
    pub last: Option<LastRecorded>,
}

/// The first letter in capitals.
fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

impl Figures {
    /// The figures in sentences, as every screen shows them:
    /// "Average 6.2 mmol/L. Lowest 4.1 mmol/L. Highest 9.0 mmol/L. From 40
    /// readings." A single reading says its day; when `stale` (nothing
    /// recorded lately, as the caller judges) the day of the last reading
    /// comes first and the figures are said to be from up to then.
    pub fn words(&self, shown: Shown, stale: bool, today: NaiveDate) -> String {
        if self.n == 0 {
            return match self.last {
                Some(l) => format!("No readings in this period. {}", l.sentence(today)),
                None => "No readings in this period.".into(),
            };
        }
        if self.n == 1 {
            let value = shown.reading(self.lo);
            return match self.last {
                Some(LastRecorded::Day(d)) => {
                    let since = if stale {
                        " Nothing recorded since."
                    } else {
                        ""
                    };
                    format!("One reading, on {}: {value}.{since}", format_day(d, today))
                }
                Some(l) => format!("One reading, {}: {value}.", l.words(today)),
                None => format!("One reading: {value}."),
            };
        }
        let n = i64::from(self.n);
        let mut parts = match shown {
            Shown::YesNo => {
                let yes = self.sum.clamp(0, n);
                let no = n - yes;
                let times = |k: i64| {
                    if k == 1 {
                        "once".to_string()
                    } else {
                        format!("{k} times")
                    }
                };
                vec![format!("Yes {}", times(yes)), format!("No {}", times(no))]
            }
            _ => vec![
                match shown {
                    Shown::Mood => format!("on average {}", shown.mean(self.sum, n)),
                    _ => format!("average {}", shown.mean(self.sum, n)),
                },
                format!("lowest {}", shown.reading(self.lo)),
                format!("highest {}", shown.reading(self.hi)),
            ],
        };
        parts.push(format!("from {} readings", self.n));
        match self.last {
            Some(l) if stale => format!("{} Up to then: {}.", l.sentence(today), parts.join(", ")),
            _ => {
                let sentences: Vec<String> = parts.iter().map(|p| capital(p)).collect();
                format!("{}.", sentences.join(". "))
            }
        }
    }
}

/// The later of two "last recorded"s, where a day beats its own month.
pub fn later(a: Option<LastRecorded>, b: Option<LastRecorded>) -> Option<LastRecorded> {
    match (a, b) {
        (Some(x), Some(y)) => {
            let month = |l: LastRecorded| match l {
                LastRecorded::Day(d) => Month::of(d),
                LastRecorded::Month(m) => m,
            };
            Some(match month(x).cmp(&month(y)) {
                std::cmp::Ordering::Greater => x,
                std::cmp::Ordering::Less => y,
                std::cmp::Ordering::Equal => match (x, y) {
                    (LastRecorded::Day(p), LastRecorded::Day(q)) => LastRecorded::Day(p.max(q)),
                    (LastRecorded::Day(_), _) => x,
                    _ => y,
                },
            })
        }
        (x, None) => x,
        (None, y) => y,
    }
}

#[cfg(test)]
mod tests {
    use super::super::measure::builtin;
    use super::super::test_support::day;
    use super::*;

    fn m(id: &str) -> Measure {
        builtin(id).unwrap()
    }

    #[test]
    fn numbers_have_one_precision_per_unit_for_readings_and_averages() {
        let reliever = m("reliever");
        let peak = m("peak_flow");
        let glucose = m("glucose");
        let sleep = m("sleep");
        let weight = m("weight");
        // Readings.
        assert_eq!(reliever.shown().reading(6), "6 puffs");
        assert_eq!(peak.shown().reading(255), "255 L/min");
        assert_eq!(glucose.shown().reading(56), "5.6 mmol/L");
        assert_eq!(glucose.shown().reading(60), "6.0 mmol/L");
        assert_eq!(sleep.shown().reading(78), "7.8 hours");
        assert_eq!(weight.shown().reading(812), "81.2 kg");
        // Averages never gain a decimal place.
        assert_eq!(reliever.shown().average(60, None), "6 puffs");
        assert_eq!(reliever.shown().average(65, None), "7 puffs");
        assert_eq!(peak.shown().average(3170, None), "317 L/min");
        assert_eq!(peak.shown().average_number(2974), "297");
        assert_eq!(glucose.shown().average(1489, None), "14.9 mmol/L");
        assert_eq!(glucose.shown().average_number(1489), "14.9");
        assert_eq!(sleep.shown().average(981, None), "9.8 hours");
        assert_eq!(sleep.shown().average(-15, None), "-0.2 hours");
    }

    #[test]
    fn the_clients_own_numbers_keep_their_decimals_but_known_units_round() {
        // Own numbers are stored with one decimal place.
        let own = |unit: &'static str| Shown::Number { unit, decimals: 1 };
        // Steps and puffs are counts: whole, unless the client typed a tenth.
        assert_eq!(own("steps").reading(42000), "4200 steps");
        assert_eq!(own("Puffs").reading(60), "6 Puffs");
        assert_eq!(own("steps").reading(42005), "4200.5 steps");
        assert_eq!(own("steps").average(420049, None), "4200 steps");
        assert_eq!(own("puffs").average(600, None), "6 puffs");
        // kg wants one decimal: as stored.
        assert_eq!(own("kg").reading(812), "81.2 kg");
        assert_eq!(own("kg").average(8125, None), "81.3 kg");
        // A unit the app does not know: the measure's own one decimal.
        assert_eq!(own("laps").reading(40), "4.0 laps");
        assert_eq!(own("laps").average(981, None), "9.8 laps");
        // Two stored decimals with a one-decimal unit: averages at one.
        let two = Shown::Number {
            unit: "kg",
            decimals: 2,
        };
        assert_eq!(two.reading(8125), "81.25 kg");
        assert_eq!(two.reading(8120), "81.2 kg");
        assert_eq!(two.average(81254, None), "81.3 kg");
        assert_eq!(unit_places(" L/MIN "), Some(0));
        assert_eq!(unit_places("mmol/L"), Some(1));
        assert_eq!(unit_places("laps"), None);
    }

    #[test]
    fn named_scales_are_words_never_out_of_5() {
        let mood = Shown::Mood;
        assert_eq!(mood.reading(4), "Good");
        assert_eq!(mood.average(36, None), "about Good");
        assert_eq!(mood.average(34, None), "about OK");
        assert_eq!(mood.average(40, Some(1)), "Good");
        assert_eq!(mood.average(40, Some(3)), "about Good");
        assert_eq!(mood.average_number(36), "about Good");
        let yes = Shown::YesNo;
        assert_eq!(yes.reading(1), "Yes");
        assert_eq!(yes.average(10, Some(1)), "Yes");
        assert_eq!(yes.average(0, Some(1)), "No");
        assert_eq!(yes.average(4, Some(5)), "40% yes");
        let scale = Shown::Scale;
        assert_eq!(scale.reading(7), "7 out of 10");
        assert_eq!(scale.average(45, None), "4.5 out of 10");
        assert_eq!(scale.average_number(40), "4.0");
        for v in 10..=50 {
            assert!(!mood.average(v, None).contains("out of"), "{v}");
        }
    }

    #[test]
    fn figures_read_the_same_everywhere() {
        let today = day(2026, 12, 10);
        let f = Figures {
            n: 3,
            sum: 18,
            lo: 5,
            hi: 7,
            last: Some(LastRecorded::Day(day(2026, 12, 9))),
        };
        let puffs = m("reliever");
        assert_eq!(
            f.words(puffs.shown(), false, today),
            "Average 6 puffs. Lowest 5 puffs. Highest 7 puffs. From 3 readings."
        );
        let mood = Figures {
            n: 4,
            sum: 15,
            lo: 3,
            hi: 5,
            last: None,
        };
        assert_eq!(
            mood.words(m("mood").shown(), false, today),
            "On average about Good. Lowest OK. Highest Very good. From 4 readings."
        );
        // Rounded once, from the total: 6.245 is 6.2, not 6.25 then 6.3.
        let glucose = Figures {
            n: 20,
            sum: 1249,
            lo: 50,
            hi: 80,
            last: None,
        };
        assert_eq!(
            glucose.words(m("glucose").shown(), false, today),
            "Average 6.2 mmol/L. Lowest 5.0 mmol/L. Highest 8.0 mmol/L. From 20 readings."
        );
        let yes = Figures {
            n: 5,
            sum: 4,
            lo: 0,
            hi: 1,
            last: None,
        };
        assert_eq!(
            yes.words(Shown::YesNo, false, today),
            "Yes 4 times. No once. From 5 readings."
        );
    }

    #[test]
    fn a_stale_measure_says_when_it_was_last_recorded_and_is_not_current() {
        let today = day(2026, 12, 10);
        let puffs = m("reliever");
        let last = LastRecorded::Day(day(2026, 11, 3));
        assert!(last.is_stale(today, 14));
        assert!(!LastRecorded::Day(day(2026, 11, 27)).is_stale(today, 14));
        assert!(LastRecorded::Day(day(2026, 11, 26)).is_stale(today, 14));
        let one = Figures {
            n: 1,
            sum: 6,
            lo: 6,
            hi: 6,
            last: Some(last),
        };
        assert_eq!(
            one.words(puffs.shown(), true, today),
            "One reading, on Tue 3 November: 6 puffs. Nothing recorded since."
        );
        assert_eq!(
            one.words(puffs.shown(), false, today),
            "One reading, on Tue 3 November: 6 puffs."
        );
        let three = Figures {
            n: 3,
            sum: 18,
            lo: 5,
            hi: 7,
            last: Some(last),
        };
        assert_eq!(
            three.words(puffs.shown(), true, today),
            "Last recorded Tue 3 November. Up to then: average 6 puffs, lowest 5 puffs, highest 7 puffs, from 3 readings."
        );
        let none = Figures {
            n: 0,
            sum: 0,
            lo: 0,
            hi: 0,
            last: Some(LastRecorded::Month(Month {
                year: 2026,
                month: 8,
            })),
        };
        assert_eq!(
            none.words(puffs.shown(), true, today),
            "No readings in this period. Last recorded in August 2026."
        );
        // A month counts as late as its last day.
        assert!(LastRecorded::Month(Month {
            year: 2026,
            month: 10
        })
        .is_stale(today, 14));
        assert!(!LastRecorded::Month(Month {
            year: 2026,
            month: 11
        })
        .is_stale(today, 14));
        assert!(!LastRecorded::Month(Month {
            year: 2026,
            month: 12
        })
        .is_stale(today, 14));
        // A day in a month beats the month; a later month beats a day.
        let nov = LastRecorded::Month(Month {
            year: 2026,
            month: 11,
        });
        assert_eq!(later(Some(nov), Some(last)), Some(last));
        let dec = LastRecorded::Month(Month {
            year: 2026,
            month: 12,
        });
        assert_eq!(later(Some(last), Some(dec)), Some(dec));
        assert_eq!(later(None, Some(last)), Some(last));
    }
}

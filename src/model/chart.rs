//! A chart's axes and points, worked out before anything is drawn: which
//! dates go under the time axis, which range the value axis spans and
//! which values it labels, and where each point sits. The chart component
//! only draws what these say.
//!
//! The rules:
//! - The time axis runs from the first point in view to the last (not
//!   from the period's start), with both dates under its ends ("3 Nov",
//!   with the year when it is not this year's) and the first of each month
//!   between marked ("Dec"; a January by its year, "2027"), thinned to at
//!   most four marks. A chart of one day has that one date, in the middle.
//! - The value axis spans the measure's own range where it has one: 0 to
//!   10 for scales, goal ratings and wellbeing answers; the five mood
//!   words; 0 to 100% for yes or no.
//! - A number has no fixed range, so its axis spans the data but never
//!   less than a minimum span for its unit ([`MIN_SPANS`]; a tenth of the
//!   client's lowest to highest likely value for their own measures),
//!   centred on the data, kept inside that likely range (and above 0 for
//!   data that is never below it), then widened to round steps. So peak
//!   flow readings of 360 and 361 are drawn on 300 to 450, where a change
//!   of 1 L/min is as small as it is, and never on 360 to 361; and a
//!   single reading never has both ends labelled the same.

use chrono::{Datelike, NaiveDate};

use crate::model::diary::{format_scaled, Kind, MOODS};
use crate::model::time::{short_day, short_month};

/// The most month marks on a time axis: more would crowd a phone's screen.
const MAX_MONTHS: usize = 4;

/// The most steps between labels on a value axis (so at most five labels).
const MAX_STEPS: i64 = 4;

/// The narrowest a number's value axis may be, in whole units, for the
/// units of the measures the app knows: about ten times the smallest
/// change that matters in them, so that change is a tenth of the chart's
/// height.
pub const MIN_SPANS: [(&str, i32); 6] = [
    ("L/min", 100),
    ("mmol/L", 5),
    ("kg", 5),
    ("mmHg", 40),
    ("hours", 4),
    ("puffs", 10),
];

/// The most points drawn as dots: beyond it only the line is drawn (a
/// point with no neighbour to join is still drawn).
pub const MAX_DOTS: usize = 40;

/// How a chart's values read, for its value axis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scale {
    /// 0 to 10: symptom scales, goal ratings, wellbeing answers.
    ZeroToTen,
    /// Mood, 1 (very low) to 5 (very good), labelled by its five words.
    Mood,
    /// Yes (1) or no (0): an average is the share of yes.
    YesNo,
    /// A number in `unit` stored with `decimals` decimal places, with its
    /// lowest and highest likely values (stored, scaled) where known.
    Number {
        /// The unit, such as "L/min".
        unit: String,
        /// Decimal places of the stored values.
        decimals: u8,
        /// The lowest and highest likely values, if known.
        range: Option<(i32, i32)>,
    },
}

impl Scale {
    /// The scale of a diary measure of kind `kind`.
    pub fn of(kind: &Kind) -> Scale {
        match kind {
            Kind::Mood => Scale::Mood,
            Kind::Scale { .. } => Scale::ZeroToTen,
            Kind::YesNo => Scale::YesNo,
            Kind::Number {
                unit,
                decimals,
                min,
                max,
            } => Scale::Number {
                unit: unit.clone(),
                decimals: *decimals,
                range: Some((*min, *max)),
            },
        }
    }
}

/// The time axis: x is days after `start`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeAxis {
    /// The first day in view (x 0): the first point's.
    pub start: NaiveDate,
    /// Days from the first point to the last: the largest x.
    pub days: u32,
    /// The words under the left end: the first point's date.
    pub first: String,
    /// The words under the right end: the last point's date, or `None`
    /// when every point is on one day.
    pub last: Option<String>,
    /// The first of each month after the start (thinned): days after the
    /// start, and its words ("Dec", or the year for a January), empty when
    /// too near the right end for a label to fit after it.
    pub months: Vec<(u32, String)>,
}

impl TimeAxis {
    fn new(start: NaiveDate, end: NaiveDate, words: impl Fn(NaiveDate) -> String) -> TimeAxis {
        let days = u32::try_from((end - start).num_days()).unwrap_or(0);
        // Each month start after the first day, as months since year 0.
        let index = |d: NaiveDate| i64::from(d.year()) * 12 + i64::from(d.month0());
        let all: Vec<i64> = (index(start) + 1..=index(end)).collect();
        let mut every = 1;
        for k in [1, 2, 3, 6, 12, 24, 60, 120, 240, 600] {
            every = k;
            if all.iter().filter(|m| *m % k == 0).count() <= MAX_MONTHS {
                break;
            }
        }
        let months = all
            .into_iter()
            .filter(|m| m % every == 0)
            .filter_map(|m| {
                let (year, month0) = (m.div_euclid(12), m.rem_euclid(12));
                let first = NaiveDate::from_ymd_opt(
                    i32::try_from(year).ok()?,
                    u32::try_from(month0).ok()? + 1,
                    1,
                )?;
                let at = u32::try_from((first - start).num_days()).ok()?;
                // A label starts at its mark, so past four fifths of the
                // way along it would run off the end.
                let words = if at * 5 > days * 4 {
                    String::new()
                } else if month0 == 0 {
                    year.to_string()
                } else {
                    short_month(month0 as u32).to_string()
                };
                Some((at, words))
            })
            .collect();
        TimeAxis {
            start,
            days,
            first: words(start),
            last: (days > 0).then(|| words(end)),
            months,
        }
    }

    /// A day's x: days after the start.
    pub fn x(&self, day: NaiveDate) -> u32 {
        u32::try_from((day - self.start).num_days().clamp(0, i64::from(self.days))).unwrap_or(0)
    }

    /// Where x is across the chart, in thousandths of its width: the
    /// middle for a chart of one day.
    pub fn across(&self, x: u32) -> i32 {
        if self.days == 0 {
            return 500;
        }
        i32::try_from(i64::from(x.min(self.days)) * 1000 / i64::from(self.days)).unwrap_or(0)
    }
}

/// The widths (in ems of the labels' text) at which a chart's month labels
/// are tried: the style sheet hides them below the one
/// [`TimeAxis::months_fit`] chooses.
pub const MONTH_WIDTHS: [u32; 6] = [6, 9, 13, 18, 26, 40];

/// The room a month label needs after its mark, in tenths of an em: the
/// longest ("2026") and a little space.
const MONTH_LABEL: i64 = 26;

impl TimeAxis {
    /// The narrowest of [`MONTH_WIDTHS`] (in ems) at which every month
    /// label fits before the next one and the right end, or `None` when
    /// there are none or they fit at none of them. Worked out from the
    /// closest pair, since the labels grow with the text size and the
    /// chart's width is only known when drawn.
    pub fn months_fit(&self) -> Option<u32> {
        let at: Vec<i64> = self
            .months
            .iter()
            .filter(|m| !m.1.is_empty())
            .map(|m| i64::from(self.across(m.0)))
            .chain([1000])
            .collect();
        let room = at.windows(2).map(|w| w[1] - w[0]).min()?;
        MONTH_WIDTHS
            .into_iter()
            .find(|w| i64::from(*w) * room * 10 >= MONTH_LABEL * 1000)
    }
}

/// The value axis: what the bottom and top are, and the labelled values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueAxis {
    /// The value at the bottom.
    pub lo: i32,
    /// The value at the top (always above `lo`).
    pub hi: i32,
    /// The values labelled, bottom first, with their words.
    pub ticks: Vec<(i32, String)>,
}

/// A value for an axis: no trailing zeros after the point ("5", not
/// "5.0"; "5.2" stays).
pub fn axis_words(v: i32, decimals: u8) -> String {
    let text = format_scaled(v, decimals);
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

impl ValueAxis {
    /// The axis for values on `scale` scaled by `extra` more decimal places
    /// than stored (1 for averages, 0 for the values themselves), with the
    /// lowest and highest drawn, if any.
    pub fn of(scale: &Scale, data: Option<(i32, i32)>, extra: u8) -> ValueAxis {
        let f = 10i32.pow(u32::from(extra.min(2)));
        let fixed = |lo: i32, hi: i32, ticks: Vec<(i32, String)>| ValueAxis { lo, hi, ticks };
        match scale {
            Scale::ZeroToTen => fixed(
                0,
                10 * f,
                [0, 5, 10].map(|v| (v * f, v.to_string())).to_vec(),
            ),
            Scale::Mood => fixed(
                f,
                5 * f,
                (1..=5)
                    .zip(MOODS)
                    .map(|(v, w)| (v * f, w.to_string()))
                    .collect(),
            ),
            Scale::YesNo => {
                let mut ticks = vec![(0, "0%".to_string())];
                if f % 2 == 0 {
                    ticks.push((f / 2, "50%".into()));
                }
                ticks.push((f, "100%".into()));
                fixed(0, f, ticks)
            }
            Scale::Number {
                unit,
                decimals,
                range,
            } => number_axis(unit, *decimals, *range, data, extra),
        }
    }

    /// Where `v` is up the chart, in thousandths of its height from the
    /// top (0 at the top, 1000 at the bottom; values beyond the axis are
    /// drawn at its ends).
    pub fn down(&self, v: i32) -> i32 {
        let span = (i64::from(self.hi) - i64::from(self.lo)).max(1);
        let v = i64::from(v.clamp(self.lo, self.hi));
        i32::try_from((i64::from(self.hi) - v) * 1000 / span).unwrap_or(0)
    }
}

/// The value axis of a number: see the module's rules.
fn number_axis(
    unit: &str,
    decimals: u8,
    range: Option<(i32, i32)>,
    data: Option<(i32, i32)>,
    extra: u8,
) -> ValueAxis {
    let decimals = decimals.min(2);
    let f = 10i64.pow(u32::from(extra.min(2)));
    let one = 10i64.pow(u32::from(decimals)) * f;
    let range = range
        .filter(|(a, b)| a < b)
        .map(|(a, b)| (i64::from(a) * f, i64::from(b) * f));
    let (a, b) = match (data, range) {
        (Some((a, b)), _) => (i64::from(a.min(b)), i64::from(a.max(b))),
        (None, Some(r)) => r,
        (None, None) => (0, 10 * one),
    };
    let min_span = match MIN_SPANS.iter().find(|(u, _)| *u == unit) {
        Some((_, whole)) => i64::from(*whole) * one,
        None => match range {
            Some((lo, hi)) => (hi - lo) / 10,
            // An older summary of the client's own measure: a tenth of the
            // largest value seen, and at least one whole unit.
            None => a.abs().max(b.abs()) / 10,
        }
        .max(one),
    };
    let mut want = (b - a).max(min_span);
    if let Some((lo, hi)) = range {
        want = want.min(hi - lo).max(b - a);
    }
    let want = want.max(1);
    let mut lo = a - (want - (b - a)) / 2;
    let mut hi = lo + want;
    // Kept inside the likely range, and above 0 for data that is.
    let (floor, ceiling) = match range {
        Some((rlo, rhi)) => (Some(rlo.min(a)), Some(rhi.max(b))),
        None => ((a >= 0).then_some(0), None),
    };
    if let Some(floor) = floor.filter(|f| lo < *f) {
        hi += floor - lo;
        lo = floor;
    }
    if let Some(ceiling) = ceiling.filter(|c| hi > *c) {
        lo -= hi - ceiling;
        hi = ceiling;
        if let Some(floor) = floor {
            lo = lo.max(floor);
        }
    }
    // Round steps: the smallest of 1, 2 or 5 times a power of ten (in
    // units of the last stored decimal place) that needs at most
    // MAX_STEPS steps.
    let mut base = f;
    let (lo, hi, step) = 'found: loop {
        for m in [1, 2, 5] {
            let step = base * m;
            let (l, h) = (lo.div_euclid(step) * step, -(-hi).div_euclid(step) * step);
            if h > l && (h - l) / step <= MAX_STEPS {
                break 'found (l, h, step);
            }
        }
        base *= 10;
    };
    let clamp = |v: i64| i32::try_from(v).unwrap_or(if v < 0 { i32::MIN } else { i32::MAX });
    let ticks = (0..=(hi - lo) / step)
        .map(|i| {
            let v = clamp(lo + i * step);
            (v, axis_words(v, decimals + extra.min(2)))
        })
        .collect();
    ValueAxis {
        lo: clamp(lo),
        hi: clamp(hi),
        ticks,
    }
}

/// A chart: its two axes and its points, ready to draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chart {
    /// The time axis.
    pub time: TimeAxis,
    /// The value axis.
    pub values: ValueAxis,
    /// The points, oldest first: x (days after the start) and value.
    pub points: Vec<(u32, i32)>,
    /// The largest step in days joined by a line: points further apart
    /// are a gap in the readings, left unjoined. Every point is joined
    /// when `None`.
    pub gap: Option<u32>,
}

impl Chart {
    /// A chart of dated values (scaled by `extra` more decimal places than
    /// stored), dated by day: "3 Nov" to "2 Dec". `None` with no points.
    pub fn daily(
        points: &[(NaiveDate, i32)],
        scale: &Scale,
        extra: u8,
        today: NaiveDate,
    ) -> Option<Chart> {
        Chart::new(points, scale, extra, |d| short_day(d, today))
    }

    /// A chart of monthly values, each dated by its month's first day:
    /// "Nov 2025" to "Dec 2026". `None` with no points.
    pub fn monthly(points: &[(NaiveDate, i32)], scale: &Scale, extra: u8) -> Option<Chart> {
        Chart::new(points, scale, extra, |d| {
            format!("{} {}", short_month(d.month0()), d.year())
        })
    }

    fn new(
        points: &[(NaiveDate, i32)],
        scale: &Scale,
        extra: u8,
        words: impl Fn(NaiveDate) -> String,
    ) -> Option<Chart> {
        let start = points.iter().map(|p| p.0).min()?;
        let end = points.iter().map(|p| p.0).max()?;
        let lo = points.iter().map(|p| p.1).min()?;
        let hi = points.iter().map(|p| p.1).max()?;
        let time = TimeAxis::new(start, end, words);
        let mut sorted: Vec<(u32, i32)> = points.iter().map(|(d, v)| (time.x(*d), *v)).collect();
        sorted.sort_by_key(|p| p.0);
        Some(Chart {
            values: ValueAxis::of(scale, Some((lo, hi)), extra),
            time,
            points: sorted,
            gap: None,
        })
    }

    /// The same chart, joining only points at most `days` apart.
    pub fn joining(self, days: u32) -> Chart {
        Chart {
            gap: Some(days),
            ..self
        }
    }

    /// The runs of points close enough to join, oldest first.
    pub fn runs(&self) -> Vec<&[(u32, i32)]> {
        let mut out = Vec::new();
        let mut begin = 0;
        for i in 1..=self.points.len() {
            let joined = i < self.points.len()
                && self
                    .gap
                    .is_none_or(|g| self.points[i].0 - self.points[i - 1].0 <= g);
            if !joined {
                out.push(&self.points[begin..i]);
                begin = i;
            }
        }
        out
    }

    /// Where a point is drawn, in thousandths of the width from the left
    /// and of the height from the top.
    pub fn place(&self, (x, v): (u32, i32)) -> (i32, i32) {
        (self.time.across(x), self.values.down(v))
    }

    /// The points drawn as dots: all of them, or beyond [`MAX_DOTS`] only
    /// those with no neighbour to join.
    pub fn dots(&self) -> Vec<(u32, i32)> {
        if self.points.len() <= MAX_DOTS {
            return self.points.clone();
        }
        self.runs()
            .into_iter()
            .filter(|r| r.len() == 1)
            .flatten()
            .copied()
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn number(unit: &str, decimals: u8, range: Option<(i32, i32)>) -> Scale {
        Scale::Number {
            unit: unit.into(),
            decimals,
            range,
        }
    }

    fn words(axis: &ValueAxis) -> Vec<&str> {
        axis.ticks.iter().map(|(_, w)| w.as_str()).collect()
    }

    fn today() -> NaiveDate {
        d(2026, 12, 10)
    }

    #[test]
    fn short_dates_for_an_axis() {
        assert_eq!(short_day(d(2026, 11, 3), today()), "3 Nov");
        assert_eq!(short_day(d(2025, 9, 30), today()), "30 Sep 2025");
        assert_eq!(short_month(0), "Jan");
        assert_eq!(short_month(11), "Dec");
    }

    #[test]
    fn the_time_axis_runs_from_the_first_point_to_the_last_with_month_marks() {
        let pts = [
            (d(2026, 11, 3), 5),
            (d(2026, 11, 20), 6),
            (d(2026, 12, 9), 7),
        ];
        let c = Chart::daily(&pts, &Scale::ZeroToTen, 0, today()).unwrap();
        assert_eq!(c.time.start, d(2026, 11, 3));
        assert_eq!(c.time.days, 36);
        assert_eq!(c.time.first, "3 Nov");
        assert_eq!(c.time.last.as_deref(), Some("9 Dec"));
        // 1 December is 28 days in: marked, and labelled (28/36 < 4/5).
        assert_eq!(c.time.months, vec![(28, "Dec".to_string())]);
        assert_eq!(c.points, vec![(0, 5), (17, 6), (36, 7)]);
        assert_eq!(c.place((0, 5)), (0, 500));
        assert_eq!(c.place((36, 10)), (1000, 0));
        // A month start near the right end is marked but not labelled.
        let late = [(d(2026, 11, 3), 5), (d(2026, 12, 2), 6)];
        let c = Chart::daily(&late, &Scale::ZeroToTen, 0, today()).unwrap();
        assert_eq!(c.time.months, vec![(28, String::new())]);
        // Within one month: no marks.
        let c = Chart::daily(&pts[..2], &Scale::ZeroToTen, 0, today()).unwrap();
        assert!(c.time.months.is_empty());
    }

    #[test]
    fn month_labels_are_shown_only_where_they_fit() {
        // 1 December a third of the way along: room for the rest.
        let pts = [(d(2026, 11, 20), 5), (d(2026, 12, 20), 6)];
        let c = Chart::daily(&pts, &Scale::ZeroToTen, 0, today()).unwrap();
        assert_eq!(c.time.months, vec![(11, "Dec".to_string())]);
        assert_eq!(c.time.months_fit(), Some(6));
        // Two thirds of the way along: a wider chart is needed.
        let pts = [(d(2026, 11, 13), 5), (d(2026, 12, 10), 6)];
        let c = Chart::daily(&pts, &Scale::ZeroToTen, 0, today()).unwrap();
        assert_eq!(c.time.months_fit(), Some(9));
        // Three months: a month apart, a third of the width each.
        let pts = [(d(2026, 9, 12), 4), (d(2026, 12, 9), 7)];
        let c = Chart::daily(&pts, &Scale::ZeroToTen, 0, today()).unwrap();
        assert_eq!(c.time.months_fit(), Some(9));
        // None at all.
        let c = Chart::daily(&pts[..1], &Scale::ZeroToTen, 0, today()).unwrap();
        assert_eq!(c.time.months_fit(), None);
    }

    #[test]
    fn a_january_is_marked_by_its_year_and_other_years_are_written() {
        let pts = [(d(2025, 11, 20), 5), (d(2026, 2, 20), 6)];
        let c = Chart::daily(&pts, &Scale::ZeroToTen, 0, today()).unwrap();
        assert_eq!(c.time.first, "20 Nov 2025");
        assert_eq!(c.time.last.as_deref(), Some("20 Feb"));
        let marks: Vec<&str> = c.time.months.iter().map(|m| m.1.as_str()).collect();
        assert_eq!(marks, ["Dec", "2026", "Feb"]);
    }

    #[test]
    fn long_spans_are_thinned_to_a_few_marks() {
        // Ten years of months: marked every two years, by year.
        let pts: Vec<(NaiveDate, i32)> = (0..120)
            .map(|i| (d(2016 + i / 12, (i % 12) as u32 + 1, 1), 30))
            .collect();
        let c = Chart::monthly(&pts, &Scale::Mood, 1).unwrap();
        assert_eq!(c.time.first, "Jan 2016");
        assert_eq!(c.time.last.as_deref(), Some("Dec 2025"));
        let marks: Vec<&str> = c.time.months.iter().map(|m| m.1.as_str()).collect();
        assert_eq!(marks, ["2018", "2020", "2022", ""]);
        assert!(c.time.months.len() <= MAX_MONTHS);
        // Three months: every month.
        let pts = [(d(2026, 9, 12), 4), (d(2026, 12, 1), 7)];
        let c = Chart::daily(&pts, &Scale::ZeroToTen, 0, today()).unwrap();
        let marks: Vec<&str> = c.time.months.iter().map(|m| m.1.as_str()).collect();
        assert_eq!(marks, ["Oct", "Nov", ""]);
        // Seven months: every other month (March, May and so on).
        let pts = [(d(2026, 3, 5), 4), (d(2026, 10, 1), 7)];
        let c = Chart::daily(&pts, &Scale::ZeroToTen, 0, today()).unwrap();
        let marks: Vec<&str> = c.time.months.iter().map(|m| m.1.as_str()).collect();
        assert_eq!(marks, ["May", "Jul", ""]);
    }

    #[test]
    fn one_day_has_one_date_in_the_middle() {
        let c = Chart::daily(
            &[(d(2026, 11, 12), 60)],
            &number("puffs", 0, Some((0, 60))),
            1,
            today(),
        )
        .unwrap();
        assert_eq!(c.time.first, "12 Nov");
        assert_eq!(c.time.last, None);
        assert_eq!(c.place(c.points[0]).0, 500);
        // The value axis of one reading still spans a range: not "6" and "6".
        assert_eq!(words(&c.values), ["0", "5", "10", "15"]);
        assert!(c.values.lo < c.values.hi);
        assert_eq!(c.dots(), vec![(0, 60)]);
    }

    #[test]
    fn measures_with_their_own_range_use_it() {
        let zero = ValueAxis::of(&Scale::ZeroToTen, Some((30, 40)), 1);
        assert_eq!((zero.lo, zero.hi), (0, 100));
        assert_eq!(words(&zero), ["0", "5", "10"]);
        let ratings = ValueAxis::of(&Scale::ZeroToTen, Some((3, 4)), 0);
        assert_eq!((ratings.lo, ratings.hi), (0, 10));
        let mood = ValueAxis::of(&Scale::Mood, Some((30, 31)), 1);
        assert_eq!((mood.lo, mood.hi), (10, 50));
        assert_eq!(words(&mood), MOODS);
        let yes = ValueAxis::of(&Scale::YesNo, Some((0, 10)), 1);
        assert_eq!((yes.lo, yes.hi), (0, 10));
        assert_eq!(words(&yes), ["0%", "50%", "100%"]);
        assert_eq!(
            words(&ValueAxis::of(&Scale::YesNo, None, 0)),
            ["0%", "100%"]
        );
    }

    #[test]
    fn small_changes_in_a_number_stay_small() {
        let peak = number("L/min", 0, Some((50, 900)));
        // Peak flow 360 and 361 (daily averages, one more decimal place).
        let a = ValueAxis::of(&peak, Some((3600, 3610)), 1);
        assert_eq!((a.lo, a.hi), (3000, 4500));
        assert_eq!(words(&a), ["300", "350", "400", "450"]);
        // The same in an older summary, with no likely range.
        let old = ValueAxis::of(&number("L/min", 0, None), Some((3600, 3610)), 1);
        assert_eq!(old, a);
        // Blood glucose 10.4 to 18.9: wider than its minimum span of 5.
        let glucose = number("mmol/L", 1, Some((10, 350)));
        let g = ValueAxis::of(&glucose, Some((1040, 1890)), 1);
        assert_eq!(words(&g), ["10", "15", "20"]);
        // A single reading of 6.0 mmol/L: a 5 mmol/L span around it.
        let g = ValueAxis::of(&glucose, Some((60, 60)), 0);
        assert_eq!(words(&g), ["2", "4", "6", "8", "10"]);
        // Weight 85.2 to 86.0 kg: at least 5 kg.
        let w = ValueAxis::of(&number("kg", 1, Some((200, 3000))), Some((852, 860)), 0);
        assert_eq!(words(&w), ["82", "84", "86", "88", "90"]);
        // Sleep at 23.5 hours stays inside 0 to 24 before rounding.
        let s = ValueAxis::of(&number("hours", 1, Some((0, 240))), Some((235, 235)), 0);
        assert_eq!(words(&s), ["20", "21", "22", "23", "24"]);
    }

    #[test]
    fn a_number_near_zero_is_not_drawn_below_it() {
        let puffs = number("puffs", 0, Some((0, 60)));
        let p = ValueAxis::of(&puffs, Some((0, 20)), 1);
        assert_eq!((p.lo, p.hi), (0, 100));
        assert_eq!(words(&p), ["0", "5", "10"]);
        // With no likely range either.
        let p = ValueAxis::of(&number("puffs", 0, None), Some((0, 20)), 1);
        assert_eq!(words(&p), ["0", "5", "10"]);
    }

    #[test]
    fn the_clients_own_numbers_use_their_likely_range() {
        // Steps, likely 0 to 20000: a minimum span of 2000.
        let steps = number("steps", 0, Some((0, 20000)));
        let s = ValueAxis::of(&steps, Some((41000, 41500)), 1);
        assert_eq!(words(&s), ["3000", "4000", "5000", "6000"]);
        assert!(s.hi - s.lo >= 20000);
        // An older summary with no likely range: a tenth of the largest.
        let s = ValueAxis::of(&number("steps", 0, None), Some((41000, 41500)), 1);
        assert!(s.hi - s.lo >= 4150, "{s:?}");
        assert!(s.lo <= 41000 && s.hi >= 41500);
        // A narrow likely range is never exceeded for data inside it.
        let s = ValueAxis::of(&number("score", 0, Some((1, 3))), Some((20, 20)), 1);
        assert_eq!((s.lo, s.hi), (10, 30));
        // Every axis labels its ends, bottom first, with distinct words.
        for data in [(0, 0), (5, 5), (-20, 30), (1_000_000_000, 1_000_000_000)] {
            for scale in [
                &steps,
                &number("x", 2, None),
                &number("x", 1, Some((-50, 50))),
            ] {
                let a = ValueAxis::of(scale, Some(data), 1);
                assert!(a.lo < a.hi, "{a:?}");
                assert!(a.lo <= data.0 && a.hi >= data.1, "{a:?} for {data:?}");
                assert_eq!(a.ticks.first().map(|t| t.0), Some(a.lo));
                assert_eq!(a.ticks.last().map(|t| t.0), Some(a.hi));
                assert!(a.ticks.len() >= 2 && a.ticks.len() <= 5, "{a:?}");
                assert!(a.ticks.windows(2).all(|w| w[0].1 != w[1].1), "{a:?}");
            }
        }
    }

    #[test]
    fn points_far_apart_are_not_joined() {
        let day = |n: i64| d(2026, 11, 2) + chrono::Duration::days(n);
        let pts: Vec<(NaiveDate, i32)> = [0, 7, 14, 28, 42, 49].map(|n| (day(n), 50)).to_vec();
        let c = Chart::daily(&pts, &Scale::ZeroToTen, 1, today())
            .unwrap()
            .joining(7);
        let runs: Vec<usize> = c.runs().iter().map(|r| r.len()).collect();
        assert_eq!(runs, [3, 1, 2]);
        let joined = Chart::daily(&pts, &Scale::ZeroToTen, 1, today()).unwrap();
        assert_eq!(joined.runs().len(), 1);
        // Beyond the most dots, only a point alone is a dot.
        let many: Vec<(NaiveDate, i32)> = (0..60)
            .filter(|n| *n != 50)
            .map(|n| (day(n * 2), 50))
            .chain([(day(200), 60)])
            .collect();
        let c = Chart::daily(&many, &Scale::ZeroToTen, 1, today())
            .unwrap()
            .joining(2);
        assert_eq!(c.dots(), vec![(200, 60)]);
        assert_eq!(Chart::daily(&[], &Scale::ZeroToTen, 1, today()), None);
    }

    #[test]
    fn axis_words_have_no_needless_decimals() {
        assert_eq!(axis_words(50, 1), "5");
        assert_eq!(axis_words(52, 1), "5.2");
        assert_eq!(axis_words(3600, 1), "360");
        assert_eq!(axis_words(-15, 1), "-1.5");
    }
}

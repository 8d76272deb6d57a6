//! Trends: one measure's daily or monthly averages over a period, and the
//! months a daily trend needs.

use chrono::{Duration, NaiveDate};

use super::month::{DiaryMonth, Month};
use super::show::{later, LastRecorded};
use super::summary::{combine, summarise, DiaryIndex, Summary};

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

/// When `measure` was last recorded on or before `today`: the day, from
/// the months at hand, or else the month, from the index (for a month not
/// read). `None` if it never was.
pub fn last_recorded(
    measure: &str,
    today: NaiveDate,
    months: &[(Month, &DiaryMonth)],
    index: &DiaryIndex,
) -> Option<LastRecorded> {
    let day = months
        .iter()
        .flat_map(|(_, m)| m.days.iter())
        .filter(|d| d.date <= today && d.of(measure).next().is_some())
        .map(|d| d.date)
        .max()
        .map(LastRecorded::Day);
    let month = index
        .months
        .iter()
        .rev()
        .filter(|m| m.measures.iter().any(|s| s.m == measure && s.n > 0))
        .filter_map(|m| Month::parse(&m.month))
        .find(|m| *m <= Month::of(today))
        .map(LastRecorded::Month);
    later(day, month)
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

#[cfg(test)]
mod tests {
    use chrono::Datelike;

    use super::super::test_support::day;
    use super::super::{example_entries, DiarySettings};
    use super::*;
    use crate::model::ListedCondition;

    #[test]
    fn the_last_reading_is_found_in_the_months_at_hand_or_the_index() {
        use crate::model::diary::{DayEntry, Reading};
        let entry = |date, m: &str| DayEntry {
            date,
            readings: vec![Reading {
                m: m.into(),
                t: None,
                v: 6,
            }],
            note: None,
        };
        let mut nov = DiaryMonth::default();
        nov.put(entry(day(2026, 11, 3), "reliever"));
        nov.put(entry(day(2026, 11, 20), "mood"));
        let mut aug = DiaryMonth::default();
        aug.put(entry(day(2026, 8, 12), "pain"));
        let index = DiaryIndex::of_months([
            (Month::of(day(2026, 8, 1)), &aug),
            (Month::of(day(2026, 11, 1)), &nov),
        ]);
        let at_hand = [(Month::of(day(2026, 11, 1)), &nov)];
        let today = day(2026, 12, 10);
        assert_eq!(
            last_recorded("reliever", today, &at_hand, &index),
            Some(LastRecorded::Day(day(2026, 11, 3)))
        );
        // August was not read: only its month is known.
        assert_eq!(
            last_recorded("pain", today, &at_hand, &index),
            Some(LastRecorded::Month(Month::of(day(2026, 8, 1))))
        );
        assert_eq!(last_recorded("glucose", today, &at_hand, &index), None);
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

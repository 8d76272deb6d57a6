//! Made-up example entries, for trying the app and for the benchmark.

use chrono::{Duration, NaiveDate};

use super::entry::{DayEntry, Reading};
use super::measure::{Kind, Measure};

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

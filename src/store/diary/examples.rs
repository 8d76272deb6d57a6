//! Made-up example entries in storage: added only beside the client's
//! own entries, never on a day the client filled nor today; dropped from
//! a day as soon as the client fills it; and removed in one step.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::layer::{Examples, Layer};
use super::{DiaryCache, Report, Saved};
use crate::model::diary::{example_entries, DiaryMonth, Measure, Month};
use crate::model::time::london_today;
use crate::store::schema::{ExampleIndex, ExampleMonth};
use crate::store::{Backend, SaveError, Store, StoreKey};

/// True if any example month or summary is stored.
pub fn examples_stored<B: Backend>(store: &Store<B>) -> bool {
    store
        .keys()
        .iter()
        .any(|k| k.example_month_of().is_some() || k.example_index_year().is_some())
}

impl DiaryCache {
    /// Drops the examples of `month` on days the client filled, if both
    /// are read: the client's entry is what shows, and "all time" counts
    /// each day once.
    pub(super) fn drop_filled<B: Backend>(
        &mut self,
        store: &Store<B>,
        month: Month,
        now: DateTime<Utc>,
    ) -> Vec<Report> {
        let (Some(own), Some(examples)) = (self.own.month(month), self.examples.month(month))
        else {
            return Vec::new();
        };
        if !examples.days.iter().any(|e| own.day(e.date).is_some()) {
            return Vec::new();
        }
        let kept = DiaryMonth {
            days: examples
                .days
                .iter()
                .filter(|e| own.day(e.date).is_none())
                .cloned()
                .collect(),
        };
        let mut saved = self.examples.save_month(store, month, kept, now);
        let mut reports = std::mem::take(&mut saved.reports);
        if let Err(e) = saved.result() {
            reports.push(Report::RepairFailed(e));
        }
        reports
    }

    /// Adds made-up example entries from `from` to `to` for `measures`,
    /// under the examples' own keys. Never today or later, never on a day
    /// the client filled, and never into a month of the client's that
    /// cannot be read (its days are unknown). Only when no examples are
    /// stored yet, so trying twice adds nothing. Stops at the first month
    /// that does not save.
    pub fn add_examples<B: Backend>(
        &mut self,
        store: &Store<B>,
        from: NaiveDate,
        to: NaiveDate,
        measures: &[Measure],
        now: DateTime<Utc>,
    ) -> Saved {
        let mut reports = Vec::new();
        if examples_stored(store) {
            return Saved::nothing(reports);
        }
        let to = to.min(london_today(now) - Duration::days(1));
        let mut by_month: Vec<(Month, DiaryMonth)> = Vec::new();
        for e in example_entries(from, to, measures, 7) {
            let month = Month::of(e.date);
            match by_month.last_mut() {
                Some((m, d)) if *m == month => d.days.push(e),
                _ => by_month.push((month, DiaryMonth { days: vec![e] })),
            }
        }
        let mut last = Saved::nothing(Vec::new());
        for (month, mut diary) in by_month {
            let read = self.own.load_month(store, month, now);
            let unknown =
                !read.is_empty() || store.is_read_only(&StoreKey::diary_month(month.first_day()));
            reports.extend(read);
            reports.extend(self.examples.load_month(store, month, now));
            if unknown {
                continue;
            }
            let own = self.own.month(month).cloned().unwrap_or_default();
            diary.days.retain(|e| own.day(e.date).is_none());
            if diary.days.is_empty() {
                continue;
            }
            last = self.examples.save_month(store, month, diary, now);
            reports.append(&mut last.reports);
            if last.month.is_err() {
                break;
            }
        }
        last.reports = reports;
        last
    }

    /// Removes every example, leaving every entry of the client's as it
    /// is. Each example value is removed with a save's care (never one a
    /// newer version saved, never one another tab changed unseen); the
    /// summaries go last, so a failure part-way leaves nothing counted
    /// that is not there. `Err` with the first failure: the examples not
    /// yet removed stay, and trying again carries on.
    pub fn remove_examples<B: Backend>(
        &mut self,
        store: &Store<B>,
        now: DateTime<Utc>,
    ) -> (Result<(), SaveError>, Vec<Report>) {
        let mut reports = Vec::new();
        let keys = store.keys();
        let months = keys.iter().filter(|k| k.example_month_of().is_some());
        let years = keys.iter().filter(|k| k.example_index_year().is_some());
        let mut result = Ok(());
        for key in months {
            // Read first, so the store knows exactly what it removes.
            let load = store.load::<ExampleMonth>(key, now);
            reports.extend(load.problem.map(Report::Problem));
            result = store.remove::<ExampleMonth>(key);
            if result.is_err() {
                break;
            }
        }
        if result.is_ok() {
            for key in years {
                let load = store.load::<ExampleIndex>(key, now);
                reports.extend(load.problem.map(Report::Problem));
                result = store.remove::<ExampleIndex>(key);
                if result.is_err() {
                    break;
                }
            }
        }
        // Read again when next shown: what is left, if anything.
        self.examples = Layer::<Examples>::default();
        (result, reports)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::diary::{builtin, DayEntry, DiaryIndex, Reading};
    use crate::store::MemoryBackend;

    fn now() -> DateTime<Utc> {
        "2026-11-21T10:00:00Z".parse().unwrap()
    }

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn entry(date: NaiveDate, mood: i32) -> DayEntry {
        DayEntry {
            date,
            readings: vec![Reading {
                m: "mood".into(),
                t: None,
                v: mood,
            }],
            note: Some("mine".into()),
        }
    }

    fn measures() -> Vec<Measure> {
        vec![builtin("mood").unwrap(), builtin("pain").unwrap()]
    }

    /// Every key the store holds, as text.
    fn keys(store: &Store<MemoryBackend>) -> Vec<String> {
        let mut k: Vec<String> = store
            .keys()
            .iter()
            .map(|k| k.as_str().to_string())
            .collect();
        k.sort();
        k
    }

    #[test]
    fn examples_never_land_on_a_day_the_client_filled_nor_on_today() {
        let store = Store::new(MemoryBackend::new());
        let mut diary = DiaryCache::new();
        diary.save_day(&store, entry(day(11, 3), 5), now());
        let own_before = store.backend().raw("alongside.diary.2026-11");
        // Asked for up to today and beyond: the store stops at yesterday.
        let saved = diary.add_examples(&store, day(9, 1), day(11, 30), &measures(), now());
        assert_eq!(saved.result(), Ok(()));
        // The client's month is untouched, byte for byte.
        assert_eq!(store.backend().raw("alongside.diary.2026-11"), own_before);
        let mut fresh = DiaryCache::new();
        fresh.load_month(&store, Month::of(day(11, 1)), now());
        assert_eq!(fresh.day(day(11, 3)), Some(&entry(day(11, 3), 5)));
        assert_eq!(fresh.example_day(day(11, 3)), None);
        assert!(fresh.example_day(day(11, 20)).is_some());
        assert_eq!(fresh.example_day(day(11, 21)), None, "never today");
        // The examples' own month holds neither the client's day nor today.
        let stored = store
            .load::<ExampleMonth>(&StoreKey::example_month(Month::of(day(11, 1))), now())
            .value
            .unwrap();
        assert!(stored.0.day(day(11, 3)).is_none() && stored.0.day(day(11, 21)).is_none());
        assert_eq!(stored.0.days.len(), 19);
        // The client's own months and summaries hold only their day.
        assert_eq!(fresh.months()[0].1.days, vec![entry(day(11, 3), 5)]);
        assert_eq!(fresh.index().months.len(), 1);
        assert_eq!(fresh.index().months[0].days, 1 << 2);
        // The screen shows both, the client's entry on its day.
        let shown = fresh.shown_months();
        assert_eq!(shown[0].1.day(day(11, 3)), Some(&entry(day(11, 3), 5)));
        assert_eq!(shown[0].1.days.len(), 20);
        assert_eq!(
            fresh.example_days(Month::of(day(11, 1))),
            ((1 << 20) - 1) & !(1 << 2)
        );
        // A second try adds nothing.
        let before = store.backend().snapshot();
        DiaryCache::new().add_examples(&store, day(1, 1), day(11, 20), &measures(), now());
        assert_eq!(store.backend().snapshot(), before);
    }

    #[test]
    fn a_day_the_client_fills_later_wins_over_its_example() {
        let store = Store::new(MemoryBackend::new());
        let mut diary = DiaryCache::new();
        diary.add_examples(&store, day(10, 1), day(11, 20), &measures(), now());
        assert!(diary.example_day(day(11, 10)).is_some());
        let (_, reports) = diary.is_empty(&store, now());
        assert!(reports.is_empty(), "{reports:?}");
        let all_time = diary.shown_index();
        let saved = diary.save_day(&store, entry(day(11, 10), 1), now());
        assert_eq!(saved.result(), Ok(()));
        assert!(saved.reports.is_empty(), "{:?}", saved.reports);
        assert_eq!(diary.example_day(day(11, 10)), None);
        let shown = diary.shown_months();
        let november = &shown.iter().find(|(m, _)| m.month == 11).unwrap().1;
        assert_eq!(november.day(day(11, 10)), Some(&entry(day(11, 10), 1)));
        // The example for that day is gone from storage, and "all time"
        // counts the day once, as the client's.
        let mut fresh = DiaryCache::new();
        fresh.load_index(&store, now());
        let november = |i: &DiaryIndex| {
            i.months
                .iter()
                .find(|m| m.month == "2026-11")
                .cloned()
                .unwrap()
        };
        assert_eq!(november(&fresh.shown_index()).days, (1 << 20) - 1);
        let mood = |i: &DiaryIndex| {
            november(i)
                .measures
                .iter()
                .find(|s| s.m == "mood")
                .unwrap()
                .n
        };
        assert_eq!(mood(&fresh.shown_index()), mood(&all_time));
        assert_eq!(fresh.examples_shown(None, day(11, 21)), 51 - 1);
        assert_eq!(fresh.examples_shown(Some(day(11, 15)), day(11, 21)), 6);
    }

    #[test]
    fn an_example_on_a_day_filled_elsewhere_is_dropped_when_both_are_read() {
        let store = Store::new(MemoryBackend::new());
        DiaryCache::new().add_examples(&store, day(11, 1), day(11, 20), &measures(), now());
        // As if a restore (or an older build) wrote the client's day
        // straight into their month.
        let mut other = Layer::<super::super::layer::Own>::default();
        let month = DiaryMonth {
            days: vec![entry(day(11, 5), 2)],
        };
        other.save_month(&store, Month::of(day(11, 1)), month, now());
        let mut fresh = DiaryCache::new();
        let reports = fresh.load_index(&store, now());
        assert!(reports.is_empty(), "{reports:?}");
        assert_eq!(fresh.example_day(day(11, 5)), None);
        let index = fresh.shown_index();
        assert_eq!(index.months[0].days, (1 << 20) - 1);
        let mood = index.months[0]
            .measures
            .iter()
            .find(|s| s.m == "mood")
            .unwrap();
        assert_eq!(mood.n, 20, "each day counted once");
    }

    #[test]
    fn removing_the_examples_keeps_every_real_entry() {
        let store = Store::new(MemoryBackend::new());
        let mut diary = DiaryCache::new();
        diary.save_day(&store, entry(day(9, 30), 3), now());
        diary.save_day(&store, entry(day(11, 20), 4), now());
        let own: Vec<(String, Option<String>)> =
            ["alongside.diary.2026-09", "alongside.diary.2026-11"]
                .iter()
                .map(|k| (k.to_string(), store.backend().raw(k)))
                .collect();
        diary.add_examples(&store, day(9, 1), day(11, 20), &measures(), now());
        assert!(diary.has_examples());
        assert!(examples_stored(&store));
        let (result, reports) = diary.remove_examples(&store, now());
        assert_eq!(result, Ok(()));
        assert!(reports.is_empty(), "{reports:?}");
        assert!(!examples_stored(&store));
        assert!(!diary.has_examples());
        assert_eq!(
            keys(&store),
            vec![
                "alongside.diary.2026-09",
                "alongside.diary.2026-11",
                "alongside.diary.index.2026"
            ]
        );
        for (k, v) in own {
            assert_eq!(store.backend().raw(&k), v, "{k}");
        }
        // What the screens show is the client's alone, read afresh too.
        for cache in [&mut diary, &mut DiaryCache::new()] {
            cache.load_index(&store, now());
            cache.load_month(&store, Month::of(day(11, 1)), now());
            assert_eq!(cache.example_day(day(11, 19)), None);
            assert_eq!(cache.shown_index(), cache.index());
            assert_eq!(cache.examples_shown(None, day(11, 21)), 0);
        }
        // And examples can be added again afterwards.
        diary.add_examples(&store, day(11, 1), day(11, 20), &measures(), now());
        assert!(examples_stored(&store));
    }

    #[test]
    fn examples_saved_by_a_newer_version_are_never_removed_or_rewritten() {
        let store = Store::new(MemoryBackend::new());
        let newer = r#"{"app":"alongside","kind":"diary_example_month","schema":9,"rev":1,"saved_at":"2026-11-01T00:00:00.000Z","data":{"days":[]}}"#;
        store.backend().plant("alongside.examples.2026-11", newer);
        let mut diary = DiaryCache::new();
        let (result, _) = diary.remove_examples(&store, now());
        assert!(matches!(result, Err(SaveError::Newer { .. })), "{result:?}");
        assert_eq!(
            store.backend().raw("alongside.examples.2026-11").as_deref(),
            Some(newer)
        );
        // Nor are examples added beside them.
        diary.add_examples(&store, day(10, 1), day(11, 20), &measures(), now());
        assert_eq!(keys(&store), vec!["alongside.examples.2026-11"]);
    }
}

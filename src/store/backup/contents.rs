//! What a backup, or the phone, holds, counted and put in words for the
//! client to compare before a restore.

use chrono::{DateTime, NaiveDate, Utc};

use super::file::our_keys;
use super::holds::Holds;
use crate::model::diary::DiaryMonth;
use crate::model::time::long_day;
use crate::store::kinds::{for_key, KindFn, Stored};
use crate::store::schema::{decode, decode_newer_leniently, DecodeError, Record};
use crate::store::{Backend, Store, StoreKey};

/// What a backup, or the phone, holds: enough for the client to choose
/// ("Backup: 12 goals... On this phone: 10 goals...").
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BackupContents {
    /// When the backup was made; `None` for what is on the phone.
    pub made_at: Option<DateTime<Utc>>,
    /// True if the details from set-up are there.
    pub details: bool,
    /// How many goals.
    pub goals: usize,
    /// How many days have a diary entry.
    pub diary_days: usize,
    /// How many diary readings, all measures together.
    pub diary_readings: usize,
    /// The earliest day with a diary entry.
    pub first_day: Option<NaiveDate>,
    /// The latest day with a diary entry.
    pub last_day: Option<NaiveDate>,
    /// How many appointments (a repeating one counts once).
    pub appointments: usize,
    /// How many completed wellbeing check-ins.
    pub checkins: usize,
    /// How many things to talk about.
    pub talk_items: usize,
    /// How many values that could not be read are kept aside.
    pub kept_aside: usize,
}

/// Reads a record for counting: a newer version's is read as far as it
/// can be, a damaged one is not counted.
fn readable<T: Record>(raw: &str) -> Option<T> {
    match decode::<T>(raw) {
        Ok(d) => Some(d.value),
        Err(DecodeError::Newer { .. }) => decode_newer_leniently(raw),
        Err(_) => None,
    }
}

impl BackupContents {
    /// Counts what `records` (key and stored text) hold.
    pub(super) fn of<'a>(records: impl Iterator<Item = (&'a StoreKey, &'a str)>) -> BackupContents {
        /// Adds one kind's record to the counts.
        struct Count<'a, 'c>(&'a str, &'c mut BackupContents);
        impl KindFn for Count<'_, '_> {
            type Output = ();
            fn call<K: Stored>(self) {
                if let Some(value) = readable::<K>(self.0) {
                    value.count(self.1);
                }
            }
        }
        let mut c = BackupContents::default();
        for (key, raw) in records {
            match Holds::of(key) {
                Holds::Kind => {
                    for_key(key, Count(raw, &mut c));
                }
                Holds::DiaryMonth(_) => {
                    for day in readable::<DiaryMonth>(raw).unwrap_or_default().days {
                        c.diary_days += 1;
                        c.diary_readings += day.readings.len();
                        c.first_day = Some(c.first_day.map_or(day.date, |d| d.min(day.date)));
                        c.last_day = Some(c.last_day.map_or(day.date, |d| d.max(day.date)));
                    }
                }
                Holds::Quarantine => c.kept_aside += 1,
                Holds::DiaryIndex(_) | Holds::SafetyCopy | Holds::Examples | Holds::Unknown => {}
            }
        }
        c
    }

    /// What is on the phone now. Reads only: nothing is moved or changed,
    /// and a value that cannot be read is not counted.
    pub fn on_phone<B: Backend>(store: &Store<B>) -> BackupContents {
        let records: Vec<(StoreKey, String)> = our_keys(store)
            .unwrap_or_default()
            .into_iter()
            .filter(|k| !k.is_safety_copy())
            .filter_map(|k| Some((k.clone(), store.backend().get(k.as_str()).ok()??)))
            .collect();
        BackupContents::of(records.iter().map(|(k, v)| (k, v.as_str())))
    }

    /// The contents in short lines for the client, such as "12 goals" and
    /// "340 diary days, with 1,020 readings, from 3 March 2024 to
    /// 21 November 2026".
    pub fn lines(&self) -> Vec<String> {
        let mut out = vec![if self.details {
            "Your details from set-up".to_string()
        } else {
            "No details from set-up".to_string()
        }];
        out.push(count(self.goals, "goal", "goals"));
        let mut diary = count(self.diary_days, "diary day", "diary days");
        if self.diary_days > 0 {
            diary.push_str(&format!(
                ", with {}",
                count(self.diary_readings, "reading", "readings")
            ));
        }
        if let (Some(first), Some(last)) = (self.first_day, self.last_day) {
            diary.push_str(&format!(", from {} to {}", long_day(first), long_day(last)));
        }
        out.push(diary);
        out.push(count(self.appointments, "appointment", "appointments"));
        out.push(count(
            self.checkins,
            "wellbeing check-in",
            "wellbeing check-ins",
        ));
        out.push(count(
            self.talk_items,
            "thing to talk about",
            "things to talk about",
        ));
        if self.kept_aside > 0 {
            out.push(count(
                self.kept_aside,
                "item that could not be read, kept aside",
                "items that could not be read, kept aside",
            ));
        }
        out
    }
}

/// "No goals", "1 goal", "1,020 goals".
fn count(n: usize, one: &str, many: &str) -> String {
    match n {
        0 => format!("No {many}"),
        1 => format!("1 {one}"),
        _ => {
            let digits = n.to_string();
            let mut grouped = String::new();
            for (i, c) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i).is_multiple_of(3) {
                    grouped.push(',');
                }
                grouped.push(c);
            }
            format!("{grouped} {many}")
        }
    }
}

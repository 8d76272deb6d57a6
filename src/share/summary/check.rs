//! The checks a received summary must pass before it is shown: only what
//! this app could have made.

use chrono::DateTime;

use super::limits::{
    CODE_MAX, MAX_ITEMS, MAX_PERIOD_DAYS, MAX_READINGS, MAX_TEXT, MAX_VALUE, PAST_MAX,
};
use super::types::Summary;

impl Summary {
    /// Checks a received summary holds only what this app could have
    /// made: sizes, ranges and dates. The reason is for developers; the
    /// client is told the summary is damaged.
    pub fn check(&self) -> Result<(), String> {
        let text = |t: &str| t.chars().count() <= MAX_TEXT;
        let items = |n: usize| n <= MAX_ITEMS;
        let day_ok = |d: i32| i64::from(d).abs() <= 2 * MAX_PERIOD_DAYS;
        let value_ok = |v: i32| v.unsigned_abs() <= MAX_VALUE as u32;
        let period = (self.to - self.from).num_days();
        if !(0..MAX_PERIOD_DAYS).contains(&period) {
            return Err("period out of range".into());
        }
        if DateTime::from_timestamp(self.created, 0).is_none() {
            return Err("creation time out of range".into());
        }
        if !self.name.as_deref().is_none_or(text) {
            return Err("name too long".into());
        }
        let lists = [
            self.goals.len(),
            self.measures.len(),
            self.appointments.len(),
            self.talk.len(),
            self.notes.len(),
            self.conditions.len(),
        ];
        if !lists.into_iter().all(items) || self.past.len() > PAST_MAX {
            return Err("too many items".into());
        }
        let code_ok = |c: &str| {
            !c.is_empty() && c.len() <= CODE_MAX && c.bytes().all(|b| b.is_ascii_alphanumeric())
        };
        if !self.code.as_deref().is_none_or(code_ok)
            || !self.what_matters.as_deref().is_none_or(text)
            || !self.conditions.iter().all(|c| text(c))
        {
            return Err("the client's details do not add up".into());
        }
        for g in &self.goals {
            let ok = text(&g.text)
                && g.why.as_deref().is_none_or(text)
                && items(g.steps.len())
                && items(g.ratings.len())
                && items(g.notes.len())
                && g.steps.iter().all(|(t, d)| text(t) && d.is_none_or(day_ok))
                && g.ratings.iter().all(|(d, v)| day_ok(*d) && *v <= 10)
                && g.notes.iter().all(|(d, t)| day_ok(*d) && text(t));
            if !ok {
                return Err("a goal does not add up".into());
            }
        }
        for m in &self.measures {
            let ok = text(&m.name)
                && text(&m.unit)
                && m.decimals <= 2
                && items(m.weeks.len())
                && m.readings.len() <= MAX_READINGS
                && m.stats.is_none_or(|(n, sum, lo, hi)| {
                    n > 0
                        && n <= MAX_VALUE as u32
                        && lo <= hi
                        && value_ok(lo)
                        && value_ok(hi)
                        && sum.unsigned_abs() <= u64::from(n) * MAX_VALUE as u64
                })
                && m.weeks.iter().all(|(_, v)| value_ok(*v / 10))
                && m.readings
                    .iter()
                    .all(|(d, t, v)| day_ok(*d) && t.is_none_or(|t| t < 1440) && value_ok(*v))
                && m.last_day.is_none_or(day_ok)
                && m.range
                    .is_none_or(|(lo, hi)| lo < hi && value_ok(lo) && value_ok(hi))
                && m.last_week.len() <= 11
                && m.last_week
                    .iter()
                    .all(|(v, n)| value_ok(*v) && *n <= MAX_VALUE as u32)
                && m.first_week.len() <= 11
                && m.first_week
                    .iter()
                    .all(|(v, n)| value_ok(*v) && *n <= MAX_VALUE as u32);
            if !ok {
                return Err("a measure does not add up".into());
            }
        }
        if let Some(w) = &self.wellbeing {
            let answers_ok = |a: &[Option<u8>; 4]| a.iter().all(|v| v.is_none_or(|v| v <= 10));
            let ok = items(w.in_period.len())
                && day_ok(w.start.0)
                && answers_ok(&w.start.1)
                && w.in_period.iter().all(|(d, a)| day_ok(*d) && answers_ok(a))
                && w.before.is_none_or(|(d, a)| day_ok(d) && answers_ok(&a));
            if !ok {
                return Err("a check-in does not add up".into());
            }
        }
        let ok = self.appointments.iter().all(|a| {
            day_ok(a.day) && a.time < 1440 && text(&a.title) && a.place.as_deref().is_none_or(text)
        }) && self.past.iter().all(|p| {
            day_ok(p.day) && p.time < 1440 && text(&p.title) && p.notes.as_deref().is_none_or(text)
        }) && self.talk.iter().all(|t| text(t))
            && self.notes.iter().all(|(d, t)| day_ok(*d) && text(t));
        if !ok {
            return Err("an appointment, note or talk item does not add up".into());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use chrono::Duration;

    use super::super::test_support::now;
    use super::super::typical;
    use super::*;

    #[test]
    fn check_refuses_what_this_app_could_not_have_made() {
        let good = typical(now());
        assert!(good.check().is_ok());
        let mut s = good.clone();
        s.goals[0].ratings.push((3, 11));
        assert!(s.check().is_err());
        let mut s = good.clone();
        s.talk = vec!["x".into(); MAX_ITEMS + 1];
        assert!(s.check().is_err());
        let mut s = good.clone();
        s.to = s.from - Duration::days(1);
        assert!(s.check().is_err());
        let mut s = good.clone();
        s.wellbeing.as_mut().unwrap().start.1[3] = Some(200);
        assert!(s.check().is_err());
        let mut s = good.clone();
        s.appointments[0].time = 1440;
        assert!(s.check().is_err());
        // Values that would overflow when drawn or averaged.
        let mut s = good.clone();
        s.measures[0].stats = Some((1, i64::from(i32::MAX), i32::MAX, i32::MAX));
        assert!(s.check().is_err());
        let mut s = good.clone();
        s.measures[0].weeks[0].1 = i32::MIN;
        assert!(s.check().is_err());
    }

    #[test]
    fn check_refuses_damaged_new_parts() {
        let good = typical(now());
        let bad: [fn(&mut Summary); 10] = [
            |s| s.code = Some(String::new()),
            |s| s.code = Some("not/a code".into()),
            |s| s.code = Some("x".repeat(CODE_MAX + 1)),
            |s| s.what_matters = Some("x".repeat(MAX_TEXT + 1)),
            |s| s.conditions = vec!["x".into(); MAX_ITEMS + 1],
            |s| s.past[0].time = 1440,
            |s| s.past = vec![s.past[0].clone(); PAST_MAX + 1],
            |s| s.measures[0].last_week = vec![(MAX_VALUE + 1, 1)],
            |s| s.measures[0].first_week = vec![(MAX_VALUE + 1, 1)],
            |s| s.wellbeing.as_mut().unwrap().before = Some((0, [Some(11), None, None, None])),
        ];
        for (i, damage) in bad.iter().enumerate() {
            let mut s = good.clone();
            damage(&mut s);
            assert!(s.check().is_err(), "damage {i} was let through");
        }
        let mut s = good;
        s.measures[0].last_day = Some(i32::MAX);
        assert!(s.check().is_err());
    }
}

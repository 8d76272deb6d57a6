//! The wellbeing check-in: the four ONS personal well-being questions,
//! each answered 0 to 10 and always reported separately (never summed),
//! with the first check-in as the starting point. Also the list of things
//! the client wants to talk about next time.

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use super::text::{required, FieldError};
use super::time::iso;

/// Words to show with the questions, as the ONS asks.
pub const ATTRIBUTION: &str = "These are the Office for National Statistics (ONS) personal well-being questions. Source: Office for National Statistics, licensed under the Open Government Licence v3.0.";

/// The ONS introduction to the questions.
pub const PREAMBLE: &str = "There are no right or wrong answers. For each question, give an answer from 0 to 10, where 0 is \u{201c}not at all\u{201d} and 10 is \u{201c}completely\u{201d}.";

/// One of the four questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    /// Life satisfaction.
    Satisfied,
    /// Things done are worthwhile.
    Worthwhile,
    /// Happiness yesterday.
    Happy,
    /// Anxiety yesterday (lower is better).
    Anxious,
}

impl Question {
    /// The four, in the official order.
    pub const ALL: [Question; 4] = [
        Question::Satisfied,
        Question::Worthwhile,
        Question::Happy,
        Question::Anxious,
    ];

    /// The official wording.
    pub fn wording(self) -> &'static str {
        match self {
            Question::Satisfied => "Overall, how satisfied are you with your life nowadays?",
            Question::Worthwhile => "Overall, to what extent do you feel that the things you do in your life are worthwhile?",
            Question::Happy => "Overall, how happy did you feel yesterday?",
            Question::Anxious => "On a scale where 0 is \u{201c}not at all anxious\u{201d} and 10 is \u{201c}completely anxious\u{201d}, overall, how anxious did you feel yesterday?",
        }
    }

    /// A short name for lists and charts.
    pub fn short(self) -> &'static str {
        match self {
            Question::Satisfied => "Life satisfaction",
            Question::Worthwhile => "Feeling things are worthwhile",
            Question::Happy => "Happiness yesterday",
            Question::Anxious => "Anxiety yesterday",
        }
    }

    /// The words at 0 and 10.
    pub fn ends(self) -> (&'static str, &'static str) {
        match self {
            Question::Anxious => ("Not at all anxious", "Completely anxious"),
            _ => ("Not at all", "Completely"),
        }
    }

    /// True where a higher answer is better (all but anxiety).
    pub fn higher_is_better(self) -> bool {
        self != Question::Anxious
    }

    /// A change from `from` to `to` in words, the right way round for the
    /// question: "2 points better", "1 point worse", "the same".
    pub fn change(self, from: u8, to: u8) -> String {
        let diff = i16::from(to) - i16::from(from);
        if diff == 0 {
            return "the same".into();
        }
        let better = (diff > 0) == self.higher_is_better();
        let n = diff.unsigned_abs();
        format!(
            "{n} point{} {}",
            if n == 1 { "" } else { "s" },
            if better { "better" } else { "worse" }
        )
    }

    fn index(self) -> usize {
        Question::ALL.iter().position(|q| *q == self).unwrap_or(0)
    }
}

/// One completed check-in. `None` is "prefer not to say".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckIn {
    /// The day it was done.
    #[serde(with = "iso")]
    pub date: NaiveDate,
    /// The four answers, in the official order.
    pub answers: [Option<u8>; 4],
}

impl CheckIn {
    /// The answer to `q`.
    pub fn answer(&self, q: Question) -> Option<u8> {
        self.answers[q.index()]
    }
}

/// An answer on the check-in form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Choice {
    /// Not answered yet.
    #[default]
    Unanswered,
    /// "Prefer not to say".
    PreferNot,
    /// A number.
    Value(u8),
}

/// How often Today suggests a check-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rhythm {
    /// Every this many weeks after the last one.
    Every(u8),
    /// In the three days before a link worker appointment.
    BeforeLinkWorker,
    /// Never suggested.
    #[default]
    Off,
}

impl Rhythm {
    /// The choices, with their words.
    pub const CHOICES: [(Rhythm, &'static str); 4] = [
        (Rhythm::Every(4), "Every 4 weeks"),
        (Rhythm::Every(2), "Every 2 weeks"),
        (
            Rhythm::BeforeLinkWorker,
            "Before each link worker appointment",
        ),
        (Rhythm::Off, "No reminders"),
    ];
}

/// Every check-in, a half-finished one, and the reminder rhythm: what is
/// stored under one key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Wellbeing {
    /// Completed check-ins, oldest first. The first is the starting point.
    pub checkins: Vec<CheckIn>,
    /// A check-in started but not finished: kept, never counted.
    pub draft: Option<[Choice; 4]>,
    /// How often Today suggests a check-in.
    pub rhythm: Rhythm,
    /// Today should not suggest a check-in before this day ("Not now").
    #[serde(default, with = "super::time::iso_opt")]
    pub quiet_until: Option<NaiveDate>,
}

impl Default for Wellbeing {
    fn default() -> Self {
        Wellbeing {
            checkins: Vec::new(),
            draft: None,
            rhythm: Rhythm::Every(4),
            quiet_until: None,
        }
    }
}

/// The fields of the check-in form: one per question.
pub type Field = Question;

impl Wellbeing {
    /// Keeps an answer in the draft as the client goes.
    pub fn answer(&mut self, q: Question, choice: Choice) -> Result<(), FieldError<Field>> {
        if let Choice::Value(v) = choice {
            if v > 10 {
                return Err(FieldError::new(q, "Choose a number from 0 to 10"));
            }
        }
        self.draft.get_or_insert([Choice::Unanswered; 4])[q.index()] = choice;
        Ok(())
    }

    /// The draft's answer to `q`.
    pub fn draft_answer(&self, q: Question) -> Choice {
        self.draft.map_or(Choice::Unanswered, |d| d[q.index()])
    }

    /// Completes the draft as a check-in on `today`, if every question has
    /// an answer (a number or "prefer not to say"). Otherwise the draft is
    /// kept and every unanswered question is named.
    pub fn complete(&mut self, today: NaiveDate) -> Result<(), Vec<FieldError<Field>>> {
        let draft = self.draft.unwrap_or_default();
        let errors: Vec<_> = Question::ALL
            .into_iter()
            .filter(|q| draft[q.index()] == Choice::Unanswered)
            .map(|q| {
                FieldError::new(
                    q,
                    format!(
                        "Answer \u{201c}{}\u{201d}, or choose \u{201c}Prefer not to say\u{201d}",
                        q.short()
                    ),
                )
            })
            .collect();
        if !errors.is_empty() {
            return Err(errors);
        }
        let answers = draft.map(|c| match c {
            Choice::Value(v) => Some(v),
            _ => None,
        });
        self.checkins.push(CheckIn {
            date: today,
            answers,
        });
        self.draft = None;
        Ok(())
    }

    /// The starting point: the first check-in.
    pub fn starting_point(&self) -> Option<&CheckIn> {
        self.checkins.first()
    }

    /// The latest check-in.
    pub fn latest(&self) -> Option<&CheckIn> {
        self.checkins.last()
    }

    /// For one question: the first and the latest answers given (skipping
    /// "prefer not to say"), with their dates.
    pub fn first_and_latest(&self, q: Question) -> Option<((NaiveDate, u8), (NaiveDate, u8))> {
        let mut given = self
            .checkins
            .iter()
            .filter_map(|c| Some((c.date, c.answer(q)?)));
        let first = given.next()?;
        let last = given.next_back().unwrap_or(first);
        Some((first, last))
    }

    /// Whether Today should suggest a check-in, given the next link worker
    /// appointment's date.
    pub fn is_due(&self, today: NaiveDate, next_link_worker: Option<NaiveDate>) -> bool {
        if self.quiet_until.is_some_and(|q| today < q) {
            return false;
        }
        let last = self.latest().map(|c| c.date);
        match self.rhythm {
            Rhythm::Off => false,
            Rhythm::Every(weeks) => {
                last.is_none_or(|d| today >= d + Duration::weeks(i64::from(weeks)))
            }
            Rhythm::BeforeLinkWorker => next_link_worker.is_some_and(|appt| {
                let days = (appt - today).num_days();
                (0..=3).contains(&days) && last.is_none_or(|d| (appt - d).num_days() > 7)
            }),
        }
    }

    /// "Not now": no suggestion until tomorrow.
    pub fn not_now(&mut self, today: NaiveDate) {
        self.quiet_until = Some(today + Duration::days(1));
    }

    /// Adds the check-ins of `other` (a backup) that are not here, in date
    /// order, so the starting point stays the earliest. A check-in with
    /// the same date and answers is already here. This phone's draft,
    /// rhythm and "not now" are kept; the backup's draft is taken only if
    /// there is none here.
    pub fn add_missing(&mut self, other: &Wellbeing) {
        // Compare with the phone's own list as it was: inserting moves its
        // entries, so a window over the live list would miss some.
        let mine = self.checkins.clone();
        for c in &other.checkins {
            if mine.contains(c) {
                continue;
            }
            let at = self.checkins.partition_point(|x| x.date <= c.date);
            self.checkins.insert(at, c.clone());
        }
        if self.draft.is_none() {
            self.draft = other.draft;
        }
    }
}

/// Longest "thing to talk about", in characters.
pub const TALK_MAX: usize = 300;

/// One thing the client wants to talk about next time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TalkItem {
    /// Stable id.
    pub id: u32,
    /// In the client's words.
    pub text: String,
    /// When it was added.
    #[serde(with = "iso")]
    pub added_on: NaiveDate,
}

/// "Things I want to talk about next time": stored under its own key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TalkList {
    /// The items, in the order added.
    pub items: Vec<TalkItem>,
    /// The next id; never reused.
    pub next_id: u32,
}

impl Default for TalkList {
    fn default() -> Self {
        TalkList {
            items: Vec::new(),
            next_id: 1,
        }
    }
}

impl TalkList {
    /// Adds an item, checked.
    pub fn add(&mut self, text: &str, today: NaiveDate) -> Result<u32, FieldError<()>> {
        let text = required(
            (),
            text,
            TALK_MAX,
            "The item",
            "Enter what you want to talk about",
        )?;
        let id = self.next_id.max(1);
        self.next_id = id + 1;
        self.items.push(TalkItem {
            id,
            text,
            added_on: today,
        });
        Ok(id)
    }

    /// Removes an item (talked about), returning it for undo.
    pub fn remove(&mut self, id: u32) -> Option<(usize, TalkItem)> {
        let i = self.items.iter().position(|t| t.id == id)?;
        Some((i, self.items.remove(i)))
    }

    /// Puts a removed item back.
    pub fn undo_remove(&mut self, (i, item): (usize, TalkItem)) {
        if !self.items.iter().any(|t| t.id == item.id) {
            self.items.insert(i.min(self.items.len()), item);
        }
    }

    /// Adds the items of `other` (a backup) that are not here. Two items
    /// are the same if their id, words and the day they were added all
    /// match. One whose id is taken by a different item is added with a
    /// fresh id. Merging the same backup again changes nothing.
    pub fn add_missing(&mut self, other: &TalkList) {
        super::merge::add_missing(
            &mut self.items,
            &mut self.next_id,
            &other.items,
            other.next_id,
            |t| t.id,
            |t, id| t.id = id,
            |a, b| a.text == b.text && a.added_on == b.added_on,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    #[test]
    fn adding_a_backups_check_ins_between_the_phones_never_doubles_one() {
        let c = |d: u32, a: u8| CheckIn {
            date: day(11, d),
            answers: [Some(a); 4],
        };
        let mut phone = Wellbeing {
            checkins: vec![c(1, 3), c(20, 6)],
            ..Wellbeing::default()
        };
        let backup = Wellbeing {
            checkins: vec![c(1, 3), c(10, 5), c(20, 6)],
            ..Wellbeing::default()
        };
        phone.add_missing(&backup);
        assert_eq!(phone.checkins, vec![c(1, 3), c(10, 5), c(20, 6)]);
        let again = phone.clone();
        phone.add_missing(&backup);
        assert_eq!(phone, again);
    }

    fn check(w: &mut Wellbeing, date: NaiveDate, answers: [Choice; 4]) {
        for (q, a) in Question::ALL.into_iter().zip(answers) {
            w.answer(q, a).unwrap();
        }
        w.complete(date).unwrap();
    }

    #[test]
    fn a_check_in_needs_every_question_answered_or_skipped() {
        let mut w = Wellbeing::default();
        w.answer(Question::Satisfied, Choice::Value(6)).unwrap();
        w.answer(Question::Happy, Choice::PreferNot).unwrap();
        assert_eq!(
            w.answer(Question::Worthwhile, Choice::Value(11))
                .unwrap_err()
                .message,
            "Choose a number from 0 to 10"
        );
        let errors = w.complete(day(11, 21)).unwrap_err();
        assert_eq!(
            errors.iter().map(|e| e.field).collect::<Vec<_>>(),
            vec![Question::Worthwhile, Question::Anxious]
        );
        assert!(
            w.checkins.is_empty() && w.draft.is_some(),
            "kept as a draft, not saved as complete"
        );
        w.answer(Question::Worthwhile, Choice::Value(5)).unwrap();
        w.answer(Question::Anxious, Choice::Value(7)).unwrap();
        w.complete(day(11, 21)).unwrap();
        assert_eq!(w.checkins[0].answers, [Some(6), Some(5), None, Some(7)]);
        assert_eq!(w.draft, None);
    }

    #[test]
    fn change_is_read_the_right_way_for_anxiety() {
        let mut w = Wellbeing::default();
        use Choice::Value as V;
        check(&mut w, day(9, 1), [V(4), V(5), V(3), V(8)]);
        check(&mut w, day(10, 1), [V(5), Choice::PreferNot, V(4), V(7)]);
        check(&mut w, day(11, 1), [V(6), V(5), V(3), V(5)]);
        assert_eq!(w.starting_point().unwrap().date, day(9, 1));
        let ((_, a0), (d1, a1)) = w.first_and_latest(Question::Anxious).unwrap();
        assert_eq!((a0, a1, d1), (8, 5, day(11, 1)));
        assert_eq!(Question::Anxious.change(a0, a1), "3 points better");
        assert_eq!(Question::Satisfied.change(4, 6), "2 points better");
        assert_eq!(Question::Happy.change(4, 3), "1 point worse");
        assert_eq!(Question::Anxious.change(2, 3), "1 point worse");
        assert_eq!(Question::Worthwhile.change(5, 5), "the same");
        // "Prefer not to say" is skipped, not counted as zero.
        assert_eq!(
            w.first_and_latest(Question::Worthwhile)
                .map(|(a, b)| (a.1, b.1)),
            Some((5, 5))
        );
    }

    #[test]
    fn reminders_follow_the_rhythm_and_never_nag() {
        let mut w = Wellbeing::default();
        assert!(w.is_due(day(11, 21), None), "first check-in is suggested");
        check(&mut w, day(11, 1), [Choice::Value(5); 4]);
        assert!(!w.is_due(day(11, 28), None));
        assert!(w.is_due(day(11, 29), None), "4 weeks after the last");
        w.not_now(day(11, 29));
        assert!(!w.is_due(day(11, 29), None));
        assert!(w.is_due(day(11, 30), None));
        w.rhythm = Rhythm::BeforeLinkWorker;
        assert!(!w.is_due(day(11, 30), None));
        assert!(!w.is_due(day(11, 30), Some(day(12, 10))), "too early");
        assert!(w.is_due(day(12, 8), Some(day(12, 10))));
        w.rhythm = Rhythm::Off;
        assert!(!w.is_due(day(12, 8), Some(day(12, 10))));
    }

    #[test]
    fn check_ins_from_a_backup_are_added_in_date_order() {
        use Choice::Value as V;
        let mut mine = Wellbeing::default();
        check(&mut mine, day(10, 1), [V(5); 4]);
        check(&mut mine, day(11, 1), [V(6); 4]);
        mine.rhythm = Rhythm::Off;
        let mut theirs = Wellbeing::default();
        check(&mut theirs, day(9, 1), [V(3); 4]);
        check(&mut theirs, day(10, 1), [V(5); 4]);
        check(&mut theirs, day(10, 1), [V(4); 4]);
        theirs.answer(Question::Happy, V(2)).unwrap();
        mine.add_missing(&theirs);
        let got: Vec<(NaiveDate, Option<u8>)> = mine
            .checkins
            .iter()
            .map(|c| (c.date, c.answers[0]))
            .collect();
        assert_eq!(
            got,
            vec![
                (day(9, 1), Some(3)),
                (day(10, 1), Some(5)),
                (day(10, 1), Some(4)),
                (day(11, 1), Some(6)),
            ]
        );
        assert_eq!(mine.starting_point().unwrap().date, day(9, 1));
        assert_eq!(mine.rhythm, Rhythm::Off, "the phone's rhythm is kept");
        assert_eq!(mine.draft_answer(Question::Happy), V(2), "no draft here");
        let again = mine.clone();
        mine.add_missing(&theirs);
        assert_eq!(mine, again);
    }

    #[test]
    fn talk_items_are_checked_and_can_be_put_back() {
        let mut t = TalkList::default();
        assert!(t.add("  ", day(11, 21)).is_err());
        t.add("Sleep", day(11, 21)).unwrap();
        t.add("The walking group", day(11, 21)).unwrap();
        let gone = t.remove(1).unwrap();
        assert_eq!(t.items.len(), 1);
        t.undo_remove(gone);
        assert_eq!(t.items.iter().map(|i| i.id).collect::<Vec<_>>(), vec![1, 2]);
    }
}

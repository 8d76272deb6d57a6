//! The registry of record kinds: what the app stores under one fixed key,
//! the key, and what it holds in words for the client.
//!
//! Everything that must handle every kind expands from [`each_kind`], the
//! one list: a backup's checks and counts, "add what is missing", the
//! names in messages about a damaged value, and (in the app) reloading
//! what another tab changed. A new kind is one line there and its
//! [`Stored`] impl here; a kind that lacks what any of them needs (a
//! schema, a merge, words for the client) does not compile.
//!
//! The diary's months and yearly summaries are a family of keys, one a
//! month or a year, and are handled by [`super::StoreKey`]'s diary keys.

use super::backup::BackupContents;
use super::schema::Record;
use super::StoreKey;
use crate::model::appointment::ApptBook;
use crate::model::diary::DiarySettings;
use crate::model::wellbeing::{TalkList, Wellbeing};
use crate::model::{GoalBook, Profile};
use crate::share::code::ClientCode;
use crate::share::kept::KeptSummaries;
use crate::share::log::ShareLog;

/// How "add what is missing" (a restore that keeps the phone's records)
/// treats a kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Merge {
    /// The phone's value with the backup's missing items added
    /// ([`Stored::add_missing`]), saved only if that changes anything.
    Items,
    /// The phone's value if it has one (even one it cannot read); the
    /// backup's only where the phone has none.
    PhoneFirst,
    /// Merged with the diary's months, whose readings may need the new
    /// ids it gives (see `backup::restore`).
    WithDiary,
}

/// A kind of record stored under one fixed key.
pub trait Stored: Record + Clone + PartialEq + Send + Sync + 'static {
    /// The key after [`super::PREFIX`], as stored: `"goals"`.
    const KEY: &'static str;
    /// What it holds, in words for the client's messages: "your goals".
    const HOLDS: &'static str;
    /// How a restore's "add what is missing" treats it.
    const MERGE: Merge;

    /// Adds the items of `theirs` (from a backup) that this value lacks;
    /// where the same item is in both, this one is kept.
    fn add_missing(&mut self, theirs: &Self);

    /// Adds what this value holds to the counts shown before a restore.
    /// Kinds the client does not count (choices, logs) add nothing.
    fn count(&self, into: &mut BackupContents) {
        let _ = into;
    }

    /// The key it is stored under.
    fn key() -> StoreKey {
        StoreKey::fixed(Self::KEY)
    }
}

/// Something done for each kind in turn (see [`each_kind`]).
pub trait KindVisitor {
    /// Called once for each kind `K`.
    fn visit<K: Stored>(&mut self);
}

/// Visits every kind stored under a fixed key: the one list of kinds.
pub fn each_kind(v: &mut impl KindVisitor) {
    v.visit::<Profile>();
    v.visit::<GoalBook>();
    v.visit::<ApptBook>();
    v.visit::<Wellbeing>();
    v.visit::<TalkList>();
    v.visit::<ShareLog>();
    v.visit::<KeptSummaries>();
    v.visit::<DiarySettings>();
    v.visit::<ClientCode>();
}

/// Something done with the one kind stored under a key (see [`for_key`]).
pub trait KindFn {
    /// What it gives.
    type Output;
    /// Does it for kind `K`.
    fn call<K: Stored>(self) -> Self::Output;
}

/// Runs `f` for the kind stored under `key`, if `key` is one of them.
pub fn for_key<F: KindFn>(key: &StoreKey, f: F) -> Option<F::Output> {
    struct Find<'a, F: KindFn> {
        key: &'a StoreKey,
        f: Option<F>,
        out: Option<F::Output>,
    }
    impl<F: KindFn> KindVisitor for Find<'_, F> {
        fn visit<K: Stored>(&mut self) {
            if *self.key == K::key() {
                if let Some(f) = self.f.take() {
                    self.out = Some(f.call::<K>());
                }
            }
        }
    }
    let mut find = Find {
        key,
        f: Some(f),
        out: None,
    };
    each_kind(&mut find);
    find.out
}

/// What the kind stored under `key` holds, if `key` is one of them.
pub fn holds(key: &StoreKey) -> Option<&'static str> {
    struct Holds;
    impl KindFn for Holds {
        type Output = &'static str;
        fn call<K: Stored>(self) -> &'static str {
            K::HOLDS
        }
    }
    for_key(key, Holds)
}

impl Stored for Profile {
    const KEY: &'static str = "profile";
    const HOLDS: &'static str = "your details";
    const MERGE: Merge = Merge::PhoneFirst;

    /// The phone's details are kept as they are.
    fn add_missing(&mut self, _theirs: &Self) {}

    fn count(&self, into: &mut BackupContents) {
        into.details = true;
    }
}

impl Stored for GoalBook {
    const KEY: &'static str = "goals";
    const HOLDS: &'static str = "your goals";
    const MERGE: Merge = Merge::Items;

    fn add_missing(&mut self, theirs: &Self) {
        GoalBook::add_missing(self, theirs);
    }

    fn count(&self, into: &mut BackupContents) {
        into.goals = self.goals.len();
    }
}

impl Stored for ApptBook {
    const KEY: &'static str = "appointments";
    const HOLDS: &'static str = "your appointments";
    const MERGE: Merge = Merge::Items;

    fn add_missing(&mut self, theirs: &Self) {
        ApptBook::add_missing(self, theirs);
    }

    fn count(&self, into: &mut BackupContents) {
        into.appointments = self.appointments.len();
    }
}

impl Stored for Wellbeing {
    const KEY: &'static str = "wellbeing";
    const HOLDS: &'static str = "your wellbeing check-ins";
    const MERGE: Merge = Merge::Items;

    fn add_missing(&mut self, theirs: &Self) {
        Wellbeing::add_missing(self, theirs);
    }

    fn count(&self, into: &mut BackupContents) {
        into.checkins = self.checkins.len();
    }
}

impl Stored for TalkList {
    const KEY: &'static str = "talk";
    const HOLDS: &'static str = "your list of things to talk about";
    const MERGE: Merge = Merge::Items;

    fn add_missing(&mut self, theirs: &Self) {
        TalkList::add_missing(self, theirs);
    }

    fn count(&self, into: &mut BackupContents) {
        into.talk_items = self.items.len();
    }
}

impl Stored for ShareLog {
    const KEY: &'static str = "shares";
    const HOLDS: &'static str = "the list of summaries you have shared";
    const MERGE: Merge = Merge::Items;

    fn add_missing(&mut self, theirs: &Self) {
        ShareLog::add_missing(self, theirs);
    }
}

impl Stored for KeptSummaries {
    const KEY: &'static str = "kept-summaries";
    const HOLDS: &'static str = "the shared summaries kept on this device";
    const MERGE: Merge = Merge::Items;

    fn add_missing(&mut self, theirs: &Self) {
        KeptSummaries::add_missing(self, theirs);
    }
}

impl Stored for DiarySettings {
    const KEY: &'static str = "diary.settings";
    const HOLDS: &'static str = "your diary choices";
    const MERGE: Merge = Merge::WithDiary;

    /// The ids it gives the backup's own measures are needed for the
    /// backup's months: a restore merges these through the diary.
    fn add_missing(&mut self, theirs: &Self) {
        let _ = DiarySettings::add_missing(self, theirs);
    }
}

impl Stored for ClientCode {
    const KEY: &'static str = "client-code";
    const HOLDS: &'static str = "your client code";
    const MERGE: Merge = Merge::PhoneFirst;

    /// A phone keeps its own code: summaries already shared carry it.
    fn add_missing(&mut self, _theirs: &Self) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every kind's key and words, from the one list.
    fn all() -> Vec<(StoreKey, &'static str, &'static str)> {
        struct All(Vec<(StoreKey, &'static str, &'static str)>);
        impl KindVisitor for All {
            fn visit<K: Stored>(&mut self) {
                self.0.push((K::key(), K::HOLDS, K::KIND));
            }
        }
        let mut all = All(Vec::new());
        each_kind(&mut all);
        all.0
    }

    #[test]
    fn every_kind_has_its_own_key_schema_kind_and_words() {
        let all = all();
        assert_eq!(all.len(), 9);
        for (i, (key, words, kind)) in all.iter().enumerate() {
            assert!(key.as_str().starts_with(super::super::PREFIX));
            assert!(words.starts_with("your ") || words.starts_with("the "));
            for (other, other_words, other_kind) in &all[i + 1..] {
                assert_ne!(key, other);
                assert_ne!(words, other_words);
                assert_ne!(kind, other_kind);
            }
            assert_eq!(holds(key), Some(*words));
        }
        assert_eq!(holds(&StoreKey::diary_index(2026)), None);
    }
}

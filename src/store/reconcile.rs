//! Bringing the two copies of the record together at start: local storage
//! (the copy the app reads) and the durable copy in IndexedDB (the one a
//! save waits for). A crash loses local storage's last few seconds, so
//! after one the durable copy may hold newer values, or values local
//! storage never kept; an older version of the app wrote only local
//! storage, so on the first start of this one the durable copy is empty.
//!
//! [`choose`] is the rule for one key, a pure function of the two texts;
//! [`Store::reconcile`] applies it to every key before anything is read.

use chrono::{DateTime, Utc};

use super::schema::{peek, DecodeError, Header};
use super::{Backend, BackendError, LoadProblem, Store, StoreKey};

/// Which copy of one key's value is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Winner {
    /// Both copies hold the same (or nothing): nothing to do.
    Agree,
    /// Local storage's text is kept and copied, as it is, to the durable
    /// copy (it is newer, or the durable copy has none: the first start).
    Local,
    /// The durable copy's text is kept and put back, as it is, into local
    /// storage (a crash lost local storage's write).
    Durable,
}

/// What to do with one key: which copy wins, and which copy, if any,
/// could not be read and must be set aside before it is replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// The copy kept.
    pub winner: Winner,
    /// The losing copy, if it is damaged (and differs from the winner):
    /// kept aside under a quarantine key, never overwritten silently.
    pub set_aside: Option<(Winner, DecodeError)>,
}

impl Choice {
    fn plain(winner: Winner) -> Self {
        Choice {
            winner,
            set_aside: None,
        }
    }
}

/// Whether `a` was saved after `b`: for the same kind of record, a newer
/// format wins whatever the revisions (a value from a newer version is
/// never replaced by an older version's), then the higher revision.
fn is_later(a: &Header, b: &Header) -> bool {
    if a.kind == b.kind && a.schema != b.schema {
        a.schema > b.schema
    } else {
        a.rev > b.rev
    }
}

/// The rule for one key, given the text in local storage and in the
/// durable copy. Texts are only ever copied from one side to the other,
/// byte for byte, so a newer version's value is never rewritten:
/// - the same on both sides, or on neither: nothing to do;
/// - on one side only: copied to the other (an old version's data, or a
///   write a crash lost);
/// - different: the later one wins (see [`is_later`]); on a tie, local
///   storage's, the copy the app reads (a crash cannot make a tie: every
///   save raises the revision, and the durable copy is written after
///   local storage; only something outside the app can);
/// - one side damaged: the other side wins and the damaged text is set
///   aside; both damaged: local storage's is kept where it is, for the
///   store to set aside when it is read, as it always has, and the
///   durable copy's is set aside.
///
/// A restore puts back a backup's values byte for byte, revisions and
/// all, so they may be lower than the ones they replace; it notes in the
/// durable copy, per key, the highest revision the phone held before it
/// (`floor`). A local value at or below that floor is from before the
/// restore, which a crash brought back: the durable copy wins, and a key
/// the restore removed is removed again.
pub fn choose(local: Option<&str>, durable: Option<&str>, floor: Option<u64>) -> Choice {
    if let (Some(f), Some(l)) = (floor, local) {
        if local != durable && peek(l).is_ok_and(|h| h.rev <= f) {
            return Choice::plain(Winner::Durable);
        }
    }
    match (local, durable) {
        (None, None) => Choice::plain(Winner::Agree),
        (Some(l), Some(d)) if l == d => Choice::plain(Winner::Agree),
        (Some(_), None) => Choice::plain(Winner::Local),
        (None, Some(_)) => Choice::plain(Winner::Durable),
        (Some(l), Some(d)) => match (peek(l), peek(d)) {
            (Ok(lh), Ok(dh)) if is_later(&dh, &lh) => Choice::plain(Winner::Durable),
            (Ok(_), Ok(_)) => Choice::plain(Winner::Local),
            (Ok(_), Err(e)) | (Err(_), Err(e)) => Choice {
                winner: Winner::Local,
                set_aside: Some((Winner::Durable, e)),
            },
            (Err(e), Ok(_)) => Choice {
                winner: Winner::Durable,
                set_aside: Some((Winner::Local, e)),
            },
        },
    }
}

/// The durable copy's key for a restore's floor of `key` (see [`choose`]):
/// not under our prefix, so never taken for a record.
pub const FLOOR: &str = "#floor.";

/// The durable copy's entries that note, for each key, the highest
/// revision the phone held before a restore (see [`choose`]).
pub fn floors(revisions: &[(StoreKey, u64)]) -> Vec<(String, String)> {
    revisions
        .iter()
        .map(|(k, rev)| (format!("{FLOOR}{k}"), rev.to_string()))
        .collect()
}

/// What [`Store::reconcile`] did.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Reconciled {
    /// Values to copy to the durable copy, as they are: the caller writes
    /// them (in one transaction).
    pub to_durable: Vec<(String, String)>,
    /// How many values were put back into local storage from the durable copy.
    pub restored: usize,
    /// Damaged copies set aside, and anything that could not be done, to
    /// tell the client.
    pub problems: Vec<LoadProblem>,
}

impl<B: Backend> Store<B> {
    /// For each of our keys in local storage, the highest revision this
    /// tab has met under it or local storage holds: a restore's floor.
    pub fn revisions(&self) -> Vec<(StoreKey, u64)> {
        self.keys()
            .into_iter()
            .filter_map(|key| {
                let stored = self
                    .backend
                    .get(key.as_str())
                    .ok()
                    .flatten()
                    .and_then(|raw| peek(&raw).ok())
                    .map(|h| h.rev);
                let met = self.state().seen.get(&key).map(|s| s.rev);
                stored.max(met).map(|rev| (key, rev))
            })
            .collect()
    }

    /// Brings local storage (this store's backend) and the durable copy
    /// (`durable`, every key and its text, or `None` where the caller has
    /// found local storage holds the same text) together, key by key, by
    /// [`choose`]. Values the durable copy wins are put back into local
    /// storage here; values local storage wins are returned for the caller
    /// to write to the durable copy. Only our keys are looked at. Run once
    /// at start, before anything is read.
    pub fn reconcile(
        &self,
        durable: &[(String, Option<String>)],
        now: DateTime<Utc>,
    ) -> Reconciled {
        let mut done = Reconciled::default();
        let local_keys = match self.backend.keys() {
            Ok(keys) => keys,
            Err(_) => {
                done.problems.push(LoadProblem::Unavailable);
                return done;
            }
        };
        // A vector, not a set: a phone holds a few hundred keys at most,
        // and the main module has no room for another collection's code.
        let mut keys: Vec<StoreKey> = local_keys
            .iter()
            .chain(durable.iter().map(|(k, _)| k))
            .filter_map(|k| StoreKey::parse(k))
            .collect();
        keys.sort_unstable();
        keys.dedup();
        for key in keys {
            let theirs = match durable.iter().find(|(k, _)| k == key.as_str()) {
                // The same in both: nothing to read or do.
                Some((_, None)) => continue,
                Some((_, Some(text))) => Some(text.as_str()),
                None => None,
            };
            let local = match self.backend.get(key.as_str()) {
                Ok(local) => local,
                // Not valid Unicode: left exactly where it is; the store
                // reports it when it is read, and never writes over it.
                Err(BackendError::InvalidText) => continue,
                Err(_) => {
                    done.problems.push(LoadProblem::Unavailable);
                    return done;
                }
            };
            let floor = durable
                .iter()
                .find(|(k, _)| k.strip_prefix(FLOOR) == Some(key.as_str()))
                .and_then(|(_, rev)| rev.as_deref()?.parse().ok());
            let choice = choose(local.as_deref(), theirs, floor);
            if let Some((side, why)) = &choice.set_aside {
                let raw = match side {
                    Winner::Local => local.as_deref(),
                    _ => theirs,
                }
                .unwrap_or_default();
                let reason = why.to_string();
                match self.copy_aside(&key, raw, &reason, now) {
                    Some(kept_as) => done.problems.push(LoadProblem::Quarantined {
                        what: key.describe(),
                        kept_as,
                        reason,
                    }),
                    // No room to keep it aside: change neither copy.
                    None => {
                        done.problems.push(self.leave_unreadable(&key, reason));
                        continue;
                    }
                }
            }
            match choice.winner {
                Winner::Agree => {}
                Winner::Local => {
                    if let Some(text) = local {
                        done.to_durable.push((key.as_str().to_string(), text));
                    }
                }
                Winner::Durable => {
                    if theirs.is_none() && self.backend.remove(key.as_str()).is_err() {
                        done.problems.push(LoadProblem::Unavailable);
                    }
                    if let Some(text) = theirs {
                        if self.backend.set(key.as_str(), text).is_ok() {
                            done.restored += 1;
                        } else {
                            // Local storage is full: the durable copy
                            // keeps the value, and the next start tries
                            // again. This start shows what local storage has.
                            done.problems.push(LoadProblem::Unavailable);
                        }
                    }
                }
            }
        }
        done
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::GoalBook;
    use crate::store::schema::{encode, encode_kind, Record};
    use crate::store::{MemoryBackend, Stored};

    fn now() -> DateTime<Utc> {
        DateTime::from_timestamp_millis(1_780_000_000_000).unwrap()
    }

    fn goals(rev: u64) -> String {
        encode(&GoalBook::default(), rev, now())
    }

    fn future(rev: u64) -> String {
        encode_kind(
            GoalBook::KIND,
            99,
            &serde_json::json!({"new": true}),
            rev,
            now(),
        )
    }

    const DAMAGED: &str = "{\"app\":\"alongside\",\"ki";

    #[test]
    fn the_higher_revision_wins() {
        let (two, three) = (goals(2), goals(3));
        assert_eq!(choose(Some(&three), Some(&two), None).winner, Winner::Local);
        assert_eq!(
            choose(Some(&two), Some(&three), None).winner,
            Winner::Durable
        );
        assert_eq!(choose(Some(&two), Some(&two), None).winner, Winner::Agree);
        // Same revision, different text (changed outside the app): the
        // copy the app reads is kept.
        let other = two.replace("2026", "2027");
        assert_ne!(other, two);
        assert_eq!(choose(Some(&other), Some(&two), None).winner, Winner::Local);
        assert_eq!(choose(None, None, None).winner, Winner::Agree);
    }

    #[test]
    fn a_value_on_one_side_only_is_copied_to_the_other() {
        let v = goals(1);
        assert_eq!(choose(Some(&v), None, None), Choice::plain(Winner::Local));
        assert_eq!(choose(None, Some(&v), None), Choice::plain(Winner::Durable));
    }

    #[test]
    fn a_newer_versions_value_is_never_replaced_by_an_older_one() {
        // Even with a lower revision, the newer format is kept.
        let newer = future(1);
        let older = goals(7);
        assert_eq!(
            choose(Some(&older), Some(&newer), None).winner,
            Winner::Durable
        );
        assert_eq!(
            choose(Some(&newer), Some(&older), None).winner,
            Winner::Local
        );
    }

    #[test]
    fn a_damaged_copy_is_set_aside_and_the_good_one_kept() {
        let good = goals(4);
        let c = choose(Some(DAMAGED), Some(&good), None);
        assert_eq!(c.winner, Winner::Durable);
        assert!(matches!(
            c.set_aside,
            Some((Winner::Local, DecodeError::Damaged(_)))
        ));
        let c = choose(Some(&good), Some(DAMAGED), None);
        assert_eq!(c.winner, Winner::Local);
        assert!(matches!(c.set_aside, Some((Winner::Durable, _))));
    }

    fn store_with(local: &[(&str, &str)]) -> Store<MemoryBackend> {
        let backend = MemoryBackend::new();
        for (k, v) in local {
            backend.plant(k, v);
        }
        Store::new(backend)
    }

    fn map(entries: &[(&str, &str)]) -> Vec<(String, Option<String>)> {
        entries
            .iter()
            .map(|(k, v)| (k.to_string(), Some(v.to_string())))
            .collect()
    }

    #[test]
    fn the_first_start_copies_everything_to_the_durable_copy() {
        let g = goals(5);
        let store = store_with(&[("alongside.goals", &g), ("other.app", "x")]);
        let done = store.reconcile(&[], now());
        assert_eq!(done.to_durable, vec![("alongside.goals".into(), g.clone())]);
        assert_eq!(done.restored, 0);
        assert!(done.problems.is_empty());
        assert_eq!(store.backend().raw("alongside.goals"), Some(g));
    }

    #[test]
    fn what_a_crash_lost_from_local_storage_is_put_back() {
        let (old, new) = (goals(1), goals(2));
        let month = "alongside.diary.2026-05";
        let store = store_with(&[("alongside.goals", &old)]);
        let durable = map(&[("alongside.goals", &new), (month, &goals(1))]);
        let done = store.reconcile(&durable, now());
        assert!(done.to_durable.is_empty());
        assert_eq!(done.restored, 2);
        assert!(done.problems.is_empty());
        assert_eq!(store.backend().raw("alongside.goals"), Some(new.clone()));
        assert_eq!(store.backend().raw(month), Some(goals(1)));
        // And the store reads the restored value as usual.
        let load = store.load::<GoalBook>(&GoalBook::key(), now());
        assert!(load.value.is_some() && load.problem.is_none());
        assert_eq!(
            store.save(&GoalBook::key(), &GoalBook::default(), now()),
            Ok(3)
        );
    }

    #[test]
    fn a_newer_versions_value_is_copied_as_it_is() {
        let newer = future(3);
        let store = store_with(&[("alongside.goals", &goals(1))]);
        store.reconcile(&map(&[("alongside.goals", &newer)]), now());
        assert_eq!(store.backend().raw("alongside.goals"), Some(newer));
        let load = store.load::<GoalBook>(&GoalBook::key(), now());
        assert!(matches!(load.problem, Some(LoadProblem::Newer { .. })));
    }

    #[test]
    fn a_damaged_local_copy_is_set_aside_and_the_durable_one_put_back() {
        let good = goals(2);
        let store = store_with(&[("alongside.goals", DAMAGED)]);
        let done = store.reconcile(&map(&[("alongside.goals", &good)]), now());
        assert_eq!(done.problems.len(), 1);
        assert!(matches!(done.problems[0], LoadProblem::Quarantined { .. }));
        assert_eq!(store.backend().raw("alongside.goals"), Some(good));
        let kept = store.quarantined();
        assert_eq!(kept.len(), 1);
        assert!(store
            .backend()
            .raw(kept[0].as_str())
            .unwrap()
            .contains("alongside.goals"));
        // The quarantined copy is itself copied to the durable copy later
        // (by the backend's write); nothing else is.
        assert!(done.to_durable.is_empty());
    }

    #[test]
    fn a_damaged_durable_copy_is_set_aside_and_local_storage_kept() {
        let good = goals(2);
        let store = store_with(&[("alongside.goals", &good)]);
        let done = store.reconcile(&map(&[("alongside.goals", DAMAGED)]), now());
        assert_eq!(
            done.to_durable,
            vec![("alongside.goals".into(), good.clone())]
        );
        assert_eq!(store.quarantined().len(), 1);
        assert_eq!(store.backend().raw("alongside.goals"), Some(good));
    }

    #[test]
    fn a_damaged_value_only_in_one_copy_is_left_for_the_store_to_set_aside() {
        let store = store_with(&[]);
        let done = store.reconcile(&map(&[("alongside.goals", DAMAGED)]), now());
        assert_eq!(done.restored, 1);
        assert!(done.problems.is_empty());
        // Read as always: moved aside and reported.
        let load = store.load::<GoalBook>(&GoalBook::key(), now());
        assert!(matches!(
            load.problem,
            Some(LoadProblem::Quarantined { .. })
        ));
    }

    #[test]
    fn what_a_crash_brought_back_from_before_a_restore_gives_way() {
        // The phone held rev 20; the backup's value is rev 3; local
        // storage lost the restore's write.
        let (before, restored, after) = (goals(20), goals(3), goals(21));
        assert_eq!(
            choose(Some(&before), Some(&restored), Some(20)).winner,
            Winner::Durable
        );
        // A save after the restore (rev 21) is newer than the floor.
        assert_eq!(
            choose(Some(&after), Some(&restored), Some(20)).winner,
            Winner::Local
        );
        // A key the restore removed is removed again.
        let store = store_with(&[("alongside.goals", &before), ("alongside.talk", &goals(4))]);
        let mut durable = map(&[("alongside.goals", &restored)]);
        let floor = store.revisions();
        assert_eq!(floor.len(), 2);
        durable.extend(floors(&floor).into_iter().map(|(k, v)| (k, Some(v))));
        let done = store.reconcile(&durable, now());
        assert!(done.problems.is_empty() && done.to_durable.is_empty());
        assert_eq!(store.backend().raw("alongside.goals"), Some(restored));
        assert_eq!(store.backend().raw("alongside.talk"), None);
    }

    #[test]
    fn agreeing_copies_need_nothing() {
        let g = goals(9);
        let store = store_with(&[("alongside.goals", &g)]);
        let done = store.reconcile(&map(&[("alongside.goals", &g)]), now());
        assert_eq!(done, Reconciled::default());
        // Nor when the caller has found them the same.
        let same = vec![("alongside.goals".to_string(), None)];
        assert_eq!(store.reconcile(&same, now()), Reconciled::default());
    }

    #[test]
    fn unreadable_local_storage_is_reported_and_nothing_changed() {
        let store = store_with(&[]);
        store.backend().set_unavailable(true);
        let done = store.reconcile(&map(&[("alongside.goals", &goals(1))]), now());
        assert_eq!(done.problems, vec![LoadProblem::Unavailable]);
        store.backend().set_unavailable(false);
        assert_eq!(store.backend().raw("alongside.goals"), None);
    }
}

//! The ten-thousand runs: damaged backup files and damaged stored values.

use alongside::store::backup::{
    restore_replace, undo_restore, Backup, BackupContents, BackupError,
};
use alongside::store::schema;
use alongside::store::QuarantinedValue;

use crate::support::{copy_of_snapshot, full_phone, now, Rng};

// Mutation tests: damaged files and damaged stored values never panic,
// and the good data on the phone is kept every time.

/// Damaged copies of `base`: up to `cuts` truncations, `flips` single-bit
/// flips, `randoms` random changes (a byte, inserted junk, a deleted run,
/// deep nesting), and every version and schema number made wrong.
fn mutants(base: &str, rng: &mut Rng, cuts: usize, flips: usize, randoms: usize) -> Vec<Vec<u8>> {
    let bytes = base.as_bytes();
    let mut out: Vec<Vec<u8>> = Vec::new();
    let step = (bytes.len() / cuts).max(1);
    for n in (0..bytes.len()).step_by(step) {
        out.push(bytes[..n].to_vec());
    }
    for _ in 0..flips {
        let mut m = bytes.to_vec();
        let i = rng.below(m.len());
        m[i] ^= 1 << rng.below(8);
        out.push(m);
    }
    for _ in 0..randoms {
        let mut m = bytes.to_vec();
        match rng.below(4) {
            0 => {
                let i = rng.below(m.len());
                m[i] = rng.next() as u8;
            }
            1 => {
                let i = rng.below(m.len());
                let junk: Vec<u8> = (0..1 + rng.below(8)).map(|_| rng.next() as u8).collect();
                m.splice(i..i, junk);
            }
            2 => {
                let i = rng.below(m.len());
                let n = (1 + rng.below(40)).min(m.len() - i);
                m.drain(i..i + n);
            }
            _ => {
                let i = rng.below(m.len());
                let depth = 1 + rng.below(20_000);
                let nest = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
                m.splice(i..i, nest.into_bytes());
            }
        }
        out.push(m);
    }
    for version in ["0", "2", "7", "-1", "1.0", "\"1\"", "null", "4294967296"] {
        for field in ["\"version\":1", "\"schema\":1", "\"schema\":2"] {
            let (name, _) = field.rsplit_once(':').unwrap();
            out.push(
                base.replacen(field, &format!("{name}:{version}"), 1)
                    .into_bytes(),
            );
        }
    }
    out
}

#[test]
fn ten_thousand_damaged_backup_files_never_panic_and_never_change_the_phone() {
    let phone = full_phone();
    let good = Backup::collect(&phone, now()).unwrap();
    let file = good.to_file();
    let before = phone.backend().snapshot();
    let mut rng = Rng(7);
    let mut cases = 0;
    for m in mutants(&file, &mut rng, 2000, 6000, 4000) {
        let Ok(text) = String::from_utf8(m) else {
            continue;
        };
        cases += 1;
        match Backup::from_file(&text) {
            Err(e) => assert!(!e.message().is_empty()),
            // Only a change that means nothing (none is expected) may pass.
            Ok(b) => assert_eq!(b, good, "a changed file was accepted"),
        }
    }
    assert_eq!(phone.backend().snapshot(), before);
    println!("{cases} damaged backup files");
    assert!(cases >= 10_000, "only {cases} cases ran");
}

#[test]
fn ten_thousand_damaged_stored_values_never_panic_and_are_never_lost() {
    let phone = full_phone();
    // A safety copy of the phone as it is, so undo can be tried too.
    restore_replace(&phone, &Backup::collect(&phone, now()).unwrap(), now()).unwrap();
    let good = phone.backend().snapshot();
    let keys: Vec<String> = good
        .keys()
        .filter(|k| k.starts_with("alongside.") && !k.starts_with("alongside.quarantine."))
        .cloned()
        .collect();
    let whole = Backup::collect(&copy_of_snapshot(&good), now()).unwrap();
    assert_eq!(Backup::from_file(&whole.to_file()), Ok(whole));
    let mut rng = Rng(11);
    let mut cases = 0;
    for key in &keys {
        for m in mutants(&good[key], &mut rng, 300, 500, 250) {
            let Ok(raw) = String::from_utf8(m) else {
                continue;
            };
            cases += 1;
            let store = copy_of_snapshot(&good);
            store.backend().plant(key, &raw);
            let _ = BackupContents::on_phone(&store);
            let undo = key == "alongside.safety-copy";
            let result = if undo {
                undo_restore(&store, now()).map(|_| None)
            } else {
                Backup::collect(&store, now()).map(Some)
            };
            // Every other value is as it was (after an undo, the phone's
            // records are the safety copy's, which are the same).
            let after = store.backend().snapshot();
            for (k, v) in &good {
                if k != key {
                    assert_eq!(after.get(k), Some(v), "{k} changed: {result:?}");
                }
            }
            // The damaged value is where it was, or kept whole aside (or,
            // for an undo that worked, it meant the same as the original).
            let kept_whole = after.iter().any(|(k, v)| {
                !good.contains_key(k)
                    && k.starts_with("alongside.quarantine.")
                    && serde_json::from_str::<schema::Envelope<QuarantinedValue>>(v)
                        .is_ok_and(|e| e.data.raw == raw)
            });
            let extra = after.keys().filter(|k| !good.contains_key(*k)).count();
            assert!(extra <= usize::from(kept_whole), "{key}: {extra} new keys");
            if undo {
                assert!(
                    result.is_ok() || after.get(key) == Some(&raw) || kept_whole,
                    "{key} lost: {raw}"
                );
                continue;
            }
            assert!(
                after.get(key) == Some(&raw) || kept_whole,
                "{key} lost: {raw}"
            );
            let backup = result.unwrap().unwrap();
            // And the backup can always be read back. (A value moved aside
            // leaves the good values, checked once below.)
            if kept_whole {
                continue;
            }
            match Backup::from_file(&backup.to_file()) {
                Ok(b) => assert_eq!(b, backup),
                Err(e) => assert_eq!(e, BackupError::Newer, "{key}: {raw}"),
            }
        }
    }
    println!("{cases} damaged stored values");
    assert!(cases >= 10_000, "only {cases} cases ran");
}

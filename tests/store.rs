//! The storage rules of DESIGN.md, checked against the in-memory backend.

use alongside::model::goal::{Rating, Reflection, StatusChange, Step};
use alongside::model::{
    Condition, Goal, GoalBook, GoalStatus, LinkWorker, ListedCondition, Profile,
};
use alongside::store::schema::{self, Record};
use alongside::store::{LoadProblem, MemoryBackend, QuarantinedValue, SaveError, Store, StoreKey};
use chrono::{DateTime, NaiveDate, Utc};

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-21T10:30:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

fn maureen() -> Profile {
    Profile {
        preferred_name: Some("Maureen".into()),
        conditions: vec![
            Condition::Listed(ListedCondition::Type2Diabetes),
            Condition::Listed(ListedCondition::Copd),
            Condition::Own("Bad knees".into()),
        ],
        link_worker: LinkWorker {
            name: Some("Priya".into()),
            contact: None,
        },
        what_matters: "Getting to the allotment twice a week".into(),
    }
}

fn key() -> StoreKey {
    StoreKey::of::<Profile>()
}

#[test]
fn save_then_load_in_a_new_session() {
    let store = Store::new(MemoryBackend::new());
    assert_eq!(store.load::<Profile>(&key(), now()).value, None);
    assert_eq!(store.save(&key(), &maureen(), now()), Ok(1));
    assert_eq!(store.save(&key(), &maureen(), now()), Ok(2));

    // A fresh store over the same data, like reopening the app.
    let raw = store.backend().snapshot();
    let backend = MemoryBackend::new();
    for (k, v) in raw {
        backend.plant(&k, &v);
    }
    let reopened = Store::new(backend);
    let load = reopened.load::<Profile>(&key(), now());
    assert_eq!(load.value, Some(maureen()));
    assert_eq!(load.problem, None);
    assert_eq!(reopened.save(&key(), &maureen(), now()), Ok(3));
}

#[test]
fn every_stored_value_is_enveloped_with_its_version() {
    let store = Store::new(MemoryBackend::new());
    store.save(&key(), &maureen(), now()).unwrap();
    let raw = store.backend().raw("alongside.profile").unwrap();
    let header = schema::peek(&raw).unwrap();
    assert_eq!(header.kind, "profile");
    assert_eq!(header.schema, Profile::SCHEMA);
    assert_eq!(header.rev, 1);
}

#[test]
fn a_corrupt_value_is_moved_aside_kept_whole_and_reported() {
    let backend = MemoryBackend::new();
    let garbage = "{\"app\":\"alongside\",\"kind\":\"profile\",\"sch";
    backend.plant("alongside.profile", garbage);
    backend.plant("alongside.diary.2026-11", "something else");
    let store = Store::new(backend);

    let load = store.load::<Profile>(&key(), now());
    assert_eq!(load.value, None);
    let Some(LoadProblem::Quarantined { what, kept_as, .. }) = &load.problem else {
        panic!("expected quarantine, got {:?}", load.problem);
    };
    assert_eq!(what, "your details");
    assert!(load
        .problem
        .as_ref()
        .unwrap()
        .message()
        .starts_with("Some of your saved information (your details) could not be read."));

    // The original is gone from its key, and kept whole under the new one.
    assert_eq!(store.backend().raw("alongside.profile"), None);
    let kept = store.backend().raw(kept_as.as_str()).unwrap();
    let envelope: schema::Envelope<QuarantinedValue> = serde_json::from_str(&kept).unwrap();
    assert_eq!(envelope.kind, "quarantine");
    let entry = envelope.data;
    assert_eq!(entry.raw, garbage);
    assert_eq!(entry.from_key, "alongside.profile");
    assert_eq!(store.quarantined(), vec![kept_as.clone()]);

    // Other values are untouched, and the app can save afresh.
    assert_eq!(
        store.backend().raw("alongside.diary.2026-11").as_deref(),
        Some("something else")
    );
    assert_eq!(store.save(&key(), &maureen(), now()), Ok(1));
    assert_eq!(store.backend().raw(kept_as.as_str()).unwrap(), kept);
}

#[test]
fn two_damaged_copies_in_the_same_moment_are_both_kept() {
    let store = Store::new(MemoryBackend::new());
    store.backend().plant("alongside.profile", "first");
    store.load::<Profile>(&key(), now());
    store.backend().plant("alongside.profile", "second");
    store.load::<Profile>(&key(), now());
    let kept = store.quarantined();
    assert_eq!(kept.len(), 2);
    let raws: Vec<String> = kept
        .iter()
        .map(|k| store.backend().raw(k.as_str()).unwrap())
        .collect();
    assert!(raws[0].contains("first") && raws[1].contains("second"));
}

#[test]
fn a_corrupt_value_that_cannot_be_moved_is_left_alone() {
    // Room for the damaged value, but not for a copy of it.
    let garbage = "x".repeat(100);
    let backend = MemoryBackend::new().with_quota(150);
    backend.plant("alongside.profile", &garbage);
    let store = Store::new(backend);
    let load = store.load::<Profile>(&key(), now());
    assert!(matches!(load.problem, Some(LoadProblem::Unreadable { .. })));
    assert_eq!(
        store.backend().raw("alongside.profile").as_deref(),
        Some(garbage.as_str())
    );
    assert!(store.is_read_only(&key()));
    assert_eq!(
        store.save(&key(), &maureen(), now()),
        Err(SaveError::Unreadable {
            what: "your details".into()
        })
    );
    assert_eq!(
        store.backend().raw("alongside.profile").as_deref(),
        Some(garbage.as_str())
    );
}

#[test]
fn a_newer_version_is_shown_but_never_rewritten() {
    let newer = r#"{"app":"alongside","kind":"profile","schema":99,"rev":12,"saved_at":"2027-01-01T00:00:00.000Z","data":{"preferred_name":"Maureen","conditions":[],"link_worker":{"name":null,"contact":null},"what_matters":"From the future","pronouns":"she/her"}}"#;
    let store = Store::new(MemoryBackend::new());
    store.backend().plant("alongside.profile", newer);

    let load = store.load::<Profile>(&key(), now());
    assert_eq!(
        load.value.map(|p| p.what_matters),
        Some("From the future".to_string())
    );
    assert_eq!(
        load.problem,
        Some(LoadProblem::Newer {
            what: "your details".into()
        })
    );
    assert!(store.is_read_only(&key()));
    assert!(matches!(
        store.save(&key(), &maureen(), now()),
        Err(SaveError::Newer { .. })
    ));
    assert_eq!(
        store.backend().raw("alongside.profile").as_deref(),
        Some(newer)
    );
    assert!(
        store.quarantined().is_empty(),
        "a newer value is not damage"
    );
}

#[test]
fn a_newer_version_written_after_we_read_is_not_overwritten() {
    let store = Store::new(MemoryBackend::new());
    store.load::<Profile>(&key(), now());
    let newer =
        r#"{"app":"alongside","kind":"profile","schema":99,"rev":1,"saved_at":"","data":{}}"#;
    store.backend().plant("alongside.profile", newer);
    assert!(matches!(
        store.save(&key(), &maureen(), now()),
        Err(SaveError::Newer { .. })
    ));
    assert_eq!(
        store.backend().raw("alongside.profile").as_deref(),
        Some(newer)
    );
}

#[test]
fn a_stale_tab_never_overwrites_a_newer_save() {
    let backend = MemoryBackend::new();
    let tab_a = Store::new(backend);
    tab_a.load::<Profile>(&key(), now());
    tab_a.save(&key(), &maureen(), now()).unwrap();
    let shared = tab_a.backend().snapshot();

    // Tab B reads, then tab A saves again.
    let tab_b = Store::new(MemoryBackend::new());
    for (k, v) in &shared {
        tab_b.backend().plant(k, v);
    }
    tab_b.load::<Profile>(&key(), now());
    tab_a
        .save(
            &key(),
            &Profile {
                what_matters: "newer words".into(),
                ..maureen()
            },
            now(),
        )
        .unwrap();
    let newest = tab_a.backend().raw("alongside.profile").unwrap();
    tab_b.backend().plant("alongside.profile", &newest);

    // Tab B's save is refused and the newer words survive.
    let err = tab_b.save(&key(), &maureen(), now()).unwrap_err();
    assert_eq!(
        err,
        SaveError::ChangedElsewhere {
            what: "your details".into()
        }
    );
    assert!(err.message().contains("Nothing has been overwritten"));
    assert_eq!(tab_b.backend().raw("alongside.profile").unwrap(), newest);

    // After reloading, tab B can save on top of the newest revision.
    let reloaded = tab_b.load::<Profile>(&key(), now());
    assert_eq!(reloaded.value.unwrap().what_matters, "newer words");
    assert_eq!(tab_b.save(&key(), &maureen(), now()), Ok(3));
}

#[test]
fn a_stale_tab_cannot_overwrite_a_fresh_save_made_after_a_quarantine() {
    // Tab A reads a good value at rev 1.
    let tab_a = Store::new(MemoryBackend::new());
    tab_a.load::<Profile>(&key(), now());
    tab_a.save(&key(), &maureen(), now()).unwrap();
    // The value is then damaged; tab B moves it aside and saves afresh.
    let tab_b = Store::new(MemoryBackend::new());
    tab_b.backend().plant("alongside.profile", "garbage");
    tab_b.load::<Profile>(&key(), now());
    let fresh = Profile {
        what_matters: "tab B's words".into(),
        ..maureen()
    };
    assert_eq!(tab_b.save(&key(), &fresh, now()), Ok(1));
    let newest = tab_b.backend().raw("alongside.profile").unwrap();
    // Tab A's next save is refused, even though the revision numbers match.
    tab_a.backend().plant("alongside.profile", &newest);
    assert!(matches!(
        tab_a.save(&key(), &maureen(), now()),
        Err(SaveError::ChangedElsewhere { .. })
    ));
    assert_eq!(tab_a.backend().raw("alongside.profile").unwrap(), newest);
}

#[test]
fn a_damaged_value_written_after_we_read_is_not_saved_over() {
    let store = Store::new(MemoryBackend::new());
    store.load::<Profile>(&key(), now());
    store.save(&key(), &maureen(), now()).unwrap();
    store.backend().plant("alongside.profile", "{damaged");
    assert!(matches!(
        store.save(&key(), &maureen(), now()),
        Err(SaveError::ChangedElsewhere { .. })
    ));
    assert_eq!(
        store.backend().raw("alongside.profile").as_deref(),
        Some("{damaged")
    );
}

#[test]
fn a_value_removed_by_another_tab_is_not_brought_back() {
    let store = Store::new(MemoryBackend::new());
    store.load::<Profile>(&key(), now());
    store.save(&key(), &maureen(), now()).unwrap();
    use alongside::store::Backend;
    store.backend().remove("alongside.profile").unwrap();
    assert!(matches!(
        store.save(&key(), &maureen(), now()),
        Err(SaveError::ChangedElsewhere { .. })
    ));
}

#[test]
fn a_full_storage_refuses_the_save_and_keeps_the_old_value() {
    let store = Store::new(MemoryBackend::new().with_quota(600));
    store.load::<Profile>(&key(), now());
    store.save(&key(), &maureen(), now()).unwrap();
    let before = store.backend().raw("alongside.profile").unwrap();

    let big = Profile {
        what_matters: "a".repeat(1000),
        ..maureen()
    };
    let err = store.save(&key(), &big, now()).unwrap_err();
    assert_eq!(err, SaveError::Full);
    assert!(err
        .message()
        .contains("storage Alongside can use on this phone is full"));
    assert_eq!(store.backend().raw("alongside.profile").unwrap(), before);
    // The failed save did not advance the revision.
    assert_eq!(store.save(&key(), &maureen(), now()), Ok(2));
}

#[test]
fn disabled_storage_is_reported_on_load_and_save() {
    let store = Store::new(MemoryBackend::new());
    store.backend().set_unavailable(true);
    let load = store.load::<Profile>(&key(), now());
    assert_eq!(load.problem, Some(LoadProblem::Unavailable));
    assert_eq!(
        store.save(&key(), &maureen(), now()),
        Err(SaveError::Unavailable)
    );
}

#[test]
fn a_value_of_the_wrong_kind_under_our_key_is_kept_aside_before_saving() {
    let store = Store::new(MemoryBackend::new());
    let other = r#"{"app":"alongside","kind":"goal","schema":1,"rev":4,"saved_at":"","data":{}}"#;
    store.backend().plant("alongside.profile", other);
    let load = store.load::<Profile>(&key(), now());
    assert!(matches!(
        load.problem,
        Some(LoadProblem::Quarantined { .. })
    ));
    // Revisions keep rising above the value that was moved aside.
    assert_eq!(store.save(&key(), &maureen(), now()), Ok(5));
    let kept = store.quarantined();
    assert_eq!(kept.len(), 1);
    assert!(store
        .backend()
        .raw(kept[0].as_str())
        .unwrap()
        .contains("goal"));
}

// Migration fixtures: one per released schema version of each record.

#[test]
fn profile_fixture_v1_upgrades_to_the_current_profile() {
    let raw = include_str!("fixtures/storage/profile-v1.json");
    let decoded = schema::decode::<Profile>(raw).unwrap();
    assert_eq!(decoded.value, maureen());
    assert_eq!(decoded.rev, 3);
    assert_eq!(decoded.upgraded_from, Some(1));
}

#[test]
fn profile_fixture_v2_reads_as_is() {
    let raw = include_str!("fixtures/storage/profile-v2.json");
    let decoded = schema::decode::<Profile>(raw).unwrap();
    assert_eq!(decoded.value, maureen());
    assert_eq!(decoded.upgraded_from, None);
}

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

/// The goals kept in `goals-v1.json`.
fn maureens_goals() -> GoalBook {
    GoalBook {
        goals: vec![
            Goal {
                id: 1,
                text: "Walk to the corner shop without stopping".into(),
                why: Some("So I can get my own paper again".into()),
                target: Some(day(12, 24)),
                conditions: vec![Condition::Listed(ListedCondition::Copd)],
                steps: vec![
                    Step {
                        id: 1,
                        text: "Walk to the gate".into(),
                        done_on: Some(day(11, 2)),
                    },
                    Step {
                        id: 3,
                        text: "Walk to the post box".into(),
                        done_on: None,
                    },
                ],
                ratings: vec![
                    Rating {
                        on: day(11, 1),
                        value: 2,
                    },
                    Rating {
                        on: day(11, 15),
                        value: 5,
                    },
                ],
                notes: vec![Reflection {
                    on: day(11, 2),
                    text: "Windy, but I did it".into(),
                }],
                status: GoalStatus::WorkingOnIt,
                status_changes: vec![],
                created_on: day(11, 1),
                next_step_id: 4,
            },
            Goal {
                id: 3,
                text: "Go to the Tuesday walking group".into(),
                why: None,
                target: None,
                conditions: vec![],
                steps: vec![],
                ratings: vec![],
                notes: vec![],
                status: GoalStatus::Done,
                status_changes: vec![StatusChange {
                    on: day(11, 18),
                    status: GoalStatus::Done,
                }],
                created_on: day(11, 3),
                next_step_id: 1,
            },
        ],
        next_id: 4,
    }
}

#[test]
fn goals_fixture_v1_reads_as_is() {
    let raw = include_str!("fixtures/storage/goals-v1.json");
    let decoded = schema::decode::<GoalBook>(raw).unwrap();
    assert_eq!(decoded.value, maureens_goals());
    assert_eq!(decoded.rev, 9);
    assert_eq!(decoded.upgraded_from, None);
}

#[test]
fn goals_that_do_not_add_up_are_kept_aside_not_shown() {
    let store = Store::new(MemoryBackend::new());
    let fixture = include_str!("fixtures/storage/goals-v1.json");
    let bad = fixture.replace("\"value\":5", "\"value\":200");
    assert_ne!(bad, fixture);
    store.backend().plant("alongside.goals", &bad);
    let load = store.load::<GoalBook>(&StoreKey::of::<GoalBook>(), now());
    assert_eq!(load.value, None);
    match load.problem {
        Some(LoadProblem::Quarantined { what, reason, .. }) => {
            assert_eq!(what, "your goals");
            assert_eq!(
                reason,
                "some of it does not make sense (a rating is above 10)"
            );
        }
        other => panic!("{other:?}"),
    }
    // The profile is untouched by a problem with the goals.
    assert_eq!(store.load::<Profile>(&key(), now()).problem, None);
}

#[test]
fn an_upgraded_value_is_saved_in_the_current_schema_with_the_next_revision() {
    let store = Store::new(MemoryBackend::new());
    store.backend().plant(
        "alongside.profile",
        include_str!("fixtures/storage/profile-v1.json"),
    );
    let load = store.load::<Profile>(&key(), now());
    assert_eq!(load.value, Some(maureen()));
    assert_eq!(store.save(&key(), &maureen(), now()), Ok(4));
    let header = schema::peek(&store.backend().raw("alongside.profile").unwrap()).unwrap();
    assert_eq!((header.schema, header.rev), (Profile::SCHEMA, 4));
}

/// Every truncation and every single-bit flip of the stored fixtures is
/// loaded without a panic, and the stored text is never lost: it is either
/// read, or kept whole under a quarantine key.
#[test]
fn damaged_values_never_panic_and_are_never_lost() {
    let fixtures = [
        include_str!("fixtures/storage/profile-v1.json"),
        include_str!("fixtures/storage/profile-v2.json"),
        include_str!("fixtures/storage/goals-v1.json"),
        include_str!("fixtures/storage/diary-month-v1.json"),
    ];
    let mut cases = 0;
    for fixture in fixtures {
        let bytes = fixture.as_bytes();
        let mut variants: Vec<Vec<u8>> = (0..bytes.len()).map(|n| bytes[..n].to_vec()).collect();
        for i in 0..bytes.len() {
            for bit in 0..8 {
                let mut flipped = bytes.to_vec();
                flipped[i] ^= 1 << bit;
                variants.push(flipped);
            }
        }
        for variant in variants {
            // Local storage holds text, so only valid UTF-8 can be stored.
            let Ok(raw) = String::from_utf8(variant) else {
                continue;
            };
            cases += 1;
            let store = Store::new(MemoryBackend::new());
            let kind = ["goals", "diary_month"]
                .into_iter()
                .find(|k| fixture.contains(&format!("\"kind\":\"{k}\"")))
                .unwrap_or("profile");
            let key = match kind {
                "goals" => StoreKey::of::<GoalBook>(),
                "diary_month" => StoreKey::diary_month(day(11, 1)),
                _ => key(),
            };
            let name = key.as_str().to_string();
            let name = name.as_str();
            store.backend().plant(name, &raw);
            let (value, problem) = match kind {
                "goals" => {
                    let load = store.load::<GoalBook>(&key, now());
                    (load.value.is_some(), load.problem)
                }
                "diary_month" => {
                    let load = store.load::<alongside::model::diary::DiaryMonth>(&key, now());
                    (load.value.is_some(), load.problem)
                }
                _ => {
                    let load = store.load::<Profile>(&key, now());
                    (load.value.is_some(), load.problem)
                }
            };
            match (value, &problem) {
                (true, None) => {
                    assert_eq!(store.backend().raw(name).as_deref(), Some(raw.as_str()));
                }
                (_, Some(LoadProblem::Quarantined { kept_as, .. })) => {
                    let kept = store.backend().raw(kept_as.as_str()).unwrap();
                    let envelope: schema::Envelope<QuarantinedValue> =
                        serde_json::from_str(&kept).unwrap();
                    assert_eq!(envelope.data.raw, raw);
                }
                (_, Some(LoadProblem::Newer { .. })) => {
                    assert!(store.is_read_only(&key));
                    assert_eq!(store.backend().raw(name).as_deref(), Some(raw.as_str()));
                }
                other => panic!("unexpected outcome {other:?} for {raw}"),
            }
        }
    }
    assert!(cases > 10_000, "only {cases} cases ran");
}

#[test]
fn text_that_is_not_valid_unicode_is_left_exactly_where_it_is() {
    let store = Store::new(MemoryBackend::new());
    store.backend().plant_invalid_text("alongside.profile");
    let load = store.load::<Profile>(&key(), now());
    assert!(matches!(load.problem, Some(LoadProblem::Unreadable { .. })));
    assert!(
        store.quarantined().is_empty(),
        "a changed copy is not a copy"
    );
    assert!(store.is_read_only(&key()));
    assert_eq!(
        store.save(&key(), &maureen(), now()),
        Err(SaveError::Unreadable {
            what: "your details".into()
        })
    );
    assert!(store.backend().raw("alongside.profile").is_some());
}

// The diary: one value per month, a summary per year, and the settings.

fn diary_november() -> alongside::model::diary::DiaryMonth {
    use alongside::model::diary::{DayEntry, DiaryMonth, Reading};
    let r = |m: &str, t: Option<u16>, v: i32| Reading { m: m.into(), t, v };
    DiaryMonth {
        days: vec![
            DayEntry {
                date: day(11, 2),
                readings: vec![
                    r("mood", None, 4),
                    r("glucose", Some(480), 56),
                    r("glucose", Some(750), 71),
                ],
                note: Some("Walked to the shop".into()),
            },
            DayEntry {
                date: day(11, 3),
                readings: vec![r("mood", None, 2), r("pain", None, 7)],
                note: None,
            },
        ],
    }
}

#[test]
fn diary_fixtures_v1_read_as_is_and_the_summary_matches_the_month() {
    use alongside::model::diary::{DiaryIndex, DiaryMonth, DiarySettings, Month};
    let month =
        schema::decode::<DiaryMonth>(include_str!("fixtures/storage/diary-month-v1.json")).unwrap();
    assert_eq!(month.value, diary_november());
    let index =
        schema::decode::<DiaryIndex>(include_str!("fixtures/storage/diary-index-v1.json")).unwrap();
    let mut expected = DiaryIndex::default();
    expected.update(
        Month {
            year: 2026,
            month: 11,
        },
        &diary_november(),
    );
    assert_eq!(index.value, expected);
    let settings =
        schema::decode::<DiarySettings>(include_str!("fixtures/storage/diary-settings-v1.json"))
            .unwrap();
    assert_eq!(settings.value.hidden, vec!["sleep".to_string()]);
    assert_eq!(settings.value.own[0].id, "own-1");
}

#[test]
fn a_diary_month_with_days_out_of_order_is_kept_aside() {
    use alongside::model::diary::DiaryMonth;
    let fixture = include_str!("fixtures/storage/diary-month-v1.json");
    let swapped = fixture.replace("2026-11-03", "2026-11-01");
    let store = Store::new(MemoryBackend::new());
    let key = StoreKey::diary_month(day(11, 1));
    store.backend().plant(key.as_str(), &swapped);
    let load = store.load::<DiaryMonth>(&key, now());
    assert!(matches!(
        load.problem,
        Some(LoadProblem::Quarantined { ref what, ref reason, .. })
            if what == "your diary for November 2026" && reason.contains("the days are out of order")
    ));
}

// Appointments: one key, schema 1.

fn walking_group() -> alongside::model::appointment::ApptBook {
    use alongside::model::appointment::{ApptBook, ApptDraft, ApptKind};
    let mut book = ApptBook::default();
    let draft = ApptDraft {
        kind: ApptKind::Group,
        with: "Tuesday walking group".into(),
        date: "2026-11-24".into(),
        time: "10:30".into(),
        place: "Park gates, Mill Lane".into(),
        questions: "Is there a shorter route?".into(),
        every_weeks: "1".into(),
        until: "2026-12-15".into(),
        ..ApptDraft::default()
    };
    book.add(&draft).unwrap();
    book.get_mut(1).unwrap().cancel_one(day(12, 8), true);
    book
}

#[test]
fn appointments_fixture_v1_reads_as_is() {
    use alongside::model::appointment::ApptBook;
    let decoded =
        schema::decode::<ApptBook>(include_str!("fixtures/storage/appointments-v1.json")).unwrap();
    assert_eq!(decoded.value, walking_group());
    assert!(decoded.value.all()[2].cancelled);
}

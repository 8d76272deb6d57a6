//! The reactive stores the UI reads, provided in context.
//!
//! Components never touch storage: they call a method here, which runs the
//! domain operation, saves through the [`Store`], and updates a signal.

use std::sync::Arc;

use leptos::prelude::*;

use crate::model::goal::DeletedGoal;
use chrono::NaiveDate;

use crate::model::appointment::ApptBook;
use crate::model::csv;
use crate::model::diary::{
    example_entries, DayEntry, DiaryIndex, DiaryMonth, DiarySettings, Measure, Month, MonthSummary,
};
use crate::model::wellbeing::{TalkList, Wellbeing};
use crate::model::{Condition, FieldError, Goal, GoalBook, GoalField, ListedCondition, Profile};
use crate::platform::crypto;
use crate::platform::persist::Persistence;
use crate::platform::{clock, page, storage, sync};
use crate::share::link::{self, ITERATIONS, NONCE_LEN, SALT_LEN};
use crate::share::words;
use crate::store::backup::{self, Backup, BackupContents, BackupError};
use crate::store::device::{BackupRecord, DEVICE_KEY};
use crate::store::protected;
use crate::store::schema::Record;
use crate::store::{BrowserBackend, LoadProblem, SaveError, Store, StoreKey};

/// The store over the browser's local storage.
pub type AppStore = Store<BrowserBackend>;

/// How serious a notice is, which decides its colour and ARIA role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Something to know about (a value kept aside, read-only mode).
    Warning,
    /// Something failed just now (a save).
    Error,
}

/// A message shown at the top of every page until it is resolved or
/// dismissed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// Unique for this session, so a notice can be dismissed.
    pub id: u32,
    /// How serious it is.
    pub tone: Tone,
    /// What to tell the client.
    pub message: String,
    /// Save failures are replaced by the next save's outcome, not dismissed.
    pub from_save: bool,
}

/// What is shown when a change made in another tab or window replaced
/// what the client was part-way through.
pub const CHANGED_ELSEWHERE: &str =
    "This was changed in another window. You are seeing the newest version.";

/// The list of notices, and the count of changes from other tabs that
/// make the current page draw itself again (every store holds this, so
/// each can report one).
#[derive(Debug, Clone, Copy)]
pub struct Notices {
    list: RwSignal<Vec<Notice>>,
    next_id: RwSignal<u32>,
    redraws: RwSignal<u32>,
}

impl Notices {
    fn new() -> Self {
        Notices {
            list: RwSignal::new(Vec::new()),
            next_id: RwSignal::new(1),
            redraws: RwSignal::new(0),
        }
    }

    /// Counts the changes from elsewhere (tracked): a page that reads it
    /// is drawn again from the newest data after each one, so no form
    /// keeps showing, and later saving, values that are out of date.
    pub fn redraws(&self) -> u32 {
        self.redraws.get()
    }

    /// Newer data from another tab or window has been loaded: the page is
    /// drawn again from it, and if the client was part-way through a form
    /// on it, they are told calmly why it changed. Deferred, so a handler
    /// that is still running finishes before its page is replaced.
    pub fn changed_elsewhere(&self) {
        let this = *self;
        queue_microtask(move || {
            if sync::typed_here() {
                this.warn(CHANGED_ELSEWHERE.into());
                page::focus_after_render(crate::app::components::HEADING_ID);
            }
            sync::forget_typing();
            this.redraws.update(|n| *n += 1);
        });
    }

    /// The notices to show, oldest first.
    pub fn all(&self) -> Vec<Notice> {
        self.list.get()
    }

    /// Adds a notice about something found while loading. The same
    /// message is shown once, however many records it applies to.
    pub fn warn(&self, message: String) {
        if !self
            .list
            .with_untracked(|l| l.iter().any(|n| n.message == message))
        {
            self.push(Tone::Warning, message, false);
        }
    }

    fn push(&self, tone: Tone, message: String, from_save: bool) {
        let id = self.next_id.get_untracked();
        self.next_id.set(id + 1);
        self.list.update(|l| {
            l.push(Notice {
                id,
                tone,
                message,
                from_save,
            })
        });
    }

    /// Shows the result of a save: a failure replaces any earlier save
    /// failure; a success clears them.
    pub fn save_result(&self, result: &Result<(), SaveError>) {
        self.list.update(|l| l.retain(|n| !n.from_save));
        match result {
            Err(e) => self.push(Tone::Error, e.message(), true),
            // What was typed is saved: no longer part-way through.
            Ok(()) => sync::forget_typing(),
        }
    }

    /// Removes the notice with `id`.
    pub fn dismiss(&self, id: u32) {
        self.list.update(|l| l.retain(|n| n.id != id));
    }
}

/// One stored record, loaded at start and saved through the store: the
/// signal the pages read, and whether this build may change it.
#[derive(Debug)]
pub struct Saved<T: Send + Sync + 'static> {
    value: RwSignal<Option<T>>,
    read_only: RwSignal<bool>,
    last_failed: RwSignal<bool>,
    key: StoredValue<StoreKey>,
    store: StoredValue<Arc<AppStore>>,
    notices: Notices,
}

impl<T: Send + Sync + 'static> Clone for Saved<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Saved<T> {}

impl<T: Record + Clone + Send + Sync + 'static> Saved<T> {
    fn load(store: Arc<AppStore>, notices: Notices, key: StoreKey) -> Self {
        let load = store.load::<T>(&key, clock::now());
        if let Some(problem) = &load.problem {
            notices.warn(problem.message());
        }
        Saved {
            value: RwSignal::new(load.value),
            read_only: RwSignal::new(matches!(
                load.problem,
                Some(LoadProblem::Newer { .. } | LoadProblem::Unreadable { .. })
            )),
            last_failed: RwSignal::new(false),
            key: StoredValue::new(key),
            store: StoredValue::new(store),
            notices,
        }
    }

    /// Reads the value from storage again, after another tab or window
    /// changed it, so the newest is shown and the next save builds on it.
    /// True if what is shown changed.
    pub fn reload(&self) -> bool
    where
        T: PartialEq,
    {
        let value = self.load_again();
        let changed = self.value.with_untracked(|v| *v != value);
        if changed {
            self.value.set(value);
        }
        changed
    }

    /// Reads the stored value afresh, noting any problem and whether this
    /// build may change it.
    fn load_again(&self) -> Option<T> {
        let key = self.key.get_value();
        let load = self.store.with_value(|s| s.load::<T>(&key, clock::now()));
        if let Some(problem) = &load.problem {
            self.notices.warn(problem.message());
        }
        self.read_only.set(matches!(
            load.problem,
            Some(LoadProblem::Newer { .. } | LoadProblem::Unreadable { .. })
        ));
        load.value
    }

    /// The value, if there is one (tracked).
    pub fn get(&self) -> Option<T> {
        self.value.get()
    }

    /// Reads the value without cloning it (tracked).
    pub fn with<R>(&self, f: impl FnOnce(Option<&T>) -> R) -> R {
        self.value.with(|v| f(v.as_ref()))
    }

    /// Reads the value without cloning it or tracking it, in event handlers.
    pub fn with_untracked<R>(&self, f: impl FnOnce(Option<&T>) -> R) -> R {
        self.value.with_untracked(|v| f(v.as_ref()))
    }

    /// True when this build must not change the stored value (it came
    /// from a newer version, or could not be read or moved aside).
    pub fn is_read_only(&self) -> bool {
        self.read_only.get()
    }

    /// Saves `value`. The result is shown at once in the notices. If the
    /// browser refused (full, switched off), the new value stays in use
    /// for this session, so nothing the client typed is lost, and the
    /// stored one is unchanged. If another tab or window saved first, its
    /// newer value is loaded and shown instead: it is never overwritten.
    /// If this build must not write the key, the value shown stays as it
    /// was.
    pub fn save(&self, value: T) -> Result<(), SaveError> {
        let result = self.store.with_value(|s| {
            self.key
                .with_value(|key| s.save(key, &value, clock::now()))
                .map(|_| ())
        });
        match result {
            Err(SaveError::Newer { .. } | SaveError::Unreadable { .. }) => self.read_only.set(true),
            // Another tab saved first: show the newest, never overwrite it.
            Err(SaveError::ChangedElsewhere { .. }) => {
                self.value.set(self.load_again());
                self.notices.changed_elsewhere();
            }
            _ => self.value.set(Some(value)),
        }
        self.last_failed.set(result.is_err());
        self.notices.save_result(&result);
        result
    }

    /// True if the latest save worked, so a page may say "saved"; after a
    /// failure the notices already say what happened.
    pub fn saved_ok(&self) -> bool {
        !self.last_failed.get_untracked()
    }

    /// Runs a domain operation on a copy of the value (or a new empty one)
    /// and saves the result. If the operation refuses (bad input), nothing
    /// changes and nothing is saved: never half a change.
    pub fn change<R, E>(&self, op: impl FnOnce(&mut T) -> Result<R, E>) -> Result<R, E>
    where
        T: Default,
    {
        let mut next = self.value.get_untracked().unwrap_or_default();
        let out = op(&mut next)?;
        // A failed save is shown by the notices; the change stays in use.
        let _ = self.save(next);
        Ok(out)
    }
}

/// When and how the client shared summaries.
pub type ShareLogStore = Saved<crate::share::log::ShareLog>;

/// Summaries a link worker kept on this device.
pub type KeptStore = Saved<crate::share::log::KeptSummaries>;

/// The client's profile, from set-up.
pub type ProfileStore = Saved<Profile>;

impl ProfileStore {
    /// True once there is a profile (set-up done or a newer version's
    /// profile shown read-only).
    pub fn is_set_up(&self) -> bool {
        self.value.with(Option::is_some)
    }
}

/// The client's goals.
pub type GoalsStore = Saved<GoalBook>;

impl GoalsStore {
    /// Runs a domain operation on one goal and saves the result, as
    /// [`Saved::change`] does. A goal deleted meanwhile (in another tab,
    /// say) is reported, not recreated.
    pub fn change_goal<R>(
        &self,
        id: u32,
        op: impl FnOnce(&mut Goal) -> Result<R, FieldError<GoalField>>,
    ) -> Result<R, FieldError<GoalField>> {
        self.change(|book| match book.get_mut(id) {
            Some(goal) => op(goal),
            None => Err(FieldError::new(
                GoalField::Text,
                "This goal has been deleted, so it cannot be changed",
            )),
        })
    }
}

/// The client's appointments.
pub type ApptStore = Saved<ApptBook>;

/// The wellbeing check-ins.
pub type WellbeingStore = Saved<Wellbeing>;

/// Things to talk about next time.
pub type TalkStore = Saved<TalkList>;

/// A goal the client just deleted, so the goals page can offer "Undo".
#[derive(Debug, Clone, Copy)]
pub struct DeletedGoalSlot(pub RwSignal<Option<DeletedGoal>>);

/// Facts about the app itself rather than the client's record.
#[derive(Debug, Clone, Copy)]
pub struct AppStatus {
    /// A new version has been downloaded and is waiting.
    pub update_ready: RwSignal<bool>,
    /// What the browser said about keeping our storage.
    pub persistence: RwSignal<Option<Persistence>>,
    /// How many unreadable values have been kept aside.
    pub quarantined: RwSignal<usize>,
    /// The client's details were just saved from "Change your details";
    /// My data confirms it once.
    pub details_saved: RwSignal<bool>,
    /// Storage holds nothing of ours, but the marker in a second storage
    /// area says it did: the browser removed the client's data.
    pub data_removed: RwSignal<bool>,
}

/// Loads everything from storage and provides the stores in context.
/// Called once, at the top of the app.
pub fn provide_app_state() {
    let store = Arc::new(AppStore::new(BrowserBackend));
    let notices = Notices::new();
    let profile = ProfileStore::load(store.clone(), notices, StoreKey::profile());
    let goals = GoalsStore::load(store.clone(), notices, StoreKey::goals());
    let status = AppStatus {
        update_ready: RwSignal::new(false),
        persistence: RwSignal::new(None),
        quarantined: RwSignal::new(store.quarantined().len()),
        details_saved: RwSignal::new(false),
        data_removed: RwSignal::new(false),
    };
    provide_context(notices);
    provide_today();
    provide_context(profile);
    provide_context(goals);
    provide_context(ApptStore::load(
        store.clone(),
        notices,
        StoreKey::appointments(),
    ));
    provide_context(WellbeingStore::load(
        store.clone(),
        notices,
        StoreKey::wellbeing(),
    ));
    provide_context(TalkStore::load(store.clone(), notices, StoreKey::talk()));
    provide_context(ShareLogStore::load(
        store.clone(),
        notices,
        StoreKey::shares(),
    ));
    provide_context(KeptStore::load(
        store.clone(),
        notices,
        StoreKey::kept_summaries(),
    ));
    provide_context(DiaryStore::new(store.clone(), notices, profile));
    provide_context(DeletedGoalSlot(RwSignal::new(None)));
    provide_context(status);
    provide_data_tools(store, notices, status);
}

/// Provides the My data operations, and keeps this tab in step with
/// other tabs and windows, and with the marker of removed data.
fn provide_data_tools(store: Arc<AppStore>, notices: Notices, status: AppStatus) {
    provide_context(DataTools {
        store: StoredValue::new(store.clone()),
        notices,
        last_backup: RwSignal::new(
            storage::device_get(DEVICE_KEY)
                .and_then(|t| BackupRecord::parse(&t))
                .and_then(|r| r.last_backup),
        ),
    });
    let stores = Stores {
        profile: use_profile(),
        goals: use_goals(),
        appointments: use_appointments(),
        wellbeing: use_wellbeing(),
        talk: use_talk(),
        shares: use_share_log(),
        kept: use_kept(),
        diary: use_diary(),
        status,
        store: StoredValue::new(store.clone()),
    };
    sync::watch_typing();
    sync::on_other_tab_change(move |key| stores.changed(key, notices));
    watch_for_removal(store, stores.profile, status);
}

/// Every store, to reload what another tab or window changed.
#[derive(Clone, Copy)]
struct Stores {
    profile: ProfileStore,
    goals: GoalsStore,
    appointments: ApptStore,
    wellbeing: WellbeingStore,
    talk: TalkStore,
    shares: ShareLogStore,
    kept: KeptStore,
    diary: DiaryStore,
    status: AppStatus,
    store: StoredValue<Arc<AppStore>>,
}

impl Stores {
    /// Another tab or window changed `key` (or cleared storage, `None`):
    /// reads the affected values again and redraws the page from them.
    fn changed(&self, key: Option<String>, notices: Notices) {
        let key = match key {
            Some(raw) => match StoreKey::parse(&raw) {
                Some(key) => Some(key),
                // Not ours (device records, other apps): nothing to reload.
                None => return,
            },
            None => None,
        };
        let is = |k: StoreKey| key.as_ref().is_none_or(|key| *key == k);
        let mut changed = false;
        if is(StoreKey::profile()) {
            changed |= self.profile.reload();
        }
        if is(StoreKey::goals()) {
            changed |= self.goals.reload();
        }
        if is(StoreKey::appointments()) {
            changed |= self.appointments.reload();
        }
        if is(StoreKey::wellbeing()) {
            changed |= self.wellbeing.reload();
        }
        if is(StoreKey::talk()) {
            changed |= self.talk.reload();
        }
        if is(StoreKey::shares()) {
            changed |= self.shares.reload();
        }
        if is(StoreKey::kept_summaries()) {
            changed |= self.kept.reload();
        }
        match &key {
            None => {
                self.diary.reload_all();
                changed = true;
            }
            Some(k) if k.as_str().starts_with("alongside.diary.") => {
                changed |= self.diary.reload_key(k);
            }
            Some(_) => {}
        }
        let quarantined = self.store.with_value(|s| s.quarantined().len());
        self.status.quarantined.set(quarantined);
        // Only a change the client can see redraws the page: another tab
        // writing what this one already shows must not disturb them.
        if changed {
            notices.changed_elsewhere();
        }
    }
}

/// Keeps the marker that tells "the browser removed the data" apart from
/// a first visit (see `platform::storage`): set while there is a profile;
/// at start, nothing of ours stored but the marker present means the
/// data was removed.
fn watch_for_removal(store: Arc<AppStore>, profile: ProfileStore, status: AppStatus) {
    let nothing_stored = store.keys().is_empty();
    leptos::task::spawn_local(async move {
        if nothing_stored && storage::has_marker().await {
            status.data_removed.set(true);
            // The welcome screen was drawn while the marker was being
            // checked: move a screen reader to the page that replaced it.
            crate::platform::page::focus_after_render(crate::app::components::HEADING_ID);
        }
    });
    // Written once when the details are there (at start, or when set-up
    // or a restore completes), not again on every later save of them.
    Effect::new(move |was_set_up: Option<bool>| {
        let set_up = profile.is_set_up();
        if set_up && was_set_up != Some(true) {
            status.data_removed.set(false);
            leptos::task::spawn_local(storage::set_marker());
        }
        set_up
    });
}

/// Today's UK date, as a signal that changes at midnight (checked every
/// minute and when the app comes back into view), so a page left open
/// overnight never files today's entries under yesterday.
#[derive(Debug, Clone, Copy)]
pub struct TodayDate(pub RwSignal<chrono::NaiveDate>);

/// Provides [`TodayDate`] and keeps it up to date.
fn provide_today() {
    let day = RwSignal::new(clock::today());
    clock::every_minute(move || {
        let now = clock::today();
        if day.get_untracked() != now {
            day.set(now);
        }
    });
    provide_context(TodayDate(day));
}

/// Today's UK date, from context (tracked).
pub fn use_today() -> TodayDate {
    expect_context()
}

/// The notices, from context.
pub fn use_notices() -> Notices {
    expect_context()
}

/// The profile store, from context.
pub fn use_profile() -> ProfileStore {
    expect_context()
}

/// The goals store, from context.
pub fn use_goals() -> GoalsStore {
    expect_context()
}

/// The appointments store, from context.
pub fn use_appointments() -> ApptStore {
    expect_context()
}

/// The wellbeing store, from context.
pub fn use_wellbeing() -> WellbeingStore {
    expect_context()
}

/// The "things to talk about" store, from context.
pub fn use_talk() -> TalkStore {
    expect_context()
}

/// The share log store, from context.
pub fn use_share_log() -> ShareLogStore {
    expect_context()
}

/// The link worker's kept summaries, from context.
pub fn use_kept() -> KeptStore {
    expect_context()
}

/// The goal deleted last, from context.
pub fn use_deleted_goal() -> DeletedGoalSlot {
    expect_context()
}

/// The app status, from context.
pub fn use_status() -> AppStatus {
    expect_context()
}

/// The diary: the client's choices (loaded at start), and the months and
/// month summaries, loaded only when a page needs them so that opening
/// the app costs the same after ten years as on the first day.
#[derive(Debug, Clone, Copy)]
pub struct DiaryStore {
    /// Own measures and hidden ones.
    pub settings: Saved<DiarySettings>,
    months: RwSignal<Vec<(Month, DiaryMonth)>>,
    /// The month summaries of the years loaded so far.
    years: RwSignal<Vec<(i32, DiaryIndex)>>,
    /// Every year with a summary in storage, once looked up.
    stored_years: StoredValue<Option<Vec<i32>>>,
    store: StoredValue<Arc<AppStore>>,
    notices: Notices,
    profile: ProfileStore,
}

impl DiaryStore {
    fn new(store: Arc<AppStore>, notices: Notices, profile: ProfileStore) -> Self {
        DiaryStore {
            profile,
            settings: Saved::load(store.clone(), notices, StoreKey::diary_settings()),
            months: RwSignal::new(Vec::new()),
            years: RwSignal::new(Vec::new()),
            stored_years: StoredValue::new(None),
            store: StoredValue::new(store),
            notices,
        }
    }

    /// The measures the client uses, for their conditions (tracked).
    pub fn measures(&self) -> Vec<Measure> {
        let conditions = self.listed_conditions();
        self.settings
            .with(|s| s.cloned().unwrap_or_default().measures(&conditions))
    }

    /// Every measure, hidden ones too (tracked).
    pub fn all_measures(&self) -> Vec<Measure> {
        let conditions = self.listed_conditions();
        self.settings
            .with(|s| s.cloned().unwrap_or_default().all_measures(&conditions))
    }

    /// The client's listed conditions, from their profile (tracked).
    fn listed_conditions(&self) -> Vec<ListedCondition> {
        self.profile.with(|p| {
            p.map(|p| {
                p.conditions
                    .iter()
                    .filter_map(|c| match c {
                        Condition::Listed(l) => Some(*l),
                        Condition::Own(_) => None,
                    })
                    .collect()
            })
            .unwrap_or_default()
        })
    }

    /// Reads `month` from storage if it is not loaded yet. Call before
    /// reading it, outside reactive code (it may update a signal).
    pub fn load_month(&self, month: Month) {
        if self
            .months
            .with_untracked(|ms| ms.iter().any(|(m, _)| *m == month))
        {
            return;
        }
        let key = StoreKey::diary_month(month.first_day());
        let load = self
            .store
            .with_value(|s| s.load::<DiaryMonth>(&key, clock::now()));
        if let Some(problem) = &load.problem {
            self.notices.warn(problem.message());
        }
        let value = load.value.unwrap_or_default();
        if load.problem.is_none() {
            self.repair_summary(month, &value);
        }
        self.months.update(|ms| ms.push((month, value)));
    }

    /// If a month's stored summary does not match the month (a save of the
    /// summary failed after the month was saved), writes it again, so
    /// trends and the calendar catch up as soon as the month is read.
    fn repair_summary(&self, month: Month, diary: &DiaryMonth) {
        self.load_year(month.year);
        let code = month.code();
        let wanted = MonthSummary::of(month, diary);
        let stale = self.years.with_untracked(|ys| {
            let have = ys
                .iter()
                .find(|(y, _)| *y == month.year)
                .and_then(|(_, i)| i.months.iter().find(|m| m.month == code));
            match have {
                Some(have) => *have != wanted,
                None => !diary.days.is_empty(),
            }
        });
        if stale {
            let result = self.update_index(month, diary, clock::now());
            if result.is_err() {
                self.notices.save_result(&result);
            }
        }
    }

    /// Reads a diary key again after another tab or window changed it: a
    /// loaded month or year is replaced by what is stored now, and the
    /// list of stored years is looked up anew. True if what is shown
    /// changed.
    pub fn reload_key(&self, key: &StoreKey) -> bool {
        if *key == StoreKey::diary_settings() {
            return self.settings.reload();
        }
        self.stored_years.set_value(None);
        if let Some(year) = key.diary_index_year() {
            return self.reload_year(year);
        }
        let month = self.months.with_untracked(|ms| {
            ms.iter()
                .map(|(m, _)| *m)
                .find(|m| StoreKey::diary_month(m.first_day()) == *key)
        });
        let Some(month) = month else {
            return false;
        };
        // The other tab saved the month's summary with it: read that
        // first, so checking the month's summary finds it up to date
        // rather than writing it again.
        let year_changed = self.reload_year(month.year);
        let before = self.with_month_untracked(month);
        self.months
            .update_untracked(|ms| ms.retain(|(m, _)| *m != month));
        self.load_month(month);
        year_changed || self.with_month_untracked(month) != before
    }

    /// Reads a loaded year's summaries again; true if they changed.
    fn reload_year(&self, year: i32) -> bool {
        let before = self
            .years
            .with_untracked(|ys| ys.iter().find(|(y, _)| *y == year).map(|(_, i)| i.clone()));
        let Some(before) = before else {
            return false;
        };
        self.years
            .update_untracked(|ys| ys.retain(|(y, _)| *y != year));
        self.load_year(year);
        self.years
            .with_untracked(|ys| {
                ys.iter()
                    .find(|(y, _)| *y == year)
                    .map(|(_, i)| i != &before)
            })
            .unwrap_or(true)
    }

    /// Forgets every loaded month and year, so each is read again when a
    /// page needs it (after another tab cleared storage).
    pub fn reload_all(&self) {
        let _ = self.settings.reload();
        self.stored_years.set_value(None);
        self.years.set(Vec::new());
        self.months.set(Vec::new());
    }

    /// Reads one year's month summaries if they are not loaded yet.
    pub fn load_year(&self, year: i32) {
        if self
            .years
            .with_untracked(|ys| ys.iter().any(|(y, _)| *y == year))
        {
            return;
        }
        let load = self
            .store
            .with_value(|s| s.load::<DiaryIndex>(&StoreKey::diary_index(year), clock::now()));
        if let Some(problem) = &load.problem {
            self.notices.warn(problem.message());
        }
        let value = load.value.unwrap_or_default();
        self.years.update(|ys| {
            let at = ys.partition_point(|(y, _)| *y < year);
            ys.insert(at, (year, value));
        });
    }

    /// Every year with diary summaries in storage, oldest first.
    fn stored_years(&self) -> Vec<i32> {
        if let Some(years) = self.stored_years.get_value() {
            return years;
        }
        let mut years: Vec<i32> = self
            .store
            .with_value(|s| s.keys())
            .iter()
            .filter_map(StoreKey::diary_index_year)
            .collect();
        years.sort_unstable();
        self.stored_years.set_value(Some(years.clone()));
        years
    }

    /// Reads the month summaries of every year (for "all time").
    pub fn load_index(&self) {
        for year in self.stored_years() {
            self.load_year(year);
        }
    }

    /// True when no diary month is stored (so example entries may be added).
    pub fn is_empty(&self) -> bool {
        self.load_index();
        // The month keys themselves are checked too: a year's summary can
        // be missing (kept aside, or its save failed) while months exist,
        // and example entries must never be written over real ones.
        let no_months = !self
            .store
            .with_value(|s| s.keys())
            .iter()
            .any(StoreKey::is_diary_month);
        no_months
            && self
                .years
                .with_untracked(|ys| ys.iter().all(|(_, i)| i.is_empty()))
    }

    /// Reads a loaded month (tracked); an empty month if it is not loaded.
    pub fn with_month<R>(&self, month: Month, f: impl FnOnce(&DiaryMonth) -> R) -> R {
        self.months
            .with(|ms| match ms.iter().find(|(m, _)| *m == month) {
                Some((_, d)) => f(d),
                None => f(&DiaryMonth::default()),
            })
    }

    /// True if `day` has an entry (tracked). Its month must be loaded
    /// (see [`DiaryStore::load_month`]).
    pub fn has_day(&self, day: NaiveDate) -> bool {
        self.with_month(Month::of(day), |m| m.day(day).is_some())
    }

    /// Reads the loaded months (tracked).
    pub fn with_months<R>(&self, f: impl FnOnce(&[(Month, DiaryMonth)]) -> R) -> R {
        self.months.with(|ms| f(ms))
    }

    /// Reads the month summaries of the loaded years, oldest first
    /// (tracked).
    pub fn with_index<R>(&self, f: impl FnOnce(&DiaryIndex) -> R) -> R {
        self.years.with(|ys| {
            if let [(_, only)] = ys.as_slice() {
                return f(only);
            }
            let merged = DiaryIndex {
                months: ys
                    .iter()
                    .flat_map(|(_, i)| i.months.iter().cloned())
                    .collect(),
            };
            f(&merged)
        })
    }

    /// The entry for `day`, loading its month if needed (untracked).
    pub fn day(&self, day: NaiveDate) -> Option<DayEntry> {
        let month = Month::of(day);
        self.load_month(month);
        self.months
            .with_untracked(|ms| ms.iter().find(|(m, _)| *m == month)?.1.day(day).cloned())
    }

    /// Saves one day's entry: its month, then the month's summary. Only
    /// that month is written, whatever the diary's size. A failure is
    /// shown at once and the entry stays in use for this session.
    pub fn save_day(&self, entry: DayEntry) -> Result<(), SaveError> {
        let month = Month::of(entry.date);
        self.load_month(month);
        let mut diary = self.with_month_untracked(month);
        diary.put(entry);
        self.save_month(month, diary)
    }

    fn with_month_untracked(&self, month: Month) -> DiaryMonth {
        self.months.with_untracked(|ms| {
            ms.iter()
                .find(|(m, _)| *m == month)
                .map(|(_, d)| d.clone())
                .unwrap_or_default()
        })
    }

    fn save_month(&self, month: Month, diary: DiaryMonth) -> Result<(), SaveError> {
        let now = clock::now();
        let key = StoreKey::diary_month(month.first_day());
        let result = self
            .store
            .with_value(|s| s.save(&key, &diary, now))
            .map(|_| ());
        let summary = if result.is_ok() {
            self.update_index(month, &diary, now)
        } else {
            Ok(())
        };
        // The entries in memory follow the month itself: saved, or kept for
        // this session after a failure the client is told about. Only a
        // month this build must not write stays as it was.
        if let Err(SaveError::ChangedElsewhere { .. }) = result {
            // Another tab saved this month first: show its version.
            let _ = self.reload_key(&key);
            self.notices.changed_elsewhere();
        } else if !matches!(
            result,
            Err(SaveError::Newer { .. } | SaveError::Unreadable { .. })
        ) {
            self.months
                .update(|ms| match ms.iter_mut().find(|(m, _)| *m == month) {
                    Some(slot) => slot.1 = diary,
                    None => ms.push((month, diary)),
                });
        }
        // The entry is saved even if its summary is not; the summary is
        // rebuilt from the month the next time it is read. Either failure
        // is shown.
        self.notices.save_result(&result.clone().and(summary));
        result
    }

    /// Writes `month`'s summary into its year's summaries.
    fn update_index(
        &self,
        month: Month,
        diary: &DiaryMonth,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<(), SaveError> {
        self.load_year(month.year);
        let mut index = self
            .years
            .with_untracked(|ys| {
                ys.iter()
                    .find(|(y, _)| *y == month.year)
                    .map(|(_, i)| i.clone())
            })
            .unwrap_or_default();
        index.update(month, diary);
        let result = self
            .store
            .with_value(|s| s.save(&StoreKey::diary_index(month.year), &index, now))
            .map(|_| ());
        self.years.update(|ys| {
            if let Some(slot) = ys.iter_mut().find(|(y, _)| *y == month.year) {
                slot.1 = index;
            }
        });
        self.stored_years.update_value(|ys| {
            if let Some(ys) = ys {
                if !ys.contains(&month.year) {
                    ys.push(month.year);
                    ys.sort_unstable();
                }
            }
        });
        result
    }

    /// Adds example entries from `from` to `to` for the client's measures.
    /// Only for an empty diary: the pages offer it only then, and this
    /// checks again so real entries are never mixed with made-up ones.
    pub fn add_examples(&self, from: NaiveDate, to: NaiveDate) -> Result<(), SaveError> {
        if !self.is_empty() {
            return Ok(());
        }
        let measures = self.measures();
        let entries = example_entries(from, to, &measures, 7);
        let mut month = Month::of(from);
        let mut diary = DiaryMonth::default();
        for e in entries {
            if Month::of(e.date) != month {
                self.load_month(month);
                self.save_month(month, std::mem::take(&mut diary))?;
                month = Month::of(e.date);
            }
            diary.days.push(e);
        }
        self.load_month(month);
        self.save_month(month, diary)
    }
}

/// The diary store, from context.
pub fn use_diary() -> DiaryStore {
    expect_context()
}

/// The prefixes of every local storage key of ours: the client's record
/// (`alongside.`) and this phone's own records (`alongside-device.`).
pub const OUR_PREFIXES: [&str; 2] = [crate::store::PREFIX, "alongside-device."];

/// The tab flag that carries the result of a restore across the reload
/// that follows it.
const RESTORED_FLAG: &str = "alongside-device.restored";

/// The tab flag that tells the welcome screen, after the reload, that
/// "Delete everything" has just been done.
const DELETED_FLAG: &str = "alongside-device.deleted";

/// True, once, on the page load that follows "Delete everything", so the
/// welcome screen can say the deletion is done.
pub fn just_deleted() -> bool {
    sync::take_tab_flag(DELETED_FLAG).is_some()
}

/// How a restore treats what is already on the phone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RestoreHow {
    /// The phone ends up holding exactly the backup.
    Replace,
    /// Only what the phone lacks is added; the phone wins on clashes.
    AddMissing,
}

/// What happened just before this page load, from the tab flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JustDone {
    /// A restore, done this way.
    Restored(RestoreHow),
    /// The last restore was undone.
    Undone,
}

/// Why a chosen file could not be opened as a backup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenError {
    /// The backup layer refused it (not ours, damaged, newer, too large).
    Backup(BackupError),
    /// The file is protected and no passphrase was given.
    NeedsPassphrase,
    /// The passphrase does not open it.
    WrongPassphrase,
    /// This browser cannot decrypt (no WebCrypto).
    NoCrypto,
    /// The browser could not read the file.
    Unreadable,
}

impl OpenError {
    /// The message for the client, in plain English.
    pub fn message(&self) -> String {
        const UNCHANGED: &str = "Nothing on this phone has been changed.";
        match self {
            OpenError::Backup(e) => e.message(),
            OpenError::NeedsPassphrase => {
                "This backup is protected. Enter its passphrase to open it.".into()
            }
            OpenError::WrongPassphrase => format!(
                "That passphrase does not open this backup. Check it and try again. {UNCHANGED}"
            ),
            OpenError::NoCrypto => format!(
                "This browser cannot open protected backups. Try another browser. {UNCHANGED}"
            ),
            OpenError::Unreadable => format!(
                "This file could not be read. Choose it again, or choose another file. {UNCHANGED}"
            ),
        }
    }
}

/// What a spreadsheet export holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Export {
    /// Every diary reading and note.
    Diary,
    /// Every goal.
    Goals,
    /// Every appointment occurrence.
    Appointments,
}

/// The operations of the My data page: backups, restores, exports, the
/// backup reminder and deleting everything. Pages call these; only these
/// touch storage.
#[derive(Debug, Clone, Copy)]
pub struct DataTools {
    store: StoredValue<Arc<AppStore>>,
    notices: Notices,
    /// When the last backup was made on this phone, as a signal, so every
    /// line that mentions it changes the moment a backup is handed over.
    last_backup: RwSignal<Option<chrono::DateTime<chrono::Utc>>>,
}

impl DataTools {
    fn with<R>(&self, f: impl FnOnce(&AppStore) -> R) -> R {
        self.store.with_value(|s| f(s))
    }

    /// A backup of everything now: the file's name and text.
    pub fn backup(&self) -> Result<(String, String), BackupError> {
        let backup = self.with(|s| Backup::collect(s, clock::now()))?;
        Ok((backup.file_name(), backup.to_file()))
    }

    /// The same backup, protected with `passphrase` (AES-256-GCM, key by
    /// PBKDF2-SHA256, as protected summaries are).
    pub async fn protected_backup(&self, passphrase: &str) -> Result<(String, String), OpenError> {
        let (name, json) = self.backup().map_err(OpenError::Backup)?;
        let salt = crypto::random::<SALT_LEN>().map_err(|_| OpenError::NoCrypto)?;
        let nonce = crypto::random::<NONCE_LEN>().map_err(|_| OpenError::NoCrypto)?;
        let body = protected::body(&json);
        let header = link::sealed_header(ITERATIONS, &salt, &nonce, body.len());
        let key = crypto::derive(&words::normalise(passphrase), &salt, ITERATIONS)
            .await
            .map_err(|_| OpenError::NoCrypto)?;
        let sealed = crypto::seal(&key, &nonce, &header, &body)
            .await
            .map_err(|_| OpenError::NoCrypto)?;
        let name = name.replace(".json", "-protected.txt");
        Ok((name, protected::file_text(&header, &sealed)))
    }

    /// Notes that a backup was just handed over, for the reminder and the
    /// storage summary.
    pub fn note_backup(&self) {
        let mut record = self.device_record();
        record.backed_up(clock::now());
        storage::device_set(DEVICE_KEY, &record.to_text());
        self.last_backup.set(record.last_backup);
    }

    fn device_record(&self) -> BackupRecord {
        storage::device_get(DEVICE_KEY)
            .and_then(|t| BackupRecord::parse(&t))
            .unwrap_or_else(|| {
                let fresh = BackupRecord::new(clock::now());
                storage::device_set(DEVICE_KEY, &fresh.to_text());
                fresh
            })
    }

    /// When a backup was last made on this phone (tracked).
    pub fn last_backup(&self) -> Option<chrono::DateTime<chrono::Utc>> {
        self.last_backup.get()
    }

    /// True when Today should remind the client to make a backup.
    pub fn reminder_due(&self) -> bool {
        self.device_record().reminder_due(clock::now())
    }

    /// "Not now": the reminder goes quiet for a while.
    pub fn not_now(&self) {
        let mut record = self.device_record();
        record.not_now(clock::now());
        storage::device_set(DEVICE_KEY, &record.to_text());
    }

    /// Reads a chosen file's text as a backup, checking everything before
    /// anything changes. A protected file needs `passphrase`.
    pub async fn open(&self, text: &str, passphrase: Option<&str>) -> Result<Backup, OpenError> {
        if !protected::is_protected(text) {
            return Backup::from_file(text).map_err(OpenError::Backup);
        }
        let locked = protected::read(text).map_err(OpenError::Backup)?;
        let passphrase = passphrase
            .map(words::normalise)
            .filter(|p| !p.is_empty())
            .ok_or(OpenError::NeedsPassphrase)?;
        let key = crypto::derive(&passphrase, &locked.salt, locked.iterations)
            .await
            .map_err(|_| OpenError::NoCrypto)?;
        let plain = crypto::open(&key, &locked.nonce, &locked.header, &locked.ciphertext)
            .await
            .map_err(|e| match e {
                crypto::CryptoError::Refused => OpenError::WrongPassphrase,
                crypto::CryptoError::Unavailable => OpenError::NoCrypto,
            })?;
        let json = protected::unpack(&plain).map_err(OpenError::Backup)?;
        Backup::from_file(&json).map_err(OpenError::Backup)
    }

    /// What is on the phone now, to set beside a backup.
    pub fn on_phone(&self) -> BackupContents {
        self.with(BackupContents::on_phone)
    }

    /// Restores `backup`. On success the page loads afresh at My data,
    /// which reads everything again and shows the result with "Undo";
    /// on failure nothing has changed and the reason is returned.
    pub fn restore(&self, backup: &Backup, how: RestoreHow) -> Result<(), BackupError> {
        let now = clock::now();
        self.with(|s| match how {
            RestoreHow::Replace => backup::restore_replace(s, backup, now),
            RestoreHow::AddMissing => backup::restore_add_missing(s, backup, now),
        })?;
        let flag = match how {
            RestoreHow::Replace => "replace",
            RestoreHow::AddMissing => "add",
        };
        sync::set_tab_flag(RESTORED_FLAG, flag);
        sync::load_afresh("/my-data");
        Ok(())
    }

    /// Puts back what was on the phone before the last restore, then
    /// loads the page afresh.
    pub fn undo_restore(&self) -> Result<(), BackupError> {
        self.with(|s| backup::undo_restore(s, clock::now()))?;
        sync::set_tab_flag(RESTORED_FLAG, "undone");
        sync::load_afresh("/my-data");
        Ok(())
    }

    /// What the last page load followed, if anything (read once).
    pub fn just_done(&self) -> Option<JustDone> {
        match sync::take_tab_flag(RESTORED_FLAG)?.as_str() {
            "replace" => Some(JustDone::Restored(RestoreHow::Replace)),
            "add" => Some(JustDone::Restored(RestoreHow::AddMissing)),
            "undone" => Some(JustDone::Undone),
            _ => None,
        }
    }

    /// When the copy kept before the last restore was made, if there is
    /// one (so the restore can be undone).
    pub fn safety_copy_made_at(&self) -> Option<chrono::DateTime<chrono::Utc>> {
        self.with(backup::safety_copy_made_at)
    }

    /// Removes the copy kept before the last restore.
    pub fn discard_safety_copy(&self) -> Result<(), BackupError> {
        self.with(backup::discard_safety_copy)
    }

    /// A spreadsheet file: its name and text.
    pub fn export(&self, what: Export) -> (String, String) {
        let day = crate::model::time::iso_day(clock::today());
        let now = clock::now();
        self.with(|s| match what {
            Export::Goals => (
                format!("alongside-goals-{day}.csv"),
                csv::goals_csv(
                    &s.load::<GoalBook>(&StoreKey::goals(), now)
                        .value
                        .unwrap_or_default(),
                ),
            ),
            Export::Appointments => (
                format!("alongside-appointments-{day}.csv"),
                csv::appointments_csv(
                    &s.load::<ApptBook>(&StoreKey::appointments(), now)
                        .value
                        .unwrap_or_default(),
                ),
            ),
            Export::Diary => {
                let mut keys: Vec<StoreKey> = s.keys();
                keys.retain(StoreKey::is_diary_month);
                keys.sort_unstable();
                let months: Vec<DiaryMonth> = keys
                    .iter()
                    .filter_map(|k| s.load::<DiaryMonth>(k, now).value)
                    .collect();
                let settings = s
                    .load::<DiarySettings>(&StoreKey::diary_settings(), now)
                    .value
                    .unwrap_or_default();
                (
                    format!("alongside-diary-{day}.csv"),
                    csv::diary_csv(&months, &settings),
                )
            }
        })
    }

    /// Bytes of local storage our keys use.
    pub fn local_bytes(&self) -> usize {
        storage::local_bytes(&OUR_PREFIXES)
    }

    /// Deletes everything of ours on this phone (storage, the app's saved
    /// files, the service worker) and loads the welcome screen. Returns
    /// only if something could not be deleted.
    pub async fn delete_everything(&self) -> bool {
        let all_gone = storage::delete_everything(&OUR_PREFIXES).await;
        if all_gone {
            // Set after the deletion (which clears our tab flags too), so
            // the welcome screen can say it is done.
            sync::set_tab_flag(DELETED_FLAG, "yes");
            sync::load_afresh("/");
        } else {
            self.notices.warn(
                "Some of your information could not be deleted. Close the app, open it again \
                 and try once more."
                    .into(),
            );
        }
        all_gone
    }
}

/// The My data operations, from context.
pub fn use_data_tools() -> DataTools {
    expect_context()
}

/// Starts again without a backup after the browser removed the data: the
/// marker goes, and set-up is shown.
pub fn start_afresh(status: AppStatus) {
    status.data_removed.set(false);
    leptos::task::spawn_local(storage::clear_marker());
}

//! My data's operations: backups (plain or passphrase-protected), reading
//! a chosen backup file, restoring it and undoing that, spreadsheets, the
//! backup reminder, and deleting everything. Pages call one of these per
//! action; the rules are [`crate::store::backup`]'s and
//! [`crate::store::export`]'s.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use super::notices::Notices;
use super::stores::use_stores;
use super::AppStore;
use crate::platform::file::{self, Handed, ReadError};
use crate::platform::{clock, crypto, install, storage, sync};
use crate::store::backup::{self, Backup, BackupContents, BackupError, MAX_BACKUP_BYTES};
use crate::store::device::{BackupRecord, BackupState, Rhythm, DEVICE_KEY};
use crate::store::export::{self, Export};
use crate::store::protected;

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

/// A chosen backup file, as far as it could be opened.
#[derive(Debug, Clone, PartialEq)]
pub enum Chosen {
    /// No file was chosen after all.
    Nothing,
    /// A protected file: its text, waiting for the passphrase.
    Locked(String),
    /// A checked backup.
    Open(Box<Backup>),
}

/// The operations of the My data page: backups, restores, exports, the
/// backup reminder and deleting everything. Pages call these; only these
/// touch storage.
#[derive(Debug, Clone, Copy)]
pub struct DataTools {
    store: StoredValue<Arc<AppStore>>,
    notices: Notices,
    /// Where backups stand on this phone, as a signal, so every line that
    /// mentions it changes the moment a backup is handed over.
    backup_state: RwSignal<BackupState>,
}

impl DataTools {
    fn with<R>(&self, f: impl FnOnce(&AppStore) -> R) -> R {
        self.store.with_value(|s| f(s))
    }

    /// A suggested passphrase for a protected backup (empty if this
    /// browser cannot make one; the client then writes their own).
    pub fn suggest_passphrase(&self) -> String {
        crypto::suggest_passphrase().unwrap_or_default()
    }

    /// Makes a backup of everything now, protected with `passphrase` if
    /// one is given (AES-256-GCM, key by PBKDF2-SHA256, as protected
    /// summaries are), and hands it to the client (their share sheet, or
    /// a download). Returns the file's name once it is handed over, or
    /// `None` if the client cancelled.
    pub async fn make_backup(&self, passphrase: Option<&str>) -> Result<Option<String>, String> {
        let backup = self.with(|s| Backup::collect(s, clock::now()));
        let backup = backup.map_err(|e| e.message())?;
        let (name, json) = (backup.file_name(), backup.to_file());
        let (name, text, mime) = match passphrase {
            None => (name, json, "application/json"),
            Some(passphrase) => {
                let body = protected::body(&json);
                let sealed = crypto::seal_with_passphrase(passphrase, &body)
                    .await
                    .map_err(|_| OpenError::NoCrypto.message())?;
                (
                    name.replace(".json", "-protected.txt"),
                    protected::file_text(&sealed.header, &sealed.ciphertext),
                    "text/plain",
                )
            }
        };
        match file::hand_over(&name, &text, mime).await {
            Handed::Shared | Handed::Downloaded => {
                self.note_backup();
                Ok(Some(name))
            }
            Handed::Cancelled => Ok(None),
            Handed::Failed => Err(
                "This browser would not save the backup file. Try again, or try another browser."
                    .into(),
            ),
        }
    }

    /// Notes that a backup was just handed over, for the reminder and the
    /// storage summary.
    fn note_backup(&self) {
        let mut record = self.device_record();
        record.backed_up(clock::now());
        storage::device_set(DEVICE_KEY, &record.to_text());
        self.backup_state.set(record.state());
    }

    /// Notes that a backup made at `made` was restored: this phone's
    /// information is in a backup, and the status says so.
    fn note_restored(&self, made: DateTime<Utc>) {
        let mut record = self.device_record();
        record.restored(made);
        storage::device_set(DEVICE_KEY, &record.to_text());
        self.backup_state.set(record.state());
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

    /// Where backups stand on this phone: never made, last made, or
    /// restored from one (tracked).
    pub fn backup_state(&self) -> BackupState {
        self.backup_state.get()
    }

    /// How often the backup reminder comes: weekly while Safari may
    /// delete the client's information, otherwise monthly.
    pub fn rhythm(&self) -> Rhythm {
        if install::facts().at_risk() {
            Rhythm::Weekly
        } else {
            Rhythm::Monthly
        }
    }

    /// True when Today should remind the client to make a backup.
    pub fn reminder_due(&self) -> bool {
        self.device_record()
            .reminder_due(clock::now(), self.rhythm())
    }

    /// "Not now": the reminder goes quiet for a while.
    pub fn not_now(&self) {
        let mut record = self.device_record();
        record.not_now(clock::now(), self.rhythm());
        storage::device_set(DEVICE_KEY, &record.to_text());
    }

    /// Reads the file chosen in `input` as a backup, checking everything
    /// before anything changes. A protected file comes back locked, for
    /// [`DataTools::unlock`].
    pub async fn read_chosen(
        &self,
        input: &web_sys::HtmlInputElement,
    ) -> Result<Chosen, OpenError> {
        let text = match file::read_chosen(input, MAX_BACKUP_BYTES).await {
            Ok(Some(text)) => text,
            Ok(None) => return Ok(Chosen::Nothing),
            Err(ReadError::TooLarge) => return Err(OpenError::Backup(BackupError::TooLarge)),
            Err(ReadError::Unreadable) => return Err(OpenError::Unreadable),
        };
        match self.open(&text, None).await {
            Err(OpenError::NeedsPassphrase) => Ok(Chosen::Locked(text)),
            other => other.map(|b| Chosen::Open(Box::new(b))),
        }
    }

    /// Opens a protected backup's `text` with `passphrase`.
    pub async fn unlock(&self, text: &str, passphrase: &str) -> Result<Backup, OpenError> {
        self.open(text, Some(passphrase)).await
    }

    /// Reads a file's text as a backup. A protected file needs
    /// `passphrase`.
    async fn open(&self, text: &str, passphrase: Option<&str>) -> Result<Backup, OpenError> {
        if !protected::is_protected(text) {
            return Backup::from_file(text).map_err(OpenError::Backup);
        }
        let locked = protected::read(text).map_err(OpenError::Backup)?;
        let passphrase = passphrase
            .filter(|p| !crate::share::words::normalise(p).is_empty())
            .ok_or(OpenError::NeedsPassphrase)?;
        let plain = crypto::open_with_passphrase(passphrase, &locked)
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
        super::durable::tracked(self.notices, || {
            self.with(|s| {
                noting_floors(s, |s| match how {
                    RestoreHow::Replace => backup::restore_replace(s, backup, now),
                    RestoreHow::AddMissing => backup::restore_add_missing(s, backup, now),
                })
            })
        })?;
        self.note_restored(backup.created_at());
        let flag = match how {
            RestoreHow::Replace => "replace",
            RestoreHow::AddMissing => "add",
        };
        // Done (and the page loaded afresh, which would stop the writes)
        // once every restored value is on disk.
        super::durable::when_saved(move || {
            sync::set_tab_flag(RESTORED_FLAG, flag);
            sync::load_afresh("/my-data");
        });
        Ok(())
    }

    /// Puts back what was on the phone before the last restore, then
    /// loads the page afresh.
    pub fn undo_restore(&self) -> Result<(), BackupError> {
        super::durable::tracked(self.notices, || {
            self.with(|s| noting_floors(s, |s| backup::undo_restore(s, clock::now())))
        })?;
        super::durable::when_saved(|| {
            sync::set_tab_flag(RESTORED_FLAG, "undone");
            sync::load_afresh("/my-data");
        });
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
    pub fn safety_copy_made_at(&self) -> Option<DateTime<Utc>> {
        self.with(backup::safety_copy_made_at)
    }

    /// Removes the copy kept before the last restore.
    pub fn discard_safety_copy(&self) -> Result<(), BackupError> {
        super::durable::tracked(self.notices, || self.with(backup::discard_safety_copy))
    }

    /// Makes the spreadsheet of `what` and hands it to the client; says
    /// what happened, in a sentence (empty if they cancelled).
    pub async fn export(&self, what: Export) -> String {
        let (name, text) =
            self.with(|s| export::spreadsheet(s, what, clock::today(), clock::now()));
        match file::hand_over(&name, &text, "text/csv").await {
            Handed::Shared | Handed::Downloaded => format!("{name} is ready."),
            Handed::Cancelled => String::new(),
            Handed::Failed => "This browser would not save the file. Try again.".into(),
        }
    }

    /// Bytes of local storage our keys use.
    pub fn local_bytes(&self) -> usize {
        storage::local_bytes(&OUR_PREFIXES)
    }

    /// Deletes everything of ours on this phone (storage, the app's saved
    /// files, the service worker) and loads the welcome screen, which says
    /// it is done. Returns only if something could not be deleted.
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

/// Runs a restore (or its undo), which writes values byte for byte with
/// their own, perhaps lower, revisions; once it has worked, notes in the
/// durable copy the revisions the phone held before, so a crash that
/// brings local storage's older values back cannot undo it
/// (`store::reconcile::choose`).
fn noting_floors<R, E>(
    store: &AppStore,
    restore: impl FnOnce(&AppStore) -> Result<R, E>,
) -> Result<R, E> {
    let before = store.revisions();
    let done = restore(store)?;
    crate::platform::durable::put_all(&super::durable::floors(&before));
    Ok(done)
}

/// The My data operations, made the first time a page asks for them.
pub fn use_data_tools() -> DataTools {
    let stores = use_stores();
    stores.get_or_open(
        |s| DataTools {
            store: StoredValue::new(s.storage()),
            notices: s.notices(),
            backup_state: RwSignal::new(
                storage::device_get(DEVICE_KEY)
                    .and_then(|t| BackupRecord::parse(&t))
                    .map_or(BackupState::Never, |r| r.state()),
            ),
        },
        // Backups are read afresh whenever a page asks.
        |_, _| false,
    )
}

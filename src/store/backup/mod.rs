//! My data: backup files, restoring them, and undoing a restore.
//!
//! A backup is every stored value of ours, each exactly as stored, in one
//! JSON file with a checksum (the format is in `docs/storage-format.md`,
//! "Backup files"). Reading a file checks everything before anything on
//! the phone changes. Restoring either replaces what is on the phone or
//! adds what is missing; both first keep the phone's records as a safety
//! copy, so a restore can be undone, and both put everything back if a
//! write fails half-way.
//!
//! A restore changes values under this tab's feet: afterwards the app
//! must read everything again (reload the page) before it saves.
//!
//! Pure code over a [`Backend`](super::Backend): no browser, no clock
//! (`now` is passed in). One file an idea: `error` (what can go wrong, in
//! words), `holds` (what each key holds), `file` (the file format and its
//! checks), `contents` (what a backup or the phone holds, in words),
//! `safety` (the copy kept before a restore, and undo) and `restore`
//! (replace, or add what is missing).

mod contents;
mod error;
mod file;
mod holds;
mod restore;
mod safety;

pub use contents::BackupContents;
pub use error::{BackupError, BACKUP_FORMAT, BACKUP_VERSION, MAX_BACKUP_BYTES};
pub use file::Backup;
pub use restore::{restore_add_missing, restore_replace};
pub use safety::{discard_safety_copy, safety_copy_made_at, undo_restore};

//! Why a backup could not be read, made or restored, in plain English.

use crate::store::SaveError;

/// The `format` of every backup file.
pub const BACKUP_FORMAT: &str = "alongside-backup";
/// The backup file version this build writes and the newest it reads.
pub const BACKUP_VERSION: u32 = 1;
/// The largest backup file we will open, in bytes. A phone's storage for
/// the app holds about 5 MB, so a real backup is far smaller; refusing
/// before reading spares the phone's memory.
pub const MAX_BACKUP_BYTES: usize = 20 * 1024 * 1024;

/// Why a backup could not be read, made or restored. Each has a message
/// for the client; in every case nothing on the phone has been lost.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackupError {
    /// The file is bigger than [`MAX_BACKUP_BYTES`].
    TooLarge,
    /// The file is not one of ours at all.
    NotABackup,
    /// The file, or a record in it, was made by a newer version of the app.
    Newer,
    /// The file is ours but cut short, changed or damaged.
    Damaged,
    /// The browser will not let us read or write storage.
    Unavailable,
    /// A stored value cannot be read as text, so it cannot be copied.
    Unreadable {
        /// What the value holds.
        what: String,
    },
    /// There is no room to keep the safety copy, so nothing was restored.
    NoRoomForSafetyCopy,
    /// A write was refused; everything was put back as it was.
    Refused(SaveError),
    /// A write failed and the earlier records could not all be put back.
    /// The safety copy is still on the phone.
    NotPutBack,
    /// There is no safety copy to put back.
    NoSafetyCopy,
    /// The safety copy could not be read (it has been kept aside).
    SafetyCopyDamaged,
}

impl BackupError {
    /// The message shown to the client, in plain English.
    pub fn message(&self) -> String {
        const UNCHANGED: &str = "Nothing on this phone has been changed.";
        match self {
            BackupError::TooLarge => format!(
                "This file is too large to be an Alongside backup (over {} MB), so it has not \
                 been opened. {UNCHANGED}",
                MAX_BACKUP_BYTES / (1024 * 1024)
            ),
            BackupError::NotABackup => {
                format!("This file is not an Alongside backup. {UNCHANGED}")
            }
            BackupError::Newer => "This backup was made by a newer version of Alongside. \
                 Update the app, then try again."
                .into(),
            BackupError::Damaged => format!(
                "This backup file is incomplete or has been changed since it was made, so it \
                 cannot be used. {UNCHANGED}"
            ),
            BackupError::Unavailable => format!(
                "This browser is not letting Alongside use the storage on this phone. \
                 {UNCHANGED} Private browsing can cause this."
            ),
            BackupError::Unreadable { what } => format!(
                "Some of your saved information ({what}) could not be read, so it cannot be \
                 copied. {UNCHANGED}"
            ),
            BackupError::NoRoomForSafetyCopy => format!(
                "Before restoring, Alongside keeps a copy of what is on this phone so that you \
                 can undo the restore. There is not enough space on this phone for that copy, \
                 so nothing has been restored. {UNCHANGED}"
            ),
            BackupError::Refused(why) => {
                format!("Nothing has been restored: {} {UNCHANGED}", refusal(why))
            }
            BackupError::NotPutBack => "The restore could not be finished, and not all of your \
                 earlier information could be put back. A copy of it is kept on this phone: \
                 choose \u{201c}Undo the restore\u{201d} to try again."
                .into(),
            BackupError::NoSafetyCopy => {
                "There is no earlier information kept on this phone to put back.".into()
            }
            BackupError::SafetyCopyDamaged => "The copy kept from before your last restore \
                 could not be read, so it cannot be put back. It has been kept aside on this \
                 phone, and nothing has been deleted."
                .into(),
        }
    }
}

/// Why a write was refused, as the second half of a sentence.
fn refusal(why: &SaveError) -> String {
    match why {
        SaveError::Full => "there is not enough space on this phone.".into(),
        SaveError::Unavailable => {
            "this browser is not letting Alongside save on this phone.".into()
        }
        SaveError::Newer { what } => format!(
            "some of your information ({what}) was saved by a newer version of Alongside, and \
             this version will not change it. Close the app and open it again to get the \
             newest version."
        ),
        SaveError::ChangedElsewhere { what } => format!(
            "some of your information ({what}) was changed in another tab or window. Close \
             the other tabs, reload this page and try again."
        ),
        SaveError::Unreadable { what } => format!(
            "some of your information ({what}) could not be read, so Alongside will not save \
             over it."
        ),
        SaveError::Other(_) => "the browser would not store it. Try again in a moment.".into(),
    }
}

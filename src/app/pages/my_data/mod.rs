//! `/my-data`: the client's details and what is stored on this phone:
//! backups, restoring one, spreadsheet exports, storage health, and
//! deleting everything. Also the restore offered on the welcome screen
//! and after the browser removed the data, and Today's backup reminder.
//!
//! Every operation is a method of [`DataTools`]; these only show them.

mod backup;
mod delete;
mod exports;
mod restore;
mod storage;

use chrono::{DateTime, Utc};
use leptos::prelude::*;

pub use backup::BackupReminder;
use backup::MakeBackup;
use delete::DeleteEverything;
use exports::Exports;
pub use restore::{DataRemoved, WelcomeRestore};
use restore::{RestoreBackup, RestoreResult, UndoLastRestore};
use storage::StorageHealth;

use crate::app::components::{ErrorSummary, FormErrors, Page};
use crate::app::state::{use_data_tools, use_profile, use_status};
use crate::model::time::format_moment;
use crate::platform::clock;

/// The ids of the forms' controls, for the error summary.
const FILE_ID: &str = "backup-file";
const PASSPHRASE_ID: &str = "backup-passphrase";
const RESTORE_ID: &str = "restore-first";
const NEW_PASSPHRASE_ID: &str = "new-passphrase";

/// "Sat 21 November at 10:30am", in UK time.
fn moment(at: DateTime<Utc>) -> String {
    format_moment(at, clock::today())
}

/// Details, backups, restore, exports, storage health, and deleting.
#[component]
pub fn MyData() -> impl IntoView {
    let profile = use_profile();
    let status = use_status();
    let tools = use_data_tools();
    // Confirm a save once; leaving the page clears it.
    let just_saved = status.details_saved;
    on_cleanup(move || just_saved.set(false));
    let just_done = tools.just_done();
    let errors = FormErrors::new("My data");
    let details = move || {
        profile.get().map(|p| {
            let conditions = p
                .conditions
                .iter()
                .map(|c| c.label().to_string())
                .collect::<Vec<_>>()
                .join(", ");
            let or_not_given = |t: Option<String>| t.unwrap_or_else(|| "Not given".into());
            view! {
                <dl class="summary-list">
                    <div class="summary-list__row">
                        <dt class="summary-list__key">"Name"</dt>
                        <dd class="summary-list__value">{or_not_given(p.preferred_name.clone())}</dd>
                    </div>
                    <div class="summary-list__row">
                        <dt class="summary-list__key">"Conditions"</dt>
                        <dd class="summary-list__value">{conditions}</dd>
                    </div>
                    <div class="summary-list__row">
                        <dt class="summary-list__key">"Link worker"</dt>
                        <dd class="summary-list__value">{or_not_given(p.link_worker.name.clone())}</dd>
                    </div>
                    <div class="summary-list__row">
                        <dt class="summary-list__key">"How to contact them"</dt>
                        <dd class="summary-list__value">{or_not_given(p.link_worker.contact.clone())}</dd>
                    </div>
                    <div class="summary-list__row">
                        <dt class="summary-list__key">"What matters to you"</dt>
                        <dd class="summary-list__value preserve-lines">{p.what_matters.clone()}</dd>
                    </div>
                </dl>
            }
        })
    };
    view! {
        <ErrorSummary errors=errors.summary() />
        <Page title="My data".into()>
            {move || {
                just_saved
                    .get()
                    .then(|| {
                        view! {
                            <div class="notice notice--success" role="status">
                                <p>"Your details have been saved."</p>
                            </div>
                        }
                    })
            }}
            {just_done.map(|done| view! { <RestoreResult done=done tools=tools errors=errors /> })}
            <h2 class="heading-m">"Your details"</h2>
            {details}
            {move || {
                (!profile.is_read_only())
                    .then(|| {
                        view! {
                            <p>
                                <a class="button button--secondary" href="/my-data/details">
                                    "Change your details"
                                </a>
                            </p>
                        }
                    })
            }}
            <crate::app::pages::InstallOnMyData />
            <MakeBackup tools=tools errors=errors />
            <section aria-labelledby="restore-heading" class="my-data__section">
                <h2 class="heading-m" id="restore-heading">"Restore a backup"</h2>
                <p>"Use a backup file to bring your information back, on this phone or a new one."</p>
                <RestoreBackup errors=errors phone_has_data=true />
            </section>
            <Exports tools=tools />
            <section aria-labelledby="review-heading" class="my-data__section">
                <h2 class="heading-m" id="review-heading">"For link workers"</h2>
                <p>
                    "If someone has shared a summary with you, you can "
                    <a href="/review">"open a shared summary"</a>
                    ". It is not added to your own information."
                </p>
            </section>
            <StorageHealth tools=tools />
            {just_done.is_none().then(|| view! { <UndoLastRestore tools=tools errors=errors /> })}
            <DeleteEverything tools=tools />
        </Page>
    }
}

//! `/my-data`: the client's details and what is stored on this phone:
//! backups, restoring one, spreadsheet exports, storage health, and
//! deleting everything. Also the restore offered on the welcome screen
//! and after the browser removed the data, and Today's backup reminder.
//!
//! Every operation is a method of [`DataTools`]; this only shows them.

use chrono::{DateTime, Utc};
use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::components::{
    close_dialog, open_dialog, Checkbox, ErrorSummary, FormErrors, Page, SummaryError, TextField,
};
use crate::app::state::{
    start_afresh, use_data_tools, use_profile, use_status, DataTools, Export, JustDone, OpenError,
    RestoreHow,
};
use crate::model::diary::format_time;
use crate::model::time::{format_day, london};
use crate::platform::file::{self, Handed, ReadError};
use crate::platform::persist::Persistence;
use crate::platform::{clock, page, storage};
use crate::share::words;
use crate::store::backup::{Backup, BackupContents, BackupError, MAX_BACKUP_BYTES};

/// The ids of the restore form's controls, for the error summary.
const FILE_ID: &str = "backup-file";
const PASSPHRASE_ID: &str = "backup-passphrase";
const RESTORE_ID: &str = "restore-first";
const NEW_PASSPHRASE_ID: &str = "new-passphrase";

/// "Sat 21 November at 10:30am", in UK time.
fn moment(at: DateTime<Utc>) -> String {
    let local = london(at);
    let minutes = local.time().signed_duration_since(chrono::NaiveTime::MIN);
    format!(
        "{} at {}",
        format_day(local.date(), clock::today()),
        format_time(minutes.num_minutes() as u16)
    )
}

/// "12 KB", "1.4 MB", "10 GB": sizes in words a client can follow.
fn size(bytes: f64) -> String {
    const GB: f64 = 1024.0 * 1024.0 * 1024.0;
    if bytes >= GB {
        format!("{} GB", (bytes / GB).round() as u64)
    } else if bytes < 1024.0 * 1024.0 {
        format!("{} KB", ((bytes / 1024.0).ceil() as u64).max(1))
    } else {
        let tenths = (bytes / (1024.0 * 1024.0) * 10.0).round() as u64;
        format!("{}.{} MB", tenths / 10, tenths % 10)
    }
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

/// "Your backup has been restored", with what is on the phone now and
/// "Undo restore"; or "The restore has been undone".
#[component]
fn RestoreResult(done: JustDone, tools: DataTools, errors: FormErrors) -> impl IntoView {
    let now = tools.on_phone();
    let can_undo = tools.safety_copy_made_at().is_some();
    let heading = match done {
        JustDone::Restored(RestoreHow::Replace) => "Your backup has been restored",
        JustDone::Restored(RestoreHow::AddMissing) => {
            "What was missing has been added from your backup"
        }
        JustDone::Undone => "The restore has been undone",
    };
    let undo = move |_| {
        if let Err(e) = tools.undo_restore() {
            errors.show(vec![SummaryError {
                target: "undo-restore".into(),
                message: e.message(),
            }]);
        }
    };
    // Focus the result, so a screen reader says what happened first.
    page::focus_after_render("restore-result");
    view! {
        <div class="notice notice--success" id="restore-result" tabindex="-1">
            <h2 class="heading-m">{heading}</h2>
            <p>"This phone now holds:"</p>
            <ul class="list-bullet">
                {now.lines().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
            </ul>
            {can_undo.then(|| view! {
                <p>"If this is not what you wanted, you can put things back as they were before."</p>
                <button type="button" class="button button--secondary" id="undo-restore" on:click=undo>
                    {if done == JustDone::Undone { "Redo the restore" } else { "Undo restore" }}
                </button>
            })}
        </div>
    }
}

/// "Undo your last restore", while the copy from before it is kept.
#[component]
fn UndoLastRestore(tools: DataTools, errors: FormErrors) -> impl IntoView {
    let made = RwSignal::new(tools.safety_copy_made_at());
    let undo = move |_| {
        if let Err(e) = tools.undo_restore() {
            errors.show(vec![SummaryError {
                target: "undo-restore".into(),
                message: e.message(),
            }]);
        }
    };
    let discard = move |_| match tools.discard_safety_copy() {
        Ok(()) => {
            made.set(None);
            page::focus_after_render("restore-heading");
        }
        Err(e) => errors.show(vec![SummaryError {
            target: "undo-restore".into(),
            message: e.message(),
        }]),
    };
    move || {
        made.get().map(|at| {
            view! {
                <section aria-labelledby="undo-heading" class="my-data__section">
                    <h2 class="heading-m" id="undo-heading">"Your last restore"</h2>
                    <p>{format!("You restored a backup on {}. A copy of what was on this phone before is kept, so you can undo it.", moment(at))}</p>
                    <div class="button-group">
                        <button type="button" class="button button--secondary" id="undo-restore" on:click=undo>
                            "Undo restore"
                        </button>
                        <button type="button" class="link-button" on:click=discard>
                            "I am happy with it: remove the copy"
                        </button>
                    </div>
                </section>
            }
        })
    }
}

/// "Make a backup", with an optional passphrase.
#[component]
fn MakeBackup(tools: DataTools, errors: FormErrors) -> impl IntoView {
    let protect = RwSignal::new(false);
    let passphrase = RwSignal::new(String::new());
    let working = RwSignal::new(false);
    let made = RwSignal::new(None::<(String, bool)>);
    let suggest = move || {
        if let Ok(bytes) = crate::platform::crypto::random::<{ words::COUNT }>() {
            passphrase.set(words::passphrase(&bytes));
        }
    };
    let make = move |ev: SubmitEvent| {
        ev.prevent_default();
        if working.get_untracked() {
            return;
        }
        made.set(None);
        let protected = protect.get_untracked();
        let typed = passphrase.get_untracked();
        if protected {
            if let Err(message) = words::check(&typed) {
                errors.show(vec![SummaryError {
                    target: NEW_PASSPHRASE_ID.into(),
                    message,
                }]);
                return;
            }
        }
        errors.clear();
        working.set(true);
        spawn_local(async move {
            let file = if protected {
                tools.protected_backup(&typed).await
            } else {
                tools.backup().map_err(OpenError::Backup)
            };
            match file {
                Ok((name, text)) => {
                    let mime = if protected {
                        "text/plain"
                    } else {
                        "application/json"
                    };
                    let handed = file::hand_over(&name, &text, mime).await;
                    if matches!(handed, Handed::Shared | Handed::Downloaded) {
                        tools.note_backup();
                        made.set(Some((name, protected)));
                        page::focus_after_render("backup-made");
                    }
                    if handed == Handed::Failed {
                        errors.show(vec![SummaryError {
                            target: "make-backup".into(),
                            message: "This browser would not save the backup file. Try again, or try another browser.".into(),
                        }]);
                    }
                }
                Err(e) => errors.show(vec![SummaryError {
                    target: "make-backup".into(),
                    message: e.message(),
                }]),
            }
            working.set(false);
        });
    };
    view! {
        <section aria-labelledby="backup-heading" class="my-data__section">
            <h2 class="heading-m" id="backup-heading">"Back up your information"</h2>
            <p>
                "A backup is one file with everything you have entered. Keep it somewhere safe, "
                "such as your email or a memory stick. If this phone is lost, or the browser clears "
                "its storage, you can use it to get everything back."
            </p>
            {move || made.get().map(|(name, protected)| view! {
                <div class="notice notice--success" id="backup-made" tabindex="-1" role="status">
                    <p>{format!("Your backup is ready: {name}.")}</p>
                    {protected.then(|| view! { <p>"You will need the passphrase to open it. Keep the passphrase somewhere apart from the file."</p> })}
                </div>
            })}
            <form novalidate on:submit=make>
                <div class="form-group">
                    <div class="checkboxes">
                        <Checkbox
                            id="protect-backup".into()
                            label="Protect the backup with a passphrase".into()
                            checked=protect.into()
                            on_change=Callback::new(move |on: bool| {
                                protect.set(on);
                                if on && passphrase.get_untracked().is_empty() {
                                    suggest();
                                }
                            })
                        />
                    </div>
                </div>
                {move || protect.get().then(|| view! {
                    <TextField
                        id=NEW_PASSPHRASE_ID
                        label="Passphrase"
                        hint="We have suggested one. You can write your own instead: at least 12 letters. Without it, nobody can open the backup, not even you."
                        autocomplete="off"
                        value=passphrase.into()
                        on_input=Callback::new(move |v| passphrase.set(v))
                        error=errors.message(NEW_PASSPHRASE_ID)
                    />
                })}
                <button class="button" type="submit" id="make-backup" aria-disabled=move || working.get().then_some("true")>
                    {move || if working.get() { "Making your backup\u{2026}" } else { "Make a backup" }}
                </button>
            </form>
        </section>
    }
}

/// Where the restore form is.
#[derive(Debug, Clone, PartialEq)]
enum Stage {
    /// No file yet.
    Choose,
    /// A protected file, waiting for its passphrase.
    Locked(String),
    /// A checked backup, shown beside the phone's records.
    Ready(Box<Backup>, BackupContents, BackupContents),
}

/// Choosing a backup file, checking it, showing what it holds beside
/// what is on the phone, and restoring it. Used on My data, the welcome
/// screen and the "data removed" screen.
#[component]
pub fn RestoreBackup(
    /// The page's form errors, shown in its error summary.
    errors: FormErrors,
    /// Offer "Add what is missing" as well as "Replace" (not needed when
    /// the phone holds nothing).
    phone_has_data: bool,
) -> impl IntoView {
    let tools = use_data_tools();
    let stage = RwSignal::new(Stage::Choose);
    let passphrase = RwSignal::new(String::new());
    let working = RwSignal::new(false);
    let input = NodeRef::<html::Input>::new();
    let fail = move |target: &str, message: String| {
        working.set(false);
        errors.show(vec![SummaryError {
            target: target.into(),
            message,
        }]);
    };
    let opened = move |result: Result<Backup, OpenError>, target: &'static str| match result {
        Ok(backup) => {
            errors.clear();
            working.set(false);
            // The passphrase has done its job: do not keep it in memory.
            passphrase.set(String::new());
            let contents = backup.contents();
            stage.set(Stage::Ready(Box::new(backup), contents, tools.on_phone()));
            page::focus_after_render("backup-preview");
        }
        Err(e) => fail(target, e.message()),
    };
    let chosen = move |_| {
        let Some(el) = input.get_untracked() else {
            return;
        };
        stage.set(Stage::Choose);
        working.set(true);
        spawn_local(async move {
            let text = match file::read_chosen(&el, MAX_BACKUP_BYTES).await {
                Ok(Some(text)) => text,
                Ok(None) => {
                    working.set(false);
                    return;
                }
                Err(ReadError::TooLarge) => {
                    return fail(FILE_ID, BackupError::TooLarge.message());
                }
                Err(ReadError::Unreadable) => {
                    return fail(FILE_ID, OpenError::Unreadable.message());
                }
            };
            match tools.open(&text, None).await {
                Err(OpenError::NeedsPassphrase) => {
                    errors.clear();
                    working.set(false);
                    passphrase.set(String::new());
                    stage.set(Stage::Locked(text));
                    page::focus_after_render(PASSPHRASE_ID);
                }
                other => opened(other, FILE_ID),
            }
        });
    };
    let unlock = move |ev: SubmitEvent| {
        ev.prevent_default();
        // One key derivation at a time: each is slow on purpose.
        if working.get_untracked() {
            return;
        }
        let Stage::Locked(text) = stage.get_untracked() else {
            return;
        };
        let typed = passphrase.get_untracked();
        if words::normalise(&typed).is_empty() {
            return fail(PASSPHRASE_ID, "Enter the passphrase for this backup".into());
        }
        working.set(true);
        spawn_local(async move {
            let result = tools.open(&text, Some(&typed)).await;
            opened(result, PASSPHRASE_ID);
        });
    };
    let restore = move |how: RestoreHow| {
        let Stage::Ready(backup, ..) = stage.get_untracked() else {
            return;
        };
        // On success the page loads afresh and shows the result.
        if let Err(e) = tools.restore(&backup, how) {
            fail(RESTORE_ID, e.message());
        }
    };
    let start_again = move |_| {
        stage.set(Stage::Choose);
        errors.clear();
        if let Some(el) = input.get_untracked() {
            el.set_value("");
        }
        page::focus_after_render(FILE_ID);
    };
    let file_error = errors.message(FILE_ID);
    let has_file_error = move || file_error.with(Option::is_some);
    view! {
        <div class="form-group" class:form-group--error=has_file_error>
            <label class="label" for=FILE_ID>"Choose a backup file"</label>
            <div class="hint" id=format!("{FILE_ID}-hint")>
                "It is called something like alongside-backup-2026-11-21.json. Nothing changes until you choose what to do with it."
            </div>
            {move || file_error.get().map(|m| view! {
                <span class="error-message" id=format!("{FILE_ID}-error")>
                    <span class="visually-hidden">"Error: "</span>{m}
                </span>
            })}
            <input
                class="file-upload"
                type="file"
                id=FILE_ID
                node_ref=input
                accept=".json,.txt,application/json,text/plain"
                aria-describedby=move || crate::app::components::described_by(FILE_ID, true, has_file_error())
                on:change=chosen
            />
        </div>
        <p class="visually-hidden" role="status">
            {move || working.get().then_some("Checking the backup\u{2026}")}
        </p>
        {move || match stage.get() {
            Stage::Choose => ().into_any(),
            Stage::Locked(_) => view! {
                <form novalidate on:submit=unlock>
                    <TextField
                        id=PASSPHRASE_ID
                        label="This backup is protected. Enter its passphrase"
                        hint="Capital letters and extra spaces do not matter."
                        autocomplete="off"
                        value=passphrase.into()
                        on_input=Callback::new(move |v| passphrase.set(v))
                        error=errors.message(PASSPHRASE_ID)
                    />
                    <button class="button" type="submit" aria-disabled=move || working.get().then_some("true")>
                        {move || if working.get() { "Opening\u{2026}" } else { "Open backup" }}
                    </button>
                </form>
            }
            .into_any(),
            Stage::Ready(backup, inside, phone) => {
                let made = moment(backup.created_at());
                view! {
                    <div class="backup-preview" id="backup-preview" tabindex="-1">
                        <h3 class="compare__title">{format!("This backup was made on {made}")}</h3>
                        <div class="compare">
                            <div class="compare__side">
                                <h4 class="compare__heading">"In the backup"</h4>
                                <ul class="list-bullet">
                                    {inside.lines().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                                </ul>
                            </div>
                            {phone_has_data.then(|| view! {
                                <div class="compare__side">
                                    <h4 class="compare__heading">"On this phone now"</h4>
                                    <ul class="list-bullet">
                                        {phone.lines().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                                    </ul>
                                </div>
                            })}
                        </div>
                        {if phone_has_data {
                            view! {
                                <h4 class="compare__heading">"What would you like to do?"</h4>
                                <p>
                                    <strong>"Add what is missing"</strong>
                                    " keeps everything on this phone and adds anything from the backup that is not here."
                                </p>
                                <p>
                                    <strong>"Replace what is on this phone"</strong>
                                    " makes this phone hold exactly what is in the backup. Anything added since the backup was made will go."
                                </p>
                                <p>"Either way, a copy of what is on this phone now is kept, so you can undo it."</p>
                                <div class="button-group">
                                    <button type="button" class="button" id=RESTORE_ID
                                        on:click=move |_| restore(RestoreHow::AddMissing)>
                                        "Add what is missing"
                                    </button>
                                    <button type="button" class="button button--secondary"
                                        on:click=move |_| restore(RestoreHow::Replace)>
                                        "Replace what is on this phone"
                                    </button>
                                </div>
                            }
                            .into_any()
                        } else {
                            view! {
                                <button type="button" class="button" id=RESTORE_ID
                                    on:click=move |_| restore(RestoreHow::Replace)>
                                    "Restore this backup"
                                </button>
                            }
                            .into_any()
                        }}
                        <p>
                            <button type="button" class="link-button" on:click=start_again>
                                "Choose a different file"
                            </button>
                        </p>
                    </div>
                }
                .into_any()
            }
        }}
    }
}

/// Spreadsheet files of the diary, goals and appointments.
#[component]
fn Exports(tools: DataTools) -> impl IntoView {
    let said = RwSignal::new(String::new());
    let export = move |what: Export| {
        let (name, text) = tools.export(what);
        spawn_local(async move {
            let handed = file::hand_over(&name, &text, "text/csv").await;
            said.set(match handed {
                Handed::Shared | Handed::Downloaded => format!("{name} is ready."),
                Handed::Cancelled => String::new(),
                Handed::Failed => "This browser would not save the file. Try again.".into(),
            });
        });
    };
    view! {
        <section aria-labelledby="export-heading" class="my-data__section">
            <h2 class="heading-m" id="export-heading">"Open your information in a spreadsheet"</h2>
            <p>
                "These files open in Excel, Google Sheets or Numbers. They are not backups: "
                "Alongside cannot read them back."
            </p>
            <div class="button-group">
                <button type="button" class="button button--secondary" on:click=move |_| export(Export::Diary)>
                    "Diary spreadsheet"
                </button>
                <button type="button" class="button button--secondary" on:click=move |_| export(Export::Goals)>
                    "Goals spreadsheet"
                </button>
                <button type="button" class="button button--secondary" on:click=move |_| export(Export::Appointments)>
                    "Appointments spreadsheet"
                </button>
            </div>
            <p role="status">{said}</p>
        </section>
    }
}

/// How much is stored, whether the browser will keep it, and the last
/// backup.
#[component]
fn StorageHealth(tools: DataTools) -> impl IntoView {
    let status = use_status();
    let ours = tools.local_bytes();
    let estimate = RwSignal::new(None::<(f64, f64)>);
    spawn_local(async move { estimate.set(storage::estimate().await) });
    let persistence = move || {
        match status.persistence.get() {
        Some(Persistence::Persistent) => {
            "Your browser has agreed to keep Alongside's information, even if the phone runs short of space."
        }
        Some(Persistence::BestEffort) => {
            "Your browser may clear Alongside's information if the phone runs short of space. Installing the app on your home screen makes this less likely."
        }
        Some(Persistence::Unknown) | None => {
            "Your browser has not said whether it will keep Alongside's information if the phone runs short of space."
        }
    }
    };
    let quarantined = move || {
        let n = status.quarantined.get();
        (n > 0).then(|| {
            let items = if n == 1 { "1 item".to_string() } else { format!("{n} items") };
            view! {
                <p>
                    {format!(
                        "{items} of saved information could not be read, so a copy was kept aside on this phone. Nothing has been deleted.",
                    )}
                </p>
            }
        })
    };
    let last = move || match tools.last_backup() {
        Some(at) => format!("Your last backup on this phone was made on {}.", moment(at)),
        None => "You have not made a backup on this phone yet.".into(),
    };
    view! {
        <section aria-labelledby="kept-heading" class="my-data__section">
            <h2 class="heading-m" id="kept-heading">"Where your information is kept"</h2>
            <p>"Everything you enter is saved in this browser on this phone. It is not sent anywhere."</p>
            <p>{persistence}</p>
            <p>{format!("Your information takes up {} on this phone.", size(ours as f64))}</p>
            {move || estimate.get().filter(|(_, quota)| *quota > 0.0).map(|(usage, quota)| view! {
                <p>{format!("Altogether this site uses {} of the {} the browser allows it.", size(usage), size(quota))}</p>
            })}
            <p>{last}</p>
            {quarantined}
        </section>
    }
}

/// "Delete everything", with a dialog that says what will go.
#[component]
fn DeleteEverything(tools: DataTools) -> impl IntoView {
    let dialog = NodeRef::<html::Dialog>::new();
    let working = RwSignal::new(false);
    let delete = move |_| {
        if working.get_untracked() {
            return;
        }
        working.set(true);
        spawn_local(async move {
            // On success the welcome screen loads.
            if !tools.delete_everything().await {
                working.set(false);
                close_dialog(dialog);
            }
        });
    };
    view! {
        <section aria-labelledby="delete-all-heading" class="danger-zone">
            <h2 class="heading-m" id="delete-all-heading">"Delete everything"</h2>
            <p>"This removes all your information from this phone. It cannot be undone. Make a backup first if you might want it again."</p>
            <button type="button" class="button button--warning" on:click=move |_| open_dialog(dialog)>
                "Delete everything"
            </button>
            <dialog class="dialog" node_ref=dialog aria-labelledby="delete-all-title" aria-describedby="delete-all-text">
                <h2 id="delete-all-title">"Delete everything on this phone?"</h2>
                <div id="delete-all-text">
                    <p>"This will delete your details, goals, diary, appointments, wellbeing check-ins and things to talk about from this phone."</p>
                    <p>"It cannot be undone. Backup files you have saved elsewhere are not affected."</p>
                </div>
                <div class="button-group">
                    <button type="button" class="button button--secondary" autofocus on:click=move |_| close_dialog(dialog)>
                        "No, keep it"
                    </button>
                    <button type="button" class="button button--warning" on:click=delete>
                        {move || if working.get() { "Deleting\u{2026}" } else { "Yes, delete everything" }}
                    </button>
                </div>
            </dialog>
        </section>
    }
}

/// The "welcome" screen's offer to restore, for a client who has used
/// Alongside before (a new phone, or after deleting everything).
#[component]
pub fn WelcomeRestore() -> impl IntoView {
    let errors = FormErrors::new("Welcome to Alongside");
    let open = RwSignal::new(false);
    view! {
        <ErrorSummary errors=errors.summary() />
        <section aria-labelledby="welcome-restore-heading" class="my-data__section">
            <h2 class="heading-m" id="welcome-restore-heading">"Used Alongside before?"</h2>
            {move || if open.get() {
                view! { <RestoreBackup errors=errors phone_has_data=false /> }.into_any()
            } else {
                view! {
                    <p>"If you have a backup file, you can restore it instead of setting up again."</p>
                    <button type="button" class="button button--secondary" on:click=move |_| {
                        open.set(true);
                        page::focus_after_render(FILE_ID);
                    }>
                        "Restore from a backup"
                    </button>
                }
                .into_any()
            }}
        </section>
    }
}

/// Shown instead of the welcome screen when the browser removed the
/// client's data: say so plainly, and offer the backup first.
#[component]
pub fn DataRemoved(
    /// Set up afresh instead.
    on_start: Callback<()>,
) -> impl IntoView {
    let status = use_status();
    let errors = FormErrors::new("Your data was removed by the browser");
    view! {
        <ErrorSummary errors=errors.summary() />
        <Page title="Your data was removed by the browser".into()>
            <p class="lede">"Restore from a backup to get your information back."</p>
            <p>
                "Browsers can do this when a phone runs short of space, or when browsing data is "
                "cleared. It is not something you did wrong."
            </p>
            <section aria-labelledby="removed-restore-heading" class="my-data__section">
                <h2 class="heading-m" id="removed-restore-heading">"Restore from a backup"</h2>
                <RestoreBackup errors=errors phone_has_data=false />
            </section>
            <section aria-labelledby="removed-start-heading" class="my-data__section">
                <h2 class="heading-m" id="removed-start-heading">"No backup?"</h2>
                <p>"You can set up Alongside again and start afresh."</p>
                <button type="button" class="button button--secondary" on:click=move |_| {
                    start_afresh(status);
                    on_start.run(());
                }>
                    "Start again without a backup"
                </button>
            </section>
        </Page>
    }
}

/// Today's gentle backup reminder: one line, a link and "Not now". Shown
/// only when no backup has been made for a month.
#[component]
pub fn BackupReminder() -> impl IntoView {
    let tools = use_data_tools();
    let shown = RwSignal::new(tools.reminder_due());
    move || {
        shown.get().then(|| {
            view! {
                <div class="notice notice--reminder backup-reminder">
                    <p>
                        "It has been a while since you backed up your information. "
                        <a href="/my-data#backup-heading">"Make a backup"</a>
                    </p>
                    <button type="button" class="link-button" on:click=move |_| {
                        tools.not_now();
                        shown.set(false);
                        page::focus_after_render(crate::app::components::HEADING_ID);
                    }>
                        "Not now"<span class="visually-hidden">", hide the backup reminder"</span>
                    </button>
                </div>
            }
        })
    }
}

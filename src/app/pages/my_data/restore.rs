//! Restoring a backup: choosing the file, its passphrase if it has one,
//! what it holds beside what is on the phone, and the restore itself;
//! the result after the reload, with "Undo"; and the same offer on the
//! welcome screen and after the browser removed the data.

use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{moment, FILE_ID, PASSPHRASE_ID, RESTORE_ID};
use crate::app::components::{ErrorSummary, FormErrors, Page, SummaryError, TextField};
use crate::app::lazy::Lazy;
use crate::app::state::{
    start_afresh, use_data_tools, use_status, Chosen, DataTools, JustDone, OpenError, RestoreHow,
};
use crate::platform::page;
use crate::share::words;
use crate::store::backup::{Backup, BackupContents};

/// "Your backup has been restored", with what is on the phone now and
/// "Undo restore"; or "The restore has been undone".
#[component]
pub(super) fn RestoreResult(done: JustDone, tools: DataTools, errors: FormErrors) -> impl IntoView {
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
pub(super) fn UndoLastRestore(tools: DataTools, errors: FormErrors) -> impl IntoView {
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
    /// Move focus to the file box once the form is drawn (when the client
    /// has just asked for it).
    #[prop(optional)]
    focus_file: bool,
) -> impl IntoView {
    if focus_file {
        page::focus_after_render(FILE_ID);
    }
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
            match tools.read_chosen(&el).await {
                Ok(Chosen::Nothing) => working.set(false),
                Ok(Chosen::Locked(text)) => {
                    errors.clear();
                    working.set(false);
                    passphrase.set(String::new());
                    stage.set(Stage::Locked(text));
                    page::focus_after_render(PASSPHRASE_ID);
                }
                Ok(Chosen::Open(backup)) => opened(Ok(*backup), FILE_ID),
                Err(e) => opened(Err(e), FILE_ID),
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
            let result = tools.unlock(&text, &typed).await;
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
                        bind=passphrase
                        errors=errors
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

crate::lazy_page!(
    /// The restore form for a phone with nothing on it (after the browser
    /// removed the data): its code, with backups and their decryption,
    /// comes with My data's chunk, only when shown.
    restore_form(errors: FormErrors) in client => view! {
        <RestoreBackup errors=errors phone_has_data=false focus_file=false />
    }
);

crate::lazy_page!(
    /// The restore form as the welcome screen opens it, with its own error
    /// summary: the welcome screen is in the app's main file, and the
    /// summary's code comes with the form's.
    welcome_restore_form() in client => {
        let errors = FormErrors::new("Welcome to Alongside");
        view! {
            <ErrorSummary errors=errors.summary() />
            <RestoreBackup errors=errors phone_has_data=false focus_file=true />
        }
    }
);

/// The "welcome" screen's offer to restore, for a client who has used
/// Alongside before (a new phone, or after deleting everything).
#[component]
pub fn WelcomeRestore() -> impl IntoView {
    let open = RwSignal::new(false);
    view! {
        <section aria-labelledby="welcome-restore-heading" class="my-data__section">
            <h2 class="heading-m" id="welcome-restore-heading">"Used Alongside before?"</h2>
            {move || if open.get() {
                view! { <Lazy load=Callback::new(|()| welcome_restore_form()) /> }.into_any()
            } else {
                view! {
                    <p>"If you have a backup file, you can restore it instead of setting up again."</p>
                    <button type="button" class="button button--secondary" on:click=move |_| open.set(true)>
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
                <Lazy load=Callback::new(move |()| restore_form(errors)) />
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

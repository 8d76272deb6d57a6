//! "Back up your information" on My data, and Today's gentle backup
//! reminder.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::NEW_PASSPHRASE_ID;
use crate::app::components::{Checkbox, FormErrors, SummaryError, TextField};
use crate::app::state::{use_data_tools, BackupState, DataTools, Rhythm};
use crate::platform::page;
use crate::share::words;

/// "Make a backup", with an optional passphrase.
#[component]
pub(super) fn MakeBackup(tools: DataTools, errors: FormErrors) -> impl IntoView {
    let protect = RwSignal::new(false);
    let passphrase = RwSignal::new(String::new());
    let working = RwSignal::new(false);
    let made = RwSignal::new(None::<(String, bool)>);
    let suggest = move || passphrase.set(tools.suggest_passphrase());
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
            match tools.make_backup(protected.then_some(typed.as_str())).await {
                Ok(Some(name)) => {
                    made.set(Some((name, protected)));
                    page::focus_after_render("backup-made");
                }
                Ok(None) => {}
                Err(message) => errors.show(vec![SummaryError {
                    target: "make-backup".into(),
                    message,
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
                        bind=passphrase
                        errors=errors
                    />
                })}
                <button class="button" type="submit" id="make-backup" aria-disabled=move || working.get().then_some("true")>
                    {move || if working.get() { "Making your backup\u{2026}" } else { "Make a backup" }}
                </button>
            </form>
        </section>
    }
}

/// Today's gentle backup reminder: one line, a link and "Not now". Shown
/// only when no backup has been made for a month (a week while Safari may
/// delete the client's information).
#[component]
pub fn BackupReminder() -> impl IntoView {
    let tools = use_data_tools();
    let shown = RwSignal::new(tools.reminder_due());
    move || {
        shown.get().then(|| {
            view! {
                <div class="notice notice--reminder backup-reminder">
                    <p>
                        {match (tools.backup_state(), tools.rhythm()) {
                            (BackupState::Never, Rhythm::Monthly) => "You have not made a backup yet. ",
                            (BackupState::Never, Rhythm::Weekly) => "You have not made a backup yet, and Safari may delete Alongside\u{2019}s information. ",
                            (_, Rhythm::Monthly) => "It has been a while since you backed up your information. ",
                            (_, Rhythm::Weekly) => "It is a week or more since your last backup, and Safari may delete Alongside\u{2019}s information. ",
                        }}
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

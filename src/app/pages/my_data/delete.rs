//! "Delete everything", with a dialog that says what will go.

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::components::{close_dialog, open_dialog, ConfirmDialog, DialogTone};
use crate::app::state::DataTools;

/// "Delete everything", with a dialog that says what will go.
#[component]
pub(super) fn DeleteEverything(tools: DataTools) -> impl IntoView {
    let dialog = NodeRef::<html::Dialog>::new();
    let working = RwSignal::new(false);
    let delete = move |()| {
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
            <ConfirmDialog
                node_ref=dialog
                id="delete-all"
                title="Delete everything on this phone?"
                confirm=Signal::derive(move || {
                    if working.get() { "Deleting\u{2026}" } else { "Yes, delete everything" }.to_string()
                })
                cancel="No, keep it"
                tone=DialogTone::Warning
                on_confirm=Callback::new(delete)
            >
                <p>"This will delete your details, goals, diary, appointments, wellbeing check-ins and things to talk about from this phone."</p>
                <p>"It cannot be undone. Backup files you have saved elsewhere are not affected."</p>
            </ConfirmDialog>
        </section>
    }
}

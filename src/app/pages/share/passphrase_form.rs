//! [`PassphraseForm`]: "This summary is protected", its passphrase box and
//! "Open the summary". The first screen of `/review` for a protected link
//! ([`super::review_start`]) and the review page's own, so the two look
//! and behave the same when one takes over from the other.

use leptos::prelude::*;

use crate::app::components::TextField;

/// The id of the passphrase box, where its error points.
pub const PASSPHRASE_ID: &str = "review-passphrase";

/// Asks for the passphrase of a protected summary.
#[component]
pub fn PassphraseForm(
    /// The passphrase as typed.
    passphrase: RwSignal<String>,
    /// What is wrong with it, if anything.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// True while the summary is being opened.
    #[prop(into)]
    busy: Signal<bool>,
    /// "Open the summary".
    on_open: Callback<()>,
    /// "Cancel": open another summary instead.
    on_cancel: Callback<()>,
) -> impl IntoView {
    view! {
        <p>"This summary is protected. Enter the passphrase the client gave you."</p>
        <form on:submit=move |ev| {
            ev.prevent_default();
            on_open.run(());
        }>
            <TextField
                id=PASSPHRASE_ID
                label="Passphrase"
                hint="Capital letters and extra spaces do not matter."
                autocomplete="off"
                bind=passphrase
                error=error
            />
            <div class="button-group">
                <button type="submit" class="button" prop:disabled=move || busy.get()>
                    {move || if busy.get() { "Opening…" } else { "Open the summary" }}
                </button>
                <button type="button" class="button button--secondary" on:click=move |_| on_cancel.run(())>
                    "Cancel"
                </button>
            </div>
        </form>
    }
}

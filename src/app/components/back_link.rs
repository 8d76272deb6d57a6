//! A "Back" link for the steps of a form.

use leptos::prelude::*;

/// A "Back" link that runs `on_back` instead of navigating.
#[component]
pub fn BackLink(on_back: Callback<()>) -> impl IntoView {
    view! {
        <button type="button" class="back-link" on:click=move |_| on_back.run(())>
            "Back"
        </button>
    }
}

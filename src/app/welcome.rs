//! The welcome screen: the first thing a new client sees, whatever the
//! address, until they have set up.
//!
//! It comes with the app's main file, so a first visit draws it from the
//! shell alone; set-up's code (its questions and their rules) is fetched
//! while the client reads it, and "Start" opens the first question from
//! the set-up chunk ([`super::setup`]).

use leptos::prelude::*;

use super::components::HEADING_ID;
use super::lazy::{Drawn, Lazy};
use super::pages::WelcomeRestore;
use super::routes;
use super::state::{just_deleted, use_status};
use crate::model::ProfileDraft;
use crate::platform::page;

/// The heading and tab title of the welcome screen.
const TITLE: &str = "Welcome to Alongside";

/// The welcome screen, then set-up once the client chooses "Start".
#[component]
pub fn FirstRun() -> impl IntoView {
    let status = use_status();
    let started = RwSignal::new(false);
    // Kept here, not in set-up, so "Back" to the welcome screen and
    // "Start" again find the answers as they were.
    let draft = RwSignal::new(ProfileDraft::default());
    let welcome = Callback::new(move |()| {
        started.set(false);
        page::focus_after_render(HEADING_ID);
    });
    // Once the welcome screen is up: fetch set-up's code now, so "Start"
    // opens the first question at once, even if the signal drops meanwhile.
    Effect::new(|_| routes::fetch_setup());

    move || {
        if started.get() {
            view! { <Lazy load=Callback::new(move |()| routes::setup_first_run(draft, welcome)) /> }
                .into_any()
        } else if status.data_removed.get() {
            // The browser removed the client's data: say so, and offer
            // their backup, rather than a fresh welcome.
            // Rare, so its code (with the restore form's) comes with
            // set-up's, not in the main file.
            view! { <Lazy load=Callback::new(|()| routes::data_removed()) /> }.into_any()
        } else {
            view! {
                <Welcome on_start=Callback::new(move |_| started.set(true)) />
                <Drawn />
            }
            .into_any()
        }
    }
}

/// What Alongside is for, that nothing leaves the phone, and "Start".
#[component]
fn Welcome(
    /// Opens set-up's first question.
    on_start: Callback<()>,
) -> impl IntoView {
    page::set_title(TITLE);
    // Read once: the flag is gone after this page load.
    let deleted = StoredValue::new(just_deleted());
    view! {
        <div class="setup">
            {deleted.get_value().then(|| view! {
                <div class="notice notice--success" role="status">
                    <p>"Everything has been deleted from this phone."</p>
                </div>
            })}
            <h1 id=HEADING_ID tabindex="-1">{TITLE}</h1>
            <p class="lede">
                "Alongside helps you keep track of what matters to you: your goals, "
                "how you are feeling, and your appointments."
            </p>
            <div class="inset">
                <p>
                    <strong>"Everything you enter stays on this phone."</strong>
                    " Nothing is sent anywhere unless you choose to share it with your link worker."
                </p>
            </div>
            <p>"Setting up takes about 2 minutes. You can change your answers at any time."</p>
            <button class="button" type="button" on:click=move |_| on_start.run(())>
                "Start"
            </button>
            <WelcomeRestore />
        </div>
    }
}

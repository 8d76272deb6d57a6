//! The user interface: Leptos components and pages.
//!
//! Components read state from the stores in [`state`] and call their
//! methods; they hold no business rules and never touch storage.

pub mod components;
pub mod lazy;
mod nav;
pub mod pages;
mod routes;
pub mod setup;
pub mod state;
mod welcome;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::Router;
use leptos_router::hooks::use_location;

use components::{NoticeList, UpdateBanner, HEADING_ID};
use lazy::{Drawn, FirstScreen};
use nav::{HeaderNav, TabBar};
use state::{provide_app_state, use_notices, use_profile, use_status};

use crate::platform::{page, persist, sw};

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    provide_app_state();
    let status = use_status();
    // Once the first page is on screen: mark the moment the client can use
    // the app, then ask to keep our storage and register the service
    // worker, which saves the rest of the app for offline use. Neither
    // competes with the first screen for a slow network.
    let started = StoredValue::new(false);
    // The app's root: what starts here lives as long as the app.
    let root = Owner::current().unwrap_or_default();
    provide_context(FirstScreen(Callback::new(move |()| {
        if started.get_value() {
            return;
        }
        started.set_value(true);
        page::mark("app-ready");
        spawn_local(async move {
            let answer = persist::request_persistence().await;
            status.persistence.set(Some(answer));
            sw::register(move || status.update_ready.set(true)).await;
        });
        routes::start_reminders(root.clone());
    })));

    let profile = use_profile();
    view! {
        <Router>
            <FocusOnNavigate />
            <a
                class="skip-link"
                href="#main-content"
                on:click=move |ev| {
                    ev.prevent_default();
                    page::focus_id("main-content");
                }
            >
                "Skip to main content"
            </a>
            <header class="header">
                <div class="header__inner">
                    <a class="header__name" href="/">
                        "Alongside"
                    </a>
                    <Show when=move || profile.is_set_up()>
                        <HeaderNav />
                    </Show>
                </div>
            </header>
            <UpdateBanner />
            <main class="main" id="main-content" tabindex="-1">
                <NoticeList />
                <routes::AppRoutes />
            </main>
            <Show when=move || profile.is_set_up()>
                <TabBar />
            </Show>
        </Router>
    }
}

/// A page of the client's own app: until set-up is done, the welcome
/// screen and set-up show instead, whatever the address.
#[component]
fn ClientPage(children: ChildrenFn) -> impl IntoView {
    let profile = use_profile();
    let notices = use_notices();
    view! {
        <Show
            when=move || profile.is_set_up()
            fallback=move || {
                if profile.is_read_only() {
                    view! { <CannotChange /> }.into_any()
                } else {
                    view! { <welcome::FirstRun /> }.into_any()
                }
            }
        >
            // Drawn again when another tab or window changes the data, so
            // no form keeps showing (and later saves) what is out of date.
            {
                let children = children.clone();
                move || {
                    notices.redraws();
                    children()
                }
            }
        </Show>
    }
}

/// Shown instead of set-up when the stored details exist but this build
/// must not change them and cannot show them: set-up would only end in a
/// save that is refused.
#[component]
fn CannotChange() -> impl IntoView {
    view! {
        <components::Page title="Your details are safe".into()>
            <p>
                "Your details are saved on this device, but this version of Alongside cannot show "
                "or change them. Nothing has been deleted."
            </p>
            <p>"Close the app and open it again to get the newest version."</p>
        </components::Page>
        <Drawn />
    }
}

/// Moves focus to the new page's heading after each navigation, so a
/// screen reader announces the page, as a full page load would.
#[component]
fn FocusOnNavigate() -> impl IntoView {
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path) {
            page::focus_after_render(HEADING_ID);
        }
        path
    });
}

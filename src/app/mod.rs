//! The user interface: Leptos components and pages.
//!
//! Components read state from the stores in [`state`] and call their
//! methods; they hold no business rules and never touch storage.

pub mod components;
mod nav;
pub mod pages;
pub mod setup;
pub mod state;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::hooks::use_location;
use leptos_router::path;

use components::{NoticeList, UpdateBanner, HEADING_ID};
use nav::{HeaderNav, TabBar};
use pages::{
    Appointments, CheckIn, CheckInHistory, DayPage, Diary, EditAppointment, EditGoal, GoalPage,
    Goals, Measures, MyData, NewAppointment, NewGoal, NotFound, OccurrencePage, Review, Share,
    Today,
};
use setup::{Mode, Setup};
use state::{provide_app_state, use_notices, use_profile, use_status};

use crate::platform::{page, persist, sw};

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    provide_app_state();
    pages::start_notifications();
    let status = use_status();
    // One task for both start-up requests: neither blocks the first screen.
    spawn_local(async move {
        let answer = persist::request_persistence().await;
        status.persistence.set(Some(answer));
        sw::register(move || status.update_ready.set(true)).await;
    });
    // Effects run once the first view is mounted, with stored data
    // already loaded (loading is synchronous), so this marks the moment
    // the client can use the app.
    Effect::new(move |_| page::mark("app-ready"));

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
                <FlatRoutes fallback=|| view! { <NotFound /> }>
                    <Route path=path!("/") view=|| view! { <ClientPage><Today /></ClientPage> } />
                    <Route path=path!("/goals") view=|| view! { <ClientPage><Goals /></ClientPage> } />
                    <Route path=path!("/goals/new") view=|| view! { <ClientPage><NewGoal /></ClientPage> } />
                    <Route path=path!("/goals/:id") view=|| view! { <ClientPage><GoalPage /></ClientPage> } />
                    <Route
                        path=path!("/goals/:id/edit")
                        view=|| view! { <ClientPage><EditGoal /></ClientPage> }
                    />
                    <Route path=path!("/diary") view=|| view! { <ClientPage><Diary /></ClientPage> } />
                    <Route
                        path=path!("/diary/measures")
                        view=|| view! { <ClientPage><Measures /></ClientPage> }
                    />
                    <Route path=path!("/diary/:date") view=|| view! { <ClientPage><DayPage /></ClientPage> } />
                    <Route
                        path=path!("/appointments")
                        view=|| view! { <ClientPage><Appointments /></ClientPage> }
                    />
                    <Route
                        path=path!("/appointments/new")
                        view=|| view! { <ClientPage><NewAppointment /></ClientPage> }
                    />
                    <Route
                        path=path!("/appointments/:id/edit")
                        view=|| view! { <ClientPage><EditAppointment /></ClientPage> }
                    />
                    <Route
                        path=path!("/appointments/:id/:due")
                        view=|| view! { <ClientPage><OccurrencePage /></ClientPage> }
                    />
                    <Route path=path!("/check-in") view=|| view! { <ClientPage><CheckIn /></ClientPage> } />
                    <Route
                        path=path!("/check-in/history")
                        view=|| view! { <ClientPage><CheckInHistory /></ClientPage> }
                    />
                    <Route path=path!("/share") view=|| view! { <ClientPage><Share /></ClientPage> } />
                    <Route path=path!("/review") view=Review />
                    <Route path=path!("/my-data") view=|| view! { <ClientPage><MyData /></ClientPage> } />
                    <Route
                        path=path!("/my-data/details")
                        view=|| view! { <ClientPage><Setup mode=Mode::Edit /></ClientPage> }
                    />
                </FlatRoutes>
            </main>
            <Show when=move || profile.is_set_up()>
                <TabBar />
            </Show>
        </Router>
    }
}

/// A page of the client's own app: until set-up is done, set-up shows
/// instead, whatever the address.
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
                    view! { <Setup mode=Mode::FirstRun /> }.into_any()
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

//! `/`: Today.

use leptos::prelude::*;

use crate::app::components::Page;
use crate::app::pages::{
    BackupReminder, CheckInDue, GoalCard, InstallOffer, QuickCheckIn, TalkAbout, TodayAppointments,
};
use crate::app::state::{use_profile, use_saved, use_today};
use crate::model::GoalBook;
use crate::platform::clock;

/// The first page the client sees each day. Drawn afresh when the date
/// changes while it is open, so the quick check-in is for the new day.
#[component]
pub fn Today() -> impl IntoView {
    let day = use_today();
    move || {
        day.0.track();
        view! { <TodayPage /> }
    }
}

/// Today's content, for the date when it is drawn.
#[component]
fn TodayPage() -> impl IntoView {
    let profile = use_profile().get();
    let goals = use_saved::<GoalBook>();
    let today = clock::today();
    let greeting = match profile.as_ref().and_then(|p| p.preferred_name.clone()) {
        Some(name) => format!("Hello, {name}"),
        None => "Hello".to_string(),
    };
    let what_matters = profile.map(|p| p.what_matters).unwrap_or_default();
    view! {
        <Page title=greeting tab_title="Today">
            <TodayAppointments />
            <InstallOffer />
            <CheckInDue />
            <QuickCheckIn />
            <section aria-labelledby="today-goals-heading">
                <h2 id="today-goals-heading">"Your goals"</h2>
                {move || {
                    let working: Vec<_> = goals
                        .with(|b| b.map(|b| b.working_on().into_iter().cloned().collect()))
                        .unwrap_or_default();
                    if working.is_empty() {
                        view! {
                            <p>"You are not working on a goal at the moment."</p>
                            <p><a href="/goals/new">"Write a goal"</a></p>
                        }
                            .into_any()
                    } else {
                        view! {
                            <ul class="goal-cards">
                                {working
                                    .into_iter()
                                    .map(|g| view! { <GoalCard goal=g today=today /> })
                                    .collect_view()}
                            </ul>
                            <p><a href="/goals">"See all your goals"</a></p>
                        }
                            .into_any()
                    }
                }}
            </section>
            <TalkAbout />
            <ul class="link-cards link-cards--spaced">
                <li><a class="link-card" href="/share">"Share with your link worker"</a></li>
            </ul>
            <BackupReminder />
            <section class="card card--feature" aria-labelledby="what-matters-heading">
                <h2 class="heading-m" id="what-matters-heading">"What matters to you"</h2>
                <p class="preserve-lines">{what_matters}</p>
            </section>
            <ul class="link-cards">
                <li><a class="link-card" href="/diary">"Your diary"</a></li>
                <li><a class="link-card" href="/check-in">"How are you feeling?"</a></li>
            </ul>
        </Page>
    }
}

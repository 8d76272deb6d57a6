//! `/`: Today.

use leptos::prelude::*;

use crate::app::components::Page;
use crate::app::state::use_profile;

/// The first page the client sees each day.
#[component]
pub fn Today() -> impl IntoView {
    let profile = use_profile().get();
    let greeting = match profile.as_ref().and_then(|p| p.preferred_name.clone()) {
        Some(name) => format!("Hello, {name}"),
        None => "Hello".to_string(),
    };
    let what_matters = profile.map(|p| p.what_matters).unwrap_or_default();
    view! {
        <Page title=greeting tab_title="Today">
            <section class="card card--feature" aria-labelledby="what-matters-heading">
                <h2 class="heading-m" id="what-matters-heading">"What matters to you"</h2>
                <p class="preserve-lines">{what_matters}</p>
            </section>
            <p>"Your goals, today's diary check-in and your next appointment will show here."</p>
            <ul class="link-cards">
                <li><a class="link-card" href="/goals">"Your goals"</a></li>
                <li><a class="link-card" href="/diary">"Your diary"</a></li>
                <li><a class="link-card" href="/appointments">"Your appointments"</a></li>
                <li><a class="link-card" href="/check-in">"How are you feeling?"</a></li>
            </ul>
        </Page>
    }
}

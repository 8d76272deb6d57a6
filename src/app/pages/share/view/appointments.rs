//! Appointments: those in the period, each with what the client recorded
//! of it (went ahead, did not, cancelled, or not recorded) and how it
//! went when notes were shared; and those coming up.

use leptos::prelude::*;

use crate::model::time::{format_day, format_time};
use crate::share::summary::Summary;

/// The two sections, where there is anything in them.
#[component]
pub fn Appointments(
    /// The summary.
    summary: Summary,
) -> impl IntoView {
    let today = crate::platform::clock::today();
    let s = summary;
    let past = (!s.past.is_empty()).then(|| {
        let items = s
            .past
            .iter()
            .map(|p| {
                let when = format!("{}, {}", format_day(s.day(p.day), today), format_time(p.time));
                view! {
                    <li>
                        <strong>{when}</strong>
                        ": "
                        {p.title.clone()}
                        // What the client recorded, or that they did not.
                        {format!(" ({})", p.outcome().to_lowercase())}
                        {p.notes.clone().map(|n| view! {
                            <span class="summary__note">" How it went: "<span class="preserve-lines">{n}</span></span>
                        })}
                    </li>
                }
            })
            .collect_view();
        view! {
            <section aria-labelledby="summary-past">
                <h3 class="heading-m" id="summary-past">"Appointments in this period"</h3>
                <ul class="summary__appts">{items}</ul>
            </section>
        }
    });
    let coming = s.coming_up(today);
    let coming = (!coming.is_empty()).then(|| {
        view! {
            <section aria-labelledby="summary-appointments">
                <h3 class="heading-m" id="summary-appointments">"Coming up"</h3>
                <ul class="summary__appts">
                    {coming
                        .into_iter()
                        .map(|u| view! { <li><strong>{u.what}</strong>": "{u.when}</li> })
                        .collect_view()}
                </ul>
            </section>
        }
    });
    view! { {past} {coming} }
}

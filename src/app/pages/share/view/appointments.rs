//! Appointments: those in the period by what they were, with their days
//! under what the client recorded of each (went ahead, did not, cancelled,
//! or not recorded) and how it went when notes were shared; and those
//! coming up.

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
        let day = |d: i32| format_day(s.day(d), today);
        let items = s
            .past_by_title()
            .into_iter()
            .map(|g| {
                // One of a kind: its time too. Many: the days alone.
                let when = |(d, t): (i32, u16)| {
                    if g.count == 1 {
                        format!("{}, {}", day(d), format_time(t))
                    } else {
                        day(d)
                    }
                };
                let outcomes = g
                    .outcomes
                    .iter()
                    .map(|(outcome, days)| {
                        let days: Vec<String> = days.iter().map(|d| when(*d)).collect();
                        view! { <li><strong>{format!("{outcome}: ")}</strong>{days.join(", ")}</li> }
                    })
                    .collect_view();
                let notes = g
                    .notes
                    .iter()
                    .map(|(d, n)| view! {
                        <li class="summary__note">{format!("How it went on {}: ", day(*d))}<span class="preserve-lines">{n.clone()}</span></li>
                    })
                    .collect_view();
                let count = if g.count == 1 { "1 in this period".to_string() } else { format!("{} in this period", g.count) };
                view! {
                    <li class="summary__past">
                        <strong>{g.title.clone()}</strong>{format!(", {count}")}
                        <ul class="summary__outcomes">{outcomes}{notes}</ul>
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

//! The goals in detail: status, why, steps with the day each was done,
//! the ratings and notes.

use leptos::prelude::*;

use super::Voice;
use crate::model::time::format_day;
use crate::share::summary::Summary;

/// The section, if goals were shared.
#[component]
pub fn Goals(
    /// The summary.
    summary: Summary,
    /// Whom it speaks to.
    voice: Voice,
) -> impl IntoView {
    let today = crate::platform::clock::today();
    let s = summary;
    let day = |offset: i32| format_day(s.day(offset), today);
    (!s.goals.is_empty()).then(|| {
        let items = s
            .goals
            .iter()
            .map(|g| {
                let done = g.steps.iter().filter(|(_, d)| d.is_some()).count();
                let steps = g
                    .steps
                    .iter()
                    .map(|(text, d)| {
                        let state = match d {
                            Some(d) => format!("done {}", day(*d)),
                            None => "not done yet".into(),
                        };
                        view! { <li>{text.clone()}<span class="summary__state">{format!(" ({state})")}</span></li> }
                    })
                    .collect_view();
                let close = format!("How close {} feel to it", voice.they());
                let rating = match g.ratings.as_slice() {
                    [] => "No rating yet.".to_string(),
                    [only] => format!("{close}: {} out of 10 on {}.", only.1, day(only.0)),
                    all => {
                        let list: Vec<String> =
                            all.iter().map(|(d, v)| format!("{v} on {}", day(*d))).collect();
                        format!("{close} (out of 10): {}.", list.join(", "))
                    }
                };
                let notes = (!g.notes.is_empty()).then(|| {
                    view! {
                        <ul class="summary__notes">
                            {g.notes.iter().map(|(d, t)| view! { <li><strong>{day(*d)}": "</strong><span class="preserve-lines">{t.clone()}</span></li> }).collect_view()}
                        </ul>
                    }
                });
                view! {
                    <li class="summary__goal">
                        <h4 class="heading-s">{g.text.clone()}</h4>
                        <p><strong>{match g.status_on {
                            Some(on) => format!("{} on {}", g.status.label(), day(on)),
                            None => g.status.label().to_string(),
                        }}</strong>{g.why.clone().map(|w| format!(". Why it matters: {w}"))}</p>
                        {(!g.steps.is_empty()).then(|| view! {
                            <p>{format!("Steps: {done} of {} done.", g.steps.len())}</p>
                            <ul class="summary__steps">{steps}</ul>
                        })}
                        <p>{rating}</p>
                        {notes}
                    </li>
                }
            })
            .collect_view();
        view! {
            <section aria-labelledby="summary-goals">
                <h3 class="heading-m" id="summary-goals">"Goals"</h3>
                <ul class="summary__list summary__list--goals">{items}</ul>
            </section>
        }
    })
}

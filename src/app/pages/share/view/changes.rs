//! "What has changed": the first section of every summary, one line for
//! each thing, so a session can start from it at a glance.

use leptos::prelude::*;

use super::{SinceKept, Voice};
use crate::share::summary::{Changes, Line};

/// Lines as a list: what each is about in bold, then what changed.
fn list(lines: Vec<Line>) -> impl IntoView {
    view! {
        <ul class="changes__list">
            {lines
                .into_iter()
                .map(|l| view! { <li><strong>{l.what}</strong>": "{l.words}</li> })
                .collect_view()}
        </ul>
    }
}

/// A group of lines under its heading, if it has any.
fn group(heading: String, lines: Vec<Line>) -> Option<impl IntoView> {
    (!lines.is_empty()).then(|| {
        view! {
            <div class="changes__group">
                <h4 class="changes__heading">{heading}</h4>
                {list(lines)}
            </div>
        }
    })
}

/// The section.
#[component]
pub fn WhatHasChanged(
    /// The lines, from [`crate::share::summary::Summary::changes`].
    changes: Changes,
    /// Whom it speaks to.
    voice: Voice,
    /// What changed since a kept summary, when there is one.
    since: Option<Signal<Option<SinceKept>>>,
) -> impl IntoView {
    let has_since = move || since.is_some_and(|s| s.with(Option::is_some));
    (!changes.is_empty()).then(move || {
        let Changes {
            talk,
            done,
            goals,
            measures,
            wellbeing_days,
            wellbeing,
            appointments,
        } = changes;
        let wellbeing_heading = match wellbeing_days {
            Some(days) => format!("Wellbeing, {days}"),
            None => "Wellbeing".to_string(),
        };
        let talk = (!talk.is_empty()).then(|| {
            view! {
                <div class="changes__group changes__group--talk">
                    <h4 class="changes__heading">{format!("Things {} want to talk about", voice.they())}</h4>
                    <ul class="changes__list">{talk.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
                </div>
            }
        });
        view! {
            <section class="changes" aria-labelledby="summary-changes">
                <h3 class="heading-m" id="summary-changes">"What has changed"</h3>
                {move || since.and_then(|s| s.get()).map(|s| view! {
                    <div class="changes__group changes__group--since">
                        <h4 class="changes__heading">{s.heading}</h4>
                        {if s.lines.is_empty() {
                            view! { <p>"The two summaries have nothing in common to compare."</p> }.into_any()
                        } else {
                            list(s.lines).into_any()
                        }}
                    </div>
                })}
                <div class="changes__groups" class:changes__groups--after-since=has_since>
                    {talk}
                    // Successes before anything else the record says.
                    {group("Goals done".into(), done)}
                    // With an earlier summary to compare with, its lines are
                    // the one baseline: the period's own start would be a
                    // second one, saying something else.
                    {move || (!has_since()).then(|| view! {
                        {group("Goals".into(), goals.clone())}
                        {group("Diary".into(), measures.clone())}
                        {group(wellbeing_heading.clone(), wellbeing.clone())}
                    })}
                    {group("Appointments in this period".into(), appointments)}
                </div>
            </section>
        }
    })
}

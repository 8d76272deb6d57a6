//! One component shows a summary: the client's preview before anything
//! leaves the phone, and the link worker's review are the same view, so
//! what the client saw is exactly what the link worker sees (only the
//! voice differs: "you" to the client, "they" to the link worker).
//!
//! One file a part: `changes` ("What has changed", first), `about` (their
//! conditions and what matters to them), `goals`, `diary`, `wellbeing`
//! and `appointments`. Every word is worked out in
//! [`crate::share::summary`]; these only draw.

mod about;
mod appointments;
mod changes;
mod diary;
mod goals;
mod weekly;
mod wellbeing;

use leptos::prelude::*;

use crate::model::time::{format_day, format_moment};
use crate::share::summary::{Line, Summary};

/// Whom the summary speaks to: the client in their own preview, or the
/// link worker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Voice {
    /// Shown to the client themselves.
    pub client: bool,
}

impl Voice {
    /// "you" or "they".
    fn they(self) -> &'static str {
        if self.client {
            "you"
        } else {
            "they"
        }
    }

    /// "you" or "them".
    fn them(self) -> &'static str {
        if self.client {
            "you"
        } else {
            "them"
        }
    }
}

/// What changed since an earlier summary of the same client, kept on the
/// link worker's device.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SinceKept {
    /// The heading: "Since the summary made on Tue 1 December".
    pub heading: String,
    /// What changed.
    pub lines: Vec<Line>,
}

/// A shared summary, read-only. Its ids are fixed: a page shows one.
#[component]
pub fn SummaryView(
    /// The summary to show.
    summary: Summary,
    /// Shown to the client in their preview ("Things you want to talk
    /// about"); the link worker's view says "they".
    #[prop(optional)]
    for_client: bool,
    /// What changed since an earlier summary the link worker kept, when
    /// there is one (it may come a moment later, once opened).
    #[prop(optional, into)]
    since: Option<Signal<Option<SinceKept>>>,
) -> impl IntoView {
    let today = crate::platform::clock::today();
    let voice = Voice { client: for_client };
    let s = summary;
    let made = format!(
        "Made on {}. It covers {} to {}.",
        format_moment(s.created_at(), today),
        format_day(s.from, today),
        format_day(s.to, today)
    );
    let title = match (&s.name, for_client) {
        (_, true) => "Your summary".to_string(),
        (Some(n), false) => format!("{n}'s summary"),
        (None, false) => "Shared summary".to_string(),
    };
    let changes = s.changes(today);
    view! {
        <article class="summary" aria-labelledby="summary-title">
            <h2 class="heading-l summary__title" id="summary-title" tabindex="-1">{title}</h2>
            <p class="summary__made">{made}</p>
            {s.is_empty().then(|| view! { <p>"Nothing was chosen to share."</p> })}
            <changes::WhatHasChanged changes=changes voice=voice since=since />
            <about::About summary=s.clone() voice=voice />
            <goals::Goals summary=s.clone() voice=voice />
            <diary::Diary summary=s.clone() />
            <wellbeing::WellbeingDetail summary=s.clone() />
            <appointments::Appointments summary=s />
        </article>
    }
}

//! "What you have shared": the share log, newest first, and clearing it.

use leptos::prelude::*;

use crate::app::components::{DataTable, HEADING_ID};
use crate::app::state::use_share_tools;
use crate::model::time::{format_day, format_moment};
use crate::platform::{clock, page};
use crate::share::log::Shared;

/// The share log.
#[component]
pub fn ShareLogView() -> impl IntoView {
    let tools = use_share_tools();
    let today = clock::today();
    let rows = move || {
        let entries: Vec<Shared> = tools.log.with(|l| {
            l.map(|l| l.newest_first().cloned().collect())
                .unwrap_or_default()
        });
        if entries.is_empty() {
            return view! { <p>"You have not shared a summary yet."</p> }.into_any();
        }
        let rows = entries
            .into_iter()
            .map(|e| {
                vec![
                    format_moment(e.at, today),
                    format!(
                        "{} to {}",
                        format_day(e.from, today),
                        format_day(e.to, today)
                    ),
                    e.way.label().to_string(),
                    if e.protected { "Yes" } else { "No" }.to_string(),
                ]
            })
            .collect();
        view! {
            <DataTable
                caption="Summaries you have shared, newest first"
                columns=vec!["When".into(), "Period".into(), "How".into(), "Passphrase".into()]
                rows=rows
            />
            <ClearLog />
        }
        .into_any()
    };
    view! {
        <section class="no-print" aria-labelledby="log-heading">
            <h2 class="heading-l" id="log-heading">"What you have shared"</h2>
            {rows}
        </section>
    }
}

/// "Clear the log", with a second step so one tap cannot clear it.
#[component]
fn ClearLog() -> impl IntoView {
    let tools = use_share_tools();
    let asking = RwSignal::new(false);
    view! {
        <Show
            when=move || asking.get()
            fallback=move || view! {
                <p>
                    <button type="button" class="button button--secondary" id="clear-log" on:click=move |_| {
                        asking.set(true);
                        page::focus_after_render("clear-log-yes");
                    }>"Clear the log"</button>
                </p>
            }
        >
            <div class="notice notice--warning">
                <p>"Clear the list of what you have shared? The summaries you sent are not affected."</p>
                <div class="button-group">
                    <button type="button" class="button button--warning" id="clear-log-yes" on:click=move |_| {
                        tools.clear_log();
                        asking.set(false);
                        page::focus_after_render(HEADING_ID);
                    }>"Yes, clear it"</button>
                    <button type="button" class="button button--secondary" on:click=move |_| {
                        asking.set(false);
                        page::focus_after_render("clear-log");
                    }>"No, keep it"</button>
                </div>
            </div>
        </Show>
    }
}

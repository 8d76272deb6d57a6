//! `/review`: a link worker opens a summary a client shared with them,
//! from a link, a file or by pasting. It works without set-up, because it
//! opens on the link worker's device. Nothing is stored unless they choose
//! "Keep on this device".

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::SummaryView;
use crate::app::components::{
    ErrorSummary, FormErrors, Page, SummaryError, TextField, ERROR_SUMMARY_ID,
};
use crate::app::state::{unlock, use_saved};
use crate::model::time::{format_day, london};
use crate::platform::file::{self, ReadError};
use crate::platform::share as browser;
use crate::platform::{clock, page};
use crate::share::link::{self, Locked, Payload, ShareError};
use crate::share::log::KeptSummaries;
use crate::share::log::KeptSummary;
use crate::share::summary::Summary;
use crate::share::words;

/// The largest summary file read, in bytes: far above any summary.
const MAX_FILE: usize = 1024 * 1024;

/// The review page.
#[component]
pub fn Review() -> impl IntoView {
    let kept = use_saved::<KeptSummaries>();
    let errors = FormErrors::new("Review a shared summary");
    let opened = RwSignal::new(None::<(Summary, String)>);
    let locked = RwSignal::new(None::<(Locked, String)>);
    let pasted = RwSignal::new(String::new());
    let passphrase = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let said = RwSignal::new(None::<&'static str>);
    let file_input = NodeRef::<leptos::html::Input>::new();

    let fail = move |target: &str, message: &str| {
        errors.show(vec![SummaryError {
            target: target.into(),
            message: message.into(),
        }]);
        page::focus_after_render(ERROR_SUMMARY_ID);
    };

    let open_text = move |text: String, from: &'static str| {
        errors.clear();
        said.set(None);
        let payload = link::payload_text(&text).to_string();
        match link::read(&text) {
            Ok(Payload::Plain(s)) => {
                opened.set(Some((*s, payload)));
                locked.set(None);
                pasted.set(String::new());
                page::focus_after_render("summary-title");
            }
            Ok(Payload::Locked(l)) => {
                locked.set(Some((l, payload)));
                passphrase.set(String::new());
                page::focus_after_render("review-passphrase");
            }
            Err(e) => fail(from, e.message()),
        }
    };

    // A link: read the summary, then take it out of the address bar and
    // this page's history entry at once.
    if let Some(fragment) = browser::take_fragment() {
        open_text(fragment, "review-paste");
    }

    let unlock = move || {
        let Some((l, payload)) = locked.get_untracked() else {
            return;
        };
        let pass = words::normalise(&passphrase.get_untracked());
        if pass.is_empty() {
            fail(
                "review-passphrase",
                "Enter the passphrase the client gave you",
            );
            return;
        }
        errors.clear();
        busy.set(true);
        spawn_local(async move {
            let result = unlock(&l, &pass).await;
            busy.set(false);
            // "Cancel" pressed while the key was being made: show nothing.
            if locked.with_untracked(|l| l.as_ref().map(|(_, p)| p != &payload).unwrap_or(true)) {
                return;
            }
            match result {
                Ok(s) => {
                    opened.set(Some((s, payload)));
                    locked.set(None);
                    passphrase.set(String::new());
                    pasted.set(String::new());
                    page::focus_after_render("summary-title");
                }
                Err(message) => fail("review-passphrase", &message),
            }
        });
    };

    let read_file = move || {
        let Some(input) = file_input.get_untracked() else {
            return;
        };
        spawn_local(async move {
            match file::read_chosen(&input, MAX_FILE).await {
                Ok(Some(text)) => open_text(text, "review-file"),
                Ok(None) => {}
                Err(ReadError::TooLarge) => fail("review-file", ShareError::TooLarge.message()),
                Err(ReadError::Unreadable) => fail(
                    "review-file",
                    "That file could not be read. Try choosing it again.",
                ),
            }
            input.set_value("");
        });
    };

    let keep = move || {
        let Some((s, payload)) = opened.get_untracked() else {
            return;
        };
        let _ = kept.change(|k| {
            k.keep(KeptSummary {
                kept_at: clock::now(),
                name: s.name.clone(),
                made_at: s.created_at(),
                payload,
            });
            Ok::<(), ()>(())
        });
        if kept.saved_ok() {
            said.set(Some("Kept on this device, apart from anything else in this app. Remove it from the Review page when you no longer need it."));
        }
        // The button has gone: keep focus nearby, not lost on the page.
        page::focus_after_render("review-close");
    };

    let is_kept = move || {
        opened.with(|o| {
            o.as_ref().is_some_and(|(_, p)| {
                kept.with(|k| k.is_some_and(|k| k.items.iter().any(|i| &i.payload == p)))
            })
        })
    };

    let kept_list = move || {
        let items: Vec<KeptSummary> = kept.with(|k| k.map(|k| k.items.clone()).unwrap_or_default());
        (!items.is_empty()).then(|| {
            let today = clock::today();
            let rows = items
                .into_iter()
                .enumerate()
                .map(|(i, item)| {
                    let whose = item.name.clone().map_or_else(|| "A summary".to_string(), |n| format!("{n}'s summary"));
                    let made = format!("made {}", format_day(london(item.made_at).date(), today));
                    let payload = item.payload.clone();
                    let payload2 = item.payload.clone();
                    // Buttons say which summary, for screen readers listing them.
                    let which = format!(" {whose}, {made}");
                    view! {
                        <li class="kept__item">
                            <p><strong>{whose}</strong>", "{made}</p>
                            <div class="button-group">
                                <button type="button" class="button button--secondary button--small" id=format!("kept-open-{i}") on:click=move |_| open_text(payload.clone(), "review-paste")>
                                    "Open"
                                    <span class="visually-hidden">{which.clone()}</span>
                                </button>
                                <button type="button" class="button button--warning button--small" on:click=move |_| {
                                    let p = payload2.clone();
                                    let _ = kept.change(|k| {
                                        k.remove(&p);
                                        Ok::<(), ()>(())
                                    });
                                    page::focus_after_render(crate::app::components::HEADING_ID);
                                }>
                                    "Remove from this device"
                                    <span class="visually-hidden">{which}</span>
                                </button>
                            </div>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section aria-labelledby="kept-heading">
                    <h2 class="heading-m" id="kept-heading">"Kept on this device"</h2>
                    <ul class="kept">{rows}</ul>
                </section>
            }
        })
    };

    view! {
        <Page title="Review a shared summary".into()>
            <ErrorSummary errors=errors.summary() />
            {move || match (opened.get(), locked.get()) {
                (Some((s, _)), _) => view! {
                    <div class="button-group no-print">
                        <button type="button" class="button button--secondary" on:click=move |_| browser::print()>"Print"</button>
                        {move || (!is_kept()).then(|| view! {
                            <button type="button" class="button button--secondary" on:click=move |_| keep()>"Keep on this device"</button>
                        })}
                        <button type="button" class="button button--secondary" id="review-close" on:click=move |_| {
                            opened.set(None);
                            said.set(None);
                            page::focus_after_render(crate::app::components::HEADING_ID);
                        }>"Close this summary"</button>
                    </div>
                    <div role="status" class="no-print">{move || said.get().map(|t| view! { <p class="notice notice--success">{t}</p> })}</div>
                    <SummaryView summary=s />
                }
                .into_any(),
                (None, Some(_)) => view! {
                    <p>"This summary is protected. Enter the passphrase the client gave you."</p>
                    <form on:submit=move |ev| {
                        ev.prevent_default();
                        unlock();
                    }>
                        <TextField
                            id="review-passphrase"
                            label="Passphrase"
                            hint="Capital letters and extra spaces do not matter."
                            autocomplete="off"
                            bind=passphrase
                            errors=errors
                        />
                        <div class="button-group">
                            <button type="submit" class="button" prop:disabled=move || busy.get()>
                                {move || if busy.get() { "Opening…" } else { "Open the summary" }}
                            </button>
                            <button type="button" class="button button--secondary" on:click=move |_| {
                                locked.set(None);
                                passphrase.set(String::new());
                                errors.clear();
                                page::focus_after_render(crate::app::components::HEADING_ID);
                            }>"Cancel"</button>
                        </div>
                    </form>
                }
                .into_any(),
                (None, None) => view! {
                    <p>"Open a summary that a client shared with you. Nothing is saved on this device unless you choose to keep it."</p>
                    <form on:submit=move |ev| {
                        ev.prevent_default();
                        open_text(pasted.get_untracked(), "review-paste");
                    }>
                        <TextField
                            id="review-paste"
                            label="Paste the link or the summary"
                            multiline=true
                            bind=pasted
                            errors=errors
                        />
                        <button type="submit" class="button">"Open"</button>
                    </form>
                    <div class="form-group" class:form-group--error=move || errors.message("review-file").with(Option::is_some)>
                        <label class="label" for="review-file">"Or open a summary file"</label>
                        <crate::app::components::FieldErrorMessage field="review-file" message=errors.message("review-file") />
                        <input
                            class="file-upload"
                            type="file"
                            id="review-file"
                            accept=".txt,text/plain"
                            node_ref=file_input
                            on:change=move |_| read_file()
                        />
                    </div>
                    {kept_list}
                }
                .into_any(),
            }}
        </Page>
    }
}

//! `/review`: a link worker opens a summary a client shared with them,
//! from a link, a file or by pasting. It works without set-up, because it
//! opens on the link worker's device. Nothing is stored unless they choose
//! "Keep on this device".
//!
//! One client at a time: whatever is opened (a new link in the same tab,
//! a paste, a file, a kept summary) first clears what was shown, so one
//! client's summary is never left on screen under another's link, even
//! when the new link cannot be read.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::passphrase_form::{PassphraseForm, PASSPHRASE_ID};
use super::view::SinceKept;
use super::SummaryView;
use crate::app::components::{
    ErrorSummary, FormErrors, Page, SummaryError, TextField, ERROR_SUMMARY_ID, HEADING_ID,
};
use crate::app::state::{unlock, use_review_tools, when_saved, Since};
use crate::model::time::{format_day, london};
use crate::platform::file::{self, ReadError};
use crate::platform::share as browser;
use crate::platform::{clock, page};
use crate::share::link::{self, Locked, Payload, ShareError};
use crate::share::summary::Summary;
use crate::share::words;

/// The largest summary file read, in bytes: far above any summary.
const MAX_FILE: usize = 1024 * 1024;

/// The review page.
#[component]
pub fn Review(
    /// The link to open first, and its passphrase if the first screen
    /// asked for it ([`super::review_start`]); otherwise the link in the
    /// address, if any, is opened.
    first: Option<(String, Option<String>)>,
) -> impl IntoView {
    let tools = use_review_tools();
    let errors = FormErrors::new("Review a shared summary");
    let opened = RwSignal::new(None::<(Summary, String)>);
    let locked = RwSignal::new(None::<(Locked, String)>);
    let since = RwSignal::new(None::<SinceKept>);
    // The day an earlier, protected summary of this client was kept, when
    // its passphrase is needed to compare.
    let since_locked = RwSignal::new(None::<chrono::NaiveDate>);
    let since_pass = RwSignal::new(String::new());
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

    // Finds what changed since the summary of this client kept before,
    // unless another summary was opened meanwhile.
    let compare = move |s: Summary, payload: String, pass: Option<String>| {
        spawn_local(async move {
            let result = tools.since(&s, pass.as_deref()).await;
            if opened.with_untracked(|o| o.as_ref().map(|(_, p)| p) != Some(&payload)) {
                return;
            }
            let today = clock::today();
            match result {
                Some(Since::Changes { made_on, lines }) => {
                    since_locked.set(None);
                    since_pass.set(String::new());
                    since.set(Some(SinceKept {
                        heading: format!(
                            "Since the summary made on {}",
                            format_day(made_on, today)
                        ),
                        lines,
                    }));
                }
                Some(Since::NeedsPassphrase { made_on }) => {
                    if pass.is_some() && since_locked.get_untracked().is_some() {
                        fail(
                            "review-since-passphrase",
                            "That passphrase does not open the summary you kept before. Check it with the client",
                        );
                    }
                    since_locked.set(Some(made_on));
                }
                None => since_locked.set(None),
            }
        });
    };

    let show = move |s: Summary, payload: String, pass: Option<String>| {
        opened.set(Some((s.clone(), payload.clone())));
        locked.set(None);
        passphrase.set(String::new());
        pasted.set(String::new());
        page::focus_after_render("summary-title");
        compare(s, payload, pass);
    };

    // Clears whatever was shown, then opens `text`.
    let open_text = move |text: String, from: &'static str| {
        errors.clear();
        said.set(None);
        opened.set(None);
        locked.set(None);
        since.set(None);
        since_locked.set(None);
        since_pass.set(String::new());
        let payload = link::payload_text(&text).to_string();
        match link::read(&text) {
            Ok(Payload::Plain(s)) => show(*s, payload, None),
            Ok(Payload::Locked(l)) => {
                locked.set(Some((l, payload)));
                passphrase.set(String::new());
                page::focus_after_render(PASSPHRASE_ID);
            }
            Err(e) => fail(from, e.message()),
        }
    };

    // A new link in the same tab (the part after `#` changed): take it
    // out of the address bar and this page's history entry at once, then
    // read it.
    let listener = window_event_listener_untyped("hashchange", move |_| {
        if let Some(fragment) = browser::take_fragment() {
            open_text(fragment, "review-paste");
        }
    });
    on_cleanup(move || listener.remove());

    let unlock = move || {
        let Some((l, payload)) = locked.get_untracked() else {
            return;
        };
        let pass = words::normalise(&passphrase.get_untracked());
        if pass.is_empty() {
            fail(PASSPHRASE_ID, "Enter the passphrase the client gave you");
            return;
        }
        errors.clear();
        busy.set(true);
        spawn_local(async move {
            let result = unlock(&l, &pass).await;
            busy.set(false);
            // "Cancel" pressed, or another summary opened, while the key
            // was being made: show nothing.
            if locked.with_untracked(|l| l.as_ref().map(|(_, p)| p != &payload).unwrap_or(true)) {
                return;
            }
            match result {
                Ok(s) => show(s, payload, Some(pass)),
                Err(message) => fail(PASSPHRASE_ID, &message),
            }
        });
    };

    // The link this page opens with: one still in the address bar (come
    // while this page's code was on its way, when no page was listening),
    // as the newest, or else the one the first screen took, with the
    // passphrase typed there.
    if let Some((text, pass)) = browser::take_fragment().map(|t| (t, None)).or(first) {
        open_text(text, "review-paste");
        if let Some(pass) = pass {
            passphrase.set(pass);
            unlock();
        }
    }

    let compare_with_passphrase = move || {
        let Some((s, payload)) = opened.get_untracked() else {
            return;
        };
        let pass = words::normalise(&since_pass.get_untracked());
        if pass.is_empty() {
            fail(
                "review-since-passphrase",
                "Enter the passphrase of the summary you kept before",
            );
            return;
        }
        errors.clear();
        compare(s, payload, Some(pass));
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
        if tools.keep(&s, &payload) {
            // Said once it is on disk.
            when_saved(move || {
                said.set(Some("Kept on this device, apart from anything else in this app. Remove it from the Review page when you no longer need it."))
            });
        }
        // The button has gone: keep focus nearby, not lost on the page.
        page::focus_after_render("review-close");
    };

    let is_kept = move || opened.with(|o| o.as_ref().is_some_and(|(_, p)| tools.is_kept(p)));

    let kept_list = move || {
        tools.kept.with(|k| {
            let groups = k.map(|k| k.by_client()).unwrap_or_default();
            (!groups.is_empty()).then(|| {
                let today = clock::today();
                let day = |at| format_day(london(at).date(), today);
                let clients = groups
                    .into_iter()
                    .enumerate()
                    .map(|(g, client)| {
                        let whose = client.name.clone().unwrap_or_else(|| "No name given".into());
                        let latest = format!(
                            "Latest made {}; {} kept",
                            day(client.latest()),
                            client.items.len()
                        );
                        let rows = client
                            .items
                            .iter()
                            .enumerate()
                            .map(|(i, item)| {
                                let made = format!("Made {}", day(item.made_at));
                                let payload = item.payload.clone();
                                let payload2 = item.payload.clone();
                                // Buttons say which summary, for screen readers listing them.
                                let which = format!(" {whose}'s summary, made {}", day(item.made_at));
                                view! {
                                    <li class="kept__item">
                                        <p>{made}</p>
                                        <div class="button-group">
                                            <button type="button" class="button button--secondary button--small" id=format!("kept-open-{g}-{i}") on:click=move |_| open_text(payload.clone(), "review-paste")>
                                                "Open"
                                                <span class="visually-hidden">{which.clone()}</span>
                                            </button>
                                            <button type="button" class="button button--warning button--small" on:click=move |_| {
                                                tools.remove(&payload2);
                                                page::focus_after_render(HEADING_ID);
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
                            <li class="kept__client">
                                <h3 class="heading-s kept__name">{whose.clone()}</h3>
                                <p class="kept__latest">{latest}</p>
                                <ul class="kept">{rows}</ul>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <section aria-labelledby="kept-heading">
                        <h2 class="heading-m" id="kept-heading">"Kept on this device"</h2>
                        <ul class="kept kept--clients">{clients}</ul>
                    </section>
                }
            })
        })
    };

    let since_form = move || {
        since_locked.get().map(|made_on| {
            view! {
                <form class="no-print inset" on:submit=move |ev| {
                    ev.prevent_default();
                    compare_with_passphrase();
                }>
                    <p>{format!(
                        "You kept an earlier summary of this client, made on {}. It has a different passphrase. Enter it to see what has changed since then.",
                        format_day(made_on, clock::today())
                    )}</p>
                    <TextField
                        id="review-since-passphrase"
                        label="Passphrase of the earlier summary"
                        autocomplete="off"
                        bind=since_pass
                        errors=errors
                    />
                    <button type="submit" class="button button--secondary">"Compare"</button>
                </form>
            }
        })
    };

    let since_shown: Signal<Option<SinceKept>> = since.into();
    view! {
        <Page title="Review a shared summary".into()>
            <ErrorSummary errors=errors.summary() />
            {move || match (opened.get(), locked.get()) {
                (Some((s, _)), _) => view! {
                    <div class="button-group no-print">
                        <button type="button" class="button button--secondary button--small" on:click=move |_| browser::print()>"Print"</button>
                        {move || (!is_kept()).then(|| view! {
                            <button type="button" class="button button--secondary button--small" on:click=move |_| keep()>"Keep on this device"</button>
                        })}
                        <button type="button" class="button button--secondary button--small" id="review-close" on:click=move |_| {
                            opened.set(None);
                            since.set(None);
                            since_locked.set(None);
                            said.set(None);
                            errors.clear();
                            page::focus_after_render(HEADING_ID);
                        }>"Close this summary"</button>
                    </div>
                    <div role="status" class="no-print">{move || said.get().map(|t| view! { <p class="notice notice--success">{t}</p> })}</div>
                    {since_form}
                    <SummaryView summary=s since=since_shown />
                }
                .into_any(),
                (None, Some(_)) => view! {
                    <PassphraseForm
                        passphrase=passphrase
                        error=errors.message(PASSPHRASE_ID)
                        busy=busy
                        on_open=Callback::new(move |()| unlock())
                        on_cancel=Callback::new(move |()| {
                            locked.set(None);
                            passphrase.set(String::new());
                            errors.clear();
                            page::focus_after_render(HEADING_ID);
                        })
                    />
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

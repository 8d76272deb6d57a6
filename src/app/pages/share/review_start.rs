//! The first screen of `/review`. A protected link first asks for its
//! passphrase, and that form comes with the app's main file: a link
//! worker on a device that has never seen Alongside can type while the
//! review's code (the summary's decoder, decryption and view) arrives.
//! Anything else (a plain link, or no link) opens the review page at once.

use leptos::prelude::*;

use super::passphrase_form::{PassphraseForm, PASSPHRASE_ID};
use super::Review;
use crate::app::components::{Page, HEADING_ID};
use crate::app::lazy::{Drawn, Lazy};
use crate::platform::page;
use crate::platform::share as browser;
use crate::share::link;
use crate::{chunk_fetcher, lazy_page};

/// What `/review` shows first.
#[derive(Debug, Clone)]
enum Opening {
    /// A protected link, whose passphrase is asked for here.
    Locked(String),
    /// The review page, opening this link (with its passphrase) if any.
    Review(Option<(String, Option<String>)>),
}

impl Opening {
    /// What a link (the part after `#`, if any) opens with.
    fn of(fragment: Option<String>) -> Opening {
        match fragment {
            Some(text) if link::is_protected(&text) => Opening::Locked(text),
            other => Opening::Review(other.map(|text| (text, None))),
        }
    }
}

lazy_page!(
    /// The review page, opening `first` (a link and its passphrase) if
    /// given.
    review_page(first: Option<(String, Option<String>)>) in review => view! {
        <Review first=first />
    }
);

chunk_fetcher!(
    /// Fetches the review's chunk while the passphrase is typed.
    fetch_review in review
);

/// `/review`: the passphrase of a protected link, or the review page.
#[component]
pub fn ReviewStart() -> impl IntoView {
    let opening = RwSignal::new(Opening::of(browser::take_fragment()));
    move || match opening.get() {
        Opening::Locked(text) => view! { <Locked text=text opening=opening /> }.into_any(),
        Opening::Review(first) => view! {
            <Lazy load=Callback::new(move |()| review_page(first.clone())) />
        }
        .into_any(),
    }
}

/// A protected link's passphrase, asked for before the review's code is
/// here; "Open the summary" hands both to the review page.
#[component]
fn Locked(
    /// The link's payload.
    text: String,
    /// Set to what comes next.
    opening: RwSignal<Opening>,
) -> impl IntoView {
    let passphrase = RwSignal::new(String::new());
    let text = StoredValue::new(text);
    // One client at a time: a new link in the same tab replaces this one,
    // passphrase and all (the review page does the same once it is here).
    let listener = window_event_listener_untyped("hashchange", move |_| {
        if let Some(fragment) = browser::take_fragment() {
            opening.set(Opening::of(Some(fragment)));
        }
    });
    on_cleanup(move || listener.remove());
    Effect::new(|_| fetch_review());
    page::focus_after_render(PASSPHRASE_ID);
    // Checked, and opened, by the review page.
    let no_error = Signal::<Option<String>>::default();
    let not_busy = Signal::<bool>::default();
    view! {
        <Page title="Review a shared summary".into()>
            <PassphraseForm
                passphrase=passphrase
                error=no_error
                busy=not_busy
                on_open=Callback::new(move |()| {
                    opening.set(Opening::Review(Some((text.get_value(), Some(passphrase.get_untracked())))));
                })
                on_cancel=Callback::new(move |()| {
                    opening.set(Opening::Review(None));
                    page::focus_after_render(HEADING_ID);
                })
            />
        </Page>
        <Drawn />
    }
}

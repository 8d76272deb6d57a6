//! The diary's made-up examples: the offer to add them (to a diary with
//! no entries), the "Example" note wherever figures include them, and
//! "Remove the examples".

use chrono::{Duration, NaiveDate};
use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::app::components::{close_dialog, open_dialog, ConfirmDialog, DialogTone};
use crate::app::state::DiaryStore;
use crate::platform::page;

/// For a diary with no entries: example entries to try the app with,
/// added only after the client confirms. Ten years of them only at an
/// address made for testing (`/diary?testing`), for the benchmark.
#[component]
pub(super) fn Examples(
    /// The diary.
    diary: DiaryStore,
    /// Today, the day after the last example.
    today: NaiveDate,
    /// Where what happened is said.
    status: RwSignal<Option<String>>,
) -> impl IntoView {
    let testing = use_query_map().with_untracked(|q| q.get("testing").is_some());
    let dialog = NodeRef::<html::Dialog>::new();
    let years = RwSignal::new(0u32);
    let open = move |y: u32| {
        years.set(y);
        open_dialog(dialog);
    };
    let add = move |()| {
        let from = if years.get_untracked() == 0 {
            today - Duration::days(90)
        } else {
            today - Duration::days(3650)
        };
        // Up to yesterday: the store never fills today.
        let done = diary.add_examples(from, today - Duration::days(1));
        close_dialog(dialog);
        status.set(Some(match done {
            Ok(()) => "Made-up examples added. They are marked \u{201c}Example\u{201d}, kept apart from your own entries, and you can remove them at any time.".into(),
            Err(_) => "The examples could not all be added. The message at the top of the page says why.".into(),
        }));
        page::focus_after_render("examples-status");
    };
    view! {
        <section aria-labelledby="examples-heading">
            <h2 id="examples-heading">"Trying Alongside out?"</h2>
            <p>"Your diary is empty. You can add made-up example entries to see how it works."</p>
            <p>"Examples are kept apart from your own entries and marked \u{201c}Example\u{201d}. They never go into a summary, a backup or a spreadsheet. A day you fill in yourself shows your entry instead. You can remove them all at any time."</p>
            <div class="button-group">
                <button type="button" class="button button--secondary" on:click=move |_| open(0)>
                    "Add 3 months of examples"
                </button>
                {testing.then(|| view! {
                    <button type="button" class="link-button" on:click=move |_| open(10)>
                        "Add 10 years of examples (for testing)"
                    </button>
                })}
            </div>
            <ConfirmDialog
                node_ref=dialog
                id="examples-dialog"
                title="Add example entries?"
                confirm="Yes, add examples".to_string()
                cancel="No, keep it empty"
                tone=DialogTone::Plain
                on_confirm=Callback::new(add)
            >
                <p>{move || if years.get() == 0 {
                    "This adds made-up entries for the last 3 months, up to yesterday."
                } else {
                    "This adds made-up entries for the last 10 years, up to yesterday. It is for testing and takes a moment."
                }}</p>
            </ConfirmDialog>
        </section>
    }
}

/// The "Example" note above figures that include made-up examples: how
/// many days of the period are examples. Nothing when none are.
#[component]
pub(super) fn ExampleNote(
    /// How many days of the period shown are examples.
    #[prop(into)]
    days: Signal<u32>,
) -> impl IntoView {
    move || {
        let n = days.get();
        (n > 0).then(|| {
            let words = if n == 1 {
                "These figures include 1 day of made-up examples. They are not your own entries.".to_string()
            } else {
                format!("These figures include {n} days of made-up examples. They are not your own entries.")
            };
            view! {
                <p class="example-note" id="trend-examples">
                    <span class="tag tag--example">"Example"</span>
                    " "
                    {words}
                </p>
            }
        })
    }
}

/// While the diary holds made-up examples: what they are, and "Remove
/// the examples" in one step after a short confirmation.
#[component]
pub(super) fn ExamplesShown(
    /// The diary.
    diary: DiaryStore,
    /// Where what happened is said.
    status: RwSignal<Option<String>>,
) -> impl IntoView {
    let dialog = NodeRef::<html::Dialog>::new();
    let remove = move |()| {
        let done = diary.remove_examples();
        close_dialog(dialog);
        status.set(Some(match done {
            Ok(()) => "The examples have been removed. Your own entries are as they were.".into(),
            Err(_) => "Not all the examples could be removed. The message at the top of the page says why.".into(),
        }));
        page::focus_after_render("examples-status");
    };
    view! {
        <section aria-labelledby="examples-shown-heading">
            <h2 id="examples-shown-heading">"Made-up examples"</h2>
            <p>"Your diary shows made-up examples, marked \u{201c}Example\u{201d}. They are not your own entries. They never go into a summary, a backup or a spreadsheet."</p>
            <button type="button" class="button button--secondary" on:click=move |_| open_dialog(dialog)>
                "Remove the examples"
            </button>
            <ConfirmDialog
                node_ref=dialog
                id="remove-examples-dialog"
                title="Remove the examples?"
                confirm="Yes, remove the examples".to_string()
                cancel="No, keep them"
                tone=DialogTone::Plain
                on_confirm=Callback::new(remove)
            >
                <p>"This removes every made-up example. Your own entries stay as they are."</p>
            </ConfirmDialog>
        </section>
    }
}

//! Form errors, NHS style: the error summary at the top, the message
//! above each field, and "Error: " in the tab title while there are any.

use leptos::prelude::*;

use crate::platform::page;

/// One error in an error summary: the id of the field and the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryError {
    /// The id of the form control the error is about.
    pub target: String,
    /// The message.
    pub message: String,
}

/// The id of the error summary, which receives focus when it appears.
pub const ERROR_SUMMARY_ID: &str = "error-summary";

/// The NHS error summary: a list of problems at the top of the form, each
/// linking to its field. Shown only when there are errors.
#[component]
pub fn ErrorSummary(
    /// The errors to list.
    errors: Signal<Vec<SummaryError>>,
) -> impl IntoView {
    move || {
        let errors = errors.get();
        (!errors.is_empty()).then(|| {
            view! {
                <div
                    class="error-summary"
                    id=ERROR_SUMMARY_ID
                    aria-labelledby="error-summary-title"
                    role="alert"
                    tabindex="-1"
                >
                    <h2 class="error-summary__title" id="error-summary-title">
                        "There is a problem"
                    </h2>
                    <ul class="error-summary__list">
                        {errors
                            .into_iter()
                            .map(|e| {
                                let target = e.target;
                                let href = format!("#{target}");
                                view! {
                                    <li>
                                        <a
                                            href=href
                                            on:click=move |ev| {
                                                // Focus the field itself rather than let
                                                // the router treat "#id" as a page change.
                                                ev.prevent_default();
                                                page::focus_id(&target);
                                            }
                                        >
                                            {e.message}
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </div>
            }
        })
    }
}

/// The errors of a page's forms: shown in the [`ErrorSummary`] at the top
/// and beside each field, with "Error: " added to the tab title while
/// there are any, as the NHS pattern asks.
#[derive(Debug, Clone, Copy)]
pub struct FormErrors {
    list: RwSignal<Vec<SummaryError>>,
}

impl FormErrors {
    /// No errors yet, on a page whose tab title is `tab_title`.
    pub fn new(tab_title: &'static str) -> Self {
        let list = RwSignal::new(Vec::<SummaryError>::new());
        Effect::new(move |was_shown: Option<bool>| {
            let shown = list.with(|l| !l.is_empty());
            // The page set its own title first; only touch it on a change.
            if was_shown.is_some_and(|was| was != shown) || (was_shown.is_none() && shown) {
                let prefix = if shown { "Error: " } else { "" };
                page::set_title(&format!("{prefix}{tab_title}"));
            }
            shown
        });
        FormErrors { list }
    }

    /// Shows `errors` and moves focus to the summary.
    pub fn show(&self, errors: Vec<SummaryError>) {
        self.list.set(errors);
        page::focus_after_render(ERROR_SUMMARY_ID);
    }

    /// Clears every error, after a successful action.
    pub fn clear(&self) {
        if self.list.with_untracked(|l| !l.is_empty()) {
            self.list.set(Vec::new());
        }
    }

    /// The errors, for the summary.
    pub fn summary(&self) -> Signal<Vec<SummaryError>> {
        self.list.into()
    }

    /// The message for the field with id `target`, if it has one.
    pub fn message(&self, target: impl Into<String>) -> Signal<Option<String>> {
        let target = target.into();
        let list = self.list;
        Signal::derive(move || {
            list.with(|l| {
                l.iter()
                    .find(|e| e.target == target)
                    .map(|e| e.message.clone())
            })
        })
    }
}

/// The ids a field's `aria-describedby` names: its hint (`{id}-hint`) if
/// it has one, and its error message (`{id}-error`) while there is one.
pub fn described_by(id: &str, has_hint: bool, has_error: bool) -> Option<String> {
    match (has_hint, has_error) {
        (true, true) => Some(format!("{id}-hint {id}-error")),
        (true, false) => Some(format!("{id}-hint")),
        (false, true) => Some(format!("{id}-error")),
        (false, false) => None,
    }
}

/// The inline error message above a field, NHS style.
#[component]
pub fn FieldErrorMessage(
    /// The id of the field, so the message's id can be linked to it.
    #[prop(into)]
    field: String,
    /// The message, if there is one.
    message: Signal<Option<String>>,
) -> impl IntoView {
    move || {
        message.get().map(|m| {
            view! {
                <span class="error-message" id=format!("{field}-error")>
                    <span class="visually-hidden">"Error: "</span>
                    {m}
                </span>
            }
        })
    }
}

//! [`TextField`]: a labelled text box or text area with its hint and error.

use leptos::prelude::*;

use super::{described_by, FieldErrorMessage, FormErrors, HEADING_ID};

/// A labelled text box (or text area) with hint and error, NHS style.
/// With `heading`, the label is the page's main heading, as the NHS
/// "one question per page" pattern does.
///
/// Give either `bind` (the text lives in a signal of the page's) and
/// `errors` (the page's [`FormErrors`], whose message for `id` is shown),
/// or `value`, `on_input` and `error` for text kept elsewhere.
#[component]
pub fn TextField(
    /// The input's id, also used for its hint and error ids.
    id: &'static str,
    /// The question.
    label: &'static str,
    /// Extra help under the label.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// Makes the label the page's `h1`.
    #[prop(optional)]
    heading: bool,
    /// A text area rather than a one-line box.
    #[prop(optional)]
    multiline: bool,
    /// The `autocomplete` token, if the browser can help fill it.
    #[prop(optional)]
    autocomplete: Option<&'static str>,
    /// The input type, if not "text" (such as "date").
    #[prop(optional)]
    input_type: Option<&'static str>,
    /// The keyboard a phone should show, such as "numeric".
    #[prop(optional)]
    inputmode: Option<&'static str>,
    /// A narrower box for short answers, as an extra class.
    #[prop(optional)]
    width_class: Option<&'static str>,
    /// The text, read and written as the client types.
    #[prop(optional)]
    bind: Option<RwSignal<String>>,
    /// The page's errors: the one for `id` is shown.
    #[prop(optional)]
    errors: Option<FormErrors>,
    /// The current text (without `bind`).
    #[prop(optional, into)]
    value: Option<Signal<String>>,
    /// Called with the new text on every keystroke (without `bind`, or as
    /// well as it).
    #[prop(optional)]
    on_input: Option<Callback<String>>,
    /// The error to show, if any (without `errors`).
    #[prop(optional, into)]
    error: Option<Signal<Option<String>>>,
) -> impl IntoView {
    let value: Signal<String> = bind.map(Signal::from).or(value).unwrap_or_default();
    let on_input = Callback::new(move |text: String| {
        if let Some(bound) = bind {
            bound.set(text.clone());
        }
        if let Some(f) = on_input {
            f.run(text);
        }
    });
    let error: Signal<Option<String>> = errors.map(|e| e.message(id)).or(error).unwrap_or_default();
    let hint = hint.filter(|h| !h.is_empty());
    let has_error = move || error.with(Option::is_some);
    let described_by = move || described_by(id, hint.is_some(), has_error());
    let label_view = if heading {
        view! {
            <h1 class="label-wrapper" id=HEADING_ID tabindex="-1">
                <label class="label label--l" for=id>
                    {label}
                </label>
            </h1>
        }
        .into_any()
    } else {
        view! {
            <label class="label" for=id>
                {label}
            </label>
        }
        .into_any()
    };
    let control = if multiline {
        view! {
            <textarea
                class="textarea"
                class:textarea--error=has_error
                id=id
                name=id
                rows="5"
                aria-describedby=described_by
                aria-invalid=move || has_error().then_some("true")
                prop:value=value
                on:input=move |ev| on_input.run(event_target_value(&ev))
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                class=format!("input {}", width_class.unwrap_or_default())
                class:input--error=has_error
                id=id
                name=id
                type=input_type.unwrap_or("text")
                inputmode=inputmode
                spellcheck="false"
                autocomplete=autocomplete.unwrap_or("off")
                aria-describedby=described_by
                aria-invalid=move || has_error().then_some("true")
                prop:value=value
                on:input=move |ev| on_input.run(event_target_value(&ev))
            />
        }
        .into_any()
    };
    view! {
        <div class="form-group" class:form-group--error=has_error>
            {label_view}
            {hint.map(|h| view! { <div class="hint" id=format!("{id}-hint")>{h}</div> })}
            <FieldErrorMessage field=id message=error />
            {control}
        </div>
    }
}

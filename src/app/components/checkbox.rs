//! Checkboxes, NHS style: one, and a group of them under a legend.

use leptos::prelude::*;

/// One NHS-style checkbox with its label.
#[component]
pub fn Checkbox(
    /// The input's id.
    id: String,
    /// What the box means.
    label: String,
    /// Whether it is ticked.
    checked: Signal<bool>,
    /// Called with the new state when the client ticks or unticks it.
    on_change: Callback<bool>,
) -> impl IntoView {
    view! {
        <div class="checkboxes__item">
            <input
                class="checkboxes__input"
                type="checkbox"
                id=id.clone()
                prop:checked=checked
                on:change=move |ev| on_change.run(event_target_checked(&ev))
            />
            <label class="label checkboxes__label" for=id>
                {label}
            </label>
        </div>
    }
}

/// A group of checkboxes under one question (a fieldset and legend), with
/// optional help: one place for what a group of choices looks like.
#[component]
pub fn CheckboxGroup(
    /// The question or heading of the group.
    #[prop(into)]
    legend: String,
    /// Extra help under it.
    #[prop(optional, into)]
    hint: Option<String>,
    /// The [`Checkbox`]es (and anything said about them).
    children: Children,
) -> impl IntoView {
    view! {
        <fieldset class="fieldset">
            <legend class="fieldset__legend fieldset__legend--m">{legend}</legend>
            {hint.map(|h| view! { <div class="hint">{h}</div> })}
            <div class="checkboxes">{children()}</div>
        </fieldset>
    }
}

//! `/goals/new` and `/goals/:id/edit`: writing a goal, or changing one.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::{goal_found, summary_errors, target_for};
use crate::app::components::{Checkbox, ErrorSummary, FormErrors, Page, TextField, HEADING_ID};
use crate::app::state::{use_profile, use_saved, when_saved};
use crate::model::text::set_included;
use crate::model::GoalBook;
use crate::model::{Condition, GoalDraft, GoalField};
use crate::platform::{clock, page};

/// `/goals/new`: write a new goal.
#[component]
pub fn NewGoal() -> impl IntoView {
    view! { <GoalForm id=None /> }
}

/// `/goals/:id/edit`: change a goal's words, date or conditions.
#[component]
pub fn EditGoal() -> impl IntoView {
    let found = goal_found();
    move || match found.get() {
        Some(id) => view! { <GoalForm id=Some(id) /> }.into_any(),
        None => view! { <GoalNotFound /> }.into_any(),
    }
}

/// Shown for the address of a goal that does not exist (or was deleted).
#[component]
pub fn GoalNotFound() -> impl IntoView {
    view! {
        <Page title="Goal not found".into()>
            <p>"We cannot find this goal. It may have been deleted."</p>
            <p>
                <a href="/goals">"Go to your goals"</a>
            </p>
        </Page>
    }
}

/// The goal form. `id` is the goal being changed, or `None` for a new one.
#[component]
fn GoalForm(id: Option<u32>) -> impl IntoView {
    let goals = use_saved::<GoalBook>();
    let profile = use_profile();
    let navigate = use_navigate();
    let title = if id.is_some() {
        "Change your goal"
    } else {
        "Write a goal"
    };
    let draft = RwSignal::new(
        id.and_then(|id| goals.with(|b| b.and_then(|b| b.get(id)).map(GoalDraft::from_goal)))
            .unwrap_or_default(),
    );
    let errors = FormErrors::new(title);
    // The client's conditions, and any the goal names that are no longer
    // in their details, so saving never silently drops one.
    let mut choices: Vec<Condition> = profile.get().map(|p| p.conditions).unwrap_or_default();
    for c in draft.with_untracked(|d| d.conditions.clone()) {
        if !choices.contains(&c) {
            choices.push(c);
        }
    }

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let today = clock::today();
        let d = draft.get_untracked();
        let result = goals.change(|book| match id {
            Some(id) => book.edit(id, &d, today).map(|_| id),
            None => book.add(&d, today),
        });
        match result {
            Err(errs) => errors.show(summary_errors(errs)),
            // Goals this build must not change (saved by a newer version)
            // are refused by the store and the alert says why: stay here
            // with what was typed rather than open a goal that is not there.
            Ok(saved) if goals.with_untracked(|b| b.is_some_and(|b| b.get(saved).is_some())) => {
                errors.clear();
                // The goal opens once it is on disk.
                let navigate = navigate.clone();
                when_saved(move || {
                    navigate(&format!("/goals/{saved}"), Default::default());
                    page::focus_after_render(HEADING_ID);
                });
            }
            Ok(_) => page::focus_after_render(HEADING_ID),
        }
    };
    let cancel_href = id.map_or("/goals".to_string(), |id| format!("/goals/{id}"));

    view! {
        <Page title=title.into()>
            <ErrorSummary errors=errors.summary() />
            {id.is_none()
                .then(|| {
                    view! {
                        <div class="inset">
                            <p>"A goal is something you would like to do or change. It can be small."</p>
                            <p>"For example:"</p>
                            <ul class="plain-list">
                                <li>"Walk to the corner shop without stopping"</li>
                                <li>"Go to the coffee morning at the library"</li>
                            </ul>
                        </div>
                    }
                })}
            <form novalidate on:submit=save>
                <TextField
                    id=target_for(GoalField::Text)
                    label="Your goal, in your own words"
                    hint="You can write up to 500 characters."
                    multiline=true
                    value=Signal::derive(move || draft.with(|d| d.text.clone()))
                    on_input=Callback::new(move |v| draft.update(|d| d.text = v))
                    error=errors.message(target_for(GoalField::Text))
                />
                <TextField
                    id=target_for(GoalField::Why)
                    label="Why this matters to you (optional)"
                    hint="This can help on days when it feels hard."
                    multiline=true
                    value=Signal::derive(move || draft.with(|d| d.why.clone()))
                    on_input=Callback::new(move |v| draft.update(|d| d.why = v))
                    error=errors.message(target_for(GoalField::Why))
                />
                <TextField
                    id=target_for(GoalField::Target)
                    label="When would you like to get there? (optional)"
                    hint="There is no need to set a date. You can change it later."
                    input_type="date"
                    width_class="input--date"
                    value=Signal::derive(move || draft.with(|d| d.target.clone()))
                    on_input=Callback::new(move |v| draft.update(|d| d.target = v))
                    error=errors.message(target_for(GoalField::Target))
                />
                {(!choices.is_empty())
                    .then(|| view! { <ConditionChoices choices=choices draft=draft /> })}
                <button class="button" type="submit">
                    "Save goal"
                </button>
            </form>
            <p>
                <a href=cancel_href>"Cancel"</a>
            </p>
        </Page>
    }
}

/// Checkboxes for the conditions a goal is about.
#[component]
fn ConditionChoices(choices: Vec<Condition>, draft: RwSignal<GoalDraft>) -> impl IntoView {
    view! {
        <div class="form-group">
            <fieldset class="fieldset" aria-describedby="goal-conditions-hint">
                <legend class="fieldset__legend label">
                    "Is this goal about any of your conditions? (optional)"
                </legend>
                <div class="hint" id="goal-conditions-hint">
                    "Select all that apply, or none."
                </div>
                <div class="checkboxes">
                    {choices
                        .into_iter()
                        .enumerate()
                        .map(|(i, c)| {
                            let label = c.label().to_string();
                            let ticked = c.clone();
                            view! {
                                <Checkbox
                                    id=format!("goal-condition-{i}")
                                    label=label
                                    checked=Signal::derive(move || draft.with(|d| d.conditions.contains(&ticked)))
                                    on_change=Callback::new(move |on| {
                                        draft.update(|d| set_included(&mut d.conditions, c.clone(), on))
                                    })
                                />
                            }
                        })
                        .collect_view()}
                </div>
            </fieldset>
        </div>
    }
}

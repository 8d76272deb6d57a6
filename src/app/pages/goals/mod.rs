//! `/goals` and the pages under it: the client's goals, in their own words.
//!
//! The rules live in [`crate::model::goal`]; these pages show goals and
//! call [`GoalsStore`](crate::app::state::GoalsStore) methods.

mod detail;
mod form;
mod list;

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

pub use detail::GoalPage;
pub use form::{EditGoal, NewGoal};
pub use list::Goals;

use crate::app::components::SummaryError;
use crate::app::state::use_saved;
use crate::model::time::format_day;
use crate::model::GoalBook;
use crate::model::{FieldError, Goal, GoalField, GoalStatus};

/// The id of the form control each goal field is entered in, so error
/// summaries can link to it.
fn target_for(field: GoalField) -> &'static str {
    match field {
        GoalField::Text => "goal-text",
        GoalField::Why => "goal-why",
        GoalField::Target => "goal-target",
        GoalField::Step => "new-step",
        GoalField::Rating => "rating",
        GoalField::Note => "note",
    }
}

/// Goal errors as error summary entries.
fn summary_errors(errors: Vec<FieldError<GoalField>>) -> Vec<SummaryError> {
    errors
        .into_iter()
        .map(|e| SummaryError {
            target: target_for(e.field).into(),
            message: e.message,
        })
        .collect()
}

/// The id of the goal in the address (the 3 in `/goals/3`), if that goal
/// exists. A memo, so a page is rebuilt only when its goal appears or
/// goes, not on every change to it (which would lose focus and typing).
fn goal_found() -> Memo<Option<u32>> {
    let params = use_params_map();
    let goals = use_saved::<GoalBook>();
    Memo::new(move |_| {
        let id: u32 = params.with(|p| p.get("id")?.parse().ok())?;
        goals
            .with(|b| b.is_some_and(|b| b.get(id).is_some()))
            .then_some(id)
    })
}

/// "Last rated 5 out of 10 on Tue 3 March", or nothing if never rated.
fn last_rating_text(goal: &Goal, today: NaiveDate) -> Option<String> {
    goal.latest_rating().map(|r| {
        format!(
            "How close you feel: {} out of 10 (on {})",
            r.value,
            format_day(r.on, today)
        )
    })
}

/// How many steps are done, in words.
fn steps_done_text(goal: &Goal) -> Option<String> {
    let total = goal.steps.len();
    (total > 0).then(|| {
        let done = goal.steps.iter().filter(|s| s.done_on.is_some()).count();
        format!("{done} of {total} steps done")
    })
}

/// A coloured label for a status other than "working on it".
fn status_tag(status: GoalStatus) -> impl IntoView {
    let class = match status {
        GoalStatus::WorkingOnIt => "tag",
        GoalStatus::Done => "tag tag--green",
        GoalStatus::Paused => "tag tag--grey",
        GoalStatus::LetGo => "tag tag--white",
    };
    view! { <strong class=class>{status.label()}</strong> }
}

/// A goal as a card: its words as a link, its next step and how close the
/// client last felt. Used on the goals page and on Today.
#[component]
pub fn GoalCard(goal: Goal, today: NaiveDate) -> impl IntoView {
    let next = goal.next_step().map(|s| s.text.clone());
    let rating = last_rating_text(&goal, today);
    let steps = steps_done_text(&goal);
    let status = goal.status;
    view! {
        <li class="goal-card">
            <h3 class="goal-card__title">
                <a href=format!("/goals/{}", goal.id) id=format!("goal-link-{}", goal.id)>
                    {goal.text}
                </a>
            </h3>
            {(status != GoalStatus::WorkingOnIt).then(|| view! { <p>{status_tag(status)}</p> })}
            <ul class="goal-card__facts">
                {next.map(|n| view! {
                    <li>
                        <span class="goal-card__key">"Next step: "</span>
                        <span class="preserve-lines">{n}</span>
                    </li>
                })}
                {steps.map(|s| view! { <li>{s}</li> })}
                <li>{rating.unwrap_or_else(|| "Not rated yet".into())}</li>
            </ul>
        </li>
    }
}

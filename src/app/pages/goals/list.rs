//! `/goals`: current goals, past goals, and help writing a first one.

use leptos::prelude::*;

use super::{status_tag, GoalCard};
use crate::app::components::{Page, UndoNotice};
use crate::app::state::{use_deleted_goal, use_saved};
use crate::model::time::format_day;
use crate::model::GoalBook;
use crate::platform::{clock, page};

/// `/goals`.
#[component]
pub fn Goals() -> impl IntoView {
    let goals = use_saved::<GoalBook>();
    let today = clock::today();
    view! {
        <Page title="Your goals".into()>
            <UndoDelete />
            {move || {
                let book = goals.get().unwrap_or_default();
                if book.goals.is_empty() {
                    return view! { <FirstGoal /> }.into_any();
                }
                let current: Vec<_> = book.current().into_iter().cloned().collect();
                let past: Vec<_> = book.past().into_iter().cloned().collect();
                view! {
                    <p>
                        <a class="button" href="/goals/new">"Add a goal"</a>
                    </p>
                    {if current.is_empty() {
                        view! { <p>"You are not working on any goals at the moment."</p> }.into_any()
                    } else {
                        view! {
                            <ul class="goal-cards">
                                {current
                                    .into_iter()
                                    .map(|g| view! { <GoalCard goal=g today=today /> })
                                    .collect_view()}
                            </ul>
                        }
                            .into_any()
                    }}
                    {(!past.is_empty())
                        .then(|| {
                            view! {
                                <h2>"Past goals"</h2>
                                <p>"Goals you have reached or let go. They stay here unless you delete them."</p>
                                <ul class="past-goals">
                                    {past
                                        .into_iter()
                                        .map(|g| {
                                            let when = g
                                                .status_since()
                                                .map(|d| format!(" on {}", format_day(d, today)));
                                            view! {
                                                <li>
                                                    <a href=format!("/goals/{}", g.id) id=format!("goal-link-{}", g.id)>
                                                        {g.text}
                                                    </a>
                                                    <p>
                                                        {status_tag(g.status)}
                                                        {when}
                                                    </p>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            }
                        })}
                }
                    .into_any()
            }}
        </Page>
    }
}

/// What a client with no goals sees: what a goal is, with examples.
#[component]
fn FirstGoal() -> impl IntoView {
    view! {
        <p class="lede">"A goal is something you would like to do or change. It can be small."</p>
        <p>"Write it in your own words. For example:"</p>
        <ul class="examples">
            <li>"Walk to the corner shop without stopping"</li>
            <li>"Go to the coffee morning at the library"</li>
            <li>"Sleep through the night more often"</li>
        </ul>
        <p>"You can break it into small steps and say how close you feel to it. Your link worker can help you think of one."</p>
        <p>
            <a class="button" href="/goals/new">"Write your first goal"</a>
        </p>
    }
}

/// "You deleted the goal ...", with a button to put it back.
#[component]
fn UndoDelete() -> impl IntoView {
    let goals = use_saved::<GoalBook>();
    let deleted = use_deleted_goal().0;
    let undo = move |()| {
        if let Some(gone) = deleted.get_untracked() {
            let id = gone.goal.id;
            let _ = goals.change(|book| {
                book.undo_delete(gone);
                Ok::<_, ()>(())
            });
            deleted.set(None);
            page::focus_after_render(format!("goal-link-{id}"));
        }
    };
    // Undo is offered until the client leaves the goals page.
    on_cleanup(move || deleted.set(None));
    // Always in the page, so screen readers announce what appears in it.
    view! {
        <div role="status">
            {move || {
                deleted
                    .with(|d| d.as_ref().map(|d| d.goal.text.clone()))
                    .map(|text| {
                        view! {
                            <UndoNotice button_id="undo-delete-goal" on_undo=Callback::new(undo)>
                                "You deleted the goal \u{201c}"
                                <span class="preserve-lines">{text}</span>
                                "\u{201d}."
                            </UndoNotice>
                        }
                    })
            }}
        </div>
    }
}

//! `/goals/:id`: one goal, with its small steps, how close the client
//! feels to it over time, their notes, its status, and deleting it.

use chrono::NaiveDate;
use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::form::GoalNotFound;
use super::{goal_found, status_tag, summary_errors, target_for};
use crate::app::components::{
    close_dialog, described_by, open_dialog, Choices, ConfirmDialog, DataTable, DialogTone,
    ErrorSummary, FieldErrorMessage, FormErrors, LineChart, Page, SummaryError, TextField,
    UndoNotice,
};
use crate::app::state::{say_when_saved, use_deleted_goal, use_saved, GoalsStore};
use crate::model::chart::{Chart, Scale};
use crate::model::goal::{parse_rating, DeletedStep, Direction, Rating};
use crate::model::time::format_day;
use crate::model::GoalBook;
use crate::model::{FieldError, Goal, GoalField, GoalStatus};
use crate::platform::{clock, page};

/// The id of the box for changing a step's words.
const EDIT_STEP: &str = "edit-step";

/// `/goals/:id`.
#[component]
pub fn GoalPage() -> impl IntoView {
    let found = goal_found();
    move || match found.get() {
        Some(id) => view! { <GoalDetail id=id /> }.into_any(),
        None => view! { <GoalNotFound /> }.into_any(),
    }
}

/// What every part of the goal page works with.
#[derive(Clone, Copy)]
struct Section {
    /// The goals store.
    goals: GoalsStore,
    /// The goal, kept up to date.
    goal: Memo<Option<Goal>>,
    /// Its id.
    id: u32,
    /// The page's form errors.
    errors: FormErrors,
    /// Short confirmations for screen readers ("Step added").
    said: RwSignal<String>,
    /// Today, for dates in words.
    today: NaiveDate,
}

impl Section {
    /// Runs a domain operation with the text typed in `typed` and saves
    /// the goal. On success it empties the box, clears the errors and
    /// tells screen readers `done`; on bad input it shows the error and
    /// saves nothing.
    fn submit<R>(
        &self,
        typed: RwSignal<String>,
        op: impl FnOnce(&mut Goal, &str) -> Result<R, FieldError<GoalField>>,
        done: impl FnOnce(R) -> String,
    ) -> bool {
        let text = typed.get_untracked();
        match self.goals.change_goal(self.id, |g| op(g, &text)) {
            Ok(out) => {
                typed.set(String::new());
                self.errors.clear();
                say_when_saved(self.said, done(out));
                true
            }
            Err(e) => {
                self.errors.show(summary_errors(vec![e]));
                false
            }
        }
    }
}

/// Everything about one goal that exists.
#[component]
fn GoalDetail(id: u32) -> impl IntoView {
    let goals = use_saved::<GoalBook>();
    let goal = Memo::new(move |_| goals.with(|b| b.and_then(|b| b.get(id).cloned())));
    let errors = FormErrors::new("Your goal");
    let said = RwSignal::new(String::new());
    let s = Section {
        goals,
        goal,
        id,
        errors,
        said,
        today: clock::today(),
    };
    let title = goal.get_untracked().map(|g| g.text).unwrap_or_default();

    view! {
        <a class="back-link" href="/goals">"Your goals"</a>
        <ErrorSummary errors=errors.summary() />
        // The tab title stays general: it is kept in the browser's history.
        <Page title=title tab_title="Your goal">
            <About s=s />
            <Steps s=s />
            <Ratings s=s />
            <Notes s=s />
            <Status s=s />
            <DeleteGoal goal=goal id=id />
            <p class="visually-hidden" role="status">{said}</p>
        </Page>
    }
}

/// Why it matters, the target date, the conditions, and "Change".
#[component]
fn About(s: Section) -> impl IntoView {
    let Section {
        goal, id, today, ..
    } = s;
    let row = |key: &'static str, value: String| {
        view! {
            <div class="summary-list__row">
                <dt class="summary-list__key">{key}</dt>
                <dd class="summary-list__value preserve-lines">{value}</dd>
            </div>
        }
    };
    move || {
        goal.get().map(|g| {
            let conditions: Vec<&str> = g.conditions.iter().map(|c| c.label()).collect();
            view! {
                {(g.status != GoalStatus::WorkingOnIt).then(|| view! { <p>{status_tag(g.status)}</p> })}
                <dl class="summary-list">
                    {g.why.clone().map(|why| row("Why this matters to you", why))}
                    {g.target.map(|d| row("When you would like to get there", format_day(d, today)))}
                    {(!conditions.is_empty()).then(|| row("About", conditions.join(", ")))}
                    {row("Started", format_day(g.created_on, today))}
                </dl>
                <p>
                    <a href=format!("/goals/{id}/edit")>"Change this goal"</a>
                </p>
            }
        })
    }
}

/// The small steps: tick, untick, reorder, edit, delete with undo, add.
#[component]
fn Steps(s: Section) -> impl IntoView {
    let Section {
        goals,
        goal,
        id,
        errors,
        said,
        today,
    } = s;
    let new_step = RwSignal::new(String::new());
    let editing = RwSignal::new(None::<(u32, String)>);
    let deleted = RwSignal::new(None::<DeletedStep>);
    let ids = move || {
        goal.with(|g| {
            g.as_ref()
                .map(|g| g.steps.iter().map(|s| s.id).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };

    let add = move |ev: SubmitEvent| {
        ev.prevent_default();
        if s.submit(
            new_step,
            |g, text| g.add_step(text),
            |_| "Step added".into(),
        ) {
            deleted.set(None);
        }
    };
    let undo = move |()| {
        if let Some(gone) = deleted.get_untracked() {
            let sid = gone.step.id;
            if goals
                .change_goal(id, |g| {
                    g.undo_delete(gone);
                    Ok(())
                })
                .is_ok()
            {
                deleted.set(None);
                say_when_saved(said, "Step put back");
                page::focus_after_render(format!("step-{sid}"));
            }
        }
    };
    let actions = StepActions {
        s,
        editing,
        deleted,
    };

    view! {
        <section aria-labelledby="steps-heading">
            <h2 id="steps-heading">"Small steps"</h2>
            {move || {
                ids().is_empty()
                    .then(|| view! { <p>"Break your goal into small steps you can tick off. For example, \u{201c}Walk to the end of the road\u{201d}."</p> })
            }}
            <ol class="steps">
                <For each=ids key=|sid| *sid let:sid>
                    <StepRow sid=sid actions=actions today=today />
                </For>
            </ol>
            <div role="status">
                {move || {
                    deleted
                        .with(|d| d.as_ref().map(|d| d.step.text.clone()))
                        .map(|text| {
                            view! {
                                <UndoNotice button_id="undo-step" on_undo=Callback::new(undo)>
                                    "Step deleted: \u{201c}" {text} "\u{201d}."
                                </UndoNotice>
                            }
                        })
                }}
            </div>
            <form novalidate on:submit=add class="form-group">
                <TextField
                    id=target_for(GoalField::Step)
                    label="Add a step"
                    bind=new_step
                    errors=errors
                />
                <button class="button button--secondary" type="submit">"Add step"</button>
            </form>
        </section>
    }
}

/// What a step row needs to change its step.
#[derive(Clone, Copy)]
struct StepActions {
    /// The goal page's shared parts.
    s: Section,
    /// The step being reworded, with the words typed so far.
    editing: RwSignal<Option<(u32, String)>>,
    /// The step deleted last, for Undo.
    deleted: RwSignal<Option<DeletedStep>>,
}

impl StepActions {
    /// Runs `op` on the goal; these operations cannot fail on good ids.
    fn run(&self, op: impl FnOnce(&mut Goal)) {
        let _ = self.s.goals.change_goal(self.s.id, |g| {
            op(g);
            Ok(())
        });
    }

    fn move_step(&self, sid: u32, direction: Direction) {
        self.run(|g| g.move_step(sid, direction));
        // Keep focus on the step's button, or its other one at an end of
        // the list, where this button is no longer shown.
        let (at, len) = self
            .s
            .goal
            .with_untracked(|g| g.as_ref().map_or((0, 0), |g| g.step_place(sid)));
        let up = match direction {
            Direction::Up => at > 0,
            Direction::Down => at + 1 >= len,
        };
        self.s
            .said
            .set(format!("Moved to number {} of {len}", at + 1));
        page::focus_after_render(format!("step-{sid}-{}", if up { "up" } else { "down" }));
    }

    fn delete(&self, sid: u32) {
        let mut gone = None;
        self.run(|g| gone = g.delete_step(sid));
        self.deleted.set(gone);
        page::focus_after_render("undo-step");
    }

    fn save_edit(&self) {
        let Some((sid, text)) = self.editing.get_untracked() else {
            return;
        };
        match self
            .s
            .goals
            .change_goal(self.s.id, |g| g.edit_step(sid, &text))
        {
            Ok(()) => {
                self.editing.set(None);
                self.s.errors.clear();
                say_when_saved(self.s.said, "Step changed");
                page::focus_after_render(format!("step-{sid}"));
            }
            Err(e) => self.s.errors.show(vec![SummaryError {
                target: EDIT_STEP.into(),
                message: e.message,
            }]),
        }
    }
}

/// One step: a checkbox to tick it off, and buttons to change it.
#[component]
fn StepRow(sid: u32, actions: StepActions, today: NaiveDate) -> impl IntoView {
    let step = Memo::new(move |_| {
        actions.s.goal.with(|g| {
            g.as_ref()
                .and_then(|g| g.steps.iter().find(|s| s.id == sid).cloned())
        })
    });
    let place = Memo::new(move |_| {
        actions
            .s
            .goal
            .with(|g| g.as_ref().map_or((0, 0), |g| g.step_place(sid)))
    });
    // A memo: typing in the edit box changes `editing`, which must not
    // rebuild the row (and lose the box's focus) on every key.
    let is_editing = Memo::new(move |_| {
        actions
            .editing
            .with(|e| e.as_ref().is_some_and(|(s, _)| *s == sid))
    });
    let text = move || step.with(|s| s.as_ref().map(|s| s.text.clone()).unwrap_or_default());
    let checkbox_id = format!("step-{sid}");

    // Built once per row, with only the parts that change reactive, so
    // ticking a step or moving its neighbours never replaces the
    // checkbox or button the client is using.
    let done = move || step.with(|s| s.as_ref().and_then(|s| s.done_on));
    let hidden = move || format!(" step: {}", text());
    let has_up = Memo::new(move |_| place.get().0 > 0);
    let has_down = Memo::new(move |_| {
        let (at, len) = place.get();
        at + 1 < len
    });
    let read_view = move || {
        view! {
            <div class="checkboxes__item">
                <input
                    class="checkboxes__input"
                    type="checkbox"
                    id=checkbox_id.clone()
                    prop:checked=move || done().is_some()
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        actions.run(|g| if on { g.tick(sid, clock::today()) } else { g.untick(sid) });
                    }
                />
                <label class="label checkboxes__label" for=checkbox_id.clone()>
                    <span class="preserve-lines">{text}</span>
                    {move || done().map(|d| view! { <span class="step__done">{format!("Done {}", format_day(d, today))}</span> })}
                </label>
            </div>
            <div class="step__actions">
                {move || has_up.get().then(|| view! {
                    <button type="button" class="link-button" id=format!("step-{sid}-up")
                        on:click=move |_| actions.move_step(sid, Direction::Up)>
                        "Move up"<span class="visually-hidden">{hidden}</span>
                    </button>
                })}
                {move || has_down.get().then(|| view! {
                    <button type="button" class="link-button" id=format!("step-{sid}-down")
                        on:click=move |_| actions.move_step(sid, Direction::Down)>
                        "Move down"<span class="visually-hidden">{hidden}</span>
                    </button>
                })}
                <button type="button" class="link-button"
                    on:click=move |_| {
                        actions.editing.set(Some((sid, text())));
                        page::focus_after_render(EDIT_STEP);
                    }>
                    "Change"<span class="visually-hidden">{hidden}</span>
                </button>
                <button type="button" class="link-button" on:click=move |_| actions.delete(sid)>
                    "Delete"<span class="visually-hidden">{hidden}</span>
                </button>
            </div>
        }
    };
    let edit_view = move || {
        let error = actions.s.errors.message(EDIT_STEP);
        view! {
            <form novalidate class="step__edit" class:form-group--error=move || error.with(Option::is_some)
                on:submit=move |ev: SubmitEvent| { ev.prevent_default(); actions.save_edit(); }>
                <label class="label" for=EDIT_STEP>"Change this step"</label>
                <FieldErrorMessage field=EDIT_STEP message=error />
                <input class="input" class:input--error=move || error.with(Option::is_some)
                    id=EDIT_STEP type="text" autocomplete="off"
                    aria-describedby=move || described_by(EDIT_STEP, false, error.with(Option::is_some))
                    aria-invalid=move || error.with(Option::is_some).then_some("true")
                    prop:value=move || actions.editing.with(|e| e.as_ref().map(|(_, t)| t.clone()).unwrap_or_default())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        actions.editing.update(|e| if let Some((_, t)) = e { *t = v });
                    } />
                <div class="button-group">
                    <button class="button button--small" type="submit">"Save step"</button>
                    <button class="link-button" type="button" on:click=move |_| {
                        actions.editing.set(None);
                        actions.s.errors.clear();
                        page::focus_after_render(format!("step-{sid}"));
                    }>"Cancel"</button>
                </div>
            </form>
        }
    };
    view! {
        <li class="step">
            {move || if is_editing.get() { edit_view().into_any() } else { read_view().into_any() }}
        </li>
    }
}

/// "How close do I feel to this goal?": the latest rating, the trend as a
/// chart with a table of every rating, and a box to give a new one.
#[component]
fn Ratings(s: Section) -> impl IntoView {
    let Section {
        goal,
        errors,
        today,
        ..
    } = s;
    let typed = RwSignal::new(String::new());
    let ratings = Memo::new(move |_| {
        goal.with(|g| g.as_ref().map(|g| g.ratings.clone()).unwrap_or_default())
    });
    let rate = move |ev: SubmitEvent| {
        ev.prevent_default();
        s.submit(
            typed,
            |g, text| {
                let value = parse_rating(text)?;
                g.rate(value, clock::today()).map(|_| value)
            },
            |value| format!("Saved: {value} out of 10"),
        );
    };
    view! {
        <section aria-labelledby="ratings-heading">
            <h2 id="ratings-heading">"How close do I feel to this goal?"</h2>
            {move || {
                let list = ratings.get();
                if list.is_empty() {
                    return view! { <p>"You have not rated this goal yet. Your ratings will show here, so you can see how things change."</p> }.into_any();
                }
                view! {
                    {(list.len() > 1).then(|| view! { <RatingChart ratings=list.clone() /> })}
                    <DataTable
                        caption="Your ratings, newest first"
                        columns=vec!["Date".into(), "How close (0 to 10)".into()]
                        rows=list.iter().rev().map(|r| vec![format_day(r.on, today), r.value.to_string()]).collect()
                    />
                }.into_any()
            }}
            <form novalidate on:submit=rate>
                // The same 0 to 10 grid as every other scale in the app.
                <Choices
                    id=target_for(GoalField::Rating).to_string()
                    legend="How close do you feel to this goal today?".to_string()
                    hint="0 means not close at all. 10 means you are there.".to_string()
                    options=(0..=10).map(|v| (v.to_string(), v.to_string())).collect()
                    compact=true
                    required=true
                    selected=typed.into()
                    on_change=Callback::new(move |v| typed.set(v))
                    error=errors.message(target_for(GoalField::Rating))
                />
                <button class="button button--secondary" type="submit">"Save rating"</button>
            </form>
        </section>
    }
}

/// The ratings as a line from oldest to newest, on a 0 to 10 scale, dated.
#[component]
fn RatingChart(ratings: Vec<Rating>) -> impl IntoView {
    let dated: Vec<(NaiveDate, i32)> = ratings.iter().map(|r| (r.on, i32::from(r.value))).collect();
    Chart::daily(&dated, &Scale::ZeroToTen, 0, clock::today())
        .map(|chart| view! { <LineChart chart=chart /> })
}

/// Dated notes and reflections on the goal.
#[component]
fn Notes(s: Section) -> impl IntoView {
    let Section {
        goal,
        errors,
        today,
        ..
    } = s;
    let typed = RwSignal::new(String::new());
    let save = move |ev: SubmitEvent| {
        ev.prevent_default();
        s.submit(
            typed,
            |g, text| g.add_note(text, clock::today()),
            |_| "Note saved".into(),
        );
    };
    view! {
        <section aria-labelledby="notes-heading">
            <h2 id="notes-heading">"Notes"</h2>
            {move || {
                let notes = goal.with(|g| g.as_ref().map(|g| g.notes.clone()).unwrap_or_default());
                (!notes.is_empty()).then(|| view! {
                    <ul class="notes">
                        {notes.into_iter().rev().map(|n| view! {
                            <li>
                                <p class="notes__date">{format_day(n.on, today)}</p>
                                <p class="preserve-lines">{n.text}</p>
                            </li>
                        }).collect_view()}
                    </ul>
                })
            }}
            <form novalidate on:submit=save>
                <TextField
                    id=target_for(GoalField::Note)
                    label="Add a note"
                    hint="For example, what helped, what got in the way, or how you feel about it."
                    multiline=true
                    bind=typed
                    errors=errors
                />
                <button class="button button--secondary" type="submit">"Save note"</button>
            </form>
        </section>
    }
}

/// The kind words shown after a change of status.
fn status_message(status: GoalStatus) -> &'static str {
    match status {
        GoalStatus::Done => "Well done! You reached your goal. Take a moment to notice what helped you get here. It is now in your past goals.",
        GoalStatus::LetGo => "You have let this goal go. That is OK: what matters to you can change. It is now in your past goals.",
        GoalStatus::Paused => "This goal is paused. You can pick it up again whenever you are ready.",
        GoalStatus::WorkingOnIt => "You are working on this goal.",
    }
}

/// Where the goal is now, and a way to change it.
#[component]
fn Status(s: Section) -> impl IntoView {
    let Section {
        goal, id, today, ..
    } = s;
    let goals = use_saved::<GoalBook>();
    let current = move || goal.with(|g| g.as_ref().map_or(GoalStatus::WorkingOnIt, |g| g.status));
    let chosen = RwSignal::new(current());
    let message = RwSignal::new(None::<&'static str>);
    let save = move |ev: SubmitEvent| {
        ev.prevent_default();
        let to = chosen.get_untracked();
        if to == current() {
            return;
        }
        if goals
            .change_goal(id, |g| {
                g.set_status(to, clock::today());
                Ok(())
            })
            .is_ok()
        {
            message.set(Some(status_message(to)));
            page::focus_after_render("status-message");
        }
    };
    let options = [
        GoalStatus::WorkingOnIt,
        GoalStatus::Paused,
        GoalStatus::Done,
        GoalStatus::LetGo,
    ];
    view! {
        <section aria-labelledby="status-heading">
            <h2 id="status-heading">"Where this goal is now"</h2>
            {move || message.get().map(|m| view! {
                <div class=move || if current() == GoalStatus::Done { "notice notice--success notice--celebrate" } else { "notice notice--success" }
                    id="status-message" tabindex="-1">
                    <p>{m}</p>
                </div>
            })}
            <p>
                {move || {
                    let since = goal.with(|g| g.as_ref().and_then(Goal::status_since));
                    view! {
                        {status_tag(current())}
                        {since.map(|d| format!(" since {}", format_day(d, today)))}
                    }
                }}
            </p>
            <form novalidate on:submit=save>
                <Choices
                    id="status".to_string()
                    legend="Change where this goal is".to_string()
                    options=options.iter().map(|s| (s.label().replace(' ', "-"), s.label().to_string())).collect()
                    required=true
                    selected=Signal::derive(move || chosen.get().label().replace(' ', "-"))
                    on_change=Callback::new(move |v: String| {
                        if let Some(s) = options.iter().find(|s| s.label().replace(' ', "-") == v) {
                            chosen.set(*s);
                        }
                    })
                    error=Signal::derive(|| None)
                />
                <button class="button button--secondary" type="submit">"Update"</button>
            </form>
        </section>
    }
}

/// "Delete this goal", with a dialog that names the goal and asks first.
#[component]
fn DeleteGoal(goal: Memo<Option<Goal>>, id: u32) -> impl IntoView {
    let goals = use_saved::<GoalBook>();
    let slot = use_deleted_goal().0;
    let navigate = use_navigate();
    let dialog = NodeRef::<html::Dialog>::new();
    let open = move |_| open_dialog(dialog);
    let delete = move |()| {
        let gone = goals.change(|book| book.delete(id).ok_or(()));
        if let Ok(gone) = gone {
            slot.set(Some(gone));
        }
        close_dialog(dialog);
        navigate("/goals", Default::default());
    };
    let text = move || goal.with(|g| g.as_ref().map(|g| g.text.clone()).unwrap_or_default());
    view! {
        <section aria-labelledby="delete-heading" class="danger-zone">
            <h2 id="delete-heading">"Delete this goal"</h2>
            <p>"If you no longer want this goal, you can mark it as \u{201c}Let go\u{201d} above and keep it in your past goals. Deleting removes it and everything in it."</p>
            <button type="button" class="button button--warning" on:click=open>
                "Delete this goal"
            </button>
            <ConfirmDialog
                node_ref=dialog
                id="dialog"
                title="Delete this goal?"
                confirm="Yes, delete it".to_string()
                cancel="No, keep it"
                tone=DialogTone::Warning
                on_confirm=Callback::new(delete)
            >
                <p>
                    "This will delete \u{201c}" <span class="preserve-lines">{text}</span> "\u{201d}, "
                    "with its steps, ratings and notes."
                </p>
                <p>"You can undo this straight after, but not once you leave your goals page."</p>
            </ConfirmDialog>
        </section>
    }
}

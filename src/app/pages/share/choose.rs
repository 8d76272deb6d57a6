//! The share page's form: which period, and what to share in it.

use leptos::prelude::*;

use crate::app::components::{Checkbox, CheckboxGroup, Choices, FormErrors, TextField};
use crate::app::state::{use_diary, use_saved, use_share_tools};
use crate::model::goal::GoalStatus;
use crate::model::text::set_included;
use crate::model::time::format_day;
use crate::model::GoalBook;
use crate::platform::clock;
use crate::share::choices::{PeriodPick, ShareForm};
use crate::share::summary::Choice;

/// The value each period radio has.
fn code(pick: PeriodPick) -> &'static str {
    match pick {
        PeriodPick::Since => "since",
        PeriodPick::FourWeeks => "4w",
        PeriodPick::ThreeMonths => "3m",
        PeriodPick::Custom => "custom",
    }
}

/// The form. Every change goes into `form`; "Preview" calls `on_preview`.
#[component]
pub fn ShareChoices(
    /// What the client has chosen so far.
    form: RwSignal<ShareForm>,
    /// The page's errors, beside the fields they are about.
    errors: FormErrors,
    /// Called when the client asks for the preview.
    on_preview: Callback<()>,
) -> impl IntoView {
    let tools = use_share_tools();
    let goals = use_saved::<GoalBook>();
    let diary = use_diary();
    let today = clock::today();
    // A tick bound to one part of the choice.
    let tick = move |id: &'static str,
                     label: &'static str,
                     get: fn(&Choice) -> bool,
                     set: fn(&mut Choice, bool)| {
        view! {
            <Checkbox
                id=id.to_string()
                label=label.to_string()
                checked=Signal::derive(move || form.with(|f| get(&f.choice)))
                on_change=Callback::new(move |v| form.update(|f| set(&mut f.choice, v)))
            />
        }
    };
    let goal_boxes = move || {
        goals.with(|b| {
            b.map(|b| {
                b.current()
                    .into_iter()
                    .chain(b.goals.iter().filter(|g| g.status.is_past()))
                    .map(|g| {
                        let id = g.id;
                        // Which are done, paused or let go, and since when.
                        let label = match (g.status, g.status_since()) {
                            (GoalStatus::WorkingOnIt, _) => g.text.clone(),
                            (status, Some(on)) => format!(
                                "{} ({} on {})",
                                g.text,
                                status.label().to_lowercase(),
                                format_day(on, today)
                            ),
                            (status, None) => format!("{} ({})", g.text, status.label().to_lowercase()),
                        };
                        view! {
                            <Checkbox
                                id=format!("share-goal-{id}")
                                label=label
                                checked=Signal::derive(move || form.with(|f| f.choice.goals.contains(&id)))
                                on_change=Callback::new(move |v| form.update(|f| set_included(&mut f.choice.goals, id, v)))
                            />
                        }
                    })
                    .collect_view()
            })
        })
    };
    let measure_boxes = move || {
        diary
            .measures()
            .into_iter()
            .map(|m| {
                let (id, id2) = (m.id.clone(), m.id.clone());
                view! {
                    <Checkbox
                        id=format!("share-measure-{}", m.id)
                        label=m.name.clone()
                        checked=Signal::derive(move || form.with(|f| f.choice.measures.contains(&id)))
                        on_change=Callback::new(move |v| form.update(|f| set_included(&mut f.choice.measures, id2.clone(), v)))
                    />
                }
            })
            .collect_view()
    };
    let picks = [
        PeriodPick::Since,
        PeriodPick::FourWeeks,
        PeriodPick::ThreeMonths,
        PeriodPick::Custom,
    ];
    view! {
        <form class="no-print share-form" on:submit=move |ev| {
            ev.prevent_default();
            on_preview.run(());
        }>
            // Drawn again if the last share changes (in another tab).
            {move || {
                let last = tools.last_share();
                let labels: Vec<(String, String)> = form.with_untracked(|f| {
                    picks
                        .iter()
                        .map(|p| (code(*p).to_string(), f.period_label(*p, today, last)))
                        .collect()
                });
                view! {
                    <Choices
                        id="share-period".to_string()
                        legend="Which period".to_string()
                        large=true
                        options=labels
                        required=true
                        selected=Signal::derive(move || code(form.with(|f| f.period)).to_string())
                        on_change=Callback::new(move |v: String| {
                            if let Some(p) = picks.iter().find(|p| code(**p) == v) {
                                form.update(|f| f.set_period(*p, today, last));
                            }
                        })
                        error=errors.message("share-period")
                    />
                }
            }}
            <Show when=move || form.with(|f| f.period == PeriodPick::Custom)>
                <TextField
                    id="share-from"
                    label="First day"
                    input_type="date"
                    width_class="input--date"
                    value=Signal::derive(move || form.with(|f| f.from.clone()))
                    on_input=Callback::new(move |v| form.update(|f| f.from = v))
                    error=errors.message("share-from")
                />
                <TextField
                    id="share-to"
                    label="Last day"
                    input_type="date"
                    width_class="input--date"
                    value=Signal::derive(move || form.with(|f| f.to.clone()))
                    on_input=Callback::new(move |v| form.update(|f| f.to = v))
                    error=errors.message("share-to")
                />
            </Show>
            <CheckboxGroup legend="Goals" hint="Each goal comes with its steps and how close you felt to it.">
                {goal_boxes}
                {move || goals.with(|b| b.is_none_or(|b| b.goals.is_empty())).then(|| view! { <p>"You have no goals yet."</p> })}
            </CheckboxGroup>
            <CheckboxGroup legend="Diary" hint="For each: the average, lowest and highest, which way it is going, and an average for each week.">
                {measure_boxes}
                {tick("share-readings", "Also every single reading", |c| c.readings, |c, v| c.readings = v)}
            </CheckboxGroup>
            <CheckboxGroup legend="Also share">
                {tick("share-wellbeing", "Wellbeing check-ins (your starting point, the latest, and all in the period)", |c| c.wellbeing, |c, v| c.wellbeing = v)}
                {tick("share-appointments", "Appointments in the period and coming up", |c| c.appointments, |c, v| c.appointments = v)}
                {tick("share-talk", "Things I want to talk about", |c| c.talk, |c, v| c.talk = v)}
                {tick("share-notes", "My notes from goals, the diary and appointments", |c| c.notes, |c, v| c.notes = v)}
                {tick("share-name", "My name", |c| c.name, |c, v| c.name = v)}
                {tick("share-conditions", "My conditions", |c| c.conditions, |c, v| c.conditions = v)}
                {tick("share-what-matters", "What matters to me", |c| c.what_matters, |c, v| c.what_matters = v)}
            </CheckboxGroup>
            <button type="submit" class="button">"Preview what your link worker will see"</button>
        </form>
    }
}

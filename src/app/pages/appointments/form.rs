//! `/appointments/new` and `/appointments/:id/edit` (every occurrence).

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

use super::target_for;
use crate::app::components::{
    Checkbox, Choices, ErrorSummary, FormErrors, Page, SummaryError, TextField, HEADING_ID,
};
use crate::app::state::{use_saved, when_saved};
use crate::model::appointment::ApptBook;
use crate::model::appointment::{ApptDraft, ApptField, ApptKind, Reminder};
use crate::model::text::set_included;
use crate::model::time::iso_day;
use crate::platform::page;

/// `/appointments/new`.
#[component]
pub fn NewAppointment() -> impl IntoView {
    view! { <ApptForm id=None /> }
}

/// `/appointments/:id/edit`.
#[component]
pub fn EditAppointment() -> impl IntoView {
    let params = use_params_map();
    let appts = use_saved::<ApptBook>();
    let found = Memo::new(move |_| {
        let id: u32 = params.with(|p| p.get("id")?.parse().ok())?;
        appts
            .with(|b| b.is_some_and(|b| b.get(id).is_some()))
            .then_some(id)
    });
    move || match found.get() {
        Some(id) => view! { <ApptForm id=Some(id) /> }.into_any(),
        None => view! { <ApptNotFound /> }.into_any(),
    }
}

/// For the address of an appointment that does not exist.
#[component]
pub fn ApptNotFound() -> impl IntoView {
    view! {
        <Page title="Appointment not found".into()>
            <p>"We cannot find this appointment."</p>
            <p><a href="/appointments">"Go to your appointments"</a></p>
        </Page>
    }
}

#[component]
fn ApptForm(id: Option<u32>) -> impl IntoView {
    let appts = use_saved::<ApptBook>();
    let navigate = use_navigate();
    let title = if id.is_some() {
        "Change this appointment"
    } else {
        "Add an appointment"
    };
    let draft = RwSignal::new(
        id.and_then(|id| {
            appts.with(|b| b.and_then(|b| b.get(id)).map(ApptDraft::from_appointment))
        })
        .unwrap_or_default(),
    );
    let errors = FormErrors::new(title);
    let save = move |ev: SubmitEvent| {
        ev.prevent_default();
        let d = draft.get_untracked();
        let result = appts.change(|b| match id {
            Some(id) => b.edit(id, &d).map(|_| id),
            None => b.add(&d),
        });
        match result {
            Err(errs) => errors.show(
                errs.into_iter()
                    .map(|e| SummaryError {
                        target: target_for(e.field).into(),
                        message: e.message,
                    })
                    .collect(),
            ),
            Ok(saved) => {
                if let Some(a) = appts.with_untracked(|b| b.and_then(|b| b.get(saved).cloned())) {
                    errors.clear();
                    // The appointment opens once it is on disk.
                    let navigate = navigate.clone();
                    when_saved(move || {
                        navigate(
                            &format!("/appointments/{saved}/{}", iso_day(a.date)),
                            Default::default(),
                        );
                        page::focus_after_render(HEADING_ID);
                    });
                } else {
                    page::focus_after_render(HEADING_ID);
                }
            }
        }
    };
    let text = move |field: ApptField,
                     label: &'static str,
                     hint: &'static str,
                     multiline: bool,
                     input_type: &'static str,
                     get: fn(&ApptDraft) -> String,
                     put: fn(&mut ApptDraft, String)| {
        view! {
            <TextField
                id=target_for(field)
                label=label
                hint=hint
                multiline=multiline
                input_type=input_type
                width_class=if input_type == "text" { "" } else { "input--date" }
                value=Signal::derive(move || draft.with(get))
                on_input=Callback::new(move |v| draft.update(|d| put(d, v)))
                error=errors.message(target_for(field))
            />
        }
    };
    let repeats = move || draft.with(|d| !d.every_weeks.is_empty() && d.every_weeks != "0");
    view! {
        <ErrorSummary errors=errors.summary() />
        <Page title=title.into()>
            {id.is_some().then(|| view! { <p class="inset">"Changes here apply to every time this appointment happens. To change just one, open that one and choose \u{201c}Change just this one\u{201d}."</p> })}
            <form novalidate on:submit=save>
                <Choices
                    id="appt-kind".to_string()
                    legend="What kind of appointment is it?".to_string()
                    options=ApptKind::ALL.iter().map(|k| (k.code().to_string(), k.label().to_string())).collect()
                    required=true
                    selected=Signal::derive(move || draft.with(|d| d.kind.code().to_string()))
                    on_change=Callback::new(move |v: String| {
                        if let Some(k) = ApptKind::ALL.into_iter().find(|k| k.code() == v) {
                            draft.update(|d| d.kind = k);
                        }
                    })
                    error=Signal::derive(|| None)
                />
                {text(ApptField::With, "Who is it with, or what is it called? (optional)", "For example, \u{201c}Dr Patel\u{201d} or \u{201c}Tuesday walking group\u{201d}.", false, "text", |d| d.with.clone(), |d, v| d.with = v)}
                {text(ApptField::Date, "Date", "", false, "date", |d| d.date.clone(), |d, v| d.date = v)}
                {text(ApptField::Time, "Start time", "UK time.", false, "time", |d| d.time.clone(), |d, v| d.time = v)}
                <div class="form-group">
                    <label class="label" for="appt-minutes">"How long"</label>
                    <select class="select" id="appt-minutes" on:change=move |ev| { let v = event_target_value(&ev); draft.update(|d| d.minutes = v) }>
                        {[(15, "15 minutes"), (30, "30 minutes"), (45, "45 minutes"), (60, "1 hour"), (90, "1 and a half hours"), (120, "2 hours"), (180, "3 hours")]
                            .map(|(m, words)| view! { <option value=m.to_string() selected=move || draft.with(|d| d.minutes == m.to_string())>{words}</option> })}
                    </select>
                </div>
                {text(ApptField::Place, "Where (optional)", "For example, the surgery's name and address.", false, "text", |d| d.place.clone(), |d, v| d.place = v)}
                {text(ApptField::Bring, "What to bring (optional)", "For example, your medicines or a letter.", true, "text", |d| d.bring.clone(), |d, v| d.bring = v)}
                {text(ApptField::Questions, "Questions you want to ask (optional)", "One question on each line.", true, "text", |d| d.questions.clone(), |d, v| d.questions = v)}
                <Choices
                    id="appt-repeat".to_string()
                    legend="Does it repeat?".to_string()
                    options=vec![("".into(), "No".into()), ("1".into(), "Every week".into()), ("2".into(), "Every 2 weeks".into()), ("4".into(), "Every 4 weeks".into())]
                    required=true
                    selected=Signal::derive(move || draft.with(|d| d.every_weeks.clone()))
                    on_change=Callback::new(move |v: String| draft.update(|d| d.every_weeks = v))
                    error=Signal::derive(|| None)
                />
                {move || repeats().then(|| text(ApptField::Until, "Date of the last one", "Up to 104 times.", false, "date", |d| d.until.clone(), |d, v| d.until = v))}
                <div class="form-group">
                    <fieldset class="fieldset">
                        <legend class="fieldset__legend label label--bold">"When should we remind you?"</legend>
                        <div class="checkboxes">
                            {Reminder::CHOICES.into_iter().map(|r| view! {
                                <Checkbox
                                    id=format!("remind-{}", r.code())
                                    label=r.label()
                                    checked=Signal::derive(move || draft.with(|d| d.reminders.contains(&r)))
                                    on_change=Callback::new(move |on| draft.update(|d| set_included(&mut d.reminders, r, on)))
                                />
                            }).collect_view()}
                        </div>
                    </fieldset>
                </div>
                <button class="button" type="submit">"Save appointment"</button>
            </form>
            <p><a href="/appointments">"Cancel"</a></p>
        </Page>
    }
}

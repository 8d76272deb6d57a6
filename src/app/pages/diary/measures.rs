//! `/diary/measures`: choose which measures the diary asks about, and add
//! the client's own.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::app::components::{
    Checkbox, Choices, ErrorSummary, FormErrors, Page, SummaryError, TextField,
};
use crate::app::state::use_diary;
use crate::model::diary::{DiarySettings, Kind, MeasureDraft, MeasureField, OwnKind};
use crate::model::FieldError;

fn target(field: MeasureField) -> &'static str {
    match field {
        MeasureField::Name => "own-name",
        MeasureField::Low => "own-low",
        MeasureField::High => "own-high",
        MeasureField::Unit => "own-unit",
        MeasureField::Min => "own-min",
        MeasureField::Max => "own-max",
    }
}

/// `/diary/measures`.
#[component]
pub fn Measures() -> impl IntoView {
    let diary = use_diary();
    let errors = FormErrors::new("What you record");
    let draft = RwSignal::new(MeasureDraft::default());
    let said = RwSignal::new(String::new());
    let add = move |ev: SubmitEvent| {
        ev.prevent_default();
        let d = draft.get_untracked();
        let result = diary.settings.change(|s: &mut DiarySettings| s.add_own(&d));
        match result {
            Ok(_) => {
                errors.clear();
                said.set(format!("{} added", d.name.trim()));
                draft.set(MeasureDraft::default());
            }
            Err(errs) => errors.show(
                errs.into_iter()
                    .map(|e: FieldError<MeasureField>| SummaryError {
                        target: target(e.field).into(),
                        message: e.message,
                    })
                    .collect(),
            ),
        }
    };
    let text = move |id: &'static str,
                     label: &'static str,
                     hint: Option<&'static str>,
                     get: fn(&MeasureDraft) -> String,
                     put: fn(&mut MeasureDraft, String)| {
        view! {
            <TextField
                id=id
                label=label
                hint=hint.unwrap_or_default()
                value=Signal::derive(move || draft.with(get))
                on_input=Callback::new(move |v| draft.update(|d| put(d, v)))
                error=errors.message(id)
            />
        }
    };
    let kind = move || draft.with(|d| d.kind);
    // A memo: hiding a measure does not change the list itself.
    let list = Memo::new(move |_| diary.all_measures());
    view! {
        <a class="back-link" href="/diary">"Your diary"</a>
        <ErrorSummary errors=errors.summary() />
        <Page title="What you record".into()>
            <p>"Untick anything you do not want to be asked about. What you recorded before is kept."</p>
            <div class="checkboxes form-group">
                {move || list.get().into_iter().map(|m| {
                    let id = m.id.clone();
                    let shown_id = m.id.clone();
                    // Only this box follows the setting, so ticking one
                    // never rebuilds the list (and loses focus).
                    let shown = Signal::derive(move || {
                        !diary.settings.with(|s| s.is_some_and(|s| s.is_hidden(&shown_id)))
                    });
                    let label = match &m.kind {
                        Kind::Number { unit, .. } => format!("{} ({unit})", m.name),
                        _ => m.name.clone(),
                    };
                    view! {
                        <Checkbox
                            id=format!("use-{}", m.id)
                            label=label
                            checked=shown
                            on_change=Callback::new(move |on: bool| {
                                let _ = diary.settings.change(|s: &mut DiarySettings| {
                                    s.set_hidden(&id, !on);
                                    Ok::<_, ()>(())
                                });
                            })
                        />
                    }
                }).collect_view()}
            </div>
            <h2>"Add your own"</h2>
            <form novalidate on:submit=add>
                {text("own-name", "Name", Some("For example, \"Dizziness\" or \"Went for a walk\"."), |d| d.name.clone(), |d, v| d.name = v)}
                <Choices
                    id="own-kind".to_string()
                    legend="How will you record it?".to_string()
                    required=true
                    options=vec![
                        ("scale".into(), "A score from 0 to 10".into()),
                        ("number".into(), "A number with a unit".into()),
                        ("yesno".into(), "Yes or no".into()),
                    ]
                    selected=Signal::derive(move || match kind() { OwnKind::Scale => "scale", OwnKind::Number => "number", OwnKind::YesNo => "yesno" }.to_string())
                    on_change=Callback::new(move |v: String| draft.update(|d| d.kind = match v.as_str() { "number" => OwnKind::Number, "yesno" => OwnKind::YesNo, _ => OwnKind::Scale }))
                    error=Signal::derive(|| None)
                />
                {move || match kind() {
                    OwnKind::Scale => view! {
                        {text("own-low", "What 0 means", Some("For example, \"none\"."), |d| d.low.clone(), |d, v| d.low = v)}
                        {text("own-high", "What 10 means", Some("For example, \"worst possible\"."), |d| d.high.clone(), |d, v| d.high = v)}
                    }.into_any(),
                    OwnKind::Number => view! {
                        {text("own-unit", "Unit", Some("For example, \"steps\" or \"kg\"."), |d| d.unit.clone(), |d, v| d.unit = v)}
                        {text("own-min", "Lowest likely value", None, |d| d.min.clone(), |d, v| d.min = v)}
                        {text("own-max", "Highest likely value", None, |d| d.max.clone(), |d, v| d.max = v)}
                    }.into_any(),
                    OwnKind::YesNo => ().into_any(),
                }}
                <button class="button" type="submit">"Add measure"</button>
            </form>
            <p class="visually-hidden" role="status">{said}</p>
        </Page>
    }
}

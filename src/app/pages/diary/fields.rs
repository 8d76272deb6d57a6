//! The questions of a diary day, shared by the day page and Today's quick
//! check-in: one per measure, by kind.

use leptos::prelude::*;

use crate::app::components::{described_by, Choices, FieldErrorMessage, FormErrors, SummaryError};
use crate::model::diary::{DayDraft, DayField, Kind, ReadingDraft, MOODS};
use crate::model::FieldError;

/// The id of the form control a day-form problem is about.
pub fn field_id(field: DayField) -> String {
    match field {
        DayField::Date => "day-date".into(),
        DayField::Value { measure, reading } => format!("m{measure}-r{reading}"),
        DayField::Time { measure, reading } => format!("m{measure}-r{reading}-time"),
        DayField::Note => "day-note".into(),
    }
}

/// Day-form errors as error summary entries.
pub fn summary(errors: Vec<FieldError<DayField>>) -> Vec<SummaryError> {
    errors
        .into_iter()
        .map(|e| SummaryError {
            target: field_id(e.field),
            message: e.message,
        })
        .collect()
}

/// Every measure's question, for the measures in `draft`.
#[component]
pub fn DayFields(draft: RwSignal<DayDraft>, errors: FormErrors) -> impl IntoView {
    let count = draft.with_untracked(|d| d.readings.len());
    (0..count)
        .map(|mi| view! { <MeasureField draft=draft errors=errors mi=mi /> })
        .collect_view()
}

/// Sets the text of one reading.
fn set(draft: RwSignal<DayDraft>, mi: usize, ri: usize, time: bool, text: String) {
    draft.update(|d| {
        if let Some(r) = d.readings.get_mut(mi).and_then(|(_, rs)| rs.get_mut(ri)) {
            if time {
                r.time = text;
            } else {
                r.value = text;
            }
        }
    });
}

/// The question for measure number `mi` of the form.
#[component]
fn MeasureField(draft: RwSignal<DayDraft>, errors: FormErrors, mi: usize) -> impl IntoView {
    let measure = draft.with_untracked(|d| d.readings[mi].0.clone());
    let first = field_id(DayField::Value {
        measure: mi,
        reading: 0,
    });
    let value = move || {
        draft.with(|d| {
            d.readings[mi]
                .1
                .first()
                .map(|r| r.value.clone())
                .unwrap_or_default()
        })
    };
    let choose = Callback::new(move |v: String| set(draft, mi, 0, false, v));
    let error = errors.message(first.clone());
    match measure.kind.clone() {
        Kind::Mood => view! {
            <Choices
                id=first
                legend="How is your mood?".to_string()
                options=MOODS.iter().enumerate().map(|(i, m)| ((i + 1).to_string(), m.to_string())).collect()
                selected=Signal::derive(value)
                on_change=choose
                error=error
            />
        }
        .into_any(),
        Kind::Scale { low, high } => view! {
            <Choices
                id=first
                legend=measure.name.clone()
                hint=format!("0 is {}. 10 is {}.", low.to_ascii_lowercase(), high.to_ascii_lowercase())
                options=(0..=10).map(|v| (v.to_string(), v.to_string())).collect()
                compact=true
                selected=Signal::derive(value)
                on_change=choose
                error=error
            />
        }
        .into_any(),
        Kind::YesNo => view! {
            <Choices
                id=first
                legend=measure.name.clone()
                options=vec![("1".into(), "Yes".into()), ("0".into(), "No".into())]
                selected=Signal::derive(value)
                on_change=choose
                error=error
            />
        }
        .into_any(),
        Kind::Number { unit, .. } if !measure.several => {
            let label = format!("{} ({unit})", measure.name);
            view! {
                <ReadingBox draft=draft errors=errors mi=mi ri=0 time=false label=label />
            }
            .into_any()
        }
        Kind::Number { unit, .. } => {
            let name = measure.name.clone();
            // A memo: typing changes the draft, which must not rebuild
            // the boxes (and lose focus) unless a reading is added.
            let rows = Memo::new(move |_| draft.with(|d| d.readings[mi].1.len()));
            view! {
                <fieldset class="fieldset form-group readings">
                    <legend class="fieldset__legend label label--bold">{format!("{} ({unit})", measure.name)}</legend>
                    <div class="hint">"You can add a reading for each time you took one."</div>
                    {move || {
                        (0..rows.get())
                            .map(|ri| {
                                let label = format!("Reading {}", ri + 1);
                                view! {
                                    <div class="reading">
                                        <ReadingBox draft=draft errors=errors mi=mi ri=ri time=true label=format!("Time of reading {}", ri + 1) />
                                        <ReadingBox draft=draft errors=errors mi=mi ri=ri time=false label=label />
                                    </div>
                                }
                            })
                            .collect_view()
                    }}
                    <button
                        type="button"
                        class="button button--secondary button--small"
                        on:click=move |_| {
                            let ri = draft.with_untracked(|d| d.readings[mi].1.len());
                            draft.update(|d| d.readings[mi].1.push(ReadingDraft::default()));
                            crate::platform::page::focus_after_render(field_id(DayField::Time { measure: mi, reading: ri }));
                        }
                    >
                        "Add another reading"<span class="visually-hidden">{format!(" of {name}")}</span>
                    </button>
                </fieldset>
            }
            .into_any()
        }
    }
}

/// A box for one reading's number (`time` false) or its time (`time`
/// true), with its label and error.
#[component]
fn ReadingBox(
    draft: RwSignal<DayDraft>,
    errors: FormErrors,
    mi: usize,
    ri: usize,
    time: bool,
    label: String,
) -> impl IntoView {
    let (measure, reading) = (mi, ri);
    let id = field_id(if time {
        DayField::Time { measure, reading }
    } else {
        DayField::Value { measure, reading }
    });
    let error = errors.message(id.clone());
    let has_error = move || error.with(Option::is_some);
    let describe = id.clone();
    view! {
        <div class="form-group" class:form-group--error=has_error>
            <label class="label" for=id.clone()>{label}</label>
            <FieldErrorMessage field=id.clone() message=error />
            <input
                class="input input--width-5"
                class:input--error=has_error
                id=id
                type=if time { "time" } else { "text" }
                inputmode=(!time).then_some("decimal")
                autocomplete="off"
                aria-describedby=move || described_by(&describe, false, has_error())
                prop:value=move || draft.with(|d| {
                    d.readings[mi].1.get(ri).map(|r| if time { r.time.clone() } else { r.value.clone() }).unwrap_or_default()
                })
                on:input=move |ev| set(draft, mi, ri, time, event_target_value(&ev))
            />
        </div>
    }
}

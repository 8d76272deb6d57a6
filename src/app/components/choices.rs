//! [`Choices`]: one question answered by choosing, as NHS radios.

use leptos::prelude::*;

use super::{described_by, FieldErrorMessage};
use crate::platform::page;

/// The value of the "No answer" choice of an optional question.
const NO_ANSWER: &str = "";

/// One question answered by choosing (mood words, a 0 to 10 scale, yes or
/// no), as NHS radios: one stop in the Tab order, arrows move within it.
/// An optional question ends with a "No answer" choice rather than a
/// separate "Clear" button (which sat in the Tab order between questions,
/// where a stray Enter wiped the answer); after choosing it, "Undo" puts
/// the earlier answer back. In a grid of small boxes (0 to 10), Up and
/// Down move a row.
#[component]
pub fn Choices(
    /// The first radio's id (the error summary links to it); the others
    /// add "-" and their value ("-none" for "No answer").
    id: String,
    /// The question.
    legend: String,
    /// Extra help, such as what 0 and 10 mean.
    #[prop(optional)]
    hint: Option<String>,
    /// (value, words) for each answer.
    options: Vec<(String, String)>,
    /// Lay the answers out in a row of small boxes (for 0 to 10).
    #[prop(optional)]
    compact: bool,
    /// An answer is always needed, so there is no "No answer".
    #[prop(optional)]
    required: bool,
    /// The question as a heading of a larger form (a bigger legend).
    #[prop(optional)]
    large: bool,
    /// The chosen value, or "".
    selected: Signal<String>,
    /// Called with the new value ("" for "No answer").
    on_change: Callback<String>,
    /// The error to show, if any.
    error: Signal<Option<String>>,
) -> impl IntoView {
    let has_error = move || error.with(Option::is_some);
    let hint_id = format!("{id}-hint");
    let described_by = {
        let (id, has_hint) = (id.clone(), hint.is_some());
        move || described_by(&id, has_hint, has_error())
    };
    let mut options = options;
    if !required {
        options.push((NO_ANSWER.to_string(), "No answer".to_string()));
    }
    // Each answer's radio id, so "Undo" can focus the answer it puts back.
    let input_ids: Vec<String> = options
        .iter()
        .enumerate()
        .map(|(i, (value, _))| match (i, value.as_str()) {
            (0, _) => id.clone(),
            (_, NO_ANSWER) => format!("{id}-none"),
            (_, v) => format!("{id}-{v}"),
        })
        .collect();
    // The answer "No answer" replaced, with its words and radio id, while
    // "Undo" can put it back.
    let cleared = RwSignal::new(None::<(String, String, String)>);
    // "No answer" shows as chosen only once the client chose it: before
    // that no radio is chosen, so Tab lands on the first answer.
    let chose_none = RwSignal::new(false);
    let earlier = StoredValue::new(
        options
            .iter()
            .zip(&input_ids)
            .map(|((v, w), i)| (v.clone(), w.clone(), i.clone()))
            .collect::<Vec<_>>(),
    );
    let choose = move |value: String| {
        let before = selected.get_untracked();
        let was = (value == NO_ANSWER && before != NO_ANSWER)
            .then(|| earlier.with_value(|e| e.iter().find(|(v, _, _)| *v == before).cloned()))
            .flatten();
        cleared.set(was);
        chose_none.set(value == NO_ANSWER);
        on_change.run(value);
    };
    let name = id.clone();
    let grid = NodeRef::<leptos::html::Div>::new();
    view! {
        <div class="form-group" class:form-group--error=has_error>
            <fieldset class="fieldset" aria-describedby=described_by>
                <legend class=if large {
                    "fieldset__legend fieldset__legend--m"
                } else {
                    "fieldset__legend label label--bold"
                }>{legend}</legend>
                {hint.map(|h| view! { <div class="hint" id=hint_id>{h}</div> })}
                <FieldErrorMessage field=id.clone() message=error />
                <div
                    class=if compact { "radios radios--compact" } else { "radios" }
                    node_ref=grid
                    on:keydown=move |ev| {
                        if compact {
                            move_a_row(&ev, grid);
                        }
                    }
                >
                    {options
                        .into_iter()
                        .zip(input_ids)
                        .map(|((value, words), input_id)| {
                            let v = value.clone();
                            let none = value == NO_ANSWER;
                            view! {
                                <div class="radios__item" class:radios__item--none=none>
                                    <input
                                        class="radios__input"
                                        type="radio"
                                        name=name.clone()
                                        id=input_id.clone()
                                        prop:checked=move || {
                                            selected.with(|s| *s == v) && (v != NO_ANSWER || chose_none.get())
                                        }
                                        on:change=move |_| choose(value.clone())
                                    />
                                    <label class="label radios__label" for=input_id>{words}</label>
                                </div>
                            }
                        })
                        .collect_view()}
                </div>
                {move || cleared.get().map(|(value, words, target)| view! {
                    <p class="choices__undo">
                        <button type="button" class="link-button" on:click=move |_| {
                            cleared.set(None);
                            chose_none.set(false);
                            on_change.run(value.clone());
                            // The button goes: focus the answer put back.
                            page::focus_after_render(target.clone());
                        }>
                            {format!("Undo: put back \u{201c}{words}\u{201d}")}
                        </button>
                    </p>
                })}
            </fieldset>
        </div>
    }
}

/// Up and Down in a grid of small boxes: moves to the box above or below
/// (the nearest in the next row) and chooses it, as Left and Right do
/// along the row. At the top or bottom row the browser's own radio keys
/// apply (the previous or next box).
fn move_a_row(ev: &leptos::ev::KeyboardEvent, grid: NodeRef<leptos::html::Div>) {
    use wasm_bindgen::JsCast;
    let down = match ev.key().as_str() {
        "ArrowDown" => true,
        "ArrowUp" => false,
        _ => return,
    };
    let Some(grid) = grid.get() else { return };
    let Ok(list) = grid.query_selector_all("input[type=radio]") else {
        return;
    };
    let inputs: Vec<web_sys::HtmlInputElement> = (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into().ok())
        .collect();
    let Some(active) = document().active_element() else {
        return;
    };
    let Some(here) = inputs.iter().find(|i| {
        let element: &web_sys::Element = i.as_ref();
        *element == active
    }) else {
        return;
    };
    let at = here.get_bounding_client_rect();
    let middle = |r: &web_sys::DomRect| r.left() + r.width() / 2.0;
    // The nearest row in that direction, then the nearest box in it.
    let mut best: Option<(f64, f64, &web_sys::HtmlInputElement)> = None;
    for input in &inputs {
        let r = input.get_bounding_client_rect();
        let row_gap = if down {
            r.top() - at.bottom()
        } else {
            at.top() - r.bottom()
        };
        if row_gap < -1.0 {
            continue;
        }
        let side_gap = (middle(&r) - middle(&at)).abs();
        if best.is_none_or(|(g, s, _)| (row_gap, side_gap) < (g, s)) {
            best = Some((row_gap, side_gap, input));
        }
    }
    if let Some((_, _, target)) = best {
        ev.prevent_default();
        let _ = target.focus();
        // As the arrow keys do for radios: moving chooses.
        target.click();
    }
}

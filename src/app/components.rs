//! Small building blocks shared by the pages, following the NHS design
//! system's patterns. They hold no business rules.

use leptos::prelude::*;

use super::state::{use_notices, use_status, Tone};
use crate::platform::{page, sw};

/// The id of every page's main heading, which receives focus when the
/// page changes so screen reader users hear where they are.
pub const HEADING_ID: &str = "page-heading";

/// A page: sets the tab title and shows the main heading.
#[component]
pub fn Page(
    /// The heading, also used for the tab title.
    title: String,
    /// A different tab title, where the heading is personal: tab titles
    /// are kept in the browser's history, which others may see.
    #[prop(optional)]
    tab_title: Option<&'static str>,
    /// The page content under the heading.
    children: Children,
) -> impl IntoView {
    page::set_title(tab_title.unwrap_or(&title));
    view! {
        <h1 id=HEADING_ID tabindex="-1">{title}</h1>
        {children()}
    }
}

/// One error in an error summary: the id of the field and the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryError {
    /// The id of the form control the error is about.
    pub target: String,
    /// The message.
    pub message: String,
}

/// The id of the error summary, which receives focus when it appears.
pub const ERROR_SUMMARY_ID: &str = "error-summary";

/// The NHS error summary: a list of problems at the top of the form, each
/// linking to its field. Shown only when there are errors.
#[component]
pub fn ErrorSummary(
    /// The errors to list.
    errors: Signal<Vec<SummaryError>>,
) -> impl IntoView {
    move || {
        let errors = errors.get();
        (!errors.is_empty()).then(|| {
            view! {
                <div
                    class="error-summary"
                    id=ERROR_SUMMARY_ID
                    aria-labelledby="error-summary-title"
                    role="alert"
                    tabindex="-1"
                >
                    <h2 class="error-summary__title" id="error-summary-title">
                        "There is a problem"
                    </h2>
                    <ul class="error-summary__list">
                        {errors
                            .into_iter()
                            .map(|e| {
                                let target = e.target;
                                let href = format!("#{target}");
                                view! {
                                    <li>
                                        <a
                                            href=href
                                            on:click=move |ev| {
                                                // Focus the field itself rather than let
                                                // the router treat "#id" as a page change.
                                                ev.prevent_default();
                                                page::focus_id(&target);
                                            }
                                        >
                                            {e.message}
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </div>
            }
        })
    }
}

/// The errors of a page's forms: shown in the [`ErrorSummary`] at the top
/// and beside each field, with "Error: " added to the tab title while
/// there are any, as the NHS pattern asks.
#[derive(Debug, Clone, Copy)]
pub struct FormErrors {
    list: RwSignal<Vec<SummaryError>>,
}

impl FormErrors {
    /// No errors yet, on a page whose tab title is `tab_title`.
    pub fn new(tab_title: &'static str) -> Self {
        let list = RwSignal::new(Vec::<SummaryError>::new());
        Effect::new(move |was_shown: Option<bool>| {
            let shown = list.with(|l| !l.is_empty());
            // The page set its own title first; only touch it on a change.
            if was_shown.is_some_and(|was| was != shown) || (was_shown.is_none() && shown) {
                let prefix = if shown { "Error: " } else { "" };
                page::set_title(&format!("{prefix}{tab_title}"));
            }
            shown
        });
        FormErrors { list }
    }

    /// Shows `errors` and moves focus to the summary.
    pub fn show(&self, errors: Vec<SummaryError>) {
        self.list.set(errors);
        page::focus_after_render(ERROR_SUMMARY_ID);
    }

    /// Clears every error, after a successful action.
    pub fn clear(&self) {
        if self.list.with_untracked(|l| !l.is_empty()) {
            self.list.set(Vec::new());
        }
    }

    /// The errors, for the summary.
    pub fn summary(&self) -> Signal<Vec<SummaryError>> {
        self.list.into()
    }

    /// The message for the field with id `target`, if it has one.
    pub fn message(&self, target: impl Into<String>) -> Signal<Option<String>> {
        let target = target.into();
        let list = self.list;
        Signal::derive(move || {
            list.with(|l| {
                l.iter()
                    .find(|e| e.target == target)
                    .map(|e| e.message.clone())
            })
        })
    }
}

/// The ids a field's `aria-describedby` names: its hint (`{id}-hint`) if
/// it has one, and its error message (`{id}-error`) while there is one.
pub fn described_by(id: &str, has_hint: bool, has_error: bool) -> Option<String> {
    match (has_hint, has_error) {
        (true, true) => Some(format!("{id}-hint {id}-error")),
        (true, false) => Some(format!("{id}-hint")),
        (false, true) => Some(format!("{id}-error")),
        (false, false) => None,
    }
}

/// The inline error message above a field, NHS style.
#[component]
pub fn FieldErrorMessage(
    /// The id of the field, so the message's id can be linked to it.
    #[prop(into)]
    field: String,
    /// The message, if there is one.
    message: Signal<Option<String>>,
) -> impl IntoView {
    move || {
        message.get().map(|m| {
            view! {
                <span class="error-message" id=format!("{field}-error")>
                    <span class="visually-hidden">"Error: "</span>
                    {m}
                </span>
            }
        })
    }
}

/// A "Back" link that runs `on_back` instead of navigating.
#[component]
pub fn BackLink(on_back: Callback<()>) -> impl IntoView {
    view! {
        <button type="button" class="back-link" on:click=move |_| on_back.run(())>
            "Back"
        </button>
    }
}

/// The notices (load problems, failed saves) at the top of every page.
/// Keyed by id, so a change to one notice never re-inserts the others
/// (which would make screen readers announce them again).
#[component]
pub fn NoticeList() -> impl IntoView {
    let notices = use_notices();
    view! {
        <For each=move || notices.all() key=|n| n.id let:n>
            {
                let id = n.id;
                let (class, role) = match n.tone {
                    Tone::Warning => ("notice notice--warning", "status"),
                    Tone::Error => ("notice notice--error", "alert"),
                };
                view! {
                    <div class=class role=role>
                        <p>{n.message}</p>
                        {(!n.from_save)
                            .then(|| {
                                view! {
                                    <button
                                        type="button"
                                        class="button button--secondary button--small"
                                        on:click=move |_| {
                                            notices.dismiss(id);
                                            // The button is gone: keep focus on the page.
                                            page::focus_after_render(HEADING_ID);
                                        }
                                    >
                                        "OK, hide this message"
                                    </button>
                                }
                            })}
                    </div>
                }
            }
        </For>
    }
}

/// "A new version is ready", with a button to switch to it.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let status = use_status();
    move || {
        status.update_ready.get().then(|| {
            view! {
                <div class="update-banner" role="status">
                    <p>"A new version of Alongside is ready."</p>
                    <button
                        type="button"
                        class="button button--small"
                        on:click=move |_| leptos::task::spawn_local(sw::apply_update())
                    >
                        "Update now"
                    </button>
                </div>
            }
        })
    }
}

/// A labelled text box (or text area) with hint and error, NHS style.
/// With `heading`, the label is the page's main heading, as the NHS
/// "one question per page" pattern does.
#[component]
pub fn TextField(
    /// The input's id, also used for its hint and error ids.
    id: &'static str,
    /// The question.
    label: &'static str,
    /// Extra help under the label.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// Makes the label the page's `h1`.
    #[prop(optional)]
    heading: bool,
    /// A text area rather than a one-line box.
    #[prop(optional)]
    multiline: bool,
    /// The `autocomplete` token, if the browser can help fill it.
    #[prop(optional)]
    autocomplete: Option<&'static str>,
    /// The input type, if not "text" (such as "date").
    #[prop(optional)]
    input_type: Option<&'static str>,
    /// The keyboard a phone should show, such as "numeric".
    #[prop(optional)]
    inputmode: Option<&'static str>,
    /// A narrower box for short answers, as an extra class.
    #[prop(optional)]
    width_class: Option<&'static str>,
    /// The current text.
    value: Signal<String>,
    /// Called with the new text on every keystroke.
    on_input: Callback<String>,
    /// The error to show, if any.
    error: Signal<Option<String>>,
) -> impl IntoView {
    let hint = hint.filter(|h| !h.is_empty());
    let has_error = move || error.with(Option::is_some);
    let described_by = move || described_by(id, hint.is_some(), has_error());
    let label_view = if heading {
        view! {
            <h1 class="label-wrapper" id=HEADING_ID tabindex="-1">
                <label class="label label--l" for=id>
                    {label}
                </label>
            </h1>
        }
        .into_any()
    } else {
        view! {
            <label class="label" for=id>
                {label}
            </label>
        }
        .into_any()
    };
    let control = if multiline {
        view! {
            <textarea
                class="textarea"
                class:textarea--error=has_error
                id=id
                name=id
                rows="5"
                aria-describedby=described_by
                aria-invalid=move || has_error().then_some("true")
                prop:value=value
                on:input=move |ev| on_input.run(event_target_value(&ev))
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                class=format!("input {}", width_class.unwrap_or_default())
                class:input--error=has_error
                id=id
                name=id
                type=input_type.unwrap_or("text")
                inputmode=inputmode
                spellcheck="false"
                autocomplete=autocomplete.unwrap_or("off")
                aria-describedby=described_by
                aria-invalid=move || has_error().then_some("true")
                prop:value=value
                on:input=move |ev| on_input.run(event_target_value(&ev))
            />
        }
        .into_any()
    };
    view! {
        <div class="form-group" class:form-group--error=has_error>
            {label_view}
            {hint.map(|h| view! { <div class="hint" id=format!("{id}-hint")>{h}</div> })}
            <FieldErrorMessage field=id message=error />
            {control}
        </div>
    }
}

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

/// "... deleted", with an Undo button: what follows every deletion the
/// client can take back.
#[component]
pub fn UndoNotice(
    /// The Undo button's id, so focus can be moved to it.
    button_id: &'static str,
    /// Puts the deleted thing back.
    on_undo: Callback<()>,
    /// What was deleted, in a sentence.
    children: Children,
) -> impl IntoView {
    view! {
        <div class="notice notice--success">
            <p>{children()}</p>
            <button
                type="button"
                id=button_id
                class="button button--secondary button--small"
                on:click=move |_| on_undo.run(())
            >
                "Undo"
            </button>
        </div>
    }
}

/// A table of figures that stays readable at any text size: with large
/// text on a small screen each row is stacked and every cell shows its
/// column's heading (the NHS responsive table), so nothing scrolls
/// sideways. The ARIA roles keep it a table for screen readers whichever
/// way it is drawn.
#[component]
pub fn DataTable(
    /// What the table shows, as its caption.
    #[prop(into)]
    caption: String,
    /// The column headings.
    columns: Vec<String>,
    /// The rows, one text for each column.
    rows: Vec<Vec<String>>,
    /// The first cell of each row names the row, as a row heading.
    #[prop(optional)]
    row_headings: bool,
) -> impl IntoView {
    let body = rows
        .into_iter()
        .map(|row| {
            let cells = row
                .into_iter()
                .zip(columns.iter().cloned())
                .enumerate()
                .map(|(i, (text, heading))| {
                    // Drawn by CSS above the cell when rows are stacked (not
                    // read out twice, and not part of the cell's text). An
                    // empty cell has none, so the stacked row hides it.
                    let heading = (!text.is_empty()).then_some(heading);
                    if row_headings && i == 0 {
                        view! { <th scope="row" role="rowheader" data-heading=heading>{text}</th> }
                            .into_any()
                    } else {
                        view! { <td role="cell" data-heading=heading>{text}</td> }.into_any()
                    }
                })
                .collect_view();
            view! { <tr role="row">{cells}</tr> }
        })
        .collect_view();
    view! {
        <table class="table table--responsive" role="table">
            <caption class="table__caption">{caption}</caption>
            <thead role="rowgroup">
                <tr role="row">
                    {columns
                        .into_iter()
                        .map(|c| view! { <th scope="col" role="columnheader">{c}</th> })
                        .collect_view()}
                </tr>
            </thead>
            <tbody role="rowgroup">{body}</tbody>
        </table>
    }
}

/// A line chart: `points` are (x, y), x from 0 to `x_max` (days, or the
/// number of a rating), y scaled as the values are, drawn between `lo`
/// and `hi` with `labels` on the left. Hidden from screen readers: every
/// chart comes with the same figures as text.
#[component]
pub fn LineChart(
    /// The points, oldest first.
    points: Vec<(u32, i32)>,
    /// The largest x.
    x_max: u32,
    /// The value at the bottom.
    lo: i32,
    /// The value at the top.
    hi: i32,
    /// Values to label on the left, with their words.
    labels: Vec<(i32, String)>,
) -> impl IntoView {
    // Whole numbers only: formatting floats would add kilobytes of code.
    const LEFT: i64 = 44;
    const WIDTH: i64 = 248;
    const TOP: i64 = 8;
    const HEIGHT: i64 = 120;
    let span = i64::from(hi - lo).max(1);
    let x = move |v: u32| LEFT + i64::from(v) * WIDTH / i64::from(x_max.max(1));
    let y = move |v: i32| TOP + (i64::from(hi) - i64::from(v.clamp(lo, hi))) * HEIGHT / span;
    let line: Vec<String> = points
        .iter()
        .map(|(px, py)| format!("{},{}", x(*px), y(*py)))
        .collect();
    view! {
        <svg class="chart" viewBox="0 0 300 136" aria-hidden="true" focusable="false">
            {labels
                .into_iter()
                .map(|(v, words)| view! {
                    <line class="chart__grid" x1=LEFT y1=y(v) x2=LEFT + WIDTH y2=y(v) />
                    <text class="chart__label" x="2" y=y(v) + 5>{words}</text>
                })
                .collect_view()}
            <polyline class="chart__line" points=line.join(" ") />
            {(points.len() <= 40)
                .then(|| {
                    points
                        .iter()
                        .map(|(px, py)| view! { <circle class="chart__point" cx=x(*px) cy=y(*py) r="4" /> })
                        .collect_view()
                })}
        </svg>
    }
}

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
                <legend class="fieldset__legend label label--bold">{legend}</legend>
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

/// Opens a `<dialog>` as a modal: the browser moves focus into it, keeps
/// it there, and closes it on Escape.
pub fn open_dialog(dialog: NodeRef<leptos::html::Dialog>) {
    if let Some(d) = dialog.get() {
        let _ = d.show_modal();
    }
}

/// Closes a `<dialog>`; the browser returns focus to what opened it.
pub fn close_dialog(dialog: NodeRef<leptos::html::Dialog>) {
    if let Some(d) = dialog.get() {
        d.close();
    }
}

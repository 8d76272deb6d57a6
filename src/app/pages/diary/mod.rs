//! `/diary` and the pages under it: the condition diary.
//!
//! The rules live in [`crate::model::diary`]; these pages show the diary
//! and call [`DiaryStore`](crate::app::state::DiaryStore) methods. Months
//! are loaded only when shown, so the diary stays quick after ten years.

mod day;
mod examples;
mod fields;
mod measures;

use chrono::{Datelike, Duration, NaiveDate};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

pub use day::{DayPage, QuickCheckIn};
pub use measures::Measures;

use examples::{ExampleNote, Examples, ExamplesShown};

use crate::app::components::{
    DataTable, ErrorSummary, FormErrors, LineChart, Page, SummaryError, TextField,
};
use crate::app::state::{use_diary, DiaryStore};
use crate::model::chart::{Chart, Scale};
use crate::model::diary::{
    daily_trend, last_recorded, monthly_trend, months_for, Figures, LastRecorded, Measure, Month,
    Trend,
};
use crate::model::time::{format_day, iso_day, parse_iso_day, MONTHS};
use crate::platform::{clock, page};

/// The days of the week, as the calendar's columns.
const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The trend periods, in days; 0 means all time.
const RANGES: [(u32, &str); 4] = [
    (7, "7 days"),
    (30, "30 days"),
    (90, "90 days"),
    (0, "All time"),
];

/// `/diary`.
#[component]
pub fn Diary() -> impl IntoView {
    let diary = use_diary();
    let today = clock::today();
    // Reading this month first also repairs its summary if needed, before
    // the page decides whether the diary is empty.
    diary.load_month(Month::of(today));
    let empty = RwSignal::new(diary.is_empty());
    // A first entry fills the diary: show the trends then.
    Effect::new(move |_| {
        if diary.with_index(|i| !i.is_empty()) {
            empty.set(false);
        }
    });
    // Trends show for the client's entries or for examples; the offer of
    // examples only for a diary with neither.
    let shown = move || !empty.get() || diary.has_examples();
    // What adding or removing the examples did, said after it is done.
    let status = RwSignal::new(None::<String>);
    view! {
        <Page title="Your diary".into()>
            <p>
                <a class="button" href=format!("/diary/{}", iso_day(today))>"Fill in today"</a>
            </p>
            <OtherDay />
            <p class="status" role="status" id="examples-status" tabindex="-1">{move || status.get()}</p>
            <Calendar diary=diary today=today />
            <Show when=shown fallback=move || view! { <Examples diary=diary today=today status=status /> }>
                <Trends diary=diary today=today />
            </Show>
            <Show when=move || diary.has_examples()>
                <ExamplesShown diary=diary status=status />
            </Show>
            <h2>"What you record"</h2>
            <p>
                "Your diary asks about your mood, sleep and things that matter for your conditions. "
                <a href="/diary/measures">"Choose what you record"</a>
            </p>
        </Page>
    }
}

/// "Fill in another day": a date box and a button.
#[component]
fn OtherDay() -> impl IntoView {
    let typed = RwSignal::new(String::new());
    let errors = FormErrors::new("Your diary");
    let navigate = use_navigate();
    let go = move |ev: SubmitEvent| {
        ev.prevent_default();
        let message = match parse_iso_day(&typed.get_untracked()) {
            None => "Enter the date of the day, like 3 November",
            Some(d) if d > clock::today() => "The date must be today or in the past",
            Some(d) => {
                errors.clear();
                navigate(&format!("/diary/{}", iso_day(d)), Default::default());
                return;
            }
        };
        errors.show(vec![SummaryError {
            target: "other-day".into(),
            message: message.into(),
        }]);
    };
    view! {
        <ErrorSummary errors=errors.summary() />
        <form novalidate on:submit=go class="other-day">
            <TextField
                id="other-day"
                label="Fill in or change another day"
                input_type="date"
                width_class="input--date"
                bind=typed
                errors=errors
            />
            <button class="button button--secondary" type="submit">"Go to that day"</button>
        </form>
    }
}

/// A month of days, the ones with entries marked, each a link to its day.
#[component]
fn Calendar(diary: DiaryStore, today: NaiveDate) -> impl IntoView {
    let shown = RwSignal::new(Month::of(today));
    diary.load_year(today.year());
    let go = move |to: Month| {
        diary.load_year(to.year);
        shown.set(to);
    };
    let bits = move || {
        let code = shown.get().code();
        diary.with_index(|i| {
            i.months
                .iter()
                .find(|m| m.month == code)
                .map_or(0, |m| m.days)
        })
    };
    // Days showing a made-up example, marked in words and by a dashed
    // outline (not by colour alone).
    let example_bits = move || diary.example_days(shown.get());
    view! {
        <section aria-labelledby="calendar-heading">
            <h2 id="calendar-heading">{move || shown.get().name()}</h2>
            <div class="button-group calendar__nav">
                <button type="button" class="link-button" on:click=move |_| go(shown.get_untracked().previous())>
                    "Previous month"
                </button>
                {move || (shown.get() < Month::of(today)).then(|| view! {
                    <button type="button" class="link-button" on:click=move |_| go(shown.get_untracked().next())>
                        "Next month"
                    </button>
                })}
            </div>
            {move || (example_bits() != 0).then(|| view! {
                <p class="calendar__legend" id="calendar-examples">
                    <span class="tag tag--example">"Example"</span>
                    " Days with a dashed outline hold made-up examples, not your own entries."
                </p>
            })}
            <table class="calendar">
                <caption class="visually-hidden">"Days with diary entries are marked"</caption>
                <thead>
                    <tr>
                        // Three letters, or one at large text; the whole name
                        // for screen readers.
                        {WEEKDAYS
                            .map(|d| view! {
                                <th scope="col">
                                    <span class="calendar__long" aria-hidden="true">{&d[..3]}</span>
                                    <span class="calendar__short" aria-hidden="true">{&d[..1]}</span>
                                    <span class="visually-hidden">{d}</span>
                                </th>
                            })}
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        let month = shown.get();
                        let bits = bits();
                        let examples = example_bits();
                        let first = month.first_day();
                        let lead = first.weekday().num_days_from_monday();
                        let cells: Vec<Option<NaiveDate>> = (0..lead)
                            .map(|_| None)
                            .chain((0..month.days()).map(|d| Some(first + Duration::days(i64::from(d)))))
                            .collect();
                        cells
                            .chunks(7)
                            .map(|week| {
                                view! {
                                    <tr>
                                        {week.iter().map(|cell| day_cell(*cell, bits, examples, today)).collect_view()}
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
        </section>
    }
}

fn day_cell(cell: Option<NaiveDate>, bits: u32, examples: u32, today: NaiveDate) -> AnyView {
    let Some(day) = cell else {
        return view! { <td></td> }.into_any();
    };
    let has = bits & (1 << day.day0()) != 0;
    let example = !has && examples & (1 << day.day0()) != 0;
    let words = format_day(day, today);
    if day > today {
        return view! { <td class="calendar__future">{day.day()}</td> }.into_any();
    }
    let label = if has {
        format!("{words}, has an entry")
    } else if example {
        format!("{words}, made-up example")
    } else {
        format!("{words}, no entry")
    };
    view! {
        <td class:calendar__has=has class:calendar__example=example class:calendar__today=day == today>
            <a href=format!("/diary/{}", iso_day(day)) aria-label=label>{day.day()}</a>
        </td>
    }
    .into_any()
}

/// The average, lowest and highest of a measure over a chosen period, as
/// a chart and in words, with a table of every point.
#[component]
fn Trends(diary: DiaryStore, today: NaiveDate) -> impl IntoView {
    let measures: Vec<Measure> = diary.measures();
    let chosen = RwSignal::new(
        measures
            .iter()
            .find(|m| m.id != "mood")
            .or(measures.first())
            .map(|m| m.id.clone())
            .unwrap_or_default(),
    );
    let range = RwSignal::new(30u32);
    // Load what a period needs before showing it: at most four months,
    // or only the month summaries for all time.
    let choose_range = move |days: u32| {
        if days == 0 {
            diary.load_index();
        } else {
            for m in months_for(days, clock::today()) {
                diary.load_month(m);
            }
        }
        range.set(days);
        page::mark("trend-shown");
    };
    // Months for the longest daily period are read as the page opens, so
    // switching between 7, 30 and 90 days never waits for storage.
    for m in months_for(90, today) {
        diary.load_month(m);
    }
    choose_range(30);
    let all = measures.clone();
    let trend = Memo::new(move |_| {
        let id = chosen.get();
        let days = range.get();
        // The diary's own screen shows the examples too, labelled below.
        if days == 0 {
            monthly_trend(&id, &diary.shown_index())
        } else {
            let ms = diary.shown_months();
            let refs: Vec<_> = ms.iter().map(|(m, d)| (*m, d)).collect();
            daily_trend(&id, days, today, &refs)
        }
    });
    let example_days = Memo::new(move |_| diary.examples_in(range.get(), today));
    // When the measure was last recorded, so an old value says so.
    let last = Memo::new(move |_| {
        let id = chosen.get();
        diary.with_index(|i| {
            diary.with_months(|ms| {
                let refs: Vec<_> = ms.iter().map(|(m, d)| (*m, d)).collect();
                last_recorded(&id, today, &refs, i)
            })
        })
    });
    let measure = move || all.iter().find(|m| m.id == chosen.get()).cloned();
    view! {
        <section aria-labelledby="trends-heading">
            <h2 id="trends-heading">"How things have changed"</h2>
            <div class="form-group">
                <label class="label" for="trend-measure">"Measure"</label>
                <select class="select" id="trend-measure" on:change=move |ev| chosen.set(event_target_value(&ev))>
                    {measures.iter().map(|m| {
                        let id = m.id.clone();
                        view! { <option value=id.clone() selected=id == chosen.get_untracked()>{m.name.clone()}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="button-group range" role="group" aria-label="Period">
                {RANGES.map(|(days, words)| view! {
                    <button
                        type="button"
                        class="button button--secondary button--small"
                        aria-pressed=move || if range.get() == days { "true" } else { "false" }
                        on:click=move |_| choose_range(days)
                    >
                        {words}
                    </button>
                })}
            </div>
            <ExampleNote days=example_days />
            {move || measure().map(|m| view! { <TrendView measure=m trend=trend.get() last=last.get() days=range.get() today=today /> })}
        </section>
    }
}

/// How many days without a reading make a measure's figures old: the
/// diary then says when it was last recorded first.
const STALE_DAYS: u32 = 14;

/// One trend: words, chart and table.
#[component]
fn TrendView(
    measure: Measure,
    trend: Trend,
    last: Option<LastRecorded>,
    days: u32,
    today: NaiveDate,
) -> impl IntoView {
    let stale = last.is_some_and(|l| l.is_stale(today, STALE_DAYS));
    let Some(summary) = trend.summary.clone() else {
        let mut words = format!("No {} readings in this period.", measure.name);
        if let Some(l) = last {
            words.push(' ');
            words.push_str(&l.sentence(today));
        }
        return view! { <p class="trend__summary" id="trend-summary">{words}</p> }.into_any();
    };
    let words = Figures {
        n: summary.n,
        sum: summary.sum,
        lo: summary.lo,
        hi: summary.hi,
        last,
    }
    .words(measure.shown(), stale, today);
    // The chart's axes and points are worked out in model::chart.
    let dated: Vec<(NaiveDate, i32)> = trend
        .points
        .iter()
        .map(|p| (p.from, p.average_x10))
        .collect();
    let scale = Scale::of(&measure.kind);
    let chart = if days == 0 {
        Chart::monthly(&dated, &scale, 1)
    } else {
        Chart::daily(&dated, &scale, 1, today)
    };
    let caption = format!(
        "{}, average for each {}",
        measure.name,
        if days == 0 { "month" } else { "day" }
    );
    // The table is built only when opened: up to 90 rows the client may
    // never look at should not slow down switching periods.
    let open = RwSignal::new(false);
    let for_table = measure.clone();
    let table = move || {
        open.get().then(|| {
            let rows = trend
                .points
                .iter()
                .rev()
                .map(|p| {
                    let when = if days == 0 {
                        format!("{} {}", MONTHS[p.from.month0() as usize], p.from.year())
                    } else {
                        format_day(p.from, today)
                    };
                    let average = average_words(&for_table, p.average_x10, p.count);
                    vec![when, average, p.count.to_string()]
                })
                .collect();
            view! {
                <DataTable
                    caption=caption.clone()
                    columns=vec!["When".into(), "Average".into(), "Readings".into()]
                    rows=rows
                />
            }
        })
    };
    view! {
        <p class="trend__summary" id="trend-summary">{words}</p>
        {chart.map(|chart| view! { <LineChart chart=chart /> })}
        // Open only while its table is drawn: the page redraws this view
        // in place when the measure or period changes, and a details left
        // open from before would show no table.
        <details class="details" prop:open=move || open.get() on:toggle=move |ev| open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
            <summary>"Show the figures as a table"</summary>
            {table}
        </details>
    }
    .into_any()
}

/// A point's average in words, by the one rule for each kind of value:
/// "4.5 out of 10", "14.9 mmol/L", "about Good" ("Good" for one reading).
fn average_words(measure: &Measure, x10: i32, count: u32) -> String {
    measure.shown().average(x10, Some(count))
}

//! The diary in detail: for each measure its figures, a small chart of
//! the weekly averages (with its first and last days, and gaps where
//! nothing was recorded), a table of the same, every reading when shared;
//! then the diary notes.

use leptos::prelude::*;

use crate::app::components::{DataTable, LineChart};
use crate::model::time::{format_day, format_time};
use crate::share::summary::Summary;

/// One measure.
#[component]
fn MeasureDetail(
    /// The summary it is in.
    summary: Summary,
    /// Which of its measures.
    index: usize,
) -> impl IntoView {
    let today = crate::platform::clock::today();
    let s = summary;
    let m = s.measures[index].clone();
    let day = |d| format_day(d, today);
    let figures = s.figures(&m, today);
    let chart = (m.weeks.len() > 1)
        .then(|| s.measure_chart(&m, today))
        .flatten()
        .map(|chart| view! { <LineChart chart=chart /> });
    let rows = m
        .weeks
        .iter()
        .map(|(w, v)| vec![day(s.week_start(&m, *w)), m.show_average(*v)])
        .collect::<Vec<_>>();
    let readings = (!m.readings.is_empty()).then(|| {
        let rows = m
            .readings
            .iter()
            .map(|(d, t, v)| {
                vec![
                    day(s.day(*d)),
                    t.map(format_time).unwrap_or_default(),
                    m.show(*v),
                ]
            })
            .collect();
        view! {
            <details class="details">
                <summary>{format!("Every {} reading", m.name)}</summary>
                <DataTable
                    caption=format!("{}, every reading", m.name)
                    columns=vec!["Day".into(), "Time".into(), "Reading".into()]
                    rows=rows
                />
            </details>
        }
    });
    view! {
        <li class="summary__measure">
            <h4 class="heading-s" id=format!("summary-measure-{index}")>{m.name.clone()}</h4>
            <p>{figures}</p>
            <div class="summary__figures">
                {chart}
                {(!m.weeks.is_empty()).then(|| view! {
                    <DataTable
                        caption=format!("{}: average each week", m.name)
                        columns=vec!["Week starting".into(), "Average".into()]
                        rows=rows
                    />
                })}
            </div>
            {readings}
        </li>
    }
}

/// The section, if measures or notes were shared.
#[component]
pub fn Diary(
    /// The summary.
    summary: Summary,
) -> impl IntoView {
    let today = crate::platform::clock::today();
    let s = summary;
    let measures = (!s.measures.is_empty()).then(|| {
        let items = (0..s.measures.len())
            .map(|i| view! { <MeasureDetail summary=s.clone() index=i /> })
            .collect_view();
        view! {
            <section aria-labelledby="summary-diary">
                <h3 class="heading-m" id="summary-diary">"Diary"</h3>
                <ul class="summary__list summary__list--measures">{items}</ul>
                <super::weekly::WeeklyFigures summary=s.clone() />
            </section>
        }
    });
    let notes = (!s.notes.is_empty()).then(|| {
        view! {
            <section aria-labelledby="summary-notes">
                <h3 class="heading-m" id="summary-notes">"Diary notes"</h3>
                <ul class="summary__notes">
                    {s.notes.iter().map(|(d, t)| view! {
                        <li><strong>{format_day(s.day(*d), today)}": "</strong><span class="preserve-lines">{t.clone()}</span></li>
                    }).collect_view()}
                </ul>
            </section>
        }
    });
    view! { {measures} {notes} }
}

//! [`LineChart`]: a small line chart, hidden from screen readers (the
//! figures always come as text beside it). What it shows is worked out in
//! [`crate::model::chart`]; this only draws it: the lines and dots in an
//! SVG stretched to its box, the labels as HTML beside and under it, so
//! they grow with the text size.

use leptos::prelude::*;

use crate::model::chart::Chart;

/// Thousandths as a CSS percentage: 275 is "27.5%". Whole numbers only:
/// formatting floats would add kilobytes of code.
fn percent(t: i32) -> String {
    let t = t.clamp(0, 1000);
    format!("{}.{}%", t / 10, t % 10)
}

/// A line chart of `chart`: values labelled on the left, dates under it,
/// the first of each month marked. Positions are set through the style
/// object, which the content security policy allows (a `style` attribute
/// it would not).
#[component]
pub fn LineChart(
    /// What to draw.
    chart: Chart,
) -> impl IntoView {
    let lines = chart
        .runs()
        .into_iter()
        .filter(|run| run.len() > 1)
        .map(|run| {
            let points = run
                .iter()
                .map(|p| {
                    let (x, y) = chart.place(*p);
                    format!("{x},{y}")
                })
                .collect::<Vec<_>>()
                .join(" ");
            view! { <polyline class="chart__line" points=points vector-effect="non-scaling-stroke" /> }
        })
        .collect_view();
    // A dot is a line of no length with round ends: it stays round when
    // the drawing is stretched.
    let dots = chart
        .dots()
        .into_iter()
        .map(|p| {
            let (x, y) = chart.place(p);
            view! { <path class="chart__point" d=format!("M{x} {y}h0") vector-effect="non-scaling-stroke" /> }
        })
        .collect_view();
    let grid = chart
        .values
        .ticks
        .iter()
        .map(|(v, _)| {
            let y = chart.values.down(*v);
            view! { <line class="chart__grid" x1="0" y1=y x2="1000" y2=y vector-effect="non-scaling-stroke" /> }
        })
        .collect_view();
    let marks = chart
        .time
        .months
        .iter()
        .map(|(at, _)| {
            let x = chart.time.across(*at);
            view! { <line class="chart__mark" x1=x y1="0" x2=x y2="1000" vector-effect="non-scaling-stroke" /> }
        })
        .collect_view();
    let values = chart
        .values
        .ticks
        .iter()
        .map(|(v, words)| {
            view! { <span class="chart__label chart__value" style:top=percent(chart.values.down(*v))>{words.clone()}</span> }
        })
        .collect_view();
    let months = chart.time.months_fit().map(|fit| {
        let labels = chart
            .time
            .months
            .iter()
            .filter(|(_, words)| !words.is_empty())
            .map(|(at, words)| {
                view! { <span class="chart__label chart__month" style:left=percent(chart.time.across(*at))>{words.clone()}</span> }
            })
            .collect_view();
        view! { <div class=format!("chart__months chart__months--{fit}")><div class="chart__months-in">{labels}</div></div> }
    });
    let one_day = chart.time.last.is_none();
    let dates = view! {
        <div class="chart__dates" class:chart__dates--one=one_day>
            <span class="chart__label">{chart.time.first.clone()}</span>
            {chart.time.last.clone().map(|last| view! { <span class="chart__label">{last}</span> })}
        </div>
    };
    view! {
        <div class="chart" aria-hidden="true">
            <div class="chart__body">
                <div class="chart__values">{values}</div>
                <div class="chart__plot">
                    <svg class="chart__svg" viewBox="0 0 1000 1000" preserveAspectRatio="none" focusable="false">
                        {grid}
                        {marks}
                        {lines}
                        {dots}
                    </svg>
                </div>
                {months}
                {dates}
            </div>
        </div>
    }
}

//! [`LineChart`]: a small line chart drawn as SVG, hidden from screen
//! readers (the figures always come as text beside it).

use leptos::prelude::*;

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

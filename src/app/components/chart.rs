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
    /// The first and last day the x axis covers, in words, shown under
    /// its two ends.
    #[prop(optional)]
    dates: Option<(String, String)>,
    /// The largest step in x that is joined by a line: points further
    /// apart are a gap in the readings and are left unjoined, so the line
    /// covers only the times something was recorded. Every point is joined
    /// when not given.
    #[prop(optional)]
    gap: Option<u32>,
) -> impl IntoView {
    // Whole numbers only: formatting floats would add kilobytes of code.
    // The left margin fits the longest label (about 8 units a letter).
    let widest = labels
        .iter()
        .map(|(_, w)| w.chars().count())
        .max()
        .unwrap_or(0);
    let left = (widest as i64 * 8 + 8).clamp(28, 90);
    let width = 292 - left;
    const TOP: i64 = 8;
    const HEIGHT: i64 = 120;
    let below = if dates.is_some() { 22 } else { 0 };
    let span = i64::from(hi - lo).max(1);
    let x = move |v: u32| left + i64::from(v) * width / i64::from(x_max.max(1));
    let y = move |v: i32| TOP + (i64::from(hi) - i64::from(v.clamp(lo, hi))) * HEIGHT / span;
    // One line for each run of points close enough to join.
    let mut runs: Vec<Vec<String>> = Vec::new();
    let mut last_x: Option<u32> = None;
    for (px, py) in &points {
        let joined = last_x.is_some_and(|lx| gap.is_none_or(|g| px.saturating_sub(lx) <= g));
        if !joined {
            runs.push(Vec::new());
        }
        if let Some(run) = runs.last_mut() {
            run.push(format!("{},{}", x(*px), y(*py)));
        }
        last_x = Some(*px);
    }
    let bottom = TOP + HEIGHT;
    view! {
        <svg class="chart" viewBox=format!("0 0 300 {}", bottom + 8 + below) aria-hidden="true" focusable="false">
            {labels
                .into_iter()
                .map(|(v, words)| view! {
                    <line class="chart__grid" x1=left y1=y(v) x2=left + width y2=y(v) />
                    <text class="chart__label" x="2" y=y(v) + 5>{words}</text>
                })
                .collect_view()}
            {dates.map(|(first, last)| view! {
                <text class="chart__label" x="2" y=bottom + 26>{first}</text>
                <text class="chart__label" x="298" y=bottom + 26 text-anchor="end">{last}</text>
            })}
            {runs
                .into_iter()
                .filter(|run| run.len() > 1)
                .map(|run| view! { <polyline class="chart__line" points=run.join(" ") /> })
                .collect_view()}
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

//! The wellbeing check-ins in detail: each question's starting point and
//! latest answer, and every check-in in the period.

use leptos::prelude::*;

use crate::app::components::DataTable;
use crate::model::time::format_day;
use crate::model::wellbeing::Question;
use crate::share::summary::Summary;

/// An answer, or "Prefer not to say".
fn answer(a: Option<u8>) -> String {
    a.map_or_else(|| "Prefer not to say".into(), |v| v.to_string())
}

/// The section, if check-ins were shared.
#[component]
pub fn WellbeingDetail(
    /// The summary.
    summary: Summary,
) -> impl IntoView {
    let today = crate::platform::clock::today();
    let s = summary;
    let day = |offset: i32| format_day(s.day(offset), today);
    s.wellbeing.clone().map(|w| {
        let (latest_day, latest) = w.latest();
        let rows = Question::ALL
            .iter()
            .enumerate()
            .map(|(i, q)| {
                let change = match (w.start.1[i], latest[i]) {
                    (Some(a), Some(b)) if latest_day != w.start.0 => q.change(a, b),
                    _ => String::new(),
                };
                vec![
                    format!(
                        "{}{}",
                        q.short(),
                        if q.higher_is_better() { "" } else { " (lower is better)" }
                    ),
                    answer(w.start.1[i]),
                    answer(latest[i]),
                    change,
                ]
            })
            .collect::<Vec<_>>();
        let all = (w.in_period.len() > 1).then(|| {
            let rows = w
                .in_period
                .iter()
                .map(|(d, a)| std::iter::once(day(*d)).chain(a.iter().map(|v| answer(*v))).collect())
                .collect();
            view! {
                <details class="details">
                    <summary>"Every check-in in this period"</summary>
                    <DataTable
                        caption="Every check-in in this period, 0 to 10"
                        columns=std::iter::once("Day".to_string())
                            .chain(Question::ALL.iter().map(|q| q.short().to_string()))
                            .collect()
                        rows=rows
                    />
                </details>
            }
        });
        view! {
            <section aria-labelledby="summary-wellbeing">
                <h3 class="heading-m" id="summary-wellbeing">"Wellbeing check-ins"</h3>
                <p>"The four questions of the Office for National Statistics, each answered from 0 to 10."</p>
                <DataTable
                    caption=format!("Starting point ({}) and latest ({})", day(w.start.0), day(latest_day))
                    columns=vec!["Question".into(), "Starting point".into(), "Latest".into(), "Change".into()]
                    rows=rows
                    row_headings=true
                />
                {all}
            </section>
        }
    })
}

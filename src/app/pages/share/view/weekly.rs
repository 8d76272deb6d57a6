//! Every measure's weekly averages in one table, for print: a row a week
//! and a column a measure, so a long period's figures take a few lines of
//! paper rather than a table each. On screen each measure keeps its own.

use leptos::prelude::*;

use crate::app::components::DataTable;
use crate::model::time::format_day;
use crate::share::summary::Summary;

/// The table, shown only when printed; nothing when no measure has weekly
/// averages.
#[component]
pub fn WeeklyFigures(
    /// The summary.
    summary: Summary,
) -> impl IntoView {
    let today = crate::platform::clock::today();
    let rows = summary.weekly_rows();
    (!rows.is_empty()).then(|| {
        let columns = std::iter::once("Week starting".to_string())
            .chain(summary.measures.iter().map(|m| m.name.clone()))
            .collect();
        let rows = rows
            .into_iter()
            .map(|r| {
                std::iter::once(format_day(r.starts, today))
                    .chain(r.averages.into_iter().map(|a| a.unwrap_or_default()))
                    .collect()
            })
            .collect();
        view! {
            <div class="summary__weekly print-only">
                <DataTable caption="The diary: average each week" columns=columns rows=rows row_headings=true />
            </div>
        }
    })
}

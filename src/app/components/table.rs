//! [`DataTable`]: a table of figures that stacks its rows at large text.

use leptos::prelude::*;

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

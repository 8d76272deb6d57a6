//! Spreadsheet files of the diary, goals and appointments.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::state::DataTools;
use crate::store::export::Export;

/// Spreadsheet files of the diary, goals and appointments.
#[component]
pub(super) fn Exports(tools: DataTools) -> impl IntoView {
    let said = RwSignal::new(String::new());
    let export = move |what: Export| spawn_local(async move { said.set(tools.export(what).await) });
    view! {
        <section aria-labelledby="export-heading" class="my-data__section">
            <h2 class="heading-m" id="export-heading">"Open your information in a spreadsheet"</h2>
            <p>
                "These files open in Excel, Google Sheets or Numbers. They are not backups: "
                "Alongside cannot read them back."
            </p>
            <div class="button-group">
                <button type="button" class="button button--secondary" on:click=move |_| export(Export::Diary)>
                    "Diary spreadsheet"
                </button>
                <button type="button" class="button button--secondary" on:click=move |_| export(Export::Goals)>
                    "Goals spreadsheet"
                </button>
                <button type="button" class="button button--secondary" on:click=move |_| export(Export::Appointments)>
                    "Appointments spreadsheet"
                </button>
            </div>
            <p class="status-line" role="status">{said}</p>
        </section>
    }
}

//! The helpful 404.

use leptos::prelude::*;

use crate::app::components::Page;
use crate::app::lazy::Drawn;

/// Shown for any address the app does not have.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <Page title="Page not found".into()>
            <p>"If you typed the web address, check it is correct."</p>
            <p>"If you pasted the web address, check you copied the entire address."</p>
            <p>"Your information is safe: nothing has been lost."</p>
            <p>
                <a href="/">"Go to Today"</a>
            </p>
        </Page>
        <Drawn />
    }
}

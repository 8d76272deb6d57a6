//! Routes whose features arrive in later work. Each says, in one plain
//! sentence, what will be there; none shows made-up data.

use leptos::prelude::*;

use crate::app::components::Page;

/// A page that says what it will hold.
#[component]
fn Coming(title: &'static str, what: &'static str) -> impl IntoView {
    view! {
        <Page title=title.into()>
            <p>{what}</p>
        </Page>
    }
}

/// `/share`.
#[component]
pub fn Share() -> impl IntoView {
    view! {
        <Coming
            title="Share with your link worker"
            what="Here you will choose what to share with your link worker, see exactly what they will see, and then share it."
        />
    }
}

/// `/review`: for a link worker opening a summary a client shared. It
/// works without set-up, because it may open on the link worker's device.
#[component]
pub fn Review() -> impl IntoView {
    view! {
        <Coming
            title="Review a shared summary"
            what="Here a link worker will open a summary that a client has shared with them, without saving it."
        />
    }
}

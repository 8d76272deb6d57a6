//! Routes whose features arrive in later work. Each says, in one plain
//! sentence, what will be there; none shows made-up data.

use leptos::prelude::*;

use crate::app::components::Page;

/// `/goals`.
#[component]
pub fn Goals() -> impl IntoView {
    view! {
        <Page title="Your goals".into()>
            <p>"Here you will write goals in your own words, break them into small steps and see how close you feel to them."</p>
        </Page>
    }
}

/// `/diary`.
#[component]
pub fn Diary() -> impl IntoView {
    view! {
        <Page title="Your diary".into()>
            <p>"Here you will record how you are each day, for each of your conditions, and see how things change over time."</p>
        </Page>
    }
}

/// `/appointments`.
#[component]
pub fn Appointments() -> impl IntoView {
    view! {
        <Page title="Your appointments".into()>
            <p>"Here you will keep your appointments and groups, with reminders and what to bring."</p>
        </Page>
    }
}

/// `/check-in`.
#[component]
pub fn CheckIn() -> impl IntoView {
    view! {
        <Page title="How are you feeling?".into()>
            <p>"Here you will answer four short questions about your wellbeing, whenever it suits you."</p>
        </Page>
    }
}

/// `/share`.
#[component]
pub fn Share() -> impl IntoView {
    view! {
        <Page title="Share with your link worker".into()>
            <p>"Here you will choose what to share with your link worker, see exactly what they will see, and then share it."</p>
        </Page>
    }
}

/// `/review`: for a link worker opening a summary a client shared. It
/// works without set-up, because it may open on the link worker's device.
#[component]
pub fn Review() -> impl IntoView {
    view! {
        <Page title="Review a shared summary".into()>
            <p>"Here a link worker will open a summary that a client has shared with them, without saving it."</p>
        </Page>
    }
}

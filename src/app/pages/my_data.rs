//! `/my-data`: the client's details and what is stored on this phone.

use leptos::prelude::*;

use crate::app::components::Page;
use crate::app::state::{use_profile, use_status};
use crate::platform::persist::Persistence;

/// Details, and the health of the storage that holds them.
#[component]
pub fn MyData() -> impl IntoView {
    let profile = use_profile();
    let status = use_status();
    // Confirm a save once; leaving the page clears it.
    let just_saved = status.details_saved;
    on_cleanup(move || just_saved.set(false));
    let details = move || {
        profile.get().map(|p| {
            let conditions = p
                .conditions
                .iter()
                .map(|c| c.label().to_string())
                .collect::<Vec<_>>()
                .join(", ");
            let or_not_given = |t: Option<String>| t.unwrap_or_else(|| "Not given".into());
            view! {
                <dl class="summary-list">
                    <div class="summary-list__row">
                        <dt class="summary-list__key">"Name"</dt>
                        <dd class="summary-list__value">{or_not_given(p.preferred_name.clone())}</dd>
                    </div>
                    <div class="summary-list__row">
                        <dt class="summary-list__key">"Conditions"</dt>
                        <dd class="summary-list__value">{conditions}</dd>
                    </div>
                    <div class="summary-list__row">
                        <dt class="summary-list__key">"Link worker"</dt>
                        <dd class="summary-list__value">{or_not_given(p.link_worker.name.clone())}</dd>
                    </div>
                    <div class="summary-list__row">
                        <dt class="summary-list__key">"How to contact them"</dt>
                        <dd class="summary-list__value">{or_not_given(p.link_worker.contact.clone())}</dd>
                    </div>
                    <div class="summary-list__row">
                        <dt class="summary-list__key">"What matters to you"</dt>
                        <dd class="summary-list__value preserve-lines">{p.what_matters.clone()}</dd>
                    </div>
                </dl>
            }
        })
    };
    let persistence = move || {
        match status.persistence.get() {
        Some(Persistence::Persistent) => {
            "Your browser has agreed to keep Alongside's information, even if the phone runs short of space."
        }
        Some(Persistence::BestEffort) => {
            "Your browser may clear Alongside's information if the phone runs short of space. Installing the app on your home screen makes this less likely."
        }
        Some(Persistence::Unknown) | None => {
            "Your browser has not said whether it will keep Alongside's information if the phone runs short of space."
        }
    }
    };
    let quarantined = move || {
        let n = status.quarantined.get();
        (n > 0).then(|| {
            let items = if n == 1 { "1 item".to_string() } else { format!("{n} items") };
            view! {
                <p>
                    {format!(
                        "{items} of saved information could not be read, so a copy was kept aside on this phone. Nothing has been deleted.",
                    )}
                </p>
            }
        })
    };
    view! {
        <Page title="My data".into()>
            {move || {
                just_saved
                    .get()
                    .then(|| {
                        view! {
                            <div class="notice notice--success" role="status">
                                <p>"Your details have been saved."</p>
                            </div>
                        }
                    })
            }}
            <h2 class="heading-m">"Your details"</h2>
            {details}
            {move || {
                (!profile.is_read_only())
                    .then(|| {
                        view! {
                            <p>
                                <a class="button button--secondary" href="/my-data/details">
                                    "Change your details"
                                </a>
                            </p>
                        }
                    })
            }}
            <h2 class="heading-m">"Where your information is kept"</h2>
            <p>"Everything you enter is saved in this browser on this phone. It is not sent anywhere."</p>
            <p>{persistence}</p>
            {quarantined}
            <p>"Making a backup, restoring one and deleting everything will be added to this page."</p>
        </Page>
    }
}

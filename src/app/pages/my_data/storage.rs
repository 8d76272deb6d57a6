//! "Where your information is kept": how much is stored, whether the
//! browser will keep it, and the last backup.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::moment;
use crate::app::state::{use_status, BackupState, DataTools};
use crate::platform::persist::Persistence;
use crate::platform::storage;

/// "12 KB", "1.4 MB", "10 GB": sizes in words a client can follow.
fn size(bytes: f64) -> String {
    const GB: f64 = 1024.0 * 1024.0 * 1024.0;
    if bytes >= GB {
        format!("{} GB", (bytes / GB).round() as u64)
    } else if bytes < 1024.0 * 1024.0 {
        format!("{} KB", ((bytes / 1024.0).ceil() as u64).max(1))
    } else {
        let tenths = (bytes / (1024.0 * 1024.0) * 10.0).round() as u64;
        format!("{}.{} MB", tenths / 10, tenths % 10)
    }
}

/// How much is stored, whether the browser will keep it, and the last
/// backup.
#[component]
pub(super) fn StorageHealth(tools: DataTools) -> impl IntoView {
    let status = use_status();
    let ours = tools.local_bytes();
    let estimate = RwSignal::new(None::<(f64, f64)>);
    spawn_local(async move { estimate.set(storage::estimate().await) });
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
    let last = move || {
        match tools.backup_state() {
        BackupState::Made(at) => format!("Your last backup on this phone was made on {}.", moment(at)),
        BackupState::Restored(at) => format!(
            "Your information was restored from a backup made on {}. You have not made a backup on this phone since.",
            moment(at)
        ),
        BackupState::Never => "You have not made a backup yet.".into(),
    }
    };
    view! {
        <section aria-labelledby="kept-heading" class="my-data__section">
            <h2 class="heading-m" id="kept-heading">"Where your information is kept"</h2>
            <p>"Everything you enter is saved in this browser on this phone. It is not sent anywhere."</p>
            <p>{persistence}</p>
            <p>{format!("Your information takes up {} on this phone.", size(ours as f64))}</p>
            {move || estimate.get().filter(|(_, quota)| *quota > 0.0).map(|(usage, quota)| view! {
                <p>{format!("Altogether this site uses {} of the {} the browser allows it.", size(usage), size(quota))}</p>
            })}
            <p>{last}</p>
            {quarantined}
        </section>
    }
}

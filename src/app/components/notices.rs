//! The notices at the top of every page, "A new version is ready", and
//! the "Undo" notice after a deletion.

use leptos::prelude::*;

use super::HEADING_ID;
use crate::app::state::{use_notices, use_status, Tone};
use crate::platform::{page, sw};

/// The notices (load problems, failed saves) at the top of every page.
/// Keyed by id, so a change to one notice never re-inserts the others
/// (which would make screen readers announce them again).
#[component]
pub fn NoticeList() -> impl IntoView {
    let notices = use_notices();
    view! {
        <For each=move || notices.all() key=|n| n.id let:n>
            {
                let id = n.id;
                let (class, role) = match n.tone {
                    Tone::Warning => ("notice notice--warning", "status"),
                    Tone::Error => ("notice notice--error", "alert"),
                };
                view! {
                    <div class=class role=role>
                        <p>{n.message}</p>
                        {(!n.from_save)
                            .then(|| {
                                view! {
                                    <button
                                        type="button"
                                        class="button button--secondary button--small"
                                        on:click=move |_| {
                                            notices.dismiss(id);
                                            // The button is gone: keep focus on the page.
                                            page::focus_after_render(HEADING_ID);
                                        }
                                    >
                                        "OK, hide this message"
                                    </button>
                                }
                            })}
                    </div>
                }
            }
        </For>
    }
}

/// "A new version is ready", with a button to switch to it.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let status = use_status();
    move || {
        status.update_ready.get().then(|| {
            view! {
                <div class="update-banner" role="status">
                    <p>"A new version of Alongside is ready."</p>
                    <button
                        type="button"
                        class="button button--small"
                        on:click=move |_| leptos::task::spawn_local(sw::apply_update())
                    >
                        "Update now"
                    </button>
                </div>
            }
        })
    }
}

/// "... deleted", with an Undo button: what follows every deletion the
/// client can take back.
#[component]
pub fn UndoNotice(
    /// The Undo button's id, so focus can be moved to it.
    button_id: &'static str,
    /// Puts the deleted thing back.
    on_undo: Callback<()>,
    /// What was deleted, in a sentence.
    children: Children,
) -> impl IntoView {
    view! {
        <div class="notice notice--success">
            <p>{children()}</p>
            <button
                type="button"
                id=button_id
                class="button button--secondary button--small"
                on:click=move |_| on_undo.run(())
            >
                "Undo"
            </button>
        </div>
    }
}

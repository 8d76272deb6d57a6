//! `/share`: the client chooses what to share, sees exactly what the link
//! worker will see, and shares it directly: on screen, as a link (with a
//! passphrase if they like), a QR code, a file or a print. `/review`: the
//! link worker's side.
//!
//! One file a part: `choose` (the form), `ways` (the ways to share a
//! previewed summary), `log` (what was shared), `view` (the summary as
//! the link worker sees it), `review` (the link worker's page),
//! `review_start` (its first screen, from the app's main file) and
//! `passphrase_form` (the protected link's form both of those show). Every
//! operation is a method of [`ShareTools`](crate::app::state::ShareTools).

mod choose;
mod log;
mod passphrase_form;
mod review;
mod review_start;
pub(crate) mod view;
mod ways;

pub use review::Review;
pub use review_start::ReviewStart;
pub use view::SummaryView;

use leptos::prelude::*;

use crate::app::components::{ErrorSummary, FormErrors, Page, SummaryError, HEADING_ID};
use crate::app::state::use_share_tools;
use crate::platform::page;
use crate::share::choices::ShareField;
use crate::share::summary::Summary;
use choose::ShareChoices;
use log::ShareLogView;
use ways::{QuickWays, WaysToShare};

/// The id of the form control a problem with `field` is about.
fn target(field: ShareField) -> &'static str {
    match field {
        ShareField::Period => "share-period",
        ShareField::From => "share-from",
        ShareField::To => "share-to",
    }
}

/// The share page.
#[component]
pub fn Share() -> impl IntoView {
    let tools = use_share_tools();
    let errors = FormErrors::new("Share with your link worker");
    let form = RwSignal::new(tools.new_form());
    let preview = RwSignal::new(None::<Summary>);
    let showing = RwSignal::new(false);

    // Any change to the choices makes the preview out of date: the client
    // must see what will be shared before it is shared.
    Effect::new(move |first: Option<()>| {
        form.track();
        if first.is_some() {
            preview.set(None);
        }
    });

    let make_preview = move || match tools.preview(&form.get_untracked()) {
        Ok(summary) => {
            errors.clear();
            preview.set(Some(summary));
            page::focus_after_render("preview-heading");
        }
        Err((field, message)) => {
            errors.show(vec![SummaryError {
                target: target(field).into(),
                message,
            }]);
        }
    };

    // "Done" above the summary shown on this screen and again below it,
    // back to the share page, where the client was.
    let done = move || {
        view! {
            <p class="no-print">
                <button
                    type="button"
                    class="button"
                    on:click=move |_| {
                        showing.set(false);
                        page::focus_after_render("share-on-screen");
                    }
                >
                    "Done"
                </button>
            </p>
        }
    };

    view! {
        <Show
            when=move || !showing.get()
            fallback=move || {
                view! {
                    <div class="share-screen">
                        <h1 id=HEADING_ID tabindex="-1">"Your summary"</h1>
                        {done()}
                        {move || preview.get().map(|s| view! { <SummaryView summary=s /> })}
                        {done()}
                    </div>
                }
            }
        >
            <Page title="Share with your link worker".into()>
                <ErrorSummary errors=errors.summary() />
                <div class="share-page">
                    <p class="no-print">
                        "Choose what to share. You will see it all before anything leaves your phone."
                    </p>
                    <ShareChoices form=form errors=errors on_preview=Callback::new(move |_| make_preview()) />
                    {move || preview.get().map(|s| {
                        let empty = s.is_empty();
                        let shown = s.clone();
                        let quick = s.clone();
                        let on_show = Callback::new(move |_| {
                            showing.set(true);
                            page::focus_after_render(HEADING_ID);
                        });
                        view! {
                            <section class="preview" aria-labelledby="preview-heading">
                                <h2 class="heading-l no-print" id="preview-heading" tabindex="-1">"Preview"</h2>
                                <p class="no-print">"This is what you are sharing. Your link worker sees the same, written about you. The ways to share it are here and below it."</p>
                                {(!empty).then(|| view! { <QuickWays summary=quick on_show=on_show /> })}
                                <div class="preview__frame">
                                    <SummaryView summary=shown for_client=true />
                                </div>
                            </section>
                            {(!empty).then(|| view! { <WaysToShare summary=s errors=errors on_show=on_show /> })}
                        }
                    })}
                    <ShareLogView />
                </div>
            </Page>
        </Show>
    }
}

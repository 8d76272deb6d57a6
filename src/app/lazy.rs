//! Pages whose code arrives with them: each page (or group of pages) is a
//! split point, so the first visit downloads the shell and the first
//! screen only, and every other page's code (and the code of the records
//! and rules only it uses) is fetched the first time it opens. The build
//! splits the app at these points (`scripts/build.mjs`).
//!
//! A chunk that cannot be fetched (offline before the app's files were
//! all saved, or a new version deployed in between) shows a plain message
//! with "Try again", never a blank page: the split points are `fallible`,
//! and a failed fetch is not remembered, so trying again fetches afresh.

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;
use send_wrapper::SendWrapper;

use super::components::{Page, HEADING_ID};
use crate::platform::page;

/// A page's chunk could not be fetched.
#[derive(Debug, Clone)]
pub struct ChunkFailed;

impl From<leptos::wasm_split::SplitLoaderError> for ChunkFailed {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkFailed
    }
}

/// What a split point gives: the page, once its chunk is here.
pub type PageFuture = Pin<Box<dyn Future<Output = Result<AnyView, ChunkFailed>>>>;

/// Declares `$name`, a function that fetches the chunk `$chunk` (if it is
/// not here yet) and then draws `$view`, which may use the arguments.
/// Pages that are opened together share a chunk, so no page waits for more
/// than a few files.
#[macro_export]
macro_rules! lazy_page {
    ($(#[$doc:meta])* $name:ident($($arg:ident: $ty:ty),*) in $chunk:ident => $view:expr) => {
        $(#[$doc])*
        pub fn $name($($arg: $ty),*) -> $crate::app::lazy::PageFuture {
            #[::leptos::wasm_split::wasm_split(
                $chunk,
                wasm_split_path = ::leptos::wasm_split,
                fallible
            )]
            fn split($($arg: $ty),*) -> ::std::result::Result<
                ::leptos::prelude::AnyView,
                $crate::app::lazy::ChunkFailed,
            > {
                use ::leptos::prelude::IntoAny;
                Ok($view.into_any())
            }
            ::std::boxed::Box::pin(split($($arg),*))
        }
    };
}

/// Declares `$name`, a function that fetches the chunk `$chunk` in the
/// background without drawing anything: called once a first screen that
/// is in the main file is up, so the chunk its next step needs is here
/// by the time the person has read or typed, even if the signal drops
/// meanwhile. A failed fetch is not remembered: the page that needs the
/// chunk fetches it again, and says so if it cannot.
#[macro_export]
macro_rules! chunk_fetcher {
    ($(#[$doc:meta])* $name:ident in $chunk:ident) => {
        $(#[$doc])*
        pub fn $name() {
            #[::leptos::wasm_split::wasm_split(
                $chunk,
                wasm_split_path = ::leptos::wasm_split,
                fallible
            )]
            fn here() -> ::std::result::Result<(), $crate::app::lazy::ChunkFailed> {
                Ok(())
            }
            ::leptos::task::spawn_local(async {
                let _ = ::send_wrapper::SendWrapper::new(here()).await;
            });
        }
    };
}

/// `f`, as the page [`Lazy`] draws.
pub fn page(f: fn() -> PageFuture) -> Callback<(), PageFuture> {
    Callback::new(move |()| f())
}

/// Draws the page `load` gives once its chunk is here: the calm
/// "Opening…" line meanwhile (as the first screen from the HTML says),
/// and a plain message with "Try again" if the chunk cannot be fetched.
#[component]
pub fn Lazy(
    /// The split point of the page (see [`lazy_page!`] and [`page`]).
    load: Callback<(), PageFuture>,
) -> impl IntoView {
    let attempt = RwSignal::new(0u32);
    let page = move || {
        let tries = attempt.get();
        Suspend::new(SendWrapper::new(async move {
            match load.run(()).await {
                Ok(view) => {
                    if tries > 0 {
                        // It came this time: a screen reader hears the page.
                        page::focus_after_render(HEADING_ID);
                    }
                    view! { {view} <Drawn /> }.into_any()
                }
                Err(ChunkFailed) => view! {
                    <CouldNotOpen on_retry=Callback::new(move |_| attempt.update(|n| *n += 1)) />
                }
                .into_any(),
            }
        }))
    };
    view! { <Suspense fallback=|| view! { <Opening /> }>{page}</Suspense> }
}

/// What the app does once its first page is on screen (marks "app-ready"
/// and starts what must not compete with the first screen for the
/// network, such as saving the rest of the app for offline use). Given
/// by the app, in context; it runs its work once, however often called.
#[derive(Clone, Copy)]
pub struct FirstScreen(pub Callback<()>);

/// Tells the app a page is on screen (see [`FirstScreen`]). Put after a
/// page's content.
#[component]
pub fn Drawn() -> impl IntoView {
    // Effects run once the view is in the document.
    Effect::new(|_| {
        if let Some(first) = use_context::<FirstScreen>() {
            first.0.run(());
        }
    });
}

/// The line shown while a page's code is on its way, as the HTML shell
/// shows it before the app starts.
#[component]
pub fn Opening() -> impl IntoView {
    view! { <p class="opening" role="status">"Opening Alongside\u{2026}"</p> }
}

/// A page whose code could not be fetched.
#[component]
fn CouldNotOpen(
    /// Fetches it again.
    on_retry: Callback<()>,
) -> impl IntoView {
    page::focus_after_render(HEADING_ID);
    view! {
        <Page title="This page could not be opened".into()>
            <p>
                "Alongside could not fetch this part of the app. You may have lost your connection, "
                "or a new version may have just come out."
            </p>
            <p>"Nothing you have saved is affected. Check your connection, then try again."</p>
            <button type="button" class="button" on:click=move |_| on_retry.run(())>
                "Try again"
            </button>
        </Page>
    }
}

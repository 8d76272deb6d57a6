//! The guide for this browser: the browser's own prompt behind a button,
//! or the steps to follow, one a line, with simple pictures of what to tap.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::state::InstallTools;
use crate::model::install::InstallWay;

/// Safari's Share button: a square with an arrow pointing up.
fn share_icon() -> impl IntoView {
    view! {
        <svg class="install__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M8 9H6v12h12V9h-2" fill="none" stroke="currentColor" stroke-width="2" />
            <path d="M12 15V3M8 7l4-4 4 4" fill="none" stroke="currentColor" stroke-width="2" />
        </svg>
    }
}

/// Safari's "Add to Home Screen": a square with a plus.
fn add_icon() -> impl IntoView {
    view! {
        <svg class="install__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <rect x="4" y="4" width="16" height="16" rx="3" fill="none" stroke="currentColor" stroke-width="2" />
            <path d="M12 8v8M8 12h8" fill="none" stroke="currentColor" stroke-width="2" />
        </svg>
    }
}

/// The guide, for the way this browser installs.
#[component]
pub fn InstallGuide(
    /// The install tools.
    tools: InstallTools,
    /// The id of the button that opens the browser's prompt.
    button_id: &'static str,
) -> impl IntoView {
    let busy = RwSignal::new(false);
    move || {
        match tools.way() {
        InstallWay::Prompt => view! {
            <p>
                <button type="button" class="button" id=button_id prop:disabled=move || busy.get() on:click=move |_| {
                    busy.set(true);
                    spawn_local(async move {
                        tools.install().await;
                        busy.set(false);
                    });
                }>"Add Alongside to your home screen"</button>
            </p>
        }
        .into_any(),
        InstallWay::AppleShare => view! {
            <ol class="install__steps">
                <li>{share_icon()}<span>"Tap the Share button, a square with an arrow pointing up. In Safari on iPhone it is at the bottom of the screen; on iPad, at the top."</span></li>
                <li>{add_icon()}<span>"Scroll down and tap \u{201c}Add to Home Screen\u{201d}."</span></li>
                <li><span>"Tap \u{201c}Add\u{201d}. Alongside is then on your home screen: open it from there."</span></li>
            </ol>
        }
        .into_any(),
        InstallWay::MacDock => view! {
            <ol class="install__steps">
                <li><span>"In Safari\u{2019}s menu bar, choose \u{201c}File\u{201d}."</span></li>
                <li><span>"Choose \u{201c}Add to Dock\u{201d}, then \u{201c}Add\u{201d}."</span></li>
            </ol>
        }
        .into_any(),
        InstallWay::Menu(browser) => view! {
            <ol class="install__steps">
                {browser.steps().iter().map(|s| view! { <li><span>{*s}</span></li> }).collect_view()}
            </ol>
        }
        .into_any(),
        InstallWay::Installed | InstallWay::NotPossible => ().into_any(),
    }
    }
}

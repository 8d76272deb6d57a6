//! The install guide's state and operations: how this browser installs
//! Alongside, whether the client said "Not now", opening the browser's
//! own prompt, and what happened then.

use leptos::prelude::*;

use super::stores::use_lazy;
use crate::model::install::{BrowserFacts, InstallWay};
use crate::platform::install::{self, Prompted};
use crate::platform::{clock, storage};
use crate::store::install_choice::{InstallChoice, INSTALL_KEY};

/// The install guide's operations.
#[derive(Debug, Clone, Copy)]
pub struct InstallTools {
    facts: RwSignal<BrowserFacts>,
    quiet: RwSignal<bool>,
    said: RwSignal<Option<&'static str>>,
}

impl InstallTools {
    /// How this browser installs Alongside (tracked).
    pub fn way(&self) -> InstallWay {
        self.facts.with(BrowserFacts::install_way)
    }

    /// True while Safari may delete the client's information after a
    /// week without a visit (tracked).
    pub fn at_risk(&self) -> bool {
        self.facts.with(BrowserFacts::at_risk)
    }

    /// True when Today offers the guide: it can be installed, is not yet,
    /// and the client has not said "Not now" in the last 30 days; or it
    /// has just said what happened (tracked).
    pub fn offered(&self) -> bool {
        let can = !matches!(self.way(), InstallWay::Installed | InstallWay::NotPossible);
        (can && !self.quiet.get()) || self.said.with(Option::is_some)
    }

    /// What happened after the prompt, if it was opened (tracked).
    pub fn said(&self) -> Option<&'static str> {
        self.said.get()
    }

    /// "Not now": the guide is not offered again for 30 days.
    pub fn not_now(&self) {
        let mut choice = InstallChoice::parse(storage::device_get(INSTALL_KEY).as_deref());
        choice.not_now(clock::now());
        storage::device_set(INSTALL_KEY, &choice.to_text());
        self.quiet.set(true);
        self.said.set(None);
    }

    /// Opens the browser's install prompt, then says what happened.
    pub async fn install(&self) {
        let said = match install::prompt().await {
            Prompted::Accepted => {
                "Alongside is being added to your home screen. From now on, open it from there."
            }
            Prompted::Dismissed => {
                "Alongside was not added. You can add it at any time from My data."
            }
            Prompted::Unavailable => {
                "Your browser is not offering to add it just now. Look in its menu for \u{201c}Add to Home screen\u{201d} or \u{201c}Install app\u{201d}."
            }
        };
        self.said.set(Some(said));
        self.facts.set(install::facts());
    }
}

/// The install guide's operations, made the first time a page asks. They
/// follow the browser: its prompt arriving, and the app being installed.
pub fn use_install_tools() -> InstallTools {
    use_lazy(
        |_| {
            let tools = InstallTools {
                facts: RwSignal::new(install::facts()),
                quiet: RwSignal::new(
                    InstallChoice::parse(storage::device_get(INSTALL_KEY).as_deref())
                        .quiet(clock::now()),
                ),
                said: RwSignal::new(None),
            };
            // For the life of the app: there is one guide.
            let _ = window_event_listener_untyped(install::CHANGED, move |_| {
                tools.facts.set(install::facts());
            });
            tools
        },
        |_, _| false,
    )
}

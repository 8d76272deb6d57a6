//! My data's "On this phone": installed or not, and if not, the guide and
//! (on Safari) the risk with a backup to hand.

use leptos::prelude::*;

use super::guide::InstallGuide;
use super::{RISK, WHY};
use crate::app::state::use_install_tools;
use crate::model::install::InstallWay;

/// The section.
#[component]
pub fn InstallOnMyData() -> impl IntoView {
    let tools = use_install_tools();
    view! {
        <section aria-labelledby="install-data-heading" class="my-data__section">
            <h2 class="heading-m" id="install-data-heading">"On this phone"</h2>
            {move || match tools.way() {
                InstallWay::Installed => view! {
                    <p class="install__done"><strong>"Installed on this phone."</strong>" Open Alongside from your home screen."</p>
                }
                .into_any(),
                InstallWay::NotPossible => view! {
                    <p>"This browser cannot add Alongside to a home screen. Your information is kept in the browser: make a backup now and then."</p>
                }
                .into_any(),
                _ => view! {
                    {tools.at_risk().then(|| view! {
                        <div class="notice notice--warning install__risk">
                            <p><strong>{RISK}</strong></p>
                            <p><a href="#backup-heading">"Make a backup"</a>" as well, in case."</p>
                        </div>
                    })}
                    <p>"Alongside is not on your home screen yet. " {WHY}</p>
                    <InstallGuide tools=tools button_id="install-data-button" />
                }
                .into_any(),
            }}
            <div role="status" class="status-line">{move || tools.said()}</div>
        </section>
    }
}

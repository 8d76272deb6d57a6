//! Today's calm offer to install, after set-up: the guide, why in one
//! line, Safari's risk where it applies, and "Not now" (quiet for 30
//! days).

use leptos::prelude::*;

use super::guide::InstallGuide;
use super::{RISK, WHY};
use crate::app::components::HEADING_ID;
use crate::app::state::use_install_tools;
use crate::model::install::InstallWay;
use crate::platform::page;

/// The offer, while it is offered.
#[component]
pub fn InstallOffer() -> impl IntoView {
    let tools = use_install_tools();
    move || {
        tools.offered().then(|| {
            let installed = tools.way() == InstallWay::Installed;
            view! {
                <section class="card install" aria-labelledby="install-heading">
                    <h2 class="heading-m" id="install-heading">"Add Alongside to your home screen"</h2>
                    {tools.at_risk().then(|| view! { <p class="install__risk"><strong>{RISK}</strong></p> })}
                    {(!installed).then(|| view! {
                        <p>{WHY}</p>
                        <InstallGuide tools=tools button_id="install-button" />
                    })}
                    <div role="status" class="status-line" id="install-said">{move || tools.said()}</div>
                    {tools.at_risk().then(|| view! {
                        <p><a href="/my-data#backup-heading">"Make a backup"</a>" as well, in case."</p>
                    })}
                    {(!installed).then(|| view! {
                        <p>
                            <button type="button" class="link-button" on:click=move |_| {
                                tools.not_now();
                                page::focus_after_render(HEADING_ID);
                            }>
                                "Not now"<span class="visually-hidden">", do not offer this for 30 days"</span>
                            </button>
                        </p>
                    })}
                </section>
            }
        })
    }
}

//! About the client: their conditions and what matters to them, in their
//! words, when they chose to share them.

use leptos::prelude::*;

use super::Voice;
use crate::share::summary::Summary;

/// The section, if there is anything in it.
#[component]
pub fn About(
    /// The summary.
    summary: Summary,
    /// Whom it speaks to.
    voice: Voice,
) -> impl IntoView {
    let Summary {
        conditions,
        what_matters,
        ..
    } = summary;
    (!conditions.is_empty() || what_matters.is_some()).then(|| {
        view! {
            <section class="about" aria-labelledby="summary-about">
                <h3 class="heading-m" id="summary-about">{format!("About {}", voice.them())}</h3>
                <dl class="about__list">
                    {(!conditions.is_empty()).then(|| view! {
                        <div>
                            <dt>{format!("{} conditions", if voice.client { "Your" } else { "Their" })}</dt>
                            <dd>{conditions.join(", ")}</dd>
                        </div>
                    })}
                    {what_matters.map(|w| view! {
                        <div>
                            <dt>{format!("What matters to {}", voice.them())}</dt>
                            <dd class="preserve-lines">{w}</dd>
                        </div>
                    })}
                </dl>
            </section>
        }
    })
}

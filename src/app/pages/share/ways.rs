//! The ways to share a previewed summary: on this screen, as a link (with
//! a passphrase if the client likes), a QR code, a file, or on paper.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::components::{
    close_dialog, open_dialog, Checkbox, FormErrors, SummaryError, TextField,
};
use crate::app::state::{use_share_tools, Made};
use crate::platform::page;
use crate::platform::share as browser;
use crate::share::log::Way;
use crate::share::summary::Summary;

/// The ways to share `summary`, in one row above the preview, so the
/// client need not scroll past the whole preview to reach them: show it on
/// this screen, go to sending it (which has its choices, below), or print.
#[component]
pub fn QuickWays(
    /// The summary the client is looking at.
    summary: Summary,
    /// Called to show the summary alone on this screen.
    on_show: Callback<()>,
) -> impl IntoView {
    let tools = use_share_tools();
    let summary = StoredValue::new(summary);
    view! {
        <div class="button-group no-print quick-ways" role="group" aria-label="Ways to share">
            <button type="button" class="button button--secondary" on:click=move |_| {
                tools.record(&summary.get_value(), Way::Screen, false);
                on_show.run(());
            }>"Show on this screen"</button>
            <button type="button" class="button button--secondary" on:click=move |_| page::focus_after_render("ways-send")>
                "Send as a link, QR code or file"
            </button>
            <button type="button" class="button button--secondary" on:click=move |_| tools.print(&summary.get_value())>
                "Print or save as PDF"
            </button>
        </div>
    }
}

/// The ways to share `summary`.
#[component]
pub fn WaysToShare(
    /// The summary the client has seen in the preview.
    summary: Summary,
    /// The page's errors, beside the fields they are about.
    errors: FormErrors,
    /// Called to show the summary alone on this screen.
    on_show: Callback<()>,
) -> impl IntoView {
    let tools = use_share_tools();
    let summary = StoredValue::new(summary);
    let protect = RwSignal::new(true);
    let passphrase = RwSignal::new(tools.suggest_passphrase());
    let made = RwSignal::new(None::<Made>);
    let busy = RwSignal::new(false);
    let said = RwSignal::new(None::<String>);
    let qr_dialog = NodeRef::<leptos::html::Dialog>::new();
    let qr_svg = RwSignal::new(String::new());
    // A link made with other choices is out of date.
    let changed = move || {
        made.set(None);
        said.set(None);
    };

    let make_link = move || {
        errors.clear();
        said.set(None);
        let pass = protect.get_untracked().then(|| passphrase.get_untracked());
        busy.set(true);
        spawn_local(async move {
            let result = tools.make_link(&summary.get_value(), pass.as_deref()).await;
            busy.set(false);
            match result {
                Ok(m) => {
                    made.set(Some(m));
                    page::focus_after_render("share-link");
                }
                // The passphrase itself is the problem: say so beside it.
                Err((true, message)) => {
                    errors.show(vec![SummaryError {
                        target: "share-passphrase".into(),
                        message,
                    }]);
                }
                Err((false, message)) => said.set(Some(message)),
            }
        });
    };
    let send = move || {
        let Some(m) = made.get_untracked() else {
            return;
        };
        spawn_local(async move {
            if let Some(message) = tools.send_link(&summary.get_value(), &m).await {
                said.set(Some(message));
            }
        });
    };
    let show_qr = move || {
        let Some(m) = made.get_untracked() else {
            return;
        };
        match tools.qr_code(&summary.get_value(), &m) {
            Ok(svg) => {
                qr_svg.set(svg);
                open_dialog(qr_dialog);
            }
            Err(message) => said.set(Some(message)),
        }
    };
    let save_file = move || {
        let Some(m) = made.get_untracked() else {
            return;
        };
        spawn_local(async move {
            if let Some(message) = tools.save_file(&summary.get_value(), &m).await {
                said.set(Some(message));
            }
        });
    };

    view! {
        <section class="no-print" aria-labelledby="ways-heading">
            <h2 class="heading-l" id="ways-heading">"Share it"</h2>
            <h3 class="heading-m">"In your session"</h3>
            <p>"Show it on this screen. Nothing leaves your phone."</p>
            <p>
                <button type="button" class="button button--secondary" id="share-on-screen" on:click=move |_| {
                    tools.record(&summary.get_value(), Way::Screen, false);
                    on_show.run(());
                }>"Show on this screen"</button>
            </p>
            <h3 class="heading-m" id="ways-send" tabindex="-1">"Send it"</h3>
            <p>"Make a link that holds the summary itself. It does not go through any website or company: only someone with the link can open it."</p>
            <div class="checkboxes">
                <Checkbox
                    id="share-protect".to_string()
                    label="Protect it with a passphrase".to_string()
                    checked=Signal::from(protect)
                    on_change=Callback::new(move |v| { protect.set(v); changed(); })
                />
            </div>
            <Show when=move || protect.get()>
                <TextField
                    id="share-passphrase"
                    label="Passphrase"
                    hint="Tell your link worker these words in person or on the phone, not in the same message as the link."
                    autocomplete="off"
                    value=passphrase
                    on_input=Callback::new(move |v| { passphrase.set(v); changed(); })
                    error=errors.message("share-passphrase")
                />
                <p>
                    <button type="button" class="button button--secondary button--small" on:click=move |_| {
                        passphrase.set(tools.suggest_passphrase());
                        changed();
                    }>
                        "Suggest other words"
                    </button>
                </p>
            </Show>
            <p>
                <button type="button" class="button" prop:disabled=move || busy.get() on:click=move |_| make_link()>
                    {move || if busy.get() { "Making the link…" } else { "Make the link" }}
                </button>
            </p>
            {move || made.get().map(|m| view! {
                <div class="form-group">
                    <label class="label" for="share-link">
                        {if m.protected { "Your link (protected with your passphrase)" } else { "Your link" }}
                    </label>
                    <div class="hint" id="share-link-hint">{if crate::share::qr::fits(&m.url) {
                        "Short enough to send in a message or show as a QR code."
                    } else {
                        "Too long for a QR code: send it as a link or a file."
                    }}</div>
                    <textarea class="textarea share-link" id="share-link" rows="4" readonly aria-describedby="share-link-hint" prop:value=m.url.clone()></textarea>
                </div>
                <div class="button-group">
                    <button type="button" class="button" on:click=move |_| send()>
                        {if browser::can_share() { "Share the link" } else { "Copy the link" }}
                    </button>
                    <button type="button" class="button button--secondary" on:click=move |_| show_qr()>"Show as a QR code"</button>
                    <button type="button" class="button button--secondary" on:click=move |_| save_file()>"Save as a file"</button>
                </div>
            })}
            <div role="status" class="share-said">{move || said.get().map(|t| view! { <p class="notice notice--success">{t}</p> })}</div>
            <h3 class="heading-m">"On paper"</h3>
            <p>
                <button type="button" class="button button--secondary" on:click=move |_| tools.print(&summary.get_value())>
                    "Print or save as PDF"
                </button>
            </p>
            <dialog class="dialog dialog--qr" node_ref=qr_dialog aria-labelledby="qr-heading">
                <h2 class="heading-m" id="qr-heading">"Scan with a phone camera"</h2>
                <div class="qr" inner_html=move || qr_svg.get()></div>
                <p>
                    <button type="button" class="button" autofocus on:click=move |_| close_dialog(qr_dialog)>
                        "Close"
                    </button>
                </p>
            </dialog>
        </section>
    }
}

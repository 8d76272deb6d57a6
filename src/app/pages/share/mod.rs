//! `/share`: the client chooses what to share, sees exactly what the link
//! worker will see, and shares it directly: on screen, as a link (with a
//! passphrase if they like), a QR code, a file or a print. `/review`: the
//! link worker's side.

mod review;
mod view;

pub use review::Review;
pub use view::SummaryView;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::components::{
    close_dialog, open_dialog, Checkbox, DataTable, ErrorSummary, FormErrors, Page, SummaryError,
    TextField, HEADING_ID,
};
use crate::app::state::{
    use_appointments, use_diary, use_goals, use_profile, use_share_log, use_talk, use_wellbeing,
};
use crate::model::diary::{format_time, Month};
use crate::model::text::set_included;
use crate::model::time::{format_day, london, parse_iso_day};
use crate::platform::share::{self as browser, Sent};
use crate::platform::{clock, crypto, file, page};
use crate::share::link;
use crate::share::log::{Shared, Way};
use crate::share::summary::{Choice, Period, PeriodEnd, Sources, Summary};
use crate::share::words;

/// The period options, as the radios show them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PeriodPick {
    Since,
    FourWeeks,
    ThreeMonths,
    Custom,
}

/// Everything about a link once made.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Made {
    url: String,
    protected: bool,
}

/// A fresh suggested passphrase (empty if the browser has no secure
/// random numbers; the client can then type their own).
fn suggest() -> String {
    crypto::random::<{ words::COUNT }>()
        .map(|b| words::passphrase(&b))
        .unwrap_or_default()
}

/// Encrypts the summary with WebCrypto and returns the payload.
async fn protect(summary: &Summary, passphrase: &str) -> Result<String, crypto::CryptoError> {
    let salt = crypto::random::<{ link::SALT_LEN }>()?;
    let nonce = crypto::random::<{ link::NONCE_LEN }>()?;
    let body = link::pack(summary);
    let header = link::sealed_header(link::ITERATIONS, &salt, &nonce, body.len());
    let key = crypto::derive(passphrase, &salt, link::ITERATIONS).await?;
    let ciphertext = crypto::seal(&key, &nonce, &header, &body).await?;
    Ok(link::sealed(&header, &ciphertext))
}

/// The share page.
#[component]
pub fn Share() -> impl IntoView {
    let profile = use_profile();
    let goals = use_goals();
    let diary = use_diary();
    let wellbeing = use_wellbeing();
    let appointments = use_appointments();
    let talk = use_talk();
    let log = use_share_log();
    let today = clock::today();
    let errors = FormErrors::new("Share with your link worker");

    let last_share = move || log.with(|l| l.and_then(|l| l.last_day()));
    let period = RwSignal::new(PeriodPick::ThreeMonths);
    let custom_from = RwSignal::new(String::new());
    let custom_to = RwSignal::new(crate::model::time::iso_day(today));
    let chosen_goals = RwSignal::new(goals.with_untracked(|b| {
        b.map(|b| b.working_on().iter().map(|g| g.id).collect::<Vec<_>>())
            .unwrap_or_default()
    }));
    let chosen_measures = RwSignal::new(
        diary
            .measures()
            .into_iter()
            .map(|m| m.id)
            .collect::<Vec<_>>(),
    );
    let name = RwSignal::new(true);
    let readings = RwSignal::new(false);
    let with_wellbeing = RwSignal::new(true);
    let with_appointments = RwSignal::new(true);
    let with_talk = RwSignal::new(true);
    let with_notes = RwSignal::new(false);

    let preview = RwSignal::new(None::<Summary>);
    let showing = RwSignal::new(false);
    let protect_it = RwSignal::new(true);
    let passphrase = RwSignal::new(suggest());
    let made = RwSignal::new(None::<Made>);
    let busy = RwSignal::new(false);
    let said = RwSignal::new(None::<String>);
    let qr_dialog = NodeRef::<leptos::html::Dialog>::new();
    let qr_svg = RwSignal::new(String::new());

    // Any change to the choices makes the preview and link out of date:
    // the client must see what will be shared before it is shared.
    Effect::new(move |first: Option<()>| {
        period.track();
        custom_from.track();
        custom_to.track();
        chosen_goals.track();
        chosen_measures.track();
        name.track();
        readings.track();
        with_wellbeing.track();
        with_appointments.track();
        with_talk.track();
        with_notes.track();
        if first.is_some() {
            preview.set(None);
            made.set(None);
            said.set(None);
        }
    });

    let record = move |way: Way, protected: bool| {
        if let Some(s) = preview.get_untracked() {
            let _ = log.change(|l| {
                l.record(Shared {
                    at: clock::now(),
                    from: s.from,
                    to: s.to,
                    way,
                    protected,
                });
                Ok::<(), ()>(())
            });
        }
    };

    // One problem: in the summary at the top and beside its field.
    let fail = move |target: &str, message: String| {
        errors.show(vec![SummaryError {
            target: target.into(),
            message,
        }]);
        page::focus_after_render(crate::app::components::ERROR_SUMMARY_ID);
    };

    let make_preview = move || {
        errors.clear();
        let picked = match period.get_untracked() {
            PeriodPick::Since => Period::SinceLastShare,
            PeriodPick::FourWeeks => Period::Last4Weeks,
            PeriodPick::ThreeMonths => Period::Last3Months,
            PeriodPick::Custom => {
                let from = parse_iso_day(custom_from.get_untracked().trim());
                let to = parse_iso_day(custom_to.get_untracked().trim());
                match (from, to) {
                    (Some(f), Some(t)) => Period::Custom(f, t),
                    (None, _) => {
                        return fail("share-from", "Enter the first day of the period".into())
                    }
                    (_, None) => {
                        return fail("share-to", "Enter the last day of the period".into())
                    }
                }
            }
        };
        let (from, to) = match picked.days(today, last_share()) {
            Ok(days) => days,
            Err((PeriodEnd::From, message)) => return fail("share-from", message),
            Err((PeriodEnd::To, message)) => return fail("share-to", message),
        };
        // Load the diary months the period covers (only these).
        let mut month = Month::of(from);
        while month <= Month::of(to) {
            diary.load_month(month);
            month = month.next();
        }
        let choice = Choice {
            name: name.get_untracked(),
            goals: chosen_goals.get_untracked(),
            measures: chosen_measures.get_untracked(),
            readings: readings.get_untracked(),
            wellbeing: with_wellbeing.get_untracked(),
            appointments: with_appointments.get_untracked(),
            talk: with_talk.get_untracked(),
            notes: with_notes.get_untracked(),
        };
        let profile_name = profile.with_untracked(|p| p.and_then(|p| p.preferred_name.clone()));
        let measures = diary.all_measures();
        let summary = diary.with_months(|months| {
            let books = (
                goals.with_untracked(|g| g.cloned().unwrap_or_default()),
                wellbeing.with_untracked(|w| w.cloned().unwrap_or_default()),
                appointments.with_untracked(|a| a.cloned().unwrap_or_default()),
                talk.with_untracked(|t| t.cloned().unwrap_or_default()),
            );
            Summary::build(
                &choice,
                from,
                to,
                &Sources {
                    now: clock::now(),
                    name: profile_name.as_deref(),
                    goals: &books.0,
                    measures: &measures,
                    months,
                    wellbeing: &books.1,
                    appointments: &books.2,
                    talk: &books.3,
                },
            )
        });
        // The link worker's app refuses what this app could not have made;
        // never let a summary out that would be refused there.
        if summary.check().is_err() {
            return fail(
                "share-period-since",
                "This is too much to share at once. Choose a shorter period or fewer things".into(),
            );
        }
        preview.set(Some(summary));
        made.set(None);
        page::focus_after_render("preview-heading");
    };

    let make_link = move || {
        let Some(summary) = preview.get_untracked() else {
            return;
        };
        errors.clear();
        said.set(None);
        if !protect_it.get_untracked() {
            made.set(Some(Made {
                url: format!("{}#{}", browser::review_url(), link::plain(&summary)),
                protected: false,
            }));
            page::focus_after_render("share-link");
            return;
        }
        let pass = match words::check(&passphrase.get_untracked()) {
            Ok(p) => p,
            Err(message) => return fail("share-passphrase", message),
        };
        busy.set(true);
        spawn_local(async move {
            match protect(&summary, &pass).await {
                Ok(payload) => {
                    made.set(Some(Made {
                        url: format!("{}#{payload}", browser::review_url()),
                        protected: true,
                    }));
                    page::focus_after_render("share-link");
                }
                Err(_) => said.set(Some(
                    "This browser cannot add a passphrase. Share without one, or show the summary on this screen."
                        .into(),
                )),
            }
            busy.set(false);
        });
    };

    let send = move || {
        let Some(m) = made.get_untracked() else {
            return;
        };
        spawn_local(async move {
            let result = browser::send_link("Alongside summary", &m.url).await;
            match result {
                Sent::Shared => {
                    said.set(Some("The link was shared.".into()));
                    record(Way::Link, m.protected);
                }
                Sent::Copied => {
                    said.set(Some("The link was copied. Paste it into a message or email to your link worker.".into()));
                    record(Way::Link, m.protected);
                }
                Sent::Cancelled => {}
                Sent::Failed => said.set(Some(
                    "The link could not be copied. Press and hold the link above to copy it."
                        .into(),
                )),
            }
        });
    };

    let show_qr = move || {
        let Some(m) = made.get_untracked() else {
            return;
        };
        match crate::share::qr::svg(&m.url) {
            Some(svg) => {
                qr_svg.set(svg);
                open_dialog(qr_dialog);
                record(Way::Qr, m.protected);
            }
            None => said.set(Some(
                "This summary is too long for a QR code. Choose fewer things, or share the link or a file."
                    .into(),
            )),
        }
    };

    let save_file = move || {
        let (Some(m), Some(s)) = (made.get_untracked(), preview.get_untracked()) else {
            return;
        };
        let payload = link::payload_text(&m.url).to_string();
        let text = link::file_text(&browser::review_url(), &payload);
        let name = format!(
            "alongside-summary-{}.txt",
            crate::model::time::iso_day(s.to)
        );
        spawn_local(async move {
            match file::hand_over(&name, &text, "text/plain").await {
                file::Handed::Shared | file::Handed::Downloaded => {
                    said.set(Some(format!("The summary was saved as the file {name}. Your link worker opens it on their Review page.")));
                    record(Way::File, m.protected);
                }
                file::Handed::Cancelled => {}
                file::Handed::Failed => said.set(Some("The file could not be saved.".into())),
            }
        });
    };

    let radio = move |id: &'static str, pick: PeriodPick, label: String| {
        view! {
            <div class="radios__item">
                <input
                    class="radios__input"
                    type="radio"
                    name="share-period"
                    id=id
                    prop:checked=move || period.get() == pick
                    on:change=move |_| period.set(pick)
                />
                <label class="label radios__label" for=id>{label}</label>
            </div>
        }
    };
    let since_label = move || match last_share() {
        Some(d) => format!("Since you last shared ({})", format_day(d, today)),
        None => "Since you last shared (you have not shared yet: the last 4 weeks)".into(),
    };
    let tick = move |id: String, label: String, signal: RwSignal<bool>| {
        view! { <Checkbox id=id label=label checked=Signal::from(signal) on_change=Callback::new(move |v| signal.set(v)) /> }
    };

    let goal_boxes = move || {
        goals.with(|b| {
            b.map(|b| {
                b.current()
                    .into_iter()
                    .chain(b.goals.iter().filter(|g| g.status.is_past()))
                    .map(|g| {
                        let id = g.id;
                        view! {
                            <Checkbox
                                id=format!("share-goal-{id}")
                                label=g.text.clone()
                                checked=Signal::derive(move || chosen_goals.with(|c| c.contains(&id)))
                                on_change=Callback::new(move |v| chosen_goals.update(|c| set_included(c, id, v)))
                            />
                        }
                    })
                    .collect_view()
            })
        })
    };
    let measure_boxes = move || {
        diary
            .measures()
            .into_iter()
            .map(|m| {
                let id = m.id.clone();
                let id2 = m.id.clone();
                view! {
                    <Checkbox
                        id=format!("share-measure-{}", m.id)
                        label=m.name.clone()
                        checked=Signal::derive(move || chosen_measures.with(|c| c.contains(&id)))
                        on_change=Callback::new(move |v| chosen_measures.update(|c| set_included(c, id2.clone(), v)))
                    />
                }
            })
            .collect_view()
    };

    let log_view = move || {
        let entries: Vec<Shared> = log.with(|l| {
            l.map(|l| l.newest_first().cloned().collect())
                .unwrap_or_default()
        });
        if entries.is_empty() {
            return view! { <p>"You have not shared a summary yet."</p> }.into_any();
        }
        let rows = entries
            .into_iter()
            .map(|e| {
                let at = london(e.at);
                let when = format!(
                    "{}, {}",
                    format_day(at.date(), today),
                    format_time(
                        u16::try_from(
                            chrono::Timelike::hour(&at) * 60 + chrono::Timelike::minute(&at)
                        )
                        .unwrap_or(0)
                    )
                );
                vec![
                    when,
                    format!(
                        "{} to {}",
                        format_day(e.from, today),
                        format_day(e.to, today)
                    ),
                    e.way.label().to_string(),
                    if e.protected { "Yes" } else { "No" }.to_string(),
                ]
            })
            .collect();
        view! {
            <DataTable
                caption="Summaries you have shared, newest first"
                columns=vec!["When".into(), "Period".into(), "How".into(), "Passphrase".into()]
                rows=rows
            />
            <ClearLog />
        }
        .into_any()
    };

    view! {
        <Show
            when=move || !showing.get()
            fallback=move || {
                view! {
                    <div class="share-screen">
                        <h1 id=HEADING_ID tabindex="-1">"Your summary"</h1>
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
                        {move || preview.get().map(|s| view! { <SummaryView summary=s /> })}
                    </div>
                }
            }
        >
            <Page title="Share with your link worker".into()>
                <ErrorSummary errors=errors.summary() />
                <p>
                    "Choose what to share. You will see exactly what your link worker will see before anything leaves your phone."
                </p>
                <form class="no-print share-form" on:submit=move |ev| {
                    ev.prevent_default();
                    make_preview();
                }>
                    <fieldset class="fieldset">
                        <legend class="fieldset__legend fieldset__legend--m">"Which period"</legend>
                        <div class="radios">
                            {move || radio("share-period-since", PeriodPick::Since, since_label())}
                            {radio("share-period-4w", PeriodPick::FourWeeks, "The last 4 weeks".into())}
                            {radio("share-period-3m", PeriodPick::ThreeMonths, "The last 3 months".into())}
                            {radio("share-period-custom", PeriodPick::Custom, "Choose the dates".into())}
                        </div>
                        <Show when=move || period.get() == PeriodPick::Custom>
                            <TextField
                                id="share-from"
                                label="First day"
                                input_type="date"
                                width_class="input--date"
                                value=Signal::from(custom_from)
                                on_input=Callback::new(move |v| custom_from.set(v))
                                error=errors.message("share-from")
                            />
                            <TextField
                                id="share-to"
                                label="Last day"
                                input_type="date"
                                width_class="input--date"
                                value=Signal::from(custom_to)
                                on_input=Callback::new(move |v| custom_to.set(v))
                                error=errors.message("share-to")
                            />
                        </Show>
                    </fieldset>
                    <fieldset class="fieldset">
                        <legend class="fieldset__legend fieldset__legend--m">"Goals"</legend>
                        <div class="hint">"Each goal comes with its steps and how close you felt to it."</div>
                        <div class="checkboxes">
                            {goal_boxes}
                        </div>
                        {move || goals.with(|b| b.is_none_or(|b| b.goals.is_empty())).then(|| view! { <p>"You have no goals yet."</p> })}
                    </fieldset>
                    <fieldset class="fieldset">
                        <legend class="fieldset__legend fieldset__legend--m">"Diary"</legend>
                        <div class="hint">"For each: the average, lowest and highest, which way it is going, and an average for each week."</div>
                        <div class="checkboxes">
                            {measure_boxes}
                            {tick("share-readings".into(), "Also every single reading".into(), readings)}
                        </div>
                    </fieldset>
                    <fieldset class="fieldset">
                        <legend class="fieldset__legend fieldset__legend--m">"Also share"</legend>
                        <div class="checkboxes">
                            {tick("share-wellbeing".into(), "Wellbeing check-ins (your starting point, the latest, and all in the period)".into(), with_wellbeing)}
                            {tick("share-appointments".into(), "Appointments coming up".into(), with_appointments)}
                            {tick("share-talk".into(), "Things I want to talk about".into(), with_talk)}
                            {tick("share-notes".into(), "My notes from goals and the diary".into(), with_notes)}
                            {tick("share-name".into(), "My name".into(), name)}
                        </div>
                    </fieldset>
                    <button type="submit" class="button">"Preview what your link worker will see"</button>
                </form>
                {move || preview.get().map(|s| {
                    let empty = s.is_empty();
                    view! {
                        <section class="preview" aria-labelledby="preview-heading">
                            <h2 class="heading-l no-print" id="preview-heading" tabindex="-1">"Preview"</h2>
                            <p class="no-print">"This is exactly what your link worker will see."</p>
                            <div class="preview__frame">
                                <SummaryView summary=s />
                            </div>
                        </section>
                        {(!empty).then(|| view! {
                            <section class="no-print" aria-labelledby="ways-heading">
                                <h2 class="heading-l" id="ways-heading">"Share it"</h2>
                                <h3 class="heading-m">"In your session"</h3>
                                <p>"Show it on this screen. Nothing leaves your phone."</p>
                                <p>
                                    <button type="button" class="button button--secondary" id="share-on-screen" on:click=move |_| {
                                        showing.set(true);
                                        record(Way::Screen, false);
                                        page::focus_after_render(HEADING_ID);
                                    }>"Show on this screen"</button>
                                </p>
                                <h3 class="heading-m">"Send it"</h3>
                                <p>"Make a link that holds the summary itself. It does not go through any website or company: only someone with the link can open it."</p>
                                <div class="checkboxes">
                                    <Checkbox
                                        id="share-protect".to_string()
                                        label="Protect it with a passphrase".to_string()
                                        checked=Signal::from(protect_it)
                                        on_change=Callback::new(move |v| { protect_it.set(v); made.set(None); })
                                    />
                                </div>
                                <Show when=move || protect_it.get()>
                                    <TextField
                                        id="share-passphrase"
                                        label="Passphrase"
                                        hint="Tell your link worker these words in person or on the phone, not in the same message as the link."
                                        autocomplete="off"
                                        value=Signal::from(passphrase)
                                        on_input=Callback::new(move |v| { passphrase.set(v); made.set(None); })
                                        error=errors.message("share-passphrase")
                                    />
                                    <p>
                                        <button type="button" class="button button--secondary button--small" on:click=move |_| { passphrase.set(suggest()); made.set(None); }>
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
                                    <button type="button" class="button button--secondary" on:click=move |_| {
                                        record(Way::Print, false);
                                        browser::print();
                                    }>"Print or save as PDF"</button>
                                </p>
                            </section>
                        })}
                    }
                })}
                <section class="no-print" aria-labelledby="log-heading">
                    <h2 class="heading-l" id="log-heading">"What you have shared"</h2>
                    {log_view}
                </section>
                <dialog class="dialog dialog--qr" node_ref=qr_dialog aria-labelledby="qr-heading">
                    <h2 class="heading-m" id="qr-heading">"Scan with a phone camera"</h2>
                    <div class="qr" inner_html=move || qr_svg.get()></div>
                    <p>
                        <button type="button" class="button" autofocus on:click=move |_| close_dialog(qr_dialog)>
                            "Close"
                        </button>
                    </p>
                </dialog>
            </Page>
        </Show>
    }
}

/// "Clear the log", with a second step so one tap cannot clear it.
#[component]
fn ClearLog() -> impl IntoView {
    let log = use_share_log();
    let asking = RwSignal::new(false);
    view! {
        <Show
            when=move || asking.get()
            fallback=move || view! {
                <p>
                    <button type="button" class="button button--secondary" id="clear-log" on:click=move |_| {
                        asking.set(true);
                        page::focus_after_render("clear-log-yes");
                    }>"Clear the log"</button>
                </p>
            }
        >
            <div class="notice notice--warning">
                <p>"Clear the list of what you have shared? The summaries you sent are not affected."</p>
                <div class="button-group">
                    <button type="button" class="button button--warning" id="clear-log-yes" on:click=move |_| {
                        let _ = log.change(|l| {
                            l.entries.clear();
                            Ok::<(), ()>(())
                        });
                        asking.set(false);
                        page::focus_after_render(HEADING_ID);
                    }>"Yes, clear it"</button>
                    <button type="button" class="button button--secondary" on:click=move |_| {
                        asking.set(false);
                        page::focus_after_render("clear-log");
                    }>"No, keep it"</button>
                </div>
            </div>
        </Show>
    }
}

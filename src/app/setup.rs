//! First-run set-up, and "Change your details" from My data.
//!
//! One question per page, then "Check your answers", as in the NHS
//! design system. The welcome screen before the first question is not
//! here but in [`super::welcome`], with the app's main file: set-up's
//! code comes while the client reads it. The rules live in
//! [`ProfileDraft`]; this only shows the pages and moves between them.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::components::{
    described_by, BackLink, Checkbox, ErrorSummary, FieldErrorMessage, SummaryError, TextField,
    ERROR_SUMMARY_ID, HEADING_ID,
};
use super::state::{make_client_code, use_profile, use_status, when_saved};
use crate::model::text::set_included;
use crate::model::{FieldError, ListedCondition, ProfileDraft, ProfileField};
use crate::platform::page;

/// Whether this is the first run or a later change of details.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The client has no profile yet.
    FirstRun,
    /// The client is changing their details from My data.
    Edit,
}

/// The pages of set-up, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Name,
    Conditions,
    LinkWorker,
    WhatMatters,
    Check,
}

impl Step {
    fn next(self) -> Step {
        match self {
            Step::Name => Step::Conditions,
            Step::Conditions => Step::LinkWorker,
            Step::LinkWorker => Step::WhatMatters,
            Step::WhatMatters | Step::Check => Step::Check,
        }
    }

    /// The page before, or `None` on the first question (before it
    /// comes the welcome screen).
    fn previous(self) -> Option<Step> {
        match self {
            Step::Name => None,
            Step::Conditions => Some(Step::Name),
            Step::LinkWorker => Some(Step::Conditions),
            Step::WhatMatters => Some(Step::LinkWorker),
            Step::Check => Some(Step::WhatMatters),
        }
    }

    fn title(self) -> &'static str {
        match self {
            Step::Name => "What would you like us to call you?",
            Step::Conditions => "Which long-term conditions do you live with?",
            Step::LinkWorker => "Your link worker",
            Step::WhatMatters => "What matters to you?",
            Step::Check => "Check your answers",
        }
    }
}

/// The set-up pages.
#[component]
pub fn Setup(
    /// First run or a change of details.
    mode: Mode,
    /// The answers so far, when something outside set-up keeps them (the
    /// welcome screen, so going back to it loses nothing); otherwise the
    /// stored details.
    #[prop(optional)]
    draft: Option<RwSignal<ProfileDraft>>,
    /// "Back" from the first question: to the welcome screen.
    #[prop(optional)]
    on_welcome: Option<Callback<()>>,
) -> impl IntoView {
    let profile = use_profile();
    let status = use_status();
    let navigate = use_navigate();
    let draft = draft
        .unwrap_or_else(|| RwSignal::new(profile.get().map(|p| p.to_draft()).unwrap_or_default()));
    let step = RwSignal::new(match mode {
        Mode::FirstRun => Step::Name,
        Mode::Edit => Step::Check,
    });
    if mode == Mode::FirstRun {
        // From "Start" on the welcome screen: a screen reader hears the
        // first question.
        page::focus_after_render(HEADING_ID);
    }
    // After "Change" on the check page, Continue goes straight back there.
    let returning = RwSignal::new(mode == Mode::Edit);
    let errors = RwSignal::new(Vec::<FieldError<ProfileField>>::new());

    Effect::new(move |_| {
        let prefix = if errors.with(Vec::is_empty) {
            ""
        } else {
            "Error: "
        };
        page::set_title(&format!("{prefix}{}", step.get().title()));
    });

    let go = move |to: Step| {
        errors.set(Vec::new());
        step.set(to);
        page::focus_after_render(HEADING_ID);
    };
    let show_errors = move |errs: Vec<FieldError<ProfileField>>| {
        errors.set(errs);
        page::focus_after_render(ERROR_SUMMARY_ID);
    };
    let next = move || {
        let d = draft.get_untracked();
        let errs = match step.get_untracked() {
            Step::Name => d.check_name(),
            Step::Conditions => d.check_conditions(),
            Step::LinkWorker => d.check_link_worker(),
            Step::WhatMatters => d.check_what_matters(),
            Step::Check => Vec::new(),
        };
        if !errs.is_empty() {
            show_errors(errs);
        } else if returning.get_untracked() {
            go(Step::Check);
        } else {
            go(step.get_untracked().next());
        }
    };
    let back = Callback::new(move |_| {
        if returning.get_untracked() {
            go(Step::Check);
        } else {
            match step.get_untracked().previous() {
                Some(to) => go(to),
                None => {
                    if let Some(welcome) = on_welcome {
                        welcome.run(());
                    }
                }
            }
        }
    });
    let change = move |to: Step| {
        returning.set(true);
        go(to);
    };
    let save = move || match draft.get_untracked().validate() {
        Err(errs) => {
            // Show the errors on the page that has the first bad field,
            // where the summary's links have something to point at.
            let first = errs.first().map_or(Step::Check, |e| step_for(e.field));
            returning.set(true);
            step.set(first);
            let here: Vec<_> = errs
                .into_iter()
                .filter(|e| step_for(e.field) == first)
                .collect();
            show_errors(here);
        }
        Ok(new_profile) => {
            // A failed save is shown by the notice list at the top of the
            // page; the details stay in use for this session either way.
            let saved = profile.save(new_profile).is_ok();
            if mode == Mode::FirstRun {
                make_client_code();
            }
            // Set-up ends once the details are on disk (the client's code
            // is written after them, so waiting for it waits for both).
            let navigate = navigate.clone();
            when_saved(move || {
                match mode {
                    Mode::FirstRun => navigate("/", Default::default()),
                    Mode::Edit if saved => {
                        status.details_saved.set(true);
                        navigate("/my-data", Default::default())
                    }
                    Mode::Edit => navigate("/my-data", Default::default()),
                }
                page::focus_after_render(HEADING_ID);
            });
        }
    };

    let summary = Signal::derive(move || {
        errors
            .get()
            .into_iter()
            .map(|e| SummaryError {
                target: target_for(e.field).into(),
                message: e.message,
            })
            .collect::<Vec<_>>()
    });
    let error_for = move |field: ProfileField| {
        Signal::derive(move || {
            errors.with(|errs| {
                errs.iter()
                    .find(|e| e.field == field)
                    .map(|e| e.message.clone())
            })
        })
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        next();
    };

    move || {
        let current = step.get();
        let save = save.clone();
        let body = match current {
            Step::Name => view! {
                <form novalidate on:submit=on_submit>
                    <TextField
                        id="preferred-name"
                        label=Step::Name.title()
                        hint="This is optional. We will use it to greet you."
                        heading=true
                        autocomplete="nickname"
                        value=Signal::derive(move || draft.with(|d| d.preferred_name.clone()))
                        on_input=Callback::new(move |v| draft.update(|d| d.preferred_name = v))
                        error=error_for(ProfileField::PreferredName)
                    />
                    <button class="button" type="submit">"Continue"</button>
                </form>
            }
            .into_any(),
            Step::Conditions => view! {
                <form novalidate on:submit=on_submit>
                    <Conditions draft=draft errors=errors error_for=error_for />
                    <button class="button" type="submit">"Continue"</button>
                </form>
            }
            .into_any(),
            Step::LinkWorker => view! {
                <form novalidate on:submit=on_submit>
                    <h1 id=HEADING_ID tabindex="-1">{Step::LinkWorker.title()}</h1>
                    <p>
                        "Your link worker helps you find support that suits you. "
                        "Both questions are optional."
                    </p>
                    <TextField
                        id="link-worker-name"
                        label="Their name"
                        value=Signal::derive(move || draft.with(|d| d.link_worker_name.clone()))
                        on_input=Callback::new(move |v| draft.update(|d| d.link_worker_name = v))
                        error=error_for(ProfileField::LinkWorkerName)
                    />
                    <TextField
                        id="link-worker-contact"
                        label="How to contact them"
                        hint="For example, a phone number, an email address or the name of your GP surgery."
                        value=Signal::derive(move || draft.with(|d| d.link_worker_contact.clone()))
                        on_input=Callback::new(move |v| draft.update(|d| d.link_worker_contact = v))
                        error=error_for(ProfileField::LinkWorkerContact)
                    />
                    <button class="button" type="submit">"Continue"</button>
                </form>
            }
            .into_any(),
            Step::WhatMatters => view! {
                <form novalidate on:submit=on_submit>
                    <TextField
                        id="what-matters"
                        label=Step::WhatMatters.title()
                        hint="This one needs an answer, but a few words of your own are enough. For example, \"being able to walk to the shops\" or \"seeing my friends more often\". You can write up to 1000 characters."
                        heading=true
                        multiline=true
                        value=Signal::derive(move || draft.with(|d| d.what_matters.clone()))
                        on_input=Callback::new(move |v| draft.update(|d| d.what_matters = v))
                        error=error_for(ProfileField::WhatMatters)
                    />
                    <button class="button" type="submit">"Continue"</button>
                </form>
            }
            .into_any(),
            Step::Check => view! {
                <CheckAnswers
                    draft=draft
                    mode=mode
                    on_change=Callback::new(change)
                    on_save=Callback::new(move |_| save())
                />
            }
            .into_any(),
        };
        let show_back = !(current == Step::Check && mode == Mode::Edit);
        view! {
            <div class="setup">
                {show_back.then(|| view! { <BackLink on_back=back /> })}
                <ErrorSummary errors=summary />
                {body}
            </div>
        }
    }
}

/// The set-up page that asks for `field`.
fn step_for(field: ProfileField) -> Step {
    match field {
        ProfileField::PreferredName => Step::Name,
        ProfileField::Conditions | ProfileField::OwnCondition => Step::Conditions,
        ProfileField::LinkWorkerName | ProfileField::LinkWorkerContact => Step::LinkWorker,
        ProfileField::WhatMatters => Step::WhatMatters,
    }
}

/// Which element an error summary link should focus for `field`.
fn target_for(field: ProfileField) -> &'static str {
    match field {
        // The first checkbox, as the NHS pattern links to.
        ProfileField::Conditions => "condition-first",
        other => other.input_id(),
    }
}

#[component]
fn Conditions(
    draft: RwSignal<ProfileDraft>,
    errors: RwSignal<Vec<FieldError<ProfileField>>>,
    error_for: impl Fn(ProfileField) -> Signal<Option<String>> + Copy + 'static,
) -> impl IntoView {
    let own_text = RwSignal::new(String::new());
    let announcement = RwSignal::new(String::new());
    let conditions_error = error_for(ProfileField::Conditions);
    let own_error = error_for(ProfileField::OwnCondition);
    let add = move || {
        let result = draft.with_untracked(|d| d.check_own_condition(&own_text.get_untracked()));
        match result {
            Ok(text) => {
                announcement.set(format!("{text} added"));
                draft.update(|d| d.own.push(text));
                own_text.set(String::new());
                errors.set(Vec::new());
            }
            Err(e) => {
                errors.set(vec![e]);
                page::focus_after_render(ERROR_SUMMARY_ID);
            }
        }
    };
    let conditions_described_by =
        move || described_by("conditions", true, conditions_error.with(Option::is_some));
    let own_described_by =
        move || described_by("own-condition", false, own_error.with(Option::is_some));

    view! {
        <div class="form-group" class:form-group--error=move || conditions_error.with(Option::is_some)>
            <fieldset class="fieldset" aria-describedby=conditions_described_by>
                <legend class="fieldset__legend">
                    <h1 class="fieldset__heading" id=HEADING_ID tabindex="-1">
                        {Step::Conditions.title()}
                    </h1>
                </legend>
                <div class="hint" id="conditions-hint">
                    "Select all that apply. If yours is not listed, you can add it below."
                </div>
                <FieldErrorMessage field="conditions" message=conditions_error />
                <div class="checkboxes">
                    {ListedCondition::ALL
                        .into_iter()
                        .enumerate()
                        .map(|(i, c)| {
                            let id = if i == 0 {
                                "condition-first".to_string()
                            } else {
                                format!("condition-{}", c.code())
                            };
                            view! {
                                <Checkbox
                                    id=id
                                    label=c.label().to_string()
                                    checked=Signal::derive(move || draft.with(|d| d.listed.contains(&c)))
                                    on_change=Callback::new(move |on| {
                                        draft.update(|d| set_included(&mut d.listed, c, on))
                                    })
                                />
                            }
                        })
                        .collect_view()}
                </div>
            </fieldset>
        </div>
        <div class="form-group own-conditions" class:form-group--error=move || own_error.with(Option::is_some)>
            <h2 class="heading-m">"Add a condition that is not listed"</h2>
            {move || {
                let own = draft.with(|d| d.own.clone());
                (!own.is_empty())
                    .then(|| {
                        view! {
                            <ul class="own-list" aria-label="Conditions you added">
                                {own
                                    .into_iter()
                                    .map(|text| {
                                        let remove_text = text.clone();
                                        view! {
                                            <li>
                                                <span>{text.clone()}</span>
                                                <button
                                                    type="button"
                                                    class="link-button"
                                                    on:click=move |_| {
                                                        let t = remove_text.clone();
                                                        announcement.set(format!("{t} removed"));
                                                        draft.update(|d| d.own.retain(|o| *o != t));
                                                        // The button is gone: keep focus nearby.
                                                        page::focus_after_render("own-condition");
                                                    }
                                                >
                                                    "Remove"
                                                    <span class="visually-hidden">{format!(" {text}")}</span>
                                                </button>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                    })
            }}
            <label class="label" for="own-condition">"Condition name"</label>
            <FieldErrorMessage field="own-condition" message=own_error />
            <div class="input-row">
                <input
                    class="input"
                    class:input--error=move || own_error.with(Option::is_some)
                    id="own-condition"
                    name="own-condition"
                    type="text"
                    autocomplete="off"
                    aria-describedby=own_described_by
                    aria-invalid=move || own_error.with(Option::is_some).then_some("true")
                    prop:value=own_text
                    on:input=move |ev| own_text.set(event_target_value(&ev))
                    on:keydown=move |ev| {
                        // Enter here adds the condition rather than leaving the page.
                        if ev.key() == "Enter" {
                            ev.prevent_default();
                            add();
                        }
                    }
                />
                <button type="button" class="button button--secondary" on:click=move |_| add()>
                    "Add condition"
                </button>
            </div>
            <p class="visually-hidden" role="status">{announcement}</p>
        </div>
    }
}

#[component]
fn CheckAnswers(
    draft: RwSignal<ProfileDraft>,
    mode: Mode,
    on_change: Callback<Step>,
    on_save: Callback<()>,
) -> impl IntoView {
    let profile = use_profile();
    let not_given = || view! { <span class="secondary-text">"Not given"</span> }.into_any();
    let text_or_not_given = move |text: String| {
        if text.trim().is_empty() {
            not_given()
        } else {
            view! { <span class="preserve-lines">{text}</span> }.into_any()
        }
    };
    let row = move |key: &'static str, step: Step, value: AnyView| {
        view! {
            <div class="summary-list__row">
                <dt class="summary-list__key">{key}</dt>
                <dd class="summary-list__value">{value}</dd>
                <dd class="summary-list__actions">
                    <button type="button" class="link-button" on:click=move |_| on_change.run(step)>
                        "Change"
                        <span class="visually-hidden">{format!(" {}", key.to_ascii_lowercase())}</span>
                    </button>
                </dd>
            </div>
        }
    };
    move || {
        let d = draft.get();
        let conditions: Vec<String> = d
            .listed
            .iter()
            .map(|c| c.label().to_string())
            .chain(d.own.iter().cloned())
            .collect();
        let conditions_view = if conditions.is_empty() {
            not_given()
        } else {
            view! {
                <ul class="plain-list">
                    {conditions.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}
                </ul>
            }
            .into_any()
        };
        let read_only = profile.is_read_only();
        view! {
            <h1 id=HEADING_ID tabindex="-1">{Step::Check.title()}</h1>
            <dl class="summary-list">
                {row("Name", Step::Name, text_or_not_given(d.preferred_name.clone()))}
                {row("Conditions", Step::Conditions, conditions_view)}
                {row("Link worker", Step::LinkWorker, text_or_not_given(d.link_worker_name.clone()))}
                {row(
                    "How to contact them",
                    Step::LinkWorker,
                    text_or_not_given(d.link_worker_contact.clone()),
                )}
                {row("What matters to you", Step::WhatMatters, text_or_not_given(d.what_matters.clone()))}
            </dl>
            <p>"Your answers are saved on this phone only."</p>
            {if read_only {
                view! {
                    <p class="inset">
                        "Your details were saved by a newer version of Alongside, so they cannot be changed here."
                    </p>
                }
                    .into_any()
            } else {
                view! {
                    <button class="button" type="button" on:click=move |_| on_save.run(())>
                        {match mode {
                            Mode::FirstRun => "Save and start",
                            Mode::Edit => "Save changes",
                        }}
                    </button>
                }
                    .into_any()
            }}
            {(mode == Mode::Edit)
                .then(|| {
                    view! {
                        <p>
                            <a href="/my-data">"Cancel and go back to My data"</a>
                        </p>
                    }
                })}
        }
    }
}

//! `/check-in` (the four ONS wellbeing questions, one a screen) and
//! `/check-in/history` (each question over time, starting point against
//! latest), plus Today's gentle check-in suggestion and the list of things
//! to talk about next time.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::app::components::{
    BackLink, Choices, DataTable, ErrorSummary, FormErrors, LineChart, Page, SummaryError,
    TextField, UndoNotice, HEADING_ID,
};
use crate::app::state::{say_when_saved, use_saved, when_saved};
use crate::model::appointment::ApptBook;
use crate::model::appointment::ApptKind;
use crate::model::chart::{Chart, Scale};
use crate::model::time::format_day;
use crate::model::wellbeing::TalkList;
use crate::model::wellbeing::Wellbeing;
use crate::model::wellbeing::{Choice, Question, Rhythm, TalkItem, ATTRIBUTION, PREAMBLE};
use crate::platform::{clock, page};

const SKIP: &str = "skip";

fn choice_value(c: Choice) -> String {
    match c {
        Choice::Unanswered => String::new(),
        Choice::PreferNot => SKIP.into(),
        Choice::Value(v) => v.to_string(),
    }
}

fn choice_words(c: Choice) -> String {
    match c {
        Choice::Unanswered => "Not answered".into(),
        Choice::PreferNot => "Prefer not to say".into(),
        Choice::Value(v) => v.to_string(),
    }
}

/// `/check-in`.
#[component]
pub fn CheckIn() -> impl IntoView {
    let wellbeing = use_saved::<Wellbeing>();
    // 0: introduction; 1 to 4: the questions; 5: check; 6: saved.
    let step = RwSignal::new(0usize);
    let errors = FormErrors::new("Wellbeing check-in");
    let typed = RwSignal::new(String::new());
    let go = move |to: usize| {
        errors.clear();
        if (1..=4).contains(&to) {
            let q = Question::ALL[to - 1];
            typed.set(choice_value(wellbeing.with_untracked(|w| {
                w.map_or(Choice::Unanswered, |w| w.draft_answer(q))
            })));
        }
        step.set(to);
        page::focus_after_render(HEADING_ID);
    };
    let next = move |ev: SubmitEvent| {
        ev.prevent_default();
        let q = Question::ALL[step.get_untracked() - 1];
        let choice = match typed.get_untracked().as_str() {
            "" => None,
            SKIP => Some(Choice::PreferNot),
            v => v.parse().ok().map(Choice::Value),
        };
        let Some(choice) = choice else {
            errors.show(vec![SummaryError {
                target: "ons-answer".into(),
                message: "Choose a number from 0 to 10, or \u{201c}Prefer not to say\u{201d}"
                    .into(),
            }]);
            return;
        };
        // Each answer is kept as it is given, so a half-finished check-in
        // is still there if the client stops.
        match wellbeing.change(|w| w.answer(q, choice)) {
            Ok(()) => {
                let s = step.get_untracked();
                let returning = wellbeing.with_untracked(|w| {
                    w.is_some_and(|w| {
                        Question::ALL
                            .iter()
                            .all(|q| w.draft_answer(*q) != Choice::Unanswered)
                    })
                });
                go(if returning && s < 5 { 5 } else { s + 1 });
            }
            Err(e) => errors.show(vec![SummaryError {
                target: "ons-answer".into(),
                message: e.message,
            }]),
        }
    };
    let save = move |_| match wellbeing.change(|w| w.complete(clock::today())) {
        // A refused save is shown at the top of the page; stay here.
        Ok(()) if !wellbeing.saved_ok() => page::focus_after_render(HEADING_ID),
        // "Check-in saved" once it is on disk.
        Ok(()) => when_saved(move || go(6)),
        Err(errs) => {
            let first = errs.first().map(|e| e.field);
            if let Some(q) = first {
                go(Question::ALL.iter().position(|x| *x == q).unwrap_or(0) + 1);
            }
            errors.show(
                errs.into_iter()
                    .take(1)
                    .map(|e| SummaryError {
                        target: "ons-answer".into(),
                        message: e.message,
                    })
                    .collect(),
            );
        }
    };
    move || {
        let s = step.get();
        match s {
            0 => {
                let started = wellbeing.with(|w| w.is_some_and(|w| w.draft.is_some()));
                view! {
                    <Page title="Wellbeing check-in".into()>
                        <p class="lede">"Four short questions about how you feel. It takes about a minute."</p>
                        <p>{PREAMBLE}</p>
                        <p class="secondary-text">{ATTRIBUTION}</p>
                        <button type="button" class="button" on:click=move |_| go(1)>
                            {if started { "Carry on where you left off" } else { "Start" }}
                        </button>
                        <p><a href="/check-in/history">"See your check-ins so far"</a></p>
                    </Page>
                }.into_any()
            }
            1..=4 => {
                let q = Question::ALL[s - 1];
                let (low, high) = q.ends();
                let mut options: Vec<(String, String)> = (0..=10).map(|v| (v.to_string(), v.to_string())).collect();
                options.push((SKIP.into(), "Prefer not to say".into()));
                view! {
                    <BackLink on_back=Callback::new(move |_| go(s - 1)) />
                    <ErrorSummary errors=errors.summary() />
                    <form novalidate on:submit=next>
                        <Page title=format!("Question {s} of 4") tab_title="Wellbeing check-in">
                            <Choices
                                id="ons-answer".to_string()
                                legend=q.wording().to_string()
                                hint=format!("0 is {}. 10 is {}.", low.to_ascii_lowercase(), high.to_ascii_lowercase())
                                options=options
                                compact=true
                                required=true
                                selected=typed.into()
                                on_change=Callback::new(move |v| typed.set(v))
                                error=errors.message("ons-answer")
                            />
                            <button class="button" type="submit">"Continue"</button>
                        </Page>
                    </form>
                }.into_any()
            }
            5 => view! {
                <BackLink on_back=Callback::new(move |_| go(4)) />
                <ErrorSummary errors=errors.summary() />
                <Page title="Check your answers".into() tab_title="Wellbeing check-in">
                    <dl class="summary-list">
                        {Question::ALL.into_iter().enumerate().map(|(i, q)| {
                            let answer = wellbeing.with(|w| w.map_or(Choice::Unanswered, |w| w.draft_answer(q)));
                            view! {
                                <div class="summary-list__row">
                                    <dt class="summary-list__key">{q.wording()}</dt>
                                    <dd class="summary-list__value">{choice_words(answer)}</dd>
                                    <dd class="summary-list__actions">
                                        <button type="button" class="link-button" on:click=move |_| go(i + 1)>
                                            "Change"<span class="visually-hidden">{format!(" {}", q.short().to_ascii_lowercase())}</span>
                                        </button>
                                    </dd>
                                </div>
                            }
                        }).collect_view()}
                    </dl>
                    <p>"Each answer is kept on its own: they are never added up."</p>
                    <button type="button" class="button" on:click=save>"Save check-in"</button>
                </Page>
            }.into_any(),
            _ => view! {
                <Page title="Check-in saved".into()>
                    <p>"Thank you. Your answers are saved on this phone."</p>
                    <p><a href="/check-in/history">"See how your answers have changed"</a></p>
                    <p><a href="/">"Go to Today"</a></p>
                </Page>
            }.into_any(),
        }
    }
}

/// `/check-in/history`.
#[component]
pub fn CheckInHistory() -> impl IntoView {
    let wellbeing = use_saved::<Wellbeing>();
    let today = clock::today();
    let said = RwSignal::new(String::new());
    let rhythm_code = |r: Rhythm| match r {
        Rhythm::Every(w) => format!("every-{w}"),
        Rhythm::BeforeLinkWorker => "link-worker".into(),
        Rhythm::Off => "off".into(),
    };
    let chosen = RwSignal::new(rhythm_code(
        wellbeing.with_untracked(|w| w.map_or(Rhythm::Every(4), |w| w.rhythm)),
    ));
    view! {
        <Page title="Your wellbeing check-ins".into()>
            {move || {
                let w = wellbeing.get().unwrap_or_default();
                let Some(start) = w.starting_point().map(|c| c.date) else {
                    return view! {
                        <p>"You have not done a check-in yet. Your first one will be your starting point."</p>
                        <p><a class="button" href="/check-in">"Start a check-in"</a></p>
                    }.into_any();
                };
                view! {
                    <p>{format!("Your starting point is your first check-in, on {}. You have done {} in all.", format_day(start, today), w.checkins.len())}</p>
                    <p><a class="button" href="/check-in">"Do a check-in now"</a></p>
                    {Question::ALL.into_iter().map(|q| {
                        let dated: Vec<(chrono::NaiveDate, i32)> = w.checkins.iter().filter_map(|c| Some((c.date, i32::from(c.answer(q)?)))).collect();
                        let chart = (dated.len() > 1).then(|| Chart::daily(&dated, &Scale::ZeroToTen, 0, today)).flatten();
                        let words = match w.first_and_latest(q) {
                            None => "No answers yet.".to_string(),
                            Some(((d0, a0), (d1, _))) if d0 == d1 => format!("Starting point: {a0} ({}).", format_day(d0, today)),
                            Some(((d0, a0), (d1, a1))) => format!(
                                "Starting point: {a0} ({}). Latest: {a1} ({}). That is {}.",
                                format_day(d0, today), format_day(d1, today), q.change(a0, a1)
                            ),
                        };
                        let rows: Vec<Vec<String>> = w.checkins.iter().rev().map(|c| vec![
                            format_day(c.date, today),
                            c.answer(q).map_or("Prefer not to say".to_string(), |a| a.to_string()),
                        ]).collect();
                        view! {
                            <section class="card" aria-label=q.short()>
                                <h2 class="heading-m">{q.short()}</h2>
                                <p class="secondary-text">{q.wording()}</p>
                                <p class="trend__summary">{words}</p>
                                {(!q.higher_is_better()).then(|| view! { <p>"For this question, a lower number is better."</p> })}
                                {chart.map(|chart| view! { <LineChart chart=chart /> })}
                                <details class="details">
                                    <summary>"Show every answer"</summary>
                                    <DataTable
                                        caption=format!("{}, every check-in", q.short())
                                        columns=vec!["Date".into(), "Answer (0 to 10)".into()]
                                        rows=rows
                                    />
                                </details>
                            </section>
                        }
                    }).collect_view()}
                }.into_any()
            }}
            <h2>"Reminders"</h2>
            <form novalidate on:submit=move |ev: SubmitEvent| {
                ev.prevent_default();
                let code = chosen.get_untracked();
                let rhythm = Rhythm::CHOICES.into_iter().map(|(r, _)| r).find(|r| rhythm_code(*r) == code).unwrap_or(Rhythm::Off);
                if wellbeing.change(|w| { w.rhythm = rhythm; Ok::<_, ()>(()) }).is_ok() && wellbeing.saved_ok() {
                    say_when_saved(said, "Saved. Today will suggest a check-in at these times.");
                }
            }>
                <Choices
                    id="rhythm".to_string()
                    legend="When should Today suggest a check-in?".to_string()
                    hint="A quiet suggestion on Today, which you can put off. Nothing else.".to_string()
                    options=Rhythm::CHOICES.into_iter().map(|(r, words)| (rhythm_code(r), words.to_string())).collect()
                    required=true
                    selected=chosen.into()
                    // A new choice is not saved yet: "Saved" would be untrue.
                    on_change=Callback::new(move |v| { chosen.set(v); said.set(String::new()); })
                    error=Signal::derive(|| None)
                />
                <button class="button button--secondary" type="submit">"Save"</button>
                <p class="status-line" role="status">{said}</p>
            </form>
            <p class="secondary-text">{ATTRIBUTION}</p>
        </Page>
    }
}

/// Today's gentle suggestion of a check-in, when the rhythm says so.
#[component]
pub fn CheckInDue() -> impl IntoView {
    let wellbeing = use_saved::<Wellbeing>();
    let appts = use_saved::<ApptBook>();
    let today = clock::today();
    let now = clock::now();
    let next_link_worker = move || {
        appts.with(|b| {
            b.and_then(|b| {
                b.upcoming(now)
                    .into_iter()
                    .find(|(_, o)| {
                        !o.cancelled && b.get(o.id).is_some_and(|a| a.kind == ApptKind::LinkWorker)
                    })
                    .map(|(_, o)| o.date)
            })
        })
    };
    move || {
        let due = wellbeing.with(|w| {
            w.cloned()
                .unwrap_or_default()
                .is_due(today, next_link_worker())
        });
        due.then(|| view! {
            <section class="card card--feature" aria-labelledby="check-in-due">
                <h2 class="heading-m" id="check-in-due">"Time for a wellbeing check-in?"</h2>
                <p>"Four short questions. It takes about a minute."</p>
                <div class="button-group">
                    <a class="button" href="/check-in">"Start the check-in"</a>
                    <button type="button" class="button button--secondary" on:click=move |_| {
                        let _ = wellbeing.change(|w| { w.not_now(clock::today()); Ok::<_, ()>(()) });
                        page::focus_after_render(HEADING_ID);
                    }>"Not now"</button>
                </div>
            </section>
        })
    }
}

/// "Things I want to talk about next time".
#[component]
pub fn TalkAbout() -> impl IntoView {
    let talk = use_saved::<TalkList>();
    let typed = RwSignal::new(String::new());
    let errors = FormErrors::new("Today");
    let said = RwSignal::new(String::new());
    let removed = RwSignal::new(None::<(usize, TalkItem)>);
    let undo = move |()| {
        if let Some(gone) = removed.get_untracked() {
            let _ = talk.change(|t| {
                t.undo_remove(gone);
                Ok::<_, ()>(())
            });
            removed.set(None);
            say_when_saved(said, "Put back");
            page::focus_after_render("talk-new");
        }
    };
    let add = move |ev: SubmitEvent| {
        ev.prevent_default();
        let text = typed.get_untracked();
        match talk.change(|t| t.add(&text, clock::today())) {
            Ok(_) => {
                typed.set(String::new());
                errors.clear();
                if talk.saved_ok() {
                    say_when_saved(said, "Added");
                }
            }
            Err(e) => {
                errors.show(vec![SummaryError {
                    target: "talk-new".into(),
                    message: e.message,
                }]);
                // Today has no summary for this small form: go to the box.
                page::focus_after_render("talk-new");
            }
        }
    };
    view! {
        <section aria-labelledby="talk-heading">
            <h2 id="talk-heading">"Things I want to talk about next time"</h2>
            <p class="secondary-text">"A list for your next session with your link worker. It stays on this phone unless you share it."</p>
            {move || {
                let items = talk.with(|t| t.map(|t| t.items.clone()).unwrap_or_default());
                (!items.is_empty()).then(|| view! {
                    <ul class="own-list talk-list">
                        {items.into_iter().map(|item| {
                            let id = item.id;
                            let text = item.text.clone();
                            let hidden = format!(" {}", item.text);
                            view! {
                                <li>
                                    <span class="preserve-lines">{item.text}</span>
                                    <button type="button" class="link-button" on:click=move |_| {
                                        if let Ok(gone) = talk.change(|t| t.remove(id).ok_or(())) {
                                            removed.set(Some(gone));
                                            say_when_saved(said, format!("Removed: {text}"));
                                            page::focus_after_render("undo-talk");
                                        }
                                    }>"Remove"<span class="visually-hidden">{hidden}</span></button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                })
            }}
            <div role="status">
                {move || removed.with(|r| r.as_ref().map(|(_, item)| item.text.clone())).map(|text| view! {
                    <UndoNotice button_id="undo-talk" on_undo=Callback::new(undo)>
                        "Removed from your list: \u{201c}" {text} "\u{201d}."
                    </UndoNotice>
                })}
            </div>
            <form novalidate on:submit=add>
                <TextField
                    id="talk-new"
                    label="Add something to talk about"
                    bind=typed
                    errors=errors
                />
                <button class="button button--secondary" type="submit">"Add to the list"</button>
            </form>
            <p class="visually-hidden" role="status">{said}</p>
        </section>
    }
}

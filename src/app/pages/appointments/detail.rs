//! `/appointments/:id/:due`: one occurrence, with what to bring, the
//! questions, "Add to my calendar", changing or cancelling just this one
//! or all, and notes afterwards.

use chrono::NaiveDate;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::form::ApptNotFound;
use super::{export, target_for};
use crate::app::components::{ErrorSummary, FormErrors, Page, SummaryError, TextField};
use crate::app::state::{say_when_saved, use_saved};
use crate::model::appointment::ApptBook;
use crate::model::appointment::{twice_note, ApptField, Went};
use crate::model::diary::{format_time, time_box};
use crate::model::time::{iso_day, parse_iso_day};
use crate::platform::{clock, page};

/// `/appointments/:id/:due`.
#[component]
pub fn OccurrencePage() -> impl IntoView {
    let params = use_params_map();
    let appts = use_saved::<ApptBook>();
    let found = Memo::new(move |_| {
        let id: u32 = params.with(|p| p.get("id")?.parse().ok())?;
        let due = params.with(|p| parse_iso_day(&p.get("due")?))?;
        appts
            .with(|b| b.is_some_and(|b| b.get(id).is_some_and(|a| a.due_dates().contains(&due))))
            .then_some((id, due))
    });
    move || match found.get() {
        Some((id, due)) => view! { <OccurrenceDetail id=id due=due /> }.into_any(),
        None => view! { <ApptNotFound /> }.into_any(),
    }
}

#[component]
fn OccurrenceDetail(id: u32, due: NaiveDate) -> impl IntoView {
    let appts = use_saved::<ApptBook>();
    let today = clock::today();
    let appt = Memo::new(move |_| appts.with(|b| b.and_then(|b| b.get(id).cloned())));
    let occ = Memo::new(move |_| appt.with(|a| a.as_ref().and_then(|a| a.occurrence(due))));
    let errors = FormErrors::new("An appointment");
    // What each action did, said beside its own button.
    let one_said = RwSignal::new(String::new());
    let all_said = RwSignal::new(String::new());
    let calendar_said = RwSignal::new(String::new());
    let notes_said = RwSignal::new(String::new());
    let went_said = RwSignal::new(String::new());
    let now = clock::now();
    let moving = RwSignal::new(false);
    let new_date = RwSignal::new(String::new());
    let new_time = RwSignal::new(String::new());
    let notes = RwSignal::new(
        occ.get_untracked()
            .and_then(|o| o.notes)
            .unwrap_or_default(),
    );
    let title = appt.get_untracked().map(|a| a.title()).unwrap_or_default();
    let show_errors = move |errs: Vec<crate::model::FieldError<ApptField>>| {
        errors.show(
            errs.into_iter()
                .map(|e| SummaryError {
                    target: target_for(e.field).into(),
                    message: e.message,
                })
                .collect(),
        );
    };
    let change = move |op: &dyn Fn(&mut crate::model::appointment::Appointment)| {
        let _ = appts.change(|b| match b.get_mut(id) {
            Some(a) => {
                op(a);
                Ok(())
            }
            None => Err(()),
        });
    };
    let save_move = move |ev: SubmitEvent| {
        ev.prevent_default();
        let (d, t) = (new_date.get_untracked(), new_time.get_untracked());
        let result = appts.change(|b| match b.get_mut(id) {
            Some(a) => a.move_one(due, &d, &t),
            None => Ok(()),
        });
        match result {
            Ok(()) => {
                errors.clear();
                moving.set(false);
                say_when_saved(one_said, "Changed.");
                page::focus_after_render("page-heading");
            }
            Err(errs) => show_errors(errs),
        }
    };
    let save_notes = move |ev: SubmitEvent| {
        ev.prevent_default();
        let text = notes.get_untracked();
        match appts.change(|b| match b.get_mut(id) {
            Some(a) => a.set_notes(due, &text),
            None => Ok(()),
        }) {
            Ok(()) => {
                errors.clear();
                if appts.saved_ok() {
                    say_when_saved(notes_said, "Notes saved.");
                }
            }
            Err(e) => show_errors(vec![e]),
        }
    };
    let set_went = move |went: Option<Went>| {
        change(&|a| a.set_went(due, went));
        if appts.saved_ok() {
            say_when_saved(
                went_said,
                match went {
                    Some(Went::Ahead) => "Saved: it went ahead.",
                    Some(Went::NotAhead) => "Saved: it did not go ahead.",
                    None => "Saved: not recorded.",
                },
            );
        }
    };
    let went_is = move |w: Went| occ.with(|o| o.as_ref().and_then(|o| o.went) == Some(w));
    let pressed = move |w: Went| if went_is(w) { "true" } else { "false" };
    view! {
        <a class="back-link" href="/appointments">"Your appointments"</a>
        <ErrorSummary errors=errors.summary() />
        <Page title=title tab_title="An appointment">
            {move || {
                let (Some(a), Some(o)) = (appt.get(), occ.get()) else { return ().into_any() };
                let when = o.when(today);
                let note = twice_note(o.date, o.time);
                // Widened: a late start plus a long appointment passes midnight.
                let end = format_time(((u32::from(o.time) + u32::from(a.minutes)) % 1440) as u16);
                view! {
                    {o.cancelled.then(|| view! { <p><strong class="tag tag--grey">"Cancelled"</strong></p> })}
                    <dl class="summary-list">
                        <div class="summary-list__row"><dt class="summary-list__key">"When"</dt><dd class="summary-list__value">{format!("{when} to {end}")}</dd></div>
                        {a.repeat.map(|r| view! { <div class="summary-list__row"><dt class="summary-list__key">"Repeats"</dt><dd class="summary-list__value">{format!("Every {} until {}", if r.weeks == 1 { "week".to_string() } else { format!("{} weeks", r.weeks) }, crate::model::time::format_day(r.until, today))}</dd></div> })}
                        {a.place.clone().map(|p| {
                            let maps = format!("https://www.openstreetmap.org/search?query={}", js_sys::encode_uri_component(&p));
                            view! { <div class="summary-list__row"><dt class="summary-list__key">"Where"</dt><dd class="summary-list__value preserve-lines">{p}<br/><a href=maps target="_blank" rel="noopener noreferrer">"Open in maps (leaves Alongside)"</a></dd></div> }
                        })}
                        {a.bring.clone().map(|b| view! { <div class="summary-list__row"><dt class="summary-list__key">"What to bring"</dt><dd class="summary-list__value preserve-lines">{b}</dd></div> })}
                        {(!a.reminders.is_empty()).then(|| view! { <div class="summary-list__row"><dt class="summary-list__key">"Reminders"</dt><dd class="summary-list__value">{a.reminders.iter().map(|r| r.label()).collect::<Vec<_>>().join(", ")}</dd></div> })}
                    </dl>
                    {note.map(|n| view! { <p class="inset">{n}</p> })}
                    {(!a.questions.is_empty()).then(|| view! {
                        <h2>"Questions to ask"</h2>
                        <ul class="plain-list questions">{a.questions.iter().map(|q| view! { <li>{q.clone()}</li> }).collect_view()}</ul>
                    })}
                }.into_any()
            }}
            <div class="button-group actions">
                <button type="button" class="button button--secondary" on:click=move |_| {
                    if let (Some(o), Some(book)) = (occ.get_untracked(), appts.with_untracked(|b| b.cloned())) {
                        let items = if book.get(id).is_some_and(|a| a.repeat.is_some()) {
                            book.get(id).map(|a| a.occurrences()).unwrap_or_default()
                        } else {
                            vec![o]
                        };
                        export(&book, items, "appointment.ics", calendar_said);
                    }
                }>"Add to my calendar"</button>
                <a href=format!("/appointments/{id}/edit")>{move || if appt.with(|a| a.as_ref().is_some_and(|a| a.repeat.is_some())) { "Change all of them" } else { "Change this appointment" }}</a>
            </div>
            <p class="status-line" role="status">{calendar_said}</p>
            {move || appt.with(|a| a.as_ref().is_some_and(|a| a.repeat.is_some())).then(|| view! {
                <h2>"Just this one"</h2>
                <div class="button-group">
                    <button type="button" class="link-button" on:click=move |_| {
                        if let Some(o) = occ.get_untracked() {
                            new_date.set(iso_day(o.date));
                            new_time.set(time_box(o.time));
                        }
                        moving.set(true);
                        page::focus_after_render(target_for(ApptField::Date));
                    }>"Change just this one"</button>
                    <button type="button" class="link-button" on:click=move |_| {
                        let cancelled = occ.get_untracked().is_some_and(|o| o.cancelled);
                        change(&|a| a.cancel_one(due, !cancelled));
                        say_when_saved(one_said, if cancelled { "Put back." } else { "Cancelled." });
                    }>{move || if occ.with(|o| o.as_ref().is_some_and(|o| o.cancelled)) { "Put this one back" } else { "Cancel just this one" }}</button>
                </div>
                <p class="status-line" role="status">{one_said}</p>
            })}
            {move || moving.get().then(|| view! {
                <form novalidate on:submit=save_move class="move-one">
                    <TextField id=target_for(ApptField::Date) label="New date" input_type="date" width_class="input--date" bind=new_date errors=errors />
                    <TextField id=target_for(ApptField::Time) label="New start time" input_type="time" width_class="input--date" bind=new_time errors=errors />
                    <button class="button" type="submit">"Save this one"</button>
                </form>
            })}
            <h2>"Afterwards"</h2>
            // Notes are for what was said: offered once it has started.
            {move || if occ.with(|o| o.as_ref().is_some_and(|o| o.start() <= now)) {
                view! {
                    {move || (!occ.with(|o| o.as_ref().is_some_and(|o| o.cancelled))).then(|| view! {
                        <div class="form-group went" role="group" aria-labelledby="went-label">
                            <p class="label" id="went-label">"Did it go ahead?"</p>
                            <div class="button-group">
                                <button type="button" class="button button--secondary button--small" aria-pressed=move || pressed(Went::Ahead) on:click=move |_| set_went(Some(Went::Ahead))>"Yes, it went ahead"</button>
                                <button type="button" class="button button--secondary button--small" aria-pressed=move || pressed(Went::NotAhead) on:click=move |_| set_went(Some(Went::NotAhead))>"No, it did not"</button>
                                {move || (went_is(Went::Ahead) || went_is(Went::NotAhead)).then(|| view! {
                                    <button type="button" class="link-button" on:click=move |_| set_went(None)>"I am not sure"</button>
                                })}
                            </div>
                            <p class="status-line" role="status">{went_said}</p>
                        </div>
                    })}
                    <form novalidate on:submit=save_notes>
                        <TextField id=target_for(ApptField::Notes) label="What was said? (optional)" hint="Notes for you, such as what to do next." multiline=true value=notes on_input=Callback::new(move |v| { notes.set(v); notes_said.set(String::new()); }) error=errors.message(target_for(ApptField::Notes)) />
                        <button class="button button--secondary" type="submit">"Save notes"</button>
                    </form>
                    <p class="status-line" role="status">{notes_said}</p>
                }.into_any()
            } else {
                view! { <p>"After the appointment, you can write down here what was said."</p> }.into_any()
            }}
            {move || appt.with(|a| a.is_some()).then(|| view! {
                <p>
                    <button type="button" class="link-button" on:click=move |_| {
                        let cancelled = appt.with_untracked(|a| a.as_ref().is_some_and(|a| a.cancelled));
                        change(&|a| { a.cancelled = !cancelled; a.sequence += 1; });
                        say_when_saved(all_said, if cancelled { "Put back." } else { "Cancelled." });
                    }>{move || {
                        let (cancelled, repeats) = appt.with(|a| a.as_ref().map_or((false, false), |a| (a.cancelled, a.repeat.is_some())));
                        match (cancelled, repeats) {
                            (true, true) => "Put all of them back",
                            (true, false) => "Put this appointment back",
                            (false, true) => "Cancel all of them",
                            (false, false) => "Cancel this appointment",
                        }
                    }}</button>
                </p>
            })}
            <p class="status-line" role="status">{all_said}</p>
        </Page>
    }
}

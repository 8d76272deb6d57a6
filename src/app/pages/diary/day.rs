//! `/diary/:date` (one day's entry, new or changed) and Today's quick
//! check-in.

use chrono::NaiveDate;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::fields::{summary, DayFields};
use crate::app::components::{ErrorSummary, FormErrors, Page, TextField};
use crate::app::state::{use_diary, when_saved, DiaryStore};
use crate::model::diary::{format_time, DayDraft, DayEntry, Kind, Measure};
use crate::model::time::{format_day, parse_iso_day};
use crate::platform::{clock, page};

/// `/diary/:date`, and `/diary/today` (the home screen shortcut "Fill in
/// today's diary", which cannot know the date).
#[component]
pub fn DayPage() -> impl IntoView {
    let params = use_params_map();
    let today = clock::today();
    let date = Memo::new(move |_| {
        params.with(|p| {
            p.get("date").and_then(|d| match d.as_str() {
                "today" => Some(today),
                other => parse_iso_day(other),
            })
        })
    });
    move || match date.get() {
        Some(day) if day <= today => view! { <DayForm day=day /> }.into_any(),
        Some(_) => view! {
            <Page title="That day has not happened yet".into()>
                <p>"You can fill in today or any day before it."</p>
                <p><a href="/diary">"Go to your diary"</a></p>
            </Page>
        }
        .into_any(),
        None => view! {
            <Page title="Day not found".into()>
                <p>"This address is not a date we can show."</p>
                <p><a href="/diary">"Go to your diary"</a></p>
            </Page>
        }
        .into_any(),
    }
}

/// The whole entry for one day: every measure, and a note.
#[component]
fn DayForm(day: NaiveDate) -> impl IntoView {
    let diary = use_diary();
    let today = clock::today();
    let measures = diary.measures();
    let entry = diary.day(day);
    // A made-up example on this day is shown as one, never put in the
    // form: what the client saves here is their own entry, and wins.
    let example = diary
        .example_day(day)
        .map(|e| example_lines(&e, &diary.all_measures()));
    let draft = RwSignal::new(DayDraft::new(day, &measures, entry.as_ref()));
    let errors = FormErrors::new("A day in your diary");
    let saved = RwSignal::new(None::<DayDraft>);
    let saved_now = move || saved.with(|s| s.as_ref() == Some(&draft.get()));
    let words = format_day(day, today);
    let title = if day == today {
        format!("Today, {words}")
    } else {
        words.clone()
    };
    let save = move |ev: SubmitEvent| {
        ev.prevent_default();
        save_draft(diary, draft, errors, saved, "day-saved");
    };
    view! {
        <a class="back-link" href="/diary">"Your diary"</a>
        <ErrorSummary errors=errors.summary() />
        <Page title=title tab_title="A day in your diary">
            {move || saved_now().then(|| view! {
                <div class="notice notice--success" id="day-saved" tabindex="-1">
                    <p>{format!("Your diary for {words} is saved.")}</p>
                    <p><a href="/diary">"See your diary"</a></p>
                </div>
            })}
            {move || example.clone().filter(|_| saved.with(Option::is_none)).map(|lines| view! {
                <div class="example-day" id="day-example">
                    <p>
                        <span class="tag tag--example">"Example"</span>
                        " This day shows a made-up example, not your own entry. If you save this day, your entry replaces the example."
                    </p>
                    <ul class="list">
                        {lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                    </ul>
                </div>
            })}
            <p>"Fill in as much or as little as you like. Everything is optional."</p>
            <form novalidate on:submit=save>
                <DayFields draft=draft errors=errors />
                <TextField
                    id="day-note"
                    label="A note about the day (optional)"
                    hint="For example, what helped, or anything you want to remember to mention."
                    multiline=true
                    value=Signal::derive(move || draft.with(|d| d.note.clone()))
                    on_input=Callback::new(move |v| draft.update(|d| d.note = v))
                    error=errors.message("day-note")
                />
                <button class="button" type="submit">"Save"</button>
            </form>
        </Page>
    }
}

/// A made-up example's readings, a line each: "Mood: Good",
/// "Blood glucose at 8:00am: 6.4 mmol/L".
fn example_lines(example: &DayEntry, measures: &[Measure]) -> Vec<String> {
    example
        .readings
        .iter()
        .filter_map(|r| {
            let m = measures.iter().find(|m| m.id == r.m)?;
            Some(match r.t {
                Some(t) => format!("{} at {}: {}", m.name, format_time(t), m.show(r.v)),
                None => format!("{}: {}", m.name, m.show(r.v)),
            })
        })
        .collect()
}

/// Checks the day form and saves it; on success keeps what was saved in
/// `saved` (so the page says "saved" only while the form still shows it)
/// and moves focus to the confirmation `confirm_id`; on bad input shows
/// the errors and saves nothing.
fn save_draft(
    diary: DiaryStore,
    draft: RwSignal<DayDraft>,
    errors: FormErrors,
    saved: RwSignal<Option<DayDraft>>,
    confirm_id: &'static str,
) {
    let d = draft.get_untracked();
    let before = diary.day(d.date);
    match d.validate(clock::today(), before.as_ref()) {
        Err(errs) => {
            saved.set(None);
            errors.show(summary(errs));
        }
        Ok(entry) => {
            errors.clear();
            if diary.save_day(entry).is_ok() {
                // "Saved" only once it is on disk.
                when_saved(move || {
                    saved.set(Some(d));
                    page::focus_after_render(confirm_id);
                });
            }
        }
    }
}

/// The measures on Today's quick check-in: mood, then the first two of the
/// client's other measures that take a single answer (several readings a
/// day, with times, are for the full day page).
fn quick_measures(all: Vec<Measure>) -> Vec<Measure> {
    let mut out: Vec<Measure> = all
        .iter()
        .filter(|m| matches!(m.kind, Kind::Mood))
        .cloned()
        .collect();
    out.extend(
        all.into_iter()
            .filter(|m| !m.several && !matches!(m.kind, Kind::Mood) && m.id != "sleep")
            .take(2),
    );
    out
}

/// Today's quick check-in: mood and the client's main measures on one
/// screen, saved with one tap. The rest is on the day page.
#[component]
pub fn QuickCheckIn() -> impl IntoView {
    let diary = use_diary();
    let today = clock::today();
    let measures = quick_measures(diary.measures());
    let entry = diary.day(today);
    let draft = RwSignal::new(DayDraft::new(today, &measures, entry.as_ref()));
    let errors = FormErrors::new("Today");
    let saved = RwSignal::new(None::<DayDraft>);
    let saved_now = move || saved.with(|s| s.as_ref() == Some(&draft.get()));
    // From the diary itself (tracked), so it is right the moment a save
    // lands, here or in another tab.
    let started = move || diary.has_day(today);
    let save = move |ev: SubmitEvent| {
        ev.prevent_default();
        save_draft(diary, draft, errors, saved, "check-in-saved");
    };
    view! {
        <section class="card check-in" aria-labelledby="check-in-heading">
            <h2 class="heading-m" id="check-in-heading">"How are you today?"</h2>
            {move || (!saved_now()).then(|| view! {
                <p class="secondary-text">
                    {if started() {
                        "You have started today's diary. You can change it here or add more."
                    } else {
                        "You have not filled in today's diary yet."
                    }}
                </p>
            })}
            <ErrorSummary errors=errors.summary() />
            {move || saved_now().then(|| view! {
                <div class="notice notice--success" id="check-in-saved" tabindex="-1">
                    <p>"Saved in your diary for today."</p>
                </div>
            })}
            <form novalidate on:submit=save>
                <DayFields draft=draft errors=errors />
                <div class="button-group">
                    <button class="button" type="submit">"Save check-in"</button>
                    <a href=format!("/diary/{today}")>"Add more for today"</a>
                </div>
            </form>
        </section>
    }
}

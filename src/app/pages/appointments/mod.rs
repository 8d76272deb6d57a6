//! `/appointments` and the pages under it.
//!
//! The rules live in [`crate::model::appointment`]; calendar files in
//! [`crate::share::ics`]. These pages show appointments and call the
//! store's methods.

mod detail;
mod form;

use chrono::NaiveDate;
use leptos::prelude::*;

pub use detail::OccurrencePage;
pub use form::{EditAppointment, NewAppointment};

use crate::app::state::{say_when_saved, use_saved};
use crate::model::appointment::{ApptBook, ApptField, Occurrence, Went, When};
use crate::model::time::iso_day;
use crate::platform::{clock, file, notify, page};
use crate::share::ics;

/// The id of the form control each appointment field is entered in.
pub fn target_for(field: ApptField) -> &'static str {
    match field {
        ApptField::With => "appt-with",
        ApptField::Date => "appt-date",
        ApptField::Time => "appt-time",
        ApptField::Minutes => "appt-minutes",
        ApptField::Place => "appt-place",
        ApptField::Bring => "appt-bring",
        ApptField::Questions => "appt-questions",
        ApptField::Until => "appt-until",
        ApptField::Notes => "appt-notes",
    }
}

/// The address of one occurrence.
pub fn occurrence_href(o: &Occurrence) -> String {
    format!("/appointments/{}/{}", o.id, iso_day(o.due))
}

/// Offers a calendar file of `items` (occurrence of appointment id) and
/// says what happened in `said`.
pub fn export(book: &ApptBook, items: Vec<Occurrence>, name: &'static str, said: RwSignal<String>) {
    let pairs: Vec<_> = items
        .into_iter()
        .filter_map(|o| Some((book.get(o.id)?, o)))
        .collect();
    let text = ics::calendar(&pairs, clock::now());
    leptos::task::spawn_local(async move {
        let message = match file::hand_over(name, &text, "text/calendar").await {
            file::Handed::Shared => "Sent to your calendar.",
            file::Handed::Downloaded => "Downloaded. Open the file to add it to your calendar.",
            file::Handed::Cancelled => "Not added to your calendar.",
            file::Handed::Failed => {
                "This browser would not save the file. Try again, or use another browser."
            }
        };
        said.set(message.into());
    });
}

/// One line in a list of appointments.
#[component]
pub fn OccurrenceItem(o: Occurrence, title: String, today: NaiveDate) -> impl IntoView {
    let href = occurrence_href(&o);
    let when = o.when(today);
    view! {
        <li class="appt" class:appt--cancelled=o.cancelled>
            <a href=href class="appt__title">{title}</a>
            <p class="appt__when">{when}</p>
            {o.cancelled.then(|| view! { <p><strong class="tag tag--grey">"Cancelled"</strong></p> })}
            {o.notes.map(|n| view! { <p class="preserve-lines appt__notes">{n}</p> })}
        </li>
    }
}

/// `/appointments`.
#[component]
pub fn Appointments() -> impl IntoView {
    let appts = use_saved::<ApptBook>();
    let today = clock::today();
    let said = RwSignal::new(String::new());
    let now = clock::now();
    let book = move || appts.get().unwrap_or_default();
    let notify_on = RwSignal::new(notify::allowed());
    view! {
        <crate::app::components::Page title="Your appointments".into()>
            <p><a class="button" href="/appointments/new">"Add an appointment"</a></p>
            {move || {
                let b = book();
                let upcoming = b.upcoming(now);
                if upcoming.is_empty() {
                    return view! { <p>"You have no appointments coming up."</p> }.into_any();
                }
                // Cancelled ones go in too, marked cancelled, so a calendar
                // that already has them removes them.
                let all: Vec<Occurrence> = upcoming.iter().map(|(_, o)| o.clone()).collect();
                view! {
                    <button type="button" class="button button--secondary" on:click=move |_| export(&appts.with_untracked(|b| b.cloned().unwrap_or_default()), all.clone(), "appointments.ics", said)>
                        "Add all upcoming to my calendar"
                    </button>
                    <p class="status-line" role="status">{said}</p>
                    {When::ALL.into_iter().filter_map(|g| {
                        let items: Vec<_> = upcoming.iter().filter(|(w, _)| *w == g).map(|(_, o)| o.clone()).collect();
                        (!items.is_empty()).then(|| {
                            let b = b.clone();
                            view! {
                                <h2>{g.label()}</h2>
                                <ul class="appts">
                                    {items.into_iter().map(|o| {
                                        let title = b.get(o.id).map(|a| a.title()).unwrap_or_default();
                                        view! { <OccurrenceItem o=o title=title today=today /> }
                                    }).collect_view()}
                                </ul>
                            }
                        })
                    }).collect_view()}
                }.into_any()
            }}
            <h2>"Reminders"</h2>
            <p>"Alongside shows a reminder on Today when one is due. Phones cannot wake a closed web app, so the surest reminder is your phone's own calendar: use \u{201c}Add to my calendar\u{201d}."</p>
            {move || (notify::supported() && !notify_on.get()).then(|| view! {
                <button type="button" class="button button--secondary" on:click=move |_| {
                    leptos::task::spawn_local(async move {
                        let allowed = notify::ask().await;
                        notify_on.set(allowed);
                        if allowed {
                            start_notifications();
                        }
                    });
                }>"Also show reminders as notifications while Alongside is open"</button>
            })}
            {move || notify_on.get().then(|| view! { <p>"Notifications are on while Alongside is open."</p> })}
            {move || {
                let b = book();
                let past: Vec<_> = b.past(now).into_iter().take(20).collect();
                (!past.is_empty()).then(|| view! {
                    <h2>"Past appointments"</h2>
                    <ul class="appts">
                        {past.into_iter().map(|o| {
                            let title = b.get(o.id).map(|a| a.title()).unwrap_or_default();
                            view! { <OccurrenceItem o=o title=title today=today /> }
                        }).collect_view()}
                    </ul>
                })
            }}
        </crate::app::components::Page>
    }
}

/// Appointments on Today: reminders that are due, the next appointments,
/// and, once, "How did it go?" after one has passed.
#[component]
pub fn TodayAppointments() -> impl IntoView {
    let appts = use_saved::<ApptBook>();
    let now = clock::now();
    let today = clock::today();
    let dismissed = RwSignal::new(Vec::<(u32, NaiveDate)>::new());
    // What answering "How did it go?" saved, said once the card is gone.
    let asked_said = RwSignal::new(String::new());
    let title = move |id: u32| {
        appts.with(|b| {
            b.and_then(|b| b.get(id))
                .map(|a| a.title())
                .unwrap_or_default()
        })
    };
    view! {
        {move || {
            let due = appts.with(|b| b.map(|b| b.due_reminders(now)).unwrap_or_default());
            due.into_iter()
                .filter(|(o, _)| !dismissed.with(|d| d.contains(&(o.id, o.due))))
                .map(|(o, _)| {
                    let key = (o.id, o.due);
                    view! {
                        <div class="notice notice--reminder" role="status">
                            <p><strong>"Reminder: "</strong>{format!("{}, {}", title(o.id), o.when(today))}</p>
                            <div class="button-group">
                                <a href=occurrence_href(&o)>"See the details"</a>
                                <button type="button" class="button button--secondary button--small" on:click=move |_| {
                                    dismissed.update(|d| d.push(key));
                                    page::focus_after_render(crate::app::components::HEADING_ID);
                                }>"OK, hide this reminder"</button>
                            </div>
                        </div>
                    }
                })
                .collect_view()
        }}
        {move || appts.with(|b| b.and_then(|b| b.to_ask(now))).map(|o| {
            let (id, due) = (o.id, o.due);
            let what = title(o.id);
            // Each answer is saved, then said where the card was.
            let answer = move |went: Option<Went>| {
                let what = what.clone();
                let saved = appts.change(|b| match b.get_mut(id) {
                    Some(a) => {
                        match went {
                            Some(_) => a.set_went(due, went),
                            None => a.mark_asked(due),
                        }
                        Ok(())
                    }
                    None => Err(()),
                });
                if saved.is_ok() && appts.saved_ok() && went.is_some() {
                    say_when_saved(
                        asked_said,
                        match went {
                            Some(Went::Ahead) => format!("Saved: {what} went ahead."),
                            _ => format!("Saved: {what} did not go ahead."),
                        },
                    );
                }
                page::focus_after_render(crate::app::components::HEADING_ID);
            };
            let (ahead, not_ahead, not_now) = (answer.clone(), answer.clone(), answer);
            view! {
                <section class="card" aria-labelledby="how-did-it-go">
                    <h2 class="heading-m" id="how-did-it-go">"How did it go?"</h2>
                    <p>{format!("You had {} on {}. Did it go ahead?", title(o.id), o.when(today))}</p>
                    <div class="button-group">
                        <button type="button" class="button" on:click=move |_| ahead(Some(Went::Ahead))>"Yes, it went ahead"</button>
                        <button type="button" class="button button--secondary" on:click=move |_| not_ahead(Some(Went::NotAhead))>"No, it did not"</button>
                    </div>
                    <p class="button-group">
                        <a href=occurrence_href(&o)>"Add notes"</a>
                        <button type="button" class="link-button" on:click=move |_| not_now(None)>"Not now"</button>
                    </p>
                </section>
            }
        })}
        <p class="status-line" role="status">{asked_said}</p>
        <section aria-labelledby="next-appointments">
            <h2 id="next-appointments">"Your next appointments"</h2>
            {move || {
                let (next, more): (Vec<(String, Occurrence)>, usize) = appts.with(|b| {
                    b.map(|b| {
                        let up = b.next_of_each(now, 3);
                        let titled = up
                            .shown
                            .into_iter()
                            .map(|o| (b.get(o.id).map(|a| a.title()).unwrap_or_default(), o))
                            .collect();
                        (titled, up.more)
                    })
                    .unwrap_or_default()
                });
                if next.is_empty() {
                    view! { <p>"No appointments coming up. " <a href="/appointments/new">"Add an appointment"</a></p> }.into_any()
                } else {
                    let more = match more {
                        0 => String::new(),
                        1 => "And 1 more appointment coming up. ".to_string(),
                        n => format!("And {n} more appointments coming up. "),
                    };
                    view! {
                        <ul class="appts">
                            {next.into_iter().map(|(t, o)| view! { <OccurrenceItem o=o title=t today=today /> }).collect_view()}
                        </ul>
                        <p>{more}<a href="/appointments">"See all your appointments"</a></p>
                    }.into_any()
                }
            }}
        </section>
    }
}

/// Shows due reminders as system notifications while the app is open,
/// each once a session, if the client allowed notifications. Starts once
/// a session, however often called.
pub fn start_notifications() {
    thread_local! {
        static STARTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if STARTED.with(|s| s.replace(true)) {
        return;
    }
    let appts = use_saved::<ApptBook>();
    let shown = StoredValue::new(Vec::<(u32, NaiveDate)>::new());
    let check = move || {
        if !notify::allowed() {
            return;
        }
        let due = appts.with_untracked(|b| {
            b.map(|b| {
                b.due_reminders(clock::now())
                    .into_iter()
                    .map(|(o, _)| (b.get(o.id).map(|a| a.title()).unwrap_or_default(), o))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
        });
        for (title, o) in due {
            let key = (o.id, o.due);
            if !shown.with_value(|s| s.contains(&key)) {
                notify::show(&format!("Reminder: {title}"), &o.when(clock::today()));
                shown.update_value(|s| s.push(key));
            }
        }
    };
    check();
    let _ = set_interval_with_handle(check, std::time::Duration::from_secs(60));
}

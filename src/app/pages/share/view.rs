//! One component shows a summary: the client's preview before anything
//! leaves the phone, and the link worker's review are the same view, so
//! what the client saw is exactly what the link worker sees.

use leptos::prelude::*;

use crate::app::components::{DataTable, LineChart};
use crate::model::diary::format_scaled;
use crate::model::time::{format_day, london};
use crate::model::wellbeing::Question;
use crate::share::summary::{SharedKind, SharedMeasure, Summary};

/// An answer, or "Prefer not to say".
fn answer(a: Option<u8>) -> String {
    a.map_or_else(|| "Prefer not to say".into(), |v| v.to_string())
}

/// A measure's value (scaled by `extra` more decimal places) in words.
fn value(m: &SharedMeasure, v: i32, extra: u8) -> String {
    let number = format_scaled(v, m.decimals + extra);
    match m.kind {
        SharedKind::Mood => format!("{number} out of 5"),
        SharedKind::Scale => format!("{number} out of 10"),
        SharedKind::Number => format!("{number} {}", m.unit),
        SharedKind::YesNo if extra == 0 => if v > 0 { "Yes" } else { "No" }.into(),
        // An average of yes (1) and no (0) is the share of yes.
        SharedKind::YesNo => format!("yes on {}% of readings", v * 10),
    }
}

/// The chart's range: the measure's own scale, or the readings' range.
fn range(m: &SharedMeasure) -> (i32, i32) {
    match m.kind {
        SharedKind::Mood => (10, 50),
        SharedKind::Scale => (0, 100),
        SharedKind::YesNo => (0, 10),
        SharedKind::Number => {
            let (_, _, lo, hi) = m.stats.unwrap_or((0, 0, 0, 10));
            (lo * 10, (hi * 10).max(lo * 10 + 1))
        }
    }
}

/// A shared summary, read-only. Its ids are fixed: a page shows one.
#[component]
pub fn SummaryView(
    /// The summary to show.
    summary: Summary,
) -> impl IntoView {
    let today = crate::platform::clock::today();
    let s = summary;
    let day = |offset: i32| format_day(s.day(offset), today);
    let made = london(s.created_at());
    let made_words = format!(
        "Made on {} at {}.",
        format_day(made.date(), today),
        crate::model::diary::format_time(
            u16::try_from(chrono::Timelike::hour(&made) * 60 + chrono::Timelike::minute(&made))
                .unwrap_or(0)
        )
    );
    let covers = format!(
        "It covers {} to {}.",
        format_day(s.from, today),
        format_day(s.to, today)
    );
    let title = match &s.name {
        Some(n) => format!("{n}'s summary"),
        None => "Shared summary".to_string(),
    };

    let goals = (!s.goals.is_empty()).then(|| {
        let items = s
            .goals
            .iter()
            .map(|g| {
                let done = g.steps.iter().filter(|(_, d)| d.is_some()).count();
                let steps = g
                    .steps
                    .iter()
                    .map(|(text, d)| {
                        let state = match d {
                            Some(d) => format!("Done {}", day(*d)),
                            None => "Not done yet".into(),
                        };
                        view! { <li>{text.clone()}<span class="summary__state">{format!(" ({state})")}</span></li> }
                    })
                    .collect_view();
                let rating = match (g.ratings.first(), g.ratings.last()) {
                    (Some(first), Some(last)) if g.ratings.len() > 1 => format!(
                        "How close they feel to it: {} out of 10 on {}, then {} out of 10 on {}.",
                        first.1,
                        day(first.0),
                        last.1,
                        day(last.0)
                    ),
                    (Some(only), _) => format!("How close they feel to it: {} out of 10 on {}.", only.1, day(only.0)),
                    _ => "No rating yet.".into(),
                };
                let notes = (!g.notes.is_empty()).then(|| {
                    view! {
                        <ul class="summary__notes">
                            {g.notes.iter().map(|(d, t)| view! { <li><strong>{day(*d)}": "</strong><span class="preserve-lines">{t.clone()}</span></li> }).collect_view()}
                        </ul>
                    }
                });
                view! {
                    <li class="summary__goal">
                        <h4 class="heading-s">{g.text.clone()}</h4>
                        <p><strong>{g.status.label()}</strong></p>
                        {g.why.clone().map(|w| view! { <p>"Why it matters: " {w}</p> })}
                        {(!g.steps.is_empty()).then(|| view! {
                            <p>{format!("Steps: {done} of {} done.", g.steps.len())}</p>
                            <ul>{steps}</ul>
                        })}
                        <p>{rating}</p>
                        {notes}
                    </li>
                }
            })
            .collect_view();
        view! {
            <section aria-labelledby="summary-goals">
                <h3 class="heading-m" id="summary-goals">"Goals"</h3>
                <ul class="summary__list">{items}</ul>
            </section>
        }
    });

    let measures = (!s.measures.is_empty()).then(|| {
        let items = s
            .measures
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let words = match m.stats {
                    Some((n, sum, lo, hi)) => {
                        let average = crate::model::diary::Summary { m: String::new(), n, sum, lo, hi }.average_x10();
                        format!(
                            "Average {}. Lowest {}. Highest {}. From {n} reading{}. {}.",
                            value(m, average, 1),
                            value(m, lo, 0),
                            value(m, hi, 0),
                            if n == 1 { "" } else { "s" },
                            m.direction().label()
                        )
                    }
                    None => "No readings in this period.".into(),
                };
                let (lo, hi) = range(m);
                let last = m.weeks.last().map_or(0, |w| u32::from(w.0));
                let points: Vec<(u32, i32)> = m.weeks.iter().map(|(w, v)| (u32::from(*w), *v)).collect();
                let labels = vec![(lo, format_scaled(lo, m.decimals + 1)), (hi, format_scaled(hi, m.decimals + 1))];
                let rows = m
                    .weeks
                    .iter()
                    .map(|(w, v)| vec![day(i32::from(*w) * 7), value(m, *v, 1)])
                    .collect::<Vec<_>>();
                let readings = (!m.readings.is_empty()).then(|| {
                    let rows = m
                        .readings
                        .iter()
                        .map(|(d, t, v)| vec![
                            day(*d),
                            t.map(crate::model::diary::format_time).unwrap_or_default(),
                            value(m, *v, 0),
                        ])
                        .collect();
                    view! {
                        <details class="details">
                            <summary>{format!("Every {} reading", m.name)}</summary>
                            <DataTable
                                caption=format!("{}, every reading", m.name)
                                columns=vec!["Day".into(), "Time".into(), "Reading".into()]
                                rows=rows
                            />
                        </details>
                    }
                });
                view! {
                    <li class="summary__measure">
                        <h4 class="heading-s" id=format!("summary-measure-{i}")>{m.name.clone()}</h4>
                        <p>{words}</p>
                        {(points.len() > 1).then(|| view! { <LineChart points=points x_max=last lo=lo hi=hi labels=labels /> })}
                        {(!m.weeks.is_empty()).then(|| view! {
                            <DataTable
                                caption=format!("{}, average each week", m.name)
                                columns=vec!["Week starting".into(), "Average".into()]
                                rows=rows
                            />
                        })}
                        {readings}
                    </li>
                }
            })
            .collect_view();
        view! {
            <section aria-labelledby="summary-diary">
                <h3 class="heading-m" id="summary-diary">"Diary"</h3>
                <ul class="summary__list">{items}</ul>
            </section>
        }
    });

    let wellbeing = s.wellbeing.clone().map(|w| {
        let (latest_day, latest) = w.latest();
        let rows = Question::ALL
            .iter()
            .enumerate()
            .map(|(i, q)| {
                let change = match (w.start.1[i], latest[i]) {
                    (Some(a), Some(b)) if latest_day != w.start.0 => q.change(a, b),
                    _ => String::new(),
                };
                vec![
                    format!("{}{}", q.short(), if q.higher_is_better() { "" } else { " (lower is better)" }),
                    answer(w.start.1[i]),
                    answer(latest[i]),
                    change,
                ]
            })
            .collect::<Vec<_>>();
        let all = (w.in_period.len() > 1).then(|| {
            let rows = w
                .in_period
                .iter()
                .map(|(d, a)| std::iter::once(day(*d)).chain(a.iter().map(|v| answer(*v))).collect())
                .collect();
            view! {
                <details class="details">
                    <summary>"Every check-in in this period"</summary>
                    <DataTable
                        caption="Every check-in in this period, 0 to 10"
                        columns=std::iter::once("Day".to_string()).chain(Question::ALL.iter().map(|q| q.short().to_string())).collect()
                        rows=rows
                    />
                </details>
            }
        });
        view! {
            <section aria-labelledby="summary-wellbeing">
                <h3 class="heading-m" id="summary-wellbeing">"Wellbeing check-ins"</h3>
                <p>"The four questions of the Office for National Statistics, each answered from 0 to 10."</p>
                <DataTable
                    caption=format!("Starting point ({}) and latest ({})", day(w.start.0), day(latest_day))
                    columns=vec!["Question".into(), "Starting point".into(), "Latest".into(), "Change".into()]
                    rows=rows
                    row_headings=true
                />
                {all}
            </section>
        }
    });

    let appointments = (!s.appointments.is_empty()).then(|| {
        let items = s
            .appointments
            .iter()
            .map(|a| {
                let when = format!(
                    "{}, {}",
                    day(a.day),
                    crate::model::diary::format_time(a.time)
                );
                view! {
                    <li>
                        <strong>{when}</strong>
                        ": "
                        {a.title.clone()}
                        {a.place.clone().map(|p| format!(", {p}"))}
                    </li>
                }
            })
            .collect_view();
        view! {
            <section aria-labelledby="summary-appointments">
                <h3 class="heading-m" id="summary-appointments">"Coming up"</h3>
                <ul class="summary__list">{items}</ul>
            </section>
        }
    });

    let talk = (!s.talk.is_empty()).then(|| {
        view! {
            <section aria-labelledby="summary-talk">
                <h3 class="heading-m" id="summary-talk">"Things they want to talk about"</h3>
                <ul>{s.talk.iter().map(|t| view! { <li>{t.clone()}</li> }).collect_view()}</ul>
            </section>
        }
    });

    let notes = (!s.notes.is_empty()).then(|| {
        view! {
            <section aria-labelledby="summary-notes">
                <h3 class="heading-m" id="summary-notes">"Diary notes"</h3>
                <ul class="summary__notes">
                    {s.notes.iter().map(|(d, t)| view! { <li><strong>{day(*d)}": "</strong><span class="preserve-lines">{t.clone()}</span></li> }).collect_view()}
                </ul>
            </section>
        }
    });

    view! {
        <article class="summary" aria-labelledby="summary-title">
            <h2 class="heading-l" id="summary-title" tabindex="-1">{title}</h2>
            <p>{made_words} " " {covers}</p>
            {s.is_empty().then(|| view! { <p>"Nothing was chosen to share."</p> })}
            {talk}
            {goals}
            {measures}
            {wellbeing}
            {appointments}
            {notes}
        </article>
    }
}

//! Every page, the chunk its code comes in, and its address.
//!
//! Pages opened together share a chunk (`in goals` below): the goals list
//! and a goal's page, say. A page's code, and the code of the records and
//! rules only it uses, is fetched the first time it opens (see
//! [`super::lazy`]); `scripts/build.mjs` knows the same chunk names, to
//! preload the chunk of the page a visit starts on.

use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route};
use leptos_router::path;

use super::components::HEADING_ID;
use super::lazy::{page, ChunkFailed, Lazy};
use super::pages::{
    Appointments, CheckIn, CheckInHistory, DataRemoved, DayPage, Diary, EditAppointment, EditGoal,
    GoalPage, Goals, Measures, MyData, NewAppointment, NewGoal, NotFound, OccurrencePage,
    ReviewStart, Share, Today,
};
use super::setup::{Mode, Setup};
use super::ClientPage;
use crate::model::ProfileDraft;
use crate::platform::page as browser_page;
use crate::{chunk_fetcher, lazy_page};

lazy_page!(
    /// Today.
    today() in client => view! { <Today /> }
);
lazy_page!(
    /// First-run set-up, from its first question: `draft` holds the
    /// answers, and `welcome` goes back to the welcome screen.
    setup_first_run(draft: RwSignal<ProfileDraft>, welcome: Callback<()>) in setup => view! {
        <Setup mode=Mode::FirstRun draft=draft on_welcome=welcome />
    }
);
lazy_page!(
    /// Instead of the welcome, when the browser removed the client's data:
    /// says so, and offers their backup first.
    data_removed() in setup => view! {
        <div class="setup">
            <DataRemoved on_start=Callback::new(|_| browser_page::focus_after_render(HEADING_ID)) />
        </div>
    }
);

chunk_fetcher!(
    /// Fetches set-up's chunk while the welcome screen is read.
    fetch_setup in setup
);
lazy_page!(
    /// "Change your details".
    setup_edit() in setup => view! { <Setup mode=Mode::Edit /> }
);
lazy_page!(
    /// The goals list.
    goals() in client => view! { <Goals /> }
);
lazy_page!(
    /// A new goal.
    new_goal() in client => view! { <NewGoal /> }
);
lazy_page!(
    /// One goal.
    goal() in client => view! { <GoalPage /> }
);
lazy_page!(
    /// Changing a goal.
    edit_goal() in client => view! { <EditGoal /> }
);
lazy_page!(
    /// The diary.
    diary() in client => view! { <Diary /> }
);
lazy_page!(
    /// What the client records.
    measures() in client => view! { <Measures /> }
);
lazy_page!(
    /// One day of the diary.
    day() in client => view! { <DayPage /> }
);
lazy_page!(
    /// The appointments.
    appointments() in client => view! { <Appointments /> }
);
lazy_page!(
    /// A new appointment.
    new_appointment() in client => view! { <NewAppointment /> }
);
lazy_page!(
    /// Changing an appointment.
    edit_appointment() in client => view! { <EditAppointment /> }
);
lazy_page!(
    /// One occurrence of an appointment.
    occurrence() in client => view! { <OccurrencePage /> }
);
lazy_page!(
    /// The wellbeing check-in.
    check_in() in client => view! { <CheckIn /> }
);
lazy_page!(
    /// Past check-ins.
    check_in_history() in client => view! { <CheckInHistory /> }
);
lazy_page!(
    /// Sharing with the link worker.
    share() in client => view! { <Share /> }
);
lazy_page!(
    /// My data.
    my_data() in client => view! { <MyData /> }
);

/// Shows due reminders as notifications while the app is open, if the
/// client has allowed notifications. Their code, and the appointments',
/// comes with the appointments chunk, fetched only then.
pub fn start_reminders(root: Owner) {
    if !crate::platform::notify::allowed() {
        return;
    }
    #[::leptos::wasm_split::wasm_split(
        client,
        wasm_split_path = ::leptos::wasm_split,
        fallible
    )]
    fn start(root: Owner) -> Result<(), ChunkFailed> {
        root.with(super::pages::start_notifications);
        Ok(())
    }
    // Without the chunk (offline) there are no notifications this time;
    // Today still shows the reminders when the client opens it.
    leptos::task::spawn_local(async move {
        let _ = send_wrapper::SendWrapper::new(start(root)).await;
    });
}

/// A client page, drawn once its chunk is here.
fn client(f: fn() -> super::lazy::PageFuture) -> impl IntoView {
    view! { <ClientPage><Lazy load=page(f) /></ClientPage> }
}

/// The pages, by address.
#[component]
pub fn AppRoutes() -> impl IntoView {
    view! {
        <FlatRoutes fallback=|| view! { <NotFound /> }>
            <Route path=path!("/") view=|| client(today) />
            <Route path=path!("/goals") view=|| client(goals) />
            <Route path=path!("/goals/new") view=|| client(new_goal) />
            <Route path=path!("/goals/:id") view=|| client(goal) />
            <Route path=path!("/goals/:id/edit") view=|| client(edit_goal) />
            <Route path=path!("/diary") view=|| client(diary) />
            <Route path=path!("/diary/measures") view=|| client(measures) />
            <Route path=path!("/diary/:date") view=|| client(day) />
            <Route path=path!("/appointments") view=|| client(appointments) />
            <Route path=path!("/appointments/new") view=|| client(new_appointment) />
            <Route path=path!("/appointments/:id/edit") view=|| client(edit_appointment) />
            <Route path=path!("/appointments/:id/:due") view=|| client(occurrence) />
            <Route path=path!("/check-in") view=|| client(check_in) />
            <Route path=path!("/check-in/history") view=|| client(check_in_history) />
            <Route path=path!("/share") view=|| client(share) />
            // The link worker's page: no set-up needed.
            <Route path=path!("/review") view=ReviewStart />
            <Route path=path!("/my-data") view=|| client(my_data) />
            <Route path=path!("/my-data/details") view=|| client(setup_edit) />
        </FlatRoutes>
    }
}

//! One module per route.

mod appointments;
mod check_in;
mod diary;
mod goals;
mod install;
mod my_data;
mod not_found;
mod share;
mod today;

pub use appointments::{
    start_notifications, Appointments, EditAppointment, NewAppointment, OccurrencePage,
    TodayAppointments,
};
pub use check_in::{CheckIn, CheckInDue, CheckInHistory, TalkAbout};
pub use diary::{DayPage, Diary, Measures, QuickCheckIn};
pub use goals::{EditGoal, GoalCard, GoalPage, Goals, NewGoal};
pub use install::{InstallOffer, InstallOnMyData};
pub use my_data::{BackupReminder, DataRemoved, MyData, WelcomeRestore};
pub use not_found::NotFound;
pub use share::{ReviewStart, Share, SummaryView};
pub use today::Today;

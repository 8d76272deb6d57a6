//! One module per route.

mod appointments;
mod coming;
mod diary;
mod goals;
mod my_data;
mod not_found;
mod today;

pub use appointments::{
    start_notifications, Appointments, EditAppointment, NewAppointment, OccurrencePage,
    TodayAppointments,
};
pub use coming::{CheckIn, Review, Share};
pub use diary::{DayPage, Diary, Measures, QuickCheckIn};
pub use goals::{EditGoal, GoalCard, GoalPage, Goals, NewGoal};
pub use my_data::MyData;
pub use not_found::NotFound;
pub use today::Today;

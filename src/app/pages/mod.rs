//! One module per route.

mod coming;
mod diary;
mod goals;
mod my_data;
mod not_found;
mod today;

pub use coming::{Appointments, CheckIn, Review, Share};
pub use diary::{DayPage, Diary, Measures, QuickCheckIn};
pub use goals::{EditGoal, GoalCard, GoalPage, Goals, NewGoal};
pub use my_data::MyData;
pub use not_found::NotFound;
pub use today::Today;

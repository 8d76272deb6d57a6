//! One module per route.

mod coming;
mod goals;
mod my_data;
mod not_found;
mod today;

pub use coming::{Appointments, CheckIn, Diary, Review, Share};
pub use goals::{EditGoal, GoalCard, GoalPage, Goals, NewGoal};
pub use my_data::MyData;
pub use not_found::NotFound;
pub use today::Today;

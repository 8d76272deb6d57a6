//! One module per route.

mod coming;
mod my_data;
mod not_found;
mod today;

pub use coming::{Appointments, CheckIn, Diary, Goals, Review, Share};
pub use my_data::MyData;
pub use not_found::NotFound;
pub use today::Today;

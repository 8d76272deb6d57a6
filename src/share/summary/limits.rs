//! The limits a summary keeps to: how many items, how long a text, how long
//! a period, how far ahead, and how large a value.

/// The most items of any one list a received summary may hold.
pub const MAX_ITEMS: usize = 500;
/// The most characters in any one text of a received summary.
pub const MAX_TEXT: usize = 2_000;
/// The longest period a summary may cover, in days (about five years).
pub const MAX_PERIOD_DAYS: i64 = 1_830;
/// How far ahead upcoming appointments are shared, in days.
pub const APPOINTMENTS_AHEAD_DAYS: i64 = 91;
/// The most upcoming appointments shared.
pub const APPOINTMENTS_MAX: usize = 8;
/// The most single readings of one measure a summary holds.
pub const MAX_READINGS: usize = MAX_ITEMS * 20;
/// The largest size of a stored value or average a summary may hold: far
/// beyond any measure, and small enough that no sum or scaling overflows.
pub const MAX_VALUE: i32 = 10_000_000;
/// The most appointments in the period a summary holds (the latest).
pub const PAST_MAX: usize = 40;
/// The most characters of a client's code.
pub const CODE_MAX: usize = 32;

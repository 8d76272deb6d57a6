//! Thin adapters over the browser: one small piece per concern, each doing
//! as little as it can so the logic stays in the tested layers above.

pub mod clock;
pub mod crypto;
pub mod durable;
pub mod file;
pub mod install;
pub mod js;
pub mod notify;
pub mod page;
pub mod persist;
pub mod share;
pub mod storage;
pub mod sw;
pub mod sync;

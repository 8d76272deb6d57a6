//! Codecs for what leaves the app when the client chooses: calendar files,
//! and the summary shared with a link worker. Pure functions over strings
//! and bytes; the browser's parts (encryption, sharing) are in `platform`.

pub mod choices;
pub mod ics;
pub mod link;
pub mod log;
pub mod qr;
pub mod summary;
pub mod words;

//! Codecs for what leaves the app when the client chooses: calendar files,
//! and the summary shared with a link worker (with the client's code that
//! lets a link worker's device match it to an earlier one). Pure functions over strings
//! and bytes; the browser's parts (encryption, sharing) are in `platform`.

pub mod choices;
pub mod code;
pub mod ics;
pub mod kept;
pub mod link;
pub mod log;
pub mod qr;
pub mod summary;
pub mod words;

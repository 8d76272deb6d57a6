//! Codecs for what leaves the app when the client chooses: calendar files
//! now; the shared summary later. Pure functions over strings and bytes.

pub mod ics;

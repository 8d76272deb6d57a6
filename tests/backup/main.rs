//! Backups, restores and undo (issue 8), against the in-memory backend.
//!
//! One idea a file: the shared helpers (`support`), making and reading
//! files (`files`), bad files (`bad_files`), replacing and undo
//! (`restore`), adding what is missing (`merge`), the merge properties
//! (`merge_properties`), the damaged files and values runs (`fuzz`) and
//! backups made by a released build (`released`).

mod bad_files;
mod files;
mod fuzz;
mod merge;
mod merge_properties;
mod released;
mod restore;
mod support;

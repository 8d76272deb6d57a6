//! Notices: the messages at the top of every page (a value kept aside, a
//! failed save) and the count of redraws after another tab's change.

use leptos::prelude::*;

use crate::platform::{page, sync};
use crate::store::SaveError;

/// How serious a notice is, which decides its colour and ARIA role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Something to know about (a value kept aside, read-only mode).
    Warning,
    /// Something failed just now (a save).
    Error,
}

/// A message shown at the top of every page until it is resolved or
/// dismissed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// Unique for this session, so a notice can be dismissed.
    pub id: u32,
    /// How serious it is.
    pub tone: Tone,
    /// What to tell the client.
    pub message: String,
    /// Save failures are replaced by the next save's outcome, not dismissed.
    pub from_save: bool,
}

/// What is shown when a change made in another tab or window replaced
/// what the client was part-way through.
pub const CHANGED_ELSEWHERE: &str =
    "This was changed in another window. You are seeing the newest version.";

/// The list of notices, and the count of changes from other tabs that
/// make the current page draw itself again (every store holds this, so
/// each can report one).
#[derive(Debug, Clone, Copy)]
pub struct Notices {
    list: RwSignal<Vec<Notice>>,
    next_id: RwSignal<u32>,
    redraws: RwSignal<u32>,
}

impl Notices {
    /// No notices yet.
    pub(super) fn new() -> Self {
        Notices {
            list: RwSignal::new(Vec::new()),
            next_id: RwSignal::new(1),
            redraws: RwSignal::new(0),
        }
    }

    /// Counts the changes from elsewhere (tracked): a page that reads it
    /// is drawn again from the newest data after each one, so no form
    /// keeps showing, and later saving, values that are out of date.
    pub fn redraws(&self) -> u32 {
        self.redraws.get()
    }

    /// Newer data from another tab or window has been loaded: the page is
    /// drawn again from it, and if the client was part-way through a form
    /// on it, they are told calmly why it changed. Deferred, so a handler
    /// that is still running finishes before its page is replaced.
    pub fn changed_elsewhere(&self) {
        let this = *self;
        queue_microtask(move || {
            if sync::typed_here() {
                this.warn(CHANGED_ELSEWHERE.into());
                page::focus_after_render(crate::app::components::HEADING_ID);
            }
            sync::forget_typing();
            this.redraws.update(|n| *n += 1);
        });
    }

    /// The notices to show, oldest first.
    pub fn all(&self) -> Vec<Notice> {
        self.list.get()
    }

    /// Adds a notice about something found while loading. The same
    /// message is shown once, however many records it applies to.
    pub fn warn(&self, message: String) {
        if !self
            .list
            .with_untracked(|l| l.iter().any(|n| n.message == message))
        {
            self.push(Tone::Warning, message, false);
        }
    }

    fn push(&self, tone: Tone, message: String, from_save: bool) {
        let id = self.next_id.get_untracked();
        self.next_id.set(id + 1);
        self.list.update(|l| {
            l.push(Notice {
                id,
                tone,
                message,
                from_save,
            })
        });
    }

    /// Shows the result of a save: a failure replaces any earlier save
    /// failure; a success clears them.
    pub fn save_result(&self, result: &Result<(), SaveError>) {
        self.list.update(|l| l.retain(|n| !n.from_save));
        match result {
            Err(e) => self.push(Tone::Error, e.message(), true),
            // What was typed is saved: no longer part-way through.
            Ok(()) => sync::forget_typing(),
        }
    }

    /// Removes the notice with `id`.
    pub fn dismiss(&self, id: u32) {
        self.list.update(|l| l.retain(|n| n.id != id));
    }
}

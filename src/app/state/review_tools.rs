//! The review page's operations, on the link worker's device: keeping a
//! summary, removing one, and finding what changed since the summary of
//! the same client kept before (opening it with a passphrase if it is
//! protected).

use chrono::NaiveDate;

use super::saved::Saved;
use super::share_tools::unlock;
use super::stores::{use_lazy, use_saved};
use crate::model::time::london_today;
use crate::platform::clock;
use crate::share::kept::{KeptSummaries, KeptSummary};
use crate::share::link::{self, Payload};
use crate::share::summary::{Line, Summary};

/// What changed since the summary of the same client kept before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Since {
    /// The earlier summary was opened: what changed.
    Changes {
        /// The day the client made it: the one date a summary goes by.
        made_on: NaiveDate,
        /// What changed.
        lines: Vec<Line>,
    },
    /// The earlier summary is protected with a passphrase that is not
    /// this one's.
    NeedsPassphrase {
        /// The day the client made it.
        made_on: NaiveDate,
    },
}

/// The review page's operations, over the kept summaries.
#[derive(Debug, Clone, Copy)]
pub struct ReviewTools {
    /// The summaries kept on this device.
    pub kept: Saved<KeptSummaries>,
}

impl ReviewTools {
    /// Keeps `summary`, which came as `payload`; true once saved (a failed
    /// save is shown by the notices).
    pub fn keep(&self, summary: &Summary, payload: &str) -> bool {
        let _ = self.kept.change(|k| {
            k.keep(KeptSummary {
                kept_at: clock::now(),
                name: summary.name.clone(),
                made_at: summary.created_at(),
                payload: payload.to_string(),
                code: summary.code.clone(),
            });
            Ok::<(), ()>(())
        });
        self.kept.saved_ok()
    }

    /// Removes the kept summary that came as `payload`.
    pub fn remove(&self, payload: &str) {
        let _ = self.kept.change(|k| {
            k.remove(payload);
            Ok::<(), ()>(())
        });
    }

    /// True when the summary that came as `payload` is kept (tracked).
    pub fn is_kept(&self, payload: &str) -> bool {
        self.kept
            .with(|k| k.is_some_and(|k| k.items.iter().any(|i| i.payload == payload)))
    }

    /// What changed since the latest summary of the same client kept
    /// before `summary` was made; `None` if there is none. A protected
    /// one is opened with `passphrase` (the one `summary` opened with, or
    /// one the link worker typed for it).
    pub async fn since(&self, summary: &Summary, passphrase: Option<&str>) -> Option<Since> {
        let code = summary.code.as_deref()?;
        let earlier = self.kept.with_untracked(|k| {
            k.and_then(|k| k.earlier_of(code, summary.created_at()).cloned())
        })?;
        let made_on = london_today(earlier.made_at);
        let opened = match link::read(&earlier.payload).ok()? {
            Payload::Plain(s) => *s,
            Payload::Locked(l) => match passphrase {
                Some(p) => match unlock(&l, p).await {
                    Ok(s) => s,
                    Err(_) => return Some(Since::NeedsPassphrase { made_on }),
                },
                None => return Some(Since::NeedsPassphrase { made_on }),
            },
        };
        // Its code was read from the kept list; the summary itself must
        // say the same, or it is not compared.
        summary.same_client(&opened).then(|| Since::Changes {
            made_on,
            lines: summary.since(&opened),
        })
    }
}

/// The review page's operations, made the first time a page asks.
pub fn use_review_tools() -> ReviewTools {
    use_lazy(
        |_| ReviewTools { kept: use_saved() },
        // Its store reloads itself.
        |_, _| false,
    )
}

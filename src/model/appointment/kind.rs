//! The kinds of appointment.

use serde::{Deserialize, Serialize};

/// What kind of appointment it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApptKind {
    /// A GP.
    Gp,
    /// A practice nurse.
    Nurse,
    /// A hospital or clinic.
    Hospital,
    /// The link worker.
    LinkWorker,
    /// A group or activity (the social prescription).
    Group,
    /// Anything else.
    Other,
}

impl ApptKind {
    /// Every kind, in the order the form shows them.
    pub const ALL: [ApptKind; 6] = [
        ApptKind::Gp,
        ApptKind::Nurse,
        ApptKind::Hospital,
        ApptKind::LinkWorker,
        ApptKind::Group,
        ApptKind::Other,
    ];

    /// The words for it.
    pub fn label(self) -> &'static str {
        match self {
            ApptKind::Gp => "GP",
            ApptKind::Nurse => "Nurse",
            ApptKind::Hospital => "Hospital or clinic",
            ApptKind::LinkWorker => "Link worker",
            ApptKind::Group => "Group or activity",
            ApptKind::Other => "Other",
        }
    }

    /// A stable code, for form values.
    pub fn code(self) -> &'static str {
        match self {
            ApptKind::Gp => "gp",
            ApptKind::Nurse => "nurse",
            ApptKind::Hospital => "hospital",
            ApptKind::LinkWorker => "link_worker",
            ApptKind::Group => "group",
            ApptKind::Other => "other",
        }
    }
}

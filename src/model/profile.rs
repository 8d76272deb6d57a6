//! The client's profile: what they told us at first-run set-up.
//!
//! Everything here is plain data and rules. The UI collects a
//! [`ProfileDraft`] as the client types, and only a draft that passes
//! [`ProfileDraft::validate`] becomes a [`Profile`] that can be saved.

use serde::{Deserialize, Serialize};

use super::text::{clean, required, too_long, FieldError};

/// Longest preferred name we accept, in characters.
pub const NAME_MAX: usize = 50;
/// Longest name for a condition the client adds themselves, in characters.
pub const OWN_CONDITION_MAX: usize = 60;
/// Most conditions the client can add in their own words.
pub const OWN_CONDITIONS_MAX: usize = 10;
/// Longest link worker name, in characters.
pub const LINK_WORKER_NAME_MAX: usize = 80;
/// Longest "how to contact them" text, in characters.
pub const LINK_WORKER_CONTACT_MAX: usize = 200;
/// Longest "what matters to me", in characters.
pub const WHAT_MATTERS_MAX: usize = 1000;

/// A common long-term condition the client can pick from a list.
///
/// The stored form is a stable code (`"type2_diabetes"`), not the label,
/// so later features (diary measures per condition) can rely on it and the
/// wording can be improved without touching stored data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ListedCondition {
    Type1Diabetes,
    Type2Diabetes,
    Copd,
    Asthma,
    HeartFailure,
    CoronaryHeartDisease,
    HighBloodPressure,
    Stroke,
    ChronicKidneyDisease,
    ChronicPain,
    Arthritis,
    Anxiety,
    LowMood,
}

impl ListedCondition {
    /// Every listed condition, in the order the set-up page shows them.
    pub const ALL: [ListedCondition; 13] = [
        ListedCondition::Type1Diabetes,
        ListedCondition::Type2Diabetes,
        ListedCondition::Copd,
        ListedCondition::Asthma,
        ListedCondition::HeartFailure,
        ListedCondition::CoronaryHeartDisease,
        ListedCondition::HighBloodPressure,
        ListedCondition::Stroke,
        ListedCondition::ChronicKidneyDisease,
        ListedCondition::ChronicPain,
        ListedCondition::Arthritis,
        ListedCondition::Anxiety,
        ListedCondition::LowMood,
    ];

    /// The plain-English name shown to the client.
    pub fn label(self) -> &'static str {
        match self {
            ListedCondition::Type1Diabetes => "Type 1 diabetes",
            ListedCondition::Type2Diabetes => "Type 2 diabetes",
            ListedCondition::Copd => "COPD (chronic obstructive pulmonary disease)",
            ListedCondition::Asthma => "Asthma",
            ListedCondition::HeartFailure => "Heart failure",
            ListedCondition::CoronaryHeartDisease => "Coronary heart disease or angina",
            ListedCondition::HighBloodPressure => "High blood pressure",
            ListedCondition::Stroke => "Stroke or mini-stroke (TIA)",
            ListedCondition::ChronicKidneyDisease => "Chronic kidney disease",
            ListedCondition::ChronicPain => "Long-term pain",
            ListedCondition::Arthritis => "Arthritis",
            ListedCondition::Anxiety => "Anxiety",
            ListedCondition::LowMood => "Low mood or depression",
        }
    }

    /// The stable code used in storage and in element ids.
    pub fn code(self) -> &'static str {
        match self {
            ListedCondition::Type1Diabetes => "type1_diabetes",
            ListedCondition::Type2Diabetes => "type2_diabetes",
            ListedCondition::Copd => "copd",
            ListedCondition::Asthma => "asthma",
            ListedCondition::HeartFailure => "heart_failure",
            ListedCondition::CoronaryHeartDisease => "coronary_heart_disease",
            ListedCondition::HighBloodPressure => "high_blood_pressure",
            ListedCondition::Stroke => "stroke",
            ListedCondition::ChronicKidneyDisease => "chronic_kidney_disease",
            ListedCondition::ChronicPain => "chronic_pain",
            ListedCondition::Arthritis => "arthritis",
            ListedCondition::Anxiety => "anxiety",
            ListedCondition::LowMood => "low_mood",
        }
    }

    /// Finds the listed condition whose label matches `text`, ignoring case
    /// and surrounding space, so "asthma " typed as an own condition is
    /// recognised as the listed one rather than stored twice.
    pub fn from_label(text: &str) -> Option<ListedCondition> {
        let wanted = text.trim();
        Self::ALL
            .into_iter()
            .find(|c| same_words(c.label(), wanted))
    }
}

/// True when two names differ only in the case of their letters A to Z.
/// (Full Unicode case folding would add its tables to the app for little
/// gain: condition names are almost always plain English.)
fn same_words(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}

/// A condition the client lives with: one from our list, or one they
/// named in their own words.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    /// Picked from the list of common conditions.
    Listed(ListedCondition),
    /// Added by the client in their own words.
    Own(String),
}

impl Condition {
    /// The name shown to the client and their link worker.
    pub fn label(&self) -> &str {
        match self {
            Condition::Listed(c) => c.label(),
            Condition::Own(text) => text,
        }
    }
}

/// The client's link worker, as the client chose to record them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkWorker {
    /// Their name, if the client gave one.
    pub name: Option<String>,
    /// How to reach them (phone, email, surgery), in the client's words.
    pub contact: Option<String>,
}

impl LinkWorker {
    /// True when the client recorded nothing about their link worker.
    pub fn is_empty(&self) -> bool {
        self.name.is_none() && self.contact.is_none()
    }
}

/// What the client told us about themselves; saved on their phone only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    /// What they like to be called, if they said.
    pub preferred_name: Option<String>,
    /// Their long-term conditions, in the order they chose them.
    pub conditions: Vec<Condition>,
    /// Their link worker, if they recorded one.
    #[serde(default)]
    pub link_worker: LinkWorker,
    /// "What matters to me", in their own words.
    pub what_matters: String,
}

impl Profile {
    /// The conditions chosen from the list (not the client's own), whose
    /// measures the diary suggests.
    pub fn listed_conditions(&self) -> Vec<ListedCondition> {
        self.conditions
            .iter()
            .filter_map(|c| match c {
                Condition::Listed(l) => Some(*l),
                Condition::Own(_) => None,
            })
            .collect()
    }

    /// Turns a saved profile back into a draft, so "Change your details"
    /// starts from what the client entered before.
    pub fn to_draft(&self) -> ProfileDraft {
        let mut draft = ProfileDraft {
            preferred_name: self.preferred_name.clone().unwrap_or_default(),
            link_worker_name: self.link_worker.name.clone().unwrap_or_default(),
            link_worker_contact: self.link_worker.contact.clone().unwrap_or_default(),
            what_matters: self.what_matters.clone(),
            ..ProfileDraft::default()
        };
        for condition in &self.conditions {
            match condition {
                Condition::Listed(c) => draft.listed.push(*c),
                Condition::Own(text) => draft.own.push(text.clone()),
            }
        }
        draft
    }
}

/// The fields of the set-up form, exactly as the client typed them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProfileDraft {
    /// Preferred name box.
    pub preferred_name: String,
    /// Ticked listed conditions.
    pub listed: Vec<ListedCondition>,
    /// Conditions added in the client's own words.
    pub own: Vec<String>,
    /// Link worker's name box.
    pub link_worker_name: String,
    /// "How to contact them" box.
    pub link_worker_contact: String,
    /// "What matters to me" box.
    pub what_matters: String,
}

/// The input fields of the set-up form, so errors can point at one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProfileField {
    PreferredName,
    Conditions,
    OwnCondition,
    LinkWorkerName,
    LinkWorkerContact,
    WhatMatters,
}

impl ProfileField {
    /// The id of the form control, used by the error summary's links.
    pub fn input_id(self) -> &'static str {
        match self {
            ProfileField::PreferredName => "preferred-name",
            ProfileField::Conditions => "conditions",
            ProfileField::OwnCondition => "own-condition",
            ProfileField::LinkWorkerName => "link-worker-name",
            ProfileField::LinkWorkerContact => "link-worker-contact",
            ProfileField::WhatMatters => "what-matters",
        }
    }
}

impl ProfileDraft {
    /// Checks the name page.
    pub fn check_name(&self) -> Vec<FieldError<ProfileField>> {
        too_long(
            ProfileField::PreferredName,
            &self.preferred_name,
            NAME_MAX,
            "Your name",
        )
        .into_iter()
        .collect()
    }

    /// Checks the conditions page: at least one condition, chosen or added.
    pub fn check_conditions(&self) -> Vec<FieldError<ProfileField>> {
        if self.listed.is_empty() && self.own.iter().all(|c| clean(c).is_none()) {
            vec![FieldError::new(
                ProfileField::Conditions,
                "Select at least one condition, or add your own",
            )]
        } else {
            Vec::new()
        }
    }

    /// Checks a condition the client is about to add in their own words,
    /// before it joins the list. Returns the tidied text on success.
    pub fn check_own_condition(&self, text: &str) -> Result<String, FieldError<ProfileField>> {
        let field = ProfileField::OwnCondition;
        let text = required(
            field,
            text,
            OWN_CONDITION_MAX,
            "The condition name",
            "Enter the name of the condition",
        )?;
        if let Some(listed) = ListedCondition::from_label(&text) {
            return Err(FieldError::new(
                field,
                format!(
                    "{} is already in the list above. Select it there instead",
                    listed.label()
                ),
            ));
        }
        if self.own.iter().any(|c| same_words(c, &text)) {
            return Err(FieldError::new(
                field,
                format!("You have already added {text}"),
            ));
        }
        if self.own.len() >= OWN_CONDITIONS_MAX {
            return Err(FieldError::new(
                field,
                format!("You can add up to {OWN_CONDITIONS_MAX} conditions of your own"),
            ));
        }
        Ok(text)
    }

    /// Checks the link worker page. Both boxes are optional.
    pub fn check_link_worker(&self) -> Vec<FieldError<ProfileField>> {
        [
            too_long(
                ProfileField::LinkWorkerName,
                &self.link_worker_name,
                LINK_WORKER_NAME_MAX,
                "Your link worker's name",
            ),
            too_long(
                ProfileField::LinkWorkerContact,
                &self.link_worker_contact,
                LINK_WORKER_CONTACT_MAX,
                "How to contact them",
            ),
        ]
        .into_iter()
        .flatten()
        .collect()
    }

    /// Checks the "what matters to me" page.
    pub fn check_what_matters(&self) -> Vec<FieldError<ProfileField>> {
        required(
            ProfileField::WhatMatters,
            &self.what_matters,
            WHAT_MATTERS_MAX,
            "What matters to you",
            "Enter what matters to you, in your own words",
        )
        .err()
        .into_iter()
        .collect()
    }

    /// Checks every page and, if all is well, builds the profile to save.
    /// Nothing is saved half-way: either every field is valid or none is used.
    pub fn validate(&self) -> Result<Profile, Vec<FieldError<ProfileField>>> {
        let mut errors = self.check_name();
        errors.extend(self.check_conditions());
        errors.extend(self.check_link_worker());
        errors.extend(self.check_what_matters());
        for own in &self.own {
            if let Some(err) = too_long(
                ProfileField::OwnCondition,
                own,
                OWN_CONDITION_MAX,
                "The condition name",
            ) {
                errors.push(err);
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut conditions: Vec<Condition> = Vec::new();
        for c in &self.listed {
            let c = Condition::Listed(*c);
            if !conditions.contains(&c) {
                conditions.push(c);
            }
        }
        for own in self.own.iter().filter_map(|o| clean(o)) {
            let c = match ListedCondition::from_label(&own) {
                Some(listed) => Condition::Listed(listed),
                None => Condition::Own(own),
            };
            if !conditions.contains(&c) {
                conditions.push(c);
            }
        }
        Ok(Profile {
            preferred_name: clean(&self.preferred_name),
            conditions,
            link_worker: LinkWorker {
                name: clean(&self.link_worker_name),
                contact: clean(&self.link_worker_contact),
            },
            what_matters: clean(&self.what_matters).unwrap_or_default(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listed_conditions_leave_out_the_clients_own() {
        let profile = Profile {
            preferred_name: None,
            conditions: vec![
                Condition::Own("Bad knees".into()),
                Condition::Listed(ListedCondition::Copd),
                Condition::Listed(ListedCondition::Asthma),
            ],
            link_worker: LinkWorker::default(),
            what_matters: "Walking".into(),
        };
        assert_eq!(
            profile.listed_conditions(),
            vec![ListedCondition::Copd, ListedCondition::Asthma]
        );
    }

    fn good_draft() -> ProfileDraft {
        ProfileDraft {
            preferred_name: "  Sam ".into(),
            listed: vec![ListedCondition::Copd],
            own: vec!["Fibromyalgia".into()],
            link_worker_name: "Priya".into(),
            link_worker_contact: "".into(),
            what_matters: "Getting to my granddaughter's school play".into(),
        }
    }

    #[test]
    fn a_good_draft_becomes_a_tidy_profile() {
        let profile = good_draft().validate().unwrap();
        assert_eq!(profile.preferred_name.as_deref(), Some("Sam"));
        assert_eq!(
            profile.conditions,
            vec![
                Condition::Listed(ListedCondition::Copd),
                Condition::Own("Fibromyalgia".into())
            ]
        );
        assert_eq!(profile.link_worker.name.as_deref(), Some("Priya"));
        assert_eq!(profile.link_worker.contact, None);
    }

    #[test]
    fn name_and_link_worker_are_optional() {
        let mut draft = good_draft();
        draft.preferred_name = "   ".into();
        draft.link_worker_name.clear();
        let profile = draft.validate().unwrap();
        assert_eq!(profile.preferred_name, None);
        assert!(profile.link_worker.is_empty());
    }

    #[test]
    fn at_least_one_condition_is_needed() {
        let mut draft = good_draft();
        draft.listed.clear();
        draft.own.clear();
        let errors = draft.validate().unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, ProfileField::Conditions);
        assert_eq!(
            errors[0].message,
            "Select at least one condition, or add your own"
        );
    }

    #[test]
    fn what_matters_is_needed_and_limited() {
        let mut draft = good_draft();
        draft.what_matters = " \n ".into();
        assert_eq!(
            draft.validate().unwrap_err()[0].message,
            "Enter what matters to you, in your own words"
        );
        draft.what_matters = "a".repeat(WHAT_MATTERS_MAX + 1);
        assert_eq!(
            draft.validate().unwrap_err()[0].message,
            "What matters to you must be 1000 characters or fewer"
        );
        draft.what_matters = "é".repeat(WHAT_MATTERS_MAX);
        assert!(
            draft.validate().is_ok(),
            "limit counts characters, not bytes"
        );
    }

    #[test]
    fn every_error_is_reported_at_once() {
        let draft = ProfileDraft {
            preferred_name: "x".repeat(NAME_MAX + 1),
            link_worker_contact: "x".repeat(LINK_WORKER_CONTACT_MAX + 1),
            ..ProfileDraft::default()
        };
        let fields: Vec<_> = draft
            .validate()
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            vec![
                ProfileField::PreferredName,
                ProfileField::Conditions,
                ProfileField::LinkWorkerContact,
                ProfileField::WhatMatters
            ]
        );
    }

    #[test]
    fn own_conditions_are_checked_before_they_are_added() {
        let draft = good_draft();
        assert_eq!(draft.check_own_condition("  Lupus ").unwrap(), "Lupus");
        assert_eq!(
            draft.check_own_condition(" ").unwrap_err().message,
            "Enter the name of the condition"
        );
        assert_eq!(
            draft
                .check_own_condition("fibromyalgia")
                .unwrap_err()
                .message,
            "You have already added fibromyalgia"
        );
        assert_eq!(
            draft.check_own_condition("asthma").unwrap_err().message,
            "Asthma is already in the list above. Select it there instead"
        );
        assert_eq!(
            draft
                .check_own_condition(&"x".repeat(OWN_CONDITION_MAX + 1))
                .unwrap_err()
                .message,
            "The condition name must be 60 characters or fewer"
        );
        let mut full = good_draft();
        full.own = (0..OWN_CONDITIONS_MAX).map(|i| format!("c{i}")).collect();
        assert!(full.check_own_condition("another").is_err());
    }

    #[test]
    fn duplicates_are_stored_once() {
        let mut draft = good_draft();
        draft.listed = vec![ListedCondition::Asthma, ListedCondition::Asthma];
        draft.own = vec!["Asthma".into()];
        let profile = draft.validate().unwrap();
        assert_eq!(
            profile.conditions,
            vec![Condition::Listed(ListedCondition::Asthma)]
        );
    }

    #[test]
    fn a_profile_round_trips_through_its_draft() {
        let profile = good_draft().validate().unwrap();
        assert_eq!(profile.to_draft().validate().unwrap(), profile);
    }

    #[test]
    fn listed_codes_are_stable_and_unique() {
        let mut codes: Vec<_> = ListedCondition::ALL.iter().map(|c| c.code()).collect();
        for c in ListedCondition::ALL {
            // The serde form is the code: stored data depends on it.
            assert_eq!(
                serde_json::to_string(&c).unwrap(),
                format!("\"{}\"", c.code())
            );
        }
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), ListedCondition::ALL.len());
    }
}

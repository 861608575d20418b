//! What the engine hands out: per product a decision with the rule that fired and why,
//! ranked alternatives with their criteria, compensating controls and the analysts' views.

use super::reason::{Exclusion, Exposure, Ground, Precedent, Reason};
use crate::domain::views::CitationView;
use crate::domain::{Criticality, FavouredAction, IncidentKind, InvolvementRole, Stance};
use chrono::NaiveDate;
use serde::Serialize;

/// What to do with a product, from the mildest to the most drastic.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Retain,
    Monitor,
    RetainWithControls,
    Replace,
}

impl Decision {
    pub const ALL: [Decision; 4] = [
        Decision::Retain,
        Decision::Monitor,
        Decision::RetainWithControls,
        Decision::Replace,
    ];

    /// The serialised form: `retain_with_controls`.
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Retain => "retain",
            Decision::Monitor => "monitor",
            Decision::RetainWithControls => "retain_with_controls",
            Decision::Replace => "replace",
        }
    }

    /// For people: "Retain with controls".
    pub fn label(self) -> &'static str {
        match self {
            Decision::Retain => "Retain",
            Decision::Monitor => "Monitor",
            Decision::RetainWithControls => "Retain with controls",
            Decision::Replace => "Replace",
        }
    }

    /// The catalogue message naming the decision: `decision-retain_with_controls`.
    pub fn message_id(self) -> &'static str {
        match self {
            Decision::Retain => "decision-retain",
            Decision::Monitor => "decision-monitor",
            Decision::RetainWithControls => "decision-retain_with_controls",
            Decision::Replace => "decision-replace",
        }
    }

    /// Whether an analyst favouring `action` agrees with this decision: replace with
    /// replace, retain with retain, monitor with monitor or retain-with-controls (both keep
    /// the product under closer watch).
    pub fn agrees_with(self, action: FavouredAction) -> bool {
        matches!(
            (action, self),
            (FavouredAction::Replace, Decision::Replace)
                | (FavouredAction::Retain, Decision::Retain)
                | (FavouredAction::Monitor, Decision::Monitor)
                | (FavouredAction::Monitor, Decision::RetainWithControls)
        )
    }
}

impl std::fmt::Display for Decision {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Who uses the product and how.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UsageView {
    /// A vendor slug, or `@organisation`.
    pub consumer: String,
    pub consumer_name: String,
    pub criticality: Criticality,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    /// In use on the date (otherwise ended recently, or in the past).
    pub active: bool,
}

/// A recent incident the product (or its vendor) took part in.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IncidentRef {
    pub incident: String,
    pub title: String,
    pub kind: IncidentKind,
    pub severity: i32,
    pub role: InvolvementRole,
    pub known_on: Option<NaiveDate>,
}

/// The criteria of an alternative, each in 0..=1.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Criteria {
    /// The lower of its and its vendor's score, / 100.
    pub trust: f64,
    /// 1 − the higher of its and its vendor's uncertainty.
    pub certainty: f64,
    /// Mean analyst stance on it or its vendor (strongly disagree 0 … strongly agree 1;
    /// 0.5 without any view).
    pub analysts: f64,
    /// Shared-upstream exposure: 1 when it depends on a compromised product of the incident
    /// chain or was its conduit, 0.5 when it was a victim, 0 otherwise.
    pub exposure: f64,
}

/// A product of the same category, ranked.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alternative {
    pub product: String,
    pub name: String,
    pub vendor: String,
    pub vendor_name: String,
    /// 1 is the best.
    pub rank: usize,
    pub criteria: Criteria,
    /// w·trust + w·certainty + w·analysts − penalty·exposure.
    pub total: f64,
    pub score: f64,
    pub uncertainty: f64,
    /// Why the exposure criterion is not zero.
    pub exposure_reasons: Vec<String>,
    /// The same as data, for interfaces that word it themselves.
    #[serde(skip)]
    pub exposure: Vec<Exposure>,
    /// Recorded moves from the product to this one ("Mimecast migrated ...").
    pub precedents: Vec<String>,
    #[serde(skip)]
    pub recorded: Vec<Precedent>,
    pub citations: Vec<CitationView>,
}

/// A product of the category left out of the alternatives, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Excluded {
    pub product: String,
    pub name: String,
    pub reason: String,
    #[serde(skip)]
    pub why: Exclusion,
}

/// A compensating (or transition) control.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Control {
    /// Stable key from the catalogue: `rotate-credentials`, `rebuild-servers`, ...
    pub key: String,
    pub control: String,
    pub rationale: String,
    /// A transition control of a replacement.
    pub transition: bool,
    /// Why it was chosen (empty: the catalogue's reason alone).
    #[serde(skip)]
    pub grounds: Vec<Ground>,
    /// Remediations recorded for similar incidents, as "Vendor (date): description".
    pub precedents: Vec<String>,
    #[serde(skip)]
    pub recorded: Vec<Precedent>,
    /// Citations of those remediations.
    pub citations: Vec<CitationView>,
}

/// An analyst's view on the product or its vendor, and whether the decision agrees.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnalystView {
    pub assessment: String,
    pub firm: Option<String>,
    pub analyst: String,
    pub analyst_title: Option<String>,
    pub date: NaiveDate,
    /// "product SolarWinds Orion" or "vendor SolarWinds".
    pub subject: String,
    /// What the view is on: `product`, `vendor` or `incident`; and its name.
    pub subject_kind: &'static str,
    pub subject_name: String,
    pub stance: Stance,
    pub favoured_action: Option<FavouredAction>,
    pub quote: String,
    pub language: String,
    pub translation: Option<String>,
    pub translation_language: Option<String>,
    /// None when the view favours no action.
    pub agrees: Option<bool>,
    pub note: String,
    pub citations: Vec<CitationView>,
}

/// The recommendation for one product as of a date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recommendation {
    pub product: String,
    pub product_name: String,
    pub vendor: String,
    pub vendor_name: String,
    pub category: String,
    pub category_name: String,
    pub as_of: NaiveDate,
    pub decision: Decision,
    /// The name of the rule that fired (docs/recommendations.md).
    pub rule: String,
    /// The rule's own reason first, then the context; worded by each interface (the JSON
    /// API adds them in English).
    #[serde(skip)]
    pub reasons: Vec<Reason>,
    /// The lower of the product's and its vendor's score, and the higher uncertainty.
    pub score: f64,
    pub uncertainty: f64,
    pub product_score: f64,
    pub vendor_score: f64,
    pub unknown: bool,
    pub in_use: bool,
    /// The strongest criticality of its use (None: nobody uses or used it).
    pub criticality: Option<Criticality>,
    pub usage: Vec<UsageView>,
    pub incidents: Vec<IncidentRef>,
    pub alternatives: Vec<Alternative>,
    pub excluded: Vec<Excluded>,
    pub controls: Vec<Control>,
    pub assessments: Vec<AnalystView>,
}

impl Recommendation {
    /// A decision other than `retain` asks the risk manager to act.
    pub fn needs_action(&self) -> bool {
        self.decision != Decision::Retain
    }
}

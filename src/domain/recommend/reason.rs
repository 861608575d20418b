//! Why a recommendation says what it says, as data: the rule that fired with its figures, and
//! the context lines (scores, use, incidents, analysts). Each interface words them itself.

use crate::domain::{Criticality, IncidentKind, InvolvementRole};
use chrono::NaiveDate;

/// One reason under a decision. Scores are 0..=100, uncertainties 0..=1; `threshold` is the
/// configuration value the rule compared with (named in docs/recommendations.md).
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    /// Rule `distrusted`: score below `replace_below` at a high enough criticality.
    Distrusted {
        score: f64,
        threshold: f64,
        criticality: Criticality,
    },
    /// Rule `compromised-analysts-replace`.
    CompromisedAnalystsReplace {
        incident: Option<String>,
        replace: usize,
        favoured: usize,
        score: f64,
        threshold: f64,
    },
    /// Rule `supply-chain-origin`.
    SupplyChainOrigin { incident: Option<String> },
    /// Rule `severe-incident`.
    SevereIncident {
        incident: Option<String>,
        score: f64,
        threshold: f64,
    },
    /// Rule `weak-trust`: score below `controls_below`.
    WeakTrust { score: f64, threshold: f64 },
    /// Rule `uncertain` for an unknown product: uncertainty at least `unknown_uncertainty`.
    Unknown { uncertainty: f64, threshold: f64 },
    /// Rule `uncertain`: uncertainty at least `uncertain_above`.
    Uncertain { uncertainty: f64, threshold: f64 },
    /// Rule `recent-incident`.
    RecentIncident { incident: Option<String> },
    /// Rule `analysts-caution`: `caution` of `favoured` views favour replacing or monitoring.
    AnalystsCaution { caution: usize, favoured: usize },
    /// Rule `middling-trust`: score below `monitor_below`.
    MiddlingTrust { score: f64, threshold: f64 },
    /// Rule `trusted`: score at least `monitor_below`.
    Trusted {
        score: f64,
        threshold: f64,
        uncertainty: f64,
    },
    /// The scores behind the decision: the lower score and the higher uncertainty count.
    Scores {
        score: f64,
        product: f64,
        vendor: f64,
        uncertainty: f64,
    },
    /// Who uses it now (or stopped recently).
    UsedBy(Vec<Use>),
    /// Not in use on the date: judged at the criticality of its past use.
    PastUse { criticality: Criticality },
    /// Nobody uses it: judged at the assumed criticality.
    NoUse { criticality: Criticality },
    /// A recent incident it (or its vendor) took part in.
    Incident {
        role: InvolvementRole,
        title: String,
        kind: IncidentKind,
        severity: i32,
        known_on: Option<NaiveDate>,
    },
    /// No analyst view was known on the date.
    NoViews,
    /// The analyst views known, by the action they favour.
    Views {
        count: usize,
        replace: usize,
        monitor: usize,
        retain: usize,
    },
}

/// One current (or recently ended) use of the product.
#[derive(Debug, Clone, PartialEq)]
pub struct Use {
    pub consumer: String,
    /// The consumer is our own organisation (its name is then for each interface to word).
    pub organisation: bool,
    pub criticality: Criticality,
    /// The day the use ended, when it ended recently.
    pub until: Option<NaiveDate>,
}

/// Why a compensating control was chosen.
#[derive(Debug, Clone, PartialEq)]
pub enum Ground {
    /// The product took part in this recent incident.
    Incident {
        role: InvolvementRole,
        title: String,
        kind: IncidentKind,
        severity: i32,
    },
    /// `who` did this after a similar incident of this kind.
    Precedent { who: String, kind: IncidentKind },
}

/// Why an alternative shares the product's exposure.
#[derive(Debug, Clone, PartialEq)]
pub enum Exposure {
    /// Its vendor depends on `product`, compromised in the same chain.
    DependsOn { product: String },
    /// It (or its vendor) took part in `incident` of the chain.
    Involved {
        role: InvolvementRole,
        incident: String,
    },
}

/// Why a product of the category is not offered as an alternative.
#[derive(Debug, Clone, PartialEq)]
pub enum Exclusion {
    /// Its vendor is the origin of `incident`, in the same incident chain.
    ChainOrigin { vendor: String, incident: String },
    /// It is the origin of `incident`, a severe recent incident.
    SevereOrigin { incident: String },
}

/// A recorded remediation: who did what, when it was known, after which incident.
#[derive(Debug, Clone, PartialEq)]
pub struct Precedent {
    pub who: String,
    pub known_on: Option<NaiveDate>,
    /// The incident it followed (for controls).
    pub after: Option<String>,
    pub description: String,
}

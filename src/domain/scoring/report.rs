//! What the engine hands out: a subject's score with its grade, opinion and explanation,
//! each contribution with its factors and its effect in score points.

use super::input::Subject;
use super::opinion::Evidence;
use crate::domain::views::CitationView;
use chrono::NaiveDate;
use serde::Serialize;

/// Letter grade of a score (bands in the configuration).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    serde::Deserialize,
    utoipa::ToSchema,
)]
pub enum Grade {
    A,
    B,
    C,
    D,
    E,
    F,
}

impl Grade {
    pub fn of(score: f64, bands: &[f64; 5]) -> Grade {
        let grades = [Grade::A, Grade::B, Grade::C, Grade::D, Grade::E];
        grades
            .iter()
            .zip(bands)
            .find(|(_, low)| score >= **low)
            .map_or(Grade::F, |(g, _)| *g)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Grade::A => "A",
            Grade::B => "B",
            Grade::C => "C",
            Grade::D => "D",
            Grade::E => "E",
            Grade::F => "F",
        }
    }
}

/// Where a contribution comes from.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Serialize,
    serde::Deserialize,
    utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ContributionKind {
    Involvement,
    Remediation,
    Assessment,
    /// Risk inherited from a product the subject (or its vendor) depends on.
    Dependency,
}

impl ContributionKind {
    /// The catalogue message naming the kind (`contribution-kind-involvement`, …).
    pub fn message_id(self) -> &'static str {
        match self {
            ContributionKind::Involvement => "contribution-kind-involvement",
            ContributionKind::Remediation => "contribution-kind-remediation",
            ContributionKind::Assessment => "contribution-kind-assessment",
            ContributionKind::Dependency => "contribution-kind-dependency",
        }
    }
}

/// One line of a score's explanation.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Contribution {
    pub kind: ContributionKind,
    /// Id of the involvement, remediation, assessment or dependency.
    pub record_id: i32,
    /// The line in English (API, command line); `about` says the same as structured data.
    pub label: String,
    #[serde(skip)]
    pub about: super::EvidenceLabel,
    /// Not counted: a heavier part in the same incident counts instead.
    #[serde(skip)]
    pub superseded: bool,
    pub known_on: Option<NaiveDate>,
    /// Positive (trust) or negative (distrust) evidence.
    pub positive: bool,
    /// Evidence units before any factor.
    pub raw_weight: f64,
    /// Share reaching this subject: 1 when named directly, less through a vendor or product,
    /// 1/n for one of n averaged analyst views, the upstream disbelief for a dependency.
    pub share: f64,
    /// 0.5^(age / half-life).
    pub decay: f64,
    /// Admiralty discount of the best source.
    pub source_discount: f64,
    /// Units counted: raw × share × decay × discount.
    pub weight: f64,
    /// Score points this line moves the score (score minus the score without it).
    pub effect: f64,
    pub citations: Vec<CitationView>,
}

/// A subject's score as of a date, with its explanation.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct TrustScore {
    pub subject: Subject,
    pub as_of: NaiveDate,
    pub model_version: String,
    /// Projected probability × 100, in [0, 100].
    pub score: f64,
    /// None while the subject is unknown (no evidence worth the name).
    pub grade: Option<Grade>,
    pub unknown: bool,
    pub belief: f64,
    pub disbelief: f64,
    pub uncertainty: f64,
    pub base_rate: f64,
    /// Total evidence counted (positive r, negative s).
    pub evidence: Evidence,
    /// Every line, largest effect first.
    pub contributions: Vec<Contribution>,
}

//! The serde shape of a knowledge pack file; field values are domain newtypes, so a value
//! that breaks a rule is refused while parsing, with its line and column.

use super::date::PackDate;
use crate::domain::{
    Credibility, Criticality, CustomerCount, FavouredAction, IncidentKind, InvolvementRole,
    LanguageCode, Line, MagicQuadrant, Reliability, RemediationKind, Severity, Slug, Stance, Text,
    Tier, VendorStatus, WaveTier, WebUrl,
};
use serde::{Deserialize, Serialize};

/// The consumer value that stands for our own organisation in `[[dependencies]]`.
pub const ORGANISATION_CONSUMER: &str = "@organisation";

/// One pack file. Every section is optional; a directory's files are read as one pack.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackDocument {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pack: Option<PackHeader>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<PackSource>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<PackCategory>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub vendors: Vec<PackVendor>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub products: Vec<PackProduct>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dependencies: Vec<PackDependency>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub incidents: Vec<PackIncident>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remediations: Vec<PackRemediation>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub analyst_firms: Vec<PackFirm>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub analysts: Vec<PackAnalyst>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assessments: Vec<PackAssessment>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackHeader {
    /// Identifies the pack; importing the same name twice is refused, seeding skips it.
    pub name: Slug,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackCitation {
    /// Slug of the source.
    pub source: Slug,
    /// Verbatim excerpt; must appear in the source's text when the source has one.
    pub excerpt: Text,
    /// Place in the source ("paragraph 3"); filled in from the text when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locator: Option<Line>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackSource {
    pub slug: Slug,
    pub title: Line,
    pub publisher: Line,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<WebUrl>,
    pub language: LanguageCode,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_on: Option<PackDate>,
    pub reliability: Reliability,
    pub credibility: Credibility,
    /// The full text, inline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The full text, in a UTF-8 file relative to this pack file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_file: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackCategory {
    pub slug: Slug,
    pub name: Line,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<Slug>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackVendor {
    pub slug: Slug,
    pub name: Line,
    pub tier: Tier,
    pub status: VendorStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<WebUrl>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub synthetic: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<PackCitation>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackProduct {
    pub slug: Slug,
    pub vendor: Slug,
    pub name: Line,
    pub category: Slug,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<PackCitation>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackDependency {
    /// A vendor slug, or "@organisation" for our own inventory.
    pub consumer: String,
    pub product: Slug,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<PackDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<PackDate>,
    pub criticality: Criticality,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<Text>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<PackCitation>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackIncident {
    pub slug: Slug,
    pub title: Line,
    pub kind: IncidentKind,
    pub severity: Severity,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discovered_on: Option<PackDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disclosed_on: Option<PackDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved_on: Option<PackDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threat_actor: Option<Line>,
    pub summary: Text,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<PackCitation>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub involvements: Vec<PackInvolvement>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub timeline: Vec<PackTimelineEvent>,
    /// Incidents that led to this one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub caused_by: Vec<PackCause>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackInvolvement {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor: Option<Slug>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product: Option<Slug>,
    pub role: InvolvementRole,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customers_affected: Option<CustomerCount>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<PackCitation>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackTimelineEvent {
    pub on: PackDate,
    pub title: Line,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<PackCitation>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackCause {
    /// Slug of the incident that caused this one.
    pub incident: Slug,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<PackCitation>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackRemediation {
    pub slug: Slug,
    pub vendor: Slug,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub incident: Option<Slug>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product: Option<Slug>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replacement_product: Option<Slug>,
    pub kind: RemediationKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub taken_on: Option<PackDate>,
    pub description: Text,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<PackCitation>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackFirm {
    pub slug: Slug,
    pub name: Line,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<WebUrl>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackAnalyst {
    pub slug: Slug,
    pub name: Line,
    /// Slug of the analyst firm; leave out for an internal reviewer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub firm: Option<Slug>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Line>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<PackCitation>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackAssessment {
    pub slug: Slug,
    pub analyst: Slug,
    /// The subject: exactly one of `vendor`, `product`, `incident`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor: Option<Slug>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product: Option<Slug>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub incident: Option<Slug>,
    pub assessed_on: PackDate,
    pub stance: Stance,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub favoured_action: Option<FavouredAction>,
    pub quote: Text,
    pub quote_language: LanguageCode,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub translation: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub translation_language: Option<LanguageCode>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub magic_quadrant: Option<MagicQuadrant>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wave_tier: Option<WaveTier>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<PackCitation>,
}

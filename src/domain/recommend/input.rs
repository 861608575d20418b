//! What the recommendation engine reads: products, usages, incidents, remediations, analyst
//! views and trust scores as of one date, plain data gathered by the store (no I/O here).

use crate::domain::views::CitationView;
use crate::domain::{
    Criticality, FavouredAction, IncidentKind, InvolvementRole, RemediationKind, Stance,
};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;

/// A vendor: id → slug and name live in [`RecommendInput::vendors`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VendorInfo {
    pub slug: String,
    pub name: String,
}

/// A product with its vendor and category.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProductInfo {
    pub slug: String,
    pub name: String,
    pub vendor: i32,
    pub category: i32,
}

/// A category of the taxonomy (alternatives come from the same category).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CategoryInfo {
    pub slug: String,
    pub name: String,
}

/// Who uses a product.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Consumer {
    /// Our own organisation (the inventory, `@organisation`).
    Organisation,
    Vendor(i32),
}

/// A consumer's use of a product over a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Usage {
    pub id: i32,
    pub consumer: Consumer,
    pub product: i32,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub criticality: Criticality,
}

impl Usage {
    /// In use on `date`: started by then (or no start known) and not ended before it.
    pub fn active_on(&self, date: NaiveDate) -> bool {
        self.since.is_none_or(|s| s <= date) && self.until.is_none_or(|u| date <= u)
    }
}

/// The part a vendor or product played in an incident.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Involvement {
    pub vendor: Option<i32>,
    pub product: Option<i32>,
    pub role: InvolvementRole,
}

/// An incident with its involvements and the incidents that caused it.
#[derive(Debug, Clone, PartialEq)]
pub struct IncidentInfo {
    pub id: i32,
    pub slug: String,
    pub title: String,
    pub kind: IncidentKind,
    pub severity: i32,
    /// When it became known (the scoring engine's rule); unknown dates never count.
    pub known_on: Option<NaiveDate>,
    pub involvements: Vec<Involvement>,
    /// Ids of the incidents that led to this one.
    pub caused_by: Vec<i32>,
}

/// An action a vendor took after an incident.
#[derive(Debug, Clone, PartialEq)]
pub struct RemediationInfo {
    pub id: i32,
    pub slug: String,
    pub kind: RemediationKind,
    pub incident: Option<i32>,
    pub vendor: i32,
    pub product: Option<i32>,
    pub replacement: Option<i32>,
    pub known_on: Option<NaiveDate>,
    pub description: String,
    pub citations: Vec<CitationView>,
}

/// What an assessment is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssessedSubject {
    Vendor(i32),
    Product(i32),
    Incident(i32),
}

/// An analyst's view, with the quote in its original language.
#[derive(Debug, Clone, PartialEq)]
pub struct AssessmentInfo {
    pub id: i32,
    pub slug: String,
    pub firm: Option<String>,
    pub analyst: String,
    pub analyst_title: Option<String>,
    pub assessed_on: NaiveDate,
    pub subject: AssessedSubject,
    pub stance: Stance,
    pub favoured_action: Option<FavouredAction>,
    pub quote: String,
    pub quote_language: String,
    pub translation: Option<String>,
    pub translation_language: Option<String>,
    pub citations: Vec<CitationView>,
}

/// A subject's trust score as of the date, from the scoring engine.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ScoreSummary {
    /// 0..=100.
    pub score: f64,
    /// 0..=1.
    pub uncertainty: f64,
}

/// Everything the engine needs for one date. Records dated after `as_of` may be present:
/// the engine ignores them (only what was known on the date counts).
#[derive(Debug, Clone, Default)]
pub struct RecommendInput {
    pub as_of: NaiveDate,
    pub vendors: BTreeMap<i32, VendorInfo>,
    pub products: BTreeMap<i32, ProductInfo>,
    pub categories: BTreeMap<i32, CategoryInfo>,
    pub usages: Vec<Usage>,
    pub incidents: Vec<IncidentInfo>,
    pub remediations: Vec<RemediationInfo>,
    pub assessments: Vec<AssessmentInfo>,
    /// Scores as of `as_of`, by vendor id and by product id.
    pub vendor_scores: BTreeMap<i32, ScoreSummary>,
    pub product_scores: BTreeMap<i32, ScoreSummary>,
}

impl RecommendInput {
    /// An incident is known on the date when its known-on date is on or before it.
    pub fn known(&self, known_on: Option<NaiveDate>) -> bool {
        known_on.is_some_and(|d| d <= self.as_of)
    }
}

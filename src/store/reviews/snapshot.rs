//! The snapshot a review freezes at its decision: the subject's trust score with its
//! explanation, the evidence and citations, and the recommendation, as they were that day.

use crate::domain::recommend::{Decision, RecommendationConfig};
use crate::domain::scoring::{ScoringConfig, TrustScore};
use crate::domain::views::VendorDetail;
use crate::report::{VendorReport, vendor_report_with};
use crate::store::queries::blast::load_blast_graph;
use crate::store::queries::evidence::load_scoring_data;
use crate::store::queries::recommendations::portfolio_from;
use crate::store::queries::trust::vendor_detail_scored;
use crate::store::{DbConnection, StoreError};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Everything a decided review shows, frozen as JSON at the decision and never updated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    pub frozen_on: NaiveDate,
    pub vendor: String,
    pub vendor_name: String,
    /// The product reviewed (None: the vendor is).
    pub product: Option<String>,
    pub product_name: Option<String>,
    /// The reviewed subject's score (None: no score could be computed).
    pub trust: Option<FrozenScore>,
    /// The vendor's own score, for a product review.
    pub vendor_trust: Option<FrozenScore>,
    pub incidents: Vec<FrozenIncident>,
    pub citations: Vec<FrozenCitation>,
    pub recommendations: Vec<FrozenRecommendation>,
    /// The whole vendor report that day, with the decision on its cover: what the review's
    /// PDF renders.
    #[serde(default)]
    pub report: Option<VendorReport>,
}

/// A trust score with its explanation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FrozenScore {
    pub score: f64,
    pub grade: Option<String>,
    pub unknown: bool,
    pub uncertainty: f64,
    pub model_version: String,
    pub lines: Vec<FrozenLine>,
}

/// One line of a score's explanation, in English as the explanation words it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FrozenLine {
    pub label: String,
    pub positive: bool,
    pub effect: f64,
    pub known_on: Option<NaiveDate>,
}

/// An incident the vendor or its products took part in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FrozenIncident {
    pub slug: String,
    pub title: String,
    pub severity: i32,
}

/// A cited source with its excerpt.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FrozenCitation {
    pub source: String,
    pub title: String,
    pub excerpt: String,
    /// The source's language, hence the excerpt's.
    #[serde(default)]
    pub language: String,
    pub locator: Option<String>,
}

/// The recommendation for one product, with its alternatives by name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FrozenRecommendation {
    pub product: String,
    pub product_name: String,
    pub decision: Decision,
    pub rule: String,
    pub score: f64,
    pub alternatives: Vec<String>,
}

fn frozen_score(t: &TrustScore) -> FrozenScore {
    FrozenScore {
        score: t.score,
        grade: t.grade.map(|g| g.as_str().to_owned()),
        unknown: t.unknown,
        uncertainty: t.uncertainty,
        model_version: t.model_version.clone(),
        lines: t
            .contributions
            .iter()
            .map(|c| FrozenLine {
                label: c.label.clone(),
                positive: c.positive,
                effect: c.effect,
                known_on: c.known_on,
            })
            .collect(),
    }
}

fn citations(detail: &VendorDetail) -> Vec<FrozenCitation> {
    let products = detail.products.iter().flat_map(|p| &p.citations);
    let scored = detail.trust.iter().flat_map(|t| &t.contributions);
    detail
        .citations
        .iter()
        .chain(products)
        .chain(scored.flat_map(|c| &c.citations))
        .fold(Vec::<FrozenCitation>::new(), |mut out, c| {
            let known = out
                .iter()
                .any(|f| f.source == c.source_slug && f.excerpt == c.excerpt);
            if !known {
                out.push(FrozenCitation {
                    source: c.source_slug.clone(),
                    title: c.source_title.clone(),
                    excerpt: c.excerpt.clone(),
                    language: c.source_language.clone(),
                    locator: c.locator.clone(),
                });
            }
            out
        })
}

/// The snapshot of the vendor `vendor` (or of its product `product`) as of `today`.
pub fn take_snapshot(
    conn: &mut DbConnection,
    (vendor, product): (&str, Option<&str>),
    (config, today): (&ScoringConfig, NaiveDate),
    recommendation: &RecommendationConfig,
) -> Result<Snapshot, StoreError> {
    // Loaded here, inside the review's transaction (never the server's cached copy).
    let data = load_scoring_data(conn)?;
    let portfolio = portfolio_from(conn, &data, (today, config), recommendation)?;
    let graph = load_blast_graph(conn)?;
    let report = vendor_report_with(conn, (&data, &portfolio, &graph), vendor, today, config)?;
    let detail = vendor_detail_scored(conn, &data, vendor, today, config)?;
    let reviewed = product.and_then(|slug| detail.products.iter().find(|p| p.slug == slug));
    let vendor_trust = detail.trust.as_ref().map(frozen_score);
    let (trust, vendor_trust) = match (product, reviewed) {
        (Some(_), Some(p)) => (p.trust.as_ref().map(frozen_score), vendor_trust),
        _ => (vendor_trust, None),
    };
    let mut recommendations = Vec::new();
    for p in &detail.products {
        if product.is_some_and(|slug| slug != p.slug) {
            continue;
        }
        let r = portfolio
            .product(&p.slug)
            .ok_or_else(|| StoreError::not_found("product", p.slug.as_str()))?;
        recommendations.push(FrozenRecommendation {
            product: r.product,
            product_name: r.product_name,
            decision: r.decision,
            rule: r.rule,
            score: r.score,
            alternatives: r.alternatives.into_iter().map(|a| a.name).collect(),
        });
    }
    Ok(Snapshot {
        frozen_on: today,
        vendor: detail.slug.clone(),
        vendor_name: detail.name.clone(),
        product: reviewed.map(|p| p.slug.clone()),
        product_name: reviewed.map(|p| p.name.clone()),
        trust,
        vendor_trust,
        incidents: detail
            .incidents
            .iter()
            .map(|i| FrozenIncident {
                slug: i.incident_slug.clone(),
                title: i.incident_title.clone(),
                severity: i.severity,
            })
            .collect(),
        citations: citations(&detail),
        recommendations,
        report: Some(report),
    })
}

//! Trust scores of the knowledge base as of a date: the engine run over the stored evidence,
//! and the one-line-per-subject listing that the CLI and the API print.

use super::evidence::{ScoringData, load_scoring_data};
use crate::domain::scoring::{Contribution, ScoringConfig, Subject, TrustScore, score_all};
use crate::store::{DbConnection, StoreError};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;

/// Every subject's score, with the names to show them.
pub struct ScoredKnowledgeBase {
    pub data: ScoringData,
    pub scores: BTreeMap<Subject, TrustScore>,
}

/// One subject's score in a listing.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ScoreLine {
    pub slug: String,
    /// `vendor` or `product`.
    #[schema(value_type = String, pattern = "^(vendor|product)$")]
    pub kind: &'static str,
    pub name: String,
    /// For a product, its vendor's slug (absent for a vendor).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(required = false, nullable = false)]
    pub vendor: Option<String>,
    pub score: f64,
    pub grade: Option<String>,
    pub unknown: bool,
    pub belief: f64,
    pub disbelief: f64,
    pub uncertainty: f64,
    pub as_of: NaiveDate,
    pub model_version: String,
    /// The explanation, when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(required = false, nullable = false)]
    pub contributions: Option<Vec<Contribution>>,
}

/// Scores everything as of `as_of`.
pub fn score_knowledge_base(
    conn: &mut DbConnection,
    as_of: NaiveDate,
    config: &ScoringConfig,
) -> Result<ScoredKnowledgeBase, StoreError> {
    let data = load_scoring_data(conn)?;
    let scores = score_all(&data.input, as_of, config);
    Ok(ScoredKnowledgeBase { data, scores })
}

/// Rounds for presentation (scores to 0.1 point, opinions to 4 decimals).
fn round(x: f64, places: i32) -> f64 {
    let f = 10_f64.powi(places);
    (x * f).round() / f
}

impl ScoredKnowledgeBase {
    /// The slug and name of a subject.
    pub fn names(&self, subject: Subject) -> Option<(&str, &str, Option<&str>)> {
        match subject {
            Subject::Vendor(id) => self
                .data
                .vendors
                .get(&id)
                .map(|(s, n)| (s.as_str(), n.as_str(), None)),
            Subject::Product(id) => self.data.products.get(&id).map(|(s, n, v)| {
                let vendor = self.data.vendors.get(v).map(|(vs, _)| vs.as_str());
                (s.as_str(), n.as_str(), vendor)
            }),
        }
    }

    /// The subject with this slug (vendors first).
    pub fn find(&self, kind: &str, slug: &str) -> Option<&TrustScore> {
        self.scores.values().find(|s| match s.subject {
            Subject::Vendor(id) => {
                kind == "vendor" && self.data.vendors.get(&id).is_some_and(|(vs, _)| vs == slug)
            }
            Subject::Product(id) => {
                kind == "product"
                    && self
                        .data
                        .products
                        .get(&id)
                        .is_some_and(|(ps, _, _)| ps == slug)
            }
        })
    }

    /// Vendors then products, each by slug; `vendor` keeps one vendor and its products.
    pub fn lines(&self, vendor: Option<&str>, explain: bool) -> Vec<ScoreLine> {
        let mut lines: Vec<ScoreLine> = self
            .scores
            .values()
            .filter_map(|s| {
                let (slug, name, owner) = self.names(s.subject)?;
                let kind = match s.subject {
                    Subject::Vendor(_) => "vendor",
                    Subject::Product(_) => "product",
                };
                if let Some(wanted) = vendor {
                    let ours = if kind == "vendor" {
                        slug == wanted
                    } else {
                        owner == Some(wanted)
                    };
                    if !ours {
                        return None;
                    }
                }
                Some(ScoreLine {
                    slug: slug.to_owned(),
                    kind,
                    name: name.to_owned(),
                    vendor: owner.map(str::to_owned),
                    score: round(s.score, 1),
                    grade: s.grade.map(|g| g.as_str().to_owned()),
                    unknown: s.unknown,
                    belief: round(s.belief, 4),
                    disbelief: round(s.disbelief, 4),
                    uncertainty: round(s.uncertainty, 4),
                    as_of: s.as_of,
                    model_version: s.model_version.clone(),
                    contributions: explain.then(|| s.contributions.clone()),
                })
            })
            .collect();
        lines.sort_by(|a, b| b.kind.cmp(a.kind).then(a.slug.cmp(&b.slug)));
        lines
    }
}

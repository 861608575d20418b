//! The read models of watchlists, alerts and webhook deliveries, as pages (and later the
//! API) show them; stored vocabularies are parsed here, a bad value being `Corrupt`.

use crate::domain::{DeliveryStatus, WatchRuleKind};
use crate::store::DbConnection;
use crate::store::StoreError;
use crate::store::schema::{products, vendors};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Serialize;

/// A vendor or product as an alert or a watchlist names it.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
#[schema(as = AlertSubject)]
pub struct SubjectInfo {
    /// "vendor" or "product".
    pub kind: String,
    pub id: i32,
    pub slug: String,
    pub name: String,
    /// The vendor page that shows this subject.
    pub vendor_slug: String,
}

impl SubjectInfo {
    /// The page showing the subject: its vendor's page (a product at its row).
    pub fn path(&self) -> String {
        match self.kind.as_str() {
            "product" => format!("/vendors/{}#product-{}", self.vendor_slug, self.slug),
            _ => format!("/vendors/{}", self.slug),
        }
    }
}

/// The vendor with this id, as a subject (`None` when there is none).
pub fn vendor_info(conn: &mut DbConnection, id: i32) -> Result<Option<SubjectInfo>, StoreError> {
    let row: Option<(String, String)> = vendors::table
        .find(id)
        .select((vendors::slug, vendors::name))
        .first(conn)
        .optional()?;
    Ok(row.map(|(slug, name)| SubjectInfo {
        kind: "vendor".into(),
        id,
        vendor_slug: slug.clone(),
        slug,
        name,
    }))
}

/// The product with this id, as a subject (`None` when there is none).
pub fn product_info(conn: &mut DbConnection, id: i32) -> Result<Option<SubjectInfo>, StoreError> {
    let row: Option<(String, String, String)> = products::table
        .inner_join(vendors::table)
        .filter(products::id.eq(id))
        .select((products::slug, products::name, vendors::slug))
        .first(conn)
        .optional()?;
    Ok(row.map(|(slug, name, vendor_slug)| SubjectInfo {
        kind: "product".into(),
        id,
        slug,
        name,
        vendor_slug,
    }))
}

/// The subject of a watch item or an alert: a vendor id or a product id.
pub fn subject_info(
    conn: &mut DbConnection,
    (vendor, product): (Option<i32>, Option<i32>),
) -> Result<Option<SubjectInfo>, StoreError> {
    match (vendor, product) {
        (Some(v), _) => vendor_info(conn, v),
        (None, Some(p)) => product_info(conn, p),
        (None, None) => Ok(None),
    }
}

/// A watchlist: its owner, its name and its webhook (URL and signing secret, shown only to
/// the owner).
#[derive(Debug, Clone, PartialEq)]
pub struct Watchlist {
    pub id: i32,
    pub owner_id: i32,
    pub name: String,
    pub webhook_url: Option<String>,
    pub webhook_secret: Option<String>,
    pub created_at: NaiveDateTime,
    /// How many vendors and products it watches, and how many rules it has.
    pub items: i64,
    pub rules: i64,
}

/// One watched vendor or product.
#[derive(Debug, Clone, PartialEq)]
pub struct WatchItem {
    pub id: i32,
    pub subject: SubjectInfo,
}

/// One rule of a watchlist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct WatchRule {
    pub id: i32,
    pub kind: WatchRuleKind,
    /// The score (score below) or the number of points (score drop).
    pub threshold: Option<i32>,
}

/// A vendor's or product's score and grade at one moment (null while unscored).
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
#[schema(as = AlertScore)]
pub struct ScorePoint {
    pub score: Option<f64>,
    pub grade: Option<String>,
}

/// The incident or assessment an alert is about.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RecordInfo {
    /// "incident" or "assessment".
    pub kind: String,
    pub slug: String,
    pub title: String,
}

/// An alert as the inbox shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Alert {
    pub id: i32,
    pub watchlist_id: i32,
    pub watchlist_name: String,
    pub rule_id: Option<i32>,
    pub kind: WatchRuleKind,
    pub threshold: Option<i32>,
    pub subject: SubjectInfo,
    pub old: ScorePoint,
    pub new: ScorePoint,
    pub record: Option<RecordInfo>,
    /// The audit id of the score change report (`/score-changes/{id}`), when there is one.
    pub report_id: Option<i32>,
    pub created_at: NaiveDateTime,
    pub read_at: Option<NaiveDateTime>,
}

impl Alert {
    /// The record's page, when the alert is about an incident or an assessment.
    pub fn record_path(&self) -> Option<String> {
        let r = self.record.as_ref()?;
        Some(match r.kind.as_str() {
            "incident" => format!("/incidents/{}", r.slug),
            _ => format!("{}#assessments", self.subject.path()),
        })
    }
}

/// One webhook delivery of an alert, with its attempts (the delivery log).
#[derive(Debug, Clone, PartialEq)]
pub struct Delivery {
    pub id: i32,
    pub alert_id: i32,
    pub url: String,
    pub event: String,
    pub status: DeliveryStatus,
    pub attempts: i32,
    pub created_at: NaiveDateTime,
    pub next_attempt_at: NaiveDateTime,
    pub last_status_code: Option<i32>,
    pub last_error: Option<String>,
    pub delivered_at: Option<NaiveDateTime>,
    pub log: Vec<Attempt>,
}

/// One attempt to deliver: when, the answer's status or the error, and how long it took.
#[derive(Debug, Clone, PartialEq)]
pub struct Attempt {
    pub attempted_at: NaiveDateTime,
    pub status_code: Option<i32>,
    pub error: Option<String>,
    pub duration_ms: i32,
}

impl Alert {
    /// The catalogue message saying what happened (its `$threshold` the rule's).
    pub fn message_id(&self) -> &'static str {
        match self.kind {
            WatchRuleKind::ScoreBelow => "alert-what-score-below",
            WatchRuleKind::ScoreDrop => "alert-what-score-drop",
            WatchRuleKind::GradeChange => "alert-what-grade-change",
            WatchRuleKind::NewIncident => "alert-what-new-incident",
            WatchRuleKind::NewAssessment => "alert-what-new-assessment",
        }
    }

    /// The rule's threshold, or 0 for the rules without one.
    pub fn threshold_or_zero(&self) -> i32 {
        self.threshold.unwrap_or(0)
    }
}

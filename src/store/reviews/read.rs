//! Reading reviews: one with its conditions and frozen snapshot, and every review for the
//! lists (open, due for re-review, conditions overdue).

use super::snapshot::Snapshot;
use crate::domain::{ConditionStatus, DataClassification, ReviewDecision, ReviewStatus};
use crate::store::error::{parse_stored, parse_stored_opt};
use crate::store::schema::{products, review_conditions, reviews, vendors};
use crate::store::{DbConnection, StoreError};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

#[derive(Queryable, Selectable)]
#[diesel(table_name = reviews)]
struct ReviewRow {
    id: i32,
    vendor_id: Option<i32>,
    product_id: Option<i32>,
    purpose: String,
    data_classification: String,
    annual_spend_minor: Option<i64>,
    currency: Option<String>,
    requester: String,
    due_on: NaiveDate,
    status: String,
    opened_by: String,
    opened_at: NaiveDateTime,
    decision: Option<String>,
    decided_by: Option<String>,
    decided_at: Option<NaiveDateTime>,
    rationale: Option<String>,
    re_review_on: Option<NaiveDate>,
    snapshot: Option<String>,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = review_conditions)]
struct ConditionRow {
    id: i32,
    review_id: i32,
    text: String,
    owner: String,
    due_on: NaiveDate,
    status: String,
}

/// One condition of an approval.
#[derive(Debug, Clone, PartialEq)]
pub struct ConditionView {
    pub id: i32,
    pub review_id: i32,
    pub text: String,
    pub owner: String,
    pub due_on: NaiveDate,
    pub status: ConditionStatus,
}

/// A review as pages show it.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewView {
    pub id: i32,
    pub vendor: String,
    pub vendor_name: String,
    /// The product reviewed, slug and name (None: the vendor is).
    pub product: Option<(String, String)>,
    pub purpose: String,
    pub classification: DataClassification,
    pub spend: Option<(i64, String)>,
    pub requester: String,
    pub due_on: NaiveDate,
    pub status: ReviewStatus,
    pub opened_by: String,
    pub opened_at: NaiveDateTime,
    pub decision: Option<ReviewDecision>,
    pub decided_by: Option<String>,
    pub decided_at: Option<NaiveDateTime>,
    pub rationale: Option<String>,
    pub re_review_on: Option<NaiveDate>,
    pub snapshot: Option<Snapshot>,
    pub conditions: Vec<ConditionView>,
}

impl ReviewView {
    /// The subject's name: the product's, else the vendor's.
    pub fn subject_name(&self) -> &str {
        self.product.as_ref().map_or(&self.vendor_name, |p| &p.1)
    }

    pub fn is_open(&self) -> bool {
        self.status == ReviewStatus::Open
    }
}

fn condition(row: ConditionRow) -> Result<ConditionView, StoreError> {
    Ok(ConditionView {
        id: row.id,
        review_id: row.review_id,
        text: row.text,
        owner: row.owner,
        due_on: row.due_on,
        status: parse_stored("review_conditions.status", &row.status)?,
    })
}

/// The conditions of review `id` (of every review when None), in the order written.
fn conditions(conn: &mut DbConnection, id: Option<i32>) -> Result<Vec<ConditionView>, StoreError> {
    let mut query = review_conditions::table
        .order(review_conditions::id)
        .select(ConditionRow::as_select())
        .into_boxed();
    if let Some(id) = id {
        query = query.filter(review_conditions::review_id.eq(id));
    }
    query.load(conn)?.into_iter().map(condition).collect()
}

fn view(
    conn: &mut DbConnection,
    row: ReviewRow,
    conditions: Vec<ConditionView>,
) -> Result<ReviewView, StoreError> {
    let product = match row.product_id {
        Some(id) => Some(
            products::table
                .find(id)
                .select((products::slug, products::name, products::vendor_id))
                .first::<(String, String, i32)>(conn)?,
        ),
        None => None,
    };
    let vendor_id = product
        .as_ref()
        .map(|p| p.2)
        .or(row.vendor_id)
        .ok_or_else(|| StoreError::Corrupt(format!("review {} has no subject", row.id)))?;
    let (vendor, vendor_name) = vendors::table
        .find(vendor_id)
        .select((vendors::slug, vendors::name))
        .first::<(String, String)>(conn)?;
    let snapshot = row
        .snapshot
        .as_deref()
        .map(serde_json::from_str::<Snapshot>)
        .transpose()
        .map_err(|e| StoreError::Corrupt(format!("reviews.snapshot: {e}")))?;
    Ok(ReviewView {
        id: row.id,
        vendor,
        vendor_name,
        product: product.map(|(slug, name, _)| (slug, name)),
        purpose: row.purpose,
        classification: parse_stored("reviews.data_classification", &row.data_classification)?,
        spend: row.annual_spend_minor.zip(row.currency),
        requester: row.requester,
        due_on: row.due_on,
        status: parse_stored("reviews.status", &row.status)?,
        opened_by: row.opened_by,
        opened_at: row.opened_at,
        decision: parse_stored_opt("reviews.decision", row.decision.as_deref())?,
        decided_by: row.decided_by,
        decided_at: row.decided_at,
        rationale: row.rationale,
        re_review_on: row.re_review_on,
        snapshot,
        conditions,
    })
}

/// The review `id` with its conditions; not found when there is none.
pub fn review(conn: &mut DbConnection, id: i32) -> Result<ReviewView, StoreError> {
    let row = reviews::table
        .find(id)
        .select(ReviewRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| StoreError::not_found("review", id.to_string()))?;
    let conditions = conditions(conn, Some(id))?;
    view(conn, row, conditions)
}

/// Every review, most recently opened first, with its conditions.
pub fn all_reviews(conn: &mut DbConnection) -> Result<Vec<ReviewView>, StoreError> {
    conn.transaction(|conn| {
        let rows = reviews::table
            .order(reviews::id.desc())
            .select(ReviewRow::as_select())
            .load(conn)?;
        let mut conditions = conditions(conn, None)?;
        rows.into_iter()
            .map(|row| {
                let (own, rest) = conditions.drain(..).partition(|c| c.review_id == row.id);
                conditions = rest;
                view(conn, row, own)
            })
            .collect()
    })
}

/// The reviews of the vendor `vendor` (or of the product `product`), by number ("#3"): they
/// hold the record against deletion.
pub fn reviews_of(
    conn: &mut DbConnection,
    (vendor, product): (Option<i32>, Option<i32>),
) -> Result<Vec<String>, StoreError> {
    let ids: Vec<i32> = reviews::table
        .filter(
            reviews::vendor_id
                .eq(vendor)
                .and(reviews::vendor_id.is_not_null())
                .or(reviews::product_id
                    .eq(product)
                    .and(reviews::product_id.is_not_null())),
        )
        .order(reviews::id)
        .select(reviews::id)
        .load(conn)?;
    Ok(ids.into_iter().map(|id| format!("#{id}")).collect())
}

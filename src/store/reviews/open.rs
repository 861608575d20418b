//! Opening a procurement review of a vendor or a product: an unknown subject is not found;
//! the review and its audit record land in one transaction.

use super::REVIEW;
use crate::domain::audit::Actor;
use crate::domain::{DataClassification, Line, ReviewStatus, Slug};
use crate::store::audit::record_create;
use crate::store::curation::lookup::{product_id, vendor_id};
use crate::store::insert::insert_returning_id;
use crate::store::schema::reviews;
use crate::store::{DbConnection, StoreError};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde::Serialize;
use serde_json::json;

/// What a review is about: a vendor or one product, by slug.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "slug", rename_all = "snake_case")]
pub enum ReviewSubject {
    Vendor(Slug),
    Product(Slug),
}

impl ReviewSubject {
    pub fn slug(&self) -> &Slug {
        match self {
            ReviewSubject::Vendor(s) | ReviewSubject::Product(s) => s,
        }
    }
}

/// A yearly spend in minor units (cents) of a currency (ISO 4217 code).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Spend {
    pub minor: i64,
    pub currency: String,
}

/// A new review, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenValues {
    pub subject: ReviewSubject,
    pub purpose: Line,
    pub classification: DataClassification,
    pub spend: Option<Spend>,
    pub requester: Line,
    pub due_on: NaiveDate,
}

#[derive(Insertable)]
#[diesel(table_name = reviews)]
struct NewReview<'a> {
    vendor_id: Option<i32>,
    product_id: Option<i32>,
    purpose: &'a str,
    data_classification: &'a str,
    annual_spend_minor: Option<i64>,
    currency: Option<&'a str>,
    requester: &'a str,
    due_on: NaiveDate,
    status: &'a str,
    opened_by: &'a str,
    opened_at: NaiveDateTime,
}

/// Opens a review; returns its id. A subject that does not exist is not found.
pub fn open_review(
    conn: &mut DbConnection,
    actor: &Actor,
    v: &OpenValues,
    now: NaiveDateTime,
) -> Result<i32, StoreError> {
    conn.write_transaction(|conn| {
        let slug = v.subject.slug().as_str();
        let (vendor, product) = match &v.subject {
            ReviewSubject::Vendor(_) => (
                Some(vendor_id(conn, slug)?.ok_or_else(|| StoreError::not_found("vendor", slug))?),
                None,
            ),
            ReviewSubject::Product(_) => (
                None,
                Some(
                    product_id(conn, slug)?
                        .ok_or_else(|| StoreError::not_found("product", slug))?,
                ),
            ),
        };
        let row = NewReview {
            vendor_id: vendor,
            product_id: product,
            purpose: v.purpose.as_str(),
            data_classification: v.classification.as_str(),
            annual_spend_minor: v.spend.as_ref().map(|s| s.minor),
            currency: v.spend.as_ref().map(|s| s.currency.as_str()),
            requester: v.requester.as_str(),
            due_on: v.due_on,
            status: ReviewStatus::Open.as_str(),
            opened_by: &actor.label,
            opened_at: now,
        };
        let id = insert_returning_id!(&mut *conn, reviews, &row)?;
        let after = json!({
            "subject": v.subject, "purpose": v.purpose, "data_classification": v.classification,
            "annual_spend": v.spend, "requester": v.requester, "due_on": v.due_on,
            "status": ReviewStatus::Open,
        });
        record_create(conn, actor, (REVIEW, id, slug), after, now)?;
        Ok(id)
    })
}

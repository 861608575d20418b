//! Recording a remediation a vendor took after an incident: slug, vendor and products checked
//! against the database, the row and its audit record written, and the scores refreshed.

use super::create::audit_created;
use super::lookup::{incident_id, product_id, remediation_slug_taken, vendor_id};
use super::rescore::{ScoreChange, current_scores, rescore};
use super::{Checked, Refused};
use crate::domain::audit::Actor;
use crate::domain::scoring::{ScoringConfig, Subject};
use crate::domain::{PartialDate, RemediationKind, Slug, Text};
use crate::i18n::Message;
use crate::store::insert::{NewRemediation, insert_returning_id};
use crate::store::{DbConnection, StoreError};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde_json::{Value, json};

/// The audit trail's name for remediations (entity id: database id; label: slug).
pub const REMEDIATION: &str = "remediation";

/// A new remediation, validated (the replacement differs from the product).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemediationValues {
    pub slug: Slug,
    pub vendor: Slug,
    pub kind: RemediationKind,
    pub product: Option<Slug>,
    pub replacement: Option<Slug>,
    pub description: Text,
    pub taken: Option<PartialDate>,
}

/// A product named on a field, resolved, or refused on that field.
fn product(
    conn: &mut DbConnection,
    slug: Option<&Slug>,
    field: &'static str,
    refused: &mut Refused,
) -> Result<Option<i32>, StoreError> {
    let Some(slug) = slug else { return Ok(None) };
    let id = product_id(conn, slug.as_str())?;
    if id.is_none() {
        refused.add(
            field,
            Message::new("err-no-product").with("slug", slug.as_str()),
        );
    }
    Ok(id)
}

/// A remediation's vendor and products, resolved to their ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parties {
    pub vendor: i32,
    pub product: Option<i32>,
    pub replacement: Option<i32>,
}

/// Resolves the vendor and products the values name; the unknown ones are refused on their
/// fields (and `None` returned).
pub(super) fn parties(
    conn: &mut DbConnection,
    v: &RemediationValues,
    refused: &mut Refused,
) -> Result<Option<Parties>, StoreError> {
    let vendor = vendor_id(conn, v.vendor.as_str())?;
    if vendor.is_none() {
        refused.add(
            "vendor",
            Message::new("err-no-vendor").with("slug", v.vendor.as_str()),
        );
    }
    let product_id = product(conn, v.product.as_ref(), "product", refused)?;
    let replacement = product(conn, v.replacement.as_ref(), "replacement", refused)?;
    Ok(vendor.filter(|_| refused.is_empty()).map(|vendor| Parties {
        vendor,
        product: product_id,
        replacement,
    }))
}

impl RemediationValues {
    /// The row, its parties resolved, attached to an incident (or none).
    pub(super) fn row(&self, incident_id: Option<i32>, p: Parties) -> NewRemediation<'_> {
        NewRemediation {
            slug: self.slug.as_str(),
            vendor_id: p.vendor,
            incident_id,
            product_id: p.product,
            replacement_product_id: p.replacement,
            kind: self.kind.as_str(),
            taken_on: self.taken.map(|d| d.date),
            description: self.description.as_str(),
            taken_precision: self
                .taken
                .map_or(crate::domain::DatePrecision::Day, |d| d.precision)
                .as_str(),
        }
    }

    /// What the audit trail records of a remediation.
    pub fn audit_view(&self, incident: Option<&str>) -> Value {
        json!({
            "slug": self.slug, "vendor": self.vendor, "incident": incident, "kind": self.kind,
            "product": self.product, "replacement_product": self.replacement,
            "taken_on": self.taken, "description": self.description,
        })
    }

    /// The subjects whose scores the remediation names.
    pub(super) fn subjects(p: Parties) -> Vec<Subject> {
        let mut named = vec![Subject::Vendor(p.vendor)];
        named.extend(p.product.map(Subject::Product));
        named
    }
}

/// Records the remediation on the incident with slug `incident` and rescores as of `today`.
/// Returns the score changes, or the fields refused; a missing incident is not found.
pub fn record_remediation(
    conn: &mut DbConnection,
    actor: &Actor,
    incident: &str,
    v: &RemediationValues,
    config: &ScoringConfig,
    today: NaiveDate,
    now: NaiveDateTime,
) -> Result<Checked<Vec<ScoreChange>>, StoreError> {
    conn.transaction(|conn| {
        let incident_id = incident_id(conn, incident)?
            .ok_or_else(|| StoreError::not_found("incident", incident))?;
        let mut refused = Refused::default();
        if remediation_slug_taken(conn, v.slug.as_str())? {
            refused.add(
                "slug",
                Message::new("err-remediation-slug-taken").with("slug", v.slug.as_str()),
            );
        }
        let Some(parties) = parties(conn, v, &mut refused)? else {
            return Ok(Err(refused));
        };
        let before = current_scores(conn, today, config)?;
        let row = v.row(Some(incident_id), parties);
        let id = insert_returning_id!(&mut *conn, remediations, &row)?;
        let after = v.audit_view(Some(incident));
        audit_created(conn, actor, REMEDIATION, id, v.slug.as_str(), after, now)?;
        let named = RemediationValues::subjects(parties);
        let changes = rescore(
            conn,
            actor,
            (incident_id, incident),
            &before,
            &named,
            config,
            today,
            now,
        )?;
        Ok(Ok(changes))
    })
}

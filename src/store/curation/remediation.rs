//! Recording a remediation a vendor took after an incident: slug, vendor and products checked
//! against the database, the row and its audit record written, and the scores refreshed.

use super::lookup::{
    incident_id, known_id, known_opt, product_id, refuse_taken, remediation_id, vendor_id,
};
use super::rescore::{ScoreChange, rescore, scores_before};
use super::{Checked, Refused};
use crate::domain::audit::Actor;
use crate::domain::scoring::{ScoringConfig, Subject};
use crate::domain::{PartialDate, RemediationKind, Slug, Text};
use crate::store::audit::record_create;
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
    let vendor = known_id(
        conn,
        vendor_id,
        &v.vendor,
        ("vendor", "err-no-vendor"),
        refused,
    )?;
    let mut product = |slug: Option<&Slug>, field| {
        known_opt(conn, product_id, slug, (field, "err-no-product"), refused)
    };
    let product_id = product(v.product.as_ref(), "product")?;
    let replacement = product(v.replacement.as_ref(), "replacement")?;
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
    conn.write_transaction(|conn| {
        let incident_id = incident_id(conn, incident)?
            .ok_or_else(|| StoreError::not_found("incident", incident))?;
        let mut refused = Refused::default();
        let taken = "err-remediation-slug-taken";
        refuse_taken(conn, remediation_id, &v.slug, taken, &mut refused)?;
        let Some(parties) = parties(conn, v, &mut refused)? else {
            return Ok(Err(refused));
        };
        let scoring = (config, today);
        let before = scores_before(conn, scoring)?;
        let row = v.row(Some(incident_id), parties);
        let id = insert_returning_id!(&mut *conn, remediations, &row)?;
        let after = v.audit_view(Some(incident));
        record_create(conn, actor, (REMEDIATION, id, v.slug.as_str()), after, now)?;
        let named = RemediationValues::subjects(parties);
        let about = (incident_id, incident);
        let changes = rescore(conn, actor, about, &before, &named, scoring, now)?;
        Ok(Ok(changes))
    })
}

//! Recording a remediation a vendor took after an incident: slug, vendor and products checked
//! against the database, the row and its audit record written, and the scores refreshed.

use super::create::audit_created;
use super::lookup::{incident_id, product_id, remediation_slug_taken, vendor_id};
use super::rescore::{ScoreChange, current_scores, rescore};
use super::{Checked, Refused};
use crate::domain::audit::Actor;
use crate::domain::scoring::{ScoringConfig, Subject};
use crate::domain::{PartialDate, RemediationKind, Slug, Text};
use crate::store::insert::{NewRemediation, insert_returning_id};
use crate::store::{DbConnection, StoreError};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde_json::json;

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
        refused.add(field, format!("no product \"{slug}\""));
    }
    Ok(id)
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
                format!(
                    "another remediation already has the identifier \"{}\"",
                    v.slug
                ),
            );
        }
        let vendor = vendor_id(conn, v.vendor.as_str())?;
        if vendor.is_none() {
            refused.add("vendor", format!("no vendor \"{}\"", v.vendor));
        }
        let product_id = product(conn, v.product.as_ref(), "product", &mut refused)?;
        let replacement = product(conn, v.replacement.as_ref(), "replacement", &mut refused)?;
        let Some(vendor_id) = vendor.filter(|_| refused.is_empty()) else {
            return Ok(Err(refused));
        };
        let before = current_scores(conn, today, config)?;
        let row = NewRemediation {
            slug: v.slug.as_str(),
            vendor_id,
            incident_id: Some(incident_id),
            product_id,
            replacement_product_id: replacement,
            kind: v.kind.as_str(),
            taken_on: v.taken.map(|d| d.date),
            description: v.description.as_str(),
            taken_precision: v
                .taken
                .map_or(crate::domain::DatePrecision::Day, |d| d.precision)
                .as_str(),
        };
        let id = insert_returning_id!(&mut *conn, remediations, &row)?;
        let after = json!({
            "slug": v.slug, "vendor": v.vendor, "incident": incident, "kind": v.kind,
            "product": v.product, "replacement_product": v.replacement,
            "taken_on": v.taken, "description": v.description,
        });
        audit_created(conn, actor, REMEDIATION, id, v.slug.as_str(), after, now)?;
        let mut named = vec![Subject::Vendor(vendor_id)];
        named.extend(product_id.map(Subject::Product));
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

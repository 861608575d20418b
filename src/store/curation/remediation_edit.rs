//! Editing and deleting a remediation (the slug and its incident stay): vendor and products
//! checked, audited with before and after, and the scores refreshed; a cited one is not deleted.

use super::delete::{DeleteCheck, Reference};
use super::lookup::{Choice, product_slug};
use super::references::add_citations;
use super::remediation::{Parties, REMEDIATION, RemediationValues, parties};
use super::rescore::{ScoreChange, Scores, Scoring, rescore, rescore_about, scores_before};
use super::{Checked, Refused};
use crate::domain::audit::Actor;
use crate::domain::scoring::{ScoringConfig, Subject};
use crate::store::audit::{Audited, record_delete, record_update};
use crate::store::error::{OrNotFound, parse_stored, parse_stored_opt, stored_date_opt};
use crate::store::rows::{CitedRecord, RemediationRow};
use crate::store::schema::{incidents, remediations, vendors};
use crate::store::{DbConnection, StoreError};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

/// The audit trail's name for the score changes of a remediation recorded without an incident
/// (with one, they are the incident's: `incident_rescore`).
pub const REMEDIATION_RESCORE: &str = "remediation_rescore";

/// A remediation as stored: its id, its incident (slug and title), its vendor's slug and
/// name, its values and its parties' ids.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredRemediation {
    pub id: i32,
    pub incident: Option<(i32, Choice)>,
    pub vendor: Choice,
    pub values: RemediationValues,
    pub parties: Parties,
}

impl StoredRemediation {
    /// The slug of its incident, if any.
    pub fn incident_slug(&self) -> Option<&str> {
        self.incident.as_ref().map(|(_, c)| c.slug.as_str())
    }
}

/// What an edit or a delete did to the scores, and the incident whose page reports it.
#[derive(Debug, Clone, PartialEq)]
pub struct Rescored {
    pub incident: Option<String>,
    pub changes: Vec<ScoreChange>,
}

/// The remediation with this slug; not found when there is none.
pub fn stored_remediation(
    conn: &mut DbConnection,
    slug: &str,
) -> Result<StoredRemediation, StoreError> {
    let row: RemediationRow = remediations::table
        .filter(remediations::slug.eq(slug))
        .select(RemediationRow::as_select())
        .first(conn)
        .or_not_found("remediation", slug)?;
    let (vendor_slug, vendor_name): (String, String) = vendors::table
        .find(row.vendor_id)
        .select((vendors::slug, vendors::name))
        .first(conn)?;
    let incident = match row.incident_id {
        Some(id) => {
            let (slug, name) = incidents::table
                .find(id)
                .select((incidents::slug, incidents::title))
                .first::<(String, String)>(conn)?;
            Some((id, Choice { slug, name }))
        }
        None => None,
    };
    let product = product_slug(conn, row.product_id)?;
    let replacement = product_slug(conn, row.replacement_product_id)?;
    let values = RemediationValues {
        slug: parse_stored("remediations.slug", &row.slug)?,
        vendor: parse_stored("vendors.slug", &vendor_slug)?,
        kind: parse_stored("remediations.kind", &row.kind)?,
        product: parse_stored_opt("products.slug", product.as_deref())?,
        replacement: parse_stored_opt("products.slug", replacement.as_deref())?,
        description: parse_stored("remediations.description", &row.description)?,
        taken: stored_date_opt("remediations.taken_on", row.taken_on, &row.taken_precision)?,
    };
    Ok(StoredRemediation {
        id: row.id,
        incident,
        vendor: Choice {
            slug: vendor_slug,
            name: vendor_name,
        },
        values,
        parties: Parties {
            vendor: row.vendor_id,
            product: row.product_id,
            replacement: row.replacement_product_id,
        },
    })
}

/// How the audit trail names the remediation.
fn audited(stored: &StoredRemediation) -> Audited<'_> {
    (REMEDIATION, stored.id, stored.values.slug.as_str())
}

/// Rescores after a change to the remediation (its audit record written): under the
/// incident when there is one.
fn rescored(
    conn: &mut DbConnection,
    actor: &Actor,
    stored: &StoredRemediation,
    (scores, named): (&Scores, &[Subject]),
    scoring: Scoring<'_>,
    now: NaiveDateTime,
) -> Result<Rescored, StoreError> {
    let changes = match &stored.incident {
        Some((id, incident)) => {
            let incident = (*id, incident.slug.as_str());
            rescore(conn, actor, incident, scores, named, scoring, now)?
        }
        None => {
            let about = (REMEDIATION_RESCORE, stored.id, stored.values.slug.as_str());
            rescore_about(conn, actor, about, (scores, named), scoring, now)?
        }
    };
    Ok(Rescored {
        incident: stored.incident_slug().map(str::to_owned),
        changes,
    })
}

/// Applies `v` to the remediation with this slug (its slug and incident stay) with its audit
/// record (before and after) and the scores refreshed as of `today`, in one transaction.
/// Returns what changed in the scores, `None` when the values are the stored ones (nothing
/// written), or the fields refused. A missing remediation is not found.
pub fn update_remediation(
    conn: &mut DbConnection,
    actor: &Actor,
    slug: &str,
    v: &RemediationValues,
    config: &ScoringConfig,
    today: NaiveDate,
    now: NaiveDateTime,
) -> Result<Checked<Option<Rescored>>, StoreError> {
    conn.write_transaction(|conn| {
        let stored = stored_remediation(conn, slug)?;
        let v = RemediationValues {
            slug: stored.values.slug.clone(),
            ..v.clone()
        };
        let mut refused = Refused::default();
        let Some(ids) = parties(conn, &v, &mut refused)? else {
            return Ok(Err(refused));
        };
        if v == stored.values {
            return Ok(Ok(None));
        }
        let scores = scores_before(conn, (config, today))?;
        let incident_id = stored.incident.as_ref().map(|(id, _)| *id);
        let row = v.row(incident_id, ids);
        diesel::update(remediations::table.find(stored.id))
            .set((
                remediations::vendor_id.eq(row.vendor_id),
                remediations::product_id.eq(row.product_id),
                remediations::replacement_product_id.eq(row.replacement_product_id),
                remediations::kind.eq(row.kind),
                remediations::taken_on.eq(row.taken_on),
                remediations::taken_precision.eq(row.taken_precision),
                remediations::description.eq(row.description),
            ))
            .execute(conn)?;
        let incident = stored.incident_slug();
        let views = (stored.values.audit_view(incident), v.audit_view(incident));
        record_update(conn, actor, audited(&stored), views, now)?;
        let mut named = RemediationValues::subjects(stored.parties);
        named.extend(RemediationValues::subjects(ids));
        let scoring = (config, today);
        let rescored = rescored(conn, actor, &stored, (&scores, &named), scoring, now)?;
        Ok(Ok(Some(rescored)))
    })
}

fn references(conn: &mut DbConnection, id: i32) -> Result<Vec<Reference>, StoreError> {
    let mut list = Vec::new();
    add_citations(
        conn,
        &mut list,
        "ref-citations",
        (CitedRecord::Remediation, id),
    )?;
    Ok(list)
}

/// The remediation with this slug and what references it (citations); not found when there
/// is none. The check's `vendor_slug` is the remediation's vendor.
pub fn remediation_delete_check(
    conn: &mut DbConnection,
    slug: &str,
) -> Result<DeleteCheck, StoreError> {
    let stored = stored_remediation(conn, slug)?;
    Ok(DeleteCheck {
        id: stored.id,
        slug: slug.to_owned(),
        name: slug.to_owned(),
        vendor_slug: stored.vendor.slug,
        references: references(conn, stored.id)?,
    })
}

/// Deletes the remediation with this slug when no citation references it, with its audit
/// record (before values) and the scores refreshed as of `today`, in one transaction. Returns
/// the check, and what changed in the scores when it was deleted.
pub fn delete_remediation(
    conn: &mut DbConnection,
    actor: &Actor,
    slug: &str,
    config: &ScoringConfig,
    today: NaiveDate,
    now: NaiveDateTime,
) -> Result<(DeleteCheck, Option<Rescored>), StoreError> {
    conn.write_transaction(|conn| {
        let check = remediation_delete_check(conn, slug)?;
        if !check.references.is_empty() {
            return Ok((check, None));
        }
        let stored = stored_remediation(conn, slug)?;
        let scores = scores_before(conn, (config, today))?;
        diesel::delete(remediations::table.find(stored.id)).execute(conn)?;
        let before = stored.values.audit_view(stored.incident_slug());
        record_delete(conn, actor, audited(&stored), before, now)?;
        let named = RemediationValues::subjects(stored.parties);
        let scoring = (config, today);
        let rescored = rescored(conn, actor, &stored, (&scores, &named), scoring, now)?;
        Ok((check, Some(rescored)))
    })
}

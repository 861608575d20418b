//! Recording a new incident with its involvements: slug and parties checked against the
//! database, the rows and their audit records written, and the scores refreshed, together.
//! The validated values and the party look-ups serve editing too (`incident_edit`).

use super::lookup::{incident_id, known_opt, product_id, refuse_taken, vendor_id};
use super::rescore::{ScoreChange, rescore, scores_before};
use super::{Checked, Refused};
use crate::domain::audit::Actor;
use crate::domain::scoring::{ScoringConfig, Subject};
use crate::domain::{
    DatePrecision, IncidentKind, InvolvementRole, Line, PartialDate, Severity, Slug, Text,
};
use crate::store::audit::record_create;
use crate::store::history::INCIDENT;
use crate::store::insert::{NewIncident, NewInvolvement, insert_returning_id};
use crate::store::{DbConnection, StoreError};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde_json::json;

/// The audit trail's name for involvements (as pack imports write them).
pub const INVOLVEMENT: &str = "incident_involvement";

/// One party of an incident, validated; `fields` names its form fields (vendor, product)
/// so that a refusal lands on the right row. `id` is the stored involvement an edit changes
/// (none for a new one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvolvementValues {
    pub id: Option<i32>,
    pub vendor: Option<Slug>,
    pub product: Option<Slug>,
    pub role: InvolvementRole,
    pub customers_affected: Option<i32>,
    pub description: Option<Text>,
    pub fields: [&'static str; 2],
}

/// An incident, validated (dates in order, at least one involvement).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncidentValues {
    pub slug: Slug,
    pub title: Line,
    pub kind: IncidentKind,
    pub severity: Severity,
    pub discovered: Option<PartialDate>,
    pub disclosed: Option<PartialDate>,
    pub resolved: Option<PartialDate>,
    pub threat_actor: Option<Line>,
    pub summary: Text,
    pub involvements: Vec<InvolvementValues>,
}

impl IncidentValues {
    /// The incident's own row (the involvements apart).
    pub(super) fn row(&self) -> NewIncident<'_> {
        let date = |d: Option<PartialDate>| d.map(|d| d.date);
        let precision =
            |d: Option<PartialDate>| d.map_or(DatePrecision::Day, |d| d.precision).as_str();
        NewIncident {
            slug: self.slug.as_str(),
            title: self.title.as_str(),
            kind: self.kind.as_str(),
            severity: self.severity.get(),
            discovered_on: date(self.discovered),
            disclosed_on: date(self.disclosed),
            resolved_on: date(self.resolved),
            discovered_precision: precision(self.discovered),
            disclosed_precision: precision(self.disclosed),
            resolved_precision: precision(self.resolved),
            threat_actor: self.threat_actor.as_ref().map(Line::as_str),
            summary: self.summary.as_str(),
        }
    }
}

impl InvolvementValues {
    /// The involvement's row in the incident with this id, its parties resolved.
    pub(super) fn row(&self, incident_id: i32, (vendor, product): Party) -> NewInvolvement<'_> {
        NewInvolvement {
            incident_id,
            vendor_id: vendor,
            product_id: product,
            role: self.role.as_str(),
            customers_affected: self.customers_affected,
            description: self.description.as_ref().map(Text::as_str),
        }
    }
}

/// An involvement's vendor and product ids, as resolved.
pub(super) type Party = (Option<i32>, Option<i32>);

/// Resolves each involvement's vendor and product, refusing the unknown ones.
pub(super) fn parties(
    conn: &mut DbConnection,
    list: &[InvolvementValues],
    refused: &mut Refused,
) -> Result<Vec<Party>, StoreError> {
    let mut ids = Vec::new();
    for inv in list {
        let no_vendor = (inv.fields[0], "err-no-vendor");
        let vendor = known_opt(conn, vendor_id, inv.vendor.as_ref(), no_vendor, refused)?;
        let no_product = (inv.fields[1], "err-no-product");
        let product = known_opt(conn, product_id, inv.product.as_ref(), no_product, refused)?;
        ids.push((vendor, product));
    }
    Ok(ids)
}

/// The subjects whose scores an involvement names.
pub(super) fn subjects((vendor, product): Party) -> impl Iterator<Item = Subject> {
    vendor
        .map(Subject::Vendor)
        .into_iter()
        .chain(product.map(Subject::Product))
}

/// Records the incident, its involvements and their audit records, then rescores as of
/// `today`. Returns the incident's id and the score changes, or the fields refused.
pub fn record_incident(
    conn: &mut DbConnection,
    actor: &Actor,
    v: &IncidentValues,
    config: &ScoringConfig,
    today: NaiveDate,
    now: NaiveDateTime,
) -> Result<Checked<(i32, Vec<ScoreChange>)>, StoreError> {
    conn.write_transaction(|conn| {
        let mut refused = Refused::default();
        let taken = "err-incident-slug-taken";
        refuse_taken(conn, incident_id, &v.slug, taken, &mut refused)?;
        let ids = parties(conn, &v.involvements, &mut refused)?;
        if let Err(refused) = refused.check() {
            return Ok(Err(refused));
        }
        let scoring = (config, today);
        let before = scores_before(conn, scoring)?;
        let row = v.row();
        let id = insert_returning_id!(&mut *conn, incidents, &row)?;
        let after = json!({
            "slug": v.slug, "title": v.title, "kind": v.kind, "severity": v.severity,
            "discovered_on": v.discovered, "disclosed_on": v.disclosed,
            "resolved_on": v.resolved, "threat_actor": v.threat_actor, "summary": v.summary,
        });
        record_create(conn, actor, (INCIDENT, id, v.slug.as_str()), after, now)?;
        let mut named = Vec::new();
        for (inv, party) in v.involvements.iter().zip(ids) {
            let row = inv.row(id, party);
            let inv_id = insert_returning_id!(&mut *conn, incident_involvements, &row)?;
            let subject = inv.vendor.as_ref().or(inv.product.as_ref());
            let label = match subject {
                Some(s) => format!("{}: {} {s}", v.slug, inv.role.as_str()),
                None => format!("{}: {}", v.slug, inv.role.as_str()),
            };
            let after = json!({
                "incident": v.slug, "vendor": inv.vendor, "product": inv.product,
                "role": inv.role, "customers_affected": inv.customers_affected,
                "description": inv.description,
            });
            record_create(conn, actor, (INVOLVEMENT, inv_id, &label), after, now)?;
            named.extend(subjects(party));
        }
        let about = (id, v.slug.as_str());
        let changes = rescore(conn, actor, about, &before, &named, scoring, now)?;
        let record = (id, v.slug.as_str(), v.title.as_str());
        crate::store::alerts::evaluate::incident_recorded(conn, record, &named, now)?;
        Ok(Ok((id, changes)))
    })
}

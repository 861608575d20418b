//! Recording a new incident with its involvements: slug and parties checked against the
//! database, the rows and their audit records written, and the scores refreshed, together.

use super::create::audit_created;
use super::lookup::{incident_id, product_id, vendor_id};
use super::rescore::{ScoreChange, current_scores, rescore};
use super::{Checked, Refused};
use crate::domain::audit::Actor;
use crate::domain::scoring::{ScoringConfig, Subject};
use crate::domain::{IncidentKind, InvolvementRole, Line, PartialDate, Severity, Slug, Text};
use crate::store::history::INCIDENT;
use crate::store::insert::{NewIncident, NewInvolvement, insert_returning_id};
use crate::store::{DbConnection, StoreError};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde_json::json;

/// The audit trail's name for involvements (as pack imports write them).
pub const INVOLVEMENT: &str = "incident_involvement";

/// One party of a new incident, validated; `fields` names its form fields (vendor, product)
/// so that a refusal lands on the right row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvolvementValues {
    pub vendor: Option<Slug>,
    pub product: Option<Slug>,
    pub role: InvolvementRole,
    pub description: Option<Text>,
    pub fields: [&'static str; 2],
}

/// A new incident, validated (dates in order, at least one involvement).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncidentValues {
    pub slug: Slug,
    pub title: Line,
    pub kind: IncidentKind,
    pub severity: Severity,
    pub discovered: Option<PartialDate>,
    pub disclosed: Option<PartialDate>,
    pub threat_actor: Option<Line>,
    pub summary: Text,
    pub involvements: Vec<InvolvementValues>,
}

/// An involvement's vendor and product ids, as resolved.
type Party = (Option<i32>, Option<i32>);

/// Resolves each involvement's vendor and product, refusing the unknown ones.
fn parties(
    conn: &mut DbConnection,
    list: &[InvolvementValues],
    refused: &mut Refused,
) -> Result<Vec<Party>, StoreError> {
    let mut ids = Vec::new();
    for inv in list {
        let vendor = match &inv.vendor {
            Some(s) => {
                let id = vendor_id(conn, s.as_str())?;
                if id.is_none() {
                    refused.add(inv.fields[0], format!("no vendor \"{s}\""));
                }
                id
            }
            None => None,
        };
        let product = match &inv.product {
            Some(s) => {
                let id = product_id(conn, s.as_str())?;
                if id.is_none() {
                    refused.add(inv.fields[1], format!("no product \"{s}\""));
                }
                id
            }
            None => None,
        };
        ids.push((vendor, product));
    }
    Ok(ids)
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
    conn.transaction(|conn| {
        let mut refused = Refused::default();
        if incident_id(conn, v.slug.as_str())?.is_some() {
            refused.add(
                "slug",
                format!("another incident already has the identifier \"{}\"", v.slug),
            );
        }
        let ids = parties(conn, &v.involvements, &mut refused)?;
        if let Err(refused) = refused.check() {
            return Ok(Err(refused));
        }
        let before = current_scores(conn, today, config)?;
        let date = |d: Option<PartialDate>| d.map(|d| d.date);
        let precision = |d: Option<PartialDate>| {
            d.map_or(crate::domain::DatePrecision::Day, |d| d.precision)
                .as_str()
        };
        let row = NewIncident {
            slug: v.slug.as_str(),
            title: v.title.as_str(),
            kind: v.kind.as_str(),
            severity: v.severity.get(),
            discovered_on: date(v.discovered),
            disclosed_on: date(v.disclosed),
            resolved_on: None,
            discovered_precision: precision(v.discovered),
            disclosed_precision: precision(v.disclosed),
            resolved_precision: precision(None),
            threat_actor: v.threat_actor.as_ref().map(Line::as_str),
            summary: v.summary.as_str(),
        };
        let id = insert_returning_id!(&mut *conn, incidents, &row)?;
        let after = json!({
            "slug": v.slug, "title": v.title, "kind": v.kind, "severity": v.severity,
            "discovered_on": v.discovered, "disclosed_on": v.disclosed,
            "threat_actor": v.threat_actor, "summary": v.summary,
        });
        audit_created(conn, actor, INCIDENT, id, v.slug.as_str(), after, now)?;
        let mut named = Vec::new();
        for (inv, (vendor, product)) in v.involvements.iter().zip(ids) {
            let row = NewInvolvement {
                incident_id: id,
                vendor_id: vendor,
                product_id: product,
                role: inv.role.as_str(),
                customers_affected: None,
                description: inv.description.as_ref().map(Text::as_str),
            };
            let inv_id = insert_returning_id!(&mut *conn, incident_involvements, &row)?;
            let subject = inv.vendor.as_ref().or(inv.product.as_ref());
            let label = match subject {
                Some(s) => format!("{}: {} {s}", v.slug, inv.role.as_str()),
                None => format!("{}: {}", v.slug, inv.role.as_str()),
            };
            let after = json!({
                "incident": v.slug, "vendor": inv.vendor, "product": inv.product,
                "role": inv.role, "description": inv.description,
            });
            audit_created(conn, actor, INVOLVEMENT, inv_id, &label, after, now)?;
            named.extend(vendor.map(Subject::Vendor));
            named.extend(product.map(Subject::Product));
        }
        let changes = rescore(
            conn,
            actor,
            (id, v.slug.as_str()),
            &before,
            &named,
            config,
            today,
            now,
        )?;
        Ok(Ok((id, changes)))
    })
}

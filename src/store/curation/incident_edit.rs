//! Editing an incident and its involvements (the slug stays): parties checked, involvement rows
//! updated, added or removed, one audit record with before and after, and the scores refreshed.

use super::incident::{IncidentValues, InvolvementValues, Party, parties, subjects};
use super::lookup::{product_slug, vendor_slug};
use super::rescore::{ScoreChange, rescore, scores_before};
use super::{Checked, Refused};
use crate::domain::Severity;
use crate::domain::audit::Actor;
use crate::domain::scoring::{ScoringConfig, Subject};
use crate::i18n::Message;
use crate::store::audit::record_update;
use crate::store::error::{OrNotFound, parse_stored, parse_stored_opt, stored_date_opt};
use crate::store::history::INCIDENT;
use crate::store::rows::{IncidentRow, InvolvementRow};
use crate::store::schema::{citations, incident_involvements, incidents};
use crate::store::{DbConnection, StoreError};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde_json::{Value, json};

/// An incident as stored: its id, its values (each involvement with its id; the involvements'
/// field names empty) and the ids of each involvement's parties.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredIncident {
    pub id: i32,
    pub values: IncidentValues,
    pub parties: Vec<Party>,
}

/// The incident with this slug and its involvements (in the order recorded); not found when
/// there is none.
pub fn stored_incident(conn: &mut DbConnection, slug: &str) -> Result<StoredIncident, StoreError> {
    let row: IncidentRow = incidents::table
        .filter(incidents::slug.eq(slug))
        .select(IncidentRow::as_select())
        .first(conn)
        .or_not_found("incident", slug)?;
    let rows: Vec<InvolvementRow> = incident_involvements::table
        .filter(incident_involvements::incident_id.eq(row.id))
        .select(InvolvementRow::as_select())
        .order(incident_involvements::id)
        .load(conn)?;
    let mut involvements = Vec::new();
    let mut ids = Vec::new();
    for inv in rows {
        let vendor = vendor_slug(conn, inv.vendor_id)?;
        let product = product_slug(conn, inv.product_id)?;
        involvements.push(InvolvementValues {
            id: Some(inv.id),
            vendor: parse_stored_opt("vendors.slug", vendor.as_deref())?,
            product: parse_stored_opt("products.slug", product.as_deref())?,
            role: parse_stored("incident_involvements.role", &inv.role)?,
            customers_affected: inv.customers_affected,
            description: parse_stored_opt(
                "incident_involvements.description",
                inv.description.as_deref(),
            )?,
            fields: ["", ""],
        });
        ids.push((inv.vendor_id, inv.product_id));
    }
    let values = IncidentValues {
        slug: parse_stored("incidents.slug", &row.slug)?,
        title: parse_stored("incidents.title", &row.title)?,
        kind: parse_stored("incidents.kind", &row.kind)?,
        severity: Severity::new(i64::from(row.severity))
            .map_err(|e| StoreError::Corrupt(format!("incidents.severity: {e}")))?,
        discovered: stored_date_opt(
            "incidents.discovered_on",
            row.discovered_on,
            &row.discovered_precision,
        )?,
        disclosed: stored_date_opt(
            "incidents.disclosed_on",
            row.disclosed_on,
            &row.disclosed_precision,
        )?,
        resolved: stored_date_opt(
            "incidents.resolved_on",
            row.resolved_on,
            &row.resolved_precision,
        )?,
        threat_actor: parse_stored_opt("incidents.threat_actor", row.threat_actor.as_deref())?,
        summary: parse_stored("incidents.summary", &row.summary)?,
        involvements,
    };
    Ok(StoredIncident {
        id: row.id,
        values,
        parties: ids,
    })
}

/// What the audit trail records of an incident edited or deleted: its fields and its
/// involvements (by party, without their ids).
pub fn audit_view(v: &IncidentValues) -> Value {
    let involvements: Vec<Value> = v
        .involvements
        .iter()
        .map(|i| {
            json!({
                "vendor": i.vendor, "product": i.product, "role": i.role,
                "customers_affected": i.customers_affected, "description": i.description,
            })
        })
        .collect();
    json!({
        "slug": v.slug, "title": v.title, "kind": v.kind, "severity": v.severity,
        "discovered_on": v.discovered, "disclosed_on": v.disclosed, "resolved_on": v.resolved,
        "threat_actor": v.threat_actor, "summary": v.summary, "involvements": involvements,
    })
}

/// How an involvement is named in messages: its vendor or product.
pub fn party_label(inv: &InvolvementValues) -> String {
    match (&inv.vendor, &inv.product) {
        (Some(v), Some(p)) => format!("{v} / {p}"),
        (Some(s), None) | (None, Some(s)) => s.to_string(),
        (None, None) => String::new(),
    }
}

/// The stored involvements the submission leaves out (to delete), refusing the cited ones and
/// the submitted rows that name an involvement of another incident.
fn removed(
    conn: &mut DbConnection,
    before: &StoredIncident,
    v: &IncidentValues,
    refused: &mut Refused,
) -> Result<Vec<i32>, StoreError> {
    let stored: Vec<i32> = before
        .values
        .involvements
        .iter()
        .filter_map(|i| i.id)
        .collect();
    for inv in &v.involvements {
        if inv.id.is_some_and(|id| !stored.contains(&id)) {
            refused.add(inv.fields[0], Message::new("err-no-involvement"));
        }
    }
    let mut gone = Vec::new();
    for old in &before.values.involvements {
        let Some(id) = old
            .id
            .filter(|id| !v.involvements.iter().any(|i| i.id == Some(*id)))
        else {
            continue;
        };
        let cited: i64 = citations::table
            .filter(citations::involvement_id.eq(id))
            .count()
            .get_result(conn)?;
        if cited > 0 {
            refused.add(
                "involvements",
                Message::new("err-involvement-cited")
                    .with("party", party_label(old))
                    .with("count", cited),
            );
        }
        gone.push(id);
    }
    Ok(gone)
}

/// Writes the submitted involvements: stored ones updated, new ones inserted.
fn write_involvements(
    conn: &mut DbConnection,
    incident_id: i32,
    v: &IncidentValues,
    ids: &[Party],
) -> Result<(), StoreError> {
    for (inv, party) in v.involvements.iter().zip(ids) {
        let row = inv.row(incident_id, *party);
        match inv.id {
            Some(id) => {
                diesel::update(incident_involvements::table.find(id))
                    .set((
                        incident_involvements::vendor_id.eq(row.vendor_id),
                        incident_involvements::product_id.eq(row.product_id),
                        incident_involvements::role.eq(row.role),
                        incident_involvements::customers_affected.eq(row.customers_affected),
                        incident_involvements::description.eq(row.description),
                    ))
                    .execute(conn)?;
            }
            None => {
                diesel::insert_into(incident_involvements::table)
                    .values(&row)
                    .execute(conn)?;
            }
        }
    }
    Ok(())
}

/// Applies `v` to the incident with this slug (its slug stays; `v.slug` is ignored) in one
/// transaction: the incident's row, its involvements (rows with an id updated, without one
/// added, the stored ones left out deleted, unless cited), one audit record (action update,
/// entity `incident`, before and after with the involvements), and the scores refreshed as of
/// `today`. Returns the score changes, `None` when nothing changed (nothing written), or the
/// fields refused. A missing incident is not found.
pub fn update_incident(
    conn: &mut DbConnection,
    actor: &Actor,
    slug: &str,
    v: &IncidentValues,
    config: &ScoringConfig,
    today: NaiveDate,
    now: NaiveDateTime,
) -> Result<Checked<Option<Vec<ScoreChange>>>, StoreError> {
    conn.write_transaction(|conn| {
        let before = stored_incident(conn, slug)?;
        let v = IncidentValues {
            slug: before.values.slug.clone(),
            ..v.clone()
        };
        let mut refused = Refused::default();
        let gone = removed(conn, &before, &v, &mut refused)?;
        let ids = parties(conn, &v.involvements, &mut refused)?;
        if let Err(refused) = refused.check() {
            return Ok(Err(refused));
        }
        let (was, is) = (audit_view(&before.values), audit_view(&v));
        if was == is {
            return Ok(Ok(None));
        }
        let scoring = (config, today);
        let scores = scores_before(conn, scoring)?;
        let row = v.row();
        diesel::update(incidents::table.find(before.id))
            .set((
                incidents::title.eq(row.title),
                incidents::kind.eq(row.kind),
                incidents::severity.eq(row.severity),
                incidents::discovered_on.eq(row.discovered_on),
                incidents::discovered_precision.eq(row.discovered_precision),
                incidents::disclosed_on.eq(row.disclosed_on),
                incidents::disclosed_precision.eq(row.disclosed_precision),
                incidents::resolved_on.eq(row.resolved_on),
                incidents::resolved_precision.eq(row.resolved_precision),
                incidents::threat_actor.eq(row.threat_actor),
                incidents::summary.eq(row.summary),
            ))
            .execute(conn)?;
        diesel::delete(
            incident_involvements::table.filter(incident_involvements::id.eq_any(&gone)),
        )
        .execute(conn)?;
        write_involvements(conn, before.id, &v, &ids)?;
        record_update(conn, actor, (INCIDENT, before.id, slug), (was, is), now)?;
        let named: Vec<Subject> = before
            .parties
            .iter()
            .chain(&ids)
            .flat_map(|p| subjects(*p))
            .collect();
        let about = (before.id, slug);
        let changes = rescore(conn, actor, about, &scores, &named, scoring, now)?;
        // Parties the incident did not involve before: to their watchers, a new incident.
        let was: Vec<Subject> = before.parties.iter().flat_map(|p| subjects(*p)).collect();
        let joined: Vec<Subject> = ids
            .iter()
            .flat_map(|p| subjects(*p))
            .filter(|s| !was.contains(s))
            .collect();
        let record = (before.id, slug, v.title.as_str());
        crate::store::alerts::evaluate::incident_recorded(conn, record, &joined, now)?;
        Ok(Ok(Some(changes)))
    })
}

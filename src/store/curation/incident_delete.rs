//! Deleting an incident: refused, with what references it, while remediations, assessments,
//! causal links or citations do; otherwise it goes with its involvements and timeline, audited.

use super::delete::{DeleteCheck, Reference, numbered, push};
use super::incident::subjects;
use super::incident_edit::{audit_view, stored_incident};
use super::rescore::{ScoreChange, rescore, scores_before};
use crate::domain::audit::Actor;
use crate::domain::scoring::{ScoringConfig, Subject};
use crate::store::audit::record_delete;
use crate::store::error::OrNotFound;
use crate::store::history::INCIDENT;
use crate::store::schema::{
    assessments, citations, incident_causes, incident_involvements, incident_timeline_events,
    incidents, remediations,
};
use crate::store::{DbConnection, StoreError};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde_json::json;

/// The slugs of the incidents on the other side of its causal links: causes, then
/// consequences.
fn causal_links(
    conn: &mut DbConnection,
    id: i32,
) -> Result<(Vec<String>, Vec<String>), StoreError> {
    let causes: Vec<String> = incident_causes::table
        .inner_join(incidents::table.on(incidents::id.eq(incident_causes::cause_id)))
        .filter(incident_causes::effect_id.eq(id))
        .select(incidents::slug)
        .load(conn)?;
    let consequences: Vec<String> = incident_causes::table
        .inner_join(incidents::table.on(incidents::id.eq(incident_causes::effect_id)))
        .filter(incident_causes::cause_id.eq(id))
        .select(incidents::slug)
        .load(conn)?;
    Ok((causes, consequences))
}

/// The citations of the incident, of its involvements and of its timeline events (deleting
/// the incident would take them along).
fn citation_ids(conn: &mut DbConnection, id: i32) -> Result<Vec<i32>, StoreError> {
    let involvements: Vec<i32> = incident_involvements::table
        .filter(incident_involvements::incident_id.eq(id))
        .select(incident_involvements::id)
        .load(conn)?;
    let events: Vec<i32> = incident_timeline_events::table
        .filter(incident_timeline_events::incident_id.eq(id))
        .select(incident_timeline_events::id)
        .load(conn)?;
    Ok(citations::table
        .filter(
            citations::incident_id
                .eq(id)
                .or(citations::involvement_id.eq_any(involvements))
                .or(citations::timeline_event_id.eq_any(events)),
        )
        .select(citations::id)
        .order(citations::id)
        .load(conn)?)
}

fn references(conn: &mut DbConnection, id: i32) -> Result<Vec<Reference>, StoreError> {
    let mut list = Vec::new();
    let remediations: Vec<String> = remediations::table
        .filter(remediations::incident_id.eq(id))
        .select(remediations::slug)
        .order(remediations::slug)
        .load(conn)?;
    push(&mut list, "ref-remediations", remediations);
    let assessments: Vec<String> = assessments::table
        .filter(assessments::incident_id.eq(id))
        .select(assessments::slug)
        .order(assessments::slug)
        .load(conn)?;
    push(&mut list, "ref-assessments", assessments);
    let (causes, consequences) = causal_links(conn, id)?;
    push(&mut list, "ref-causes", causes);
    push(&mut list, "ref-consequences", consequences);
    push(
        &mut list,
        "ref-citations",
        numbered(citation_ids(conn, id)?),
    );
    Ok(list)
}

/// The incident with this slug and what references it; not found when there is none.
pub fn incident_delete_check(
    conn: &mut DbConnection,
    slug: &str,
) -> Result<DeleteCheck, StoreError> {
    let (id, title) = incidents::table
        .filter(incidents::slug.eq(slug))
        .select((incidents::id, incidents::title))
        .first::<(i32, String)>(conn)
        .or_not_found("incident", slug)?;
    Ok(DeleteCheck {
        id,
        slug: slug.to_owned(),
        name: title,
        vendor_slug: String::new(),
        references: references(conn, id)?,
    })
}

/// Deletes the incident with this slug, its involvements and its timeline events when nothing
/// references it, in one transaction with its audit record (before: its fields, involvements
/// and timeline) and the scores refreshed as of `today`. Returns the check, and the score
/// changes when it was deleted.
pub fn delete_incident(
    conn: &mut DbConnection,
    actor: &Actor,
    slug: &str,
    config: &ScoringConfig,
    today: NaiveDate,
    now: NaiveDateTime,
) -> Result<(DeleteCheck, Option<Vec<ScoreChange>>), StoreError> {
    conn.write_transaction(|conn| {
        let check = incident_delete_check(conn, slug)?;
        if !check.references.is_empty() {
            return Ok((check, None));
        }
        let stored = stored_incident(conn, slug)?;
        let timeline: Vec<(NaiveDate, String)> = incident_timeline_events::table
            .filter(incident_timeline_events::incident_id.eq(check.id))
            .select((
                incident_timeline_events::occurred_on,
                incident_timeline_events::title,
            ))
            .order(incident_timeline_events::occurred_on)
            .load(conn)?;
        let scoring = (config, today);
        let scores = scores_before(conn, scoring)?;
        diesel::delete(
            incident_timeline_events::table
                .filter(incident_timeline_events::incident_id.eq(check.id)),
        )
        .execute(conn)?;
        diesel::delete(
            incident_involvements::table.filter(incident_involvements::incident_id.eq(check.id)),
        )
        .execute(conn)?;
        diesel::delete(incidents::table.find(check.id)).execute(conn)?;
        let mut before = audit_view(&stored.values);
        before["timeline"] = json!(
            timeline
                .iter()
                .map(|(on, title)| json!({ "occurred_on": on, "title": title }))
                .collect::<Vec<_>>()
        );
        record_delete(conn, actor, (INCIDENT, check.id, slug), before, now)?;
        let named: Vec<Subject> = stored.parties.iter().flat_map(|p| subjects(*p)).collect();
        let about = (check.id, slug);
        let changes = rescore(conn, actor, about, &scores, &named, scoring, now)?;
        Ok((check, Some(changes)))
    })
}

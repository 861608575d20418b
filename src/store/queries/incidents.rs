//! Incident queries: the paged list and everything recorded about one incident.

use super::bulk;
use super::citations::load_citations;
use super::hydrate::*;
use super::{Page, PageRequest};
use crate::domain::views::{
    CausalLinkView, IncidentDetail, IncidentSummary, TimelineEventView, earliest_first,
    recent_first,
};
use crate::store::error::{parse_stored, stored_date, stored_date_opt};
use crate::store::rows::*;
use crate::store::schema::{
    assessments, incident_causes, incident_involvements as inv, incident_timeline_events as tl,
    incidents, remediations,
};
use crate::store::{DbConnection, StoreError};
use diesel::prelude::*;

/// Incidents, most recently disclosed first (undated ones last).
pub fn list_incidents(
    conn: &mut DbConnection,
    page: PageRequest,
) -> Result<Page<IncidentSummary>, StoreError> {
    let total: i64 = incidents::table.count().get_result(conn)?;
    let mut rows: Vec<IncidentRow> = incidents::table
        .select(IncidentRow::as_select())
        .load(conn)?;
    // NULL ordering differs between the backends: sort here for one answer on both.
    rows.sort_by(|a, b| {
        let key = |r: &IncidentRow| r.disclosed_on.or(r.discovered_on);
        recent_first(key(a), key(b)).then_with(|| a.slug.cmp(&b.slug))
    });
    let start = usize::try_from(page.offset)
        .unwrap_or(usize::MAX)
        .min(rows.len());
    let end = start
        .saturating_add(usize::try_from(page.limit).unwrap_or(0))
        .min(rows.len());
    let items = incident_summaries(conn, &rows[start..end])?;
    Ok(Page { items, total })
}

/// Everything recorded about the incident with this slug.
pub fn incident_detail(conn: &mut DbConnection, slug: &str) -> Result<IncidentDetail, StoreError> {
    let incident: IncidentRow = incidents::table
        .filter(incidents::slug.eq(slug))
        .select(IncidentRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| StoreError::not_found("incident", slug))?;
    let involvement_rows: Vec<InvolvementRow> = inv::table
        .filter(inv::incident_id.eq(incident.id))
        .select(InvolvementRow::as_select())
        .order(inv::id)
        .load(conn)?;
    let timeline_rows: Vec<TimelineEventRow> = tl::table
        .filter(tl::incident_id.eq(incident.id))
        .select(TimelineEventRow::as_select())
        .order((tl::occurred_on, tl::id))
        .load(conn)?;
    let cause_rows: Vec<CauseRow> = incident_causes::table
        .filter(
            incident_causes::effect_id
                .eq(incident.id)
                .or(incident_causes::cause_id.eq(incident.id)),
        )
        .select(CauseRow::as_select())
        .order(incident_causes::id)
        .load(conn)?;
    let remediation_rows: Vec<RemediationRow> = remediations::table
        .filter(remediations::incident_id.eq(incident.id))
        .select(RemediationRow::as_select())
        .order(remediations::id)
        .load(conn)?;
    // NULL dates sort differently on the two backends: order here, unknown dates last.
    let mut remediation_rows = remediation_rows;
    remediation_rows.sort_by(|a, b| earliest_first(a.taken_on, b.taken_on).then(a.id.cmp(&b.id)));
    let assessment_rows: Vec<AssessmentRow> = assessments::table
        .filter(assessments::incident_id.eq(incident.id))
        .select(AssessmentRow::as_select())
        .order((assessments::assessed_on, assessments::id))
        .load(conn)?;
    let cites = load_citations(
        conn,
        &[
            (CitedRecord::Incident, vec![incident.id]),
            (
                CitedRecord::TimelineEvent,
                timeline_rows.iter().map(|r| r.id).collect(),
            ),
            (
                CitedRecord::IncidentCause,
                cause_rows.iter().map(|r| r.id).collect(),
            ),
        ],
    )?;
    let other_ids = cause_rows.iter().map(|c| {
        if c.cause_id == incident.id {
            c.effect_id
        } else {
            c.cause_id
        }
    });
    let others = bulk::incidents_by_id(conn, other_ids)?;
    let link = |c: &CauseRow, other_id: i32| -> Result<CausalLinkView, StoreError> {
        let other = bulk::get(&others, other_id, "incident")?;
        Ok(CausalLinkView {
            id: c.id,
            incident_slug: other.slug.clone(),
            incident_title: other.title.clone(),
            description: c.description.clone(),
            citations: cites.of(CitedRecord::IncidentCause, c.id),
        })
    };
    let causes = cause_rows
        .iter()
        .filter(|c| c.effect_id == incident.id)
        .map(|c| link(c, c.cause_id))
        .collect::<Result<Vec<_>, _>>()?;
    let consequences = cause_rows
        .iter()
        .filter(|c| c.cause_id == incident.id)
        .map(|c| link(c, c.effect_id))
        .collect::<Result<Vec<_>, _>>()?;
    let timeline = timeline_rows
        .iter()
        .map(|r| {
            Ok(TimelineEventView {
                id: r.id,
                occurred_on: stored_date(
                    "incident_timeline_events.occurred_on",
                    r.occurred_on,
                    &r.occurred_precision,
                )?,
                title: r.title.clone(),
                description: r.description.clone(),
                citations: cites.of(CitedRecord::TimelineEvent, r.id),
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    Ok(IncidentDetail {
        kind: parse_stored("incidents.kind", &incident.kind)?,
        citations: cites.of(CitedRecord::Incident, incident.id),
        involvements: involvement_views(conn, &involvement_rows)?,
        timeline,
        causes,
        consequences,
        remediations: remediation_views(conn, &remediation_rows)?,
        assessments: assessment_views(conn, &assessment_rows)?,
        slug: incident.slug,
        title: incident.title,
        severity: incident.severity,
        discovered_on: stored_date_opt(
            "incidents.discovered_on",
            incident.discovered_on,
            &incident.discovered_precision,
        )?,
        disclosed_on: stored_date_opt(
            "incidents.disclosed_on",
            incident.disclosed_on,
            &incident.disclosed_precision,
        )?,
        resolved_on: stored_date_opt(
            "incidents.resolved_on",
            incident.resolved_on,
            &incident.resolved_precision,
        )?,
        threat_actor: incident.threat_actor,
        summary: incident.summary,
    })
}

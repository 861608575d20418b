//! An incident's timeline events and causal links, added, edited and deleted with their audit
//! records and a rescore in one transaction (they move the day an incident became known).

use super::citation::citations_of;
use super::lookup::incident_id;
use super::rescore::{ScoreChange, Scoring, rescore, scores_before};
use crate::domain::audit::Actor;
use crate::domain::causal::{LinkProblem, check_link};
use crate::domain::{Line, PartialDate, Text};
use crate::store::audit::{record_create, record_delete, record_update};
use crate::store::error::{OrNotFound, stored_date};
use crate::store::insert::{NewCause, NewTimelineEvent, insert_returning_id};
use crate::store::rows::CitedRecord;
use crate::store::schema::{incident_causes, incident_timeline_events, incidents};
use crate::store::{DbConnection, StoreError};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde_json::{Value, json};

/// The audit trail's names (as pack imports write them).
pub const TIMELINE_EVENT: &str = "incident_timeline_event";
pub const CAUSE: &str = "incident_cause";

/// A timeline event's fields, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventValues {
    pub occurred: PartialDate,
    pub title: Line,
    pub description: Option<Text>,
}

impl EventValues {
    fn audit_view(&self, incident: &str) -> Value {
        json!({
            "incident": incident, "on": self.occurred, "title": self.title,
            "description": self.description,
        })
    }
}

/// A stored timeline event: its incident's slug and its fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredEvent {
    pub id: i32,
    pub incident_id: i32,
    pub incident_slug: String,
    pub values: EventValues,
}

/// Timeline event `id`; not found when there is none.
pub fn stored_event(conn: &mut DbConnection, id: i32) -> Result<StoredEvent, StoreError> {
    let (incident_id, slug, on, precision, title, description): (
        i32,
        String,
        NaiveDate,
        String,
        String,
        Option<String>,
    ) = incident_timeline_events::table
        .inner_join(incidents::table)
        .filter(incident_timeline_events::id.eq(id))
        .select((
            incidents::id,
            incidents::slug,
            incident_timeline_events::occurred_on,
            incident_timeline_events::occurred_precision,
            incident_timeline_events::title,
            incident_timeline_events::description,
        ))
        .first(conn)
        .or_not_found("timeline event", id.to_string())?;
    let corrupt = |e: crate::domain::InvalidValue| {
        StoreError::Corrupt(format!("incident_timeline_events {id}: {}", e.0))
    };
    Ok(StoredEvent {
        id,
        incident_id,
        incident_slug: slug,
        values: EventValues {
            occurred: stored_date("incident_timeline_events.occurred_on", on, &precision)?,
            title: Line::parse(title).map_err(corrupt)?,
            description: description.map(Text::parse).transpose().map_err(corrupt)?,
        },
    })
}

fn incident(conn: &mut DbConnection, slug: &str) -> Result<i32, StoreError> {
    incident_id(conn, slug)?.ok_or_else(|| StoreError::not_found("incident", slug))
}

/// Adds a timeline event to incident `slug`; returns its id and the score changes.
pub fn add_event(
    conn: &mut DbConnection,
    actor: &Actor,
    slug: &str,
    v: &EventValues,
    scoring: Scoring<'_>,
    now: NaiveDateTime,
) -> Result<(i32, Vec<ScoreChange>), StoreError> {
    conn.write_transaction(|conn| {
        let incident_id = incident(conn, slug)?;
        let before = scores_before(conn, scoring)?;
        let row = NewTimelineEvent {
            incident_id,
            occurred_on: v.occurred.date,
            title: v.title.as_str(),
            description: v.description.as_ref().map(Text::as_str),
            occurred_precision: v.occurred.precision.as_str(),
        };
        let id = insert_returning_id!(&mut *conn, incident_timeline_events, &row)?;
        let about = (TIMELINE_EVENT, id, v.title.as_str());
        record_create(conn, actor, about, v.audit_view(slug), now)?;
        let changes = rescore(conn, actor, (incident_id, slug), &before, &[], scoring, now)?;
        Ok((id, changes))
    })
}

/// Saves timeline event `id` (audited with before and after when something changed) and
/// rescores. Returns the event as it was (for its incident) and the score changes.
pub fn edit_event(
    conn: &mut DbConnection,
    actor: &Actor,
    id: i32,
    v: &EventValues,
    scoring: Scoring<'_>,
    now: NaiveDateTime,
) -> Result<(StoredEvent, Vec<ScoreChange>), StoreError> {
    conn.write_transaction(|conn| {
        let stored = stored_event(conn, id)?;
        if &stored.values == v {
            return Ok((stored, Vec::new()));
        }
        let before = scores_before(conn, scoring)?;
        diesel::update(incident_timeline_events::table.find(id))
            .set((
                incident_timeline_events::occurred_on.eq(v.occurred.date),
                incident_timeline_events::occurred_precision.eq(v.occurred.precision.as_str()),
                incident_timeline_events::title.eq(v.title.as_str()),
                incident_timeline_events::description.eq(v.description.as_ref().map(Text::as_str)),
            ))
            .execute(conn)?;
        let incident = (stored.incident_id, stored.incident_slug.as_str());
        let views = (
            stored.values.audit_view(incident.1),
            v.audit_view(incident.1),
        );
        record_update(
            conn,
            actor,
            (TIMELINE_EVENT, id, v.title.as_str()),
            views,
            now,
        )?;
        let changes = rescore(conn, actor, incident, &before, &[], scoring, now)?;
        Ok((stored, changes))
    })
}

/// The citations (id, source id, source title) that keep a record from being deleted.
pub type Blockers = Vec<(i32, i32, String)>;

/// What an uncited record's delete writes: its audit record and the incident rescored.
struct Removal<'a> {
    kind: CitedRecord,
    entity: &'static str,
    id: i32,
    label: String,
    before: Value,
    /// The incident whose rescore is recorded: id and slug.
    incident: (i32, &'a str),
}

/// Deletes a record with `delete` unless a citation supports it (then returns those, writing
/// nothing); otherwise records the delete and rescores, all in the caller's transaction.
fn delete_uncited(
    conn: &mut DbConnection,
    actor: &Actor,
    r: Removal<'_>,
    delete: impl FnOnce(&mut DbConnection) -> QueryResult<usize>,
    scoring: Scoring<'_>,
    now: NaiveDateTime,
) -> Result<Blockers, StoreError> {
    let blockers = citations_of(conn, r.kind, r.id)?;
    if !blockers.is_empty() {
        return Ok(blockers);
    }
    let before = scores_before(conn, scoring)?;
    delete(conn)?;
    record_delete(conn, actor, (r.entity, r.id, &r.label), r.before, now)?;
    rescore(conn, actor, r.incident, &before, &[], scoring, now)?;
    Ok(Vec::new())
}

/// Deletes timeline event `id` unless a citation supports it; audited, rescored. Returns the
/// event as it was and the citations that prevented the delete (empty: deleted).
pub fn delete_event(
    conn: &mut DbConnection,
    actor: &Actor,
    id: i32,
    scoring: Scoring<'_>,
    now: NaiveDateTime,
) -> Result<(StoredEvent, Blockers), StoreError> {
    conn.write_transaction(|conn| {
        let stored = stored_event(conn, id)?;
        let removal = Removal {
            kind: CitedRecord::TimelineEvent,
            entity: TIMELINE_EVENT,
            id,
            label: stored.values.title.to_string(),
            before: stored.values.audit_view(&stored.incident_slug),
            incident: (stored.incident_id, &stored.incident_slug),
        };
        let delete = |c: &mut DbConnection| {
            diesel::delete(incident_timeline_events::table.find(id)).execute(c)
        };
        let blockers = delete_uncited(conn, actor, removal, delete, scoring, now)?;
        Ok((stored, blockers))
    })
}

/// A new causal link seen from incident `slug`: the other incident and which way it goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkValues {
    pub other: String,
    /// Whether the other incident caused this one (else this one led to the other).
    pub caused_by: bool,
    pub description: Option<Text>,
}

/// Why a causal link was not recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkRefusal {
    UnknownIncident,
    Problem(LinkProblem),
    /// The cycle as slugs, from the effect back to the cause.
    Cycle(Vec<String>),
}

/// Records the causal link (audited, rescored); returns its id and the score changes.
pub fn add_link(
    conn: &mut DbConnection,
    actor: &Actor,
    slug: &str,
    v: &LinkValues,
    scoring: Scoring<'_>,
    now: NaiveDateTime,
) -> Result<Result<(i32, Vec<ScoreChange>), LinkRefusal>, StoreError> {
    conn.write_transaction(|conn| {
        let this = incident(conn, slug)?;
        let Some(other) = incident_id(conn, v.other.trim())? else {
            return Ok(Err(LinkRefusal::UnknownIncident));
        };
        let ((cause, cause_slug), (effect, effect_slug)) = if v.caused_by {
            ((other, v.other.trim()), (this, slug))
        } else {
            ((this, slug), (other, v.other.trim()))
        };
        let links: Vec<(i32, i32)> = incident_causes::table
            .select((incident_causes::cause_id, incident_causes::effect_id))
            .load(conn)?;
        match check_link(&links, cause, effect) {
            Ok(()) => {}
            Err(LinkProblem::Cycle(path)) => {
                let mut slugs = Vec::new();
                for id in path {
                    slugs.push(
                        incidents::table
                            .find(id)
                            .select(incidents::slug)
                            .first::<String>(conn)?,
                    );
                }
                return Ok(Err(LinkRefusal::Cycle(slugs)));
            }
            Err(problem) => return Ok(Err(LinkRefusal::Problem(problem))),
        }
        let before = scores_before(conn, scoring)?;
        let row = NewCause {
            cause_id: cause,
            effect_id: effect,
            description: v.description.as_ref().map(Text::as_str),
        };
        let id = insert_returning_id!(&mut *conn, incident_causes, &row)?;
        let label = format!("{cause_slug} → {effect_slug}");
        let after = json!({
            "cause": cause_slug, "effect": effect_slug, "description": v.description,
        });
        record_create(conn, actor, (CAUSE, id, &label), after, now)?;
        let changes = rescore(conn, actor, (this, slug), &before, &[], scoring, now)?;
        Ok(Ok((id, changes)))
    })
}

/// A stored causal link: id, cause slug, effect slug, description.
pub type StoredLink = (i32, String, String, Option<String>);

/// Causal link `id`; not found when there is none.
pub fn stored_link(conn: &mut DbConnection, id: i32) -> Result<StoredLink, StoreError> {
    let (cause, effect, description): (i32, i32, Option<String>) = incident_causes::table
        .find(id)
        .select((
            incident_causes::cause_id,
            incident_causes::effect_id,
            incident_causes::description,
        ))
        .first(conn)
        .or_not_found("causal link", id.to_string())?;
    let slug = |conn: &mut DbConnection, id: i32| -> Result<String, StoreError> {
        Ok(incidents::table
            .find(id)
            .select(incidents::slug)
            .first(conn)?)
    };
    Ok((id, slug(conn, cause)?, slug(conn, effect)?, description))
}

/// Deletes causal link `id` unless a citation supports it (audited and rescored against the
/// effect). Returns the link as it was and the citations that prevented the delete.
pub fn delete_link(
    conn: &mut DbConnection,
    actor: &Actor,
    id: i32,
    scoring: Scoring<'_>,
    now: NaiveDateTime,
) -> Result<(StoredLink, Blockers), StoreError> {
    conn.write_transaction(|conn| {
        let link = stored_link(conn, id)?;
        let (_, cause, effect, description) = &link;
        let effect_id = incident(conn, effect)?;
        let removal = Removal {
            kind: CitedRecord::IncidentCause,
            entity: CAUSE,
            id,
            label: format!("{cause} → {effect}"),
            before: json!({"cause": cause, "effect": effect, "description": description}),
            incident: (effect_id, effect),
        };
        let delete =
            |c: &mut DbConnection| diesel::delete(incident_causes::table.find(id)).execute(c);
        let blockers = delete_uncited(conn, actor, removal, delete, scoring, now)?;
        Ok((link, blockers))
    })
}

//! `/api/v1/timeline/{id}` and `/api/v1/incidents/{slug}/timeline`: an incident's dated
//! updates listed, added, read, changed and deleted through the browser's timeline form.

use super::doc::Op;
use super::paging::{PAGING, list_response, page_request};
use super::params::QueryParams;
use super::records::{self, Creatable, Record};
use super::{ApiError, FieldErrors};
use crate::domain::PartialDate;
use crate::domain::views::{CitationView, TimelineEventView};
use crate::store::curation::lookup::incident_named;
use crate::store::curation::rescore::Scoring;
use crate::store::curation::timeline::{
    Blockers, add_event, delete_event, edit_event, stored_event,
};
use crate::store::queries::Page;
use crate::store::queries::incidents::incident_detail;
use crate::store::{DbConnection, StoreError};
use crate::web::curation::flow::Change;
use crate::web::curation::timeline_form::EventForm;
use crate::web::state::AppState;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Serialize;

/// A record's numeric id from its path: anything else names no record (404).
pub(super) fn record_id(key: &str, kind: &'static str) -> Result<i32, StoreError> {
    key.parse().map_err(|_| StoreError::not_found(kind, key))
}

/// "the timeline event is still cited by citation #4 (...)": why a delete was refused.
pub(super) fn cited_by(kind: &str, blockers: &Blockers) -> String {
    let cited: Vec<String> = blockers
        .iter()
        .map(|(id, source, title)| format!("citation #{id} of source {source} ({title})"))
        .collect();
    format!(
        "the {kind} is still cited by {}; remove those citations first",
        cited.join(", ")
    )
}

/// A timeline event with its incident.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct TimelineEventRecord {
    pub id: i32,
    pub incident_slug: String,
    pub occurred_on: PartialDate,
    pub title: String,
    pub description: Option<String>,
    pub citations: Vec<CitationView>,
}

impl TimelineEventRecord {
    fn of(incident_slug: &str, e: TimelineEventView) -> TimelineEventRecord {
        TimelineEventRecord {
            id: e.id,
            incident_slug: incident_slug.to_owned(),
            occurred_on: e.occurred_on,
            title: e.title,
            description: e.description,
            citations: e.citations,
        }
    }
}

/// `GET /api/v1/incidents/{slug}/timeline`: the incident's events, in date order.
pub async fn list(
    req: HttpRequest,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    query: QueryParams,
) -> Result<HttpResponse, ApiError> {
    query.check(&[PAGING])?;
    let request = page_request(&query)?;
    let slug = slug.into_inner();
    let detail = state.run(move |c| incident_detail(c, &slug)).await?;
    let total = detail.timeline.len() as i64;
    let items = detail
        .timeline
        .into_iter()
        .skip(usize::try_from(request.offset).unwrap_or(usize::MAX))
        .take(usize::try_from(request.limit).unwrap_or(0))
        .map(|e| TimelineEventRecord::of(&detail.slug, e))
        .collect();
    let page: Page<TimelineEventRecord> = Page { items, total };
    Ok(list_response(&req, page, request))
}

pub fn list_doc() -> Op {
    Op::new("timeline", "List an incident's timeline events")
        .params(&[PAGING])
        .returns_page::<TimelineEventRecord>()
}

/// Timeline events, by id.
pub struct TimelineEvents;

impl Record for TimelineEvents {
    const KIND: &'static str = "timeline event";
    const COLLECTION: &'static str = "/api/v1/timeline";
    type Form = EventForm;
    type View = TimelineEventRecord;

    fn stored(c: &mut DbConnection, key: &str) -> Result<EventForm, StoreError> {
        let id = record_id(key, Self::KIND)?;
        Ok(EventForm::of(&stored_event(c, id)?.values))
    }

    fn view(
        c: &mut DbConnection,
        key: &str,
        _: Scoring<'_>,
    ) -> Result<TimelineEventRecord, StoreError> {
        let id = record_id(key, Self::KIND)?;
        let stored = stored_event(c, id)?;
        incident_detail(c, &stored.incident_slug)?
            .timeline
            .into_iter()
            .find(|e| e.id == id)
            .map(|e| TimelineEventRecord::of(&stored.incident_slug, e))
            .ok_or_else(|| StoreError::not_found(Self::KIND, key))
    }

    fn update(
        c: &mut DbConnection,
        by: &Change,
        key: &str,
        form: EventForm,
    ) -> Result<Result<String, FieldErrors>, StoreError> {
        let id = record_id(key, Self::KIND)?;
        let values = match form.values() {
            Ok(values) => values,
            Err(errors) => return Ok(Err(errors)),
        };
        edit_event(c, &by.actor, id, &values, by.scoring(), by.now)?;
        Ok(Ok(key.to_owned()))
    }

    fn delete(
        c: &mut DbConnection,
        by: &Change,
        key: &str,
    ) -> Result<Result<(), String>, StoreError> {
        let id = record_id(key, Self::KIND)?;
        let (_, blockers) = delete_event(c, &by.actor, id, by.scoring(), by.now)?;
        if blockers.is_empty() {
            Ok(Ok(()))
        } else {
            Ok(Err(cited_by(Self::KIND, &blockers)))
        }
    }
}

impl Creatable for TimelineEvents {
    type NewForm = EventForm;

    fn create(
        c: &mut DbConnection,
        by: &Change,
        incident: Option<&str>,
        form: EventForm,
    ) -> Result<Result<String, FieldErrors>, StoreError> {
        let incident = incident.unwrap_or_default();
        incident_named(c, incident)?;
        let values = match form.values() {
            Ok(values) => values,
            Err(errors) => return Ok(Err(errors)),
        };
        let (id, _) = add_event(c, &by.actor, incident, &values, by.scoring(), by.now)?;
        Ok(Ok(id.to_string()))
    }
}

pub fn read_doc() -> Op {
    records::read_doc::<TimelineEvents>("timeline", "Read a timeline event")
}

pub fn create_doc() -> Op {
    records::create_doc::<TimelineEvents>("timeline", "Add a timeline event to an incident")
}

pub fn update_doc() -> Op {
    records::update_doc::<TimelineEvents>("timeline", "Change a timeline event")
}

pub fn delete_doc() -> Op {
    records::delete_doc::<TimelineEvents>(
        "timeline",
        "Delete a timeline event no citation supports",
    )
}

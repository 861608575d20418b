//! `/api/v1/incidents`: the incident list with the browser list's filters and sorts, and each
//! incident (with its involvements) read, recorded, changed and deleted through its form.

use super::doc::Op;
use super::incident_form::{IncidentApiForm, api_names};
use super::paging::{PAGING, list_response, page_request};
use super::params::{Param, QueryParams};
use super::records::{self, Creatable, Record, refused_if_held};
use super::{ApiError, FieldErrors, WebError};
use crate::domain::IncidentKind;
use crate::domain::views::{IncidentDetail, IncidentSummary};
use crate::i18n::Message;
use crate::store::curation::incident::record_incident;
use crate::store::curation::incident_delete::delete_incident;
use crate::store::curation::incident_edit::{stored_incident, update_incident};
use crate::store::curation::lookup::SlugOf;
use crate::store::curation::rescore::Scoring;
use crate::store::queries::incidents::incident_detail;
use crate::store::queries::listing::{IncidentFilter, IncidentSort, filter_incidents};
use crate::store::{DbConnection, StoreError};
use crate::web::curation::flow::Change;
use crate::web::curation::refused;
use crate::web::state::AppState;
use actix_web::{HttpRequest, HttpResponse, web};

/// The incident list's filters and sort.
pub const LIST_PARAMS: &[Param] = &[
    Param::choice("kind", "Only incidents of this kind.", IncidentKind::NAMES),
    Param::date(
        "from",
        "Only incidents disclosed (or, undisclosed, discovered) on or after this day.",
    ),
    Param::date("to", "... and on or before this day."),
    Param::integer(
        "severity",
        "Only incidents of at least this severity.",
        1,
        5,
    ),
    Param::choice(
        "sort",
        "The order (by the disclosure date, else the discovery date): a key, or `-key` for \
         the reverse.",
        &IncidentSort::KEYS,
    ),
];

/// `GET /api/v1/incidents`.
pub async fn list(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: QueryParams,
) -> Result<HttpResponse, ApiError> {
    query.check(&[LIST_PARAMS, PAGING])?;
    let request = page_request(&query)?;
    let filter = IncidentFilter {
        kind: query.choice("kind"),
        from: query.date("from"),
        to: query.date("to"),
        severity: query
            .integer("severity")
            .and_then(|s| i32::try_from(s).ok()),
        sort: query
            .get("sort")
            .and_then(IncidentSort::parse)
            .unwrap_or_default(),
    };
    if let (Some(from), Some(to)) = (filter.from, filter.to)
        && from > to
    {
        let mut errors = FieldErrors::default();
        let message = Message::new("list-bad-from")
            .with("parameter", "from")
            .with("value", from.to_string())
            .with("to", to.to_string());
        errors.add("from", message);
        return Err(WebError::Fields(errors).into());
    }
    let page = state
        .run(move |c| filter_incidents(c, &filter, request))
        .await?;
    Ok(list_response(&req, page, request))
}

pub fn list_doc() -> Op {
    Op::new("incidents", "List incidents")
        .params(&[LIST_PARAMS, PAGING])
        .returns_page::<IncidentSummary>()
}

/// Incidents, by slug.
pub struct Incidents;

/// A change that names another slug than the record's: refused, the slug stays.
pub(super) fn slug_kept(given: &str, key: &str) -> FieldErrors {
    let mut errors = FieldErrors::default();
    if given.trim() != key {
        errors.add("slug", Message::new("api-slug-fixed").with("slug", key));
    }
    errors
}

impl Record for Incidents {
    const KIND: &'static str = "incident";
    const COLLECTION: &'static str = "/api/v1/incidents";
    type Form = IncidentApiForm;
    type View = IncidentDetail;

    fn stored(c: &mut DbConnection, key: &str) -> Result<IncidentApiForm, StoreError> {
        Ok(IncidentApiForm::of(&stored_incident(c, key)?))
    }

    fn view(c: &mut DbConnection, key: &str, _: Scoring<'_>) -> Result<IncidentDetail, StoreError> {
        incident_detail(c, key)
    }

    fn update(
        c: &mut DbConnection,
        by: &Change,
        key: &str,
        form: IncidentApiForm,
    ) -> Result<Result<String, FieldErrors>, StoreError> {
        let mut errors = slug_kept(&form.slug, key);
        let values = match form.values() {
            Ok(values) if errors.is_empty() => values,
            Ok(_) => return Ok(Err(errors)),
            Err(wrong) => {
                errors.extend(wrong);
                return Ok(Err(errors));
            }
        };
        let updated = update_incident(c, &by.actor, key, &values, &by.config, by.today, by.now)?;
        Ok(updated
            .map(|_| key.to_owned())
            .map_err(|r| api_names(refused(r))))
    }

    fn delete(
        c: &mut DbConnection,
        by: &Change,
        key: &str,
    ) -> Result<Result<(), String>, StoreError> {
        // The store deletes nothing while anything refers to the record.
        let (check, _) = delete_incident(c, &by.actor, key, &by.config, by.today, by.now)?;
        Ok(refused_if_held(Self::KIND, &check.references))
    }
}

impl Creatable for Incidents {
    type NewForm = IncidentApiForm;

    fn create(
        c: &mut DbConnection,
        by: &Change,
        _: Option<&str>,
        form: IncidentApiForm,
    ) -> Result<Result<String, FieldErrors>, StoreError> {
        let values = match form.values() {
            Ok(values) => values,
            Err(errors) => {
                return records::with_taken_slug(c, SlugOf::Incident, &form.slug, errors);
            }
        };
        let created = record_incident(c, &by.actor, &values, &by.config, by.today, by.now)?;
        Ok(created
            .map(|_| values.slug.as_str().to_owned())
            .map_err(|r| api_names(refused(r))))
    }
}

pub fn read_doc() -> Op {
    records::read_doc::<Incidents>(
        "incidents",
        "Read an incident with its involvements, timeline, causes and remediations",
    )
}

pub fn create_doc() -> Op {
    records::create_doc::<Incidents>("incidents", "Record an incident with its involvements")
        .describe(
            "Takes the fields of the browser's incident form (each a string), its \
             involvements as parallel lists of strings: item i of \
             each involvement_* list is one involvement, and errors on it are named \
             `involvement_<field>[i]`. At least one involvement is required. Answers 201 with \
             the incident, its Location and its ETag; the scores are refreshed. A refused body \
             is a 400 listing every wrong field, and nothing is written.",
        )
}

pub fn update_doc() -> Op {
    records::update_doc::<Incidents>("incidents", "Change an incident and its involvements")
        .describe(
            "Changes the fields given (null clears an optional field) and keeps the others; \
             the slug cannot change. The involvement_* lists replace the stored involvements \
             as a whole: keep a stored one by giving its involvement_id, leave it out to remove \
             it (refused while a citation supports it). Send the ETag you read as If-Match: \
             428 without it, 412 when the incident changed since. A refused body is a 400 \
             listing every wrong field, and nothing is written.",
        )
}

pub fn delete_doc() -> Op {
    records::delete_doc::<Incidents>(
        "incidents",
        "Delete an incident (with its involvements and timeline) nothing refers to",
    )
}

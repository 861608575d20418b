//! `/api/v1/citations`: citations listed (by source) and read; a source cited for a record
//! (`POST /api/v1/sources/{id}/citations`, the excerpt checked against its text); deleted.
//! Citations are never edited (the browser has no edit either): delete and cite again.

use super::curated::{number, page_of};
use super::doc::Op;
use super::paging::{PAGING, list_response, page_request};
use super::params::{Param, QueryParams};
use super::products::unknown_filter;
use super::records::{self, Creatable, Record};
use super::{ApiError, FieldErrors};
use crate::store::curation::citation::{create_citation, delete_citation};
use crate::store::curation::citation_read::{StoredCitation, citation_ids, stored_citation};
use crate::store::curation::rescore::Scoring;
use crate::store::schema::sources;
use crate::store::{DbConnection, StoreError};
use crate::web::curation::citation_new::{CitationForm, refusal_errors};
use crate::web::curation::flow::Change;
use crate::web::state::AppState;
use actix_web::{HttpRequest, HttpResponse, web};
use diesel::prelude::*;
use serde::Serialize;

/// A citation as the API shows it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
#[schema(as = CitationRecord)]
pub struct CitationView {
    pub id: i32,
    pub source_id: i32,
    /// The source's slug.
    pub source: String,
    /// The kind of record supported: vendor, product, dependency, incident, involvement,
    /// timeline_event, cause, remediation, analyst or assessment.
    pub kind: String,
    /// The record: its slug, or its number for records without one.
    pub record: String,
    /// The excerpt, as the source's text words it.
    pub excerpt: String,
    pub locator: Option<String>,
}

impl CitationView {
    fn of(c: StoredCitation) -> CitationView {
        CitationView {
            id: c.id,
            source_id: c.source_id,
            source: c.source_slug,
            kind: c.kind.to_owned(),
            record: c.record,
            excerpt: c.excerpt,
            locator: c.locator,
        }
    }
}

/// The citation list's filter.
pub const LIST_PARAMS: &[Param] = &[Param::integer(
    "source",
    "Only the citations of this source (its number).",
    1,
    i32::MAX as i64,
)];

/// `GET /api/v1/citations`.
pub async fn list(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: QueryParams,
) -> Result<HttpResponse, ApiError> {
    query.check(&[LIST_PARAMS, PAGING])?;
    let request = page_request(&query)?;
    let source = query.integer("source").and_then(|s| i32::try_from(s).ok());
    let page = state
        .run(move |c| {
            if let Some(id) = source {
                let known: i64 = sources::table.find(id).count().get_result(c)?;
                if known == 0 {
                    return Ok(None);
                }
            }
            let ids = page_of(citation_ids(c, source)?, request);
            let items = ids
                .items
                .iter()
                .map(|id| Ok(CitationView::of(stored_citation(c, *id)?)))
                .collect::<Result<Vec<_>, StoreError>>()?;
            Ok(Some(crate::store::queries::Page {
                items,
                total: ids.total,
            }))
        })
        .await?
        .ok_or_else(|| unknown_filter("source", &source.unwrap_or_default().to_string()))?;
    Ok(list_response(&req, page, request))
}

pub fn list_doc() -> Op {
    Op::new("citations", "List citations")
        .describe("In the order they were recorded.")
        .params(&[LIST_PARAMS, PAGING])
        .returns_page::<CitationView>()
}

/// Citations, by number.
pub struct Citations;

impl Record for Citations {
    const KIND: &'static str = "citation";
    const COLLECTION: &'static str = "/api/v1/citations";
    type Form = CitationForm;
    type View = CitationView;

    fn stored(c: &mut DbConnection, key: &str) -> Result<CitationForm, StoreError> {
        let s = stored_citation(c, number("citation", key)?)?;
        Ok(CitationForm {
            kind: s.kind.to_owned(),
            record: s.record,
            excerpt: s.excerpt,
            locator: s.locator.unwrap_or_default(),
        })
    }

    fn view(c: &mut DbConnection, key: &str, _: Scoring<'_>) -> Result<CitationView, StoreError> {
        Ok(CitationView::of(stored_citation(
            c,
            number("citation", key)?,
        )?))
    }

    /// No route changes a citation (the browser cannot either).
    fn update(
        _: &mut DbConnection,
        _: &Change,
        _: &str,
        _: CitationForm,
    ) -> Result<Result<String, FieldErrors>, StoreError> {
        Err(StoreError::Conflict(
            "a citation cannot be changed: delete it and cite the source again".into(),
        ))
    }

    fn delete(
        c: &mut DbConnection,
        by: &Change,
        key: &str,
    ) -> Result<Result<(), String>, StoreError> {
        delete_citation(c, &by.actor, number("citation", key)?, by.scoring(), by.now)?;
        Ok(Ok(()))
    }
}

impl Creatable for Citations {
    type NewForm = CitationForm;

    /// `parent`: the cited source's number.
    fn create(
        c: &mut DbConnection,
        by: &Change,
        parent: Option<&str>,
        form: CitationForm,
    ) -> Result<Result<String, FieldErrors>, StoreError> {
        let source = number("source", parent.unwrap_or_default())?;
        let values = match form.values() {
            Ok(values) => values,
            Err(errors) => return Ok(Err(errors)),
        };
        let created = create_citation(c, &by.actor, source, &values, by.scoring(), by.now)?;
        Ok(created
            .map(|id| id.to_string())
            .map_err(|refused| refusal_errors(refused, form.record.trim())))
    }
}

pub fn read_doc() -> Op {
    records::read_doc::<Citations>("citations", "Read a citation")
}

pub fn create_doc() -> Op {
    records::create_doc::<Citations>("citations", "Cite the source for a record").describe(
        "Takes the citation form's fields: `kind` of record, `record` (its slug, or its \
         number for dependencies, involvements, timeline events and causes), `excerpt` (it \
         must be in the source's text; quotes and spacing are forgiven, and the text's own \
         wording is kept) and an optional `locator` (else \"paragraph N\"). Answers 201 with \
         the citation, its Location and its ETag; a refused body is a 400 listing every wrong \
         field, and nothing is written. Citations are not edited: delete and cite again.",
    )
}

pub fn delete_doc() -> Op {
    records::delete_doc::<Citations>("citations", "Delete a citation")
        .describe("Deletes the citation (204). Send its ETag as If-Match.")
}

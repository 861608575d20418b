//! `/api/v1/sources`: the sources listed, and each read (with its citations), created,
//! changed and deleted through the source form; a text that would lose a cited excerpt is refused.

use super::curated::number;
use super::doc::Op;
use super::paging::{PAGING, list_response, page_request};
use super::params::QueryParams;
use super::records::{self, Creatable, Record};
use super::{ApiError, FieldErrors};
use crate::domain::views::{SourceDetail, SourceSummary};
use crate::store::curation::rescore::Scoring;
use crate::store::curation::source::{
    create_source, delete_source, editable_source, update_source,
};
use crate::store::queries::sources::{list_sources, source_detail};
use crate::store::{DbConnection, StoreError};
use crate::web::curation::flow::Change;
use crate::web::curation::source_form::{SourceForm, refusal_errors};
use crate::web::state::AppState;
use actix_web::{HttpRequest, HttpResponse, web};

/// `GET /api/v1/sources`.
pub async fn list(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: QueryParams,
) -> Result<HttpResponse, ApiError> {
    query.check(&[PAGING])?;
    let request = page_request(&query)?;
    let page = state.run(move |c| list_sources(c, request)).await?;
    Ok(list_response(&req, page, request))
}

pub fn list_doc() -> Op {
    Op::new("sources", "List sources")
        .describe("Sources by title, each with its Admiralty grade and how often it is cited.")
        .params(&[PAGING])
        .returns_page::<SourceSummary>()
}

/// Sources, by number.
pub struct Sources;

impl Record for Sources {
    const KIND: &'static str = "source";
    const COLLECTION: &'static str = "/api/v1/sources";
    type Form = SourceForm;
    type View = SourceDetail;

    fn stored(c: &mut DbConnection, key: &str) -> Result<SourceForm, StoreError> {
        Ok(SourceForm::of(&editable_source(c, number("source", key)?)?))
    }

    fn view(c: &mut DbConnection, key: &str, _: Scoring<'_>) -> Result<SourceDetail, StoreError> {
        source_detail(c, number("source", key)?)
    }

    fn update(
        c: &mut DbConnection,
        by: &Change,
        key: &str,
        form: SourceForm,
    ) -> Result<Result<String, FieldErrors>, StoreError> {
        let id = number("source", key)?;
        let values = match form.values() {
            Ok(values) => values,
            Err(errors) => return Ok(Err(errors)),
        };
        let updated = update_source(c, &by.actor, id, &values, by.now)?;
        Ok(updated.map(|_| key.to_owned()).map_err(refusal_errors))
    }

    fn delete(
        c: &mut DbConnection,
        by: &Change,
        key: &str,
    ) -> Result<Result<(), String>, StoreError> {
        let cited = delete_source(c, &by.actor, number("source", key)?, by.now)?;
        if cited.is_empty() {
            return Ok(Ok(()));
        }
        let citations: Vec<String> = cited
            .iter()
            .map(|c| format!("#{} ({} {})", c.id, c.record_kind, c.record_label))
            .collect();
        Ok(Err(format!(
            "the source is still cited by {} citation(s): {}; delete those citations first",
            cited.len(),
            citations.join("; ")
        )))
    }
}

impl Creatable for Sources {
    type NewForm = SourceForm;

    fn create(
        c: &mut DbConnection,
        by: &Change,
        _: Option<&str>,
        form: SourceForm,
    ) -> Result<Result<String, FieldErrors>, StoreError> {
        let values = match form.values() {
            Ok(values) => values,
            Err(errors) => return Ok(Err(errors)),
        };
        let created = create_source(c, &by.actor, &values, by.now)?;
        Ok(created.map(|id| id.to_string()).map_err(refusal_errors))
    }
}

pub fn read_doc() -> Op {
    records::read_doc::<Sources>("sources", "Read a source with its text and citations")
}

pub fn create_doc() -> Op {
    records::create_doc::<Sources>("sources", "Create a source")
}

pub fn update_doc() -> Op {
    records::update_doc::<Sources>(
        "sources",
        "Change a source (a new text must keep every cited excerpt)",
    )
}

pub fn delete_doc() -> Op {
    records::delete_doc::<Sources>("sources", "Delete a source no citation quotes")
}

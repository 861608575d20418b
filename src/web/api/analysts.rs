//! `/api/v1/analysts` and `/api/v1/analyst-firms`: the analyst directory listed, and each
//! analyst or firm read, created, changed and deleted through the browser's forms.

use super::curated::{fixed_slug, page_of};
use super::doc::Op;
use super::paging::{PAGING, list_response, page_request};
use super::params::{Param, QueryParams};
use super::records::{self, Creatable, Record, held_by};
use super::{ApiError, FieldErrors};
use crate::store::curation::analyst::{
    create_analyst, delete_analyst, stored_analyst, update_analyst,
};
use crate::store::curation::directory::{FirmEntry, analyst_directory};
use crate::store::curation::firm::{create_firm, delete_firm, stored_firm, update_firm};
use crate::store::curation::lookup::SlugOf;
use crate::store::curation::rescore::Scoring;
use crate::store::{DbConnection, StoreError};
use crate::web::curation::analyst_form::AnalystForm;
use crate::web::curation::firm_form::FirmForm;
use crate::web::curation::flow::Change;
use crate::web::curation::refused;
use crate::web::state::AppState;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Serialize;

/// An analyst as the API shows them.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct AnalystView {
    pub slug: String,
    pub name: String,
    pub title: Option<String>,
    /// Their firm's slug; null for an internal reviewer.
    pub firm: Option<String>,
    pub firm_name: Option<String>,
    /// How many assessments they have given.
    pub assessments: i64,
}

/// An analyst firm as the API shows it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct FirmView {
    pub slug: String,
    pub name: String,
    pub website: Option<String>,
    /// The slugs of its analysts, by name.
    pub analysts: Vec<String>,
}

/// Every analyst of the directory, firm by firm, internal reviewers last.
fn every_analyst(directory: Vec<FirmEntry>) -> Vec<AnalystView> {
    directory
        .into_iter()
        .flat_map(|entry| {
            let firm = entry.firm.map(|f| (f.slug, f.name));
            entry.analysts.into_iter().map(move |a| AnalystView {
                slug: a.slug,
                name: a.name,
                title: a.title,
                firm: firm.as_ref().map(|f| f.0.clone()),
                firm_name: firm.as_ref().map(|f| f.1.clone()),
                assessments: a.assessments as i64,
            })
        })
        .collect()
}

fn firm_view(entry: FirmEntry) -> Option<FirmView> {
    let firm = entry.firm?;
    Some(FirmView {
        slug: firm.slug,
        name: firm.name,
        website: firm.website,
        analysts: entry.analysts.into_iter().map(|a| a.slug).collect(),
    })
}

/// The analyst list's filter.
pub const ANALYST_PARAMS: &[Param] = &[Param::text(
    "firm",
    "Only the analysts of this firm (a slug); `internal` for the internal reviewers.",
)];

/// `GET /api/v1/analysts`.
pub async fn list(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: QueryParams,
) -> Result<HttpResponse, ApiError> {
    query.check(&[ANALYST_PARAMS, PAGING])?;
    let request = page_request(&query)?;
    let firm = query.get("firm").map(str::to_owned);
    let directory = state.run(analyst_directory).await?;
    let known = |slug: &str| {
        slug == "internal"
            || directory
                .iter()
                .any(|e| e.firm.as_ref().is_some_and(|f| f.slug == slug))
    };
    if let Some(slug) = &firm
        && !known(slug)
    {
        return Err(super::products::unknown_filter("firm", slug));
    }
    let all: Vec<AnalystView> = every_analyst(directory)
        .into_iter()
        .filter(|a| match firm.as_deref() {
            None => true,
            Some("internal") => a.firm.is_none(),
            Some(slug) => a.firm.as_deref() == Some(slug),
        })
        .collect();
    Ok(list_response(&req, page_of(all, request), request))
}

pub fn list_doc() -> Op {
    Op::new("analysts", "List analysts")
        .describe("The analyst directory: firm by firm (by name), internal reviewers last.")
        .params(&[ANALYST_PARAMS, PAGING])
        .returns_page::<AnalystView>()
}

/// `GET /api/v1/analyst-firms`.
pub async fn firm_list(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: QueryParams,
) -> Result<HttpResponse, ApiError> {
    query.check(&[PAGING])?;
    let request = page_request(&query)?;
    let directory = state.run(analyst_directory).await?;
    let all: Vec<FirmView> = directory.into_iter().filter_map(firm_view).collect();
    Ok(list_response(&req, page_of(all, request), request))
}

pub fn firm_list_doc() -> Op {
    Op::new("analysts", "List analyst firms")
        .describe("Every analyst firm, by name, with its analysts.")
        .params(&[PAGING])
        .returns_page::<FirmView>()
}

/// Analysts, by slug.
pub struct Analysts;

impl Record for Analysts {
    const KIND: &'static str = "analyst";
    const COLLECTION: &'static str = "/api/v1/analysts";
    type Form = AnalystForm;
    type View = AnalystView;

    fn stored(c: &mut DbConnection, key: &str) -> Result<AnalystForm, StoreError> {
        Ok(AnalystForm::of(stored_analyst(c, key)?))
    }

    fn view(c: &mut DbConnection, key: &str, _: Scoring<'_>) -> Result<AnalystView, StoreError> {
        every_analyst(analyst_directory(c)?)
            .into_iter()
            .find(|a| a.slug == key)
            .ok_or_else(|| StoreError::not_found("analyst", key))
    }

    fn update(
        c: &mut DbConnection,
        by: &Change,
        key: &str,
        form: AnalystForm,
    ) -> Result<Result<String, FieldErrors>, StoreError> {
        let values = match (fixed_slug(&form.slug, key), form.values()) {
            (Ok(()), Ok(values)) => values,
            (fixed, checked) => return Ok(Err(both(fixed, checked.map(|_| ())))),
        };
        let updated = update_analyst(c, &by.actor, key, &values, by.now)?;
        Ok(updated.map(|_| key.to_owned()).map_err(refused))
    }

    fn delete(
        c: &mut DbConnection,
        by: &Change,
        key: &str,
    ) -> Result<Result<(), String>, StoreError> {
        let deleted = delete_analyst(c, &by.actor, key, by.now)?;
        Ok(deleted.map_err(|held| held_by(Self::KIND, &held)))
    }
}

impl Creatable for Analysts {
    type NewForm = AnalystForm;

    fn create(
        c: &mut DbConnection,
        by: &Change,
        _: Option<&str>,
        form: AnalystForm,
    ) -> Result<Result<String, FieldErrors>, StoreError> {
        let values = match form.values() {
            Ok(values) => values,
            Err(errors) => return records::with_taken_slug(c, SlugOf::Analyst, &form.slug, errors),
        };
        let created = create_analyst(c, &by.actor, &values, by.now)?;
        Ok(created
            .map(|_| values.slug.as_str().to_owned())
            .map_err(refused))
    }
}

/// Firms, by slug.
pub struct Firms;

impl Record for Firms {
    const KIND: &'static str = "analyst firm";
    const COLLECTION: &'static str = "/api/v1/analyst-firms";
    type Form = FirmForm;
    type View = FirmView;

    fn stored(c: &mut DbConnection, key: &str) -> Result<FirmForm, StoreError> {
        Ok(FirmForm::of(stored_firm(c, key)?))
    }

    fn view(c: &mut DbConnection, key: &str, _: Scoring<'_>) -> Result<FirmView, StoreError> {
        analyst_directory(c)?
            .into_iter()
            .filter_map(firm_view)
            .find(|f| f.slug == key)
            .ok_or_else(|| StoreError::not_found("analyst firm", key))
    }

    fn update(
        c: &mut DbConnection,
        by: &Change,
        key: &str,
        form: FirmForm,
    ) -> Result<Result<String, FieldErrors>, StoreError> {
        let values = match (fixed_slug(&form.slug, key), form.values()) {
            (Ok(()), Ok(values)) => values,
            (fixed, checked) => return Ok(Err(both(fixed, checked.map(|_| ())))),
        };
        update_firm(c, &by.actor, key, &values, by.now)?;
        Ok(Ok(key.to_owned()))
    }

    fn delete(
        c: &mut DbConnection,
        by: &Change,
        key: &str,
    ) -> Result<Result<(), String>, StoreError> {
        let deleted = delete_firm(c, &by.actor, key, by.now)?;
        Ok(deleted.map_err(|held| held_by(Self::KIND, &held)))
    }
}

impl Creatable for Firms {
    type NewForm = FirmForm;

    fn create(
        c: &mut DbConnection,
        by: &Change,
        _: Option<&str>,
        form: FirmForm,
    ) -> Result<Result<String, FieldErrors>, StoreError> {
        let values = match form.values() {
            Ok(values) => values,
            Err(errors) => return records::with_taken_slug(c, SlugOf::Firm, &form.slug, errors),
        };
        let created = create_firm(c, &by.actor, &values, by.now)?;
        Ok(created
            .map(|_| values.slug.as_str().to_owned())
            .map_err(refused))
    }
}

/// Every wrong field of two checks (at least one of which failed).
pub(super) fn both(a: Result<(), FieldErrors>, b: Result<(), FieldErrors>) -> FieldErrors {
    let mut errors = a.err().unwrap_or_default();
    if let Err(more) = b {
        errors.extend(more);
    }
    errors
}

pub fn read_doc() -> Op {
    records::read_doc::<Analysts>("analysts", "Read an analyst")
}

pub fn create_doc() -> Op {
    records::create_doc::<Analysts>(
        "analysts",
        "Create an analyst (no firm: an internal reviewer)",
    )
}

pub fn update_doc() -> Op {
    records::update_doc::<Analysts>("analysts", "Change an analyst (the slug stays)")
}

pub fn delete_doc() -> Op {
    records::delete_doc::<Analysts>(
        "analysts",
        "Delete an analyst no assessment or citation refers to",
    )
}

pub fn firm_read_doc() -> Op {
    records::read_doc::<Firms>("analysts", "Read an analyst firm")
}

pub fn firm_create_doc() -> Op {
    records::create_doc::<Firms>("analysts", "Create an analyst firm")
}

pub fn firm_update_doc() -> Op {
    records::update_doc::<Firms>("analysts", "Change an analyst firm (the slug stays)")
}

pub fn firm_delete_doc() -> Op {
    records::delete_doc::<Firms>("analysts", "Delete an analyst firm without analysts")
}

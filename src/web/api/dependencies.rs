//! `/api/v1/dependencies`: who uses which product (by vendor, by product), each dependency
//! read, created under a vendor, changed and deleted by the UI's form, rescoring as the UI does.

use super::doc::Op;
use super::paging::{PAGING, list_response, page_request};
use super::params::{Param, QueryParams};
use super::products::unknown_filter;
use super::records::{self, Creatable, Record, held_by};
use super::{ApiError, FieldErrors};
use crate::domain::views::DependencyView;
use crate::store::curation::dependency::{
    create_dependency, delete_dependency, stored_dependency, update_dependency,
};
use crate::store::curation::lookup::vendor_named;
use crate::store::curation::rescore::Scoring;
use crate::store::queries::catalog::{DependencyFilter, dependency_view, filter_dependencies};
use crate::store::{DbConnection, StoreError};
use crate::web::curation::dependency_form::DependencyForm;
use crate::web::curation::flow::Change;
use crate::web::curation::refused;
use crate::web::state::AppState;
use actix_web::{HttpRequest, HttpResponse, web};

/// The dependency list's filters.
pub const LIST_PARAMS: &[Param] = &[
    Param::text(
        "vendor",
        "Only the dependencies this vendor (a slug) consumes or supplies the product of.",
    ),
    Param::text("product", "Only the dependencies on this product (a slug)."),
];

/// `GET /api/v1/dependencies`.
pub async fn list(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: QueryParams,
) -> Result<HttpResponse, ApiError> {
    query.check(&[LIST_PARAMS, PAGING])?;
    let request = page_request(&query)?;
    let filter = DependencyFilter {
        vendor: query.get("vendor").map(str::to_owned),
        product: query.get("product").map(str::to_owned),
    };
    let asked = filter.clone();
    let page = state
        .run(move |c| filter_dependencies(c, &filter, request))
        .await?
        .map_err(|field| {
            let value = if field == "vendor" {
                asked.vendor
            } else {
                asked.product
            };
            unknown_filter(field, &value.unwrap_or_default())
        })?;
    Ok(list_response(&req, page, request))
}

pub fn list_doc() -> Op {
    Op::new("dependencies", "List dependencies")
        .params(&[LIST_PARAMS, PAGING])
        .returns_page::<DependencyView>()
}

/// A dependency's id from its path: anything but a number is simply not found.
fn id_of(key: &str) -> Result<i32, StoreError> {
    key.parse()
        .map_err(|_| StoreError::not_found("dependency", key))
}

/// Dependencies, by id.
pub struct Dependencies;

impl Record for Dependencies {
    const KIND: &'static str = "dependency";
    const COLLECTION: &'static str = "/api/v1/dependencies";
    type Form = DependencyForm;
    type View = DependencyView;

    fn stored(c: &mut DbConnection, key: &str) -> Result<DependencyForm, StoreError> {
        Ok(DependencyForm::of(&stored_dependency(c, id_of(key)?)?))
    }

    fn view(c: &mut DbConnection, key: &str, _: Scoring<'_>) -> Result<DependencyView, StoreError> {
        dependency_view(c, id_of(key)?)
    }

    fn update(
        c: &mut DbConnection,
        by: &Change,
        key: &str,
        form: DependencyForm,
    ) -> Result<Result<String, FieldErrors>, StoreError> {
        let id = id_of(key)?;
        let values = match form.values() {
            Ok(values) => values,
            Err(errors) => return Ok(Err(errors)),
        };
        let updated = update_dependency(c, &by.actor, id, &values, by.scoring(), by.now)?;
        Ok(updated.map(|_| key.to_owned()).map_err(refused))
    }

    fn delete(
        c: &mut DbConnection,
        by: &Change,
        key: &str,
    ) -> Result<Result<(), String>, StoreError> {
        match delete_dependency(c, &by.actor, id_of(key)?, by.scoring(), by.now)? {
            Ok(_) => Ok(Ok(())),
            Err(references) => Ok(Err(held_by(Self::KIND, &references))),
        }
    }
}

impl Creatable for Dependencies {
    type NewForm = DependencyForm;

    /// A new dependency from the page of the vendor `parent` (404 when there is none): its
    /// consumer is that vendor unless the body names another (or `@organisation`).
    fn create(
        c: &mut DbConnection,
        by: &Change,
        parent: Option<&str>,
        mut form: DependencyForm,
    ) -> Result<Result<String, FieldErrors>, StoreError> {
        let vendor = vendor_named(c, parent.unwrap_or_default())?;
        if form.consumer.trim().is_empty() {
            form.consumer = vendor.slug;
        }
        let values = match form.values() {
            Ok(values) => values,
            Err(errors) => return Ok(Err(errors)),
        };
        let created = create_dependency(c, &by.actor, &values, by.scoring(), by.now)?;
        Ok(created.map(|(id, _)| id.to_string()).map_err(refused))
    }
}

pub fn read_doc() -> Op {
    records::read_doc::<Dependencies>("dependencies", "Read a dependency")
}

pub fn create_doc() -> Op {
    records::create_doc::<Dependencies>("dependencies", "Create a dependency of a vendor").describe(
        "Takes the fields of the browser's dependency form (each a string). The consumer \
             is the vendor of the path unless `consumer` names another vendor or \
             `@organisation`. Answers 201 with the dependency, its Location and its ETag; a \
             refused body is a 400 listing every wrong field, and nothing is written.",
    )
}

pub fn update_doc() -> Op {
    records::update_doc::<Dependencies>("dependencies", "Change a dependency")
}

pub fn delete_doc() -> Op {
    records::delete_doc::<Dependencies>("dependencies", "Delete a dependency nothing cites")
}

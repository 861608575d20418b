//! `/api/v1/products`: the product list (by vendor, by category, by name), and each product
//! read (scored as of a day), created under its vendor, changed and deleted by the UI's forms.

use super::doc::Op;
use super::paging::{PAGING, list_response, page_request};
use super::params::{AS_OF, Param, QueryParams};
use super::records::{self, Creatable, Record, refused_if_held};
use super::{ApiError, FieldErrors, WebError};
use crate::domain::views::ProductView;
use crate::i18n::Message;
use crate::store::curation::create::create_product;
use crate::store::curation::delete::{Deletable, delete_record};
use crate::store::curation::lookup::{SlugOf, vendor_named};
use crate::store::curation::product_edit::{editable_product, update_product};
use crate::store::curation::rescore::Scoring;
use crate::store::queries::cached::ScoredReads;
use crate::store::queries::catalog::{ProductFilter, filter_products, product_with_trust};
use crate::store::{DbConnection, StoreError};
use crate::web::curation::flow::Change;
use crate::web::curation::product_edit::ProductForm;
use crate::web::curation::product_new::NewProductForm;
use crate::web::curation::refused;
use crate::web::state::AppState;
use actix_web::{HttpRequest, HttpResponse, web};

/// The product list's filters and sort.
pub const LIST_PARAMS: &[Param] = &[
    Param::text("vendor", "Only the products of this vendor (a slug)."),
    Param::text(
        "category",
        "Only products in this category (a slug) or one of its subcategories.",
    ),
    Param::choice(
        "sort",
        "The order: by `name`, or `-name` for the reverse.",
        &["name", "-name"],
    ),
];

/// A list filter naming a record that does not exist: a 400 on that parameter.
pub(super) fn unknown_filter(field: &'static str, value: &str) -> ApiError {
    let mut errors = FieldErrors::default();
    errors.add(
        field,
        Message::new("api-filter-unknown").with("value", value),
    );
    WebError::Fields(errors).into()
}

/// `GET /api/v1/products`.
pub async fn list(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: QueryParams,
) -> Result<HttpResponse, ApiError> {
    query.check(&[LIST_PARAMS, PAGING])?;
    let request = page_request(&query)?;
    let filter = ProductFilter {
        vendor: query.get("vendor").map(str::to_owned),
        category: query.get("category").map(str::to_owned),
        descending: query.get("sort") == Some("-name"),
    };
    let asked = filter.clone();
    let page = state
        .run(move |c| filter_products(c, &filter, request))
        .await?
        .map_err(|field| {
            let value = if field == "vendor" {
                asked.vendor
            } else {
                asked.category
            };
            unknown_filter(field, &value.unwrap_or_default())
        })?;
    Ok(list_response(&req, page, request))
}

pub fn list_doc() -> Op {
    Op::new("products", "List products")
        .params(&[LIST_PARAMS, PAGING])
        .returns_page::<ProductView>()
}

/// Products, by slug.
pub struct Products;

impl Record for Products {
    const KIND: &'static str = "product";
    const COLLECTION: &'static str = "/api/v1/products";
    const READ_PARAMS: &'static [Param] = &[AS_OF];
    type Form = ProductForm;
    type View = ProductView;

    fn stored(c: &mut DbConnection, key: &str) -> Result<ProductForm, StoreError> {
        Ok(ProductForm::of(&editable_product(c, key)?))
    }

    fn view(
        c: &mut DbConnection,
        key: &str,
        scoring: Scoring<'_>,
    ) -> Result<ProductView, StoreError> {
        product_with_trust(c, key, scoring)
    }

    fn read(
        c: &mut DbConnection,
        key: &str,
        (config, as_of): Scoring<'_>,
        cache: &ScoredReads,
    ) -> Result<ProductView, StoreError> {
        Ok(cache.product(c, key, as_of, config)?.as_ref().clone())
    }

    fn update(
        c: &mut DbConnection,
        by: &Change,
        key: &str,
        form: ProductForm,
    ) -> Result<Result<String, FieldErrors>, StoreError> {
        let values = match form.values(key) {
            Ok(values) => values,
            Err(errors) => return Ok(Err(errors)),
        };
        let updated = update_product(c, &by.actor, key, &values, by.now)?;
        Ok(updated.map(|_| key.to_owned()).map_err(refused))
    }

    fn delete(
        c: &mut DbConnection,
        by: &Change,
        key: &str,
    ) -> Result<Result<(), String>, StoreError> {
        let check = delete_record(c, &by.actor, Deletable::Product(key), by.now)?;
        Ok(refused_if_held(Self::KIND, &check.references))
    }
}

impl Creatable for Products {
    type NewForm = NewProductForm;

    /// A new product of the vendor `parent` (404 when there is none).
    fn create(
        c: &mut DbConnection,
        by: &Change,
        parent: Option<&str>,
        form: NewProductForm,
    ) -> Result<Result<String, FieldErrors>, StoreError> {
        let vendor = vendor_named(c, parent.unwrap_or_default())?.slug;
        let values = match form.values() {
            Ok(values) => values,
            Err(errors) => return records::with_taken_slug(c, SlugOf::Product, &form.slug, errors),
        };
        let created = create_product(c, &by.actor, &vendor, &values, by.scoring(), by.now)?;
        Ok(created
            .map(|_| values.slug.as_str().to_owned())
            .map_err(refused))
    }
}

pub fn read_doc() -> Op {
    records::read_doc::<Products>("products", "Read a product with its trust score")
}

pub fn create_doc() -> Op {
    records::create_doc::<Products>("products", "Create a product of a vendor")
}

pub fn update_doc() -> Op {
    records::update_doc::<Products>(
        "products",
        "Change a product's name, category or description",
    )
}

pub fn delete_doc() -> Op {
    records::delete_doc::<Products>("products", "Delete a product nothing refers to")
}

//! `GET/POST /vendors/{slug}/products/new`: the new-product form of a vendor; a valid
//! submission creates the product (audited) and goes to the vendor's page.

use super::{
    Options, note_taken, opt_text, record_options, refused_into, respond, see_other, slug,
};
use crate::domain::Line;
use crate::i18n::Message;
use crate::store::curation::create::{ProductValues, create_product};
use crate::store::curation::lookup::SlugOf;
use crate::store::curation::lookup::{Choice, category_choices, vendor_named};
use crate::store::pack::seed::import_time;
use crate::web::curate::{FieldErrors, check};
use crate::web::error::PageError;
use crate::web::identity::{Nav, Principal};
use crate::web::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

/// The new-product form as submitted (a missing field is empty).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct NewProductForm {
    pub slug: String,
    pub name: String,
    pub category: String,
    pub description: String,
}

impl NewProductForm {
    /// Every field validated, or every wrong field's message.
    pub fn values(&self) -> Result<ProductValues, FieldErrors> {
        let mut errors = FieldErrors::default();
        let slug = slug(&mut errors, "slug", &self.slug);
        let name = check(&mut errors, "name", Line::parse(self.name.trim()));
        let category = match self.category.trim() {
            "" => {
                errors.add("category", Message::new("err-choose"));
                None
            }
            c => check(&mut errors, "category", crate::domain::Slug::parse(c)),
        };
        let description = opt_text(&mut errors, "description", &self.description);
        match (slug, name, category, description) {
            (Some(slug), Some(name), Some(category), Some(description)) if errors.is_empty() => {
                Ok(ProductValues {
                    slug,
                    name,
                    category,
                    description,
                })
            }
            _ => Err(errors),
        }
    }
}

/// The product form's page: a new product of `vendor`, or an edit of the product `editing`.
#[derive(Template)]
#[template(path = "curation/product_new.html")]
pub struct NewProductPage {
    pub nav: Nav,
    pub vendor: Choice,
    pub editing: Option<String>,
    pub form: NewProductForm,
    pub errors: FieldErrors,
    pub categories: Options,
}

/// Renders the form of a product of `vendor` (`editing`: the product's slug) with `status`.
pub(super) async fn page(
    nav: Nav,
    state: &AppState,
    (vendor, editing): (String, Option<String>),
    form: NewProductForm,
    errors: FieldErrors,
    status: StatusCode,
) -> Result<HttpResponse, PageError> {
    let (vendor, categories) = state
        .run(move |c| Ok((vendor_named(c, &vendor)?, category_choices(c)?)))
        .await?;
    let page = NewProductPage {
        nav,
        vendor,
        editing,
        form,
        errors,
        categories: record_options(categories),
    };
    respond(&page, status)
}

/// `GET /vendors/{slug}/products/new`.
pub async fn form(
    nav: Nav,
    state: web::Data<AppState>,
    vendor: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let form = NewProductForm::default();
    page(
        nav,
        &state,
        (vendor.into_inner(), None),
        form,
        FieldErrors::default(),
        StatusCode::OK,
    )
    .await
}

/// `POST /vendors/{slug}/products/new`.
pub async fn submit(
    nav: Nav,
    principal: Principal,
    state: web::Data<AppState>,
    vendor: web::Path<String>,
    form: web::Form<NewProductForm>,
) -> Result<HttpResponse, PageError> {
    let vendor = vendor.into_inner();
    let form = form.into_inner();
    let values = match form.values() {
        Ok(values) => values,
        Err(mut errors) => {
            note_taken(&state, &mut errors, SlugOf::Product, &form.slug).await?;
            let target = (vendor, None);
            return page(nav, &state, target, form, errors, StatusCode::BAD_REQUEST).await;
        }
    };
    let actor = principal.actor();
    let target = vendor.clone();
    let config = state.scoring.clone();
    let today = chrono::Utc::now().date_naive();
    let outcome = state
        .run(move |c| create_product(c, &actor, &target, &values, (&config, today), import_time()))
        .await?;
    match outcome {
        Ok(_) => Ok(see_other(format!("/vendors/{vendor}"))),
        Err(refused) => {
            let mut errors = FieldErrors::default();
            refused_into(&mut errors, refused);
            let target = (vendor, None);
            page(nav, &state, target, form, errors, StatusCode::BAD_REQUEST).await
        }
    }
}

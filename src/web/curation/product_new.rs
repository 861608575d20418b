//! `GET/POST /vendors/{slug}/products/new`: the new-product form of a vendor; a valid
//! submission creates the product (audited) and goes to the vendor's page.

use super::flow::{self, FormPage, change, every_field, saved, show};
use super::{Options, chosen, note_taken, opt_text, record_options, respond, see_other, slug};
use crate::domain::Line;
use crate::store::curation::create::{ProductValues, create_product};
use crate::store::curation::lookup::SlugOf;
use crate::store::curation::lookup::{Choice, category_choices, vendor_named};
use crate::web::curate::{FieldErrors, check};
use crate::web::error::PageError;
use crate::web::identity::{Nav, Principal};
use crate::web::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::{Deserialize, Serialize};

/// The new-product form as submitted (a missing field is empty).
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
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
        let category = chosen(&mut errors, "category", &self.category);
        let description = opt_text(&mut errors, "description", &self.description);
        every_field!(errors => ProductValues { slug, name, category, description })
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

impl FormPage for NewProductForm {
    /// The vendor's slug, and the product's when it is edited.
    type Context = (String, Option<String>);

    async fn page(
        self,
        nav: Nav,
        state: &AppState,
        (vendor, editing): (String, Option<String>),
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
            form: self,
            errors,
            categories: record_options(categories),
        };
        respond(&page, status)
    }
}

/// `GET /vendors/{slug}/products/new`.
pub async fn form(
    nav: Nav,
    state: web::Data<AppState>,
    vendor: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let target = (vendor.into_inner(), None);
    show(nav, &state, target, NewProductForm::default()).await
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
    let values = note_taken(&state, SlugOf::Product, &form.slug, form.values()).await?;
    let target = (vendor.clone(), None);
    flow::submit(nav, &state, target, form, values, async |values| {
        let target = vendor.clone();
        let outcome = change(&state, &principal, move |c, by| {
            create_product(c, &by.actor, &target, &values, by.scoring(), by.now)
        })
        .await?;
        saved(outcome, |_| see_other(format!("/vendors/{vendor}")))
    })
    .await
}

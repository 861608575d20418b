//! `GET/POST /products/{slug}/edit`: a product's name, category and description (the slug
//! stays), saved with an audit record of before and after; back to its vendor's page.

use super::flow::{change, saved, show, stored, submit};
use super::product_new::NewProductForm;
use super::see_other;
use crate::store::curation::create::ProductValues;
use crate::store::curation::product_edit::{EditableProduct, editable_product, update_product};
use crate::web::curate::FieldErrors;
use crate::web::error::PageError;
use crate::web::identity::{Nav, Principal};
use crate::web::state::AppState;
use actix_web::{HttpResponse, web};
use serde::{Deserialize, Serialize};

/// A product's editable fields as its edit form holds them (the slug stays).
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ProductForm {
    pub name: String,
    /// The category's slug.
    pub category: String,
    pub description: String,
}

impl ProductForm {
    /// The form filled with the stored product.
    pub fn of(product: &EditableProduct) -> ProductForm {
        ProductForm {
            name: product.name.clone(),
            category: product.category.clone(),
            description: product.description.clone().unwrap_or_default(),
        }
    }

    /// The form as the product form's page shows it, for the product `slug`.
    pub fn with_slug(self, slug: &str) -> NewProductForm {
        NewProductForm {
            slug: slug.to_owned(),
            name: self.name,
            category: self.category,
            description: self.description,
        }
    }

    /// Every field validated, or every wrong field's message.
    pub fn values(self, slug: &str) -> Result<ProductValues, FieldErrors> {
        self.with_slug(slug).values()
    }
}

/// `GET /products/{slug}/edit`: the form, filled with the stored values.
pub async fn edit_form(
    nav: Nav,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let product = stored(&state, &slug, editable_product).await?;
    let form = ProductForm::of(&product).with_slug(&product.slug);
    let target = (product.vendor.slug, Some(product.slug));
    show(nav, &state, target, form).await
}

/// `POST /products/{slug}/edit`: saves a valid form and goes back to the vendor's page; an
/// invalid one comes back with its messages (400), nothing written.
pub async fn edit_submit(
    nav: Nav,
    principal: Principal,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    form: web::Form<NewProductForm>,
) -> Result<HttpResponse, PageError> {
    let product = stored(&state, &slug, editable_product).await?;
    let mut form = form.into_inner();
    form.slug = product.slug.clone();
    let values = form.values();
    let vendor = product.vendor.slug;
    let target = (vendor.clone(), Some(product.slug.clone()));
    submit(nav, &state, target, form, values, async |values| {
        let slug = product.slug;
        let outcome = change(&state, &principal, move |c, by| {
            update_product(c, &by.actor, &slug, &values, by.now)
        })
        .await?;
        saved(outcome, |_| see_other(format!("/vendors/{vendor}")))
    })
    .await
}

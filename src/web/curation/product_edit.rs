//! `GET/POST /products/{slug}/edit`: a product's name, category and description (the slug
//! stays), saved with an audit record of before and after; back to its vendor's page.

use super::product_new::{NewProductForm, page};
use super::{refused_into, see_other};
use crate::store::curation::product_edit::{EditableProduct, editable_product, update_product};
use crate::store::pack::seed::import_time;
use crate::web::curate::FieldErrors;
use crate::web::error::PageError;
use crate::web::identity::{Nav, Principal};
use crate::web::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};

async fn stored(state: &AppState, slug: String) -> Result<EditableProduct, PageError> {
    Ok(state.run(move |c| editable_product(c, &slug)).await?)
}

/// `GET /products/{slug}/edit`: the form, filled with the stored values.
pub async fn edit_form(
    nav: Nav,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let product = stored(&state, slug.into_inner()).await?;
    let form = NewProductForm {
        slug: product.slug.clone(),
        name: product.name,
        category: product.category,
        description: product.description.unwrap_or_default(),
    };
    let target = (product.vendor.slug, Some(product.slug));
    page(
        nav,
        &state,
        target,
        form,
        FieldErrors::default(),
        StatusCode::OK,
    )
    .await
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
    let product = stored(&state, slug.into_inner()).await?;
    let mut form = form.into_inner();
    form.slug = product.slug.clone();
    let vendor = product.vendor.slug.clone();
    let target = (vendor.clone(), Some(product.slug.clone()));
    let values = match form.values() {
        Ok(values) => values,
        Err(errors) => {
            return page(nav, &state, target, form, errors, StatusCode::BAD_REQUEST).await;
        }
    };
    let actor = principal.actor();
    let slug = product.slug;
    let outcome = state
        .run(move |c| update_product(c, &actor, &slug, &values, import_time()))
        .await?;
    match outcome {
        Ok(_) => Ok(see_other(format!("/vendors/{vendor}"))),
        Err(refused) => {
            let mut errors = FieldErrors::default();
            refused_into(&mut errors, refused);
            page(nav, &state, target, form, errors, StatusCode::BAD_REQUEST).await
        }
    }
}

//! `GET/POST /analyst-firms/new` and `/analyst-firms/{slug}/edit`: an analyst firm's form;
//! a saved firm (audited) leads back to the analyst directory.

use super::{refused_into, respond, see_other, slug};
use crate::domain::{Line, WebUrl};
use crate::store::curation::firm::{FirmValues, create_firm, stored_firm, update_firm};
use crate::store::pack::seed::import_time;
use crate::web::curate::{FieldErrors, check};
use crate::web::error::PageError;
use crate::web::identity::{Nav, Principal};
use crate::web::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

/// The firm form as submitted (a missing field is empty; the slug only on creation).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct FirmForm {
    pub slug: String,
    pub name: String,
    pub website: String,
}

impl FirmForm {
    /// Every field validated, or every wrong field's message.
    pub fn values(&self) -> Result<FirmValues, FieldErrors> {
        let mut errors = FieldErrors::default();
        let slug = slug(&mut errors, "slug", &self.slug);
        let name = check(&mut errors, "name", Line::parse(self.name.trim()));
        let website = match self.website.trim() {
            "" => Some(None),
            url => check(&mut errors, "website", WebUrl::parse(url)).map(Some),
        };
        match (slug, name, website) {
            (Some(slug), Some(name), Some(website)) if errors.is_empty() => Ok(FirmValues {
                slug,
                name,
                website,
            }),
            _ => Err(errors),
        }
    }
}

#[derive(Template)]
#[template(path = "curation/firm_form.html")]
pub struct FirmPage {
    pub nav: Nav,
    /// The firm edited (its slug); `None` for a new one.
    pub editing: Option<String>,
    pub form: FirmForm,
    pub errors: FieldErrors,
}

fn page(
    nav: Nav,
    editing: Option<String>,
    form: FirmForm,
    errors: FieldErrors,
    status: StatusCode,
) -> Result<HttpResponse, PageError> {
    let page = FirmPage {
        nav,
        editing,
        form,
        errors,
    };
    respond(&page, status)
}

/// `GET /analyst-firms/new`.
pub async fn new_form(nav: Nav) -> Result<HttpResponse, PageError> {
    let form = FirmForm::default();
    page(nav, None, form, FieldErrors::default(), StatusCode::OK)
}

/// `POST /analyst-firms/new`.
pub async fn new_submit(
    nav: Nav,
    principal: Principal,
    state: web::Data<AppState>,
    form: web::Form<FirmForm>,
) -> Result<HttpResponse, PageError> {
    let form = form.into_inner();
    let values = match form.values() {
        Ok(values) => values,
        Err(errors) => return page(nav, None, form, errors, StatusCode::BAD_REQUEST),
    };
    let actor = principal.actor();
    let outcome = state
        .run(move |c| create_firm(c, &actor, &values, import_time()))
        .await?;
    match outcome {
        Ok(_) => Ok(see_other("/analysts".to_owned())),
        Err(refused) => {
            let mut errors = FieldErrors::default();
            refused_into(&mut errors, refused);
            page(nav, None, form, errors, StatusCode::BAD_REQUEST)
        }
    }
}

/// `GET /analyst-firms/{slug}/edit`.
pub async fn edit_form(
    nav: Nav,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let slug = slug.into_inner();
    let target = slug.clone();
    let firm = state.run(move |c| stored_firm(c, &target)).await?;
    let form = FirmForm {
        slug: firm.slug,
        name: firm.name,
        website: firm.website.unwrap_or_default(),
    };
    page(
        nav,
        Some(slug),
        form,
        FieldErrors::default(),
        StatusCode::OK,
    )
}

/// `POST /analyst-firms/{slug}/edit`: the slug stays; a change is audited (before, after).
pub async fn edit_submit(
    nav: Nav,
    principal: Principal,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    form: web::Form<FirmForm>,
) -> Result<HttpResponse, PageError> {
    let slug = slug.into_inner();
    let target = slug.clone();
    state.run(move |c| stored_firm(c, &target)).await?;
    let form = FirmForm {
        slug: slug.clone(),
        ..form.into_inner()
    };
    let values = match form.values() {
        Ok(values) => values,
        Err(errors) => return page(nav, Some(slug), form, errors, StatusCode::BAD_REQUEST),
    };
    let actor = principal.actor();
    state
        .run(move |c| update_firm(c, &actor, &slug, &values, import_time()))
        .await?;
    Ok(see_other("/analysts".to_owned()))
}

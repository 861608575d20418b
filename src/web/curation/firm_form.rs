//! `GET/POST /analyst-firms/new` and `/analyst-firms/{slug}/edit`: an analyst firm's form;
//! a saved firm (audited) leads back to the analyst directory.

use super::flow::{FormPage, change, every_field, saved, show, stored, submit};
use super::{optional, respond, see_other, slug};
use crate::domain::{Line, WebUrl};
use crate::store::curation::firm::{FirmValues, create_firm, stored_firm, update_firm};
use crate::store::rows::FirmRow;
use crate::web::curate::{FieldErrors, check};
use crate::web::error::PageError;
use crate::web::identity::{Nav, Principal};
use crate::web::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::{Deserialize, Serialize};

/// The firm form as submitted (a missing field is empty; the slug only on creation).
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct FirmForm {
    pub slug: String,
    pub name: String,
    pub website: String,
}

impl FirmForm {
    /// The form filled with a stored firm, as the edit page shows it.
    pub(crate) fn of(firm: FirmRow) -> FirmForm {
        FirmForm {
            slug: firm.slug,
            name: firm.name,
            website: firm.website.unwrap_or_default(),
        }
    }

    /// Every field validated, or every wrong field's message.
    pub fn values(&self) -> Result<FirmValues, FieldErrors> {
        let mut errors = FieldErrors::default();
        let slug = slug(&mut errors, "slug", &self.slug);
        let name = check(&mut errors, "name", Line::parse(self.name.trim()));
        let website = optional::<WebUrl>(&mut errors, "website", &self.website);
        every_field!(errors => FirmValues { slug, name, website })
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

impl FormPage for FirmForm {
    /// The firm edited (its slug); `None` for a new one.
    type Context = Option<String>;

    async fn page(
        self,
        nav: Nav,
        _: &AppState,
        editing: Option<String>,
        errors: FieldErrors,
        status: StatusCode,
    ) -> Result<HttpResponse, PageError> {
        let page = FirmPage {
            nav,
            editing,
            form: self,
            errors,
        };
        respond(&page, status)
    }
}

/// `GET /analyst-firms/new`.
pub async fn new_form(nav: Nav, state: web::Data<AppState>) -> Result<HttpResponse, PageError> {
    show(nav, &state, None, FirmForm::default()).await
}

/// `POST /analyst-firms/new`.
pub async fn new_submit(
    nav: Nav,
    principal: Principal,
    state: web::Data<AppState>,
    form: web::Form<FirmForm>,
) -> Result<HttpResponse, PageError> {
    let form = form.into_inner();
    let values = form.values();
    submit(nav, &state, None, form, values, async |values| {
        let outcome = change(&state, &principal, move |c, by| {
            create_firm(c, &by.actor, &values, by.now)
        })
        .await?;
        saved(outcome, |_| see_other("/analysts".to_owned()))
    })
    .await
}

/// `GET /analyst-firms/{slug}/edit`.
pub async fn edit_form(
    nav: Nav,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let slug = slug.into_inner();
    let form = FirmForm::of(stored(&state, &slug, stored_firm).await?);
    show(nav, &state, Some(slug), form).await
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
    stored(&state, &slug, stored_firm).await?;
    let form = FirmForm {
        slug: slug.clone(),
        ..form.into_inner()
    };
    let values = form.values();
    let target = slug.clone();
    submit(nav, &state, Some(slug), form, values, async |values| {
        change(&state, &principal, move |c, by| {
            update_firm(c, &by.actor, &target, &values, by.now)
        })
        .await?;
        Ok(Ok(see_other("/analysts".to_owned())))
    })
    .await
}

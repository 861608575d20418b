//! `GET/POST /analysts/new` and `/analysts/{slug}/edit`: an analyst's form (a firm's analyst,
//! or an internal reviewer without firm); a saved analyst (audited) leads to the directory.

use super::{Options, opt_slug, refused_into, respond, see_other, slug};
use crate::domain::Line;
use crate::store::curation::analyst::{
    AnalystValues, create_analyst, stored_analyst, update_analyst,
};
use crate::store::curation::directory::analyst_directory;
use crate::store::pack::seed::import_time;
use crate::web::curate::{FieldErrors, check};
use crate::web::error::PageError;
use crate::web::identity::{Nav, Principal};
use crate::web::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

/// The analyst form as submitted (a missing field is empty; an empty firm is internal).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct AnalystForm {
    pub slug: String,
    pub name: String,
    pub firm: String,
    pub title: String,
}

impl AnalystForm {
    /// Every field validated, or every wrong field's message.
    pub fn values(&self) -> Result<AnalystValues, FieldErrors> {
        let mut errors = FieldErrors::default();
        let slug = slug(&mut errors, "slug", &self.slug);
        let name = check(&mut errors, "name", Line::parse(self.name.trim()));
        let firm = opt_slug(&mut errors, "firm", &self.firm);
        let title = match self.title.trim() {
            "" => Some(None),
            t => check(&mut errors, "title", Line::parse(t)).map(Some),
        };
        match (slug, name, firm, title) {
            (Some(slug), Some(name), Some(firm), Some(title)) if errors.is_empty() => {
                Ok(AnalystValues {
                    slug,
                    name,
                    firm,
                    title,
                })
            }
            _ => Err(errors),
        }
    }
}

#[derive(Template)]
#[template(path = "curation/analyst_form.html")]
pub struct AnalystPage {
    pub nav: Nav,
    /// The analyst edited (their slug); `None` for a new one.
    pub editing: Option<String>,
    pub form: AnalystForm,
    pub errors: FieldErrors,
    pub firms: Options,
}

async fn page(
    nav: Nav,
    state: &AppState,
    editing: Option<String>,
    form: AnalystForm,
    errors: FieldErrors,
    status: StatusCode,
) -> Result<HttpResponse, PageError> {
    let directory = state.run(analyst_directory).await?;
    let firms = directory
        .into_iter()
        .filter_map(|e| e.firm)
        .map(|f| (f.slug, f.name))
        .collect();
    let page = AnalystPage {
        nav,
        editing,
        form,
        errors,
        firms,
    };
    respond(&page, status)
}

/// `GET /analysts/new[?firm=slug]`.
pub async fn new_form(
    nav: Nav,
    state: web::Data<AppState>,
    query: web::Query<AnalystForm>,
) -> Result<HttpResponse, PageError> {
    let form = AnalystForm {
        firm: query.into_inner().firm,
        ..AnalystForm::default()
    };
    page(
        nav,
        &state,
        None,
        form,
        FieldErrors::default(),
        StatusCode::OK,
    )
    .await
}

/// `POST /analysts/new`.
pub async fn new_submit(
    nav: Nav,
    principal: Principal,
    state: web::Data<AppState>,
    form: web::Form<AnalystForm>,
) -> Result<HttpResponse, PageError> {
    let form = form.into_inner();
    let bad = StatusCode::BAD_REQUEST;
    let values = match form.values() {
        Ok(values) => values,
        Err(errors) => return page(nav, &state, None, form, errors, bad).await,
    };
    let actor = principal.actor();
    let outcome = state
        .run(move |c| create_analyst(c, &actor, &values, import_time()))
        .await?;
    match outcome {
        Ok(_) => Ok(see_other("/analysts".to_owned())),
        Err(refused) => {
            let mut errors = FieldErrors::default();
            refused_into(&mut errors, refused);
            page(nav, &state, None, form, errors, bad).await
        }
    }
}

/// `GET /analysts/{slug}/edit`.
pub async fn edit_form(
    nav: Nav,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let slug = slug.into_inner();
    let target = slug.clone();
    let a = state.run(move |c| stored_analyst(c, &target)).await?;
    let form = AnalystForm {
        slug: a.slug,
        name: a.name,
        firm: a.firm.unwrap_or_default(),
        title: a.title.unwrap_or_default(),
    };
    let ok = StatusCode::OK;
    page(nav, &state, Some(slug), form, FieldErrors::default(), ok).await
}

/// `POST /analysts/{slug}/edit`: the slug stays; a change is audited (before, after).
pub async fn edit_submit(
    nav: Nav,
    principal: Principal,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    form: web::Form<AnalystForm>,
) -> Result<HttpResponse, PageError> {
    let slug = slug.into_inner();
    let target = slug.clone();
    state.run(move |c| stored_analyst(c, &target)).await?;
    let form = AnalystForm {
        slug: slug.clone(),
        ..form.into_inner()
    };
    let bad = StatusCode::BAD_REQUEST;
    let values = match form.values() {
        Ok(values) => values,
        Err(errors) => return page(nav, &state, Some(slug), form, errors, bad).await,
    };
    let actor = principal.actor();
    let target = slug.clone();
    let outcome = state
        .run(move |c| update_analyst(c, &actor, &target, &values, import_time()))
        .await?;
    match outcome {
        Ok(_) => Ok(see_other("/analysts".to_owned())),
        Err(refused) => {
            let mut errors = FieldErrors::default();
            refused_into(&mut errors, refused);
            page(nav, &state, Some(slug), form, errors, bad).await
        }
    }
}

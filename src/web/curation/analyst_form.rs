//! `GET/POST /analysts/new` and `/analysts/{slug}/edit`: an analyst's form (a firm's analyst,
//! or an internal reviewer without firm); a saved analyst (audited) leads to the directory.

use super::flow::{FormPage, change, every_field, saved, show, stored, submit};
use super::{Options, opt_slug, optional, respond, see_other, slug};
use crate::domain::Line;
use crate::store::curation::analyst::{
    AnalystValues, StoredAnalyst, create_analyst, stored_analyst, update_analyst,
};
use crate::store::curation::directory::analyst_directory;
use crate::web::curate::{FieldErrors, check};
use crate::web::error::PageError;
use crate::web::identity::{Nav, Principal};
use crate::web::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::{Deserialize, Serialize};

/// The analyst form as submitted (a missing field is empty; an empty firm is internal).
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct AnalystForm {
    pub slug: String,
    pub name: String,
    pub firm: String,
    pub title: String,
}

impl AnalystForm {
    /// The form filled with a stored analyst, as the edit page shows it.
    pub(crate) fn of(a: StoredAnalyst) -> AnalystForm {
        AnalystForm {
            slug: a.slug,
            name: a.name,
            firm: a.firm.unwrap_or_default(),
            title: a.title.unwrap_or_default(),
        }
    }

    /// Every field validated, or every wrong field's message.
    pub fn values(&self) -> Result<AnalystValues, FieldErrors> {
        let mut errors = FieldErrors::default();
        let slug = slug(&mut errors, "slug", &self.slug);
        let name = check(&mut errors, "name", Line::parse(self.name.trim()));
        let firm = opt_slug(&mut errors, "firm", &self.firm);
        let title = optional::<Line>(&mut errors, "title", &self.title);
        every_field!(errors => AnalystValues { slug, name, firm, title })
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

impl FormPage for AnalystForm {
    /// The analyst edited (their slug); `None` for a new one.
    type Context = Option<String>;

    async fn page(
        self,
        nav: Nav,
        state: &AppState,
        editing: Option<String>,
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
            form: self,
            errors,
            firms,
        };
        respond(&page, status)
    }
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
    show(nav, &state, None, form).await
}

/// `POST /analysts/new`.
pub async fn new_submit(
    nav: Nav,
    principal: Principal,
    state: web::Data<AppState>,
    form: web::Form<AnalystForm>,
) -> Result<HttpResponse, PageError> {
    let form = form.into_inner();
    let values = form.values();
    submit(nav, &state, None, form, values, async |values| {
        let outcome = change(&state, &principal, move |c, by| {
            create_analyst(c, &by.actor, &values, by.now)
        })
        .await?;
        saved(outcome, |_| see_other("/analysts".to_owned()))
    })
    .await
}

/// `GET /analysts/{slug}/edit`.
pub async fn edit_form(
    nav: Nav,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let slug = slug.into_inner();
    let form = AnalystForm::of(stored(&state, &slug, stored_analyst).await?);
    show(nav, &state, Some(slug), form).await
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
    stored(&state, &slug, stored_analyst).await?;
    let form = AnalystForm {
        slug: slug.clone(),
        ..form.into_inner()
    };
    let values = form.values();
    let target = slug.clone();
    submit(nav, &state, Some(slug), form, values, async |values| {
        let outcome = change(&state, &principal, move |c, by| {
            update_analyst(c, &by.actor, &target, &values, by.now)
        })
        .await?;
        saved(outcome, |_| see_other("/analysts".to_owned()))
    })
    .await
}

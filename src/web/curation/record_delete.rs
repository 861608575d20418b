//! Deleting a dependency, an analyst firm, an analyst or an assessment: `GET .../delete` asks
//! for confirmation or names what still references the record; `POST` deletes it or refuses (409).

use super::dependency_form::dependency_id;
use super::flow::{Change, change, delete_page};
use super::score_report::score_changes;
use super::see_other;
use crate::store::curation::analyst::{analyst_references, delete_analyst, stored_analyst};
use crate::store::curation::assessment::{
    assessment_references, delete_assessment, stored_assessment,
};
use crate::store::curation::delete::Reference;
use crate::store::curation::dependency::{
    delete_dependency, dependency_references, stored_dependency,
};
use crate::store::curation::firm::{delete_firm, firm_references, stored_firm};
use crate::store::{DbConnection, StoreError};
use crate::web::error::PageError;
use crate::web::identity::{Nav, Principal};
use crate::web::state::AppState;
use actix_web::{HttpResponse, web};
use askama::Template;

/// The record a delete is about, as its URL names it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Target {
    Dependency(i32),
    Firm(String),
    Analyst(String),
    Assessment(String),
}

/// The record as the page shows it, and what references it.
#[derive(Debug, Clone)]
pub struct Doomed {
    /// The page title's message (`$name`).
    pub title: &'static str,
    pub name: String,
    /// Where the form posts.
    pub action: String,
    /// The page to go back to.
    pub back: String,
    pub references: Vec<Reference>,
}

fn doomed(conn: &mut DbConnection, target: &Target) -> Result<Doomed, StoreError> {
    Ok(match target {
        Target::Dependency(id) => {
            let d = stored_dependency(conn, *id)?;
            let consumer = d.consumer.as_ref().map(|c| c.name.clone());
            Doomed {
                title: if consumer.is_some() {
                    "dep-delete-title"
                } else {
                    "dep-delete-title-ours"
                },
                name: format!("{} → {}", consumer.unwrap_or_default(), d.product.name),
                action: format!("/dependencies/{id}/delete"),
                back: format!("/vendors/{}", d.vendor_slug()),
                references: dependency_references(conn, *id)?,
            }
        }
        Target::Firm(slug) => {
            let f = stored_firm(conn, slug)?;
            Doomed {
                title: "firm-delete-title",
                name: f.name,
                action: format!("/analyst-firms/{slug}/delete"),
                back: "/analysts".to_owned(),
                references: firm_references(conn, f.id)?,
            }
        }
        Target::Analyst(slug) => {
            let a = stored_analyst(conn, slug)?;
            Doomed {
                title: "analyst-delete-title",
                name: a.name,
                action: format!("/analysts/{slug}/delete"),
                back: "/analysts".to_owned(),
                references: analyst_references(conn, a.id)?,
            }
        }
        Target::Assessment(slug) => {
            let a = stored_assessment(conn, slug)?;
            Doomed {
                title: "assess-delete-title",
                name: a.slug,
                action: format!("/assessments/{slug}/delete"),
                back: a.page,
                references: assessment_references(conn, a.id)?,
            }
        }
    })
}

#[derive(Template)]
#[template(path = "curation/record_delete.html")]
pub struct RecordDeletePage {
    pub nav: Nav,
    pub doomed: Doomed,
    /// Whether this page answers a refused delete.
    pub refused: bool,
}

/// The page about deleting the record: the confirmation (200) or the refusal (409).
fn answer(nav: Nav, doomed: Doomed, refused: bool) -> Result<HttpResponse, PageError> {
    let page = RecordDeletePage {
        nav,
        doomed,
        refused,
    };
    delete_page(&page, refused)
}

async fn confirm(nav: Nav, state: &AppState, target: Target) -> Result<HttpResponse, PageError> {
    let doomed = state.run(move |c| doomed(c, &target)).await?;
    answer(nav, doomed, false)
}

/// Deletes the record; `Ok(where to go next)` or `Err(what references it)`.
fn delete(
    conn: &mut DbConnection,
    by: &Change,
    target: &Target,
) -> Result<Result<String, Vec<Reference>>, StoreError> {
    let (actor, now) = (&by.actor, by.now);
    Ok(match target {
        Target::Dependency(id) => {
            let back = format!("/vendors/{}", stored_dependency(conn, *id)?.vendor_slug());
            delete_dependency(conn, actor, *id, by.scoring(), now)?
                .map(|r| score_changes(r.report, &back))
        }
        Target::Firm(slug) => delete_firm(conn, actor, slug, now)?.map(|()| "/analysts".to_owned()),
        Target::Analyst(slug) => {
            delete_analyst(conn, actor, slug, now)?.map(|()| "/analysts".to_owned())
        }
        Target::Assessment(slug) => delete_assessment(conn, actor, slug, by.scoring(), now)?
            .map(|(r, page)| score_changes(r.report, &page)),
    })
}

async fn submit(
    nav: Nav,
    principal: Principal,
    state: web::Data<AppState>,
    target: Target,
) -> Result<HttpResponse, PageError> {
    let work = target.clone();
    let outcome = change(&state, &principal, move |c, by| delete(c, by, &work)).await?;
    match outcome {
        Ok(next) => Ok(see_other(next)),
        Err(_) => {
            let doomed = state.run(move |c| doomed(c, &target)).await?;
            answer(nav, doomed, true)
        }
    }
}

/// `GET /dependencies/{id}/delete`.
pub async fn dependency_confirm(
    nav: Nav,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let id = dependency_id(&id)?;
    confirm(nav, &state, Target::Dependency(id)).await
}

/// `POST /dependencies/{id}/delete`.
pub async fn dependency_delete(
    nav: Nav,
    principal: Principal,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let id = dependency_id(&id)?;
    submit(nav, principal, state, Target::Dependency(id)).await
}

/// `GET /analyst-firms/{slug}/delete`.
pub async fn firm_confirm(
    nav: Nav,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    confirm(nav, &state, Target::Firm(slug.into_inner())).await
}

/// `POST /analyst-firms/{slug}/delete`.
pub async fn firm_delete(
    nav: Nav,
    principal: Principal,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    submit(nav, principal, state, Target::Firm(slug.into_inner())).await
}

/// `GET /analysts/{slug}/delete`.
pub async fn analyst_confirm(
    nav: Nav,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    confirm(nav, &state, Target::Analyst(slug.into_inner())).await
}

/// `POST /analysts/{slug}/delete`.
pub async fn analyst_delete(
    nav: Nav,
    principal: Principal,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    submit(nav, principal, state, Target::Analyst(slug.into_inner())).await
}

/// `GET /assessments/{slug}/delete`.
pub async fn assessment_confirm(
    nav: Nav,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    confirm(nav, &state, Target::Assessment(slug.into_inner())).await
}

/// `POST /assessments/{slug}/delete`.
pub async fn assessment_delete(
    nav: Nav,
    principal: Principal,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    submit(nav, principal, state, Target::Assessment(slug.into_inner())).await
}

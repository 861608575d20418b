//! `GET/POST /incidents/{slug}/edit` (the incident form, filled; the scores refreshed and the
//! incident's page reports what changed) and `GET/POST /incidents/{slug}/delete`.

use super::delete::DeletePage;
use super::incident_form::{IncidentForm, MAX_ROWS, page};
use super::outcome::report;
use super::{refused_into, respond, see_other};
use crate::store::curation::incident_delete::{delete_incident, incident_delete_check};
use crate::store::curation::incident_edit::{stored_incident, update_incident};
use crate::store::curation::lookup::Choice;
use crate::store::pack::seed::import_time;
use crate::web::curate::FieldErrors;
use crate::web::error::{PageError, WebError};
use crate::web::identity::{Nav, Principal};
use crate::web::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};

/// The incident being edited: its slug and stored title.
async fn editing(state: &AppState, slug: String) -> Result<(Choice, IncidentForm), PageError> {
    let stored = state.run(move |c| stored_incident(c, &slug)).await?;
    if stored.values.involvements.len() > MAX_ROWS {
        return Err(WebError::Conflict(format!(
            "this incident has more involvements than the form holds ({MAX_ROWS}): \
             change it with a knowledge pack"
        ))
        .into());
    }
    let choice = Choice {
        slug: stored.values.slug.to_string(),
        name: stored.values.title.to_string(),
    };
    Ok((choice, IncidentForm::of(&stored)))
}

/// `GET /incidents/{slug}/edit`: the form, filled with the stored incident.
pub async fn edit_form(
    nav: Nav,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let (choice, form) = editing(&state, slug.into_inner()).await?;
    page(
        nav,
        &state,
        Some(choice),
        form,
        FieldErrors::default(),
        StatusCode::OK,
    )
    .await
}

/// `POST /incidents/{slug}/edit`: saves a valid form (audited, rescored) and goes to the
/// incident's page, which reports the score changes; an invalid one comes back (400).
pub async fn edit_submit(
    nav: Nav,
    principal: Principal,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, PageError> {
    let slug = slug.into_inner();
    let (choice, _) = editing(&state, slug.clone()).await?;
    let mut form = IncidentForm::from_pairs(form.into_inner());
    form.slug = slug.clone();
    let values = match form.values() {
        Ok(values) => values,
        Err(errors) => {
            return page(
                nav,
                &state,
                Some(choice),
                form,
                errors,
                StatusCode::BAD_REQUEST,
            )
            .await;
        }
    };
    let actor = principal.actor();
    let config = state.scoring.clone();
    let today = chrono::Utc::now().date_naive();
    let target = slug.clone();
    let outcome = state
        .run(move |c| update_incident(c, &actor, &target, &values, &config, today, import_time()))
        .await?;
    match outcome {
        Ok(Some(_)) => Ok(see_other(format!("/incidents/{slug}?recorded=1"))),
        Ok(None) => Ok(see_other(format!("/incidents/{slug}"))),
        Err(refused) => {
            let mut errors = FieldErrors::default();
            refused_into(&mut errors, refused);
            page(
                nav,
                &state,
                Some(choice),
                form,
                errors,
                StatusCode::BAD_REQUEST,
            )
            .await
        }
    }
}

fn delete_page(
    nav: Nav,
    check: crate::store::curation::delete::DeleteCheck,
    refused: bool,
) -> DeletePage {
    DeletePage {
        nav,
        kind: "incident",
        action: format!("/incidents/{}/delete", check.slug),
        back: format!("/incidents/{}", check.slug),
        check,
        refused,
    }
}

/// `GET /incidents/{slug}/delete`: asks for confirmation, or names what references it.
pub async fn delete_confirm(
    nav: Nav,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let slug = slug.into_inner();
    let check = state.run(move |c| incident_delete_check(c, &slug)).await?;
    respond(&delete_page(nav, check, false), StatusCode::OK)
}

/// `POST /incidents/{slug}/delete`: deletes it (audited, rescored) and reports the score
/// changes; refused (409) while anything references it.
pub async fn delete_submit(
    nav: Nav,
    principal: Principal,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let slug = slug.into_inner();
    let actor = principal.actor();
    let config = state.scoring.clone();
    let today = chrono::Utc::now().date_naive();
    let (check, changes) = state
        .run(move |c| delete_incident(c, &actor, &slug, &config, today, import_time()))
        .await?;
    match changes {
        Some(changes) => report(
            nav,
            ("curation-incident-deleted", check.name),
            ("/incidents".to_owned(), "curation-back-incidents"),
            changes,
        ),
        None => respond(&delete_page(nav, check, true), StatusCode::CONFLICT),
    }
}

//! `GET/POST /incidents/{slug}/edit` (the incident form, filled; the scores refreshed and the
//! incident's page reports what changed) and `GET/POST /incidents/{slug}/delete`.

use super::delete::DeletePage;
use super::flow::{change, saved, show, stored, submit};
use super::incident_form::{IncidentForm, MAX_ROWS};
use super::outcome::report;
use super::see_other;
use crate::store::curation::delete::DeleteCheck;
use crate::store::curation::incident_delete::{delete_incident, incident_delete_check};
use crate::store::curation::incident_edit::{stored_incident, update_incident};
use crate::store::curation::lookup::Choice;
use crate::web::error::{PageError, WebError};
use crate::web::identity::{Nav, Principal};
use crate::web::state::AppState;
use actix_web::{HttpResponse, web};

/// The incident being edited: its slug and stored title.
async fn editing(state: &AppState, slug: String) -> Result<(Choice, IncidentForm), PageError> {
    let stored = stored(state, &slug, stored_incident).await?;
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
    show(nav, &state, Some(choice), form).await
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
    let values = form.values();
    submit(nav, &state, Some(choice), form, values, async |values| {
        let target = slug.clone();
        let outcome = change(&state, &principal, move |c, by| {
            update_incident(c, &by.actor, &target, &values, &by.config, by.today, by.now)
        })
        .await?;
        saved(outcome, |changed| match changed {
            Some(_) => see_other(format!("/incidents/{slug}?recorded=1")),
            None => see_other(format!("/incidents/{slug}")),
        })
    })
    .await
}

/// The page about deleting the incident: back to the incident.
fn delete_page(nav: Nav, check: DeleteCheck, refused: bool) -> Result<HttpResponse, PageError> {
    let back = format!("/incidents/{}", check.slug);
    DeletePage::answer(nav, "incident", check, back, refused)
}

/// `GET /incidents/{slug}/delete`: asks for confirmation, or names what references it.
pub async fn delete_confirm(
    nav: Nav,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let slug = slug.into_inner();
    let check = state.run(move |c| incident_delete_check(c, &slug)).await?;
    delete_page(nav, check, false)
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
    let (check, changes) = change(&state, &principal, move |c, by| {
        delete_incident(c, &by.actor, &slug, &by.config, by.today, by.now)
    })
    .await?;
    match changes {
        Some(changes) => report(
            nav,
            ("curation-incident-deleted", check.name),
            ("/incidents".to_owned(), "curation-back-incidents"),
            changes,
        ),
        None => delete_page(nav, check, true),
    }
}

//! `GET/POST /incidents/new`: records an incident with its involvements (blank rows ignored);
//! the scores are refreshed with it and its page reports what changed.

use super::flow::{self, change, saved, show};
use super::incident_form::IncidentForm;
use super::{note_taken, see_other};
use crate::store::curation::incident::record_incident;
use crate::store::curation::lookup::SlugOf;
use crate::web::error::PageError;
use crate::web::identity::{Nav, Principal};
use crate::web::state::AppState;
use actix_web::{HttpResponse, web};

/// `GET /incidents/new`.
pub async fn form(nav: Nav, state: web::Data<AppState>) -> Result<HttpResponse, PageError> {
    show(nav, &state, None, IncidentForm::blank()).await
}

/// `POST /incidents/new`: records a valid incident and goes to its page, which reports the
/// score changes; an invalid one comes back with its messages (400), nothing written.
pub async fn submit(
    nav: Nav,
    principal: Principal,
    state: web::Data<AppState>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, PageError> {
    let form = IncidentForm::from_pairs(form.into_inner());
    let values = note_taken(&state, SlugOf::Incident, &form.slug, form.values()).await?;
    flow::submit(nav, &state, None, form, values, async |values| {
        let slug = values.slug.to_string();
        let outcome = change(&state, &principal, move |c, by| {
            record_incident(c, &by.actor, &values, &by.config, by.today, by.now)
        })
        .await?;
        saved(outcome, |_| {
            see_other(format!("/incidents/{slug}?recorded=1"))
        })
    })
    .await
}

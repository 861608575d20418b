//! `GET/POST /incidents/new`: records an incident with its involvements (blank rows ignored);
//! the scores are refreshed with it and its page reports what changed.

use super::incident_form::{IncidentForm, page};
use super::{note_taken, refused_into, see_other};
use crate::store::curation::incident::record_incident;
use crate::store::curation::lookup::SlugOf;
use crate::store::pack::seed::import_time;
use crate::web::curate::FieldErrors;
use crate::web::error::PageError;
use crate::web::identity::{Nav, Principal};
use crate::web::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};

/// `GET /incidents/new`.
pub async fn form(nav: Nav, state: web::Data<AppState>) -> Result<HttpResponse, PageError> {
    let form = IncidentForm::blank();
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

/// `POST /incidents/new`: records a valid incident and goes to its page, which reports the
/// score changes; an invalid one comes back with its messages (400), nothing written.
pub async fn submit(
    nav: Nav,
    principal: Principal,
    state: web::Data<AppState>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, PageError> {
    let form = IncidentForm::from_pairs(form.into_inner());
    let values = match form.values() {
        Ok(values) => values,
        Err(mut errors) => {
            note_taken(&state, &mut errors, SlugOf::Incident, &form.slug).await?;
            return page(nav, &state, None, form, errors, StatusCode::BAD_REQUEST).await;
        }
    };
    let actor = principal.actor();
    let config = state.scoring.clone();
    let today = chrono::Utc::now().date_naive();
    let slug = values.slug.to_string();
    let outcome = state
        .run(move |c| record_incident(c, &actor, &values, &config, today, import_time()))
        .await?;
    match outcome {
        Ok(_) => Ok(see_other(format!("/incidents/{slug}?recorded=1"))),
        Err(refused) => {
            let mut errors = FieldErrors::default();
            refused_into(&mut errors, refused);
            page(nav, &state, None, form, errors, StatusCode::BAD_REQUEST).await
        }
    }
}

//! `POST /reviews/{id}/conditions/{cid}`: a condition's follow-up (open, met, waived),
//! audited; back to the review's page. An unknown status is a bad request.

use crate::domain::ConditionStatus;
use crate::store::reviews::condition::set_condition_status;
use crate::web::curation::flow::change;
use crate::web::curation::see_other;
use crate::web::error::{PageError, WebError};
use crate::web::identity::Principal;
use crate::web::state::AppState;
use actix_web::{HttpResponse, web};
use serde::{Deserialize, Serialize};

/// The status chosen.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct StatusForm {
    pub status: String,
}

/// `POST /reviews/{id}/conditions/{cid}`.
pub async fn submit(
    principal: Principal,
    state: web::Data<AppState>,
    path: web::Path<(i32, i32)>,
    form: web::Form<StatusForm>,
) -> Result<HttpResponse, PageError> {
    let (review, condition) = path.into_inner();
    let status: ConditionStatus = form
        .status
        .trim()
        .parse()
        .map_err(|e: crate::domain::UnknownValue| WebError::BadRequest(e.to_string()))?;
    change(&state, &principal, move |c, by| {
        set_condition_status(c, &by.actor, (review, condition), status, by.now)
    })
    .await?;
    Ok(see_other(format!("/reviews/{review}")))
}

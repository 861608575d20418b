//! `GET /reviews/{id}/report.pdf`: the vendor report frozen at the review's decision, with
//! the decision on its cover, as a PDF; an open review has no report yet (404).

use crate::report::render_pdf;
use crate::store::reviews::read::review;
use crate::web::error::{PageError, WebError};
use crate::web::identity::Nav;
use crate::web::state::AppState;
use actix_web::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use actix_web::{HttpResponse, web};

/// `GET /reviews/{id}/report.pdf`.
pub async fn pdf(
    nav: Nav,
    state: web::Data<AppState>,
    id: web::Path<i32>,
) -> Result<HttpResponse, PageError> {
    let id = id.into_inner();
    let review = state.run(move |c| review(c, id)).await?;
    let report = review
        .snapshot
        .and_then(|s| s.report)
        .ok_or_else(|| WebError::NotFound(format!("review {id} has no frozen report yet")))?;
    let lang = nav.lang;
    let bytes = web::block(move || render_pdf(&report, lang))
        .await
        .map_err(|e| WebError::Internal(e.to_string()))?
        .map_err(|e| WebError::Internal(e.to_string()))?;
    Ok(HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "application/pdf"))
        .insert_header((
            CONTENT_DISPOSITION,
            format!("inline; filename=\"review-{id}.pdf\""),
        ))
        .body(bytes))
}

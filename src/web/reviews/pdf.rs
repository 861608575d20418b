//! `GET /reviews/{id}/report.pdf`: the vendor report frozen at the review's decision, with
//! the decision on its cover, as a PDF; an open review has no report yet (404).

use crate::store::reviews::read::review;
use crate::web::error::{PageError, WebError};
use crate::web::identity::Nav;
use crate::web::report::pdf_answer;
use crate::web::state::AppState;
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
    Ok(pdf_answer(report, nav.lang, &format!("review-{id}.pdf")).await?)
}

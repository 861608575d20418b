//! `GET /reviews/{id}`: a review's subject, facts, status and conditions; once decided, the
//! snapshot frozen at the decision (never today's evidence); while open, the decision form.

use super::decide::DecisionForm;
use crate::domain::accounts::Permission;
use crate::domain::{ConditionStatus, ReviewDecision};
use crate::store::reviews::read::{ReviewView, review};
use crate::web::curate::FieldErrors;
use crate::web::curation::flow::{FormPage, show};
use crate::web::curation::{Options, enum_options, respond};
use crate::web::error::PageError;
use crate::web::identity::Nav;
use crate::web::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;

#[derive(Template)]
#[template(path = "reviews/show.html")]
pub struct ReviewPage {
    pub nav: Nav,
    pub review: ReviewView,
    /// The reader may decide and follow up conditions.
    pub reviewer: bool,
    pub form: DecisionForm,
    pub errors: FieldErrors,
    pub decisions: Options,
    pub statuses: Options,
}

impl ReviewPage {
    /// An amount in minor units as major units with two decimals.
    pub fn amount(&self, minor: &i64) -> String {
        crate::i18n::format_decimal(self.nav.lang, *minor as f64 / 100.0, 2)
    }
}

impl FormPage for DecisionForm {
    /// The review's id.
    type Context = i32;

    async fn page(
        self,
        nav: Nav,
        state: &AppState,
        id: i32,
        errors: FieldErrors,
        status: StatusCode,
    ) -> Result<HttpResponse, PageError> {
        let review = state.run(move |c| review(c, id)).await?;
        let reviewer = nav
            .user
            .as_ref()
            .is_some_and(|u| u.role.may(Permission::Review));
        let lang = nav.lang;
        let page = ReviewPage {
            nav,
            review,
            reviewer,
            form: self,
            errors,
            decisions: enum_options(
                lang,
                ReviewDecision::ALL,
                ReviewDecision::as_str,
                ReviewDecision::message_id,
            ),
            statuses: enum_options(
                lang,
                ConditionStatus::ALL,
                ConditionStatus::as_str,
                ConditionStatus::message_id,
            ),
        };
        respond(&page, status)
    }
}

/// `GET /reviews/{id}`.
pub async fn page(
    nav: Nav,
    state: web::Data<AppState>,
    id: web::Path<i32>,
) -> Result<HttpResponse, PageError> {
    show(nav, &state, id.into_inner(), DecisionForm::default()).await
}

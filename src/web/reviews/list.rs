//! `GET /reviews`: open reviews, decided reviews due for re-review and overdue conditions,
//! one section at a time (`?view=open|due|overdue`); due means within 30 days.

use crate::store::reviews::read::{ConditionView, ReviewView, all_reviews};
use crate::web::curation::respond;
use crate::web::error::PageError;
use crate::web::identity::Nav;
use crate::web::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use chrono::NaiveDate;
use serde::Deserialize;

/// A decided review is listed as due for re-review this many days ahead.
pub const DUE_WITHIN_DAYS: u64 = 30;

/// Which section is shown.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    pub view: String,
}

/// An overdue condition with the review it belongs to.
pub struct Overdue {
    pub condition: ConditionView,
    pub subject: String,
}

#[derive(Template)]
#[template(path = "reviews/list.html")]
pub struct ReviewsPage {
    pub nav: Nav,
    /// `open`, `due` or `overdue`.
    pub view: &'static str,
    pub today: NaiveDate,
    pub reviews: Vec<ReviewView>,
    pub overdue: Vec<Overdue>,
}

/// `GET /reviews`.
pub async fn list(
    nav: Nav,
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, PageError> {
    let today = chrono::Utc::now().date_naive();
    let all = state.run(all_reviews).await?;
    let horizon = today + chrono::Days::new(DUE_WITHIN_DAYS);
    let view = match query.view.as_str() {
        "due" => "due",
        "overdue" => "overdue",
        _ => "open",
    };
    let overdue = all
        .iter()
        .flat_map(|r| {
            r.conditions
                .iter()
                .filter(|c| c.status == crate::domain::ConditionStatus::Open && c.due_on < today)
                .map(|c| Overdue {
                    condition: c.clone(),
                    subject: r.subject_name().to_owned(),
                })
        })
        .collect();
    let reviews = all
        .into_iter()
        .filter(|r| match view {
            "due" => r.re_review_on.is_some_and(|d| d <= horizon),
            "open" => r.is_open(),
            _ => false,
        })
        .collect();
    let page = ReviewsPage {
        nav,
        view,
        today,
        reviews,
        overdue,
    };
    respond(&page, StatusCode::OK)
}

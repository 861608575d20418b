//! `GET /score-changes/{id}`: after a dependency or an assessment was saved or deleted, the
//! scores before and after (the rescore record `id` of the audit trail), and the way back.

use super::respond;
use crate::domain::Slug;
use crate::store::curation::rescore::ScoreChange;
use crate::store::curation::score_report::{
    ASSESSMENT_RESCORE, DEPENDENCY_RESCORE, ScoreReport, score_report,
};
use crate::web::error::{PageError, WebError};
use crate::web::identity::Nav;
use crate::web::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

/// `?back=/vendors/{slug}` or `/incidents/{slug}`: the page to go back to.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct BackQuery {
    pub back: Option<String>,
}

impl BackQuery {
    /// The page to go back to, when it is a vendor's or an incident's (nothing else is
    /// linked: the address comes from the query string).
    fn page(&self) -> Option<String> {
        let back = self.back.as_deref()?;
        let (collection, slug) = back.strip_prefix('/')?.split_once('/')?;
        let known = matches!(collection, "vendors" | "incidents");
        (known && Slug::parse(slug).is_ok()).then(|| back.to_owned())
    }
}

/// The address of the report of the rescore record `report`, going back to `back`.
pub(crate) fn score_changes(report: i32, back: &str) -> String {
    format!("/score-changes/{report}?back={back}")
}

#[derive(Template)]
#[template(path = "curation/score_report.html")]
pub struct ScoreReportPage {
    pub nav: Nav,
    pub report: ScoreReport,
    /// The message naming the kind of record changed.
    pub what: &'static str,
    /// What `curation/score_changes.html` shows.
    pub recorded: Option<Vec<ScoreChange>>,
    pub back: Option<String>,
}

/// `GET /score-changes/{id}`; any other audit record, or an id that is not a number, is not
/// found.
pub async fn show(
    nav: Nav,
    state: web::Data<AppState>,
    id: web::Path<String>,
    query: web::Query<BackQuery>,
) -> Result<HttpResponse, PageError> {
    let raw = id.into_inner();
    let id: i32 = raw
        .parse()
        .map_err(|_| WebError::NotFound(format!("no score report {raw}")))?;
    let report = state.run(move |c| score_report(c, id)).await?;
    let what = match report.entity.as_str() {
        DEPENDENCY_RESCORE => "report-what-dependency",
        ASSESSMENT_RESCORE => "report-what-assessment",
        _ => "report-what-incident",
    };
    let page = ScoreReportPage {
        nav,
        recorded: Some(report.changes.clone()),
        report,
        what,
        back: query.page(),
    };
    respond(&page, StatusCode::OK)
}

//! The page that reports what a delete (or an edit of a remediation without an incident)
//! changed in the scores, when there is no record page left to report it.

use super::respond;
use crate::store::curation::rescore::ScoreChange;
use crate::web::error::PageError;
use crate::web::identity::Nav;
use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use askama::Template;

#[derive(Template)]
#[template(path = "curation/outcome.html")]
pub struct OutcomePage {
    pub nav: Nav,
    /// The heading, a catalogue message id with `$name`.
    pub title_id: &'static str,
    pub name: String,
    /// The page to go on to, and its link's catalogue message id.
    pub back: String,
    pub back_id: &'static str,
    /// The score changes (always shown).
    pub recorded: Option<Vec<ScoreChange>>,
}

/// Renders the report (200).
pub fn report(
    nav: Nav,
    (title_id, name): (&'static str, String),
    (back, back_id): (String, &'static str),
    changes: Vec<ScoreChange>,
) -> Result<HttpResponse, PageError> {
    let page = OutcomePage {
        nav,
        title_id,
        name,
        back,
        back_id,
        recorded: Some(changes),
    };
    respond(&page, StatusCode::OK)
}

//! `GET /analysts`: the analyst directory, every firm with its analysts and the internal
//! reviewers, with the links to add, edit and delete them for those who may curate.

use super::respond;
use crate::store::curation::directory::{FirmEntry, analyst_directory};
use crate::web::error::PageError;
use crate::web::identity::Nav;
use crate::web::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;

#[derive(Template)]
#[template(path = "curation/analysts.html")]
pub struct AnalystsPage {
    pub nav: Nav,
    pub firms: Vec<FirmEntry>,
    /// Whether the reader may curate (the add, edit and delete links).
    pub curate: bool,
}

/// `GET /analysts`.
pub async fn list(nav: Nav, state: web::Data<AppState>) -> Result<HttpResponse, PageError> {
    let firms = state.run(analyst_directory).await?;
    let curate = nav.user.as_ref().is_some_and(|u| u.curate);
    let page = AnalystsPage { nav, firms, curate };
    respond(&page, StatusCode::OK)
}

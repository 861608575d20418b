//! `/alerts`: the reader's alert inbox, unread first then newest, paged; marking one alert or
//! all of them read. Another reader's alert is 404.

use crate::store::alerts::Alert;
use crate::store::alerts::inbox::{AlertFilter, alerts_of, mark_all_read, set_read, unread_count};
use crate::store::pack::seed::import_time;
use crate::store::queries::PageRequest;
use crate::web::account::path_id;
use crate::web::curation::{respond, see_other};
use crate::web::error::PageError;
use crate::web::identity::{Nav, Principal};
use crate::web::pages::{PageQuery, Pager};
use crate::web::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;

#[derive(Template)]
#[template(path = "watchlists/inbox.html")]
pub struct InboxPage {
    pub nav: Nav,
    pub alerts: Vec<Alert>,
    pub unread: i64,
    pub pager: Pager,
}

/// `GET /alerts`.
pub async fn inbox(
    nav: Nav,
    state: web::Data<AppState>,
    principal: Principal,
    query: web::Query<PageQuery>,
) -> Result<HttpResponse, PageError> {
    let owner = principal.account.id;
    let page = query.page.unwrap_or(1).max(1);
    let size = PageRequest::DEFAULT_LIMIT;
    let request = PageRequest::new(Some(size), Some((page - 1).saturating_mul(size)));
    let (list, unread) = state
        .run(move |c| {
            Ok((
                alerts_of(c, owner, AlertFilter::default(), request)?,
                unread_count(c, owner)?,
            ))
        })
        .await?;
    let pager = Pager {
        page,
        pages: ((list.total + size - 1) / size).max(1),
        total: list.total,
    };
    let body = InboxPage {
        nav,
        alerts: list.items,
        unread,
        pager,
    };
    respond(&body, StatusCode::OK)
}

/// `POST /alerts/{id}/read`.
pub async fn read_one(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let id = path_id(&id, "alert")?;
    let (owner, now) = (principal.account.id, import_time());
    state
        .run(move |c| set_read(c, owner, id, true, now))
        .await?;
    Ok(see_other("/alerts".into()))
}

/// `POST /alerts/read-all`.
pub async fn read_all(
    state: web::Data<AppState>,
    principal: Principal,
) -> Result<HttpResponse, PageError> {
    let (owner, now) = (principal.account.id, import_time());
    state
        .run(move |c| mark_all_read(c, owner, None, now))
        .await?;
    Ok(see_other("/alerts".into()))
}

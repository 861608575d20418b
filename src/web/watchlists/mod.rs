//! Watchlists in the browser: each reader's own lists (create, delete), their items, rules
//! and webhook (`show`), and the alert inbox (`inbox`). Someone else's list or alert is 404.

pub mod forms;
pub mod inbox;
pub mod show;

use crate::domain::Slug;
use crate::i18n::Message;
use crate::store::alerts::Watchlist;
use crate::store::alerts::inbox::unread_count;
use crate::store::alerts::watchlists::{create_watchlist, delete_watchlist, watchlists_of};
use crate::store::pack::seed::import_time;
use crate::web::account::path_id;
use crate::web::curation::{respond, see_other};
use crate::web::error::PageError;
use crate::web::identity::{Nav, Principal};
use crate::web::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use forms::NameForm;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "watchlists/list.html")]
pub struct WatchlistsPage {
    pub nav: Nav,
    pub watchlists: Vec<Watchlist>,
    pub unread: i64,
    /// The name field as typed, and what is wrong with it.
    pub name: String,
    pub name_error: Option<Message>,
    /// A vendor or product to add to a list (`?watch=vendor&slug=…` from its page).
    pub watch: Option<(&'static str, Slug)>,
}

/// `?watch=vendor|product&slug=…`: the "Watch" link of a vendor or product.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct WatchQuery {
    pub watch: String,
    pub slug: String,
}

impl WatchQuery {
    fn target(&self) -> Option<(&'static str, Slug)> {
        let kind = match self.watch.as_str() {
            "vendor" => "vendor",
            "product" => "product",
            _ => return None,
        };
        Slug::parse(self.slug.as_str()).ok().map(|s| (kind, s))
    }
}

async fn list_page(
    nav: Nav,
    state: &AppState,
    owner: i32,
    (name, name_error): (String, Option<Message>),
    status: StatusCode,
) -> Result<HttpResponse, PageError> {
    list_page_watching(nav, state, owner, (name, name_error, None), status).await
}

async fn list_page_watching(
    nav: Nav,
    state: &AppState,
    owner: i32,
    (name, name_error, watch): (String, Option<Message>, Option<(&'static str, Slug)>),
    status: StatusCode,
) -> Result<HttpResponse, PageError> {
    let (watchlists, unread) = state
        .run(move |c| Ok((watchlists_of(c, owner)?, unread_count(c, owner)?)))
        .await?;
    let page = WatchlistsPage {
        nav,
        watchlists,
        unread,
        name,
        name_error,
        watch,
    };
    respond(&page, status)
}

/// `GET /watchlists`: the reader's watchlists and the form creating one; with `?watch=`,
/// a button per list adding that vendor or product to it.
pub async fn list(
    nav: Nav,
    state: web::Data<AppState>,
    principal: Principal,
    query: web::Query<WatchQuery>,
) -> Result<HttpResponse, PageError> {
    let owner = principal.account.id;
    let parts = (String::new(), None, query.target());
    list_page_watching(nav, &state, owner, parts, StatusCode::OK).await
}

/// `POST /watchlists`: a new watchlist, then its page; a bad or taken name comes back (400).
pub async fn create(
    nav: Nav,
    state: web::Data<AppState>,
    principal: Principal,
    form: web::Form<NameForm>,
) -> Result<HttpResponse, PageError> {
    let owner = principal.account.id;
    let form = form.into_inner();
    let name = match form.values() {
        Ok(name) => name,
        Err(errors) => {
            let error = errors.get("name").cloned();
            let parts = (form.name, error);
            return list_page(nav, &state, owner, parts, StatusCode::BAD_REQUEST).await;
        }
    };
    let (actor, now) = (principal.actor(), import_time());
    let made = state
        .run(move |c| create_watchlist(c, &actor, owner, &name, now))
        .await?;
    match made {
        Ok(id) => Ok(see_other(format!("/watchlists/{id}"))),
        Err(refused) => {
            let error = refused.0.into_iter().next().map(|(_, m)| m);
            let parts = (form.name, error);
            list_page(nav, &state, owner, parts, StatusCode::BAD_REQUEST).await
        }
    }
}

/// `POST /watchlists/{id}/delete`: the list, its alerts and deliveries go.
pub async fn delete(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let id = path_id(&id, "watchlist")?;
    let (actor, owner, now) = (principal.actor(), principal.account.id, import_time());
    state
        .run(move |c| delete_watchlist(c, &actor, owner, id, now))
        .await?;
    Ok(see_other("/watchlists".into()))
}

//! `/watchlists/{id}`: one of the reader's watchlists — what it watches, its rules, its
//! webhook (URL and signing secret) and the delivery log — with the forms changing them.

use super::forms::{ItemForm, NameForm, RuleForm, WebhookForm};
use crate::domain::{DeliveryStatus, WatchRuleKind};
use crate::i18n::Message;
use crate::store::alerts::deliveries::deliveries_of;
use crate::store::alerts::inbox::{AlertFilter, alerts_of};
use crate::store::alerts::watchlists::{
    RemovePart, WatchlistDetail, add_item, add_rule, clear_webhook, regenerate_secret, remove_item,
    remove_rule, rename_watchlist, set_webhook, watchlist,
};
use crate::store::alerts::{Alert, Delivery};
use crate::store::curation::Checked;
use crate::store::pack::seed::import_time;
use crate::store::queries::PageRequest;
use crate::store::{DbConnection, StoreError};
use crate::web::account::path_id;
use crate::web::curate::FieldErrors;
use crate::web::curation::{refused, respond, see_other};
use crate::web::error::{PageError, WebError};
use crate::web::identity::{Nav, Principal};
use crate::web::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

/// Deliveries shown in the log, and alerts in the list's recent alerts.
const SHOWN: i64 = 20;

#[derive(Template)]
#[template(path = "watchlists/show.html")]
pub struct WatchlistPage {
    pub nav: Nav,
    pub d: WatchlistDetail,
    pub alerts: Vec<Alert>,
    pub deliveries: Vec<Delivery>,
    pub kinds: &'static [WatchRuleKind],
    pub notice: Option<Message>,
    pub errors: FieldErrors,
    /// The forms' fields as typed.
    pub typed: Typed,
}

/// What the forms held when they come back with errors.
#[derive(Debug, Default)]
pub struct Typed {
    pub item_kind: String,
    pub item_slug: String,
    pub rule_kind: String,
    pub threshold: String,
    pub url: String,
    pub name: String,
}

impl WatchlistPage {
    /// Whether a delivery is still to be sent.
    pub fn pending(&self, d: &Delivery) -> bool {
        d.status == DeliveryStatus::Pending
    }
}

async fn page(
    nav: Nav,
    state: &AppState,
    (owner, id): (i32, i32),
    (notice, errors, typed): (Option<Message>, FieldErrors, Typed),
    status: StatusCode,
) -> Result<HttpResponse, PageError> {
    let (d, alerts, deliveries) = state
        .run(move |c| {
            let d = watchlist(c, owner, id)?;
            let shown = PageRequest::new(Some(SHOWN), None);
            let alerts = alerts_of(c, owner, AlertFilter::of_watchlist(id), shown)?;
            Ok((d, alerts.items, deliveries_of(c, id, shown)?.items))
        })
        .await?;
    let page = WatchlistPage {
        nav,
        d,
        alerts,
        deliveries,
        kinds: WatchRuleKind::ALL,
        notice,
        errors,
        typed,
    };
    respond(&page, status)
}

/// `?done=` after a change.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct DoneQuery {
    pub done: String,
}

/// `GET /watchlists/{id}`.
pub async fn show(
    nav: Nav,
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<String>,
    query: web::Query<DoneQuery>,
) -> Result<HttpResponse, PageError> {
    let id = path_id(&id, "watchlist")?;
    let notice = match query.done.as_str() {
        "" => None,
        "webhook" => Some(Message::new("watch-done-webhook")),
        "secret" => Some(Message::new("watch-done-secret")),
        "webhook-removed" => Some(Message::new("watch-done-webhook-removed")),
        _ => Some(Message::new("watch-done")),
    };
    let key = (principal.account.id, id);
    let parts = (notice, FieldErrors::default(), Typed::default());
    page(nav, &state, key, parts, StatusCode::OK).await
}

type Change = Box<dyn FnOnce(&mut DbConnection) -> Result<Checked<()>, StoreError> + Send>;

/// Runs a checked change of the reader's watchlist `id`: on success back to its page with
/// `done`; refused, the page again (400) with the messages and what was typed.
async fn apply(
    nav: Nav,
    state: &AppState,
    (owner, id): (i32, i32),
    (change, done): (Change, &str),
    typed: Typed,
) -> Result<HttpResponse, PageError> {
    match state.run(change).await? {
        Ok(()) => Ok(see_other(format!("/watchlists/{id}?done={done}"))),
        Err(r) => {
            let parts = (None, refused(r), typed);
            page(nav, state, (owner, id), parts, StatusCode::BAD_REQUEST).await
        }
    }
}

/// `POST /watchlists/{id}/name`: renames the list; a bad or taken name comes back (400).
pub async fn rename_submit(
    nav: Nav,
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<String>,
    form: web::Form<NameForm>,
) -> Result<HttpResponse, PageError> {
    let id = path_id(&id, "watchlist")?;
    let key = (principal.account.id, id);
    let form = form.into_inner();
    let typed = Typed {
        name: form.name.clone(),
        ..Typed::default()
    };
    let name = match form.values() {
        Ok(name) => name,
        Err(errors) => {
            let parts = (None, errors, typed);
            return page(nav, &state, key, parts, StatusCode::BAD_REQUEST).await;
        }
    };
    let (actor, now) = (principal.actor(), import_time());
    let change: Change = Box::new(move |c| rename_watchlist(c, &actor, key, &name, now));
    apply(nav, &state, key, (change, "renamed"), typed).await
}

/// `POST /watchlists/{id}/items`.
pub async fn add_item_submit(
    nav: Nav,
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<String>,
    form: web::Form<ItemForm>,
) -> Result<HttpResponse, PageError> {
    let id = path_id(&id, "watchlist")?;
    let key = (principal.account.id, id);
    let form = form.into_inner();
    let typed = Typed {
        item_kind: form.kind.clone(),
        item_slug: form.slug.clone(),
        ..Typed::default()
    };
    let target = match form.target() {
        Ok(target) => target,
        Err(errors) => {
            let parts = (None, errors, typed);
            return page(nav, &state, key, parts, StatusCode::BAD_REQUEST).await;
        }
    };
    let (actor, now) = (principal.actor(), import_time());
    let change: Change = Box::new(move |c| add_item(c, &actor, key, &target, now));
    apply(nav, &state, key, (change, "item"), typed).await
}

/// `POST /watchlists/{id}/items/{item}/delete`.
pub async fn remove_item_submit(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, PageError> {
    let part = ("watch item", "item-removed");
    remove_part(&state, &principal, path.into_inner(), part, remove_item).await
}

/// Removes the part `(list, part)` of the reader's watchlist with `remove` (audited), and
/// goes back to the list saying `done`; a part or list of someone else's is 404.
async fn remove_part(
    state: &AppState,
    principal: &Principal,
    (id, part): (String, String),
    (what, done): (&'static str, &'static str),
    remove: RemovePart,
) -> Result<HttpResponse, PageError> {
    let (id, part) = (path_id(&id, "watchlist")?, path_id(&part, what)?);
    let (actor, key, now) = (principal.actor(), (principal.account.id, id), import_time());
    state
        .run(move |c| remove(c, &actor, key, part, now))
        .await?;
    Ok(see_other(format!("/watchlists/{id}?done={done}")))
}

/// `POST /watchlists/{id}/rules`.
pub async fn add_rule_submit(
    nav: Nav,
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<String>,
    form: web::Form<RuleForm>,
) -> Result<HttpResponse, PageError> {
    let id = path_id(&id, "watchlist")?;
    let key = (principal.account.id, id);
    let form = form.into_inner();
    let typed = Typed {
        rule_kind: form.kind.clone(),
        threshold: form.threshold.clone(),
        ..Typed::default()
    };
    let rule = match form.values() {
        Ok(rule) => rule,
        Err(errors) => {
            let parts = (None, errors, typed);
            return page(nav, &state, key, parts, StatusCode::BAD_REQUEST).await;
        }
    };
    let (actor, now) = (principal.actor(), import_time());
    let change: Change = Box::new(move |c| add_rule(c, &actor, key, rule, now));
    apply(nav, &state, key, (change, "rule"), typed).await
}

/// `POST /watchlists/{id}/rules/{rule}/delete`.
pub async fn remove_rule_submit(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, PageError> {
    let part = ("watch rule", "rule-removed");
    remove_part(&state, &principal, path.into_inner(), part, remove_rule).await
}

/// `POST /watchlists/{id}/webhook`: sets the URL (a secret is generated the first time).
pub async fn set_webhook_submit(
    nav: Nav,
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<String>,
    form: web::Form<WebhookForm>,
) -> Result<HttpResponse, PageError> {
    let id = path_id(&id, "watchlist")?;
    let key = (principal.account.id, id);
    let form = form.into_inner();
    let url = match form.values() {
        Ok(url) => url,
        Err(errors) => {
            let typed = Typed {
                url: form.url,
                ..Typed::default()
            };
            let parts = (None, errors, typed);
            return page(nav, &state, key, parts, StatusCode::BAD_REQUEST).await;
        }
    };
    let (actor, now) = (principal.actor(), import_time());
    state
        .run(move |c| set_webhook(c, &actor, key, (&url, false), now))
        .await?;
    Ok(see_other(format!("/watchlists/{id}?done=webhook")))
}

/// `POST /watchlists/{id}/webhook/secret`: a new signing secret for the same URL.
pub async fn regenerate_secret_submit(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let id = path_id(&id, "watchlist")?;
    let (actor, key, now) = (principal.actor(), (principal.account.id, id), import_time());
    state
        .run(move |c| regenerate_secret(c, &actor, key, now))
        .await?
        .map_err(|_| PageError(WebError::Invalid(Message::new("watch-err-no-webhook"))))?;
    Ok(see_other(format!("/watchlists/{id}?done=secret")))
}

/// `POST /watchlists/{id}/webhook/delete`: no more deliveries; pending ones fail.
pub async fn clear_webhook_submit(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let id = path_id(&id, "watchlist")?;
    let (actor, key, now) = (principal.actor(), (principal.account.id, id), import_time());
    state
        .run(move |c| clear_webhook(c, &actor, key, now))
        .await?;
    Ok(see_other(format!("/watchlists/{id}?done=webhook-removed")))
}

//! `/api/v1/watchlists`: the caller's own watchlists (another account's are 404) — created,
//! read, renamed, deleted — with their items, rules and webhook, by the pages' own checks.

use super::body::{JsonObject, overlay, with_shape_errors};
use super::curated::{page_of, path_number};
use super::doc::Op;
use super::etag::{check_if_match, etag_of, if_match};
use super::paging::{PAGING, list_response, page_request};
use super::params::QueryParams;
use super::records::{Failed, write};
use super::{ApiError, FieldErrors, WebError};
use crate::domain::{Line, WebUrl};
use crate::store::DbConnection;
use crate::store::alerts::payload::utc;
use crate::store::alerts::watchlists::{
    RemovePart, add_item, add_rule, clear_webhook, create_watchlist, delete_watchlist,
    regenerate_secret, remove_item, remove_rule, rename_watchlist, set_webhook, watchlist,
    watchlists_of,
};
use crate::store::alerts::{SubjectInfo, WatchRule, Watchlist};
use crate::store::curation::Checked;
use crate::web::curation::flow::Change;
use crate::web::curation::refused;
use crate::web::identity::Principal;
use crate::web::state::AppState;
use crate::web::watchlists::forms::{ItemForm, NameForm, RuleForm, check_name, check_url};
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, HttpResponseBuilder, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A watchlist in the list of the caller's watchlists.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct WatchlistSummary {
    pub id: i32,
    pub name: String,
    /// How many vendors and products it watches.
    pub items: i64,
    pub rules: i64,
    pub webhook_url: Option<String>,
    /// When it was created (UTC, RFC 3339).
    pub created_at: String,
}

impl WatchlistSummary {
    fn of(w: Watchlist) -> WatchlistSummary {
        WatchlistSummary {
            id: w.id,
            name: w.name,
            items: w.items,
            rules: w.rules,
            webhook_url: w.webhook_url,
            created_at: utc(w.created_at),
        }
    }
}

/// One watched vendor or product.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct WatchItemView {
    /// The item's number (to remove it).
    pub id: i32,
    pub subject: SubjectInfo,
}

/// Where a watchlist's alerts are sent, and the key their signature uses.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct WebhookView {
    pub url: String,
    /// The HMAC-SHA256 key of the `X-Trustkb-Signature-256` header (hex).
    pub secret: String,
}

/// A watchlist in full: what it watches, its rules and its webhook.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct WatchlistView {
    pub id: i32,
    pub name: String,
    /// When it was created (UTC, RFC 3339).
    pub created_at: String,
    pub items: Vec<WatchItemView>,
    pub rules: Vec<WatchRule>,
    /// Null while alerts stay in the inbox only.
    pub webhook: Option<WebhookView>,
}

/// What a watchlist's change takes; each field left out keeps its value.
#[derive(Debug, Default, Clone, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct WatchlistForm {
    /// The list's name, unique among your lists (at most 100 characters).
    pub name: String,
    /// Where alerts are sent (http or https); an empty string removes the webhook, and its
    /// pending deliveries fail.
    pub webhook_url: String,
    /// A new signing secret for the webhook (the old one stops working at once).
    pub regenerate_secret: bool,
}

/// The caller's watchlist `id` as the API shows it, with its ETag (a digest of all of it).
fn shown(c: &mut DbConnection, owner: i32, id: i32) -> Result<(WatchlistView, String), Failed> {
    let d = watchlist(c, owner, id)?;
    let webhook = match (d.watchlist.webhook_url, d.watchlist.webhook_secret) {
        (Some(url), Some(secret)) => Some(WebhookView { url, secret }),
        _ => None,
    };
    let view = WatchlistView {
        id: d.watchlist.id,
        name: d.watchlist.name,
        created_at: utc(d.watchlist.created_at),
        items: d
            .items
            .into_iter()
            .map(|i| WatchItemView {
                id: i.id,
                subject: i.subject,
            })
            .collect(),
        rules: d.rules,
        webhook,
    };
    let etag = etag_of(&view)?;
    Ok((view, etag))
}

fn answer(
    mut response: HttpResponseBuilder,
    (view, etag): (WatchlistView, String),
) -> HttpResponse {
    response.insert_header((header::ETAG, etag)).json(view)
}

/// A refused change's messages as the API's field errors (400).
fn checked<T>(outcome: Checked<T>) -> Result<T, Failed> {
    outcome.map_err(|r| Failed::Refused(WebError::Fields(refused(r))))
}

/// `GET /api/v1/watchlists`: the caller's watchlists, by name.
pub async fn list(
    req: HttpRequest,
    principal: Principal,
    state: web::Data<AppState>,
    query: QueryParams,
) -> Result<HttpResponse, ApiError> {
    query.check(&[PAGING])?;
    let request = page_request(&query)?;
    let owner = principal.account.id;
    let all = state.run(move |c| watchlists_of(c, owner)).await?;
    let all = all.into_iter().map(WatchlistSummary::of).collect();
    Ok(list_response(&req, page_of(all, request), request))
}

pub fn list_doc() -> Op {
    Op::new("watchlists", "List your watchlists")
        .describe("Your own watchlists only, by name; nobody else's are ever shown.")
        .params(&[PAGING])
        .returns_page::<WatchlistSummary>()
}

/// `POST /api/v1/watchlists`: a new, empty watchlist (201).
pub async fn create(
    principal: Principal,
    state: web::Data<AppState>,
    body: JsonObject,
) -> Result<HttpResponse, ApiError> {
    let (form, shape) = overlay(&NameForm::default(), &body)?;
    let (by, owner) = (Change::by(&state, &principal), principal.account.id);
    let shown = write(&state, move |c| {
        let name = with_shape_errors(shape, form.values()).map_err(WebError::Fields)?;
        let id = checked(create_watchlist(c, &by.actor, owner, &name, by.now)?)?;
        shown(c, owner, id)
    })
    .await?;
    let mut created = HttpResponse::Created();
    created.insert_header((
        header::LOCATION,
        format!("/api/v1/watchlists/{}", shown.0.id),
    ));
    Ok(answer(created, shown))
}

pub fn create_doc() -> Op {
    Op::new("watchlists", "Create a watchlist")
        .describe(
            "Takes `name`, unique among your lists. Answers 201 with the list, its Location \
             and its ETag; then add vendors or products, rules and a webhook.",
        )
        .body::<NameForm>()
        .returns::<WatchlistView>(201)
        .etag()
}

/// `GET /api/v1/watchlists/{id}`, with its ETag.
pub async fn read(
    req: HttpRequest,
    principal: Principal,
    state: web::Data<AppState>,
    query: QueryParams,
) -> Result<HttpResponse, ApiError> {
    query.check(&[])?;
    let (owner, id) = (principal.account.id, path_number(&req, "id", "watchlist")?);
    let shown = write(&state, move |c| shown(c, owner, id)).await?;
    Ok(answer(HttpResponse::Ok(), shown))
}

pub fn read_doc() -> Op {
    Op::new("watchlists", "Read one of your watchlists")
        .describe("With its items, rules and webhook (URL and signing secret).")
        .returns::<WatchlistView>(200)
        .etag()
}

/// A watchlist change, checked: the name, the webhook (none: removed) and whether to
/// regenerate the secret.
struct WatchlistChange {
    name: Line,
    webhook: Option<WebUrl>,
    regenerate: bool,
}

fn change_values(form: &WatchlistForm) -> Result<WatchlistChange, FieldErrors> {
    let mut errors = FieldErrors::default();
    let name = check_name(&form.name)
        .map_err(|m| errors.add("name", m))
        .ok();
    let webhook = match form.webhook_url.trim() {
        "" => Some(None),
        typed => check_url(typed)
            .map(Some)
            .map_err(|m| errors.add("webhook_url", m))
            .ok(),
    };
    match (name, webhook) {
        (Some(name), Some(webhook)) if errors.is_empty() => Ok(WatchlistChange {
            name,
            webhook,
            regenerate: form.regenerate_secret,
        }),
        _ => Err(errors),
    }
}

/// Applies a checked change to the caller's watchlist, each part audited as the pages do.
fn apply_change(
    c: &mut DbConnection,
    by: &Change,
    (owner, id): (i32, i32),
    before: &WatchlistView,
    change: WatchlistChange,
) -> Result<(), Failed> {
    let key = (owner, id);
    if change.name.as_str() != before.name {
        checked(rename_watchlist(c, &by.actor, key, &change.name, by.now)?)?;
    }
    let had = before.webhook.as_ref().map(|w| w.url.as_str());
    match (&change.webhook, had) {
        (None, Some(_)) if change.regenerate => {
            let mut errors = FieldErrors::default();
            errors.add(
                "regenerate_secret",
                crate::i18n::Message::new("watch-err-no-webhook"),
            );
            return Err(Failed::Refused(WebError::Fields(errors)));
        }
        (None, Some(_)) => clear_webhook(c, &by.actor, key, by.now)?,
        (Some(url), had) if had != Some(url.as_str()) => {
            set_webhook(c, &by.actor, key, (url, change.regenerate), by.now)?;
        }
        _ if change.regenerate => {
            checked(regenerate_secret(c, &by.actor, key, by.now)?)?;
        }
        _ => {}
    }
    Ok(())
}

/// `PATCH /api/v1/watchlists/{id}`: renames it, sets or removes its webhook, regenerates the
/// secret; `If-Match` must name the list as read.
pub async fn update(
    req: HttpRequest,
    principal: Principal,
    state: web::Data<AppState>,
    body: JsonObject,
) -> Result<HttpResponse, ApiError> {
    let (owner, id) = (principal.account.id, path_number(&req, "id", "watchlist")?);
    let if_match = if_match(&req)?;
    let by = Change::by(&state, &principal);
    let shown = write(&state, move |c| {
        let (before, current) = shown(c, owner, id)?;
        check_if_match(if_match.as_deref(), &current)?;
        let stored = WatchlistForm {
            name: before.name.clone(),
            webhook_url: before
                .webhook
                .as_ref()
                .map(|w| w.url.clone())
                .unwrap_or_default(),
            regenerate_secret: false,
        };
        let (form, shape) = overlay(&stored, &body)?;
        let change = with_shape_errors(shape, change_values(&form)).map_err(WebError::Fields)?;
        apply_change(c, &by, (owner, id), &before, change)?;
        shown(c, owner, id)
    })
    .await?;
    Ok(answer(HttpResponse::Ok(), shown))
}

pub fn update_doc() -> Op {
    Op::new("watchlists", "Rename a watchlist or set its webhook")
        .describe(
            "Changes the fields given and keeps the others: `name`; `webhook_url` (an empty \
             string removes the webhook, and its pending deliveries fail); \
             `regenerate_secret: true` for a new signing secret (a first webhook gets one). \
             Send the ETag you read as If-Match: 428 without it, 412 when the list changed \
             since. A refused body is a 400 listing every wrong field, and nothing is written.",
        )
        .body::<WatchlistForm>()
        .returns::<WatchlistView>(200)
        .etag()
        .if_match()
}

/// `DELETE /api/v1/watchlists/{id}` (204): with its items, rules, alerts and deliveries.
pub async fn delete(
    req: HttpRequest,
    principal: Principal,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    let (owner, id) = (principal.account.id, path_number(&req, "id", "watchlist")?);
    let if_match = if_match(&req)?;
    let by = Change::by(&state, &principal);
    write(&state, move |c| {
        let (_, current) = shown(c, owner, id)?;
        check_if_match(if_match.as_deref(), &current)?;
        Ok(delete_watchlist(c, &by.actor, owner, id, by.now)?)
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

pub fn delete_doc() -> Op {
    Op::new("watchlists", "Delete a watchlist")
        .describe(
            "Deletes the list with its items, rules, alerts and pending deliveries (204). \
             Send its ETag as If-Match.",
        )
        .no_content()
        .if_match()
}

/// A check and store function adding one part (an item, a rule) from its form to an owner's
/// watchlist, given the body's keys that did not fit the form.
type AddPart<F> = fn(&mut DbConnection, &Change, (i32, i32), &F, FieldErrors) -> Result<(), Failed>;

/// Adds a part (an item, a rule) from the body, laid over its form, to the caller's watchlist; `If-Match`,
/// when sent, must name the list as read. Answers the list as it now is.
async fn add_part<F>(
    req: HttpRequest,
    principal: Principal,
    state: web::Data<AppState>,
    body: JsonObject,
    add: AddPart<F>,
) -> Result<HttpResponse, ApiError>
where
    F: Serialize + serde::de::DeserializeOwned + Default + ToSchema + Send + 'static,
{
    let (owner, id) = (principal.account.id, path_number(&req, "id", "watchlist")?);
    let if_match = if_match(&req)?;
    let by = Change::by(&state, &principal);
    let shown = write(&state, move |c| {
        let (_, current) = shown(c, owner, id)?;
        if if_match.is_some() {
            check_if_match(if_match.as_deref(), &current)?;
        }
        let (form, shape) = overlay(&F::default(), &body)?;
        add(c, &by, (owner, id), &form, shape)?;
        shown(c, owner, id)
    })
    .await?;
    Ok(answer(HttpResponse::Ok(), shown))
}

fn item_added(
    c: &mut DbConnection,
    by: &Change,
    key: (i32, i32),
    form: &ItemForm,
    shape: FieldErrors,
) -> Result<(), Failed> {
    let target = with_shape_errors(shape, form.target()).map_err(WebError::Fields)?;
    checked(add_item(c, &by.actor, key, &target, by.now)?)
}

fn rule_added(
    c: &mut DbConnection,
    by: &Change,
    key: (i32, i32),
    form: &RuleForm,
    shape: FieldErrors,
) -> Result<(), Failed> {
    let rule = with_shape_errors(shape, form.values()).map_err(WebError::Fields)?;
    checked(add_rule(c, &by.actor, key, rule, by.now)?)
}

/// `POST /api/v1/watchlists/{id}/items`: watches a vendor or a product.
pub async fn add_item_to(
    req: HttpRequest,
    principal: Principal,
    state: web::Data<AppState>,
    body: JsonObject,
) -> Result<HttpResponse, ApiError> {
    add_part(req, principal, state, body, item_added).await
}

pub fn add_item_doc() -> Op {
    Op::new("watchlists", "Watch a vendor or a product")
        .describe(
            "Takes `kind` (vendor or product) and `slug`. Answers the list as it now is, with \
             its new ETag; an unknown record, or one the list already watches, is a 400. \
             If-Match is optional here; when sent, it must name the list as read (412).",
        )
        .body::<ItemForm>()
        .returns::<WatchlistView>(200)
        .etag()
}

/// `POST /api/v1/watchlists/{id}/rules`: a rule alerting on the list's items.
pub async fn add_rule_to(
    req: HttpRequest,
    principal: Principal,
    state: web::Data<AppState>,
    body: JsonObject,
) -> Result<HttpResponse, ApiError> {
    add_part(req, principal, state, body, rule_added).await
}

pub fn add_rule_doc() -> Op {
    Op::new("watchlists", "Add an alert rule to a watchlist")
        .describe(
            "Takes `kind`: score_below or score_drop with a `threshold` from 1 to 100 (the \
             score under which it fires, or the points a drop must reach), or grade_change, \
             new_incident, new_assessment without one. The same rule twice is a 400. Answers \
             the list as it now is, with its new ETag; If-Match is optional, checked when sent.",
        )
        .body::<RuleForm>()
        .returns::<WatchlistView>(200)
        .etag()
}

/// Removes the part the path's `part` names with `remove`; `If-Match` must name the list.
async fn remove_part(
    req: HttpRequest,
    principal: Principal,
    state: web::Data<AppState>,
    (part, kind): (&str, &'static str),
    remove: RemovePart,
) -> Result<HttpResponse, ApiError> {
    let (owner, id) = (principal.account.id, path_number(&req, "id", "watchlist")?);
    let part = path_number(&req, part, kind)?;
    let if_match = if_match(&req)?;
    let by = Change::by(&state, &principal);
    let shown = write(&state, move |c| {
        let (_, current) = shown(c, owner, id)?;
        check_if_match(if_match.as_deref(), &current)?;
        remove(c, &by.actor, (owner, id), part, by.now)?;
        shown(c, owner, id)
    })
    .await?;
    Ok(answer(HttpResponse::Ok(), shown))
}

/// `DELETE /api/v1/watchlists/{id}/items/{item}`.
pub async fn remove_item_from(
    req: HttpRequest,
    principal: Principal,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    let part = ("item", "watch item");
    remove_part(req, principal, state, part, remove_item).await
}

pub fn remove_item_doc() -> Op {
    Op::new("watchlists", "Stop watching a vendor or a product")
        .describe(
            "Answers the list as it now is, with its new ETag. Send the list's ETag as \
             If-Match (428 without it, 412 when stale).",
        )
        .returns::<WatchlistView>(200)
        .etag()
        .if_match()
}

/// `DELETE /api/v1/watchlists/{id}/rules/{rule}`: its past alerts stay.
pub async fn remove_rule_from(
    req: HttpRequest,
    principal: Principal,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    let part = ("rule", "watch rule");
    remove_part(req, principal, state, part, remove_rule).await
}

pub fn remove_rule_doc() -> Op {
    Op::new("watchlists", "Remove an alert rule")
        .describe(
            "The alerts it raised stay. Answers the list as it now is, with its new ETag. \
             Send the list's ETag as If-Match (428 without it, 412 when stale).",
        )
        .returns::<WatchlistView>(200)
        .etag()
        .if_match()
}

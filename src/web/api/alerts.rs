//! `/api/v1/alerts`: the caller's alert inbox (another account's alerts are 404) — listed
//! unread first, read one by one, marked read or unread, and marked read in bulk.

use super::body::{JsonObject, overlay, with_shape_errors};
use super::curated::path_number;
use super::doc::Op;
use super::etag::{check_if_match, etag_of, if_match};
use super::paging::{PAGING, list_response, page_request};
use super::params::{Param, QueryParams};
use super::products::unknown_filter;
use super::records::{Failed, write};
use super::{ApiError, FieldErrors, WebError};
use crate::i18n::Message;
use crate::store::DbConnection;
use crate::store::alerts::inbox::{
    AlertFilter, alert, alerts_of, mark_all_read, set_read, unread_count,
};
use crate::store::alerts::payload::{AlertDocument, utc};
use crate::store::alerts::watchlists::watchlist;
use crate::store::{StoreError, pack::seed::import_time};
use crate::web::identity::Principal;
use crate::web::state::AppState;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// An alert as the inbox holds it: the webhook's alert document, and when it was read.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AlertView {
    #[serde(flatten)]
    pub alert: AlertDocument,
    /// When it was first read (UTC, RFC 3339); null while unread.
    pub read_at: Option<String>,
}

impl AlertView {
    fn of(a: &crate::store::alerts::Alert) -> AlertView {
        AlertView {
            alert: AlertDocument::of(a),
            read_at: a.read_at.map(utc),
        }
    }
}

/// What an alert's change takes.
#[derive(Debug, Default, Clone, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct AlertForm {
    /// true marks it read (it keeps its first reading time); false, unread again.
    pub read: bool,
}

/// What marking alerts read in bulk takes.
// No `serde(default)`: the document then lists `up_to` as required.
#[derive(Debug, Default, Clone, Serialize, Deserialize, ToSchema)]
pub struct MarkReadForm {
    /// The newest alert you have seen (its id): every unread alert up to it is marked read,
    /// and one raised since stays unread.
    #[schema(value_type = i32, minimum = 0)]
    pub up_to: String,
}

/// What marking alerts read in bulk did.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MarkedRead {
    /// How many alerts it marked read.
    pub marked: i64,
    /// How many of your alerts are still unread.
    pub unread: i64,
}

/// The inbox's filters.
pub const LIST_PARAMS: &[Param] = &[
    Param::integer(
        "watchlist",
        "Only the alerts of this watchlist of yours (its id).",
        1,
        i32::MAX as i64,
    ),
    Param::choice(
        "unread",
        "true: only the alerts not yet read; false or absent: all.",
        &["true", "false"],
    ),
];

/// `GET /api/v1/alerts`: unread first, then newest first.
pub async fn list(
    req: HttpRequest,
    principal: Principal,
    state: web::Data<AppState>,
    query: QueryParams,
) -> Result<HttpResponse, ApiError> {
    query.check(&[LIST_PARAMS, PAGING])?;
    let request = page_request(&query)?;
    let owner = principal.account.id;
    let filter = AlertFilter {
        watchlist: query
            .integer("watchlist")
            .and_then(|w| i32::try_from(w).ok()),
        unread_only: query.get("unread") == Some("true"),
    };
    let found = state
        .run(move |c| {
            if let Some(w) = filter.watchlist {
                match watchlist(c, owner, w) {
                    Err(StoreError::NotFound { .. }) => return Ok(None),
                    other => other?,
                };
            }
            alerts_of(c, owner, filter, request).map(Some)
        })
        .await?;
    let Some(page) = found else {
        let given = query.get("watchlist").unwrap_or_default();
        return Err(unknown_filter("watchlist", given));
    };
    let page = page.map(|a| AlertView::of(&a));
    Ok(list_response(&req, page, request))
}

pub fn list_doc() -> Op {
    Op::new("alerts", "List your alerts")
        .describe(
            "Your alert inbox: unread first, then newest first. Each alert is the document \
             its webhook delivery carries, with `read_at`. `total` with `unread=true` is your \
             unread count.",
        )
        .params(&[LIST_PARAMS, PAGING])
        .returns_page::<AlertView>()
}

/// The caller's alert `id` with its ETag (a digest of all of it).
fn shown(c: &mut DbConnection, owner: i32, id: i32) -> Result<(AlertView, String), Failed> {
    let view = AlertView::of(&alert(c, owner, id)?);
    let etag = etag_of(&view)?;
    Ok((view, etag))
}

fn answer((view, etag): (AlertView, String)) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::ETAG, etag))
        .json(view)
}

/// `GET /api/v1/alerts/{id}`, with its ETag.
pub async fn read(
    req: HttpRequest,
    principal: Principal,
    state: web::Data<AppState>,
    query: QueryParams,
) -> Result<HttpResponse, ApiError> {
    query.check(&[])?;
    let (owner, id) = (principal.account.id, path_number(&req, "id", "alert")?);
    Ok(answer(write(&state, move |c| shown(c, owner, id)).await?))
}

pub fn read_doc() -> Op {
    Op::new("alerts", "Read one of your alerts")
        .returns::<AlertView>(200)
        .etag()
}

/// `PATCH /api/v1/alerts/{id}`: marks it read or unread; `If-Match` must name it as read.
pub async fn update(
    req: HttpRequest,
    principal: Principal,
    state: web::Data<AppState>,
    body: JsonObject,
) -> Result<HttpResponse, ApiError> {
    let (owner, id) = (principal.account.id, path_number(&req, "id", "alert")?);
    let if_match = if_match(&req)?;
    let now = import_time();
    let shown = write(&state, move |c| {
        let (before, current) = shown(c, owner, id)?;
        check_if_match(if_match.as_deref(), &current)?;
        let stored = AlertForm {
            read: before.read_at.is_some(),
        };
        let (form, shape) = overlay(&stored, &body)?;
        with_shape_errors(shape, Ok(())).map_err(WebError::Fields)?;
        set_read(c, owner, id, form.read, now)?;
        shown(c, owner, id)
    })
    .await?;
    Ok(answer(shown))
}

pub fn update_doc() -> Op {
    Op::new("alerts", "Mark an alert read or unread")
        .describe(
            "Takes `read`: true or false. Send the ETag you read as If-Match: 428 without it, \
             412 when the alert changed since.",
        )
        .body::<AlertForm>()
        .returns::<AlertView>(200)
        .etag()
        .if_match()
}

/// The newest alert id the form names, or why it names none.
fn up_to(form: &MarkReadForm) -> Result<i32, FieldErrors> {
    let typed = form.up_to.trim();
    typed
        .parse::<i32>()
        .ok()
        .filter(|n| *n >= 0)
        .ok_or_else(|| {
            let mut errors = FieldErrors::default();
            errors.add(
                "up_to",
                Message::new("api-alert-up-to").with("value", typed),
            );
            errors
        })
}

/// `POST /api/v1/alerts/read`: marks read every unread alert up to the one given.
pub async fn mark_read(
    principal: Principal,
    state: web::Data<AppState>,
    body: JsonObject,
) -> Result<HttpResponse, ApiError> {
    let owner = principal.account.id;
    let now = import_time();
    let (form, shape) = overlay(&MarkReadForm::default(), &body)?;
    let last = with_shape_errors(shape, up_to(&form)).map_err(WebError::Fields)?;
    let done = write(&state, move |c| {
        let marked = mark_all_read(c, owner, Some(last), now)?;
        Ok(MarkedRead {
            marked: i64::try_from(marked).unwrap_or(i64::MAX),
            unread: unread_count(c, owner)?,
        })
    })
    .await?;
    Ok(HttpResponse::Ok().json(done))
}

pub fn mark_read_doc() -> Op {
    Op::new(
        "alerts",
        "Mark your alerts read, up to the newest you have seen",
    )
    .describe(
        "Takes `up_to`, the id of the newest alert you have seen: every unread alert of \
             yours up to it is marked read, so that one raised meanwhile is not missed. \
             Answers how many were marked and how many are still unread.",
    )
    .body::<MarkReadForm>()
    .returns::<MarkedRead>(200)
}

//! `/api/v1/watchlists/{id}/deliveries`: the webhook delivery log of one of the caller's
//! watchlists, newest first, each delivery with every attempt made.

use super::ApiError;
use super::curated::path_number;
use super::doc::Op;
use super::paging::{PAGING, list_response, page_request};
use super::params::QueryParams;
use crate::domain::DeliveryStatus;
use crate::store::alerts::Delivery;
use crate::store::alerts::deliveries::deliveries_of;
use crate::store::alerts::payload::utc;
use crate::store::alerts::watchlists::watchlist;
use crate::web::identity::Principal;
use crate::web::state::AppState;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Serialize;
use utoipa::ToSchema;

/// One attempt at a delivery.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AttemptView {
    /// UTC, RFC 3339.
    pub attempted_at: String,
    /// The receiver's HTTP status; null when no answer came.
    pub status_code: Option<i32>,
    pub error: Option<String>,
    pub duration_ms: i32,
}

/// One webhook delivery of an alert, with every attempt (the delivery log).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DeliveryView {
    pub id: i32,
    pub alert_id: i32,
    pub url: String,
    /// `alert.score_below`, ... (`X-Trustkb-Event`).
    pub event: String,
    pub status: DeliveryStatus,
    pub attempts: i32,
    /// UTC, RFC 3339.
    pub created_at: String,
    /// When the next attempt is due (UTC, RFC 3339); null once delivered or failed.
    pub next_attempt_at: Option<String>,
    pub last_status_code: Option<i32>,
    pub last_error: Option<String>,
    pub delivered_at: Option<String>,
    pub log: Vec<AttemptView>,
}

impl DeliveryView {
    fn of(d: Delivery) -> DeliveryView {
        let pending = d.status == DeliveryStatus::Pending;
        DeliveryView {
            id: d.id,
            alert_id: d.alert_id,
            url: d.url,
            event: d.event,
            status: d.status,
            attempts: d.attempts,
            created_at: utc(d.created_at),
            next_attempt_at: pending.then(|| utc(d.next_attempt_at)),
            last_status_code: d.last_status_code,
            last_error: d.last_error,
            delivered_at: d.delivered_at.map(utc),
            log: d
                .log
                .into_iter()
                .map(|a| AttemptView {
                    attempted_at: utc(a.attempted_at),
                    status_code: a.status_code,
                    error: a.error,
                    duration_ms: a.duration_ms,
                })
                .collect(),
        }
    }
}

/// `GET /api/v1/watchlists/{id}/deliveries`: the delivery log, newest first.
pub async fn list(
    req: HttpRequest,
    principal: Principal,
    state: web::Data<AppState>,
    query: QueryParams,
) -> Result<HttpResponse, ApiError> {
    query.check(&[PAGING])?;
    let request = page_request(&query)?;
    let (owner, id) = (principal.account.id, path_number(&req, "id", "watchlist")?);
    let page = state
        .run(move |c| {
            watchlist(c, owner, id)?;
            deliveries_of(c, id, request)
        })
        .await?;
    Ok(list_response(&req, page.map(DeliveryView::of), request))
}

pub fn list_doc() -> Op {
    Op::new("watchlists", "Read a watchlist's webhook delivery log")
        .describe(
            "Every delivery of the list's alerts, newest first, with each attempt: when, the \
             receiver's status or the error, and how long it took. A failed attempt is retried \
             after 30 s, doubling up to 1 h, 8 attempts in all.",
        )
        .params(&[PAGING])
        .returns_page::<DeliveryView>()
}

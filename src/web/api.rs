//! The read-only JSON API v1: vendors, incidents and sources, each record with its citations.
//! Errors are `application/problem+json`.

use super::error::{ApiError, WebError};
use super::identity::Principal;
use super::pages::AsOfQuery;
use super::state::AppState;
use crate::store::queries::PageRequest;
use crate::store::queries::incidents::{incident_detail, list_incidents};
use crate::store::queries::sources::{list_sources, source_detail};
use crate::store::queries::trust::vendor_detail_with_trust;
use crate::store::queries::vendors::list_vendors;
use actix_web::{HttpResponse, web};
use serde::Deserialize;

/// `?limit=&offset=` on list endpoints.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListQuery {
    pub limit: Option<i64>,
    pub offset: Option<i64>,
}

impl ListQuery {
    pub(super) fn page(&self) -> Result<PageRequest, ApiError> {
        if let Some(limit) = self.limit
            && !(1..=PageRequest::MAX_LIMIT).contains(&limit)
        {
            return Err(WebError::BadRequest(format!(
                "limit must be between 1 and {}",
                PageRequest::MAX_LIMIT
            ))
            .into());
        }
        if self.offset.is_some_and(|o| o < 0) {
            return Err(WebError::BadRequest("offset must not be negative".into()).into());
        }
        Ok(PageRequest::new(self.limit, self.offset))
    }
}

/// `GET /api/v1/me`: the account the token acts for.
pub async fn me(principal: Principal) -> HttpResponse {
    HttpResponse::Ok().json(serde_json::json!({
        "id": principal.account.id,
        "email": principal.account.email,
        "role": principal.account.role,
        "must_change_password": principal.account.must_change_password,
    }))
}

/// `GET /api/v1/vendors`.
pub async fn vendors(
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = query.page()?;
    let model = state.scoring.model_version.clone();
    let list = state.run(move |c| list_vendors(c, page, &model)).await?;
    Ok(HttpResponse::Ok().json(list))
}

/// `GET /api/v1/vendors/{slug}[?as_of=YYYY-MM-DD]`: the vendor with its `trust` object.
pub async fn vendor(
    state: web::Data<AppState>,
    slug: web::Path<String>,
    query: web::Query<AsOfQuery>,
) -> Result<HttpResponse, ApiError> {
    let slug = slug.into_inner();
    let as_of = query
        .as_of
        .unwrap_or_else(|| chrono::Utc::now().date_naive());
    let config = state.scoring.clone();
    let detail = state
        .run(move |c| vendor_detail_with_trust(c, &slug, as_of, &config))
        .await?;
    Ok(HttpResponse::Ok().json(detail))
}

/// `GET /api/v1/incidents`.
pub async fn incidents(
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = query.page()?;
    let list = state.run(move |c| list_incidents(c, page)).await?;
    Ok(HttpResponse::Ok().json(list))
}

/// `GET /api/v1/incidents/{slug}`.
pub async fn incident(
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let slug = slug.into_inner();
    let detail = state.run(move |c| incident_detail(c, &slug)).await?;
    Ok(HttpResponse::Ok().json(detail))
}

/// `GET /api/v1/sources`.
pub async fn sources(
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = query.page()?;
    let list = state.run(move |c| list_sources(c, page)).await?;
    Ok(HttpResponse::Ok().json(list))
}

/// `GET /api/v1/sources/{id}`.
pub async fn source(
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let raw = id.into_inner();
    let id: i32 = raw
        .parse()
        .map_err(|_| WebError::NotFound(format!("source \"{raw}\" not found")))?;
    let detail = state.run(move |c| source_detail(c, id)).await?;
    Ok(HttpResponse::Ok().json(detail))
}

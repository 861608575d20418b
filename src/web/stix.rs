//! `GET /api/v1/stix`, `/api/v1/vendors/{slug}/stix` and `/api/v1/incidents/{slug}/stix`:
//! the knowledge base, one vendor or one incident as a STIX 2.1 bundle (docs/stix.md).

use super::api::doc::Op;
use super::api::params::QueryParams;
use super::error::ApiError;
use super::state::AppState;
use crate::stix::{Scope, export_json};
use crate::store::StoreError;
use actix_web::{HttpResponse, web};

/// The STIX 2.1 media type.
const STIX_JSON: &str = "application/stix+json;version=2.1";

async fn bundle(state: &AppState, scope: Scope) -> Result<HttpResponse, ApiError> {
    let missing = match &scope {
        Scope::Vendor(slug) => StoreError::not_found("vendor", slug.clone()),
        Scope::Incident(slug) => StoreError::not_found("incident", slug.clone()),
        Scope::All => StoreError::not_found("knowledge base", ""),
    };
    let text = state
        .run(move |c| export_json(c, &scope)?.ok_or(missing))
        .await?;
    Ok(HttpResponse::Ok().content_type(STIX_JSON).body(text))
}

/// `GET /api/v1/stix`: the whole knowledge base.
pub async fn kb(state: web::Data<AppState>, query: QueryParams) -> Result<HttpResponse, ApiError> {
    query.check(&[])?;
    bundle(&state, Scope::All).await
}

/// `GET /api/v1/vendors/{slug}/stix`: one vendor and what concerns it.
pub async fn vendor(
    state: web::Data<AppState>,
    slug: web::Path<String>,
    query: QueryParams,
) -> Result<HttpResponse, ApiError> {
    query.check(&[])?;
    bundle(&state, Scope::Vendor(slug.into_inner())).await
}

/// `GET /api/v1/incidents/{slug}/stix`: one incident and what concerns it.
pub async fn incident(
    state: web::Data<AppState>,
    slug: web::Path<String>,
    query: QueryParams,
) -> Result<HttpResponse, ApiError> {
    query.check(&[])?;
    bundle(&state, Scope::Incident(slug.into_inner())).await
}

/// A STIX route described: a bundle of another media type than JSON.
fn doc(summary: &'static str) -> Op {
    Op::new("stix", summary).media(
        STIX_JSON,
        "A STIX 2.1 bundle (a JSON object of type `bundle` with its `objects`); see docs/stix.md.",
    )
}

pub fn kb_doc() -> Op {
    doc("The knowledge base as a STIX 2.1 bundle")
}

pub fn vendor_doc() -> Op {
    doc("A vendor and what concerns it as a STIX 2.1 bundle")
}

pub fn incident_doc() -> Op {
    doc("An incident and what concerns it as a STIX 2.1 bundle")
}

//! `/api/v1/scores`: every vendor's or product's trust score as of a day, as `trustkb score`
//! prints them; and one vendor's or product's score with its explanation.

use super::ApiError;
use super::doc::Op;
use super::paging::{PAGING, list_response, page_request};
use super::params::{AS_OF, Param, QueryParams};
use super::products::unknown_filter;
use crate::domain::scoring::{ScoreBook, Subject, TrustScore};
use crate::store::StoreError;
use crate::store::queries::Page;
use crate::store::queries::evidence::load_scoring_data;
use crate::store::queries::scores::{ScoreLine, score_knowledge_base};
use crate::web::state::AppState;
use actix_web::{HttpRequest, HttpResponse, web};

/// The score list's parameters.
pub const LIST_PARAMS: &[Param] = &[
    AS_OF,
    Param::choice(
        "kind",
        "Only vendors or only products (both, vendors first, when absent).",
        &["vendor", "product"],
    ),
    Param::text("vendor", "Only this vendor (a slug) and its products."),
];

/// `GET /api/v1/scores`: vendors then products, each by slug.
pub async fn list(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: QueryParams,
) -> Result<HttpResponse, ApiError> {
    query.check(&[LIST_PARAMS, PAGING])?;
    let request = page_request(&query)?;
    let as_of = query.as_of();
    let kind = query.get("kind").map(str::to_owned);
    let vendor = query.get("vendor").map(str::to_owned);
    let config = state.scoring.clone();
    let wanted = vendor.clone();
    let lines = state
        .run(move |c| {
            let scored = score_knowledge_base(c, as_of, &config)?;
            if let Some(slug) = &wanted
                && !scored.data.vendors.values().any(|(s, _)| s == slug)
            {
                return Ok(None);
            }
            Ok(Some(scored.lines(wanted.as_deref(), false)))
        })
        .await?
        .ok_or_else(|| unknown_filter("vendor", vendor.as_deref().unwrap_or_default()))?;
    let lines: Vec<ScoreLine> = lines
        .into_iter()
        .filter(|l| kind.as_deref().is_none_or(|k| k == l.kind))
        .collect();
    let total = lines.len() as i64;
    let items = lines
        .into_iter()
        .skip(usize::try_from(request.offset).unwrap_or(usize::MAX))
        .take(usize::try_from(request.limit).unwrap_or(0))
        .collect();
    Ok(list_response(&req, Page { items, total }, request))
}

pub fn list_doc() -> Op {
    Op::new("scores", "List trust scores as of a day")
        .describe(
            "Every vendor's and product's trust score as of `as_of` (today when absent), \
             computed from the evidence known that day: vendors first, then products, each \
             by slug.",
        )
        .params(&[LIST_PARAMS, PAGING])
        .returns_page::<ScoreLine>()
}

/// `GET /api/v1/{vendors|products}/{slug}/score`: the subject's score with its explanation.
async fn explained(
    state: web::Data<AppState>,
    query: QueryParams,
    slug: String,
    kind: &'static str,
) -> Result<HttpResponse, ApiError> {
    query.check(&[&[AS_OF]])?;
    let as_of = query.as_of();
    let config = state.scoring.clone();
    let score = state
        .run(move |c| {
            let data = load_scoring_data(c)?;
            let subject = match kind {
                "vendor" => data
                    .vendors
                    .iter()
                    .find(|(_, (s, _))| *s == slug)
                    .map(|(id, _)| Subject::Vendor(*id)),
                _ => data
                    .products
                    .iter()
                    .find(|(_, (s, _, _))| *s == slug)
                    .map(|(id, _)| Subject::Product(*id)),
            };
            let subject = subject.ok_or_else(|| StoreError::not_found(kind, slug.clone()))?;
            ScoreBook::new(&data.input, as_of, &config)
                .explain(subject)
                .ok_or_else(|| StoreError::not_found(kind, slug))
        })
        .await?;
    Ok(HttpResponse::Ok().json(score))
}

/// `GET /api/v1/vendors/{slug}/score`.
pub async fn vendor(
    state: web::Data<AppState>,
    query: QueryParams,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    explained(state, query, slug.into_inner(), "vendor").await
}

/// `GET /api/v1/products/{slug}/score`.
pub async fn product(
    state: web::Data<AppState>,
    query: QueryParams,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    explained(state, query, slug.into_inner(), "product").await
}

pub fn vendor_doc() -> Op {
    Op::new("scores", "A vendor's trust score as of a day, explained")
        .params(&[&[AS_OF]])
        .returns::<TrustScore>(200)
}

pub fn product_doc() -> Op {
    Op::new("scores", "A product's trust score as of a day, explained")
        .params(&[&[AS_OF]])
        .returns::<TrustScore>(200)
}

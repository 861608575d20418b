//! Recommendations on the web: the portfolio page and a product's page (askama), and the
//! same data as JSON under /api/v1. Thin handlers; an unknown product is a 404.

use super::api::doc::Op;
use super::api::paging::{PAGING, list_response, page_request};
use super::api::params::{AS_OF, QueryParams};
use super::error::{ApiError, PageError};
use super::filters;
use super::freshness::SeenGeneration;
use super::identity::Nav;
use super::pages::AsOfQuery;
use super::pages::Pager;
use super::recommendation_details::{AlternativeText, ControlText, alternative, control, excluded};
use super::recommendation_reasons::{RecommendationJson, reasons};
use super::state::AppState;
use crate::domain::recommend::{Portfolio, PortfolioPage};
use crate::domain::recommend::{Recommendation, UsageView};
use crate::store::StoreError;
use crate::store::pack::format::ORGANISATION_CONSUMER;
use crate::store::queries::{Page, PageRequest};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use chrono::NaiveDate;
use serde::Deserialize;
use std::sync::Arc;

fn date(query: &AsOfQuery) -> NaiveDate {
    query
        .as_of
        .unwrap_or_else(|| chrono::Utc::now().date_naive())
}

/// The portfolio decided as of `as_of`, kept by the server until the next change.
async fn portfolio(
    state: &AppState,
    as_of: NaiveDate,
) -> Result<Arc<Portfolio>, super::error::WebError> {
    let config = (state.scoring.clone(), state.recommendation.clone());
    let cache = state.scored.clone();
    state
        .run(move |c| cache.portfolio(c, as_of, (&config.0, &config.1)))
        .await
}

/// One page of the recommendations of every product in use on `as_of`.
async fn in_use(
    state: &AppState,
    as_of: NaiveDate,
    request: PageRequest,
) -> Result<PortfolioPage, super::error::WebError> {
    let (offset, limit) = request.slice();
    Ok(portfolio(state, as_of).await?.page(offset, limit))
}

async fn one(
    state: &AppState,
    slug: String,
    as_of: NaiveDate,
) -> Result<Recommendation, super::error::WebError> {
    portfolio(state, as_of)
        .await?
        .product(&slug)
        .ok_or_else(|| StoreError::not_found("product", slug).into())
}

/// `GET /api/v1/recommendations[?as_of=YYYY-MM-DD]`: every product in use on the date,
/// a page at a time.
pub async fn api_list(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: QueryParams,
) -> Result<HttpResponse, ApiError> {
    query.check(&[&[AS_OF], PAGING])?;
    let request = page_request(&query)?;
    let list = in_use(&state, query.as_of(), request).await?;
    let page = Page {
        items: list.items.iter().map(RecommendationJson::new).collect(),
        total: i64::try_from(list.total).unwrap_or(i64::MAX),
    };
    Ok(list_response(&req, page, request))
}

/// `GET /api/v1/products/{slug}/recommendation[?as_of=YYYY-MM-DD]`.
pub async fn api_product(
    state: web::Data<AppState>,
    slug: web::Path<String>,
    query: QueryParams,
) -> Result<HttpResponse, ApiError> {
    query.check(&[&[AS_OF]])?;
    let r = one(&state, slug.into_inner(), query.as_of()).await?;
    Ok(HttpResponse::Ok().json(RecommendationJson::new(&r)))
}

pub fn api_list_doc() -> Op {
    Op::new("recommendations", "Recommendations for the products in use")
        .describe(
            "Every product in use on `as_of` (today when absent), with its recommendation: \
             the most drastic decisions first, then by product slug, a page at a time.",
        )
        .params(&[&[AS_OF], PAGING])
        .returns_page::<RecommendationJson<'static>>()
}

pub fn api_product_doc() -> Op {
    Op::new("recommendations", "A product's recommendation")
        .params(&[&[AS_OF]])
        .returns::<RecommendationJson<'static>>(200)
}

#[derive(Template)]
#[template(path = "recommendations/list.html")]
pub struct RecommendationListPage {
    pub nav: Nav,
    /// This page's products needing action, the most drastic first.
    pub act: Vec<Recommendation>,
    /// This page's products to retain as they are.
    pub retain: Vec<Recommendation>,
    /// How many products need action, and how many are retained, on every page.
    pub act_total: usize,
    pub retain_total: usize,
    pub pager: Pager,
    pub today: NaiveDate,
    pub as_of_given: bool,
}

impl RecommendationListPage {
    /// Who uses a product, for the reader (our own organisation in their language).
    pub fn consumer_name(&self, usage: &UsageView) -> String {
        if usage.consumer == ORGANISATION_CONSUMER {
            crate::i18n::translate(self.nav.lang, "node-organisation", &[])
        } else {
            usage.consumer_name.clone()
        }
    }

    /// The parameters of another page of this list (`as_of` kept), ready for `page=N`.
    pub fn query(&self) -> String {
        if self.as_of_given {
            format!("as_of={}&", self.today)
        } else {
            String::new()
        }
    }
}

/// `?page=N&as_of=YYYY-MM-DD` on the portfolio's recommendations.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListQuery {
    pub as_of: Option<NaiveDate>,
    pub page: Option<i64>,
}

/// `GET /recommendations[?as_of=YYYY-MM-DD][&page=N]`: the portfolio, a page at a time.
pub async fn page_list(
    nav: Nav,
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
    seen: SeenGeneration,
) -> Result<HttpResponse, PageError> {
    let today = query
        .as_of
        .unwrap_or_else(|| chrono::Utc::now().date_naive());
    let as_of_given = query.as_of.is_some();
    let page = query.page.unwrap_or(1).max(1);
    let per = PageRequest::DEFAULT_LIMIT;
    let request = PageRequest::new(Some(per), Some((page - 1).saturating_mul(per)));
    let (scoring, config) = (state.scoring.clone(), state.recommendation.clone());
    let cache = state.scored.clone();
    let (offset, limit) = request.slice();
    let answer = state.page(&nav, seen, today, move |c, nav| {
        let list = cache
            .portfolio(c, today, (&scoring, &config))?
            .page(offset, limit);
        let (act, retain) = list
            .items
            .into_iter()
            .partition(Recommendation::needs_action);
        Ok(RecommendationListPage {
            nav,
            act,
            retain,
            act_total: list.needing_action,
            retain_total: list.total - list.needing_action,
            pager: Pager::of(page, per, list.total),
            today,
            as_of_given,
        })
    });
    Ok(answer.await?)
}

#[derive(Template, WebTemplate)]
#[template(path = "recommendations/show.html")]
pub struct RecommendationPage {
    pub nav: Nav,
    pub r: Recommendation,
    /// Why, in the reader's language.
    pub reasons: Vec<String>,
    /// The notes on each alternative, each control, and why each product was left out, in
    /// the reader's language (in the order of `r`'s lists).
    pub alternatives: Vec<AlternativeText>,
    pub controls: Vec<ControlText>,
    pub excluded: Vec<String>,
    pub today: NaiveDate,
    pub as_of_given: bool,
}

/// `GET /products/{slug}/recommendation[?as_of=YYYY-MM-DD]`.
pub async fn page_product(
    nav: Nav,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    query: web::Query<AsOfQuery>,
) -> Result<RecommendationPage, PageError> {
    let today = date(&query);
    let r = one(&state, slug.into_inner(), today).await?;
    let lang = nav.lang;
    Ok(RecommendationPage {
        reasons: reasons(lang, &r),
        alternatives: r
            .alternatives
            .iter()
            .map(|a| alternative(lang, a))
            .collect(),
        controls: r.controls.iter().map(|c| control(lang, c)).collect(),
        excluded: r.excluded.iter().map(|x| excluded(lang, x)).collect(),
        nav,
        r,
        today,
        as_of_given: query.as_of.is_some(),
    })
}

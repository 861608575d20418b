//! Recommendations on the web: the portfolio page and a product's page (askama), and the
//! same data as JSON under /api/v1. Thin handlers; an unknown product is a 404.

use super::api::doc::Op;
use super::api::params::{AS_OF, QueryParams};
use super::error::{ApiError, PageError};
use super::filters;
use super::identity::Nav;
use super::pages::AsOfQuery;
use super::recommendation_details::{AlternativeText, ControlText, alternative, control, excluded};
use super::recommendation_reasons::{RecommendationJson, reasons};
use super::state::AppState;
use crate::domain::recommend::{Recommendation, UsageView};
use crate::store::pack::format::ORGANISATION_CONSUMER;
use crate::store::queries::recommendations::{product_recommendation, recommendations_in_use};
use actix_web::{HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use chrono::NaiveDate;

fn date(query: &AsOfQuery) -> NaiveDate {
    query
        .as_of
        .unwrap_or_else(|| chrono::Utc::now().date_naive())
}

async fn in_use(
    state: &AppState,
    as_of: NaiveDate,
) -> Result<Vec<Recommendation>, super::error::WebError> {
    let scoring = state.scoring.clone();
    let config = state.recommendation.clone();
    state
        .run(move |c| recommendations_in_use(c, as_of, &scoring, &config))
        .await
}

async fn one(
    state: &AppState,
    slug: String,
    as_of: NaiveDate,
) -> Result<Recommendation, super::error::WebError> {
    let scoring = state.scoring.clone();
    let config = state.recommendation.clone();
    state
        .run(move |c| product_recommendation(c, &slug, as_of, &scoring, &config))
        .await
}

/// `GET /api/v1/recommendations[?as_of=YYYY-MM-DD]`: every product in use on the date.
pub async fn api_list(
    state: web::Data<AppState>,
    query: QueryParams,
) -> Result<HttpResponse, ApiError> {
    query.check(&[&[AS_OF]])?;
    let list = in_use(&state, query.as_of()).await?;
    let json: Vec<RecommendationJson> = list.iter().map(RecommendationJson::new).collect();
    Ok(HttpResponse::Ok().json(json))
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
        .describe("Every product in use on `as_of` (today when absent), with its recommendation.")
        .params(&[&[AS_OF]])
        .returns_array::<RecommendationJson<'static>>()
}

pub fn api_product_doc() -> Op {
    Op::new("recommendations", "A product's recommendation")
        .params(&[&[AS_OF]])
        .returns::<RecommendationJson<'static>>(200)
}

#[derive(Template, WebTemplate)]
#[template(path = "recommendations/list.html")]
pub struct RecommendationListPage {
    pub nav: Nav,
    /// Products needing action, the most drastic first.
    pub act: Vec<Recommendation>,
    /// Products to retain as they are.
    pub retain: Vec<Recommendation>,
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
}

/// `GET /recommendations[?as_of=YYYY-MM-DD]`.
pub async fn page_list(
    nav: Nav,
    state: web::Data<AppState>,
    query: web::Query<AsOfQuery>,
) -> Result<RecommendationListPage, PageError> {
    let today = date(&query);
    let list = in_use(&state, today).await?;
    let (act, retain) = list.into_iter().partition(Recommendation::needs_action);
    Ok(RecommendationListPage {
        nav,
        act,
        retain,
        today,
        as_of_given: query.as_of.is_some(),
    })
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

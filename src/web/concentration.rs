//! The concentration view: which products and suppliers many consumers rest on, with their
//! share of critical dependencies; a page (table and bar chart) and `GET /api/v1/concentration`.

use super::api::doc::Op;
use super::api::params::{AS_OF, QueryParams};
use super::blast_chart::{blast_href, href, node_name};
use super::error::{ApiError, PageError, WebError};
use super::identity::Nav;
use super::pages::AsOfQuery;
use super::state::AppState;
use crate::domain::blast::{ConcentrationRowView, ConcentrationView, NodeRef};
use crate::i18n::Lang;
use crate::store::queries::blast::concentration_in;
use actix_web::{HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use chrono::NaiveDate;

const BAR_MAX: f64 = 360.0;
const BAR_LEFT: f64 = 200.0;
const BAR_ROW: f64 = 26.0;
const BARS: usize = 10;

/// One bar: a product's share of the critical dependencies.
#[derive(Debug, Clone)]
pub struct Bar {
    pub y: f64,
    pub width: f64,
    pub label: String,
    /// Its share of the critical dependencies (0..=1) and its number of consumers.
    pub share: f64,
    pub consumers: usize,
}

/// A table row with its links.
#[derive(Debug, Clone)]
pub struct Row {
    pub r: ConcentrationRowView,
    pub href: Option<String>,
    pub blast_href: Option<String>,
    pub supplier: Option<(String, String)>,
    pub consumers: Vec<(String, Option<String>)>,
}

fn rows(lang: Lang, view: &ConcentrationView, list: &[ConcentrationRowView]) -> Vec<Row> {
    let vendor_name = |slug: &str| {
        view.vendors
            .iter()
            .map(|v| &v.node)
            .chain(list.iter().flat_map(|r| r.consumers.iter()))
            .find(|n| n.kind == crate::domain::blast::NodeKind::Vendor && n.slug == slug)
            .map_or_else(|| slug.to_owned(), |n| n.name.clone())
    };
    list.iter()
        .map(|r| Row {
            href: href(&r.node),
            blast_href: blast_href(&r.node),
            supplier: r
                .node
                .vendor
                .as_ref()
                .map(|v| (format!("/vendors/{v}"), vendor_name(v))),
            consumers: r
                .consumers
                .iter()
                .map(|c: &NodeRef| (node_name(lang, c), href(c)))
                .collect(),
            r: r.clone(),
        })
        .collect()
}

#[derive(Template, WebTemplate)]
#[template(path = "blast/concentration.html")]
pub struct ConcentrationPage {
    pub nav: Nav,
    pub as_of: NaiveDate,
    pub as_of_given: bool,
    pub total_dependencies: usize,
    pub total_critical: usize,
    pub products: Vec<Row>,
    pub vendors: Vec<Row>,
    pub bars: Vec<Bar>,
    pub chart_height: f64,
    pub bar_left: f64,
}

fn bars(view: &ConcentrationView) -> Vec<Bar> {
    view.products
        .iter()
        .take(BARS)
        .enumerate()
        .map(|(i, r)| Bar {
            y: 8.0 + i as f64 * BAR_ROW,
            width: (r.critical_share * BAR_MAX).max(2.0),
            label: r.node.name.chars().take(28).collect(),
            share: r.critical_share,
            consumers: r.consumer_count,
        })
        .collect()
}

/// The concentration on `as_of`, from the server's kept graph.
async fn load(state: &AppState, as_of: NaiveDate) -> Result<ConcentrationView, WebError> {
    let reads = state.scored.clone();
    state
        .run(move |c| {
            let graph = reads.blast_graph(c)?;
            Ok(concentration_in(&graph, as_of))
        })
        .await
}

/// `GET /concentration[?as_of=]`.
pub async fn page(
    nav: Nav,
    state: web::Data<AppState>,
    query: web::Query<AsOfQuery>,
) -> Result<ConcentrationPage, PageError> {
    let as_of = query
        .as_of
        .unwrap_or_else(|| chrono::Utc::now().date_naive());
    let view = load(&state, as_of).await?;
    let bars = bars(&view);
    let lang = nav.lang;
    Ok(ConcentrationPage {
        nav,
        as_of,
        as_of_given: query.as_of.is_some(),
        total_dependencies: view.total_dependencies,
        total_critical: view.total_critical,
        products: rows(lang, &view, &view.products),
        vendors: rows(lang, &view, &view.vendors),
        chart_height: 16.0 + bars.len() as f64 * BAR_ROW,
        bars,
        bar_left: BAR_LEFT,
    })
}

/// `GET /api/v1/concentration[?as_of=]`.
pub async fn api(state: web::Data<AppState>, query: QueryParams) -> Result<HttpResponse, ApiError> {
    query.check(&[&[AS_OF]])?;
    let as_of = query.as_of();
    let view = load(&state, as_of).await?;
    Ok(HttpResponse::Ok().json(view))
}

pub fn api_doc() -> Op {
    Op::new("concentration", "Concentration of the dependencies in use")
        .describe(
            "The products and vendors the dependencies in use on `as_of` (today when absent) \
             rest on, with their direct and transitive consumers and their share of the \
             critical dependencies.",
        )
        .params(&[&[AS_OF]])
        .returns::<ConcentrationView>(200)
}

//! The concentration view: which products and suppliers many consumers rest on, with their
//! share of critical dependencies; a page (bar chart, two paged tables) and the JSON API.

use super::api::doc::Op;
use super::api::paging::{PAGING, next_cursor, page_request, window_response};
use super::api::params::{AS_OF, QueryParams};
use super::blast_chart::{blast_href, href, node_name};
use super::error::{ApiError, PageError, WebError};
use super::identity::Nav;
use super::pages::Pager;
use super::state::AppState;
use crate::domain::blast::{ConcentrationRowView, ConcentrationView, NodeRef};
use crate::i18n::Lang;
use crate::store::queries::PageRequest;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How many rows of each table a page shows.
const PER_PAGE: i64 = PageRequest::DEFAULT_LIMIT;

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

fn rows(lang: Lang, list: &[ConcentrationRowView]) -> Vec<Row> {
    list.iter()
        .map(|r| Row {
            href: href(&r.node),
            blast_href: blast_href(&r.node),
            supplier: r
                .supplier
                .as_ref()
                .map(|v| (format!("/vendors/{}", v.slug), v.name.clone())),
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
    pub product_pager: Pager,
    pub vendor_pager: Pager,
    pub bars: Vec<Bar>,
    pub chart_height: f64,
    pub bar_left: f64,
}

impl ConcentrationPage {
    /// The parameters of another page of the products (the suppliers' page and `as_of`
    /// kept), ready for `product_page=N`.
    pub fn product_query(&self) -> String {
        self.query("supplier_page", &self.vendor_pager)
    }

    /// The same for the suppliers, ready for `supplier_page=N`.
    pub fn vendor_query(&self) -> String {
        self.query("product_page", &self.product_pager)
    }

    fn query(&self, other: &str, pager: &Pager) -> String {
        let mut query = String::new();
        if self.as_of_given {
            query.push_str(&format!("as_of={}&", self.as_of));
        }
        if pager.page > 1 {
            query.push_str(&format!("{other}={}&", pager.page));
        }
        query
    }
}

/// `?as_of=` and the page of each table.
#[derive(Debug, Deserialize)]
pub struct ConcentrationQuery {
    pub as_of: Option<NaiveDate>,
    pub product_page: Option<i64>,
    pub supplier_page: Option<i64>,
}

/// Page `page` (from 1) of a table, as a window of rows.
fn window(page: i64) -> (usize, usize) {
    PageRequest::new(Some(PER_PAGE), Some((page - 1).saturating_mul(PER_PAGE))).slice()
}

/// The first products as bars, the largest share drawn full width: in a large base each
/// product holds a small fraction of a percent, and bars on an absolute scale were slivers.
fn bars(view: &ConcentrationView) -> Vec<Bar> {
    let largest = view
        .products
        .iter()
        .take(BARS)
        .map(|r| r.critical_share)
        .fold(0.0, f64::max);
    view.products
        .iter()
        .take(BARS)
        .enumerate()
        .map(|(i, r)| Bar {
            y: 8.0 + i as f64 * BAR_ROW,
            width: if largest > 0.0 {
                (r.critical_share / largest * BAR_MAX).max(2.0)
            } else {
                2.0
            },
            label: r.node.name.chars().take(28).collect(),
            share: r.critical_share,
            consumers: r.consumer_count,
        })
        .collect()
}

/// The concentration on `as_of`, from the server's cache: the products and vendors in the
/// windows given, and the first few products for the chart.
async fn load(
    state: &AppState,
    as_of: NaiveDate,
    products: (usize, usize),
    vendors: (usize, usize),
) -> Result<(ConcentrationView, Vec<Bar>), WebError> {
    let reads = state.scored.clone();
    state
        .run(move |c| {
            let counted = reads.concentration(c, as_of)?;
            let (graph, concentration) = counted.as_ref();
            let view = ConcentrationView::window(graph, concentration, products, vendors);
            let top = ConcentrationView::window(graph, concentration, (0, BARS), (0, 0));
            Ok((view, bars(&top)))
        })
        .await
}

/// `GET /concentration[?as_of=&product_page=&supplier_page=]`.
pub async fn page(
    nav: Nav,
    state: web::Data<AppState>,
    query: web::Query<ConcentrationQuery>,
) -> Result<ConcentrationPage, PageError> {
    let as_of = query
        .as_of
        .unwrap_or_else(|| chrono::Utc::now().date_naive());
    let product_page = query.product_page.unwrap_or(1).max(1);
    let vendor_page = query.supplier_page.unwrap_or(1).max(1);
    let (view, bars) = load(&state, as_of, window(product_page), window(vendor_page)).await?;
    let lang = nav.lang;
    Ok(ConcentrationPage {
        nav,
        as_of,
        as_of_given: query.as_of.is_some(),
        total_dependencies: view.total_dependencies,
        total_critical: view.total_critical,
        products: rows(lang, &view.products),
        vendors: rows(lang, &view.vendors),
        product_pager: Pager::of(product_page, PER_PAGE, view.product_count),
        vendor_pager: Pager::of(vendor_page, PER_PAGE, view.vendor_count),
        chart_height: 16.0 + bars.len() as f64 * BAR_ROW,
        bars,
        bar_left: BAR_LEFT,
    })
}

/// `GET /api/v1/concentration[?as_of=&limit=&cursor=|page=]`.
pub async fn api(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: QueryParams,
) -> Result<HttpResponse, ApiError> {
    query.check(&[&[AS_OF], PAGING])?;
    let request = page_request(&query)?;
    let (view, _) = load(&state, query.as_of(), request.slice(), request.slice()).await?;
    let next_cursor = next_cursor(request, view.product_count.max(view.vendor_count));
    let window = ConcentrationWindow {
        limit: request.limit,
        offset: request.offset,
        next_cursor: next_cursor.clone(),
        view,
    };
    Ok(window_response(&req, &window, next_cursor.as_deref()))
}

/// The concentration a page at a time: the same window of the products and of the vendors.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ConcentrationWindow {
    #[serde(flatten)]
    pub view: ConcentrationView,
    /// How many rows of each list a page holds, and where this one starts in both.
    pub limit: i64,
    pub offset: i64,
    /// The `cursor` of the next page, while either list has rows left.
    pub next_cursor: Option<String>,
}

pub fn api_doc() -> Op {
    Op::new("concentration", "Concentration of the dependencies in use")
        .describe(
            "The products and vendors the dependencies in use on `as_of` (today when absent) \
             rest on, most concentrated first, with their direct and transitive consumers \
             and their share of the critical dependencies, a page at a time: `limit` rows of \
             each list from the same place. `product_count` and `vendor_count` count every \
             row.",
        )
        .params(&[&[AS_OF], PAGING])
        .returns::<ConcentrationWindow>(200)
}

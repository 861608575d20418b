//! Blast radius of a vendor, product or incident: the page (SVG graph and tables) and the JSON
//! API. Unknown slugs are 404s, a bad `?as_of=` a 400, as everywhere else.

use super::api::doc::Op;
use super::api::paging::{PAGING, next_cursor, page_request, window_response};
use super::api::params::{AS_OF, QueryParams};
use super::blast_chart::{BlastChart, blast_href, edge_text, href, node_name, period};
use super::error::{ApiError, PageError};
use super::identity::Nav;
use super::pages::Pager;
use super::state::AppState;
use crate::domain::blast::{BlastView, EdgeKind, NodeKind, NodeRef, NodeView};
use crate::i18n::{Lang, Message};
use crate::store::queries::PageRequest;
use crate::store::queries::blast::{BlastRoot, radius_in};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}

/// A row of the "who is exposed" table.
#[derive(Debug, Clone)]
pub struct ExposedRow {
    pub node: NodeRef,
    /// Its name for the reader.
    pub name: String,
    pub hops: u32,
    pub href: Option<String>,
    pub blast_href: Option<String>,
    /// The path as (name, link) steps.
    pub path: Vec<(String, Option<String>)>,
    /// How the last step of the path reached it.
    pub reached: String,
    /// Incidents that travelled along the dependency that reached it: (name, link).
    pub incidents: Vec<(String, Option<String>)>,
}

/// A row of the edge table.
#[derive(Debug, Clone)]
pub struct EdgeRow {
    pub from: (String, Option<String>),
    pub to: (String, Option<String>),
    pub kind: Message,
    pub what: String,
    pub period: String,
    pub criticality: String,
    pub incidents: Vec<(String, Option<String>)>,
}

fn named(lang: Lang, n: &NodeRef) -> (String, Option<String>) {
    (node_name(lang, n), href(n))
}

fn exposed(lang: Lang, view: &BlastView, n: &NodeView) -> ExposedRow {
    let edge = view.reached_by(n);
    ExposedRow {
        node: n.node.clone(),
        name: node_name(lang, &n.node),
        hops: n.hops,
        href: href(&n.node),
        blast_href: blast_href(&n.node),
        path: n.path.iter().map(|p| named(lang, p)).collect(),
        reached: match edge {
            Some(e) => edge_text(lang, e),
            None if n.path.len() > 1 => Message::new("blast-reached-origin").render(lang),
            None => Message::new("blast-reached-start").render(lang),
        },
        incidents: edge
            .map(|e| e.incidents.iter().map(|i| named(lang, i)).collect())
            .unwrap_or_default(),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "blast/show.html")]
pub struct BlastPage {
    pub nav: Nav,
    pub root: NodeRef,
    pub root_href: Option<String>,
    /// This page's path, for the date form.
    pub action: String,
    pub as_of: NaiveDate,
    pub as_of_given: bool,
    pub chart: BlastChart,
    pub rows: Vec<ExposedRow>,
    pub edges: Vec<EdgeRow>,
    /// Dependency edges no longer in use on the date.
    pub ended: usize,
    /// Parties reached beyond the start (not counting incidents), on every page.
    pub parties: usize,
    /// Which page of the nodes reached this is.
    pub pager: Pager,
}

/// `?as_of=YYYY-MM-DD&page=N` on a blast-radius page.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BlastQuery {
    pub as_of: Option<NaiveDate>,
    pub page: Option<i64>,
}

impl BlastQuery {
    fn page(&self) -> i64 {
        self.page.unwrap_or(1).max(1)
    }

    /// The window of nodes beyond the start that this page shows.
    fn window(&self) -> (usize, usize) {
        PageRequest::new(None, Some((self.page() - 1).saturating_mul(PER_PAGE))).slice()
    }
}

/// How many nodes beyond the start a page lists.
const PER_PAGE: i64 = PageRequest::DEFAULT_LIMIT;

impl BlastPage {
    fn new(nav: Nav, view: BlastView, action: String, query: &BlastQuery) -> BlastPage {
        let lang = nav.lang;
        let rows = view.nodes.iter().map(|n| exposed(lang, &view, n)).collect();
        let edges = view
            .edges
            .iter()
            .map(|e| EdgeRow {
                from: named(lang, &e.from),
                to: named(lang, &e.to),
                kind: match e.kind {
                    EdgeKind::Supplies => Message::new("blast-kind-own-product"),
                    EdgeKind::Dependency => Message::new("blast-kind-dependency"),
                    EdgeKind::Incident => Message::new("blast-kind-incident"),
                },
                what: edge_text(lang, e),
                period: if e.kind == EdgeKind::Dependency {
                    period(lang, e)
                } else {
                    String::new()
                },
                criticality: e
                    .criticality
                    .map(|c| crate::i18n::translate(lang, c.message_id(), &[]))
                    .unwrap_or_default(),
                incidents: e.incidents.iter().map(|i| named(lang, i)).collect(),
            })
            .collect();
        BlastPage {
            nav,
            root_href: href(&view.root),
            root: view.root.clone(),
            action,
            as_of: view.as_of,
            as_of_given: query.as_of.is_some(),
            chart: BlastChart::new(&view, lang),
            ended: view
                .edges
                .iter()
                .filter(|e| e.active == Some(false))
                .count(),
            rows,
            edges,
            parties: view.parties,
            pager: Pager::of(query.page(), PER_PAGE, view.total.saturating_sub(1)),
        }
    }

    /// The parameters of another page of this radius (`as_of` kept), ready for `page=N`.
    pub fn query(&self) -> String {
        if self.as_of_given {
            format!("as_of={}&", self.as_of)
        } else {
            String::new()
        }
    }

    /// "vendor", "product" or "incident", for the sentence under the title.
    pub fn root_kind(&self) -> &'static str {
        match self.root.kind {
            NodeKind::Vendor => "vendor",
            NodeKind::Product => "product",
            NodeKind::Incident => "incident",
            NodeKind::Organisation => "organisation",
        }
    }

    /// Edges the graph leaves to the table (those back towards the start).
    pub fn hidden_edges(&self) -> usize {
        self.edges.len().saturating_sub(self.chart.edges.len())
    }
}

async fn load(
    state: &AppState,
    root: BlastRoot,
    slug: String,
    as_of: NaiveDate,
    window: (usize, usize),
) -> Result<BlastView, super::error::WebError> {
    let reads = state.scored.clone();
    state
        .run(move |c| {
            let graph = reads.blast_graph(c)?;
            radius_in(&graph, root, &slug, as_of, window)
        })
        .await
}

async fn page(
    nav: Nav,
    state: web::Data<AppState>,
    root: BlastRoot,
    prefix: &str,
    slug: String,
    query: BlastQuery,
) -> Result<BlastPage, PageError> {
    let action = format!("{prefix}/{slug}/blast-radius");
    let as_of = query.as_of.unwrap_or_else(today);
    let view = load(&state, root, slug, as_of, query.window()).await?;
    Ok(BlastPage::new(nav, view, action, &query))
}

/// `GET /vendors/{slug}/blast-radius[?as_of=]`.
pub async fn vendor_page(
    nav: Nav,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    query: web::Query<BlastQuery>,
) -> Result<BlastPage, PageError> {
    let q = query.into_inner();
    page(
        nav,
        state,
        BlastRoot::Vendor,
        "/vendors",
        slug.into_inner(),
        q,
    )
    .await
}

/// `GET /products/{slug}/blast-radius[?as_of=]`.
pub async fn product_page(
    nav: Nav,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    query: web::Query<BlastQuery>,
) -> Result<BlastPage, PageError> {
    let q = query.into_inner();
    page(
        nav,
        state,
        BlastRoot::Product,
        "/products",
        slug.into_inner(),
        q,
    )
    .await
}

/// `GET /incidents/{slug}/blast-radius[?as_of=]`.
pub async fn incident_page(
    nav: Nav,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    query: web::Query<BlastQuery>,
) -> Result<BlastPage, PageError> {
    let q = query.into_inner();
    page(
        nav,
        state,
        BlastRoot::Incident,
        "/incidents",
        slug.into_inner(),
        q,
    )
    .await
}

async fn api(
    req: HttpRequest,
    state: web::Data<AppState>,
    root: BlastRoot,
    slug: String,
    query: QueryParams,
) -> Result<HttpResponse, ApiError> {
    query.check(&[&[AS_OF], PAGING])?;
    let request = page_request(&query)?;
    let view = load(&state, root, slug, query.as_of(), request.slice()).await?;
    // The pages hold the nodes beyond the start.
    let next_cursor = next_cursor(request, view.total.saturating_sub(1));
    let window = BlastWindow {
        limit: request.limit,
        offset: request.offset,
        next_cursor: next_cursor.clone(),
        view,
    };
    Ok(window_response(&req, &window, next_cursor.as_deref()))
}

/// A blast radius a page at a time: the start, then `limit` of the nodes beyond it.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct BlastWindow {
    #[serde(flatten)]
    pub view: BlastView,
    /// How many nodes beyond the start a page holds, and where this one starts among them.
    pub limit: i64,
    pub offset: i64,
    /// The `cursor` of the next page, while nodes remain.
    pub next_cursor: Option<String>,
}

/// `GET /api/v1/{vendors|products|incidents}/{slug}/blast-radius` described.
fn api_doc(summary: &'static str) -> Op {
    Op::new("blast-radius", summary)
        .describe(
            "Every vendor, product and incident that trouble at the record reaches, through \
             the dependencies and incidents known on `as_of` (today when absent), each with \
             its distance and one shortest path, nearest first, a page at a time: the start, \
             then `limit` nodes beyond it, with the edges that reach them. `total` counts every \
             node reached, the start included.",
        )
        .params(&[&[AS_OF], PAGING])
        .returns::<BlastWindow>(200)
}

pub fn vendor_api_doc() -> Op {
    api_doc("A vendor's blast radius")
}

pub fn product_api_doc() -> Op {
    api_doc("A product's blast radius")
}

pub fn incident_api_doc() -> Op {
    api_doc("An incident's blast radius")
}

/// `GET /api/v1/vendors/{slug}/blast-radius[?as_of=]`.
pub async fn vendor_api(
    req: HttpRequest,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    query: QueryParams,
) -> Result<HttpResponse, ApiError> {
    api(req, state, BlastRoot::Vendor, slug.into_inner(), query).await
}

/// `GET /api/v1/products/{slug}/blast-radius[?as_of=]`.
pub async fn product_api(
    req: HttpRequest,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    query: QueryParams,
) -> Result<HttpResponse, ApiError> {
    api(req, state, BlastRoot::Product, slug.into_inner(), query).await
}

/// `GET /api/v1/incidents/{slug}/blast-radius[?as_of=]`.
pub async fn incident_api(
    req: HttpRequest,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    query: QueryParams,
) -> Result<HttpResponse, ApiError> {
    api(req, state, BlastRoot::Incident, slug.into_inner(), query).await
}

//! Blast radius of a vendor, product or incident: the page (SVG graph and tables) and the JSON
//! API. Unknown slugs are 404s, a bad `?as_of=` a 400, as everywhere else.

use super::blast_chart::{BlastChart, blast_href, edge_text, href, period};
use super::error::{ApiError, PageError};
use super::filters;
use super::identity::Nav;
use super::pages::AsOfQuery;
use super::state::AppState;
use crate::domain::blast::{BlastView, EdgeKind, NodeKind, NodeRef, NodeView};
use crate::store::queries::blast::{BlastRoot, blast_radius_of};
use actix_web::{HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use chrono::NaiveDate;

fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}

/// A row of the "who is exposed" table.
#[derive(Debug, Clone)]
pub struct ExposedRow {
    pub node: NodeRef,
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
    pub kind: &'static str,
    pub what: String,
    pub period: String,
    pub criticality: String,
    pub incidents: Vec<(String, Option<String>)>,
}

fn named(n: &NodeRef) -> (String, Option<String>) {
    (n.name.clone(), href(n))
}

fn exposed(view: &BlastView, n: &NodeView) -> ExposedRow {
    let edge = view.reached_by(n);
    ExposedRow {
        node: n.node.clone(),
        hops: n.hops,
        href: href(&n.node),
        blast_href: blast_href(&n.node),
        path: n.path.iter().map(named).collect(),
        reached: match edge {
            Some(e) => edge_text(e),
            None if n.path.len() > 1 => "Where the incident started (its origin)".to_owned(),
            None => "The start".to_owned(),
        },
        incidents: edge
            .map(|e| e.incidents.iter().map(named).collect())
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
}

impl BlastPage {
    fn new(nav: Nav, view: BlastView, action: String, query: &AsOfQuery) -> BlastPage {
        let rows = view.nodes.iter().map(|n| exposed(&view, n)).collect();
        let edges = view
            .edges
            .iter()
            .map(|e| EdgeRow {
                from: named(&e.from),
                to: named(&e.to),
                kind: match e.kind {
                    EdgeKind::Supplies => "Own product",
                    EdgeKind::Dependency => "Dependency",
                    EdgeKind::Incident => "Incident",
                },
                what: edge_text(e),
                period: if e.kind == EdgeKind::Dependency {
                    period(e)
                } else {
                    String::new()
                },
                criticality: e
                    .criticality
                    .map(|c| c.label().to_owned())
                    .unwrap_or_default(),
                incidents: e.incidents.iter().map(named).collect(),
            })
            .collect();
        BlastPage {
            nav,
            root_href: href(&view.root),
            root: view.root.clone(),
            action,
            as_of: view.as_of,
            as_of_given: query.as_of.is_some(),
            chart: BlastChart::new(&view),
            ended: view
                .edges
                .iter()
                .filter(|e| e.active == Some(false))
                .count(),
            rows,
            edges,
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

    /// Parties reached beyond the start (not counting incidents).
    pub fn parties(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| r.hops > 0 && r.node.kind != NodeKind::Incident)
            .count()
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
) -> Result<BlastView, super::error::WebError> {
    state
        .run(move |c| blast_radius_of(c, root, &slug, as_of))
        .await
}

async fn page(
    nav: Nav,
    state: web::Data<AppState>,
    root: BlastRoot,
    prefix: &str,
    slug: String,
    query: AsOfQuery,
) -> Result<BlastPage, PageError> {
    let action = format!("{prefix}/{slug}/blast-radius");
    let view = load(&state, root, slug, query.as_of.unwrap_or_else(today)).await?;
    Ok(BlastPage::new(nav, view, action, &query))
}

/// `GET /vendors/{slug}/blast-radius[?as_of=]`.
pub async fn vendor_page(
    nav: Nav,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    query: web::Query<AsOfQuery>,
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
    query: web::Query<AsOfQuery>,
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
    query: web::Query<AsOfQuery>,
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
    state: web::Data<AppState>,
    root: BlastRoot,
    slug: String,
    query: AsOfQuery,
) -> Result<HttpResponse, ApiError> {
    let view = load(&state, root, slug, query.as_of.unwrap_or_else(today)).await?;
    Ok(HttpResponse::Ok().json(view))
}

/// `GET /api/v1/vendors/{slug}/blast-radius[?as_of=]`.
pub async fn vendor_api(
    state: web::Data<AppState>,
    slug: web::Path<String>,
    query: web::Query<AsOfQuery>,
) -> Result<HttpResponse, ApiError> {
    api(
        state,
        BlastRoot::Vendor,
        slug.into_inner(),
        query.into_inner(),
    )
    .await
}

/// `GET /api/v1/products/{slug}/blast-radius[?as_of=]`.
pub async fn product_api(
    state: web::Data<AppState>,
    slug: web::Path<String>,
    query: web::Query<AsOfQuery>,
) -> Result<HttpResponse, ApiError> {
    api(
        state,
        BlastRoot::Product,
        slug.into_inner(),
        query.into_inner(),
    )
    .await
}

/// `GET /api/v1/incidents/{slug}/blast-radius[?as_of=]`.
pub async fn incident_api(
    state: web::Data<AppState>,
    slug: web::Path<String>,
    query: web::Query<AsOfQuery>,
) -> Result<HttpResponse, ApiError> {
    api(
        state,
        BlastRoot::Incident,
        slug.into_inner(),
        query.into_inner(),
    )
    .await
}

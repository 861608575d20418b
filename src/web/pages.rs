//! HTML pages: overview, vendors, incidents and sources, rendered with askama.
//! Read-only; every page works without JavaScript.

use super::audit::{HISTORY_LIMIT, HistoryView};
use super::charts::HistoryChart;
use super::error::PageError;
use super::filters;
use super::freshness::SeenGeneration;
use super::identity::{Nav, Principal};
use super::state::AppState;
use crate::domain::accounts::Permission;
use crate::domain::views::*;
use crate::store::history::{PageRecord, record_history};
use crate::store::queries::incidents::incident_detail;
use crate::store::queries::sources::{list_sources, source_detail};
use crate::store::queries::{Page, PageRequest};
use actix_web::{HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use chrono::NaiveDate;
use serde::Deserialize;

/// `?page=N` on list pages.
#[derive(Debug, Deserialize)]
pub struct PageQuery {
    pub page: Option<i64>,
}

/// Pagination links for a list page.
#[derive(Debug, Clone)]
pub struct Pager {
    pub page: i64,
    pub pages: i64,
    pub total: i64,
}

impl Pager {
    fn request(query: &PageQuery) -> (i64, PageRequest) {
        let page = query.page.unwrap_or(1).max(1);
        let size = PageRequest::DEFAULT_LIMIT;
        (
            page,
            PageRequest::new(Some(size), Some((page - 1).saturating_mul(size))),
        )
    }

    fn new<T>(page: i64, list: &Page<T>) -> Self {
        Pager::of(page, PageRequest::DEFAULT_LIMIT, list.total)
    }

    /// Page `page` of a list of `total` items, `per` a page.
    pub fn of(page: i64, per: i64, total: impl TryInto<i64>) -> Self {
        let total = total.try_into().unwrap_or(i64::MAX);
        Pager {
            page,
            pages: (total.saturating_add(per - 1) / per.max(1)).max(1),
            total,
        }
    }
}

fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}

// The dashboard and the filtered lists live in their own modules; routes name them here.
pub use super::dashboard::{IndexPage, index};
pub use super::lists::{IncidentListPage, VendorListPage, incidents, vendors};

#[derive(Template)]
#[template(path = "vendors/show.html")]
pub struct VendorPage {
    pub nav: Nav,
    pub v: std::sync::Arc<VendorDetail>,
    /// The date the page shows: today, or `?as_of=`.
    pub today: NaiveDate,
    pub as_of_given: bool,
    pub chart: Option<HistoryChart>,
    /// The vendor's audit entries, for those who may read the audit trail.
    pub history: Option<HistoryView>,
}

/// `?as_of=YYYY-MM-DD`: what was known on that date.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AsOfQuery {
    pub as_of: Option<NaiveDate>,
}

/// `GET /vendors/{slug}[?as_of=YYYY-MM-DD]`.
pub async fn vendor(
    nav: Nav,
    principal: Principal,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    query: web::Query<AsOfQuery>,
    seen: SeenGeneration,
) -> Result<HttpResponse, PageError> {
    let slug = slug.into_inner();
    let as_of = query.as_of.unwrap_or_else(today);
    let as_of_given = query.as_of.is_some();
    let config = state.scoring.clone();
    let cache = state.scored.clone();
    let audit = principal.may(Permission::ReadAudit);
    let page = state.page(&nav, seen, as_of, move |c, nav| {
        let v = cache.vendor(c, &slug, as_of, &config)?;
        let history = audit
            .then(|| cache.vendor_history(c, &slug, HISTORY_LIMIT))
            .transpose()?;
        let chart = HistoryChart::new(&v.history, v.trust.as_ref(), &nav);
        Ok(VendorPage {
            nav,
            v,
            today: as_of,
            as_of_given,
            chart,
            history: history.map(|h| HistoryView::new(h.as_ref().clone())),
        })
    });
    Ok(page.await?)
}

#[derive(Template, WebTemplate)]
#[template(path = "incidents/show.html")]
pub struct IncidentPage {
    pub nav: Nav,
    pub i: IncidentDetail,
    /// The incident's audit entries, for those who may read the audit trail.
    pub history: Option<HistoryView>,
    /// After recording (`?recorded=1`): the score changes it caused.
    pub recorded: Option<Vec<crate::store::curation::rescore::ScoreChange>>,
}

/// `GET /incidents/{slug}`.
pub async fn incident(
    nav: Nav,
    principal: Principal,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    recorded: web::Query<super::curation::report::RecordedQuery>,
) -> Result<IncidentPage, PageError> {
    let slug = slug.into_inner();
    let audit = principal.may(Permission::ReadAudit);
    let recorded = recorded.wanted();
    let (i, history, recorded) = state
        .run(move |c| {
            let i = incident_detail(c, &slug)?;
            let history = audit
                .then(|| record_history(c, PageRecord::Incident(&slug), HISTORY_LIMIT))
                .transpose()?;
            let recorded = recorded
                .then(|| crate::store::curation::rescore::last_rescore(c, &slug))
                .transpose()?;
            Ok((i, history, recorded))
        })
        .await?;
    Ok(IncidentPage {
        nav,
        i,
        history: history.map(HistoryView::new),
        recorded,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "sources/list.html")]
pub struct SourceListPage {
    pub nav: Nav,
    pub sources: Vec<SourceSummary>,
    pub pager: Pager,
}

/// `GET /sources`.
pub async fn sources(
    nav: Nav,
    state: web::Data<AppState>,
    query: web::Query<PageQuery>,
) -> Result<SourceListPage, PageError> {
    let (page, request) = Pager::request(&query);
    let list = state.run(move |c| list_sources(c, request)).await?;
    Ok(SourceListPage {
        nav,
        pager: Pager::new(page, &list),
        sources: list.items,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "sources/show.html")]
pub struct SourcePage {
    pub nav: Nav,
    pub s: SourceDetail,
    /// The source's audit entries, for those who may read the audit trail.
    pub history: Option<HistoryView>,
}

/// `GET /sources/{id}`; an id that is not a number is simply not found.
pub async fn source(
    nav: Nav,
    principal: Principal,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<SourcePage, PageError> {
    let raw = id.into_inner();
    let id: i32 = raw.parse().map_err(|_| super::error::WebError::Missing {
        kind: "source",
        key: raw.clone(),
    })?;
    let audit = principal.may(Permission::ReadAudit);
    let (s, history) = state
        .run(move |c| {
            let s = source_detail(c, id)?;
            let history = audit
                .then(|| record_history(c, PageRecord::Source(id), HISTORY_LIMIT))
                .transpose()?;
            Ok((s, history))
        })
        .await?;
    Ok(SourcePage {
        nav,
        s,
        history: history.map(HistoryView::new),
    })
}

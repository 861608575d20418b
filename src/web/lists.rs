//! The vendor and incident lists with filters, sort and pages, all in the query string so a
//! view can be bookmarked. A GET form sets them (no JavaScript); an invalid value is a 400
//! page naming the parameter.

use super::error::{PageError, WebError};
use super::freshness::SeenGeneration;
use super::identity::Nav;
use super::pages::Pager;
use super::state::AppState;
use crate::domain::views::{IncidentSummary, VendorSummary};
use crate::domain::{IncidentKind, Tier, VendorStatus};
use crate::i18n::{Arg, Lang, Message, translate};
use crate::store::queries::PageRequest;
use crate::store::queries::listing::{
    GradeFilter, IncidentFilter, IncidentSort, VendorFilter, VendorSort, filter_incidents,
};
use actix_web::{HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use chrono::NaiveDate;
use serde::Deserialize;
use std::str::FromStr;

/// The most rows a page may ask for with `per=`.
const MAX_PER_PAGE: i64 = 200;

/// One option of a filter's `<select>`.
#[derive(Debug, Clone)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

fn choices<'a>(
    current: &str,
    items: impl IntoIterator<Item = (&'a str, impl Into<String>)>,
) -> Vec<Choice> {
    items
        .into_iter()
        .map(|(value, label)| Choice {
            value: value.to_owned(),
            label: label.into(),
            selected: value == current,
        })
        .collect()
}

/// The message of a sort order: `vendor-sort-name`, `vendor-sort-name-desc` for `-name`.
fn sort_message(list: &str, key: &str) -> String {
    match key.strip_prefix('-') {
        Some(key) => format!("{list}-sort-{key}-desc"),
        None => format!("{list}-sort-{key}"),
    }
}

/// The options of a sort menu, in the reader's language.
fn sort_choices(
    lang: Lang,
    list: &str,
    current: &str,
    keys: &[(&'static str, &str)],
) -> Vec<Choice> {
    choices(
        current,
        keys.iter()
            .map(|(key, _)| (*key, translate(lang, &sort_message(list, key), &[]))),
    )
}

/// A refused list parameter: the message `id` (in errors.ftl) says what was expected.
fn bad(id: &'static str, parameter: &str, value: &str) -> Message {
    Message::new(id)
        .with("parameter", parameter)
        .with("value", value)
}

fn refused(message: Message) -> PageError {
    PageError(WebError::Invalid(message))
}

/// The value of a parameter, `None` when absent or empty (an untouched form field).
fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

/// A choice parameter (`tier=`, `status=`, `kind=`): `None` when absent or empty, a
/// refusal naming the allowed values when unknown. Public for the fuzz target (fuzz/).
pub fn parse_enum<T: FromStr + Copy>(
    parameter: &str,
    value: &Option<String>,
    all: &[T],
    as_str: fn(T) -> &'static str,
) -> Result<Option<T>, PageError> {
    match given(value) {
        None => Ok(None),
        Some(v) => v.parse::<T>().map(Some).map_err(|_| {
            let allowed: Vec<&str> = all.iter().map(|t| as_str(*t)).collect();
            refused(bad("list-bad-choice", parameter, v).with("values", allowed.join(", ")))
        }),
    }
}

/// A `YYYY-MM-DD` parameter (`from=`, `to=`); public for the fuzz target (fuzz/).
pub fn parse_date(parameter: &str, value: &Option<String>) -> Result<Option<NaiveDate>, PageError> {
    match given(value) {
        None => Ok(None),
        Some(v) => NaiveDate::parse_from_str(v, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| refused(bad("list-bad-date", parameter, v))),
    }
}

/// A whole number parameter within `range`; public for the fuzz target (fuzz/).
pub fn parse_number(
    parameter: &str,
    value: &Option<String>,
    range: std::ops::RangeInclusive<i64>,
) -> Result<Option<i64>, PageError> {
    match given(value) {
        None => Ok(None),
        Some(v) => match v.parse::<i64>() {
            Ok(n) if range.contains(&n) => Ok(Some(n)),
            _ => Err(refused(
                bad("list-bad-number", parameter, v)
                    .with("min", range.start().to_string())
                    .with("max", range.end().to_string()),
            )),
        },
    }
}

/// Page number and size from `page=` and `per=`.
pub fn paging(page: &Option<String>, per: &Option<String>) -> Result<(i64, i64), PageError> {
    let page = parse_number("page", page, 1..=i64::from(i32::MAX))?.unwrap_or(1);
    let per = parse_number("per", per, 1..=MAX_PER_PAGE)?.unwrap_or(PageRequest::DEFAULT_LIMIT);
    Ok((page, per))
}

fn pager(page: i64, per: i64, total: i64) -> Pager {
    Pager {
        page,
        pages: ((total + per - 1) / per).max(1),
        total,
    }
}

/// `a=1&b=2&` (URL-encoded) of the non-empty pairs, ready for `page=N` to follow.
fn query_prefix(pairs: &[(&str, String)]) -> String {
    let kept: Vec<(&str, &str)> = pairs
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| (*k, v.as_str()))
        .collect();
    if kept.is_empty() {
        return String::new();
    }
    serde_urlencoded::to_string(&kept)
        .map(|q| format!("{q}&"))
        .unwrap_or_default()
}

/// The next sort for a column header: ascending, or descending when already ascending.
fn toggled(current: &str, key: &str) -> String {
    if current == key {
        format!("-{key}")
    } else {
        key.to_owned()
    }
}

fn aria_sort(current: &str, key: &str) -> &'static str {
    if current == key {
        "ascending"
    } else if current.strip_prefix('-') == Some(key) {
        "descending"
    } else {
        "none"
    }
}

/// `GET /vendors` parameters, as typed.
#[derive(Debug, Default, Deserialize)]
pub struct VendorQuery {
    pub tier: Option<String>,
    pub status: Option<String>,
    pub grade: Option<String>,
    pub category: Option<String>,
    pub sort: Option<String>,
    pub page: Option<String>,
    pub per: Option<String>,
}

#[derive(Template)]
#[template(path = "vendors/list.html")]
pub struct VendorListPage {
    pub nav: Nav,
    pub vendors: Vec<VendorSummary>,
    pub pager: Pager,
    pub tiers: Vec<Choice>,
    pub statuses: Vec<Choice>,
    pub grades: Vec<Choice>,
    pub categories: Vec<Choice>,
    pub sorts: Vec<Choice>,
    /// The current sort key ("name", "-score", ...).
    pub sort: String,
    /// The page size when not the default.
    pub per: String,
    /// Whether any filter is set.
    pub filtered: bool,
    /// Filters, sort and size, encoded, each followed by `&`.
    pub query: String,
    /// Filters and size without the sort, for the column headers.
    pub filter_query: String,
}

impl VendorListPage {
    pub fn sort_href(&self, key: &str) -> String {
        format!(
            "/vendors?{}sort={}",
            self.filter_query,
            toggled(&self.sort, key)
        )
    }

    pub fn aria_sort(&self, key: &str) -> &'static str {
        aria_sort(&self.sort, key)
    }
}

/// `GET /vendors?tier=&status=&grade=&category=&sort=&page=&per=`.
pub async fn vendors(
    nav: Nav,
    state: web::Data<AppState>,
    query: web::Query<VendorQuery>,
    seen: SeenGeneration,
) -> Result<HttpResponse, PageError> {
    let q = query.into_inner();
    let tier = parse_enum("tier", &q.tier, Tier::ALL, Tier::as_str)?;
    let status = parse_enum("status", &q.status, VendorStatus::ALL, VendorStatus::as_str)?;
    let grade = match given(&q.grade) {
        None => None,
        Some(v) => Some(GradeFilter::parse(v).ok_or_else(|| {
            refused(bad("list-bad-choice", "grade", v).with("values", "A, B, C, D, E, F, unknown"))
        })?),
    };
    let sort = match given(&q.sort) {
        None => VendorSort::default(),
        Some(v) => VendorSort::parse(v).ok_or_else(|| {
            let keys: Vec<&str> = VendorSort::VALUES.iter().map(|(k, _)| *k).collect();
            refused(bad("list-bad-choice", "sort", v).with("values", keys.join(", ")))
        })?,
    };
    let (page, per) = paging(&q.page, &q.per)?;
    let category = given(&q.category).map(str::to_owned);
    let model = state.scoring.model_version.clone();
    let filter = VendorFilter {
        tier,
        status,
        grade,
        category: category.clone(),
        sort,
    };
    let request = PageRequest::new(Some(per), Some((page - 1).saturating_mul(per)));
    let tier_s = tier.map_or("", Tier::as_str).to_owned();
    let status_s = status.map_or("", VendorStatus::as_str).to_owned();
    let grade_s = grade.map_or("", GradeFilter::as_str).to_owned();
    let category_s = category.unwrap_or_default();
    let per_s = if per == PageRequest::DEFAULT_LIMIT {
        String::new()
    } else {
        per.to_string()
    };
    let sort_s = if sort == VendorSort::default() {
        String::new()
    } else {
        sort.as_str().to_owned()
    };
    let filter_pairs = [
        ("tier", tier_s.clone()),
        ("status", status_s.clone()),
        ("grade", grade_s.clone()),
        ("category", category_s.clone()),
        ("per", per_s.clone()),
    ];
    let mut all_pairs = filter_pairs.to_vec();
    all_pairs.insert(4, ("sort", sort_s));
    let reads = state.scored.clone();
    let day = chrono::Utc::now().date_naive();
    let page = state.page(&nav, seen, day, move |c, nav| {
        let all_categories = reads.categories(c)?;
        if let Some(slug) = &filter.category
            && !all_categories.iter().any(|(s, _)| s == slug)
        {
            return Err(WebError::Invalid(bad(
                "list-bad-category",
                "category",
                slug,
            )));
        }
        let list = reads.vendor_page(c, &filter, request, &model)?;
        let lang = nav.lang;
        Ok(VendorListPage {
            nav,
            pager: pager(page, per, list.total),
            vendors: list.items.clone(),
            tiers: choices(
                &tier_s,
                Tier::ALL
                    .iter()
                    .map(|t| (t.as_str(), translate(lang, t.message_id(), &[]))),
            ),
            statuses: choices(
                &status_s,
                VendorStatus::ALL
                    .iter()
                    .map(|s| (s.as_str(), translate(lang, s.message_id(), &[]))),
            ),
            grades: choices(&grade_s, GradeFilter::VALUES.iter().map(|g| (*g, *g))),
            categories: choices(
                &category_s,
                all_categories.iter().map(|(s, n)| (s.as_str(), n.as_str())),
            ),
            sorts: sort_choices(lang, "vendor", sort.as_str(), &VendorSort::VALUES),
            sort: sort.as_str().to_owned(),
            per: per_s,
            filtered: tier.is_some()
                || status.is_some()
                || grade.is_some()
                || !category_s.is_empty(),
            query: query_prefix(&all_pairs),
            filter_query: query_prefix(&filter_pairs),
        })
    });
    Ok(page.await?)
}

/// `GET /incidents` parameters, as typed.
#[derive(Debug, Default, Deserialize)]
pub struct IncidentQuery {
    pub kind: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub severity: Option<String>,
    pub sort: Option<String>,
    pub page: Option<String>,
    pub per: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "incidents/list.html")]
pub struct IncidentListPage {
    pub nav: Nav,
    pub incidents: Vec<IncidentSummary>,
    pub pager: Pager,
    pub kinds: Vec<Choice>,
    pub severities: Vec<Choice>,
    pub sorts: Vec<Choice>,
    pub from: String,
    pub to: String,
    pub per: String,
    pub filtered: bool,
    pub query: String,
}

/// `GET /incidents?kind=&from=&to=&severity=&sort=&page=&per=`.
pub async fn incidents(
    nav: Nav,
    state: web::Data<AppState>,
    query: web::Query<IncidentQuery>,
) -> Result<IncidentListPage, PageError> {
    let q = query.into_inner();
    let kind = parse_enum("kind", &q.kind, IncidentKind::ALL, IncidentKind::as_str)?;
    let from = parse_date("from", &q.from)?;
    let to = parse_date("to", &q.to)?;
    if let (Some(f), Some(t)) = (from, to)
        && f > t
    {
        return Err(refused(
            bad("list-bad-from", "from", &f.to_string()).with("to", t.to_string()),
        ));
    }
    let severity = parse_number("severity", &q.severity, 1..=5)?;
    let sort = match given(&q.sort) {
        None => IncidentSort::default(),
        Some(v) => IncidentSort::parse(v).ok_or_else(|| {
            let keys: Vec<&str> = IncidentSort::VALUES.iter().map(|(k, _)| *k).collect();
            refused(bad("list-bad-choice", "sort", v).with("values", keys.join(", ")))
        })?,
    };
    let (page, per) = paging(&q.page, &q.per)?;
    let filter = IncidentFilter {
        kind,
        from,
        to,
        severity: severity.and_then(|s| i32::try_from(s).ok()),
        sort,
    };
    let request = PageRequest::new(Some(per), Some((page - 1).saturating_mul(per)));
    let list = state
        .run(move |c| filter_incidents(c, &filter, request))
        .await?;
    let kind_s = kind.map_or("", IncidentKind::as_str).to_owned();
    let from_s = from.map(|d| d.to_string()).unwrap_or_default();
    let to_s = to.map(|d| d.to_string()).unwrap_or_default();
    let severity_s = severity.map(|s| s.to_string()).unwrap_or_default();
    let per_s = if per == PageRequest::DEFAULT_LIMIT {
        String::new()
    } else {
        per.to_string()
    };
    let sort_s = if sort == IncidentSort::default() {
        String::new()
    } else {
        sort.as_str().to_owned()
    };
    let pairs = [
        ("kind", kind_s.clone()),
        ("from", from_s.clone()),
        ("to", to_s.clone()),
        ("severity", severity_s.clone()),
        ("sort", sort_s),
        ("per", per_s.clone()),
    ];
    let lang = nav.lang;
    let severity_labels = ["1", "2", "3", "4", "5"].map(|s| {
        let id = if s == "5" {
            "severity-only"
        } else {
            "severity-at-least"
        };
        (s, translate(lang, id, &[("severity", Arg::from(s))]))
    });
    Ok(IncidentListPage {
        nav,
        pager: pager(page, per, list.total),
        incidents: list.items,
        kinds: choices(
            &kind_s,
            IncidentKind::ALL
                .iter()
                .map(|k| (k.as_str(), translate(lang, k.message_id(), &[]))),
        ),
        severities: choices(&severity_s, severity_labels),
        sorts: sort_choices(lang, "incident", sort.as_str(), &IncidentSort::VALUES),
        filtered: kind.is_some() || from.is_some() || to.is_some() || severity.is_some(),
        from: from_s,
        to: to_s,
        per: per_s,
        query: query_prefix(&pairs),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_prefix_keeps_non_empty_pairs_encoded() {
        let q = query_prefix(&[
            ("tier", "high".into()),
            ("status", String::new()),
            ("category", "a b&c".into()),
        ]);
        assert_eq!(q, "tier=high&category=a+b%26c&");
        assert_eq!(query_prefix(&[("tier", String::new())]), "");
    }

    #[test]
    fn every_sort_order_is_named_in_both_languages() {
        for lang in Lang::ALL {
            let ids = crate::i18n::message_ids(lang);
            let keys = VendorSort::VALUES
                .iter()
                .map(|(k, _)| sort_message("vendor", k))
                .chain(
                    IncidentSort::VALUES
                        .iter()
                        .map(|(k, _)| sort_message("incident", k)),
                );
            for id in keys {
                assert!(ids.contains(&id), "{id} missing in {}", lang.code());
            }
        }
    }

    #[test]
    fn sort_headers_toggle_direction() {
        assert_eq!(toggled("score", "score"), "-score");
        assert_eq!(toggled("-score", "score"), "score");
        assert_eq!(toggled("name", "score"), "score");
        assert_eq!(aria_sort("-score", "score"), "descending");
        assert_eq!(aria_sort("name", "score"), "none");
    }
}

//! Fuzz target: one query string given to every query struct of the web handlers, read as
//! actix's `web::Query` reads it, then checked by the handlers' own parsers (no database).
#![no_main]

use actix_web::web::Query;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use trustkb::domain::{IncidentKind, Tier, VendorStatus};
use trustkb::search::{Document, Lang, SearchIndex, Text};
use trustkb::store::queries::listing::{GradeFilter, IncidentSort, VendorSort};
use trustkb::web::{api, audit, compare, language, lists, pages, reviews, search};

/// A small index, built once, for the search queries.
fn index() -> Option<&'static SearchIndex> {
    static INDEX: OnceLock<Option<SearchIndex>> = OnceLock::new();
    INDEX
        .get_or_init(|| {
            let doc = |href: &str, title: &str, lang: Lang, body: &str| Document {
                kind: "vendor",
                href: href.to_owned(),
                title: Text::new(lang, "title", title),
                context: String::new(),
                body: vec![Text::new(lang, "summary", body)],
            };
            SearchIndex::build(vec![
                doc(
                    "/vendors/acme",
                    "Acme Mail",
                    Lang::English,
                    "Email security gateway compromised through a stolen certificate.",
                ),
                doc(
                    "/vendors/societe",
                    "Société Générale d'Hébergement",
                    Lang::French,
                    "Hébergeur dont les serveurs ont été compromis en décembre 2020 (« SolarWinds »).",
                ),
                doc("/vendors/x", "X\u{1f}Y", Lang::Unknown, ""),
            ])
            .ok()
        })
        .as_ref()
}

fuzz_target!(|data: &[u8]| {
    let Ok(qs) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(q) = Query::<lists::VendorQuery>::from_query(qs) {
        let _ = lists::parse_enum("tier", &q.tier, Tier::ALL, Tier::as_str);
        let _ = lists::parse_enum("status", &q.status, VendorStatus::ALL, VendorStatus::as_str);
        let _ = q.grade.as_deref().map(str::trim).map(GradeFilter::parse);
        let _ = q.sort.as_deref().map(str::trim).map(VendorSort::parse);
        let _ = lists::paging(&q.page, &q.per);
    }
    if let Ok(q) = Query::<lists::IncidentQuery>::from_query(qs) {
        let _ = lists::parse_enum("kind", &q.kind, IncidentKind::ALL, IncidentKind::as_str);
        let _ = lists::parse_date("from", &q.from);
        let _ = lists::parse_date("to", &q.to);
        let _ = lists::parse_number("severity", &q.severity, 1..=5);
        let _ = q.sort.as_deref().map(str::trim).map(IncidentSort::parse);
        let _ = lists::paging(&q.page, &q.per);
    }
    let _ = Query::<pages::AsOfQuery>::from_query(qs);
    let _ = Query::<pages::PageQuery>::from_query(qs);
    let _ = Query::<reviews::list::ListQuery>::from_query(qs);
    if let Ok(q) = Query::<api::ListQuery>::from_query(qs) {
        let _ = q.page();
    }
    // The JSON API reads its own parameters: declared per endpoint, checked, then used.
    if let Ok(params) = api::params::QueryParams::parse(qs)
        && params
            .check(&[api::paging::PAGING, &[api::params::AS_OF]])
            .is_ok()
    {
        let _ = api::paging::page_request(&params);
        let _ = params.as_of();
    }
    if let Ok(q) = Query::<audit::AuditQuery>::from_query(qs) {
        let params = q.params();
        let _ = params.filter();
        let _ = params.query_string();
    }
    let _ = Query::<audit::AuditApiQuery>::from_query(qs);
    if let Ok(q) = Query::<language::Back>::from_query(qs) {
        let back = language::local_path(&q.back);
        assert!(back.starts_with('/') && !back.starts_with("//"), "{back:?}");
    }
    if let Ok(q) = Query::<Vec<(String, String)>>::from_query(qs) {
        let _ = compare::Selection::parse(&q);
    }
    let page = Query::<search::PageQuery>::from_query(qs)
        .ok()
        .map(|q| q.into_inner().q);
    let api = Query::<search::ApiQuery>::from_query(qs)
        .ok()
        .map(|q| q.into_inner().q);
    for q in [page, api].into_iter().flatten() {
        if let (Ok(Some(q)), Some(index)) = (search::checked_query(q.as_deref()), index()) {
            let _ = index.search(&q, search::DEFAULT_LIMIT);
        }
    }
});

//! The audit trail read back: the filtered page, the JSON list, and the "History" section
//! of record pages (the CSV export is in `audit_csv`). A bad filter is a 400 naming the field; nothing here writes.

use super::api::doc::Op;
use super::api::paging::{PAGING, list_response, page_request};
use super::api::params::{Param, QueryParams};
use super::audit_csv::CSV_MAX_ROWS;
use super::error::{ApiError, PageError, WebError};
use super::identity::Nav;
use super::state::AppState;
use crate::domain::Slug;
use crate::domain::audit::AuditEntry;
use crate::i18n::Message;
use crate::store::audit::{AuditFilter, audit_facets, list_audit};
use crate::store::history::{INCIDENT, RecordHistory, SOURCE, VENDOR};
use crate::store::queries::PageRequest;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::Value;

/// How many records a record page's "History" section shows.
pub const HISTORY_LIMIT: i64 = 20;
/// Longest value a diff shows (the CSV and the API hold it whole).
const DIFF_VALUE_MAX_CHARS: usize = 300;

/// The filters as typed (`?actor=&entity=&entity_id=&from=&to=`); empty means "any".
#[derive(Debug, Clone, Default)]
pub struct AuditParams {
    pub actor: String,
    pub entity: String,
    pub entity_id: String,
    pub from: String,
    pub to: String,
}

fn given(value: &Option<String>) -> String {
    value
        .as_deref()
        .map(str::trim)
        .unwrap_or_default()
        .to_owned()
}

fn optional(value: &str) -> Option<String> {
    (!value.is_empty()).then(|| value.to_owned())
}

fn parse_day(field: &str, value: &str) -> Result<Option<NaiveDate>, WebError> {
    if value.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| {
            WebError::Invalid(
                Message::new("audit-bad-date")
                    .with("field", field)
                    .with("value", value),
            )
        })
}

impl AuditParams {
    /// The filter for the store; an invalid date, or `from` after `to`, names its field.
    pub fn filter(&self) -> Result<AuditFilter, WebError> {
        let from = parse_day("from", &self.from)?;
        let to = parse_day("to", &self.to)?;
        if let (Some(f), Some(t)) = (from, to)
            && f > t
        {
            return Err(WebError::Invalid(
                Message::new("audit-bad-range")
                    .with("from", f.to_string())
                    .with("to", t.to_string()),
            ));
        }
        Ok(AuditFilter {
            actor: optional(&self.actor),
            entity: optional(&self.entity),
            entity_id: optional(&self.entity_id),
            from,
            to,
        })
    }

    /// The non-empty filters as a query string (without `?`).
    pub fn query_string(&self) -> String {
        let pairs: Vec<(&str, &str)> = [
            ("actor", &self.actor),
            ("entity", &self.entity),
            ("entity_id", &self.entity_id),
            ("from", &self.from),
            ("to", &self.to),
        ]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| (k, v.as_str()))
        .collect();
        serde_urlencoded::to_string(pairs).unwrap_or_default()
    }

    fn any(&self) -> bool {
        !self.query_string().is_empty()
    }
}

/// `GET /audit` and `GET /audit.csv`: the filters, and the page for the former.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditQuery {
    pub actor: Option<String>,
    pub entity: Option<String>,
    pub entity_id: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub page: Option<i64>,
}

impl AuditQuery {
    /// The filters as typed, trimmed (public for the fuzz target, fuzz/).
    pub fn params(&self) -> AuditParams {
        AuditParams {
            actor: given(&self.actor),
            entity: given(&self.entity),
            entity_id: given(&self.entity_id),
            from: given(&self.from),
            to: given(&self.to),
        }
    }
}

/// The audit API's former query (filters with `limit` and `offset`): no longer read by the
/// API, which checks its query with `QueryParams`; kept while the fuzz target (fuzz/) uses it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditApiQuery {
    pub actor: Option<String>,
    pub entity: Option<String>,
    pub entity_id: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub limit: Option<i64>,
    pub offset: Option<i64>,
}

/// One changed field of an audit record, as the diff shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffLine {
    pub field: String,
    /// The value before (`None`: empty); shown for updates and deletions.
    pub old: Option<String>,
    /// The value after (`None`: empty); shown for updates and creations.
    pub new: Option<String>,
    pub shows_old: bool,
    pub shows_new: bool,
}

/// A value as the diff shows it: text as is, numbers and lists as JSON, null as nothing;
/// long values shortened.
fn shown(value: Option<&Value>) -> Option<String> {
    let text = match value? {
        Value::Null => return None,
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    if text.chars().count() > DIFF_VALUE_MAX_CHARS {
        let cut: String = text.chars().take(DIFF_VALUE_MAX_CHARS).collect();
        Some(format!("{cut}…"))
    } else {
        Some(text)
    }
}

/// The readable difference between a record's values before and after a change: for an
/// update the fields that changed, for a creation (or deletion) every value it had.
pub fn diff(before: Option<&Value>, after: Option<&Value>) -> Vec<DiffLine> {
    let line = |field: &str, old: Option<&Value>, new: Option<&Value>| DiffLine {
        field: field.to_owned(),
        old: shown(old),
        new: shown(new),
        shows_old: before.is_some(),
        shows_new: after.is_some(),
    };
    let empty = serde_json::Map::new();
    match (before, after) {
        (None, None) => Vec::new(),
        (Some(Value::Object(_)) | None, Some(Value::Object(_)) | None) => {
            let old = before.and_then(Value::as_object).unwrap_or(&empty);
            let new = after.and_then(Value::as_object).unwrap_or(&empty);
            let mut fields: Vec<&String> = old.keys().chain(new.keys()).collect();
            fields.sort();
            fields.dedup();
            fields
                .into_iter()
                .filter(|f| {
                    let (o, n) = (old.get(*f), new.get(*f));
                    let null = |v: Option<&Value>| v.is_none_or(Value::is_null);
                    match (before, after) {
                        (Some(_), Some(_)) => o != n,
                        // A creation or deletion lists the values it had, not the empty ones.
                        _ => !(null(o) && null(n)),
                    }
                })
                .map(|f| line(f, old.get(f), new.get(f)))
                .collect()
        }
        (old, new) if old != new => vec![line("value", old, new)],
        _ => Vec::new(),
    }
}

/// The name of a kind of record as the audit trail stores it (`vendor`, `api_token`), for
/// people; a kind this list does not know shows as stored.
pub fn entity_name(entity: &str) -> Message {
    match entity {
        "vendor" => Message::new("audit-entity-vendor"),
        "product" => Message::new("audit-entity-product"),
        "category" => Message::new("audit-entity-category"),
        "incident" => Message::new("audit-entity-incident"),
        "incident_involvement" => Message::new("audit-entity-incident_involvement"),
        "incident_timeline_event" => Message::new("audit-entity-incident_timeline_event"),
        "incident_cause" => Message::new("audit-entity-incident_cause"),
        "incident_rescore" => Message::new("audit-entity-incident_rescore"),
        "source" => Message::new("audit-entity-source"),
        "citation" => Message::new("audit-entity-citation"),
        "remediation" => Message::new("audit-entity-remediation"),
        "remediation_rescore" => Message::new("audit-entity-remediation_rescore"),
        "dependency" => Message::new("audit-entity-dependency"),
        "dependency_rescore" => Message::new("audit-entity-dependency_rescore"),
        "analyst" => Message::new("audit-entity-analyst"),
        "analyst_firm" => Message::new("audit-entity-analyst_firm"),
        "assessment" => Message::new("audit-entity-assessment"),
        "assessment_rescore" => Message::new("audit-entity-assessment_rescore"),
        "user" => Message::new("audit-entity-user"),
        "session" => Message::new("audit-entity-session"),
        "api_token" => Message::new("audit-entity-api_token"),
        "imported_pack" => Message::new("audit-entity-imported_pack"),
        other => Message::verbatim(other),
    }
}

/// An audit record as the page and the History sections show it.
#[derive(Debug, Clone)]
pub struct EntryView {
    pub e: AuditEntry,
    /// The kind of record, for people.
    pub entity_name: Message,
    /// "2026-01-31T14:05:09Z".
    pub when_iso: String,
    /// The record's page, for vendors, incidents and sources.
    pub href: Option<String>,
    pub diff: Vec<DiffLine>,
}

/// The page of the record an entry is about, when it has one.
fn record_href(entity: &str, entity_id: &str, label: &str) -> Option<String> {
    let slug = || Slug::parse(label).ok();
    match entity {
        VENDOR => slug().map(|s| format!("/vendors/{s}")),
        INCIDENT => slug().map(|s| format!("/incidents/{s}")),
        SOURCE => entity_id
            .parse::<i32>()
            .ok()
            .map(|id| format!("/sources/{id}")),
        _ => None,
    }
}

impl EntryView {
    pub fn new(e: AuditEntry) -> EntryView {
        EntryView {
            entity_name: entity_name(&e.entity),
            when_iso: iso(&e),
            href: record_href(&e.entity, &e.entity_id, &e.label),
            diff: diff(e.before.as_ref(), e.after.as_ref()),
            e,
        }
    }
}

pub(super) fn iso(e: &AuditEntry) -> String {
    crate::domain::audit::utc::format(&e.occurred_at)
}

/// A record page's "History" section: its latest audit entries and a link to all of them.
#[derive(Debug, Clone)]
pub struct HistoryView {
    pub entries: Vec<EntryView>,
    pub total: i64,
    /// `/audit?entity=..&entity_id=..`.
    pub href: String,
}

impl HistoryView {
    pub fn new(history: RecordHistory) -> HistoryView {
        let params = AuditParams {
            entity: history.entity.to_owned(),
            entity_id: history.entity_id,
            ..AuditParams::default()
        };
        HistoryView {
            total: history.entries.total,
            entries: history
                .entries
                .items
                .into_iter()
                .map(EntryView::new)
                .collect(),
            href: format!("/audit?{}", params.query_string()),
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "audit/list.html")]
pub struct AuditPage {
    pub nav: Nav,
    pub params: AuditParams,
    pub filtered: bool,
    /// Every actor and entity on record (plus the one asked for), for the menus.
    pub actors: Vec<String>,
    /// (stored name, name for people).
    pub entities: Vec<(String, Message)>,
    pub entries: Vec<EntryView>,
    pub total: i64,
    pub page: i64,
    pub pages: i64,
    pub prev_href: Option<String>,
    pub next_href: Option<String>,
    pub csv_href: String,
    pub csv_max_rows: usize,
}

/// `/audit?...&page=N`.
fn page_href(query: &str, page: i64) -> String {
    if query.is_empty() {
        format!("/audit?page={page}")
    } else {
        format!("/audit?{query}&page={page}")
    }
}

/// `GET /audit`: the audit trail, newest first, filtered and paged.
pub async fn page(
    nav: Nav,
    state: web::Data<AppState>,
    query: web::Query<AuditQuery>,
) -> Result<AuditPage, PageError> {
    let params = query.params();
    let filter = params.filter()?;
    let page = query.page.unwrap_or(1).max(1);
    let size = PageRequest::DEFAULT_LIMIT;
    let request = PageRequest::new(Some(size), Some((page - 1).saturating_mul(size)));
    let (list, (mut actors, mut entities)) = state
        .run(move |c| Ok((list_audit(c, &filter, request)?, audit_facets(c)?)))
        .await?;
    for (menu, asked) in [
        (&mut actors, &params.actor),
        (&mut entities, &params.entity),
    ] {
        if !asked.is_empty() && !menu.contains(asked) {
            menu.push(asked.clone());
        }
    }
    let pages = ((list.total + size - 1) / size).max(1);
    let qs = params.query_string();
    Ok(AuditPage {
        nav,
        filtered: params.any(),
        actors,
        entities: entities
            .into_iter()
            .map(|e| {
                let name = entity_name(&e);
                (e, name)
            })
            .collect(),
        entries: list.items.into_iter().map(EntryView::new).collect(),
        total: list.total,
        page,
        pages,
        prev_href: (page > 1).then(|| page_href(&qs, (page - 1).min(pages))),
        next_href: (page < pages).then(|| page_href(&qs, page + 1)),
        csv_href: if qs.is_empty() {
            "/audit.csv".to_owned()
        } else {
            format!("/audit.csv?{qs}")
        },
        csv_max_rows: CSV_MAX_ROWS,
        params,
    })
}

/// The audit API's filters, as the audit page takes them.
const API_PARAMS: &[Param] = &[
    Param::text(
        "actor",
        "Only the changes made by this account (its e-mail address).",
    ),
    Param::text(
        "entity",
        "Only the changes of this kind of record (`vendor`, `product`, ...).",
    ),
    Param::text(
        "entity_id",
        "Only the changes of this record (its slug or number).",
    ),
    Param::text(
        "from",
        "Only the changes made on or after this day (YYYY-MM-DD).",
    ),
    Param::text(
        "to",
        "Only the changes made on or before this day (YYYY-MM-DD).",
    ),
];

/// `GET /api/v1/audit`: one page of the audit trail, newest first, with the audit page's
/// filters.
pub async fn api_list(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: QueryParams,
) -> Result<HttpResponse, ApiError> {
    query.check(&[API_PARAMS, PAGING])?;
    let request = page_request(&query)?;
    let given = |name: &str| query.get(name).map(str::to_owned);
    let filter = AuditQuery {
        actor: given("actor"),
        entity: given("entity"),
        entity_id: given("entity_id"),
        from: given("from"),
        to: given("to"),
        page: None,
    }
    .params()
    .filter()?;
    let list = state.run(move |c| list_audit(c, &filter, request)).await?;
    Ok(list_response(&req, list, request))
}

pub fn api_list_doc() -> Op {
    Op::new("audit", "The audit trail")
        .describe("Every recorded change, newest first, filtered as the audit page filters.")
        .params(&[API_PARAMS, PAGING])
        .returns_page::<AuditEntry>()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn an_update_shows_only_the_fields_that_changed() {
        let before = json!({"name": "Acme", "tier": "low", "website": null});
        let after = json!({"name": "Acme Corp", "tier": "low", "website": "https://acme.example"});
        let lines = diff(Some(&before), Some(&after));
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].field, "name");
        assert_eq!(lines[0].old.as_deref(), Some("Acme"));
        assert_eq!(lines[0].new.as_deref(), Some("Acme Corp"));
        assert!(lines[0].shows_old && lines[0].shows_new);
        assert_eq!(lines[1].field, "website");
        assert_eq!(lines[1].old, None);
    }

    #[test]
    fn a_creation_lists_its_values() {
        let after = json!({"name": "Acme", "description": null, "severity": 4});
        let lines = diff(None, Some(&after));
        let fields: Vec<&str> = lines.iter().map(|l| l.field.as_str()).collect();
        assert_eq!(fields, ["name", "severity"]);
        assert!(!lines[0].shows_old && lines[0].shows_new);
        assert_eq!(lines[1].new.as_deref(), Some("4"));
    }

    #[test]
    fn long_values_are_shortened_and_scalars_compared_whole() {
        let long = "x".repeat(1000);
        let lines = diff(Some(&json!("a")), Some(&json!(long)));
        assert_eq!(lines[0].field, "value");
        assert!(lines[0].new.as_deref().is_some_and(|v| v.ends_with('…')));
        assert!(diff(Some(&json!(1)), Some(&json!(1))).is_empty());
    }

    #[test]
    fn dates_are_checked_and_named() {
        let params = AuditParams {
            from: "2026-02-30".into(),
            ..AuditParams::default()
        };
        let err = params.filter().unwrap_err().public_message();
        assert!(err.starts_with("from:"), "{err}");
        let params = AuditParams {
            from: "2026-03-01".into(),
            to: "2026-02-01".into(),
            ..AuditParams::default()
        };
        assert!(params.filter().is_err());
    }

    #[test]
    fn record_links_only_for_pages_that_exist() {
        assert_eq!(
            record_href("vendor", "3", "mimecast").as_deref(),
            Some("/vendors/mimecast")
        );
        assert_eq!(
            record_href("source", "7", "x").as_deref(),
            Some("/sources/7")
        );
        assert_eq!(record_href("vendor", "3", "not a slug"), None);
        assert_eq!(record_href("user", "3", "a@b.c"), None);
    }
}

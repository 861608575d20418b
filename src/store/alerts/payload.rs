//! An alert as a JSON document: the body a webhook receives (built once when the alert is
//! raised and stored with its delivery, so every attempt signs the same bytes) and the API's.

use super::evaluate::{Draft, Watcher};
use super::rows::{Alert, RecordInfo, ScorePoint, SubjectInfo};
use crate::domain::WatchRuleKind;
use chrono::{NaiveDateTime, SecondsFormat};
use serde::Serialize;
use serde_json::{Value, json};
use utoipa::ToSchema;

/// The event an alert of this kind is sent as (`X-Trustkb-Event`).
pub fn event_of(kind: WatchRuleKind) -> String {
    format!("alert.{}", kind.as_str())
}

/// A UTC time as RFC 3339 (`2026-11-27T04:00:00Z`).
pub fn utc(t: NaiveDateTime) -> String {
    t.and_utc().to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// The watchlist that raised an alert.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[schema(as = AlertWatchlist)]
pub struct WatchlistRef {
    pub id: i32,
    pub name: String,
}

/// The rule that raised an alert, as it was then.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[schema(as = AlertRule)]
pub struct RuleRef {
    /// Null once the rule has been removed (its alerts stay).
    pub id: Option<i32>,
    pub kind: WatchRuleKind,
    pub threshold: Option<i32>,
}

/// The incident or assessment an alert is about, with the page showing it.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[schema(as = AlertRecord)]
pub struct RecordLink {
    /// "incident" or "assessment".
    pub kind: String,
    pub slug: String,
    pub title: String,
    pub path: String,
}

/// Paths on this server (the receiver knows its address).
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct AlertLinks {
    /// The vendor's page (a product at its row).
    pub subject: String,
    /// The explained score change (`/score-changes/{id}`), when a score moved.
    pub score_change_report: Option<String>,
    pub alerts: String,
    pub watchlist: String,
}

/// One alert: what fired, on what, the score and grade before and after, and the record
/// that caused it.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct AlertDocument {
    pub id: i32,
    pub kind: WatchRuleKind,
    /// When it was raised (UTC, RFC 3339).
    pub created_at: String,
    pub watchlist: WatchlistRef,
    pub rule: RuleRef,
    pub subject: SubjectInfo,
    pub old: ScorePoint,
    pub new: ScorePoint,
    pub record: Option<RecordLink>,
    pub links: AlertLinks,
}

impl AlertDocument {
    pub fn of(a: &Alert) -> AlertDocument {
        let record = a.record.as_ref().map(|r| RecordLink {
            kind: r.kind.clone(),
            slug: r.slug.clone(),
            title: r.title.clone(),
            path: a.record_path().unwrap_or_default(),
        });
        AlertDocument {
            id: a.id,
            kind: a.kind,
            created_at: utc(a.created_at),
            watchlist: WatchlistRef {
                id: a.watchlist_id,
                name: a.watchlist_name.clone(),
            },
            rule: RuleRef {
                id: a.rule_id,
                kind: a.kind,
                threshold: a.threshold,
            },
            subject: a.subject.clone(),
            old: a.old.clone(),
            new: a.new.clone(),
            record,
            links: AlertLinks {
                subject: a.subject.path(),
                score_change_report: a.report_id.map(|r| format!("/score-changes/{r}")),
                alerts: "/alerts".into(),
                watchlist: format!("/watchlists/{}", a.watchlist_id),
            },
        }
    }
}

/// Alert `id`, raised by `w` as `d` says at `now`, as its owner's inbox will show it.
fn raised(id: i32, w: &Watcher, d: &Draft, now: NaiveDateTime) -> Alert {
    Alert {
        id,
        watchlist_id: w.watchlist_id,
        watchlist_name: w.watchlist_name.clone(),
        rule_id: Some(w.rule_id),
        kind: w.kind,
        threshold: w.threshold,
        subject: d.subject.clone(),
        old: d.old.clone(),
        new: d.new.clone(),
        record: d.record.as_ref().map(|r| RecordInfo {
            kind: r.kind.clone(),
            slug: r.slug.clone(),
            title: r.title.clone(),
        }),
        report_id: d.report,
        created_at: now,
        read_at: None,
    }
}

/// The webhook body of alert `id`, raised by `w` as `d` says at `now`.
pub(super) fn alert_body(id: i32, w: &Watcher, d: &Draft, now: NaiveDateTime) -> Value {
    json!({
        "event": event_of(w.kind),
        "alert": AlertDocument::of(&raised(id, w, d, now)),
    })
}

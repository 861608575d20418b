//! The JSON body a webhook receives for an alert, built once when the alert is raised and
//! stored with its delivery, so every attempt sends (and signs) the same bytes.

use super::evaluate::{Draft, Watcher};
use chrono::{NaiveDateTime, SecondsFormat};
use serde_json::{Value, json};

/// The event an alert of this kind is sent as (`X-Trustkb-Event`).
pub fn event_of(kind: crate::domain::WatchRuleKind) -> String {
    format!("alert.{}", kind.as_str())
}

/// A UTC time as RFC 3339 (`2026-11-27T04:00:00Z`).
pub fn utc(t: NaiveDateTime) -> String {
    t.and_utc().to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// The body of alert `id`, raised by `w` as `d` says at `now`. Links are paths on this
/// server (the receiver knows its address).
pub(super) fn alert_body(id: i32, w: &Watcher, d: &Draft, now: NaiveDateTime) -> Value {
    let record = d.record.as_ref().map(|r| {
        let path = match r.kind.as_str() {
            "incident" => format!("/incidents/{}", r.slug),
            _ => format!("{}#assessments", d.subject.path()),
        };
        json!({"kind": r.kind, "slug": r.slug, "title": r.title, "path": path})
    });
    json!({
        "event": event_of(w.kind),
        "alert": {
            "id": id,
            "kind": w.kind,
            "created_at": utc(now),
            "watchlist": {"id": w.watchlist_id, "name": w.watchlist_name},
            "rule": {"id": w.rule_id, "kind": w.kind, "threshold": w.threshold},
            "subject": {
                "kind": d.subject.kind, "id": d.subject.id, "slug": d.subject.slug,
                "name": d.subject.name, "vendor_slug": d.subject.vendor_slug,
            },
            "old": d.old,
            "new": d.new,
            "record": record,
            "links": {
                "subject": d.subject.path(),
                "score_change_report": d.report.map(|r| format!("/score-changes/{r}")),
                "alerts": "/alerts",
                "watchlist": format!("/watchlists/{}", w.watchlist_id),
            },
        }
    })
}

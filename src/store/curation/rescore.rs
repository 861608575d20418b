//! Rescoring after new evidence: every subject's score before and after, today's snapshots
//! refreshed in the same transaction, and the changes kept in the audit trail for the page.

use crate::domain::audit::Actor;
use crate::domain::scoring::{ScoreBook, ScoringConfig, Subject};
use crate::store::audit::{AuditFilter, Audited, list_audit, record_update};
use crate::store::queries::PageRequest;
use crate::store::queries::evidence::load_scoring_data;
use crate::store::snapshots::refresh_snapshots;
use crate::store::{DbConnection, StoreError};
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::collections::BTreeMap;

/// The audit trail's name for the score changes an incident's new evidence caused (entity
/// id: the incident's id; label: its slug).
pub const RESCORE: &str = "incident_rescore";

/// One subject's score before and after a change (`None`: not scored then). A score may be
/// "unknown" (too little evidence for a grade): it is still shown, marked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoreChange {
    /// "vendor" or "product".
    pub kind: String,
    pub slug: String,
    pub name: String,
    /// The vendor page that shows this subject.
    pub vendor_slug: String,
    pub before: Option<f64>,
    pub after: Option<f64>,
    #[serde(default)]
    pub before_unknown: bool,
    #[serde(default)]
    pub after_unknown: bool,
}

impl ScoreChange {
    /// After minus before, when both are known.
    pub fn delta(&self) -> Option<f64> {
        Some(self.after? - self.before?)
    }
}

/// Every subject's score on a date: subject → (who, score, unknown).
#[derive(Debug, Clone, Default)]
pub struct Scores(BTreeMap<Subject, (ScoreChange, f64, bool)>);

impl Scores {
    /// A subject's score and whether it is unknown (`None`: not scored).
    pub fn then(&self, subject: &Subject) -> Option<(f64, bool)> {
        self.0
            .get(subject)
            .map(|(_, score, unknown)| (*score, *unknown))
    }

    /// Who a scored subject is (kind, slug, name, vendor page); its scores are not set.
    pub fn who(&self, subject: &Subject) -> Option<&ScoreChange> {
        self.0.get(subject).map(|(who, _, _)| who)
    }
}

/// Every subject's score as of `as_of` under `config`.
pub fn current_scores(
    conn: &mut DbConnection,
    as_of: NaiveDate,
    config: &ScoringConfig,
) -> Result<Scores, StoreError> {
    let data = load_scoring_data(conn)?;
    let book = ScoreBook::new(&data.input, as_of, config);
    let mut scores = BTreeMap::new();
    for (subject, score) in book.explain_all() {
        let (kind, slug, name, vendor_slug) = match subject {
            Subject::Vendor(id) => {
                let Some((slug, name)) = data.vendors.get(&id) else {
                    continue;
                };
                ("vendor", slug.clone(), name.clone(), slug.clone())
            }
            Subject::Product(id) => {
                let Some((slug, name, vendor)) = data.products.get(&id) else {
                    continue;
                };
                let vendor_slug = data
                    .vendors
                    .get(vendor)
                    .map(|v| v.0.clone())
                    .unwrap_or_default();
                ("product", slug.clone(), name.clone(), vendor_slug)
            }
        };
        let change = ScoreChange {
            kind: kind.to_owned(),
            slug,
            name,
            vendor_slug,
            before: None,
            after: None,
            before_unknown: false,
            after_unknown: false,
        };
        scores.insert(subject, (change, score.score, score.unknown));
    }
    Ok(Scores(scores))
}

/// The subjects whose score moved by at least 0.05 points (or became known or unknown, or
/// appeared), plus those named, biggest move first.
fn changes(before: &Scores, after: &Scores, named: &[Subject]) -> Vec<ScoreChange> {
    let mut list: Vec<ScoreChange> = Vec::new();
    for (subject, (who, score, unknown)) in &after.0 {
        let was = before.0.get(subject);
        let moved = match was {
            Some((_, a, a_unknown)) => (a - score).abs() >= 0.05 || a_unknown != unknown,
            None => true,
        };
        if moved || named.contains(subject) {
            list.push(ScoreChange {
                before: was.map(|w| w.1),
                after: Some(*score),
                before_unknown: was.is_some_and(|w| w.2),
                after_unknown: *unknown,
                ..who.clone()
            });
        }
    }
    list.sort_by(|a, b| {
        let size = |c: &ScoreChange| c.delta().map_or(f64::INFINITY, f64::abs);
        size(b).total_cmp(&size(a))
    });
    list
}

/// Scoring settings and the day scores are refreshed for.
pub type Scoring<'a> = (&'a ScoringConfig, NaiveDate);

/// Every subject's score today, before a write that may move them.
pub fn scores_before(
    conn: &mut DbConnection,
    (config, today): Scoring<'_>,
) -> Result<Scores, StoreError> {
    current_scores(conn, today, config)
}

/// After evidence about incident `incident_id` was written (inside the caller's transaction):
/// refreshes today's snapshots, compares the scores with `before`, and records the changes
/// (action update, entity [`RESCORE`]). Returns the changes.
pub fn rescore(
    conn: &mut DbConnection,
    actor: &Actor,
    (incident_id, incident_slug): (i32, &str),
    before: &Scores,
    named: &[Subject],
    scoring: Scoring<'_>,
    now: NaiveDateTime,
) -> Result<Vec<ScoreChange>, StoreError> {
    let about = (RESCORE, incident_id, incident_slug);
    rescore_about(conn, actor, about, (before, named), scoring, now)
}

/// [`rescore`] for evidence tied to another record than an incident (a remediation without
/// one): the changes are recorded under `entity`, with that record's id and label, against
/// the scores `before`, listing the `named` subjects even when they did not move.
pub fn rescore_about(
    conn: &mut DbConnection,
    actor: &Actor,
    (entity, id, label): Audited<'_>,
    (before, named): (&Scores, &[Subject]),
    (config, today): Scoring<'_>,
    now: NaiveDateTime,
) -> Result<Vec<ScoreChange>, StoreError> {
    refresh_snapshots(conn, today, config, now)?;
    let after = current_scores(conn, today, config)?;
    let list = changes(before, &after, named);
    let was = json!({
        "as_of": today,
        "scores": list
            .iter()
            .map(|c| (format!("{}:{}", c.kind, c.slug), c.before))
            .collect::<BTreeMap<_, _>>(),
    });
    let is = json!({ "as_of": today, "model_version": config.model_version, "changes": list });
    record_update(conn, actor, (entity, id, label), (was, is), now)?;
    crate::store::alerts::evaluate::scores_moved(
        conn,
        (entity, id),
        (before, &after),
        config,
        now,
    )?;
    Ok(list)
}

/// The score changes last recorded for the incident with this slug (none when never
/// rescored); not found when there is no such incident.
pub fn last_rescore(conn: &mut DbConnection, slug: &str) -> Result<Vec<ScoreChange>, StoreError> {
    let incident_id = super::lookup::incident_id(conn, slug)?
        .ok_or_else(|| StoreError::not_found("incident", slug))?;
    let filter = AuditFilter {
        entity: Some(RESCORE.to_owned()),
        entity_id: Some(incident_id.to_string()),
        ..AuditFilter::default()
    };
    let page = list_audit(conn, &filter, PageRequest::new(Some(1), None))?;
    let Some(after) = page.items.into_iter().next().and_then(|e| e.after) else {
        return Ok(Vec::new());
    };
    recorded_changes(&after)
}

/// The score changes a rescore's audit record holds (its `after` values).
pub fn recorded_changes(after: &serde_json::Value) -> Result<Vec<ScoreChange>, StoreError> {
    serde_json::from_value(after["changes"].clone())
        .map_err(|e| StoreError::Corrupt(format!("audit_log.after_json of a rescore: {e}")))
}

//! The score changes one curation write caused, kept as a rescore record in the audit trail:
//! written with the change, then read back by that record's id for the page reporting it.

use super::rescore::{RESCORE, ScoreChange, Scores, Scoring, recorded_changes, rescore_about};
use crate::domain::audit::Actor;
use crate::domain::scoring::Subject;
use crate::store::audit::{AuditFilter, Audited, audit_batch};
use crate::store::{DbConnection, StoreError};
use chrono::NaiveDateTime;

/// The audit trail's name for the score changes a dependency's creation, edit or deletion
/// caused (entity id: the dependency's id; label: consumer → product).
pub const DEPENDENCY_RESCORE: &str = "dependency_rescore";
/// The same for an assessment (entity id: its id; label: its slug).
pub const ASSESSMENT_RESCORE: &str = "assessment_rescore";

/// The rescore records the report page may show.
pub const REPORTED: [&str; 3] = [RESCORE, DEPENDENCY_RESCORE, ASSESSMENT_RESCORE];

/// What a write did to the scores: the id of its rescore record and the changes.
#[derive(Debug, Clone, PartialEq)]
pub struct Rescored {
    pub report: i32,
    pub changes: Vec<ScoreChange>,
}

/// Refreshes today's snapshots, records the changes against the scores `before` (listing the
/// `named` subjects even when they did not move) under `about` — the rescore entity, the
/// changed record's id and label — inside the caller's transaction, and returns them with
/// the id of their record.
pub fn rescore_and_report(
    conn: &mut DbConnection,
    actor: &Actor,
    about: Audited<'_>,
    before: (&Scores, &[Subject]),
    scoring: Scoring<'_>,
    now: NaiveDateTime,
) -> Result<Rescored, StoreError> {
    let changes = rescore_about(conn, actor, about, before, scoring, now)?;
    let (entity, id, _) = about;
    let report = latest_record(conn, entity, id)?
        .ok_or_else(|| StoreError::Corrupt("a rescore record just written is missing".into()))?;
    Ok(Rescored { report, changes })
}

/// The audit id of the latest record of `entity` about the record with this id.
pub fn latest_record(
    conn: &mut DbConnection,
    entity: &str,
    id: i32,
) -> Result<Option<i32>, StoreError> {
    let filter = AuditFilter {
        entity: Some(entity.to_owned()),
        entity_id: Some(id.to_string()),
        ..AuditFilter::default()
    };
    Ok(audit_batch(conn, &filter, None, 1)?.first().map(|e| e.id))
}

/// A rescore record as its page shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreReport {
    /// Its entity: which kind of record changed.
    pub entity: String,
    /// The changed record's label (a slug, or consumer → product).
    pub label: String,
    pub changes: Vec<ScoreChange>,
}

/// The rescore record with audit id `id`; not found for any other audit record.
pub fn score_report(conn: &mut DbConnection, id: i32) -> Result<ScoreReport, StoreError> {
    let entry = audit_batch(conn, &AuditFilter::default(), Some(id.saturating_add(1)), 1)?
        .into_iter()
        .next()
        .filter(|e| e.id == id && REPORTED.contains(&e.entity.as_str()))
        .ok_or_else(|| StoreError::not_found("score report", id.to_string()))?;
    let changes = match &entry.after {
        Some(after) => recorded_changes(after)?,
        None => Vec::new(),
    };
    Ok(ScoreReport {
        entity: entry.entity,
        label: entry.label,
        changes,
    })
}

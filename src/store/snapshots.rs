//! Stored score snapshots: every subject's score, opinion and explanation as of a date under
//! one model version, rewritten in the same transaction as the evidence change that moves it.

use crate::domain::scoring::{ScoreBook, ScoringConfig, Subject};
use crate::domain::views::ScoreSummary;
use crate::store::queries::evidence::load_scoring_data;
use crate::store::schema::score_snapshots;
use crate::store::{DbConnection, StoreError};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use std::collections::HashMap;

/// The name under which rewriting snapshots moves the knowledge base's generation.
const SNAPSHOT: &str = "score_snapshot";

/// Rows per multi-row INSERT (12 bound values each: well under both backends' limits).
const SNAPSHOTS_PER_INSERT: usize = 500;

#[derive(Debug, Insertable)]
#[diesel(table_name = score_snapshots)]
struct NewSnapshot<'a> {
    vendor_id: Option<i32>,
    product_id: Option<i32>,
    as_of: NaiveDate,
    model_version: &'a str,
    score: f64,
    belief: f64,
    disbelief: f64,
    uncertainty: f64,
    grade: Option<&'a str>,
    unknown: bool,
    explanation: String,
    computed_at: NaiveDateTime,
}

/// A stored score row, as lists read it.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = score_snapshots)]
pub struct SnapshotSummary {
    pub vendor_id: Option<i32>,
    pub product_id: Option<i32>,
    pub as_of: NaiveDate,
    pub model_version: String,
    pub score: f64,
    pub grade: Option<String>,
    pub unknown: bool,
    pub uncertainty: f64,
}

/// Recomputes every subject as of `as_of` and replaces that date's snapshots of this model.
/// Returns how many were written. Runs in a transaction (a savepoint inside the caller's).
/// Its duration is the `trustkb_score_recompute_seconds` metric.
pub fn refresh_snapshots(
    conn: &mut DbConnection,
    as_of: NaiveDate,
    config: &ScoringConfig,
    now: NaiveDateTime,
) -> Result<usize, StoreError> {
    let started = std::time::Instant::now();
    let written = conn.transaction::<_, StoreError, _>(|conn| {
        let data = load_scoring_data(conn)?;
        let book = ScoreBook::new(&data.input, as_of, config);
        diesel::delete(
            score_snapshots::table
                .filter(score_snapshots::as_of.eq(as_of))
                .filter(score_snapshots::model_version.eq(&config.model_version)),
        )
        .execute(conn)?;
        let mut rows = Vec::with_capacity(book.subjects().len());
        for subject in book.subjects() {
            let Some(score) = book.explain(*subject) else {
                continue;
            };
            let (vendor_id, product_id) = match subject {
                Subject::Vendor(id) => (Some(*id), None),
                Subject::Product(id) => (None, Some(*id)),
            };
            let explanation = serde_json::to_string(&score.contributions).map_err(|e| {
                StoreError::Corrupt(format!("cannot serialise an explanation: {e}"))
            })?;
            rows.push(NewSnapshot {
                vendor_id,
                product_id,
                as_of,
                model_version: &config.model_version,
                score: score.score,
                belief: score.belief,
                disbelief: score.disbelief,
                uncertainty: score.uncertainty,
                grade: score.grade.map(|g| g.as_str()),
                unknown: score.unknown,
                explanation,
                computed_at: now,
            });
        }
        for chunk in rows.chunks(SNAPSHOTS_PER_INSERT) {
            let insert = diesel::insert_into(score_snapshots::table).values(chunk);
            match conn {
                DbConnection::Sqlite(c) => insert.execute(c)?,
                DbConnection::Postgres(c) => insert.execute(c)?,
            };
        }
        let written = rows.len();
        crate::store::generation::bump(conn, SNAPSHOT)?;
        Ok(written)
    })?;
    crate::metrics::observe_recompute(started.elapsed());
    // The scoring input and the rows written are garbage now (about 80 MiB at 10,000 vendors).
    crate::memory::release_freed();
    Ok(written)
}

/// Whether snapshots of this model exist for this date.
pub fn has_snapshots(
    conn: &mut DbConnection,
    as_of: NaiveDate,
    model_version: &str,
) -> Result<bool, StoreError> {
    let n: i64 = score_snapshots::table
        .filter(score_snapshots::as_of.eq(as_of))
        .filter(score_snapshots::model_version.eq(model_version))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

impl SnapshotSummary {
    pub fn view(self) -> ScoreSummary {
        ScoreSummary {
            as_of: self.as_of,
            model_version: self.model_version,
            score: self.score,
            grade: self.grade,
            unknown: self.unknown,
            uncertainty: self.uncertainty,
        }
    }
}

/// The latest stored score of each of these vendors under this model. Picked here rather
/// than ordered by the database, so the query is a lookup per vendor on its snapshot index.
pub fn latest_vendor_snapshots(
    conn: &mut DbConnection,
    vendor_ids: &[i32],
    model_version: &str,
) -> Result<HashMap<i32, SnapshotSummary>, StoreError> {
    let rows: Vec<(i32, SnapshotSummary)> = score_snapshots::table
        .filter(score_snapshots::vendor_id.eq_any(vendor_ids))
        .filter(score_snapshots::model_version.eq(model_version))
        .select((score_snapshots::id, SnapshotSummary::as_select()))
        .load(conn)?;
    let mut latest: HashMap<i32, (i32, SnapshotSummary)> = HashMap::new();
    for (id, row) in rows {
        let Some(vendor) = row.vendor_id else {
            continue;
        };
        match latest.get(&vendor) {
            Some((best_id, best)) if (best.as_of, *best_id) >= (row.as_of, id) => {}
            _ => {
                latest.insert(vendor, (id, row));
            }
        }
    }
    Ok(latest.into_iter().map(|(v, (_, row))| (v, row)).collect())
}

//! Citations of records, loaded in bulk and grouped by the record they support.

use crate::domain::views::CitationView;
use crate::store::rows::{CitationRow, CitedRecord};
use crate::store::schema::{citations, sources};
use crate::store::{DbConnection, StoreError};
use diesel::prelude::*;
use std::collections::HashMap;

/// A citation with its source's slug, title and language.
type CitedRow = (CitationRow, String, String, String);

/// The query of citations joined to their source, in insertion order.
macro_rules! cited_rows {
    () => {
        citations::table
            .inner_join(sources::table)
            .select((
                CitationRow::as_select(),
                sources::slug,
                sources::title,
                sources::language,
            ))
            .order(citations::id)
    };
}

/// Citations grouped by (record kind, record id), each group in insertion order.
#[derive(Debug, Default)]
pub struct CitationIndex {
    by_record: HashMap<(CitedRecord, i32), Vec<CitationView>>,
}

impl CitationIndex {
    /// The citations of one record (empty if none).
    pub fn of(&self, kind: CitedRecord, id: i32) -> Vec<CitationView> {
        self.by_record.get(&(kind, id)).cloned().unwrap_or_default()
    }

    fn add(&mut self, rows: Vec<CitedRow>) {
        for (row, source_slug, source_title, source_language) in rows {
            let Some(key) = CitedRecord::of(&row) else {
                continue;
            };
            self.by_record.entry(key).or_default().push(CitationView {
                source_id: row.source_id,
                source_slug,
                source_title,
                source_language,
                excerpt: row.excerpt,
                locator: row.locator,
            });
        }
    }
}

/// Loads the citations of the given records: one query per kind asked for.
pub fn load_citations(
    conn: &mut DbConnection,
    wanted: &[(CitedRecord, Vec<i32>)],
) -> Result<CitationIndex, StoreError> {
    let mut index = CitationIndex::default();
    for (kind, ids) in wanted {
        if ids.is_empty() {
            continue;
        }
        let base = cited_rows!();
        macro_rules! by {
            ($col:ident) => {
                base.filter(citations::$col.eq_any(ids)).load(conn)?
            };
        }
        let rows: Vec<CitedRow> = match kind {
            CitedRecord::Vendor => by!(vendor_id),
            CitedRecord::Product => by!(product_id),
            CitedRecord::Dependency => by!(dependency_id),
            CitedRecord::Incident => by!(incident_id),
            CitedRecord::Involvement => by!(involvement_id),
            CitedRecord::TimelineEvent => by!(timeline_event_id),
            CitedRecord::IncidentCause => by!(incident_cause_id),
            CitedRecord::Remediation => by!(remediation_id),
            CitedRecord::Analyst => by!(analyst_id),
            CitedRecord::Assessment => by!(assessment_id),
        };
        index.add(rows);
    }
    Ok(index)
}

/// Loads every citation (for exports).
pub fn load_all_citations(conn: &mut DbConnection) -> Result<CitationIndex, StoreError> {
    let rows: Vec<CitedRow> = cited_rows!().load(conn)?;
    let mut index = CitationIndex::default();
    index.add(rows);
    Ok(index)
}

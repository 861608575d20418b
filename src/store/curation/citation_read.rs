//! Reading one citation as the API shows it: its source, the kind of record it supports and
//! that record's key (a slug, or a number for records without one), its excerpt and locator.

use super::citation::{has_slug, kind_key};
use crate::store::error::OrNotFound;
use crate::store::rows::{CitationRow, CitedRecord};
use crate::store::schema::*;
use crate::store::{DbConnection, StoreError};
use diesel::prelude::*;

/// A stored citation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredCitation {
    pub id: i32,
    pub source_id: i32,
    pub source_slug: String,
    /// The kind of record, as the citation form names it (`timeline_event`).
    pub kind: &'static str,
    /// The record's slug, or its number.
    pub record: String,
    pub excerpt: String,
    pub locator: Option<String>,
}

/// The key the citation form names a record of `kind` by: its slug, or its number.
fn record_key(conn: &mut DbConnection, kind: CitedRecord, id: i32) -> Result<String, StoreError> {
    macro_rules! slug_of {
        ($t:ident) => {
            $t::table.find(id).select($t::slug).first::<String>(conn)?
        };
    }
    if !has_slug(kind) {
        return Ok(id.to_string());
    }
    Ok(match kind {
        CitedRecord::Vendor => slug_of!(vendors),
        CitedRecord::Product => slug_of!(products),
        CitedRecord::Incident => slug_of!(incidents),
        CitedRecord::Remediation => slug_of!(remediations),
        CitedRecord::Analyst => slug_of!(analysts),
        CitedRecord::Assessment => slug_of!(assessments),
        _ => id.to_string(),
    })
}

/// Citation `id`; not found when there is none.
pub fn stored_citation(conn: &mut DbConnection, id: i32) -> Result<StoredCitation, StoreError> {
    let row: CitationRow = citations::table
        .find(id)
        .select(CitationRow::as_select())
        .first(conn)
        .or_not_found("citation", id.to_string())?;
    let source_slug: String = sources::table
        .find(row.source_id)
        .select(sources::slug)
        .first(conn)?;
    let (kind, target) = CitedRecord::of(&row)
        .ok_or_else(|| StoreError::Corrupt(format!("citation {id} supports no record")))?;
    Ok(StoredCitation {
        id,
        source_id: row.source_id,
        source_slug,
        kind: kind_key(kind),
        record: record_key(conn, kind, target)?,
        excerpt: row.excerpt,
        locator: row.locator,
    })
}

/// The ids of the citations of source `source` (of every source when none), in order.
pub fn citation_ids(conn: &mut DbConnection, source: Option<i32>) -> Result<Vec<i32>, StoreError> {
    let mut query = citations::table
        .select(citations::id)
        .order(citations::id)
        .into_boxed();
    if let Some(source) = source {
        query = query.filter(citations::source_id.eq(source));
    }
    Ok(query.load(conn)?)
}

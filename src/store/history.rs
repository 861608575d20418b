//! A record's own history: the audit trail's names for the records that have a page (vendor,
//! incident, source), and the latest audit entries of one of them. Errors are `StoreError`.

use super::audit::{AuditFilter, list_audit};
use super::queries::{Page, PageRequest};
use super::schema::{incidents, sources, vendors};
use super::{DbConnection, StoreError};
use crate::domain::audit::AuditEntry;
use diesel::prelude::*;

/// The audit trail's name for vendors (entity id: the vendor's database id; label: its slug).
pub const VENDOR: &str = "vendor";
/// The audit trail's name for incidents (entity id: database id; label: slug).
pub const INCIDENT: &str = "incident";
/// The audit trail's name for sources (entity id: database id; label: slug).
pub const SOURCE: &str = "source";

/// A record with a page, as its URL names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageRecord<'a> {
    Vendor(&'a str),
    Incident(&'a str),
    Source(i32),
}

/// The latest audit entries of one record.
#[derive(Debug, Clone)]
pub struct RecordHistory {
    pub entity: &'static str,
    pub entity_id: String,
    pub entries: Page<AuditEntry>,
}

/// The latest `limit` audit entries of `record`, newest first.
pub fn record_history(
    conn: &mut DbConnection,
    record: PageRecord<'_>,
    limit: i64,
) -> Result<RecordHistory, StoreError> {
    let (entity, id) = match record {
        PageRecord::Vendor(slug) => (
            VENDOR,
            vendors::table
                .filter(vendors::slug.eq(slug))
                .select(vendors::id)
                .first::<i32>(conn)
                .optional()?
                .ok_or_else(|| StoreError::not_found("vendor", slug))?,
        ),
        PageRecord::Incident(slug) => (
            INCIDENT,
            incidents::table
                .filter(incidents::slug.eq(slug))
                .select(incidents::id)
                .first::<i32>(conn)
                .optional()?
                .ok_or_else(|| StoreError::not_found("incident", slug))?,
        ),
        PageRecord::Source(id) => (
            SOURCE,
            sources::table
                .find(id)
                .select(sources::id)
                .first::<i32>(conn)
                .optional()?
                .ok_or_else(|| StoreError::not_found("source", id.to_string()))?,
        ),
    };
    let filter = AuditFilter {
        entity: Some(entity.to_owned()),
        entity_id: Some(id.to_string()),
        ..AuditFilter::default()
    };
    let entries = list_audit(conn, &filter, PageRequest::new(Some(limit), None))?;
    Ok(RecordHistory {
        entity,
        entity_id: id.to_string(),
        entries,
    })
}

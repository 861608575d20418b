//! Remediation queries for the API: the paged list (of one incident or vendor, or all) and one
//! remediation by slug, each with its vendor, incident, products and citations.

use super::hydrate::remediation_views;
use super::{Page, PageRequest};
use crate::domain::views::RemediationView;
use crate::store::error::OrNotFound;
use crate::store::rows::RemediationRow;
use crate::store::schema::{incidents, remediations, vendors};
use crate::store::{DbConnection, StoreError};
use diesel::prelude::*;

/// Which remediations a list shows: those of an incident and/or of a vendor (by slug).
#[derive(Debug, Clone, Default)]
pub struct RemediationFilter {
    pub incident: Option<String>,
    pub vendor: Option<String>,
}

/// Remediations matching `filter`, by slug. A slug that names no record matches nothing.
pub fn list_remediations(
    conn: &mut DbConnection,
    filter: &RemediationFilter,
    page: PageRequest,
) -> Result<Page<RemediationView>, StoreError> {
    let filtered = || {
        let mut q = remediations::table.into_boxed::<crate::store::connection::MultiBackend>();
        if let Some(slug) = &filter.incident {
            let ids = incidents::table
                .filter(incidents::slug.eq(slug.clone()))
                .select(incidents::id);
            q = q.filter(remediations::incident_id.eq_any(ids.nullable()));
        }
        if let Some(slug) = &filter.vendor {
            let ids = vendors::table
                .filter(vendors::slug.eq(slug.clone()))
                .select(vendors::id);
            q = q.filter(remediations::vendor_id.eq_any(ids));
        }
        q
    };
    let total: i64 = filtered().count().get_result(conn)?;
    let rows: Vec<RemediationRow> = filtered()
        .select(RemediationRow::as_select())
        .order(remediations::slug.asc())
        .limit(page.limit)
        .offset(page.offset)
        .load(conn)?;
    Ok(Page {
        items: remediation_views(conn, &rows)?,
        total,
    })
}

/// The remediation with this slug; not found when there is none.
pub fn remediation_view(
    conn: &mut DbConnection,
    slug: &str,
) -> Result<RemediationView, StoreError> {
    let row: RemediationRow = remediations::table
        .filter(remediations::slug.eq(slug))
        .select(RemediationRow::as_select())
        .first(conn)
        .or_not_found("remediation", slug)?;
    remediation_views(conn, &[row])?
        .pop()
        .ok_or_else(|| StoreError::not_found("remediation", slug))
}

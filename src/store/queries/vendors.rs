//! Vendor queries: the paged list and everything recorded about one vendor.

use super::citations::load_citations;
use super::hydrate::*;
use super::{Page, PageRequest};
use crate::domain::views::{
    VendorDetail, VendorIncidentView, VendorSummary, earliest_first, recent_first,
};
use crate::store::error::parse_stored;
use crate::store::rows::*;
use crate::store::schema::{
    assessments, dependencies, incident_involvements as inv, products, remediations, vendors,
};
use crate::store::snapshots::{SnapshotSummary, latest_vendor_snapshots};
use crate::store::{DbConnection, StoreError};
use diesel::dsl::count_star;
use diesel::prelude::*;
use std::collections::{HashMap, HashSet};

/// Vendors ordered by name, with product and incident counts and their latest stored score.
pub fn list_vendors(
    conn: &mut DbConnection,
    page: PageRequest,
    model_version: &str,
) -> Result<Page<VendorSummary>, StoreError> {
    let total: i64 = vendors::table.count().get_result(conn)?;
    let rows: Vec<VendorRow> = vendors::table
        .select(VendorRow::as_select())
        .order((vendors::name, vendors::slug))
        .limit(page.limit)
        .offset(page.offset)
        .load(conn)?;
    let ids: Vec<i32> = rows.iter().map(|r| r.id).collect();
    let product_counts: HashMap<i32, i64> = products::table
        .filter(products::vendor_id.eq_any(&ids))
        .group_by(products::vendor_id)
        .select((products::vendor_id, count_star()))
        .load::<(i32, i64)>(conn)?
        .into_iter()
        .collect();
    let incident_counts = incident_counts(conn, &ids)?;
    let mut scores = latest_vendor_snapshots(conn, &ids, model_version)?;
    let items = rows
        .into_iter()
        .map(|r| {
            Ok(VendorSummary {
                trust: scores.remove(&r.id).map(SnapshotSummary::view),
                product_count: product_counts.get(&r.id).copied().unwrap_or(0),
                incident_count: incident_counts.get(&r.id).map_or(0, |s| s.len() as i64),
                tier: parse_stored("vendors.tier", &r.tier)?,
                status: parse_stored("vendors.status", &r.status)?,
                slug: r.slug,
                name: r.name,
                description: r.description,
            })
        })
        .collect::<Result<_, StoreError>>()?;
    Ok(Page { items, total })
}

/// The distinct incidents each vendor is involved in, directly or through its products.
pub(super) fn incident_counts(
    conn: &mut DbConnection,
    vendor_ids: &[i32],
) -> Result<HashMap<i32, HashSet<i32>>, StoreError> {
    let direct: Vec<(Option<i32>, i32)> = inv::table
        .filter(inv::vendor_id.eq_any(vendor_ids))
        .select((inv::vendor_id, inv::incident_id))
        .load(conn)?;
    let via_products: Vec<(i32, i32)> = inv::table
        .inner_join(products::table.on(inv::product_id.eq(products::id.nullable())))
        .filter(products::vendor_id.eq_any(vendor_ids))
        .select((products::vendor_id, inv::incident_id))
        .load(conn)?;
    let mut counts: HashMap<i32, HashSet<i32>> = HashMap::new();
    for (vendor, incident) in direct
        .into_iter()
        .filter_map(|(v, i)| v.map(|v| (v, i)))
        .chain(via_products)
    {
        counts.entry(vendor).or_default().insert(incident);
    }
    Ok(counts)
}

/// Everything recorded about the vendor with this slug.
pub fn vendor_detail(conn: &mut DbConnection, slug: &str) -> Result<VendorDetail, StoreError> {
    let vendor: VendorRow = vendors::table
        .filter(vendors::slug.eq(slug))
        .select(VendorRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| StoreError::not_found("vendor", slug))?;
    let product_rows: Vec<ProductRow> = products::table
        .filter(products::vendor_id.eq(vendor.id))
        .select(ProductRow::as_select())
        .order(products::name)
        .load(conn)?;
    let product_ids: Vec<i32> = product_rows.iter().map(|p| p.id).collect();

    let uses: Vec<DependencyRow> = dependencies::table
        .filter(dependencies::consumer_vendor_id.eq(vendor.id))
        .select(DependencyRow::as_select())
        .order(dependencies::id)
        .load(conn)?;
    let used_by: Vec<DependencyRow> = dependencies::table
        .filter(dependencies::product_id.eq_any(&product_ids))
        .select(DependencyRow::as_select())
        .order(dependencies::id)
        .load(conn)?;
    let involvement_rows: Vec<InvolvementRow> = inv::table
        .filter(
            inv::vendor_id
                .eq(vendor.id)
                .or(inv::product_id.eq_any(&product_ids)),
        )
        .select(InvolvementRow::as_select())
        .order(inv::id)
        .load(conn)?;
    let remediation_rows: Vec<RemediationRow> = remediations::table
        .filter(remediations::vendor_id.eq(vendor.id))
        .select(RemediationRow::as_select())
        .order(remediations::id)
        .load(conn)?;
    let assessment_rows: Vec<AssessmentRow> = assessments::table
        .filter(
            assessments::vendor_id
                .eq(vendor.id)
                .or(assessments::product_id.eq_any(&product_ids)),
        )
        .select(AssessmentRow::as_select())
        .order((assessments::assessed_on, assessments::id))
        .load(conn)?;
    // NULL dates sort differently on the two backends: order here, unknown dates last.
    let mut uses = uses;
    let mut used_by = used_by;
    let mut remediation_rows = remediation_rows;
    uses.sort_by(|a, b| recent_first(a.since, b.since).then(a.id.cmp(&b.id)));
    used_by.sort_by(|a, b| recent_first(a.since, b.since).then(a.id.cmp(&b.id)));
    remediation_rows.sort_by(|a, b| earliest_first(a.taken_on, b.taken_on).then(a.id.cmp(&b.id)));
    let cites = load_citations(conn, &[(CitedRecord::Vendor, vec![vendor.id])])?;

    let mut involvements = involvement_views(conn, &involvement_rows)?;
    involvements.sort_by(|a, b| {
        recent_first(
            a.disclosed_on.map(|d| d.date),
            b.disclosed_on.map(|d| d.date),
        )
        .then(a.id.cmp(&b.id))
    });
    let incidents = VendorIncidentView::group(involvements);
    Ok(VendorDetail {
        citations: cites.of(CitedRecord::Vendor, vendor.id),
        products: product_views(conn, &product_rows)?,
        dependencies: dependency_views(conn, &uses)?,
        dependents: dependency_views(conn, &used_by)?,
        incidents,
        remediations: remediation_views(conn, &remediation_rows)?,
        assessments: assessment_views(conn, &assessment_rows)?,
        trust: None,
        history: Vec::new(),
        tier: parse_stored("vendors.tier", &vendor.tier)?,
        status: parse_stored("vendors.status", &vendor.status)?,
        slug: vendor.slug,
        name: vendor.name,
        website: vendor.website,
        description: vendor.description,
    })
}

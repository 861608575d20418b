//! Turning rows into read models: related names and citations are loaded in bulk per call,
//! shared by the vendor page, the incident page and the API.

use super::bulk::{self, get};
use super::citations::load_citations;
use crate::domain::views::*;
use crate::store::error::{parse_stored, parse_stored_opt, stored_date, stored_date_opt};
use crate::store::rows::*;
use crate::store::{DbConnection, StoreError};

/// Products with their vendor, category and citations.
pub fn product_views(
    conn: &mut DbConnection,
    rows: &[ProductRow],
) -> Result<Vec<ProductView>, StoreError> {
    let vendors = bulk::vendors_by_id(conn, rows.iter().map(|r| r.vendor_id))?;
    let categories = bulk::categories_by_id(conn, rows.iter().map(|r| r.category_id))?;
    let cites = load_citations(
        conn,
        &[(CitedRecord::Product, rows.iter().map(|r| r.id).collect())],
    )?;
    rows.iter()
        .map(|r| {
            let vendor = get(&vendors, r.vendor_id, "vendor")?;
            let category = get(&categories, r.category_id, "category")?;
            Ok(ProductView {
                slug: r.slug.clone(),
                name: r.name.clone(),
                vendor_slug: vendor.slug.clone(),
                vendor_name: vendor.name.clone(),
                category_slug: category.slug.clone(),
                category_name: category.name.clone(),
                description: r.description.clone(),
                citations: cites.of(CitedRecord::Product, r.id),
                trust: None,
            })
        })
        .collect()
}

/// Dependencies with consumer, product and the product's vendor.
pub fn dependency_views(
    conn: &mut DbConnection,
    rows: &[DependencyRow],
) -> Result<Vec<DependencyView>, StoreError> {
    let products = bulk::products_by_id(conn, rows.iter().map(|r| r.product_id))?;
    let vendor_ids = rows
        .iter()
        .filter_map(|r| r.consumer_vendor_id)
        .chain(products.values().map(|p| p.vendor_id));
    let vendors = bulk::vendors_by_id(conn, vendor_ids)?;
    let cites = load_citations(
        conn,
        &[(CitedRecord::Dependency, rows.iter().map(|r| r.id).collect())],
    )?;
    rows.iter()
        .map(|r| {
            let product = get(&products, r.product_id, "product")?;
            let product_vendor = get(&vendors, product.vendor_id, "vendor")?;
            let consumer = match r.consumer_vendor_id {
                None => ConsumerView::Organisation,
                Some(id) => {
                    let v = get(&vendors, id, "vendor")?;
                    ConsumerView::Vendor {
                        slug: v.slug.clone(),
                        name: v.name.clone(),
                    }
                }
            };
            Ok(DependencyView {
                id: r.id,
                consumer,
                product_slug: product.slug.clone(),
                product_name: product.name.clone(),
                product_vendor_slug: product_vendor.slug.clone(),
                product_vendor_name: product_vendor.name.clone(),
                since: stored_date_opt("dependencies.since", r.since, &r.since_precision)?,
                until: stored_date_opt("dependencies.until", r.until, &r.until_precision)?,
                criticality: parse_stored("dependencies.criticality", &r.criticality)?,
                purpose: r.purpose.clone(),
                citations: cites.of(CitedRecord::Dependency, r.id),
            })
        })
        .collect()
}

/// Incident involvements with the incident and the party.
pub fn involvement_views(
    conn: &mut DbConnection,
    rows: &[InvolvementRow],
) -> Result<Vec<InvolvementView>, StoreError> {
    let incidents = bulk::incidents_by_id(conn, rows.iter().map(|r| r.incident_id))?;
    let products = bulk::products_by_id(conn, rows.iter().filter_map(|r| r.product_id))?;
    let vendor_ids = rows
        .iter()
        .filter_map(|r| r.vendor_id)
        .chain(products.values().map(|p| p.vendor_id));
    let vendors = bulk::vendors_by_id(conn, vendor_ids)?;
    let cites = load_citations(
        conn,
        &[(
            CitedRecord::Involvement,
            rows.iter().map(|r| r.id).collect(),
        )],
    )?;
    rows.iter()
        .map(|r| {
            let incident = get(&incidents, r.incident_id, "incident")?;
            let vendor = r
                .vendor_id
                .map(|id| get(&vendors, id, "vendor"))
                .transpose()?;
            let product = r
                .product_id
                .map(|id| get(&products, id, "product"))
                .transpose()?;
            let product_vendor = product
                .map(|p| get(&vendors, p.vendor_id, "vendor"))
                .transpose()?;
            Ok(InvolvementView {
                id: r.id,
                incident_slug: incident.slug.clone(),
                incident_title: incident.title.clone(),
                incident_kind: parse_stored("incidents.kind", &incident.kind)?,
                severity: incident.severity,
                disclosed_on: stored_date_opt(
                    "incidents.disclosed_on",
                    incident.disclosed_on,
                    &incident.disclosed_precision,
                )?,
                vendor_slug: vendor.map(|v| v.slug.clone()),
                vendor_name: vendor.map(|v| v.name.clone()),
                product_slug: product.map(|p| p.slug.clone()),
                product_name: product.map(|p| p.name.clone()),
                product_vendor_slug: product_vendor.map(|v| v.slug.clone()),
                product_vendor_name: product_vendor.map(|v| v.name.clone()),
                role: parse_stored("incident_involvements.role", &r.role)?,
                customers_affected: r.customers_affected,
                description: r.description.clone(),
                citations: cites.of(CitedRecord::Involvement, r.id),
            })
        })
        .collect()
}

/// Remediations with vendor, incident and products.
pub fn remediation_views(
    conn: &mut DbConnection,
    rows: &[RemediationRow],
) -> Result<Vec<RemediationView>, StoreError> {
    let vendors = bulk::vendors_by_id(conn, rows.iter().map(|r| r.vendor_id))?;
    let incidents = bulk::incidents_by_id(conn, rows.iter().filter_map(|r| r.incident_id))?;
    let product_ids = rows
        .iter()
        .flat_map(|r| [r.product_id, r.replacement_product_id])
        .flatten();
    let products = bulk::products_by_id(conn, product_ids)?;
    let cites = load_citations(
        conn,
        &[(
            CitedRecord::Remediation,
            rows.iter().map(|r| r.id).collect(),
        )],
    )?;
    rows.iter()
        .map(|r| {
            let vendor = get(&vendors, r.vendor_id, "vendor")?;
            let incident = r
                .incident_id
                .map(|id| get(&incidents, id, "incident"))
                .transpose()?;
            let product = r
                .product_id
                .map(|id| get(&products, id, "product"))
                .transpose()?;
            let replacement = r
                .replacement_product_id
                .map(|id| get(&products, id, "product"))
                .transpose()?;
            Ok(RemediationView {
                slug: r.slug.clone(),
                vendor_slug: vendor.slug.clone(),
                vendor_name: vendor.name.clone(),
                incident_slug: incident.map(|i| i.slug.clone()),
                incident_title: incident.map(|i| i.title.clone()),
                product_slug: product.map(|p| p.slug.clone()),
                product_name: product.map(|p| p.name.clone()),
                replacement_product_slug: replacement.map(|p| p.slug.clone()),
                replacement_product_name: replacement.map(|p| p.name.clone()),
                kind: parse_stored("remediations.kind", &r.kind)?,
                taken_on: stored_date_opt("remediations.taken_on", r.taken_on, &r.taken_precision)?,
                description: r.description.clone(),
                citations: cites.of(CitedRecord::Remediation, r.id),
            })
        })
        .collect()
}

/// Assessments with analyst, firm and subject.
pub fn assessment_views(
    conn: &mut DbConnection,
    rows: &[AssessmentRow],
) -> Result<Vec<AssessmentView>, StoreError> {
    let analysts = bulk::analysts_by_id(conn, rows.iter().map(|r| r.analyst_id))?;
    let firms = bulk::firms_by_id(conn, analysts.values().filter_map(|a| a.firm_id))?;
    let vendors = bulk::vendors_by_id(conn, rows.iter().filter_map(|r| r.vendor_id))?;
    let products = bulk::products_by_id(conn, rows.iter().filter_map(|r| r.product_id))?;
    let incidents = bulk::incidents_by_id(conn, rows.iter().filter_map(|r| r.incident_id))?;
    let cites = load_citations(
        conn,
        &[(CitedRecord::Assessment, rows.iter().map(|r| r.id).collect())],
    )?;
    rows.iter()
        .map(|r| {
            let analyst = get(&analysts, r.analyst_id, "analyst")?;
            let firm = analyst
                .firm_id
                .map(|id| get(&firms, id, "analyst firm"))
                .transpose()?;
            let subject = match (r.vendor_id, r.product_id, r.incident_id) {
                (Some(id), _, _) => {
                    let v = get(&vendors, id, "vendor")?;
                    SubjectRef {
                        kind: "vendor".into(),
                        slug: v.slug.clone(),
                        name: v.name.clone(),
                    }
                }
                (_, Some(id), _) => {
                    let p = get(&products, id, "product")?;
                    SubjectRef {
                        kind: "product".into(),
                        slug: p.slug.clone(),
                        name: p.name.clone(),
                    }
                }
                (_, _, Some(id)) => {
                    let i = get(&incidents, id, "incident")?;
                    SubjectRef {
                        kind: "incident".into(),
                        slug: i.slug.clone(),
                        name: i.title.clone(),
                    }
                }
                _ => {
                    return Err(StoreError::Corrupt(format!(
                        "assessment {} has no subject",
                        r.slug
                    )));
                }
            };
            Ok(AssessmentView {
                slug: r.slug.clone(),
                analyst_slug: analyst.slug.clone(),
                analyst_name: analyst.name.clone(),
                analyst_title: analyst.title.clone(),
                firm_slug: firm.map(|f| f.slug.clone()),
                firm_name: firm.map(|f| f.name.clone()),
                subject,
                assessed_on: stored_date(
                    "assessments.assessed_on",
                    r.assessed_on,
                    &r.assessed_precision,
                )?,
                stance: parse_stored("assessments.stance", &r.stance)?,
                favoured_action: parse_stored_opt(
                    "assessments.favoured_action",
                    r.favoured_action.as_deref(),
                )?,
                quote: r.quote.clone(),
                quote_language: r.quote_language.clone(),
                translation: r.translation.clone(),
                translation_language: r.translation_language.clone(),
                magic_quadrant: parse_stored_opt(
                    "assessments.magic_quadrant",
                    r.magic_quadrant.as_deref(),
                )?,
                wave_tier: parse_stored_opt("assessments.wave_tier", r.wave_tier.as_deref())?,
                citations: cites.of(CitedRecord::Assessment, r.id),
            })
        })
        .collect()
}

/// The list form of incidents, with the names of the parties in the origin role.
pub fn incident_summaries(
    conn: &mut DbConnection,
    rows: &[IncidentRow],
) -> Result<Vec<IncidentSummary>, StoreError> {
    use crate::store::schema::incident_involvements as inv;
    use diesel::prelude::*;
    let ids: Vec<i32> = rows.iter().map(|r| r.id).collect();
    let origins: Vec<InvolvementRow> = inv::table
        .filter(inv::incident_id.eq_any(&ids))
        .filter(inv::role.eq("origin"))
        .select(InvolvementRow::as_select())
        .order(inv::id)
        .load(conn)?;
    let origin_views = involvement_views(conn, &origins)?;
    rows.iter()
        .map(|r| {
            let mut names: Vec<String> = origin_views
                .iter()
                .filter(|o| o.incident_slug == r.slug)
                .map(InvolvementView::party)
                .collect();
            names.dedup();
            Ok(IncidentSummary {
                slug: r.slug.clone(),
                title: r.title.clone(),
                kind: parse_stored("incidents.kind", &r.kind)?,
                severity: r.severity,
                discovered_on: stored_date_opt(
                    "incidents.discovered_on",
                    r.discovered_on,
                    &r.discovered_precision,
                )?,
                disclosed_on: stored_date_opt(
                    "incidents.disclosed_on",
                    r.disclosed_on,
                    &r.disclosed_precision,
                )?,
                resolved_on: stored_date_opt(
                    "incidents.resolved_on",
                    r.resolved_on,
                    &r.resolved_precision,
                )?,
                threat_actor: r.threat_actor.clone(),
                origins: names,
            })
        })
        .collect()
}

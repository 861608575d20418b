//! Exporting the whole knowledge base as one pack file, deterministically: top-level records
//! by slug, children in insertion order, source texts inline; export → import → export is stable.

use super::date::PackDate;
use super::format::*;
use crate::domain::{Line, Slug, Text};
use crate::store::error::{parse_stored, parse_stored_opt, stored_date, stored_date_opt};
use crate::store::queries::bulk;
use crate::store::queries::citations::{CitationIndex, load_all_citations};
use crate::store::rows::*;
use crate::store::schema::*;
use crate::store::{DbConnection, StoreError};
use diesel::prelude::*;
use std::collections::HashMap;

/// The header line of every exported pack.
const EXPORT_HEADER: &str = "# trustkb knowledge pack, written by `trustkb export --format pack`.\n\
# Format: docs/knowledge-pack.md. Re-import with `trustkb import PATH`.\n\n";

/// Exports the knowledge base as pack text under the given pack name.
pub fn export_pack(conn: &mut DbConnection, name: &Slug) -> Result<String, StoreError> {
    let doc = conn.transaction(|conn| build_document(conn, name))?;
    let body = toml::to_string_pretty(&doc)
        .map_err(|e| StoreError::Corrupt(format!("cannot write the pack: {e}")))?;
    Ok(format!("{EXPORT_HEADER}{body}"))
}

/// The knowledge base as a pack document (the source of the STIX export too).
pub fn export_document(conn: &mut DbConnection, name: &Slug) -> Result<PackDocument, StoreError> {
    conn.transaction(|conn| build_document(conn, name))
}

fn slug(column: &str, value: &str) -> Result<Slug, StoreError> {
    parse_stored(column, value)
}

fn line(column: &str, value: &str) -> Result<Line, StoreError> {
    parse_stored(column, value)
}

fn text(column: &str, value: &str) -> Result<Text, StoreError> {
    parse_stored(column, value)
}

fn opt<T>(
    value: Option<&str>,
    f: impl Fn(&str) -> Result<T, StoreError>,
) -> Result<Option<T>, StoreError> {
    value.map(f).transpose()
}

fn date(
    column: &str,
    value: Option<chrono::NaiveDate>,
    precision: &str,
) -> Result<Option<PackDate>, StoreError> {
    Ok(stored_date_opt(column, value, precision)?.map(PackDate))
}

fn cites(
    index: &CitationIndex,
    kind: CitedRecord,
    id: i32,
) -> Result<Vec<PackCitation>, StoreError> {
    index
        .of(kind, id)
        .into_iter()
        .map(|c| {
            Ok(PackCitation {
                source: slug("citations.source", &c.source_slug)?,
                excerpt: text("citations.excerpt", &c.excerpt)?,
                locator: opt(c.locator.as_deref(), |l| line("citations.locator", l))?,
            })
        })
        .collect()
}

fn build_document(conn: &mut DbConnection, name: &Slug) -> Result<PackDocument, StoreError> {
    let index = load_all_citations(conn)?;
    let mut source_rows: Vec<SourceRow> = sources::table
        .select(SourceRow::as_select())
        .order(sources::slug)
        .load(conn)?;
    let mut category_rows: Vec<CategoryRow> = categories::table
        .select(CategoryRow::as_select())
        .order(categories::slug)
        .load(conn)?;
    let mut vendor_rows: Vec<VendorRow> = vendors::table
        .select(VendorRow::as_select())
        .order(vendors::slug)
        .load(conn)?;
    let mut product_rows: Vec<ProductRow> = products::table
        .select(ProductRow::as_select())
        .order(products::slug)
        .load(conn)?;
    let mut incident_rows: Vec<IncidentRow> = incidents::table
        .select(IncidentRow::as_select())
        .order(incidents::slug)
        .load(conn)?;
    let mut firm_rows: Vec<FirmRow> = analyst_firms::table
        .select(FirmRow::as_select())
        .order(analyst_firms::slug)
        .load(conn)?;
    let mut analyst_rows: Vec<AnalystRow> = analysts::table
        .select(AnalystRow::as_select())
        .order(analysts::slug)
        .load(conn)?;
    let mut remediation_rows: Vec<RemediationRow> = remediations::table
        .select(RemediationRow::as_select())
        .order(remediations::slug)
        .load(conn)?;
    let mut assessment_rows: Vec<AssessmentRow> = assessments::table
        .select(AssessmentRow::as_select())
        .order(assessments::slug)
        .load(conn)?;
    let dependency_rows: Vec<DependencyRow> = bulk::all_dependencies(conn)?;
    let involvement_rows: Vec<InvolvementRow> = bulk::all_involvements(conn)?;
    let event_rows: Vec<TimelineEventRow> = bulk::all_timeline_events(conn)?;
    let cause_rows: Vec<CauseRow> = bulk::all_causes(conn)?;

    // PostgreSQL may collate text by locale; sort here so both backends export alike.
    source_rows.sort_by(|a, b| a.slug.cmp(&b.slug));
    category_rows.sort_by(|a, b| a.slug.cmp(&b.slug));
    vendor_rows.sort_by(|a, b| a.slug.cmp(&b.slug));
    product_rows.sort_by(|a, b| a.slug.cmp(&b.slug));
    incident_rows.sort_by(|a, b| a.slug.cmp(&b.slug));
    firm_rows.sort_by(|a, b| a.slug.cmp(&b.slug));
    analyst_rows.sort_by(|a, b| a.slug.cmp(&b.slug));
    remediation_rows.sort_by(|a, b| a.slug.cmp(&b.slug));
    assessment_rows.sort_by(|a, b| a.slug.cmp(&b.slug));

    let category_slugs: HashMap<i32, &str> = category_rows
        .iter()
        .map(|r| (r.id, r.slug.as_str()))
        .collect();
    let vendor_slugs: HashMap<i32, &str> = vendor_rows
        .iter()
        .map(|r| (r.id, r.slug.as_str()))
        .collect();
    let product_slugs: HashMap<i32, &str> = product_rows
        .iter()
        .map(|r| (r.id, r.slug.as_str()))
        .collect();
    let incident_slugs: HashMap<i32, &str> = incident_rows
        .iter()
        .map(|r| (r.id, r.slug.as_str()))
        .collect();
    let firm_slugs: HashMap<i32, &str> =
        firm_rows.iter().map(|r| (r.id, r.slug.as_str())).collect();
    let analyst_slugs: HashMap<i32, &str> = analyst_rows
        .iter()
        .map(|r| (r.id, r.slug.as_str()))
        .collect();
    let refer = |map: &HashMap<i32, &str>, id: i32, what: &str| -> Result<Slug, StoreError> {
        let s = map
            .get(&id)
            .ok_or_else(|| StoreError::Corrupt(format!("{what} {id} is referenced but missing")))?;
        slug(what, s)
    };
    let refer_opt = |map: &HashMap<i32, &str>, id: Option<i32>, what: &str| {
        id.map(|id| refer(map, id, what)).transpose()
    };

    let mut doc = PackDocument {
        pack: Some(PackHeader {
            name: name.clone(),
            description: None,
        }),
        ..PackDocument::default()
    };
    for r in &source_rows {
        doc.sources.push(PackSource {
            slug: slug("sources.slug", &r.slug)?,
            title: line("sources.title", &r.title)?,
            publisher: line("sources.publisher", &r.publisher)?,
            url: parse_stored_opt("sources.url", r.url.as_deref())?,
            language: parse_stored("sources.language", &r.language)?,
            published_on: date(
                "sources.published_on",
                r.published_on,
                &r.published_precision,
            )?,
            reliability: parse_stored("sources.reliability", &r.reliability)?,
            credibility: crate::domain::Credibility::new(i64::from(r.credibility))
                .map_err(|e| StoreError::Corrupt(format!("sources.credibility: {e}")))?,
            text: r.full_text.clone(),
            text_file: None,
        });
    }
    for r in &category_rows {
        doc.categories.push(PackCategory {
            slug: slug("categories.slug", &r.slug)?,
            name: line("categories.name", &r.name)?,
            parent: refer_opt(&category_slugs, r.parent_id, "category")?,
            description: opt(r.description.as_deref(), |t| {
                text("categories.description", t)
            })?,
        });
    }
    for r in &vendor_rows {
        doc.vendors.push(PackVendor {
            slug: slug("vendors.slug", &r.slug)?,
            name: line("vendors.name", &r.name)?,
            tier: parse_stored("vendors.tier", &r.tier)?,
            status: parse_stored("vendors.status", &r.status)?,
            website: parse_stored_opt("vendors.website", r.website.as_deref())?,
            description: opt(r.description.as_deref(), |t| text("vendors.description", t))?,
            synthetic: r.synthetic,
            citations: cites(&index, CitedRecord::Vendor, r.id)?,
        });
    }
    for r in &product_rows {
        doc.products.push(PackProduct {
            slug: slug("products.slug", &r.slug)?,
            vendor: refer(&vendor_slugs, r.vendor_id, "vendor")?,
            name: line("products.name", &r.name)?,
            category: refer(&category_slugs, r.category_id, "category")?,
            description: opt(r.description.as_deref(), |t| {
                text("products.description", t)
            })?,
            citations: cites(&index, CitedRecord::Product, r.id)?,
        });
    }
    let mut deps = Vec::new();
    for r in &dependency_rows {
        let consumer = match r.consumer_vendor_id {
            None => ORGANISATION_CONSUMER.to_owned(),
            Some(id) => refer(&vendor_slugs, id, "vendor")?.to_string(),
        };
        deps.push(PackDependency {
            consumer,
            product: refer(&product_slugs, r.product_id, "product")?,
            since: date("dependencies.since", r.since, &r.since_precision)?,
            until: date("dependencies.until", r.until, &r.until_precision)?,
            criticality: parse_stored("dependencies.criticality", &r.criticality)?,
            purpose: opt(r.purpose.as_deref(), |t| text("dependencies.purpose", t))?,
            citations: cites(&index, CitedRecord::Dependency, r.id)?,
        });
    }
    // Stable sort: equal keys keep their insertion order.
    deps.sort_by(|a, b| {
        (&a.consumer, &a.product, a.since).cmp(&(&b.consumer, &b.product, b.since))
    });
    doc.dependencies = deps;
    for r in &incident_rows {
        let mut incident = PackIncident {
            slug: slug("incidents.slug", &r.slug)?,
            title: line("incidents.title", &r.title)?,
            kind: parse_stored("incidents.kind", &r.kind)?,
            severity: crate::domain::Severity::new(i64::from(r.severity))
                .map_err(|e| StoreError::Corrupt(format!("incidents.severity: {e}")))?,
            discovered_on: date(
                "incidents.discovered_on",
                r.discovered_on,
                &r.discovered_precision,
            )?,
            disclosed_on: date(
                "incidents.disclosed_on",
                r.disclosed_on,
                &r.disclosed_precision,
            )?,
            resolved_on: date(
                "incidents.resolved_on",
                r.resolved_on,
                &r.resolved_precision,
            )?,
            threat_actor: opt(r.threat_actor.as_deref(), |t| {
                line("incidents.threat_actor", t)
            })?,
            summary: text("incidents.summary", &r.summary)?,
            citations: cites(&index, CitedRecord::Incident, r.id)?,
            involvements: Vec::new(),
            timeline: Vec::new(),
            caused_by: Vec::new(),
        };
        for i in involvement_rows.iter().filter(|i| i.incident_id == r.id) {
            incident.involvements.push(PackInvolvement {
                vendor: refer_opt(&vendor_slugs, i.vendor_id, "vendor")?,
                product: refer_opt(&product_slugs, i.product_id, "product")?,
                role: parse_stored("incident_involvements.role", &i.role)?,
                customers_affected: i
                    .customers_affected
                    .map(|n| crate::domain::CustomerCount::new(i64::from(n)))
                    .transpose()
                    .map_err(|e| StoreError::Corrupt(format!("customers_affected: {e}")))?,
                description: opt(i.description.as_deref(), |t| {
                    text("incident_involvements.description", t)
                })?,
                citations: cites(&index, CitedRecord::Involvement, i.id)?,
            });
        }
        for e in event_rows.iter().filter(|e| e.incident_id == r.id) {
            incident.timeline.push(PackTimelineEvent {
                on: PackDate(stored_date(
                    "incident_timeline_events.occurred_on",
                    e.occurred_on,
                    &e.occurred_precision,
                )?),
                title: line("incident_timeline_events.title", &e.title)?,
                description: opt(e.description.as_deref(), |t| {
                    text("incident_timeline_events.description", t)
                })?,
                citations: cites(&index, CitedRecord::TimelineEvent, e.id)?,
            });
        }
        for c in cause_rows.iter().filter(|c| c.effect_id == r.id) {
            incident.caused_by.push(PackCause {
                incident: refer(&incident_slugs, c.cause_id, "incident")?,
                description: opt(c.description.as_deref(), |t| {
                    text("incident_causes.description", t)
                })?,
                citations: cites(&index, CitedRecord::IncidentCause, c.id)?,
            });
        }
        doc.incidents.push(incident);
    }
    for r in &remediation_rows {
        doc.remediations.push(PackRemediation {
            slug: slug("remediations.slug", &r.slug)?,
            vendor: refer(&vendor_slugs, r.vendor_id, "vendor")?,
            incident: refer_opt(&incident_slugs, r.incident_id, "incident")?,
            product: refer_opt(&product_slugs, r.product_id, "product")?,
            replacement_product: refer_opt(&product_slugs, r.replacement_product_id, "product")?,
            kind: parse_stored("remediations.kind", &r.kind)?,
            taken_on: date("remediations.taken_on", r.taken_on, &r.taken_precision)?,
            description: text("remediations.description", &r.description)?,
            citations: cites(&index, CitedRecord::Remediation, r.id)?,
        });
    }
    for r in &firm_rows {
        doc.analyst_firms.push(PackFirm {
            slug: slug("analyst_firms.slug", &r.slug)?,
            name: line("analyst_firms.name", &r.name)?,
            website: parse_stored_opt("analyst_firms.website", r.website.as_deref())?,
        });
    }
    for r in &analyst_rows {
        doc.analysts.push(PackAnalyst {
            slug: slug("analysts.slug", &r.slug)?,
            name: line("analysts.name", &r.name)?,
            firm: refer_opt(&firm_slugs, r.firm_id, "analyst firm")?,
            title: opt(r.title.as_deref(), |t| line("analysts.title", t))?,
            citations: cites(&index, CitedRecord::Analyst, r.id)?,
        });
    }
    for r in &assessment_rows {
        doc.assessments.push(PackAssessment {
            slug: slug("assessments.slug", &r.slug)?,
            analyst: refer(&analyst_slugs, r.analyst_id, "analyst")?,
            vendor: refer_opt(&vendor_slugs, r.vendor_id, "vendor")?,
            product: refer_opt(&product_slugs, r.product_id, "product")?,
            incident: refer_opt(&incident_slugs, r.incident_id, "incident")?,
            assessed_on: PackDate(stored_date(
                "assessments.assessed_on",
                r.assessed_on,
                &r.assessed_precision,
            )?),
            stance: parse_stored("assessments.stance", &r.stance)?,
            favoured_action: parse_stored_opt(
                "assessments.favoured_action",
                r.favoured_action.as_deref(),
            )?,
            quote: text("assessments.quote", &r.quote)?,
            quote_language: parse_stored("assessments.quote_language", &r.quote_language)?,
            translation: opt(r.translation.as_deref(), |t| {
                text("assessments.translation", t)
            })?,
            translation_language: parse_stored_opt(
                "assessments.translation_language",
                r.translation_language.as_deref(),
            )?,
            magic_quadrant: parse_stored_opt(
                "assessments.magic_quadrant",
                r.magic_quadrant.as_deref(),
            )?,
            wave_tier: parse_stored_opt("assessments.wave_tier", r.wave_tier.as_deref())?,
            citations: cites(&index, CitedRecord::Assessment, r.id)?,
        });
    }
    Ok(doc)
}

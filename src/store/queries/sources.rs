//! Source queries: the list with citation counts, and one source with its text and every
//! excerpt cited from it, each tied to the record it supports.

use super::bulk::{self, get};
use super::{Page, PageRequest};
use crate::domain::text::{highlight_paragraphs, locate_excerpt};
use crate::domain::views::{CitedLabel, SourceCitationView, SourceDetail, SourceSummary};
use crate::store::error::{parse_stored, stored_date, stored_date_opt};
use crate::store::rows::*;
use crate::store::schema::{citations, sources};
use crate::store::{DbConnection, StoreError};
use diesel::dsl::count_star;
use diesel::prelude::*;
use std::collections::HashMap;

fn summary(row: &SourceRow, citation_count: i64) -> Result<SourceSummary, StoreError> {
    Ok(SourceSummary {
        id: row.id,
        slug: row.slug.clone(),
        title: row.title.clone(),
        publisher: row.publisher.clone(),
        url: row.url.clone(),
        language: row.language.clone(),
        published_on: stored_date_opt(
            "sources.published_on",
            row.published_on,
            &row.published_precision,
        )?,
        reliability: parse_stored("sources.reliability", &row.reliability)?,
        credibility: row.credibility,
        citation_count,
    })
}

/// Sources ordered by title.
pub fn list_sources(
    conn: &mut DbConnection,
    page: PageRequest,
) -> Result<Page<SourceSummary>, StoreError> {
    let total: i64 = sources::table.count().get_result(conn)?;
    let rows: Vec<SourceRow> = sources::table
        .select(SourceRow::as_select())
        .order((sources::title, sources::id))
        .limit(page.limit)
        .offset(page.offset)
        .load(conn)?;
    let ids: Vec<i32> = rows.iter().map(|r| r.id).collect();
    let counts: HashMap<i32, i64> = citations::table
        .filter(citations::source_id.eq_any(&ids))
        .group_by(citations::source_id)
        .select((citations::source_id, count_star()))
        .load::<(i32, i64)>(conn)?
        .into_iter()
        .collect();
    let items = rows
        .iter()
        .map(|r| summary(r, counts.get(&r.id).copied().unwrap_or(0)))
        .collect::<Result<_, _>>()?;
    Ok(Page { items, total })
}

/// One source, its text with every cited excerpt highlighted, and what each excerpt supports.
pub fn source_detail(conn: &mut DbConnection, id: i32) -> Result<SourceDetail, StoreError> {
    let row: SourceRow = sources::table
        .find(id)
        .select(SourceRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| StoreError::not_found("source", id.to_string()))?;
    let cites: Vec<CitationRow> = citations::table
        .filter(citations::source_id.eq(id))
        .select(CitationRow::as_select())
        .order(citations::id)
        .load(conn)?;
    let labels = RecordLabels::load(conn, &cites)?;
    let mut views = Vec::with_capacity(cites.len());
    for (i, c) in cites.iter().enumerate() {
        let (kind, label, href) = labels.describe(c)?;
        views.push(SourceCitationView {
            id: c.id,
            number: i + 1,
            record_kind: kind.to_owned(),
            record_label: label.english(),
            record: label,
            record_href: href,
            excerpt: c.excerpt.clone(),
            locator: c.locator.clone(),
            found_in_text: row
                .full_text
                .as_deref()
                .is_some_and(|t| locate_excerpt(t, &c.excerpt).is_some()),
        });
    }
    let paragraphs = row
        .full_text
        .as_deref()
        .map(|t| {
            let excerpts: Vec<&str> = cites.iter().map(|c| c.excerpt.as_str()).collect();
            highlight_paragraphs(t, &excerpts)
        })
        .unwrap_or_default();
    Ok(SourceDetail {
        summary: summary(&row, cites.len() as i64)?,
        text: row.full_text,
        paragraphs,
        citations: views,
    })
}

/// The rows cited by a set of citations, loaded in bulk to label and link each one.
struct RecordLabels {
    vendors: HashMap<i32, VendorRow>,
    products: HashMap<i32, ProductRow>,
    incidents: HashMap<i32, IncidentRow>,
    dependencies: HashMap<i32, DependencyRow>,
    involvements: HashMap<i32, InvolvementRow>,
    events: HashMap<i32, TimelineEventRow>,
    causes: HashMap<i32, CauseRow>,
    remediations: HashMap<i32, RemediationRow>,
    analysts: HashMap<i32, AnalystRow>,
    assessments: HashMap<i32, AssessmentRow>,
}

impl RecordLabels {
    fn load(conn: &mut DbConnection, cites: &[CitationRow]) -> Result<Self, StoreError> {
        let ids = |kind: CitedRecord| cites.iter().filter_map(move |c| kind.target_of(c));
        let dependencies = bulk::dependencies_by_id(conn, ids(CitedRecord::Dependency))?;
        let involvements = bulk::involvements_by_id(conn, ids(CitedRecord::Involvement))?;
        let events = bulk::timeline_events_by_id(conn, ids(CitedRecord::TimelineEvent))?;
        let causes = bulk::causes_by_id(conn, ids(CitedRecord::IncidentCause))?;
        let remediations = bulk::remediations_by_id(conn, ids(CitedRecord::Remediation))?;
        let assessments = bulk::assessments_by_id(conn, ids(CitedRecord::Assessment))?;
        let analysts = bulk::analysts_by_id(
            conn,
            ids(CitedRecord::Analyst).chain(assessments.values().map(|a| a.analyst_id)),
        )?;
        let product_ids: Vec<i32> = ids(CitedRecord::Product)
            .chain(dependencies.values().map(|d| d.product_id))
            .chain(involvements.values().filter_map(|i| i.product_id))
            .chain(assessments.values().filter_map(|a| a.product_id))
            .collect();
        let products = bulk::products_by_id(conn, product_ids)?;
        let vendor_ids: Vec<i32> = ids(CitedRecord::Vendor)
            .chain(products.values().map(|p| p.vendor_id))
            .chain(dependencies.values().filter_map(|d| d.consumer_vendor_id))
            .chain(involvements.values().filter_map(|i| i.vendor_id))
            .chain(remediations.values().map(|r| r.vendor_id))
            .chain(assessments.values().filter_map(|a| a.vendor_id))
            .collect();
        let vendors = bulk::vendors_by_id(conn, vendor_ids)?;
        let incident_ids: Vec<i32> = ids(CitedRecord::Incident)
            .chain(involvements.values().map(|i| i.incident_id))
            .chain(events.values().map(|e| e.incident_id))
            .chain(causes.values().flat_map(|c| [c.cause_id, c.effect_id]))
            .chain(assessments.values().filter_map(|a| a.incident_id))
            .collect();
        let incidents = bulk::incidents_by_id(conn, incident_ids)?;
        Ok(RecordLabels {
            vendors,
            products,
            incidents,
            dependencies,
            involvements,
            events,
            causes,
            remediations,
            analysts,
            assessments,
        })
    }

    fn vendor(&self, id: i32) -> Result<(String, String), StoreError> {
        let v = get(&self.vendors, id, "vendor")?;
        Ok((v.name.clone(), format!("/vendors/{}", v.slug)))
    }

    fn product(&self, id: i32) -> Result<(String, String), StoreError> {
        let p = get(&self.products, id, "product")?;
        let v = get(&self.vendors, p.vendor_id, "vendor")?;
        Ok((
            p.name.clone(),
            format!("/vendors/{}#product-{}", v.slug, p.slug),
        ))
    }

    fn incident(&self, id: i32) -> Result<(String, String), StoreError> {
        let i = get(&self.incidents, id, "incident")?;
        Ok((i.title.clone(), format!("/incidents/{}", i.slug)))
    }

    /// (record kind, label, link) of the record a citation supports.
    fn describe(&self, c: &CitationRow) -> Result<(&'static str, CitedLabel, String), StoreError> {
        let Some((kind, id)) = CitedRecord::of(c) else {
            return Err(StoreError::Corrupt(format!(
                "citation {} supports no record",
                c.id
            )));
        };
        let named = |(name, href): (String, String)| (CitedLabel::Named(name), href);
        let (label, href) = match kind {
            CitedRecord::Vendor => named(self.vendor(id)?),
            CitedRecord::Product => named(self.product(id)?),
            CitedRecord::Incident => named(self.incident(id)?),
            CitedRecord::Dependency => {
                let d = get(&self.dependencies, id, "dependency")?;
                let (product, _) = self.product(d.product_id)?;
                match d.consumer_vendor_id {
                    Some(v) => {
                        let (consumer, href) = self.vendor(v)?;
                        (
                            CitedLabel::Uses {
                                consumer: Some(consumer),
                                product,
                            },
                            format!("{href}#dependencies"),
                        )
                    }
                    None => (
                        CitedLabel::Uses {
                            consumer: None,
                            product,
                        },
                        "/vendors".to_owned(),
                    ),
                }
            }
            CitedRecord::Involvement => {
                let i = get(&self.involvements, id, "involvement")?;
                let party = match (i.vendor_id, i.product_id) {
                    (Some(v), _) => self.vendor(v)?.0,
                    (None, Some(p)) => self.product(p)?.0,
                    (None, None) => String::new(),
                };
                let (title, href) = self.incident(i.incident_id)?;
                (
                    CitedLabel::Involvement {
                        party,
                        role: parse_stored("incident_involvements.role", &i.role)?,
                        incident: title,
                    },
                    format!("{href}#involvements"),
                )
            }
            CitedRecord::TimelineEvent => {
                let e = get(&self.events, id, "timeline event")?;
                let (_, href) = self.incident(e.incident_id)?;
                (
                    CitedLabel::TimelineEvent {
                        date: stored_date(
                            "incident_timeline_events.occurred_on",
                            e.occurred_on,
                            &e.occurred_precision,
                        )?,
                        title: e.title.clone(),
                    },
                    format!("{href}#timeline"),
                )
            }
            CitedRecord::IncidentCause => {
                let c = get(&self.causes, id, "causal link")?;
                let (cause, _) = self.incident(c.cause_id)?;
                let (effect, href) = self.incident(c.effect_id)?;
                (
                    CitedLabel::Cause { cause, effect },
                    format!("{href}#causes"),
                )
            }
            CitedRecord::Remediation => {
                let r = get(&self.remediations, id, "remediation")?;
                let (vendor, href) = self.vendor(r.vendor_id)?;
                (
                    CitedLabel::Remediation {
                        vendor,
                        description: r.description.clone(),
                    },
                    format!("{href}#remediations"),
                )
            }
            CitedRecord::Analyst => {
                let a = get(&self.analysts, id, "analyst")?;
                (CitedLabel::Named(a.name.clone()), String::new())
            }
            CitedRecord::Assessment => {
                let a = get(&self.assessments, id, "assessment")?;
                let analyst = get(&self.analysts, a.analyst_id, "analyst")?;
                let (subject, href) = match (a.vendor_id, a.product_id, a.incident_id) {
                    (Some(v), _, _) => self.vendor(v)?,
                    (_, Some(p), _) => self.product(p)?,
                    (_, _, Some(i)) => self.incident(i)?,
                    _ => (String::new(), String::new()),
                };
                (
                    CitedLabel::Assessment {
                        analyst: analyst.name.clone(),
                        subject,
                    },
                    href,
                )
            }
        };
        Ok((kind.label(), label, href))
    }
}

/// The sources with the given ids (a report's bibliography), without citation counts.
pub fn sources_by_id(
    conn: &mut DbConnection,
    ids: &[i32],
) -> Result<Vec<SourceSummary>, StoreError> {
    let rows: Vec<SourceRow> = sources::table
        .filter(sources::id.eq_any(ids))
        .select(SourceRow::as_select())
        .load(conn)?;
    rows.iter().map(|r| summary(r, 0)).collect()
}

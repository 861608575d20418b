//! Gathers the scoring engine's input from the database: every involvement, remediation and
//! analyst view with its date, sources and citations, the products and the dependency graph.

use super::bulk;
use super::citations::{CitationIndex, load_all_citations};
use crate::domain::scoring::input::{IncidentDates, incidents_known_on};
use crate::domain::scoring::{
    DependencyEdge, EvidenceKey, EvidenceKind, EvidenceLabel, EvidenceRecord, Fact, InputIndex,
    ScoringInput,
};
use crate::domain::views::CitationView;
use crate::domain::{Credibility, Reliability};
use crate::store::error::parse_stored;
use crate::store::rows::*;
use crate::store::schema::*;
use crate::store::{DbConnection, StoreError};
use chrono::NaiveDate;
use diesel::prelude::*;
use std::collections::{BTreeMap, HashMap};

/// The engine's input plus the names needed to present its output.
#[derive(Debug, Clone, Default)]
pub struct ScoringData {
    pub input: ScoringInput,
    /// id → (slug, name).
    pub vendors: BTreeMap<i32, (String, String)>,
    /// id → (slug, name, vendor id).
    pub products: BTreeMap<i32, (String, String, i32)>,
    /// Where each vendor's part of `input` is (`ScoringInput::around`).
    pub index: InputIndex,
    /// Vendor slug → id.
    pub vendor_ids: HashMap<String, i32>,
    /// Product slug → id.
    pub product_ids: HashMap<String, i32>,
    /// The earliest date any record became known: where score histories start.
    pub first_known: Option<NaiveDate>,
}

/// The scoring data kept in memory by a server while the knowledge base's generation stands.
pub type ScoringCache = crate::store::cache::Cached<(), ScoringData>;

/// The scoring data at the current generation, loaded only when it moved. Never call it
/// inside a write transaction: the cache would be filled from uncommitted data.
pub fn cached_scoring_data(
    conn: &mut DbConnection,
    cache: &ScoringCache,
) -> Result<std::sync::Arc<ScoringData>, StoreError> {
    cache.get(conn, &(), load_scoring_data)
}

struct SourceInfo {
    grade: (Reliability, Credibility),
    published: Option<NaiveDate>,
}

fn grades_and_dates(
    list: &[CitationView],
    sources: &BTreeMap<i32, SourceInfo>,
) -> (Vec<(Reliability, Credibility)>, Vec<NaiveDate>) {
    let mut grades = Vec::new();
    let mut dates = Vec::new();
    for c in list {
        if let Some(info) = sources.get(&c.source_id) {
            grades.push(info.grade);
            dates.extend(info.published);
        }
    }
    (grades, dates)
}

fn load_sources(conn: &mut DbConnection) -> Result<BTreeMap<i32, SourceInfo>, StoreError> {
    let rows: Vec<SourceRow> = sources::table.select(SourceRow::as_select()).load(conn)?;
    rows.into_iter()
        .map(|r| {
            let credibility = Credibility::new(i64::from(r.credibility))
                .map_err(|e| StoreError::Corrupt(format!("sources.credibility: {e}")))?;
            let info = SourceInfo {
                grade: (
                    parse_stored("sources.reliability", &r.reliability)?,
                    credibility,
                ),
                published: r.published_on,
            };
            Ok((r.id, info))
        })
        .collect()
}

/// Loads everything the engine needs, in one read transaction.
pub fn load_scoring_data(conn: &mut DbConnection) -> Result<ScoringData, StoreError> {
    conn.transaction(|conn| {
        let vendor_rows: Vec<VendorRow> = vendors::table
            .select(VendorRow::as_select())
            .order(vendors::id)
            .load(conn)?;
        let product_rows: Vec<ProductRow> = products::table
            .select(ProductRow::as_select())
            .order(products::id)
            .load(conn)?;
        let incident_rows: Vec<IncidentRow> = incidents::table
            .select(IncidentRow::as_select())
            .load(conn)?;
        let involvement_rows: Vec<InvolvementRow> = bulk::all_involvements(conn)?;
        let event_rows: Vec<TimelineEventRow> = bulk::all_timeline_events(conn)?;
        let cause_rows: Vec<CauseRow> = bulk::all_causes(conn)?;
        let remediation_rows: Vec<RemediationRow> = remediations::table
            .select(RemediationRow::as_select())
            .order(remediations::id)
            .load(conn)?;
        let assessment_rows: Vec<AssessmentRow> = assessments::table
            .select(AssessmentRow::as_select())
            .order(assessments::id)
            .load(conn)?;
        let analyst_rows: Vec<AnalystRow> =
            analysts::table.select(AnalystRow::as_select()).load(conn)?;
        let firm_rows: Vec<FirmRow> = analyst_firms::table
            .select(FirmRow::as_select())
            .load(conn)?;
        let dependency_rows: Vec<DependencyRow> = bulk::all_dependencies(conn)?;
        let sources = load_sources(conn)?;
        let cites = load_all_citations(conn)?;

        let mut data = ScoringData::default();
        for v in &vendor_rows {
            data.vendors.insert(v.id, (v.slug.clone(), v.name.clone()));
            data.input.vendors.push(v.id);
        }
        for p in &product_rows {
            data.products
                .insert(p.id, (p.slug.clone(), p.name.clone(), p.vendor_id));
            data.input.products.push((p.id, p.vendor_id));
        }
        let incidents: BTreeMap<i32, &IncidentRow> =
            incident_rows.iter().map(|i| (i.id, i)).collect();
        let known_on = incident_dates(&incident_rows, &event_rows, &cause_rows, &cites, &sources);

        for r in &involvement_rows {
            let incident = incidents.get(&r.incident_id).ok_or_else(|| {
                StoreError::Corrupt(format!("involvement {} has no incident", r.id))
            })?;
            let mut citations = cites.of(CitedRecord::Involvement, r.id);
            for c in cites.of(CitedRecord::Incident, incident.id) {
                if !citations.contains(&c) {
                    citations.push(c);
                }
            }
            let (grades, _) = grades_and_dates(&citations, &sources);
            let role: crate::domain::InvolvementRole =
                parse_stored("incident_involvements.role", &r.role)?;
            data.input.evidence.push(EvidenceRecord {
                key: EvidenceKey {
                    kind: EvidenceKind::Involvement,
                    id: r.id,
                },
                label: EvidenceLabel::Involvement {
                    role,
                    incident: incident.title.clone(),
                },
                fact: Fact::Involvement {
                    role,
                    severity: incident.severity,
                    customers_affected: r.customers_affected,
                    incident_kind: parse_stored("incidents.kind", &incident.kind)?,
                },
                vendors: r.vendor_id.into_iter().collect(),
                products: r.product_id.into_iter().collect(),
                incident: Some(incident.id),
                known_on: known_on.get(&incident.id).copied().flatten(),
                sources: grades,
                citations,
            });
        }
        for r in &remediation_rows {
            let citations = cites.of(CitedRecord::Remediation, r.id);
            let (grades, dates) = grades_and_dates(&citations, &sources);
            let kind: crate::domain::RemediationKind = parse_stored("remediations.kind", &r.kind)?;
            data.input.evidence.push(EvidenceRecord {
                key: EvidenceKey {
                    kind: EvidenceKind::Remediation,
                    id: r.id,
                },
                label: EvidenceLabel::Remediation {
                    kind,
                    description: r.description.clone(),
                },
                fact: Fact::Remediation { kind },
                vendors: vec![r.vendor_id],
                products: Vec::new(),
                incident: None,
                known_on: r.taken_on.or_else(|| dates.iter().min().copied()),
                sources: grades,
                citations,
            });
        }
        let analysts: BTreeMap<i32, &AnalystRow> = analyst_rows.iter().map(|a| (a.id, a)).collect();
        let firms: BTreeMap<i32, &FirmRow> = firm_rows.iter().map(|f| (f.id, f)).collect();
        for r in &assessment_rows {
            let citations = cites.of(CitedRecord::Assessment, r.id);
            let (grades, _) = grades_and_dates(&citations, &sources);
            let stance: crate::domain::Stance = parse_stored("assessments.stance", &r.stance)?;
            let analyst = analysts.get(&r.analyst_id);
            let who = analyst.map(|a| match a.firm_id.and_then(|f| firms.get(&f)) {
                Some(f) => format!("{} ({})", a.name, f.name),
                None => a.name.clone(),
            });
            data.input.evidence.push(EvidenceRecord {
                key: EvidenceKey {
                    kind: EvidenceKind::Assessment,
                    id: r.id,
                },
                label: EvidenceLabel::Assessment {
                    analyst: who,
                    stance,
                },
                fact: Fact::Assessment { stance },
                vendors: r.vendor_id.into_iter().collect(),
                products: r.product_id.into_iter().collect(),
                incident: None,
                known_on: Some(r.assessed_on),
                sources: grades,
                citations,
            });
        }
        for r in &dependency_rows {
            let Some(consumer) = r.consumer_vendor_id else {
                continue;
            };
            let (product_name, vendor_name) = data
                .products
                .get(&r.product_id)
                .map(|(_, name, v)| {
                    (
                        name.clone(),
                        data.vendors.get(v).map(|x| x.1.clone()).unwrap_or_default(),
                    )
                })
                .unwrap_or_default();
            let criticality: crate::domain::Criticality =
                parse_stored("dependencies.criticality", &r.criticality)?;
            data.input.dependencies.push(DependencyEdge {
                id: r.id,
                consumer_vendor: consumer,
                product: r.product_id,
                since: r.since,
                until: r.until,
                criticality,
                label: EvidenceLabel::Dependency {
                    product: product_name,
                    vendor: vendor_name,
                    criticality,
                },
            });
        }
        data.index = InputIndex::new(&data.input);
        data.first_known = data.input.evidence.iter().filter_map(|e| e.known_on).min();
        data.vendor_ids = data
            .vendors
            .iter()
            .map(|(id, (slug, _))| (slug.clone(), *id))
            .collect();
        data.product_ids = data
            .products
            .iter()
            .map(|(id, (slug, _, _))| (slug.clone(), *id))
            .collect();
        Ok(data)
    })
}

/// When each incident became known (see `incidents_known_on`).
fn incident_dates(
    incidents: &[IncidentRow],
    events: &[TimelineEventRow],
    causes: &[CauseRow],
    cites: &CitationIndex,
    sources: &BTreeMap<i32, SourceInfo>,
) -> BTreeMap<i32, Option<NaiveDate>> {
    let own: Vec<IncidentDates> = incidents
        .iter()
        .map(|i| IncidentDates {
            id: i.id,
            discovered: i.discovered_on,
            disclosed: i.disclosed_on,
        })
        .collect();
    let source_dates: BTreeMap<i32, Vec<NaiveDate>> = incidents
        .iter()
        .map(|i| {
            let (_, dates) = grades_and_dates(&cites.of(CitedRecord::Incident, i.id), sources);
            (i.id, dates)
        })
        .collect();
    incidents_known_on(
        &own,
        events.iter().map(|e| (e.incident_id, e.occurred_on)),
        causes.iter().map(|c| (c.cause_id, c.effect_id)),
        &source_dates,
    )
}

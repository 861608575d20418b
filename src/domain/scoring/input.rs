//! What the scoring engine reads: evidence records with their date and sources, the
//! product→vendor map and the dependency graph, all plain data gathered by the store.

use crate::domain::views::CitationView;
use crate::domain::{
    Credibility, Criticality, IncidentKind, InvolvementRole, Reliability, RemediationKind, Stance,
};
use chrono::NaiveDate;
use serde::Serialize;

/// What a score is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, utoipa::ToSchema)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum Subject {
    Vendor(i32),
    Product(i32),
}

/// The kind of record a piece of evidence comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceKind {
    Involvement,
    Remediation,
    Assessment,
}

/// Identifies an evidence record; also the order in which evidence is summed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, utoipa::ToSchema)]
pub struct EvidenceKey {
    pub kind: EvidenceKind,
    pub id: i32,
}

/// What the record says.
#[derive(Debug, Clone, PartialEq)]
pub enum Fact {
    Involvement {
        role: InvolvementRole,
        severity: i32,
        customers_affected: Option<i32>,
        incident_kind: IncidentKind,
    },
    Remediation {
        kind: RemediationKind,
    },
    Assessment {
        stance: Stance,
    },
}

/// One piece of evidence about one or more subjects.
#[derive(Debug, Clone)]
pub struct EvidenceRecord {
    pub key: EvidenceKey,
    /// "Origin in SolarWinds Orion supply-chain compromise".
    pub label: super::EvidenceLabel,
    pub fact: Fact,
    /// The vendors and products it names directly.
    pub vendors: Vec<i32>,
    pub products: Vec<i32>,
    /// The incident an involvement belongs to: one incident counts once per subject, through
    /// its heaviest involvement (a vendor that was both origin and conduit is not charged twice).
    pub incident: Option<i32>,
    /// When it became known; evidence with no date is not counted.
    pub known_on: Option<NaiveDate>,
    /// Admiralty grades of the sources that support it.
    pub sources: Vec<(Reliability, Credibility)>,
    pub citations: Vec<CitationView>,
}

/// A vendor's use of a product over a period.
#[derive(Debug, Clone)]
pub struct DependencyEdge {
    pub id: i32,
    pub consumer_vendor: i32,
    pub product: i32,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub criticality: Criticality,
    /// "Depends on SolarWinds Orion (SolarWinds), high criticality".
    pub label: super::EvidenceLabel,
}

impl DependencyEdge {
    pub fn active_on(&self, date: NaiveDate) -> bool {
        self.since.is_none_or(|s| s <= date) && self.until.is_none_or(|u| date <= u)
    }
}

/// Everything known, before the "as of" cut.
#[derive(Debug, Clone, Default)]
pub struct ScoringInput {
    pub vendors: Vec<i32>,
    /// (product, its vendor).
    pub products: Vec<(i32, i32)>,
    pub evidence: Vec<EvidenceRecord>,
    pub dependencies: Vec<DependencyEdge>,
}

/// The date an incident became known: its own disclosure or discovery date, else the
/// earliest of its timeline, of the incidents it led to (a cause is known by the time its
/// consequence is), and of the sources that report it.
pub fn incident_known_on(
    disclosed: Option<NaiveDate>,
    discovered: Option<NaiveDate>,
    timeline: &[NaiveDate],
    consequences: &[NaiveDate],
    source_dates: &[NaiveDate],
) -> Option<NaiveDate> {
    disclosed.or(discovered).or_else(|| {
        timeline
            .iter()
            .chain(consequences)
            .chain(source_dates)
            .min()
            .copied()
    })
}

/// One incident's own dates, for [`incidents_known_on`].
#[derive(Debug, Clone, Copy)]
pub struct IncidentDates {
    pub id: i32,
    pub discovered: Option<NaiveDate>,
    pub disclosed: Option<NaiveDate>,
}

/// When each incident became known ([`incident_known_on`]), for all incidents at once:
/// timeline events as (incident, date), causal links as (cause, effect), and the publication
/// dates of the sources citing each incident. Linear in the inputs.
pub fn incidents_known_on(
    incidents: &[IncidentDates],
    events: impl IntoIterator<Item = (i32, NaiveDate)>,
    causes: impl IntoIterator<Item = (i32, i32)>,
    source_dates: &std::collections::BTreeMap<i32, Vec<NaiveDate>>,
) -> std::collections::BTreeMap<i32, Option<NaiveDate>> {
    use std::collections::BTreeMap;
    let own: BTreeMap<i32, Option<NaiveDate>> = incidents
        .iter()
        .map(|i| (i.id, i.disclosed.or(i.discovered)))
        .collect();
    let mut timeline: BTreeMap<i32, Vec<NaiveDate>> = BTreeMap::new();
    for (incident, date) in events {
        timeline.entry(incident).or_default().push(date);
    }
    let mut consequences: BTreeMap<i32, Vec<NaiveDate>> = BTreeMap::new();
    for (cause, effect) in causes {
        if let Some(Some(date)) = own.get(&effect) {
            consequences.entry(cause).or_default().push(*date);
        }
    }
    let none = Vec::new();
    incidents
        .iter()
        .map(|i| {
            let known = incident_known_on(
                i.disclosed,
                i.discovered,
                timeline.get(&i.id).unwrap_or(&none),
                consequences.get(&i.id).unwrap_or(&none),
                source_dates.get(&i.id).unwrap_or(&none),
            );
            (i.id, known)
        })
        .collect()
}

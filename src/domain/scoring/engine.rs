//! Computes every vendor's and product's opinion as of a date: decayed, source-discounted
//! evidence, averaged analyst views, and risk inherited along active dependencies, explained.

use super::config::ScoringConfig;
use super::input::{EvidenceKind, EvidenceRecord, Fact, ScoringInput, Subject};
use super::opinion::{Evidence, Opinion};
use crate::domain::views::CitationView;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;

/// Letter grade of a score (bands in the configuration).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum Grade {
    A,
    B,
    C,
    D,
    E,
    F,
}

impl Grade {
    pub fn of(score: f64, bands: &[f64; 5]) -> Grade {
        let grades = [Grade::A, Grade::B, Grade::C, Grade::D, Grade::E];
        grades
            .iter()
            .zip(bands)
            .find(|(_, low)| score >= **low)
            .map_or(Grade::F, |(g, _)| *g)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Grade::A => "A",
            Grade::B => "B",
            Grade::C => "C",
            Grade::D => "D",
            Grade::E => "E",
            Grade::F => "F",
        }
    }
}

/// Where a contribution comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ContributionKind {
    Involvement,
    Remediation,
    Assessment,
    /// Risk inherited from a product the subject (or its vendor) depends on.
    Dependency,
}

/// One line of a score's explanation.
#[derive(Debug, Clone, Serialize)]
pub struct Contribution {
    pub kind: ContributionKind,
    /// Id of the involvement, remediation, assessment or dependency.
    pub record_id: i32,
    pub label: String,
    pub known_on: Option<NaiveDate>,
    /// Positive (trust) or negative (distrust) evidence.
    pub positive: bool,
    /// Evidence units before any factor.
    pub raw_weight: f64,
    /// Share reaching this subject: 1 when named directly, less through a vendor or product,
    /// 1/n for one of n averaged analyst views, the upstream disbelief for a dependency.
    pub share: f64,
    /// 0.5^(age / half-life).
    pub decay: f64,
    /// Admiralty discount of the best source.
    pub source_discount: f64,
    /// Units counted: raw × share × decay × discount.
    pub weight: f64,
    /// Score points this line moves the score (score minus the score without it).
    pub effect: f64,
    pub citations: Vec<CitationView>,
}

/// A subject's score as of a date, with its explanation.
#[derive(Debug, Clone, Serialize)]
pub struct TrustScore {
    pub subject: Subject,
    pub as_of: NaiveDate,
    pub model_version: String,
    /// Projected probability × 100, in [0, 100].
    pub score: f64,
    /// None while the subject is unknown (no evidence worth the name).
    pub grade: Option<Grade>,
    pub unknown: bool,
    pub belief: f64,
    pub disbelief: f64,
    pub uncertainty: f64,
    pub base_rate: f64,
    /// Total evidence counted (positive r, negative s).
    pub evidence: Evidence,
    /// Every line, largest effect first.
    pub contributions: Vec<Contribution>,
}

/// Evidence of one record reaching one subject.
#[derive(Debug, Clone)]
struct Item<'a> {
    record: &'a EvidenceRecord,
    raw: Evidence,
    share: f64,
    decay: f64,
    discount: f64,
    /// Another involvement in the same incident weighs more for this subject.
    superseded: bool,
}

impl Item<'_> {
    fn weighted(&self) -> Evidence {
        self.raw.scaled(self.share * self.decay * self.discount)
    }

    fn counted(&self) -> Evidence {
        if self.superseded {
            Evidence::default()
        } else {
            self.weighted()
        }
    }
}

/// Keeps, per incident, only the heaviest involvement reaching a subject (ties: lowest id).
fn count_incidents_once(items: &mut [Item]) {
    let mut heaviest: BTreeMap<i32, (f64, i32)> = BTreeMap::new();
    for item in items.iter() {
        if let Some(incident) = item.record.incident {
            let weight = item.weighted().negative;
            let id = item.record.key.id;
            let best = heaviest.entry(incident).or_insert((weight, id));
            if weight > best.0 || (weight == best.0 && id < best.1) {
                *best = (weight, id);
            }
        }
    }
    for item in items.iter_mut() {
        if let Some(incident) = item.record.incident {
            item.superseded = heaviest
                .get(&incident)
                .is_some_and(|(_, id)| *id != item.record.key.id);
        }
    }
}

/// Risk a vendor inherits through one dependency.
#[derive(Debug, Clone, PartialEq)]
struct Inherited {
    edge: usize,
    units: f64,
    upstream_disbelief: f64,
}

struct Graph {
    vendor_of: BTreeMap<i32, i32>,
    products_of: BTreeMap<i32, Vec<i32>>,
    subjects: Vec<Subject>,
}

impl Graph {
    fn new(input: &ScoringInput) -> Graph {
        let mut vendor_of = BTreeMap::new();
        let mut products_of: BTreeMap<i32, Vec<i32>> = BTreeMap::new();
        for (product, vendor) in &input.products {
            vendor_of.insert(*product, *vendor);
            products_of.entry(*vendor).or_default().push(*product);
        }
        for list in products_of.values_mut() {
            list.sort_unstable();
            list.dedup();
        }
        let mut subjects: Vec<Subject> = input
            .vendors
            .iter()
            .map(|v| Subject::Vendor(*v))
            .chain(input.products.iter().map(|(p, _)| Subject::Product(*p)))
            .collect();
        subjects.sort_unstable();
        subjects.dedup();
        Graph {
            vendor_of,
            products_of,
            subjects,
        }
    }

    /// The subjects a record bears on, with the share each receives.
    fn targets(&self, record: &EvidenceRecord, config: &ScoringConfig) -> Vec<(Subject, f64)> {
        let mut out: BTreeMap<Subject, f64> = BTreeMap::new();
        for v in &record.vendors {
            out.insert(Subject::Vendor(*v), 1.0);
        }
        for p in &record.products {
            out.insert(Subject::Product(*p), 1.0);
        }
        for v in &record.vendors {
            for p in self.products_of.get(v).into_iter().flatten() {
                out.entry(Subject::Product(*p))
                    .or_insert(config.vendor_to_product);
            }
        }
        for p in &record.products {
            if let Some(v) = self.vendor_of.get(p) {
                out.entry(Subject::Vendor(*v))
                    .or_insert(config.product_to_vendor);
            }
        }
        out.into_iter().collect()
    }
}

fn half_life(kind: EvidenceKind, config: &ScoringConfig) -> f64 {
    match kind {
        EvidenceKind::Involvement => config.half_life_incident_days,
        EvidenceKind::Remediation => config.half_life_remediation_days,
        EvidenceKind::Assessment => config.half_life_assessment_days,
    }
}

/// Evidence units a record carries before any factor.
fn raw_units(fact: &Fact, config: &ScoringConfig) -> Evidence {
    match fact {
        Fact::Involvement {
            role,
            severity,
            customers_affected,
            ..
        } => Evidence::new(
            0.0,
            config.severity_weight(*severity)
                * config.role_factor(*role)
                * config.reach_factor(*customers_affected),
        ),
        Fact::Remediation { kind } => Evidence::new(config.remediation_weight(*kind), 0.0),
        Fact::Assessment { stance } => {
            let (r, s) = config.stance_evidence(*stance);
            Evidence::new(r, s)
        }
    }
}

/// The evidence of every subject, split into direct records and analyst views.
#[derive(Default)]
struct Gathered<'a> {
    direct: BTreeMap<Subject, Vec<Item<'a>>>,
    views: BTreeMap<Subject, Vec<Item<'a>>>,
}

fn gather<'a>(
    input: &'a ScoringInput,
    graph: &Graph,
    as_of: NaiveDate,
    config: &ScoringConfig,
) -> Gathered<'a> {
    let mut records: Vec<&EvidenceRecord> = input.evidence.iter().collect();
    records.sort_by_key(|r| r.key);
    let mut gathered = Gathered::default();
    for record in records {
        let Some(known) = record.known_on.filter(|d| *d <= as_of) else {
            continue;
        };
        let age = (as_of - known).num_days() as f64;
        let decay = 0.5_f64.powf(age / half_life(record.key.kind, config));
        let discount = record
            .sources
            .iter()
            .map(|(r, c)| config.source_discount(*r, *c))
            .fold(None, |best: Option<f64>, d| {
                Some(best.map_or(d, |b| b.max(d)))
            })
            .unwrap_or(config.uncited_discount);
        let raw = raw_units(&record.fact, config);
        for (subject, share) in graph.targets(record, config) {
            let item = Item {
                record,
                raw,
                share,
                decay,
                discount,
                superseded: false,
            };
            let bucket = match record.key.kind {
                EvidenceKind::Assessment => &mut gathered.views,
                _ => &mut gathered.direct,
            };
            bucket.entry(subject).or_default().push(item);
        }
    }
    for items in gathered.direct.values_mut() {
        count_incidents_once(items);
    }
    gathered
}

/// Sum of direct items, mean of views, plus inherited units (all negative).
fn total(direct: &[Item], views: &[Item], inherited_units: f64) -> Evidence {
    let direct_sum = direct
        .iter()
        .fold(Evidence::default(), |acc, i| acc.plus(i.counted()));
    let view_evidence: Vec<Evidence> = views.iter().map(Item::counted).collect();
    direct_sum
        .plus(Evidence::average(&view_evidence))
        .plus(Evidence::new(0.0, inherited_units))
}

/// The share of its vendor's inherited risk a subject receives (1 for the vendor itself).
fn inherited_share(subject: Subject, graph: &Graph, config: &ScoringConfig) -> Option<(i32, f64)> {
    match subject {
        Subject::Vendor(v) => Some((v, 1.0)),
        Subject::Product(p) => graph
            .vendor_of
            .get(&p)
            .map(|v| (*v, config.vendor_to_product * config.hop_attenuation)),
    }
}

/// Scores every vendor and product as of `as_of`, from evidence known by then.
pub fn score_all(
    input: &ScoringInput,
    as_of: NaiveDate,
    config: &ScoringConfig,
) -> BTreeMap<Subject, TrustScore> {
    let graph = Graph::new(input);
    let gathered = gather(input, &graph, as_of, config);
    let empty: Vec<Item> = Vec::new();
    let direct = |s: &Subject| gathered.direct.get(s).unwrap_or(&empty);
    let views = |s: &Subject| gathered.views.get(s).unwrap_or(&empty);
    let inherited_units = |s: Subject, inherited: &BTreeMap<i32, Vec<Inherited>>| -> f64 {
        inherited_share(s, &graph, config).map_or(0.0, |(v, share)| {
            inherited.get(&v).map_or(0.0, |list| {
                list.iter().map(|i| i.units).sum::<f64>() * share
            })
        })
    };
    let opinion_of = |e: Evidence| Opinion::from_evidence(e, config.prior_weight, config.base_rate);

    // Supply chain: a fixed number of rounds, each from the previous one's opinions, so
    // cycles terminate and the result does not depend on the order of the graph.
    let mut edges: Vec<usize> = (0..input.dependencies.len())
        .filter(|i| input.dependencies[*i].active_on(as_of))
        .collect();
    edges.sort_by_key(|i| {
        (
            input.dependencies[*i].consumer_vendor,
            input.dependencies[*i].id,
        )
    });
    let mut inherited: BTreeMap<i32, Vec<Inherited>> = BTreeMap::new();
    for _ in 0..config.max_hops {
        let mut next: BTreeMap<i32, Vec<Inherited>> = BTreeMap::new();
        for &edge in &edges {
            let dep = &input.dependencies[edge];
            let upstream = Subject::Product(dep.product);
            if !graph.vendor_of.contains_key(&dep.product) {
                continue;
            }
            let evidence = total(
                direct(&upstream),
                views(&upstream),
                inherited_units(upstream, &inherited),
            );
            let d = opinion_of(evidence).disbelief;
            next.entry(dep.consumer_vendor)
                .or_default()
                .push(Inherited {
                    edge,
                    units: config.inheritance(dep.criticality) * d,
                    upstream_disbelief: d,
                });
        }
        let settled = next == inherited;
        inherited = next;
        if settled {
            break;
        }
    }

    let mut scores = BTreeMap::new();
    for subject in &graph.subjects {
        let (d_items, v_items) = (direct(subject), views(subject));
        let inherited_here = inherited_units(*subject, &inherited);
        let evidence = total(d_items, v_items, inherited_here);
        let opinion = opinion_of(evidence);
        let score = opinion.score();
        let without = |e: Evidence| score - opinion_of(e).score();
        let mut contributions: Vec<Contribution> = Vec::new();
        for item in d_items {
            let counted = item.counted();
            let rest = Evidence::new(
                evidence.positive - counted.positive,
                evidence.negative - counted.negative,
            );
            contributions.push(contribution(item, item.share, without(rest)));
        }
        let n = v_items.len() as f64;
        for (i, item) in v_items.iter().enumerate() {
            let others: Vec<Item> = v_items
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .map(|(_, x)| x.clone())
                .collect();
            let rest = total(d_items, &others, inherited_here);
            contributions.push(contribution(item, item.share / n, without(rest)));
        }
        if let Some((vendor, share)) = inherited_share(*subject, &graph, config) {
            for inh in inherited.get(&vendor).into_iter().flatten() {
                let dep = &input.dependencies[inh.edge];
                let units = inh.units * share;
                let rest = Evidence::new(evidence.positive, evidence.negative - units);
                contributions.push(Contribution {
                    kind: ContributionKind::Dependency,
                    record_id: dep.id,
                    label: dep.label.clone(),
                    known_on: dep.since,
                    positive: false,
                    raw_weight: config.inheritance(dep.criticality),
                    share: inh.upstream_disbelief * share,
                    decay: 1.0,
                    source_discount: 1.0,
                    weight: units,
                    effect: without(rest),
                    citations: Vec::new(),
                });
            }
        }
        contributions.sort_by(|a, b| {
            b.effect
                .abs()
                .total_cmp(&a.effect.abs())
                .then(a.kind.cmp(&b.kind))
                .then(a.record_id.cmp(&b.record_id))
        });
        let unknown = opinion.uncertainty >= config.unknown_uncertainty;
        scores.insert(
            *subject,
            TrustScore {
                subject: *subject,
                as_of,
                model_version: config.model_version.clone(),
                score,
                grade: (!unknown).then(|| Grade::of(score, &config.grade_bands)),
                unknown,
                belief: opinion.belief,
                disbelief: opinion.disbelief,
                uncertainty: opinion.uncertainty,
                base_rate: opinion.base_rate,
                evidence,
                contributions,
            },
        );
    }
    scores
}

fn contribution(item: &Item, share: f64, effect: f64) -> Contribution {
    let kind = match item.record.key.kind {
        EvidenceKind::Involvement => ContributionKind::Involvement,
        EvidenceKind::Remediation => ContributionKind::Remediation,
        EvidenceKind::Assessment => ContributionKind::Assessment,
    };
    let positive = item.raw.positive >= item.raw.negative;
    let raw_weight = if positive {
        item.raw.positive
    } else {
        item.raw.negative
    };
    let (label, weight) = if item.superseded {
        (
            format!(
                "{} (not counted: a heavier part in the same incident counts)",
                item.record.label
            ),
            0.0,
        )
    } else {
        (
            item.record.label.clone(),
            raw_weight * share * item.decay * item.discount,
        )
    };
    Contribution {
        kind,
        record_id: item.record.key.id,
        label,
        known_on: item.record.known_on,
        positive,
        raw_weight,
        share,
        decay: item.decay,
        source_discount: item.discount,
        weight,
        effect,
        citations: item.record.citations.clone(),
    }
}

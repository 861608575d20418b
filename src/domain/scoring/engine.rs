//! The score book: evidence gathered per subject (decayed, discounted, shared), risk
//! inherited along active dependencies over a fixed number of rounds, and cheap updates.

use super::config::ScoringConfig;
use super::input::{EvidenceKind, EvidenceRecord, Fact, ScoringInput, Subject};
use super::opinion::{Evidence, Opinion};
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Evidence of one record reaching one subject.
#[derive(Debug, Clone)]
pub(crate) struct Item {
    /// Index of the record (input records first, then added ones).
    pub record: usize,
    pub raw: Evidence,
    pub share: f64,
    pub decay: f64,
    pub discount: f64,
    /// Another involvement in the same incident weighs more for this subject.
    pub superseded: bool,
}

impl Item {
    pub fn weighted(&self) -> Evidence {
        self.raw.scaled(self.share * self.decay * self.discount)
    }

    pub fn counted(&self) -> Evidence {
        if self.superseded {
            Evidence::default()
        } else {
            self.weighted()
        }
    }
}

/// Every subject's evidence and inherited risk as of one date.
#[derive(Clone)]
pub struct ScoreBook<'a> {
    pub(crate) input: &'a ScoringInput,
    pub(crate) config: &'a ScoringConfig,
    pub(crate) as_of: NaiveDate,
    extra: Vec<EvidenceRecord>,
    pub(crate) subjects: Vec<Subject>,
    index: HashMap<Subject, usize>,
    products_of: HashMap<i32, Vec<i32>>,
    vendor_of: HashMap<i32, i32>,
    /// Per subject index: the vendor's subject index of a product.
    vendor_index: Vec<Option<usize>>,
    pub(crate) direct: Vec<Vec<Item>>,
    pub(crate) views: Vec<Vec<Item>>,
    direct_sum: Vec<Evidence>,
    view_mean: Vec<Evidence>,
    /// Active dependencies (indices into `input.dependencies`) by consumer's subject index.
    pub(crate) edges_of: Vec<Vec<usize>>,
    /// Active dependencies by the product's subject index.
    edges_on: Vec<Vec<usize>>,
    /// Units and upstream disbelief of every dependency, per round (round 0: none).
    units: Vec<HashMap<usize, (f64, f64)>>,
}

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

fn half_life(kind: EvidenceKind, config: &ScoringConfig) -> f64 {
    match kind {
        EvidenceKind::Involvement => config.half_life_incident_days,
        EvidenceKind::Remediation => config.half_life_remediation_days,
        EvidenceKind::Assessment => config.half_life_assessment_days,
    }
}

/// Keeps, per incident, only the heaviest involvement reaching a subject (ties: lowest id).
fn count_incidents_once<'r>(items: &mut [Item], records: &dyn Fn(usize) -> &'r EvidenceRecord) {
    let mut heaviest: BTreeMap<i32, (f64, i32)> = BTreeMap::new();
    for item in items.iter() {
        let record = records(item.record);
        if let Some(incident) = record.incident {
            let (weight, id) = (item.weighted().negative, record.key.id);
            let best = heaviest.entry(incident).or_insert((weight, id));
            if weight > best.0 || (weight == best.0 && id < best.1) {
                *best = (weight, id);
            }
        }
    }
    for item in items.iter_mut() {
        let record = records(item.record);
        if let Some(incident) = record.incident {
            item.superseded = heaviest
                .get(&incident)
                .is_some_and(|(_, id)| *id != record.key.id);
        }
    }
}

fn sum(items: &[Item]) -> Evidence {
    items
        .iter()
        .fold(Evidence::default(), |acc, i| acc.plus(i.counted()))
}

fn mean(items: &[Item]) -> Evidence {
    let list: Vec<Evidence> = items.iter().map(Item::counted).collect();
    Evidence::average(&list)
}

impl<'a> ScoreBook<'a> {
    /// Gathers the evidence known on `as_of` and computes inherited risk.
    pub fn new(input: &'a ScoringInput, as_of: NaiveDate, config: &'a ScoringConfig) -> Self {
        let mut subjects: Vec<Subject> = input
            .vendors
            .iter()
            .map(|v| Subject::Vendor(*v))
            .chain(input.products.iter().map(|(p, _)| Subject::Product(*p)))
            .collect();
        subjects.sort_unstable();
        subjects.dedup();
        let index: HashMap<Subject, usize> =
            subjects.iter().enumerate().map(|(i, s)| (*s, i)).collect();
        let mut products_of: HashMap<i32, Vec<i32>> = HashMap::new();
        let mut vendor_of: HashMap<i32, i32> = HashMap::new();
        let mut vendor_index = vec![None; subjects.len()];
        for (p, v) in &input.products {
            products_of.entry(*v).or_default().push(*p);
            vendor_of.insert(*p, *v);
            if let (Some(pi), Some(vi)) = (
                index.get(&Subject::Product(*p)),
                index.get(&Subject::Vendor(*v)),
            ) {
                vendor_index[*pi] = Some(*vi);
            }
        }
        for list in products_of.values_mut() {
            list.sort_unstable();
            list.dedup();
        }
        let n = subjects.len();
        let mut book = ScoreBook {
            input,
            config,
            as_of,
            extra: Vec::new(),
            subjects,
            index,
            products_of,
            vendor_of,
            vendor_index,
            direct: vec![Vec::new(); n],
            views: vec![Vec::new(); n],
            direct_sum: vec![Evidence::default(); n],
            view_mean: vec![Evidence::default(); n],
            edges_of: vec![Vec::new(); n],
            edges_on: vec![Vec::new(); n],
            units: Vec::new(),
        };
        let mut order: Vec<usize> = (0..input.evidence.len()).collect();
        order.sort_by_key(|i| input.evidence[*i].key);
        for i in order {
            book.place(i);
        }
        let all: Vec<usize> = (0..n).collect();
        book.settle(&all);
        let mut edges: Vec<usize> = (0..input.dependencies.len())
            .filter(|e| input.dependencies[*e].active_on(as_of))
            .collect();
        edges.sort_by_key(|e| {
            (
                input.dependencies[*e].consumer_vendor,
                input.dependencies[*e].id,
            )
        });
        for e in edges {
            let dep = &input.dependencies[e];
            let consumer = book
                .index
                .get(&Subject::Vendor(dep.consumer_vendor))
                .copied();
            let product = book.index.get(&Subject::Product(dep.product)).copied();
            if let (Some(c), Some(p)) = (consumer, product) {
                book.edges_of[c].push(e);
                book.edges_on[p].push(e);
            }
        }
        let every_edge: BTreeSet<usize> = book.edges_of.iter().flatten().copied().collect();
        book.units = vec![HashMap::new(); config.max_hops + 1];
        book.propagate(every_edge);
        book
    }

    /// The record with this index (input records, then added ones).
    pub(crate) fn record(&self, i: usize) -> &EvidenceRecord {
        let n = self.input.evidence.len();
        if i < n {
            &self.input.evidence[i]
        } else {
            &self.extra[i - n]
        }
    }

    /// The subjects a record bears on, with their share.
    fn targets(&self, record: &EvidenceRecord) -> Vec<(usize, f64)> {
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
                    .or_insert(self.config.vendor_to_product);
            }
        }
        for p in &record.products {
            if let Some(v) = self.vendor_of.get(p) {
                out.entry(Subject::Vendor(*v))
                    .or_insert(self.config.product_to_vendor);
            }
        }
        out.into_iter()
            .filter_map(|(s, share)| self.index.get(&s).map(|i| (*i, share)))
            .collect()
    }

    /// Adds the items of record `i` to its subjects; returns them.
    fn place(&mut self, i: usize) -> Vec<usize> {
        let record = self.record(i);
        let Some(known) = record.known_on.filter(|d| *d <= self.as_of) else {
            return Vec::new();
        };
        let config = self.config;
        let age = (self.as_of - known).num_days() as f64;
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
        let is_view = record.key.kind == EvidenceKind::Assessment;
        let targets = self.targets(record);
        for (s, share) in &targets {
            let item = Item {
                record: i,
                raw,
                share: *share,
                decay,
                discount,
                superseded: false,
            };
            if is_view {
                self.views[*s].push(item)
            } else {
                self.direct[*s].push(item)
            }
        }
        targets.into_iter().map(|(s, _)| s).collect()
    }

    /// Recounts incidents and recomputes the sums of these subjects.
    fn settle(&mut self, subjects: &[usize]) {
        for &s in subjects {
            let mut items = std::mem::take(&mut self.direct[s]);
            // Same summation order however the evidence arrived: by record key.
            items.sort_by_key(|it| self.record(it.record).key);
            count_incidents_once(&mut items, &|i| self.record(i));
            self.direct_sum[s] = sum(&items);
            self.direct[s] = items;
            let mut views = std::mem::take(&mut self.views[s]);
            views.sort_by_key(|it| self.record(it.record).key);
            self.view_mean[s] = mean(&views);
            self.views[s] = views;
        }
    }

    /// Inherited units a vendor carries at a round.
    fn inherited_at(&self, vendor: usize, round: usize) -> f64 {
        self.edges_of[vendor]
            .iter()
            .map(|e| self.units[round].get(e).map_or(0.0, |u| u.0))
            .sum()
    }

    /// Share of its vendor's inherited risk a subject receives.
    fn inheritance_share(&self, s: usize) -> Option<(usize, f64)> {
        match self.subjects[s] {
            Subject::Vendor(_) => Some((s, 1.0)),
            Subject::Product(_) => self.vendor_index[s].map(|v| {
                (
                    v,
                    self.config.vendor_to_product * self.config.hop_attenuation,
                )
            }),
        }
    }

    /// The evidence of a subject with its vendor's inherited risk at a round.
    pub(crate) fn total_at(&self, s: usize, round: usize) -> Evidence {
        let inherited = self
            .inheritance_share(s)
            .map_or(0.0, |(v, share)| self.inherited_at(v, round) * share);
        self.direct_sum[s]
            .plus(self.view_mean[s])
            .plus(Evidence::new(0.0, inherited))
    }

    pub(crate) fn opinion_of(&self, evidence: Evidence) -> Opinion {
        Opinion::from_evidence(evidence, self.config.prior_weight, self.config.base_rate)
    }

    /// Recomputes the given dependencies round by round; at each round the dependencies
    /// whose product belongs to a vendor whose risk just changed join the set.
    fn propagate(&mut self, mut changed: BTreeSet<usize>) {
        let rounds = self.config.max_hops;
        for round in 1..=rounds {
            let mut moved: BTreeSet<usize> = BTreeSet::new();
            for &e in &changed {
                let dep = &self.input.dependencies[e];
                let Some(p) = self.index.get(&Subject::Product(dep.product)).copied() else {
                    continue;
                };
                let d = self.opinion_of(self.total_at(p, round - 1)).disbelief;
                let value = (self.config.inheritance(dep.criticality) * d, d);
                if self.units[round].get(&e) != Some(&value) {
                    self.units[round].insert(e, value);
                    moved.insert(e);
                }
            }
            if round == rounds {
                break;
            }
            // Next round: these edges again (their product may still change), and every
            // dependency on a product of a vendor whose inherited risk moved.
            let mut next = changed.clone();
            for &e in &moved {
                let consumer = self
                    .index
                    .get(&Subject::Vendor(self.input.dependencies[e].consumer_vendor))
                    .copied();
                let Some(v) = consumer else { continue };
                if let Subject::Vendor(vid) = self.subjects[v] {
                    for p in self.products_of.get(&vid).into_iter().flatten() {
                        if let Some(pi) = self.index.get(&Subject::Product(*p)) {
                            next.extend(self.edges_on[*pi].iter().copied());
                        }
                    }
                }
            }
            changed = next;
        }
    }

    /// Adds one piece of evidence and rescores what it touches and everyone downstream.
    pub fn add_evidence(&mut self, record: EvidenceRecord) {
        self.extra.push(record);
        let i = self.input.evidence.len() + self.extra.len() - 1;
        let touched = self.place(i);
        self.settle(&touched);
        let edges: BTreeSet<usize> = touched
            .iter()
            .flat_map(|s| self.edges_on[*s].iter().copied())
            .chain(
                touched
                    .iter()
                    .filter_map(|s| match self.subjects[*s] {
                        Subject::Vendor(v) => Some(v),
                        Subject::Product(_) => None,
                    })
                    .flat_map(|v| {
                        self.products_of
                            .get(&v)
                            .into_iter()
                            .flatten()
                            .copied()
                            .collect::<Vec<_>>()
                    })
                    .filter_map(|p| self.index.get(&Subject::Product(p)).copied())
                    .flat_map(|pi| self.edges_on[pi].iter().copied()),
            )
            .collect();
        self.propagate(edges);
    }

    /// A subject's opinion after the last round.
    pub fn opinion(&self, subject: Subject) -> Option<Opinion> {
        let s = *self.index.get(&subject)?;
        Some(self.opinion_of(self.total_at(s, self.config.max_hops)))
    }

    pub(crate) fn index_of(&self, subject: Subject) -> Option<usize> {
        self.index.get(&subject).copied()
    }

    /// The (units, upstream disbelief) a dependency carries after the last round.
    pub(crate) fn final_units(&self, edge: usize) -> (f64, f64) {
        self.units[self.config.max_hops]
            .get(&edge)
            .copied()
            .unwrap_or((0.0, 0.0))
    }

    /// The vendor (subject index) of a product's subject index.
    pub(crate) fn vendor_of_subject(&self, s: usize) -> Option<usize> {
        self.vendor_index[s]
    }

    /// Every subject.
    pub fn subjects(&self) -> &[Subject] {
        &self.subjects
    }
}

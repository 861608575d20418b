//! The score book: evidence gathered per subject (decayed, discounted, shared), risk
//! inherited along active dependencies over a fixed number of rounds, and cheap updates.

use super::config::ScoringConfig;
use super::input::{EvidenceKey, EvidenceKind, EvidenceRecord, Fact, ScoringInput, Subject};
use super::opinion::{Evidence, Opinion};
use chrono::NaiveDate;
use rustc_hash::{FxHashMap, FxHashSet};

/// Below this many evidence records a book is gathered on one thread.
const PARALLEL_ABOVE: usize = 2_000;

/// Evidence of one record reaching one subject.
#[derive(Debug, Clone)]
pub(crate) struct Item {
    /// Index of the record (input records first, then added ones).
    pub record: usize,
    /// The record's key (the summation order) and incident, kept here for locality.
    pub key: EvidenceKey,
    pub incident: Option<i32>,
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

/// Keeps, per incident, only the heaviest involvement reaching a subject (ties: lowest id).
fn count_incidents_once(items: &mut [Item]) {
    if items.iter().all(|i| i.incident.is_none()) {
        return;
    }
    let mut heaviest: FxHashMap<i32, (f64, i32)> = FxHashMap::default();
    for item in items.iter() {
        if let Some(incident) = item.incident {
            let (weight, id) = (item.weighted().negative, item.key.id);
            let best = heaviest.entry(incident).or_insert((weight, id));
            if weight > best.0 || (weight == best.0 && id < best.1) {
                *best = (weight, id);
            }
        }
    }
    for item in items.iter_mut() {
        if let Some(incident) = item.incident {
            item.superseded = heaviest
                .get(&incident)
                .is_some_and(|(_, id)| *id != item.key.id);
        }
    }
}

/// Puts a subject's items in key order (the summation order, however they arrived), counts
/// each incident once, and returns (sum of direct items, mean of views).
fn settle(direct: &mut [Item], views: &mut [Item]) -> (Evidence, Evidence) {
    if !direct.is_sorted_by_key(|it| it.key) {
        direct.sort_unstable_by_key(|it| it.key);
    }
    count_incidents_once(direct);
    if !views.is_sorted_by_key(|it| it.key) {
        views.sort_unstable_by_key(|it| it.key);
    }
    (sum(direct), mean(views))
}

fn sum(items: &[Item]) -> Evidence {
    items
        .iter()
        .fold(Evidence::default(), |acc, i| acc.plus(i.counted()))
}

/// The mean of the items' evidence (averaging fusion), computed as `Evidence::average` does.
fn mean(items: &[Item]) -> Evidence {
    if items.is_empty() {
        return Evidence::default();
    }
    sum(items).scaled(1.0 / items.len() as f64)
}

/// Every subject's evidence and inherited risk as of one date.
#[derive(Clone)]
pub struct ScoreBook<'a> {
    pub(crate) input: &'a ScoringInput,
    pub(crate) config: &'a ScoringConfig,
    pub(crate) as_of: NaiveDate,
    extra: Vec<EvidenceRecord>,
    pub(crate) subjects: Vec<Subject>,
    index: FxHashMap<Subject, usize>,
    /// Vendor id → subject index; product id → (subject index, its vendor's subject index).
    vendor_slot: FxHashMap<i32, usize>,
    product_slot: FxHashMap<i32, (usize, Option<usize>)>,
    /// Per subject index: the vendor's subject index of a product.
    vendor_index: Vec<Option<usize>>,
    /// Per subject index: the product subject indices of a vendor.
    product_index: Vec<Vec<usize>>,
    pub(crate) direct: Vec<Vec<Item>>,
    pub(crate) views: Vec<Vec<Item>>,
    direct_sum: Vec<Evidence>,
    view_mean: Vec<Evidence>,
    /// Per dependency: the consumer's and the product's subject index, when active.
    edge_ends: Vec<Option<(usize, usize)>>,
    /// Active dependencies by consumer's subject index, in dependency-id order.
    pub(crate) edges_of: Vec<Vec<usize>>,
    /// Active dependencies by the product's subject index.
    edges_on: Vec<Vec<usize>>,
    /// Per round, per dependency: (units inherited, upstream disbelief); round 0 is empty.
    units: Vec<Vec<(f64, f64)>>,
    /// Per round, per subject: a vendor's inherited units (sum over its dependencies).
    inherited: Vec<Vec<f64>>,
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
        let n = subjects.len();
        let index: FxHashMap<Subject, usize> =
            subjects.iter().enumerate().map(|(i, s)| (*s, i)).collect();
        let mut vendor_index = vec![None; n];
        let mut product_index = vec![Vec::new(); n];
        let vendor_slot: FxHashMap<i32, usize> = subjects
            .iter()
            .enumerate()
            .filter_map(|(i, s)| match s {
                Subject::Vendor(v) => Some((*v, i)),
                Subject::Product(_) => None,
            })
            .collect();
        let mut product_slot: FxHashMap<i32, (usize, Option<usize>)> = FxHashMap::default();
        for (p, v) in &input.products {
            let Some(pi) = index.get(&Subject::Product(*p)).copied() else {
                continue;
            };
            let vi = vendor_slot.get(v).copied();
            product_slot.insert(*p, (pi, vi));
            if let Some(vi) = vi {
                vendor_index[pi] = Some(vi);
                product_index[vi].push(pi);
            }
        }
        for list in &mut product_index {
            list.sort_unstable();
            list.dedup();
        }
        let deps = input.dependencies.len();
        let rounds = config.max_hops;
        let mut book = ScoreBook {
            input,
            config,
            as_of,
            extra: Vec::new(),
            subjects,
            index,
            vendor_slot,
            product_slot,
            vendor_index,
            product_index,
            direct: vec![Vec::new(); n],
            views: vec![Vec::new(); n],
            direct_sum: vec![Evidence::default(); n],
            view_mean: vec![Evidence::default(); n],
            edge_ends: vec![None; deps],
            edges_of: vec![Vec::new(); n],
            edges_on: vec![Vec::new(); n],
            units: vec![vec![(0.0, 0.0); deps]; rounds + 1],
            inherited: vec![vec![0.0; n]; rounds + 1],
        };
        book.gather();
        let mut edges: Vec<usize> = (0..deps)
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
                book.edge_ends[e] = Some((c, p));
                book.edges_of[c].push(e);
                book.edges_on[p].push(e);
            }
        }
        book.propagate_all();
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

    /// Fills `out` with the subjects a record bears on and their share: named ones fully, a
    /// named vendor's products and a named product's vendor in part.
    fn targets(&self, record: &EvidenceRecord, out: &mut Vec<(usize, f64)>) {
        out.clear();
        let add = |out: &mut Vec<(usize, f64)>, s: Option<usize>, share: f64| {
            if let Some(s) = s
                && !out.iter().any(|(t, _)| *t == s)
            {
                out.push((s, share));
            }
        };
        for v in &record.vendors {
            add(out, self.vendor_slot.get(v).copied(), 1.0);
        }
        for p in &record.products {
            add(out, self.product_slot.get(p).map(|(ps, _)| *ps), 1.0);
        }
        for v in &record.vendors {
            if let Some(vs) = self.vendor_slot.get(v) {
                for p in &self.product_index[*vs] {
                    add(out, Some(*p), self.config.vendor_to_product);
                }
            }
        }
        for p in &record.products {
            add(
                out,
                self.product_slot.get(p).and_then(|(_, vs)| *vs),
                self.config.product_to_vendor,
            );
        }
    }

    /// The item record `i` gives each subject it reaches (share 1 until placed), or None
    /// when it is not known on the date.
    fn item_of(&self, i: usize) -> Option<Item> {
        let record = self.record(i);
        let known = record.known_on.filter(|d| *d <= self.as_of)?;
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
        Some(Item {
            record: i,
            key: record.key,
            incident: record.incident,
            raw: raw_units(&record.fact, config),
            share: 1.0,
            decay,
            discount,
            superseded: false,
        })
    }

    /// Adds the items of record `i` to its subjects, which are left in `targets`.
    fn place(&mut self, i: usize, targets: &mut Vec<(usize, f64)>) {
        targets.clear();
        let Some(item) = self.item_of(i) else {
            return;
        };
        self.targets(self.record(i), targets);
        for (s, share) in targets.iter() {
            let placed = Item {
                share: *share,
                ..item.clone()
            };
            if item.key.kind == EvidenceKind::Assessment {
                self.views[*s].push(placed)
            } else {
                self.direct[*s].push(placed)
            }
        }
    }

    /// Fills the item lists of the subjects `first..first + direct.len()` from every record,
    /// in record order; then puts each in key order and sums it.
    fn fill(
        &self,
        first: usize,
        direct: &mut [Vec<Item>],
        views: &mut [Vec<Item>],
        sums: &mut [(Evidence, Evidence)],
    ) {
        let end = first + direct.len();
        let mut targets = Vec::with_capacity(8);
        for i in 0..self.input.evidence.len() {
            let record = self.record(i);
            self.targets(record, &mut targets);
            if !targets.iter().any(|(s, _)| (first..end).contains(s)) {
                continue;
            }
            let Some(item) = self.item_of(i) else {
                continue;
            };
            for (s, share) in &targets {
                if !(first..end).contains(s) {
                    continue;
                }
                let placed = Item {
                    share: *share,
                    ..item.clone()
                };
                if item.key.kind == EvidenceKind::Assessment {
                    views[s - first].push(placed)
                } else {
                    direct[s - first].push(placed)
                }
            }
        }
        for k in 0..direct.len() {
            sums[k] = settle(&mut direct[k], &mut views[k]);
        }
    }

    /// Gathers every record into its subjects on two threads, each owning half the subjects
    /// (one thread for a small input, such as one vendor's neighbourhood, where starting a
    /// thread costs more than it saves).
    fn gather(&mut self) {
        let n = self.subjects.len();
        let mid = if self.input.evidence.len() < PARALLEL_ABOVE {
            0
        } else {
            n / 2
        };
        let mut direct = std::mem::take(&mut self.direct);
        let mut views = std::mem::take(&mut self.views);
        let mut sums = vec![(Evidence::default(), Evidence::default()); n];
        {
            let (d_lo, d_hi) = direct.split_at_mut(mid);
            let (v_lo, v_hi) = views.split_at_mut(mid);
            let (s_lo, s_hi) = sums.split_at_mut(mid);
            let this = &*self;
            if mid == 0 {
                this.fill(0, d_hi, v_hi, s_hi);
            } else {
                std::thread::scope(|scope| {
                    let low = scope.spawn(move || this.fill(0, d_lo, v_lo, s_lo));
                    this.fill(mid, d_hi, v_hi, s_hi);
                    if let Err(panic) = low.join() {
                        std::panic::resume_unwind(panic);
                    }
                });
            }
        }
        self.direct = direct;
        self.views = views;
        for (s, (d, v)) in sums.into_iter().enumerate() {
            self.direct_sum[s] = d;
            self.view_mean[s] = v;
        }
    }

    /// Recounts incidents and recomputes the sums of one subject.
    fn settle_one(&mut self, s: usize) {
        let (d, v) = settle(&mut self.direct[s], &mut self.views[s]);
        self.direct_sum[s] = d;
        self.view_mean[s] = v;
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
            .map_or(0.0, |(v, share)| self.inherited[round][v] * share);
        self.direct_sum[s]
            .plus(self.view_mean[s])
            .plus(Evidence::new(0.0, inherited))
    }

    pub(crate) fn opinion_of(&self, evidence: Evidence) -> Opinion {
        Opinion::from_evidence(evidence, self.config.prior_weight, self.config.base_rate)
    }

    /// Units and upstream disbelief of one dependency at a round.
    fn edge_value(&self, e: usize, round: usize) -> (f64, f64) {
        let Some((_, p)) = self.edge_ends[e] else {
            return (0.0, 0.0);
        };
        let d = self.opinion_of(self.total_at(p, round - 1)).disbelief;
        let units = self
            .config
            .inheritance(self.input.dependencies[e].criticality)
            * d;
        (units, d)
    }

    /// A vendor's inherited units at a round: the sum over its dependencies, in order.
    fn vendor_sum(&self, v: usize, round: usize) -> f64 {
        self.edges_of[v]
            .iter()
            .map(|e| self.units[round][*e].0)
            .sum()
    }

    /// Every round for every active dependency.
    fn propagate_all(&mut self) {
        let consumers: Vec<usize> = (0..self.subjects.len())
            .filter(|v| !self.edges_of[*v].is_empty())
            .collect();
        for round in 1..=self.config.max_hops {
            for &v in &consumers {
                for k in 0..self.edges_of[v].len() {
                    let e = self.edges_of[v][k];
                    self.units[round][e] = self.edge_value(e, round);
                }
            }
            for &v in &consumers {
                self.inherited[round][v] = self.vendor_sum(v, round);
            }
        }
    }

    /// Recomputes these dependencies round by round; at each round the dependencies on
    /// products of a vendor whose inherited risk moved join them.
    fn propagate(&mut self, start: FxHashSet<usize>) {
        let mut changed: Vec<usize> = start.into_iter().collect();
        changed.sort_unstable();
        for round in 1..=self.config.max_hops {
            let mut consumers: Vec<usize> = Vec::new();
            for &e in &changed {
                let value = self.edge_value(e, round);
                if self.units[round][e] != value {
                    self.units[round][e] = value;
                    if let Some((c, _)) = self.edge_ends[e] {
                        consumers.push(c);
                    }
                }
            }
            consumers.sort_unstable();
            consumers.dedup();
            let mut next: FxHashSet<usize> = changed.iter().copied().collect();
            for v in consumers {
                let total = self.vendor_sum(v, round);
                if self.inherited[round][v] != total {
                    self.inherited[round][v] = total;
                    for p in &self.product_index[v] {
                        next.extend(self.edges_on[*p].iter().copied());
                    }
                }
            }
            changed = next.into_iter().collect();
            changed.sort_unstable();
        }
    }

    /// Adds one piece of evidence and rescores what it touches and everyone downstream.
    pub fn add_evidence(&mut self, record: EvidenceRecord) {
        self.extra.push(record);
        let i = self.input.evidence.len() + self.extra.len() - 1;
        let mut touched = Vec::new();
        self.place(i, &mut touched);
        let touched: Vec<usize> = touched.into_iter().map(|(s, _)| s).collect();
        for &s in &touched {
            self.settle_one(s);
        }
        let edges: FxHashSet<usize> = touched
            .iter()
            .flat_map(|s| self.edges_on[*s].iter().copied())
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
        self.units[self.config.max_hops][edge]
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

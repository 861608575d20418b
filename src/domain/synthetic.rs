//! Deterministic synthetic knowledge for benchmarks and demos: the same seed always gives
//! the same data. Everything it makes is synthetic and never mixed into real knowledge.

use crate::domain::scoring::{
    DependencyEdge, EvidenceKey, EvidenceKind, EvidenceRecord, Fact, ScoringInput,
};
use crate::domain::{
    Credibility, Criticality, IncidentKind, InvolvementRole, Reliability, RemediationKind, Stance,
};
use chrono::NaiveDate;

/// SplitMix64: a tiny generator whose sequence never changes with a dependency upgrade,
/// so benchmark inputs stay the same across versions.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in 0..n (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    fn index(&mut self, n: usize) -> usize {
        usize::try_from(self.below(n as u64)).unwrap_or(0)
    }

    fn id(&mut self, n: i32) -> i32 {
        i32::try_from(self.below(u64::try_from(n.max(1)).unwrap_or(1))).unwrap_or(0)
    }
}

/// The shape of a synthetic knowledge base.
#[derive(Debug, Clone, Copy)]
pub struct SyntheticShape {
    pub vendors: i32,
    pub products_per_vendor: i32,
    pub evidence: usize,
    pub dependencies: usize,
    pub seed: u64,
    /// Evidence is spread over the five years before this date.
    pub until: NaiveDate,
}

/// A scoring input of the given shape: products per vendor, involvements grouped into
/// incidents, remediations, analyst views, dependencies with random periods.
pub fn scoring_input(shape: SyntheticShape) -> ScoringInput {
    let mut rng = SplitMix64::new(shape.seed);
    let products = shape.vendors * shape.products_per_vendor;
    let day = |rng: &mut SplitMix64| {
        shape.until - chrono::Duration::days(i64::try_from(rng.below(5 * 365)).unwrap_or(0))
    };
    let grade = |rng: &mut SplitMix64| {
        let credibility = Credibility::new(i64::try_from(rng.below(6)).unwrap_or(0) + 1)
            .unwrap_or(Credibility::CANNOT_BE_JUDGED);
        (
            Reliability::ALL[rng.index(Reliability::ALL.len())],
            credibility,
        )
    };
    let incidents = i32::try_from(shape.evidence / 3).unwrap_or(i32::MAX).max(1);
    let mut evidence = Vec::with_capacity(shape.evidence);
    for i in 0..shape.evidence {
        let roll = rng.below(100);
        let vendor = rng.id(shape.vendors);
        let product = vendor * shape.products_per_vendor + rng.id(shape.products_per_vendor);
        let (kind, fact, incident, products_named) = if roll < 60 {
            let fact = Fact::Involvement {
                role: InvolvementRole::ALL[rng.index(3)],
                severity: rng.id(5) + 1,
                customers_affected: (rng.below(2) == 0).then(|| rng.id(1_000_000)),
                incident_kind: IncidentKind::ALL[rng.index(IncidentKind::ALL.len())],
            };
            (
                EvidenceKind::Involvement,
                fact,
                Some(rng.id(incidents)),
                rng.below(2) == 0,
            )
        } else if roll < 85 {
            let fact = Fact::Remediation {
                kind: RemediationKind::ALL[rng.index(RemediationKind::ALL.len())],
            };
            (EvidenceKind::Remediation, fact, None, false)
        } else {
            let fact = Fact::Assessment {
                stance: Stance::ALL[rng.index(Stance::ALL.len())],
            };
            (EvidenceKind::Assessment, fact, None, rng.below(2) == 0)
        };
        evidence.push(EvidenceRecord {
            key: EvidenceKey {
                kind,
                id: i32::try_from(i).unwrap_or(i32::MAX),
            },
            label: crate::domain::scoring::EvidenceLabel::Unnamed,
            fact,
            vendors: vec![vendor],
            products: if products_named {
                vec![product]
            } else {
                Vec::new()
            },
            incident,
            known_on: Some(day(&mut rng)),
            sources: vec![grade(&mut rng)],
            citations: Vec::new(),
        });
    }
    let dependencies = (0..shape.dependencies)
        .map(|i| {
            let since = day(&mut rng);
            let until = (rng.below(3) == 0).then(|| {
                since + chrono::Duration::days(i64::try_from(rng.below(1000)).unwrap_or(0))
            });
            DependencyEdge {
                id: i32::try_from(i).unwrap_or(i32::MAX),
                consumer_vendor: rng.id(shape.vendors),
                product: rng.id(products),
                since: Some(since),
                until,
                criticality: Criticality::ALL[rng.index(4)],
                label: crate::domain::scoring::EvidenceLabel::Unnamed,
            }
        })
        .collect();
    ScoringInput {
        vendors: (0..shape.vendors).collect(),
        products: (0..products)
            .map(|p| (p, p / shape.products_per_vendor.max(1)))
            .collect(),
        evidence,
        dependencies,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(seed: u64) -> SyntheticShape {
        SyntheticShape {
            vendors: 50,
            products_per_vendor: 2,
            evidence: 400,
            dependencies: 120,
            seed,
            until: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_data() {
        let a = scoring_input(shape(7));
        let b = scoring_input(shape(7));
        let c = scoring_input(shape(8));
        assert_eq!(format!("{:?}", a.evidence), format!("{:?}", b.evidence));
        assert_ne!(format!("{:?}", a.evidence), format!("{:?}", c.evidence));
        assert_eq!(a.products.len(), 100);
        assert_eq!(a.dependencies.len(), 120);
    }
}

//! Scoring speed at scale (issue 4): a full recomputation of 100,000 vendors, 200,000
//! products, 1,000,000 evidence records and 300,000 dependencies, and one new piece of
//! evidence re-scored with everyone downstream. Figures go to docs/performance.md.

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use trustkb::domain::scoring::{
    EvidenceKey, EvidenceKind, EvidenceRecord, Fact, ScoreBook, ScoringConfig, Subject,
};
use trustkb::domain::synthetic::{SyntheticShape, scoring_input};
use trustkb::domain::{Credibility, IncidentKind, InvolvementRole, Reliability};

fn shape() -> SyntheticShape {
    SyntheticShape {
        vendors: 100_000,
        products_per_vendor: 2,
        evidence: 1_000_000,
        dependencies: 300_000,
        seed: 2021,
        until: chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap_or_default(),
    }
}

fn new_incident(product: i32) -> EvidenceRecord {
    EvidenceRecord {
        key: EvidenceKey {
            kind: EvidenceKind::Involvement,
            id: 2_000_000,
        },
        label: trustkb::domain::scoring::EvidenceLabel::Involvement {
            role: InvolvementRole::Origin,
            incident: "benchmark incident".into(),
        },
        fact: Fact::Involvement {
            role: InvolvementRole::Origin,
            severity: 5,
            customers_affected: Some(20_000),
            incident_kind: IncidentKind::SupplyChainCompromise,
        },
        vendors: vec![product / 2],
        products: vec![product],
        incident: Some(9_999_999),
        known_on: chrono::NaiveDate::from_ymd_opt(2026, 10, 30),
        sources: vec![(
            Reliability::B,
            Credibility::new(2).unwrap_or(Credibility::CANNOT_BE_JUDGED),
        )],
        citations: Vec::new(),
    }
}

fn scoring(c: &mut Criterion) {
    let shape = shape();
    let input = scoring_input(shape);
    let config = ScoringConfig::default();
    let mut group = c.benchmark_group("scoring");
    group.sample_size(10);
    group.bench_function(
        "full recomputation (100k vendors, 1M evidence, 300k dependencies)",
        |b| {
            b.iter(|| {
                let book = ScoreBook::new(black_box(&input), shape.until, &config);
                black_box(book.opinion(Subject::Vendor(42)))
            })
        },
    );
    let book = ScoreBook::new(&input, shape.until, &config);
    // The most depended-upon product: the worst case for downstream re-scoring.
    let mut consumers = std::collections::HashMap::<i32, usize>::new();
    for d in &input.dependencies {
        *consumers.entry(d.product).or_default() += 1;
    }
    let busiest = consumers
        .into_iter()
        .max_by_key(|(p, n)| (*n, -*p))
        .map_or(0, |(p, _)| p);
    group.bench_function("one new incident re-scored with its downstream", |b| {
        b.iter_batched(
            || book.clone(),
            |mut book| {
                book.add_evidence(new_incident(busiest));
                black_box(book.opinion(Subject::Product(busiest)));
                // Returned, so that dropping the copy is not timed.
                book
            },
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group!(benches, scoring);
criterion_main!(benches);

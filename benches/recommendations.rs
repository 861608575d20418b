//! Recommendation speed at scale (issue 9): every product in use, and every product of the
//! catalogue, recommended with ranked alternatives on a synthetic base (`trustkb gen`) of
//! 10,000 vendors, or `TRUSTKB_BENCH_VENDORS`. Figures go to docs/performance.md.

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use trustkb::domain::recommend::{Lookup, RecommendationConfig, recommend_in_use, recommend_with};
use trustkb::domain::scoring::ScoringConfig;
use trustkb::store::pack::seed::import_time;
use trustkb::store::queries::recommendations::load_recommend_input;

/// The base's size when `TRUSTKB_BENCH_VENDORS` does not say.
const VENDORS: usize = 10_000;

fn recommendations(c: &mut Criterion) {
    let vendors = std::env::var("TRUSTKB_BENCH_VENDORS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(VENDORS);
    let (_dir, mut conn) = common::generated_base(vendors, true);
    let scoring = ScoringConfig::default();
    let as_of = import_time().date();
    let input = load_recommend_input(&mut conn, as_of, &scoring).unwrap_or_else(|e| panic!("{e}"));
    let config = RecommendationConfig::default();
    let mut group = c.benchmark_group("recommendations");
    group.sample_size(10);
    group.bench_function(format!("every product in use ({vendors} vendors)"), |b| {
        b.iter(|| black_box(recommend_in_use(black_box(&input), &config)).len())
    });
    group.bench_function(
        format!("every product of the catalogue ({vendors} vendors)"),
        |b| {
            b.iter(|| {
                let lookup = Lookup::new(&input, &config);
                input
                    .products
                    .keys()
                    .filter_map(|id| recommend_with(&input, &lookup, *id, &config))
                    .count()
            })
        },
    );
    group.finish();
}

criterion_group!(benches, recommendations);
criterion_main!(benches);

//! Recommendation speed at scale (issue 9): every product in use, and every product of the
//! catalogue, recommended with ranked alternatives on a synthetic base (`trustkb gen`) of
//! 10,000 vendors, or `TRUSTKB_BENCH_VENDORS`. Figures go to docs/performance.md.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use trustkb::domain::audit::Actor;
use trustkb::domain::recommend::{Lookup, RecommendationConfig, recommend_in_use, recommend_with};
use trustkb::domain::scoring::ScoringConfig;
use trustkb::generate::{GenShape, generate_and_rescore};
use trustkb::store::pack::embedded::seed_pack;
use trustkb::store::pack::progress::Quiet;
use trustkb::store::pack::seed::{import_time, seed};
use trustkb::store::queries::recommendations::load_recommend_input;

/// The base's size when `TRUSTKB_BENCH_VENDORS` does not say.
const VENDORS: usize = 10_000;

fn recommendations(c: &mut Criterion) {
    let vendors = std::env::var("TRUSTKB_BENCH_VENDORS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(VENDORS);
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("a temporary directory: {e}"));
    let url = format!("sqlite://{}", dir.path().join("bench.db").display());
    let url: trustkb::store::DatabaseUrl = url.parse().unwrap_or_else(|e| panic!("{e}"));
    let mut conn = trustkb::store::connect(&url).unwrap_or_else(|e| panic!("{e}"));
    trustkb::store::migrate::run_migrations(&mut conn).unwrap_or_else(|e| panic!("{e}"));
    let scoring = ScoringConfig::default();
    let pack = seed_pack().unwrap_or_else(|e| panic!("{e}"));
    seed(&mut conn, &Actor::system(), &pack, import_time(), &scoring)
        .unwrap_or_else(|e| panic!("{e}"));
    generate_and_rescore(
        &mut conn,
        &Actor::system(),
        &GenShape::for_vendors(vendors),
        2021,
        import_time(),
        &scoring,
        &mut Quiet,
    )
    .unwrap_or_else(|e| panic!("{e}"));
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

//! Blast radius and concentration at scale (issue 9) on a synthetic base of 10,000 vendors
//! (`trustkb gen`): the hub vendor's whole radius, one page of it, and the concentration of
//! every product and supplier. Figures go to docs/performance.md.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use trustkb::domain::audit::Actor;
use trustkb::domain::blast::{BlastView, Node, blast_radius, concentration};
use trustkb::domain::scoring::ScoringConfig;
use trustkb::generate::{GenShape, generate_and_rescore};
use trustkb::store::pack::progress::Quiet;
use trustkb::store::pack::seed::import_time;
use trustkb::store::queries::blast::load_blast_graph;

const VENDORS: usize = 10_000;
/// The synthetic base's most depended-on vendor.
const HUB: &str = "syn-v1";

fn blast(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("a temporary directory: {e}"));
    let url = format!("sqlite://{}", dir.path().join("bench.db").display());
    let url: trustkb::store::DatabaseUrl = url.parse().unwrap_or_else(|e| panic!("{e}"));
    let mut conn = trustkb::store::connect(&url).unwrap_or_else(|e| panic!("{e}"));
    trustkb::store::migrate::run_migrations(&mut conn).unwrap_or_else(|e| panic!("{e}"));
    generate_and_rescore(
        &mut conn,
        &Actor::system(),
        &GenShape::for_vendors(VENDORS),
        2021,
        import_time(),
        &ScoringConfig::default(),
        &mut Quiet,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let graph = load_blast_graph(&mut conn).unwrap_or_else(|e| panic!("{e}"));
    let hub = graph
        .labels
        .iter()
        .find(|(node, label)| matches!(node, Node::Vendor(_)) && label.slug == HUB)
        .map(|(node, _)| *node)
        .unwrap_or_else(|| panic!("{HUB} is not in the generated base"));
    let as_of = import_time().date();
    let mut group = c.benchmark_group("blast");
    group.sample_size(10);
    group.bench_function("concentration (10k vendors)", |b| {
        b.iter(|| {
            black_box(concentration(black_box(&graph), as_of))
                .products
                .len()
        })
    });
    group.bench_function("hub's whole radius (10k vendors)", |b| {
        b.iter(|| {
            black_box(blast_radius(black_box(&graph), hub, as_of))
                .nodes
                .len()
        })
    });
    group.bench_function("a page of the hub's radius (10k vendors)", |b| {
        b.iter(|| {
            let radius = blast_radius(black_box(&graph), hub, as_of);
            black_box(BlastView::window(&graph, &radius, 500, 50))
                .nodes
                .len()
        })
    });
    group.finish();
}

criterion_group!(benches, blast);
criterion_main!(benches);

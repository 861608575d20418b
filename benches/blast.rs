//! Blast radius and concentration at scale (issue 9) on a synthetic base of 10,000 vendors
//! (`trustkb gen`): the hub vendor's whole radius, one page of it, and the concentration of
//! every product and supplier. Figures go to docs/performance.md.

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use trustkb::domain::blast::{BlastView, Node, blast_radius, concentration};
use trustkb::store::pack::seed::import_time;
use trustkb::store::queries::blast::load_blast_graph;

const VENDORS: usize = 10_000;
/// The synthetic base's most depended-on vendor.
const HUB: &str = "syn-v1";

fn blast(c: &mut Criterion) {
    let (_dir, mut conn) = common::generated_base(VENDORS, false);
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

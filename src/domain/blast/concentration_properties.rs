//! Property tests of concentration on random graphs with cycles: the transitive consumers
//! counted a block of vendors at a time match a plain walk from each row.

use super::concentration::{CONSUMERS_NAMED, concentration};
use super::graph::*;
use super::reach::{Start, reach};
use crate::domain::{Criticality, PartialDate};
use chrono::NaiveDate;
use proptest::prelude::*;
use std::collections::{BTreeSet, VecDeque};

/// More vendors than a one-word block holds, so several blocks are walked.
const VENDORS: i32 = 150;
const PRODUCTS: i32 = 220;

fn day(offset: i64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, 1, 1)
        .map(|d| d + chrono::Duration::days(offset))
        .unwrap()
}

/// Products' owners and (consumer, product, since, until) dependencies, dates as days after
/// 1 January 2020.
fn graph() -> impl Strategy<Value = BlastGraph> {
    (
        prop::collection::vec(0..VENDORS, PRODUCTS as usize),
        prop::collection::vec(
            (
                prop::option::weighted(0.95, 0..VENDORS),
                0..PRODUCTS,
                prop::option::of(0i64..400),
                prop::option::of(0i64..400),
                any::<bool>(),
            ),
            0..400,
        ),
    )
        .prop_map(|(owners, deps)| {
            let mut g = BlastGraph::default();
            for (product, vendor) in owners.iter().enumerate() {
                g.products.insert(product as i32, *vendor);
            }
            for (i, (consumer, product, since, until, critical)) in deps.into_iter().enumerate() {
                g.dependencies.push(DependencyLink {
                    id: i as i32,
                    consumer,
                    product,
                    since: since.map(|d| PartialDate::day(day(d))),
                    until: until.map(|d| PartialDate::day(day(d))),
                    criticality: if critical {
                        Criticality::High
                    } else {
                        Criticality::Low
                    },
                });
            }
            g
        })
}

/// Consumers reached from `start` by a breadth-first walk over the dependencies in use (a
/// vendor passes trouble on to the consumers of its products), `start` and its supplier
/// left out: the reference the blocks are checked against.
fn walked(g: &BlastGraph, as_of: NaiveDate, start: Node) -> Vec<Node> {
    let active: Vec<&DependencyLink> = g
        .dependencies
        .iter()
        .filter(|d| d.active_on(as_of))
        .collect();
    let mut seen: BTreeSet<Node> = BTreeSet::from([start]);
    let mut queue: VecDeque<Node> = VecDeque::from([start]);
    let mut found: BTreeSet<Node> = BTreeSet::new();
    while let Some(node) = queue.pop_front() {
        let products: Vec<i32> = match node {
            Node::Product(p) => vec![p],
            Node::Vendor(v) => g.products_of(v).collect(),
            Node::Organisation | Node::Incident(_) => Vec::new(),
        };
        for d in active.iter().filter(|d| products.contains(&d.product)) {
            let consumer = d.consumer_node();
            if seen.insert(consumer) {
                found.insert(consumer);
                queue.push_back(consumer);
            }
        }
    }
    if let Node::Product(p) = start
        && let Some(v) = g.products.get(&p)
    {
        found.remove(&Node::Vendor(*v));
    }
    found.into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_row_reaches_what_a_walk_from_it_reaches(g in graph(), on in 0i64..400) {
        let as_of = day(on);
        let c = concentration(&g, as_of);
        for row in c.products.iter().chain(&c.vendors) {
            let expected = walked(&g, as_of, row.node);
            prop_assert_eq!(row.transitive.count, expected.len(), "{:?}", row.node);
            let named: Vec<Node> = expected.iter().take(CONSUMERS_NAMED).copied().collect();
            prop_assert_eq!(&row.transitive.named, &named, "{:?}", row.node);
        }
    }

    #[test]
    fn the_block_size_does_not_change_what_is_reached(g in graph(), on in 0i64..400) {
        let as_of = day(on);
        let active: Vec<&DependencyLink> = g.dependencies.iter().filter(|d| d.active_on(as_of)).collect();
        let starts: Vec<Start> = (0..VENDORS)
            .map(|v| Start {
                consumers: active
                    .iter()
                    .filter(|d| g.products.get(&d.product) == Some(&v))
                    .map(|d| d.consumer_node())
                    .collect(),
                except: Some(v),
            })
            .collect();
        let one_word = reach(&g, &active, &starts, 1_000, 1);
        let wide = reach(&g, &active, &starts, 1_000, 64);
        prop_assert_eq!(&one_word, &wide);
        for (v, r) in one_word.iter().enumerate() {
            prop_assert_eq!(&r.named, &walked(&g, as_of, Node::Vendor(v as i32)));
        }
    }
}

//! Concentration: the products and suppliers that many consumers (vendors and our own
//! organisation) depend on, with their share of all critical dependencies, on one date.

use super::graph::{BlastGraph, DependencyLink, Node};
use super::reach::{BLOCK_WORDS, Reach, Start, reach};
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet};

/// How much of the portfolio rests on one product or one vendor.
#[derive(Debug, Clone, PartialEq)]
pub struct ConcentrationRow {
    /// A `Node::Product` or a `Node::Vendor`.
    pub node: Node,
    /// Distinct direct consumers, in node order (a vendor using its own product is left out).
    pub consumers: Vec<Node>,
    /// The consumers reached through dependencies in use, any number of hops (the direct
    /// ones included): all counted, the first [`CONSUMERS_NAMED`] named.
    pub transitive: Reach,
    /// Dependencies in use on it.
    pub dependencies: usize,
    /// Of those, critical or high.
    pub critical: usize,
    /// `critical` over all critical or high dependencies in use (0 when there are none).
    pub share: f64,
}

/// The portfolio on one date.
#[derive(Debug, Clone, PartialEq)]
pub struct Concentration {
    pub as_of: NaiveDate,
    /// Dependencies in use, and how many of them are critical or high.
    pub total_dependencies: usize,
    pub total_critical: usize,
    /// Products with at least one consumer, most concentrated first.
    pub products: Vec<ConcentrationRow>,
    /// Vendors whose products have at least one consumer, most concentrated first.
    pub vendors: Vec<ConcentrationRow>,
}

/// How many consumers a row names, reached directly or at any hops: a product many depend
/// on has thousands in a large base, and naming them all in every row took gigabytes.
pub const CONSUMERS_NAMED: usize = 50;

/// A row before its transitive consumers are counted (they are counted for all rows at once).
struct Counted {
    node: Node,
    consumers: Vec<Node>,
    start: Start,
    dependencies: usize,
    critical: usize,
}

/// The dependencies on one product or vendor, `owner`'s own use of its products left out
/// of the counts (its walk still passes through it, as trouble would).
fn counted(node: Node, owner: Option<i32>, on_it: &[&DependencyLink]) -> Counted {
    let own = |d: &&&DependencyLink| owner.is_none_or(|v| d.consumer != Some(v));
    let counted: Vec<&&DependencyLink> = on_it.iter().filter(own).collect();
    let consumers: BTreeSet<Node> = counted.iter().map(|d| d.consumer_node()).collect();
    Counted {
        node,
        consumers: consumers.into_iter().collect(),
        start: Start {
            consumers: on_it.iter().map(|d| d.consumer_node()).collect(),
            except: match node {
                Node::Vendor(v) => Some(v),
                _ => owner,
            },
        },
        dependencies: counted.len(),
        critical: counted.iter().filter(|d| d.is_critical()).count(),
    }
}

/// The rows, with what each reaches, sorted.
fn rows(
    list: Vec<Counted>,
    reached: impl Iterator<Item = Reach>,
    total_critical: usize,
) -> Vec<ConcentrationRow> {
    let mut rows: Vec<ConcentrationRow> = list
        .into_iter()
        .zip(reached)
        .map(|(r, transitive)| ConcentrationRow {
            node: r.node,
            consumers: r.consumers,
            transitive,
            dependencies: r.dependencies,
            critical: r.critical,
            share: if total_critical == 0 {
                0.0
            } else {
                r.critical as f64 / total_critical as f64
            },
        })
        .collect();
    sort(&mut rows);
    rows
}

/// Most critical dependencies first, then most consumers, then most transitive consumers.
fn sort(rows: &mut [ConcentrationRow]) {
    rows.sort_by(|a, b| {
        (b.critical, b.consumers.len(), b.transitive.count, a.node).cmp(&(
            a.critical,
            a.consumers.len(),
            a.transitive.count,
            b.node,
        ))
    });
}

/// The concentration of the portfolio on `as_of`: only dependencies in use that day count.
pub fn concentration(graph: &BlastGraph, as_of: NaiveDate) -> Concentration {
    let active: Vec<&DependencyLink> = graph
        .dependencies
        .iter()
        .filter(|d| d.active_on(as_of))
        .collect();
    let total_critical = active.iter().filter(|d| d.is_critical()).count();
    let mut by_product: BTreeMap<i32, Vec<&DependencyLink>> = BTreeMap::new();
    for d in &active {
        by_product.entry(d.product).or_default().push(d);
    }
    let mut by_vendor: BTreeMap<i32, Vec<&DependencyLink>> = BTreeMap::new();
    for (product, list) in &by_product {
        if let Some(v) = graph.products.get(product) {
            by_vendor
                .entry(*v)
                .or_default()
                .extend(list.iter().copied());
        }
    }
    let with_consumers = |r: &Counted| !r.consumers.is_empty();
    let products: Vec<Counted> = by_product
        .iter()
        .map(|(p, list)| counted(Node::Product(*p), graph.products.get(p).copied(), list))
        .filter(with_consumers)
        .collect();
    let vendors: Vec<Counted> = by_vendor
        .iter()
        .map(|(v, list)| counted(Node::Vendor(*v), Some(*v), list))
        .filter(with_consumers)
        .collect();
    // One walk of the graph for every row.
    let starts: Vec<Start> = products
        .iter()
        .chain(&vendors)
        .map(|r| r.start.clone())
        .collect();
    let mut reached = reach(graph, &active, &starts, CONSUMERS_NAMED, BLOCK_WORDS).into_iter();
    let products = rows(products, reached.by_ref(), total_critical);
    Concentration {
        as_of,
        total_dependencies: active.len(),
        total_critical,
        products,
        vendors: rows(vendors, reached, total_critical),
    }
}

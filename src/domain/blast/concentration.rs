//! Concentration: the products and suppliers that many consumers (vendors and our own
//! organisation) depend on, with their share of all critical dependencies, on one date.

use super::graph::{BlastGraph, DependencyLink, Node};
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet, VecDeque};

/// How much of the portfolio rests on one product or one vendor.
#[derive(Debug, Clone, PartialEq)]
pub struct ConcentrationRow {
    /// A `Node::Product` or a `Node::Vendor`.
    pub node: Node,
    /// Distinct direct consumers, in node order (a vendor using its own product is left out).
    pub consumers: Vec<Node>,
    /// Every consumer reached through dependencies in use, any number of hops (includes
    /// the direct ones).
    pub transitive: Vec<Node>,
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

/// The dependencies in use, by the product depended on, and each vendor's products: built
/// once, so each row's walk looks its steps up instead of scanning every dependency.
struct InUse<'g> {
    on_product: BTreeMap<i32, Vec<&'g DependencyLink>>,
    products_of: BTreeMap<i32, Vec<i32>>,
}

impl<'g> InUse<'g> {
    fn new(graph: &BlastGraph, active: &[&'g DependencyLink]) -> InUse<'g> {
        let mut on_product: BTreeMap<i32, Vec<&DependencyLink>> = BTreeMap::new();
        for d in active {
            on_product.entry(d.product).or_default().push(d);
        }
        let mut products_of: BTreeMap<i32, Vec<i32>> = BTreeMap::new();
        for (product, vendor) in &graph.products {
            products_of.entry(*vendor).or_default().push(*product);
        }
        InUse {
            on_product,
            products_of,
        }
    }

    fn on(&self, product: i32) -> &[&'g DependencyLink] {
        self.on_product.get(&product).map_or(&[], Vec::as_slice)
    }
}

/// Consumers reached from `start` through dependencies in use (a vendor passes trouble on to
/// the consumers of its own products), without `start` itself.
fn transitive(graph: &BlastGraph, in_use: &InUse, start: Node) -> Vec<Node> {
    let mut seen: BTreeSet<Node> = BTreeSet::from([start]);
    let mut queue: VecDeque<Node> = VecDeque::from([start]);
    let mut found: BTreeSet<Node> = BTreeSet::new();
    while let Some(node) = queue.pop_front() {
        let products: &[i32] = match node {
            Node::Product(ref p) => std::slice::from_ref(p),
            Node::Vendor(v) => in_use.products_of.get(&v).map_or(&[], Vec::as_slice),
            Node::Organisation | Node::Incident(_) => &[],
        };
        for d in products.iter().flat_map(|p| in_use.on(*p)) {
            let consumer = d.consumer_node();
            if seen.insert(consumer) {
                found.insert(consumer);
                queue.push_back(consumer);
            }
        }
    }
    if let Node::Product(p) = start
        && let Some(v) = graph.products.get(&p)
    {
        found.remove(&Node::Vendor(*v));
    }
    found.into_iter().collect()
}

fn row(
    graph: &BlastGraph,
    in_use: &InUse,
    node: Node,
    owner: Option<i32>,
    on_it: &[&DependencyLink],
    total_critical: usize,
) -> ConcentrationRow {
    let own = |d: &&&DependencyLink| owner.is_none_or(|v| d.consumer != Some(v));
    let counted: Vec<&&DependencyLink> = on_it.iter().filter(own).collect();
    let consumers: BTreeSet<Node> = counted.iter().map(|d| d.consumer_node()).collect();
    let critical = counted.iter().filter(|d| d.is_critical()).count();
    ConcentrationRow {
        node,
        consumers: consumers.into_iter().collect(),
        transitive: transitive(graph, in_use, node),
        dependencies: counted.len(),
        critical,
        share: if total_critical == 0 {
            0.0
        } else {
            critical as f64 / total_critical as f64
        },
    }
}

/// Most critical dependencies first, then most consumers, then most transitive consumers.
fn sort(rows: &mut [ConcentrationRow]) {
    rows.sort_by(|a, b| {
        (b.critical, b.consumers.len(), b.transitive.len(), a.node).cmp(&(
            a.critical,
            a.consumers.len(),
            a.transitive.len(),
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
    let in_use = InUse::new(graph, &active);
    let by_product = &in_use.on_product;
    let mut by_vendor: BTreeMap<i32, Vec<&DependencyLink>> = BTreeMap::new();
    for (product, list) in by_product {
        if let Some(v) = graph.products.get(product) {
            by_vendor
                .entry(*v)
                .or_default()
                .extend(list.iter().copied());
        }
    }
    let mut products: Vec<ConcentrationRow> = by_product
        .iter()
        .map(|(p, list)| {
            let owner = graph.products.get(p).copied();
            row(
                graph,
                &in_use,
                Node::Product(*p),
                owner,
                list,
                total_critical,
            )
        })
        .filter(|r| !r.consumers.is_empty())
        .collect();
    let mut vendors: Vec<ConcentrationRow> = by_vendor
        .iter()
        .map(|(v, list)| {
            row(
                graph,
                &in_use,
                Node::Vendor(*v),
                Some(*v),
                list,
                total_critical,
            )
        })
        .filter(|r| !r.consumers.is_empty())
        .collect();
    sort(&mut products);
    sort(&mut vendors);
    Concentration {
        as_of,
        total_dependencies: active.len(),
        total_critical,
        products,
        vendors,
    }
}

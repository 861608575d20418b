//! Which incidents travelled along a dependency: those that left the supplier's side and
//! arrived on the consumer's side, directly or as the consequence of an upstream incident.

use super::graph::{BlastGraph, Edge, Node};
use crate::domain::InvolvementRole;
use chrono::NaiveDate;
use std::collections::{BTreeSet, HashMap};

/// The supplier side of a dependency edge: the product and its vendor.
fn supplier_side(graph: &BlastGraph, edge: &Edge) -> BTreeSet<Node> {
    let mut side = BTreeSet::from([edge.from]);
    if let Node::Product(p) = edge.from
        && let Some(v) = graph.products.get(&p)
    {
        side.insert(Node::Vendor(*v));
    }
    side
}

/// The graph's involvements by party, its causes by cause and its products by vendor,
/// indexed once for every edge a walk looks at.
pub struct Travel<'g> {
    graph: &'g BlastGraph,
    involved: HashMap<Node, Vec<(i32, InvolvementRole)>>,
    effects: HashMap<i32, Vec<i32>>,
    products_of: HashMap<i32, Vec<i32>>,
}

impl<'g> Travel<'g> {
    pub fn new(graph: &'g BlastGraph) -> Self {
        let mut involved: HashMap<Node, Vec<(i32, InvolvementRole)>> = HashMap::new();
        for inv in &graph.involvements {
            involved
                .entry(inv.party)
                .or_default()
                .push((inv.incident, inv.role));
        }
        let mut effects: HashMap<i32, Vec<i32>> = HashMap::new();
        for (cause, effect) in &graph.causes {
            effects.entry(*cause).or_default().push(*effect);
        }
        let mut products_of: HashMap<i32, Vec<i32>> = HashMap::new();
        for (product, vendor) in &graph.products {
            products_of.entry(*vendor).or_default().push(*product);
        }
        Travel {
            graph,
            involved,
            effects,
            products_of,
        }
    }

    /// The consumer side: the consumer and, for a vendor, its own products.
    fn consumer_side(&self, edge: &Edge) -> BTreeSet<Node> {
        let mut side = BTreeSet::from([edge.to]);
        if let Node::Vendor(v) = edge.to {
            let products = self
                .products_of
                .get(&v)
                .map(Vec::as_slice)
                .unwrap_or_default();
            side.extend(products.iter().copied().map(Node::Product));
        }
        side
    }

    fn involvements<'a>(
        &'a self,
        side: &'a BTreeSet<Node>,
    ) -> impl Iterator<Item = (i32, InvolvementRole)> + 'a {
        side.iter()
            .filter_map(|party| self.involved.get(party))
            .flatten()
            .copied()
    }

    /// The incidents (ids, ascending) that travelled along a dependency edge: known on
    /// `as_of` (or `always`), involving the consumer side in any role, and either spreading
    /// from the supplier side (origin or conduit there) or caused by an incident that did.
    pub fn incidents_along(&self, edge: &Edge, as_of: NaiveDate, always: Option<i32>) -> Vec<i32> {
        let graph = self.graph;
        let known = |i: i32| Some(i) == always || graph.incident_known(i, as_of);
        let up = supplier_side(graph, edge);
        let down = self.consumer_side(edge);
        let spreading_from_up: BTreeSet<i32> = self
            .involvements(&up)
            .filter(|(_, role)| matches!(role, InvolvementRole::Origin | InvolvementRole::Conduit))
            .map(|(incident, _)| incident)
            .collect();
        let caused_upstream: BTreeSet<i32> = spreading_from_up
            .iter()
            .filter(|cause| known(**cause))
            .filter_map(|cause| self.effects.get(cause))
            .flatten()
            .copied()
            .collect();
        let found: BTreeSet<i32> = self
            .involvements(&down)
            .map(|(incident, _)| incident)
            .filter(|i| known(*i))
            .filter(|i| spreading_from_up.contains(i) || caused_upstream.contains(i))
            .collect();
        found.into_iter().collect()
    }
}

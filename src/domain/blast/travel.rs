//! Which incidents travelled along a dependency: those that left the supplier's side and
//! arrived on the consumer's side, directly or as the consequence of an upstream incident.

use super::graph::{BlastGraph, Edge, Node};
use crate::domain::InvolvementRole;
use chrono::NaiveDate;
use std::collections::BTreeSet;

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

/// The consumer side: the consumer and, for a vendor, its own products.
fn consumer_side(graph: &BlastGraph, edge: &Edge) -> BTreeSet<Node> {
    let mut side = BTreeSet::from([edge.to]);
    if let Node::Vendor(v) = edge.to {
        side.extend(graph.products_of(v).map(Node::Product));
    }
    side
}

/// The incidents (ids, ascending) that travelled along a dependency edge: known on `as_of`
/// (or `always`), involving the consumer side in any role, and either spreading from the
/// supplier side (origin or conduit there) or caused by an incident that did.
pub fn incidents_along(
    graph: &BlastGraph,
    edge: &Edge,
    as_of: NaiveDate,
    always: Option<i32>,
) -> Vec<i32> {
    let known = |i: i32| Some(i) == always || graph.incident_known(i, as_of);
    let up = supplier_side(graph, edge);
    let down = consumer_side(graph, edge);
    let spreads_from_up = |incident: i32| {
        graph.involvements.iter().any(|inv| {
            inv.incident == incident
                && matches!(inv.role, InvolvementRole::Origin | InvolvementRole::Conduit)
                && up.contains(&inv.party)
        })
    };
    let mut found: BTreeSet<i32> = BTreeSet::new();
    for inv in &graph.involvements {
        let incident = inv.incident;
        if found.contains(&incident) || !known(incident) || !down.contains(&inv.party) {
            continue;
        }
        let caused_upstream = graph
            .causes
            .iter()
            .any(|(cause, effect)| *effect == incident && known(*cause) && spreads_from_up(*cause));
        if spreads_from_up(incident) || caused_upstream {
            found.insert(incident);
        }
    }
    found.into_iter().collect()
}

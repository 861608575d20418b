//! The blast radius walk: a 0-1 breadth-first search from a vendor, product or incident over
//! the graph's edges, giving every reached node its fewest hops and the path that achieves it.

use super::graph::{BlastGraph, Edge, EdgeKind, Node};
use super::travel::Travel;
use crate::domain::InvolvementRole;
use chrono::NaiveDate;
use std::collections::{BTreeMap, VecDeque};

/// A node the blast reaches.
#[derive(Debug, Clone, PartialEq)]
pub struct Reached {
    pub node: Node,
    /// Fewest hops from the start (a vendor's own products are at the vendor's hop).
    pub hops: u32,
    /// The nodes of one shortest path, from the start to this node (both included).
    pub path: Vec<Node>,
    /// Index in `BlastRadius::edges` of the last edge of that path (`None` at the start and
    /// at the origins of a start incident).
    pub via: Option<usize>,
}

/// Who is exposed, how far away, and along which edges.
#[derive(Debug, Clone, PartialEq)]
pub struct BlastRadius {
    pub root: Node,
    pub as_of: NaiveDate,
    /// The start first, then by hops and node.
    pub nodes: Vec<Reached>,
    /// Every counted edge leaving a reached node (so both ends are reached).
    pub edges: Vec<Edge>,
}

impl BlastRadius {
    pub fn get(&self, node: Node) -> Option<&Reached> {
        self.nodes.iter().find(|r| r.node == node)
    }
}

/// Where the walk starts at hop 0: the node itself, and for an incident the parties it
/// started at (its origin involvements): the Orion compromise starts at SolarWinds and Orion.
fn starts(graph: &BlastGraph, root: Node) -> Vec<Node> {
    let mut list = vec![root];
    if let Node::Incident(id) = root {
        for inv in &graph.involvements {
            if inv.incident == id
                && inv.role == InvolvementRole::Origin
                && !list.contains(&inv.party)
            {
                list.push(inv.party);
            }
        }
    }
    list
}

/// The blast radius of `root` as of `as_of`. Terminates on any graph (each node is settled
/// at most once per hop count improvement, and hop counts are bounded by the node count).
pub fn blast_radius(graph: &BlastGraph, root: Node, as_of: NaiveDate) -> BlastRadius {
    let always = match root {
        Node::Incident(id) => Some(id),
        _ => None,
    };
    let all = graph.edges(as_of, always);
    let mut out: BTreeMap<Node, Vec<usize>> = BTreeMap::new();
    for (i, e) in all.iter().enumerate() {
        out.entry(e.from).or_default().push(i);
    }
    let mut hops: BTreeMap<Node, u32> = BTreeMap::new();
    let mut parent: BTreeMap<Node, usize> = BTreeMap::new();
    let mut queue: VecDeque<Node> = VecDeque::new();
    for s in starts(graph, root) {
        hops.insert(s, 0);
        queue.push_back(s);
    }
    while let Some(node) = queue.pop_front() {
        let here = hops.get(&node).copied().unwrap_or(0);
        for &i in out.get(&node).map(Vec::as_slice).unwrap_or_default() {
            let e = &all[i];
            let there = here + e.weight();
            if hops.get(&e.to).is_none_or(|h| there < *h) {
                hops.insert(e.to, there);
                parent.insert(e.to, i);
                if e.weight() == 0 {
                    queue.push_front(e.to);
                } else {
                    queue.push_back(e.to);
                }
            }
        }
    }
    // Keep the reached part of the graph, renumbering edges.
    let mut edges: Vec<Edge> = Vec::new();
    let mut renumber: BTreeMap<usize, usize> = BTreeMap::new();
    let travel = Travel::new(graph);
    for (i, e) in all.iter().enumerate() {
        if hops.contains_key(&e.from) {
            renumber.insert(i, edges.len());
            let mut e = e.clone();
            if e.kind == EdgeKind::Dependency {
                e.incidents = travel.incidents_along(&e, as_of, always);
            }
            edges.push(e);
        }
    }
    let mut nodes: Vec<Reached> = hops
        .iter()
        .map(|(node, h)| Reached {
            node: *node,
            hops: *h,
            path: path_to(root, *node, &parent, &all, hops.len()),
            via: parent.get(node).and_then(|i| renumber.get(i)).copied(),
        })
        .collect();
    nodes.sort_by_key(|r| (r.node != root, r.hops, r.node));
    BlastRadius {
        root,
        as_of,
        nodes,
        edges,
    }
}

/// Follows parent edges back to a start; `limit` bounds the walk whatever the pointers. A
/// path from an incident's origin still begins with the incident.
fn path_to(
    root: Node,
    node: Node,
    parent: &BTreeMap<Node, usize>,
    edges: &[Edge],
    limit: usize,
) -> Vec<Node> {
    let mut path = vec![node];
    let mut at = node;
    while let Some(&i) = parent.get(&at) {
        if path.len() > limit {
            break;
        }
        at = edges[i].from;
        path.push(at);
    }
    if at != root {
        path.push(root);
    }
    path.reverse();
    path
}

//! The blast radius walk: a 0-1 breadth-first search from a vendor, product or incident over
//! the graph's edges, giving every reached node its fewest hops and the path that achieves it.

use super::graph::{BlastGraph, Edge, EdgeKind, Node};
use super::travel::Travel;
use crate::domain::InvolvementRole;
use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use std::collections::VecDeque;

/// A node the blast reaches.
#[derive(Debug, Clone, PartialEq)]
pub struct Reached {
    pub node: Node,
    /// Fewest hops from the start (a vendor's own products are at the vendor's hop).
    pub hops: u32,
    /// Index in `BlastRadius::edges` of the last edge of one shortest path to it (`None` at
    /// the start and at the origins of a start incident); `BlastRadius::path` follows them.
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
    /// Each node's `via`, by node.
    via: FxHashMap<Node, usize>,
}

impl BlastRadius {
    pub fn get(&self, node: Node) -> Option<&Reached> {
        self.nodes.iter().find(|r| r.node == node)
    }

    /// The nodes of one shortest path, from the start to `node` (both included), following
    /// each node's `via` back. Built on demand: a hub's radius holds tens of thousands of
    /// nodes, and building every path took most of a request for one page of them. A path
    /// from an incident's origin still begins with the incident.
    pub fn path(&self, node: Node) -> Vec<Node> {
        let mut path = vec![node];
        let mut at = node;
        while let Some(edge) = self.via.get(&at).and_then(|i| self.edges.get(*i)) {
            // Each step comes a node closer to the start; the bound only guards the loop.
            if path.len() > self.nodes.len() {
                break;
            }
            at = edge.from;
            path.push(at);
        }
        if at != self.root {
            path.push(self.root);
        }
        path.reverse();
        path
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
    let mut out: FxHashMap<Node, Vec<usize>> = FxHashMap::default();
    for (i, e) in all.iter().enumerate() {
        out.entry(e.from).or_default().push(i);
    }
    let mut hops: FxHashMap<Node, u32> = FxHashMap::default();
    let mut parent: FxHashMap<Node, usize> = FxHashMap::default();
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
    let mut renumber: FxHashMap<usize, usize> = FxHashMap::default();
    let travel = Travel::new(graph);
    for (i, mut e) in all.into_iter().enumerate() {
        if hops.contains_key(&e.from) {
            renumber.insert(i, edges.len());
            if e.kind == EdgeKind::Dependency {
                e.incidents = travel.incidents_along(&e, as_of, always);
            }
            edges.push(e);
        }
    }
    let via: FxHashMap<Node, usize> = parent
        .iter()
        .filter_map(|(node, i)| renumber.get(i).map(|r| (*node, *r)))
        .collect();
    let mut nodes: Vec<Reached> = hops
        .iter()
        .map(|(node, h)| Reached {
            node: *node,
            hops: *h,
            via: via.get(node).copied(),
        })
        .collect();
    nodes.sort_by_key(|r| (r.node != root, r.hops, r.node));
    BlastRadius {
        root,
        as_of,
        nodes,
        edges,
        via,
    }
}

//! Property tests of the blast radius walk on random graphs with cycles: it terminates, every
//! node it reports is reachable along its path, and hop counts are shortest paths.

use super::graph::*;
use super::radius::blast_radius;
use crate::domain::{Criticality, InvolvementRole, PartialDate};
use chrono::NaiveDate;
use proptest::prelude::*;
use std::collections::BTreeMap;

const VENDORS: i32 = 6;
const PRODUCTS: i32 = 8;
const INCIDENTS: i32 = 4;

fn day(offset: i64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, 1, 1)
        .map(|d| d + chrono::Duration::days(offset))
        .unwrap()
}

/// (consumer, product, since, until) with dates as days after 1 January 2020.
type PlannedDependency = (Option<i32>, i32, Option<i64>, Option<i64>);

#[derive(Debug, Clone)]
struct Plan {
    owners: Vec<i32>,
    deps: Vec<PlannedDependency>,
    involvements: Vec<(i32, bool, i32, u8)>,
    causes: Vec<(i32, i32)>,
    known: Vec<Option<i64>>,
}

fn plan() -> impl Strategy<Value = Plan> {
    (
        prop::collection::vec(0..VENDORS, PRODUCTS as usize),
        prop::collection::vec(
            (
                prop::option::of(0..VENDORS),
                0..PRODUCTS,
                prop::option::of(0i64..400),
                prop::option::of(0i64..400),
            ),
            0..24,
        ),
        prop::collection::vec((0..INCIDENTS, any::<bool>(), 0..PRODUCTS, 0u8..3), 0..12),
        prop::collection::vec((0..INCIDENTS, 0..INCIDENTS), 0..6),
        prop::collection::vec(prop::option::of(0i64..400), INCIDENTS as usize),
    )
        .prop_map(|(owners, deps, involvements, causes, known)| Plan {
            owners,
            deps,
            involvements,
            causes,
            known,
        })
}

fn build(p: &Plan) -> BlastGraph {
    let mut g = BlastGraph::default();
    for (product, vendor) in p.owners.iter().enumerate() {
        g.products.insert(product as i32, *vendor);
    }
    for (i, (consumer, product, since, until)) in p.deps.iter().enumerate() {
        g.dependencies.push(DependencyLink {
            id: i as i32,
            consumer: *consumer,
            product: *product,
            since: since.map(|d| PartialDate::day(day(d))),
            until: until.map(|d| PartialDate::day(day(d))),
            criticality: Criticality::High,
        });
    }
    for (incident, on_vendor, id, role) in &p.involvements {
        let party = if *on_vendor {
            Node::Vendor(id % VENDORS)
        } else {
            Node::Product(*id)
        };
        let role = [
            InvolvementRole::Origin,
            InvolvementRole::Conduit,
            InvolvementRole::Victim,
        ][*role as usize];
        g.involvements.push(Involvement {
            incident: *incident,
            party,
            role,
        });
    }
    g.causes = p.causes.clone();
    for (i, k) in p.known.iter().enumerate() {
        g.incident_known_on.insert(i as i32, k.map(day));
    }
    g
}

/// Shortest hops by Bellman-Ford over the same edges: an independent reference.
fn reference(g: &BlastGraph, root: Node, as_of: NaiveDate, starts: &[Node]) -> BTreeMap<Node, u32> {
    let always = match root {
        Node::Incident(i) => Some(i),
        _ => None,
    };
    let edges = g.edges(as_of, always);
    let mut dist: BTreeMap<Node, u32> = starts.iter().map(|s| (*s, 0)).collect();
    loop {
        let mut changed = false;
        for e in &edges {
            if let Some(d) = dist.get(&e.from).copied() {
                let there = d + e.weight();
                if dist.get(&e.to).is_none_or(|h| there < *h) {
                    dist.insert(e.to, there);
                    changed = true;
                }
            }
        }
        if !changed {
            return dist;
        }
    }
}

fn roots() -> impl Strategy<Value = Node> {
    prop_oneof![
        (0..VENDORS).prop_map(Node::Vendor),
        (0..PRODUCTS).prop_map(Node::Product),
        (0..INCIDENTS).prop_map(Node::Incident),
    ]
}

/// The incidents that travelled along a dependency edge, by a plain scan of every
/// involvement and cause for each candidate: an independent reference for `Travel`.
fn scanned_along(g: &BlastGraph, e: &Edge, as_of: NaiveDate, always: Option<i32>) -> Vec<i32> {
    let known = |i: i32| Some(i) == always || g.incident_known(i, as_of);
    let mut up = vec![e.from];
    if let Node::Product(p) = e.from
        && let Some(v) = g.products.get(&p)
    {
        up.push(Node::Vendor(*v));
    }
    let mut down = vec![e.to];
    if let Node::Vendor(v) = e.to {
        down.extend(
            g.products
                .iter()
                .filter(|(_, o)| **o == v)
                .map(|(p, _)| Node::Product(*p)),
        );
    }
    let spreads = |incident: i32| {
        g.involvements.iter().any(|inv| {
            inv.incident == incident
                && matches!(inv.role, InvolvementRole::Origin | InvolvementRole::Conduit)
                && up.contains(&inv.party)
        })
    };
    let mut found: Vec<i32> = g
        .involvements
        .iter()
        .filter(|inv| down.contains(&inv.party) && known(inv.incident))
        .map(|inv| inv.incident)
        .filter(|i| {
            spreads(*i)
                || g.causes
                    .iter()
                    .any(|(c, effect)| effect == i && known(*c) && spreads(*c))
        })
        .collect();
    found.sort_unstable();
    found.dedup();
    found
}

proptest! {
    #[test]
    fn incidents_travel_as_a_plain_scan_finds(p in plan(), as_of in 0i64..400, always in 0..INCIDENTS) {
        let g = build(&p);
        let as_of = day(as_of);
        let travel = super::travel::Travel::new(&g);
        for always in [None, Some(always)] {
            for e in g.edges(as_of, always).iter().filter(|e| e.kind == EdgeKind::Dependency) {
                prop_assert_eq!(travel.incidents_along(e, as_of, always), scanned_along(&g, e, as_of, always));
            }
        }
    }

    #[test]
    fn hops_are_shortest_paths_and_every_path_is_walkable(
        p in plan(), root in roots(), as_of in 0i64..400
    ) {
        let g = build(&p);
        let as_of = day(as_of);
        let r = blast_radius(&g, root, as_of);
        let starts: Vec<Node> = r.nodes.iter().filter(|n| n.hops == 0 && n.via.is_none()).map(|n| n.node).collect();
        let mut seeds = vec![root];
        if let Node::Incident(i) = root {
            for inv in &g.involvements {
                if inv.incident == i && inv.role == InvolvementRole::Origin {
                    seeds.push(inv.party);
                }
            }
        }
        let expected = reference(&g, root, as_of, &seeds);
        let got: BTreeMap<Node, u32> = r.nodes.iter().map(|n| (n.node, n.hops)).collect();
        prop_assert_eq!(&got, &expected);
        prop_assert_eq!(starts.first().copied(), Some(root));
        let edges = g.edges(as_of, match root { Node::Incident(i) => Some(i), _ => None });
        for n in &r.nodes {
            // The path starts at the root, ends at the node, and each step is an edge.
            let path = r.path(n.node);
            prop_assert_eq!(path.first().copied(), Some(root));
            prop_assert_eq!(path.last().copied(), Some(n.node));
            for pair in path.windows(2) {
                let seeded = pair[0] == root && seeds.contains(&pair[1]);
                prop_assert!(seeded || edges.iter().any(|e| e.from == pair[0] && e.to == pair[1]));
            }
            // Hops along the path (origins of the start incident count 0).
            let weight: u32 = path.windows(2).map(|pair| {
                if pair[0] == root && seeds.contains(&pair[1]) {
                    0
                } else {
                    edges.iter().filter(|e| e.from == pair[0] && e.to == pair[1]).map(Edge::weight).min().unwrap_or(0)
                }
            }).sum();
            prop_assert_eq!(weight, n.hops);
        }
        // Every reported edge leaves a reached node.
        for e in &r.edges {
            prop_assert!(got.contains_key(&e.from) && got.contains_key(&e.to));
        }
    }

    #[test]
    fn a_window_is_the_start_and_a_slice_of_the_full_view(
        p in plan(), root in roots(), as_of in 0i64..400, offset in 0usize..8, limit in 0usize..8
    ) {
        let g = build(&p);
        let r = blast_radius(&g, root, day(as_of));
        let full = super::BlastView::new(&g, &r);
        let window = super::BlastView::window(&g, &r, offset, limit);
        prop_assert_eq!((window.total, window.parties, window.depth), (full.total, full.parties, full.depth));
        let named = |v: &super::BlastView| -> Vec<(String, u32, usize)> {
            v.nodes.iter().map(|n| (n.node.slug.clone(), n.hops, n.path.len())).collect()
        };
        let expected: Vec<_> = named(&full).into_iter().take(1)
            .chain(named(&full).into_iter().skip(1 + offset).take(limit))
            .collect();
        prop_assert_eq!(named(&window), expected);
        // Each node shown is reached by the same edge as in the full view.
        for n in &window.nodes {
            let twin = full.nodes.iter().find(|f| f.node == n.node);
            let edge = |v: &super::BlastView, at: Option<usize>| at.and_then(|i| v.edges.get(i)).map(|e| (e.from.clone(), e.to.clone()));
            prop_assert_eq!(edge(&window, n.reached_by), twin.and_then(|t| edge(&full, t.reached_by)));
        }
        // Only edges ending at a node shown.
        for e in &window.edges {
            prop_assert!(window.nodes.iter().any(|n| n.node == e.to));
        }
    }
}

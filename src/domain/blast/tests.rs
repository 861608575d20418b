//! Unit tests on the seed case (SolarWinds Orion → Mimecast → Microsoft 365) built by hand,
//! and on the organisation as a consumer.

use super::graph::*;
use super::*;
use crate::domain::{Criticality, InvolvementRole, PartialDate};
use chrono::NaiveDate;

const MIMECAST: i32 = 1;
const SOLARWINDS: i32 = 2;
const MICROSOFT: i32 = 3;
const CISCO: i32 = 4;
const ORION: i32 = 10;
const MES: i32 = 11;
const M365: i32 = 12;
const NETFLOW: i32 = 13;
const ORION_COMPROMISE: i32 = 20;
const MIMECAST_COMPROMISE: i32 = 21;
const MICROSOFT_INCIDENT: i32 = 22;

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn label(g: &mut BlastGraph, node: Node, slug: &str) {
    g.labels.insert(
        node,
        Label {
            slug: slug.into(),
            name: slug.into(),
        },
    );
}

fn involvement(incident: i32, party: Node, role: InvolvementRole) -> Involvement {
    Involvement {
        incident,
        party,
        role,
    }
}

/// The seed pack as a graph.
pub(super) fn seed() -> BlastGraph {
    use InvolvementRole::*;
    let mut g = BlastGraph::default();
    for (id, slug) in [
        (MIMECAST, "mimecast"),
        (SOLARWINDS, "solarwinds"),
        (MICROSOFT, "microsoft"),
        (CISCO, "cisco"),
    ] {
        label(&mut g, Node::Vendor(id), slug);
    }
    for (id, vendor, slug) in [
        (ORION, SOLARWINDS, "solarwinds-orion"),
        (MES, MIMECAST, "mimecast-email-security"),
        (M365, MICROSOFT, "microsoft-365"),
        (NETFLOW, CISCO, "cisco-netflow"),
    ] {
        label(&mut g, Node::Product(id), slug);
        g.products.insert(id, vendor);
    }
    for (id, slug, known) in [
        (ORION_COMPROMISE, "orion-compromise", "2020-12-31"),
        (MIMECAST_COMPROMISE, "mimecast-compromise", "2021-01-31"),
        (MICROSOFT_INCIDENT, "microsoft-incident", "2020-12-31"),
    ] {
        label(&mut g, Node::Incident(id), slug);
        g.incident_known_on.insert(id, Some(day(known)));
    }
    g.dependencies = vec![
        DependencyLink {
            id: 100,
            consumer: Some(MIMECAST),
            product: ORION,
            since: None,
            until: Some(PartialDate::day(day("2021-03-16"))),
            criticality: Criticality::High,
        },
        DependencyLink {
            id: 101,
            consumer: Some(MIMECAST),
            product: NETFLOW,
            since: Some(PartialDate::day(day("2021-03-16"))),
            until: None,
            criticality: Criticality::High,
        },
    ];
    g.involvements = vec![
        involvement(ORION_COMPROMISE, Node::Vendor(SOLARWINDS), Origin),
        involvement(ORION_COMPROMISE, Node::Product(ORION), Origin),
        involvement(MIMECAST_COMPROMISE, Node::Vendor(MIMECAST), Conduit),
        involvement(MIMECAST_COMPROMISE, Node::Product(MES), Conduit),
        involvement(MIMECAST_COMPROMISE, Node::Vendor(MIMECAST), Origin),
        involvement(MIMECAST_COMPROMISE, Node::Vendor(MICROSOFT), Victim),
        involvement(MIMECAST_COMPROMISE, Node::Product(M365), Victim),
        involvement(MIMECAST_COMPROMISE, Node::Product(ORION), Conduit),
        involvement(MICROSOFT_INCIDENT, Node::Vendor(MICROSOFT), Victim),
    ];
    g.causes = vec![
        (ORION_COMPROMISE, MIMECAST_COMPROMISE),
        (ORION_COMPROMISE, MICROSOFT_INCIDENT),
    ];
    g
}

fn path(r: &BlastRadius, node: Node) -> Vec<Node> {
    r.get(node).map(|n| r.path(n.node)).unwrap_or_default()
}

#[test]
fn the_orion_compromise_reaches_mimecast_and_through_it_microsoft_365() {
    let g = seed();
    let r = blast_radius(&g, Node::Incident(ORION_COMPROMISE), day("2025-01-01"));
    assert_eq!(r.nodes[0].node, Node::Incident(ORION_COMPROMISE));
    // Where it started: hop 0.
    assert_eq!(r.get(Node::Product(ORION)).map(|n| n.hops), Some(0));
    assert_eq!(r.get(Node::Vendor(SOLARWINDS)).map(|n| n.hops), Some(0));
    // Mimecast used Orion: one hop, through the (ended) dependency with its dates.
    let mimecast = r.get(Node::Vendor(MIMECAST)).unwrap();
    assert_eq!(mimecast.hops, 1);
    let via = &r.edges[mimecast.via.unwrap()];
    assert_eq!(via.kind, EdgeKind::Dependency);
    let dep = via.dependency.as_ref().unwrap();
    assert_eq!(dep.until, Some(PartialDate::day(day("2021-03-16"))));
    assert!(!dep.active_on(r.as_of));
    assert_eq!(via.incidents, vec![MIMECAST_COMPROMISE]);
    // Microsoft 365 through the Mimecast compromise.
    let m365 = r.get(Node::Product(M365)).unwrap();
    assert_eq!(m365.hops, 2);
    assert!(path(&r, Node::Product(M365)).contains(&Node::Incident(MIMECAST_COMPROMISE)));
    // Cisco NetFlow is upstream of nobody here: not reached.
    assert!(r.get(Node::Product(NETFLOW)).is_none());
    assert!(r.get(Node::Vendor(CISCO)).is_none());
}

#[test]
fn the_orion_product_agrees_with_the_incident() {
    let g = seed();
    let r = blast_radius(&g, Node::Product(ORION), day("2021-03-01"));
    assert_eq!(r.get(Node::Vendor(MIMECAST)).map(|n| n.hops), Some(1));
    assert!(r.get(Node::Product(M365)).is_some());
    assert!(path(&r, Node::Product(M365)).contains(&Node::Incident(MIMECAST_COMPROMISE)));
    // Upstream of the product: its vendor is not "exposed" to it.
    assert!(r.get(Node::Vendor(SOLARWINDS)).is_none());
}

#[test]
fn a_dependency_not_yet_begun_carries_nothing() {
    let g = seed();
    let before = blast_radius(&g, Node::Product(NETFLOW), day("2021-03-01"));
    assert!(before.get(Node::Vendor(MIMECAST)).is_none());
    let after = blast_radius(&g, Node::Product(NETFLOW), day("2021-04-01"));
    assert_eq!(after.get(Node::Vendor(MIMECAST)).map(|n| n.hops), Some(1));
    // Nothing travelled along it.
    assert!(after.edges.iter().all(|e| e.incidents.is_empty()));
}

#[test]
fn incidents_count_once_known() {
    let g = seed();
    // Before any incident was known, only the dependency reaches Mimecast.
    let r = blast_radius(&g, Node::Product(ORION), day("2020-06-01"));
    assert!(r.get(Node::Vendor(MIMECAST)).is_some());
    assert!(r.get(Node::Incident(MIMECAST_COMPROMISE)).is_none());
    assert!(r.get(Node::Product(M365)).is_none());
    // The incident asked about always counts, but not what it led to before that was known.
    let r = blast_radius(&g, Node::Incident(ORION_COMPROMISE), day("2020-06-01"));
    assert!(r.get(Node::Incident(MICROSOFT_INCIDENT)).is_none());
    assert_eq!(r.get(Node::Product(ORION)).map(|n| n.hops), Some(0));
}

#[test]
fn a_victim_passes_nothing_back_upstream() {
    let g = seed();
    let r = blast_radius(&g, Node::Product(M365), day("2025-01-01"));
    assert_eq!(r.nodes.len(), 1, "{:?}", r.nodes);
    let r = blast_radius(&g, Node::Vendor(MIMECAST), day("2025-01-01"));
    assert_eq!(r.get(Node::Product(MES)).map(|n| n.hops), Some(0));
    assert_eq!(r.get(Node::Product(M365)).map(|n| n.hops), Some(2));
    assert!(
        r.get(Node::Product(ORION)).is_none(),
        "Orion is upstream of Mimecast"
    );
}

#[test]
fn the_organisation_is_a_consumer_and_fourth_parties_are_reached() {
    let mut g = seed();
    // We use Mimecast Email Security: Orion reaches us through Mimecast.
    g.dependencies.push(DependencyLink {
        id: 102,
        consumer: None,
        product: MES,
        since: Some(PartialDate::day(day("2019-01-01"))),
        until: None,
        criticality: Criticality::Critical,
    });
    let r = blast_radius(&g, Node::Product(ORION), day("2021-03-01"));
    let us = r.get(Node::Organisation).unwrap();
    assert_eq!(us.hops, 2);
    assert_eq!(
        r.path(us.node),
        vec![
            Node::Product(ORION),
            Node::Vendor(MIMECAST),
            Node::Product(MES),
            Node::Organisation
        ]
    );
    let view = BlastView::new(&g, &r);
    let node = view.node(NodeKind::Organisation, "@organisation").unwrap();
    assert_eq!(node.node.name, "Our organisation");
    let json = serde_json::to_value(&view).unwrap();
    assert_eq!(json["root"]["slug"], "solarwinds-orion");
    assert_eq!(json["root"]["vendor"], "solarwinds");
}

#[test]
fn concentration_counts_consumers_and_critical_shares() {
    let mut g = seed();
    g.dependencies.push(DependencyLink {
        id: 102,
        consumer: None,
        product: MES,
        since: None,
        until: None,
        criticality: Criticality::Low,
    });
    let c = concentration(&g, day("2021-03-16"));
    assert_eq!(c.total_dependencies, 3);
    assert_eq!(c.total_critical, 2);
    let orion = c
        .products
        .iter()
        .find(|r| r.node == Node::Product(ORION))
        .unwrap();
    assert_eq!(orion.consumers, vec![Node::Vendor(MIMECAST)]);
    assert_eq!(orion.critical, 1);
    assert!((orion.share - 0.5).abs() < 1e-9);
    // Transitively, Orion also reaches us through Mimecast Email Security.
    assert_eq!(
        orion.transitive.named,
        vec![Node::Vendor(MIMECAST), Node::Organisation]
    );
    assert_eq!(orion.transitive.count, 2);
    assert!(c.vendors.iter().any(|r| r.node == Node::Vendor(CISCO)));
    // Critical rows first: the low dependency on Mimecast comes last.
    assert_eq!(c.products.last().map(|r| r.node), Some(Node::Product(MES)));
    // A month later Orion is gone.
    let later = concentration(&g, day("2021-04-16"));
    assert!(
        later
            .products
            .iter()
            .all(|r| r.node != Node::Product(ORION))
    );
}

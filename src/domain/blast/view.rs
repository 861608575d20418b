//! The blast radius and concentration as the pages and the JSON API show them: every node
//! named by kind, slug and name instead of an id.

use super::concentration::{CONSUMERS_NAMED, Concentration, ConcentrationRow};
use super::graph::{
    BlastGraph, Edge, EdgeKind, Node, NodeKind, ORGANISATION_NAME, ORGANISATION_SLUG,
};
use super::radius::{BlastRadius, Reached};
use crate::domain::{Criticality, PartialDate};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// A node by kind, slug and name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct NodeRef {
    pub kind: NodeKind,
    pub slug: String,
    pub name: String,
    /// For a product: its vendor's slug (the product is shown on the vendor's page).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(required = false, nullable = false)]
    pub vendor: Option<String>,
}

impl BlastGraph {
    /// The node as shown; a node with no label (never stored) shows its id.
    pub fn node_ref(&self, node: Node) -> NodeRef {
        let (slug, name) = match (node, self.labels.get(&node)) {
            (Node::Organisation, _) => (ORGANISATION_SLUG.to_owned(), ORGANISATION_NAME.to_owned()),
            (_, Some(l)) => (l.slug.clone(), l.name.clone()),
            (Node::Vendor(id) | Node::Product(id) | Node::Incident(id), None) => {
                (id.to_string(), format!("#{id}"))
            }
        };
        let vendor = match node {
            Node::Product(p) => self
                .products
                .get(&p)
                .and_then(|v| self.labels.get(&Node::Vendor(*v)))
                .map(|l| l.slug.clone()),
            _ => None,
        };
        NodeRef {
            kind: node.kind(),
            slug,
            name,
            vendor,
        }
    }
}

/// A reached node.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct NodeView {
    #[serde(flatten)]
    pub node: NodeRef,
    pub hops: u32,
    /// One shortest path from the start to this node, both included.
    pub path: Vec<NodeRef>,
    /// Index in `edges` of the path's last edge (none for the start).
    pub reached_by: Option<usize>,
}

/// An edge: trouble at `from` reaches `to`.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct EdgeView {
    pub from: NodeRef,
    pub to: NodeRef,
    /// `supplies` (a vendor's own product), `dependency` or `incident`.
    pub kind: EdgeKind,
    /// Incident edges: `origin`, `conduit`, `victim` (the involvement) or `caused`.
    #[schema(value_type = Option<String>)]
    pub relation: Option<&'static str>,
    /// Dependency edges: the period and criticality, and whether it is in use on the date.
    pub since: Option<PartialDate>,
    pub until: Option<PartialDate>,
    pub criticality: Option<Criticality>,
    pub active: Option<bool>,
    /// Incident edges: the incident's slug (the cause, for `caused`).
    pub incident: Option<String>,
    /// Dependency edges: the incidents that travelled along it.
    pub incidents: Vec<NodeRef>,
}

/// A blast radius as shown: the start and a window of the nodes it reaches (all of them,
/// unless a page was asked for), with the edges that reach them.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct BlastView {
    pub root: NodeRef,
    pub as_of: NaiveDate,
    /// How many nodes the blast reaches in all, the start included.
    pub total: usize,
    /// How many of them are parties beyond the start (vendors, products, the organisation).
    pub parties: usize,
    /// How many hops away the farthest node is.
    pub depth: u32,
    /// The start first, then the window's nodes by hops.
    pub nodes: Vec<NodeView>,
    /// Every counted edge ending at a node of `nodes`.
    pub edges: Vec<EdgeView>,
}

impl EdgeView {
    fn new(graph: &BlastGraph, e: &Edge, as_of: NaiveDate) -> EdgeView {
        let relation = match (e.kind, e.role) {
            (EdgeKind::Incident, Some(role)) => Some(role.as_str()),
            (EdgeKind::Incident, None) => Some("caused"),
            _ => None,
        };
        let d = e.dependency.as_ref();
        EdgeView {
            from: graph.node_ref(e.from),
            to: graph.node_ref(e.to),
            kind: e.kind,
            relation,
            since: d.and_then(|d| d.since),
            until: d.and_then(|d| d.until),
            criticality: d.map(|d| d.criticality),
            active: d.map(|d| d.active_on(as_of)),
            incident: e.incident.map(|i| graph.node_ref(Node::Incident(i)).slug),
            incidents: e
                .incidents
                .iter()
                .map(|i| graph.node_ref(Node::Incident(*i)))
                .collect(),
        }
    }
}

impl BlastView {
    /// Every node reached, with every counted edge.
    pub fn new(graph: &BlastGraph, radius: &BlastRadius) -> BlastView {
        BlastView::window(graph, radius, 0, usize::MAX)
    }

    /// The start, then `limit` of the other nodes reached from `offset` (nearest first), with
    /// the edges ending at them: a hub vendor reaches most of the knowledge base, and only the
    /// window is named and given its path.
    pub fn window(
        graph: &BlastGraph,
        radius: &BlastRadius,
        offset: usize,
        limit: usize,
    ) -> BlastView {
        let shown: Vec<&Reached> = radius
            .nodes
            .iter()
            .take(1)
            .chain(radius.nodes.iter().skip(1).skip(offset).take(limit))
            .collect();
        let wanted: BTreeSet<Node> = shown.iter().map(|r| r.node).collect();
        let mut renumber: BTreeMap<usize, usize> = BTreeMap::new();
        let mut edges = Vec::new();
        for (i, e) in radius.edges.iter().enumerate() {
            if wanted.contains(&e.to) {
                renumber.insert(i, edges.len());
                edges.push(EdgeView::new(graph, e, radius.as_of));
            }
        }
        BlastView {
            root: graph.node_ref(radius.root),
            as_of: radius.as_of,
            total: radius.nodes.len(),
            parties: radius
                .nodes
                .iter()
                .filter(|r| r.hops > 0 && r.node.kind() != NodeKind::Incident)
                .count(),
            depth: radius.nodes.iter().map(|r| r.hops).max().unwrap_or(0),
            nodes: shown
                .into_iter()
                .map(|r| NodeView {
                    node: graph.node_ref(r.node),
                    hops: r.hops,
                    path: radius
                        .path(r.node)
                        .into_iter()
                        .map(|n| graph.node_ref(n))
                        .collect(),
                    reached_by: r.via.and_then(|i| renumber.get(&i).copied()),
                })
                .collect(),
            edges,
        }
    }

    /// The node reached with this kind and slug.
    pub fn node(&self, kind: NodeKind, slug: &str) -> Option<&NodeView> {
        self.nodes
            .iter()
            .find(|n| n.node.kind == kind && n.node.slug == slug)
    }

    /// The edge that reached a node, if any.
    pub fn reached_by(&self, node: &NodeView) -> Option<&EdgeView> {
        node.reached_by.and_then(|i| self.edges.get(i))
    }
}

/// One concentration row as shown.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ConcentrationRowView {
    #[serde(flatten)]
    pub node: NodeRef,
    /// For a product: its supplier (`vendor` is the supplier's slug).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(required = false, nullable = false)]
    pub supplier: Option<NodeRef>,
    /// The direct consumers, the first [`CONSUMERS_NAMED`] in node order; `consumer_count`
    /// counts them all.
    pub consumers: Vec<NodeRef>,
    pub consumer_count: usize,
    /// The consumers reached at any hops, the first [`CONSUMERS_NAMED`] in node order;
    /// `transitive_count` counts them all.
    pub transitive_consumers: Vec<NodeRef>,
    pub transitive_count: usize,
    pub dependencies: usize,
    pub critical_dependencies: usize,
    /// Share (0–1) of all critical or high dependencies in use that rest on it.
    pub critical_share: f64,
}

/// The concentration view: a window of each list, most concentrated first.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ConcentrationView {
    pub as_of: NaiveDate,
    pub total_dependencies: usize,
    pub total_critical: usize,
    /// Every product, and every vendor, with at least one consumer (the lists hold a window).
    pub product_count: usize,
    pub vendor_count: usize,
    pub products: Vec<ConcentrationRowView>,
    pub vendors: Vec<ConcentrationRowView>,
}

fn row_view(graph: &BlastGraph, r: &ConcentrationRow) -> ConcentrationRowView {
    let refs = |list: &[Node]| {
        list.iter()
            .take(CONSUMERS_NAMED)
            .map(|n| graph.node_ref(*n))
            .collect::<Vec<_>>()
    };
    let supplier = match r.node {
        Node::Product(p) => graph
            .products
            .get(&p)
            .map(|v| graph.node_ref(Node::Vendor(*v))),
        _ => None,
    };
    ConcentrationRowView {
        node: graph.node_ref(r.node),
        supplier,
        consumers: refs(&r.consumers),
        consumer_count: r.consumers.len(),
        transitive_consumers: refs(&r.transitive.named),
        transitive_count: r.transitive.count,
        dependencies: r.dependencies,
        critical_dependencies: r.critical,
        critical_share: (r.share * 10_000.0).round() / 10_000.0,
    }
}

impl ConcentrationView {
    /// Every row.
    pub fn new(graph: &BlastGraph, c: &Concentration) -> ConcentrationView {
        ConcentrationView::window(graph, c, (0, usize::MAX), (0, usize::MAX))
    }

    /// The products from `offset` on, `limit` of them, and likewise the vendors.
    pub fn window(
        graph: &BlastGraph,
        c: &Concentration,
        (product_offset, product_limit): (usize, usize),
        (vendor_offset, vendor_limit): (usize, usize),
    ) -> ConcentrationView {
        let rows = |list: &[ConcentrationRow], offset: usize, limit: usize| {
            list.iter()
                .skip(offset)
                .take(limit)
                .map(|r| row_view(graph, r))
                .collect()
        };
        ConcentrationView {
            as_of: c.as_of,
            total_dependencies: c.total_dependencies,
            total_critical: c.total_critical,
            product_count: c.products.len(),
            vendor_count: c.vendors.len(),
            products: rows(&c.products, product_offset, product_limit),
            vendors: rows(&c.vendors, vendor_offset, vendor_limit),
        }
    }
}

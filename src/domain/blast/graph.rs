//! The graph blast radius walks: vendors and their products, who depends on which product and
//! when, which parties each incident involved and in which role, and which incidents it caused.

use crate::domain::{Criticality, InvolvementRole, PartialDate};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};

/// A party or an incident in the graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Node {
    Vendor(i32),
    Product(i32),
    /// Our own organisation (a dependency with no consumer vendor).
    Organisation,
    Incident(i32),
}

/// What a node is, as the JSON names it.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    serde::Deserialize,
    utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    Vendor,
    Product,
    Organisation,
    Incident,
}

impl NodeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::Vendor => "vendor",
            NodeKind::Product => "product",
            NodeKind::Organisation => "organisation",
            NodeKind::Incident => "incident",
        }
    }

    /// The catalogue message naming the kind: `node-vendor`.
    pub fn message_id(self) -> &'static str {
        match self {
            NodeKind::Vendor => "node-vendor",
            NodeKind::Product => "node-product",
            NodeKind::Organisation => "node-organisation",
            NodeKind::Incident => "node-incident",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            NodeKind::Vendor => "Vendor",
            NodeKind::Product => "Product",
            NodeKind::Organisation => "Our organisation",
            NodeKind::Incident => "Incident",
        }
    }
}

impl Node {
    pub fn kind(self) -> NodeKind {
        match self {
            Node::Vendor(_) => NodeKind::Vendor,
            Node::Product(_) => NodeKind::Product,
            Node::Organisation => NodeKind::Organisation,
            Node::Incident(_) => NodeKind::Incident,
        }
    }

    /// A vendor, a product or the organisation (not an incident).
    pub fn is_party(self) -> bool {
        !matches!(self, Node::Incident(_))
    }
}

/// How a node is shown: its slug and name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub slug: String,
    pub name: String,
}

/// The slug and name of our own organisation, as knowledge packs write it.
pub const ORGANISATION_SLUG: &str = "@organisation";
pub const ORGANISATION_NAME: &str = "Our organisation";

/// A consumer's use of a product over a period (consumer `None`: our organisation).
#[derive(Debug, Clone, PartialEq)]
pub struct DependencyLink {
    pub id: i32,
    pub consumer: Option<i32>,
    pub product: i32,
    pub since: Option<PartialDate>,
    pub until: Option<PartialDate>,
    pub criticality: Criticality,
}

impl DependencyLink {
    pub fn consumer_node(&self) -> Node {
        self.consumer.map_or(Node::Organisation, Node::Vendor)
    }

    /// Had begun by `date` (or its start is unknown); it may have ended since.
    pub fn started_by(&self, date: NaiveDate) -> bool {
        self.since.is_none_or(|s| s.date <= date)
    }

    /// In use on `date` (the same rule as the scoring engine's `DependencyEdge::active_on`).
    pub fn active_on(&self, date: NaiveDate) -> bool {
        self.started_by(date) && self.until.is_none_or(|u| date <= u.date)
    }

    /// Critical or high: the dependencies concentration counts as critical.
    pub fn is_critical(&self) -> bool {
        matches!(self.criticality, Criticality::Critical | Criticality::High)
    }
}

/// A vendor or product's part in an incident.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Involvement {
    pub incident: i32,
    /// A `Node::Vendor` or `Node::Product`.
    pub party: Node,
    pub role: InvolvementRole,
}

/// Everything blast radius and concentration read.
#[derive(Debug, Clone, Default)]
pub struct BlastGraph {
    /// Slug and name of every vendor, product and incident.
    pub labels: BTreeMap<Node, Label>,
    /// Product → its vendor.
    pub products: BTreeMap<i32, i32>,
    pub dependencies: Vec<DependencyLink>,
    pub involvements: Vec<Involvement>,
    /// (cause, effect): incident `cause` led to incident `effect`.
    pub causes: Vec<(i32, i32)>,
    /// When each incident became known (`None`: no date at all).
    pub incident_known_on: BTreeMap<i32, Option<NaiveDate>>,
}

/// What an edge stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum EdgeKind {
    /// A vendor supplies its own product (no hop: a vendor and its products are one party).
    Supplies,
    /// A consumer depends on a product: product → consumer.
    Dependency,
    /// An incident spreads from its origin or conduit parties, reaches its victims (and its
    /// origin, when another incident caused it), and leads to the incidents it caused.
    Incident,
}

/// One directed edge: trouble at `from` reaches `to`.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    pub from: Node,
    pub to: Node,
    pub kind: EdgeKind,
    /// The dependency behind a dependency edge.
    pub dependency: Option<DependencyLink>,
    /// Incident edges: the involvement role, or `None` for "caused".
    pub role: Option<InvolvementRole>,
    /// Incident edges: the incident the edge belongs to (the cause, for "caused").
    pub incident: Option<i32>,
    /// Dependency edges: the incidents that travelled along it (see `travel`).
    pub incidents: Vec<i32>,
}

impl Edge {
    /// Hops the edge adds: 0 for a vendor's own product, 1 otherwise.
    pub fn weight(&self) -> u32 {
        match self.kind {
            EdgeKind::Supplies => 0,
            EdgeKind::Dependency | EdgeKind::Incident => 1,
        }
    }

    fn new(from: Node, to: Node, kind: EdgeKind) -> Edge {
        Edge {
            from,
            to,
            kind,
            dependency: None,
            role: None,
            incident: None,
            incidents: Vec::new(),
        }
    }
}

impl BlastGraph {
    /// Whether an incident counts on `as_of`: known by then, or never dated.
    pub fn incident_known(&self, incident: i32, as_of: NaiveDate) -> bool {
        match self.incident_known_on.get(&incident) {
            Some(Some(known)) => *known <= as_of,
            Some(None) | None => true,
        }
    }

    /// The vendor's products.
    pub fn products_of(&self, vendor: i32) -> impl Iterator<Item = i32> + '_ {
        self.products
            .iter()
            .filter(move |(_, v)| **v == vendor)
            .map(|(p, _)| *p)
    }

    /// Every edge that counts on `as_of`, in a fixed order. Dependencies count once begun
    /// (ended ones too, so past exposure shows); incidents once known. `always` is an
    /// incident that counts whatever its date (the incident a blast radius starts from).
    pub fn edges(&self, as_of: NaiveDate, always: Option<i32>) -> Vec<Edge> {
        let known = |i: i32| Some(i) == always || self.incident_known(i, as_of);
        let mut edges = Vec::new();
        for (product, vendor) in &self.products {
            edges.push(Edge::new(
                Node::Vendor(*vendor),
                Node::Product(*product),
                EdgeKind::Supplies,
            ));
        }
        for d in self.dependencies.iter().filter(|d| d.started_by(as_of)) {
            let mut e = Edge::new(
                Node::Product(d.product),
                d.consumer_node(),
                EdgeKind::Dependency,
            );
            e.dependency = Some(d.clone());
            edges.push(e);
        }
        // The incidents another known incident led to.
        let led_to: HashSet<i32> = self
            .causes
            .iter()
            .filter(|(cause, _)| known(*cause))
            .map(|(_, effect)| *effect)
            .collect();
        let caused = |i: i32| led_to.contains(&i);
        for inv in self.involvements.iter().filter(|i| known(i.incident)) {
            let incident = Node::Incident(inv.incident);
            let mut push = |from: Node, to: Node| {
                let mut e = Edge::new(from, to, EdgeKind::Incident);
                e.role = Some(inv.role);
                e.incident = Some(inv.incident);
                edges.push(e);
            };
            match inv.role {
                InvolvementRole::Origin => {
                    push(inv.party, incident);
                    // An incident led to by another one reaches the party it happened to.
                    if caused(inv.incident) {
                        push(incident, inv.party);
                    }
                }
                InvolvementRole::Conduit => push(inv.party, incident),
                InvolvementRole::Victim => push(incident, inv.party),
            }
        }
        for (cause, effect) in &self.causes {
            if known(*cause) && known(*effect) {
                let mut e = Edge::new(
                    Node::Incident(*cause),
                    Node::Incident(*effect),
                    EdgeKind::Incident,
                );
                e.incident = Some(*cause);
                edges.push(e);
            }
        }
        edges.sort_by(|a, b| {
            (a.from, a.to, a.kind, a.dependency.as_ref().map(|d| d.id))
                .cmp(&(b.from, b.to, b.kind, b.dependency.as_ref().map(|d| d.id)))
                .then_with(|| a.role.map(|r| r.as_str()).cmp(&b.role.map(|r| r.as_str())))
        });
        edges.dedup();
        edges
    }
}

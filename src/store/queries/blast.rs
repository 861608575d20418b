//! Loads the blast radius graph (vendors, products, dependencies, incident involvements and
//! causes, and when each incident became known) in one read transaction; unknown slugs are 404s.

use super::bulk;
use crate::domain::blast::{
    BlastGraph, BlastView, DependencyLink, Involvement, Label, Node, blast_radius,
};
use crate::domain::scoring::input::{IncidentDates, incidents_known_on};
use crate::store::error::{parse_stored, stored_date_opt};
use crate::store::schema::*;
use crate::store::{DbConnection, StoreError};
use chrono::NaiveDate;
use diesel::prelude::*;
use std::collections::BTreeMap;

type IncidentRowDates = (i32, String, String, Option<NaiveDate>, Option<NaiveDate>);

/// When each incident became known, by the scoring engine's rule (`incidents_known_on`).
fn known_dates(
    conn: &mut DbConnection,
    incidents: &[IncidentRowDates],
    causes: &[(i32, i32)],
) -> Result<BTreeMap<i32, Option<NaiveDate>>, StoreError> {
    let events: Vec<(i32, NaiveDate)> = incident_timeline_events::table
        .select((
            incident_timeline_events::incident_id,
            incident_timeline_events::occurred_on,
        ))
        .load(conn)?;
    let cited: Vec<(Option<i32>, Option<NaiveDate>)> = citations::table
        .inner_join(sources::table)
        .filter(citations::incident_id.is_not_null())
        .select((citations::incident_id, sources::published_on))
        .load(conn)?;
    let mut source_dates: BTreeMap<i32, Vec<NaiveDate>> = BTreeMap::new();
    for (incident, date) in cited {
        if let (Some(incident), Some(date)) = (incident, date) {
            source_dates.entry(incident).or_default().push(date);
        }
    }
    let own: Vec<IncidentDates> = incidents
        .iter()
        .map(|(id, _, _, discovered, disclosed)| IncidentDates {
            id: *id,
            discovered: *discovered,
            disclosed: *disclosed,
        })
        .collect();
    Ok(incidents_known_on(
        &own,
        events,
        causes.iter().copied(),
        &source_dates,
    ))
}

/// Loads the whole graph, in one read transaction.
pub fn load_blast_graph(conn: &mut DbConnection) -> Result<BlastGraph, StoreError> {
    conn.transaction(|conn| {
        let vendor_rows: Vec<(i32, String, String)> = vendors::table
            .select((vendors::id, vendors::slug, vendors::name))
            .load(conn)?;
        let product_rows: Vec<(i32, String, String, i32)> = products::table
            .select((
                products::id,
                products::slug,
                products::name,
                products::vendor_id,
            ))
            .load(conn)?;
        let incident_rows: Vec<IncidentRowDates> = incidents::table
            .select((
                incidents::id,
                incidents::slug,
                incidents::title,
                incidents::discovered_on,
                incidents::disclosed_on,
            ))
            .load(conn)?;
        let causes: Vec<(i32, i32)> = bulk::all_causes(conn)?
            .into_iter()
            .map(|c| (c.cause_id, c.effect_id))
            .collect();
        let mut graph = BlastGraph {
            incident_known_on: known_dates(conn, &incident_rows, &causes)?,
            causes,
            ..BlastGraph::default()
        };
        let mut label = |node: Node, slug: String, name: String| {
            graph.labels.insert(node, Label { slug, name });
        };
        for (id, slug, name) in vendor_rows {
            label(Node::Vendor(id), slug, name);
        }
        for (id, slug, name, _) in &product_rows {
            label(Node::Product(*id), slug.clone(), name.clone());
        }
        for (id, slug, title, _, _) in incident_rows {
            label(Node::Incident(id), slug, title);
        }
        graph.products = product_rows.iter().map(|(id, _, _, v)| (*id, *v)).collect();
        for r in bulk::all_dependencies(conn)? {
            graph.dependencies.push(DependencyLink {
                id: r.id,
                consumer: r.consumer_vendor_id,
                product: r.product_id,
                since: stored_date_opt("dependencies.since", r.since, &r.since_precision)?,
                until: stored_date_opt("dependencies.until", r.until, &r.until_precision)?,
                criticality: parse_stored("dependencies.criticality", &r.criticality)?,
            });
        }
        for r in bulk::all_involvements(conn)? {
            let role = parse_stored("incident_involvements.role", &r.role)?;
            let parties = r
                .vendor_id
                .map(Node::Vendor)
                .into_iter()
                .chain(r.product_id.map(Node::Product));
            for party in parties {
                graph.involvements.push(Involvement {
                    incident: r.incident_id,
                    party,
                    role,
                });
            }
        }
        Ok(graph)
    })
}

/// What a blast radius starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlastRoot {
    Vendor,
    Product,
    Incident,
}

impl BlastRoot {
    fn kind(self) -> &'static str {
        match self {
            BlastRoot::Vendor => "vendor",
            BlastRoot::Product => "product",
            BlastRoot::Incident => "incident",
        }
    }

    fn matches(self, node: Node) -> bool {
        matches!(
            (self, node),
            (BlastRoot::Vendor, Node::Vendor(_))
                | (BlastRoot::Product, Node::Product(_))
                | (BlastRoot::Incident, Node::Incident(_))
        )
    }
}

/// The blast radius of the vendor, product or incident with `slug`, as of `as_of`: the start
/// and `limit` of the other nodes reached from `offset`, nearest first
/// ([`BlastView::window`]).
pub fn blast_radius_of(
    conn: &mut DbConnection,
    root: BlastRoot,
    slug: &str,
    as_of: NaiveDate,
    window: (usize, usize),
) -> Result<BlastView, StoreError> {
    radius_in(&load_blast_graph(conn)?, root, slug, as_of, window)
}

/// [`blast_radius_of`] in a graph already loaded (the server's cached copy).
pub fn radius_in(
    graph: &BlastGraph,
    root: BlastRoot,
    slug: &str,
    as_of: NaiveDate,
    (offset, limit): (usize, usize),
) -> Result<BlastView, StoreError> {
    let node = graph
        .labels
        .iter()
        .find(|(node, label)| root.matches(**node) && label.slug == slug)
        .map(|(node, _)| *node)
        .ok_or_else(|| StoreError::not_found(root.kind(), slug))?;
    let radius = blast_radius(graph, node, as_of);
    Ok(BlastView::window(graph, &radius, offset, limit))
}

//! Geometry of the server-rendered blast radius graph: one column per hop, nodes as linked
//! boxes, edges as labelled curves. The template draws it, so askama escapes every label.

use crate::domain::blast::{BlastView, EdgeKind, EdgeView, NodeKind, NodeRef};
use crate::i18n::{Lang, Message, format_partial_date, translate};

const COLUMN: f64 = 330.0;
const NODE_W: f64 = 190.0;
const NODE_H: f64 = 42.0;
const ROW: f64 = 74.0;
const LEFT: f64 = 16.0;
const TOP: f64 = 44.0;
const LABEL_CHARS: usize = 26;

/// Where a node's page is: a vendor's or an incident's page, a product on its vendor's page.
pub fn href(node: &NodeRef) -> Option<String> {
    match node.kind {
        NodeKind::Vendor => Some(format!("/vendors/{}", node.slug)),
        NodeKind::Incident => Some(format!("/incidents/{}", node.slug)),
        NodeKind::Product => node
            .vendor
            .as_ref()
            .map(|v| format!("/vendors/{v}#product-{}", node.slug)),
        NodeKind::Organisation => None,
    }
}

/// A node's name for the reader: our own organisation in the reader's language, records as
/// they are named.
pub fn node_name(lang: Lang, node: &NodeRef) -> String {
    match node.kind {
        NodeKind::Organisation => Message::new("node-organisation").render(lang),
        _ => node.name.clone(),
    }
}

/// The blast radius page of a node, if it has one.
pub fn blast_href(node: &NodeRef) -> Option<String> {
    match node.kind {
        NodeKind::Vendor => Some(format!("/vendors/{}/blast-radius", node.slug)),
        NodeKind::Product => Some(format!("/products/{}/blast-radius", node.slug)),
        NodeKind::Incident => Some(format!("/incidents/{}/blast-radius", node.slug)),
        NodeKind::Organisation => None,
    }
}

/// A short label for a box: at most `LABEL_CHARS` characters.
fn shorten(name: &str) -> String {
    if name.chars().count() <= LABEL_CHARS {
        name.to_owned()
    } else {
        let cut: String = name.chars().take(LABEL_CHARS - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

fn criticality(lang: Lang, e: &EdgeView) -> Option<String> {
    e.criticality
        .map(|c| translate(lang, c.message_id(), &[]).to_lowercase())
}

/// What an edge says, in words: "Depends on it: until 16 March 2021 (ended), high criticality".
pub fn edge_text(lang: Lang, e: &EdgeView) -> String {
    let message = match e.kind {
        EdgeKind::Supplies => Message::new("blast-edge-own-product"),
        EdgeKind::Dependency => match criticality(lang, e) {
            Some(c) => Message::new("blast-edge-depends-critical")
                .with("period", period(lang, e))
                .with("criticality", c),
            None => Message::new("blast-edge-depends").with("period", period(lang, e)),
        },
        EdgeKind::Incident => match e.relation {
            Some("origin") => Message::new("blast-edge-origin"),
            Some("conduit") => Message::new("blast-edge-conduit"),
            Some("victim") => Message::new("blast-edge-victim"),
            _ => Message::new("blast-edge-caused"),
        },
    };
    message.render(lang)
}

/// The period of a dependency: "since 16 March 2021 (in use)", "until March 2021 (ended)".
pub fn period(lang: Lang, e: &EdgeView) -> String {
    let day = |d: &crate::domain::PartialDate| format_partial_date(lang, d);
    let dates = match (&e.since, &e.until) {
        (Some(s), Some(u)) => Message::new("blast-period-between")
            .with("since", day(s))
            .with("until", day(u)),
        (Some(s), None) => Message::new("blast-period-since")
            .with("since", day(s))
            .with("precision", s.precision.as_str()),
        (None, Some(u)) => Message::new("blast-period-until")
            .with("until", day(u))
            .with("precision", u.precision.as_str()),
        (None, None) => Message::new("blast-period-unknown"),
    };
    let state = match e.active {
        Some(true) => "in_use",
        Some(false) => "ended",
        None => "none",
    };
    Message::new("blast-period")
        .with("dates", dates.render(lang))
        .with("state", state)
        .render(lang)
}

/// A node box.
#[derive(Debug, Clone)]
pub struct ChartNode {
    pub x: f64,
    pub y: f64,
    pub label: String,
    /// "Vendor · hop 1".
    pub caption: String,
    /// Full name and kind, for the hover title.
    pub title: String,
    pub href: Option<String>,
    /// CSS class: `node vendor`, `node product root`, ...
    pub class: String,
}

/// An edge curve and its label.
#[derive(Debug, Clone)]
pub struct ChartEdge {
    /// The `d` attribute of the path.
    pub path: String,
    pub label: String,
    pub label_x: f64,
    pub label_y: f64,
    pub title: String,
    /// CSS class: `edge dependency`, `edge incident`, `edge supplies`, plus `ended`.
    pub class: String,
}

/// Everything the template needs to draw the graph.
#[derive(Debug, Clone)]
pub struct BlastChart {
    pub width: f64,
    pub height: f64,
    pub node_w: f64,
    pub node_h: f64,
    /// (x, "Hop N") column headings.
    pub columns: Vec<(f64, String)>,
    pub nodes: Vec<ChartNode>,
    pub edges: Vec<ChartEdge>,
}

/// The point at `t` on a cubic Bézier curve.
fn bezier(t: f64, p0: (f64, f64), p1: (f64, f64), p2: (f64, f64), p3: (f64, f64)) -> (f64, f64) {
    let u = 1.0 - t;
    let (a, b, c, d) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
    (
        a * p0.0 + b * p1.0 + c * p2.0 + d * p3.0,
        a * p0.1 + b * p1.1 + c * p2.1 + d * p3.1,
    )
}

/// The nodes in depth-first order of the shortest-path tree, so that each node's row
/// follows its parent's and few edges cross.
fn tree_order(view: &BlastView) -> Vec<usize> {
    let same = |a: &NodeRef, b: &NodeRef| a.kind == b.kind && a.slug == b.slug;
    let parent = |i: usize| -> Option<usize> {
        let path = &view.nodes.get(i)?.path;
        let p = path.len().checked_sub(2).and_then(|k| path.get(k))?;
        view.nodes
            .iter()
            .position(|n| same(&n.node, p))
            .filter(|j| *j != i)
    };
    let parents: Vec<Option<usize>> = (0..view.nodes.len()).map(parent).collect();
    let mut order = Vec::with_capacity(view.nodes.len());
    let mut seen = vec![false; view.nodes.len()];
    let mut stack: Vec<usize> = (0..view.nodes.len())
        .rev()
        .filter(|i| parents.get(*i).copied().flatten().is_none())
        .collect();
    while let Some(i) = stack.pop() {
        if seen.get(i).copied().unwrap_or(true) {
            continue;
        }
        if let Some(s) = seen.get_mut(i) {
            *s = true;
        }
        order.push(i);
        for child in (0..view.nodes.len()).rev() {
            if parents.get(child).copied().flatten() == Some(i) {
                stack.push(child);
            }
        }
    }
    // Anything a broken path left out still gets drawn.
    order.extend((0..view.nodes.len()).filter(|i| !seen.get(*i).copied().unwrap_or(true)));
    order
}

impl BlastChart {
    pub fn new(view: &BlastView, lang: Lang) -> BlastChart {
        let kind = |k: NodeKind| translate(lang, k.message_id(), &[]);
        // A column for each hop among the nodes shown: a page of a large radius holds the
        // start and a few hops, and columns for the hops in between would stay empty.
        let mut hops: Vec<u32> = view.nodes.iter().map(|n| n.hops).collect();
        hops.sort_unstable();
        hops.dedup();
        let column_of = |h: u32| hops.binary_search(&h).unwrap_or_default();
        let mut rows_in: Vec<usize> = vec![0; hops.len()];
        let mut at: Vec<(f64, f64)> = vec![(0.0, 0.0); view.nodes.len()];
        let mut nodes = Vec::with_capacity(view.nodes.len());
        for i in tree_order(view) {
            let Some(n) = view.nodes.get(i) else { continue };
            let column = column_of(n.hops);
            let row = rows_in.get(column).copied().unwrap_or(0);
            if let Some(count) = rows_in.get_mut(column) {
                *count += 1;
            }
            let (x, y) = (LEFT + column as f64 * COLUMN, TOP + row as f64 * ROW);
            if let Some(slot) = at.get_mut(i) {
                *slot = (x, y);
            }
            nodes.push(ChartNode {
                x,
                y,
                label: shorten(&node_name(lang, &n.node)),
                caption: Message::new("blast-node-caption")
                    .with("kind", kind(n.node.kind))
                    .with("hops", i64::from(n.hops))
                    .render(lang),
                title: Message::new("blast-node-title")
                    .with("name", node_name(lang, &n.node))
                    .with("kind", kind(n.node.kind))
                    .with("hops", i64::from(n.hops))
                    .render(lang),
                href: href(&n.node),
                class: format!(
                    "node {}{}",
                    n.node.kind.as_str(),
                    if i == 0 { " root" } else { "" }
                ),
            });
        }
        let index_of = |r: &NodeRef| {
            view.nodes
                .iter()
                .position(|n| n.node.kind == r.kind && n.node.slug == r.slug)
        };
        let mut edges = Vec::new();
        for e in &view.edges {
            let (Some(a), Some(b)) = (index_of(&e.from), index_of(&e.to)) else {
                continue;
            };
            let (Some(&(ax, ay)), Some(&(bx, by))) = (at.get(a), at.get(b)) else {
                continue;
            };
            // Edges back towards the start would tangle the picture: the table lists them.
            let same_column_kept = e.kind == EdgeKind::Supplies || e.relation == Some("caused");
            let forward = bx > ax || (bx == ax && same_column_kept);
            if !forward {
                continue;
            }
            let (y1, y2) = (ay + NODE_H / 2.0, by + NODE_H / 2.0);
            let path = if bx > ax {
                let (x1, x2) = (ax + NODE_W, bx);
                let mid = (x2 - x1) / 2.0;
                format!(
                    "M{x1:.1},{y1:.1} C{:.1},{y1:.1} {:.1},{y2:.1} {x2:.1},{y2:.1}",
                    x1 + mid,
                    x2 - mid
                )
            } else {
                // A vendor's own product, or a caused incident, in the same column: loop out
                // on the right.
                let (x1, x2) = (ax + NODE_W, bx + NODE_W);
                let bulge = x1.max(x2) + 36.0;
                format!("M{x1:.1},{y1:.1} C{bulge:.1},{y1:.1} {bulge:.1},{y2:.1} {x2:.1},{y2:.1}")
            };
            let label = match e.kind {
                EdgeKind::Supplies => String::new(),
                EdgeKind::Dependency => {
                    let crit = criticality(lang, e).unwrap_or_default();
                    let dates = match (e.since, e.until) {
                        (Some(s), Some(u)) => format!("{}–{}", s.iso(), u.iso()),
                        (Some(s), None) => Message::new("blast-period-since")
                            .with("since", s.iso())
                            .with("precision", s.precision.as_str())
                            .render(lang),
                        (None, Some(u)) => Message::new("blast-period-until")
                            .with("until", u.iso())
                            .with("precision", u.precision.as_str())
                            .render(lang),
                        (None, None) => String::new(),
                    };
                    [dates, crit]
                        .into_iter()
                        .filter(|s| !s.is_empty())
                        .collect::<Vec<_>>()
                        .join(" · ")
                }
                EdgeKind::Incident => match e.relation {
                    Some("origin") => Message::new("blast-relation-origin"),
                    Some("conduit") => Message::new("blast-relation-conduit"),
                    Some("victim") => Message::new("blast-relation-victim"),
                    _ => Message::new("blast-relation-caused"),
                }
                .render(lang),
            };
            let (label_x, label_y) = if bx > ax {
                // Dependency labels mid-way, incident labels near their target, so that
                // edges leaving one box do not stack their labels.
                let t = if e.kind == EdgeKind::Dependency {
                    0.5
                } else {
                    0.8
                };
                let (x1, x2) = (ax + NODE_W, bx);
                let mid = (x2 - x1) / 2.0;
                let (px, py) = bezier(t, (x1, y1), (x1 + mid, y1), (x2 - mid, y2), (x2, y2));
                (px, py - 5.0)
            } else {
                (ax.max(bx) + NODE_W + 40.0, (y1 + y2) / 2.0)
            };
            edges.push(ChartEdge {
                path,
                label,
                label_x,
                label_y,
                title: Message::new("blast-edge-title")
                    .with("from", node_name(lang, &e.from))
                    .with("to", node_name(lang, &e.to))
                    .with("what", edge_text(lang, e))
                    .render(lang),
                class: format!(
                    "edge {}{}",
                    match e.kind {
                        EdgeKind::Supplies => "supplies",
                        EdgeKind::Dependency => "dependency",
                        EdgeKind::Incident => "incident",
                    },
                    if e.active == Some(false) {
                        " ended"
                    } else {
                        ""
                    }
                ),
            });
        }
        let rows = rows_in.iter().copied().max().unwrap_or(1).max(1);
        BlastChart {
            width: LEFT * 2.0 + hops.len().saturating_sub(1) as f64 * COLUMN + NODE_W + 90.0,
            height: TOP + rows as f64 * ROW,
            node_w: NODE_W,
            node_h: NODE_H,
            columns: hops
                .iter()
                .enumerate()
                .map(|(column, &h)| {
                    let text = if h == 0 {
                        Message::new("blast-column-start").render(lang)
                    } else {
                        Message::new("blast-column-hop")
                            .with("hops", i64::from(h))
                            .render(lang)
                    };
                    (LEFT + column as f64 * COLUMN, text)
                })
                .collect(),
            nodes,
            edges,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Criticality;
    use crate::domain::blast::{BlastGraph, DependencyLink, Node, blast_radius};
    use chrono::NaiveDate;

    /// Vendor `i` makes product `i` and uses product `i - 1`: trouble at vendor 0 reaches
    /// vendor `i` in `i` hops.
    fn chain(length: i32) -> BlastGraph {
        let mut g = BlastGraph::default();
        for i in 0..length {
            g.products.insert(i, i);
            if i > 0 {
                g.dependencies.push(DependencyLink {
                    id: i,
                    consumer: Some(i),
                    product: i - 1,
                    since: None,
                    until: None,
                    criticality: Criticality::High,
                });
            }
        }
        g
    }

    #[test]
    fn a_later_page_draws_a_column_only_for_the_hops_it_holds() {
        let g = chain(6);
        let as_of = NaiveDate::from_ymd_opt(2021, 3, 1).unwrap_or_default();
        let radius = blast_radius(&g, Node::Vendor(0), as_of);
        // Beyond the start: product 0 at hop 0, then vendor and product 1 at hop 1, …
        let view = BlastView::window(&g, &radius, 4, 3);
        let hops: Vec<u32> = view.nodes.iter().map(|n| n.hops).collect();
        assert_eq!(hops, vec![0, 2, 3, 3]);
        let chart = BlastChart::new(&view, Lang::En);
        let headings: Vec<&str> = chart.columns.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(headings.len(), 3, "{headings:?}");
        assert!(
            headings[1].contains('2') && headings[2].contains('3'),
            "{headings:?}"
        );
        let xs: Vec<f64> = chart.columns.iter().map(|(x, _)| *x).collect();
        assert_eq!(xs, vec![LEFT, LEFT + COLUMN, LEFT + 2.0 * COLUMN]);
        let mut node_xs: Vec<f64> = chart.nodes.iter().map(|n| n.x).collect();
        node_xs.dedup();
        assert_eq!(node_xs, xs);
        // The whole radius still has a column per hop.
        let whole = BlastChart::new(&BlastView::new(&g, &radius), Lang::En);
        assert_eq!(whole.columns.len(), 6);
    }
}

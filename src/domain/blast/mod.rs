//! Blast radius and concentration: who is exposed when a vendor, a product or an incident
//! goes wrong, and which suppliers many parties rest on. Pure: the store passes the graph in.

pub mod concentration;
pub mod graph;
pub mod radius;
pub mod reach;
pub mod travel;
pub mod view;

#[cfg(test)]
mod concentration_properties;
#[cfg(test)]
mod properties;
#[cfg(test)]
mod tests;

pub use concentration::{Concentration, ConcentrationRow, concentration};
pub use graph::{BlastGraph, DependencyLink, Edge, EdgeKind, Involvement, Label, Node, NodeKind};
pub use radius::{BlastRadius, Reached, blast_radius};
pub use view::{BlastView, ConcentrationRowView, ConcentrationView, EdgeView, NodeRef, NodeView};

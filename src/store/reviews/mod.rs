//! Procurement reviews of a vendor or a product: opened, decided with a frozen snapshot of the
//! evidence, and their conditions followed up; each write with its audit record.

pub mod condition;
pub mod decide;
pub mod open;
pub mod read;
pub mod snapshot;

/// The audit trail's name for reviews (entity id: database id; label: the subject's slug).
pub const REVIEW: &str = "review";
/// The audit trail's name for a review's conditions (label: the review's id).
pub const REVIEW_CONDITION: &str = "review_condition";

//! The trust scoring engine (DESIGN.md section 4, docs/scoring.md): evidence becomes a
//! subjective-logic opinion per vendor and product, as of a date, with its explanation.

pub mod config;
pub mod engine;
pub mod explain;
pub mod history;
pub mod input;
pub mod label;
pub mod neighbourhood;
pub mod opinion;
mod properties;
pub mod report;

pub use config::ScoringConfig;
pub use engine::ScoreBook;
pub use explain::score_all;
pub use input::{
    DependencyEdge, EvidenceKey, EvidenceKind, EvidenceRecord, Fact, ScoringInput, Subject,
};
pub use label::EvidenceLabel;
pub use neighbourhood::InputIndex;
pub use opinion::{Evidence, Opinion};
pub use report::{Contribution, ContributionKind, Grade, TrustScore};

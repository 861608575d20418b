//! Replacement recommendations (issue 5, docs/recommendations.md): per product a decision
//! from a rule table, ranked alternatives, compensating controls and analyst context. Pure.

pub mod alternatives;
pub mod analysts;
pub mod config;
pub mod context;
pub mod controls;
pub mod decisions;
pub mod engine;
pub mod input;
pub mod lookup;
pub mod portfolio;
mod properties;
pub mod reason;
pub mod report;
pub mod rules;

pub use config::{InvalidRecommendationConfig, RecommendationConfig};
pub use decisions::{decide_in_use, needing_action, ordered_in_use};
pub use engine::{products_in_use, recommend, recommend_in_use, recommend_with};
pub use input::{
    AssessedSubject, AssessmentInfo, CategoryInfo, Consumer, IncidentInfo, Involvement,
    ProductInfo, RecommendInput, RemediationInfo, ScoreSummary, Usage, VendorInfo,
};
pub use lookup::Lookup;
pub use portfolio::{Portfolio, PortfolioPage};
pub use reason::{Exclusion, Exposure, Ground, Precedent, Reason, Use};
pub use report::{
    Alternative, AnalystView, Control, Criteria, Decision, Excluded, IncidentRef, Recommendation,
    UsageView,
};
pub use rules::{Facts, RULES, Rule, decide};

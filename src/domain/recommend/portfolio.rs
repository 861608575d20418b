//! The portfolio decided once for a date: the input, its indexes and every product in use in
//! list order, kept so that each page, or each product, ranks only its own alternatives.

use super::config::RecommendationConfig;
use super::decisions::ordered_in_use;
use super::engine::recommend_with;
use super::input::RecommendInput;
use super::lookup::Lookup;
use super::report::{Decision, Recommendation};
use std::sync::OnceLock;

/// One input with its indexes, and every product in use decided and ordered (the most
/// drastic decision first, then by product slug) when a page is first asked for.
pub struct Portfolio {
    input: RecommendInput,
    lookup: Lookup,
    ordered: OnceLock<Vec<(Decision, i32)>>,
    config: RecommendationConfig,
}

/// One page of the portfolio's recommendations, in the portfolio's order.
#[derive(Debug, Clone, Default)]
pub struct PortfolioPage {
    /// The products of this page, each in full.
    pub items: Vec<Recommendation>,
    /// How many products are in use in all.
    pub total: usize,
    /// How many of them ask the risk manager to act.
    pub needing_action: usize,
}

impl std::fmt::Debug for Portfolio {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Portfolio")
            .field("as_of", &self.input.as_of)
            .field("decided", &self.ordered.get().map(Vec::len))
            .finish_non_exhaustive()
    }
}

impl Portfolio {
    /// Indexes `input`; nothing is decided yet.
    pub fn new(input: RecommendInput, config: &RecommendationConfig) -> Portfolio {
        Portfolio {
            lookup: Lookup::new(&input, config),
            input,
            ordered: OnceLock::new(),
            config: config.clone(),
        }
    }

    /// Every product in use, decided (one pass, no alternatives ranked) and ordered.
    fn ordered(&self) -> &[(Decision, i32)] {
        self.ordered
            .get_or_init(|| ordered_in_use(&self.input, &self.lookup, &self.config))
    }

    /// The `limit` recommendations from `offset`, each in full.
    pub fn page(&self, offset: usize, limit: usize) -> PortfolioPage {
        let ordered = self.ordered();
        PortfolioPage {
            total: ordered.len(),
            needing_action: ordered
                .iter()
                .filter(|(decision, _)| *decision != Decision::Retain)
                .count(),
            items: ordered
                .iter()
                .skip(offset)
                .take(limit)
                .filter_map(|(_, id)| self.recommend(*id))
                .collect(),
        }
    }

    /// The recommendation of the product `slug`, used or not; None for an unknown slug.
    pub fn product(&self, slug: &str) -> Option<Recommendation> {
        let (id, _) = self.input.products.iter().find(|(_, p)| p.slug == slug)?;
        self.recommend(*id)
    }

    fn recommend(&self, product: i32) -> Option<Recommendation> {
        recommend_with(&self.input, &self.lookup, product, &self.config)
    }
}

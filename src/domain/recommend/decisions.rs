//! The decision alone for every product in use (the portfolio exports, the dashboard): the
//! same facts and rule table as the full engine, without ranking alternatives for them all.

use super::config::RecommendationConfig;
use super::context::ProductContext;
use super::engine::{facts, recommend_with};
use super::input::RecommendInput;
use super::lookup::Lookup;
use super::report::{Decision, Recommendation};
use super::rules::decide;

/// The decision of every product in use on the date (or dropped recently), by product id:
/// exactly the `decision` of [`super::recommend_in_use`]'s recommendations, without
/// ranking alternatives or listing controls.
pub fn decide_in_use(
    input: &RecommendInput,
    config: &RecommendationConfig,
) -> Vec<(i32, Decision)> {
    let index = Lookup::new(input, config);
    input
        .products
        .keys()
        .filter_map(|id| index.context(input, *id, config))
        .filter(ProductContext::in_portfolio)
        .map(|ctx| (ctx.id, decide(&facts(&ctx, config), config).decision))
        .collect()
}

/// Every product in use (or dropped recently), decided in one pass and ordered as the
/// portfolio lists them: the most drastic decision first, then by product slug.
pub fn ordered_in_use(
    input: &RecommendInput,
    lookup: &Lookup,
    config: &RecommendationConfig,
) -> Vec<(Decision, i32)> {
    let mut decided: Vec<(Decision, &str, i32)> = input
        .products
        .iter()
        .filter_map(|(id, product)| {
            let ctx = lookup.context(input, *id, config)?;
            if !ctx.in_portfolio() {
                return None;
            }
            let decision = decide(&facts(&ctx, config), config).decision;
            Some((decision, product.slug.as_str(), *id))
        })
        .collect();
    decided.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    decided.into_iter().map(|(d, _, id)| (d, id)).collect()
}

/// The recommendations that ask the risk manager to act (any decision but retain), the most
/// drastic first, then by product slug: at most `limit`, each in full. Every product in use
/// is decided first (as [`decide_in_use`]); only those listed rank their alternatives.
pub fn needing_action(
    input: &RecommendInput,
    config: &RecommendationConfig,
    limit: usize,
) -> Vec<Recommendation> {
    let lookup = Lookup::new(input, config);
    ordered_in_use(input, &lookup, config)
        .into_iter()
        .take_while(|(decision, _)| *decision != Decision::Retain)
        .take(limit)
        .filter_map(|(_, id)| recommend_with(input, &lookup, id, config))
        .collect()
}

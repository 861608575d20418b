//! The recommendation of one product, or of every product in use, as of the input's date:
//! facts, the rule that fires, alternatives, controls and the analysts' views, deterministic.

use super::alternatives;
use super::analysts;
use super::config::RecommendationConfig;
use super::context::{ProductContext, UsageState};
use super::controls;
use super::input::RecommendInput;
use super::lookup::Lookup;
use super::reason::{Reason, Use};
use super::report::{IncidentRef, Recommendation, UsageView};
use super::rules::{Facts, decide};
use crate::domain::{FavouredAction, IncidentKind, InvolvementRole};

/// The facts the rule table reads.
pub fn facts(ctx: &ProductContext, config: &RecommendationConfig) -> Facts {
    let severe = |(i, role): &&(&super::input::IncidentInfo, InvolvementRole)| {
        i.severity >= config.severe_severity && *role != InvolvementRole::Victim
    };
    let count = |action: FavouredAction| {
        ctx.views
            .iter()
            .filter(|a| a.favoured_action == Some(action))
            .count()
    };
    Facts {
        score: ctx.score(),
        uncertainty: ctx.uncertainty(),
        criticality: ctx.criticality().unwrap_or(config.assumed_criticality),
        supply_chain_origin: ctx
            .incidents
            .iter()
            .filter(severe)
            .find(|(i, role)| {
                i.kind == IncidentKind::SupplyChainCompromise && *role == InvolvementRole::Origin
            })
            .map(|(i, _)| i.title.clone()),
        severe_incident: ctx
            .incidents
            .iter()
            .find(severe)
            .map(|(i, _)| i.title.clone()),
        recent_incident: ctx.incidents.first().map(|(i, _)| i.title.clone()),
        favour_replace: count(FavouredAction::Replace),
        favour_monitor: count(FavouredAction::Monitor),
        favour_retain: count(FavouredAction::Retain),
    }
}

/// The context lines under the rule's own reason: scores, use, incidents, analysts.
fn context_reasons(ctx: &ProductContext, facts: &Facts) -> Vec<Reason> {
    let mut reasons = vec![Reason::Scores {
        score: facts.score,
        product: ctx.product_score.score,
        vendor: ctx.vendor_score.score,
        uncertainty: facts.uncertainty,
    }];
    let current: Vec<Use> = ctx
        .usages
        .iter()
        .filter(|(_, s)| *s != UsageState::Past)
        .map(|(u, s)| Use {
            consumer: ctx.consumer_names(u.consumer).1,
            organisation: u.consumer == super::input::Consumer::Organisation,
            criticality: u.criticality,
            until: u.until.filter(|_| *s == UsageState::RecentlyEnded),
        })
        .collect();
    if current.is_empty() {
        reasons.push(match ctx.criticality() {
            Some(criticality) => Reason::PastUse { criticality },
            None => Reason::NoUse {
                criticality: facts.criticality,
            },
        });
    } else {
        reasons.push(Reason::UsedBy(current));
    }
    for (i, role) in &ctx.incidents {
        reasons.push(Reason::Incident {
            role: *role,
            title: i.title.clone(),
            kind: i.kind,
            severity: i.severity,
            known_on: i.known_on,
        });
    }
    reasons.push(if ctx.views.is_empty() {
        Reason::NoViews
    } else {
        Reason::Views {
            count: ctx.views.len(),
            replace: facts.favour_replace,
            monitor: facts.favour_monitor,
            retain: facts.favour_retain,
        }
    });
    reasons
}

/// The recommendation for one product (whether or not anyone uses it); None for an unknown id.
pub fn recommend(
    input: &RecommendInput,
    product: i32,
    config: &RecommendationConfig,
) -> Option<Recommendation> {
    recommend_with(input, &Lookup::new(input, config), product, config)
}

/// [`recommend`] with the input's indexes already built (several products of one input).
pub fn recommend_with(
    input: &RecommendInput,
    lookup: &Lookup,
    product: i32,
    config: &RecommendationConfig,
) -> Option<Recommendation> {
    let ctx = lookup.context(input, product, config)?;
    let facts = facts(&ctx, config);
    let rule = decide(&facts, config);
    let mut reasons = vec![(rule.why)(&facts, config)];
    reasons.extend(context_reasons(&ctx, &facts));
    let (alternatives, excluded) = alternatives::rank(&ctx, lookup, config);
    let uncertain = facts.uncertainty >= config.uncertain_above;
    let controls = controls::controls(&ctx, rule.decision, uncertain);
    let assessments = analysts::views(&ctx, rule.decision);
    let vendor = input.vendors.get(&ctx.product.vendor);
    let category = input.categories.get(&ctx.product.category);
    Some(Recommendation {
        product: ctx.product.slug.clone(),
        product_name: ctx.product.name.clone(),
        vendor: vendor.map_or_else(String::new, |v| v.slug.clone()),
        vendor_name: vendor.map_or_else(String::new, |v| v.name.clone()),
        category: category.map_or_else(String::new, |c| c.slug.clone()),
        category_name: category.map_or_else(String::new, |c| c.name.clone()),
        as_of: input.as_of,
        decision: rule.decision,
        rule: rule.name.to_owned(),
        reasons,
        score: facts.score,
        uncertainty: facts.uncertainty,
        product_score: ctx.product_score.score,
        vendor_score: ctx.vendor_score.score,
        unknown: facts.uncertainty >= config.unknown_uncertainty,
        in_use: ctx.in_use(),
        criticality: ctx.criticality(),
        usage: ctx
            .usages
            .iter()
            .map(|(u, s)| {
                let (consumer, consumer_name) = ctx.consumer_names(u.consumer);
                UsageView {
                    consumer,
                    consumer_name,
                    criticality: u.criticality,
                    since: u.since,
                    until: u.until,
                    active: *s == UsageState::Active,
                }
            })
            .collect(),
        incidents: ctx
            .incidents
            .iter()
            .map(|(i, role)| IncidentRef {
                incident: i.slug.clone(),
                title: i.title.clone(),
                kind: i.kind,
                severity: i.severity,
                role: *role,
                known_on: i.known_on,
            })
            .collect(),
        alternatives,
        excluded,
        controls,
        assessments,
    })
}

/// The products in use on the date (in our inventory or any vendor's dependencies), or
/// dropped within `recently_ended_days`.
pub fn products_in_use(input: &RecommendInput, config: &RecommendationConfig) -> Vec<i32> {
    in_use_with(input, &Lookup::new(input, config), config)
}

fn in_use_with(input: &RecommendInput, lookup: &Lookup, config: &RecommendationConfig) -> Vec<i32> {
    input
        .products
        .keys()
        .copied()
        .filter(|id| {
            lookup
                .context(input, *id, config)
                .is_some_and(|c| c.in_portfolio())
        })
        .collect()
}

/// Every product in use, the most drastic decisions first, then by product slug.
pub fn recommend_in_use(
    input: &RecommendInput,
    config: &RecommendationConfig,
) -> Vec<Recommendation> {
    let lookup = Lookup::new(input, config);
    let mut list: Vec<Recommendation> = in_use_with(input, &lookup, config)
        .into_iter()
        .filter_map(|id| recommend_with(input, &lookup, id, config))
        .collect();
    list.sort_by(|a, b| b.decision.cmp(&a.decision).then(a.product.cmp(&b.product)));
    list
}

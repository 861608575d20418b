//! Ranked alternatives from the same category: a weighted sum of trust, certainty and analyst
//! stance minus a shared-upstream exposure penalty; vendors that originated the chain are out.

use super::config::RecommendationConfig;
use super::context::{ProductContext, involved_vendor};
use super::input::{IncidentInfo, ProductInfo, RecommendInput};
use super::lookup::{Candidate, Lookup};
use super::reason::{Exclusion, Exposure, Precedent};
use super::report::{Alternative, Criteria, Excluded};
use crate::domain::{InvolvementRole, Stance};
use std::collections::BTreeSet;

/// A stance on "this subject is trustworthy" as a value in 0..=1.
pub fn stance_value(stance: Stance) -> f64 {
    match stance {
        Stance::StronglyDisagree => 0.0,
        Stance::Disagree => 0.25,
        Stance::Neutral => 0.5,
        Stance::Agree => 0.75,
        Stance::StronglyAgree => 1.0,
    }
}

/// Vendors with an origin involvement in the chain: their products are excluded.
pub fn origin_vendors(input: &RecommendInput, chain: &[&IncidentInfo]) -> BTreeSet<i32> {
    chain
        .iter()
        .flat_map(|i| i.involvements.iter())
        .filter(|inv| inv.role == InvolvementRole::Origin)
        .filter_map(|inv| involved_vendor(input, inv))
        .collect()
}

/// Products compromised in the chain: the product itself and every product named as origin.
fn compromised_products(ctx: &ProductContext, chain: &[&IncidentInfo]) -> BTreeSet<i32> {
    let mut set: BTreeSet<i32> = chain
        .iter()
        .flat_map(|i| i.involvements.iter())
        .filter(|inv| inv.role == InvolvementRole::Origin)
        .filter_map(|inv| inv.product)
        .collect();
    set.insert(ctx.id);
    set
}

/// A candidate with its weighted total and criteria, and what exposes it.
type Scored<'a> = (f64, Criteria, &'a Candidate, &'a ProductInfo, Vec<Exposure>);

/// The alternatives to `ctx`'s product, best first, and the products left out.
pub fn rank(
    ctx: &ProductContext,
    lookup: &Lookup,
    config: &RecommendationConfig,
) -> (Vec<Alternative>, Vec<Excluded>) {
    let input = ctx.input;
    let chain = ctx.chain(config);
    let origins = origin_vendors(input, &chain);
    let compromised = compromised_products(ctx, &chain);
    let mut excluded: Vec<Excluded> = Vec::new();
    // Known remediations that replaced this product (precedents for its alternatives).
    let replacements_of_this: Vec<_> = input
        .remediations
        .iter()
        .filter(|r| r.product == Some(ctx.id) && input.known(r.known_on))
        .collect();
    // Ranked on numbers first; only the alternatives kept are written out.
    let mut scored: Vec<Scored> = Vec::new();
    for candidate in lookup.candidates(input, ctx.product.category, config) {
        let id = candidate.id;
        let Some(product) = input.products.get(&id).filter(|_| id != ctx.id) else {
            continue;
        };
        if origins.contains(&product.vendor) {
            let vendor_name = input
                .vendors
                .get(&product.vendor)
                .map_or_else(String::new, |v| v.name.clone());
            let incident = chain
                .iter()
                .find(|i| {
                    i.involvements.iter().any(|inv| {
                        inv.role == InvolvementRole::Origin
                            && involved_vendor(input, inv) == Some(product.vendor)
                    })
                })
                .map_or("", |i| i.title.as_str());
            excluded.push(Excluded {
                product: product.slug.clone(),
                name: product.name.clone(),
                reason: format!(
                    "{vendor_name} is the origin of {incident}, in the same incident chain"
                ),
                why: Exclusion::ChainOrigin {
                    vendor: vendor_name,
                    incident: incident.to_owned(),
                },
            });
            continue;
        }
        // Moving to the origin of another severe recent incident is no way out either.
        if let Some(incident) = &candidate.severe_origin {
            excluded.push(Excluded {
                product: product.slug.clone(),
                name: product.name.clone(),
                reason: format!("origin of {incident}, a severe recent incident"),
                why: Exclusion::SevereOrigin {
                    incident: incident.clone(),
                },
            });
            continue;
        }
        let (exposure, exposed_by) =
            exposure(input, lookup, (id, product.vendor), &chain, &compromised);
        let criteria = Criteria {
            trust: candidate.score / 100.0,
            certainty: 1.0 - candidate.uncertainty,
            analysts: candidate.analysts,
            exposure,
        };
        let total = config.weight_trust * criteria.trust
            + config.weight_certainty * criteria.certainty
            + config.weight_analysts * criteria.analysts
            - config.penalty_exposure * criteria.exposure;
        scored.push((total, criteria, candidate, product, exposed_by));
    }
    // Best first: total, then trust, then slug (unique, so the order is total). Only the
    // best few are kept, so they are picked out before the sort.
    let best_first = |a: &Scored, b: &Scored| {
        b.0.total_cmp(&a.0)
            .then(b.1.trust.total_cmp(&a.1.trust))
            .then(a.3.slug.cmp(&b.3.slug))
    };
    if let Some(last) = config.max_alternatives.checked_sub(1)
        && last < scored.len()
    {
        scored.select_nth_unstable_by(last, best_first);
    }
    scored.truncate(config.max_alternatives);
    scored.sort_by(best_first);
    let mut ranked: Vec<Alternative> = Vec::with_capacity(scored.len());
    for (total, criteria, candidate, product, exposed_by) in scored {
        let id = candidate.id;
        let vendor = input.vendors.get(&product.vendor);
        let mut precedents = Vec::new();
        let mut recorded = Vec::new();
        let mut citations = Vec::new();
        for r in replacements_of_this
            .iter()
            .filter(|r| r.replacement == Some(id))
        {
            let who = input.vendors.get(&r.vendor).map_or("", |v| v.name.as_str());
            let when = r
                .known_on
                .map(|d| d.format(" (%-d %b %Y)").to_string())
                .unwrap_or_default();
            precedents.push(format!("{who}{when}: {}", r.description));
            recorded.push(Precedent {
                who: who.to_owned(),
                known_on: r.known_on,
                after: None,
                description: r.description.clone(),
            });
            citations.extend(r.citations.iter().cloned());
        }
        ranked.push(Alternative {
            product: product.slug.clone(),
            name: product.name.clone(),
            vendor: vendor.map_or_else(String::new, |v| v.slug.clone()),
            vendor_name: vendor.map_or_else(String::new, |v| v.name.clone()),
            rank: 0,
            criteria,
            total,
            score: candidate.score,
            uncertainty: candidate.uncertainty,
            exposure_reasons: exposed_by.iter().map(english).collect(),
            exposure: exposed_by,
            precedents,
            recorded,
            citations,
        });
    }
    for (i, alt) in ranked.iter_mut().enumerate() {
        alt.rank = i + 1;
    }
    (ranked, excluded)
}

/// Shared-upstream exposure of an alternative (its id and vendor): 1 when its vendor depends
/// (on the date) on a product compromised in the chain, or it was a conduit of the chain;
/// 0.5 when a victim.
fn exposure(
    input: &RecommendInput,
    lookup: &Lookup,
    (alt, vendor): (i32, i32),
    chain: &[&IncidentInfo],
    compromised: &BTreeSet<i32>,
) -> (f64, Vec<Exposure>) {
    let mut value: f64 = 0.0;
    let mut reasons = Vec::new();
    for u in lookup
        .usages_by(input, vendor)
        .filter(|u| compromised.contains(&u.product) && u.active_on(input.as_of))
    {
        let name = input
            .products
            .get(&u.product)
            .map_or("", |p| p.name.as_str());
        value = 1.0;
        reasons.push(Exposure::DependsOn {
            product: name.to_owned(),
        });
    }
    for incident in chain {
        for inv in incident
            .involvements
            .iter()
            .filter(|inv| super::context::touches(inv, alt, vendor))
        {
            let part = match inv.role {
                InvolvementRole::Origin => 1.0,
                InvolvementRole::Conduit => 1.0,
                InvolvementRole::Victim => 0.5,
            };
            value = value.max(part);
            reasons.push(Exposure::Involved {
                role: inv.role,
                incident: incident.title.clone(),
            });
        }
    }
    (value, reasons)
}

/// An exposure in English (the JSON API's `exposure_reasons`).
fn english(e: &Exposure) -> String {
    match e {
        Exposure::DependsOn { product } => {
            format!("its vendor depends on {product}, compromised in the same chain")
        }
        Exposure::Involved { role, incident } => format!("{} in {incident}", role.label()),
    }
}

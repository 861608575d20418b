//! The facts about one product that the rules, alternatives and controls read: scores, who
//! uses it, the recent incidents it (or its vendor) took part in, and the incident chain.

use super::config::RecommendationConfig;
use super::input::{
    AssessedSubject, AssessmentInfo, Consumer, IncidentInfo, Involvement, ProductInfo,
    RecommendInput, ScoreSummary, Usage,
};
use crate::domain::{Criticality, InvolvementRole};
use std::collections::{BTreeMap, BTreeSet};

/// A product's own and vendor's score when the store has none: unknown.
const NO_SCORE: ScoreSummary = ScoreSummary {
    score: 50.0,
    uncertainty: 1.0,
};

/// How a usage stands on the date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UsageState {
    Active,
    /// Ended within `recently_ended_days`: the product is being replaced.
    RecentlyEnded,
    Past,
}

impl UsageState {
    /// How `usage` stands on `as_of`.
    pub fn of(
        usage: &Usage,
        as_of: chrono::NaiveDate,
        config: &RecommendationConfig,
    ) -> UsageState {
        if usage.active_on(as_of) {
            UsageState::Active
        } else if usage
            .until
            .is_some_and(|end| (as_of - end).num_days() <= config.recently_ended_days)
        {
            UsageState::RecentlyEnded
        } else {
            UsageState::Past
        }
    }
}

/// Everything known about one product on the date.
#[derive(Debug, Clone)]
pub struct ProductContext<'a> {
    pub input: &'a RecommendInput,
    pub id: i32,
    pub product: &'a ProductInfo,
    pub product_score: ScoreSummary,
    pub vendor_score: ScoreSummary,
    /// Usages that started by the date, with their state.
    pub usages: Vec<(&'a Usage, UsageState)>,
    /// Recent incidents it took part in, with its strongest role, most severe first.
    pub incidents: Vec<(&'a IncidentInfo, InvolvementRole)>,
    /// Known analyst views on the product or its vendor, oldest first.
    pub views: Vec<&'a AssessmentInfo>,
}

impl<'a> ProductContext<'a> {
    pub fn new(input: &'a RecommendInput, id: i32, config: &RecommendationConfig) -> Option<Self> {
        let product = input.products.get(&id)?;
        let as_of = input.as_of;
        let mut usages: Vec<(&Usage, UsageState)> = input
            .usages
            .iter()
            .filter(|u| u.product == id && u.since.is_none_or(|s| s <= as_of))
            .map(|u| (u, UsageState::of(u, as_of, config)))
            .collect();
        usages.sort_by_key(|(u, _)| (u.consumer, u.id));
        let mut incidents: Vec<(&IncidentInfo, InvolvementRole)> = input
            .incidents
            .iter()
            .filter(|i| recent(input, i, config))
            .filter_map(|i| {
                let role = i
                    .involvements
                    .iter()
                    .filter(|inv| touches(inv, id, product.vendor))
                    .map(|inv| inv.role)
                    .min()?;
                Some((i, role))
            })
            .collect();
        incidents.sort_by(most_severe_first);
        let mut views: Vec<&AssessmentInfo> = input
            .assessments
            .iter()
            .filter(|a| a.assessed_on <= as_of)
            .filter(|a| match a.subject {
                AssessedSubject::Product(p) => p == id,
                AssessedSubject::Vendor(v) => v == product.vendor,
                AssessedSubject::Incident(_) => false,
            })
            .collect();
        views.sort_by_key(|a| (a.assessed_on, a.id));
        Some(ProductContext::from_parts(
            input, id, product, usages, incidents, views,
        ))
    }

    /// The lower of the product's and its vendor's score.
    pub fn score(&self) -> f64 {
        self.product_score.score.min(self.vendor_score.score)
    }

    /// The higher of the product's and its vendor's uncertainty.
    pub fn uncertainty(&self) -> f64 {
        self.product_score
            .uncertainty
            .max(self.vendor_score.uncertainty)
    }

    pub fn in_use(&self) -> bool {
        self.usages.iter().any(|(_, s)| *s == UsageState::Active)
    }

    /// In use, or dropped recently (the portfolio shows it until the transition is over).
    pub fn in_portfolio(&self) -> bool {
        self.usages.iter().any(|(_, s)| *s != UsageState::Past)
    }

    /// The strongest criticality of its current or recent use, else of its past use.
    pub fn criticality(&self) -> Option<Criticality> {
        let strongest = |past: bool| {
            self.usages
                .iter()
                .filter(|(_, s)| (*s == UsageState::Past) == past)
                .map(|(u, _)| u.criticality)
                .min()
        };
        strongest(false).or_else(|| strongest(true))
    }

    /// The incidents linked to its recent ones by causal links, both ways, known on the date.
    pub fn chain(&self, config: &RecommendationConfig) -> Vec<&'a IncidentInfo> {
        let input = self.input;
        let known: BTreeMap<i32, &IncidentInfo> = input
            .incidents
            .iter()
            .filter(|i| recent(input, i, config))
            .map(|i| (i.id, i))
            .collect();
        let mut seen: BTreeSet<i32> = self.incidents.iter().map(|(i, _)| i.id).collect();
        let mut queue: Vec<i32> = seen.iter().copied().collect();
        while let Some(id) = queue.pop() {
            let Some(incident) = known.get(&id) else {
                continue;
            };
            let causes = incident.caused_by.iter().copied();
            let effects = known
                .values()
                .filter(|i| i.caused_by.contains(&id))
                .map(|i| i.id);
            for next in causes.chain(effects).collect::<Vec<_>>() {
                if known.contains_key(&next) && seen.insert(next) {
                    queue.push(next);
                }
            }
        }
        seen.iter()
            .filter_map(|id| known.get(id).copied())
            .collect()
    }

    /// The consumer's display name and slug (`@organisation` for our own).
    pub fn consumer_names(&self, consumer: Consumer) -> (String, String) {
        match consumer {
            Consumer::Organisation => ("@organisation".into(), "Our organisation".into()),
            Consumer::Vendor(v) => self.input.vendors.get(&v).map_or_else(
                || (format!("vendor-{v}"), format!("Vendor {v}")),
                |x| (x.slug.clone(), x.name.clone()),
            ),
        }
    }
}

/// The order of a product's recent incidents: most severe first, then the strongest role,
/// the earliest known, the lowest id.
pub fn most_severe_first(
    (a, ra): &(&IncidentInfo, InvolvementRole),
    (b, rb): &(&IncidentInfo, InvolvementRole),
) -> std::cmp::Ordering {
    b.severity
        .cmp(&a.severity)
        .then(ra.cmp(rb))
        .then(a.known_on.cmp(&b.known_on))
        .then(a.id.cmp(&b.id))
}

/// Known on the date and within `recent_days` of it: recent, hence active.
pub fn recent(
    input: &RecommendInput,
    incident: &IncidentInfo,
    config: &RecommendationConfig,
) -> bool {
    incident
        .known_on
        .is_some_and(|d| d <= input.as_of && (input.as_of - d).num_days() <= config.recent_days)
}

/// An involvement bears on a product when it names the product, or names its vendor with no
/// product (the vendor's own infrastructure).
pub fn touches(inv: &Involvement, product: i32, vendor: i32) -> bool {
    match inv.product {
        Some(p) => p == product,
        None => inv.vendor == Some(vendor),
    }
}

/// The vendor an involvement is charged to: the one named, else the product's vendor.
pub fn involved_vendor(input: &RecommendInput, inv: &Involvement) -> Option<i32> {
    inv.vendor.or_else(|| {
        inv.product
            .and_then(|p| input.products.get(&p).map(|x| x.vendor))
    })
}

impl<'a> ProductContext<'a> {
    /// The context [`ProductContext::new`] gives, from the usages, recent incidents and views
    /// already found and sorted by the caller (`decisions.rs` finds them through indexes).
    pub(super) fn from_parts(
        input: &'a RecommendInput,
        id: i32,
        product: &'a ProductInfo,
        usages: Vec<(&'a Usage, UsageState)>,
        incidents: Vec<(&'a IncidentInfo, InvolvementRole)>,
        views: Vec<&'a AssessmentInfo>,
    ) -> Self {
        ProductContext {
            input,
            id,
            product,
            product_score: input.product_scores.get(&id).copied().unwrap_or(NO_SCORE),
            vendor_score: input
                .vendor_scores
                .get(&product.vendor)
                .copied()
                .unwrap_or(NO_SCORE),
            usages,
            incidents,
            views,
        }
    }
}

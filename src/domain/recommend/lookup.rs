//! Indexes over the recommendation input, built once per input: a product's context (usages,
//! recent incidents, views), a vendor's usages and a category's candidate alternatives
//! found without scanning the whole input.

use super::config::RecommendationConfig;
use super::context::{ProductContext, UsageState, most_severe_first, recent};
use super::input::{AssessedSubject, Consumer, IncidentInfo, RecommendInput, Usage};
use crate::domain::InvolvementRole;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// What ranking a product as an alternative needs of its own context, whichever product it
/// replaces: worked out once per input rather than once per product of its category.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub id: i32,
    /// The lower of the product's and its vendor's score, and the higher uncertainty.
    pub score: f64,
    pub uncertainty: f64,
    /// The analysts' mean stance on it or its vendor in 0..=1; 0.5 without views.
    pub analysts: f64,
    /// The title of a severe recent incident it or its vendor originated.
    pub severe_origin: Option<String>,
}

/// What [`ProductContext::new`] finds by scanning the whole input, grouped once: positions
/// in `input.usages`, `input.incidents` and `input.assessments`, in input order.
pub struct Lookup {
    /// Usages started by the date, by product.
    usages: BTreeMap<i32, Vec<usize>>,
    /// Recent incidents' involvements naming a product, by product.
    by_product: BTreeMap<i32, Vec<(usize, InvolvementRole)>>,
    /// Recent incidents' involvements naming a vendor and no product, by vendor.
    by_vendor: BTreeMap<i32, Vec<(usize, InvolvementRole)>>,
    /// Views known on the date, by product and by vendor.
    product_views: BTreeMap<i32, Vec<usize>>,
    vendor_views: BTreeMap<i32, Vec<usize>>,
    /// Every usage by a vendor, by that vendor (the alternatives' shared-upstream exposure).
    vendor_usages: BTreeMap<i32, Vec<usize>>,
    /// Each category's products (ascending ids), and their candidacy once first asked for.
    categories: BTreeMap<i32, (Vec<i32>, OnceLock<Vec<Candidate>>)>,
}

impl Lookup {
    pub fn new(input: &RecommendInput, config: &RecommendationConfig) -> Lookup {
        let as_of = input.as_of;
        let mut index = Lookup {
            usages: BTreeMap::new(),
            by_product: BTreeMap::new(),
            by_vendor: BTreeMap::new(),
            product_views: BTreeMap::new(),
            vendor_views: BTreeMap::new(),
            vendor_usages: BTreeMap::new(),
            categories: BTreeMap::new(),
        };
        for (id, product) in &input.products {
            index
                .categories
                .entry(product.category)
                .or_default()
                .0
                .push(*id);
        }
        for (at, u) in input.usages.iter().enumerate() {
            if u.since.is_none_or(|s| s <= as_of) {
                index.usages.entry(u.product).or_default().push(at);
            }
            if let Consumer::Vendor(v) = u.consumer {
                index.vendor_usages.entry(v).or_default().push(at);
            }
        }
        for (at, incident) in input.incidents.iter().enumerate() {
            if !recent(input, incident, config) {
                continue;
            }
            // The same rule as `context::touches`: a product named, else its vendor.
            for inv in &incident.involvements {
                match (inv.product, inv.vendor) {
                    (Some(p), _) => index.by_product.entry(p).or_default(),
                    (None, Some(v)) => index.by_vendor.entry(v).or_default(),
                    (None, None) => continue,
                }
                .push((at, inv.role));
            }
        }
        for (at, a) in input.assessments.iter().enumerate() {
            if a.assessed_on > as_of {
                continue;
            }
            match a.subject {
                AssessedSubject::Product(p) => index.product_views.entry(p).or_default(),
                AssessedSubject::Vendor(v) => index.vendor_views.entry(v).or_default(),
                AssessedSubject::Incident(_) => continue,
            }
            .push(at);
        }
        index
    }

    /// The context of one product, equal to `ProductContext::new`'s.
    pub fn context<'a>(
        &self,
        input: &'a RecommendInput,
        id: i32,
        config: &RecommendationConfig,
    ) -> Option<ProductContext<'a>> {
        let product = input.products.get(&id)?;
        let as_of = input.as_of;
        let mut usages: Vec<_> = list(&self.usages, id)
            .iter()
            .filter_map(|at| input.usages.get(*at))
            .map(|u| (u, UsageState::of(u, as_of, config)))
            .collect();
        usages.sort_by_key(|(u, _)| (u.consumer, u.id));
        // Each incident once, with the strongest (lowest) role of its involvements.
        let mut roles: BTreeMap<usize, InvolvementRole> = BTreeMap::new();
        let named = list(&self.by_product, id);
        let vendor = list(&self.by_vendor, product.vendor);
        for (at, role) in named.iter().chain(vendor) {
            roles
                .entry(*at)
                .and_modify(|r| *r = (*r).min(*role))
                .or_insert(*role);
        }
        let mut incidents: Vec<(&IncidentInfo, InvolvementRole)> = roles
            .into_iter()
            .filter_map(|(at, role)| input.incidents.get(at).map(|i| (i, role)))
            .collect();
        incidents.sort_by(most_severe_first);
        let mut seen: Vec<usize> = list(&self.product_views, id)
            .iter()
            .chain(list(&self.vendor_views, product.vendor))
            .copied()
            .collect();
        seen.sort_unstable();
        let mut views: Vec<_> = seen
            .into_iter()
            .filter_map(|at| input.assessments.get(at))
            .collect();
        views.sort_by_key(|a| (a.assessed_on, a.id));
        Some(ProductContext::from_parts(
            input, id, product, usages, incidents, views,
        ))
    }
}

impl Lookup {
    /// The products of `category` as alternatives, in ascending id order; each product's
    /// context is worked out once for the whole input.
    pub fn candidates(
        &self,
        input: &RecommendInput,
        category: i32,
        config: &RecommendationConfig,
    ) -> &[Candidate] {
        let Some((ids, candidates)) = self.categories.get(&category) else {
            return &[];
        };
        candidates.get_or_init(|| {
            ids.iter()
                .filter_map(|id| self.context(input, *id, config))
                .map(|alt| Candidate::of(&alt, config))
                .collect()
        })
    }

    /// Every usage by `vendor`, whatever its dates, in input order.
    pub fn usages_by<'a>(
        &self,
        input: &'a RecommendInput,
        vendor: i32,
    ) -> impl Iterator<Item = &'a Usage> {
        list(&self.vendor_usages, vendor)
            .iter()
            .filter_map(|at| input.usages.get(*at))
    }
}

impl Candidate {
    fn of(alt: &ProductContext, config: &RecommendationConfig) -> Candidate {
        let analysts = if alt.views.is_empty() {
            0.5
        } else {
            alt.views
                .iter()
                .map(|a| super::alternatives::stance_value(a.stance))
                .sum::<f64>()
                / alt.views.len() as f64
        };
        let severe_origin = alt
            .incidents
            .iter()
            .find(|(i, role)| {
                *role == InvolvementRole::Origin && i.severity >= config.severe_severity
            })
            .map(|(i, _)| i.title.clone());
        Candidate {
            id: alt.id,
            score: alt.score(),
            uncertainty: alt.uncertainty(),
            analysts,
            severe_origin,
        }
    }
}

/// The entries under `key`, none when absent.
fn list<T>(map: &BTreeMap<i32, Vec<T>>, key: i32) -> &[T] {
    map.get(&key).map_or(&[], Vec::as_slice)
}

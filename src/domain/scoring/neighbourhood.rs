//! The part of the scoring input one vendor's score depends on: the vendor, the vendors it
//! depends on up to the model's hops, their products and every record about them.

use super::input::ScoringInput;
use rustc_hash::{FxHashMap, FxHashSet};

/// Where each vendor's part of an input is, built once per input (positions in its lists),
/// so a neighbourhood costs what it holds rather than a pass over the whole input.
#[derive(Debug, Clone, Default)]
pub struct InputIndex {
    /// Vendor id → its position in `vendors`.
    vendor_at: FxHashMap<i32, usize>,
    /// Product id → its vendor.
    vendor_of: FxHashMap<i32, i32>,
    /// Vendor → positions of its products in `products`.
    products_of: FxHashMap<i32, Vec<usize>>,
    /// Vendor → positions of its dependencies in `dependencies`.
    edges_of: FxHashMap<i32, Vec<usize>>,
    /// Vendor → positions in `evidence` of the records naming it or one of its products.
    records_of: FxHashMap<i32, Vec<usize>>,
}

impl InputIndex {
    pub fn new(input: &ScoringInput) -> InputIndex {
        let mut index = InputIndex {
            vendor_at: input
                .vendors
                .iter()
                .enumerate()
                .map(|(at, v)| (*v, at))
                .collect(),
            vendor_of: input.products.iter().copied().collect(),
            ..InputIndex::default()
        };
        for (at, (_, vendor)) in input.products.iter().enumerate() {
            index.products_of.entry(*vendor).or_default().push(at);
        }
        for (at, edge) in input.dependencies.iter().enumerate() {
            index
                .edges_of
                .entry(edge.consumer_vendor)
                .or_default()
                .push(at);
        }
        for (at, record) in input.evidence.iter().enumerate() {
            let named = record.vendors.iter().copied();
            let through_products = record
                .products
                .iter()
                .filter_map(|p| index.vendor_of.get(p).copied());
            let mut vendors: Vec<i32> = named.chain(through_products).collect();
            vendors.sort_unstable();
            vendors.dedup();
            for v in vendors {
                index.records_of.entry(v).or_default().push(at);
            }
        }
        index
    }
}

/// The positions listed under each of `keys`, in ascending order, each once.
fn positions(map: &FxHashMap<i32, Vec<usize>>, keys: &[i32]) -> Vec<usize> {
    let mut all: Vec<usize> = keys
        .iter()
        .filter_map(|k| map.get(k))
        .flatten()
        .copied()
        .collect();
    all.sort_unstable();
    all.dedup();
    all
}

impl ScoringInput {
    /// The input restricted to what scores `vendor` and its products: the vendors reached
    /// from it over dependencies (whatever their dates) within `hops` steps, all their
    /// products, every dependency of those vendors and every record naming one of them or one
    /// of their products, each list in the input's order. A book over it gives these
    /// subjects exactly the scores of a book over the whole input: a subject's evidence comes
    /// only from records naming it, its vendor or its products, and its inherited risk only
    /// from vendors within the hops. `index` must be this input's.
    pub fn around(&self, index: &InputIndex, vendor: i32, hops: usize) -> ScoringInput {
        let mut kept: FxHashSet<i32> = FxHashSet::default();
        kept.insert(vendor);
        let mut order = vec![vendor];
        let mut frontier = vec![vendor];
        for _ in 0..hops {
            let mut next = Vec::new();
            for at in positions(&index.edges_of, &frontier) {
                let product = self.dependencies[at].product;
                if let Some(upstream) = index.vendor_of.get(&product)
                    && kept.insert(*upstream)
                {
                    next.push(*upstream);
                    order.push(*upstream);
                }
            }
            frontier = next;
        }
        let mut vendors: Vec<usize> = order
            .iter()
            .filter_map(|v| index.vendor_at.get(v).copied())
            .collect();
        vendors.sort_unstable();
        ScoringInput {
            vendors: vendors.into_iter().map(|at| self.vendors[at]).collect(),
            products: positions(&index.products_of, &order)
                .into_iter()
                .map(|at| self.products[at])
                .collect(),
            evidence: positions(&index.records_of, &order)
                .into_iter()
                .map(|at| self.evidence[at].clone())
                .collect(),
            dependencies: positions(&index.edges_of, &order)
                .into_iter()
                .map(|at| self.dependencies[at].clone())
                .collect(),
        }
    }
}

//! The part of the scoring input one vendor's score depends on: the vendor, the vendors it
//! depends on up to the model's hops, their products and every record about them.

use super::input::ScoringInput;
use rustc_hash::{FxHashMap, FxHashSet};

impl ScoringInput {
    /// The input restricted to what scores `vendor` and its products: the vendors reached
    /// from it over dependencies (whatever their dates) within `hops` steps, all their
    /// products, every dependency of those vendors and every record naming one of them or one
    /// of their products. A book over it gives these subjects exactly the scores of a book
    /// over the whole input: a subject's evidence comes only from records naming it, its
    /// vendor or its products, and its inherited risk only from vendors within the hops.
    pub fn around(&self, vendor: i32, hops: usize) -> ScoringInput {
        let vendor_of: FxHashMap<i32, i32> = self.products.iter().copied().collect();
        let mut edges_of: FxHashMap<i32, Vec<usize>> = FxHashMap::default();
        for (at, edge) in self.dependencies.iter().enumerate() {
            edges_of.entry(edge.consumer_vendor).or_default().push(at);
        }
        let mut kept: FxHashSet<i32> = FxHashSet::default();
        kept.insert(vendor);
        let mut frontier = vec![vendor];
        for _ in 0..hops {
            let mut next = Vec::new();
            for v in frontier {
                for at in edges_of.get(&v).map_or(&[][..], Vec::as_slice) {
                    let product = self.dependencies[*at].product;
                    if let Some(upstream) = vendor_of.get(&product)
                        && kept.insert(*upstream)
                    {
                        next.push(*upstream);
                    }
                }
            }
            frontier = next;
        }
        let is_kept_product = |p: &i32| vendor_of.get(p).is_some_and(|v| kept.contains(v));
        ScoringInput {
            vendors: self
                .vendors
                .iter()
                .copied()
                .filter(|v| kept.contains(v))
                .collect(),
            products: self
                .products
                .iter()
                .copied()
                .filter(|(_, v)| kept.contains(v))
                .collect(),
            evidence: self
                .evidence
                .iter()
                .filter(|r| {
                    r.vendors.iter().any(|v| kept.contains(v))
                        || r.products.iter().any(is_kept_product)
                })
                .cloned()
                .collect(),
            dependencies: self
                .dependencies
                .iter()
                .filter(|d| kept.contains(&d.consumer_vendor))
                .cloned()
                .collect(),
        }
    }
}

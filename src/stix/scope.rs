//! Narrowing a pack document to one vendor or one incident and what concerns it: the
//! incidents involving it, the records those involve, its dependencies and remediations,
//! assessments of them, their analysts and sources.

use crate::store::pack::format::*;
use std::collections::BTreeSet;

type Set = BTreeSet<String>;

/// The vendor, its products, the incidents involving either, its dependencies (as consumer),
/// the remediations it took, and what those concern; `None` when there is no such vendor.
pub fn vendor(doc: &PackDocument, slug: &str) -> Option<PackDocument> {
    doc.vendors.iter().find(|v| v.slug.as_str() == slug)?;
    let vendors: Set = [slug.to_owned()].into();
    let products: Set = doc
        .products
        .iter()
        .filter(|p| p.vendor.as_str() == slug)
        .map(|p| p.slug.to_string())
        .collect();
    let incidents: Set = doc
        .incidents
        .iter()
        .filter(|i| {
            i.involvements.iter().any(|inv| {
                inv.vendor.as_ref().is_some_and(|v| v.as_str() == slug)
                    || inv
                        .product
                        .as_ref()
                        .is_some_and(|p| products.contains(p.as_str()))
            })
        })
        .map(|i| i.slug.to_string())
        .collect();
    let dependencies = keep(&doc.dependencies, |d| d.consumer == slug);
    let remediations = keep(&doc.remediations, |r| r.vendor.as_str() == slug);
    let mut picked = Picked {
        vendors,
        products,
        incidents,
        dependencies,
        remediations,
    };
    picked.close(doc);
    Some(narrow(doc, picked))
}

/// The incident, the incidents it caused or was caused by, and what those concern.
pub fn incident(doc: &PackDocument, slug: &str) -> Option<PackDocument> {
    let this = doc.incidents.iter().find(|i| i.slug.as_str() == slug)?;
    let mut incidents: Set = [slug.to_owned()].into();
    incidents.extend(this.caused_by.iter().map(|c| c.incident.to_string()));
    incidents.extend(
        doc.incidents
            .iter()
            .filter(|i| i.caused_by.iter().any(|c| c.incident.as_str() == slug))
            .map(|i| i.slug.to_string()),
    );
    let remediations = keep(&doc.remediations, |r| has(&incidents, &r.incident));
    let mut picked = Picked {
        vendors: Set::new(),
        products: Set::new(),
        incidents,
        dependencies: Vec::new(),
        remediations,
    };
    picked.close(doc);
    Some(narrow(doc, picked))
}

/// The records chosen for a bundle, before the analysts, firms, categories and sources.
struct Picked {
    vendors: Set,
    products: Set,
    incidents: Set,
    dependencies: Vec<PackDependency>,
    remediations: Vec<PackRemediation>,
}

impl Picked {
    /// Adds what the chosen records refer to: the remediations' incidents, the vendors and
    /// products the incidents involve, those of the dependencies and remediations, and the
    /// vendors of every product.
    fn close(&mut self, doc: &PackDocument) {
        for r in &self.remediations {
            self.incidents
                .extend(r.incident.iter().map(ToString::to_string));
            self.vendors.insert(r.vendor.to_string());
            self.products
                .extend(r.product.iter().map(ToString::to_string));
            self.products
                .extend(r.replacement_product.iter().map(ToString::to_string));
        }
        for d in &self.dependencies {
            if d.consumer != ORGANISATION_CONSUMER {
                self.vendors.insert(d.consumer.clone());
            }
            self.products.insert(d.product.to_string());
        }
        for i in doc
            .incidents
            .iter()
            .filter(|i| self.incidents.contains(i.slug.as_str()))
        {
            for inv in &i.involvements {
                self.vendors
                    .extend(inv.vendor.iter().map(ToString::to_string));
                self.products
                    .extend(inv.product.iter().map(ToString::to_string));
            }
        }
        for p in doc
            .products
            .iter()
            .filter(|p| self.products.contains(p.slug.as_str()))
        {
            self.vendors.insert(p.vendor.to_string());
        }
    }
}

fn has(set: &Set, slug: &Option<crate::domain::Slug>) -> bool {
    slug.as_ref().is_some_and(|s| set.contains(s.as_str()))
}

/// Keeps the chosen records, the assessments of them, and the analysts, firms, categories
/// and sources these need.
fn narrow(doc: &PackDocument, picked: Picked) -> PackDocument {
    let Picked {
        vendors,
        products,
        incidents,
        dependencies,
        remediations,
    } = picked;
    let mut out = PackDocument {
        pack: doc.pack.clone(),
        vendors: keep(&doc.vendors, |v| vendors.contains(v.slug.as_str())),
        products: keep(&doc.products, |p| products.contains(p.slug.as_str())),
        incidents: keep(&doc.incidents, |i| incidents.contains(i.slug.as_str())),
        dependencies,
        remediations,
        assessments: keep(&doc.assessments, |a| {
            has(&vendors, &a.vendor) || has(&products, &a.product) || has(&incidents, &a.incident)
        }),
        ..PackDocument::default()
    };
    let analysts: Set = out
        .assessments
        .iter()
        .map(|a| a.analyst.to_string())
        .collect();
    out.analysts = keep(&doc.analysts, |a| analysts.contains(a.slug.as_str()));
    let firms: Set = out
        .analysts
        .iter()
        .filter_map(|a| a.firm.as_ref().map(ToString::to_string))
        .collect();
    out.analyst_firms = keep(&doc.analyst_firms, |f| firms.contains(f.slug.as_str()));
    let mut categories: Set = out
        .products
        .iter()
        .map(|p| p.category.to_string())
        .collect();
    // Parents too, up the tree.
    loop {
        let parents: Set = doc
            .categories
            .iter()
            .filter(|c| categories.contains(c.slug.as_str()))
            .filter_map(|c| c.parent.as_ref().map(ToString::to_string))
            .filter(|p| !categories.contains(p))
            .collect();
        if parents.is_empty() {
            break;
        }
        categories.extend(parents);
    }
    out.categories = keep(&doc.categories, |c| categories.contains(c.slug.as_str()));
    let cited = cited_sources(&out);
    out.sources = keep(&doc.sources, |s| cited.contains(s.slug.as_str()));
    out
}

fn keep<T: Clone>(records: &[T], wanted: impl Fn(&T) -> bool) -> Vec<T> {
    records.iter().filter(|r| wanted(r)).cloned().collect()
}

/// Every source cited anywhere in the document.
fn cited_sources(doc: &PackDocument) -> Set {
    let mut all: Vec<&PackCitation> = Vec::new();
    all.extend(doc.vendors.iter().flat_map(|v| &v.citations));
    all.extend(doc.products.iter().flat_map(|p| &p.citations));
    all.extend(doc.analysts.iter().flat_map(|a| &a.citations));
    all.extend(doc.assessments.iter().flat_map(|a| &a.citations));
    all.extend(doc.dependencies.iter().flat_map(|d| &d.citations));
    all.extend(doc.remediations.iter().flat_map(|r| &r.citations));
    for i in &doc.incidents {
        all.extend(&i.citations);
        all.extend(i.involvements.iter().flat_map(|x| &x.citations));
        all.extend(i.timeline.iter().flat_map(|x| &x.citations));
        all.extend(i.caused_by.iter().flat_map(|x| &x.citations));
    }
    all.into_iter().map(|c| c.source.to_string()).collect()
}

//! What the compare page shows side by side: the vendor and product details of the vendor
//! page and the product's recommendation, reused per subject; no scoring of its own.

use super::recommendations::load_recommend_input;
use super::trust::vendor_detail_with_trust;
use crate::domain::recommend::{Portfolio, Recommendation, RecommendationConfig};
use crate::domain::scoring::ScoringConfig;
use crate::domain::views::{
    AssessmentView, DependencyView, ProductView, VendorDetail, VendorIncidentView,
};
use crate::store::curation::lookup::{Choice, vendor_choices};
use crate::store::schema::{products, vendors};
use crate::store::{DbConnection, StoreError};
use chrono::NaiveDate;
use diesel::prelude::*;
use std::collections::HashMap;

/// A product offered by the picker, with its vendor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProductChoice {
    pub slug: String,
    pub name: String,
    pub vendor_slug: String,
    pub vendor_name: String,
}

/// Everything the picker offers: vendors by name, products by name.
#[derive(Debug, Clone, Default)]
pub struct CompareChoices {
    pub vendors: Vec<Choice>,
    pub products: Vec<ProductChoice>,
}

impl CompareChoices {
    pub fn has_vendor(&self, slug: &str) -> bool {
        self.vendors.iter().any(|v| v.slug == slug)
    }

    pub fn product(&self, slug: &str) -> Option<&ProductChoice> {
        self.products.iter().find(|p| p.slug == slug)
    }
}

/// The vendors and products the picker offers.
pub fn compare_choices(conn: &mut DbConnection) -> Result<CompareChoices, StoreError> {
    let rows: Vec<(String, String, String, String)> = products::table
        .inner_join(vendors::table)
        .select((products::slug, products::name, vendors::slug, vendors::name))
        .order((products::name, products::slug))
        .load(conn)?;
    Ok(CompareChoices {
        vendors: vendor_choices(conn)?,
        products: rows
            .into_iter()
            .map(|(slug, name, vendor_slug, vendor_name)| ProductChoice {
                slug,
                name,
                vendor_slug,
                vendor_name,
            })
            .collect(),
    })
}

/// The vendors with these (known) slugs, each as its vendor page shows it on `as_of`.
pub fn compare_vendors(
    conn: &mut DbConnection,
    slugs: &[String],
    as_of: NaiveDate,
    config: &ScoringConfig,
) -> Result<Vec<VendorDetail>, StoreError> {
    conn.transaction(|conn| {
        slugs
            .iter()
            .map(|slug| vendor_detail_with_trust(conn, slug, as_of, config))
            .collect()
    })
}

/// One product's column: the product as its vendor page shows it, its own part of the
/// vendor's incidents, analyst views and dependents, and its recommendation.
#[derive(Debug, Clone)]
pub struct ProductColumn {
    pub product: ProductView,
    pub incidents: Vec<VendorIncidentView>,
    pub assessments: Vec<AssessmentView>,
    /// Who uses the product.
    pub dependents: Vec<DependencyView>,
    /// What the product's vendor uses (the product's own supply chain).
    pub vendor_dependencies: Vec<DependencyView>,
    pub recommendation: Option<Recommendation>,
}

impl ProductColumn {
    /// The product's share of its vendor's detail.
    fn of(
        vendor: &VendorDetail,
        slug: &str,
        recommendation: Option<Recommendation>,
    ) -> Option<Self> {
        let product = vendor.products.iter().find(|p| p.slug == slug)?.clone();
        let incidents = vendor
            .incidents
            .iter()
            .filter_map(|g| {
                let mine: Vec<_> = g
                    .involvements
                    .iter()
                    .filter(|i| i.product_slug.as_deref() == Some(slug))
                    .cloned()
                    .collect();
                (!mine.is_empty()).then(|| VendorIncidentView {
                    involvements: mine,
                    ..g.clone()
                })
            })
            .collect();
        Some(ProductColumn {
            product,
            incidents,
            assessments: vendor
                .assessments
                .iter()
                .filter(|a| a.subject.kind == "product" && a.subject.slug == slug)
                .cloned()
                .collect(),
            dependents: vendor
                .dependents
                .iter()
                .filter(|d| d.product_slug == slug)
                .cloned()
                .collect(),
            vendor_dependencies: vendor.dependencies.clone(),
            recommendation,
        })
    }
}

/// The products with these (known) slugs, each with its vendor's slug, on `as_of`.
pub fn compare_products(
    conn: &mut DbConnection,
    products: &[(String, String)],
    as_of: NaiveDate,
    scoring: &ScoringConfig,
    recommendation: &RecommendationConfig,
) -> Result<Vec<ProductColumn>, StoreError> {
    conn.transaction(|conn| {
        let portfolio = Portfolio::new(load_recommend_input(conn, as_of, scoring)?, recommendation);
        let mut vendors: HashMap<String, VendorDetail> = HashMap::new();
        let mut columns = Vec::with_capacity(products.len());
        for (slug, vendor_slug) in products {
            if !vendors.contains_key(vendor_slug) {
                let detail = vendor_detail_with_trust(conn, vendor_slug, as_of, scoring)?;
                vendors.insert(vendor_slug.clone(), detail);
            }
            let vendor = vendors
                .get(vendor_slug)
                .ok_or_else(|| StoreError::not_found("vendor", vendor_slug))?;
            let advice = portfolio.product(slug);
            let column = ProductColumn::of(vendor, slug, advice)
                .ok_or_else(|| StoreError::not_found("product", slug))?;
            columns.push(column);
        }
        Ok(columns)
    })
}

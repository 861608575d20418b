//! The server's reads kept per generation: the scoring input, the vendor and product
//! details, the vendor list pages most asked for, the decided portfolio, the blast-radius
//! graph and the concentration counted on it, so that a read costs a cache look-up.

use super::blast::load_blast_graph;
use super::catalog::product_scored;
use super::evidence::{ScoringCache, ScoringData, cached_scoring_data};
use super::listing::{VendorFilter, category_choices, filter_vendors};
use super::recommendations::portfolio_from;
use super::trust::vendor_detail_scored;
use super::{Page, PageRequest};
use crate::domain::blast::{BlastGraph, Concentration, concentration};
use crate::domain::recommend::{Portfolio, RecommendationConfig};
use crate::domain::scoring::ScoringConfig;
use crate::domain::views::{ProductView, VendorDetail, VendorSummary};
use crate::store::cache::Cached;
use crate::store::history::{PageRecord, RecordHistory, record_history};
use crate::store::{DbConnection, StoreError};
use chrono::NaiveDate;
use std::num::NonZeroUsize;
use std::sync::Arc;

/// How many vendor details (and as many product details) a server keeps: the pages in use,
/// at a few tens of kilobytes each.
const DETAILS_KEPT: NonZeroUsize = match NonZeroUsize::new(256) {
    Some(n) => n,
    None => NonZeroUsize::MIN,
};

/// How many decided portfolios a server keeps: each holds the recommendation engine's whole
/// input (tens of megabytes at 10,000 vendors).
const PORTFOLIOS_KEPT: NonZeroUsize = match NonZeroUsize::new(2) {
    Some(n) => n,
    None => NonZeroUsize::MIN,
};

/// A concentration and the graph it was counted on.
pub type Counted = (Arc<BlastGraph>, Concentration);

/// The categories a list may be filtered on: (slug, name), by name.
pub type Categories = Vec<(String, String)>;

/// What a server keeps to answer reads; every part is dropped when the knowledge base
/// changes.
#[derive(Debug)]
pub struct ScoredReads {
    /// The scoring engine's whole input.
    pub data: ScoringCache,
    /// Vendor details with their trust and history, by slug and date.
    vendors: Cached<(String, NaiveDate), VendorDetail>,
    /// Products with their trust, by slug and date.
    products: Cached<(String, NaiveDate), ProductView>,
    /// Pages of the vendor list, by filter and slice.
    vendor_pages: Cached<(VendorFilter, PageRequest), Page<VendorSummary>>,
    /// The categories, for the lists' filters.
    categories: Cached<(), Categories>,
    /// The latest audit entries of vendors, by slug and how many.
    vendor_histories: Cached<(String, i64), RecordHistory>,
    /// The portfolio decided, by date: today's and one looked back to.
    portfolios: Cached<NaiveDate, Portfolio>,
    /// The blast-radius graph (every vendor, product, dependency and involvement).
    blast_graph: Cached<(), BlastGraph>,
    /// The concentration of the dependencies in use, by date: today's and one looked back to.
    /// The graph travels with it, so rows are named from the graph they were counted on.
    concentrations: Cached<NaiveDate, Counted>,
}

impl Default for ScoredReads {
    fn default() -> Self {
        ScoredReads {
            data: ScoringCache::default(),
            vendors: Cached::bounded(DETAILS_KEPT),
            products: Cached::bounded(DETAILS_KEPT),
            vendor_pages: Cached::bounded(DETAILS_KEPT),
            categories: Cached::bounded(NonZeroUsize::MIN),
            vendor_histories: Cached::bounded(DETAILS_KEPT),
            portfolios: Cached::bounded(PORTFOLIOS_KEPT),
            blast_graph: Cached::bounded(NonZeroUsize::MIN),
            concentrations: Cached::bounded(PORTFOLIOS_KEPT),
        }
    }
}

impl ScoredReads {
    /// The vendor with its trust as of `as_of` (`vendor_detail_scored`), from the cache.
    pub fn vendor(
        &self,
        conn: &mut DbConnection,
        slug: &str,
        as_of: NaiveDate,
        config: &ScoringConfig,
    ) -> Result<Arc<VendorDetail>, StoreError> {
        self.scored(&self.vendors, conn, (slug, as_of), |c, data| {
            vendor_detail_scored(c, data, slug, as_of, config)
        })
    }

    /// The product with its trust as of `as_of` (`product_scored`), from the cache.
    pub fn product(
        &self,
        conn: &mut DbConnection,
        slug: &str,
        as_of: NaiveDate,
        config: &ScoringConfig,
    ) -> Result<Arc<ProductView>, StoreError> {
        self.scored(&self.products, conn, (slug, as_of), |c, data| {
            product_scored(c, data, slug, (config, as_of))
        })
    }

    /// A record scored as of a day, from `cache`, built on the cached scoring input.
    fn scored<T>(
        &self,
        cache: &Cached<(String, NaiveDate), T>,
        conn: &mut DbConnection,
        (slug, as_of): (&str, NaiveDate),
        build: impl FnOnce(&mut DbConnection, &ScoringData) -> Result<T, StoreError>,
    ) -> Result<Arc<T>, StoreError> {
        cache.get(conn, &(slug.to_owned(), as_of), |c| {
            let data = cached_scoring_data(c, &self.data)?;
            build(c, &data)
        })
    }

    /// A page of the vendor list (`filter_vendors`) under the model `model_version`, from
    /// the cache; the server has one model, so it is not part of the key.
    pub fn vendor_page(
        &self,
        conn: &mut DbConnection,
        filter: &VendorFilter,
        page: PageRequest,
        model_version: &str,
    ) -> Result<Arc<Page<VendorSummary>>, StoreError> {
        self.vendor_pages.get(conn, &(filter.clone(), page), |c| {
            filter_vendors(c, filter, page, model_version)
        })
    }

    /// Every category (`category_choices`), from the cache.
    pub fn categories(&self, conn: &mut DbConnection) -> Result<Arc<Categories>, StoreError> {
        self.categories.get(conn, &(), category_choices)
    }

    /// The portfolio decided as of `as_of` (`portfolio_from`), from the cache.
    pub fn portfolio(
        &self,
        conn: &mut DbConnection,
        as_of: NaiveDate,
        (scoring, config): (&ScoringConfig, &RecommendationConfig),
    ) -> Result<Arc<Portfolio>, StoreError> {
        self.portfolios.get(conn, &as_of, |c| {
            let data = cached_scoring_data(c, &self.data)?;
            portfolio_from(c, &data, (as_of, scoring), config)
        })
    }

    /// The blast-radius graph (`load_blast_graph`), from the cache.
    pub fn blast_graph(&self, conn: &mut DbConnection) -> Result<Arc<BlastGraph>, StoreError> {
        self.blast_graph.get(conn, &(), load_blast_graph)
    }

    /// The concentration on `as_of` (`concentration`), with the graph it was counted on, from
    /// the cache.
    pub fn concentration(
        &self,
        conn: &mut DbConnection,
        as_of: NaiveDate,
    ) -> Result<Arc<Counted>, StoreError> {
        self.concentrations.get(conn, &as_of, |c| {
            let graph = self.blast_graph(c)?;
            let counted = concentration(&graph, as_of);
            Ok::<_, StoreError>((graph, counted))
        })
    }

    /// The vendor's latest `limit` audit entries (`record_history`), from the cache.
    pub fn vendor_history(
        &self,
        conn: &mut DbConnection,
        slug: &str,
        limit: i64,
    ) -> Result<Arc<RecordHistory>, StoreError> {
        self.vendor_histories
            .get(conn, &(slug.to_owned(), limit), |c| {
                record_history(c, PageRecord::Vendor(slug), limit)
            })
    }
}

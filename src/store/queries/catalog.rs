//! The catalogue as the API lists and reads it: products (by vendor, by category, by name)
//! and dependencies (by vendor, by product), one page at a time with the total count.

use super::evidence::{ScoringData, load_scoring_data};
use super::hydrate::{dependency_views, product_views};
use super::listing::category_ids;
use super::{Page, PageRequest};
use crate::domain::scoring::{ScoreBook, Subject};
use crate::domain::views::{DependencyView, ProductView};
use crate::store::curation::lookup::{product_id, vendor_id};
use crate::store::curation::rescore::Scoring;
use crate::store::error::OrNotFound;
use crate::store::rows::{DependencyRow, ProductRow};
use crate::store::schema::{dependencies, products};
use crate::store::{DbConnection, StoreError};
use diesel::dsl::count_star;
use diesel::prelude::*;

/// Which products a list shows, and in what order.
#[derive(Debug, Clone, Default)]
pub struct ProductFilter {
    /// A vendor's slug: only its products.
    pub vendor: Option<String>,
    /// A category's slug: only products in it or in one of its subcategories.
    pub category: Option<String>,
    /// By name, reversed when true.
    pub descending: bool,
}

/// Which dependencies a list shows.
#[derive(Debug, Clone, Default)]
pub struct DependencyFilter {
    /// A vendor's slug: the dependencies it consumes or whose product it supplies.
    pub vendor: Option<String>,
    /// A product's slug: the dependencies on it.
    pub product: Option<String>,
}

/// A filter naming a record that does not exist: the parameter's name.
pub type UnknownFilter = &'static str;

/// The products matching `filter`, by name then slug; a filter naming an unknown vendor or
/// category is answered as such.
pub fn filter_products(
    conn: &mut DbConnection,
    filter: &ProductFilter,
    page: PageRequest,
) -> Result<Result<Page<ProductView>, UnknownFilter>, StoreError> {
    let vendor = match &filter.vendor {
        Some(slug) => match vendor_id(conn, slug)? {
            Some(id) => Some(id),
            None => return Ok(Err("vendor")),
        },
        None => None,
    };
    let categories = match &filter.category {
        Some(slug) => match category_ids(conn, slug)? {
            ids if ids.is_empty() => return Ok(Err("category")),
            ids => Some(ids),
        },
        None => None,
    };
    macro_rules! filtered {
        () => {{
            let mut q = products::table.into_boxed::<crate::store::connection::MultiBackend>();
            if let Some(id) = vendor {
                q = q.filter(products::vendor_id.eq(id));
            }
            if let Some(ids) = &categories {
                q = q.filter(products::category_id.eq_any(ids.clone()));
            }
            q
        }};
    }
    let total: i64 = filtered!().select(count_star()).first(conn)?;
    let query = filtered!().select(ProductRow::as_select());
    let query = if filter.descending {
        query.order((products::name.desc(), products::slug.desc()))
    } else {
        query.order((products::name.asc(), products::slug.asc()))
    };
    let rows: Vec<ProductRow> = query.limit(page.limit).offset(page.offset).load(conn)?;
    let items = product_views(conn, &rows)?;
    Ok(Ok(Page { items, total }))
}

/// The product with this slug, with its trust score as of the day asked for.
pub fn product_with_trust(
    conn: &mut DbConnection,
    slug: &str,
    scoring: Scoring<'_>,
) -> Result<ProductView, StoreError> {
    let data = load_scoring_data(conn)?;
    product_scored(conn, &data, slug, scoring)
}

/// [`product_with_trust`] from scoring data already loaded; only the product's vendor's
/// neighbourhood (`ScoringInput::around`) is scored.
pub fn product_scored(
    conn: &mut DbConnection,
    data: &ScoringData,
    slug: &str,
    (config, as_of): Scoring<'_>,
) -> Result<ProductView, StoreError> {
    let row: ProductRow = products::table
        .filter(products::slug.eq(slug))
        .select(ProductRow::as_select())
        .first(conn)
        .or_not_found("product", slug)?;
    let mut view = product_views(conn, std::slice::from_ref(&row))?
        .pop()
        .ok_or_else(|| StoreError::not_found("product", slug))?;
    let input = data
        .input
        .around(&data.index, row.vendor_id, config.max_hops);
    view.trust = ScoreBook::new(&input, as_of, config).explain(Subject::Product(row.id));
    Ok(view)
}

/// The dependencies matching `filter`, by id; a filter naming an unknown vendor or product
/// is answered as such.
pub fn filter_dependencies(
    conn: &mut DbConnection,
    filter: &DependencyFilter,
    page: PageRequest,
) -> Result<Result<Page<DependencyView>, UnknownFilter>, StoreError> {
    let vendor = match &filter.vendor {
        Some(slug) => match vendor_id(conn, slug)? {
            Some(id) => Some(id),
            None => return Ok(Err("vendor")),
        },
        None => None,
    };
    let product = match &filter.product {
        Some(slug) => match product_id(conn, slug)? {
            Some(id) => Some(id),
            None => return Ok(Err("product")),
        },
        None => None,
    };
    macro_rules! filtered {
        () => {{
            let mut q = dependencies::table.into_boxed::<crate::store::connection::MultiBackend>();
            if let Some(id) = vendor {
                let supplied = products::table
                    .filter(products::vendor_id.eq(id))
                    .select(products::id);
                q = q.filter(
                    dependencies::consumer_vendor_id
                        .eq(id)
                        .or(dependencies::product_id.eq_any(supplied)),
                );
            }
            if let Some(id) = product {
                q = q.filter(dependencies::product_id.eq(id));
            }
            q
        }};
    }
    let total: i64 = filtered!().select(count_star()).first(conn)?;
    let rows: Vec<DependencyRow> = filtered!()
        .select(DependencyRow::as_select())
        .order(dependencies::id.asc())
        .limit(page.limit)
        .offset(page.offset)
        .load(conn)?;
    let items = dependency_views(conn, &rows)?;
    Ok(Ok(Page { items, total }))
}

/// The dependency with this id, as lists show it.
pub fn dependency_view(conn: &mut DbConnection, id: i32) -> Result<DependencyView, StoreError> {
    let row: DependencyRow = dependencies::table
        .find(id)
        .select(DependencyRow::as_select())
        .first(conn)
        .or_not_found("dependency", id.to_string())?;
    dependency_views(conn, std::slice::from_ref(&row))?
        .pop()
        .ok_or_else(|| StoreError::not_found("dependency", id.to_string()))
}

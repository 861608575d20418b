//! The assessments the API lists: by analyst, about a product, or about a vendor (the vendor
//! itself or one of its products), most recent first.

use crate::store::schema::{assessments, products};
use crate::store::{DbConnection, StoreError};
use diesel::prelude::*;

/// Which assessments are listed (ids; none: every assessment).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AssessmentFilter {
    pub vendor: Option<i32>,
    pub product: Option<i32>,
    pub analyst: Option<i32>,
}

/// The slugs of the assessments the filter keeps, most recently assessed first.
pub fn assessment_slugs(
    conn: &mut DbConnection,
    filter: AssessmentFilter,
) -> Result<Vec<String>, StoreError> {
    let mut query = assessments::table
        .select(assessments::slug)
        .order((assessments::assessed_on.desc(), assessments::slug))
        .into_boxed();
    if let Some(vendor) = filter.vendor {
        let theirs = products::table
            .filter(products::vendor_id.eq(vendor))
            .select(products::id.nullable());
        query = query.filter(
            assessments::vendor_id
                .eq(vendor)
                .or(assessments::product_id.eq_any(theirs)),
        );
    }
    if let Some(product) = filter.product {
        query = query.filter(assessments::product_id.eq(product));
    }
    if let Some(analyst) = filter.analyst {
        query = query.filter(assessments::analyst_id.eq(analyst));
    }
    Ok(query.load(conn)?)
}

//! A vendor page's trust: the vendor's and its products' scores as of a date with their
//! explanations, and the vendor's score history up to that date, from the same function.

use super::evidence::{ScoringData, load_scoring_data};
use super::vendors::vendor_detail;
use crate::domain::scoring::history::history_dates;
use crate::domain::scoring::{ScoreBook, ScoringConfig, Subject};
use crate::domain::views::{HistoryPoint, VendorDetail};
use crate::store::{DbConnection, StoreError};
use chrono::NaiveDate;

/// Most points a history chart shows.
pub const HISTORY_POINTS: usize = 48;

/// The vendor's detail with its trust score, its products' scores and its history.
pub fn vendor_detail_with_trust(
    conn: &mut DbConnection,
    slug: &str,
    as_of: NaiveDate,
    config: &ScoringConfig,
) -> Result<VendorDetail, StoreError> {
    let data = load_scoring_data(conn)?;
    vendor_detail_scored(conn, &data, slug, as_of, config)
}

/// [`vendor_detail_with_trust`] from scoring data already loaded (the server keeps it in
/// memory while the knowledge base's generation stands). Only the vendor's neighbourhood
/// (`ScoringInput::around`) is scored, for the date asked and each point of the history.
pub fn vendor_detail_scored(
    conn: &mut DbConnection,
    data: &ScoringData,
    slug: &str,
    as_of: NaiveDate,
    config: &ScoringConfig,
) -> Result<VendorDetail, StoreError> {
    let mut detail = vendor_detail(conn, slug)?;
    let vendor_id = *data
        .vendor_ids
        .get(slug)
        .ok_or_else(|| StoreError::not_found("vendor", slug))?;
    let input = data.input.around(&data.index, vendor_id, config.max_hops);
    // One book for the date asked for; only the subjects shown are explained.
    let book = ScoreBook::new(&input, as_of, config);
    detail.trust = book.explain(Subject::Vendor(vendor_id));
    for product in &mut detail.products {
        let id = data.product_ids.get(&product.slug).copied();
        product.trust = id.and_then(|id| book.explain(Subject::Product(id)));
    }
    // The history needs only the vendor's opinion at each date, not explanations.
    if let Some(first) = data.first_known {
        detail.history = history_dates(first, as_of, HISTORY_POINTS)
            .into_iter()
            .filter_map(|date| {
                let o = ScoreBook::new(&input, date, config).opinion(Subject::Vendor(vendor_id))?;
                Some(HistoryPoint {
                    date,
                    score: o.score(),
                    low: o.belief * 100.0,
                    high: (o.belief + o.uncertainty) * 100.0,
                    unknown: o.uncertainty >= config.unknown_uncertainty,
                })
            })
            .collect();
    }
    Ok(detail)
}

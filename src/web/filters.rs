//! Askama filters for the templates: dates in the "16 Mar 2021" form.
//! Templates import them through the `filters` module in scope of each template struct.

use chrono::NaiveDate;

/// "16 Mar 2021".
#[askama::filter_fn]
pub fn day(date: &NaiveDate, _: &dyn askama::Values) -> askama::Result<String> {
    Ok(date.format("%-d %b %Y").to_string())
}

/// "16 Mar 2021", or an en dash when the date is unknown.
#[askama::filter_fn]
pub fn day_or_dash(date: &Option<NaiveDate>, _: &dyn askama::Values) -> askama::Result<String> {
    Ok(date.map_or_else(|| "–".to_owned(), |d| d.format("%-d %b %Y").to_string()))
}

//! Look-ups the curation forms need: slug → id for vendors, products, categories and
//! incidents, whether a slug is taken, and the choices offered by the forms' menus.

use crate::store::schema::{categories, incidents, products, remediations, vendors};
use crate::store::{DbConnection, StoreError};
use diesel::prelude::*;

/// A record offered in a form's menu: its slug and its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub slug: String,
    pub name: String,
}

pub fn vendor_id(conn: &mut DbConnection, slug: &str) -> Result<Option<i32>, StoreError> {
    Ok(vendors::table
        .filter(vendors::slug.eq(slug))
        .select(vendors::id)
        .first(conn)
        .optional()?)
}

pub fn product_id(conn: &mut DbConnection, slug: &str) -> Result<Option<i32>, StoreError> {
    Ok(products::table
        .filter(products::slug.eq(slug))
        .select(products::id)
        .first(conn)
        .optional()?)
}

pub fn category_id(conn: &mut DbConnection, slug: &str) -> Result<Option<i32>, StoreError> {
    Ok(categories::table
        .filter(categories::slug.eq(slug))
        .select(categories::id)
        .first(conn)
        .optional()?)
}

pub fn incident_id(conn: &mut DbConnection, slug: &str) -> Result<Option<i32>, StoreError> {
    Ok(incidents::table
        .filter(incidents::slug.eq(slug))
        .select(incidents::id)
        .first(conn)
        .optional()?)
}

pub fn remediation_slug_taken(conn: &mut DbConnection, slug: &str) -> Result<bool, StoreError> {
    let n: i64 = remediations::table
        .filter(remediations::slug.eq(slug))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

/// The vendor with this slug: its id and name, or not found.
pub fn vendor_named(conn: &mut DbConnection, slug: &str) -> Result<Choice, StoreError> {
    vendors::table
        .filter(vendors::slug.eq(slug))
        .select((vendors::slug, vendors::name))
        .first::<(String, String)>(conn)
        .optional()?
        .map(|(slug, name)| Choice { slug, name })
        .ok_or_else(|| StoreError::not_found("vendor", slug))
}

/// The incident with this slug: its slug and title, or not found.
pub fn incident_named(conn: &mut DbConnection, slug: &str) -> Result<Choice, StoreError> {
    incidents::table
        .filter(incidents::slug.eq(slug))
        .select((incidents::slug, incidents::title))
        .first::<(String, String)>(conn)
        .optional()?
        .map(|(slug, name)| Choice { slug, name })
        .ok_or_else(|| StoreError::not_found("incident", slug))
}

fn choices(rows: Vec<(String, String)>) -> Vec<Choice> {
    rows.into_iter()
        .map(|(slug, name)| Choice { slug, name })
        .collect()
}

/// Every category, by name.
pub fn category_choices(conn: &mut DbConnection) -> Result<Vec<Choice>, StoreError> {
    let rows = categories::table
        .select((categories::slug, categories::name))
        .order(categories::name)
        .load(conn)?;
    Ok(choices(rows))
}

/// Every vendor, by name.
pub fn vendor_choices(conn: &mut DbConnection) -> Result<Vec<Choice>, StoreError> {
    let rows = vendors::table
        .select((vendors::slug, vendors::name))
        .order(vendors::name)
        .load(conn)?;
    Ok(choices(rows))
}

/// Every product, by name.
pub fn product_choices(conn: &mut DbConnection) -> Result<Vec<Choice>, StoreError> {
    let rows = products::table
        .select((products::slug, products::name))
        .order(products::name)
        .load(conn)?;
    Ok(choices(rows))
}

/// Every incident, by title.
pub fn incident_choices(conn: &mut DbConnection) -> Result<Vec<Choice>, StoreError> {
    let rows = incidents::table
        .select((incidents::slug, incidents::title))
        .order(incidents::title)
        .load(conn)?;
    Ok(choices(rows))
}

/// The records whose slugs the curation forms choose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlugOf {
    Vendor,
    Product,
    Incident,
    Remediation,
}

/// Whether a record of this kind already has `slug`.
pub fn slug_taken(conn: &mut DbConnection, of: SlugOf, slug: &str) -> Result<bool, StoreError> {
    Ok(match of {
        SlugOf::Vendor => vendor_id(conn, slug)?.is_some(),
        SlugOf::Product => product_id(conn, slug)?.is_some(),
        SlugOf::Incident => incident_id(conn, slug)?.is_some(),
        SlugOf::Remediation => remediation_slug_taken(conn, slug)?,
    })
}

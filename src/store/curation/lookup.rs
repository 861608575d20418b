//! Look-ups the curation forms need: slug → id for each curated kind, refusals of unknown or
//! taken slugs, id → slug, and the choices offered by the forms' menus.

use super::Refused;
use crate::domain::Slug;
use crate::i18n::Message;
use crate::store::error::OrNotFound;
use crate::store::schema::{
    analyst_firms, analysts, assessments, categories, incidents, products, remediations, vendors,
};
use crate::store::{DbConnection, StoreError};
use diesel::prelude::*;

/// A record offered in a form's menu: its slug and its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub slug: String,
    pub name: String,
}

/// Defines a look-up of the id of the `$table` row with a slug.
macro_rules! id_by_slug {
    ($(#[$doc:meta])* $name:ident, $table:ident) => {
        $(#[$doc])*
        pub fn $name(conn: &mut DbConnection, slug: &str) -> Result<Option<i32>, StoreError> {
            Ok($table::table
                .filter($table::slug.eq(slug))
                .select($table::id)
                .first(conn)
                .optional()?)
        }
    };
}

id_by_slug!(vendor_id, vendors);
id_by_slug!(product_id, products);
id_by_slug!(category_id, categories);
id_by_slug!(incident_id, incidents);
id_by_slug!(remediation_id, remediations);
id_by_slug!(assessment_id, assessments);
id_by_slug!(
    /// The id of the analyst with this slug, if any.
    analyst_id,
    analysts
);
id_by_slug!(
    /// The id of the analyst firm with this slug, if any.
    firm_id,
    analyst_firms
);

/// A slug-to-id look-up of one kind of record ([`vendor_id`], [`product_id`]…).
pub(super) type FindId = fn(&mut DbConnection, &str) -> Result<Option<i32>, StoreError>;

/// The id `find` gives for `slug`; when there is none, refused on `field` with the message
/// `message` (its `$slug` the slug).
pub(super) fn known_id(
    conn: &mut DbConnection,
    find: FindId,
    slug: &Slug,
    (field, message): (&'static str, &'static str),
    refused: &mut Refused,
) -> Result<Option<i32>, StoreError> {
    let id = find(conn, slug.as_str())?;
    if id.is_none() {
        refused.add(field, Message::new(message).with("slug", slug.as_str()));
    }
    Ok(id)
}

/// [`known_id`] for a slug that may be absent (then `None`, nothing refused).
pub(super) fn known_opt(
    conn: &mut DbConnection,
    find: FindId,
    slug: Option<&Slug>,
    refusal: (&'static str, &'static str),
    refused: &mut Refused,
) -> Result<Option<i32>, StoreError> {
    let Some(slug) = slug else { return Ok(None) };
    known_id(conn, find, slug, refusal, refused)
}

/// Refuses `slug` on the field `slug` with the message `message` when `find` finds a record
/// with it already.
pub(super) fn refuse_taken(
    conn: &mut DbConnection,
    find: FindId,
    slug: &Slug,
    message: &'static str,
    refused: &mut Refused,
) -> Result<(), StoreError> {
    if find(conn, slug.as_str())?.is_some() {
        refused.add("slug", Message::new(message).with("slug", slug.as_str()));
    }
    Ok(())
}

/// The slug of the vendor with this id (none without an id).
pub(super) fn vendor_slug(
    conn: &mut DbConnection,
    id: Option<i32>,
) -> Result<Option<String>, StoreError> {
    let slug = |id| vendors::table.find(id).select(vendors::slug).first(conn);
    Ok(id.map(slug).transpose()?)
}

/// The slug of the product with this id (none without an id).
pub(super) fn product_slug(
    conn: &mut DbConnection,
    id: Option<i32>,
) -> Result<Option<String>, StoreError> {
    let slug = |id| products::table.find(id).select(products::slug).first(conn);
    Ok(id.map(slug).transpose()?)
}

/// The vendor with this slug: its id and name, or not found.
pub fn vendor_named(conn: &mut DbConnection, slug: &str) -> Result<Choice, StoreError> {
    vendors::table
        .filter(vendors::slug.eq(slug))
        .select((vendors::slug, vendors::name))
        .first::<(String, String)>(conn)
        .or_not_found("vendor", slug)
        .map(|(slug, name)| Choice { slug, name })
}

/// The incident with this slug: its slug and title, or not found.
pub fn incident_named(conn: &mut DbConnection, slug: &str) -> Result<Choice, StoreError> {
    incidents::table
        .filter(incidents::slug.eq(slug))
        .select((incidents::slug, incidents::title))
        .first::<(String, String)>(conn)
        .or_not_found("incident", slug)
        .map(|(slug, name)| Choice { slug, name })
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
    Analyst,
    Firm,
    Assessment,
}

/// Whether a record of this kind already has `slug`.
pub fn slug_taken(conn: &mut DbConnection, of: SlugOf, slug: &str) -> Result<bool, StoreError> {
    Ok(match of {
        SlugOf::Vendor => vendor_id(conn, slug)?.is_some(),
        SlugOf::Product => product_id(conn, slug)?.is_some(),
        SlugOf::Incident => incident_id(conn, slug)?.is_some(),
        SlugOf::Remediation => remediation_id(conn, slug)?.is_some(),
        SlugOf::Analyst => analyst_id(conn, slug)?.is_some(),
        SlugOf::Firm => firm_id(conn, slug)?.is_some(),
        SlugOf::Assessment => assessment_id(conn, slug)?.is_some(),
    })
}

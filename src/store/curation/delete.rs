//! Deleting a vendor or a product: refused, with the list of what references it, while
//! anything does; otherwise the row, its stored scores and an audit record (before values).

use super::create::PRODUCT;
use super::references::add_citations;
use crate::domain::audit::Actor;
use crate::store::audit::record_delete;
use crate::store::error::OrNotFound;
use crate::store::history::VENDOR;
use crate::store::rows::CitedRecord;
use crate::store::schema::*;
use crate::store::{DbConnection, StoreError};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde_json::json;

/// The record a delete is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deletable<'a> {
    Vendor(&'a str),
    Product(&'a str),
}

/// A kind of record that references the one to delete (a catalogue message id counting them
/// with `$count`), with the labels (slugs, citation numbers) of those that do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub kind: &'static str,
    pub labels: Vec<String>,
}

/// The record to delete as its confirmation page shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeleteCheck {
    pub id: i32,
    pub slug: String,
    pub name: String,
    /// The vendor page to go back to.
    pub vendor_slug: String,
    /// Empty when nothing references it.
    pub references: Vec<Reference>,
}

/// Adds the records of one kind that reference the record, if any.
pub(super) fn push(list: &mut Vec<Reference>, kind: &'static str, labels: Vec<String>) {
    if !labels.is_empty() {
        list.push(Reference { kind, labels });
    }
}

/// Records without a slug (citations, our own dependencies) named by their numbers: "#12".
pub(super) fn numbered(ids: Vec<i32>) -> Vec<String> {
    ids.into_iter().map(|id| format!("#{id}")).collect()
}

fn vendor_references(conn: &mut DbConnection, id: i32) -> Result<Vec<Reference>, StoreError> {
    let mut list = Vec::new();
    let products: Vec<String> = products::table
        .filter(products::vendor_id.eq(id))
        .select(products::slug)
        .order(products::slug)
        .load(conn)?;
    push(&mut list, "ref-products", products);
    let used: Vec<String> = dependencies::table
        .inner_join(products::table)
        .filter(dependencies::consumer_vendor_id.eq(id))
        .select(products::slug)
        .load(conn)?;
    push(&mut list, "ref-dependencies-consumer", used);
    let incidents: Vec<String> = incident_involvements::table
        .inner_join(incidents::table)
        .filter(incident_involvements::vendor_id.eq(id))
        .select(incidents::slug)
        .load(conn)?;
    push(&mut list, "ref-involvements", incidents);
    let remediations: Vec<String> = remediations::table
        .filter(remediations::vendor_id.eq(id))
        .select(remediations::slug)
        .load(conn)?;
    push(&mut list, "ref-remediations", remediations);
    let assessments: Vec<String> = assessments::table
        .filter(assessments::vendor_id.eq(id))
        .select(assessments::slug)
        .load(conn)?;
    push(&mut list, "ref-assessments", assessments);
    let reviews = crate::store::reviews::read::reviews_of(conn, (Some(id), None))?;
    push(&mut list, "ref-reviews", reviews);
    add_citations(conn, &mut list, "ref-citations", (CitedRecord::Vendor, id))?;
    Ok(list)
}

fn product_references(conn: &mut DbConnection, id: i32) -> Result<Vec<Reference>, StoreError> {
    let mut list = Vec::new();
    let consumers: Vec<String> = dependencies::table
        .inner_join(vendors::table.on(dependencies::consumer_vendor_id.eq(vendors::id.nullable())))
        .filter(dependencies::product_id.eq(id))
        .select(vendors::slug)
        .order(vendors::slug)
        .load(conn)?;
    push(&mut list, "ref-dependencies", consumers);
    let ours: Vec<i32> = dependencies::table
        .filter(dependencies::product_id.eq(id))
        .filter(dependencies::consumer_vendor_id.is_null())
        .select(dependencies::id)
        .load(conn)?;
    push(&mut list, "ref-dependencies-ours", numbered(ours));
    let incidents: Vec<String> = incident_involvements::table
        .inner_join(incidents::table)
        .filter(incident_involvements::product_id.eq(id))
        .select(incidents::slug)
        .load(conn)?;
    push(&mut list, "ref-involvements", incidents);
    let remediations: Vec<String> = remediations::table
        .filter(
            remediations::product_id
                .eq(id)
                .or(remediations::replacement_product_id.eq(id)),
        )
        .select(remediations::slug)
        .load(conn)?;
    push(&mut list, "ref-remediations", remediations);
    let assessments: Vec<String> = assessments::table
        .filter(assessments::product_id.eq(id))
        .select(assessments::slug)
        .load(conn)?;
    push(&mut list, "ref-assessments", assessments);
    let reviews = crate::store::reviews::read::reviews_of(conn, (None, Some(id)))?;
    push(&mut list, "ref-reviews", reviews);
    add_citations(conn, &mut list, "ref-citations", (CitedRecord::Product, id))?;
    Ok(list)
}

/// The record and what references it; not found when it does not exist.
pub fn delete_check(
    conn: &mut DbConnection,
    what: Deletable<'_>,
) -> Result<DeleteCheck, StoreError> {
    match what {
        Deletable::Vendor(slug) => {
            let (id, name) = vendors::table
                .filter(vendors::slug.eq(slug))
                .select((vendors::id, vendors::name))
                .first::<(i32, String)>(conn)
                .or_not_found("vendor", slug)?;
            Ok(DeleteCheck {
                id,
                slug: slug.to_owned(),
                name,
                vendor_slug: slug.to_owned(),
                references: vendor_references(conn, id)?,
            })
        }
        Deletable::Product(slug) => {
            let (id, name, vendor_slug) = products::table
                .inner_join(vendors::table)
                .filter(products::slug.eq(slug))
                .select((products::id, products::name, vendors::slug))
                .first::<(i32, String, String)>(conn)
                .or_not_found("product", slug)?;
            Ok(DeleteCheck {
                id,
                slug: slug.to_owned(),
                name,
                vendor_slug,
                references: product_references(conn, id)?,
            })
        }
    }
}

/// Deletes the record when nothing references it (with its stored scores and an audit record
/// holding its fields before); otherwise writes nothing. Returns the check either way.
pub fn delete_record(
    conn: &mut DbConnection,
    actor: &Actor,
    what: Deletable<'_>,
    now: NaiveDateTime,
) -> Result<DeleteCheck, StoreError> {
    conn.write_transaction(|conn| {
        let check = delete_check(conn, what)?;
        if !check.references.is_empty() {
            return Ok(check);
        }
        let (entity, before) = match what {
            Deletable::Vendor(_) => {
                let (tier, status, website, description): (
                    String,
                    String,
                    Option<String>,
                    Option<String>,
                ) = vendors::table
                    .find(check.id)
                    .select((
                        vendors::tier,
                        vendors::status,
                        vendors::website,
                        vendors::description,
                    ))
                    .first(conn)?;
                diesel::delete(
                    score_snapshots::table.filter(score_snapshots::vendor_id.eq(check.id)),
                )
                .execute(conn)?;
                diesel::delete(vendors::table.find(check.id)).execute(conn)?;
                let before = json!({
                    "slug": check.slug, "name": check.name, "tier": tier, "status": status,
                    "website": website, "description": description,
                });
                (VENDOR, before)
            }
            Deletable::Product(_) => {
                let (category, description): (String, Option<String>) = products::table
                    .inner_join(categories::table)
                    .filter(products::id.eq(check.id))
                    .select((categories::slug, products::description))
                    .first(conn)?;
                diesel::delete(
                    score_snapshots::table.filter(score_snapshots::product_id.eq(check.id)),
                )
                .execute(conn)?;
                diesel::delete(products::table.find(check.id)).execute(conn)?;
                let before = json!({
                    "slug": check.slug, "vendor": check.vendor_slug, "name": check.name,
                    "category": category, "description": description,
                });
                (PRODUCT, before)
            }
        };
        record_delete(conn, actor, (entity, check.id, &check.slug), before, now)?;
        Ok(check)
    })
}

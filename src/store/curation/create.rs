//! Creating a vendor or a product from validated values: a taken slug or an unknown category
//! is refused on its field; otherwise the record and its audit record land in one transaction.

use super::lookup::{category_id, product_id, vendor_id};
use super::{Checked, Refused};
use crate::domain::audit::{Actor, Change};
use crate::domain::scoring::ScoringConfig;
use crate::domain::{AuditAction, Line, Slug, Text, Tier, VendorStatus, WebUrl};
use crate::i18n::Message;
use crate::store::audit::record;
use crate::store::history::VENDOR;
use crate::store::insert::{NewProduct, NewVendor, insert_returning_id};
use crate::store::snapshots::refresh_snapshots;
use crate::store::{DbConnection, StoreError};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde_json::{Value, json};

/// The audit trail's name for products (entity id: database id; label: slug).
pub const PRODUCT: &str = "product";

/// Appends a create record (after values only) for a new record.
pub(super) fn audit_created(
    conn: &mut DbConnection,
    actor: &Actor,
    entity: &'static str,
    id: i32,
    label: &str,
    after: Value,
    now: NaiveDateTime,
) -> Result<(), StoreError> {
    let change = Change {
        action: AuditAction::Create,
        entity,
        entity_id: id.to_string(),
        label: label.to_owned(),
        before: None,
        after: Some(after),
    };
    record(conn, actor, &change, now)
}

/// A new vendor, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VendorValues {
    pub slug: Slug,
    pub name: Line,
    pub tier: Tier,
    pub status: VendorStatus,
    pub website: Option<WebUrl>,
    pub description: Option<Text>,
}

/// Creates a vendor; returns its id, or the slug refused when another vendor has it. Today's
/// snapshots are refreshed so that lists show the new vendor's (unknown) score at once.
pub fn create_vendor(
    conn: &mut DbConnection,
    actor: &Actor,
    v: &VendorValues,
    (config, today): (&ScoringConfig, NaiveDate),
    now: NaiveDateTime,
) -> Result<Checked<i32>, StoreError> {
    conn.transaction(|conn| {
        if vendor_id(conn, v.slug.as_str())?.is_some() {
            let mut refused = Refused::default();
            refused.add(
                "slug",
                Message::new("err-vendor-slug-taken").with("slug", v.slug.as_str()),
            );
            return Ok(Err(refused));
        }
        let row = NewVendor {
            slug: v.slug.as_str(),
            name: v.name.as_str(),
            tier: v.tier.as_str(),
            status: v.status.as_str(),
            website: v.website.as_ref().map(WebUrl::as_str),
            description: v.description.as_ref().map(Text::as_str),
            synthetic: false,
        };
        let id = insert_returning_id!(&mut *conn, vendors, &row)?;
        let after = json!({
            "slug": v.slug, "name": v.name, "tier": v.tier, "status": v.status,
            "website": v.website, "description": v.description,
        });
        audit_created(conn, actor, VENDOR, id, v.slug.as_str(), after, now)?;
        refresh_snapshots(conn, today, config, now)?;
        Ok(Ok(id))
    })
}

/// A new product of a vendor, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProductValues {
    pub slug: Slug,
    pub name: Line,
    pub category: Slug,
    pub description: Option<Text>,
}

/// Creates a product of the vendor with slug `vendor`; returns its id, or the fields refused
/// (slug taken, category unknown). A missing vendor is not found. Today's snapshots are
/// refreshed (the product's own score; its vendor's does not move without evidence).
pub fn create_product(
    conn: &mut DbConnection,
    actor: &Actor,
    vendor: &str,
    p: &ProductValues,
    (config, today): (&ScoringConfig, NaiveDate),
    now: NaiveDateTime,
) -> Result<Checked<i32>, StoreError> {
    conn.transaction(|conn| {
        let vendor_id =
            vendor_id(conn, vendor)?.ok_or_else(|| StoreError::not_found("vendor", vendor))?;
        let mut refused = Refused::default();
        if product_id(conn, p.slug.as_str())?.is_some() {
            refused.add(
                "slug",
                Message::new("err-product-slug-taken").with("slug", p.slug.as_str()),
            );
        }
        let category = category_id(conn, p.category.as_str())?;
        if category.is_none() {
            refused.add(
                "category",
                Message::new("err-no-category").with("slug", p.category.as_str()),
            );
        }
        let Some(category_id) = category.filter(|_| refused.is_empty()) else {
            return Ok(Err(refused));
        };
        let row = NewProduct {
            slug: p.slug.as_str(),
            vendor_id,
            category_id,
            name: p.name.as_str(),
            description: p.description.as_ref().map(Text::as_str),
        };
        let id = insert_returning_id!(&mut *conn, products, &row)?;
        let after = json!({
            "slug": p.slug, "vendor": vendor, "name": p.name, "category": p.category,
            "description": p.description,
        });
        audit_created(conn, actor, PRODUCT, id, p.slug.as_str(), after, now)?;
        refresh_snapshots(conn, today, config, now)?;
        Ok(Ok(id))
    })
}

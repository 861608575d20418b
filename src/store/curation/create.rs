//! Creating a vendor or a product from validated values: a taken slug or an unknown category
//! is refused on its field; otherwise the record and its audit record land in one transaction.

use super::lookup::{category_id, known_id, product_id, refuse_taken, vendor_id};
use super::{Checked, Refused};
use crate::domain::audit::Actor;
use crate::domain::scoring::ScoringConfig;
use crate::domain::{Line, Slug, Text, Tier, VendorStatus, WebUrl};
use crate::store::audit::record_create;
use crate::store::history::VENDOR;
use crate::store::insert::{NewProduct, NewVendor, insert_returning_id};
use crate::store::snapshots::refresh_snapshots;
use crate::store::{DbConnection, StoreError};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde_json::json;

/// The audit trail's name for products (entity id: database id; label: slug).
pub const PRODUCT: &str = "product";

/// How an unknown category is refused (field, message).
pub(super) const NO_CATEGORY: (&str, &str) = ("category", "err-no-category");

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
    conn.write_transaction(|conn| {
        let mut refused = Refused::default();
        refuse_taken(
            conn,
            vendor_id,
            &v.slug,
            "err-vendor-slug-taken",
            &mut refused,
        )?;
        if let Err(refused) = refused.check() {
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
        record_create(conn, actor, (VENDOR, id, v.slug.as_str()), after, now)?;
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
    conn.write_transaction(|conn| {
        let vendor_id =
            vendor_id(conn, vendor)?.ok_or_else(|| StoreError::not_found("vendor", vendor))?;
        let mut refused = Refused::default();
        refuse_taken(
            conn,
            product_id,
            &p.slug,
            "err-product-slug-taken",
            &mut refused,
        )?;
        let category = known_id(conn, category_id, &p.category, NO_CATEGORY, &mut refused)?;
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
        record_create(conn, actor, (PRODUCT, id, p.slug.as_str()), after, now)?;
        refresh_snapshots(conn, today, config, now)?;
        Ok(Ok(id))
    })
}

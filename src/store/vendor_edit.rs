//! Editing a vendor's own fields (name, tier, status, website, description): the change and its
//! audit record are written in one transaction; an edit that changes nothing writes nothing.

use super::audit::record_update;
use super::error::{OrNotFound, parse_stored};
use super::history::VENDOR;
use super::rows::VendorRow;
use super::schema::vendors;
use super::{DbConnection, StoreError};
use crate::domain::audit::Actor;
use crate::domain::{Line, Text, Tier, VendorStatus, WebUrl};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde_json::json;

/// A vendor's editable fields as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditableVendor {
    pub id: i32,
    pub slug: String,
    pub name: String,
    pub tier: Tier,
    pub status: VendorStatus,
    pub website: Option<String>,
    pub description: Option<String>,
}

impl EditableVendor {
    fn from_row(row: VendorRow) -> Result<EditableVendor, StoreError> {
        Ok(EditableVendor {
            tier: parse_stored("vendors.tier", &row.tier)?,
            status: parse_stored("vendors.status", &row.status)?,
            id: row.id,
            slug: row.slug,
            name: row.name,
            website: row.website,
            description: row.description,
        })
    }

    /// What the audit trail records of a vendor: its editable fields.
    pub fn audit_view(&self) -> serde_json::Value {
        json!({
            "name": self.name,
            "tier": self.tier,
            "status": self.status,
            "website": self.website,
            "description": self.description,
        })
    }
}

/// A validated change to a vendor: each field given is set, the others are kept. `website`
/// and `description` set to `Some(None)` are cleared.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VendorChanges {
    pub name: Option<Line>,
    pub tier: Option<Tier>,
    pub status: Option<VendorStatus>,
    pub website: Option<Option<WebUrl>>,
    pub description: Option<Option<Text>>,
}

impl VendorChanges {
    /// `vendor` with these changes applied.
    fn apply(&self, vendor: &EditableVendor) -> EditableVendor {
        EditableVendor {
            name: self
                .name
                .as_ref()
                .map_or_else(|| vendor.name.clone(), |n| n.as_str().to_owned()),
            tier: self.tier.unwrap_or(vendor.tier),
            status: self.status.unwrap_or(vendor.status),
            website: match &self.website {
                Some(w) => w.as_ref().map(|w| w.as_str().to_owned()),
                None => vendor.website.clone(),
            },
            description: match &self.description {
                Some(d) => d.as_ref().map(|d| d.as_str().to_owned()),
                None => vendor.description.clone(),
            },
            ..vendor.clone()
        }
    }
}

/// The editable fields of the vendor with this slug.
pub fn editable_vendor(conn: &mut DbConnection, slug: &str) -> Result<EditableVendor, StoreError> {
    let row: VendorRow = vendors::table
        .filter(vendors::slug.eq(slug))
        .select(VendorRow::as_select())
        .first(conn)
        .or_not_found("vendor", slug)?;
    EditableVendor::from_row(row)
}

/// Applies `changes` to the vendor with this slug and records the change (action update,
/// entity `vendor`, its id, its slug, the editable fields before and after) in one
/// transaction. Returns whether anything changed: an edit that changes nothing is not recorded.
///
/// Scores do not depend on these fields: the engine's input (`load_scoring_data`) takes only
/// the vendor's id from this row, and its name only for the wording of dependency lines in
/// explanations, which pages recompute when they show them. So no stored snapshot moves and
/// none is refreshed here.
pub fn update_vendor(
    conn: &mut DbConnection,
    actor: &Actor,
    slug: &str,
    changes: &VendorChanges,
    now: NaiveDateTime,
) -> Result<bool, StoreError> {
    conn.write_transaction(|conn| {
        let before = editable_vendor(conn, slug)?;
        let after = changes.apply(&before);
        if after == before {
            return Ok(false);
        }
        diesel::update(vendors::table.find(before.id))
            .set((
                vendors::name.eq(&after.name),
                vendors::tier.eq(after.tier.as_str()),
                vendors::status.eq(after.status.as_str()),
                vendors::website.eq(&after.website),
                vendors::description.eq(&after.description),
            ))
            .execute(conn)?;
        let views = (before.audit_view(), after.audit_view());
        record_update(conn, actor, (VENDOR, before.id, &before.slug), views, now)?;
        Ok(true)
    })
}

//! Editing a product's name, category and description (the slug and vendor stay): an unknown
//! category is refused; the change and its audit record (before and after) land together.

use super::create::{NO_CATEGORY, PRODUCT, ProductValues};
use super::lookup::{Choice, category_id, known_id};
use super::{Checked, Refused};
use crate::domain::audit::Actor;
use crate::store::audit::record_update;
use crate::store::error::OrNotFound;
use crate::store::schema::{categories, products, vendors};
use crate::store::{DbConnection, StoreError};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde_json::{Value, json};

/// A product's editable fields as stored, with its vendor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditableProduct {
    pub id: i32,
    pub slug: String,
    pub vendor: Choice,
    pub name: String,
    /// The category's slug.
    pub category: String,
    pub description: Option<String>,
}

impl EditableProduct {
    /// What the audit trail records of a product edit: its editable fields.
    fn audit_view(&self) -> Value {
        json!({
            "name": self.name, "category": self.category, "description": self.description,
        })
    }
}

/// The product with this slug; not found when there is none.
pub fn editable_product(
    conn: &mut DbConnection,
    slug: &str,
) -> Result<EditableProduct, StoreError> {
    let (id, name, description, category, vendor_slug, vendor_name) = products::table
        .inner_join(vendors::table)
        .inner_join(categories::table)
        .filter(products::slug.eq(slug))
        .select((
            products::id,
            products::name,
            products::description,
            categories::slug,
            vendors::slug,
            vendors::name,
        ))
        .first::<(i32, String, Option<String>, String, String, String)>(conn)
        .or_not_found("product", slug)?;
    Ok(EditableProduct {
        id,
        slug: slug.to_owned(),
        vendor: Choice {
            slug: vendor_slug,
            name: vendor_name,
        },
        name,
        category,
        description,
    })
}

/// Sets the name, category and description of the product with this slug (`v.slug` is
/// ignored) and records the change (action update, entity `product`, before and after) in one
/// transaction. Returns whether anything changed (an edit that changes nothing writes
/// nothing), or the category refused. Scores do not depend on these fields.
pub fn update_product(
    conn: &mut DbConnection,
    actor: &Actor,
    slug: &str,
    v: &ProductValues,
    now: NaiveDateTime,
) -> Result<Checked<bool>, StoreError> {
    conn.write_transaction(|conn| {
        let before = editable_product(conn, slug)?;
        let mut refused = Refused::default();
        let category = known_id(conn, category_id, &v.category, NO_CATEGORY, &mut refused)?;
        let Some(category) = category else {
            return Ok(Err(refused));
        };
        let after = EditableProduct {
            name: v.name.as_str().to_owned(),
            category: v.category.as_str().to_owned(),
            description: v.description.as_ref().map(|d| d.as_str().to_owned()),
            ..before.clone()
        };
        if after == before {
            return Ok(Ok(false));
        }
        diesel::update(products::table.find(before.id))
            .set((
                products::name.eq(&after.name),
                products::category_id.eq(category),
                products::description.eq(&after.description),
            ))
            .execute(conn)?;
        let views = (before.audit_view(), after.audit_view());
        record_update(conn, actor, (PRODUCT, before.id, &before.slug), views, now)?;
        Ok(Ok(true))
    })
}

//! Analyst firms curated in the browser: created, edited (name, website) and deleted while no
//! analyst belongs to them, each with its audit record in the same transaction.

use super::delete::{Reference, push};
use super::lookup::{firm_id, refuse_taken};
use super::{Checked, Refused};
use crate::domain::audit::Actor;
use crate::domain::{Line, Slug, WebUrl};
use crate::store::audit::{record_create, record_delete, record_update};
use crate::store::error::OrNotFound;
use crate::store::insert::{NewFirm, insert_returning_id};
use crate::store::rows::FirmRow;
use crate::store::schema::{analyst_firms, analysts};
use crate::store::{DbConnection, StoreError};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde_json::{Value, json};

/// The audit trail's name for analyst firms (entity id: database id; label: slug).
pub const FIRM: &str = "analyst_firm";

/// An analyst firm, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FirmValues {
    pub slug: Slug,
    pub name: Line,
    pub website: Option<WebUrl>,
}

fn view(name: &str, website: Option<&str>) -> Value {
    json!({ "name": name, "website": website })
}

/// The firm with this slug; not found when there is none.
pub fn stored_firm(conn: &mut DbConnection, slug: &str) -> Result<FirmRow, StoreError> {
    analyst_firms::table
        .filter(analyst_firms::slug.eq(slug))
        .select(FirmRow::as_select())
        .first(conn)
        .or_not_found("analyst firm", slug)
}

/// Creates a firm; returns its id, or the slug refused when another firm has it.
pub fn create_firm(
    conn: &mut DbConnection,
    actor: &Actor,
    v: &FirmValues,
    now: NaiveDateTime,
) -> Result<Checked<i32>, StoreError> {
    conn.write_transaction(|conn| {
        let mut refused = Refused::default();
        refuse_taken(conn, firm_id, &v.slug, "err-slug-taken", &mut refused)?;
        if let Err(refused) = refused.check() {
            return Ok(Err(refused));
        }
        let website = v.website.as_ref().map(WebUrl::as_str);
        let row = NewFirm {
            slug: v.slug.as_str(),
            name: v.name.as_str(),
            website,
        };
        let id = insert_returning_id!(&mut *conn, analyst_firms, &row)?;
        let mut after = view(v.name.as_str(), website);
        after["slug"] = json!(v.slug);
        record_create(conn, actor, (FIRM, id, v.slug.as_str()), after, now)?;
        Ok(Ok(id))
    })
}

/// Sets the name and website of the firm with slug `slug` (its slug stays); returns whether
/// anything changed (an edit changing nothing writes nothing). A missing firm is not found.
pub fn update_firm(
    conn: &mut DbConnection,
    actor: &Actor,
    slug: &str,
    v: &FirmValues,
    now: NaiveDateTime,
) -> Result<bool, StoreError> {
    conn.write_transaction(|conn| {
        let old = stored_firm(conn, slug)?;
        let website = v.website.as_ref().map(WebUrl::as_str);
        let before = view(&old.name, old.website.as_deref());
        let after = view(v.name.as_str(), website);
        if before == after {
            return Ok(false);
        }
        diesel::update(analyst_firms::table.find(old.id))
            .set((
                analyst_firms::name.eq(v.name.as_str()),
                analyst_firms::website.eq(website),
            ))
            .execute(conn)?;
        record_update(conn, actor, (FIRM, old.id, &old.slug), (before, after), now)?;
        Ok(true)
    })
}

/// What references the firm with id `id`: its analysts.
pub fn firm_references(conn: &mut DbConnection, id: i32) -> Result<Vec<Reference>, StoreError> {
    let members: Vec<String> = analysts::table
        .filter(analysts::firm_id.eq(id))
        .select(analysts::slug)
        .order(analysts::slug)
        .load(conn)?;
    let mut list = Vec::new();
    push(&mut list, "curated-ref-analysts", members);
    Ok(list)
}

/// Deletes the firm with this slug (audited) when no analyst belongs to it; otherwise writes
/// nothing and returns what references it. A missing firm is not found.
pub fn delete_firm(
    conn: &mut DbConnection,
    actor: &Actor,
    slug: &str,
    now: NaiveDateTime,
) -> Result<Result<(), Vec<Reference>>, StoreError> {
    conn.write_transaction(|conn| {
        let old = stored_firm(conn, slug)?;
        let references = firm_references(conn, old.id)?;
        if !references.is_empty() {
            return Ok(Err(references));
        }
        diesel::delete(analyst_firms::table.find(old.id)).execute(conn)?;
        let mut before = view(&old.name, old.website.as_deref());
        before["slug"] = json!(old.slug);
        record_delete(conn, actor, (FIRM, old.id, &old.slug), before, now)?;
        Ok(Ok(()))
    })
}

//! Analysts curated in the browser: created, edited (name, firm, title) and deleted while no
//! assessment or citation references them, each with its audit record in one transaction.

use super::delete::{Reference, push};
use super::lookup::{analyst_id, firm_id, known_opt, refuse_taken};
use super::references::add_citations;
use super::{Checked, Refused};
use crate::domain::audit::Actor;
use crate::domain::{Line, Slug};
use crate::store::audit::{record_create, record_delete, record_update};
use crate::store::error::OrNotFound;
use crate::store::insert::{NewAnalyst, insert_returning_id};
use crate::store::rows::CitedRecord;
use crate::store::schema::{analyst_firms, analysts, assessments};
use crate::store::{DbConnection, StoreError};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde_json::{Value, json};

/// The audit trail's name for analysts (entity id: database id; label: slug).
pub const ANALYST: &str = "analyst";

/// An analyst, validated; no firm means an internal reviewer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnalystValues {
    pub slug: Slug,
    pub name: Line,
    pub firm: Option<Slug>,
    pub title: Option<Line>,
}

/// A stored analyst, as the edit form and the delete page show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredAnalyst {
    pub id: i32,
    pub slug: String,
    pub name: String,
    /// The firm's slug; `None` for an internal reviewer.
    pub firm: Option<String>,
    pub title: Option<String>,
}

fn view(name: &str, firm: Option<&str>, title: Option<&str>) -> Value {
    json!({ "name": name, "firm": firm, "title": title })
}

/// The analyst with this slug; not found when there is none.
pub fn stored_analyst(conn: &mut DbConnection, slug: &str) -> Result<StoredAnalyst, StoreError> {
    let (id, name, firm_id, title): (i32, String, Option<i32>, Option<String>) = analysts::table
        .filter(analysts::slug.eq(slug))
        .select((
            analysts::id,
            analysts::name,
            analysts::firm_id,
            analysts::title,
        ))
        .first(conn)
        .or_not_found("analyst", slug)?;
    let firm = firm_id
        .map(|f| {
            analyst_firms::table
                .find(f)
                .select(analyst_firms::slug)
                .first::<String>(conn)
        })
        .transpose()?;
    Ok(StoredAnalyst {
        id,
        slug: slug.to_owned(),
        name,
        firm,
        title,
    })
}

/// The firm's id (`None`: internal), or the firm refused when unknown.
fn resolve_firm(
    conn: &mut DbConnection,
    firm: Option<&Slug>,
    refused: &mut Refused,
) -> Result<Option<i32>, StoreError> {
    known_opt(
        conn,
        firm_id,
        firm,
        ("firm", "analyst-err-no-firm"),
        refused,
    )
}

/// Creates an analyst; returns its id, or the fields refused (slug taken, firm unknown).
pub fn create_analyst(
    conn: &mut DbConnection,
    actor: &Actor,
    v: &AnalystValues,
    now: NaiveDateTime,
) -> Result<Checked<i32>, StoreError> {
    conn.write_transaction(|conn| {
        let mut refused = Refused::default();
        refuse_taken(conn, analyst_id, &v.slug, "err-slug-taken", &mut refused)?;
        let firm_id = resolve_firm(conn, v.firm.as_ref(), &mut refused)?;
        if let Err(refused) = refused.check() {
            return Ok(Err(refused));
        }
        let title = v.title.as_ref().map(Line::as_str);
        let row = NewAnalyst {
            slug: v.slug.as_str(),
            firm_id,
            name: v.name.as_str(),
            title,
        };
        let id = insert_returning_id!(&mut *conn, analysts, &row)?;
        let firm = v.firm.as_ref().map(Slug::as_str);
        let mut after = view(v.name.as_str(), firm, title);
        after["slug"] = json!(v.slug);
        record_create(conn, actor, (ANALYST, id, v.slug.as_str()), after, now)?;
        Ok(Ok(id))
    })
}

/// Sets the name, firm and title of the analyst with slug `slug` (its slug stays); returns
/// whether anything changed, or the firm refused. A missing analyst is not found.
pub fn update_analyst(
    conn: &mut DbConnection,
    actor: &Actor,
    slug: &str,
    v: &AnalystValues,
    now: NaiveDateTime,
) -> Result<Checked<bool>, StoreError> {
    conn.write_transaction(|conn| {
        let old = stored_analyst(conn, slug)?;
        let mut refused = Refused::default();
        let firm_id = resolve_firm(conn, v.firm.as_ref(), &mut refused)?;
        if let Err(refused) = refused.check() {
            return Ok(Err(refused));
        }
        let title = v.title.as_ref().map(Line::as_str);
        let before = view(&old.name, old.firm.as_deref(), old.title.as_deref());
        let after = view(v.name.as_str(), v.firm.as_ref().map(Slug::as_str), title);
        if before == after {
            return Ok(Ok(false));
        }
        diesel::update(analysts::table.find(old.id))
            .set((
                analysts::name.eq(v.name.as_str()),
                analysts::firm_id.eq(firm_id),
                analysts::title.eq(title),
            ))
            .execute(conn)?;
        let about = (ANALYST, old.id, old.slug.as_str());
        record_update(conn, actor, about, (before, after), now)?;
        Ok(Ok(true))
    })
}

/// What references analyst `id`: their assessments and citations.
pub fn analyst_references(conn: &mut DbConnection, id: i32) -> Result<Vec<Reference>, StoreError> {
    let views: Vec<String> = assessments::table
        .filter(assessments::analyst_id.eq(id))
        .select(assessments::slug)
        .order(assessments::slug)
        .load(conn)?;
    let mut list = Vec::new();
    push(&mut list, "curated-ref-assessments", views);
    let cited = (CitedRecord::Analyst, id);
    add_citations(conn, &mut list, "curated-ref-citations", cited)?;
    Ok(list)
}

/// Deletes the analyst with this slug (audited) when nothing references them; otherwise
/// writes nothing and returns what does. A missing analyst is not found.
pub fn delete_analyst(
    conn: &mut DbConnection,
    actor: &Actor,
    slug: &str,
    now: NaiveDateTime,
) -> Result<Result<(), Vec<Reference>>, StoreError> {
    conn.write_transaction(|conn| {
        let old = stored_analyst(conn, slug)?;
        let references = analyst_references(conn, old.id)?;
        if !references.is_empty() {
            return Ok(Err(references));
        }
        diesel::delete(analysts::table.find(old.id)).execute(conn)?;
        let mut before = view(&old.name, old.firm.as_deref(), old.title.as_deref());
        before["slug"] = json!(old.slug);
        record_delete(conn, actor, (ANALYST, old.id, &old.slug), before, now)?;
        Ok(Ok(()))
    })
}

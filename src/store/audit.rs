//! The audit trail: one function appends a change (inside the caller's transaction, so the
//! record and the change land together), and filtered reads. Nothing updates or deletes it.

use super::error::parse_stored;
use super::queries::{Page, PageRequest};
use super::schema::audit_log;
use super::{DbConnection, StoreError};
use crate::domain::AuditAction;
use crate::domain::audit::{Actor, AuditEntry, Change};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

#[derive(Insertable)]
#[diesel(table_name = audit_log)]
struct NewAuditRow<'a> {
    occurred_at: NaiveDateTime,
    actor_user_id: Option<i32>,
    actor: &'a str,
    channel: &'a str,
    address: Option<&'a str>,
    action: &'a str,
    entity: &'a str,
    entity_id: &'a str,
    label: &'a str,
    before_json: Option<String>,
    after_json: Option<String>,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = audit_log)]
struct AuditRow {
    id: i32,
    occurred_at: NaiveDateTime,
    actor_user_id: Option<i32>,
    actor: String,
    channel: String,
    address: Option<String>,
    action: String,
    entity: String,
    entity_id: String,
    label: String,
    before_json: Option<String>,
    after_json: Option<String>,
}

/// Appends one change made by `actor` at `now`.
pub fn record(
    conn: &mut DbConnection,
    actor: &Actor,
    change: &Change,
    now: NaiveDateTime,
) -> Result<(), StoreError> {
    let json = |v: &Option<serde_json::Value>| v.as_ref().map(|v| v.to_string());
    diesel::insert_into(audit_log::table)
        .values(NewAuditRow {
            occurred_at: now,
            actor_user_id: actor.user_id,
            actor: &actor.label,
            channel: actor.channel.as_str(),
            address: actor.address.as_deref(),
            action: change.action.as_str(),
            entity: change.entity,
            entity_id: &change.entity_id,
            label: &change.label,
            before_json: json(&change.before),
            after_json: json(&change.after),
        })
        .execute(conn)?;
    super::generation::bump(conn, change.entity)
}

/// The record a curation change is about: its audit entity, its database id and its label.
pub type Audited<'a> = (&'static str, i32, &'a str);

/// Appends the creation of a record (its values after only).
pub fn record_create(
    conn: &mut DbConnection,
    actor: &Actor,
    about: Audited<'_>,
    after: serde_json::Value,
    now: NaiveDateTime,
) -> Result<(), StoreError> {
    record_change(
        conn,
        actor,
        AuditAction::Create,
        about,
        (None, Some(after)),
        now,
    )
}

/// Appends an edit of a record (its values before and after).
pub fn record_update(
    conn: &mut DbConnection,
    actor: &Actor,
    about: Audited<'_>,
    (before, after): (serde_json::Value, serde_json::Value),
    now: NaiveDateTime,
) -> Result<(), StoreError> {
    let values = (Some(before), Some(after));
    record_change(conn, actor, AuditAction::Update, about, values, now)
}

/// Appends the deletion of a record (its values before only).
pub fn record_delete(
    conn: &mut DbConnection,
    actor: &Actor,
    about: Audited<'_>,
    before: serde_json::Value,
    now: NaiveDateTime,
) -> Result<(), StoreError> {
    record_change(
        conn,
        actor,
        AuditAction::Delete,
        about,
        (Some(before), None),
        now,
    )
}

type Values = (Option<serde_json::Value>, Option<serde_json::Value>);

fn record_change(
    conn: &mut DbConnection,
    actor: &Actor,
    action: AuditAction,
    (entity, id, label): Audited<'_>,
    (before, after): Values,
    now: NaiveDateTime,
) -> Result<(), StoreError> {
    let change = Change {
        action,
        entity,
        entity_id: id.to_string(),
        label: label.to_owned(),
        before,
        after,
    };
    record(conn, actor, &change, now)
}

/// Which audit records to read; every part is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditFilter {
    /// Who acted: an account's e-mail or a label such as `cli:alice` or `system`.
    pub actor: Option<String>,
    pub entity: Option<String>,
    pub entity_id: Option<String>,
    /// First day included (UTC).
    pub from: Option<NaiveDate>,
    /// Last day included (UTC).
    pub to: Option<NaiveDate>,
}

fn entry(row: AuditRow) -> Result<AuditEntry, StoreError> {
    let json = |column: &str, text: Option<String>| {
        text.map(|t| {
            serde_json::from_str(&t).map_err(|e| StoreError::Corrupt(format!("{column}: {e}")))
        })
        .transpose()
    };
    Ok(AuditEntry {
        id: row.id,
        occurred_at: row.occurred_at,
        actor: row.actor,
        actor_user_id: row.actor_user_id,
        channel: parse_stored("audit_log.channel", &row.channel)?,
        address: row.address,
        action: parse_stored("audit_log.action", &row.action)?,
        entity: row.entity,
        entity_id: row.entity_id,
        label: row.label,
        before: json("audit_log.before_json", row.before_json)?,
        after: json("audit_log.after_json", row.after_json)?,
    })
}

/// The records matching `filter`, as a query to refine.
fn filtered(
    filter: &AuditFilter,
) -> audit_log::BoxedQuery<'static, super::connection::MultiBackend> {
    let mut q = audit_log::table.into_boxed();
    if let Some(actor) = &filter.actor {
        q = q.filter(audit_log::actor.eq(actor.clone()));
    }
    if let Some(entity) = &filter.entity {
        q = q.filter(audit_log::entity.eq(entity.clone()));
    }
    if let Some(id) = &filter.entity_id {
        q = q.filter(audit_log::entity_id.eq(id.clone()));
    }
    if let Some(from) = filter.from {
        q = q.filter(audit_log::occurred_at.ge(from.and_time(chrono::NaiveTime::MIN)));
    }
    if let Some(to) = filter.to.and_then(|d| d.succ_opt()) {
        q = q.filter(audit_log::occurred_at.lt(to.and_time(chrono::NaiveTime::MIN)));
    }
    q
}

/// Records matching `filter`, newest first.
pub fn list_audit(
    conn: &mut DbConnection,
    filter: &AuditFilter,
    page: PageRequest,
) -> Result<Page<AuditEntry>, StoreError> {
    let query = || filtered(filter);
    let total: i64 = query().count().get_result(conn)?;
    let rows: Vec<AuditRow> = query()
        .select(AuditRow::as_select())
        .order(audit_log::id.desc())
        .limit(page.limit)
        .offset(page.offset)
        .load(conn)?;
    let items = rows.into_iter().map(entry).collect::<Result<_, _>>()?;
    Ok(Page { items, total })
}

/// One batch of an export: up to `limit` records matching `filter` whose id is below
/// `before` (every id when `None`), newest first. Paging by id rather than by offset, so
/// records added during an export neither repeat nor shift it.
pub fn audit_batch(
    conn: &mut DbConnection,
    filter: &AuditFilter,
    before: Option<i32>,
    limit: i64,
) -> Result<Vec<AuditEntry>, StoreError> {
    let mut query = filtered(filter);
    if let Some(before) = before {
        query = query.filter(audit_log::id.lt(before));
    }
    let rows: Vec<AuditRow> = query
        .select(AuditRow::as_select())
        .order(audit_log::id.desc())
        .limit(limit)
        .load(conn)?;
    rows.into_iter().map(entry).collect()
}

/// The distinct actors and entities on record, for the filter menus.
pub fn audit_facets(conn: &mut DbConnection) -> Result<(Vec<String>, Vec<String>), StoreError> {
    let actors = audit_log::table
        .select(audit_log::actor)
        .distinct()
        .order(audit_log::actor)
        .load(conn)?;
    let entities = audit_log::table
        .select(audit_log::entity)
        .distinct()
        .order(audit_log::entity)
        .load(conn)?;
    Ok((actors, entities))
}

//! Each account's watchlists: created, renamed, deleted, their items, rules and webhook set, every
//! change audited in its transaction. Someone else's watchlist is "not found".

use super::rows::{WatchItem, WatchRule, Watchlist, subject_info};
use crate::auth::random_token;
use crate::domain::audit::Actor;
use crate::domain::{DeliveryStatus, Line, Slug, WatchRuleKind, WebUrl};
use crate::i18n::Message;
use crate::store::audit::{record_create, record_delete, record_update};
use crate::store::curation::lookup::{product_id, vendor_id};
use crate::store::curation::{Checked, Refused};
use crate::store::error::parse_stored;
use crate::store::insert::insert_returning_id;
use crate::store::schema::{watch_items, watch_rules, watchlists, webhook_deliveries};
use crate::store::{DbConnection, StoreError};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde_json::json;

/// The audit trail's name for watchlists (their items, rules and webhook included).
pub const WATCHLIST: &str = "watchlist";

/// Bytes of randomness in a webhook signing secret (hex-encoded: twice as many characters).
const SECRET_BYTES: usize = 32;

#[derive(Queryable, Selectable)]
#[diesel(table_name = watchlists)]
struct WatchlistRow {
    id: i32,
    owner_id: i32,
    name: String,
    webhook_url: Option<String>,
    webhook_secret: Option<String>,
    created_at: NaiveDateTime,
}

/// The watchlist `id` of `owner`; anyone else's, or none, is not found.
fn owned(conn: &mut DbConnection, owner: i32, id: i32) -> Result<WatchlistRow, StoreError> {
    watchlists::table
        .filter(watchlists::id.eq(id))
        .filter(watchlists::owner_id.eq(owner))
        .select(WatchlistRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| StoreError::not_found("watchlist", id.to_string()))
}

fn count_of(conn: &mut DbConnection, id: i32) -> Result<(i64, i64), StoreError> {
    let items = watch_items::table
        .filter(watch_items::watchlist_id.eq(id))
        .count()
        .get_result(conn)?;
    let rules = watch_rules::table
        .filter(watch_rules::watchlist_id.eq(id))
        .count()
        .get_result(conn)?;
    Ok((items, rules))
}

fn view(conn: &mut DbConnection, row: WatchlistRow) -> Result<Watchlist, StoreError> {
    let (items, rules) = count_of(conn, row.id)?;
    Ok(Watchlist {
        id: row.id,
        owner_id: row.owner_id,
        name: row.name,
        webhook_url: row.webhook_url,
        webhook_secret: row.webhook_secret,
        created_at: row.created_at,
        items,
        rules,
    })
}

/// `owner`'s watchlists, by name.
pub fn watchlists_of(conn: &mut DbConnection, owner: i32) -> Result<Vec<Watchlist>, StoreError> {
    let rows: Vec<WatchlistRow> = watchlists::table
        .filter(watchlists::owner_id.eq(owner))
        .order((watchlists::name.asc(), watchlists::id.asc()))
        .select(WatchlistRow::as_select())
        .load(conn)?;
    rows.into_iter().map(|r| view(conn, r)).collect()
}

/// A watchlist with what it watches and its rules.
#[derive(Debug, Clone, PartialEq)]
pub struct WatchlistDetail {
    pub watchlist: Watchlist,
    pub items: Vec<WatchItem>,
    pub rules: Vec<WatchRule>,
}

/// `owner`'s watchlist `id` in full; anyone else's is not found.
pub fn watchlist(
    conn: &mut DbConnection,
    owner: i32,
    id: i32,
) -> Result<WatchlistDetail, StoreError> {
    let row = owned(conn, owner, id)?;
    let watchlist = view(conn, row)?;
    let stored: Vec<(i32, Option<i32>, Option<i32>)> = watch_items::table
        .filter(watch_items::watchlist_id.eq(id))
        .order(watch_items::id.asc())
        .select((
            watch_items::id,
            watch_items::vendor_id,
            watch_items::product_id,
        ))
        .load(conn)?;
    let mut items = Vec::new();
    for (item, vendor, product) in stored {
        if let Some(subject) = subject_info(conn, (vendor, product))? {
            items.push(WatchItem { id: item, subject });
        }
    }
    items.sort_by(|a, b| a.subject.name.cmp(&b.subject.name));
    let stored: Vec<(i32, String, Option<i32>)> = watch_rules::table
        .filter(watch_rules::watchlist_id.eq(id))
        .order(watch_rules::id.asc())
        .select((watch_rules::id, watch_rules::kind, watch_rules::threshold))
        .load(conn)?;
    let rules = stored
        .into_iter()
        .map(|(id, kind, threshold)| {
            Ok(WatchRule {
                id,
                kind: parse_stored("watch_rules.kind", &kind)?,
                threshold,
            })
        })
        .collect::<Result<_, StoreError>>()?;
    Ok(WatchlistDetail {
        watchlist,
        items,
        rules,
    })
}

/// What the audit trail keeps of a watchlist (never its secret).
fn audit_view(
    conn: &mut DbConnection,
    owner: i32,
    id: i32,
) -> Result<serde_json::Value, StoreError> {
    let d = watchlist(conn, owner, id)?;
    let items: Vec<String> = d
        .items
        .iter()
        .map(|i| format!("{}:{}", i.subject.kind, i.subject.slug))
        .collect();
    let rules: Vec<serde_json::Value> = d
        .rules
        .iter()
        .map(|r| json!({"kind": r.kind, "threshold": r.threshold}))
        .collect();
    Ok(json!({
        "name": d.watchlist.name, "owner_id": owner, "items": items, "rules": rules,
        "webhook_url": d.watchlist.webhook_url,
    }))
}

/// Refused when `owner` has another watchlist (than `except`) named `name`.
fn name_taken(
    conn: &mut DbConnection,
    owner: i32,
    name: &Line,
    except: Option<i32>,
) -> Result<Option<Refused>, StoreError> {
    let taken: i64 = watchlists::table
        .filter(watchlists::owner_id.eq(owner))
        .filter(watchlists::name.eq(name.as_str()))
        .filter(watchlists::id.ne(except.unwrap_or(0)))
        .count()
        .get_result(conn)?;
    if taken == 0 {
        return Ok(None);
    }
    let mut refused = Refused::default();
    refused.add(
        "name",
        Message::new("watch-err-name-taken").with("name", name.as_str()),
    );
    Ok(Some(refused))
}

/// Creates a watchlist named `name` for `owner`; refused when the owner has one so named.
pub fn create_watchlist(
    conn: &mut DbConnection,
    actor: &Actor,
    owner: i32,
    name: &Line,
    now: NaiveDateTime,
) -> Result<Checked<i32>, StoreError> {
    conn.write_transaction(|conn| {
        if let Some(refused) = name_taken(conn, owner, name, None)? {
            return Ok(Err(refused));
        }
        let row = (
            watchlists::owner_id.eq(owner),
            watchlists::name.eq(name.as_str()),
            watchlists::created_at.eq(now),
        );
        let id = insert_returning_id!(&mut *conn, watchlists, row)?;
        let after = audit_view(conn, owner, id)?;
        record_create(conn, actor, (WATCHLIST, id, name.as_str()), after, now)?;
        Ok(Ok(id))
    })
}

/// Deletes `owner`'s watchlist `id` with its items, rules, alerts and deliveries.
pub fn delete_watchlist(
    conn: &mut DbConnection,
    actor: &Actor,
    owner: i32,
    id: i32,
    now: NaiveDateTime,
) -> Result<(), StoreError> {
    conn.write_transaction(|conn| {
        let row = owned(conn, owner, id)?;
        let before = audit_view(conn, owner, id)?;
        diesel::delete(watchlists::table.find(id)).execute(conn)?;
        record_delete(conn, actor, (WATCHLIST, id, &row.name), before, now)
    })
}

/// Runs `change` on `owner`'s watchlist `id` and audits it as an update (before and after),
/// unless it was refused.
fn audited_change<T>(
    conn: &mut DbConnection,
    actor: &Actor,
    (owner, id): (i32, i32),
    now: NaiveDateTime,
    change: impl FnOnce(&mut DbConnection, &WatchlistRow) -> Result<Checked<T>, StoreError>,
) -> Result<Checked<T>, StoreError> {
    conn.write_transaction(|conn| {
        let row = owned(conn, owner, id)?;
        let before = audit_view(conn, owner, id)?;
        let done = match change(conn, &row)? {
            Ok(done) => done,
            Err(refused) => return Ok(Err(refused)),
        };
        let after = audit_view(conn, owner, id)?;
        record_update(
            conn,
            actor,
            (WATCHLIST, id, &row.name),
            (before, after),
            now,
        )?;
        Ok(Ok(done))
    })
}

/// Renames `owner`'s watchlist `id`; refused when another of the owner's lists has the name.
pub fn rename_watchlist(
    conn: &mut DbConnection,
    actor: &Actor,
    (owner, id): (i32, i32),
    name: &Line,
    now: NaiveDateTime,
) -> Result<Checked<()>, StoreError> {
    audited_change(conn, actor, (owner, id), now, |conn, _| {
        if let Some(refused) = name_taken(conn, owner, name, Some(id))? {
            return Ok(Err(refused));
        }
        diesel::update(watchlists::table.find(id))
            .set(watchlists::name.eq(name.as_str()))
            .execute(conn)?;
        Ok(Ok(()))
    })
}

/// What a watch item names: a vendor or a product, by slug.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WatchTarget {
    Vendor(Slug),
    Product(Slug),
}

/// Adds a vendor or a product to `owner`'s watchlist `id`; refused when there is no such
/// record or the list already watches it.
pub fn add_item(
    conn: &mut DbConnection,
    actor: &Actor,
    (owner, id): (i32, i32),
    target: &WatchTarget,
    now: NaiveDateTime,
) -> Result<Checked<()>, StoreError> {
    audited_change(conn, actor, (owner, id), now, |conn, _| {
        let (found, slug) = match target {
            WatchTarget::Vendor(s) => (vendor_id(conn, s.as_str())?.map(|v| (Some(v), None)), s),
            WatchTarget::Product(s) => (product_id(conn, s.as_str())?.map(|p| (None, Some(p))), s),
        };
        let mut refused = Refused::default();
        let Some((vendor, product)) = found else {
            refused.add(
                "slug",
                Message::new("watch-err-no-subject").with("slug", slug.as_str()),
            );
            return Ok(Err(refused));
        };
        let mut query = watch_items::table
            .filter(watch_items::watchlist_id.eq(id))
            .into_boxed();
        query = match (vendor, product) {
            (Some(v), _) => query.filter(watch_items::vendor_id.eq(v)),
            (_, p) => query.filter(watch_items::product_id.eq(p)),
        };
        let present: i64 = query.count().get_result(conn)?;
        if present > 0 {
            refused.add(
                "slug",
                Message::new("watch-err-already").with("slug", slug.as_str()),
            );
            return Ok(Err(refused));
        }
        diesel::insert_into(watch_items::table)
            .values((
                watch_items::watchlist_id.eq(id),
                watch_items::vendor_id.eq(vendor),
                watch_items::product_id.eq(product),
            ))
            .execute(conn)?;
        Ok(Ok(()))
    })
}

/// A function removing one part (an item, a rule) of an owner's watchlist: `remove_item`,
/// `remove_rule`.
pub type RemovePart =
    fn(&mut DbConnection, &Actor, (i32, i32), i32, NaiveDateTime) -> Result<(), StoreError>;

/// Removes item `item` from `owner`'s watchlist `id` (not found when it holds no such item).
pub fn remove_item(
    conn: &mut DbConnection,
    actor: &Actor,
    (owner, id): (i32, i32),
    item: i32,
    now: NaiveDateTime,
) -> Result<(), StoreError> {
    audited_change(conn, actor, (owner, id), now, |conn, _| {
        let gone = diesel::delete(
            watch_items::table
                .filter(watch_items::id.eq(item))
                .filter(watch_items::watchlist_id.eq(id)),
        )
        .execute(conn)?;
        if gone == 0 {
            return Err(StoreError::not_found("watch item", item.to_string()));
        }
        Ok(Ok(()))
    })
    .map(|_| ())
}

/// A rule as typed: its kind and, for the score rules, its threshold (1 to 100).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleValues {
    pub kind: WatchRuleKind,
    pub threshold: Option<i32>,
}

impl RuleValues {
    /// Checks a rule: the score rules need a threshold from 1 to 100, the others none.
    pub fn check(kind: WatchRuleKind, threshold: Option<i64>) -> Result<RuleValues, Message> {
        let scored = matches!(kind, WatchRuleKind::ScoreBelow | WatchRuleKind::ScoreDrop);
        match (scored, threshold) {
            (true, Some(t)) if (1..=100).contains(&t) => Ok(RuleValues {
                kind,
                threshold: i32::try_from(t).ok(),
            }),
            (true, _) => Err(Message::new("watch-err-threshold")),
            (false, _) => Ok(RuleValues {
                kind,
                threshold: None,
            }),
        }
    }
}

/// Adds a rule to `owner`'s watchlist `id`; refused when the list has the same rule.
pub fn add_rule(
    conn: &mut DbConnection,
    actor: &Actor,
    (owner, id): (i32, i32),
    rule: RuleValues,
    now: NaiveDateTime,
) -> Result<Checked<()>, StoreError> {
    audited_change(conn, actor, (owner, id), now, |conn, _| {
        let same: Vec<Option<i32>> = watch_rules::table
            .filter(watch_rules::watchlist_id.eq(id))
            .filter(watch_rules::kind.eq(rule.kind.as_str()))
            .select(watch_rules::threshold)
            .load(conn)?;
        if same.contains(&rule.threshold) {
            let mut refused = Refused::default();
            refused.add("kind", Message::new("watch-err-rule-taken"));
            return Ok(Err(refused));
        }
        diesel::insert_into(watch_rules::table)
            .values((
                watch_rules::watchlist_id.eq(id),
                watch_rules::kind.eq(rule.kind.as_str()),
                watch_rules::threshold.eq(rule.threshold),
            ))
            .execute(conn)?;
        Ok(Ok(()))
    })
}

/// Removes rule `rule` from `owner`'s watchlist `id` (its alerts stay).
pub fn remove_rule(
    conn: &mut DbConnection,
    actor: &Actor,
    (owner, id): (i32, i32),
    rule: i32,
    now: NaiveDateTime,
) -> Result<(), StoreError> {
    audited_change(conn, actor, (owner, id), now, |conn, _| {
        let gone = diesel::delete(
            watch_rules::table
                .filter(watch_rules::id.eq(rule))
                .filter(watch_rules::watchlist_id.eq(id)),
        )
        .execute(conn)?;
        if gone == 0 {
            return Err(StoreError::not_found("watch rule", rule.to_string()));
        }
        Ok(Ok(()))
    })
    .map(|_| ())
}

fn new_secret() -> Result<String, StoreError> {
    random_token(SECRET_BYTES).map_err(|e| StoreError::Random(e.to_string()))
}

/// Sets the webhook of `owner`'s watchlist `id` to `url`, keeping its signing secret (a new
/// one when it had none, or when `regenerate`). Returns the secret.
pub fn set_webhook(
    conn: &mut DbConnection,
    actor: &Actor,
    (owner, id): (i32, i32),
    (url, regenerate): (&WebUrl, bool),
    now: NaiveDateTime,
) -> Result<String, StoreError> {
    let fresh = new_secret()?;
    let done = audited_change(conn, actor, (owner, id), now, |conn, row| {
        let secret = match (&row.webhook_secret, regenerate) {
            (Some(kept), false) => kept.clone(),
            _ => fresh,
        };
        diesel::update(watchlists::table.find(id))
            .set((
                watchlists::webhook_url.eq(Some(url.as_str())),
                watchlists::webhook_secret.eq(Some(&secret)),
            ))
            .execute(conn)?;
        Ok(Ok(secret))
    })?;
    done.map_err(|_| StoreError::Corrupt("a webhook change was refused".into()))
}

/// A new signing secret for the webhook of `owner`'s watchlist `id` (same URL); refused
/// when the list has no webhook. Returns the secret.
pub fn regenerate_secret(
    conn: &mut DbConnection,
    actor: &Actor,
    (owner, id): (i32, i32),
    now: NaiveDateTime,
) -> Result<Checked<String>, StoreError> {
    conn.write_transaction(|conn| {
        let url = owned(conn, owner, id)?.webhook_url;
        let Some(url) = url.and_then(|u| WebUrl::parse(&u).ok()) else {
            let mut refused = Refused::default();
            refused.add("regenerate_secret", Message::new("watch-err-no-webhook"));
            return Ok(Err(refused));
        };
        set_webhook(conn, actor, (owner, id), (&url, true), now).map(Ok)
    })
}

/// Removes the webhook of `owner`'s watchlist `id`; its pending deliveries fail (the inbox
/// keeps the alerts).
pub fn clear_webhook(
    conn: &mut DbConnection,
    actor: &Actor,
    (owner, id): (i32, i32),
    now: NaiveDateTime,
) -> Result<(), StoreError> {
    audited_change(conn, actor, (owner, id), now, |conn, _| {
        diesel::update(watchlists::table.find(id))
            .set((
                watchlists::webhook_url.eq(None::<String>),
                watchlists::webhook_secret.eq(None::<String>),
            ))
            .execute(conn)?;
        diesel::update(
            webhook_deliveries::table
                .filter(webhook_deliveries::watchlist_id.eq(id))
                .filter(webhook_deliveries::status.eq(DeliveryStatus::Pending.as_str())),
        )
        .set((
            webhook_deliveries::status.eq(DeliveryStatus::Failed.as_str()),
            webhook_deliveries::last_error.eq(Some("webhook removed")),
        ))
        .execute(conn)?;
        Ok(Ok(()))
    })
    .map(|_| ())
}

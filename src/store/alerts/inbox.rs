//! Each account's alert inbox: its alerts unread first then newest, the unread count for the
//! header, and marking one or all read. Someone else's alert is "not found".

use super::rows::{Alert, RecordInfo, ScorePoint, SubjectInfo};
use crate::store::error::parse_stored;
use crate::store::queries::{Page, PageRequest};
use crate::store::schema::{alerts, watchlists};
use crate::store::{DbConnection, StoreError};
use chrono::NaiveDateTime;
use diesel::prelude::*;

#[derive(Queryable, Selectable)]
#[diesel(table_name = alerts)]
struct AlertRow {
    id: i32,
    watchlist_id: i32,
    rule_id: Option<i32>,
    kind: String,
    threshold: Option<i32>,
    subject_kind: String,
    subject_id: i32,
    subject_slug: String,
    subject_name: String,
    vendor_slug: String,
    old_score: Option<f64>,
    new_score: Option<f64>,
    old_grade: Option<String>,
    new_grade: Option<String>,
    record_slug: Option<String>,
    record_title: Option<String>,
    report_id: Option<i32>,
    created_at: NaiveDateTime,
    read_at: Option<NaiveDateTime>,
}

impl AlertRow {
    fn view(self, watchlist_name: String) -> Result<Alert, StoreError> {
        let kind = parse_stored("alerts.kind", &self.kind)?;
        let record_kind = match kind {
            crate::domain::WatchRuleKind::NewAssessment => "assessment",
            _ => "incident",
        };
        let record = match (self.record_slug, self.record_title) {
            (Some(slug), Some(title)) => Some(RecordInfo {
                kind: record_kind.into(),
                slug,
                title,
            }),
            _ => None,
        };
        Ok(Alert {
            id: self.id,
            watchlist_id: self.watchlist_id,
            watchlist_name,
            rule_id: self.rule_id,
            kind,
            threshold: self.threshold,
            subject: SubjectInfo {
                kind: self.subject_kind,
                id: self.subject_id,
                slug: self.subject_slug,
                name: self.subject_name,
                vendor_slug: self.vendor_slug,
            },
            old: ScorePoint {
                score: self.old_score,
                grade: self.old_grade,
            },
            new: ScorePoint {
                score: self.new_score,
                grade: self.new_grade,
            },
            record,
            report_id: self.report_id,
            created_at: self.created_at,
            read_at: self.read_at,
        })
    }
}

/// Which of an owner's alerts a list shows: one watchlist's only, unread ones only.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AlertFilter {
    pub watchlist: Option<i32>,
    pub unread_only: bool,
}

impl AlertFilter {
    /// Every alert of watchlist `id`.
    pub fn of_watchlist(id: i32) -> AlertFilter {
        AlertFilter {
            watchlist: Some(id),
            unread_only: false,
        }
    }
}

/// `owner`'s alerts that `filter` keeps: unread first, newest first.
pub fn alerts_of(
    conn: &mut DbConnection,
    owner: i32,
    filter: AlertFilter,
    page: PageRequest,
) -> Result<Page<Alert>, StoreError> {
    let query = || {
        let mut q = alerts::table
            .inner_join(watchlists::table)
            .filter(alerts::owner_id.eq(owner))
            .into_boxed();
        if let Some(w) = filter.watchlist {
            q = q.filter(alerts::watchlist_id.eq(w));
        }
        if filter.unread_only {
            q = q.filter(alerts::read_at.is_null());
        }
        q
    };
    let total: i64 = query().count().get_result(conn)?;
    // Unread first: read_at NULL sorts differently per backend, so by a boolean instead.
    let rows: Vec<(AlertRow, String)> = query()
        .order((alerts::read_at.is_not_null().asc(), alerts::id.desc()))
        .limit(page.limit)
        .offset(page.offset)
        .select((AlertRow::as_select(), watchlists::name))
        .load(conn)?;
    let items = rows
        .into_iter()
        .map(|(row, name)| row.view(name))
        .collect::<Result<_, _>>()?;
    Ok(Page { items, total })
}

/// `owner`'s alert `id`; anyone else's, or none, is not found.
pub fn alert(conn: &mut DbConnection, owner: i32, id: i32) -> Result<Alert, StoreError> {
    let row: Option<(AlertRow, String)> = alerts::table
        .inner_join(watchlists::table)
        .filter(alerts::id.eq(id))
        .filter(alerts::owner_id.eq(owner))
        .select((AlertRow::as_select(), watchlists::name))
        .first(conn)
        .optional()?;
    let (row, name) = row.ok_or_else(|| StoreError::not_found("alert", id.to_string()))?;
    row.view(name)
}

/// How many of `owner`'s alerts are unread.
pub fn unread_count(conn: &mut DbConnection, owner: i32) -> Result<i64, StoreError> {
    Ok(alerts::table
        .filter(alerts::owner_id.eq(owner))
        .filter(alerts::read_at.is_null())
        .count()
        .get_result(conn)?)
}

/// Marks `owner`'s alert `id` read (once: a read alert keeps its first reading time) or
/// unread again.
pub fn set_read(
    conn: &mut DbConnection,
    owner: i32,
    id: i32,
    read: bool,
    now: NaiveDateTime,
) -> Result<(), StoreError> {
    let mine: i64 = alerts::table
        .filter(alerts::id.eq(id))
        .filter(alerts::owner_id.eq(owner))
        .count()
        .get_result(conn)?;
    if mine == 0 {
        return Err(StoreError::not_found("alert", id.to_string()));
    }
    let target = alerts::table.filter(alerts::id.eq(id));
    if read {
        diesel::update(target.filter(alerts::read_at.is_null()))
            .set(alerts::read_at.eq(Some(now)))
            .execute(conn)?;
    } else {
        diesel::update(target)
            .set(alerts::read_at.eq(None::<NaiveDateTime>))
            .execute(conn)?;
    }
    Ok(())
}

/// Marks every unread alert of `owner` read, or only those up to alert `up_to` (the newest
/// the reader has seen: one raised since stays unread); returns how many.
pub fn mark_all_read(
    conn: &mut DbConnection,
    owner: i32,
    up_to: Option<i32>,
    now: NaiveDateTime,
) -> Result<usize, StoreError> {
    Ok(diesel::update(
        alerts::table
            .filter(alerts::owner_id.eq(owner))
            .filter(alerts::read_at.is_null())
            .filter(alerts::id.le(up_to.unwrap_or(i32::MAX))),
    )
    .set(alerts::read_at.eq(Some(now)))
    .execute(conn)?)
}

//! The persisted queue of webhook deliveries: queued with the alert, claimed under a lease
//! (so two workers never send one row at once and a crash retries it), each attempt logged.

use super::evaluate::{Draft, Watcher};
use super::payload::{alert_body, event_of};
use super::rows::{Attempt, Delivery};
use crate::domain::DeliveryStatus;
use crate::store::error::parse_stored;
use crate::store::queries::{Page, PageRequest};
use crate::store::schema::{watchlists, webhook_attempts, webhook_deliveries};
use crate::store::{DbConnection, StoreError};
use chrono::{NaiveDateTime, TimeDelta};
use diesel::prelude::*;
use std::time::Duration;

/// When to try again: `base · 2^(attempts − 1)` after a failed attempt, at most `cap`, and
/// no more after `max_attempts`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    pub base: Duration,
    pub cap: Duration,
    pub max_attempts: i32,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            base: Duration::from_secs(30),
            cap: Duration::from_secs(3600),
            max_attempts: 8,
        }
    }
}

impl RetryPolicy {
    /// The wait after the `attempts`-th failed attempt.
    pub fn delay(&self, attempts: i32) -> Duration {
        let doublings = u32::try_from(attempts.saturating_sub(1))
            .unwrap_or(0)
            .min(30);
        self.base.saturating_mul(1u32 << doublings).min(self.cap)
    }
}

fn delta(d: Duration) -> TimeDelta {
    TimeDelta::from_std(d).unwrap_or(TimeDelta::MAX)
}

/// Queues the delivery of alert `alert` (raised by `w`) to `url`, due at once.
pub(super) fn enqueue(
    conn: &mut DbConnection,
    (alert, w): (i32, &Watcher),
    d: &Draft,
    url: &str,
    now: NaiveDateTime,
) -> Result<(), StoreError> {
    let body = alert_body(alert, w, d, now).to_string();
    diesel::insert_into(webhook_deliveries::table)
        .values((
            webhook_deliveries::alert_id.eq(alert),
            webhook_deliveries::watchlist_id.eq(w.watchlist_id),
            webhook_deliveries::url.eq(url),
            webhook_deliveries::event.eq(event_of(w.kind)),
            webhook_deliveries::payload.eq(body),
            webhook_deliveries::status.eq(DeliveryStatus::Pending.as_str()),
            webhook_deliveries::attempts.eq(0),
            webhook_deliveries::created_at.eq(now),
            webhook_deliveries::next_attempt_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

/// A delivery claimed for one attempt: what to send, where, and the key to sign it with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claimed {
    pub id: i32,
    pub url: String,
    pub event: String,
    pub payload: String,
    pub secret: String,
    /// Attempts made before this one.
    pub attempts: i32,
}

/// Claims the pending delivery due first (its next attempt at or before `now`) by moving its
/// next attempt to `now + lease`; `None` when nothing is due. A delivery whose watchlist lost
/// its webhook fails instead.
pub fn claim_due(
    conn: &mut DbConnection,
    now: NaiveDateTime,
    lease: Duration,
) -> Result<Option<Claimed>, StoreError> {
    let pending = DeliveryStatus::Pending.as_str();
    loop {
        let due: Option<(i32, String, String, String, i32, Option<String>)> =
            webhook_deliveries::table
                .inner_join(watchlists::table)
                .filter(webhook_deliveries::status.eq(pending))
                .filter(webhook_deliveries::next_attempt_at.le(now))
                .order((
                    webhook_deliveries::next_attempt_at.asc(),
                    webhook_deliveries::id.asc(),
                ))
                .select((
                    webhook_deliveries::id,
                    webhook_deliveries::url,
                    webhook_deliveries::event,
                    webhook_deliveries::payload,
                    webhook_deliveries::attempts,
                    watchlists::webhook_secret,
                ))
                .first(conn)
                .optional()?;
        let Some((id, url, event, payload, attempts, secret)) = due else {
            return Ok(None);
        };
        let row = webhook_deliveries::table
            .filter(webhook_deliveries::id.eq(id))
            .filter(webhook_deliveries::status.eq(pending))
            .filter(webhook_deliveries::next_attempt_at.le(now));
        let Some(secret) = secret else {
            diesel::update(row)
                .set((
                    webhook_deliveries::status.eq(DeliveryStatus::Failed.as_str()),
                    webhook_deliveries::last_error.eq(Some("webhook removed")),
                ))
                .execute(conn)?;
            continue;
        };
        let claimed = diesel::update(row)
            .set(webhook_deliveries::next_attempt_at.eq(now + delta(lease)))
            .execute(conn)?;
        if claimed == 1 {
            return Ok(Some(Claimed {
                id,
                url,
                event,
                payload,
                secret,
                attempts,
            }));
        }
    }
}

/// How one attempt went: the answer's status (none when no answer came), the error, and
/// how long it took.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub status_code: Option<u16>,
    pub error: Option<String>,
    pub duration: Duration,
}

impl Outcome {
    /// A 2xx answer.
    pub fn succeeded(&self) -> bool {
        self.status_code.is_some_and(|s| (200..300).contains(&s))
    }
}

/// Logs an attempt at delivery `claimed` that ended at `now` and moves the delivery on:
/// delivered on a 2xx answer, else retried after `policy`'s wait, or failed once its
/// attempts are spent. Returns the delivery's new status.
pub fn record_attempt(
    conn: &mut DbConnection,
    claimed: &Claimed,
    outcome: &Outcome,
    policy: &RetryPolicy,
    now: NaiveDateTime,
) -> Result<DeliveryStatus, StoreError> {
    conn.write_transaction(|conn| {
        let code = outcome.status_code.map(i32::from);
        let millis = i32::try_from(outcome.duration.as_millis()).unwrap_or(i32::MAX);
        diesel::insert_into(webhook_attempts::table)
            .values((
                webhook_attempts::delivery_id.eq(claimed.id),
                webhook_attempts::attempted_at.eq(now),
                webhook_attempts::status_code.eq(code),
                webhook_attempts::error.eq(outcome.error.as_deref()),
                webhook_attempts::duration_ms.eq(millis),
            ))
            .execute(conn)?;
        let attempts = claimed.attempts.saturating_add(1);
        let status = if outcome.succeeded() {
            DeliveryStatus::Delivered
        } else if attempts >= policy.max_attempts {
            DeliveryStatus::Failed
        } else {
            DeliveryStatus::Pending
        };
        let delivered_at = (status == DeliveryStatus::Delivered).then_some(now);
        diesel::update(
            webhook_deliveries::table
                .filter(webhook_deliveries::id.eq(claimed.id))
                .filter(webhook_deliveries::status.eq(DeliveryStatus::Pending.as_str())),
        )
        .set((
            webhook_deliveries::status.eq(status.as_str()),
            webhook_deliveries::attempts.eq(attempts),
            webhook_deliveries::next_attempt_at.eq(now + delta(policy.delay(attempts))),
            webhook_deliveries::last_status_code.eq(code),
            webhook_deliveries::last_error.eq(outcome.error.as_deref()),
            webhook_deliveries::delivered_at.eq(delivered_at),
        ))
        .execute(conn)?;
        Ok(status)
    })
}

type DeliveryRow = (
    i32,
    i32,
    String,
    String,
    String,
    i32,
    NaiveDateTime,
    NaiveDateTime,
    Option<i32>,
    Option<String>,
    Option<NaiveDateTime>,
);

/// An attempt as stored: its delivery, time, status code, error and duration.
type AttemptRow = (i32, NaiveDateTime, Option<i32>, Option<String>, i32);

/// One page of the deliveries of watchlist `id`, newest first, each with its attempts (the
/// delivery log). The caller checks the watchlist is the reader's.
pub fn deliveries_of(
    conn: &mut DbConnection,
    id: i32,
    page: PageRequest,
) -> Result<Page<Delivery>, StoreError> {
    let total: i64 = webhook_deliveries::table
        .filter(webhook_deliveries::watchlist_id.eq(id))
        .count()
        .get_result(conn)?;
    let rows: Vec<DeliveryRow> = webhook_deliveries::table
        .filter(webhook_deliveries::watchlist_id.eq(id))
        .order(webhook_deliveries::id.desc())
        .limit(page.limit)
        .offset(page.offset)
        .select((
            webhook_deliveries::id,
            webhook_deliveries::alert_id,
            webhook_deliveries::url,
            webhook_deliveries::event,
            webhook_deliveries::status,
            webhook_deliveries::attempts,
            webhook_deliveries::created_at,
            webhook_deliveries::next_attempt_at,
            webhook_deliveries::last_status_code,
            webhook_deliveries::last_error,
            webhook_deliveries::delivered_at,
        ))
        .load(conn)?;
    let ids: Vec<i32> = rows.iter().map(|r| r.0).collect();
    let logged: Vec<AttemptRow> = webhook_attempts::table
        .filter(webhook_attempts::delivery_id.eq_any(&ids))
        .order(webhook_attempts::id.asc())
        .select((
            webhook_attempts::delivery_id,
            webhook_attempts::attempted_at,
            webhook_attempts::status_code,
            webhook_attempts::error,
            webhook_attempts::duration_ms,
        ))
        .load(conn)?;
    let items = rows
        .into_iter()
        .map(|r| {
            let log = logged
                .iter()
                .filter(|a| a.0 == r.0)
                .map(|a| Attempt {
                    attempted_at: a.1,
                    status_code: a.2,
                    error: a.3.clone(),
                    duration_ms: a.4,
                })
                .collect();
            Ok(Delivery {
                id: r.0,
                alert_id: r.1,
                url: r.2,
                event: r.3,
                status: parse_stored("webhook_deliveries.status", &r.4)?,
                attempts: r.5,
                created_at: r.6,
                next_attempt_at: r.7,
                last_status_code: r.8,
                last_error: r.9,
                delivered_at: r.10,
                log,
            })
        })
        .collect::<Result<_, StoreError>>()?;
    Ok(Page { items, total })
}

/// How many deliveries wait to be sent (the queue depth `/metrics` reports).
pub fn pending_count(conn: &mut DbConnection) -> Result<i64, StoreError> {
    Ok(webhook_deliveries::table
        .filter(webhook_deliveries::status.eq(DeliveryStatus::Pending.as_str()))
        .count()
        .get_result(conn)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_the_cap() {
        let p = RetryPolicy::default();
        assert_eq!(p.delay(1), Duration::from_secs(30));
        assert_eq!(p.delay(2), Duration::from_secs(60));
        assert_eq!(p.delay(4), Duration::from_secs(240));
        assert_eq!(p.delay(8), Duration::from_secs(3600));
        assert_eq!(p.delay(40), Duration::from_secs(3600));
    }
}

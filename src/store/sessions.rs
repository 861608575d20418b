//! Browser sessions kept in the database (so every app server sharing it knows them) with
//! idle and absolute timeouts, and the sign-in attempts that throttling counts.

use super::accounts::UserRow;
use super::schema::{login_attempts, sessions, users};
use super::{DbConnection, StoreError};
use crate::auth::{digest, random_token};
use crate::domain::audit::Account;
use chrono::{NaiveDateTime, TimeDelta};
use diesel::prelude::*;
use std::collections::HashMap;

/// How long a session lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionTimeouts {
    /// Ends after this long without a request.
    pub idle: TimeDelta,
    /// Ends this long after sign-in, whatever the activity.
    pub absolute: TimeDelta,
}

impl Default for SessionTimeouts {
    fn default() -> Self {
        SessionTimeouts {
            idle: TimeDelta::hours(1),
            absolute: TimeDelta::hours(12),
        }
    }
}

/// A live session: its account, its row id and the CSRF token its forms must carry.
#[derive(Debug, Clone)]
pub struct LiveSession {
    pub id: i32,
    pub account: Account,
    pub csrf_token: String,
}

fn random(bytes: usize) -> Result<String, StoreError> {
    random_token(bytes).map_err(|e| StoreError::Random(e.to_string()))
}

/// Opens a session for `user_id`; returns the cookie secret (only its digest is stored).
pub fn open_session(
    conn: &mut DbConnection,
    user_id: i32,
    address: &str,
    user_agent: &str,
    now: NaiveDateTime,
) -> Result<String, StoreError> {
    let secret = random(32)?;
    let user_agent: String = user_agent.chars().take(300).collect();
    diesel::insert_into(sessions::table)
        .values((
            sessions::token_hash.eq(digest(&secret)),
            sessions::user_id.eq(user_id),
            sessions::csrf_token.eq(random(32)?),
            sessions::created_at.eq(now),
            sessions::last_seen_at.eq(now),
            sessions::address.eq(address),
            sessions::user_agent.eq(user_agent),
        ))
        .execute(conn)?;
    Ok(secret)
}

/// What a batch of credential checks found for each secret, in the order asked: `Ok(None)`
/// for an unknown, expired or revoked one, `Err` for one that could not be checked (the
/// others are still answered).
pub type FoundEach<T> = Vec<Result<Option<T>, StoreError>>;

/// Answers each digest, in order, from the rows found by digest: `decide` says what a found
/// row gives (and may write, e.g. to note its use).
pub(super) fn answer_each<R, T>(
    digests: &[String],
    rows: Vec<(String, R)>,
    mut decide: impl FnMut(R) -> Result<Option<T>, StoreError>,
) -> FoundEach<T> {
    let mut found: HashMap<String, R> = rows.into_iter().collect();
    digests
        .iter()
        .map(|d| found.remove(d).map_or(Ok(None), &mut decide))
        .collect()
}

/// The live session for each cookie secret (distinct secrets), in one query: it runs for
/// every signed-in request. An expired session is removed and gives `None`; a live one is
/// marked as seen (at most once a minute, to spare the database).
pub fn live_sessions(
    conn: &mut DbConnection,
    secrets: &[String],
    timeouts: SessionTimeouts,
    now: NaiveDateTime,
) -> Result<FoundEach<LiveSession>, StoreError> {
    type Row = (i32, String, NaiveDateTime, NaiveDateTime, UserRow);
    let digests: Vec<String> = secrets.iter().map(|s| digest(s)).collect();
    let rows: Vec<(String, Row)> = sessions::table
        .inner_join(users::table)
        .filter(sessions::token_hash.eq_any(&digests))
        .filter(users::disabled_at.is_null())
        .select((
            sessions::token_hash,
            (
                sessions::id,
                sessions::csrf_token,
                sessions::created_at,
                sessions::last_seen_at,
                UserRow::as_select(),
            ),
        ))
        .load(conn)?;
    Ok(answer_each(
        &digests,
        rows,
        |(id, csrf_token, created, seen, user): Row| {
            if now - seen > timeouts.idle || now - created > timeouts.absolute {
                end_session(conn, id)?;
                return Ok(None);
            }
            if now - seen >= TimeDelta::minutes(1) {
                diesel::update(sessions::table.find(id))
                    .set(sessions::last_seen_at.eq(now))
                    .execute(conn)?;
            }
            Ok(Some(LiveSession {
                id,
                account: user.account()?,
                csrf_token,
            }))
        },
    ))
}

/// Ends one session.
pub fn end_session(conn: &mut DbConnection, id: i32) -> Result<(), StoreError> {
    diesel::delete(sessions::table.find(id)).execute(conn)?;
    Ok(())
}

/// How many sign-ins failed recently for this e-mail and from this address.
pub fn recent_failures(
    conn: &mut DbConnection,
    email: &str,
    address: &str,
    since: NaiveDateTime,
) -> Result<(i64, i64), StoreError> {
    let failed = || {
        login_attempts::table
            .filter(login_attempts::attempted_at.ge(since))
            .filter(login_attempts::succeeded.eq(false))
    };
    let by_email = failed()
        .filter(login_attempts::email.eq(email))
        .count()
        .get_result(conn)?;
    let by_address = failed()
        .filter(login_attempts::address.eq(address))
        .count()
        .get_result(conn)?;
    Ok((by_email, by_address))
}

/// Notes a sign-in attempt, and forgets attempts older than a day.
pub fn note_attempt(
    conn: &mut DbConnection,
    email: &str,
    address: &str,
    succeeded: bool,
    now: NaiveDateTime,
) -> Result<(), StoreError> {
    let email: String = email.chars().take(254).collect();
    diesel::insert_into(login_attempts::table)
        .values((
            login_attempts::email.eq(email),
            login_attempts::address.eq(address),
            login_attempts::attempted_at.eq(now),
            login_attempts::succeeded.eq(succeeded),
        ))
        .execute(conn)?;
    diesel::delete(
        login_attempts::table.filter(login_attempts::attempted_at.lt(now - TimeDelta::days(1))),
    )
    .execute(conn)?;
    Ok(())
}

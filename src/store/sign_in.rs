//! Signing in and out as the database sees it: the throttle, the password check (as costly
//! for an unknown e-mail as for a real one), the new session, and their audit records.

use super::accounts::{credentials, note_sign_in};
use super::audit::record;
use super::sessions::{end_session, note_attempt, open_session, recent_failures};
use super::{DbConnection, StoreError};
use crate::auth::{verify_nothing, verify_password};
use crate::domain::audit::{Account, Actor, Change};
use crate::domain::{AuditAction, Channel, Email};
use chrono::{NaiveDateTime, TimeDelta};

/// The audit trail's name for sign-ins and sign-outs.
pub const ENTITY: &str = "session";

/// How many failures, over what window, throttle sign-ins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Throttle {
    pub window: TimeDelta,
    /// Failures for one e-mail within the window before its sign-ins are refused.
    pub per_account: i64,
    /// Failures from one address within the window before its sign-ins are refused.
    pub per_address: i64,
}

impl Default for Throttle {
    fn default() -> Self {
        Throttle {
            window: TimeDelta::minutes(15),
            per_account: 5,
            per_address: 20,
        }
    }
}

/// One sign-in attempt as typed.
pub struct Attempt<'a> {
    pub email: &'a str,
    pub password: &'a str,
    pub address: &'a str,
    pub user_agent: &'a str,
}

/// What a sign-in attempt came to.
#[derive(Debug)]
pub enum Outcome {
    /// Too many recent failures for this e-mail or address.
    Throttled,
    /// Wrong e-mail or password, or a disabled account (the caller must not say which).
    Refused,
    /// A new session; `secret` goes in the cookie.
    SignedIn { secret: String, account: Account },
}

fn sign_in_change(action: AuditAction, entity_id: String, label: String) -> Change {
    Change {
        action,
        entity: ENTITY,
        entity_id,
        label,
        before: None,
        after: None,
    }
}

/// Checks the attempt against the throttle and the stored password, then opens a session.
/// Every attempt is noted (for throttling) and recorded in the audit trail.
pub fn sign_in(
    conn: &mut DbConnection,
    attempt: &Attempt<'_>,
    throttle: Throttle,
    now: NaiveDateTime,
) -> Result<Outcome, StoreError> {
    let key: String = attempt
        .email
        .trim()
        .to_lowercase()
        .chars()
        .take(254)
        .collect();
    let (by_account, by_address) =
        recent_failures(conn, &key, attempt.address, now - throttle.window)?;
    if by_account >= throttle.per_account || by_address >= throttle.per_address {
        return Ok(Outcome::Throttled);
    }
    let found = match Email::normalise(attempt.email) {
        Ok(email) => credentials(conn, &email)?,
        Err(_) => None,
    };
    let account = match found {
        Some((account, hash)) => {
            let matches = verify_password(attempt.password, &hash);
            (matches && account.disabled_at.is_none()).then_some(account)
        }
        None => {
            verify_nothing(attempt.password);
            None
        }
    };
    let label = if key.is_empty() {
        "(no e-mail)".to_owned()
    } else {
        key.clone()
    };
    let actor = Actor {
        user_id: account.as_ref().map(|a| a.id),
        label: label.clone(),
        channel: Channel::Ui,
        address: Some(attempt.address.to_owned()),
    };
    conn.write_transaction(|conn| {
        note_attempt(conn, &key, attempt.address, account.is_some(), now)?;
        let Some(account) = account else {
            let change = sign_in_change(AuditAction::SignInFailed, "-".into(), label.clone());
            record(conn, &actor, &change, now)?;
            return Ok(Outcome::Refused);
        };
        note_sign_in(conn, account.id, now)?;
        let secret = open_session(conn, account.id, attempt.address, attempt.user_agent, now)?;
        let change = sign_in_change(
            AuditAction::SignIn,
            account.id.to_string(),
            account.email.clone(),
        );
        record(conn, &actor, &change, now)?;
        Ok(Outcome::SignedIn { secret, account })
    })
}

/// Ends a browser session and records the sign-out.
pub fn sign_out(
    conn: &mut DbConnection,
    actor: &Actor,
    account: &Account,
    session_id: i32,
    now: NaiveDateTime,
) -> Result<(), StoreError> {
    conn.write_transaction(|conn| {
        end_session(conn, session_id)?;
        let change = sign_in_change(
            AuditAction::SignOut,
            account.id.to_string(),
            account.email.clone(),
        );
        record(conn, actor, &change, now)
    })
}

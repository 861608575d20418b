//! API tokens: created (the secret is shown once and only its digest kept), listed,
//! revoked, and resolved to their account on each API request.

use super::accounts::UserRow;
use super::audit::record;
use super::schema::{api_tokens, users};
use super::sessions::{FoundEach, answer_each};
use super::{DbConnection, StoreError};
use crate::auth::{digest, random_token};
use crate::domain::AuditAction;
use crate::domain::audit::{Account, Actor, Change, TokenInfo};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde_json::json;

/// The audit trail's name for API tokens.
pub const ENTITY: &str = "api_token";
/// What every token starts with, so that a leaked one is easy to recognise.
pub const TOKEN_PREFIX: &str = "tkb_";
/// Longest token name accepted.
pub const NAME_MAX_CHARS: usize = 100;

#[derive(Queryable, Selectable)]
#[diesel(table_name = api_tokens)]
struct TokenRow {
    id: i32,
    name: String,
    prefix: String,
    created_at: NaiveDateTime,
    last_used_at: Option<NaiveDateTime>,
    revoked_at: Option<NaiveDateTime>,
}

impl TokenRow {
    fn info(self) -> TokenInfo {
        TokenInfo {
            id: self.id,
            name: self.name,
            prefix: self.prefix,
            created_at: self.created_at,
            last_used_at: self.last_used_at,
            revoked_at: self.revoked_at,
        }
    }
}

fn audit_view(owner: &Account, token: &TokenInfo) -> serde_json::Value {
    json!({
        "owner": owner.email,
        "name": token.name,
        "prefix": token.prefix,
        "revoked_at": token.revoked_at,
    })
}

/// Checks a token name typed by a person.
pub fn check_name(name: &str) -> Result<String, String> {
    let name = name.trim();
    let chars = name.chars().count();
    if chars == 0 || chars > NAME_MAX_CHARS || name.chars().any(char::is_control) {
        return Err(format!(
            "a token name has 1 to {NAME_MAX_CHARS} characters on one line"
        ));
    }
    Ok(name.to_owned())
}

/// Creates a token for `owner`; returns it with the secret, which is never stored.
pub fn create_token(
    conn: &mut DbConnection,
    actor: &Actor,
    owner: &Account,
    name: &str,
    now: NaiveDateTime,
) -> Result<(TokenInfo, String), StoreError> {
    let secret = format!(
        "{TOKEN_PREFIX}{}",
        random_token(32).map_err(|e| StoreError::Random(e.to_string()))?
    );
    let prefix: String = secret.chars().take(TOKEN_PREFIX.len() + 8).collect();
    conn.write_transaction(|conn| {
        diesel::insert_into(api_tokens::table)
            .values((
                api_tokens::token_hash.eq(digest(&secret)),
                api_tokens::user_id.eq(owner.id),
                api_tokens::name.eq(name),
                api_tokens::prefix.eq(&prefix),
                api_tokens::created_at.eq(now),
            ))
            .execute(conn)?;
        let token = api_tokens::table
            .filter(api_tokens::token_hash.eq(digest(&secret)))
            .select(TokenRow::as_select())
            .first(conn)?
            .info();
        record(
            conn,
            actor,
            &Change {
                action: AuditAction::Create,
                entity: ENTITY,
                entity_id: token.id.to_string(),
                label: format!("{} ({})", token.name, owner.email),
                before: None,
                after: Some(audit_view(owner, &token)),
            },
            now,
        )?;
        Ok((token, secret.clone()))
    })
}

/// The tokens of an account, newest first.
pub fn tokens_of(conn: &mut DbConnection, user_id: i32) -> Result<Vec<TokenInfo>, StoreError> {
    Ok(api_tokens::table
        .filter(api_tokens::user_id.eq(user_id))
        .select(TokenRow::as_select())
        .order(api_tokens::id.desc())
        .load(conn)?
        .into_iter()
        .map(TokenRow::info)
        .collect())
}

/// Revokes one of `owner`'s tokens; someone else's token is "not found".
pub fn revoke_token(
    conn: &mut DbConnection,
    actor: &Actor,
    owner: &Account,
    token_id: i32,
    now: NaiveDateTime,
) -> Result<TokenInfo, StoreError> {
    conn.write_transaction(|conn| {
        let find = |conn: &mut DbConnection| {
            api_tokens::table
                .filter(api_tokens::id.eq(token_id))
                .filter(api_tokens::user_id.eq(owner.id))
                .select(TokenRow::as_select())
                .first(conn)
                .optional()
        };
        let before = find(conn)?
            .ok_or_else(|| StoreError::not_found("API token", token_id.to_string()))?
            .info();
        if before.revoked_at.is_some() {
            return Ok(before);
        }
        diesel::update(api_tokens::table.find(token_id))
            .set(api_tokens::revoked_at.eq(Some(now)))
            .execute(conn)?;
        let after = find(conn)?
            .ok_or_else(|| StoreError::not_found("API token", token_id.to_string()))?
            .info();
        record(
            conn,
            actor,
            &Change {
                action: AuditAction::Update,
                entity: ENTITY,
                entity_id: token_id.to_string(),
                label: format!("{} ({})", after.name, owner.email),
                before: Some(audit_view(owner, &before)),
                after: Some(audit_view(owner, &after)),
            },
            now,
        )?;
        Ok(after)
    })
}

/// The enabled account each live token (distinct secrets) acts for, in one query: it runs
/// for every API request. Notes each token's use (at most once a minute).
pub fn accounts_for_tokens(
    conn: &mut DbConnection,
    secrets: &[String],
    now: NaiveDateTime,
) -> Result<FoundEach<(Account, i32)>, StoreError> {
    type Row = (i32, Option<NaiveDateTime>, UserRow);
    let digests: Vec<String> = secrets.iter().map(|s| digest(s)).collect();
    let rows: Vec<(String, Row)> = api_tokens::table
        .inner_join(users::table)
        .filter(api_tokens::token_hash.eq_any(&digests))
        .filter(api_tokens::revoked_at.is_null())
        .filter(users::disabled_at.is_null())
        .select((
            api_tokens::token_hash,
            (
                api_tokens::id,
                api_tokens::last_used_at,
                UserRow::as_select(),
            ),
        ))
        .load(conn)?;
    Ok(answer_each(
        &digests,
        rows,
        |(token_id, last_used, user): Row| {
            if last_used.is_none_or(|t| now - t >= chrono::TimeDelta::minutes(1)) {
                diesel::update(api_tokens::table.find(token_id))
                    .set(api_tokens::last_used_at.eq(Some(now)))
                    .execute(conn)?;
            }
            Ok(Some((user.account()?, token_id)))
        },
    ))
}

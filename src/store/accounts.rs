//! User accounts: create, read, change role, disable and enable, change password. Each change
//! is written with its audit record in one transaction; password hashes never leave here.

use super::audit::record;
use super::schema::{api_tokens, sessions, users};
use super::{DbConnection, StoreError};
use crate::domain::audit::{Account, Actor, Change};
use crate::domain::{AuditAction, Email, Role};
use crate::i18n::{Lang, Message};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde_json::json;

/// The audit trail's name for accounts.
pub const ENTITY: &str = "user";

#[derive(Queryable, Selectable)]
#[diesel(table_name = users)]
pub(super) struct UserRow {
    id: i32,
    email: String,
    role: String,
    password_hash: String,
    must_change_password: bool,
    created_at: NaiveDateTime,
    last_login_at: Option<NaiveDateTime>,
    disabled_at: Option<NaiveDateTime>,
}

impl UserRow {
    pub(super) fn account(&self) -> Result<Account, StoreError> {
        Ok(Account {
            id: self.id,
            email: self.email.clone(),
            role: super::error::parse_stored("users.role", &self.role)?,
            must_change_password: self.must_change_password,
            created_at: self.created_at,
            last_login_at: self.last_login_at,
            disabled_at: self.disabled_at,
        })
    }
}

/// What the audit trail shows of an account (never the password hash).
pub fn audit_view(account: &Account) -> serde_json::Value {
    json!({
        "email": account.email,
        "role": account.role,
        "must_change_password": account.must_change_password,
        "disabled_at": account.disabled_at,
    })
}

fn change(action: AuditAction, before: Option<&Account>, after: &Account) -> Change {
    Change {
        action,
        entity: ENTITY,
        entity_id: after.id.to_string(),
        label: after.email.clone(),
        before: before.map(audit_view),
        after: Some(audit_view(after)),
    }
}

/// A change the stored accounts forbid; nothing was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AccountConflict {
    /// Another account has this e-mail address.
    EmailTaken(String),
    /// The account is the last enabled administrator: it may not lose the role
    /// (`disabling` false) nor be disabled.
    LastAdmin { email: String, disabling: bool },
}

impl AccountConflict {
    /// The reason, for the reader (the command line and the API say it in English).
    pub fn message(&self) -> Message {
        match self {
            AccountConflict::EmailTaken(email) => {
                Message::new("admin-conflict-email-taken").with("email", email.clone())
            }
            AccountConflict::LastAdmin { email, disabling } => Message::new(if *disabling {
                "admin-conflict-last-admin-disable"
            } else {
                "admin-conflict-last-admin-role"
            })
            .with("email", email.clone()),
        }
    }
}

impl From<AccountConflict> for StoreError {
    fn from(conflict: AccountConflict) -> Self {
        StoreError::Conflict(conflict.message().render(Lang::En))
    }
}

/// A change's outcome: done, refused for a conflict (nothing written), or failed.
pub type Checked<T> = Result<Result<T, AccountConflict>, StoreError>;

/// Why a change's transaction stopped (and was rolled back).
enum Stop {
    Conflict(AccountConflict),
    Store(StoreError),
}

impl From<StoreError> for Stop {
    fn from(e: StoreError) -> Self {
        Stop::Store(e)
    }
}

impl From<diesel::result::Error> for Stop {
    fn from(e: diesel::result::Error) -> Self {
        Stop::Store(e.into())
    }
}

/// Runs `work` in a transaction, a conflict told apart from a failure.
fn checked<T>(
    conn: &mut DbConnection,
    work: impl FnOnce(&mut DbConnection) -> Result<T, Stop>,
) -> Checked<T> {
    match conn.write_transaction(work) {
        Ok(value) => Ok(Ok(value)),
        Err(Stop::Conflict(conflict)) => Ok(Err(conflict)),
        Err(Stop::Store(e)) => Err(e),
    }
}

/// A new account's details; the password is already hashed.
pub struct NewAccount<'a> {
    pub email: &'a Email,
    pub role: Role,
    pub password_hash: &'a str,
    pub must_change_password: bool,
}

/// Creates an account; a second account for the same e-mail is a conflict.
pub fn create_account(
    conn: &mut DbConnection,
    actor: &Actor,
    new: &NewAccount<'_>,
    now: NaiveDateTime,
) -> Result<Account, StoreError> {
    Ok(create_account_checked(conn, actor, new, now)??)
}

/// [`create_account`], its conflict told apart.
pub fn create_account_checked(
    conn: &mut DbConnection,
    actor: &Actor,
    new: &NewAccount<'_>,
    now: NaiveDateTime,
) -> Checked<Account> {
    checked(conn, |conn| {
        if find(conn, new.email)?.is_some() {
            let taken = AccountConflict::EmailTaken(new.email.to_string());
            return Err(Stop::Conflict(taken));
        }
        diesel::insert_into(users::table)
            .values((
                users::email.eq(new.email.as_str()),
                users::role.eq(new.role.as_str()),
                users::password_hash.eq(new.password_hash),
                users::must_change_password.eq(new.must_change_password),
                users::created_at.eq(now),
                users::password_changed_at.eq(now),
            ))
            .execute(conn)?;
        let account = require(conn, new.email)?;
        record(
            conn,
            actor,
            &change(AuditAction::Create, None, &account),
            now,
        )?;
        Ok(account)
    })
}

fn find(conn: &mut DbConnection, email: &Email) -> Result<Option<UserRow>, StoreError> {
    Ok(users::table
        .filter(users::email.eq(email.as_str()))
        .select(UserRow::as_select())
        .first(conn)
        .optional()?)
}

fn require(conn: &mut DbConnection, email: &Email) -> Result<Account, StoreError> {
    find(conn, email)?
        .ok_or_else(|| StoreError::not_found("account", email.as_str()))?
        .account()
}

/// The account for `email`, if any.
pub fn account_by_email(
    conn: &mut DbConnection,
    email: &Email,
) -> Result<Option<Account>, StoreError> {
    find(conn, email)?.map(|r| r.account()).transpose()
}

/// The account with `id`.
pub fn account_by_id(conn: &mut DbConnection, id: i32) -> Result<Account, StoreError> {
    users::table
        .find(id)
        .select(UserRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| StoreError::not_found("account", id.to_string()))?
        .account()
}

/// The account and its password hash, for signing in.
pub fn credentials(
    conn: &mut DbConnection,
    email: &Email,
) -> Result<Option<(Account, String)>, StoreError> {
    find(conn, email)?
        .map(|r| Ok((r.account()?, r.password_hash)))
        .transpose()
}

/// Every account, by e-mail.
pub fn list_accounts(conn: &mut DbConnection) -> Result<Vec<Account>, StoreError> {
    users::table
        .select(UserRow::as_select())
        .order(users::email)
        .load(conn)?
        .iter()
        .map(UserRow::account)
        .collect()
}

/// How many accounts exist.
pub fn count_accounts(conn: &mut DbConnection) -> Result<i64, StoreError> {
    Ok(users::table.count().get_result(conn)?)
}

/// Refuses a change that would leave no enabled administrator.
fn keep_an_admin(conn: &mut DbConnection, account: &Account, disabling: bool) -> Result<(), Stop> {
    if account.role != Role::Admin || account.disabled_at.is_some() {
        return Ok(());
    }
    let other_admins: i64 = users::table
        .filter(users::role.eq(Role::Admin.as_str()))
        .filter(users::disabled_at.is_null())
        .filter(users::id.ne(account.id))
        .count()
        .get_result(conn)?;
    if other_admins == 0 {
        return Err(Stop::Conflict(AccountConflict::LastAdmin {
            email: account.email.clone(),
            disabling,
        }));
    }
    Ok(())
}

/// Changes one account in a transaction: `apply` sees the account as it was and returns
/// whether it changed anything; a change is read back and recorded with before and after.
fn update_account(
    conn: &mut DbConnection,
    actor: &Actor,
    email: &Email,
    now: NaiveDateTime,
    apply: impl FnOnce(&mut DbConnection, &Account) -> Result<bool, Stop>,
) -> Checked<Account> {
    checked(conn, |conn| {
        let before = require(conn, email)?;
        if !apply(conn, &before)? {
            return Ok(before);
        }
        let after = require(conn, email)?;
        let change = change(AuditAction::Update, Some(&before), &after);
        record(conn, actor, &change, now)?;
        Ok(after)
    })
}

/// Gives the account `role`.
pub fn set_role(
    conn: &mut DbConnection,
    actor: &Actor,
    email: &Email,
    role: Role,
    now: NaiveDateTime,
) -> Result<Account, StoreError> {
    Ok(set_role_checked(conn, actor, email, role, now)??)
}

/// [`set_role`], its conflict (the last administrator) told apart.
pub fn set_role_checked(
    conn: &mut DbConnection,
    actor: &Actor,
    email: &Email,
    role: Role,
    now: NaiveDateTime,
) -> Checked<Account> {
    update_account(conn, actor, email, now, |conn, before| {
        if before.role == role {
            return Ok(false);
        }
        if role != Role::Admin {
            keep_an_admin(conn, before, false)?;
        }
        diesel::update(users::table.find(before.id))
            .set(users::role.eq(role.as_str()))
            .execute(conn)?;
        Ok(true)
    })
}

/// Disables the account: it can no longer sign in, its sessions end and its API tokens are
/// revoked.
pub fn disable_account(
    conn: &mut DbConnection,
    actor: &Actor,
    email: &Email,
    now: NaiveDateTime,
) -> Result<Account, StoreError> {
    Ok(disable_account_checked(conn, actor, email, now)??)
}

/// [`disable_account`], its conflict (the last administrator) told apart.
pub fn disable_account_checked(
    conn: &mut DbConnection,
    actor: &Actor,
    email: &Email,
    now: NaiveDateTime,
) -> Checked<Account> {
    update_account(conn, actor, email, now, |conn, before| {
        if before.disabled_at.is_some() {
            return Ok(false);
        }
        keep_an_admin(conn, before, true)?;
        diesel::update(users::table.find(before.id))
            .set(users::disabled_at.eq(Some(now)))
            .execute(conn)?;
        diesel::delete(sessions::table.filter(sessions::user_id.eq(before.id))).execute(conn)?;
        diesel::update(
            api_tokens::table
                .filter(api_tokens::user_id.eq(before.id))
                .filter(api_tokens::revoked_at.is_null()),
        )
        .set(api_tokens::revoked_at.eq(Some(now)))
        .execute(conn)?;
        Ok(true)
    })
}

/// Enables a disabled account again (its old tokens stay revoked).
pub fn enable_account(
    conn: &mut DbConnection,
    actor: &Actor,
    email: &Email,
    now: NaiveDateTime,
) -> Result<Account, StoreError> {
    Ok(update_account(conn, actor, email, now, |conn, before| {
        if before.disabled_at.is_none() {
            return Ok(false);
        }
        diesel::update(users::table.find(before.id))
            .set(users::disabled_at.eq(None::<NaiveDateTime>))
            .execute(conn)?;
        Ok(true)
    })??)
}

/// Sets a new password hash. Every session of the account ends except `keep_session` (the
/// one that made the change, if any); `must_change` forces a change at the next sign-in.
pub fn set_password(
    conn: &mut DbConnection,
    actor: &Actor,
    account_id: i32,
    password_hash: &str,
    must_change: bool,
    keep_session: Option<i32>,
    now: NaiveDateTime,
) -> Result<Account, StoreError> {
    conn.write_transaction(|conn| {
        let before = account_by_id(conn, account_id)?;
        diesel::update(users::table.find(account_id))
            .set((
                users::password_hash.eq(password_hash),
                users::must_change_password.eq(must_change),
                users::password_changed_at.eq(now),
            ))
            .execute(conn)?;
        let others = sessions::table
            .filter(sessions::user_id.eq(account_id))
            .filter(sessions::id.ne(keep_session.unwrap_or(-1)));
        diesel::delete(others).execute(conn)?;
        let after = account_by_id(conn, account_id)?;
        let mut change = change(AuditAction::Update, Some(&before), &after);
        if let Some(after) = change.after.as_mut() {
            after["password_changed_at"] = json!(now);
        }
        record(conn, actor, &change, now)?;
        Ok(after)
    })
}

/// Notes a successful sign-in.
pub fn note_sign_in(
    conn: &mut DbConnection,
    account_id: i32,
    now: NaiveDateTime,
) -> Result<(), StoreError> {
    diesel::update(users::table.find(account_id))
        .set(users::last_login_at.eq(Some(now)))
        .execute(conn)?;
    Ok(())
}

//! `trustkb user ...` and `trustkb token ...`: accounts and API tokens from the command line,
//! each change audited as the operating-system user (channel cli). Failures become `CliError`s.

use super::{CliError, open, os_user};
use crate::auth::{hash_password, random_token};
use crate::domain::accounts::check_new_password;
use crate::domain::audit::utc;
use crate::domain::audit::{Account, Actor};
use crate::domain::{Channel, Email, Role};
use crate::store::accounts::{
    NewAccount, account_by_email, create_account, disable_account, enable_account, list_accounts,
    set_password, set_role,
};
use crate::store::pack::seed::import_time as now;
use crate::store::tokens::{check_name, create_token, revoke_token, tokens_of};
use crate::store::{DbConnection, StoreError};
use chrono::NaiveDateTime;
use clap::{Subcommand, ValueEnum};
use std::io::{BufRead, IsTerminal, Write};

/// `trustkb user ...`
#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create an account. Without --password-stdin a one-time password is printed once; it
    /// must be changed at the first sign-in.
    Add {
        /// The account's e-mail address (its identifier).
        #[arg(value_parser = parse_email)]
        email: Email,
        /// The account's role: viewer, analyst, reviewer or admin.
        #[arg(long, value_parser = parse_role)]
        role: Role,
        /// Read the password from the first line of standard input.
        #[arg(long)]
        password_stdin: bool,
    },
    /// List the accounts: e-mail, role, status, whether the password must change, dates.
    List {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// Give an account another role.
    SetRole {
        #[arg(value_parser = parse_email)]
        email: Email,
        /// viewer, analyst, reviewer or admin.
        #[arg(value_parser = parse_role)]
        role: Role,
    },
    /// Disable an account: it can no longer sign in, its sessions end and its API tokens
    /// are revoked.
    Disable {
        #[arg(value_parser = parse_email)]
        email: Email,
    },
    /// Enable a disabled account again (its old API tokens stay revoked).
    Enable {
        #[arg(value_parser = parse_email)]
        email: Email,
    },
    /// Set a new password and end the account's sessions. Without --password-stdin a
    /// one-time password is printed once; it must be changed at the next sign-in.
    ResetPassword {
        #[arg(value_parser = parse_email)]
        email: Email,
        /// Read the password from the first line of standard input.
        #[arg(long)]
        password_stdin: bool,
    },
}

/// `trustkb token ...`
#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Create an API token for an account. Only the token is printed on standard output,
    /// once: `TOKEN=$(trustkb token create EMAIL)`.
    Create {
        #[arg(value_parser = parse_email)]
        email: Email,
        /// A name to recognise the token by.
        #[arg(long, default_value = "cli")]
        name: String,
    },
    /// List an account's API tokens (their first characters, never the tokens).
    List {
        #[arg(value_parser = parse_email)]
        email: Email,
    },
    /// Revoke one of an account's API tokens (ids as `token list` shows them).
    Revoke {
        #[arg(value_parser = parse_email)]
        email: Email,
        token_id: i32,
    },
}

/// Account listing formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// Aligned columns for people.
    Table,
    /// A JSON list of {email, role, status, must_change_password, created_at, last_login_at}.
    Json,
}

fn parse_email(text: &str) -> Result<Email, String> {
    Email::normalise(text).map_err(|e| e.to_string())
}

fn parse_role(text: &str) -> Result<Role, String> {
    text.parse()
        .map_err(|e: crate::domain::UnknownValue| e.to_string())
}

/// Who the audit trail records for these commands.
fn actor() -> Actor {
    Actor::command_line(&os_user(), Channel::Cli)
}

/// Runs `trustkb user ...` on `database`.
pub fn run_user(database: &str, command: UserCommand) -> Result<(), CliError> {
    match command {
        UserCommand::Add {
            email,
            role,
            password_stdin,
        } => {
            let password = new_password(&email, password_stdin)?;
            let hash = hash(&password.text)?;
            let mut conn = open(database)?;
            let new = NewAccount {
                email: &email,
                role,
                password_hash: &hash,
                must_change_password: password.one_time,
            };
            let account = create_account(&mut conn, &actor(), &new, now())?;
            let created = format!(
                "created the account {} with the role {}",
                account.email, account.role
            );
            print(&match password.one_time {
                true => format!(
                    "{created} and the one-time password{}",
                    shown_once(&password)
                ),
                false => format!("{created}\n"),
            })
        }
        UserCommand::List { format } => {
            let mut conn = open(database)?;
            let accounts = list_accounts(&mut conn)?;
            print(&match format {
                ListFormat::Table => account_table(&accounts),
                ListFormat::Json => account_json(&accounts)?,
            })
        }
        UserCommand::SetRole { email, role } => {
            let mut conn = open(database)?;
            let before = account(&mut conn, &email)?;
            if before.role == role {
                return print(&format!(
                    "{email} already has the role {role}; nothing changed\n"
                ));
            }
            let after = set_role(&mut conn, &actor(), &email, role, now())?;
            print(&format!(
                "{email} now has the role {} (was {})\n",
                after.role, before.role
            ))
        }
        UserCommand::Disable { email } => {
            let mut conn = open(database)?;
            let before = account(&mut conn, &email)?;
            if let Some(at) = before.disabled_at {
                return print(&format!(
                    "{email} was already disabled on {}; nothing changed\n",
                    when(at)
                ));
            }
            let live = tokens_of(&mut conn, before.id)?
                .iter()
                .filter(|t| t.revoked_at.is_none())
                .count();
            disable_account(&mut conn, &actor(), &email, now())?;
            print(&format!(
                "disabled {email}: it can no longer sign in, its sessions ended and its {live} API token{} {} revoked\n",
                if live == 1 { "" } else { "s" },
                if live == 1 { "was" } else { "were" },
            ))
        }
        UserCommand::Enable { email } => {
            let mut conn = open(database)?;
            if account(&mut conn, &email)?.disabled_at.is_none() {
                return print(&format!("{email} is already enabled; nothing changed\n"));
            }
            enable_account(&mut conn, &actor(), &email, now())?;
            print(&format!(
                "enabled {email}; its old API tokens stay revoked (create new ones with `trustkb token create {email}`)\n"
            ))
        }
        UserCommand::ResetPassword {
            email,
            password_stdin,
        } => {
            let password = new_password(&email, password_stdin)?;
            let hash = hash(&password.text)?;
            let mut conn = open(database)?;
            let target = account(&mut conn, &email)?;
            set_password(
                &mut conn,
                &actor(),
                target.id,
                &hash,
                password.one_time,
                None,
                now(),
            )?;
            print(&match password.one_time {
                true => format!(
                    "ended the sessions of {email} and set the one-time password{}",
                    shown_once(&password)
                ),
                false => format!("set a new password for {email} and ended its sessions\n"),
            })
        }
    }
}

/// Runs `trustkb token ...` on `database`.
pub fn run_token(database: &str, command: TokenCommand) -> Result<(), CliError> {
    match command {
        TokenCommand::Create { email, name } => {
            let name = check_name(&name).map_err(|e| CliError::Usage(format!("--name: {e}")))?;
            let mut conn = open(database)?;
            let owner = account(&mut conn, &email)?;
            if owner.disabled_at.is_some() {
                return Err(CliError::Failed(format!(
                    "{email} is disabled and cannot have API tokens; enable it first with `trustkb user enable {email}`"
                )));
            }
            let (token, secret) = create_token(&mut conn, &actor(), &owner, &name, now())?;
            print(&format!("{secret}\n"))?;
            eprintln!(
                "created API token {} \"{}\" for {email} (role {}); it is shown only now: keep it secret, it acts with the account's role",
                token.id, token.name, owner.role
            );
            Ok(())
        }
        TokenCommand::List { email } => {
            let mut conn = open(database)?;
            let owner = account(&mut conn, &email)?;
            let tokens = tokens_of(&mut conn, owner.id)?;
            if tokens.is_empty() {
                return print(&format!("{email} has no API tokens\n"));
            }
            let mut out = format!(
                "{:>6}  {:<24}  {:<12}  {:<20}  {:<20}  {}\n",
                "ID", "NAME", "STARTS WITH", "CREATED", "LAST USED", "STATUS"
            );
            for t in tokens {
                let status = match t.revoked_at {
                    Some(at) => format!("revoked {}", when(at)),
                    None => "active".to_owned(),
                };
                out.push_str(&format!(
                    "{:>6}  {:<24}  {:<12}  {:<20}  {:<20}  {status}\n",
                    t.id,
                    t.name,
                    t.prefix,
                    when(t.created_at),
                    t.last_used_at.map_or_else(|| "never".to_owned(), when),
                ));
            }
            print(&out)
        }
        TokenCommand::Revoke { email, token_id } => {
            let mut conn = open(database)?;
            let owner = account(&mut conn, &email)?;
            let existing = tokens_of(&mut conn, owner.id)?
                .into_iter()
                .find(|t| t.id == token_id)
                .ok_or_else(|| {
                    CliError::Failed(format!(
                        "{email} has no API token {token_id} (see `trustkb token list {email}`)"
                    ))
                })?;
            if let Some(at) = existing.revoked_at {
                return print(&format!(
                    "API token {token_id} \"{}\" of {email} was already revoked on {}; nothing changed\n",
                    existing.name,
                    when(at)
                ));
            }
            let token = revoke_token(&mut conn, &actor(), &owner, token_id, now())?;
            print(&format!(
                "revoked API token {token_id} \"{}\" of {email}\n",
                token.name
            ))
        }
    }
}

/// The account for `email`, or an error naming it.
fn account(conn: &mut DbConnection, email: &Email) -> Result<Account, CliError> {
    account_by_email(conn, email)?.ok_or_else(|| {
        CliError::Failed(format!(
            "there is no account for {email} (see `trustkb user list`)"
        ))
    })
}

/// A password to set: typed (read from standard input) or generated for one use.
struct NewPassword {
    text: String,
    one_time: bool,
}

/// Reads and checks the password from standard input, or generates a one-time password.
fn new_password(email: &Email, from_stdin: bool) -> Result<NewPassword, CliError> {
    if !from_stdin {
        let text = random_token(12).map_err(|e| StoreError::Random(e.to_string()))?;
        return Ok(NewPassword {
            text,
            one_time: true,
        });
    }
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        eprint!("password for {email} (shown as typed): ");
    }
    let mut line = String::new();
    let read = stdin
        .lock()
        .read_line(&mut line)
        .map_err(|source| CliError::Read {
            path: "standard input".into(),
            source,
        })?;
    if read == 0 {
        return Err(CliError::Failed(
            "--password-stdin: standard input is empty; give the password on its first line".into(),
        ));
    }
    let text = line.strip_suffix('\n').unwrap_or(&line);
    let text = text.strip_suffix('\r').unwrap_or(text);
    check_new_password(text, email.as_str())
        .map_err(|e| CliError::Failed(format!("password refused: {e}; nothing was changed")))?;
    Ok(NewPassword {
        text: text.to_owned(),
        one_time: false,
    })
}

fn hash(password: &str) -> Result<String, CliError> {
    hash_password(password).map_err(|e| CliError::Failed(format!("cannot hash the password: {e}")))
}

/// A one-time password on a line of its own, and what to do with it.
fn shown_once(password: &NewPassword) -> String {
    format!(
        "\n\n    {}\n\nIt is shown only now; it must be changed at the next sign-in.\n",
        password.text
    )
}

/// A time as the listings show it (stored in UTC).
fn when(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%d %H:%M UTC").to_string()
}

fn status(account: &Account) -> &'static str {
    if account.disabled_at.is_some() {
        "disabled"
    } else {
        "enabled"
    }
}

fn account_table(accounts: &[Account]) -> String {
    if accounts.is_empty() {
        return "no accounts\n".to_owned();
    }
    let width = accounts
        .iter()
        .map(|a| a.email.chars().count())
        .chain(["EMAIL".len()])
        .max()
        .unwrap_or(5);
    let mut out = format!(
        "{:<width$}  {:<8}  {:<8}  {:<15}  {:<20}  {}\n",
        "EMAIL", "ROLE", "STATUS", "MUST CHANGE PW", "CREATED", "LAST SIGN-IN"
    );
    for a in accounts {
        out.push_str(&format!(
            "{:<width$}  {:<8}  {:<8}  {:<15}  {:<20}  {}\n",
            a.email,
            a.role.as_str(),
            status(a),
            if a.must_change_password { "yes" } else { "no" },
            when(a.created_at),
            a.last_login_at.map_or_else(|| "never".to_owned(), when),
        ));
    }
    out
}

fn account_json(accounts: &[Account]) -> Result<String, CliError> {
    let list: Vec<serde_json::Value> = accounts
        .iter()
        .map(|a| {
            serde_json::json!({
                "email": a.email,
                "role": a.role,
                "status": status(a),
                "must_change_password": a.must_change_password,
                "created_at": utc::format(&a.created_at),
                "last_login_at": a.last_login_at.as_ref().map(utc::format),
                "disabled_at": a.disabled_at.as_ref().map(utc::format),
            })
        })
        .collect();
    let text = serde_json::to_string_pretty(&list).map_err(|e| CliError::Failed(e.to_string()))?;
    Ok(text + "\n")
}

fn print(text: &str) -> Result<(), CliError> {
    std::io::stdout()
        .write_all(text.as_bytes())
        .map_err(|source| CliError::Write {
            path: "standard output".into(),
            source,
        })
}

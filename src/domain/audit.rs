//! The audit trail's vocabulary: who acted (a person through the browser, the API, the
//! command line or an import) and what one change record holds. Pure data.

use super::enums::{AuditAction, Channel, Role};
use chrono::NaiveDateTime;
use serde::Serialize;

/// Who is making a change, and from where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// The account, when a person acted through an account.
    pub user_id: Option<i32>,
    /// The account's e-mail, or what stands for it (`cli:alice`, `system`).
    pub label: String,
    pub channel: Channel,
    /// The network address the request came from (none on the command line).
    pub address: Option<String>,
}

impl Actor {
    /// A signed-in user acting through the browser or the API.
    pub fn user(user_id: i32, email: &str, channel: Channel, address: Option<String>) -> Actor {
        Actor {
            user_id: Some(user_id),
            label: email.to_owned(),
            channel,
            address,
        }
    }

    /// Someone at the command line, named by their operating-system account.
    pub fn command_line(os_user: &str, channel: Channel) -> Actor {
        Actor {
            user_id: None,
            label: format!("cli:{os_user}"),
            channel,
            address: None,
        }
    }

    /// The server itself (first-run set-up, seeding an empty database).
    pub fn system() -> Actor {
        Actor {
            user_id: None,
            label: "system".to_owned(),
            channel: Channel::System,
            address: None,
        }
    }
}

/// One change to record: the entity, its id and a readable label, and its values before
/// and after (absent before a creation and after a deletion).
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub action: AuditAction,
    pub entity: &'static str,
    pub entity_id: String,
    pub label: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

/// A stored audit record, as pages, the API and the CSV export show it.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct AuditEntry {
    pub id: i32,
    #[serde(serialize_with = "utc::required")]
    pub occurred_at: NaiveDateTime,
    pub actor: String,
    pub actor_user_id: Option<i32>,
    pub channel: Channel,
    pub address: Option<String>,
    pub action: AuditAction,
    pub entity: String,
    pub entity_id: String,
    pub label: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

/// A user account as pages, the API and the CLI show it (never the password hash).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Account {
    pub id: i32,
    pub email: String,
    pub role: Role,
    pub must_change_password: bool,
    #[serde(serialize_with = "utc::required")]
    pub created_at: NaiveDateTime,
    #[serde(serialize_with = "utc::optional")]
    pub last_login_at: Option<NaiveDateTime>,
    #[serde(serialize_with = "utc::optional")]
    pub disabled_at: Option<NaiveDateTime>,
}

/// An API token as its owner sees it after creation: never the secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TokenInfo {
    pub id: i32,
    pub name: String,
    /// The first characters of the token, to recognise it.
    pub prefix: String,
    #[serde(serialize_with = "utc::required")]
    pub created_at: NaiveDateTime,
    #[serde(serialize_with = "utc::optional")]
    pub last_used_at: Option<NaiveDateTime>,
    #[serde(serialize_with = "utc::optional")]
    pub revoked_at: Option<NaiveDateTime>,
}

/// Times are kept as naive UTC; in JSON they say so (`2026-11-26T10:54:02Z`).
pub mod utc {
    use chrono::NaiveDateTime;
    use serde::Serializer;

    /// The RFC 3339 form of a UTC time.
    pub fn format(t: &NaiveDateTime) -> String {
        t.and_utc()
            .to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)
    }

    pub fn required<S: Serializer>(t: &NaiveDateTime, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format(t))
    }

    pub fn optional<S: Serializer>(t: &Option<NaiveDateTime>, s: S) -> Result<S::Ok, S::Error> {
        match t {
            Some(t) => s.serialize_str(&format(t)),
            None => s.serialize_none(),
        }
    }
}

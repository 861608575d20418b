//! Who may do what: the permissions a route can require, what each role grants, and the
//! password rules. Pure policy; the web layer applies it to every route through one table.

use super::enums::Role;
use serde::Serialize;

/// What a route requires of the person asking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Permission {
    /// Anyone, signed in or not (health check, assets, the sign-in form).
    Public,
    /// Any signed-in user, even one who must still change a one-time password
    /// (changing it, signing out).
    Session,
    /// Read the knowledge base and export it: every role.
    Read,
    /// Create, edit and delete knowledge-base records: analysts and admins.
    Curate,
    /// Decide procurement reviews: reviewers and admins.
    Review,
    /// Read the audit trail: analysts and admins.
    ReadAudit,
    /// Manage users and the scoring configuration: admins.
    Administer,
}

impl Permission {
    /// Every permission, for documentation and tests.
    pub const ALL: &'static [Permission] = &[
        Permission::Public,
        Permission::Session,
        Permission::Read,
        Permission::Curate,
        Permission::Review,
        Permission::ReadAudit,
        Permission::Administer,
    ];

    /// The roles this permission is granted to (all of them for `Public` and `Session`).
    pub fn roles(self) -> Vec<Role> {
        Role::ALL.iter().copied().filter(|r| r.may(self)).collect()
    }
}

impl Role {
    /// Whether a signed-in user with this role has `permission`.
    pub fn may(self, permission: Permission) -> bool {
        use Permission::*;
        match permission {
            Public | Session | Read => true,
            Curate | ReadAudit => matches!(self, Role::Analyst | Role::Admin),
            Review => matches!(self, Role::Reviewer | Role::Admin),
            Administer => self == Role::Admin,
        }
    }
}

/// Shortest password accepted.
pub const PASSWORD_MIN_CHARS: usize = 12;
/// Longest password accepted (bounds the hashing work an attacker can ask for).
pub const PASSWORD_MAX_CHARS: usize = 256;

/// Why a password was refused. `Display` words it in English (command line, start-up); the
/// web layer words each outcome in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WeakPassword {
    /// Fewer than [`PASSWORD_MIN_CHARS`] characters (it has `chars`).
    #[error("the password must have at least {PASSWORD_MIN_CHARS} characters (it has {chars})")]
    TooShort { chars: usize },
    /// More than [`PASSWORD_MAX_CHARS`] characters.
    #[error("the password must have at most {PASSWORD_MAX_CHARS} characters (it has {chars})")]
    TooLong { chars: usize },
    /// Too easy to guess, with the strength estimator's advice.
    #[error("the password is too easy to guess{}", advice_text(.advice))]
    Guessable { advice: Vec<PasswordAdvice> },
}

fn advice_text(advice: &[PasswordAdvice]) -> String {
    advice.iter().map(|a| format!("; {a}")).collect()
}

/// One piece of the strength estimator's advice: what is wrong with the password, or how
/// to choose a better one. `Display` words it in English; the web layer in the reader's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PasswordAdvice {
    Warning(zxcvbn::feedback::Warning),
    Suggestion(zxcvbn::feedback::Suggestion),
}

// The estimator's enums are plain field-less enums: equality is total.
impl Eq for PasswordAdvice {}

impl std::fmt::Display for PasswordAdvice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            PasswordAdvice::Warning(w) => w.to_string(),
            PasswordAdvice::Suggestion(s) => s.to_string(),
        };
        f.write_str(&text.trim_end_matches('.').to_lowercase())
    }
}

/// Checks a new password: length, then strength against lists of common passwords,
/// dictionary words, keyboard patterns and the account's own e-mail address.
pub fn check_new_password(password: &str, email: &str) -> Result<(), WeakPassword> {
    let chars = password.chars().count();
    if chars < PASSWORD_MIN_CHARS {
        return Err(WeakPassword::TooShort { chars });
    }
    if chars > PASSWORD_MAX_CHARS {
        return Err(WeakPassword::TooLong { chars });
    }
    let local_part = email.split('@').next().unwrap_or(email);
    let estimate = zxcvbn::zxcvbn(password, &[email, local_part, "trustkb"]);
    if estimate.score() >= zxcvbn::Score::Three {
        return Ok(());
    }
    let mut advice = Vec::new();
    if let Some(feedback) = estimate.feedback() {
        advice.extend(feedback.warning().map(PasswordAdvice::Warning));
        advice.extend(
            feedback
                .suggestions()
                .iter()
                .map(|s| PasswordAdvice::Suggestion(*s)),
        );
    }
    Err(WeakPassword::Guessable { advice })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_grant_what_the_issue_says() {
        assert!(Role::Viewer.may(Permission::Read));
        assert!(!Role::Viewer.may(Permission::Curate));
        assert!(!Role::Viewer.may(Permission::ReadAudit));
        assert!(Role::Analyst.may(Permission::Curate));
        assert!(Role::Analyst.may(Permission::ReadAudit));
        assert!(!Role::Analyst.may(Permission::Review));
        assert!(Role::Reviewer.may(Permission::Review));
        assert!(!Role::Reviewer.may(Permission::Curate));
        assert!(!Role::Reviewer.may(Permission::Administer));
        for p in Permission::ALL {
            assert!(Role::Admin.may(*p), "admin lacks {p:?}");
        }
    }

    #[test]
    fn short_common_and_personal_passwords_are_refused() {
        assert!(check_new_password("short", "a@b.c").is_err());
        assert!(check_new_password("passwordpassword", "a@b.c").is_err());
        assert!(check_new_password("123456789012", "a@b.c").is_err());
        assert!(check_new_password("qwertyuiopasdf", "a@b.c").is_err());
        assert!(check_new_password("jeanne.dupont2024", "jeanne.dupont@example.com").is_err());
        assert!(check_new_password(&"x".repeat(300), "a@b.c").is_err());
        assert!(check_new_password("violet-harbour-cactus-19", "a@b.c").is_ok());
    }
}

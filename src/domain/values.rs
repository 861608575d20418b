//! Validated value types (newtypes): a value of these types is valid by construction.
//! Each is parsed once at the boundary (pack import, request) and carries its rule in its error.

use crate::i18n::{Arg, Message};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A value that broke one of the domain rules, as a catalogue message (`err-…`, in
/// `locales/*/errors.ftl`): pages show it in the reader's language, `Display` in English.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{0}")]
pub struct InvalidValue(pub Message);

impl InvalidValue {
    /// The rule broken: message `id` (arguments added with [`InvalidValue::with`]).
    pub fn new(id: &'static str) -> InvalidValue {
        InvalidValue(Message::new(id))
    }

    /// Adds an argument to the message.
    pub fn with(self, name: &'static str, value: impl Into<Arg>) -> InvalidValue {
        InvalidValue(self.0.with(name, value))
    }
}

impl From<InvalidValue> for Message {
    fn from(e: InvalidValue) -> Message {
        e.0
    }
}

macro_rules! string_newtype {
    ($(#[$meta:meta])* $name:ident, $check:path) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// Validates and wraps a value.
            pub fn parse(value: impl Into<String>) -> Result<Self, InvalidValue> {
                let value = value.into();
                $check(&value)?;
                Ok(Self(value))
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = InvalidValue;
            fn try_from(value: String) -> Result<Self, Self::Error> {
                Self::parse(value)
            }
        }

        /// The OpenAPI schema: a string (the rules of [`Self::parse`] are checked on input).
        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                crate::domain::schema::string_schema()
            }
        }

        impl utoipa::ToSchema for $name {}

        impl std::str::FromStr for $name {
            type Err = InvalidValue;
            fn from_str(value: &str) -> Result<Self, Self::Err> {
                Self::parse(value)
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> Self {
                value.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

/// Longest e-mail address accepted (RFC 5321 path limit).
pub const EMAIL_MAX_LEN: usize = 254;

fn check_email(value: &str) -> Result<(), InvalidValue> {
    let local_ok = |c: char| c.is_alphanumeric() || ".!#$%&'*+/=?^_`{|}~-".contains(c);
    let domain_ok = |c: char| c.is_alphanumeric() || c == '.' || c == '-';
    let well_formed = value.len() >= 3
        && value.len() <= EMAIL_MAX_LEN
        && !value.chars().any(char::is_uppercase)
        && value.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && local.chars().all(local_ok)
                && !domain.is_empty()
                && domain.chars().all(domain_ok)
                && !domain.starts_with(['.', '-'])
                && !domain.ends_with(['.', '-'])
        });
    if well_formed {
        Ok(())
    } else {
        Err(InvalidValue::new("err-email-invalid")
            .with("value", value)
            .with("max", EMAIL_MAX_LEN.to_string()))
    }
}

string_newtype!(
    /// A user's e-mail address, the account's identifier: trimmed and lower-cased by
    /// [`Email::normalise`] before it is checked.
    Email,
    check_email
);

impl Email {
    /// Trims and lower-cases what a person typed, then validates it.
    pub fn normalise(typed: &str) -> Result<Email, InvalidValue> {
        Email::parse(typed.trim().to_lowercase())
    }
}

/// Longest slug accepted.
pub const SLUG_MAX_LEN: usize = 80;
/// Longest single-line text (names, titles) accepted.
pub const LINE_MAX_LEN: usize = 300;
/// Longest free text (descriptions, summaries, quotes) accepted.
pub const TEXT_MAX_LEN: usize = 20_000;
/// Longest source full text accepted.
pub const SOURCE_TEXT_MAX_LEN: usize = 2_000_000;

fn check_slug(value: &str) -> Result<(), InvalidValue> {
    let well_formed = !value.is_empty()
        && value.len() <= SLUG_MAX_LEN
        && value.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        });
    if well_formed {
        Ok(())
    } else {
        Err(InvalidValue::new("err-slug-invalid")
            .with("value", value)
            .with("max", SLUG_MAX_LEN.to_string()))
    }
}

fn check_line(value: &str) -> Result<(), InvalidValue> {
    if value.trim().is_empty() {
        return Err(InvalidValue::new("err-empty"));
    }
    if value.trim() != value {
        return Err(InvalidValue::new("err-line-spaces").with("value", value));
    }
    if value.chars().count() > LINE_MAX_LEN || value.contains(['\n', '\r']) {
        return Err(InvalidValue::new("err-line-long").with("max", LINE_MAX_LEN.to_string()));
    }
    no_control_characters(value, &[])
}

/// Refuses control characters (a NUL byte, an escape...) other than the `allowed` ones: no
/// page can show them and PostgreSQL refuses NUL in text.
fn no_control_characters(value: &str, allowed: &[char]) -> Result<(), InvalidValue> {
    match value
        .chars()
        .find(|c| c.is_control() && !allowed.contains(c))
    {
        Some(c) => {
            Err(InvalidValue::new("err-control-char")
                .with("code", format!("U+{:04X}", u32::from(c))))
        }
        None => Ok(()),
    }
}

fn check_text(value: &str) -> Result<(), InvalidValue> {
    if value.trim().is_empty() {
        return Err(InvalidValue::new("err-empty"));
    }
    if value.chars().count() > TEXT_MAX_LEN {
        return Err(InvalidValue::new("err-text-long").with("max", TEXT_MAX_LEN.to_string()));
    }
    no_control_characters(value, &['\n', '\t'])
}

fn check_source_text(value: &str) -> Result<(), InvalidValue> {
    if value.trim().is_empty() {
        return Err(InvalidValue::new("err-source-text-empty"));
    }
    if value.len() > SOURCE_TEXT_MAX_LEN {
        return Err(
            InvalidValue::new("err-source-text-long").with("max", SOURCE_TEXT_MAX_LEN.to_string())
        );
    }
    if value.contains('\0') {
        return Err(InvalidValue::new("err-control-char").with("code", "U+0000"));
    }
    Ok(())
}

fn check_language(value: &str) -> Result<(), InvalidValue> {
    let mut parts = value.split('-');
    let primary_ok = parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_lowercase()));
    let region_ok = match (parts.next(), parts.next()) {
        (None, _) => true,
        (Some(r), None) => r.len() == 2 && r.bytes().all(|b| b.is_ascii_uppercase()),
        _ => false,
    };
    if primary_ok && region_ok {
        Ok(())
    } else {
        Err(InvalidValue::new("err-language-invalid").with("value", value))
    }
}

fn check_url(value: &str) -> Result<(), InvalidValue> {
    let rest = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"));
    match rest {
        Some(rest)
            if !rest.is_empty()
                && !rest.starts_with('/')
                && value.len() <= 2000
                && !value.chars().any(char::is_whitespace) =>
        {
            Ok(())
        }
        _ => Err(InvalidValue::new("err-url-invalid").with("value", value)),
    }
}

string_newtype!(
    /// A URL-safe identifier: lowercase letters, digits and single hyphens.
    Slug,
    check_slug
);
string_newtype!(
    /// A non-empty single line (names, titles), trimmed, at most `LINE_MAX_LEN` characters.
    Line,
    check_line
);
string_newtype!(
    /// Non-empty free text (descriptions, summaries, quotes, excerpts).
    Text,
    check_text
);
string_newtype!(
    /// The full text of a source document.
    SourceText,
    check_source_text
);
string_newtype!(
    /// An ISO 639 language code, optionally with an ISO 3166 region (`fr`, `en-GB`).
    LanguageCode,
    check_language
);
string_newtype!(
    /// An absolute http(s) URL.
    WebUrl,
    check_url
);

macro_rules! bounded_int {
    ($(#[$meta:meta])* $name:ident, $inner:ty, $min:expr, $max:expr, $what:literal) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(try_from = "i64", into = "i64")]
        pub struct $name($inner);

        impl $name {
            pub const MIN: $inner = $min;
            pub const MAX: $inner = $max;

            pub fn new(value: i64) -> Result<Self, InvalidValue> {
                match <$inner>::try_from(value) {
                    Ok(v) if (Self::MIN..=Self::MAX).contains(&v) => Ok(Self(v)),
                    _ => Err(InvalidValue::new("err-out-of-range")
                        .with("what", $what)
                        .with("value", value.to_string())
                        .with("min", Self::MIN.to_string())
                        .with("max", Self::MAX.to_string())),
                }
            }

            pub fn get(self) -> $inner {
                self.0
            }
        }

        /// The OpenAPI schema: an integer between the bounds.
        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                crate::domain::schema::integer_schema(i64::from(Self::MIN), i64::from(Self::MAX))
            }
        }

        impl utoipa::ToSchema for $name {}

        impl TryFrom<i64> for $name {
            type Error = InvalidValue;
            fn try_from(value: i64) -> Result<Self, Self::Error> {
                Self::new(value)
            }
        }

        impl From<$name> for i64 {
            fn from(value: $name) -> Self {
                i64::from(value.0)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

bounded_int!(
    /// Incident severity, 1 (minor) to 5 (critical).
    Severity, i32, 1, 5, "severity"
);
bounded_int!(
    /// Admiralty information credibility, 1 (confirmed) to 6 (cannot be judged).
    Credibility, i32, 1, 6, "credibility"
);
bounded_int!(
    /// A count of customers affected, never negative.
    CustomerCount, i32, 0, i32::MAX, "customer count"
);

impl Credibility {
    /// Grade 6: the truth of the information cannot be judged.
    pub const CANNOT_BE_JUDGED: Credibility = Credibility(6);

    /// The Admiralty wording of the credibility grade.
    pub fn label(self) -> &'static str {
        match self.0 {
            1 => "confirmed by other sources",
            2 => "probably true",
            3 => "possibly true",
            4 => "doubtful",
            5 => "improbable",
            _ => "truth cannot be judged",
        }
    }

    /// The catalogue message of the grade's wording (`credibility-1` … `credibility-6`).
    pub fn message_id(self) -> &'static str {
        match self.0 {
            1 => "credibility-1",
            2 => "credibility-2",
            3 => "credibility-3",
            4 => "credibility-4",
            5 => "credibility-5",
            _ => "credibility-6",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_accept_only_the_documented_shape() {
        assert!(Slug::parse("solarwinds-orion").is_ok());
        assert!(Slug::parse("m365").is_ok());
        for bad in ["", "-a", "a-", "a--b", "Orion", "é", "a b", &"a".repeat(81)] {
            assert!(Slug::parse(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn emails_are_normalised_and_checked() {
        assert_eq!(
            Email::normalise("  Alice.Martin@Example.COM ")
                .unwrap()
                .as_str(),
            "alice.martin@example.com"
        );
        assert!(Email::normalise("admin@localhost").is_ok());
        for bad in [
            "",
            "a",
            "@b.c",
            "a@",
            "a@b@c",
            "a b@c.d",
            "<script>@x.y",
            "a@-x.y",
            "a@x.y.",
        ] {
            assert!(Email::normalise(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn bounded_integers_refuse_out_of_range() {
        assert!(Severity::new(0).is_err());
        assert!(Severity::new(6).is_err());
        assert_eq!(Severity::new(5).map(Severity::get), Ok(5));
        assert!(Credibility::new(7).is_err());
        assert!(CustomerCount::new(-1).is_err());
        assert!(CustomerCount::new(i64::from(i32::MAX) + 1).is_err());
    }

    #[test]
    fn language_codes_and_urls() {
        assert!(LanguageCode::parse("fr").is_ok());
        assert!(LanguageCode::parse("fr-CA").is_ok());
        assert!(LanguageCode::parse("French").is_err());
        assert!(WebUrl::parse("https://example.org/a").is_ok());
        assert!(WebUrl::parse("ftp://example.org").is_err());
        assert!(WebUrl::parse("https://").is_err());
    }

    #[test]
    fn lines_are_trimmed_single_lines() {
        assert!(Line::parse("Mimecast").is_ok());
        assert!(Line::parse(" Mimecast").is_err());
        assert!(Line::parse("two\nlines").is_err());
        assert!(Line::parse("   ").is_err());
    }
}

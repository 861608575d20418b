//! Query parameters of the JSON API: each endpoint declares the parameters it takes once,
//! and that one list both checks a request (unknown, repeated or malformed ones are a 400
//! naming them) and describes the parameters in the OpenAPI document.

use super::super::curate::FieldErrors;
use super::super::error::{ApiError, WebError};
use crate::i18n::Message;
use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest};
use chrono::NaiveDate;
use std::future::{Ready, ready};
use std::str::FromStr;

/// What a query parameter holds.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    Text,
    Integer {
        min: i64,
        max: i64,
    },
    /// `YYYY-MM-DD`.
    Date,
    /// One of these values.
    Choice(&'static [&'static str]),
}

/// One query parameter an endpoint takes.
#[derive(Debug, Clone, Copy)]
pub struct Param {
    pub name: &'static str,
    pub about: &'static str,
    pub kind: Kind,
}

impl Param {
    pub const fn text(name: &'static str, about: &'static str) -> Param {
        Param {
            name,
            about,
            kind: Kind::Text,
        }
    }

    pub const fn integer(name: &'static str, about: &'static str, min: i64, max: i64) -> Param {
        Param {
            name,
            about,
            kind: Kind::Integer { min, max },
        }
    }

    pub const fn date(name: &'static str, about: &'static str) -> Param {
        Param {
            name,
            about,
            kind: Kind::Date,
        }
    }

    pub const fn choice(
        name: &'static str,
        about: &'static str,
        values: &'static [&'static str],
    ) -> Param {
        Param {
            name,
            about,
            kind: Kind::Choice(values),
        }
    }
}

/// `as_of`: the day the scores are computed for.
pub const AS_OF: Param = Param::date(
    "as_of",
    "The day the trust scores are computed for (YYYY-MM-DD); today when absent.",
);

/// The query string of a request, as name/value pairs.
#[derive(Debug, Default)]
pub struct QueryParams {
    pairs: Vec<(String, String)>,
}

impl FromRequest for QueryParams {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(QueryParams::parse(req.query_string()))
    }
}

impl QueryParams {
    /// Decodes `a=1&b=2`; a string that is not URL-encoded pairs is a 400.
    pub fn parse(query: &str) -> Result<QueryParams, ApiError> {
        let pairs = serde_urlencoded::from_str::<Vec<(String, String)>>(query)
            .map_err(|e| WebError::BadRequest(format!("invalid query string: {e}")))?;
        Ok(QueryParams { pairs })
    }

    /// Refuses parameters the endpoint does not take (listing those it does) and parameters
    /// given twice, then checks each value against its kind.
    pub fn check(&self, known: &[&[Param]]) -> Result<(), ApiError> {
        let mut errors = FieldErrors::default();
        let names: Vec<&str> = known
            .iter()
            .flat_map(|l| l.iter().map(|p| p.name))
            .collect();
        for (i, (name, value)) in self.pairs.iter().enumerate() {
            if self.pairs[..i].iter().any(|(n, _)| n == name) {
                errors.add_named(name.clone(), Message::new("api-param-repeated"));
                continue;
            }
            let Some(param) = known.iter().flat_map(|l| l.iter()).find(|p| p.name == name) else {
                let message = Message::new("api-param-unknown").with("known", names.join(", "));
                errors.add_named(name.clone(), message);
                continue;
            };
            if let Err(message) = checked(param.kind, value) {
                errors.add_named(name.clone(), message);
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(WebError::Fields(errors).into())
        }
    }

    /// The value of `name`, unless absent or empty.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(n, v)| n == name && !v.is_empty())
            .map(|(_, v)| v.as_str())
    }

    /// An integer parameter already checked by [`Self::check`].
    pub fn integer(&self, name: &str) -> Option<i64> {
        self.get(name).and_then(|v| v.parse().ok())
    }

    /// A date parameter already checked by [`Self::check`].
    pub fn date(&self, name: &str) -> Option<NaiveDate> {
        self.get(name).and_then(|v| parse_date(v).ok())
    }

    /// A choice parameter already checked by [`Self::check`], as its type.
    pub fn choice<T: FromStr>(&self, name: &str) -> Option<T> {
        self.get(name).and_then(|v| v.parse().ok())
    }

    /// `as_of`, or today.
    pub fn as_of(&self) -> NaiveDate {
        self.date(AS_OF.name)
            .unwrap_or_else(|| chrono::Utc::now().date_naive())
    }
}

fn parse_date(value: &str) -> Result<NaiveDate, chrono::ParseError> {
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
}

/// Whether `value` is a well-formed value of `kind` (empty means absent and always is).
fn checked(kind: Kind, value: &str) -> Result<(), Message> {
    if value.is_empty() {
        return Ok(());
    }
    match kind {
        Kind::Text => Ok(()),
        Kind::Integer { min, max } => match value.parse::<i64>() {
            Ok(n) if (min..=max).contains(&n) => Ok(()),
            _ => Err(Message::new("api-param-range")
                .with("value", value)
                .with("min", min.to_string())
                .with("max", max.to_string())),
        },
        Kind::Date => match parse_date(value) {
            Ok(_) => Ok(()),
            Err(_) => Err(Message::new("api-param-date").with("value", value)),
        },
        Kind::Choice(values) if values.contains(&value) => Ok(()),
        Kind::Choice(values) => Err(Message::new("err-unknown-value")
            .with("vocabulary", "value")
            .with("value", value)
            .with("allowed", values.join(", "))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIST: &[Param] = &[
        Param::integer("limit", "", 1, 500),
        Param::choice("tier", "", &["low", "high"]),
        AS_OF,
    ];

    fn problems(query: &str) -> Vec<String> {
        match QueryParams::parse(query).and_then(|q| q.check(&[LIST])) {
            Ok(()) => Vec::new(),
            Err(ApiError(WebError::Fields(errors))) => {
                errors.problems().into_iter().map(|p| p.field).collect()
            }
            Err(other) => vec![other.to_string()],
        }
    }

    #[test]
    fn known_parameters_pass_and_empty_ones_are_absent() {
        assert!(problems("limit=5&tier=low&as_of=2021-01-06").is_empty());
        assert!(problems("limit=&tier=").is_empty());
        let q = QueryParams::parse("limit=&tier=high").unwrap();
        assert_eq!(q.get("limit"), None);
        assert_eq!(q.get("tier"), Some("high"));
    }

    #[test]
    fn each_wrong_parameter_is_named() {
        assert_eq!(
            problems("limit=0&tier=huge&as_of=2021-13-01&colour=red&limit=2"),
            ["limit", "tier", "as_of", "colour", "limit"]
        );
        assert_eq!(problems("limit=-3"), ["limit"]);
        assert_eq!(problems("limit=99999999999999999999"), ["limit"]);
    }
}

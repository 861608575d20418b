//! Web errors: one enum for handlers, shown as an HTML page or as an RFC 9457 problem
//! document for the API; server faults are logged with their cause and never shown in full.

use crate::i18n::Message;
use crate::store::StoreError;
use actix_web::http::StatusCode;
use actix_web::http::header::ContentType;
use actix_web::{HttpResponse, ResponseError};
use askama::Template;
use serde::Serialize;
use std::fmt;

/// What went wrong while answering a request.
#[derive(Debug)]
pub enum WebError {
    NotFound(String),
    /// A stored record named in the request does not exist (`vendor "acme"`).
    Missing {
        kind: &'static str,
        key: String,
    },
    BadRequest(String),
    /// A bad request whose explanation the catalogue words (English on the API).
    Invalid(Message),
    /// Not signed in (no or a dead session, no or an unknown token).
    Unauthorized(String),
    /// Signed in, but the role does not allow it, or a CSRF or origin check failed.
    Forbidden(String),
    /// Clashes with stored data (duplicate, last administrator).
    Conflict(String),
    /// Throttled.
    TooManyRequests(String),
    /// Fields of a request body that are wrong, each with its reason (API: listed in the
    /// problem document's `errors`).
    Fields(super::curate::FieldErrors),
    /// A conditional write whose `If-Match` no longer names the stored record (412).
    PreconditionFailed(String),
    /// A write that must be conditional came without `If-Match` (428).
    PreconditionRequired(String),
    /// A body in a media type the route does not take (415).
    UnsupportedMediaType(String),
    /// A body over the route's size limit (413).
    PayloadTooLarge(String),
    /// No database connection came free in time, or SQLite stayed locked by another writer:
    /// 503 with `Retry-After`, nothing changed.
    Unavailable(String),
    Internal(String),
}

impl WebError {
    pub fn status(&self) -> StatusCode {
        match self {
            WebError::NotFound(_) | WebError::Missing { .. } => StatusCode::NOT_FOUND,
            WebError::BadRequest(_) | WebError::Invalid(_) => StatusCode::BAD_REQUEST,
            WebError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            WebError::Forbidden(_) => StatusCode::FORBIDDEN,
            WebError::Conflict(_) => StatusCode::CONFLICT,
            WebError::TooManyRequests(_) => StatusCode::TOO_MANY_REQUESTS,
            WebError::Fields(_) => StatusCode::BAD_REQUEST,
            WebError::PreconditionFailed(_) => StatusCode::PRECONDITION_FAILED,
            WebError::PreconditionRequired(_) => StatusCode::PRECONDITION_REQUIRED,
            WebError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            WebError::PayloadTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            WebError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            WebError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The message safe to show to the user.
    pub fn public_message(&self) -> String {
        match self {
            WebError::NotFound(m)
            | WebError::BadRequest(m)
            | WebError::Unauthorized(m)
            | WebError::Forbidden(m)
            | WebError::Conflict(m)
            | WebError::TooManyRequests(m)
            | WebError::PreconditionFailed(m)
            | WebError::PreconditionRequired(m)
            | WebError::UnsupportedMediaType(m)
            | WebError::PayloadTooLarge(m) => m.clone(),
            WebError::Fields(errors) => format!("invalid fields: {}", errors.detail()),
            WebError::Missing { kind, key } => format!("{kind} \"{key}\" not found"),
            WebError::Invalid(message) => message.render(crate::i18n::Lang::En),
            WebError::Unavailable(_) => "The server is busy; try again in a moment.".into(),
            WebError::Internal(_) => "Something went wrong on our side; it has been logged.".into(),
        }
    }

    /// The message safe to show to the user, in the reader's language where the catalogue
    /// has it (details from lower layers stay as they are).
    pub fn page_message(&self) -> Message {
        match self {
            WebError::Missing { kind, key } => {
                let message = match *kind {
                    "vendor" => Message::new("error-missing-vendor"),
                    "product" => Message::new("error-missing-product"),
                    "incident" => Message::new("error-missing-incident"),
                    "source" => Message::new("error-missing-source"),
                    "account" => Message::new("error-missing-account"),
                    _ => return Message::verbatim(self.public_message()),
                };
                message.with("key", key.clone())
            }
            WebError::Internal(_) => Message::new("error-internal"),
            WebError::Unavailable(_) => Message::new("error-busy"),
            WebError::Invalid(message) => message.clone(),
            other => Message::verbatim(other.public_message()),
        }
    }
}

impl fmt::Display for WebError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WebError::NotFound(m)
            | WebError::BadRequest(m)
            | WebError::Unauthorized(m)
            | WebError::Forbidden(m)
            | WebError::Conflict(m)
            | WebError::TooManyRequests(m)
            | WebError::PreconditionFailed(m)
            | WebError::PreconditionRequired(m)
            | WebError::UnsupportedMediaType(m)
            | WebError::PayloadTooLarge(m)
            | WebError::Unavailable(m)
            | WebError::Internal(m) => f.write_str(m),
            WebError::Missing { .. } | WebError::Invalid(_) | WebError::Fields(_) => {
                f.write_str(&self.public_message())
            }
        }
    }
}

impl From<StoreError> for WebError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound { kind, key } => WebError::Missing { kind, key },
            StoreError::Conflict(m) => WebError::Conflict(m),
            // Two writers racing past the same uniqueness check: the database decides.
            StoreError::Query(diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::UniqueViolation,
                _,
            )) => WebError::Conflict(
                "that identifier was just taken by another change; reload and choose another"
                    .into(),
            ),
            // Every connection in use for the pool's whole wait, or another writer holding
            // SQLite's lock past the busy timeout: the request can be tried again.
            StoreError::Pool(e) => {
                tracing::warn!(error = %e, "no database connection came free");
                WebError::Unavailable(e.to_string())
            }
            StoreError::Query(diesel::result::Error::DatabaseError(_, info))
                if info.message() == "database is locked" =>
            {
                tracing::warn!("the SQLite database stayed locked by another writer");
                WebError::Unavailable(info.message().to_owned())
            }
            other => {
                tracing::error!(error = %other, cause = ?std::error::Error::source(&other), "storage error");
                WebError::Internal(other.to_string())
            }
        }
    }
}

/// The HTML error page.
#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub nav: super::identity::Nav,
    pub status: u16,
    /// The catalogue message naming the status ("http-404").
    pub reason_id: &'static str,
    pub message: String,
}

/// A page handler's error: rendered as an HTML page.
#[derive(Debug)]
pub struct PageError(pub WebError);

impl<E: Into<WebError>> From<E> for PageError {
    fn from(e: E) -> Self {
        PageError(e.into())
    }
}

impl fmt::Display for PageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// The catalogue message naming an HTTP status.
fn reason_id(status: StatusCode) -> &'static str {
    match status.as_u16() {
        400 => "http-400",
        401 => "http-401",
        403 => "http-403",
        404 => "http-404",
        405 => "http-405",
        409 => "http-409",
        412 => "http-412",
        413 => "http-413",
        415 => "http-415",
        422 => "http-422",
        428 => "http-428",
        429 => "http-429",
        500 => "http-500",
        503 => "http-503",
        _ => "http-error",
    }
}

/// Renders the error page for a status and message.
pub fn error_page(status: StatusCode, message: impl Into<Message>) -> HttpResponse {
    error_page_for(&super::identity::Nav::default(), status, message.into())
}

/// Renders the error page with the reader's header and language.
pub fn error_page_for(
    nav: &super::identity::Nav,
    status: StatusCode,
    message: Message,
) -> HttpResponse {
    let message = nav.msg(&message);
    let mut chars = message.chars();
    let message = match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => message,
    };
    let page = ErrorPage {
        nav: nav.clone(),
        status: status.as_u16(),
        reason_id: reason_id(status),
        message,
    };
    match page.render() {
        Ok(body) => with_retry_after(HttpResponse::build(status), status)
            .content_type(ContentType::html())
            .body(body),
        Err(e) => {
            tracing::error!(error = %e, "cannot render the error page");
            HttpResponse::build(status)
                .content_type(ContentType::plaintext())
                .body(page.message)
        }
    }
}

impl ResponseError for PageError {
    fn status_code(&self) -> StatusCode {
        self.0.status()
    }

    fn error_response(&self) -> HttpResponse {
        error_page(self.0.status(), self.0.page_message())
    }
}

/// An RFC 9457 problem document.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Problem {
    /// `about:blank`: the status says what kind of problem it is.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// The status's reason phrase.
    pub title: String,
    pub status: u16,
    /// What was wrong, in English.
    pub detail: String,
    /// Each wrong field of the request body, when the body was refused field by field.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[schema(required = false)]
    pub errors: Vec<FieldProblem>,
}

/// One wrong field of a request body or query string.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct FieldProblem {
    /// The field's name, as the request body spells it.
    pub field: String,
    /// Why it was refused, in English.
    pub detail: String,
}

/// Builds a problem response.
pub fn problem(status: StatusCode, detail: String) -> HttpResponse {
    problem_with(status, detail, Vec::new())
}

/// Builds a problem response that lists the wrong fields.
pub fn problem_with(status: StatusCode, detail: String, errors: Vec<FieldProblem>) -> HttpResponse {
    let body = Problem {
        kind: "about:blank",
        title: status.canonical_reason().unwrap_or("Error").to_owned(),
        status: status.as_u16(),
        detail,
        errors,
    };
    with_retry_after(HttpResponse::build(status), status)
        .content_type("application/problem+json")
        .json(body)
}

/// A 503 tells the client when to try again (in a second: the database is only busy).
fn with_retry_after(
    mut response: actix_web::HttpResponseBuilder,
    status: StatusCode,
) -> actix_web::HttpResponseBuilder {
    if status == StatusCode::SERVICE_UNAVAILABLE {
        response.insert_header((actix_web::http::header::RETRY_AFTER, "1"));
    }
    response
}

/// An API handler's error: rendered as `application/problem+json`.
#[derive(Debug)]
pub struct ApiError(pub WebError);

impl<E: Into<WebError>> From<E> for ApiError {
    fn from(e: E) -> Self {
        ApiError(e.into())
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.0.status()
    }

    fn error_response(&self) -> HttpResponse {
        let errors = match &self.0 {
            WebError::Fields(fields) => fields.problems(),
            _ => Vec::new(),
        };
        problem_with(self.0.status(), self.0.public_message(), errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use diesel::result::{DatabaseErrorKind, Error as DieselError};

    #[test]
    fn a_locked_database_is_a_503_to_try_again() {
        let locked = StoreError::Query(DieselError::DatabaseError(
            DatabaseErrorKind::Unknown,
            Box::new(String::from("database is locked")),
        ));
        let error = WebError::from(locked);
        assert_eq!(error.status(), StatusCode::SERVICE_UNAVAILABLE);
        let busy = || WebError::Unavailable("database is locked".into());
        for response in [
            ApiError(busy()).error_response(),
            PageError(busy()).error_response(),
        ] {
            assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
            let retry = response.headers().get(actix_web::http::header::RETRY_AFTER);
            assert_eq!(retry.and_then(|v| v.to_str().ok()), Some("1"));
        }
        let other = StoreError::Query(DieselError::DatabaseError(
            DatabaseErrorKind::Unknown,
            Box::new(String::from("disk I/O error")),
        ));
        assert_eq!(
            WebError::from(other).status(),
            StatusCode::INTERNAL_SERVER_ERROR
        );
        let fine = ApiError(WebError::NotFound("x".into())).error_response();
        assert!(
            fine.headers()
                .get(actix_web::http::header::RETRY_AFTER)
                .is_none()
        );
    }
}

//! The route table: every route with the permission it requires (pages, API, health check,
//! assets), registered from that one table, plus the 404 answers (a page, or a problem).

mod api;
pub mod index;
mod pages;

use super::access;
use super::api::doc::Op;
use super::error::{error_page, problem};
use crate::domain::accounts::Permission;
use actix_web::error::{JsonPayloadError, QueryPayloadError, UrlencodedError};
use actix_web::http::{Method, StatusCode};
use actix_web::{HttpRequest, HttpResponse, Route, web};
use std::sync::LazyLock;

async fn not_found(req: HttpRequest) -> HttpResponse {
    if req.path().starts_with("/api/") {
        problem(StatusCode::NOT_FOUND, format!("No page at {}", req.path()))
    } else {
        let message = crate::i18n::Message::new("error-no-page").with("path", req.path());
        let nav = super::identity::Nav::for_request(&req, None);
        super::error::error_page_for(&nav, StatusCode::NOT_FOUND, message)
    }
}

fn api_query_error(err: QueryPayloadError, _req: &HttpRequest) -> actix_web::Error {
    let detail = format!("invalid query string: {err}");
    actix_web::error::InternalError::from_response(err, problem(StatusCode::BAD_REQUEST, detail))
        .into()
}

fn api_json_error(err: JsonPayloadError, _req: &HttpRequest) -> actix_web::Error {
    let detail = format!("invalid JSON body: {err}");
    actix_web::error::InternalError::from_response(err, problem(StatusCode::BAD_REQUEST, detail))
        .into()
}

fn page_form_error(err: UrlencodedError, _req: &HttpRequest) -> actix_web::Error {
    let detail = format!("Invalid form: {err}");
    actix_web::error::InternalError::from_response(err, error_page(StatusCode::BAD_REQUEST, detail))
        .into()
}

fn page_query_error(err: QueryPayloadError, _req: &HttpRequest) -> actix_web::Error {
    let detail = format!("Invalid query string: {err}");
    actix_web::error::InternalError::from_response(err, error_page(StatusCode::BAD_REQUEST, detail))
        .into()
}

/// An HTTP method a route answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verb {
    Get,
    Post,
    Patch,
    Delete,
}

impl Verb {
    pub fn method(self) -> Method {
        match self {
            Verb::Get => Method::GET,
            Verb::Post => Method::POST,
            Verb::Patch => Method::PATCH,
            Verb::Delete => Method::DELETE,
        }
    }
}

/// Who checks the CSRF token of a state-changing page request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Csrf {
    /// The access gate, before the handler runs.
    Gate,
    /// The handler, for a multipart upload (its token is a field of a body too large for the
    /// gate to read): the gate leaves `access::CsrfCheck::Pending`, and the handler refuses
    /// the form unless it carries the token before its file (`tests/access.rs` checks it).
    Handler,
}

/// One route: method, path pattern, the permission it requires, and its handler.
pub struct RouteRule {
    pub verb: Verb,
    pub path: &'static str,
    pub permission: Permission,
    pub handler: fn() -> Route,
    pub csrf: Csrf,
    /// How an API route describes itself in the OpenAPI document.
    pub doc: Option<fn() -> Op>,
}

impl Clone for RouteRule {
    fn clone(&self) -> Self {
        *self
    }
}

impl Copy for RouteRule {}

pub(super) const fn rule(
    verb: Verb,
    path: &'static str,
    permission: Permission,
    handler: fn() -> Route,
) -> RouteRule {
    RouteRule {
        verb,
        path,
        permission,
        handler,
        csrf: Csrf::Gate,
        doc: None,
    }
}

impl RouteRule {
    /// The route's handler checks the CSRF token of a multipart upload (see [`Csrf`]).
    pub(super) const fn csrf_in_handler(self) -> RouteRule {
        RouteRule {
            csrf: Csrf::Handler,
            ..self
        }
    }

    /// How the API route describes itself in the OpenAPI document.
    pub(super) const fn doc(self, doc: fn() -> Op) -> RouteRule {
        RouteRule {
            doc: Some(doc),
            ..self
        }
    }
}

/// Every route of the application: the pages, then the API. Routes are registered from
/// this table only, so a route cannot exist without its rule; `tests/access.rs` checks each
/// one for every role.
pub static ROUTES: LazyLock<Vec<RouteRule>> =
    LazyLock::new(|| [pages::PAGE_ROUTES, api::API_ROUTES].concat());

/// The rule for a request's method and matched path pattern.
pub fn rule_for(method: &Method, pattern: &str) -> Option<&'static RouteRule> {
    ROUTES
        .iter()
        .find(|r| r.path == pattern && r.verb.method() == *method)
}

/// The distinct paths of [`ROUTES`] in the order they are registered: static paths first, so
/// that one wins over a pattern with parameters that also matches it (`/vendors/new` over
/// `/vendors/{slug}`) and is found without trying those patterns; then the patterns, in the
/// table's order.
pub(crate) fn paths() -> Vec<&'static str> {
    let mut paths: Vec<&'static str> = Vec::new();
    for r in ROUTES.iter() {
        if !paths.contains(&r.path) {
            paths.push(r.path);
        }
    }
    paths.sort_by_key(|path| !index::is_static(path));
    paths
}

/// Registers every route in [`ROUTES`], one resource per path, with the error handlers of
/// the API or of the pages.
pub fn configure(cfg: &mut web::ServiceConfig) {
    for path in paths() {
        let mut resource = web::resource(path);
        resource = if path.starts_with("/api/") {
            resource
                .app_data(web::QueryConfig::default().error_handler(api_query_error))
                .app_data(
                    web::JsonConfig::default()
                        .limit(1 << 20)
                        .error_handler(api_json_error),
                )
        } else {
            resource
                .app_data(web::QueryConfig::default().error_handler(page_query_error))
                .app_data(
                    web::FormConfig::default()
                        .limit(access::FORM_LIMIT)
                        .error_handler(page_form_error),
                )
        };
        for r in ROUTES.iter().filter(|r| r.path == path) {
            resource = resource.route((r.handler)().method(r.verb.method()));
        }
        cfg.service(resource);
    }
    cfg.default_service(web::to(not_found));
}

//! The one gate every request passes: it finds the route's rule in the route table,
//! authenticates (session cookie for pages, bearer token for the API), decides by role,
//! checks the origin and CSRF token of state-changing forms (leaving the token of a multipart
//! upload to routes marked `Csrf::Handler`), and adds security headers.

use super::credential_checks::{Holder, Secret};
use super::error::{PageError, error_page_for, problem};
use super::freshness::SeenGeneration;
use super::identity::{
    CSRF_FIELD, Credential, Nav, PRESESSION_COOKIE, Principal, SESSION_COOKIE, client_address,
    is_https, read_sealed,
};
use super::routes::index::pattern_of;
use super::routes::{Csrf, RouteRule, rule_for};
use super::state::AppState;
use crate::auth::tokens::same_secret;
use crate::domain::Role;
use crate::domain::accounts::Permission;
use crate::i18n::{Lang, Message, translate};
use actix_web::body::{BoxBody, EitherBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::{HttpMessage, HttpRequest, HttpResponse, web};

/// Largest form body the CSRF check reads (the same limit applies to page forms).
pub const FORM_LIMIT: usize = 4 << 20;

/// Why a request is turned away.
enum Refusal {
    SignIn,
    PasswordChange,
    /// The role does not have the permission.
    Forbidden(Role, Permission),
}

/// The access middleware (`actix_web::middleware::from_fn`).
pub async fn gate(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    let api = req.path().starts_with("/api/");
    let https = is_https(req.request());
    let rule = pattern_of(req.path()).and_then(|pattern| rule_for(req.method(), pattern));
    let Some(rule) = rule else {
        // No route: the not-found handler answers; nothing to protect.
        let response = next.call(req).await?.map_into_boxed_body();
        return finish(response, https).map(|r| r.map_into_left_body());
    };
    let principal = match authenticate(&req, api).await {
        Ok(p) => p,
        Err(e) => {
            return Ok(early(
                req,
                failure(&Nav::default(), e.status(), e.page_message(), api),
                https,
            ));
        }
    };
    let nav = Nav::for_request(req.request(), principal.as_ref());
    if let Err(refusal) = authorise(rule, principal.as_ref()) {
        let response = refusal_response(&req, &nav, refusal, api);
        return Ok(early(req, response, https));
    }
    if !api && !is_safe(req.method()) {
        let expected = match principal.as_ref().map(|p| &p.credential) {
            Some(Credential::Session { csrf_token, .. }) => Some(csrf_token.clone()),
            _ => req
                .app_data::<web::Data<AppState>>()
                .and_then(|s| read_sealed(req.request(), &s.cookie_key, PRESESSION_COOKIE)),
        };
        let checked = match check_origin(&req) {
            Err(reason) => Err((StatusCode::FORBIDDEN, reason)),
            Ok(()) if left_to_handler(rule, &req) => Ok(CsrfCheck::Pending(expected)),
            Ok(()) => check_csrf(&mut req, expected.as_deref())
                .await
                .map(|()| CsrfCheck::Done),
        };
        match checked {
            Ok(check) => {
                req.extensions_mut().insert(check);
            }
            Err((status, reason)) => {
                let response = failure(&nav, status, reason, api);
                return Ok(early(req, response, https));
            }
        }
    }
    if let Some(p) = principal {
        req.extensions_mut().insert(p);
    }
    let response = with_header_on_error_page(next.call(req).await?, &nav);
    finish(response, https).map(|r| r.map_into_left_body())
}

/// A handler's error page is rendered without the request; give it the reader's header
/// (navigation, sign-out) and language here.
fn with_header_on_error_page<B: MessageBody + 'static>(
    res: ServiceResponse<B>,
    nav: &Nav,
) -> ServiceResponse<BoxBody> {
    let page_error = res
        .response()
        .error()
        .and_then(|e| e.as_error::<PageError>())
        .map(|e| (e.0.status(), e.0.page_message()));
    match page_error {
        Some((status, message)) => {
            let (req, _) = res.into_parts();
            ServiceResponse::new(req, error_page_for(nav, status, message))
        }
        _ => res.map_into_boxed_body(),
    }
}

fn is_safe(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Finds who is asking: a bearer token on the API, the session cookie on pages. The check
/// also reads the knowledge base's generation, for the handler's caches.
async fn authenticate(
    req: &ServiceRequest,
    api: bool,
) -> Result<Option<Principal>, super::error::WebError> {
    let Some(state) = req.app_data::<web::Data<AppState>>().cloned() else {
        return Ok(None);
    };
    let secret = if api {
        bearer_token(req).map(Secret::Token)
    } else {
        read_sealed(req.request(), &state.cookie_key, SESSION_COOKIE).map(Secret::Session)
    };
    let Some(secret) = secret else {
        return Ok(None);
    };
    let checks = std::sync::Arc::clone(&state.credentials);
    let checked = checks.check(state, secret).await?;
    req.extensions_mut()
        .insert(SeenGeneration(Some(checked.generation)));
    let address = client_address(req.request());
    Ok(checked.holder.map(|holder| match holder {
        Holder::Token { account, id } => Principal {
            account,
            credential: Credential::Token { id },
            address,
        },
        Holder::Session(s) => Principal {
            account: s.account,
            credential: Credential::Session {
                id: s.id,
                csrf_token: s.csrf_token,
            },
            address,
        },
    }))
}

fn bearer_token(req: &ServiceRequest) -> Option<String> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.trim().split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim().to_owned())
        .filter(|t| !t.is_empty())
}

/// The route's rule applied to the principal.
fn authorise(rule: &RouteRule, principal: Option<&Principal>) -> Result<(), Refusal> {
    if rule.permission == Permission::Public {
        return Ok(());
    }
    let Some(principal) = principal else {
        return Err(Refusal::SignIn);
    };
    if principal.account.must_change_password
        && rule.permission != Permission::Session
        && matches!(principal.credential, Credential::Session { .. })
    {
        return Err(Refusal::PasswordChange);
    }
    if principal.may(rule.permission) {
        Ok(())
    } else {
        Err(Refusal::Forbidden(principal.account.role, rule.permission))
    }
}

/// "your role (viewer) does not allow this; it needs: analyst, administrator".
fn role_refusal(lang: Lang, role: Role, permission: Permission) -> Message {
    let name = |r: Role| translate(lang, r.message_id(), &[]).to_lowercase();
    Message::new("error-role-refused")
        .with("role", name(role))
        .with(
            "roles",
            permission
                .roles()
                .into_iter()
                .map(name)
                .collect::<Vec<_>>()
                .join(", "),
        )
}

/// A state-changing form must come from this site: its `Origin` (or, failing that, its
/// `Referer`) must name this host. Requests carrying neither rely on the CSRF token alone.
fn check_origin(req: &ServiceRequest) -> Result<(), Message> {
    let info = req.connection_info();
    let ours = format!("{}://{}", info.scheme(), info.host());
    let theirs = match req.headers().get(header::ORIGIN) {
        Some(origin) => origin.to_str().unwrap_or("").to_owned(),
        None => match req
            .headers()
            .get(header::REFERER)
            .and_then(|r| r.to_str().ok())
        {
            Some(referer) => origin_of(referer),
            None => return Ok(()),
        },
    };
    if theirs.eq_ignore_ascii_case(&ours) {
        Ok(())
    } else {
        Err(Message::new("error-other-site").with("origin", theirs))
    }
}

/// `scheme://host[:port]` of a URL.
fn origin_of(url: &str) -> String {
    let after_scheme = url.find("://").map_or(0, |i| i + 3);
    match url[after_scheme..].find('/') {
        Some(i) => url[..after_scheme + i].to_owned(),
        None => url.to_owned(),
    }
}

/// The form's `csrf_token` field (or the `X-CSRF-Token` header) must equal the session's
/// token. The body is read here (up to [`FORM_LIMIT`]) and put back for the handler.
async fn check_csrf(
    req: &mut ServiceRequest,
    expected: Option<&str>,
) -> Result<(), (StatusCode, Message)> {
    let missing = || (StatusCode::FORBIDDEN, Message::new("error-csrf"));
    let Some(expected) = expected else {
        return Err(missing());
    };
    if let Some(sent) = csrf_header(req) {
        return if token_matches(sent, expected) {
            Ok(())
        } else {
            Err(missing())
        };
    }
    let is_form = content_type(req).starts_with("application/x-www-form-urlencoded");
    if !is_form {
        return Err(missing());
    }
    let body = match req.extract::<web::Bytes>().await {
        Ok(body) => body,
        Err(e) => {
            let status = e.as_response_error().status_code();
            let status = if status == StatusCode::PAYLOAD_TOO_LARGE {
                status
            } else {
                StatusCode::BAD_REQUEST
            };
            return Err((
                status,
                Message::new("error-form-unreadable").with("detail", e.to_string()),
            ));
        }
    };
    let sent = serde_urlencoded::from_bytes::<Vec<(String, String)>>(&body)
        .ok()
        .and_then(|fields| fields.into_iter().find(|(k, _)| k == CSRF_FIELD))
        .map(|(_, v)| v);
    req.set_payload(Payload::from(body));
    match sent {
        Some(sent) if token_matches(&sent, expected) => Ok(()),
        _ => Err(missing()),
    }
}

/// Whether a form's token is the one expected: the one comparison every CSRF check makes
/// (in constant time).
fn token_matches(sent: &str, expected: &str) -> bool {
    same_secret(sent, expected)
}

fn csrf_header(req: &ServiceRequest) -> Option<&str> {
    req.headers()
        .get("x-csrf-token")
        .and_then(|v| v.to_str().ok())
}

fn content_type(req: &ServiceRequest) -> &str {
    req.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
}

/// A multipart upload to a route marked [`Csrf::Handler`] without the `X-CSRF-Token` header:
/// its token is a field of a body too large to read here, so its handler checks it.
fn left_to_handler(rule: &RouteRule, req: &ServiceRequest) -> bool {
    let multipart = content_type(req)
        .split(';')
        .next()
        .is_some_and(|kind| kind.trim().eq_ignore_ascii_case("multipart/form-data"));
    rule.csrf == Csrf::Handler && multipart && csrf_header(req).is_none()
}

/// The CSRF check of a state-changing page request, as the gate leaves it in the request's
/// extensions. On a route marked [`Csrf::Handler`] a multipart form comes `Pending`, and its
/// handler must pass the form's token to [`CsrfCheck::accepts`] before using its file.
#[derive(Debug, Clone)]
pub enum CsrfCheck {
    /// The gate checked the token (a url-encoded field or the `X-CSRF-Token` header).
    Done,
    /// The token the form must carry (none: no session, so nothing is accepted).
    Pending(Option<String>),
}

impl CsrfCheck {
    /// The check the gate left for this request; `Pending(None)`, which accepts nothing,
    /// when it left none.
    pub fn of(req: &HttpRequest) -> CsrfCheck {
        req.extensions()
            .get::<CsrfCheck>()
            .cloned()
            .unwrap_or(CsrfCheck::Pending(None))
    }

    pub fn is_done(&self) -> bool {
        matches!(self, CsrfCheck::Done)
    }

    /// Whether `sent`, the form's `csrf_token` field, lets the request through.
    pub fn accepts(&self, sent: &str) -> bool {
        match self {
            CsrfCheck::Done => true,
            CsrfCheck::Pending(Some(expected)) => token_matches(sent, expected),
            CsrfCheck::Pending(None) => false,
        }
    }
}

/// The answer to a refused request: sign in (401 on the API, a redirect on pages), change
/// the one-time password first, or 403.
fn refusal_response(req: &ServiceRequest, nav: &Nav, refusal: Refusal, api: bool) -> HttpResponse {
    match refusal {
        Refusal::SignIn if api => {
            let mut response = problem(
                StatusCode::UNAUTHORIZED,
                "authentication required: send Authorization: Bearer <token> (create one with \
                 `trustkb token create` or on your account page)"
                    .into(),
            );
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"trustkb\""),
            );
            response
        }
        Refusal::SignIn => redirect(&sign_in_target(req)),
        Refusal::PasswordChange if api => failure(
            nav,
            StatusCode::FORBIDDEN,
            Message::new("error-password-change-first"),
            api,
        ),
        Refusal::PasswordChange => redirect("/account/password"),
        Refusal::Forbidden(role, permission) => {
            let lang = if api { Lang::En } else { nav.lang };
            let message = role_refusal(lang, role, permission);
            failure(nav, StatusCode::FORBIDDEN, message, api)
        }
    }
}

fn redirect(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location.to_owned()))
        .finish()
}

/// An error as a problem document on the API (in English), as a page elsewhere (in the
/// reader's language).
fn failure(nav: &Nav, status: StatusCode, message: Message, api: bool) -> HttpResponse {
    if api {
        problem(status, message.render(Lang::En))
    } else {
        error_page_for(nav, status, message)
    }
}

/// Answers without calling the handler.
fn early<B>(
    req: ServiceRequest,
    response: HttpResponse,
    https: bool,
) -> ServiceResponse<EitherBody<B>> {
    let mut response = req.into_response(response);
    add_headers(response.headers_mut(), https);
    response.map_into_right_body()
}

/// `/login?next=<the page asked for>`; only GET pages are worth coming back to.
fn sign_in_target(req: &ServiceRequest) -> String {
    if req.method() != Method::GET || req.path() == "/" {
        return "/login".into();
    }
    let wanted = match req.query_string() {
        "" => req.path().to_owned(),
        q => format!("{}?{q}", req.path()),
    };
    let encoded: String =
        serde_urlencoded::to_string([("next", wanted.as_str())]).unwrap_or_default();
    format!("/login?{encoded}")
}

/// Adds the headers that depend on the request to a response.
fn finish<B>(
    mut res: ServiceResponse<B>,
    https: bool,
) -> Result<ServiceResponse<B>, actix_web::Error> {
    add_headers(res.headers_mut(), https);
    Ok(res)
}

fn add_headers(headers: &mut header::HeaderMap, https: bool) {
    if https {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    // What a page shows depends on who asks: shared caches must not keep it.
    if !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
}

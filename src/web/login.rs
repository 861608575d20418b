//! Signing in and out: the sign-in form (with its own CSRF token before any session
//! exists), throttling per account and per address, and answers that never reveal whether
//! an e-mail has an account.

use super::error::{PageError, WebError};
use super::identity::{
    Nav, PRESESSION_COOKIE, Principal, SESSION_COOKIE, client_address, is_https, read_sealed,
    removal_cookie, sealed_cookie,
};
use super::state::AppState;
use crate::auth::random_token;
use crate::i18n::Message;
use crate::store::pack::seed::import_time;
use crate::store::sign_in::{self as store, Attempt, Outcome, Throttle};
use actix_web::http::StatusCode;
use actix_web::http::header::LOCATION;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    nav: Nav,
    csrf_token: String,
    email: String,
    next: String,
    message: Option<Message>,
}

/// `?next=` on the sign-in form.
#[derive(Debug, Deserialize)]
pub struct NextQuery {
    pub next: Option<String>,
}

/// Only a path on this site is a place to go back to.
fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n) if n.starts_with('/') && !n.starts_with("//") && !n.contains('\\') => n.to_owned(),
        _ => "/".to_owned(),
    }
}

/// The form, with a fresh CSRF token kept in a sealed cookie until a session exists.
fn render(
    state: &AppState,
    page: &LoginPage,
    status: StatusCode,
    https: bool,
) -> Result<HttpResponse, PageError> {
    let body = page
        .render()
        .map_err(|e| WebError::Internal(format!("sign-in page: {e}")))?;
    let cookie = sealed_cookie(
        &state.cookie_key,
        PRESESSION_COOKIE,
        page.csrf_token.clone(),
        https,
    );
    Ok(HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .cookie(cookie)
        .body(body))
}

fn presession_token(req: &HttpRequest, state: &AppState) -> Result<String, PageError> {
    match read_sealed(req, &state.cookie_key, PRESESSION_COOKIE) {
        Some(token) => Ok(token),
        None => random_token(32).map_err(|e| PageError(WebError::Internal(e.to_string()))),
    }
}

fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((LOCATION, location.to_owned()))
        .finish()
}

/// `GET /login`: the sign-in form (signed-in users go on to where they were going).
pub async fn form(
    nav: Nav,
    req: HttpRequest,
    state: web::Data<AppState>,
    principal: Option<Principal>,
    query: web::Query<NextQuery>,
) -> Result<HttpResponse, PageError> {
    let next = safe_next(query.next.as_deref());
    if principal.is_some() {
        return Ok(see_other(&next));
    }
    let page = LoginPage {
        nav: nav.clone(),
        csrf_token: presession_token(&req, &state)?,
        email: String::new(),
        next,
        message: None,
    };
    render(&state, &page, StatusCode::OK, is_https(&req))
}

/// The sign-in form's fields.
#[derive(Debug, Deserialize)]
pub struct SignInForm {
    pub email: String,
    pub password: String,
    pub next: Option<String>,
}

/// `POST /login`.
pub async fn sign_in(
    nav: Nav,
    req: HttpRequest,
    state: web::Data<AppState>,
    form: web::Form<SignInForm>,
) -> Result<HttpResponse, PageError> {
    let form = form.into_inner();
    let https = is_https(&req);
    let address = client_address(&req);
    let user_agent = req
        .headers()
        .get("user-agent")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let now = import_time();
    let (typed, password) = (form.email.clone(), form.password);
    let outcome = state
        .run(move |c| {
            let attempt = Attempt {
                email: &typed,
                password: &password,
                address: &address,
                user_agent: &user_agent,
            };
            store::sign_in(c, &attempt, Throttle::default(), now)
        })
        .await?;
    let retry = |message: Message, status: StatusCode| -> Result<HttpResponse, PageError> {
        let page = LoginPage {
            nav: nav.clone(),
            csrf_token: presession_token(&req, &state)?,
            email: form.email.chars().take(254).collect(),
            next: safe_next(form.next.as_deref()),
            message: Some(message),
        };
        render(&state, &page, status, https)
    };
    match outcome {
        Outcome::Throttled => retry(
            Message::new("login-throttled")
                .with("minutes", Throttle::default().window.num_minutes()),
            StatusCode::TOO_MANY_REQUESTS,
        ),
        Outcome::Refused => retry(Message::new("login-failed"), StatusCode::UNAUTHORIZED),
        Outcome::SignedIn { secret, account } => {
            let next = if account.must_change_password {
                "/account/password".to_owned()
            } else {
                safe_next(form.next.as_deref())
            };
            Ok(HttpResponse::SeeOther()
                .insert_header((LOCATION, next))
                .cookie(sealed_cookie(
                    &state.cookie_key,
                    SESSION_COOKIE,
                    secret,
                    https,
                ))
                .cookie(removal_cookie(PRESESSION_COOKIE, https))
                .finish())
        }
    }
}

/// `POST /logout`: ends the session here and in the database.
pub async fn sign_out(
    req: HttpRequest,
    state: web::Data<AppState>,
    principal: Principal,
) -> Result<HttpResponse, PageError> {
    let https = is_https(&req);
    if let Some(id) = principal.session_id() {
        let (actor, account) = (principal.actor(), principal.account.clone());
        let now = import_time();
        state
            .run(move |c| store::sign_out(c, &actor, &account, id, now))
            .await?;
    }
    Ok(HttpResponse::SeeOther()
        .insert_header((LOCATION, "/login"))
        .cookie(removal_cookie(SESSION_COOKIE, https))
        .finish())
}

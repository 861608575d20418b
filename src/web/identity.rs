//! Who is asking: the signed-in principal (from the sealed session cookie or a bearer token),
//! how handlers and templates receive it, and the cookies that carry sessions.

use crate::domain::accounts::Permission;
use crate::domain::audit::{Account, Actor};
use crate::domain::{Channel, Role};
use crate::i18n::Lang;
use actix_web::cookie::{Cookie, CookieJar, Key, SameSite};
use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpMessage, HttpRequest};
use std::future::{Ready, ready};

/// The cookie holding the (sealed) session secret.
pub const SESSION_COOKIE: &str = "trustkb_session";
/// The cookie holding the (sealed) CSRF token of a visitor not yet signed in, for the
/// sign-in form.
pub const PRESESSION_COOKIE: &str = "trustkb_presession";
/// The form field every state-changing form carries.
pub const CSRF_FIELD: &str = "csrf_token";

/// How the principal proved who they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Credential {
    /// A browser session, with the CSRF token its forms must carry.
    Session { id: i32, csrf_token: String },
    /// An API token.
    Token { id: i32 },
}

/// A signed-in user making this request.
#[derive(Debug, Clone)]
pub struct Principal {
    pub account: Account,
    pub credential: Credential,
    /// The client's network address.
    pub address: String,
}

impl Principal {
    /// Whether the principal's role grants `permission` (templates use it to hide links;
    /// access itself is decided once per route by the access middleware).
    pub fn may(&self, permission: Permission) -> bool {
        self.account.role.may(permission)
    }

    /// The principal as the author of a change, for the audit trail.
    pub fn actor(&self) -> Actor {
        let channel = match self.credential {
            Credential::Session { .. } => Channel::Ui,
            Credential::Token { .. } => Channel::Api,
        };
        Actor::user(
            self.account.id,
            &self.account.email,
            channel,
            Some(self.address.clone()),
        )
    }

    /// The session's row id, when signed in through the browser.
    pub fn session_id(&self) -> Option<i32> {
        match self.credential {
            Credential::Session { id, .. } => Some(id),
            Credential::Token { .. } => None,
        }
    }
}

impl FromRequest for Principal {
    type Error = actix_web::Error;
    type Future = Ready<Result<Self, Self::Error>>;

    /// Set by the access middleware; absent only on public routes.
    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let principal = req.extensions().get::<Principal>().cloned();
        ready(principal.ok_or_else(|| sign_in_first(req)))
    }
}

/// A handler that needs a principal, reached without one: 401, as a problem document on the
/// API (in English), as a page in the reader's language elsewhere.
fn sign_in_first(req: &HttpRequest) -> actix_web::Error {
    use actix_web::http::StatusCode;
    let message = crate::i18n::Message::new("error-sign-in-first");
    let response = if req.path().starts_with("/api/") {
        super::error::problem(StatusCode::UNAUTHORIZED, message.render(Lang::En))
    } else {
        let nav = Nav::for_request(req, None);
        super::error::error_page_for(&nav, StatusCode::UNAUTHORIZED, message)
    };
    actix_web::error::InternalError::from_response("sign in first", response).into()
}

/// What every page's header needs: who is signed in, what they may reach, the CSRF token
/// for the sign-out form, the reader's language and the page's own address (for the switch).
#[derive(Debug, Clone, Default)]
pub struct Nav {
    pub user: Option<NavUser>,
    pub lang: Lang,
    /// The path and query of this page, where the language switch comes back to.
    pub here: String,
}

/// The signed-in user as the page header shows them.
#[derive(Debug, Clone)]
pub struct NavUser {
    pub email: String,
    pub role: Role,
    pub csrf_token: String,
    pub curate: bool,
    pub audit: bool,
    pub admin: bool,
}

impl Nav {
    pub fn of(principal: Option<&Principal>, lang: Lang, here: String) -> Nav {
        Nav {
            user: principal.map(|p| NavUser {
                email: p.account.email.clone(),
                role: p.account.role,
                csrf_token: match &p.credential {
                    Credential::Session { csrf_token, .. } => csrf_token.clone(),
                    Credential::Token { .. } => String::new(),
                },
                curate: p.may(Permission::Curate),
                audit: p.may(Permission::ReadAudit),
                admin: p.may(Permission::Administer),
            }),
            lang,
            here,
        }
    }

    /// The header of a page answering `req` for `principal`.
    pub fn for_request(req: &HttpRequest, principal: Option<&Principal>) -> Nav {
        let here = req
            .uri()
            .path_and_query()
            .map_or_else(|| "/".to_owned(), |pq| pq.as_str().to_owned());
        Nav::of(principal, Lang::of_request(req), here)
    }

    /// The CSRF token forms on this page carry (empty when nobody is signed in).
    pub fn csrf(&self) -> &str {
        self.user.as_ref().map_or("", |u| u.csrf_token.as_str())
    }
}

impl FromRequest for Nav {
    type Error = actix_web::Error;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Ok(Nav::for_request(
            req,
            req.extensions().get::<Principal>(),
        )))
    }
}

/// The value of a sealed cookie, if present and authentic.
pub fn read_sealed(req: &HttpRequest, key: &Key, name: &str) -> Option<String> {
    let cookie = req.cookie(name)?;
    let mut jar = CookieJar::new();
    jar.add_original(cookie);
    jar.private(key).get(name).map(|c| c.value().to_owned())
}

/// A cookie sealed with `key`: HttpOnly, SameSite=Lax, Secure over HTTPS, whole site.
pub fn sealed_cookie(key: &Key, name: &str, value: String, secure: bool) -> Cookie<'static> {
    let mut jar = CookieJar::new();
    jar.private_mut(key).add(
        Cookie::build(name.to_owned(), value)
            .path("/")
            .http_only(true)
            .same_site(SameSite::Lax)
            .secure(secure)
            .finish(),
    );
    jar.get(name)
        .cloned()
        .unwrap_or_else(|| Cookie::new(name.to_owned(), String::new()))
}

/// A cookie that tells the browser to forget `name`.
pub fn removal_cookie(name: &str, secure: bool) -> Cookie<'static> {
    let mut cookie = Cookie::build(name.to_owned(), "")
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(secure)
        .finish();
    cookie.make_removal();
    cookie
}

/// Whether the request arrived over HTTPS (directly or, per `Forwarded` /
/// `X-Forwarded-Proto`, through a proxy).
pub fn is_https(req: &HttpRequest) -> bool {
    req.connection_info().scheme() == "https"
}

/// The client's address: the peer of the TCP connection.
pub fn client_address(req: &HttpRequest) -> String {
    req.peer_addr()
        .map(|a| a.ip().to_string())
        .unwrap_or_else(|| "unknown".into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::body::MessageBody;
    use actix_web::test::TestRequest;

    fn refusal(req: TestRequest) -> (u16, String) {
        let (req, mut payload) = req.to_http_parts();
        let error = match Principal::from_request(&req, &mut payload).into_inner() {
            Ok(_) => panic!("a principal out of nothing"),
            Err(e) => e,
        };
        let response = error.error_response();
        let status = response.status().as_u16();
        let body = response.into_body().try_into_bytes().unwrap_or_default();
        (status, String::from_utf8_lossy(&body).into_owned())
    }

    #[test]
    fn no_principal_is_told_to_sign_in_in_its_language() {
        let page = TestRequest::get()
            .uri("/vendors")
            .insert_header(("accept-language", "fr"));
        let (status, body) = refusal(page);
        assert_eq!(status, 401);
        assert!(body.contains("Connectez-vous d’abord"), "{body}");
        let (status, body) = refusal(TestRequest::get().uri("/api/v1/vendors"));
        assert_eq!(status, 401);
        assert!(body.contains("\"detail\":\"sign in first\""), "{body}");
    }
}

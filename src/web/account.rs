//! The signed-in user's own account: the account page, password change, and API tokens
//! (created with the secret shown once, revoked). Form errors re-render with 400; a token
//! id that is not the user's own is 404. Access is decided by the route table.

mod password_advice;

use super::error::{PageError, WebError};
use super::identity::{Nav, Principal};
use super::state::AppState;
use crate::auth::{hash_password, verify_password};
use crate::domain::Email;
use crate::domain::accounts::{
    PASSWORD_MAX_CHARS, PASSWORD_MIN_CHARS, WeakPassword, check_new_password,
};
use crate::domain::audit::{Account, TokenInfo};
use crate::i18n::{Lang, Message};
use crate::store::accounts::{credentials, set_password};
use crate::store::pack::seed::import_time;
use crate::store::tokens::{NAME_MAX_CHARS, check_name, create_token, revoke_token, tokens_of};
use actix_web::http::StatusCode;
use actix_web::http::header::{ContentType, LOCATION};
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

/// Renders a page with `status`.
pub(super) fn html(status: StatusCode, page: &impl Template) -> Result<HttpResponse, PageError> {
    let body = page
        .render()
        .map_err(|e| WebError::Internal(format!("cannot render a page: {e}")))?;
    Ok(HttpResponse::build(status)
        .content_type(ContentType::html())
        .body(body))
}

/// A 303 to `location`.
pub(super) fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((LOCATION, location.to_owned()))
        .finish()
}

/// Hashes a password on the blocking pool (argon2 takes a while).
pub(super) async fn hash(password: String) -> Result<String, PageError> {
    web::block(move || hash_password(&password))
        .await
        .map_err(|e| WebError::Internal(format!("blocking task failed: {e}")))?
        .map_err(|e| PageError(WebError::Internal(e.to_string())))
}

/// A path id: anything but a number names nothing (`what` is the record's kind).
pub(super) fn path_id(raw: &str, what: &'static str) -> Result<i32, PageError> {
    raw.parse().map_err(|_| {
        PageError(WebError::Missing {
            kind: what,
            key: raw.to_owned(),
        })
    })
}

/// The account's e-mail as the store's key.
pub(super) fn email_of(account: &Account) -> Result<Email, PageError> {
    Email::normalise(&account.email)
        .map_err(|e| PageError(WebError::Internal(format!("stored e-mail: {e}"))))
}

/// A token just created: its secret, shown on this one answer only.
pub struct NewToken {
    pub name: String,
    pub secret: String,
}

#[derive(Template)]
#[template(path = "account/show.html")]
pub struct AccountPage {
    pub nav: Nav,
    pub account: Account,
    pub tokens: Vec<TokenInfo>,
    /// A confirmation of what was just done.
    pub notice: Option<Message>,
    pub new_token: Option<NewToken>,
    /// The token-name field as typed, and what is wrong with it.
    pub token_name: String,
    pub token_error: Option<Message>,
}

impl AccountPage {
    async fn load(
        state: &AppState,
        nav: Nav,
        principal: &Principal,
    ) -> Result<AccountPage, PageError> {
        let id = principal.account.id;
        let tokens = state.run(move |c| tokens_of(c, id)).await?;
        Ok(AccountPage {
            nav,
            account: principal.account.clone(),
            tokens,
            notice: None,
            new_token: None,
            token_name: String::new(),
            token_error: None,
        })
    }
}

/// `?done=` after a redirect.
#[derive(Debug, Deserialize)]
pub struct DoneQuery {
    pub done: Option<String>,
}

/// `GET /account`: who you are, and your API tokens.
pub async fn show(
    nav: Nav,
    state: web::Data<AppState>,
    principal: Principal,
    query: web::Query<DoneQuery>,
) -> Result<HttpResponse, PageError> {
    let mut page = AccountPage::load(&state, nav.clone(), &principal).await?;
    page.notice = match query.done.as_deref() {
        Some("password") => Some(Message::new("account-password-changed")),
        Some("token-revoked") => Some(Message::new("account-token-revoked")),
        _ => None,
    };
    html(StatusCode::OK, &page)
}

/// The create-token form.
#[derive(Debug, Deserialize)]
pub struct TokenForm {
    #[serde(default)]
    pub name: String,
}

/// `POST /account/tokens`: a new token for the signed-in user; its secret is shown once.
pub async fn create(
    nav: Nav,
    state: web::Data<AppState>,
    principal: Principal,
    form: web::Form<TokenForm>,
) -> Result<HttpResponse, PageError> {
    let typed = form.into_inner().name;
    let name = match check_name(&typed) {
        Ok(name) => name,
        Err(_) => {
            let mut page = AccountPage::load(&state, nav.clone(), &principal).await?;
            page.token_name = typed.chars().take(200).collect();
            page.token_error =
                Some(Message::new("account-token-name-invalid").with("max", NAME_MAX_CHARS as i64));
            return html(StatusCode::BAD_REQUEST, &page);
        }
    };
    let (actor, owner, now) = (principal.actor(), principal.account.clone(), import_time());
    let stored_name = name.clone();
    let (_, secret) = state
        .run(move |c| create_token(c, &actor, &owner, &stored_name, now))
        .await?;
    let mut page = AccountPage::load(&state, nav.clone(), &principal).await?;
    page.new_token = Some(NewToken { name, secret });
    html(StatusCode::OK, &page)
}

/// `POST /account/tokens/{id}/revoke`: revokes one of the user's own tokens.
pub async fn revoke(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let id = path_id(&id, "API token")?;
    let (actor, owner, now) = (principal.actor(), principal.account.clone(), import_time());
    state
        .run(move |c| revoke_token(c, &actor, &owner, id, now))
        .await?;
    Ok(see_other("/account?done=token-revoked"))
}

#[derive(Template)]
#[template(path = "account/password.html")]
pub struct PasswordPage {
    pub nav: Nav,
    /// The account still has a one-time password.
    pub must_change: bool,
    pub errors: PasswordErrors,
}

/// What is wrong with each field of the password form.
#[derive(Debug, Default)]
pub struct PasswordErrors {
    pub current: Option<Message>,
    pub new: Option<Message>,
    pub confirm: Option<Message>,
}

impl PasswordErrors {
    fn any(&self) -> bool {
        self.current.is_some() || self.new.is_some() || self.confirm.is_some()
    }
}

/// `GET /account/password`.
pub async fn password_form(nav: Nav, principal: Principal) -> Result<HttpResponse, PageError> {
    let page = PasswordPage {
        nav,
        must_change: principal.account.must_change_password,
        errors: PasswordErrors::default(),
    };
    html(StatusCode::OK, &page)
}

/// The password form's fields.
#[derive(Debug, Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    pub current_password: String,
    #[serde(default)]
    pub new_password: String,
    #[serde(default)]
    pub confirm_password: String,
}

/// `POST /account/password`: checks every field, then changes the password and ends the
/// account's other sessions; on any error nothing is written.
pub async fn change_password(
    nav: Nav,
    state: web::Data<AppState>,
    principal: Principal,
    form: web::Form<PasswordForm>,
) -> Result<HttpResponse, PageError> {
    let form = form.into_inner();
    let email = email_of(&principal.account)?;
    let mut errors = PasswordErrors::default();
    if let Err(weak) = check_new_password(&form.new_password, email.as_str()) {
        errors.new = Some(weak_password(&weak, nav.lang));
    } else if form.new_password == form.current_password {
        errors.new = Some(Message::new("account-password-same"));
    }
    if form.confirm_password != form.new_password {
        errors.confirm = Some(Message::new("account-password-mismatch"));
    }
    let current = form.current_password.clone();
    let lookup = email.clone();
    let stored = state.run(move |c| credentials(c, &lookup)).await?;
    let matches = match stored {
        Some((account, stored_hash)) if account.id == principal.account.id => {
            web::block(move || verify_password(&current, &stored_hash))
                .await
                .map_err(|e| WebError::Internal(format!("blocking task failed: {e}")))?
        }
        _ => false,
    };
    if !matches {
        errors.current = Some(Message::new("account-password-wrong"));
    }
    if errors.any() {
        let page = PasswordPage {
            nav,
            must_change: principal.account.must_change_password,
            errors,
        };
        return html(StatusCode::BAD_REQUEST, &page);
    }
    let new_hash = hash(form.new_password).await?;
    let (actor, id, keep, now) = (
        principal.actor(),
        principal.account.id,
        principal.session_id(),
        import_time(),
    );
    state
        .run(move |c| set_password(c, &actor, id, &new_hash, false, keep, now))
        .await?;
    Ok(see_other("/account?done=password"))
}

/// Why a new password was refused, in the reader's language (`lang` words the estimator's
/// advice).
pub(super) fn weak_password(weak: &WeakPassword, lang: Lang) -> Message {
    match weak {
        WeakPassword::TooShort { chars } => Message::new("password-too-short")
            .with("min", PASSWORD_MIN_CHARS as i64)
            .with("count", *chars as i64),
        WeakPassword::TooLong { chars } => Message::new("password-too-long")
            .with("max", PASSWORD_MAX_CHARS as i64)
            .with("count", *chars as i64),
        WeakPassword::Guessable { advice } => Message::new("password-guessable")
            .with("advice", password_advice::advice_text(advice, lang)),
    }
}

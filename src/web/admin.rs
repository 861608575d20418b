//! User administration in the browser: the list of accounts, adding one, changing a role,
//! disabling and enabling, resetting a password to a one-time password shown once.
//! Invalid input re-renders with 400, a clash (duplicate e-mail, last administrator) with
//! 409, an unknown account id is 404; every change is audited by the store.

use super::account::{hash, html, path_id, see_other, weak_password};
use super::error::{PageError, WebError};
use super::identity::{Nav, Principal};
use super::state::AppState;
use crate::auth::random_token;
use crate::domain::accounts::check_new_password;
use crate::domain::audit::Account;
use crate::domain::{Email, Role};
use crate::i18n::Message;
use crate::store::accounts::{
    AccountConflict, NewAccount, account_by_id, create_account_checked, disable_account_checked,
    enable_account, list_accounts, set_password, set_role_checked,
};
use crate::store::pack::seed::import_time;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

/// A one-time password just set, shown on this one answer only.
pub struct OneTime {
    pub email: String,
    pub password: String,
    /// The account was just created (rather than its password reset).
    pub created: bool,
}

/// The add-user form as typed (never the password), and what is wrong with it.
#[derive(Debug, Clone)]
pub struct AddUserInput {
    pub email: String,
    pub role: String,
    pub email_error: Option<Message>,
    pub role_error: Option<Message>,
    pub password_error: Option<Message>,
}

impl Default for AddUserInput {
    fn default() -> Self {
        AddUserInput {
            email: String::new(),
            role: Role::Viewer.as_str().to_owned(),
            email_error: None,
            role_error: None,
            password_error: None,
        }
    }
}

impl AddUserInput {
    fn any_error(&self) -> bool {
        self.email_error.is_some() || self.role_error.is_some() || self.password_error.is_some()
    }
}

#[derive(Template)]
#[template(path = "admin/users.html")]
pub struct UsersPage {
    pub nav: Nav,
    /// The signed-in administrator's account id.
    pub me: i32,
    pub users: Vec<Account>,
    pub roles: &'static [Role],
    pub notice: Option<Message>,
    pub alert: Option<Message>,
    pub one_time: Option<OneTime>,
    pub add: AddUserInput,
}

impl UsersPage {
    async fn load(
        state: &AppState,
        nav: Nav,
        principal: &Principal,
    ) -> Result<UsersPage, PageError> {
        let users = state.run(list_accounts).await?;
        Ok(UsersPage {
            nav,
            me: principal.account.id,
            users,
            roles: Role::ALL,
            notice: None,
            alert: None,
            one_time: None,
            add: AddUserInput::default(),
        })
    }

    fn email_of(&self, id: i32) -> Option<&str> {
        self.users
            .iter()
            .find(|u| u.id == id)
            .map(|u| u.email.as_str())
    }
}

/// `?done=…&user=ID` after a change.
#[derive(Debug, Deserialize)]
pub struct DoneQuery {
    pub done: Option<String>,
    pub user: Option<i32>,
}

/// `GET /admin/users`.
pub async fn list(
    nav: Nav,
    state: web::Data<AppState>,
    principal: Principal,
    query: web::Query<DoneQuery>,
) -> Result<HttpResponse, PageError> {
    let mut page = UsersPage::load(&state, nav.clone(), &principal).await?;
    // "none" (never an e-mail) when the account is unknown: the messages say "the account".
    let who = query
        .user
        .and_then(|id| page.email_of(id))
        .unwrap_or("none")
        .to_owned();
    let notice = |id: &'static str| Some(Message::new(id).with("email", who.clone()));
    page.notice = match query.done.as_deref() {
        Some("added") => notice("admin-user-added"),
        Some("role-changed") => notice("admin-user-role-changed"),
        Some("disabled") => notice("admin-user-disabled"),
        Some("enabled") => notice("admin-user-enabled"),
        _ => None,
    };
    html(StatusCode::OK, &page)
}

/// The reason of a conflict, in the reader's language: the store's, or two changes that
/// raced past the same check (the database refused the second).
fn conflict_message<T>(
    result: Result<Result<T, AccountConflict>, WebError>,
) -> Result<Result<T, Message>, PageError> {
    match result {
        Ok(Ok(value)) => Ok(Ok(value)),
        Ok(Err(conflict)) => Ok(Err(conflict.message())),
        Err(WebError::Conflict(_)) => Ok(Err(Message::new("admin-conflict-race"))),
        Err(other) => Err(PageError(other)),
    }
}

/// Re-renders the list (409) with the reason when `result` is a conflict; other errors
/// propagate.
async fn or_conflict<T>(
    state: &AppState,
    nav: &Nav,
    principal: &Principal,
    result: Result<Result<T, AccountConflict>, WebError>,
) -> Result<Result<T, HttpResponse>, PageError> {
    match conflict_message(result)? {
        Ok(value) => Ok(Ok(value)),
        Err(message) => {
            let mut page = UsersPage::load(state, nav.clone(), principal).await?;
            page.alert = Some(message);
            Ok(Err(html(StatusCode::CONFLICT, &page)?))
        }
    }
}

/// The change-role form.
#[derive(Debug, Deserialize)]
pub struct RoleForm {
    #[serde(default)]
    pub role: String,
}

/// `POST /admin/users/{id}/role`.
pub async fn change_role(
    nav: Nav,
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<String>,
    form: web::Form<RoleForm>,
) -> Result<HttpResponse, PageError> {
    let id = path_id(&id, "account")?;
    let Ok(role) = form.role.parse::<Role>() else {
        let mut page = UsersPage::load(&state, nav.clone(), &principal).await?;
        page.alert = Some(
            Message::new("admin-role-unknown")
                .with("role", form.role.chars().take(50).collect::<String>()),
        );
        return html(StatusCode::BAD_REQUEST, &page);
    };
    let (actor, now) = (principal.actor(), import_time());
    let result = state
        .run(move |c| {
            let account = account_by_id(c, id)?;
            let email = Email::normalise(&account.email)
                .map_err(|e| crate::store::StoreError::Corrupt(format!("users.email: {e}")))?;
            set_role_checked(c, &actor, &email, role, now)
        })
        .await;
    match or_conflict(&state, &nav, &principal, result).await? {
        Ok(_) => Ok(see_other(&format!(
            "/admin/users?done=role-changed&user={id}#user-{id}"
        ))),
        Err(response) => Ok(response),
    }
}

/// Whether to disable or enable an account.
#[derive(Debug, Clone, Copy)]
enum Switch {
    Disable,
    Enable,
}

async fn switch(
    nav: Nav,
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<String>,
    switch: Switch,
) -> Result<HttpResponse, PageError> {
    let id = path_id(&id, "account")?;
    let (actor, now) = (principal.actor(), import_time());
    let result = state
        .run(move |c| {
            let account = account_by_id(c, id)?;
            let email = Email::normalise(&account.email)
                .map_err(|e| crate::store::StoreError::Corrupt(format!("users.email: {e}")))?;
            match switch {
                Switch::Disable => disable_account_checked(c, &actor, &email, now),
                Switch::Enable => enable_account(c, &actor, &email, now).map(Ok),
            }
        })
        .await;
    let done = match switch {
        Switch::Disable => "disabled",
        Switch::Enable => "enabled",
    };
    match or_conflict(&state, &nav, &principal, result).await? {
        Ok(_) => Ok(see_other(&format!(
            "/admin/users?done={done}&user={id}#user-{id}"
        ))),
        Err(response) => Ok(response),
    }
}

/// `POST /admin/users/{id}/disable`: the account can no longer sign in; its sessions end
/// and its tokens are revoked.
pub async fn disable(
    nav: Nav,
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    switch(nav, state, principal, id, Switch::Disable).await
}

/// `POST /admin/users/{id}/enable`.
pub async fn enable(
    nav: Nav,
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    switch(nav, state, principal, id, Switch::Enable).await
}

/// A fresh one-time password.
fn one_time_password() -> Result<String, PageError> {
    random_token(12).map_err(|e| PageError(WebError::Internal(e.to_string())))
}

/// `POST /admin/users/{id}/reset-password`: a one-time password, shown once, to be changed
/// at the next sign-in; the account's sessions end (except the administrator's own, when
/// resetting their own password).
pub async fn reset_password(
    nav: Nav,
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let id = path_id(&id, "account")?;
    let target = state.run(move |c| account_by_id(c, id)).await?;
    let password = one_time_password()?;
    let password_hash = hash(password.clone()).await?;
    let keep = if id == principal.account.id {
        principal.session_id()
    } else {
        None
    };
    let (actor, now) = (principal.actor(), import_time());
    state
        .run(move |c| set_password(c, &actor, id, &password_hash, true, keep, now))
        .await?;
    let mut page = UsersPage::load(&state, nav.clone(), &principal).await?;
    page.one_time = Some(OneTime {
        email: target.email,
        password,
        created: false,
    });
    html(StatusCode::OK, &page)
}

/// The add-user form.
#[derive(Debug, Deserialize)]
pub struct AddUserForm {
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub password: String,
}

/// `POST /admin/users`: a new account, with the password given (checked like any new
/// password) or a one-time password shown once and to be changed at the first sign-in.
pub async fn add(
    nav: Nav,
    state: web::Data<AppState>,
    principal: Principal,
    form: web::Form<AddUserForm>,
) -> Result<HttpResponse, PageError> {
    let form = form.into_inner();
    let mut input = AddUserInput {
        email: form.email.chars().take(254).collect(),
        role: form.role.chars().take(50).collect(),
        ..AddUserInput::default()
    };
    let email = Email::normalise(&form.email)
        .map_err(|_| input.email_error = Some(Message::new("admin-email-invalid")))
        .ok();
    let role = form
        .role
        .parse::<Role>()
        .map_err(|_| input.role_error = Some(Message::new("err-choose")))
        .ok();
    let given = !form.password.is_empty();
    if given {
        let checked_against = email.as_ref().map_or(form.email.as_str(), Email::as_str);
        if let Err(weak) = check_new_password(&form.password, checked_against) {
            input.password_error = Some(weak_password(&weak, nav.lang));
        }
    }
    let (Some(email), Some(role), false) = (email, role, input.any_error()) else {
        let mut page = UsersPage::load(&state, nav.clone(), &principal).await?;
        page.add = input;
        page.alert = Some(Message::new("admin-user-not-created"));
        return html(StatusCode::BAD_REQUEST, &page);
    };
    let password = if given {
        form.password
    } else {
        one_time_password()?
    };
    let password_hash = hash(password.clone()).await?;
    let (actor, now) = (principal.actor(), import_time());
    let new_email = email.clone();
    let result = state
        .run(move |c| {
            let new = NewAccount {
                email: &new_email,
                role,
                password_hash: &password_hash,
                must_change_password: !given,
            };
            create_account_checked(c, &actor, &new, now)
        })
        .await;
    let created = match conflict_message(result)? {
        Ok(account) => account,
        Err(message) => {
            let mut page = UsersPage::load(&state, nav.clone(), &principal).await?;
            page.add = input;
            page.alert = Some(message);
            return html(StatusCode::CONFLICT, &page);
        }
    };
    if given {
        return Ok(see_other(&format!(
            "/admin/users?done=added&user={id}#user-{id}",
            id = created.id
        )));
    }
    let mut page = UsersPage::load(&state, nav.clone(), &principal).await?;
    page.one_time = Some(OneTime {
        email: created.email,
        password,
        created: true,
    });
    html(StatusCode::OK, &page)
}

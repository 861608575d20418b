//! The account page and user administration in the browser, on every backend under test:
//! password change, one-time passwords, API tokens made in the UI, and what admins can do.

mod common;

use common::{As, BrowserSession, PASSWORD, TestApp, TestDb, cookie_pair, email_of, hidden_field};
use trustkb::domain::{Email, Role};
use trustkb::store::accounts::account_by_email;

/// A strong password none of the test accounts has.
const NEW_PASSWORD: &str = "quiet-lantern-orchard-52";

/// Signs in through the form, for accounts that may have to change their password first
/// (the common helper reads the CSRF token from the overview, which such accounts cannot
/// open): the CSRF token is read from the password page instead.
fn sign_in_any(app: &TestApp, email: &str, password: &str) -> (BrowserSession, String) {
    let (answer, _) = app.try_sign_in(email, password);
    assert_eq!(answer.status, 303, "sign-in as {email}: {}", answer.body);
    let location = answer.header("location").unwrap_or_default().to_owned();
    let cookie = cookie_pair(&answer, "trustkb_session").expect("session cookie");
    let page = app.get_as(
        "/account/password",
        &browser(BrowserSession {
            cookie: cookie.clone(),
            csrf: String::new(),
        }),
    );
    let csrf = hidden_field(&page.body, "csrf_token").expect("CSRF token on the password page");
    (BrowserSession { cookie, csrf }, location)
}

fn browser(session: BrowserSession) -> As {
    As {
        token: None,
        session: Some(session),
    }
}

fn bearer(token: &str) -> As {
    As {
        token: Some(token.to_owned()),
        session: None,
    }
}

/// The text of the element that starts with `marker`, up to the next tag.
fn text_after<'a>(html: &'a str, marker: &str) -> Option<&'a str> {
    let start = html.find(marker)? + marker.len();
    let end = html[start..].find('<')?;
    Some(&html[start..start + end])
}

/// The id of an account, from the database.
fn account_id(db: &TestDb, email: &str) -> i32 {
    let email = Email::normalise(email).expect("email");
    account_by_email(&mut db.connect(), &email)
        .expect("read account")
        .expect("account exists")
        .id
}

fn location(answer: &common::Answer) -> &str {
    answer.header("location").unwrap_or_default()
}

fn change_password(
    app: &TestApp,
    who: &As,
    current: &str,
    new: &str,
    confirm: &str,
) -> common::Answer {
    app.post_form(
        "/account/password",
        who,
        &[
            ("current_password", current),
            ("new_password", new),
            ("confirm_password", confirm),
        ],
    )
}

#[test]
fn password_change_checks_every_field_and_ends_the_other_sessions() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let email = email_of(Role::Viewer);
        let me = app.as_role(Role::Viewer);
        let other = browser(app.sign_in(&email, PASSWORD));

        let form = app.get_as("/account/password", &me);
        assert_eq!(form.status, 200, "{}", app.backend);
        assert!(form.body.contains("name=\"current_password\""));
        assert!(
            !form.body.contains("one-time password"),
            "no one-time notice"
        );

        let wrong = change_password(
            &app,
            &me,
            "not-my-password-at-all",
            NEW_PASSWORD,
            NEW_PASSWORD,
        );
        assert_eq!(wrong.status, 400, "{}", wrong.body);
        assert!(
            wrong.body.contains("id=\"current-error\""),
            "{}",
            wrong.body
        );
        assert!(wrong.body.contains("This is not your current password."));

        let weak = change_password(&app, &me, PASSWORD, "password1234", "password1234");
        assert_eq!(weak.status, 400);
        assert!(weak.body.contains("id=\"new-error\""), "{}", weak.body);
        assert!(!weak.body.contains("id=\"current-error\""));

        let short = change_password(&app, &me, PASSWORD, "short", "short");
        assert_eq!(short.status, 400);
        assert!(
            short.body.contains("at least 12 characters"),
            "{}",
            short.body
        );

        let mismatch = change_password(
            &app,
            &me,
            PASSWORD,
            NEW_PASSWORD,
            "quiet-lantern-orchard-53",
        );
        assert_eq!(mismatch.status, 400);
        assert!(mismatch.body.contains("id=\"confirm-error\""));

        let same = change_password(&app, &me, PASSWORD, PASSWORD, PASSWORD);
        assert_eq!(same.status, 400);
        assert!(same.body.contains("must differ"), "{}", same.body);

        // Nothing was written: the other session lives and the old password still works.
        assert_eq!(app.get_as("/vendors", &other).status, 200);
        assert_eq!(app.try_sign_in(&email, PASSWORD).0.status, 303);

        let done = change_password(&app, &me, PASSWORD, NEW_PASSWORD, NEW_PASSWORD);
        assert_eq!(done.status, 303, "{}", done.body);
        assert_eq!(location(&done), "/account?done=password");
        let account = app.get_as("/account?done=password", &me);
        assert_eq!(account.status, 200, "the session that changed it lives on");
        assert!(account.body.contains("class=\"notice\""));
        assert!(account.body.contains("Your password has been changed"));

        let ended = app.get_as("/vendors", &other);
        assert_eq!(ended.status, 303, "other sessions end");
        assert!(location(&ended).starts_with("/login"));
        assert_eq!(
            app.try_sign_in(&email, PASSWORD).0.status,
            401,
            "old password refused"
        );
        let again = browser(app.sign_in(&email, NEW_PASSWORD));
        assert_eq!(app.get_as("/vendors", &again).status, 200);
    }
}

#[test]
fn a_reset_password_is_one_time_and_must_be_changed_before_anything_else() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let admin = app.as_role(Role::Admin);
        let email = email_of(Role::Analyst);
        let id = account_id(&db, &email);

        let reset = app.post_form(&format!("/admin/users/{id}/reset-password"), &admin, &[]);
        assert_eq!(reset.status, 200, "{}: {}", app.backend, reset.body);
        assert!(
            reset
                .body
                .contains("copy it now; it will not be shown again")
        );
        let one_time = text_after(
            &reset.body,
            "<output class=\"secret\" id=\"one-time-password\">",
        )
        .expect("one-time password shown")
        .to_owned();
        assert!(one_time.len() >= 16, "{one_time}");
        // Shown once only.
        assert!(!app.get_as("/admin/users", &admin).body.contains(&one_time));

        // The analyst's sessions ended; the old password no longer works.
        let old = app.get_as("/vendors", &app.as_role(Role::Analyst));
        assert_eq!(old.status, 303);
        assert!(location(&old).starts_with("/login"));
        assert_eq!(app.try_sign_in(&email, PASSWORD).0.status, 401);

        let (session, went_to) = sign_in_any(&app, &email, &one_time);
        assert_eq!(went_to, "/account/password");
        let me = browser(session);
        let page = app.get_as("/account/password", &me);
        assert_eq!(page.status, 200);
        assert!(page.body.contains("You signed in with a one-time password"));
        for path in ["/vendors", "/", "/account"] {
            let refused = app.get_as(path, &me);
            assert_eq!(refused.status, 303, "{path}");
            assert_eq!(location(&refused), "/account/password", "{path}");
        }
        let token = app.post_form("/account/tokens", &me, &[("name", "sneaky")]);
        assert_eq!(token.status, 303, "no token before the change");
        assert_eq!(location(&token), "/account/password");

        let done = change_password(&app, &me, &one_time, NEW_PASSWORD, NEW_PASSWORD);
        assert_eq!(done.status, 303, "{}", done.body);
        assert_eq!(app.get_as("/vendors", &me).status, 200);
        let list = app.get_as("/admin/users", &admin).body;
        let row = &list[list.find(&format!("id=\"user-{id}\"")).expect("row")..];
        let row = &row[..row.find("</tr>").expect("row end")];
        assert!(!row.contains("must change"), "{row}");
        assert_eq!(
            app.try_sign_in(&email, &one_time).0.status,
            401,
            "one time only"
        );
    }
}

#[test]
fn a_token_made_in_the_ui_is_shown_once_works_and_stops_when_revoked() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let me = app.as_role(Role::Analyst);

        let empty = app.post_form("/account/tokens", &me, &[("name", "   ")]);
        assert_eq!(empty.status, 400, "{}", app.backend);
        assert!(
            empty.body.contains("class=\"field-error\""),
            "{}",
            empty.body
        );

        let created = app.post_form("/account/tokens", &me, &[("name", "nightly <export>")]);
        assert_eq!(created.status, 200, "{}", created.body);
        assert!(
            created
                .body
                .contains("copy it now; it will not be shown again")
        );
        assert!(
            created.body.contains("nightly &#60;export&#62;")
                || created.body.contains("nightly &lt;export&gt;")
        );
        let secret = text_after(&created.body, "<output class=\"secret\" id=\"new-token\">")
            .expect("secret shown")
            .to_owned();
        assert!(secret.starts_with("tkb_"), "{secret}");

        let who = app.get_as("/api/v1/me", &bearer(&secret));
        assert_eq!(who.status, 200, "{}", who.body);
        assert_eq!(who.json()["email"], email_of(Role::Analyst));

        let page = app.get_as("/account", &me).body;
        assert!(!page.contains(&secret), "the secret is never shown again");
        assert!(page.contains(&secret[..12]), "its prefix is listed");
        let name_at = page
            .find("nightly &#60;export&#62;")
            .or_else(|| page.find("nightly &lt;export&gt;"))
            .expect("listed");
        let row_at = page[..name_at].rfind("id=\"token-").expect("row") + "id=\"token-".len();
        let token_id: i32 = page[row_at..row_at + page[row_at..].find('"').expect("id end")]
            .parse()
            .expect("token id");

        // Someone else's token is not found.
        let foreign = app.post_form(
            &format!("/account/tokens/{token_id}/revoke"),
            &app.as_role(Role::Viewer),
            &[],
        );
        assert_eq!(foreign.status, 404);
        assert_eq!(app.get_as("/api/v1/me", &bearer(&secret)).status, 200);
        let unknown = app.post_form("/account/tokens/abc/revoke", &me, &[]);
        assert_eq!(unknown.status, 404);

        let revoked = app.post_form(&format!("/account/tokens/{token_id}/revoke"), &me, &[]);
        assert_eq!(revoked.status, 303, "{}", revoked.body);
        assert_eq!(location(&revoked), "/account?done=token-revoked");
        assert_eq!(app.get_as("/api/v1/me", &bearer(&secret)).status, 401);
        let page = app.get_as("/account?done=token-revoked", &me).body;
        assert!(page.contains("The token has been revoked"));
        assert!(page.contains(">revoked "), "listed as revoked");
    }
}

#[test]
fn an_admin_adds_changes_disables_and_enables_users() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let admin = app.as_role(Role::Admin);
        let email = "new.person@test.example";

        let list = app.get_as("/admin/users", &admin);
        assert_eq!(list.status, 200, "{}", app.backend);
        for role in common::ROLES {
            assert!(list.body.contains(&email_of(role)));
        }

        // Invalid input: re-rendered with what was typed, nothing created.
        let bad = app.post_form(
            "/admin/users",
            &admin,
            &[
                ("email", "not an e-mail"),
                ("role", "viewer"),
                ("password", ""),
            ],
        );
        assert_eq!(bad.status, 400);
        assert!(bad.body.contains("id=\"add-email-error\""));
        assert!(bad.body.contains("value=\"not an e-mail\""));
        let weak = app.post_form(
            "/admin/users",
            &admin,
            &[
                ("email", email),
                ("role", "analyst"),
                ("password", "password1234"),
            ],
        );
        assert_eq!(weak.status, 400);
        assert!(weak.body.contains("id=\"add-password-error\""));
        assert!(weak.body.contains(&format!("value=\"{email}\"")));
        let add_role = &weak.body[weak.body.find("id=\"add-role\"").expect("role select")..];
        let add_role = &add_role[..add_role.find("</select>").expect("select end")];
        assert!(
            add_role.contains("value=\"analyst\" selected"),
            "role kept: {add_role}"
        );
        let no_role = app.post_form(
            "/admin/users",
            &admin,
            &[("email", email), ("role", "boss")],
        );
        assert_eq!(no_role.status, 400);
        assert!(no_role.body.contains("id=\"add-role-error\""));

        let added = app.post_form(
            "/admin/users",
            &admin,
            &[
                ("email", email),
                ("role", "viewer"),
                ("password", NEW_PASSWORD),
            ],
        );
        assert_eq!(added.status, 303, "{}", added.body);
        let id = account_id(&db, email);
        assert!(location(&added).starts_with("/admin/users?done=added"));
        assert!(
            app.get_as(location(&added), &admin)
                .body
                .contains("new.person@test.example has been created")
        );

        let duplicate = app.post_form(
            "/admin/users",
            &admin,
            &[
                ("email", "New.Person@Test.example"),
                ("role", "viewer"),
                ("password", ""),
            ],
        );
        assert_eq!(duplicate.status, 409, "{}", duplicate.body);
        assert!(duplicate.body.contains("already exists"));

        // A blank password gives a one-time password, shown once.
        let with_one_time = app.post_form(
            "/admin/users",
            &admin,
            &[
                ("email", "otp.person@test.example"),
                ("role", "reviewer"),
                ("password", ""),
            ],
        );
        assert_eq!(with_one_time.status, 200);
        let one_time = text_after(
            &with_one_time.body,
            "<output class=\"secret\" id=\"one-time-password\">",
        )
        .expect("one-time password")
        .to_owned();
        let (_, went_to) = sign_in_any(&app, "otp.person@test.example", &one_time);
        assert_eq!(went_to, "/account/password");

        // The new user signs in and makes a token.
        let user = browser(app.sign_in(email, NEW_PASSWORD));
        let made = app.post_form("/account/tokens", &user, &[("name", "laptop")]);
        let secret = text_after(&made.body, "<output class=\"secret\" id=\"new-token\">")
            .expect("secret")
            .to_owned();
        assert_eq!(
            app.get_as("/api/v1/me", &bearer(&secret)).json()["role"],
            "viewer"
        );

        let promoted = app.post_form(
            &format!("/admin/users/{id}/role"),
            &admin,
            &[("role", "analyst")],
        );
        assert_eq!(promoted.status, 303, "{}", promoted.body);
        assert_eq!(
            app.get_as("/api/v1/me", &bearer(&secret)).json()["role"],
            "analyst"
        );
        let bad_role = app.post_form(
            &format!("/admin/users/{id}/role"),
            &admin,
            &[("role", "boss")],
        );
        assert_eq!(bad_role.status, 400);

        let disabled = app.post_form(&format!("/admin/users/{id}/disable"), &admin, &[]);
        assert_eq!(disabled.status, 303, "{}", disabled.body);
        let page = app.get_as(location(&disabled), &admin).body;
        assert!(page.contains("has been disabled"), "{page}");
        let gone = app.get_as("/vendors", &user);
        assert_eq!(gone.status, 303, "the session ended");
        assert!(location(&gone).starts_with("/login"));
        assert_eq!(
            app.get_as("/api/v1/me", &bearer(&secret)).status,
            401,
            "token revoked"
        );
        assert_eq!(app.try_sign_in(email, NEW_PASSWORD).0.status, 401);

        let enabled = app.post_form(&format!("/admin/users/{id}/enable"), &admin, &[]);
        assert_eq!(enabled.status, 303, "{}", enabled.body);
        let back = browser(app.sign_in(email, NEW_PASSWORD));
        assert_eq!(app.get_as("/vendors", &back).status, 200);
        assert_eq!(
            app.get_as("/api/v1/me", &bearer(&secret)).status,
            401,
            "old tokens stay revoked"
        );

        for path in [
            "/admin/users/999999/disable",
            "/admin/users/999999/enable",
            "/admin/users/999999/reset-password",
            "/admin/users/nope/disable",
        ] {
            assert_eq!(app.post_form(path, &admin, &[]).status, 404, "{path}");
        }
        assert_eq!(
            app.post_form("/admin/users/999999/role", &admin, &[("role", "viewer")])
                .status,
            404
        );
    }
}

#[test]
fn only_admins_administer_users() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        for role in [Role::Viewer, Role::Analyst, Role::Reviewer] {
            let who = app.as_role(role);
            assert_eq!(app.get_as("/admin/users", &who).status, 403, "{role:?}");
            let added = app.post_form(
                "/admin/users",
                &who,
                &[
                    ("email", "sneaky@test.example"),
                    ("role", "admin"),
                    ("password", ""),
                ],
            );
            assert_eq!(added.status, 403, "{role:?}");
            let page = app.get_as("/account", &who).body;
            assert!(
                !page.contains("href=\"/admin/users\""),
                "no link for {role:?}"
            );
        }
        let email = Email::normalise("sneaky@test.example").expect("email");
        assert!(
            account_by_email(&mut db.connect(), &email)
                .expect("read")
                .is_none()
        );
        let admin_page = app.get_as("/account", &app.as_role(Role::Admin)).body;
        assert!(admin_page.contains("href=\"/admin/users\""));
    }
}

#[test]
fn the_last_admin_can_be_neither_disabled_nor_demoted() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let admin = app.as_role(Role::Admin);
        let id = account_id(&db, &email_of(Role::Admin));

        let disabled = app.post_form(&format!("/admin/users/{id}/disable"), &admin, &[]);
        assert_eq!(disabled.status, 409, "{}: {}", app.backend, disabled.body);
        assert!(disabled.body.contains("last enabled administrator"));
        let demoted = app.post_form(
            &format!("/admin/users/{id}/role"),
            &admin,
            &[("role", "viewer")],
        );
        assert_eq!(demoted.status, 409);
        assert!(demoted.body.contains("class=\"alert\""));
        let me = app.get_as("/api/v1/me", &app.as_role(Role::Admin)).json();
        assert_eq!(me["role"], "admin");
        assert_eq!(app.get_as("/admin/users", &admin).status, 200);

        // With a second administrator, the first may step down.
        let other = app.post_form(
            "/admin/users",
            &admin,
            &[
                ("email", "second.admin@test.example"),
                ("role", "admin"),
                ("password", NEW_PASSWORD),
            ],
        );
        assert_eq!(other.status, 303);
        let demoted = app.post_form(
            &format!("/admin/users/{id}/role"),
            &admin,
            &[("role", "analyst")],
        );
        assert_eq!(demoted.status, 303, "{}", demoted.body);
        assert_eq!(
            app.get_as("/admin/users", &admin).status,
            403,
            "no longer an admin"
        );
    }
}

//! Access control as a client meets it: every registered route for anonymous, viewer,
//! analyst, reviewer and admin; CSRF and origin refusals; security headers; body limits.

#[path = "access/api_matrix.rs"]
mod api_matrix;
mod common;

use common::{As, TestApp, TestDb};
use trustkb::domain::Role;
use trustkb::web::routes::{ROUTES, Verb};

/// What a request must come to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Expect {
    /// Past the gate: the handler answered (any status but 401, 403 or a sign-in redirect).
    Pass,
    /// Sent to sign in: 303 to /login on pages, 401 on the API.
    SignIn,
    /// 403.
    Refused,
}

use Expect::{Pass, Refused, SignIn};

/// The expected outcome of every route, for anonymous, viewer, analyst, reviewer and admin,
/// written out independently of the route table. A route missing here fails the test.
/// Every row: the pages' and the API's (`access/api_matrix.rs`).
fn every_row() -> impl Iterator<Item = &'static (Verb, &'static str, [Expect; 5])> {
    MATRIX.iter().chain(api_matrix::API_MATRIX)
}

const MATRIX: &[(Verb, &str, [Expect; 5])] = &[
    (Verb::Get, "/healthz", [Pass, Pass, Pass, Pass, Pass]),
    (Verb::Get, "/readyz", [Pass, Pass, Pass, Pass, Pass]),
    (Verb::Get, "/metrics", [Pass, Pass, Pass, Pass, Pass]),
    (Verb::Get, "/static/app.css", [Pass, Pass, Pass, Pass, Pass]),
    (
        Verb::Get,
        "/static/{fingerprint}/app.css",
        [Pass, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Get,
        "/language/{code}",
        [Pass, Pass, Pass, Pass, Pass],
    ),
    (Verb::Get, "/login", [Pass, Pass, Pass, Pass, Pass]),
    // Without the sign-in form's token the post is refused, whoever sends it.
    (Verb::Post, "/login", [Refused, Pass, Pass, Pass, Pass]),
    (Verb::Post, "/logout", [SignIn, Pass, Pass, Pass, Pass]),
    (Verb::Get, "/", [SignIn, Pass, Pass, Pass, Pass]),
    (Verb::Get, "/reviews", [SignIn, Pass, Pass, Pass, Pass]),
    (
        Verb::Get,
        "/reviews/new",
        [SignIn, Refused, Refused, Pass, Pass],
    ),
    (
        Verb::Post,
        "/reviews/new",
        [SignIn, Refused, Refused, Pass, Pass],
    ),
    (Verb::Get, "/reviews/{id}", [SignIn, Pass, Pass, Pass, Pass]),
    (
        Verb::Get,
        "/reviews/{id}/report.pdf",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Post,
        "/reviews/{id}/decision",
        [SignIn, Refused, Refused, Pass, Pass],
    ),
    (
        Verb::Post,
        "/reviews/{id}/conditions/{cid}",
        [SignIn, Refused, Refused, Pass, Pass],
    ),
    (Verb::Get, "/watchlists", [SignIn, Pass, Pass, Pass, Pass]),
    (Verb::Post, "/watchlists", [SignIn, Pass, Pass, Pass, Pass]),
    (
        Verb::Get,
        "/watchlists/{id}",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Post,
        "/watchlists/{id}/delete",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Post,
        "/watchlists/{id}/name",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Post,
        "/watchlists/{id}/items",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Post,
        "/watchlists/{id}/items/{item}/delete",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Post,
        "/watchlists/{id}/rules",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Post,
        "/watchlists/{id}/rules/{rule}/delete",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Post,
        "/watchlists/{id}/webhook",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Post,
        "/watchlists/{id}/webhook/secret",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Post,
        "/watchlists/{id}/webhook/delete",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (Verb::Get, "/alerts", [SignIn, Pass, Pass, Pass, Pass]),
    (
        Verb::Post,
        "/alerts/read-all",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Post,
        "/alerts/{id}/read",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Get,
        "/imports",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Post,
        "/imports",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Get,
        "/imports/template.xlsx",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Get,
        "/imports/template/{table}.csv",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (Verb::Get, "/vendors", [SignIn, Pass, Pass, Pass, Pass]),
    (
        Verb::Get,
        "/vendors/{slug}",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Get,
        "/vendors/{slug}/report",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Get,
        "/vendors/{slug}/report.pdf",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Get,
        "/vendors/{slug}/edit",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Post,
        "/vendors/{slug}/edit",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Get,
        "/vendors/new",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Post,
        "/vendors/new",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Get,
        "/vendors/{slug}/products/new",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Post,
        "/vendors/{slug}/products/new",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Get,
        "/vendors/{slug}/delete",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Post,
        "/vendors/{slug}/delete",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Get,
        "/products/{slug}/delete",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Post,
        "/products/{slug}/delete",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Get,
        "/incidents/new",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Post,
        "/incidents/new",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Get,
        "/incidents/{slug}/remediations/new",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Post,
        "/incidents/{slug}/remediations/new",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Get,
        "/incidents/{slug}/edit",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Post,
        "/incidents/{slug}/edit",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Get,
        "/incidents/{slug}/delete",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Post,
        "/incidents/{slug}/delete",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Get,
        "/remediations/{slug}/edit",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Post,
        "/remediations/{slug}/edit",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Get,
        "/remediations/{slug}/delete",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Post,
        "/remediations/{slug}/delete",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Get,
        "/products/{slug}/edit",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Post,
        "/products/{slug}/edit",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (Verb::Get, "/incidents", [SignIn, Pass, Pass, Pass, Pass]),
    (
        Verb::Get,
        "/incidents/{slug}",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Get,
        "/vendors/{slug}/dependencies/new",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Post,
        "/vendors/{slug}/dependencies/new",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Get,
        "/dependencies/{id}/edit",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Post,
        "/dependencies/{id}/edit",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Get,
        "/dependencies/{id}/delete",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Post,
        "/dependencies/{id}/delete",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (Verb::Get, "/analysts", [SignIn, Pass, Pass, Pass, Pass]),
    (
        Verb::Get,
        "/analysts/new",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Post,
        "/analysts/new",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Get,
        "/analysts/{slug}/edit",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Post,
        "/analysts/{slug}/edit",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Get,
        "/analysts/{slug}/delete",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Post,
        "/analysts/{slug}/delete",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Get,
        "/analyst-firms/new",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Post,
        "/analyst-firms/new",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Get,
        "/analyst-firms/{slug}/edit",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Post,
        "/analyst-firms/{slug}/edit",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Get,
        "/analyst-firms/{slug}/delete",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Post,
        "/analyst-firms/{slug}/delete",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Get,
        "/assessments/new",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Post,
        "/assessments/new",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Get,
        "/assessments/{slug}/edit",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Post,
        "/assessments/{slug}/edit",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Get,
        "/assessments/{slug}/delete",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Post,
        "/assessments/{slug}/delete",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Get,
        "/score-changes/{id}",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Get,
        "/vendors/{slug}/blast-radius",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Get,
        "/products/{slug}/blast-radius",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Get,
        "/incidents/{slug}/blast-radius",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Get,
        "/concentration",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Get,
        "/exports/portfolio.xlsx",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Get,
        "/exports/vendors.csv",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Get,
        "/exports/products.csv",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Get,
        "/exports/incidents.csv",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Get,
        "/recommendations",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Get,
        "/products/{slug}/recommendation",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (Verb::Get, "/sources", [SignIn, Pass, Pass, Pass, Pass]),
    (Verb::Get, "/sources/{id}", [SignIn, Pass, Pass, Pass, Pass]),
    (
        Verb::Get,
        "/sources/new",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Post,
        "/sources/new",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Get,
        "/sources/{id}/edit",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Post,
        "/sources/{id}/edit",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Get,
        "/sources/{id}/delete",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Post,
        "/sources/{id}/delete",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Get,
        "/sources/{id}/citations/new",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Post,
        "/sources/{id}/citations/new",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Get,
        "/citations/new",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Post,
        "/citations/{id}/delete",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Get,
        "/incidents/{slug}/timeline/new",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Post,
        "/incidents/{slug}/timeline/new",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Get,
        "/timeline/{id}/edit",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Post,
        "/timeline/{id}/edit",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Get,
        "/timeline/{id}/delete",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Post,
        "/timeline/{id}/delete",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Get,
        "/incidents/{slug}/causes/new",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Post,
        "/incidents/{slug}/causes/new",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Get,
        "/causes/{id}/delete",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Post,
        "/causes/{id}/delete",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (Verb::Get, "/search", [SignIn, Pass, Pass, Pass, Pass]),
    (Verb::Get, "/compare", [SignIn, Pass, Pass, Pass, Pass]),
    (Verb::Get, "/account", [SignIn, Pass, Pass, Pass, Pass]),
    (
        Verb::Get,
        "/account/password",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Post,
        "/account/password",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Post,
        "/account/tokens",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (
        Verb::Post,
        "/account/tokens/{id}/revoke",
        [SignIn, Pass, Pass, Pass, Pass],
    ),
    (Verb::Get, "/audit", [SignIn, Refused, Pass, Refused, Pass]),
    (
        Verb::Get,
        "/audit.csv",
        [SignIn, Refused, Pass, Refused, Pass],
    ),
    (
        Verb::Get,
        "/admin/users",
        [SignIn, Refused, Refused, Refused, Pass],
    ),
    (
        Verb::Post,
        "/admin/users",
        [SignIn, Refused, Refused, Refused, Pass],
    ),
    (
        Verb::Post,
        "/admin/users/{id}/role",
        [SignIn, Refused, Refused, Refused, Pass],
    ),
    (
        Verb::Post,
        "/admin/users/{id}/disable",
        [SignIn, Refused, Refused, Refused, Pass],
    ),
    (
        Verb::Post,
        "/admin/users/{id}/enable",
        [SignIn, Refused, Refused, Refused, Pass],
    ),
    (
        Verb::Post,
        "/admin/users/{id}/reset-password",
        [SignIn, Refused, Refused, Refused, Pass],
    ),
];

fn verb_name(verb: Verb) -> &'static str {
    match verb {
        Verb::Get => "GET",
        Verb::Post => "POST",
        Verb::Patch => "PATCH",
        Verb::Delete => "DELETE",
    }
}

/// A concrete path for a pattern: seed records for slugs, a missing id for write targets
/// (so that an allowed request is answered 404 and changes nothing).
fn concrete(pattern: &str, source_id: i32) -> String {
    let collection = pattern.trim_start_matches("/api/v1");
    let by_slug = if collection.starts_with("/incidents") {
        "solarwinds-orion-supply-chain-compromise"
    } else if collection.starts_with("/products") {
        "solarwinds-orion"
    } else if collection.starts_with("/remediations") {
        "mimecast-drops-solarwinds-orion"
    } else {
        "mimecast"
    };
    pattern
        .replace("{slug}", by_slug)
        .replace("{code}", "fr")
        .replace("/sources/{id}", &format!("/sources/{source_id}"))
        .replace("{id}", "999999")
        .replace("{cid}", "999999")
        .replace("{item}", "999999")
        .replace("{rule}", "999999")
        .replace("{table}", "vendors")
        .replace("{fingerprint}", "0123456789abcdef")
        .replace("{tail:.*}", "index.html")
}

fn classify(answer: &common::Answer) -> Expect {
    // Signing out also leads to /login, but it is the one answer that clears the cookie.
    let signed_out = answer
        .set_cookies()
        .iter()
        .any(|c| c.starts_with("trustkb_session=;"));
    let to_sign_in = !signed_out
        && answer.status == 303
        && answer
            .header("location")
            .is_some_and(|l| l.starts_with("/login"));
    match answer.status {
        401 => SignIn,
        _ if to_sign_in => SignIn,
        403 => Refused,
        _ => Pass,
    }
}

#[test]
fn every_route_has_a_rule_and_every_role_gets_what_the_matrix_says() {
    for (verb, path) in ROUTES.iter().map(|r| (r.verb, r.path)) {
        assert!(
            every_row().any(|(v, p, _)| *v == verb && *p == path),
            "route {} {path} has no row in the access matrix of tests/access.rs",
            verb_name(verb)
        );
    }
    for (verb, path, _) in every_row() {
        assert!(
            ROUTES.iter().any(|r| r.verb == *verb && r.path == *path),
            "the matrix names {} {path}, which the app does not register",
            verb_name(*verb)
        );
    }
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let source_id = app.get("/api/v1/sources").json()["items"][0]["id"]
            .as_i64()
            .expect("a source id") as i32;
        for (verb, pattern, expected) in every_row() {
            let path = concrete(pattern, source_id);
            let method = verb_name(*verb);
            let mut who: Vec<(&str, As)> = vec![("anonymous", As::default())];
            for role in common::ROLES {
                let mut credentials = app.as_role(role);
                if *pattern == "/logout" {
                    // Signing out ends the session: use a fresh one.
                    credentials.session =
                        Some(app.sign_in(&common::email_of(role), common::PASSWORD));
                }
                who.push((role.as_str(), credentials));
            }
            for ((name, credentials), expect) in who.iter().zip(expected) {
                let answer = match verb {
                    Verb::Get => app.get_as(&path, credentials),
                    Verb::Post => app.post_form(&path, credentials, &[]),
                    Verb::Patch => {
                        app.send_json(method, &path, credentials, &serde_json::json!({}))
                    }
                    // Without If-Match an allowed delete is refused (428) and changes nothing.
                    Verb::Delete => app.send(method, &path, credentials, &[], None),
                };
                assert_eq!(
                    classify(&answer),
                    *expect,
                    "[{}] {method} {path} as {name}: got {} {}",
                    db.backend,
                    answer.status,
                    answer.body.chars().take(300).collect::<String>()
                );
                assert!(
                    answer.status < 500,
                    "[{}] {method} {path} as {name}: {}",
                    db.backend,
                    answer.status
                );
            }
        }
    }
}

#[test]
fn anonymous_pages_redirect_to_sign_in_and_the_api_answers_401_json() {
    let db = TestDb::sqlite();
    let app = TestApp::spawn(&db);
    let page = app.get_anonymous("/vendors/mimecast?as_of=2021-04-30");
    assert_eq!(page.status, 303);
    assert_eq!(
        page.header("location"),
        Some("/login?next=%2Fvendors%2Fmimecast%3Fas_of%3D2021-04-30")
    );
    let api = app.get_anonymous("/api/v1/vendors");
    assert_eq!(api.status, 401);
    assert!(api.content_type.starts_with("application/problem+json"));
    assert_eq!(api.json()["status"], 401);
    assert_eq!(
        api.header("www-authenticate"),
        Some("Bearer realm=\"trustkb\"")
    );
    let forged = As {
        token: Some("tkb_0000000000000000000000000000000000000000000000000000000000000000".into()),
        session: None,
    };
    assert_eq!(app.get_as("/api/v1/vendors", &forged).status, 401);
    // A cookie that was not sealed with the server's key is no session.
    let fake = As {
        token: None,
        session: Some(common::BrowserSession {
            cookie: "trustkb_session=abc".into(),
            csrf: String::new(),
        }),
    };
    assert_eq!(app.get_as("/vendors", &fake).status, 303);
    // Public: the health check and the stylesheet.
    assert_eq!(app.get_anonymous("/healthz").status, 200);
    assert_eq!(app.get_anonymous("/static/app.css").status, 200);
}

#[test]
fn signing_in_goes_back_to_the_page_asked_for_and_signing_out_ends_the_session() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let form = app.get_anonymous("/login?next=/incidents");
        let next = common::hidden_field(&form.body, "next").expect("next");
        assert_eq!(next, "/incidents");
        let fields = [
            ("email", "Viewer@Test.Example "),
            ("password", common::PASSWORD),
            ("next", next.as_str()),
        ];
        let (answer, _) = app.post_login(&form, &fields, &[]);
        assert_eq!(answer.status, 303, "{}", answer.body);
        assert_eq!(answer.header("location"), Some("/incidents"));
        let cookie = answer
            .set_cookies()
            .into_iter()
            .find(|c| c.starts_with("trustkb_session="))
            .expect("session cookie")
            .to_owned();
        assert!(cookie.contains("HttpOnly"), "{cookie}");
        assert!(cookie.contains("SameSite=Lax"), "{cookie}");
        assert!(!cookie.contains("Secure"), "plain HTTP: {cookie}");
        // An outside `next` is ignored.
        let session = app.sign_in(&common::email_of(Role::Viewer), common::PASSWORD);
        let who = As {
            token: None,
            session: Some(session.clone()),
        };
        assert_eq!(app.get_as("/vendors", &who).status, 200);
        let out = app.post_form("/logout", &who, &[]);
        assert_eq!(out.status, 303);
        assert_eq!(out.header("location"), Some("/login"));
        assert_eq!(
            app.get_as("/vendors", &who).status,
            303,
            "[{}] session still alive",
            db.backend
        );
    }
}

#[test]
fn sign_in_never_tells_whether_an_account_exists_and_is_throttled() {
    let db = TestDb::sqlite();
    let app = TestApp::spawn(&db);
    let (wrong_password, _) = app.try_sign_in(&common::email_of(Role::Analyst), "not-the-password");
    let (no_account, _) = app.try_sign_in("nobody@test.example", "not-the-password");
    assert_eq!(wrong_password.status, 401);
    assert_eq!(no_account.status, 401);
    let message = |a: &common::Answer| {
        a.body
            .lines()
            .find(|l| l.contains("class=\"alert\""))
            .map(str::to_owned)
            .expect("an alert")
    };
    assert_eq!(message(&wrong_password), message(&no_account));
    // Four more failures for the analyst make five: the sixth attempt is refused even with
    // the right password, and so is one for the unknown e-mail after five failures.
    for _ in 0..4 {
        assert_eq!(
            app.try_sign_in(&common::email_of(Role::Analyst), "nope")
                .0
                .status,
            401
        );
        assert_eq!(app.try_sign_in("nobody@test.example", "nope").0.status, 401);
    }
    let (throttled, _) = app.try_sign_in(&common::email_of(Role::Analyst), common::PASSWORD);
    assert_eq!(throttled.status, 429, "{}", throttled.body);
    assert!(throttled.body.contains("Too many failed sign-ins"));
    let (unknown, _) = app.try_sign_in("nobody@test.example", "nope");
    assert_eq!(unknown.status, 429);
    // Another account is not affected (10 failures from this address, under 20).
    assert_eq!(
        app.try_sign_in(&common::email_of(Role::Reviewer), common::PASSWORD)
            .0
            .status,
        303
    );
    // Per address: ten more failures over fresh e-mails reach 20; then everyone from here waits.
    for i in 0..10 {
        app.try_sign_in(&format!("spray{i}@test.example"), "nope");
    }
    let (address_throttled, _) = app.try_sign_in(&common::email_of(Role::Admin), common::PASSWORD);
    assert_eq!(address_throttled.status, 429);
}

#[test]
fn forged_forms_are_refused_and_change_nothing() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let admin = app.as_role(Role::Admin);
        let add = |fields: &[(&str, &str)], headers: &[(&str, String)]| {
            let body = serde_urlencoded::to_string(fields).unwrap();
            let mut all = vec![(
                "content-type",
                "application/x-www-form-urlencoded".to_owned(),
            )];
            all.extend(headers.iter().cloned());
            app.send(
                "POST",
                "/admin/users",
                &admin,
                &all,
                Some(body.into_bytes()),
            )
        };
        let fields = [
            ("email", "forged@test.example"),
            ("role", "admin"),
            ("password", ""),
        ];
        // No token.
        let answer = add(&fields, &[]);
        assert_eq!(answer.status, 403, "[{}] {}", db.backend, answer.body);
        assert!(answer.body.contains("security token"), "{}", answer.body);
        // A wrong token.
        let mut with_wrong = fields.to_vec();
        with_wrong.push(("csrf_token", "0123"));
        assert_eq!(add(&with_wrong, &[]).status, 403);
        // Another session's token.
        let other = app.sign_in(&common::email_of(Role::Admin), common::PASSWORD);
        let mut with_other = fields.to_vec();
        with_other.push(("csrf_token", other.csrf.as_str()));
        assert_eq!(add(&with_other, &[]).status, 403);
        // The right token from another site.
        let csrf = admin.session.as_ref().unwrap().csrf.clone();
        let mut with_right = fields.to_vec();
        with_right.push(("csrf_token", csrf.as_str()));
        let cross = add(&with_right, &[("origin", "https://evil.example".into())]);
        assert_eq!(cross.status, 403, "{}", cross.body);
        assert!(cross.body.contains("another site"));
        let cross_referer = add(
            &with_right,
            &[("referer", "https://evil.example/page".into())],
        );
        assert_eq!(cross_referer.status, 403);
        // Nothing was created.
        let mut conn = db.connect();
        let email = trustkb::domain::Email::normalise("forged@test.example").unwrap();
        assert!(
            trustkb::store::accounts::account_by_email(&mut conn, &email)
                .unwrap()
                .is_none(),
            "[{}] a forged form created an account",
            db.backend
        );
        // The same form with its token from this site goes through.
        let same_site = add(&with_right, &[("origin", app.base.clone())]);
        assert_eq!(same_site.status, 200, "{}", same_site.body);
        assert!(
            trustkb::store::accounts::account_by_email(&mut conn, &email)
                .unwrap()
                .is_some()
        );
    }
}

/// A multipart form: the text `fields`, then a small CSV file as `file`.
fn multipart(fields: &[(&str, &str)]) -> (Vec<(&'static str, String)>, Vec<u8>) {
    const BOUNDARY: &str = "----trustkbAccessBoundary";
    let mut body = String::new();
    for (name, value) in fields {
        body.push_str(&format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
        ));
    }
    body.push_str(&format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"v.csv\"\r\n\
         Content-Type: text/csv\r\n\r\nslug,name,tier,status\r\nforged,Forged,low,active\r\n\
         \r\n--{BOUNDARY}--\r\n"
    ));
    let headers = vec![(
        "content-type",
        format!("multipart/form-data; boundary={BOUNDARY}"),
    )];
    (headers, body.into_bytes())
}

#[test]
fn routes_that_check_the_csrf_token_in_their_handler_refuse_forged_uploads() {
    use trustkb::web::routes::Csrf;
    let marked: Vec<_> = ROUTES.iter().filter(|r| r.csrf == Csrf::Handler).collect();
    assert!(!marked.is_empty(), "the bulk import checks its own token");
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let admin = app.as_role(Role::Admin);
        let other = app.sign_in(&common::email_of(Role::Admin), common::PASSWORD);
        let csrf = admin.session.as_ref().unwrap().csrf.clone();
        let audit = || common::curation::row_counts(&db, &["audit_log", "vendors"]);
        let before = audit();
        for route in &marked {
            assert_eq!(route.verb, Verb::Post, "{}", route.path);
            let path = concrete(route.path, 1);
            for token in [None, Some("0123"), Some(other.csrf.as_str())] {
                let mut fields = vec![("action", "apply")];
                fields.extend(token.map(|t| ("csrf_token", t)));
                let (headers, body) = multipart(&fields);
                let answer = app.send("POST", &path, &admin, &headers, Some(body));
                assert_eq!(
                    answer.status, 403,
                    "[{}] {path} with {token:?}: {}",
                    db.backend, answer.body
                );
            }
            assert_eq!(
                audit(),
                before,
                "[{}] {path}: a forged upload wrote",
                db.backend
            );
            let (headers, body) = multipart(&[("csrf_token", &csrf), ("action", "check")]);
            let answer = app.send("POST", &path, &admin, &headers, Some(body));
            assert_ne!(
                answer.status, 403,
                "[{}] {path}: {}",
                db.backend, answer.body
            );
        }
    }
}

#[test]
fn every_response_carries_the_security_headers() {
    let db = TestDb::sqlite();
    let app = TestApp::spawn(&db);
    let viewer = app.as_role(Role::Viewer);
    for (path, who) in [
        ("/healthz", As::default()),
        ("/static/app.css", As::default()),
        ("/login", As::default()),
        ("/vendors", As::default()),
        ("/vendors", viewer.clone()),
        ("/no-such-page", viewer.clone()),
        ("/api/v1/vendors", As::default()),
        ("/api/v1/vendors", viewer.clone()),
        ("/audit", viewer.clone()),
    ] {
        let answer = app.get_as(path, &who);
        let csp = answer
            .header("content-security-policy")
            .unwrap_or_else(|| panic!("{path}: no CSP"));
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert!(csp.contains("script-src 'self'"), "{path}: {csp}");
        assert!(!csp.contains("unsafe-inline"), "{path}: {csp}");
        assert_eq!(
            answer.header("x-content-type-options"),
            Some("nosniff"),
            "{path}"
        );
        assert!(answer.header("referrer-policy").is_some(), "{path}");
        assert!(
            answer.header("strict-transport-security").is_none(),
            "{path}: HSTS over HTTP"
        );
    }
    // Behind an HTTPS proxy: HSTS, and the session cookie is Secure.
    let https = [("x-forwarded-proto", "https".to_owned())];
    let page = app.send("GET", "/login", &As::default(), &https, None);
    assert!(
        page.header("strict-transport-security")
            .is_some_and(|h| h.contains("max-age="))
    );
    assert!(page.set_cookies().iter().all(|c| c.contains("Secure")));
}

#[test]
fn oversized_bodies_are_refused() {
    let db = TestDb::sqlite();
    let app = TestApp::spawn(&db);
    let analyst = app.as_role(Role::Analyst);
    let huge = "x".repeat(5 << 20);
    let answer = app.post_form(
        "/vendors/mimecast/edit",
        &analyst,
        &[("name", huge.as_str())],
    );
    assert!(
        matches!(answer.status, 400 | 413),
        "form: {}",
        answer.status
    );
    let json = serde_json::json!({ "description": "y".repeat(2 << 20) });
    let answer = common::api::patch(&app, "/api/v1/vendors/mimecast", &analyst, &json);
    assert!(
        matches!(answer.status, 400 | 413),
        "json: {} {}",
        answer.status,
        answer.body
    );
    assert_eq!(
        app.get("/api/v1/vendors/mimecast").json()["name"],
        "Mimecast"
    );
}

#[test]
fn a_session_opened_on_one_server_is_valid_on_another_sharing_the_database() {
    for db in TestDb::all() {
        let first = TestApp::spawn(&db);
        let second = TestApp::spawn(&db);
        let session = first.sign_in(&common::email_of(Role::Analyst), common::PASSWORD);
        let who = As {
            token: None,
            session: Some(session),
        };
        assert_eq!(
            second.get_as("/vendors", &who).status,
            200,
            "[{}]",
            db.backend
        );
        let token = As {
            token: Some(first.token(Role::Viewer)),
            session: None,
        };
        assert_eq!(second.get_as("/api/v1/me", &token).status, 200);
        // Signing out on the second ends the session on the first.
        assert_eq!(second.post_form("/logout", &who, &[]).status, 303);
        assert_eq!(
            first.get_as("/vendors", &who).status,
            303,
            "[{}]",
            db.backend
        );
    }
}

#[test]
fn sessions_end_after_the_idle_and_the_absolute_timeouts() {
    use trustkb::store::sessions::SessionTimeouts;
    let db = TestDb::sqlite();
    let mut config = common::test_config(&db);
    config.sessions = SessionTimeouts {
        idle: chrono::TimeDelta::seconds(2),
        absolute: chrono::TimeDelta::hours(1),
    };
    let app = TestApp::spawn_with(&db, config);
    let who = app.as_role(Role::Viewer);
    assert_eq!(app.get_as("/vendors", &who).status, 200);
    std::thread::sleep(std::time::Duration::from_millis(3200));
    assert_eq!(
        app.get_as("/vendors", &who).status,
        303,
        "idle session still alive"
    );
    drop(app);

    let db = TestDb::sqlite();
    let mut config = common::test_config(&db);
    config.sessions = SessionTimeouts {
        idle: chrono::TimeDelta::hours(1),
        absolute: chrono::TimeDelta::seconds(3),
    };
    let app = TestApp::spawn_with(&db, config);
    let who = app.as_role(Role::Viewer);
    for _ in 0..4 {
        std::thread::sleep(std::time::Duration::from_millis(1000));
        let _ = app.get_as("/vendors", &who);
    }
    assert_eq!(
        app.get_as("/vendors", &who).status,
        303,
        "session outlived its absolute timeout"
    );
}

#[test]
fn a_disabled_users_token_and_session_are_refused() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let reviewer = app.as_role(Role::Reviewer);
        assert_eq!(app.get_as("/api/v1/me", &reviewer).status, 200);
        let mut conn = db.connect();
        let email = trustkb::domain::Email::normalise(&common::email_of(Role::Reviewer)).unwrap();
        trustkb::store::accounts::disable_account(
            &mut conn,
            &trustkb::domain::audit::Actor::system(),
            &email,
            chrono::Utc::now().naive_utc(),
        )
        .unwrap();
        assert_eq!(
            app.get_as("/api/v1/me", &reviewer).status,
            401,
            "[{}]",
            db.backend
        );
        assert_eq!(
            app.get_as("/vendors", &reviewer).status,
            303,
            "[{}]",
            db.backend
        );
        let (again, _) = app.try_sign_in(&common::email_of(Role::Reviewer), common::PASSWORD);
        assert_eq!(again.status, 401);
    }
}

#[test]
fn error_pages_keep_the_signed_in_header() {
    let db = TestDb::sqlite();
    let app = TestApp::spawn(&db);
    let viewer = app.as_role(Role::Viewer);
    for (path, status) in [("/audit", 403), ("/vendors/no-such-vendor", 404)] {
        let answer = app.get_as(path, &viewer);
        assert_eq!(answer.status, status, "{path}");
        assert!(
            answer.body.contains("viewer@test.example"),
            "{path}: no user header"
        );
        assert!(
            answer.body.contains("action=\"/logout\""),
            "{path}: no sign-out form"
        );
    }
}

//! Credential checks under concurrency, on every backend under test: requests sent at once
//! with different sessions and tokens share database turns, yet each is answered for its own
//! credential, and a sign-out is seen by the next request while others keep arriving.

mod common;

use common::{As, BrowserSession, PASSWORD, TestApp, TestDb, email_of};
use std::sync::atomic::{AtomicBool, Ordering};
use trustkb::domain::Role;

/// A caller and what it must get: the e-mail its answers name, or `None` when refused.
struct Caller {
    who: As,
    path: &'static str,
    email: Option<String>,
}

fn by_token(token: String, email: Option<String>) -> Caller {
    Caller {
        who: As {
            token: Some(token),
            session: None,
        },
        path: "/api/v1/me",
        email,
    }
}

fn by_session(session: BrowserSession, email: Option<String>) -> Caller {
    Caller {
        who: As {
            token: None,
            session: Some(session),
        },
        path: "/",
        email,
    }
}

/// Whether `body` names `email` as a whole address ("viewer@…" is inside "reviewer@…").
fn names(body: &str, email: &str) -> bool {
    body.match_indices(email)
        .any(|(i, _)| i == 0 || !body.as_bytes()[i - 1].is_ascii_alphanumeric())
}

/// Sends `caller`'s request and checks the answer names its own account, or refuses it.
fn check(app: &TestApp, caller: &Caller) {
    let answer = app.get_as(caller.path, &caller.who);
    match &caller.email {
        Some(email) => {
            assert_eq!(
                answer.status, 200,
                "{} as {email}: {}",
                caller.path, answer.body
            );
            assert!(
                names(&answer.body, email),
                "{} as {email} answered for someone else",
                caller.path
            );
            for role in Role::ALL {
                let other = email_of(*role);
                assert!(
                    other == *email || !names(&answer.body, &other),
                    "{} as {email} names {other}",
                    caller.path
                );
            }
        }
        None => assert!(
            answer.status == 401 || answer.status == 303,
            "{} with a dead credential: {} {}",
            caller.path,
            answer.status,
            answer.body
        ),
    }
}

/// The value of the sample line starting with `series ` (0 when absent).
fn sample(text: &str, series: &str) -> f64 {
    let prefix = format!("{series} ");
    text.lines()
        .find_map(|l| l.strip_prefix(&prefix))
        .map(|v| v.trim().parse().expect("a number"))
        .unwrap_or(0.0)
}

#[test]
fn concurrent_requests_are_each_answered_for_their_own_credential() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let signed_out = app.sign_in(&email_of(Role::Viewer), PASSWORD);
        let out = app.post_form(
            "/logout",
            &As {
                token: None,
                session: Some(signed_out.clone()),
            },
            &[],
        );
        assert_eq!(out.status, 303, "{}: sign-out", app.backend);
        let mut callers: Vec<Caller> = Vec::new();
        for role in Role::ALL {
            let email = Some(email_of(*role));
            callers.push(by_token(app.token(*role), email.clone()));
            callers.push(by_session(app.session(*role), email));
        }
        callers.push(by_token("tkb_not-a-token".into(), None));
        callers.push(by_session(signed_out, None));

        let before = app.get_anonymous("/metrics").body;
        std::thread::scope(|scope| {
            for offset in 0..8 {
                let (app, callers) = (&app, &callers);
                scope.spawn(move || {
                    for round in 0..6 {
                        for i in 0..callers.len() {
                            check(app, &callers[(i + offset + round) % callers.len()]);
                        }
                    }
                });
            }
        });
        let after = app.get_anonymous("/metrics").body;
        let grew = |series: &str| sample(&after, series) - sample(&before, series);
        let (checks, turns) = (
            grew("trustkb_credential_checks_total"),
            grew("trustkb_credential_check_turns_total"),
        );
        assert!(
            checks >= (8 * 6 * callers.len()) as f64 && turns >= 1.0 && turns <= checks,
            "{}: {checks} credentials checked in {turns} turns",
            app.backend
        );
    }
}

#[test]
fn a_sign_out_is_seen_by_the_next_request_while_others_keep_arriving() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let busy = AtomicBool::new(true);
        std::thread::scope(|scope| {
            for role in [Role::Viewer, Role::Analyst, Role::Admin] {
                let (app, busy) = (&app, &busy);
                scope.spawn(move || {
                    let caller = by_session(app.session(role), Some(email_of(role)));
                    while busy.load(Ordering::Relaxed) {
                        check(app, &caller);
                    }
                });
            }
            for attempt in 0..5 {
                let session = app.sign_in(&email_of(Role::Analyst), PASSWORD);
                let who = As {
                    token: None,
                    session: Some(session),
                };
                assert_eq!(app.get_as("/", &who).status, 200, "{}", app.backend);
                assert_eq!(app.post_form("/logout", &who, &[]).status, 303);
                let after = app.get_as("/", &who);
                assert_eq!(
                    after.status, 303,
                    "{}: attempt {attempt}, the page after sign-out: {}",
                    app.backend, after.body
                );
            }
            busy.store(false, Ordering::Relaxed);
        });
    }
}

//! Refusals and generated wording in French (by `Accept-Language`): account conflicts, the
//! password strength advice, analyst views' search titles, unknown import tables, too long
//! queries; the API keeps English.

mod common;

use common::i18n::{french_header, in_french, post_in_french, shows};
use common::{TestApp, TestDb, email_of};
use trustkb::domain::{Email, Role};

fn admin_id(db: &TestDb) -> i32 {
    let email = Email::normalise(&email_of(Role::Admin)).expect("email");
    trustkb::store::accounts::account_by_email(&mut db.connect(), &email)
        .expect("read")
        .expect("the admin")
        .id
}

#[test]
fn account_conflicts_are_explained_in_french() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let admin = app.as_role(Role::Admin);
        let id = admin_id(&db);
        let fields = [
            ("email", email_of(Role::Viewer)),
            ("role", "viewer".to_owned()),
            ("password", String::new()),
        ];
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let duplicate = post_in_french(&app, "/admin/users", &admin, &fields);
        assert_eq!(duplicate.status, 409, "[{}] {}", db.backend, duplicate.body);
        assert!(
            shows(&duplicate.body, "Un compte existe déjà pour"),
            "{}",
            duplicate.body
        );
        assert!(!duplicate.body.contains("already exists"));

        let disable = format!("/admin/users/{id}/disable");
        let disabled = post_in_french(&app, &disable, &admin, &[]);
        assert_eq!(disabled.status, 409, "[{}] {}", db.backend, disabled.body);
        assert!(
            disabled.body.contains("Impossible de désactiver")
                && disabled
                    .body
                    .contains("c’est le dernier administrateur actif."),
            "{}",
            disabled.body
        );
        let role = format!("/admin/users/{id}/role");
        let demoted = post_in_french(&app, &role, &admin, &[("role", "viewer")]);
        assert_eq!(demoted.status, 409);
        assert!(
            demoted
                .body
                .contains("Impossible de retirer le rôle d’administrateur"),
            "{}",
            demoted.body
        );
        // In English, the same refusal.
        let english = app.post_form(&disable, &admin, &[]);
        assert!(english.body.contains("last enabled administrator"));
    }
}

#[test]
fn a_guessable_password_is_explained_in_french() {
    let db = TestDb::sqlite();
    let app = TestApp::spawn(&db);
    let analyst = app.as_role(Role::Analyst);
    let fields = [
        ("current_password", common::PASSWORD),
        ("new_password", "passwordpassword"),
        ("confirm_password", "passwordpassword"),
    ];
    let french = post_in_french(&app, "/account/password", &analyst, &fields);
    assert_eq!(french.status, 400, "{}", french.body);
    assert!(
        french
            .body
            .contains("Le mot de passe est trop facile à deviner : "),
        "{}",
        french.body
    );
    for english in ["guess", "Add another", "Avoid", "common"] {
        assert!(
            !french.body.contains(english),
            "«{english}»: {}",
            french.body
        );
    }
    let english = app.post_form("/account/password", &analyst, &fields);
    assert!(
        english.body.contains("The password is too easy to guess: "),
        "{}",
        english.body
    );
}

#[test]
fn analyst_view_hits_are_titled_in_the_readers_language() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let viewer = app.as_role(Role::Viewer);
        let french = in_french(&app, "/search?q=gartner", &viewer);
        assert_eq!(french.status, 200);
        assert!(
            french.body.contains("Gartner</mark>) sur "),
            "[{}] {}",
            db.backend,
            french.body
        );
        assert!(!french.body.contains(") on "), "{}", french.body);
        let english = app.get_as("/search?q=gartner", &viewer);
        assert!(english.body.contains("Gartner</mark>) on "));
        // The API says it in English, its title and highlights alike.
        let api = app.get("/api/v1/search?q=gartner").json();
        let hit = api["items"]
            .as_array()
            .and_then(|items| items.iter().find(|h| h["kind"] == "assessment"))
            .expect("an analyst view")
            .clone();
        let title = hit["title"].as_str().expect("a title");
        assert!(title.contains("(Gartner) on "), "{title}");
        assert!(!title.contains('\u{1f}'), "{title:?}");
        let joined: String = hit["highlights"]["title"]
            .as_array()
            .expect("segments")
            .iter()
            .filter_map(|s| s["text"].as_str())
            .collect();
        assert_eq!(joined, title);
    }
}

#[test]
fn unknown_import_tables_and_long_queries_are_refused_in_french() {
    let db = TestDb::sqlite();
    let app = TestApp::spawn(&db);
    let analyst = app.as_role(Role::Analyst);
    let table = in_french(&app, "/imports/template/nope.csv", &analyst);
    assert_eq!(table.status, 404);
    assert!(
        table.body.contains("Pas de table d’import « nope »"),
        "{}",
        table.body
    );
    let long = "a".repeat(201);
    let query = app.send(
        "GET",
        &format!("/search?q={long}"),
        &analyst,
        &[french_header()],
        None,
    );
    assert_eq!(query.status, 400);
    assert!(
        query
            .body
            .contains("La recherche (q) doit compter au plus 200 caractères"),
        "{}",
        query.body
    );
    let api = app.get(&format!("/api/v1/search?q={long}")).json();
    assert_eq!(
        api["detail"], "the query (q) must be at most 200 characters",
        "{api}"
    );
}

//! Search across the knowledge base: French and English, accents, case and word forms; the
//! page's highlighting; the index follows writes; access and bad queries.

mod common;

use common::{TestApp, TestDb};
use serde_json::{Value, json};
use trustkb::domain::Role;

fn enc(q: &str) -> String {
    serde_urlencoded::to_string([("q", q)]).expect("query")
}

/// The API's hits for `q`.
fn hits(app: &TestApp, q: &str) -> Vec<Value> {
    let answer = app.get(&format!("/api/v1/search?{}", enc(q)));
    assert_eq!(answer.status, 200, "[{}] {q}: {}", app.backend, answer.body);
    answer.json()["items"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

/// The highlighted words of a hit (title and snippet), lower-cased.
fn marked(hit: &Value) -> Vec<String> {
    ["title", "snippet"]
        .iter()
        .flat_map(|part| {
            hit["highlights"][part]
                .as_array()
                .cloned()
                .unwrap_or_default()
        })
        .filter(|s| s["mark"] == true)
        .filter_map(|s| s["text"].as_str().map(str::to_lowercase))
        .collect()
}

fn seed_source(app: &TestApp) -> String {
    let id = app.get("/api/v1/sources").json()["items"][0]["id"]
        .as_i64()
        .expect("a seed source");
    format!("/sources/{id}")
}

#[test]
fn french_without_accents_or_capitals_finds_the_seed_source() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let source = seed_source(&app);
        for q in [
            "chaine d'approvisionnement",
            "chaîne d’approvisionnement",
            "CHAÎNE",
            "Chaine D'Approvisionnement",
        ] {
            let found = hits(&app, q);
            let hit = found
                .iter()
                .find(|h| h["href"] == source.as_str())
                .unwrap_or_else(|| panic!("[{}] {q}: no source hit in {found:#?}", app.backend));
            assert_eq!(hit["kind"], "source");
            assert_eq!(hit["snippet_language"], "fr");
            assert!(
                marked(hit).contains(&"chaîne".to_owned()),
                "[{}] {q}: {:?}",
                app.backend,
                marked(hit)
            );
        }
    }
}

#[test]
fn word_forms_match_by_stemming_in_both_languages() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        // French: the seed says "changer de fournisseur" (Forrester's quote and the article).
        let found = hits(&app, "fournisseurs");
        assert!(
            found
                .iter()
                .any(|h| h["kind"] == "assessment" && marked(h).contains(&"fournisseur".into())),
            "[{}] fournisseurs: {found:#?}",
            app.backend
        );
        assert!(found.iter().any(|h| h["kind"] == "source"));
        for h in &found {
            assert!(
                h["href"].as_str().is_some_and(|l| l.starts_with('/')),
                "{h}"
            );
        }
        // English: "compromised" finds records that only say "compromise", and back.
        let found = hits(&app, "compromised");
        assert!(
            found
                .iter()
                .any(|h| marked(h).contains(&"compromise".to_owned())),
            "[{}] compromised: {found:#?}",
            app.backend
        );
        let found = hits(&app, "compromise");
        assert!(
            found
                .iter()
                .any(|h| marked(h).contains(&"compromised".to_owned())),
            "[{}] compromise: {found:#?}",
            app.backend
        );
        // Vendors, products and incidents link to their pages.
        let found = hits(&app, "orion");
        assert!(found.iter().any(|h| {
            h["kind"] == "product"
                && h["href"]
                    .as_str()
                    .is_some_and(|l| l.starts_with("/vendors/solarwinds#product-"))
        }));
        assert!(found.iter().any(|h| {
            h["kind"] == "incident"
                && h["href"]
                    .as_str()
                    .is_some_and(|l| l.starts_with("/incidents/"))
        }));
        // Analyst views are found by the analyst's firm as well as by their words.
        assert!(
            hits(&app, "gartner")
                .iter()
                .any(|h| h["kind"] == "assessment"
                    && h["title"].as_str().is_some_and(|t| t.contains("Gartner")))
        );
        let found = hits(&app, "mimecast");
        assert_eq!(
            found[0]["href"], "/vendors/mimecast",
            "title matches rank first"
        );
        assert!(hits(&app, "xylophonique").is_empty());
    }
}

#[test]
fn the_page_highlights_matches_and_escapes_text() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let empty = app.get("/search");
        assert_eq!(empty.status, 200);
        assert!(empty.body.contains("name=\"q\""));
        assert!(!empty.body.contains("class=\"hits\""));
        let blank = app.get("/search?q=%20%20");
        assert_eq!(blank.status, 200);
        assert!(!blank.body.contains("result"));

        let page = app.get(&format!("/search?{}", enc("chaine d'approvisionnement")));
        assert_eq!(page.status, 200, "{}", page.body);
        assert!(page.body.contains("<mark>chaîne</mark>"), "{}", page.body);
        assert!(page.body.contains("<mark>approvisionnement</mark>"));
        assert!(
            page.body
                .contains(&format!("href=\"{}\"", seed_source(&app)))
        );
        // The query is refilled in the box, escaped.
        assert!(
            page.body
                .contains("value=\"chaine d&#39;approvisionnement\""),
            "{}",
            page.body
        );

        // Stored text is escaped around the highlight spans.
        let analyst = app.as_role(Role::Analyst);
        let hostile = "<b>zorglub</b> & <script>alert(1)</script>";
        let answer = common::api::patch(
            &app,
            "/api/v1/vendors/cisco",
            &analyst,
            &json!({ "description": hostile }),
        );
        assert_eq!(answer.status, 200, "{}", answer.body);
        let page = app.get("/search?q=zorglub");
        assert!(page.body.contains("<mark>zorglub</mark>"), "{}", page.body);
        assert!(!page.body.contains("<b>"), "{}", page.body);
        assert!(!page.body.contains("<script>"), "{}", page.body);
    }
}

#[test]
fn an_edit_is_found_at_once() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        assert!(hits(&app, "quokkamail").is_empty());
        let analyst = app.as_role(Role::Analyst);
        let answer = common::api::patch(
            &app,
            "/api/v1/vendors/mimecast",
            &analyst,
            &json!({ "description": "Protège les boîtes QuokkaMail des entreprises." }),
        );
        assert_eq!(answer.status, 200, "{}", answer.body);
        let found = hits(&app, "quokkamail");
        assert_eq!(found.len(), 1, "[{}] {found:#?}", app.backend);
        assert_eq!(found[0]["href"], "/vendors/mimecast");
        // Accent-blind in new text too.
        assert!(
            hits(&app, "boites")
                .iter()
                .any(|h| h["href"] == "/vendors/mimecast")
        );
        // A second server on the same database (another app server) sees it too.
        let other = TestApp::spawn(&db);
        assert_eq!(hits(&other, "quokkamail").len(), 1);
        let answer = common::api::patch(
            &other,
            "/api/v1/vendors/mimecast",
            &other.as_role(Role::Analyst),
            &json!({ "description": "Email security." }),
        );
        assert_eq!(answer.status, 200, "{}", answer.body);
        assert!(
            hits(&app, "quokkamail").is_empty(),
            "the first server follows"
        );
    }
}

#[test]
fn bad_queries_and_anonymous_requests_are_refused() {
    let db = TestDb::sqlite();
    let app = TestApp::spawn(&db);
    for path in [
        "/api/v1/search",
        "/api/v1/search?q=",
        "/api/v1/search?q=%20%20",
    ] {
        let answer = app.get(path);
        assert_eq!(answer.status, 400, "{path}");
        assert!(answer.content_type.starts_with("application/problem+json"));
        assert_eq!(answer.json()["detail"], "q is required");
    }
    let long = "a".repeat(201);
    assert_eq!(app.get(&format!("/api/v1/search?q={long}")).status, 400);
    assert_eq!(app.get(&format!("/search?q={long}")).status, 400);
    assert_eq!(
        app.get(&format!("/api/v1/search?q={}", "a".repeat(200)))
            .status,
        200
    );
    assert_eq!(app.get("/api/v1/search?q=orion&limit=0").status, 400);
    assert_eq!(app.get("/api/v1/search?q=orion&limit=1000").status, 400);
    let one = app.get("/api/v1/search?q=orion&limit=1").json();
    assert_eq!(one["items"].as_array().map(Vec::len), Some(1));

    let page = app.get_anonymous("/search?q=orion");
    assert_eq!(page.status, 303);
    assert!(
        page.header("location")
            .is_some_and(|l| l.starts_with("/login"))
    );
    assert_eq!(app.get_anonymous("/api/v1/search?q=orion").status, 401);
}

//! The OpenAPI document: every API route described in it and nothing else, served as built,
//! and snapshot-tested so that any change to the API shows in review.

mod common;

use common::{TestApp, TestDb};
use std::collections::BTreeSet;
use trustkb::web::routes::{ROUTES, Verb};

/// The routes that serve the document and its reference page, not API operations.
const NOT_OPERATIONS: &[&str] = &["/api/v1/openapi.json", "/api/v1/docs/{tail:.*}"];

fn document() -> serde_json::Value {
    serde_json::to_value(trustkb::web::api::openapi::document()).expect("the document")
}

#[test]
fn every_api_route_is_described_and_nothing_else() {
    let doc = document();
    assert_eq!(doc["openapi"], "3.1.0");
    let mut described = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for method in item.as_object().expect("a path item").keys() {
            if ["get", "post", "patch", "delete", "put"].contains(&method.as_str()) {
                described.insert((method.to_uppercase(), path.clone()));
            }
        }
    }
    let routes: BTreeSet<(String, String)> = ROUTES
        .iter()
        .filter(|r| r.path.starts_with("/api/") && !NOT_OPERATIONS.contains(&r.path))
        .map(|r| {
            let verb = match r.verb {
                Verb::Get => "GET",
                Verb::Post => "POST",
                Verb::Patch => "PATCH",
                Verb::Delete => "DELETE",
            };
            (verb.to_owned(), r.path.to_owned())
        })
        .collect();
    let undocumented: Vec<_> = routes.difference(&described).collect();
    assert!(
        undocumented.is_empty(),
        "routes missing from the document: {undocumented:?}"
    );
    let phantom: Vec<_> = described.difference(&routes).collect();
    assert!(
        phantom.is_empty(),
        "operations no route serves: {phantom:?}"
    );
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for (method, operation) in item.as_object().expect("a path item") {
            let id = operation["operationId"].as_str().unwrap_or_default();
            assert!(!id.is_empty(), "{method} {path} has no operationId");
            assert!(
                operation["responses"]["default"].is_object(),
                "{method} {path}"
            );
        }
    }
}

#[test]
fn no_two_types_share_a_schema_name() {
    let clashes = trustkb::web::api::openapi::name_clashes();
    assert!(
        clashes.is_empty(),
        "different types claim these schema names (rename one with #[schema(as = ...)]): {clashes:?}"
    );
}

#[test]
fn every_schema_reference_resolves() {
    let doc = document();
    let text = doc.to_string();
    let schemas = doc["components"]["schemas"].as_object().expect("schemas");
    for piece in text.split("\"#/components/schemas/").skip(1) {
        let name = piece.split('"').next().unwrap_or_default();
        assert!(schemas.contains_key(name), "no schema {name}");
    }
}

#[test]
fn the_served_document_is_the_built_one_and_the_reference_page_is_local() {
    let db = TestDb::sqlite();
    let app = TestApp::spawn(&db);
    let served = app.get_anonymous("/api/v1/openapi.json");
    assert_eq!(served.status, 200);
    assert_eq!(served.json(), document());
    let page = app.get_anonymous("/api/v1/docs/index.html");
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.content_type.starts_with("text/html"));
    assert!(
        !page.body.contains("://"),
        "the reference page loads nothing from elsewhere"
    );
    let initializer = app.get_anonymous("/api/v1/docs/swagger-initializer.js");
    assert_eq!(initializer.status, 200);
    assert!(initializer.body.contains("/api/v1/openapi.json"));
    for asset in [
        "swagger-ui-bundle.js",
        "swagger-ui.css",
        "swagger-ui-standalone-preset.js",
    ] {
        let answer = app.get_anonymous(&format!("/api/v1/docs/{asset}"));
        assert_eq!(answer.status, 200, "{asset}");
    }
    assert_eq!(app.get_anonymous("/api/v1/docs/nothing.js").status, 404);
}

#[test]
fn the_document_matches_its_snapshot() {
    insta::assert_json_snapshot!("openapi", document());
}

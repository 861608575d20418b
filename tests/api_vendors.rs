//! The vendor API end to end on every backend: the list's paging and filters, and a vendor
//! created, changed (conditionally) and deleted with the browser form's validation and audit.

mod common;

use common::api::{assert_problem, etag_of, fingerprint, problem_fields, send_if_match};
use common::curation::audited;
use common::{TestApp, TestDb};
use serde_json::json;
use trustkb::domain::Role;

#[test]
fn the_vendor_list_pages_by_cursor_and_filters() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let first = app.get("/api/v1/vendors?limit=3");
        assert_eq!(first.status, 200, "{}", first.body);
        let page = first.json();
        assert_eq!(page["total"], 4);
        assert_eq!(page["limit"], 3);
        assert_eq!(page["offset"], 0);
        assert_eq!(page["items"].as_array().unwrap().len(), 3);
        let cursor = page["next_cursor"].as_str().expect("a next cursor");
        let link = first.header("link").expect("a Link header");
        assert!(
            link.contains("rel=\"next\"") && link.contains(cursor),
            "{link}"
        );
        let second = app
            .get(&format!("/api/v1/vendors?limit=3&cursor={cursor}"))
            .json();
        assert_eq!(second["items"].as_array().unwrap().len(), 1);
        assert_eq!(second["offset"], 3);
        assert!(second["next_cursor"].is_null());
        let by_page = app.get("/api/v1/vendors?limit=3&page=2").json();
        assert_eq!(by_page["items"], second["items"]);

        let reversed = app.get("/api/v1/vendors?sort=-name").json();
        let names: Vec<&str> = reversed["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["name"].as_str().unwrap())
            .collect();
        let mut sorted = names.clone();
        sorted.sort_by_key(|n| std::cmp::Reverse(n.to_lowercase()));
        assert_eq!(names, sorted);
        let active = app.get("/api/v1/vendors?status=active").json();
        assert!(
            active["items"]
                .as_array()
                .unwrap()
                .iter()
                .all(|v| v["status"] == "active")
        );

        let wrong = app.get("/api/v1/vendors?limit=0&tier=huge&colour=red&category=nope");
        assert_problem(&wrong, 400, "bad list parameters");
        assert_eq!(problem_fields(&wrong), ["limit", "tier", "colour"]);
        let unknown_category = app.get("/api/v1/vendors?category=nope");
        assert_problem(&unknown_category, 400, "unknown category");
        assert_eq!(problem_fields(&unknown_category), ["category"]);
        for bad in [
            "cursor=zzz",
            "cursor=bzE&page=2",
            "page=0",
            "limit=1&limit=2",
        ] {
            assert_problem(&app.get(&format!("/api/v1/vendors?{bad}")), 400, bad);
        }
    }
}

#[test]
fn a_vendor_is_created_changed_and_deleted_conditionally() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let analyst = app.as_role(Role::Analyst);
        let body = json!({
            "slug": "acme", "name": "Acme", "tier": "high", "status": "active",
            "website": "https://acme.example", "description": "Widgets."
        });
        let created = app.send_json("POST", "/api/v1/vendors", &analyst, &body);
        assert_eq!(created.status, 201, "{}", created.body);
        assert_eq!(created.header("location"), Some("/api/v1/vendors/acme"));
        let etag = created.header("etag").expect("an ETag").to_owned();
        assert_eq!(created.json()["name"], "Acme");
        assert_eq!(etag_of(&app, "/api/v1/vendors/acme", &analyst), etag);
        let creation = audited(&app, "vendor", "acme", "create");
        assert_eq!(creation.len(), 1);
        assert_eq!(creation[0]["channel"], "api");

        let path = "/api/v1/vendors/acme";
        let change = json!({"tier": "low", "website": ""});
        let unconditional = app.send_json("PATCH", path, &analyst, &change);
        assert_problem(&unconditional, 428, "PATCH without If-Match");
        let stale = send_if_match(&app, "PATCH", path, &analyst, "\"stale\"", Some(&change));
        assert_problem(&stale, 412, "PATCH with a stale If-Match");
        let changed = send_if_match(&app, "PATCH", path, &analyst, &etag, Some(&change));
        assert_eq!(changed.status, 200, "{}", changed.body);
        let new_etag = changed.header("etag").expect("a new ETag").to_owned();
        assert_ne!(new_etag, etag);
        let vendor = changed.json();
        assert_eq!(vendor["tier"], "low");
        assert!(vendor["website"].is_null());
        assert_eq!(vendor["name"], "Acme", "fields not given are kept");
        // The first editor's ETag is now stale: a second edit based on it is refused.
        let lost = send_if_match(
            &app,
            "PATCH",
            path,
            &analyst,
            &etag,
            Some(&json!({"name": "X"})),
        );
        assert_problem(&lost, 412, "the lost update");
        assert_eq!(audited(&app, "vendor", "acme", "update").len(), 1);

        let before = fingerprint(&db);
        let refused = send_if_match(
            &app,
            "PATCH",
            path,
            &analyst,
            &new_etag,
            Some(&json!({"name": "", "tier": "huge", "slug": "x", "website": 3})),
        );
        assert_problem(&refused, 400, "a wrong change");
        // Keys of the wrong kind or type first, then the form's own checks.
        assert_eq!(
            problem_fields(&refused),
            ["slug", "website", "name", "tier"]
        );
        assert_eq!(fingerprint(&db), before, "a refused change writes nothing");

        let viewer = app.as_role(Role::Viewer);
        let forbidden = send_if_match(&app, "DELETE", path, &viewer, &new_etag, None);
        assert_problem(&forbidden, 403, "a viewer's delete");
        let gone = send_if_match(&app, "DELETE", path, &analyst, &new_etag, None);
        assert_eq!(gone.status, 204, "{}", gone.body);
        assert_problem(&app.get(path), 404, "the deleted vendor");
        assert_eq!(audited(&app, "vendor", "acme", "delete").len(), 1);
    }
}

#[test]
fn a_refused_creation_names_every_wrong_field_and_writes_nothing() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let analyst = app.as_role(Role::Analyst);
        let before = fingerprint(&db);
        let taken = json!({"slug": "mimecast", "name": "", "tier": "huge", "colour": 1});
        let answer = app.send_json("POST", "/api/v1/vendors", &analyst, &taken);
        assert_problem(&answer, 400, "a wrong vendor");
        assert_eq!(problem_fields(&answer), ["colour", "name", "tier", "slug"]);
        let duplicate = json!({"slug": "mimecast", "name": "Mimecast again"});
        let answer = app.send_json("POST", "/api/v1/vendors", &analyst, &duplicate);
        assert_problem(&answer, 400, "a taken slug");
        assert_eq!(problem_fields(&answer), ["slug"]);
        assert_eq!(fingerprint(&db), before);

        let held = etag_of(&app, "/api/v1/vendors/solarwinds", &analyst);
        let answer = send_if_match(
            &app,
            "DELETE",
            "/api/v1/vendors/solarwinds",
            &analyst,
            &held,
            None,
        );
        assert_problem(&answer, 409, "a referenced vendor");
        assert!(
            answer.json()["detail"]
                .as_str()
                .unwrap()
                .contains("solarwinds-orion")
        );
        assert_eq!(fingerprint(&db), before);
    }
}

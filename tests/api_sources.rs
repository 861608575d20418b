//! The source and citation API end to end on every backend: the source list, a source
//! created, cited, changed (keeping its cited excerpts) and deleted once no longer cited.

mod common;

use common::api::{assert_problem, etag_of, fingerprint, problem_fields, send_if_match};
use common::curation::audited;
use common::{TestApp, TestDb};
use serde_json::json;
use trustkb::domain::Role;

#[test]
fn the_source_list_pages_and_a_source_path_is_a_number() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let analyst = app.as_role(Role::Analyst);
        let second = json!({
            "slug": "second", "title": "A second source", "publisher": "P",
            "language": "en", "reliability": "F", "credibility": "6"
        });
        let created = app.send_json("POST", "/api/v1/sources", &analyst, &second);
        assert_eq!(created.status, 201, "{}", created.body);
        let first = app.get("/api/v1/sources?limit=1");
        assert_eq!(first.status, 200, "{}", first.body);
        let page = first.json();
        let total = page["total"].as_i64().expect("a total");
        assert!(total >= 2, "{total}");
        let cursor = page["next_cursor"].as_str().expect("a next page");
        let next = app
            .get(&format!("/api/v1/sources?limit=1&cursor={cursor}"))
            .json();
        assert_eq!(next["offset"], 1);
        assert_ne!(next["items"][0]["id"], page["items"][0]["id"]);
        assert_problem(
            &app.get("/api/v1/sources?offset=2"),
            400,
            "offset is no parameter",
        );
        for path in [
            "/api/v1/sources/abc",
            "/api/v1/sources/0",
            "/api/v1/sources/99999999999",
        ] {
            assert_problem(&app.get(path), 404, path);
            let patch = send_if_match(&app, "PATCH", path, &analyst, "*", Some(&json!({})));
            assert_problem(&patch, 404, path);
            assert_problem(
                &send_if_match(&app, "DELETE", path, &analyst, "*", None),
                404,
                path,
            );
        }
        for path in ["/api/v1/citations/abc", "/api/v1/citations/999999"] {
            assert_problem(&app.get(path), 404, path);
        }
        let all = app.get("/api/v1/citations?limit=500").json();
        assert!(all["total"].as_i64().expect("a total") > 0);
        let unknown = app.get("/api/v1/citations?source=999999");
        assert_eq!(problem_fields(&unknown), ["source"]);
    }
}

#[test]
fn a_source_is_created_cited_changed_and_deleted() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let analyst = app.as_role(Role::Analyst);
        let before = fingerprint(&db);
        let wrong = json!({
            "slug": "New", "language": "french", "reliability": "G", "credibility": "7",
            "url": "ftp://x"
        });
        let refused = app.send_json("POST", "/api/v1/sources", &analyst, &wrong);
        assert_problem(&refused, 400, "a wrong source");
        assert_eq!(
            problem_fields(&refused),
            [
                "slug",
                "title",
                "publisher",
                "url",
                "language",
                "reliability",
                "credibility"
            ]
        );
        let viewer = app.as_role(Role::Viewer);
        let source = json!({
            "slug": "acme-post", "title": "Acme's post-mortem", "publisher": "Acme",
            "language": "en", "reliability": "B", "credibility": "2",
            "full_text": "What happened.\n\nAcme lost the signing keys in March."
        });
        let forbidden = app.send_json("POST", "/api/v1/sources", &viewer, &source);
        assert_problem(&forbidden, 403, "a viewer's source");
        assert_eq!(fingerprint(&db), before, "refusals write nothing");

        let created = app.send_json("POST", "/api/v1/sources", &analyst, &source);
        assert_eq!(created.status, 201, "{}", created.body);
        let id = created.json()["summary"]["id"].as_i64().expect("an id");
        let path = format!("/api/v1/sources/{id}");
        assert_eq!(created.header("location"), Some(path.as_str()));
        assert_eq!(
            audited(&app, "source", "acme-post", "create")[0]["channel"],
            "api"
        );

        let cite_path = format!("{path}/citations");
        let before = fingerprint(&db);
        let wrong = json!({"kind": "vendor", "record": "nope", "excerpt": "Not in the text."});
        let refused = app.send_json("POST", &cite_path, &analyst, &wrong);
        assert_problem(&refused, 400, "a wrong citation");
        assert_eq!(problem_fields(&refused), ["excerpt", "record"]);
        let empty = app.send_json("POST", &cite_path, &analyst, &json!({"kind": "planet"}));
        assert_eq!(problem_fields(&empty), ["kind", "record", "excerpt"]);
        let cite =
            json!({"kind": "vendor", "record": "mimecast", "excerpt": "lost the signing keys"});
        for missing in [
            "/api/v1/sources/abc/citations",
            "/api/v1/sources/999999/citations",
        ] {
            assert_problem(
                &app.send_json("POST", missing, &analyst, &cite),
                404,
                missing,
            );
        }
        assert_eq!(fingerprint(&db), before, "refusals write nothing");
        let cited = app.send_json("POST", &cite_path, &analyst, &cite);
        assert_eq!(cited.status, 201, "{}", cited.body);
        let citation = cited.json();
        assert_eq!(citation["record"], "mimecast");
        assert_eq!(citation["locator"], "paragraph 2");
        let cid = citation["id"].as_i64().expect("an id");
        let citation_path = format!("/api/v1/citations/{cid}");
        assert_eq!(cited.header("location"), Some(citation_path.as_str()));
        let listed = app.get(&format!("/api/v1/citations?source={id}")).json();
        assert_eq!(listed["total"], 1);
        assert_eq!(listed["items"][0]["id"], cid);

        let etag = etag_of(&app, &path, &analyst);
        let losing = json!({"full_text": "What happened."});
        let refused = send_if_match(&app, "PATCH", &path, &analyst, &etag, Some(&losing));
        assert_eq!(problem_fields(&refused), ["full_text"]);
        let retitled = json!({"title": "Acme's incident report"});
        assert_problem(
            &app.send_json("PATCH", &path, &analyst, &retitled),
            428,
            "no If-Match",
        );
        let stale = send_if_match(&app, "PATCH", &path, &analyst, "\"x\"", Some(&retitled));
        assert_problem(&stale, 412, "stale");
        let changed = send_if_match(&app, "PATCH", &path, &analyst, &etag, Some(&retitled));
        assert_eq!(changed.status, 200, "{}", changed.body);
        assert_eq!(changed.json()["summary"]["title"], "Acme's incident report");
        let etag = changed.header("etag").expect("an ETag").to_owned();

        let held = send_if_match(&app, "DELETE", &path, &analyst, &etag, None);
        assert_problem(&held, 409, "a cited source");
        let citation_etag = etag_of(&app, &citation_path, &analyst);
        let forbidden = send_if_match(
            &app,
            "DELETE",
            &citation_path,
            &viewer,
            &citation_etag,
            None,
        );
        assert_problem(&forbidden, 403, "a viewer's delete");
        let gone = send_if_match(
            &app,
            "DELETE",
            &citation_path,
            &analyst,
            &citation_etag,
            None,
        );
        assert_eq!(gone.status, 204, "{}", gone.body);
        assert_problem(&app.get(&citation_path), 404, "the deleted citation");
        let gone = send_if_match(&app, "DELETE", &path, &analyst, &etag, None);
        assert_eq!(gone.status, 204, "{}", gone.body);
        assert_problem(&app.get(&path), 404, "the deleted source");
        assert_eq!(audited(&app, "source", "acme-post", "delete").len(), 1);
    }
}

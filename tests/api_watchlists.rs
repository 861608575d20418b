//! Watchlists and alerts through the API on every backend: a tool creates a list, its items,
//! rules and webhook, reads the alerts the webhook also received, and marks them read.

mod common;

use common::api::{assert_problem, fingerprint, problem_fields, send_if_match};
use common::curation::{audited, record_incident};
use common::webhook::{Receiver, signed_by};
use common::{As, TestApp, TestDb, test_config};
use serde_json::{Value, json};
use std::time::Duration;
use trustkb::domain::Role;

/// POSTs a JSON body and expects `status`; answers the body.
fn post(app: &TestApp, path: &str, who: &As, body: Value, status: u16) -> Value {
    let answer = app.send_json("POST", path, who, &body);
    assert_eq!(answer.status, status, "POST {path} {body}: {}", answer.body);
    answer.json()
}

/// Sends `method` with the resource's current ETag in If-Match; expects 200 and answers the body.
fn with_etag(app: &TestApp, method: &str, path: &str, who: &As, body: Option<Value>) -> Value {
    let list = path.split("/items/").next().unwrap_or(path);
    let list = list.split("/rules/").next().unwrap_or(list);
    let etag = app
        .get_as(list, who)
        .header("etag")
        .expect("ETag")
        .to_owned();
    let answer = send_if_match(app, method, path, who, &etag, body.as_ref());
    assert!(
        answer.status == 200 || answer.status == 204,
        "{method} {path}: {} {}",
        answer.status,
        answer.body
    );
    if answer.body.is_empty() {
        Value::Null
    } else {
        answer.json()
    }
}

#[test]
fn a_watchlist_is_built_changed_and_deleted_through_the_api() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let viewer = app.as_role(Role::Viewer);
        let analyst = app.as_role(Role::Analyst);
        let before = fingerprint(&db);
        let long = "x".repeat(101);
        for (body, field) in [
            (json!({"name": "  "}), "name"),
            (json!({"name": long}), "name"),
            (json!({"name": 3}), "name"),
            (json!({"title": "Suppliers"}), "title"),
        ] {
            let refused = app.send_json("POST", "/api/v1/watchlists", &viewer, &body);
            assert_problem(&refused, 400, &body.to_string());
            assert!(
                problem_fields(&refused).contains(&field.to_owned()),
                "{body}"
            );
        }
        assert_eq!(fingerprint(&db), before, "refusals write nothing");

        let created = app.send_json(
            "POST",
            "/api/v1/watchlists",
            &viewer,
            &json!({"name": "Suppliers"}),
        );
        assert_eq!(created.status, 201, "{}", created.body);
        let list = created.json();
        let id = list["id"].as_i64().expect("an id");
        let path = format!("/api/v1/watchlists/{id}");
        assert_eq!(created.header("location"), Some(path.as_str()));
        assert!(created.header("etag").is_some());
        assert_eq!(list["items"], json!([]));
        assert!(list["webhook"].is_null());
        let taken = app.send_json(
            "POST",
            "/api/v1/watchlists",
            &viewer,
            &json!({"name": "Suppliers"}),
        );
        assert_eq!(problem_fields(&taken), ["name"]);
        assert_eq!(
            audited(&app, "watchlist", "Suppliers", "create")[0]["channel"],
            "api"
        );

        // Items and rules: every wrong field named, nothing written.
        let items = format!("{path}/items");
        let before = fingerprint(&db);
        let wrong = app.send_json(
            "POST",
            &items,
            &viewer,
            &json!({"kind": "supplier", "slug": "Not A Slug"}),
        );
        assert_eq!(problem_fields(&wrong), ["slug", "kind"]);
        let unknown = app.send_json(
            "POST",
            &items,
            &viewer,
            &json!({"kind": "vendor", "slug": "no-such-vendor"}),
        );
        assert_eq!(problem_fields(&unknown), ["slug"]);
        let rules = format!("{path}/rules");
        for (body, fields) in [
            (json!({"kind": "score_drop"}), vec!["threshold"]),
            (
                json!({"kind": "score_below", "threshold": 101}),
                vec!["threshold"],
            ),
            (
                json!({"kind": "score_below", "threshold": "10"}),
                vec!["threshold"],
            ),
            (json!({"kind": "louder", "threshold": 5}), vec!["kind"]),
        ] {
            let refused = app.send_json("POST", &rules, &viewer, &body);
            assert_problem(&refused, 400, &body.to_string());
            assert_eq!(problem_fields(&refused), fields, "{body}");
        }
        assert_eq!(fingerprint(&db), before, "refusals write nothing");

        post(
            &app,
            &items,
            &viewer,
            json!({"kind": "vendor", "slug": "mimecast"}),
            200,
        );
        let list = post(
            &app,
            &items,
            &viewer,
            json!({"kind": "product", "slug": "solarwinds-orion"}),
            200,
        );
        let watched: Vec<&str> = list["items"]
            .as_array()
            .expect("items")
            .iter()
            .map(|i| i["subject"]["slug"].as_str().expect("slug"))
            .collect();
        assert_eq!(watched, ["mimecast", "solarwinds-orion"]);
        let again = app.send_json(
            "POST",
            &items,
            &viewer,
            &json!({"kind": "vendor", "slug": "mimecast"}),
        );
        assert_eq!(problem_fields(&again), ["slug"]);
        post(
            &app,
            &rules,
            &viewer,
            json!({"kind": "score_drop", "threshold": 5}),
            200,
        );
        let list = post(
            &app,
            &rules,
            &viewer,
            json!({"kind": "new_incident", "threshold": null}),
            200,
        );
        assert_eq!(list["rules"].as_array().map(Vec::len), Some(2));
        let twice = app.send_json("POST", &rules, &viewer, &json!({"kind": "new_incident"}));
        assert_eq!(problem_fields(&twice), ["kind"]);

        // Someone else's list does not exist for them.
        let listed = app.get_as("/api/v1/watchlists", &analyst).json();
        assert_eq!(listed["total"], 0);
        assert_problem(&app.get_as(&path, &analyst), 404, "another's list");
        let theirs = app.send_json(
            "POST",
            &items,
            &analyst,
            &json!({"kind": "vendor", "slug": "cisco"}),
        );
        assert_problem(&theirs, 404, "adding to another's list");
        let gone = send_if_match(&app, "DELETE", &path, &analyst, "*", None);
        assert_problem(&gone, 404, "deleting another's list");

        // The webhook, the name and the secret, under If-Match.
        let etag = app
            .get_as(&path, &viewer)
            .header("etag")
            .expect("ETag")
            .to_owned();
        let hook = json!({"webhook_url": "https://hooks.example.com/trustkb"});
        let bare = app.send_json("PATCH", &path, &viewer, &hook);
        assert_problem(&bare, 428, "a change without If-Match");
        let stale = send_if_match(&app, "PATCH", &path, &viewer, "\"stale\"", Some(&hook));
        assert_problem(&stale, 412, "a change on a stale version");
        let wrong = send_if_match(
            &app,
            "PATCH",
            &path,
            &viewer,
            &etag,
            Some(&json!({"webhook_url": "ftp://x", "name": "", "regenerate_secret": "yes"})),
        );
        assert_eq!(
            problem_fields(&wrong),
            ["regenerate_secret", "name", "webhook_url"]
        );
        let list = with_etag(&app, "PATCH", &path, &viewer, Some(hook));
        let secret = list["webhook"]["secret"]
            .as_str()
            .expect("a secret")
            .to_owned();
        assert_eq!(secret.len(), 64);
        let list = with_etag(
            &app,
            "PATCH",
            &path,
            &viewer,
            Some(json!({"name": "Key suppliers"})),
        );
        assert_eq!(list["name"], "Key suppliers");
        assert_eq!(
            list["webhook"]["secret"],
            secret.as_str(),
            "a rename keeps the secret"
        );
        let list = with_etag(
            &app,
            "PATCH",
            &path,
            &viewer,
            Some(json!({"regenerate_secret": true})),
        );
        assert_ne!(list["webhook"]["secret"], secret.as_str());
        let list = with_etag(
            &app,
            "PATCH",
            &path,
            &viewer,
            Some(json!({"webhook_url": ""})),
        );
        assert!(list["webhook"].is_null());
        let etag = app
            .get_as(&path, &viewer)
            .header("etag")
            .expect("ETag")
            .to_owned();
        let nothing = send_if_match(
            &app,
            "PATCH",
            &path,
            &viewer,
            &etag,
            Some(&json!({"regenerate_secret": true})),
        );
        assert_eq!(problem_fields(&nothing), ["regenerate_secret"]);

        // Removing parts needs the list's current version.
        let list = app.get_as(&path, &viewer).json();
        let item = list["items"][0]["id"].as_i64().expect("an item");
        let rule = list["rules"][0]["id"].as_i64().expect("a rule");
        let remove = format!("{path}/items/{item}");
        assert_problem(
            &app.send("DELETE", &remove, &viewer, &[], None),
            428,
            "removing without If-Match",
        );
        let list = with_etag(&app, "DELETE", &remove, &viewer, None);
        assert_eq!(list["items"].as_array().map(Vec::len), Some(1));
        let list = with_etag(
            &app,
            "DELETE",
            &format!("{path}/rules/{rule}"),
            &viewer,
            None,
        );
        assert_eq!(list["rules"].as_array().map(Vec::len), Some(1));
        let twice = with_etag_status(&app, &remove, &viewer);
        assert_eq!(twice, 404, "an item removed twice");

        with_etag(&app, "DELETE", &path, &viewer, None);
        assert_problem(&app.get_as(&path, &viewer), 404, "a deleted list");
        assert_eq!(app.get_as("/api/v1/watchlists", &viewer).json()["total"], 0);
        assert_eq!(
            audited(&app, "watchlist", "Key suppliers", "delete")[0]["channel"],
            "api"
        );
    }
}

/// The status of a DELETE sent with the list's current ETag.
fn with_etag_status(app: &TestApp, path: &str, who: &As) -> u16 {
    let list = path.split("/items/").next().unwrap_or(path);
    let etag = app
        .get_as(list, who)
        .header("etag")
        .expect("ETag")
        .to_owned();
    send_if_match(app, "DELETE", path, who, &etag, None).status
}

#[test]
fn alerts_are_read_and_marked_through_the_api_as_the_webhook_received_them() {
    for db in TestDb::all() {
        let receiver = Receiver::start(200);
        let mut config = test_config(&db);
        config.webhooks.poll = Duration::from_millis(50);
        let app = TestApp::spawn_with(&db, config);
        let viewer = app.as_role(Role::Viewer);
        let list = post(
            &app,
            "/api/v1/watchlists",
            &viewer,
            json!({"name": "Mail"}),
            201,
        );
        let path = format!("/api/v1/watchlists/{}", list["id"]);
        post(
            &app,
            &format!("{path}/items"),
            &viewer,
            json!({"kind": "vendor", "slug": "mimecast"}),
            200,
        );
        post(
            &app,
            &format!("{path}/rules"),
            &viewer,
            json!({"kind": "new_incident"}),
            200,
        );
        let hooked = with_etag(
            &app,
            "PATCH",
            &path,
            &viewer,
            Some(json!({"webhook_url": receiver.url})),
        );
        let secret = hooked["webhook"]["secret"]
            .as_str()
            .expect("secret")
            .to_owned();

        record_incident(&app, "mimecast-api-breach", "mimecast");
        let hit = receiver.wait_for(1, Duration::from_secs(10))[0].clone();
        let signature = hit.header("x-trustkb-signature-256").expect("signature");
        assert!(signed_by(&secret, &hit.body, signature));
        let delivered: Value = serde_json::from_slice(&hit.body).expect("JSON");

        let unread = app.get_as("/api/v1/alerts?unread=true", &viewer).json();
        assert_eq!(unread["total"], 1);
        let mut alert = unread["items"][0].clone();
        assert!(alert["read_at"].is_null());
        let id = alert["id"].as_i64().expect("an id");
        alert.as_object_mut().expect("object").remove("read_at");
        assert_eq!(
            alert, delivered["alert"],
            "the API's alert is the webhook's"
        );

        // The delivery log through the API.
        std::thread::sleep(Duration::from_millis(300));
        let log = app.get_as(&format!("{path}/deliveries"), &viewer).json();
        assert_eq!(log["total"], 1);
        let delivery = &log["items"][0];
        assert_eq!(delivery["status"], "delivered");
        assert_eq!(delivery["alert_id"], id);
        assert_eq!(delivery["log"][0]["status_code"], 200);
        assert!(delivery["next_attempt_at"].is_null());

        // One alert read and unread again, under If-Match; nobody else's.
        let one = format!("/api/v1/alerts/{id}");
        let analyst = app.as_role(Role::Analyst);
        assert_problem(&app.get_as(&one, &analyst), 404, "another's alert");
        assert_eq!(app.get_as("/api/v1/alerts", &analyst).json()["total"], 0);
        let filtered = app.get_as(
            &format!("/api/v1/alerts?watchlist={}", list["id"]),
            &analyst,
        );
        assert_eq!(problem_fields(&filtered), ["watchlist"]);
        let bare = app.send_json("PATCH", &one, &viewer, &json!({"read": true}));
        assert_problem(&bare, 428, "marking without If-Match");
        let read = with_etag(&app, "PATCH", &one, &viewer, Some(json!({"read": true})));
        assert!(read["read_at"].is_string());
        assert_eq!(
            app.get_as("/api/v1/alerts?unread=true", &viewer).json()["total"],
            0
        );
        let wrong = send_if_match(
            &app,
            "PATCH",
            &one,
            &viewer,
            "*",
            Some(&json!({"read": "yes"})),
        );
        assert_eq!(problem_fields(&wrong), ["read"]);
        let again = with_etag(&app, "PATCH", &one, &viewer, Some(json!({"read": false})));
        assert!(again["read_at"].is_null());

        // Marking read in bulk spares an alert raised after the newest one seen.
        record_incident(&app, "mimecast-api-second", "mimecast");
        let all = app.get_as("/api/v1/alerts?unread=true", &viewer).json();
        assert_eq!(all["total"], 2);
        let newest = all["items"][0]["id"].as_i64().expect("an id");
        assert!(newest > id);
        for (body, field) in [
            (json!({}), "up_to"),
            (json!({"up_to": -1}), "up_to"),
            (json!({"up_to": "1"}), "up_to"),
            (json!({"up_to": 1, "all": true}), "all"),
        ] {
            let refused = app.send_json("POST", "/api/v1/alerts/read", &viewer, &body);
            assert_problem(&refused, 400, &body.to_string());
            assert_eq!(problem_fields(&refused), [field], "{body}");
        }
        let done = post(
            &app,
            "/api/v1/alerts/read",
            &viewer,
            json!({"up_to": id}),
            200,
        );
        assert_eq!(done, json!({"marked": 1, "unread": 1}));
        let left = app.get_as("/api/v1/alerts?unread=true", &viewer).json();
        assert_eq!(left["items"][0]["id"], newest);
        let done = post(
            &app,
            "/api/v1/alerts/read",
            &viewer,
            json!({"up_to": newest}),
            200,
        );
        assert_eq!(done, json!({"marked": 1, "unread": 0}));
    }
}

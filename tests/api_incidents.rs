//! The incident API end to end on every backend: the list's filters, an incident with its
//! involvements, timeline events, causal links and remediations created, changed and deleted.

mod common;

use common::api::{assert_problem, etag_of, fingerprint, problem_fields, send_if_match};
use common::curation::audited_any_label;
use common::{TestApp, TestDb};
use serde_json::{Value, json};
use trustkb::domain::Role;

const ORION: &str = "solarwinds-orion-supply-chain-compromise";

fn items(page: &Value) -> &Vec<Value> {
    page["items"].as_array().expect("items")
}

#[test]
fn the_incident_list_pages_filters_and_sorts() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let first = app.get("/api/v1/incidents?limit=2&sort=-severity");
        assert_eq!(first.status, 200, "{}", first.body);
        let page = first.json();
        assert_eq!(page["total"], 3);
        assert_eq!(items(&page)[0]["slug"], ORION);
        let cursor = page["next_cursor"].as_str().expect("a next cursor");
        let rest = app.get(&format!(
            "/api/v1/incidents?limit=2&sort=-severity&cursor={cursor}"
        ));
        assert_eq!(items(&rest.json()).len(), 1);
        let severe = app.get("/api/v1/incidents?severity=5").json();
        assert_eq!(severe["total"], 1);
        let theft = app.get("/api/v1/incidents?kind=credential_theft").json();
        assert_eq!(
            items(&theft)[0]["slug"],
            "mimecast-certificate-compromise-2021"
        );
        let wrong = app.get("/api/v1/incidents?severity=9&kind=flood&sort=up&x=1");
        assert_problem(&wrong, 400, "bad parameters");
        assert_eq!(problem_fields(&wrong), ["severity", "kind", "sort", "x"]);
        let backwards = app.get("/api/v1/incidents?from=2021-02-01&to=2021-01-01");
        assert_problem(&backwards, 400, "from after to");
        assert_eq!(problem_fields(&backwards), ["from"]);

        let timeline = app.get("/api/v1/incidents/mimecast-certificate-compromise-2021/timeline");
        assert_eq!(timeline.status, 200, "{}", timeline.body);
        let events = timeline.json();
        assert_eq!(events["total"], 2);
        let id = items(&events)[0]["id"].as_i64().unwrap();
        let event = app.get(&format!("/api/v1/timeline/{id}"));
        assert_eq!(event.status, 200, "{}", event.body);
        assert!(event.header("etag").is_some());
        assert_problem(&app.get("/api/v1/timeline/abc"), 404, "a non-numeric id");
        assert_problem(
            &app.get("/api/v1/causes/99999999999"),
            404,
            "an id too large",
        );
        assert_problem(
            &app.get("/api/v1/incidents/nope/timeline"),
            404,
            "no incident",
        );

        let remediations = app.get(&format!("/api/v1/remediations?incident={ORION}&limit=1"));
        assert_eq!(remediations.status, 200, "{}", remediations.body);
        let all = app.get("/api/v1/remediations").json();
        assert_eq!(all["total"], 5);
        let unknown = app.get("/api/v1/remediations?incident=nope&vendor=nope");
        assert_problem(&unknown, 400, "unknown filters");
        assert_eq!(problem_fields(&unknown), ["incident", "vendor"]);
    }
}

#[test]
fn an_incident_with_its_involvements_is_created_changed_and_deleted() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let analyst = app.as_role(Role::Analyst);
        let before = fingerprint(&db);
        let wrong = json!({
            "slug": "netflow-outage", "title": "", "kind": "outage", "severity": 9,
            "summary": "Down.", "involvement_vendor": ["cisco", "nobody"],
            "involvement_product": ["", ""], "involvement_role": ["victim", "boss"],
            "involvement_customers": [1], "colour": "red"
        });
        let refused = app.send_json("POST", "/api/v1/incidents", &analyst, &wrong);
        assert_problem(&refused, 400, "a wrong incident");
        assert_eq!(
            problem_fields(&refused),
            [
                "colour",
                "involvement_customers",
                "severity",
                "title",
                "involvement_role[1]"
            ]
        );
        let unknown_party = json!({
            "slug": "netflow-outage", "title": "NetFlow outage", "kind": "outage",
            "summary": "Down.", "involvement_vendor": ["nobody"], "involvement_role": ["victim"]
        });
        let refused = app.send_json("POST", "/api/v1/incidents", &analyst, &unknown_party);
        assert_problem(&refused, 400, "an unknown vendor");
        assert_eq!(problem_fields(&refused), ["involvement_vendor[0]"]);
        assert_eq!(fingerprint(&db), before, "refusals write nothing");

        let body = json!({
            "slug": "netflow-outage", "title": "NetFlow outage", "kind": "outage",
            "severity": "2", "disclosed_on": "2022-05", "summary": "NetFlow was down.",
            "involvement_vendor": ["cisco"], "involvement_product": ["cisco-netflow"],
            "involvement_role": ["origin"], "involvement_customers": ["12"]
        });
        let created = app.send_json("POST", "/api/v1/incidents", &analyst, &body);
        assert_eq!(created.status, 201, "{}", created.body);
        assert_eq!(
            created.header("location"),
            Some("/api/v1/incidents/netflow-outage")
        );
        assert_eq!(created.json()["involvements"].as_array().unwrap().len(), 1);
        let creation = audited_any_label(&app, "incident", "create");
        assert!(
            creation.iter().any(|a| a["channel"] == "api"),
            "{creation:?}"
        );
        let path = "/api/v1/incidents/netflow-outage";
        let etag = etag_of(&app, path, &analyst);
        assert_eq!(created.header("etag"), Some(etag.as_str()));

        let change = json!({
            "severity": "3", "involvement_id": ["", ""],
            "involvement_vendor": ["", "microsoft"], "involvement_product": ["cisco-netflow", ""],
            "involvement_role": ["origin", "victim"], "involvement_customers": []
        });
        assert_problem(
            &app.send_json("PATCH", path, &analyst, &change),
            428,
            "no If-Match",
        );
        let stale = send_if_match(&app, "PATCH", path, &analyst, "\"stale\"", Some(&change));
        assert_problem(&stale, 412, "stale If-Match");
        let changed = send_if_match(&app, "PATCH", path, &analyst, &etag, Some(&change));
        assert_eq!(changed.status, 200, "{}", changed.body);
        let incident = changed.json();
        assert_eq!(incident["severity"], 3);
        assert_eq!(incident["involvements"].as_array().unwrap().len(), 2);
        let new_etag = changed.header("etag").expect("a new ETag").to_owned();
        assert_ne!(new_etag, etag);
        let renamed = json!({"slug": "other"});
        let refused = send_if_match(&app, "PATCH", path, &analyst, &new_etag, Some(&renamed));
        assert_problem(&refused, 400, "a new slug");
        assert_eq!(problem_fields(&refused), ["slug"]);

        let viewer = app.as_role(Role::Viewer);
        let forbidden = send_if_match(&app, "DELETE", path, &viewer, &new_etag, None);
        assert_problem(&forbidden, 403, "a viewer's delete");
        let held = etag_of(&app, &format!("/api/v1/incidents/{ORION}"), &analyst);
        let orion = format!("/api/v1/incidents/{ORION}");
        let refused = send_if_match(&app, "DELETE", &orion, &analyst, &held, None);
        assert_problem(&refused, 409, "a cited incident");
        let gone = send_if_match(&app, "DELETE", path, &analyst, &new_etag, None);
        assert_eq!(gone.status, 204, "{}", gone.body);
        assert_problem(&app.get(path), 404, "the deleted incident");
    }
}

#[test]
fn timeline_events_causes_and_remediations_follow_their_incident() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let analyst = app.as_role(Role::Analyst);
        let base = "/api/v1/incidents/microsoft-source-code-viewed-2020";
        let before = fingerprint(&db);
        let wrong = app.send_json(
            "POST",
            &format!("{base}/timeline"),
            &analyst,
            &json!({"occurred_on": "soon"}),
        );
        assert_problem(&wrong, 400, "a wrong event");
        assert_eq!(problem_fields(&wrong), ["occurred_on", "title"]);
        let missing = app.send_json(
            "POST",
            "/api/v1/incidents/nope/timeline",
            &analyst,
            &json!({}),
        );
        assert_problem(&missing, 404, "an event of no incident");
        let cycle = json!({"direction": "led_to", "other": ORION});
        let refused = app.send_json("POST", &format!("{base}/causes"), &analyst, &cycle);
        assert_problem(&refused, 400, "a cycle");
        assert_eq!(problem_fields(&refused), ["other"]);
        let wrong = json!({"slug": "x", "vendor": "nobody", "kind": "magic"});
        let refused = app.send_json("POST", &format!("{base}/remediations"), &analyst, &wrong);
        assert_problem(&refused, 400, "a wrong remediation");
        assert_eq!(problem_fields(&refused), ["kind", "description"]);
        assert_eq!(fingerprint(&db), before, "refusals write nothing");

        // A timeline event.
        let event = json!({"occurred_on": "2021-01-02", "title": "Disclosed"});
        let created = app.send_json("POST", &format!("{base}/timeline"), &analyst, &event);
        assert_eq!(created.status, 201, "{}", created.body);
        let location = created.header("location").expect("a Location").to_owned();
        assert!(location.starts_with("/api/v1/timeline/"), "{location}");
        let etag = created.header("etag").unwrap().to_owned();
        let change = json!({"description": "Said so."});
        assert_problem(
            &app.send_json("PATCH", &location, &analyst, &change),
            428,
            "no If-Match",
        );
        let changed = send_if_match(&app, "PATCH", &location, &analyst, &etag, Some(&change));
        assert_eq!(changed.status, 200, "{}", changed.body);
        assert_eq!(changed.json()["description"], "Said so.");
        let etag = changed.header("etag").unwrap().to_owned();
        let gone = send_if_match(&app, "DELETE", &location, &analyst, &etag, None);
        assert_eq!(gone.status, 204, "{}", gone.body);
        assert_problem(&app.get(&location), 404, "the deleted event");

        // A causal link.
        let link =
            json!({"direction": "caused_by", "other": "mimecast-certificate-compromise-2021"});
        let created = app.send_json("POST", &format!("{base}/causes"), &analyst, &link);
        assert_eq!(created.status, 201, "{}", created.body);
        let location = created.header("location").expect("a Location").to_owned();
        let cause = created.json();
        assert_eq!(cause["effect_slug"], "microsoft-source-code-viewed-2020");
        assert_eq!(cause["cause_slug"], "mimecast-certificate-compromise-2021");
        let etag = created.header("etag").unwrap().to_owned();
        let patch = send_if_match(&app, "PATCH", &location, &analyst, &etag, Some(&json!({})));
        assert_eq!(patch.status, 405, "no PATCH on links: {}", patch.body);
        let gone = send_if_match(&app, "DELETE", &location, &analyst, &etag, None);
        assert_eq!(gone.status, 204, "{}", gone.body);
        assert!(!audited_any_label(&app, "incident_cause", "delete").is_empty());

        // A remediation.
        let remediation = json!({
            "slug": "microsoft-rotates-keys", "vendor": "microsoft", "kind": "rotate_credentials",
            "description": "Keys rotated.", "taken_on": "2021-02"
        });
        let created = app.send_json(
            "POST",
            &format!("{base}/remediations"),
            &analyst,
            &remediation,
        );
        assert_eq!(created.status, 201, "{}", created.body);
        let path = "/api/v1/remediations/microsoft-rotates-keys";
        assert_eq!(created.header("location"), Some(path));
        let etag = etag_of(&app, path, &analyst);
        let change = json!({"description": "All keys rotated."});
        let stale = send_if_match(&app, "PATCH", path, &analyst, "\"x\"", Some(&change));
        assert_problem(&stale, 412, "stale");
        let changed = send_if_match(&app, "PATCH", path, &analyst, &etag, Some(&change));
        assert_eq!(changed.status, 200, "{}", changed.body);
        assert_eq!(
            changed.json()["incident_slug"],
            "microsoft-source-code-viewed-2020"
        );
        let etag = changed.header("etag").unwrap().to_owned();
        let viewer = app.as_role(Role::Viewer);
        let forbidden = send_if_match(&app, "DELETE", path, &viewer, &etag, None);
        assert_problem(&forbidden, 403, "a viewer");
        let gone = send_if_match(&app, "DELETE", path, &analyst, &etag, None);
        assert_eq!(gone.status, 204, "{}", gone.body);

        // Cited records stay.
        let cited = "/api/v1/remediations/mimecast-drops-solarwinds-orion";
        let held = etag_of(&app, cited, &analyst);
        assert_problem(
            &send_if_match(&app, "DELETE", cited, &analyst, &held, None),
            409,
            "cited",
        );
        let events = app
            .get("/api/v1/incidents/mimecast-certificate-compromise-2021/timeline")
            .json();
        let cited = format!("/api/v1/timeline/{}", items(&events)[0]["id"]);
        let held = etag_of(&app, &cited, &analyst);
        assert_problem(
            &send_if_match(&app, "DELETE", &cited, &analyst, &held, None),
            409,
            "cited",
        );
    }
}

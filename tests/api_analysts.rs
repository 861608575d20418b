//! The analyst, analyst firm and assessment API end to end on every backend: lists with
//! paging and filters, records created, changed (conditionally) and deleted by the forms.

mod common;

use common::api::{assert_problem, etag_of, fingerprint, problem_fields, send_if_match};
use common::curation::{audited, vendor_score};
use common::{TestApp, TestDb};
use serde_json::{Value, json};
use trustkb::domain::Role;

fn slugs(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| i["slug"].as_str().expect("a slug").to_owned())
        .collect()
}

#[test]
fn the_analyst_firm_and_assessment_lists_page_and_filter() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let all = app.get("/api/v1/analysts?limit=1");
        assert_eq!(all.status, 200, "{}", all.body);
        let page = all.json();
        assert_eq!(page["total"], 2);
        let cursor = page["next_cursor"].as_str().expect("a next page");
        let rest = app
            .get(&format!("/api/v1/analysts?limit=1&cursor={cursor}"))
            .json();
        assert!(rest["next_cursor"].is_null());
        assert_ne!(slugs(&page), slugs(&rest));
        let gartner = app.get("/api/v1/analysts?firm=gartner").json();
        assert_eq!(slugs(&gartner), ["peter-firstbrook"]);
        assert_eq!(gartner["items"][0]["firm_name"], "Gartner");
        assert_eq!(app.get("/api/v1/analysts?firm=internal").json()["total"], 0);
        let unknown = app.get("/api/v1/analysts?firm=nope");
        assert_problem(&unknown, 400, "unknown firm");
        assert_eq!(problem_fields(&unknown), ["firm"]);

        let firms = app.get("/api/v1/analyst-firms").json();
        assert_eq!(firms["total"], 2);
        let forrester = app.get("/api/v1/analyst-firms/forrester").json();
        assert_eq!(forrester["analysts"], json!(["alla-valente"]));

        let views = app.get("/api/v1/assessments").json();
        assert_eq!(views["total"], 2);
        let by_vendor = app.get("/api/v1/assessments?vendor=solarwinds").json();
        assert_eq!(by_vendor["total"], 2, "views on its products count");
        assert_eq!(
            app.get("/api/v1/assessments?vendor=mimecast").json()["total"],
            0
        );
        let by_analyst = app.get("/api/v1/assessments?analyst=alla-valente").json();
        assert_eq!(slugs(&by_analyst), ["forrester-valente-vendor-change-2021"]);
        assert_eq!(by_analyst["items"][0]["product"], "solarwinds-orion");
        assert!(by_analyst["items"][0]["vendor"].is_null());
        let wrong = app.get("/api/v1/assessments?analyst=nope&product=solarwinds-orion");
        assert_problem(&wrong, 400, "unknown analyst");
        assert_eq!(problem_fields(&wrong), ["analyst"]);
        assert_problem(
            &app.get("/api/v1/assessments?colour=red"),
            400,
            "unknown parameter",
        );
    }
}

#[test]
fn a_firm_and_its_analyst_are_created_changed_and_deleted() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let analyst = app.as_role(Role::Analyst);
        let firm = json!({"slug": "idc", "name": "IDC", "website": "https://idc.example"});
        let created = app.send_json("POST", "/api/v1/analyst-firms", &analyst, &firm);
        assert_eq!(created.status, 201, "{}", created.body);
        assert_eq!(
            created.header("location"),
            Some("/api/v1/analyst-firms/idc")
        );
        assert_eq!(
            audited(&app, "analyst_firm", "idc", "create")[0]["channel"],
            "api"
        );
        let person = json!({"slug": "jane-doe", "name": "Jane Doe", "firm": "idc"});
        let created = app.send_json("POST", "/api/v1/analysts", &analyst, &person);
        assert_eq!(created.status, 201, "{}", created.body);
        assert_eq!(created.json()["firm_name"], "IDC");
        let etag = created.header("etag").expect("an ETag").to_owned();
        let path = "/api/v1/analysts/jane-doe";
        assert_eq!(etag_of(&app, path, &analyst), etag);
        assert_eq!(
            audited(&app, "analyst", "jane-doe", "create")[0]["channel"],
            "api"
        );

        let change = json!({"title": "Principal analyst", "firm": ""});
        assert_problem(
            &app.send_json("PATCH", path, &analyst, &change),
            428,
            "no If-Match",
        );
        let stale = send_if_match(&app, "PATCH", path, &analyst, "\"stale\"", Some(&change));
        assert_problem(&stale, 412, "stale If-Match");
        let changed = send_if_match(&app, "PATCH", path, &analyst, &etag, Some(&change));
        assert_eq!(changed.status, 200, "{}", changed.body);
        let etag = changed.header("etag").expect("a new ETag").to_owned();
        assert_eq!(changed.json()["title"], "Principal analyst");
        assert!(changed.json()["firm"].is_null(), "now an internal reviewer");
        assert_eq!(changed.json()["name"], "Jane Doe");

        let before = fingerprint(&db);
        let wrong = json!({"slug": "john", "name": "", "firm": "nope"});
        let refused = send_if_match(&app, "PATCH", path, &analyst, &etag, Some(&wrong));
        assert_problem(&refused, 400, "a wrong change");
        assert_eq!(problem_fields(&refused), ["slug", "name"]);
        let unknown_firm = json!({"firm": "nope"});
        let refused = send_if_match(&app, "PATCH", path, &analyst, &etag, Some(&unknown_firm));
        assert_eq!(problem_fields(&refused), ["firm"]);
        assert_eq!(fingerprint(&db), before, "a refused change writes nothing");

        // Back in the firm: the firm is held by its analyst.
        let back = json!({"firm": "idc"});
        let moved = send_if_match(&app, "PATCH", path, &analyst, &etag, Some(&back));
        assert_eq!(moved.status, 200, "{}", moved.body);
        let etag = moved.header("etag").expect("an ETag").to_owned();
        let firm_path = "/api/v1/analyst-firms/idc";
        let firm_etag = etag_of(&app, firm_path, &analyst);
        let held = send_if_match(&app, "DELETE", firm_path, &analyst, &firm_etag, None);
        assert_problem(&held, 409, "a firm with an analyst");
        assert!(held.json()["detail"].as_str().unwrap().contains("jane-doe"));

        let viewer = app.as_role(Role::Viewer);
        let forbidden = send_if_match(&app, "DELETE", path, &viewer, &etag, None);
        assert_problem(&forbidden, 403, "a viewer's delete");
        let gone = send_if_match(&app, "DELETE", path, &analyst, &etag, None);
        assert_eq!(gone.status, 204, "{}", gone.body);
        assert_problem(&app.get(path), 404, "the deleted analyst");
        let gone = send_if_match(&app, "DELETE", firm_path, &analyst, &firm_etag, None);
        assert_eq!(gone.status, 204, "{}", gone.body);
        assert_eq!(audited(&app, "analyst_firm", "idc", "delete").len(), 1);

        let seeded = "/api/v1/analysts/peter-firstbrook";
        let seeded_etag = etag_of(&app, seeded, &analyst);
        let held = send_if_match(&app, "DELETE", seeded, &analyst, &seeded_etag, None);
        assert_problem(&held, 409, "an analyst with assessments");
    }
}

#[test]
fn a_refused_analyst_or_firm_names_every_wrong_field_and_writes_nothing() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let analyst = app.as_role(Role::Analyst);
        let before = fingerprint(&db);
        let taken = json!({"slug": "peter-firstbrook", "name": "", "colour": 1});
        let answer = app.send_json("POST", "/api/v1/analysts", &analyst, &taken);
        assert_problem(&answer, 400, "a wrong analyst");
        assert_eq!(problem_fields(&answer), ["colour", "name", "slug"]);
        let no_firm = json!({"slug": "x", "name": "X", "firm": "nope"});
        let answer = app.send_json("POST", "/api/v1/analysts", &analyst, &no_firm);
        assert_eq!(problem_fields(&answer), ["firm"]);
        let firm = json!({"slug": "Gartner!", "name": "", "website": "ftp://x"});
        let answer = app.send_json("POST", "/api/v1/analyst-firms", &analyst, &firm);
        assert_eq!(problem_fields(&answer), ["slug", "name", "website"]);
        let taken = json!({"slug": "gartner", "name": "Gartner again"});
        let answer = app.send_json("POST", "/api/v1/analyst-firms", &analyst, &taken);
        assert_eq!(problem_fields(&answer), ["slug"]);
        let viewer = app.as_role(Role::Viewer);
        let fine = json!({"slug": "idc", "name": "IDC"});
        let answer = app.send_json("POST", "/api/v1/analyst-firms", &viewer, &fine);
        assert_problem(&answer, 403, "a viewer's creation");
        assert_eq!(fingerprint(&db), before);
    }
}

#[test]
fn an_assessment_is_recorded_changed_and_deleted_with_rescoring() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let analyst = app.as_role(Role::Analyst);
        let before = fingerprint(&db);
        let wrong = json!({
            "slug": "jd-view", "analyst": "alla-valente", "vendor": "mimecast",
            "product": "solarwinds-orion", "stance": "meh", "quote_language": "english!"
        });
        let refused = app.send_json("POST", "/api/v1/assessments", &analyst, &wrong);
        assert_problem(&refused, 400, "a wrong assessment");
        let fields = problem_fields(&refused);
        for field in ["vendor", "assessed_on", "stance", "quote", "quote_language"] {
            assert!(fields.iter().any(|f| f == field), "{field}: {fields:?}");
        }
        let mut view = json!({
            "slug": "jd-view", "analyst": "nobody", "vendor": "mimecast",
            "assessed_on": "2021-03", "stance": "disagree",
            "quote": "Mimecast handled the breach poorly.", "quote_language": "en"
        });
        let refused = app.send_json("POST", "/api/v1/assessments", &analyst, &view);
        assert_eq!(problem_fields(&refused), ["analyst"]);
        assert_eq!(fingerprint(&db), before, "refusals write nothing");

        view["analyst"] = json!("alla-valente");
        let score = vendor_score(&app, "mimecast");
        let created = app.send_json("POST", "/api/v1/assessments", &analyst, &view);
        assert_eq!(created.status, 201, "{}", created.body);
        assert_eq!(
            created.header("location"),
            Some("/api/v1/assessments/jd-view")
        );
        assert_eq!(created.json()["assessed_on"], "2021-03");
        assert_ne!(
            vendor_score(&app, "mimecast"),
            score,
            "the new view rescored"
        );
        assert_eq!(
            audited(&app, "assessment", "jd-view", "create")[0]["channel"],
            "api"
        );
        let etag = created.header("etag").expect("an ETag").to_owned();

        let path = "/api/v1/assessments/jd-view";
        let change = json!({"stance": "agree", "favoured_action": ""});
        assert_problem(
            &app.send_json("PATCH", path, &analyst, &change),
            428,
            "no If-Match",
        );
        let stale = send_if_match(&app, "PATCH", path, &analyst, "\"x\"", Some(&change));
        assert_problem(&stale, 412, "stale");
        let changed = send_if_match(&app, "PATCH", path, &analyst, &etag, Some(&change));
        assert_eq!(changed.status, 200, "{}", changed.body);
        assert_eq!(changed.json()["stance"], "agree");
        let etag = changed.header("etag").expect("an ETag").to_owned();
        let moved = json!({"slug": "other"});
        let refused = send_if_match(&app, "PATCH", path, &analyst, &etag, Some(&moved));
        assert_eq!(problem_fields(&refused), ["slug"]);

        let gone = send_if_match(&app, "DELETE", path, &analyst, &etag, None);
        assert_eq!(gone.status, 204, "{}", gone.body);
        assert_problem(&app.get(path), 404, "the deleted view");
        assert_eq!(vendor_score(&app, "mimecast"), score, "the delete rescored");

        let cited = "/api/v1/assessments/gartner-firstbrook-orion-replacement-2021";
        let cited_etag = etag_of(&app, cited, &analyst);
        let held = send_if_match(&app, "DELETE", cited, &analyst, &cited_etag, None);
        assert_problem(&held, 409, "a cited view");
    }
}

//! The audit trail and the first curation path, on every backend under test: vendor edits
//! through the form and the API, their audit records on the page, the API and the CSV export,
//! validation, access, filters, record histories, and the append-only table.

mod common;

use common::curation::today;
use common::{As, TestApp, TestDb, email_of};
use diesel::prelude::*;
use serde_json::{Value, json};
use trustkb::domain::Role;

fn vendor_id(db: &TestDb, slug: &str) -> i32 {
    use trustkb::store::schema::vendors;
    let mut conn = db.connect();
    vendors::table
        .filter(vendors::slug.eq(slug))
        .select(vendors::id)
        .first(&mut conn)
        .expect("vendor id")
}

fn vendor(app: &TestApp, slug: &str) -> Value {
    let answer = app.get(&format!("/api/v1/vendors/{slug}"));
    assert_eq!(answer.status, 200, "{}", answer.body);
    answer.json()
}

/// The editable fields of a vendor as the API shows them.
fn fields(v: &Value) -> Value {
    json!({
        "name": v["name"],
        "tier": v["tier"],
        "status": v["status"],
        "website": v["website"],
        "description": v["description"],
    })
}

/// `GET /api/v1/audit?{query}` as an analyst.
fn audit_api(app: &TestApp, query: &str) -> Value {
    let answer = app.get_as(
        &format!("/api/v1/audit?{query}"),
        &app.as_role(Role::Analyst),
    );
    assert_eq!(answer.status, 200, "{query}: {}", answer.body);
    answer.json()
}

/// The update records of a vendor.
fn vendor_updates(app: &TestApp, id: i32) -> Vec<Value> {
    let list = audit_api(app, &format!("entity=vendor&entity_id={id}&limit=500"));
    list["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|e| e["action"] == "update")
        .cloned()
        .collect()
}

/// Parses a CSV export: its header row and its records.
fn parse_csv(body: &str) -> (Vec<String>, Vec<csv::StringRecord>) {
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let header = reader
        .headers()
        .expect("header row")
        .iter()
        .map(str::to_owned)
        .collect();
    let records = reader
        .records()
        .collect::<Result<Vec<_>, _>>()
        .expect("valid CSV");
    (header, records)
}

const CSV_HEADER: [&str; 11] = [
    "id",
    "occurred_at",
    "actor",
    "channel",
    "address",
    "action",
    "entity",
    "entity_id",
    "label",
    "before",
    "after",
];

#[test]
fn an_analysts_form_edit_shows_on_the_audit_page_api_and_csv() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let analyst = app.as_role(Role::Analyst);
        let id = vendor_id(&db, "mimecast");
        let before = fields(&vendor(&app, "mimecast"));

        let form = app.get_as("/vendors/mimecast/edit", &analyst);
        assert_eq!(form.status, 200, "{}", form.body);
        assert!(form.body.contains("name=\"csrf_token\""));
        assert!(form.body.contains("value=\"Mimecast\""));
        assert!(form.body.contains("<option value=\"high\" selected>"));

        let answer = app.post_form(
            "/vendors/mimecast/edit",
            &analyst,
            &[
                ("name", "Mimecast Ltd"),
                ("tier", "critical"),
                ("status", "under_review"),
                ("website", "https://www.mimecast.example/"),
                ("description", "Email security.\r\nSecond line."),
            ],
        );
        assert_eq!(answer.status, 303, "{}: {}", app.backend, answer.body);
        assert_eq!(answer.header("location"), Some("/vendors/mimecast"));

        let after = fields(&vendor(&app, "mimecast"));
        assert_eq!(
            after,
            json!({
                "name": "Mimecast Ltd",
                "tier": "critical",
                "status": "under_review",
                "website": "https://www.mimecast.example/",
                "description": "Email security.\nSecond line.",
            })
        );

        // The API: one update record, by the analyst through the browser.
        let updates = vendor_updates(&app, id);
        assert_eq!(updates.len(), 1, "{}: {updates:?}", app.backend);
        let e = &updates[0];
        assert_eq!(e["actor"], email_of(Role::Analyst));
        assert_eq!(e["channel"], "ui");
        assert_eq!(e["entity"], "vendor");
        assert_eq!(e["entity_id"], id.to_string());
        assert_eq!(e["label"], "mimecast");
        assert_eq!(e["address"], "127.0.0.1");
        assert_eq!(e["before"], before);
        assert_eq!(e["after"], after);

        // The page: who, how, the record's link and the changed values.
        let page = app.get_as(&format!("/audit?entity=vendor&entity_id={id}"), &analyst);
        assert_eq!(page.status, 200, "{}", page.body);
        let html = page.body;
        assert!(html.contains("analyst@test.example"));
        assert!(html.contains(">Browser<"));
        assert!(html.contains("href=\"/vendors/mimecast\""));
        assert!(html.contains("<del>Mimecast</del>"), "{html}");
        assert!(html.contains("<ins>Mimecast Ltd</ins>"));
        assert!(html.contains("<del>high</del>") && html.contains("<ins>critical</ins>"));
        assert!(html.contains("data-label=\"Change\""));
        assert!(html.contains(&format!(
            "href=\"/audit.csv?entity=vendor&#38;entity_id={id}\""
        )));

        // The CSV: the same record, with its header row.
        let export = app.get_as(
            &format!("/audit.csv?entity=vendor&entity_id={id}"),
            &analyst,
        );
        assert_eq!(export.status, 200, "{}", export.body);
        assert!(export.content_type.starts_with("text/csv"));
        assert!(
            export
                .header("content-disposition")
                .is_some_and(|d| d.starts_with("attachment") && d.contains("trustkb-audit.csv"))
        );
        assert!(export.body.contains("\r\n"), "RFC 4180 line ends");
        let (header, records) = parse_csv(&export.body);
        assert_eq!(header, CSV_HEADER);
        let update = records
            .iter()
            .find(|r| &r[5] == "update")
            .expect("the update in the CSV");
        assert_eq!(&update[0], e["id"].to_string());
        assert!(
            update[1].ends_with('Z') && update[1].contains('T'),
            "{}",
            &update[1]
        );
        assert_eq!(&update[2], "analyst@test.example");
        assert_eq!(&update[3], "ui");
        assert_eq!(&update[6], "vendor");
        assert_eq!(&update[7], id.to_string());
        assert_eq!(&update[8], "mimecast");
        let csv_before: Value = serde_json::from_str(&update[9]).expect("before JSON");
        let csv_after: Value = serde_json::from_str(&update[10]).expect("after JSON");
        assert_eq!(csv_before, before);
        assert_eq!(csv_after, after);

        // Saving the form unchanged writes nothing.
        let again = app.post_form(
            "/vendors/mimecast/edit",
            &analyst,
            &[
                ("name", "Mimecast Ltd"),
                ("tier", "critical"),
                ("status", "under_review"),
                ("website", "https://www.mimecast.example/"),
                ("description", "Email security.\r\nSecond line."),
            ],
        );
        assert_eq!(again.status, 303);
        assert_eq!(vendor_updates(&app, id).len(), 1, "{}", app.backend);
    }
}

#[test]
fn a_patch_through_the_api_is_audited_with_channel_api() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let analyst = app.as_role(Role::Analyst);
        let id = vendor_id(&db, "solarwinds");
        let before = fields(&vendor(&app, "solarwinds"));
        let answer = common::api::patch(
            &app,
            "/api/v1/vendors/solarwinds",
            &analyst,
            &json!({"tier": "high", "website": "https://www.solarwinds.example", "description": ""}),
        );
        assert_eq!(answer.status, 200, "{}: {}", app.backend, answer.body);
        let body = answer.json();
        assert_eq!(body["slug"], "solarwinds");
        assert_eq!(body["tier"], "high");
        assert_eq!(body["website"], "https://www.solarwinds.example");
        assert_eq!(body["description"], Value::Null);
        assert_eq!(body["name"], before["name"], "untouched fields are kept");
        assert!(body.get("trust").is_some(), "same shape as GET");
        assert_eq!(fields(&vendor(&app, "solarwinds")), fields(&body));

        let updates = vendor_updates(&app, id);
        assert_eq!(updates.len(), 1, "{updates:?}");
        let e = &updates[0];
        assert_eq!(e["channel"], "api");
        assert_eq!(e["actor"], "analyst@test.example");
        assert_eq!(e["before"], before);
        assert_eq!(e["after"]["tier"], "high");
        assert_eq!(e["after"]["description"], Value::Null);

        // A change that changes nothing is not recorded; an empty patch neither.
        for patch in [json!({"tier": "high"}), json!({})] {
            let same = common::api::patch(&app, "/api/v1/vendors/solarwinds", &analyst, &patch);
            assert_eq!(same.status, 200, "{}", same.body);
        }
        assert_eq!(vendor_updates(&app, id).len(), 1);

        // Hostile text is stored as typed and shown inert on the audit page.
        let hostile = "<script>alert(1)</script>";
        let answer = common::api::patch(
            &app,
            "/api/v1/vendors/solarwinds",
            &analyst,
            &json!({"name": hostile}),
        );
        assert_eq!(answer.status, 200, "{}", answer.body);
        let page = app.get_as("/audit?entity=vendor", &analyst);
        assert!(!page.body.contains(hostile));
        assert!(page.body.contains("&#60;script&#62;"));

        // Errors: unknown vendor, unknown field, wrong content type.
        let missing = common::api::patch(
            &app,
            "/api/v1/vendors/no-such-vendor",
            &analyst,
            &json!({"tier": "low"}),
        );
        assert_eq!(missing.status, 404, "{}", missing.body);
        assert!(missing.content_type.starts_with("application/problem+json"));
        let unknown = common::api::patch(
            &app,
            "/api/v1/vendors/solarwinds",
            &analyst,
            &json!({"slug": "renamed"}),
        );
        assert_eq!(unknown.status, 400, "{}", unknown.body);
        assert!(unknown.content_type.starts_with("application/problem+json"));
        let text = app.send(
            "PATCH",
            "/api/v1/vendors/solarwinds",
            &analyst,
            &[("content-type", "text/plain".into())],
            Some(br#"{"tier":"low"}"#.to_vec()),
        );
        assert!(matches!(text.status, 400 | 415), "{}", text.status);
        assert!(text.content_type.starts_with("application/problem+json"));
        assert_eq!(vendor(&app, "solarwinds")["tier"], "high");
    }
}

#[test]
fn invalid_edits_are_refused_field_by_field_and_write_nothing() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let analyst = app.as_role(Role::Analyst);
        let id = vendor_id(&db, "cisco");
        let before = fields(&vendor(&app, "cisco"));

        let answer = app.post_form(
            "/vendors/cisco/edit",
            &analyst,
            &[
                ("name", "   "),
                ("tier", "huge"),
                ("status", "active"),
                ("website", "not a url"),
                ("description", "Kept as typed"),
            ],
        );
        assert_eq!(answer.status, 400, "{}", answer.body);
        assert!(answer.content_type.starts_with("text/html"));
        let html = &answer.body;
        for field in ["name", "tier", "website"] {
            assert!(
                html.contains(&format!("class=\"field-error\" id=\"{field}-error\"")),
                "{field}: {html}"
            );
        }
        assert!(!html.contains("id=\"status-error\""));
        assert!(!html.contains("id=\"description-error\""));
        assert!(html.contains("unknown tier"));
        assert!(html.contains("value=\"not a url\""), "input kept");
        assert!(html.contains("Kept as typed"));

        let patch = common::api::patch(
            &app,
            "/api/v1/vendors/cisco",
            &analyst,
            &json!({"name": "", "tier": "huge", "website": "ftp://cisco.example"}),
        );
        assert_eq!(patch.status, 400, "{}", patch.body);
        assert!(patch.content_type.starts_with("application/problem+json"));
        let detail = patch.json()["detail"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        for field in ["name:", "tier:", "website:"] {
            assert!(detail.contains(field), "{field} in {detail}");
        }

        assert_eq!(fields(&vendor(&app, "cisco")), before, "{}", app.backend);
        assert!(vendor_updates(&app, id).is_empty(), "{}", app.backend);
    }
}

#[test]
fn viewers_and_reviewers_can_neither_edit_nor_read_the_audit_trail() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let id = vendor_id(&db, "mimecast");
        let before = fields(&vendor(&app, "mimecast"));
        for role in [Role::Viewer, Role::Reviewer] {
            let who = app.as_role(role);
            for path in [
                "/vendors/mimecast/edit",
                "/audit",
                "/audit.csv",
                "/api/v1/audit",
            ] {
                let answer = app.get_as(path, &who);
                assert_eq!(answer.status, 403, "{role:?} GET {path}");
            }
            let post = app.post_form(
                "/vendors/mimecast/edit",
                &who,
                &[
                    ("name", "Hijacked"),
                    ("tier", "low"),
                    ("status", "active"),
                    ("website", ""),
                    ("description", ""),
                ],
            );
            assert_eq!(post.status, 403, "{role:?} POST");
            let patch = common::api::patch(
                &app,
                "/api/v1/vendors/mimecast",
                &who,
                &json!({"name": "Hijacked"}),
            );
            assert_eq!(patch.status, 403, "{role:?} PATCH");
            assert!(patch.content_type.starts_with("application/problem+json"));
        }
        // Nobody signed in is sent to sign in (pages) or told to authenticate (API).
        assert_eq!(app.get_anonymous("/audit").status, 303);
        assert_eq!(app.get_anonymous("/api/v1/audit").status, 401);
        let anonymous_patch = common::api::patch(
            &app,
            "/api/v1/vendors/mimecast",
            &As::default(),
            &json!({"name": "Hijacked"}),
        );
        assert_eq!(anonymous_patch.status, 401);

        assert_eq!(fields(&vendor(&app, "mimecast")), before);
        assert!(vendor_updates(&app, id).is_empty());
        // The admin reads the trail too.
        let admin = app.as_role(Role::Admin);
        assert_eq!(app.get_as("/audit", &admin).status, 200);
        assert_eq!(app.get_as("/api/v1/audit", &admin).status, 200);
    }
}

#[test]
fn filters_select_by_record_kind_actor_and_dates() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let analyst = app.as_role(Role::Analyst);
        let admin = app.as_role(Role::Admin);
        let answer = app.post_form(
            "/vendors/cisco/edit",
            &analyst,
            &[
                ("name", "Cisco Systems"),
                ("tier", "medium"),
                ("status", "active"),
                ("website", ""),
                ("description", ""),
            ],
        );
        assert_eq!(answer.status, 303, "{}", answer.body);
        let answer = common::api::patch(
            &app,
            "/api/v1/vendors/microsoft",
            &admin,
            &json!({"status": "under_review"}),
        );
        assert_eq!(answer.status, 200, "{}", answer.body);

        let all = audit_api(&app, "limit=500");
        let total = all["total"].as_i64().expect("total");
        assert!(total >= 2);
        let ids: Vec<i64> = all["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["id"].as_i64().unwrap())
            .collect();
        assert!(ids.windows(2).all(|w| w[0] > w[1]), "newest first");

        let vendors = audit_api(&app, "entity=vendor&limit=500");
        let items = vendors["items"].as_array().unwrap();
        assert!(items.iter().all(|e| e["entity"] == "vendor"));
        assert!(items.iter().any(|e| e["label"] == "cisco"));
        assert!(items.iter().any(|e| e["label"] == "microsoft"));

        let by_admin = audit_api(&app, "actor=admin%40test.example&entity=vendor");
        let items = by_admin["items"].as_array().unwrap();
        assert_eq!(by_admin["total"], 1, "{by_admin}");
        assert_eq!(items[0]["label"], "microsoft");
        assert_eq!(items[0]["channel"], "api");

        let by_analyst = audit_api(&app, "actor=analyst%40test.example&entity=vendor");
        assert_eq!(by_analyst["total"], 1);
        assert_eq!(by_analyst["items"][0]["label"], "cisco");

        let day = today();
        let today_only = audit_api(
            &app,
            &format!("entity=vendor&from={day}&to={day}&limit=500"),
        );
        let labels: Vec<&str> = today_only["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["action"] == "update")
            .map(|e| e["label"].as_str().unwrap())
            .collect();
        assert_eq!(labels, ["microsoft", "cisco"]);
        assert_eq!(audit_api(&app, "from=2999-01-01")["total"], 0);
        assert_eq!(audit_api(&app, "to=2000-01-01")["total"], 0);
        assert_eq!(
            audit_api(&app, "limit=1")["items"]
                .as_array()
                .unwrap()
                .len(),
            1
        );

        // Bad dates name their field: a problem on the API, a page elsewhere.
        let bad = app.get_as("/api/v1/audit?to=2026-02-30", &analyst);
        assert_eq!(bad.status, 400);
        assert!(bad.content_type.starts_with("application/problem+json"));
        assert!(bad.json()["detail"].as_str().unwrap().starts_with("to:"));
        let bad = app.get_as("/api/v1/audit?when=today", &analyst);
        assert_eq!(bad.status, 400, "unknown parameter");
        let bad = app.get_as("/audit?from=yesterday", &analyst);
        assert_eq!(bad.status, 400);
        assert!(bad.content_type.starts_with("text/html"));
        assert!(bad.body.contains("From: "), "{}", bad.body);
        assert!(bad.body.contains("yesterday") && bad.body.contains("is not a date"));
        assert_eq!(app.get_as("/audit.csv?to=31-12-2026", &analyst).status, 400);

        // The page: menus of actors and record kinds, the filters kept, the CSV link too.
        let page = app.get_as("/audit?actor=admin%40test.example&entity=vendor", &analyst);
        assert_eq!(page.status, 200);
        assert!(
            page.body
                .contains("<option value=\"admin@test.example\" selected>")
        );
        assert!(
            page.body
                .contains("<option value=\"analyst@test.example\">")
        );
        assert!(page.body.contains("<option value=\"vendor\" selected>"));
        assert!(page.body.contains("href=\"/vendors/microsoft\""));
        assert!(!page.body.contains("href=\"/vendors/cisco\""));
        assert!(
            page.body
                .contains("href=\"/audit.csv?actor=admin%40test.example&#38;entity=vendor\"")
        );

        let export = app.get_as(
            &format!("/audit.csv?actor=analyst%40test.example&from={day}"),
            &analyst,
        );
        assert_eq!(export.status, 200);
        let (header, records) = parse_csv(&export.body);
        assert_eq!(header, CSV_HEADER);
        assert!(!records.is_empty());
        assert!(records.iter().all(|r| &r[2] == "analyst@test.example"));
        assert!(
            records
                .iter()
                .any(|r| &r[8] == "cisco" && &r[5] == "update")
        );
        let everything = app.get_as("/audit.csv", &analyst);
        let (_, records) = parse_csv(&everything.body);
        assert_eq!(records.len() as i64, total, "the export is not paged");
    }
}

#[test]
fn record_pages_show_their_history_to_analysts_only() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let analyst = app.as_role(Role::Analyst);
        let viewer = app.as_role(Role::Viewer);
        let id = vendor_id(&db, "mimecast");
        let answer = common::api::patch(
            &app,
            "/api/v1/vendors/mimecast",
            &analyst,
            &json!({"name": "Mimecast Limited"}),
        );
        assert_eq!(answer.status, 200, "{}", answer.body);

        let page = app.get_as("/vendors/mimecast", &analyst);
        assert_eq!(page.status, 200, "{}", page.body);
        assert!(page.body.contains("id=\"history\""));
        assert!(page.body.contains("<ins>Mimecast Limited</ins>"));
        assert!(
            page.body
                .contains(&format!("href=\"/audit?entity=vendor&#38;entity_id={id}\""))
        );
        assert!(page.body.contains("href=\"/vendors/mimecast/edit\""));

        let page = app.get_as("/vendors/mimecast", &viewer);
        assert_eq!(page.status, 200);
        assert!(!page.body.contains("id=\"history\""));
        assert!(!page.body.contains("Mimecast</del>"));
        assert!(!page.body.contains("/vendors/mimecast/edit"));

        // Incidents and sources have their History section too.
        let incidents = app.get("/api/v1/incidents").json();
        let incident = incidents["items"][0]["slug"].as_str().expect("an incident");
        let sources = app.get("/api/v1/sources").json();
        let source = sources["items"][0]["id"].as_i64().expect("a source");
        for path in [
            format!("/incidents/{incident}"),
            format!("/sources/{source}"),
        ] {
            let page = app.get_as(&path, &analyst);
            assert_eq!(page.status, 200, "{path}");
            assert!(page.body.contains("id=\"history\""), "{path}");
            let page = app.get_as(&path, &viewer);
            assert!(!page.body.contains("id=\"history\""), "{path}");
        }
    }
}

#[test]
fn the_audit_table_refuses_updates_and_deletes() {
    use trustkb::domain::AuditAction;
    use trustkb::domain::audit::{Actor, Change};
    for db in TestDb::all() {
        let mut conn = db.connect();
        let change = Change {
            action: AuditAction::Create,
            entity: "vendor",
            entity_id: "1".into(),
            label: "acme".into(),
            before: None,
            after: Some(json!({"name": "Acme"})),
        };
        trustkb::store::audit::record(
            &mut conn,
            &Actor::system(),
            &change,
            trustkb::store::pack::seed::import_time(),
        )
        .expect("append");
        let count = |conn: &mut trustkb::store::DbConnection| -> i64 {
            use trustkb::store::schema::audit_log;
            audit_log::table.count().get_result(conn).expect("count")
        };
        let rows = count(&mut conn);
        assert!(rows >= 1);
        let update = diesel::sql_query("UPDATE audit_log SET actor = 'x'").execute(&mut conn);
        assert!(update.is_err(), "{}: UPDATE must fail", db.backend);
        let delete = diesel::sql_query("DELETE FROM audit_log").execute(&mut conn);
        assert!(delete.is_err(), "{}: DELETE must fail", db.backend);
        assert_eq!(count(&mut conn), rows);
        use trustkb::store::schema::audit_log;
        let actors: Vec<String> = audit_log::table
            .select(audit_log::actor)
            .load(&mut conn)
            .expect("actors");
        assert!(actors.iter().all(|a| a != "x"));
    }
}

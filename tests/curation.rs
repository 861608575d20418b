//! Curation in the browser, on every backend under test: creating vendors, products,
//! incidents and remediations (scores refreshed and reported), validation, access, deletes.

mod common;

use common::curation::{
    assert_curators_only, assert_field_errors, audited, row_counts, today, vendor_score,
};
use common::{As, TestApp, TestDb};
use diesel::prelude::*;
use serde_json::Value;
use trustkb::domain::Role;

/// The tables curation writes.
const TABLES: &[&str] = &[
    "vendors",
    "products",
    "incidents",
    "incident_involvements",
    "remediations",
    "audit_log",
];

fn create_vendor(app: &TestApp, who: &As, slug: &str, name: &str) {
    let answer = app.post_form(
        "/vendors/new",
        who,
        &[
            ("slug", slug),
            ("name", name),
            ("tier", "high"),
            ("status", "active"),
            ("website", "https://example.com"),
            ("description", "A vendor created in a test."),
        ],
    );
    assert_eq!(answer.status, 303, "{}", answer.body);
    assert_eq!(
        answer.header("location"),
        Some(format!("/vendors/{slug}").as_str())
    );
}

fn create_product(app: &TestApp, who: &As, vendor: &str, slug: &str, name: &str) {
    let answer = app.post_form(
        &format!("/vendors/{vendor}/products/new"),
        who,
        &[
            ("slug", slug),
            ("name", name),
            ("category", "email-security"),
            ("description", ""),
        ],
    );
    assert_eq!(answer.status, 303, "{}", answer.body);
    assert_eq!(
        answer.header("location"),
        Some(format!("/vendors/{vendor}").as_str())
    );
}

#[test]
fn an_incident_on_a_new_product_lowers_its_vendors_score_and_says_so() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let analyst = app.as_role(Role::Analyst);
        let form = app.get_as("/vendors/new", &analyst);
        assert_eq!(form.status, 200);
        assert!(form.body.contains("name=\"csrf_token\""));
        create_vendor(&app, &analyst, "acme-mail", "Acme Mail");
        let form = app.get_as("/vendors/acme-mail/products/new", &analyst);
        assert_eq!(form.status, 200);
        assert!(
            form.body.contains("value=\"email-security\""),
            "{}",
            form.body
        );
        create_product(&app, &analyst, "acme-mail", "acme-gateway", "Acme Gateway");
        let vendor = app.get("/api/v1/vendors/acme-mail").json();
        assert_eq!(vendor["name"], "Acme Mail");
        assert_eq!(vendor["products"][0]["slug"], "acme-gateway");
        let before = vendor_score(&app, "acme-mail");

        let today = today();
        let answer = app.post_form(
            "/incidents/new",
            &analyst,
            &[
                ("slug", "acme-gateway-compromise"),
                ("title", "Acme Gateway compromise"),
                ("kind", "supply_chain_compromise"),
                ("severity", "5"),
                ("discovered_on", ""),
                ("disclosed_on", today.as_str()),
                ("threat_actor", ""),
                ("summary", "A backdoor in the gateway."),
                ("inv1_vendor", ""),
                ("inv1_product", "acme-gateway"),
                ("inv1_role", "origin"),
                ("inv1_description", "Its build system was compromised."),
                ("inv2_role", "origin"),
                ("inv3_role", "victim"),
            ],
        );
        assert_eq!(answer.status, 303, "[{}] {}", db.backend, answer.body);
        let location = "/incidents/acme-gateway-compromise?recorded=1";
        assert_eq!(answer.header("location"), Some(location));
        let after = vendor_score(&app, "acme-mail");
        assert!(after < before, "[{}] {before} → {after}", db.backend);

        let page = app.get_as(location, &analyst);
        assert_eq!(page.status, 200);
        assert!(
            page.body.contains("what changed in the scores"),
            "{}",
            page.body
        );
        let section = &page.body[page.body.find("score-changes").expect("section")..];
        let row = &section[section.find("Acme Mail").expect("the vendor's row")..];
        let row = &row[..row.find("</tr>").expect("row end")];
        assert!(row.contains(&format!("{before:.1}")), "{row}");
        assert!(row.contains(&format!("{after:.1}")), "{row}");
        assert!(section.contains("Acme Gateway"), "the product's row");
        // Without ?recorded the page does not report.
        let plain = app.get("/incidents/acme-gateway-compromise");
        assert!(!plain.body.contains("what changed in the scores"));
        assert!(plain.body.contains("Acme Gateway compromise"));

        // Today's stored snapshots were refreshed with the incident.
        {
            use trustkb::store::schema::{score_snapshots, vendors};
            let mut conn = db.connect();
            let id: i32 = vendors::table
                .filter(vendors::slug.eq("acme-mail"))
                .select(vendors::id)
                .first(&mut conn)
                .expect("id");
            let stored: f64 = score_snapshots::table
                .filter(score_snapshots::vendor_id.eq(id))
                .filter(score_snapshots::as_of.eq(chrono::Utc::now().date_naive()))
                .select(score_snapshots::score)
                .first(&mut conn)
                .expect("today's snapshot");
            assert!((stored - after).abs() < 1e-6, "{stored} vs {after}");
        }

        // A remediation is rescored and reported the same way.
        let form = app.get_as(
            "/incidents/acme-gateway-compromise/remediations/new",
            &analyst,
        );
        assert_eq!(form.status, 200);
        let answer = app.post_form(
            "/incidents/acme-gateway-compromise/remediations/new",
            &analyst,
            &[
                ("slug", "acme-rebuilds-servers"),
                ("vendor", "acme-mail"),
                ("kind", "rebuild_servers"),
                ("product", "acme-gateway"),
                ("replacement", ""),
                ("description", "Rebuilt every build server."),
                ("taken_on", today.as_str()),
            ],
        );
        assert_eq!(answer.status, 303, "{}", answer.body);
        assert_eq!(answer.header("location"), Some(location));
        let remediated = vendor_score(&app, "acme-mail");
        assert!(remediated > after, "{after} → {remediated}");
        let page = app.get_as(location, &analyst);
        assert!(
            page.body.contains(&format!("{remediated:.1}")),
            "{}",
            page.body
        );

        // Every change is in the audit trail.
        let created = audited(&app, "vendor", "acme-mail", "create");
        assert_eq!(created.len(), 1);
        assert_eq!(created[0]["after"]["name"], "Acme Mail");
        assert_eq!(created[0]["actor"], common::email_of(Role::Analyst));
        let product = audited(&app, "product", "acme-gateway", "create");
        assert_eq!(product[0]["after"]["category"], "email-security");
        let incident = audited(&app, "incident", "acme-gateway-compromise", "create");
        assert_eq!(incident[0]["after"]["severity"], 5);
        let involvement = audited(
            &app,
            "incident_involvement",
            "acme-gateway-compromise: origin acme-gateway",
            "create",
        );
        assert_eq!(involvement.len(), 1);
        assert_eq!(
            audited(&app, "remediation", "acme-rebuilds-servers", "create").len(),
            1
        );
        let rescores = audited(
            &app,
            "incident_rescore",
            "acme-gateway-compromise",
            "update",
        );
        assert_eq!(rescores.len(), 2);
    }
}

#[test]
fn invalid_forms_come_back_with_messages_and_input_and_write_nothing() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let analyst = app.as_role(Role::Analyst);
        let start = row_counts(&db, TABLES);
        let answer = app.post_form(
            "/vendors/new",
            &analyst,
            &[
                ("slug", "Bad Slug"),
                ("name", "Kept Name"),
                ("tier", "high"),
                ("status", "active"),
            ],
        );
        assert_field_errors(&answer, &["slug"]);
        assert!(answer.body.contains("invalid slug"));
        assert!(answer.body.contains("value=\"Kept Name\""));
        assert!(answer.body.contains("value=\"Bad Slug\""));

        let answer = app.post_form(
            "/vendors/new",
            &analyst,
            &[
                ("slug", "mimecast"),
                ("name", "Again"),
                ("tier", "low"),
                ("status", "active"),
            ],
        );
        assert_eq!(answer.status, 400);
        assert!(
            answer.body.contains("already has the identifier"),
            "{}",
            answer.body
        );
        assert!(answer.body.contains("value=\"Again\""));

        let answer = app.post_form(
            "/vendors/mimecast/products/new",
            &analyst,
            &[
                ("slug", "solarwinds-orion"),
                ("name", "Orion again"),
                ("category", "no-such-category"),
            ],
        );
        assert_field_errors(&answer, &["slug", "category"]);
        assert!(answer.body.contains("value=\"Orion again\""));

        let answer = app.post_form(
            "/incidents/new",
            &analyst,
            &[
                ("slug", "fresh-incident"),
                ("title", "Kept title"),
                ("kind", "outage"),
                ("severity", "4"),
                ("disclosed_on", "2021-13-45"),
                ("summary", "Kept summary"),
                ("inv1_role", "origin"),
            ],
        );
        assert_field_errors(&answer, &["involvements", "disclosed_on"]);
        assert!(answer.body.contains("record at least one involvement"));
        assert!(answer.body.contains("invalid date"));
        assert!(answer.body.contains("value=\"Kept title\""));
        assert!(answer.body.contains("value=\"2021-13-45\""));
        assert!(answer.body.contains("Kept summary</textarea>"));

        // A taken slug is reported together with the form's own errors.
        let answer = app.post_form(
            "/vendors/mimecast/products/new",
            &analyst,
            &[("slug", "solarwinds-orion"), ("name", ""), ("category", "")],
        );
        assert_field_errors(&answer, &["name", "category"]);
        assert!(answer.body.contains("is already used"), "{}", answer.body);

        let answer = app.post_form(
            "/incidents/new",
            &analyst,
            &[
                ("slug", "future-incident"),
                ("title", "Future"),
                ("kind", "outage"),
                ("severity", "2"),
                ("discovered_on", "2999-01"),
                ("summary", "s"),
                ("inv1_vendor", "mimecast"),
                ("inv1_role", "victim"),
            ],
        );
        assert_eq!(answer.status, 400);
        assert!(answer.body.contains("is in the future"), "{}", answer.body);

        let answer = app.post_form(
            "/incidents/new",
            &analyst,
            &[
                ("slug", "solarwinds-orion-supply-chain-compromise"),
                ("title", "Duplicate"),
                ("kind", "outage"),
                ("severity", "4"),
                ("summary", "s"),
                ("inv1_vendor", "no-such-vendor"),
                ("inv1_role", "victim"),
            ],
        );
        assert_field_errors(&answer, &["slug", "inv1_vendor"]);
        assert!(answer.body.contains("no vendor"));
        assert!(answer.body.contains("value=\"no-such-vendor\""));

        let answer = app.post_form(
            "/incidents/solarwinds-orion-supply-chain-compromise/remediations/new",
            &analyst,
            &[
                ("slug", "x"),
                ("vendor", ""),
                ("kind", "patch"),
                ("taken_on", "21-3"),
            ],
        );
        assert_field_errors(&answer, &["vendor", "description", "taken_on"]);
        assert_eq!(
            row_counts(&db, TABLES),
            start,
            "[{}] nothing written",
            db.backend
        );
    }
}

#[test]
fn viewers_and_reviewers_are_refused_every_curation_route() {
    let db = TestDb::sqlite();
    let app = TestApp::spawn(&db);
    let paths = [
        "/vendors/new",
        "/vendors/mimecast/products/new",
        "/vendors/mimecast/delete",
        "/products/solarwinds-orion/delete",
        "/incidents/new",
        "/incidents/solarwinds-orion-supply-chain-compromise/remediations/new",
    ];
    assert_curators_only(&app, &db, TABLES, &paths);
}

#[test]
fn a_referenced_record_is_not_deleted_and_an_unreferenced_one_is() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let analyst = app.as_role(Role::Analyst);
        let page = app.get_as("/vendors/solarwinds/delete", &analyst);
        assert_eq!(page.status, 200);
        assert!(page.body.contains("cannot be deleted"), "{}", page.body);
        assert!(
            page.body.contains("solarwinds-orion"),
            "its product is listed"
        );
        assert!(!page.body.contains("type=\"submit\" class=\"danger\""));
        let start = row_counts(&db, TABLES);
        let answer = app.post_form("/vendors/solarwinds/delete", &analyst, &[]);
        assert_eq!(answer.status, 409);
        assert!(answer.body.contains("Not deleted"));
        assert!(
            answer
                .body
                .contains("1 incident involvement: solarwinds-orion-supply-chain-compromise"),
            "{}",
            answer.body
        );
        let answer = app.post_form("/products/solarwinds-orion/delete", &analyst, &[]);
        assert_eq!(answer.status, 409);
        assert!(answer.body.contains("1 dependency"), "{}", answer.body);
        assert!(answer.body.contains("used by: mimecast"), "{}", answer.body);
        assert_eq!(row_counts(&db, TABLES), start, "nothing deleted");
        assert_eq!(app.get("/api/v1/vendors/solarwinds").status, 200);

        create_vendor(&app, &analyst, "short-lived", "Short Lived");
        create_product(&app, &analyst, "short-lived", "short-lived-box", "Box");
        let snapshots = |db: &TestDb| -> i64 {
            use trustkb::store::schema::{score_snapshots, vendors};
            let mut conn = db.connect();
            let id: i32 = vendors::table
                .filter(vendors::slug.eq("short-lived"))
                .select(vendors::id)
                .first(&mut conn)
                .expect("id");
            score_snapshots::table
                .filter(score_snapshots::vendor_id.eq(id))
                .count()
                .get_result(&mut conn)
                .expect("count")
        };
        assert_eq!(snapshots(&db), 1, "today's snapshot of the new vendor");
        let answer = app.post_form("/vendors/short-lived/delete", &analyst, &[]);
        assert_eq!(answer.status, 409, "its product references it");
        assert!(answer.body.contains("short-lived-box"));
        let page = app.get_as("/products/short-lived-box/delete", &analyst);
        assert!(page.body.contains("Nothing references"), "{}", page.body);
        let answer = app.post_form("/products/short-lived-box/delete", &analyst, &[]);
        assert_eq!(answer.status, 303, "{}", answer.body);
        assert_eq!(answer.header("location"), Some("/vendors/short-lived"));
        let answer = app.post_form("/vendors/short-lived/delete", &analyst, &[]);
        assert_eq!(answer.status, 303, "{}", answer.body);
        assert_eq!(answer.header("location"), Some("/vendors"));
        assert_eq!(app.get("/api/v1/vendors/short-lived").status, 404);
        assert_eq!(
            app.get_as("/vendors/short-lived/delete", &analyst).status,
            404
        );

        let deleted = audited(&app, "vendor", "short-lived", "delete");
        assert_eq!(deleted.len(), 1);
        assert_eq!(deleted[0]["before"]["name"], "Short Lived");
        assert_eq!(deleted[0]["after"], Value::Null);
        let deleted = audited(&app, "product", "short-lived-box", "delete");
        assert_eq!(deleted[0]["before"]["vendor"], "short-lived");
    }
}

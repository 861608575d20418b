//! Curating dependencies, analyst firms, analysts and assessments in the browser, on every
//! backend under test: create, refused input, edit, delete (refused or done), access, scores.

mod common;

use common::curation::{assert_field_errors, audited, row_counts, today, vendor_score};
use common::{TestApp, TestDb};
use serde_json::Value;
use trustkb::domain::Role;

/// The tables these forms write.
const TABLES: &[&str] = &[
    "dependencies",
    "analyst_firms",
    "analysts",
    "assessments",
    "audit_log",
];

/// The ids of a vendor's dependencies (as consumer), from the API.
fn dependency_ids(app: &TestApp, vendor: &str, product: &str) -> Vec<i64> {
    app.get(&format!("/api/v1/vendors/{vendor}")).json()["dependencies"]
        .as_array()
        .expect("dependencies")
        .iter()
        .filter(|d| d["product_slug"] == product)
        .filter_map(|d| d["id"].as_i64())
        .collect()
}

/// Follows a redirect to the score report and checks it names `who` among the changes.
fn report_names(app: &TestApp, answer: &common::Answer, who: &str, back: &str) {
    assert_eq!(answer.status, 303, "{}", answer.body);
    let location = answer.header("location").expect("a location");
    assert!(location.starts_with("/score-changes/"), "{location}");
    assert!(location.ends_with(&format!("?back={back}")), "{location}");
    let page = app.get(location);
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("score-changes"), "{}", page.body);
    assert!(page.body.contains(who), "{who} not in {}", page.body);
    assert!(page.body.contains(&format!("href=\"{back}\"")));
}

#[test]
fn dependencies_are_created_edited_and_deleted_with_their_score_changes() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let analyst = app.as_role(Role::Analyst);
        let viewer = app.as_role(Role::Viewer);
        let form = "/vendors/cisco/dependencies/new";
        assert_eq!(app.get_as(form, &viewer).status, 403);
        assert_eq!(app.post_form(form, &viewer, &[]).status, 403);
        assert_eq!(
            app.get_as("/vendors/nobody/dependencies/new", &analyst)
                .status,
            404
        );
        let page = app.get_as(form, &analyst);
        assert_eq!(page.status, 200, "{}", page.body);
        assert!(page.body.contains("value=\"cisco\" selected"));

        // Refused: every wrong field marked, input kept, nothing written.
        let before = row_counts(&db, TABLES);
        let bad = app.post_form(
            form,
            &analyst,
            &[
                ("consumer", "cisco"),
                ("product", "No Such"),
                ("since", "2021-05"),
                ("until", "2021-01-15"),
                ("criticality", ""),
                ("purpose", "Kept text"),
            ],
        );
        assert_field_errors(&bad, &["product", "until", "criticality"]);
        assert!(bad.body.contains("Kept text"));
        let unknown = app.post_form(
            form,
            &analyst,
            &[
                ("consumer", "cisco"),
                ("product", "no-such"),
                ("criticality", "high"),
            ],
        );
        assert_field_errors(&unknown, &["product"]);
        assert_eq!(
            row_counts(&db, TABLES),
            before,
            "[{}] nothing written",
            db.backend
        );

        // Created: audited, rescored, reported, shown.
        let score = vendor_score(&app, "cisco");
        let created = app.post_form(
            form,
            &analyst,
            &[
                ("consumer", "cisco"),
                ("product", "solarwinds-orion"),
                ("since", "2019"),
                ("criticality", "critical"),
                ("purpose", "Monitoring"),
            ],
        );
        report_names(&app, &created, "Cisco", "/vendors/cisco");
        assert_ne!(vendor_score(&app, "cisco"), score, "[{}]", db.backend);
        let label = "cisco → solarwinds-orion";
        assert_eq!(audited(&app, "dependency", label, "create").len(), 1);
        assert_eq!(
            audited(&app, "dependency_rescore", label, "update").len(),
            1
        );
        let id = dependency_ids(&app, "cisco", "solarwinds-orion")[0];
        let shown = app.get_as("/vendors/cisco", &analyst);
        assert!(shown.body.contains(&format!("/dependencies/{id}/edit")));
        assert!(
            !app.get_as("/vendors/cisco", &viewer)
                .body
                .contains("/dependencies/")
        );

        // Edited: before and after audited.
        let edit = format!("/dependencies/{id}/edit");
        assert_eq!(app.get_as(&edit, &analyst).status, 200);
        let edited = app.post_form(
            &edit,
            &analyst,
            &[
                ("consumer", "cisco"),
                ("product", "solarwinds-orion"),
                ("since", "2019"),
                ("criticality", "low"),
                ("purpose", "Monitoring"),
            ],
        );
        report_names(&app, &edited, "Cisco", "/vendors/cisco");
        let update = audited(&app, "dependency", label, "update");
        assert_eq!(update.len(), 1);
        assert_eq!(update[0]["before"]["criticality"], "critical");
        assert_eq!(update[0]["after"]["criticality"], "low");
        assert_eq!(app.post_form(&edit, &viewer, &[]).status, 403);

        // A cited dependency is not deleted; an uncited one is.
        let seed = dependency_ids(&app, "mimecast", "solarwinds-orion")[0];
        let before = row_counts(&db, TABLES);
        let refused = app.post_form(&format!("/dependencies/{seed}/delete"), &analyst, &[]);
        assert_eq!(refused.status, 409, "{}", refused.body);
        assert!(refused.body.contains("citation"), "{}", refused.body);
        assert_eq!(row_counts(&db, TABLES), before);
        let delete = format!("/dependencies/{id}/delete");
        assert_eq!(app.get_as(&delete, &analyst).status, 200);
        assert_eq!(app.post_form(&delete, &viewer, &[]).status, 403);
        let deleted = app.post_form(&delete, &analyst, &[]);
        report_names(&app, &deleted, "Cisco", "/vendors/cisco");
        assert_eq!(audited(&app, "dependency", label, "delete").len(), 1);
        assert!(dependency_ids(&app, "cisco", "solarwinds-orion").is_empty());
        assert_eq!(app.get_as(&edit, &analyst).status, 404);
    }
}

#[test]
fn analyst_firms_and_analysts_are_curated_and_referenced_ones_kept() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let analyst = app.as_role(Role::Analyst);
        let viewer = app.as_role(Role::Viewer);
        let list = app.get_as("/analysts", &viewer);
        assert_eq!(list.status, 200);
        assert!(list.body.contains("Peter Firstbrook") && list.body.contains("Forrester"));
        assert!(!list.body.contains("/analysts/new"));
        assert!(
            app.get_as("/analysts", &analyst)
                .body
                .contains("/analysts/new")
        );
        assert_eq!(
            app.post_form("/analyst-firms/new", &viewer, &[]).status,
            403
        );
        assert_eq!(app.post_form("/analysts/new", &viewer, &[]).status, 403);

        let before = row_counts(&db, TABLES);
        let bad = app.post_form(
            "/analyst-firms/new",
            &analyst,
            &[("slug", "Bad Slug"), ("name", ""), ("website", "ftp://x")],
        );
        assert_field_errors(&bad, &["slug", "name", "website"]);
        let taken = app.post_form(
            "/analyst-firms/new",
            &analyst,
            &[("slug", "gartner"), ("name", "Gartner again")],
        );
        assert_field_errors(&taken, &["slug"]);
        let bad = app.post_form(
            "/analysts/new",
            &analyst,
            &[
                ("slug", "someone"),
                ("name", "Someone"),
                ("firm", "no-such-firm"),
            ],
        );
        assert_field_errors(&bad, &["firm"]);
        assert_eq!(row_counts(&db, TABLES), before);

        let firm = app.post_form(
            "/analyst-firms/new",
            &analyst,
            &[
                ("slug", "idc"),
                ("name", "IDC"),
                ("website", "https://www.idc.com"),
            ],
        );
        assert_eq!(firm.status, 303, "{}", firm.body);
        assert_eq!(audited(&app, "analyst_firm", "idc", "create").len(), 1);
        let person = app.post_form(
            "/analysts/new",
            &analyst,
            &[
                ("slug", "jane-doe"),
                ("name", "Jane Doe"),
                ("firm", "idc"),
                ("title", "Analyst"),
            ],
        );
        assert_eq!(person.status, 303, "{}", person.body);
        assert_eq!(audited(&app, "analyst", "jane-doe", "create").len(), 1);
        let list = app.get("/analysts");
        assert!(list.body.contains("IDC") && list.body.contains("Jane Doe"));

        let renamed = app.post_form(
            "/analyst-firms/idc/edit",
            &analyst,
            &[("name", "International Data Corporation"), ("website", "")],
        );
        assert_eq!(renamed.status, 303);
        let update = audited(&app, "analyst_firm", "idc", "update");
        assert_eq!(update[0]["before"]["name"], "IDC");
        assert_eq!(update[0]["after"]["name"], "International Data Corporation");
        let moved = app.post_form(
            "/analysts/jane-doe/edit",
            &analyst,
            &[("name", "Jane Doe"), ("firm", ""), ("title", "Reviewer")],
        );
        assert_eq!(moved.status, 303);
        let update = audited(&app, "analyst", "jane-doe", "update");
        assert_eq!(update[0]["before"]["firm"], "idc");
        assert_eq!(update[0]["after"]["firm"], Value::Null);
        assert!(app.get("/analysts").body.contains("Internal reviewers"));

        // Referenced: refused, naming what references them.
        let before = row_counts(&db, TABLES);
        let refused = app.post_form("/analyst-firms/gartner/delete", &analyst, &[]);
        assert_eq!(refused.status, 409);
        assert!(refused.body.contains("peter-firstbrook"));
        let refused = app.post_form("/analysts/peter-firstbrook/delete", &analyst, &[]);
        assert_eq!(refused.status, 409);
        assert!(
            refused
                .body
                .contains("gartner-firstbrook-orion-replacement-2021")
        );
        assert_eq!(row_counts(&db, TABLES), before);

        assert_eq!(
            app.post_form("/analysts/jane-doe/delete", &viewer, &[])
                .status,
            403
        );
        let gone = app.post_form("/analysts/jane-doe/delete", &analyst, &[]);
        assert_eq!(gone.status, 303);
        assert_eq!(audited(&app, "analyst", "jane-doe", "delete").len(), 1);
        let gone = app.post_form("/analyst-firms/idc/delete", &analyst, &[]);
        assert_eq!(gone.status, 303);
        assert_eq!(audited(&app, "analyst_firm", "idc", "delete").len(), 1);
        assert!(!app.get("/analysts").body.contains("Jane Doe"));
        assert_eq!(app.get_as("/analysts/jane-doe/edit", &analyst).status, 404);
    }
}

#[test]
fn assessments_are_curated_and_move_the_scores_they_touch() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let analyst = app.as_role(Role::Analyst);
        let viewer = app.as_role(Role::Viewer);
        assert_eq!(app.get_as("/assessments/new", &viewer).status, 403);
        let form = app.get_as("/assessments/new?vendor=cisco", &analyst);
        assert_eq!(form.status, 200);
        assert!(form.body.contains("value=\"cisco\""));
        assert!(
            app.get_as("/vendors/cisco", &analyst)
                .body
                .contains("/assessments/new?vendor=cisco")
        );

        let before = row_counts(&db, TABLES);
        let bad = app.post_form(
            "/assessments/new",
            &analyst,
            &[
                ("slug", "valente-cisco"),
                ("analyst", "alla-valente"),
                ("vendor", "cisco"),
                ("product", "cisco-netflow"),
                ("assessed_on", "2999-01-01"),
                ("stance", "agree"),
                ("quote", "Kept quote"),
                ("quote_language", "en"),
                ("translation", "Une traduction"),
            ],
        );
        assert_field_errors(&bad, &["vendor", "assessed_on", "translation_language"]);
        assert!(bad.body.contains("Kept quote"));
        assert_eq!(row_counts(&db, TABLES), before);

        let day = today();
        let fields = |stance: &'static str| {
            vec![
                ("slug", "valente-cisco"),
                ("analyst", "alla-valente"),
                ("vendor", "cisco"),
                ("assessed_on", day.as_str()),
                ("stance", stance),
                ("favoured_action", "replace"),
                ("quote", "Cisco cannot be trusted with this."),
                ("quote_language", "en"),
                ("translation", "On ne peut pas faire confiance à Cisco."),
                ("translation_language", "fr"),
                ("wave_tier", "contenders"),
            ]
        };
        let score = vendor_score(&app, "cisco");
        let created = app.post_form("/assessments/new", &analyst, &fields("strongly-disagree"));
        report_names(&app, &created, "Cisco", "/vendors/cisco");
        assert!(vendor_score(&app, "cisco") < score, "[{}]", db.backend);
        assert_eq!(
            audited(&app, "assessment", "valente-cisco", "create").len(),
            1
        );
        let shown = app.get_as("/vendors/cisco", &analyst);
        assert!(shown.body.contains("/assessments/valente-cisco/edit"));
        assert!(
            !app.get_as("/vendors/cisco", &viewer)
                .body
                .contains("/assessments/valente-cisco/edit")
        );

        let lowered = vendor_score(&app, "cisco");
        let edited = app.post_form(
            "/assessments/valente-cisco/edit",
            &analyst,
            &fields("agree"),
        );
        report_names(&app, &edited, "Cisco", "/vendors/cisco");
        assert!(vendor_score(&app, "cisco") > lowered);
        let update = audited(&app, "assessment", "valente-cisco", "update");
        assert_eq!(update[0]["before"]["stance"], "strongly-disagree");
        assert_eq!(update[0]["after"]["stance"], "agree");

        let before = row_counts(&db, TABLES);
        let seed = "/assessments/forrester-valente-vendor-change-2021/delete";
        let refused = app.post_form(seed, &analyst, &[]);
        assert_eq!(refused.status, 409);
        assert!(refused.body.contains("citation"));
        assert_eq!(row_counts(&db, TABLES), before);
        assert_eq!(
            app.post_form("/assessments/valente-cisco/delete", &viewer, &[])
                .status,
            403
        );
        let deleted = app.post_form("/assessments/valente-cisco/delete", &analyst, &[]);
        report_names(&app, &deleted, "Cisco", "/vendors/cisco");
        assert_eq!(
            audited(&app, "assessment", "valente-cisco", "delete").len(),
            1
        );
        assert!((vendor_score(&app, "cisco") - score).abs() < 0.05);
        assert_eq!(
            app.get_as("/assessments/valente-cisco/edit", &analyst)
                .status,
            404
        );
    }
}

//! Editing and deleting curated records in the browser, on every backend under test:
//! incidents (rescored, audited before and after), remediations, products; access; French.

mod common;

use common::curation::{
    assert_curators_only, assert_field_errors, audited, row_counts, today, vendor_score,
};
use common::i18n::{in_french, post_in_french};
use common::{As, TestApp, TestDb};
use serde_json::Value;
use trustkb::domain::Role;

const INCIDENT: &str = "acme-gateway-compromise";

/// The tables these forms write.
const TABLES: &[&str] = &[
    "products",
    "incidents",
    "incident_involvements",
    "remediations",
    "audit_log",
];

fn post_created(app: &TestApp, who: &As, path: &str, fields: &[(&str, &str)]) {
    let answer = app.post_form(path, who, fields);
    assert_eq!(answer.status, 303, "{path}: {}", answer.body);
}

/// A vendor `acme-mail` with a product `acme-gateway`, and an incident of severity 2 on the
/// product, disclosed today.
fn acme_incident(app: &TestApp, who: &As) {
    post_created(
        app,
        who,
        "/vendors/new",
        &[
            ("slug", "acme-mail"),
            ("name", "Acme Mail"),
            ("tier", "high"),
            ("status", "active"),
        ],
    );
    post_created(
        app,
        who,
        "/vendors/acme-mail/products/new",
        &[
            ("slug", "acme-gateway"),
            ("name", "Acme Gateway"),
            ("category", "email-security"),
        ],
    );
    let today = today();
    post_created(
        app,
        who,
        "/incidents/new",
        &[
            ("slug", INCIDENT),
            ("title", "Acme Gateway compromise"),
            ("kind", "supply_chain_compromise"),
            ("severity", "2"),
            ("disclosed_on", today.as_str()),
            ("summary", "A backdoor in the gateway."),
            ("inv1_product", "acme-gateway"),
            ("inv1_role", "origin"),
        ],
    );
}

#[test]
fn editing_an_incident_rescores_it_and_audits_before_and_after() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let analyst = app.as_role(Role::Analyst);
        acme_incident(&app, &analyst);
        let before = vendor_score(&app, "acme-mail");
        let edit = format!("/incidents/{INCIDENT}/edit");
        let form = app.get_as(&edit, &analyst);
        assert_eq!(form.status, 200);
        assert!(form.body.contains("value=\"Acme Gateway compromise\""));
        let id = common::hidden_field(&form.body, "inv1_id").expect("the involvement's id");
        assert!(form.body.contains("name=\"inv3_vendor\""), "two blank rows");

        let today = today();
        let fields = |title: &str, discovered: &str| {
            vec![
                ("title", title.to_owned()),
                ("kind", "supply_chain_compromise".to_owned()),
                ("severity", "5".to_owned()),
                ("discovered_on", discovered.to_owned()),
                ("disclosed_on", today.clone()),
                ("resolved_on", today.clone()),
                (
                    "summary",
                    "A backdoor in the gateway, worse than thought.".to_owned(),
                ),
                ("inv1_id", id.clone()),
                ("inv1_product", "acme-gateway".to_owned()),
                ("inv1_role", "origin".to_owned()),
                ("inv1_customers", "120".to_owned()),
                ("inv2_vendor", "acme-mail".to_owned()),
                ("inv2_role", "conduit".to_owned()),
            ]
        };
        let post = |fields: Vec<(&str, String)>| {
            let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            app.post_form(&edit, &analyst, &pairs)
        };

        // An invalid edit keeps the input, marks every wrong field and writes nothing.
        let start = row_counts(&db, TABLES);
        let answer = post(fields("", "2999-01-01"));
        assert_field_errors(&answer, &["title", "discovered_on"]);
        assert!(answer.body.contains("worse than thought.</textarea>"));
        assert!(answer.body.contains("value=\"120\""));
        let mut wrong = fields("Still here", "");
        wrong.push(("inv3_customers", "-4".to_owned()));
        let answer = post(wrong);
        assert_field_errors(&answer, &["inv3_customers"]);
        let answer = post(fields("Acme Gateway compromise", "2999"));
        assert_eq!(answer.status, 400);
        assert!(answer.body.contains("is in the future"));
        assert_eq!(
            row_counts(&db, TABLES),
            start,
            "[{}] nothing written",
            db.backend
        );

        let answer = post(fields("Acme Gateway supply-chain compromise", ""));
        assert_eq!(answer.status, 303, "[{}] {}", db.backend, answer.body);
        let location = format!("/incidents/{INCIDENT}?recorded=1");
        assert_eq!(answer.header("location"), Some(location.as_str()));
        let after = vendor_score(&app, "acme-mail");
        assert!(after < before, "[{}] {before} → {after}", db.backend);
        let page = app.get_as(&location, &analyst);
        assert!(
            page.body.contains("what changed in the scores"),
            "{}",
            page.body
        );
        assert!(page.body.contains(&format!("{after:.1}")), "{}", page.body);
        assert!(page.body.contains("Customers affected"));
        assert!(
            page.body
                .contains(&format!("href=\"/incidents/{INCIDENT}/edit\""))
        );
        assert!(
            page.body
                .contains(&format!("href=\"/incidents/{INCIDENT}/delete\""))
        );

        let updates = audited(&app, "incident", INCIDENT, "update");
        assert_eq!(updates.len(), 1, "[{}] one update record", db.backend);
        let (was, is) = (&updates[0]["before"], &updates[0]["after"]);
        assert_eq!(was["severity"], 2);
        assert_eq!(is["severity"], 5);
        assert_eq!(was["title"], "Acme Gateway compromise");
        assert_eq!(is["title"], "Acme Gateway supply-chain compromise");
        assert_eq!(was["involvements"].as_array().map(Vec::len), Some(1));
        assert_eq!(is["involvements"][0]["customers_affected"], 120);
        assert_eq!(is["involvements"][1]["vendor"], "acme-mail");
        assert_eq!(is["resolved_on"], today.as_str());
        assert_eq!(
            audited(&app, "incident_rescore", INCIDENT, "update").len(),
            2,
            "created, then edited"
        );

        // Saving the same values again changes nothing and records nothing.
        let form = app.get_as(&edit, &analyst);
        let id2 = common::hidden_field(&form.body, "inv2_id").expect("the new row's id");
        let mut same = fields("Acme Gateway supply-chain compromise", "");
        same.push(("inv2_id", id2));
        let start = row_counts(&db, TABLES);
        let answer = post(same);
        assert_eq!(answer.status, 303, "{}", answer.body);
        let plain = format!("/incidents/{INCIDENT}");
        assert_eq!(answer.header("location"), Some(plain.as_str()));
        assert_eq!(row_counts(&db, TABLES), start);
    }
}

#[test]
fn an_incident_is_deleted_only_once_nothing_references_it() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let analyst = app.as_role(Role::Analyst);
        let seed = "/incidents/solarwinds-orion-supply-chain-compromise/delete";
        let page = app.get_as(seed, &analyst);
        assert_eq!(page.status, 200);
        assert!(page.body.contains("cannot be deleted"), "{}", page.body);
        assert!(page.body.contains("mimecast-certificate-compromise-2021"));
        assert!(page.body.contains("citations"));
        assert!(!page.body.contains("class=\"danger\""));
        let start = row_counts(&db, TABLES);
        let answer = app.post_form(seed, &analyst, &[]);
        assert_eq!(answer.status, 409);
        assert!(answer.body.contains("Not deleted"));
        assert_eq!(row_counts(&db, TABLES), start);

        acme_incident(&app, &analyst);
        let start = row_counts(&db, TABLES);
        post_created(
            &app,
            &analyst,
            &format!("/incidents/{INCIDENT}/remediations/new"),
            &[
                ("slug", "acme-rebuilds-servers"),
                ("vendor", "acme-mail"),
                ("kind", "rebuild_servers"),
                ("description", "Rebuilt every build server."),
            ],
        );
        let delete = format!("/incidents/{INCIDENT}/delete");
        let answer = app.post_form(&delete, &analyst, &[]);
        assert_eq!(answer.status, 409);
        assert!(
            answer.body.contains("acme-rebuilds-servers"),
            "{}",
            answer.body
        );
        assert!(answer.body.contains("1 remediation"), "{}", answer.body);

        let page = app.get_as("/remediations/acme-rebuilds-servers/delete", &analyst);
        assert_eq!(page.status, 200);
        assert!(page.body.contains("class=\"danger\""), "{}", page.body);
        let answer = app.post_form("/remediations/acme-rebuilds-servers/delete", &analyst, &[]);
        assert_eq!(answer.status, 303, "{}", answer.body);
        let recorded = format!("/incidents/{INCIDENT}?recorded=1");
        assert_eq!(answer.header("location"), Some(recorded.as_str()));
        let deleted = audited(&app, "remediation", "acme-rebuilds-servers", "delete");
        assert_eq!(
            deleted[0]["before"]["description"],
            "Rebuilt every build server."
        );

        let score = vendor_score(&app, "acme-mail");
        let page = app.get_as(&delete, &analyst);
        assert!(page.body.contains("Nothing references"), "{}", page.body);
        let answer = app.post_form(&delete, &analyst, &[]);
        assert_eq!(answer.status, 200, "{}", answer.body);
        assert!(
            answer.body.contains("what changed in the scores"),
            "{}",
            answer.body
        );
        assert!(answer.body.contains("Acme Mail"));
        assert!(vendor_score(&app, "acme-mail") > score);
        assert_eq!(app.get(&format!("/incidents/{INCIDENT}")).status, 404);
        assert_eq!(app.get_as(&delete, &analyst).status, 404);
        let mut expected = start.clone();
        expected[1] -= 1;
        expected[2] -= 1;
        let now = row_counts(&db, TABLES);
        assert_eq!(
            now[..4],
            expected[..4],
            "[{}] incident and involvement gone",
            db.backend
        );
        let deleted = audited(&app, "incident", INCIDENT, "delete");
        assert_eq!(deleted.len(), 1);
        assert_eq!(
            deleted[0]["before"]["involvements"][0]["product"],
            "acme-gateway"
        );
        assert_eq!(deleted[0]["after"], Value::Null);
    }
}

#[test]
fn a_remediation_is_edited_with_its_scores_and_a_cited_one_is_not_deleted() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let analyst = app.as_role(Role::Analyst);
        let edit = "/remediations/mimecast-drops-solarwinds-orion/edit";
        let form = app.get_as(edit, &analyst);
        assert_eq!(form.status, 200);
        assert!(
            form.body.contains("value=\"cisco-netflow\""),
            "{}",
            form.body
        );
        let fields = |replacement: &'static str| {
            [
                ("vendor", "mimecast"),
                ("kind", "drop_product"),
                ("product", "solarwinds-orion"),
                ("replacement", replacement),
                (
                    "description",
                    "Stopped using Orion; moved to Cisco NetFlow.",
                ),
                ("taken_on", "2021-01"),
            ]
        };
        let start = row_counts(&db, TABLES);
        let answer = app.post_form(edit, &analyst, &fields("solarwinds-orion"));
        assert_field_errors(&answer, &["replacement"]);
        let answer = app.post_form(edit, &analyst, &fields("no-such-product"));
        assert_eq!(answer.status, 400);
        assert!(answer.body.contains("no product"), "{}", answer.body);
        assert_eq!(row_counts(&db, TABLES), start);

        let answer = app.post_form(edit, &analyst, &fields("cisco-netflow"));
        assert_eq!(answer.status, 303, "[{}] {}", db.backend, answer.body);
        assert_eq!(
            answer.header("location"),
            Some("/incidents/mimecast-certificate-compromise-2021?recorded=1")
        );
        let updates = audited(
            &app,
            "remediation",
            "mimecast-drops-solarwinds-orion",
            "update",
        );
        assert_eq!(updates.len(), 1);
        assert_eq!(
            updates[0]["after"]["description"],
            "Stopped using Orion; moved to Cisco NetFlow."
        );
        assert_ne!(
            updates[0]["before"]["description"],
            updates[0]["after"]["description"]
        );
        assert_eq!(updates[0]["after"]["taken_on"], "2021-01");

        let incident = app.get_as("/incidents/mimecast-certificate-compromise-2021", &analyst);
        assert!(
            incident
                .body
                .contains("href=\"/remediations/mimecast-drops-solarwinds-orion/edit\"")
        );
        let delete = "/remediations/mimecast-drops-solarwinds-orion/delete";
        let page = app.get_as(delete, &analyst);
        assert!(page.body.contains("cannot be deleted"), "{}", page.body);
        let start = row_counts(&db, TABLES);
        let answer = app.post_form(delete, &analyst, &[]);
        assert_eq!(answer.status, 409);
        assert!(answer.body.contains("citation"), "{}", answer.body);
        assert_eq!(row_counts(&db, TABLES), start);
        assert_eq!(
            app.get_as("/remediations/nothing-here/edit", &analyst)
                .status,
            404
        );
    }
}

#[test]
fn a_product_is_edited_with_its_audit_record() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let analyst = app.as_role(Role::Analyst);
        let vendor = app.get_as("/vendors/solarwinds", &analyst);
        assert!(
            vendor
                .body
                .contains("href=\"/products/solarwinds-orion/edit\"")
        );
        let viewer = app.get("/vendors/solarwinds");
        assert!(!viewer.body.contains("/products/solarwinds-orion/edit"));
        let edit = "/products/solarwinds-orion/edit";
        let form = app.get_as(edit, &analyst);
        assert_eq!(form.status, 200);
        assert!(
            form.body.contains("<code>solarwinds-orion</code>"),
            "{}",
            form.body
        );

        let start = row_counts(&db, TABLES);
        let answer = app.post_form(
            edit,
            &analyst,
            &[("name", "Orion Platform"), ("category", "no-such-category")],
        );
        assert_field_errors(&answer, &["category"]);
        assert!(answer.body.contains("value=\"Orion Platform\""));
        assert_eq!(row_counts(&db, TABLES), start);

        let answer = app.post_form(
            edit,
            &analyst,
            &[
                ("slug", "ignored"),
                ("name", "Orion Platform"),
                ("category", "network-monitoring"),
                ("description", "IT and network monitoring."),
            ],
        );
        assert_eq!(answer.status, 303, "[{}] {}", db.backend, answer.body);
        assert_eq!(answer.header("location"), Some("/vendors/solarwinds"));
        let vendor = app.get("/api/v1/vendors/solarwinds").json();
        assert_eq!(vendor["products"][0]["slug"], "solarwinds-orion");
        assert_eq!(vendor["products"][0]["name"], "Orion Platform");
        let updates = audited(&app, "product", "solarwinds-orion", "update");
        assert_eq!(updates.len(), 1);
        assert_eq!(updates[0]["after"]["name"], "Orion Platform");
        assert_ne!(updates[0]["before"]["name"], "Orion Platform");
        assert_eq!(
            updates[0]["after"]["description"],
            "IT and network monitoring."
        );
    }
}

#[test]
fn viewers_and_reviewers_are_refused_the_edit_and_delete_forms() {
    let db = TestDb::sqlite();
    let app = TestApp::spawn(&db);
    let paths = [
        "/incidents/solarwinds-orion-supply-chain-compromise/edit",
        "/incidents/microsoft-source-code-viewed-2020/delete",
        "/remediations/mimecast-drops-solarwinds-orion/edit",
        "/remediations/mimecast-publishes-final-incident-report/delete",
        "/products/cisco-netflow/edit",
    ];
    assert_curators_only(&app, &db, TABLES, &paths);
    let page = app.get("/incidents/solarwinds-orion-supply-chain-compromise");
    assert!(!page.body.contains("/edit\""), "no edit link for a viewer");
}

#[test]
fn a_curation_form_asked_for_in_french_is_in_french() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let analyst = app.as_role(Role::Analyst);
        let form = in_french(&app, "/incidents/new", &analyst);
        assert_eq!(form.status, 200);
        assert!(form.body.contains("lang=\"fr\""));
        for label in [
            "Enregistrer un incident",
            "Gravité",
            "Parties impliquées",
            "5 sur 5",
        ] {
            assert!(form.body.contains(label), "{label}: {}", form.body);
        }
        assert!(!form.body.contains("Record an incident"));

        let answer = post_in_french(
            &app,
            "/incidents/new",
            &analyst,
            &[
                ("slug", "incident-en-francais"),
                ("title", ""),
                ("kind", "outage"),
                ("severity", "3"),
                ("summary", "Résumé gardé"),
                ("inv1_vendor", "mimecast"),
                ("inv1_role", "victim"),
            ],
        );
        assert_eq!(answer.status, 400);
        assert!(
            answer.body.contains("ne doit pas être vide"),
            "{}",
            answer.body
        );
        assert!(answer.body.contains("Résumé gardé</textarea>"));
        let answer = post_in_french(
            &app,
            "/vendors/new",
            &analyst,
            &[
                ("slug", "Mauvais Identifiant"),
                ("name", "Acme"),
                ("website", "ftp://x"),
            ],
        );
        assert_eq!(answer.status, 400);
        for message in [
            "identifiant « Mauvais Identifiant » invalide",
            "adresse « ftp://x » invalide",
        ] {
            assert!(answer.body.contains(message), "{message}: {}", answer.body);
        }
        let answer = post_in_french(
            &app,
            "/incidents/new",
            &analyst,
            &[
                ("slug", "incident-en-francais"),
                ("title", "Panne"),
                ("kind", "outage"),
                ("severity", "3"),
                ("summary", "Une panne."),
                ("inv1_vendor", "fournisseur-inconnu"),
                ("inv1_role", "victim"),
            ],
        );
        assert_eq!(answer.status, 400);
        assert!(
            answer
                .body
                .contains("aucun fournisseur « fournisseur-inconnu »"),
            "{}",
            answer.body
        );
        let page = in_french(&app, "/products/solarwinds-orion/delete", &analyst);
        assert!(
            page.body
                .contains("renvoient vers le produit solarwinds-orion"),
            "{}",
            page.body
        );
    }
}

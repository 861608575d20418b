//! The compare page on every backend under test: the seed's vendors and products side by
//! side with the API's scores, the picker, and the selections refused with a 400.

mod common;

use common::{TestApp, TestDb};
use serde_json::Value;

fn vendor_json(app: &TestApp, slug: &str) -> Value {
    let answer = app.get(&format!("/api/v1/vendors/{slug}"));
    assert_eq!(answer.status, 200, "{}", answer.body);
    answer.json()
}

/// A score as the English pages write it.
fn points(score: f64) -> String {
    format!("{score:.1}")
}

/// The text of the page's alert, which names what is wrong.
fn alert(body: &str) -> &str {
    let start = body.find("role=\"alert\">").expect("an alert") + "role=\"alert\">".len();
    let end = start + body[start..].find("</p>").expect("end of the alert");
    &body[start..end]
}

#[test]
fn the_seed_vendors_side_by_side_with_the_api_scores_and_their_incidents() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let answer = app.get("/compare?vendors=solarwinds,mimecast");
        assert_eq!(answer.status, 200, "{}: {}", db.backend, answer.body);
        let body = &answer.body;
        for slug in ["solarwinds", "mimecast"] {
            let v = vendor_json(&app, slug);
            let name = v["name"].as_str().expect("name");
            assert!(body.contains(name), "{}: {name} missing", db.backend);
            let score = v["trust"]["score"].as_f64().expect("score");
            assert!(
                body.contains(&points(score)),
                "{}: {slug}'s score {} missing",
                db.backend,
                points(score)
            );
            for incident in v["incidents"].as_array().expect("incidents") {
                let href = format!(
                    "/incidents/{}",
                    incident["incident_slug"].as_str().expect("slug")
                );
                assert!(body.contains(&href), "{}: {href} missing", db.backend);
            }
            if let Some(g) = v["trust"]["grade"].as_str() {
                assert!(body.contains(&format!("grade-{g}")), "{}", db.backend);
            }
        }
        // SolarWinds is the origin, Mimecast a conduit/victim of the chain; analysts quoted.
        assert!(body.contains("role-origin"), "{}", db.backend);
        assert!(body.contains("Firstbrook"), "{}", db.backend);
        // Columns in the order asked for.
        let sw = body
            .find("<a href=\"/vendors/solarwinds\">")
            .expect("SolarWinds column");
        let mc = body
            .find("<a href=\"/vendors/mimecast\">")
            .expect("Mimecast column");
        assert!(sw < mc, "{}", db.backend);
        // Mimecast depended on SolarWinds Orion.
        assert!(
            body.contains("/vendors/solarwinds#product-solarwinds-orion"),
            "{}",
            db.backend
        );

        // Repeated keys (the picker's checkboxes) ask for the same thing.
        let again = app.get("/compare?vendors=solarwinds&vendors=mimecast");
        assert_eq!(again.status, 200, "{}", db.backend);
    }
}

#[test]
fn products_side_by_side_with_their_scores_categories_and_recommendations() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let answer =
            app.get("/compare?products=solarwinds-orion,cisco-netflow,mimecast-email-security");
        assert_eq!(answer.status, 200, "{}: {}", db.backend, answer.body);
        let body = &answer.body;
        for (vendor, product) in [
            ("solarwinds", "solarwinds-orion"),
            ("cisco", "cisco-netflow"),
            ("mimecast", "mimecast-email-security"),
        ] {
            let v = vendor_json(&app, vendor);
            let p = v["products"]
                .as_array()
                .expect("products")
                .iter()
                .find(|p| p["slug"] == product)
                .expect("the product")
                .clone();
            assert!(
                body.contains(p["name"].as_str().expect("name")),
                "{}",
                db.backend
            );
            assert!(
                body.contains(p["category_name"].as_str().expect("category")),
                "{}",
                db.backend
            );
            let score = p["trust"]["score"].as_f64().expect("score");
            assert!(body.contains(&points(score)), "{}: {product}", db.backend);
            let r = app.get(&format!("/api/v1/products/{product}/recommendation"));
            assert_eq!(r.status, 200, "{}", r.body);
            let decision = r.json()["decision"].as_str().expect("decision").to_owned();
            assert!(
                body.contains(&format!("decision-{decision}")),
                "{}: {product} {decision}",
                db.backend
            );
            assert!(
                body.contains(&format!("/products/{product}/recommendation")),
                "{}",
                db.backend
            );
        }
        assert!(
            body.contains("/incidents/solarwinds-orion-supply-chain-compromise"),
            "{}",
            db.backend
        );
    }
}

#[test]
fn selections_that_cannot_be_compared_are_refused_with_the_reason() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let cases = [
            ("/compare?vendors=solarwinds,acme-nowhere", "acme-nowhere"),
            (
                "/compare?products=solarwinds-orion,no-such-product",
                "no-such-product",
            ),
            ("/compare?vendors=solarwinds", "at least two"),
            (
                "/compare?vendors=solarwinds,mimecast,microsoft,cisco,solarwinds&products=",
                "",
            ),
            (
                "/compare?vendors=solarwinds,mimecast,microsoft,cisco,extra",
                "extra",
            ),
            (
                "/compare?vendors=solarwinds,mimecast&products=solarwinds-orion",
                "not both",
            ),
            ("/compare?vendor=solarwinds", "vendor"),
            (
                "/compare?vendors=solarwinds,mimecast&as_of=yesterday",
                "yesterday",
            ),
            ("/compare?with=acme-nowhere", "acme-nowhere"),
        ];
        for (path, named) in cases {
            let answer = app.get(path);
            if named.is_empty() {
                // Duplicates count once: four different vendors can be compared.
                assert_eq!(answer.status, 200, "{}: {path}", db.backend);
                continue;
            }
            assert_eq!(
                answer.status, 400,
                "{}: {path}: {}",
                db.backend, answer.body
            );
            assert!(
                alert(&answer.body).contains(named),
                "{}: {path}: {}",
                db.backend,
                alert(&answer.body)
            );
            // The picker is there to put it right.
            assert!(answer.body.contains("name=\"vendors\""), "{}", db.backend);
        }
    }
}

#[test]
fn five_known_vendors_are_too_many() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let admin = app.as_role(trustkb::domain::Role::Analyst);
        let created = app.post_form(
            "/vendors/new",
            &admin,
            &[
                ("slug", "acme"),
                ("name", "Acme"),
                ("tier", "low"),
                ("status", "prospect"),
            ],
        );
        assert!(
            created.status == 303 || created.status == 200,
            "{}: {}",
            db.backend,
            created.body
        );
        let answer = app.get("/compare?vendors=solarwinds,mimecast,microsoft,cisco,acme");
        assert_eq!(answer.status, 400, "{}: {}", db.backend, answer.body);
        assert!(
            alert(&answer.body).contains("at most four"),
            "{}",
            db.backend
        );
        assert!(alert(&answer.body).contains('5'), "{}", db.backend);
    }
}

#[test]
fn the_picker_offers_every_vendor_and_product_and_preselects_one() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let answer = app.get("/compare");
        assert_eq!(answer.status, 200, "{}: {}", db.backend, answer.body);
        let body = &answer.body;
        assert!(
            body.contains("<form method=\"get\" action=\"/compare\""),
            "{}",
            db.backend
        );
        for slug in ["solarwinds", "mimecast", "microsoft", "cisco"] {
            assert!(
                body.contains(&format!("name=\"vendors\" value=\"{slug}\"")),
                "{}: {slug}",
                db.backend
            );
        }
        assert!(
            body.contains("name=\"products\" value=\"solarwinds-orion\""),
            "{}",
            db.backend
        );
        assert!(!body.contains(" checked"), "{}", db.backend);

        // From a vendor page: "Compare with…" preselects the vendor.
        let vendor_page = app.get("/vendors/solarwinds");
        assert!(
            vendor_page
                .body
                .contains("href=\"/compare?with=solarwinds\""),
            "{}",
            db.backend
        );
        let with = app.get("/compare?with=solarwinds");
        assert_eq!(with.status, 200, "{}", db.backend);
        assert!(
            with.body
                .contains("name=\"vendors\" value=\"solarwinds\" checked"),
            "{}",
            db.backend
        );
        // The vendors list leads here too.
        assert!(
            app.get("/vendors").body.contains("href=\"/compare\""),
            "{}",
            db.backend
        );
    }
}

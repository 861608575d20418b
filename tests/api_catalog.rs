//! The product, dependency and score API end to end on every backend: lists with paging and
//! filters, records created under a vendor, changed (conditionally) and deleted as the UI does.

mod common;

use common::api::{assert_problem, etag_of, fingerprint, problem_fields, send_if_match};
use common::curation::audited;
use common::{TestApp, TestDb};
use serde_json::{Value, json};
use trustkb::domain::Role;

fn slugs(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|p| p["slug"].as_str().expect("slug").to_owned())
        .collect()
}

#[test]
fn the_product_list_pages_filters_and_sorts() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let first = app.get("/api/v1/products?limit=3");
        assert_eq!(first.status, 200, "{}", first.body);
        let page = first.json();
        assert_eq!(page["total"], 4, "{}", app.backend);
        assert_eq!(slugs(&page).len(), 3);
        let cursor = page["next_cursor"].as_str().expect("a next cursor");
        let second = app
            .get(&format!("/api/v1/products?limit=3&cursor={cursor}"))
            .json();
        assert_eq!(slugs(&second).len(), 1);
        assert_eq!(
            app.get("/api/v1/products?limit=3&page=2").json()["items"],
            second["items"]
        );

        let all = slugs(&app.get("/api/v1/products").json());
        let mut reversed = slugs(&app.get("/api/v1/products?sort=-name").json());
        reversed.reverse();
        assert_eq!(all, reversed);
        assert_eq!(
            slugs(&app.get("/api/v1/products?vendor=cisco").json()),
            ["cisco-netflow"]
        );
        let monitoring = app
            .get("/api/v1/products?category=network-monitoring")
            .json();
        assert_eq!(slugs(&monitoring), ["cisco-netflow", "solarwinds-orion"]);

        let wrong = app.get("/api/v1/products?vendor=nobody");
        assert_problem(&wrong, 400, "unknown vendor");
        assert_eq!(problem_fields(&wrong), ["vendor"]);
        let wrong = app.get("/api/v1/products?sort=price&offset=1");
        assert_problem(&wrong, 400, "bad parameters");
        assert_eq!(problem_fields(&wrong), ["sort", "offset"]);
    }
}

#[test]
fn a_product_is_read_scored_created_changed_and_deleted() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let analyst = app.as_role(Role::Analyst);
        let orion = app.get("/api/v1/products/solarwinds-orion?as_of=2021-04-30");
        assert_eq!(orion.status, 200, "{}", orion.body);
        assert!(orion.header("etag").is_some());
        let orion = orion.json();
        assert_eq!(orion["vendor_slug"], "solarwinds");
        assert_eq!(orion["trust"]["as_of"], "2021-04-30");
        assert!(orion["trust"]["score"].is_number());

        let before = fingerprint(&db);
        let wrong = json!({"slug": "Bad Slug", "name": "", "category": "", "colour": 1});
        let answer = app.send_json("POST", "/api/v1/vendors/cisco/products", &analyst, &wrong);
        assert_problem(&answer, 400, "a wrong product");
        assert_eq!(
            problem_fields(&answer),
            ["colour", "slug", "name", "category"]
        );
        let taken = json!({"slug": "cisco-netflow", "name": "Again", "category": "nowhere"});
        let answer = app.send_json("POST", "/api/v1/vendors/cisco/products", &analyst, &taken);
        assert_problem(&answer, 400, "a taken slug and unknown category");
        let mut fields = problem_fields(&answer);
        fields.sort();
        assert_eq!(fields, ["category", "slug"]);
        let body =
            json!({"slug": "cisco-umbrella", "name": "Umbrella", "category": "email-security"});
        let nobody = app.send_json("POST", "/api/v1/vendors/nobody/products", &analyst, &body);
        assert_problem(&nobody, 404, "an unknown vendor");
        let viewer = app.as_role(Role::Viewer);
        let forbidden = app.send_json("POST", "/api/v1/vendors/cisco/products", &viewer, &body);
        assert_problem(&forbidden, 403, "a viewer's creation");
        assert_eq!(fingerprint(&db), before, "refusals write nothing");

        let created = app.send_json("POST", "/api/v1/vendors/cisco/products", &analyst, &body);
        assert_eq!(created.status, 201, "{}", created.body);
        let path = "/api/v1/products/cisco-umbrella";
        assert_eq!(created.header("location"), Some(path));
        let etag = created.header("etag").expect("an ETag").to_owned();
        assert_eq!(created.json()["vendor_slug"], "cisco");
        assert_eq!(etag_of(&app, path, &analyst), etag);
        let creation = audited(&app, "product", "cisco-umbrella", "create");
        assert_eq!(creation.len(), 1);
        assert_eq!(creation[0]["channel"], "api");

        let change = json!({"name": "Cisco Umbrella", "description": "DNS security."});
        let answer = app.send_json("PATCH", path, &analyst, &change);
        assert_problem(&answer, 428, "PATCH without If-Match");
        let answer = send_if_match(&app, "PATCH", path, &analyst, "\"stale\"", Some(&change));
        assert_problem(&answer, 412, "PATCH with a stale If-Match");
        let before = fingerprint(&db);
        let wrong = json!({"category": "nowhere", "slug": "renamed"});
        let answer = send_if_match(&app, "PATCH", path, &analyst, &etag, Some(&wrong));
        assert_problem(&answer, 400, "a wrong change");
        assert_eq!(problem_fields(&answer), ["slug", "category"]);
        assert_eq!(fingerprint(&db), before);
        let changed = send_if_match(&app, "PATCH", path, &analyst, &etag, Some(&change));
        assert_eq!(changed.status, 200, "{}", changed.body);
        let new_etag = changed.header("etag").expect("a new ETag").to_owned();
        assert_ne!(new_etag, etag);
        assert_eq!(changed.json()["name"], "Cisco Umbrella");
        assert_eq!(changed.json()["category_slug"], "email-security");
        assert_eq!(
            audited(&app, "product", "cisco-umbrella", "update").len(),
            1
        );

        let gone = send_if_match(&app, "DELETE", path, &analyst, &new_etag, None);
        assert_eq!(gone.status, 204, "{}", gone.body);
        assert_problem(&app.get(path), 404, "the deleted product");
        assert_eq!(
            audited(&app, "product", "cisco-umbrella", "delete").len(),
            1
        );

        let held_path = "/api/v1/products/solarwinds-orion";
        let held = etag_of(&app, held_path, &analyst);
        let before = fingerprint(&db);
        let answer = send_if_match(&app, "DELETE", held_path, &analyst, &held, None);
        assert_problem(&answer, 409, "a referenced product");
        assert_eq!(fingerprint(&db), before);
    }
}

#[test]
fn the_dependency_list_filters_by_vendor_and_product() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let all = app.get("/api/v1/dependencies?limit=1");
        assert_eq!(all.status, 200, "{}", all.body);
        let all = all.json();
        let total = all["total"].as_i64().expect("total");
        assert!(total >= 2, "{all}");
        assert!(all["next_cursor"].is_string());
        let orion = app
            .get("/api/v1/dependencies?product=solarwinds-orion")
            .json();
        assert!(orion["total"].as_i64().unwrap() >= 1);
        for d in orion["items"].as_array().unwrap() {
            assert_eq!(d["product_slug"], "solarwinds-orion");
        }
        // Cisco supplies NetFlow, which Mimecast consumes.
        let cisco = app.get("/api/v1/dependencies?vendor=cisco").json();
        assert!(
            cisco["items"].as_array().unwrap().iter().any(
                |d| d["product_slug"] == "cisco-netflow" && d["consumer"]["slug"] == "mimecast"
            ),
            "{cisco}"
        );
        let wrong = app.get("/api/v1/dependencies?product=nothing&vendor=nobody");
        assert_problem(&wrong, 400, "unknown filters");
        assert_problem(
            &app.get("/api/v1/dependencies/abc"),
            404,
            "an id not a number",
        );
        assert_problem(&app.get("/api/v1/dependencies/999999"), 404, "a missing id");
    }
}

#[test]
fn a_dependency_is_created_changed_and_deleted_with_rescoring() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let analyst = app.as_role(Role::Analyst);
        let before = fingerprint(&db);
        let wrong = json!({
            "product": "nothing-here", "criticality": "huge",
            "since": "2021-05-01", "until": "2021-01-01"
        });
        let answer = app.send_json(
            "POST",
            "/api/v1/vendors/cisco/dependencies",
            &analyst,
            &wrong,
        );
        assert_problem(&answer, 400, "a wrong dependency");
        assert_eq!(problem_fields(&answer), ["until", "criticality"]);
        let unknown = json!({"product": "nothing-here", "criticality": "high"});
        let answer = app.send_json(
            "POST",
            "/api/v1/vendors/cisco/dependencies",
            &analyst,
            &unknown,
        );
        assert_problem(&answer, 400, "an unknown product");
        assert_eq!(problem_fields(&answer), ["product"]);
        assert_eq!(fingerprint(&db), before, "refusals write nothing");

        let body = json!({"product": "microsoft-365", "criticality": "medium", "since": "2020-01"});
        let created = app.send_json(
            "POST",
            "/api/v1/vendors/cisco/dependencies",
            &analyst,
            &body,
        );
        assert_eq!(created.status, 201, "{}", created.body);
        let dependency = created.json();
        assert_eq!(
            dependency["consumer"]["slug"], "cisco",
            "the path's vendor consumes"
        );
        assert_eq!(dependency["since"], "2020-01");
        let id = dependency["id"].as_i64().expect("an id");
        let path = format!("/api/v1/dependencies/{id}");
        assert_eq!(created.header("location"), Some(path.as_str()));
        let etag = created.header("etag").expect("an ETag").to_owned();
        let creation = audited(&app, "dependency", "cisco → microsoft-365", "create");
        assert_eq!(creation.len(), 1);
        assert_eq!(creation[0]["channel"], "api");

        let change = json!({"consumer": "@organisation", "purpose": "Mail."});
        assert_problem(
            &app.send_json("PATCH", &path, &analyst, &change),
            428,
            "no If-Match",
        );
        let stale = send_if_match(&app, "PATCH", &path, &analyst, "\"old\"", Some(&change));
        assert_problem(&stale, 412, "a stale If-Match");
        let changed = send_if_match(&app, "PATCH", &path, &analyst, &etag, Some(&change));
        assert_eq!(changed.status, 200, "{}", changed.body);
        assert_eq!(changed.json()["consumer"]["kind"], "organisation");
        assert_eq!(changed.json()["purpose"], "Mail.");
        let new_etag = changed.header("etag").expect("a new ETag").to_owned();
        assert_ne!(new_etag, etag);

        let viewer = app.as_role(Role::Viewer);
        let forbidden = send_if_match(&app, "DELETE", &path, &viewer, &new_etag, None);
        assert_problem(&forbidden, 403, "a viewer's delete");
        let gone = send_if_match(&app, "DELETE", &path, &analyst, &new_etag, None);
        assert_eq!(gone.status, 204, "{}", gone.body);
        assert_problem(&app.get(&path), 404, "the deleted dependency");

        // The seed's dependencies are cited: they are kept.
        let cited = app
            .get("/api/v1/dependencies?product=solarwinds-orion")
            .json();
        let cited_id = cited["items"][0]["id"]
            .as_i64()
            .expect("a seeded dependency");
        let cited_path = format!("/api/v1/dependencies/{cited_id}");
        let held = etag_of(&app, &cited_path, &analyst);
        let before = fingerprint(&db);
        let answer = send_if_match(&app, "DELETE", &cited_path, &analyst, &held, None);
        assert_problem(&answer, 409, "a cited dependency");
        assert_eq!(fingerprint(&db), before);
    }
}

#[test]
fn scores_are_listed_and_explained_as_of_a_day() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let vendors = app.get("/api/v1/scores?as_of=2021-04-30&kind=vendor");
        assert_eq!(vendors.status, 200, "{}", vendors.body);
        let vendors = vendors.json();
        assert_eq!(vendors["total"], 4);
        for line in vendors["items"].as_array().unwrap() {
            assert_eq!(line["kind"], "vendor");
            assert_eq!(line["as_of"], "2021-04-30");
        }
        let products = app
            .get("/api/v1/scores?as_of=2021-04-30&kind=product&limit=2")
            .json();
        assert_eq!(products["total"], 4);
        assert_eq!(products["items"].as_array().unwrap().len(), 2);
        let both = app.get("/api/v1/scores?vendor=mimecast").json();
        assert_eq!(both["total"], 2, "{both}");

        let mimecast = app.get("/api/v1/vendors/mimecast/score?as_of=2021-04-30");
        assert_eq!(mimecast.status, 200, "{}", mimecast.body);
        let mimecast = mimecast.json();
        assert_eq!(mimecast["as_of"], "2021-04-30");
        assert!(!mimecast["contributions"].as_array().unwrap().is_empty());
        let listed = vendors["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["slug"] == "mimecast")
            .expect("mimecast listed");
        let rounded = (mimecast["score"].as_f64().unwrap() * 10.0).round() / 10.0;
        assert_eq!(listed["score"].as_f64(), Some(rounded));
        let orion = app.get("/api/v1/products/solarwinds-orion/score?as_of=2021-02-15");
        assert_eq!(orion.status, 200, "{}", orion.body);

        assert_problem(
            &app.get("/api/v1/vendors/nobody/score"),
            404,
            "unknown vendor",
        );
        assert_problem(
            &app.get("/api/v1/products/nothing/score"),
            404,
            "unknown product",
        );
        let wrong = app.get("/api/v1/scores?as_of=2021-13-01&kind=analyst&vendor=nobody");
        assert_problem(&wrong, 400, "bad parameters");
        assert_eq!(problem_fields(&wrong), ["as_of", "kind"]);
    }
}

#[test]
fn the_document_describes_the_catalogue_and_the_reads() {
    let doc = serde_json::to_value(trustkb::web::api::openapi::document()).expect("document");
    let operations = [
        ("/api/v1/products", vec!["get"]),
        ("/api/v1/products/{slug}", vec!["get", "patch", "delete"]),
        ("/api/v1/vendors/{slug}/products", vec!["post"]),
        ("/api/v1/dependencies", vec!["get"]),
        ("/api/v1/dependencies/{id}", vec!["get", "patch", "delete"]),
        ("/api/v1/vendors/{slug}/dependencies", vec!["post"]),
        ("/api/v1/scores", vec!["get"]),
        ("/api/v1/vendors/{slug}/score", vec!["get"]),
        ("/api/v1/products/{slug}/score", vec!["get"]),
        ("/api/v1/me", vec!["get"]),
        ("/api/v1/vendors/{slug}/blast-radius", vec!["get"]),
        ("/api/v1/stix", vec!["get"]),
        ("/api/v1/concentration", vec!["get"]),
        ("/api/v1/recommendations", vec!["get"]),
        ("/api/v1/products/{slug}/recommendation", vec!["get"]),
        ("/api/v1/search", vec!["get"]),
        ("/api/v1/audit", vec!["get"]),
    ];
    for (path, methods) in operations {
        for method in methods {
            assert!(
                doc["paths"][path][method].is_object(),
                "{method} {path} is described"
            );
        }
    }
    let line = &doc["components"]["schemas"]["ScoreLine"];
    let required: Vec<&str> = line["required"]
        .as_array()
        .expect("required fields")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(
        required.contains(&"score") && !required.contains(&"vendor"),
        "{line}"
    );
    let audit = &doc["paths"]["/api/v1/audit"]["get"]["parameters"];
    let names: Vec<&str> = audit
        .as_array()
        .expect("parameters")
        .iter()
        .filter_map(|p| p["name"].as_str())
        .collect();
    assert!(
        names.contains(&"cursor") && !names.contains(&"offset"),
        "{names:?}"
    );
}

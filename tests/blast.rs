//! Blast radius and concentration on the seed case, over HTTP on every backend: the Orion
//! compromise reaches Mimecast and, through the Mimecast compromise, Microsoft 365.

mod common;

use common::{TestApp, TestDb};
use serde_json::Value;

const ORION_COMPROMISE: &str = "solarwinds-orion-supply-chain-compromise";
const MIMECAST_COMPROMISE: &str = "mimecast-certificate-compromise-2021";

fn node<'v>(view: &'v Value, kind: &str, slug: &str) -> Option<&'v Value> {
    view["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .find(|n| n["kind"] == kind && n["slug"] == slug)
}

fn path_slugs(node: &Value) -> Vec<String> {
    node["path"]
        .as_array()
        .expect("path")
        .iter()
        .map(|s| s["slug"].as_str().unwrap_or_default().to_owned())
        .collect()
}

/// The edge that reached a node.
fn reached_by<'v>(view: &'v Value, node: &Value) -> &'v Value {
    let i = node["reached_by"].as_u64().expect("reached by an edge") as usize;
    &view["edges"][i]
}

fn assert_mimecast_and_m365(view: &Value, backend: &str) {
    let mimecast = node(view, "vendor", "mimecast")
        .unwrap_or_else(|| panic!("[{backend}] Mimecast not reached: {view}"));
    assert_eq!(mimecast["hops"], 1, "[{backend}] {mimecast}");
    let edge = reached_by(view, mimecast);
    assert_eq!(edge["kind"], "dependency");
    assert_eq!(edge["from"]["slug"], "solarwinds-orion");
    assert_eq!(edge["until"], "2021-03-16");
    assert_eq!(edge["since"], Value::Null);
    assert_eq!(edge["criticality"], "high");
    assert!(
        edge["incidents"]
            .as_array()
            .expect("incidents")
            .iter()
            .any(|i| i["slug"] == MIMECAST_COMPROMISE),
        "[{backend}] the Mimecast compromise travelled along Orion → Mimecast: {edge}"
    );
    let m365 = node(view, "product", "microsoft-365")
        .unwrap_or_else(|| panic!("[{backend}] Microsoft 365 not reached: {view}"));
    assert!(
        path_slugs(m365).contains(&MIMECAST_COMPROMISE.to_owned()),
        "[{backend}] Microsoft 365 is reached through the Mimecast compromise: {m365}"
    );
    assert!(m365["hops"].as_u64().expect("hops") >= 2);
    assert_eq!(reached_by(view, m365)["relation"], "victim");
}

#[test]
fn the_orion_compromise_reaches_mimecast_and_through_it_microsoft_365() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let answer = app.get(&format!(
            "/api/v1/incidents/{ORION_COMPROMISE}/blast-radius"
        ));
        assert_eq!(answer.status, 200, "[{}] {}", db.backend, answer.body);
        let view = answer.json();
        assert_eq!(view["root"]["slug"], ORION_COMPROMISE);
        assert_eq!(view["nodes"][0]["slug"], ORION_COMPROMISE);
        assert_eq!(view["nodes"][0]["hops"], 0);
        assert_eq!(
            node(&view, "product", "solarwinds-orion").unwrap()["hops"],
            0
        );
        assert_mimecast_and_m365(&view, db.backend);
        // Cisco NetFlow is not downstream of Orion.
        assert!(node(&view, "product", "cisco-netflow").is_none());
        // Dated as of the last day Mimecast used Orion: the same answer.
        let dated = app
            .get(&format!(
                "/api/v1/incidents/{ORION_COMPROMISE}/blast-radius?as_of=2021-03-16"
            ))
            .json();
        assert_eq!(dated["as_of"], "2021-03-16");
        assert_mimecast_and_m365(&dated, db.backend);
        assert_eq!(
            reached_by(&dated, node(&dated, "vendor", "mimecast").unwrap())["active"],
            true
        );
    }
}

#[test]
fn the_orion_product_agrees_with_the_incident_and_its_page_shows_the_graph() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let view = app
            .get("/api/v1/products/solarwinds-orion/blast-radius?as_of=2021-03-01")
            .json();
        assert_eq!(view["root"]["kind"], "product");
        assert_eq!(view["root"]["vendor"], "solarwinds");
        assert_mimecast_and_m365(&view, db.backend);
        let page = app.get("/products/solarwinds-orion/blast-radius?as_of=2021-03-01");
        assert_eq!(page.status, 200, "[{}] {}", db.backend, page.body);
        assert!(page.body.contains("<svg"));
        assert!(
            page.body
                .contains("<title id=\"blast-title\">Blast radius of SolarWinds Orion")
        );
        assert!(page.body.contains("<desc id=\"blast-desc\">"));
        assert!(page.body.contains("href=\"/vendors/mimecast\""));
        assert!(page.body.contains("Microsoft 365 (Office 365)"));
        assert!(
            page.body.contains("until 16 March 2021"),
            "dependency dates in the table"
        );
        assert!(page.body.contains("data-label=\"Path\""));
        assert_no_inline_style_or_script(&page.body);
    }
}

fn assert_no_inline_style_or_script(body: &str) {
    assert!(!body.contains("style="), "inline style attribute");
    assert!(!body.contains("<style"), "inline style element");
    assert!(!body.contains("<script"), "script");
}

#[test]
fn vendor_and_incident_pages_render_and_link_to_each_other() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        for path in [
            "/vendors/solarwinds/blast-radius",
            "/vendors/mimecast/blast-radius?as_of=2021-02-15",
            &format!("/incidents/{ORION_COMPROMISE}/blast-radius"),
            "/concentration?as_of=2021-03-16",
        ] {
            let page = app.get(path);
            assert_eq!(page.status, 200, "[{}] {path}: {}", db.backend, page.body);
            assert!(page.body.contains("<svg"), "{path}");
            assert!(page.body.contains("<title id="), "{path}: text alternative");
            assert!(page.body.contains("<desc id="), "{path}: text alternative");
            assert!(page.body.contains("data-label="), "{path}: tables");
            assert_no_inline_style_or_script(&page.body);
        }
        let solarwinds = app.get("/api/v1/vendors/solarwinds/blast-radius").json();
        assert_mimecast_and_m365(&solarwinds, db.backend);
        assert!(
            app.get("/vendors/mimecast")
                .body
                .contains("href=\"/vendors/mimecast/blast-radius\"")
        );
        assert!(
            app.get("/vendors/solarwinds")
                .body
                .contains("href=\"/products/solarwinds-orion/blast-radius\"")
        );
        assert!(
            app.get(&format!("/incidents/{ORION_COMPROMISE}"))
                .body
                .contains(&format!(
                    "href=\"/incidents/{ORION_COMPROMISE}/blast-radius\""
                ))
        );
        assert!(app.get("/").body.contains("href=\"/concentration\""));
    }
}

#[test]
fn before_a_dependency_began_nobody_is_reached_through_it() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let before = app
            .get("/api/v1/products/cisco-netflow/blast-radius?as_of=2021-03-01")
            .json();
        assert!(
            node(&before, "vendor", "mimecast").is_none(),
            "[{}] Mimecast began using NetFlow on 16 March 2021: {before}",
            db.backend
        );
        assert_eq!(before["edges"].as_array().map(Vec::len), Some(0));
        let after = app
            .get("/api/v1/products/cisco-netflow/blast-radius?as_of=2021-04-01")
            .json();
        let mimecast = node(&after, "vendor", "mimecast").expect("reached once begun");
        assert_eq!(mimecast["hops"], 1);
        let edge = reached_by(&after, mimecast);
        assert_eq!(edge["since"], "2021-03-16");
        assert_eq!(edge["active"], true);
        assert_eq!(edge["incidents"].as_array().map(Vec::len), Some(0));
        // Before anything was known of the compromise, Orion reaches Mimecast by dependency
        // only.
        let early = app
            .get("/api/v1/products/solarwinds-orion/blast-radius?as_of=2020-06-01")
            .json();
        assert!(node(&early, "vendor", "mimecast").is_some());
        assert!(node(&early, "product", "microsoft-365").is_none());
    }
}

#[test]
fn unknown_slugs_are_404_and_bad_dates_400() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        for path in [
            "/api/v1/vendors/nobody/blast-radius",
            "/api/v1/products/mimecast/blast-radius",
            "/api/v1/incidents/nothing/blast-radius",
        ] {
            let answer = app.get(path);
            assert_eq!(answer.status, 404, "[{}] {path}", db.backend);
            assert!(answer.content_type.starts_with("application/problem+json"));
            assert_eq!(answer.json()["status"], 404);
        }
        for path in [
            "/vendors/nobody/blast-radius",
            "/products/nothing/blast-radius",
            "/incidents/nothing/blast-radius",
        ] {
            let answer = app.get(path);
            assert_eq!(answer.status, 404, "[{}] {path}", db.backend);
            assert!(answer.content_type.starts_with("text/html"));
        }
        for path in [
            "/api/v1/vendors/mimecast/blast-radius?as_of=2021-02-30",
            "/api/v1/concentration?as_of=yesterday",
        ] {
            let answer = app.get(path);
            assert_eq!(answer.status, 400, "[{}] {path}", db.backend);
            assert!(answer.content_type.starts_with("application/problem+json"));
        }
        assert_eq!(app.get("/concentration?as_of=nope").status, 400);
        assert_eq!(
            app.get("/vendors/mimecast/blast-radius?as_of=nope").status,
            400
        );
    }
}

#[test]
fn concentration_lists_orion_and_cisco_with_their_consumers() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        // On 16 March 2021 Mimecast used both (the last day of one, the first of the other).
        let view = app.get("/api/v1/concentration?as_of=2021-03-16").json();
        assert_eq!(view["total_dependencies"], 2, "[{}] {view}", db.backend);
        assert_eq!(view["total_critical"], 2);
        for (kind, slug) in [
            ("products", "solarwinds-orion"),
            ("products", "cisco-netflow"),
            ("vendors", "solarwinds"),
            ("vendors", "cisco"),
        ] {
            let row = view[kind]
                .as_array()
                .expect("rows")
                .iter()
                .find(|r| r["slug"] == slug)
                .unwrap_or_else(|| panic!("[{}] {slug} missing: {view}", db.backend));
            assert_eq!(row["consumer_count"], 1, "{row}");
            assert_eq!(row["consumers"][0]["slug"], "mimecast");
            assert_eq!(row["critical_dependencies"], 1);
            assert_eq!(row["critical_share"], 0.5);
        }
        // Later, only NetFlow is in use.
        let later = app.get("/api/v1/concentration?as_of=2021-06-01").json();
        assert_eq!(later["total_dependencies"], 1);
        assert_eq!(later["products"][0]["slug"], "cisco-netflow");
        assert_eq!(later["products"][0]["critical_share"], 1.0);
        let page = app.get("/concentration?as_of=2021-03-16");
        assert!(page.body.contains("SolarWinds Orion"));
        assert!(page.body.contains("Cisco NetFlow"));
        assert!(page.body.contains("href=\"/vendors/mimecast\""));
    }
}

/// A large radius comes a page at a time: the start, then `limit` nodes beyond it. Walking the
/// cursors gives the whole radius once, in order; the page has a pager.
#[test]
fn a_radius_is_served_a_page_at_a_time() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let base = format!("/api/v1/incidents/{ORION_COMPROMISE}/blast-radius?as_of=2021-06-01");
        let whole = app.get(&format!("{base}&limit=500")).json();
        let all = whole["nodes"].as_array().expect("nodes").clone();
        assert_eq!(whole["total"].as_u64(), Some(all.len() as u64));
        assert!(
            all.len() > 3,
            "[{}] the seed reaches {}",
            db.backend,
            all.len()
        );
        assert_eq!(whole["next_cursor"], Value::Null);

        let mut walked = vec![all[0].clone()];
        let mut next = format!("{base}&limit=2");
        loop {
            let answer = app.get(&next);
            assert_eq!(
                answer.status, 200,
                "[{}] {next}: {}",
                db.backend, answer.body
            );
            let page = answer.json();
            let link = answer.header("link");
            assert_eq!(link.is_some(), !page["next_cursor"].is_null(), "{link:?}");
            let nodes = page["nodes"].as_array().expect("nodes");
            assert_eq!(nodes[0], all[0], "every page starts at the start");
            assert!(nodes.len() <= 3);
            assert_eq!(page["total"], whole["total"]);
            for n in &nodes[1..] {
                let edge = n["reached_by"].as_u64().map(|i| &page["edges"][i as usize]);
                if let Some(edge) = edge {
                    assert_eq!(
                        edge["to"]["slug"], n["slug"],
                        "reached_by is this page's edge"
                    );
                }
            }
            walked.extend(nodes[1..].iter().cloned());
            match page["next_cursor"].as_str() {
                Some(cursor) => next = format!("{base}&limit=2&cursor={cursor}"),
                None => break,
            }
        }
        let slugs = |nodes: &[Value]| -> Vec<String> {
            nodes
                .iter()
                .map(|n| format!("{}/{}", n["kind"], n["slug"]))
                .collect()
        };
        assert_eq!(slugs(&walked), slugs(&all), "[{}]", db.backend);

        assert_eq!(app.get(&format!("{base}&page=two")).status, 400);
        let paged = app.get(&format!(
            "/incidents/{ORION_COMPROMISE}/blast-radius?as_of=2021-06-01&page=2"
        ));
        assert_eq!(paged.status, 200, "[{}] {}", db.backend, paged.body);
        assert_eq!(
            app.get("/vendors/solarwinds/blast-radius?page=x").status,
            400
        );
    }
}

/// The server keeps the graph between requests; a new dependency is in the next answer.
#[test]
fn a_new_dependency_reaches_the_next_answer() {
    use trustkb::domain::Role;
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let path = "/api/v1/products/microsoft-365/blast-radius";
        let before = app.get(path).json();
        assert!(
            node(&before, "vendor", "cisco").is_none(),
            "[{}]",
            db.backend
        );
        let body = serde_json::json!({"product": "microsoft-365", "criticality": "medium"});
        let analyst = app.as_role(Role::Analyst);
        let created = app.send_json(
            "POST",
            "/api/v1/vendors/cisco/dependencies",
            &analyst,
            &body,
        );
        assert_eq!(created.status, 201, "[{}] {}", db.backend, created.body);
        let after = app.get(path).json();
        assert_eq!(
            node(&after, "vendor", "cisco").map(|n| n["hops"].clone()),
            Some(Value::from(1)),
            "[{}] {after}",
            db.backend
        );
        let page = app.get("/products/microsoft-365/blast-radius").body;
        assert!(page.contains("href=\"/vendors/cisco\""), "[{}]", db.backend);
    }
}

/// A large base's concentration comes a page at a time: walking the API's cursors gives
/// every product and vendor row once, most concentrated first; the page pages its two
/// tables apart, each pager keeping the other table's page.
#[test]
fn concentration_is_served_a_page_at_a_time() {
    use trustkb::config::ServeConfig;
    use trustkb::domain::audit::Actor;
    use trustkb::generate::{GenShape, generate_and_rescore};
    use trustkb::store::pack::progress::Quiet;

    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let config = ServeConfig::new(&db.url, "127.0.0.1:0").expect("config");
        let now = chrono::Utc::now().naive_utc();
        generate_and_rescore(
            &mut db.connect(),
            &Actor::system(),
            &GenShape::for_vendors(150),
            11,
            now,
            &config.scoring,
            &mut Quiet,
        )
        .expect("generated base");
        let whole = app.get("/api/v1/concentration?limit=500").json();
        let (products, vendors) = (&whole["products"], &whole["vendors"]);
        let count = |list: &Value| list.as_array().map_or(0, Vec::len);
        assert_eq!(
            whole["product_count"].as_u64(),
            Some(count(products) as u64)
        );
        assert_eq!(whole["vendor_count"].as_u64(), Some(count(vendors) as u64));
        assert!(count(products) > 50, "[{}] {}", db.backend, count(products));
        assert!(count(vendors) > 50, "[{}] {}", db.backend, count(vendors));
        for list in [products, vendors] {
            let keys: Vec<(u64, u64, u64)> = list
                .as_array()
                .expect("rows")
                .iter()
                .map(|r| {
                    let n = |f: &str| r[f].as_u64().unwrap_or_default();
                    (
                        n("critical_dependencies"),
                        n("consumer_count"),
                        n("transitive_count"),
                    )
                })
                .collect();
            assert!(
                keys.windows(2).all(|w| w[0] >= w[1]),
                "not most concentrated first"
            );
        }

        let mut walked: (Vec<Value>, Vec<Value>) = (Vec::new(), Vec::new());
        let mut path = "/api/v1/concentration?limit=40".to_owned();
        loop {
            let answer = app.get(&path);
            let page = answer.json();
            assert!(count(&page["products"]) <= 40 && count(&page["vendors"]) <= 40);
            // A Link header leads on, as on the lists.
            let link = answer.header("link");
            match page["next_cursor"].as_str() {
                Some(cursor) => assert!(link.is_some_and(|l| l.contains(cursor)), "{link:?}"),
                None => assert!(link.is_none(), "{link:?}"),
            }
            walked
                .0
                .extend(page["products"].as_array().cloned().unwrap_or_default());
            walked
                .1
                .extend(page["vendors"].as_array().cloned().unwrap_or_default());
            match page["next_cursor"].as_str() {
                Some(cursor) => path = format!("/api/v1/concentration?limit=40&cursor={cursor}"),
                None => break,
            }
        }
        assert_eq!(&Value::from(walked.0), products, "[{}]", db.backend);
        assert_eq!(&Value::from(walked.1), vendors, "[{}]", db.backend);

        let first = app.get("/concentration");
        assert!(
            first
                .body
                .contains("href=\"/concentration?product_page=2\""),
            "{}",
            first.body
        );
        assert!(
            first
                .body
                .contains("href=\"/concentration?supplier_page=2\"")
        );
        let later = app.get("/concentration?product_page=2&supplier_page=3");
        assert_eq!(later.status, 200);
        // Each table's pager keeps the other table where it is.
        assert!(
            later
                .body
                .contains("href=\"/concentration?supplier_page=3&#38;product_page=1\""),
        );
        assert!(
            later
                .body
                .contains("href=\"/concentration?product_page=2&#38;supplier_page=2\"")
        );
        let link = |row: &Value| {
            let slug = |f: &str| row[f].as_str().unwrap_or_default().to_owned();
            format!(
                "href=\"/vendors/{}#product-{}\"",
                slug("vendor"),
                slug("slug")
            )
        };
        assert!(later.body.contains(&link(&products[50])));
        // A product's supplier is named, not only linked, on every page.
        let supplier = &products[50]["supplier"];
        assert_eq!(supplier["slug"], products[50]["vendor"]);
        let named = format!(
            "href=\"/vendors/{}\">{}</a>",
            supplier["slug"].as_str().unwrap_or_default(),
            escaped(supplier["name"].as_str().unwrap_or_default())
        );
        assert!(later.body.contains(&named), "{named}");
        assert!(!later.body.contains(&link(&products[0])));
        assert_eq!(app.get("/concentration?product_page=two").status, 400);
    }
}

/// Text as askama escapes it in HTML.
fn escaped(text: &str) -> String {
    text.replace('&', "&#38;")
        .replace('<', "&#60;")
        .replace('>', "&#62;")
        .replace('"', "&#34;")
        .replace('\'', "&#39;")
}

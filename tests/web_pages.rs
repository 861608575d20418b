//! The server-rendered pages over the seeded knowledge base, on every backend under test.

mod common;

use common::{TestApp, TestDb};

/// The text of an HTML page with tags removed and entities decoded enough to search it.
fn text_of(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for ch in html.chars() {
        match ch {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
        .replace("&#x27;", "'")
}

fn page(app: &TestApp, path: &str) -> String {
    let answer = app.get(path);
    assert_eq!(answer.status, 200, "{path} on {}", app.backend);
    assert!(answer.content_type.starts_with("text/html"), "{path}");
    assert!(
        !answer.body.contains("src=\"http") && !answer.body.contains("href=\"//"),
        "no remote assets"
    );
    answer.body
}

#[test]
fn solarwinds_page_shows_the_orion_compromise_as_origin() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let html = page(&app, "/vendors/solarwinds");
        assert!(html.contains("href=\"/incidents/solarwinds-orion-supply-chain-compromise\""));
        assert!(html.contains("class=\"badge role-origin\">Origin</span>"));
        assert!(html.contains("SolarWinds Orion"));
    }
}

#[test]
fn mimecast_page_shows_dependency_incident_remediations_and_analysts() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let html = page(&app, "/vendors/mimecast");
        let text = text_of(&html);
        // The dependency on Orion, ended in March 2021, and its successor.
        assert!(text.contains("until 16 March 2021"), "{text}");
        assert!(html.contains("<span class=\"badge muted-badge\">ended</span>"));
        assert!(text.contains("Cisco NetFlow"));
        // Its incident, with the causal link shown on the incident page.
        assert!(html.contains("href=\"/incidents/mimecast-certificate-compromise-2021\""));
        let incident = page(&app, "/incidents/mimecast-certificate-compromise-2021");
        let cause_section = incident
            .split("id=\"causes\"")
            .nth(1)
            .expect("causes section");
        assert!(
            cause_section.contains("href=\"/incidents/solarwinds-orion-supply-chain-compromise\"")
        );
        // Remediations.
        for label in [
            "Drop a product",
            "Add monitoring",
            "Rebuild or replace servers",
            "Rotate credentials",
        ] {
            assert!(text.contains(label), "remediation {label} missing");
        }
        // Analyst quotes in French with firm and analyst, reachable from the vendor page of Orion.
        let solarwinds = text_of(&page(&app, "/vendors/solarwinds"));
        assert!(solarwinds.contains("Peter Firstbrook") && solarwinds.contains("Gartner"));
        assert!(solarwinds.contains("Alla Valente") && solarwinds.contains("Forrester"));
        assert!(
            solarwinds.contains("changer de fournisseur ne peut à lui seul restaurer la confiance")
        );
        assert!(solarwinds.contains("Il n’y avait aucune garantie"));
    }
}

#[test]
fn incident_page_has_timeline_involvements_and_citations() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let html = page(&app, "/incidents/mimecast-certificate-compromise-2021");
        assert!(html.contains("<time datetime=\"2021-03-16\">"));
        assert!(
            html.contains("<time datetime=\"2021-01\">January 2021</time>"),
            "month precision shown as such"
        );
        assert!(!html.contains("31 January 2021"), "no invented day");
        assert!(html.contains("role-conduit"));
        assert!(html.contains("href=\"/vendors/microsoft\""));
        assert!(html.contains("class=\"cites\""));
        let orion = page(&app, "/incidents/solarwinds-orion-supply-chain-compromise");
        let consequences = orion.split("Led to").nth(1).expect("consequences");
        assert!(consequences.contains("href=\"/incidents/mimecast-certificate-compromise-2021\""));
    }
}

#[test]
fn source_page_highlights_every_cited_excerpt() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let list = page(&app, "/sources");
        assert!(list.contains("href=\"/sources/1\""));
        let html = page(&app, "/sources/1");
        assert!(html.matches("<mark").count() > 10);
        assert!(html.contains("found verbatim in the text"));
        assert!(!html.contains("not found in the text"));
        assert!(html.contains("B2"));
    }
}

#[test]
fn lists_and_overview_render() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let home = text_of(&page(&app, "/"));
        assert!(
            home.contains("4  vendors") || home.contains("4 vendors"),
            "{home}"
        );
        let vendors = page(&app, "/vendors");
        for slug in ["mimecast", "solarwinds", "microsoft", "cisco"] {
            assert!(vendors.contains(&format!("href=\"/vendors/{slug}\"")));
        }
        let incidents = page(&app, "/incidents");
        assert_eq!(
            incidents.matches("href=\"/incidents/").count(),
            3,
            "three incidents"
        );
        assert_eq!(app.get("/static/app.css").status, 200);
    }
}

#[test]
fn the_stylesheet_is_linked_by_a_fingerprint_and_cached_for_a_year() {
    let db = TestDb::sqlite();
    let app = TestApp::spawn(&db);
    let home = page(&app, "/");
    let href = home
        .split("<link rel=\"stylesheet\" href=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a stylesheet link");
    let fingerprint = href
        .strip_prefix("/static/")
        .and_then(|rest| rest.strip_suffix("/app.css"))
        .expect("/static/{fingerprint}/app.css");
    assert_eq!(fingerprint.len(), 16, "{href}");
    assert!(fingerprint.chars().all(|c| c.is_ascii_hexdigit()), "{href}");
    let linked = app.get_anonymous(href);
    assert_eq!(linked.status, 200);
    assert!(linked.content_type.starts_with("text/css"));
    let cache = linked
        .header("cache-control")
        .unwrap_or_default()
        .to_owned();
    assert!(cache.contains("max-age=31536000"), "{cache}");
    assert!(cache.contains("immutable"), "{cache}");
    let plain = app.get_anonymous("/static/app.css");
    assert_eq!(
        plain.body, linked.body,
        "the same stylesheet under both names"
    );
    // A page from before an upgrade names an older fingerprint: today's stylesheet, not
    // kept.
    let stale = app.get_anonymous("/static/0000000000000000/app.css");
    assert_eq!(stale.status, 200);
    assert_eq!(stale.body, linked.body);
    assert_eq!(stale.header("cache-control"), Some("no-cache"));
}

#[test]
fn unknown_pages_are_html_404s() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        for path in [
            "/vendors/no-such-vendor",
            "/incidents/none",
            "/sources/424242",
            "/sources/x",
            "/nowhere",
        ] {
            let answer = app.get(path);
            assert_eq!(answer.status, 404, "{path}");
            assert!(answer.content_type.starts_with("text/html"), "{path}");
            assert!(answer.body.contains("404"), "{path}");
        }
        let bad = app.get("/vendors?page=abc");
        assert_eq!(bad.status, 400);
    }
}

/// A pack whose every text field holds markup; pages must show it as text.
const HOSTILE: &str = r#"
[pack]
name = "hostile"

[[sources]]
slug = "hostile-source"
title = "<script>alert('title')</script>"
publisher = "<img src=x onerror=alert(1)>"
language = "en"
reliability = "F"
credibility = 6
text = "Plain <script>alert('text')</script> and <b>bold</b> words."

[[categories]]
slug = "hostile-category"
name = "<script>alert('category')</script>"

[[vendors]]
slug = "hostile-vendor"
name = "<script>alert('vendor')</script>"
tier = "low"
status = "prospect"
description = "\"><script>alert('description')</script>"

[[vendors.citations]]
source = "hostile-source"
excerpt = "<script>alert('text')</script>"
locator = "<script>alert('locator')</script>"

[[products]]
slug = "hostile-product"
vendor = "hostile-vendor"
name = "<svg onload=alert(1)>"
category = "hostile-category"

[[incidents]]
slug = "hostile-incident"
title = "<script>alert('incident')</script>"
kind = "other"
severity = 1
threat_actor = "<script>alert('actor')</script>"
summary = "<iframe src=javascript:alert(1)></iframe>"

[[incidents.involvements]]
vendor = "hostile-vendor"
role = "victim"
description = "<script>alert('involvement')</script>"

[[incidents.timeline]]
on = 2024-01-02
title = "<script>alert('event')</script>"
"#;

#[test]
fn stored_markup_renders_inert_on_every_page() {
    use trustkb::store::pack::import::import_pack;
    use trustkb::store::pack::load_path;
    for db in TestDb::all() {
        let mut conn = db.connect();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("hostile.toml");
        std::fs::write(&path, HOSTILE).unwrap();
        let pack = load_path(&path).unwrap();
        import_pack(
            &mut conn,
            &trustkb::domain::audit::Actor::system(),
            &pack,
            chrono::Utc::now().naive_utc(),
        )
        .unwrap();
        let app = TestApp::spawn(&db);
        let source_id = app.get("/api/v1/sources").json()["items"][0]["id"]
            .as_i64()
            .unwrap();
        for path in [
            "/".to_owned(),
            "/vendors".to_owned(),
            "/vendors/hostile-vendor".to_owned(),
            "/incidents".to_owned(),
            "/incidents/hostile-incident".to_owned(),
            "/sources".to_owned(),
            format!("/sources/{source_id}"),
        ] {
            let html = page(&app, &path);
            assert!(
                !html.contains("<script"),
                "{path} lets a script tag through"
            );
            assert!(!html.contains("<img src=x"), "{path}");
            assert!(!html.contains("<svg onload"), "{path}");
            assert!(!html.contains("<iframe"), "{path}");
            assert!(!html.contains("<b>bold"), "{path}");
        }
        // Text typed in through accounts and curation: a token name, an edited vendor.
        let admin = app.as_role(trustkb::domain::Role::Admin);
        let analyst = app.as_role(trustkb::domain::Role::Analyst);
        let token = app.post_form(
            "/account/tokens",
            &admin,
            &[("name", "<script>alert('token')</script>")],
        );
        assert_eq!(token.status, 200, "{}", token.body);
        let edit = common::api::patch(
            &app,
            "/api/v1/vendors/hostile-vendor",
            &analyst,
            &serde_json::json!({"description": "<script>alert('edit')</script><img src=x onerror=alert(2)>"}),
        );
        assert_eq!(edit.status, 200, "{}", edit.body);
        for path in [
            "/account",
            "/admin/users",
            "/audit",
            "/audit?entity=vendor",
            "/vendors/hostile-vendor",
            "/vendors/hostile-vendor/edit",
            "/incidents/hostile-incident",
            &format!("/sources/{source_id}"),
        ] {
            let answer = app.get_as(path, &admin);
            assert_eq!(answer.status, 200, "{path}: {}", answer.body);
            let html = answer.body;
            assert!(
                !html.contains("<script"),
                "{path} lets a script tag through"
            );
            assert!(!html.contains("<img src=x"), "{path}");
            assert!(!html.contains("<svg onload"), "{path}");
            assert!(!html.contains("<iframe"), "{path}");
        }
        let vendor = page(&app, "/vendors/hostile-vendor");
        let decoded = vendor
            .replace("&#60;", "<")
            .replace("&lt;", "<")
            .replace("&#62;", ">")
            .replace("&gt;", ">")
            .replace("&#39;", "'")
            .replace("&#x27;", "'");
        assert!(
            decoded.contains("<script>alert('vendor')</script>"),
            "the markup is shown as text"
        );
    }
}

#[test]
fn vendor_pages_show_the_score_card_chart_and_contributions() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let april = page(&app, "/vendors/mimecast?as_of=2021-04-30");
        assert!(april.contains("id=\"trust\""));
        assert!(april.contains("<svg viewBox"), "history chart");
        assert!(
            april.contains("<title id=\"chart-title\">Trust score of Mimecast over time</title>")
        );
        assert!(april.contains("Why: every contribution"));
        assert!(april.contains("Origin in Mimecast certificate and credential compromise"));
        assert!(
            april.contains("value=\"2021-04-30\""),
            "the date form shows the date asked for"
        );
        let february = page(&app, "/vendors/mimecast?as_of=2021-02-15");
        assert!(
            february.contains("Depends on SolarWinds Orion"),
            "risk inherited while Orion was in use"
        );
        let score = |html: &str| -> f64 {
            let start =
                html.find("class=\"score-number\">").unwrap() + "class=\"score-number\">".len();
            html[start..].split('<').next().unwrap().parse().unwrap()
        };
        assert!(score(&february) < score(&april));
        let cisco = page(&app, "/vendors/cisco");
        assert!(cisco.contains("grade-unknown") && cisco.contains("No evidence about Cisco"));
        assert!(
            !cisco.contains("<svg viewBox"),
            "no chart for a subject never scored"
        );
        assert_eq!(app.get("/vendors/mimecast?as_of=yesterday").status, 400);
        let api = app.get("/api/v1/vendors/mimecast?as_of=2021-04-30").json();
        for key in [
            "score",
            "grade",
            "belief",
            "disbelief",
            "uncertainty",
            "model_version",
            "contributions",
        ] {
            assert!(api["trust"].get(key).is_some(), "trust.{key}");
        }
        assert!(api["products"][0]["trust"]["score"].is_number());
        assert_eq!(
            app.get("/api/v1/vendors/mimecast?as_of=2021-13-01").status,
            400
        );
    }
}

//! The JSON API over the seeded knowledge base, on every backend under test.

mod common;

use common::{TestApp, TestDb, article};
use serde_json::Value;

fn collect_citations(value: &Value, out: &mut Vec<(i64, String)>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::Array(list)) = map.get("citations") {
                for c in list {
                    let id = c["source_id"].as_i64().expect("source_id is a number");
                    let excerpt = c["excerpt"].as_str().expect("excerpt is text").to_owned();
                    out.push((id, excerpt));
                }
            }
            for v in map.values() {
                collect_citations(v, out);
            }
        }
        Value::Array(list) => list.iter().for_each(|v| collect_citations(v, out)),
        _ => {}
    }
}

#[test]
fn vendor_list_holds_the_four_seed_vendors() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let answer = app.get("/api/v1/vendors");
        assert_eq!(answer.status, 200, "{}", app.backend);
        assert!(answer.content_type.starts_with("application/json"));
        let json = answer.json();
        assert_eq!(json["total"], 4, "{}", app.backend);
        let mut slugs: Vec<&str> = json["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["slug"].as_str().unwrap())
            .collect();
        slugs.sort_unstable();
        assert_eq!(
            slugs,
            ["cisco", "microsoft", "mimecast", "solarwinds"],
            "{}",
            app.backend
        );

        let page = app.get("/api/v1/vendors?limit=2&page=2").json();
        assert_eq!(page["total"], 4);
        assert_eq!(page["items"].as_array().unwrap().len(), 2);
    }
}

#[test]
fn mimecast_detail_carries_its_story_with_citations() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let v = app.get("/api/v1/vendors/mimecast").json();
        assert_eq!(v["slug"], "mimecast");
        let orion = v["dependencies"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["product_slug"] == "solarwinds-orion")
            .expect("Mimecast depended on Orion");
        assert!(
            orion["until"].as_str().unwrap().starts_with("2021-"),
            "dependency on Orion ended in 2021"
        );
        assert!(!v["remediations"].as_array().unwrap().is_empty());
        let kinds: Vec<&str> = v["remediations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["kind"].as_str().unwrap())
            .collect();
        for kind in [
            "drop_product",
            "add_monitoring",
            "rebuild_servers",
            "rotate_credentials",
        ] {
            assert!(
                kinds.contains(&kind),
                "remediation {kind} missing: {kinds:?}"
            );
        }
        let firms: Vec<&str> = v["assessments"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|a| a["firm_name"].as_str())
            .collect();
        // Mimecast's page lists views on Mimecast and its products; the analysts spoke of Orion,
        // which appears on SolarWinds' page and in the incident.
        let orion_views = app.get("/api/v1/vendors/solarwinds").json();
        let all_firms: Vec<&str> = orion_views["assessments"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|a| a["firm_name"].as_str())
            .collect();
        assert!(
            all_firms.contains(&"Gartner") && all_firms.contains(&"Forrester"),
            "{all_firms:?} {firms:?}"
        );
        for a in orion_views["assessments"].as_array().unwrap() {
            assert_eq!(a["quote_language"], "fr");
            assert!(a["translation"].is_string());
            assert!(!a["citations"].as_array().unwrap().is_empty());
        }
        assert!(
            v["incidents"]
                .as_array()
                .unwrap()
                .iter()
                .any(|i| i["incident_slug"] == "mimecast-certificate-compromise-2021")
        );
        assert!(
            !v["citations"].as_array().unwrap().is_empty(),
            "the vendor itself is cited"
        );
    }
}

#[test]
fn every_cited_excerpt_is_verbatim_in_the_article() {
    let article = article();
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let mut citations = Vec::new();
        for slug in ["mimecast", "solarwinds", "microsoft", "cisco"] {
            collect_citations(
                &app.get(&format!("/api/v1/vendors/{slug}")).json(),
                &mut citations,
            );
        }
        let incidents = app.get("/api/v1/incidents").json();
        for i in incidents["items"].as_array().unwrap() {
            let slug = i["slug"].as_str().unwrap();
            collect_citations(
                &app.get(&format!("/api/v1/incidents/{slug}")).json(),
                &mut citations,
            );
        }
        assert!(
            citations.len() > 40,
            "only {} citations found",
            citations.len()
        );
        for (source_id, excerpt) in &citations {
            assert!(
                article.contains(excerpt.as_str()),
                "not verbatim: {excerpt}"
            );
            let source = app.get(&format!("/api/v1/sources/{source_id}"));
            assert_eq!(source.status, 200);
        }
    }
}

#[test]
fn incidents_list_and_causal_chain() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let list = app.get("/api/v1/incidents").json();
        assert_eq!(list["total"], 3);
        let orion = app
            .get("/api/v1/incidents/solarwinds-orion-supply-chain-compromise")
            .json();
        assert!(
            orion["involvements"]
                .as_array()
                .unwrap()
                .iter()
                .any(|i| i["vendor_slug"] == "solarwinds" && i["role"] == "origin")
        );
        assert!(
            orion["consequences"]
                .as_array()
                .unwrap()
                .iter()
                .any(|c| c["incident_slug"] == "mimecast-certificate-compromise-2021")
        );
        let mimecast = app
            .get("/api/v1/incidents/mimecast-certificate-compromise-2021")
            .json();
        assert!(
            mimecast["causes"]
                .as_array()
                .unwrap()
                .iter()
                .any(|c| c["incident_slug"] == "solarwinds-orion-supply-chain-compromise")
        );
        assert!(
            mimecast["timeline"]
                .as_array()
                .unwrap()
                .iter()
                .any(|e| e["occurred_on"] == "2021-03-16")
        );
        // "en janvier": known to the month only, and said so.
        assert_eq!(mimecast["disclosed_on"], "2021-01");
        assert!(
            mimecast["timeline"]
                .as_array()
                .unwrap()
                .iter()
                .any(|e| e["occurred_on"] == "2021-01")
        );
        let microsoft = app
            .get("/api/v1/incidents/microsoft-source-code-viewed-2020")
            .json();
        assert_eq!(microsoft["disclosed_on"], "2020-12-31");
    }
}

#[test]
fn unknown_records_and_bad_queries_get_problem_documents() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        for path in [
            "/api/v1/vendors/no-such-vendor",
            "/api/v1/incidents/nope",
            "/api/v1/sources/999999",
            "/api/v1/sources/abc",
            "/api/v1/nothing-here",
        ] {
            let answer = app.get(path);
            assert_eq!(answer.status, 404, "{path}");
            assert_eq!(answer.content_type, "application/problem+json", "{path}");
            assert_eq!(answer.json()["status"], 404);
        }
        let missing = app.get("/api/v1/vendors/no-such-vendor").json();
        assert_eq!(missing["detail"], "vendor \"no-such-vendor\" not found");
        for path in [
            "/api/v1/vendors?limit=abc",
            "/api/v1/vendors?limit=0",
            "/api/v1/vendors?page=0",
            "/api/v1/vendors?offset=1",
            "/api/v1/vendors?colour=red",
        ] {
            let answer = app.get(path);
            assert_eq!(answer.status, 400, "{path}");
            assert_eq!(answer.content_type, "application/problem+json", "{path}");
        }
    }
}

#[test]
fn readiness_check_names_the_backend() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let answer = app.get("/readyz");
        assert_eq!(answer.status, 200);
        assert_eq!(answer.json()["backend"], db.backend);
    }
}

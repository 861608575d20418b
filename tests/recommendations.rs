//! Recommendations on the seed case and on a made-up second pack, through the command line,
//! the JSON API and the pages, on every backend under test.

mod common;

use common::{TestApp, TestDb};
use serde_json::Value;
use std::process::{Command, Output};

fn trustkb(db: &TestDb, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_trustkb"))
        .args(args)
        .env("TRUSTKB_DATABASE_URL", &db.url)
        .env("TRUSTKB_LOG", "warn")
        .env_remove("TRUSTKB_SCORING_CONFIG")
        .env_remove("TRUSTKB_RECOMMENDATION_CONFIG")
        .output()
        .expect("run trustkb")
}

fn ok(db: &TestDb, args: &[&str]) -> String {
    let out = trustkb(db, args);
    assert!(
        out.status.success(),
        "[{}] {args:?}: {}",
        db.backend,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

fn json(db: &TestDb, args: &[&str]) -> Value {
    serde_json::from_str(&ok(db, args)).expect("JSON output")
}

fn recommend(db: &TestDb, as_of: &str) -> Vec<Value> {
    let v = json(db, &["recommend", "--as-of", as_of, "--format", "json"]);
    v.as_array().expect("a list").clone()
}

fn of<'v>(list: &'v [Value], slug: &str) -> &'v Value {
    list.iter()
        .find(|r| r["product"] == slug)
        .unwrap_or_else(|| panic!("{slug} missing from {list:#?}"))
}

fn one(db: &TestDb, slug: &str, as_of: &str) -> Value {
    let v = json(
        db,
        &[
            "recommend",
            "--product",
            slug,
            "--as-of",
            as_of,
            "--format",
            "json",
        ],
    );
    v.as_array().expect("a list")[0].clone()
}

fn decision(r: &Value) -> &str {
    r["decision"].as_str().expect("decision")
}

fn replace_or_controls(r: &Value) -> bool {
    matches!(decision(r), "replace" | "retain_with_controls")
}

fn control_keys(r: &Value) -> Vec<String> {
    r["controls"]
        .as_array()
        .expect("controls")
        .iter()
        .map(|c| c["key"].as_str().expect("key").to_owned())
        .collect()
}

fn alternative_slugs(r: &Value) -> Vec<String> {
    r["alternatives"]
        .as_array()
        .expect("alternatives")
        .iter()
        .map(|a| a["product"].as_str().expect("slug").to_owned())
        .collect()
}

#[test]
fn seed_case_orion_before_and_after_the_analysts_spoke() {
    for db in TestDb::all() {
        ok(&db, &["seed"]);
        // 15 February 2021: Mimecast still uses Orion; no analyst view is published yet.
        let feb = recommend(&db, "2021-02-15");
        let orion = of(&feb, "solarwinds-orion");
        assert!(replace_or_controls(orion), "{orion:#}");
        assert_eq!(orion["in_use"], true);
        assert!(orion["assessments"].as_array().unwrap().is_empty());
        assert!(orion["rule"].as_str().is_some_and(|r| !r.is_empty()));
        assert!(!orion["reasons"].as_array().unwrap().is_empty());
        assert!(
            feb.iter().all(|r| r["product"] != "cisco-netflow"),
            "not used yet"
        );

        // 31 March 2021: the decision holds, with NetFlow, controls and both analysts.
        let mar = recommend(&db, "2021-03-31");
        let orion = of(&mar, "solarwinds-orion");
        assert!(replace_or_controls(orion), "{orion:#}");
        assert!(alternative_slugs(orion).contains(&"cisco-netflow".to_owned()));
        let alt = &orion["alternatives"][0];
        assert_eq!(alt["rank"], 1);
        for criterion in ["trust", "certainty", "analysts", "exposure"] {
            assert!(alt["criteria"][criterion].is_number(), "{criterion}");
        }
        assert!(alt["total"].is_number());
        let keys = control_keys(orion);
        assert!(keys.contains(&"rotate-credentials".to_owned()), "{keys:?}");
        assert!(keys.contains(&"rebuild-servers".to_owned()), "{keys:?}");
        for c in orion["controls"].as_array().unwrap() {
            assert!(!c["control"].as_str().unwrap().is_empty());
            assert!(!c["rationale"].as_str().unwrap().is_empty());
        }
        let rotate = orion["controls"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["key"] == "rotate-credentials")
            .unwrap();
        assert!(
            !rotate["citations"].as_array().unwrap().is_empty(),
            "Mimecast's recorded remediation is cited"
        );
        if decision(orion) == "replace" {
            assert!(
                orion["controls"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|c| c["transition"] == true)
            );
        }
        let views = orion["assessments"].as_array().unwrap();
        let firms: Vec<&str> = views.iter().map(|a| a["firm"].as_str().unwrap()).collect();
        assert!(
            firms.contains(&"Gartner") && firms.contains(&"Forrester"),
            "{firms:?}"
        );
        for a in views {
            assert!(a["date"].as_str().unwrap().starts_with("2021-03"));
            assert_eq!(a["language"], "fr");
            assert!(a["quote"].as_str().unwrap().len() > 20);
            assert!(a["translation"].is_string());
            assert!(a["agrees"].is_boolean());
            assert!(!a["citations"].as_array().unwrap().is_empty());
        }
        let gartner = views.iter().find(|a| a["firm"] == "Gartner").unwrap();
        assert_eq!(gartner["agrees"], decision(orion) == "replace");

        // Cisco's product is never to be replaced.
        for date in [
            "2020-06-01",
            "2021-02-15",
            "2021-03-31",
            "2021-04-30",
            "2022-01-01",
        ] {
            let cisco = one(&db, "cisco-netflow", date);
            assert_ne!(decision(&cisco), "replace", "{date}");
            assert_ne!(
                decision(&cisco),
                "retain",
                "unknown is never retained ({date})"
            );
            if date >= "2021-01-01" {
                // Once the compromise is known, Orion is no way out for NetFlow users.
                assert!(!alternative_slugs(&cisco).contains(&"solarwinds-orion".to_owned()));
            }
        }
        assert_eq!(decision(of(&mar, "cisco-netflow")), "monitor");

        // A product nobody uses any more still answers when asked for.
        let later = one(&db, "solarwinds-orion", "2022-01-01");
        assert_eq!(later["in_use"], false);
        assert!(replace_or_controls(&later), "{later:#}");
        assert!(
            recommend(&db, "2022-01-01")
                .iter()
                .all(|r| r["product"] != "solarwinds-orion")
        );

        // Unknown product: a clear error and a non-zero exit.
        let bad = trustkb(&db, &["recommend", "--product", "no-such-product"]);
        assert!(!bad.status.success());
        let err = String::from_utf8_lossy(&bad.stderr);
        assert!(err.contains("unknown product \"no-such-product\""), "{err}");

        // The table names the decision and the rule for each product.
        let table = ok(&db, &["recommend", "--as-of", "2021-03-31"]);
        assert!(
            table.contains("SolarWinds Orion (solarwinds-orion)"),
            "{table}"
        );
        assert!(table.contains(&format!("Decision: {}", decision(orion))));
        assert!(table.contains("Peter Firstbrook (Gartner)"));
    }
}

#[test]
fn api_and_pages_give_the_same_decision_as_the_command() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let cli = one(&db, "solarwinds-orion", "2021-03-31");
        let list = app.get("/api/v1/recommendations?as_of=2021-03-31");
        assert_eq!(list.status, 200, "{}", list.body);
        let list = list.json();
        let items = list["items"].as_array().unwrap();
        let orion = of(items, "solarwinds-orion");
        assert_eq!(orion["decision"], cli["decision"]);
        assert_eq!(orion["rule"], cli["rule"]);
        // A page at a time, in the same order: two pages of one make the list's first two.
        let total = list["total"].as_i64().unwrap();
        assert_eq!(
            total,
            items.len() as i64,
            "[{}] one page holds all",
            db.backend
        );
        assert!(total >= 2, "the seed case uses several products");
        let first = app
            .get("/api/v1/recommendations?as_of=2021-03-31&limit=1")
            .json();
        assert_eq!(first["total"], total);
        assert_eq!(first["items"].as_array().unwrap().len(), 1);
        assert_eq!(first["items"][0]["product"], items[0]["product"]);
        let cursor = first["next_cursor"].as_str().unwrap();
        let second = app
            .get(&format!(
                "/api/v1/recommendations?as_of=2021-03-31&limit=1&cursor={cursor}"
            ))
            .json();
        assert_eq!(second["items"][0]["product"], items[1]["product"]);
        assert_eq!(
            app.get("/api/v1/recommendations?limit=0").status,
            400,
            "a limit out of range is refused"
        );
        let single = app.get("/api/v1/products/solarwinds-orion/recommendation?as_of=2021-03-31");
        assert_eq!(single.status, 200);
        assert_eq!(single.json(), cli, "[{}] API and command agree", db.backend);
        let missing = app.get("/api/v1/products/no-such-product/recommendation");
        assert_eq!(missing.status, 404);
        assert!(missing.content_type.starts_with("application/problem+json"));
        let bad_date = app.get("/api/v1/recommendations?as_of=yesterday");
        assert_eq!(bad_date.status, 400);

        let label = match cli["decision"].as_str().unwrap() {
            "replace" => "Replace",
            _ => "Retain with controls",
        };
        let page = app.get("/recommendations?as_of=2021-03-31");
        assert_eq!(page.status, 200);
        assert!(page.body.contains("SolarWinds Orion"));
        // Fifty a page: the seed case fits on the first; the second lists none of it.
        let beyond = app.get("/recommendations?as_of=2021-03-31&page=2");
        assert_eq!(beyond.status, 200);
        assert!(!beyond.body.contains("SolarWinds Orion"));
        assert_eq!(app.get("/recommendations?page=two").status, 400);
        assert!(page.body.contains(label));
        assert!(
            page.body
                .contains("href=\"/products/solarwinds-orion/recommendation?as_of=2021-03-31\"")
        );
        assert!(
            page.body
                .contains("href=\"/recommendations\">Recommendations</a>"),
            "nav link"
        );
        let show = app.get("/products/solarwinds-orion/recommendation?as_of=2021-03-31");
        assert_eq!(show.status, 200);
        for text in [
            label,
            "Cisco NetFlow",
            "Peter Firstbrook (Gartner)",
            "Alla Valente (Forrester)",
            "changer de fournisseur ne peut à lui seul restaurer la confiance",
            "changing vendors cannot by itself restore trust",
            "Disagrees with the decision",
            "data-label=\"Certainty\"",
            "name=\"as_of\" value=\"2021-03-31\"",
        ] {
            assert!(
                show.body.contains(text),
                "[{}] page lacks {text}",
                db.backend
            );
        }
        for html in [&page.body, &show.body] {
            assert!(!html.contains("<script"), "no script");
            assert!(!html.contains(" style="), "no inline style");
        }
        assert_eq!(
            app.get("/products/no-such-product/recommendation").status,
            404
        );
        let vendor = app.get("/vendors/solarwinds");
        assert!(
            vendor
                .body
                .contains("href=\"/products/solarwinds-orion/recommendation\"")
        );
    }
}

/// A made-up case with another vendor, category and incident kind: a payroll service hit by
/// ransomware, one clean competitor and one that depends on the compromised service.
const SECOND_PACK: &str = r#"
[pack]
name = "test-payroll-ransomware"
description = "Fictitious: a payroll service hit by ransomware."

[[categories]]
slug = "payroll"
name = "Payroll"

[[vendors]]
slug = "nimbus"
name = "Nimbus Payroll Ltd"
tier = "critical"
status = "active"

[[vendors]]
slug = "ledgerly"
name = "Ledgerly"
tier = "medium"
status = "prospect"

[[vendors]]
slug = "crescent"
name = "Crescent HR"
tier = "medium"
status = "prospect"

[[products]]
slug = "nimbus-payroll"
vendor = "nimbus"
name = "Nimbus Payroll"
category = "payroll"

[[products]]
slug = "ledgerly-payroll"
vendor = "ledgerly"
name = "Ledgerly Payroll"
category = "payroll"

[[products]]
slug = "crescent-payroll"
vendor = "crescent"
name = "Crescent Payroll"
category = "payroll"

[[dependencies]]
consumer = "@organisation"
product = "nimbus-payroll"
since = 2021-01-01
criticality = "critical"
purpose = "Monthly payroll."

[[dependencies]]
consumer = "crescent"
product = "nimbus-payroll"
since = 2021-06-01
criticality = "high"
purpose = "Crescent resells Nimbus' payroll engine."

[[incidents]]
slug = "crescent-ransomware-2022"
title = "Crescent HR ransomware"
kind = "ransomware"
severity = 2
disclosed_on = 2022-05-01
summary = "A small ransomware attack on Crescent's office network."

[[incidents.involvements]]
vendor = "crescent"
role = "origin"

[[incidents]]
slug = "nimbus-ransomware-2023"
title = "Nimbus payroll ransomware"
kind = "ransomware"
severity = 5
disclosed_on = 2023-02-10
summary = "Ransomware encrypted Nimbus' payroll platform for a week."

[[incidents.involvements]]
vendor = "nimbus"
product = "nimbus-payroll"
role = "origin"

[[remediations]]
slug = "crescent-rebuilds"
vendor = "crescent"
incident = "crescent-ransomware-2022"
kind = "rebuild_servers"
taken_on = 2022-05-20
description = "Rebuilt its office servers from clean images."

[[analyst_firms]]
slug = "example-research"
name = "Example Research"

[[analysts]]
slug = "jane-roe"
name = "Jane Roe"
firm = "example-research"

[[assessments]]
slug = "roe-nimbus-2023"
analyst = "jane-roe"
vendor = "nimbus"
assessed_on = 2023-02-20
stance = "strongly-disagree"
favoured_action = "replace"
quote = "Nimbus-Kunden sollten wechseln."
quote_language = "de"
translation = "Nimbus customers should switch."
translation_language = "en"
"#;

#[test]
fn a_second_made_up_pack_gets_sensible_answers_without_code_changes() {
    for db in TestDb::all() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("payroll.toml");
        std::fs::write(&path, SECOND_PACK).unwrap();
        ok(&db, &["import", path.to_str().unwrap()]);

        // Before the incident: nothing against Nimbus, but too little known to retain it.
        let before = one(&db, "nimbus-payroll", "2022-12-31");
        assert_eq!(decision(&before), "monitor", "{before:#}");

        let list = recommend(&db, "2023-03-01");
        let nimbus = of(&list, "nimbus-payroll");
        assert_eq!(decision(nimbus), "replace", "{nimbus:#}");
        assert_eq!(nimbus["criticality"], "critical");
        let alternatives = alternative_slugs(nimbus);
        assert_eq!(alternatives[0], "ledgerly-payroll", "{nimbus:#}");
        let crescent = nimbus["alternatives"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["product"] == "crescent-payroll")
            .expect("Crescent is penalised, not excluded");
        assert_eq!(crescent["criteria"]["exposure"], 1.0);
        let keys = control_keys(nimbus);
        for key in [
            "offline-backups",
            "rebuild-servers",
            "transition-plan",
            "vet-replacement",
        ] {
            assert!(keys.contains(&key.to_owned()), "{key} in {keys:?}");
        }
        let rebuild = nimbus["controls"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["key"] == "rebuild-servers")
            .unwrap();
        assert!(
            rebuild["precedents"][0]
                .as_str()
                .unwrap()
                .contains("Crescent HR"),
            "a remediation recorded after a similar incident: {rebuild:#}"
        );
        let view = &nimbus["assessments"][0];
        assert_eq!(view["language"], "de");
        assert_eq!(view["agrees"], true);
        assert_eq!(view["translation"], "Nimbus customers should switch.");
        // Crescent uses Nimbus too: it is in the portfolio, as a consumer's dependency.
        assert!(list.iter().all(|r| r["product"] != "ledgerly-payroll"));
        let ledgerly = one(&db, "ledgerly-payroll", "2023-03-01");
        assert_eq!(decision(&ledgerly), "monitor");
        assert!(!alternative_slugs(&ledgerly).contains(&"nimbus-payroll".to_owned()));
    }
}

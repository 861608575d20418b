//! Trust scores of the real seed case on every backend: the orderings the issue names,
//! bounds, Cisco's uncertainty, and `trustkb score --format json` as a user runs it.

mod common;

use common::TestDb;
use std::collections::BTreeMap;
use trustkb::domain::scoring::ScoringConfig;
use trustkb::store::pack::embedded::seed_pack;
use trustkb::store::pack::seed::{import_time, seed};
use trustkb::store::queries::scores::{ScoreLine, score_knowledge_base};

/// A database holding the seed, scored as seeding does.
fn seeded(db: &TestDb) -> trustkb::store::DbConnection {
    let mut conn = db.connect();
    seed(
        &mut conn,
        &trustkb::domain::audit::Actor::system(),
        &seed_pack().unwrap(),
        import_time(),
        &ScoringConfig::default(),
    )
    .unwrap();
    conn
}

fn date(text: &str) -> chrono::NaiveDate {
    text.parse().unwrap()
}

fn vendor_lines(db: &TestDb, as_of: &str) -> BTreeMap<String, ScoreLine> {
    let mut conn = db.connect();
    let scored = score_knowledge_base(&mut conn, date(as_of), &ScoringConfig::default()).unwrap();
    scored
        .lines(None, false)
        .into_iter()
        .filter(|l| l.kind == "vendor")
        .map(|l| (l.slug.clone(), l))
        .collect()
}

#[test]
fn seed_case_scores_follow_the_story() {
    for db in TestDb::all() {
        seeded(&db);
        let april = vendor_lines(&db, "2021-04-30");
        let february = vendor_lines(&db, "2021-02-15");
        for lines in [&april, &february] {
            assert_eq!(lines.len(), 4);
            for l in lines.values() {
                assert!((0.0..=100.0).contains(&l.score), "{l:?}");
            }
        }
        assert!(
            april["solarwinds"].score < april["mimecast"].score,
            "as of 2021-04-30 SolarWinds scores below Mimecast"
        );
        assert!(
            february["mimecast"].score < april["mimecast"].score,
            "Mimecast's remediations count by April"
        );
        for as_of in [&april, &february] {
            let cisco = as_of["cisco"].uncertainty;
            assert!(
                as_of.values().all(|l| l.uncertainty <= cisco),
                "Cisco, with no incidents, is the most uncertain"
            );
            assert!(as_of["cisco"].unknown);
            assert_eq!(as_of["cisco"].score, 50.0);
        }
        // Before anything was known, everyone is unknown.
        let before = vendor_lines(&db, "2020-06-01");
        assert!(
            before.values().all(|l| l.unknown && l.score == 50.0),
            "{before:?}"
        );
    }
}

#[test]
fn mimecast_explanation_shows_every_contribution() {
    for db in TestDb::all() {
        let mut conn = seeded(&db);
        let scored =
            score_knowledge_base(&mut conn, date("2021-02-15"), &ScoringConfig::default()).unwrap();
        let mimecast = scored.find("vendor", "mimecast").unwrap();
        let labels: Vec<&str> = mimecast
            .contributions
            .iter()
            .map(|c| c.label.as_str())
            .collect();
        assert!(
            labels.iter().any(|l| l.starts_with("Origin in Mimecast")),
            "{labels:?}"
        );
        assert!(
            labels
                .iter()
                .any(|l| l.starts_with("Depends on SolarWinds Orion")),
            "risk inherited from Orion while in use: {labels:?}"
        );
        let total: f64 = mimecast
            .contributions
            .iter()
            .map(|c| c.weight * if c.positive { 1.0 } else { -1.0 })
            .sum();
        assert!(
            (total - (mimecast.evidence.positive - mimecast.evidence.negative)).abs() < 1e-9,
            "the lines add up to the evidence"
        );
        let origin = mimecast
            .contributions
            .iter()
            .find(|c| c.label.starts_with("Origin"))
            .unwrap();
        assert!(origin.effect < 0.0 && !origin.citations.is_empty());
        let april =
            score_knowledge_base(&mut conn, date("2021-04-30"), &ScoringConfig::default()).unwrap();
        let later = april.find("vendor", "mimecast").unwrap();
        assert!(
            later
                .contributions
                .iter()
                .all(|c| !c.label.starts_with("Depends on SolarWinds Orion")),
            "the dependency ended in March 2021"
        );
        assert!(
            later.contributions.iter().filter(|c| c.positive).count() >= 5,
            "remediations count"
        );
    }
}

#[test]
fn score_command_prints_json_and_tables() {
    for db in TestDb::all() {
        let run = |args: &[&str]| {
            std::process::Command::new(env!("CARGO_BIN_EXE_trustkb"))
                .args(args)
                .env("TRUSTKB_DATABASE_URL", &db.url)
                .env("TRUSTKB_LOG", "warn")
                .output()
                .unwrap()
        };
        assert!(run(&["seed"]).status.success());
        let out = run(&["score", "--as-of", "2021-04-30", "--format", "json"]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let items = list.as_array().unwrap();
        assert_eq!(items.len(), 8, "four vendors and four products");
        for item in items {
            for key in ["slug", "kind", "score", "grade", "uncertainty"] {
                assert!(item.get(key).is_some(), "{key} missing in {item}");
            }
            assert!(["vendor", "product"].contains(&item["kind"].as_str().unwrap()));
        }
        let table = run(&[
            "score",
            "--as-of",
            "2021-02-15",
            "--vendor",
            "mimecast",
            "--explain",
        ]);
        let text = String::from_utf8_lossy(&table.stdout);
        assert!(
            text.contains("mimecast") && text.contains("Depends on SolarWinds Orion"),
            "{text}"
        );
        assert!(
            !text.contains("solarwinds-orion "),
            "only Mimecast and its products: {text}"
        );
        let bad = run(&["score", "--as-of", "15/02/2021"]);
        assert_eq!(bad.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&bad.stderr).contains("YYYY-MM-DD"));
        let unknown = run(&["score", "--vendor", "nobody"]);
        assert!(!unknown.status.success());
        assert!(String::from_utf8_lossy(&unknown.stderr).contains("unknown vendor \"nobody\""));
    }
}

#[test]
fn imports_rewrite_the_score_snapshots_in_the_same_transaction() {
    use diesel::prelude::*;
    use trustkb::store::schema::score_snapshots;
    for db in TestDb::all() {
        let mut conn = seeded(&db);
        let count: i64 = score_snapshots::table
            .count()
            .get_result(&mut conn)
            .unwrap();
        assert_eq!(count, 8, "four vendors and four products scored on import");
        let app = common::TestApp::spawn(&db);
        let list = app.get("/api/v1/vendors").json();
        for v in list["items"].as_array().unwrap() {
            assert!(v["trust"]["score"].is_number(), "{v}");
        }
        let cisco = list["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|v| v["slug"] == "cisco")
            .unwrap();
        assert_eq!(cisco["trust"]["unknown"], true);
        let html = app.get("/vendors").body;
        assert!(html.contains("data-label=\"Trust\""));
    }
}

//! The documentation cannot drift: the worked examples and defaults of docs/scoring.md and
//! docs/recommendations.md are the output of the commands they name, on a seeded database.

mod common;

use common::TestDb;
use std::process::Command;

fn trustkb(db: &TestDb, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_trustkb"))
        .args(args)
        .env("TRUSTKB_DATABASE_URL", &db.url)
        .env("TRUSTKB_LOG", "warn")
        .env_remove("TRUSTKB_SCORING_CONFIG")
        .env_remove("TRUSTKB_RECOMMENDATION_CONFIG")
        .output()
        .expect("run trustkb");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// The fenced block that follows `marker` in `doc`.
fn block_after<'d>(doc: &'d str, marker: &str) -> &'d str {
    let rest = &doc[doc
        .find(marker)
        .unwrap_or_else(|| panic!("{marker} missing"))
        + marker.len()..];
    let start = rest.find("```").expect("opening fence");
    let body = &rest[start..];
    let body = &body[body.find('\n').expect("fence line") + 1..];
    &body[..body.find("```").expect("closing fence")]
}

#[test]
fn scoring_doc_matches_what_the_code_prints() {
    let doc =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/scoring.md")).unwrap();
    let db = TestDb::sqlite();
    trustkb(&db, &["seed"]);
    let mut checked = 0;
    for (i, _) in doc.match_indices("<!-- worked-example:") {
        let line = &doc[i..doc[i..].find("-->").map(|e| i + e).expect("marker end")];
        let args: Vec<&str> = line
            .trim_start_matches("<!-- worked-example:")
            .split_whitespace()
            .collect();
        let printed = trustkb(&db, &args);
        let marker = &doc[i..i + line.len() + 3];
        assert_eq!(
            block_after(&doc, marker),
            printed,
            "docs/scoring.md is stale for `trustkb {}`",
            args.join(" ")
        );
        checked += 1;
    }
    assert!(checked >= 3, "worked examples found: {checked}");
    let defaults = trustkb(&db, &["score", "--print-config"]);
    assert_eq!(
        block_after(&doc, "<!-- scoring-defaults:begin -->"),
        defaults,
        "the defaults in docs/scoring.md are stale"
    );
}

#[test]
fn security_doc_lists_every_route_with_its_permission() {
    use trustkb::web::routes::{ROUTES, Verb};
    let doc =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/security.md")).unwrap();
    let rows: Vec<&str> = doc
        .lines()
        .filter(|l| {
            ["| GET", "| POST", "| PATCH", "| DELETE"]
                .iter()
                .any(|verb| l.starts_with(verb))
        })
        .collect();
    for route in ROUTES.iter() {
        let method = match route.verb {
            Verb::Get => "GET",
            Verb::Post => "POST",
            Verb::Patch => "PATCH",
            Verb::Delete => "DELETE",
        };
        let permission = serde_json::to_value(route.permission).unwrap();
        let row = format!(
            "| {method} | `{}` | {} |",
            route.path,
            permission.as_str().unwrap()
        );
        assert!(
            rows.contains(&row.as_str()),
            "docs/security.md lacks the row {row}"
        );
    }
    assert_eq!(
        rows.len(),
        ROUTES.len(),
        "docs/security.md lists routes the app does not have"
    );
}

#[test]
fn recommendations_doc_matches_what_the_code_prints() {
    let doc = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/docs/recommendations.md"
    ))
    .unwrap();
    let db = TestDb::sqlite();
    trustkb(&db, &["seed"]);
    let mut checked = 0;
    for (i, _) in doc.match_indices("<!-- recommend-example:") {
        let line = &doc[i..doc[i..].find("-->").map(|e| i + e).expect("marker end")];
        let args: Vec<&str> = line
            .trim_start_matches("<!-- recommend-example:")
            .split_whitespace()
            .collect();
        let printed = trustkb(&db, &args);
        let marker = &doc[i..i + line.len() + 3];
        assert_eq!(
            block_after(&doc, marker),
            printed,
            "docs/recommendations.md is stale for `trustkb {}`",
            args.join(" ")
        );
        checked += 1;
    }
    assert!(checked >= 2, "worked examples found: {checked}");
    let defaults = trustkb(&db, &["recommend", "--print-config"]);
    assert_eq!(
        block_after(&doc, "<!-- recommendation-defaults:begin -->"),
        defaults,
        "the defaults in docs/recommendations.md are stale"
    );
    // The rule table lists every rule of the code, in order.
    for (n, rule) in trustkb::domain::recommend::RULES.iter().enumerate() {
        let row = format!("| {} | `{}` | {} |", n + 1, rule.name, rule.when);
        assert!(doc.contains(&row), "docs/recommendations.md lacks {row}");
    }
}

//! Curation test support: audit records read through /api/v1/audit, scores through
//! /api/v1/vendors/{slug}, row counts that a refused form must leave as they were, today.

use super::{Answer, TestApp, TestDb};
use diesel::RunQueryDsl;
use serde_json::Value;
use trustkb::domain::Role;

/// Today's date (UTC), as forms take it: `YYYY-MM-DD`.
pub fn today() -> String {
    chrono::Utc::now()
        .date_naive()
        .format("%Y-%m-%d")
        .to_string()
}

/// `GET /api/v1/audit?{query}&limit=500` as an analyst: the items.
pub fn audit_items(app: &TestApp, query: &str) -> Vec<Value> {
    let answer = app.get_as(
        &format!("/api/v1/audit?{query}&limit=500"),
        &app.as_role(Role::Analyst),
    );
    assert_eq!(answer.status, 200, "{query}: {}", answer.body);
    answer.json()["items"].as_array().expect("items").clone()
}

/// The audit records of an entity with this action, newest first.
pub fn audited_any_label(app: &TestApp, entity: &str, action: &str) -> Vec<Value> {
    audit_items(app, &format!("entity={entity}"))
        .into_iter()
        .filter(|e| e["action"] == action)
        .collect()
}

/// The audit records of one entity with this label and action, newest first.
pub fn audited(app: &TestApp, entity: &str, label: &str, action: &str) -> Vec<Value> {
    audited_any_label(app, entity, action)
        .into_iter()
        .filter(|e| e["label"] == label)
        .collect()
}

/// A vendor's trust score, from the API.
pub fn vendor_score(app: &TestApp, slug: &str) -> f64 {
    let answer = app.get(&format!("/api/v1/vendors/{slug}"));
    assert_eq!(answer.status, 200, "{}", answer.body);
    answer.json()["trust"]["score"].as_f64().expect("a score")
}

/// The number of rows of each of `tables`, in that order.
pub fn row_counts(db: &TestDb, tables: &[&str]) -> Vec<i64> {
    #[derive(diesel::QueryableByName)]
    struct Count {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let mut conn = db.connect();
    tables
        .iter()
        .map(|table| {
            diesel::sql_query(format!("SELECT COUNT(*) AS n FROM {table}"))
                .get_result::<Count>(&mut conn)
                .unwrap_or_else(|e| panic!("count the rows of {table}: {e}"))
                .n
        })
        .collect()
}

/// Asserts that the form was refused (400) with each of `fields` marked wrong.
pub fn assert_field_errors(answer: &Answer, fields: &[&str]) {
    assert_eq!(answer.status, 400, "{}", answer.body);
    for field in fields {
        assert!(
            answer.body.contains(&format!("id=\"{field}-error\"")),
            "{field}: {}",
            answer.body
        );
    }
}

/// Asserts that viewers and reviewers are refused (403) every one of these curation paths,
/// by GET and by POST, and that the rows of `tables` stay as they were.
pub fn assert_curators_only(app: &TestApp, db: &TestDb, tables: &[&str], paths: &[&str]) {
    let before = row_counts(db, tables);
    for role in [Role::Viewer, Role::Reviewer] {
        let who = app.as_role(role);
        for path in paths {
            assert_eq!(app.get_as(path, &who).status, 403, "GET {path} as {role:?}");
            let fields = [("slug", "x"), ("name", "X"), ("title", "X")];
            let answer = app.post_form(path, &who, &fields);
            assert_eq!(answer.status, 403, "POST {path} as {role:?}");
        }
    }
    assert_eq!(
        row_counts(db, tables),
        before,
        "[{}] nothing written",
        db.backend
    );
}

/// Records a severe data breach at `vendor` today, by the incident form, as an analyst.
pub fn record_incident(app: &TestApp, slug: &str, vendor: &str) {
    let answer = app.post_form(
        "/incidents/new",
        &app.as_role(trustkb::domain::Role::Analyst),
        &[
            ("slug", slug),
            ("title", "A later breach"),
            ("kind", "data_breach"),
            ("severity", "5"),
            ("disclosed_on", today().as_str()),
            ("summary", "A breach recorded for the watchlist tests."),
            ("inv1_vendor", vendor),
            ("inv1_role", "origin"),
            ("inv1_description", "Customer data was taken."),
        ],
    );
    assert_eq!(answer.status, 303, "{}", answer.body);
}

//! API test support: the state of the whole database as row counts per table (what a refused
//! request must leave as it was), problem documents' wrong fields, ETags and conditional writes.

use super::{Answer, As, TestApp, TestDb};
use diesel::RunQueryDsl;

#[derive(diesel::QueryableByName)]
struct TableName {
    #[diesel(sql_type = diesel::sql_types::Text)]
    name: String,
}

/// Every table of the application's schema (not diesel's migration bookkeeping), by name.
pub fn table_names(db: &TestDb) -> Vec<String> {
    let query = if db.backend == "postgres" {
        "SELECT CAST(table_name AS TEXT) AS name FROM information_schema.tables \
         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1"
    } else {
        "SELECT name FROM sqlite_master WHERE type = 'table' \
         AND name NOT LIKE 'sqlite_%' ORDER BY 1"
    };
    let mut conn = db.connect();
    diesel::sql_query(query)
        .load::<TableName>(&mut conn)
        .expect("list the tables")
        .into_iter()
        .map(|t| t.name)
        .filter(|n| n != "__diesel_schema_migrations")
        .collect()
}

/// The number of rows of every table: a refused write must leave it as it was. (Every
/// accepted write adds an audit record, so an update shows here too.)
pub fn fingerprint(db: &TestDb) -> Vec<(String, i64)> {
    let tables = table_names(db);
    let names: Vec<&str> = tables.iter().map(String::as_str).collect();
    let counts = super::curation::row_counts(db, &names);
    tables.into_iter().zip(counts).collect()
}

/// The fields a problem document names as wrong.
pub fn problem_fields(answer: &Answer) -> Vec<String> {
    let json = answer.json();
    json["errors"]
        .as_array()
        .map(|errors| {
            errors
                .iter()
                .filter_map(|e| e["field"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// Asserts a problem document with `status`.
pub fn assert_problem(answer: &Answer, status: u16, context: &str) {
    assert_eq!(answer.status, status, "{context}: {}", answer.body);
    assert_eq!(
        answer.content_type, "application/problem+json",
        "{context}: {}",
        answer.body
    );
    let json = answer.json();
    assert_eq!(json["status"], status, "{context}");
    assert!(
        json["detail"].as_str().is_some_and(|d| !d.is_empty()),
        "{context}"
    );
}

/// The ETag of a record as `GET` answers it.
pub fn etag_of(app: &TestApp, path: &str, who: &As) -> String {
    let answer = app.get_as(path, who);
    assert_eq!(answer.status, 200, "GET {path}: {}", answer.body);
    answer
        .header("etag")
        .unwrap_or_else(|| panic!("GET {path} has no ETag"))
        .to_owned()
}

/// Sends a JSON body with `If-Match`.
pub fn send_if_match(
    app: &TestApp,
    method: &str,
    path: &str,
    who: &As,
    etag: &str,
    body: Option<&serde_json::Value>,
) -> Answer {
    let mut headers = vec![("if-match", etag.to_owned())];
    if body.is_some() {
        headers.push(("content-type", "application/json".to_owned()));
    }
    let body = body.map(|b| b.to_string().into_bytes());
    app.send(method, path, who, &headers, body)
}

/// `PATCH path` as `who` with the record's current ETag in `If-Match` (`*` when it cannot be
/// read), as a client that reads before it writes.
pub fn patch(app: &TestApp, path: &str, who: &As, body: &serde_json::Value) -> Answer {
    let read = app.get_as(path, who);
    let etag = read.header("etag").unwrap_or("*").to_owned();
    send_if_match(app, "PATCH", path, who, &etag, Some(body))
}

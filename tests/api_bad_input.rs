//! The hostile-input corpus against every write endpoint of the API, on every backend: each
//! bad request gets a 4xx problem document, never a 5xx, and the database stays as it was.

mod common;

use common::api::{fingerprint, table_names};
use common::curation::record_incident;
use common::{Answer, As, TestApp, TestDb};
use serde_json::{Value, json};
use trustkb::domain::Role;
use trustkb::web::routes::{ROUTES, Verb};

/// One request of the corpus: what it is, its content type and its body.
struct Bad {
    what: String,
    content_type: Option<&'static str>,
    body: Vec<u8>,
}

fn json_body(what: impl Into<String>, value: &Value) -> Bad {
    Bad {
        what: what.into(),
        content_type: Some("application/json"),
        body: value.to_string().into_bytes(),
    }
}

fn raw(what: &str, content_type: Option<&'static str>, body: &[u8]) -> Bad {
    Bad {
        what: what.to_owned(),
        content_type,
        body: body.to_vec(),
    }
}

/// Bodies that no write endpoint may accept, whatever its fields.
fn generic_corpus() -> Vec<Bad> {
    let json = Some("application/json");
    let oversized = format!("{{\"name\": \"{}\"}}", "x".repeat((1 << 20) + 10));
    vec![
        raw("malformed JSON", json, b"{\"name\": \"x\","),
        raw("a lone brace", json, b"{"),
        raw("an array", json, b"[]"),
        raw("a string", json, b"\"vendor\""),
        raw("a number", json, b"42"),
        raw("null", json, b"null"),
        raw("an empty body", json, b""),
        raw("trailing garbage", json, b"{} {}"),
        raw("invalid UTF-8", json, b"{\"name\": \"\xff\xfe\"}"),
        raw("deep nesting", json, "[".repeat(100_000).as_bytes()),
        raw("a huge number", json, b"{\"name\": 1e999}"),
        raw("plain text", Some("text/plain"), b"{}"),
        raw(
            "a form",
            Some("application/x-www-form-urlencoded"),
            b"name=x&slug=y",
        ),
        raw("XML", Some("application/xml"), b"<vendor/>"),
        raw("no content type", None, b"{}"),
        raw("an oversized body", json, oversized.as_bytes()),
        json_body("an unknown field", &json!({"no_such_field": "x"})),
        json_body("a nested object", &json!({"a": {"b": {"c": [1, 2, 3]}}})),
    ]
}

/// Bodies wrong in one field, by the field's name and documented type.
fn field_corpus(field: &str, types: &[String], other_key: Option<&str>) -> Vec<Bad> {
    let mut bad = vec![
        json_body(format!("{field}: an object"), &json!({ field: {"x": 1} })),
        json_body(
            format!("{field}: an array of numbers"),
            &json!({ field: [1, 2] }),
        ),
        json_body(format!("{field}: a NUL byte"), &json!({ field: "a\u{0}b" })),
        json_body(
            format!("{field}: an escape sequence"),
            &json!({ field: "\u{1b}[31mred" }),
        ),
    ];
    if !types.iter().any(|t| t == "null") {
        bad.push(json_body(format!("{field}: null"), &json!({ field: null })));
    }
    if !types.iter().any(|t| t == "boolean") {
        bad.push(json_body(format!("{field}: true"), &json!({ field: true })));
    }
    if types.iter().any(|t| t == "integer" || t == "number") {
        for n in [-99_999_999_i64, 99_999_999_999] {
            bad.push(json_body(format!("{field}: {n}"), &json!({ field: n })));
        }
        bad.push(json_body(
            format!("{field}: 1.5e300"),
            &json!({ field: 1.5e300 }),
        ));
    } else {
        bad.push(json_body(
            format!("{field}: a number"),
            &json!({ field: -1 }),
        ));
    }
    if types.iter().any(|t| t == "string") {
        // Longer than any field takes (the source text's limit is past the body's: 413).
        let huge = if field == "text" {
            "x".repeat((1 << 20) + 1)
        } else {
            "x".repeat(25_000)
        };
        bad.push(json_body(
            format!("{field}: a huge string"),
            &json!({ field: huge }),
        ));
        if field.contains("date") || field.ends_with("_on") || field == "as_of" {
            for date in [
                "2021-02-30",
                "not a date",
                "99999-01-01",
                "2021-1-1",
                "3000-01-01",
            ] {
                bad.push(json_body(
                    format!("{field}: {date}"),
                    &json!({ field: date }),
                ));
            }
        }
        let references = [
            "vendor", "product", "category", "analyst", "firm", "source", "incident", "depends",
            "supplier", "consumer", "cause", "effect",
        ];
        if references.iter().any(|r| field.contains(r)) {
            let missing = json!({ field: "no-such-record-zz" });
            bad.push(json_body(
                format!("{field}: an unknown reference"),
                &missing,
            ));
        }
        if field == "slug"
            && let Some(taken) = other_key
        {
            bad.push(json_body(
                format!("slug: taken ({taken})"),
                &json!({ field: taken }),
            ));
        }
    }
    bad
}

/// The documented request body's fields and their JSON types, for a route.
fn body_fields(doc: &Value, verb: &str, path: &str) -> Vec<(String, Vec<String>)> {
    let path = path.replace("{tail:.*}", "{tail}");
    let schema = &doc["paths"][&path][verb]["requestBody"]["content"]["application/json"]["schema"];
    let schema = match schema["$ref"].as_str() {
        Some(reference) => {
            let name = reference.trim_start_matches("#/components/schemas/");
            &doc["components"]["schemas"][name]
        }
        None => schema,
    };
    let Some(properties) = schema["properties"].as_object() else {
        return Vec::new();
    };
    properties
        .iter()
        .map(|(name, property)| {
            let types = match &property["type"] {
                Value::String(t) => vec![t.clone()],
                Value::Array(list) => list
                    .iter()
                    .filter_map(|t| t.as_str().map(str::to_owned))
                    .collect(),
                _ => vec!["string".to_owned()],
            };
            (name.clone(), types)
        })
        .collect()
}

/// The keys of the first two records of a collection, as the API lists them.
fn keys_of(app: &TestApp, collection: &str, who: &As) -> Vec<String> {
    let answer = app.get_as(&format!("{collection}?limit=2"), who);
    if answer.status != 200 {
        return Vec::new();
    }
    let json = answer.json();
    let items = json["items"]
        .as_array()
        .or(json.as_array())
        .cloned()
        .unwrap_or_default();
    items
        .iter()
        .filter_map(|item| match (&item["slug"], &item["id"]) {
            (Value::String(slug), _) => Some(slug.clone()),
            (_, Value::Number(id)) => Some(id.to_string()),
            _ => None,
        })
        .collect()
}

/// A concrete path for a route pattern: each parameter replaced by an existing record's key
/// where the collection lists one; the key of another record of the same kind.
fn concrete(app: &TestApp, pattern: &str, who: &As) -> (String, Option<String>) {
    let mut path = String::new();
    let mut other = None;
    for segment in pattern.trim_start_matches('/').split('/') {
        if segment.starts_with('{') {
            let keys = keys_of(app, &path, who);
            other = keys.get(1).cloned();
            let key = keys.first().cloned().unwrap_or_else(|| "1".to_owned());
            path.push('/');
            path.push_str(&key);
        } else {
            path.push('/');
            path.push_str(segment);
        }
    }
    (path, other)
}

fn send(
    app: &TestApp,
    method: &str,
    path: &str,
    who: &As,
    etag: Option<&str>,
    bad: &Bad,
) -> Answer {
    let mut headers: Vec<(&str, String)> = Vec::new();
    if let Some(content_type) = bad.content_type {
        headers.push(("content-type", content_type.to_owned()));
    }
    if let Some(etag) = etag {
        headers.push(("if-match", etag.to_owned()));
    }
    app.send(method, path, who, &headers, Some(bad.body.clone()))
}

fn assert_refused(answer: &Answer, context: &str, failures: &mut Vec<String>) {
    let ok =
        (400..500).contains(&answer.status) && answer.content_type == "application/problem+json";
    if !ok {
        let body: String = answer.body.chars().take(200).collect();
        failures.push(format!(
            "{context}: {} {} {body}",
            answer.status, answer.content_type
        ));
    }
}

/// A watchlist of the admin's with an item, a rule and an alert, so that the watchlist and
/// alert routes are tried on records that exist.
fn give_a_watchlist_and_an_alert(app: &TestApp, admin: &As) {
    let created = app.send_json(
        "POST",
        "/api/v1/watchlists",
        admin,
        &json!({"name": "Mail"}),
    );
    assert_eq!(created.status, 201, "{}", created.body);
    let list = format!("/api/v1/watchlists/{}", created.json()["id"]);
    for (part, body) in [
        ("items", json!({"kind": "vendor", "slug": "mimecast"})),
        ("rules", json!({"kind": "new_incident"})),
    ] {
        let added = app.send_json("POST", &format!("{list}/{part}"), admin, &body);
        assert_eq!(added.status, 200, "{}", added.body);
    }
    record_incident(app, "mimecast-corpus-breach", "mimecast");
    assert_eq!(app.get_as("/api/v1/alerts", admin).json()["total"], 1);
}

#[test]
fn every_write_endpoint_refuses_the_corpus_and_changes_nothing() {
    let doc = serde_json::to_value(trustkb::web::api::openapi::document()).expect("document");
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let admin = app.as_role(Role::Admin);
        assert!(table_names(&db).len() > 10);
        give_a_watchlist_and_an_alert(&app, &admin);
        let mut failures = Vec::new();
        let mut sent = 0;
        let writes = ROUTES
            .iter()
            .filter(|r| r.path.starts_with("/api/") && r.verb != Verb::Get);
        for route in writes {
            let method = match route.verb {
                Verb::Post => "POST",
                Verb::Patch => "PATCH",
                Verb::Delete => "DELETE",
                Verb::Get => continue,
            };
            let (path, other_key) = concrete(&app, route.path, &admin);
            let record = app.get_as(&path, &admin);
            let etag = record.header("etag").map(str::to_owned);
            let before = fingerprint(&db);
            let context = |what: &str| format!("[{}] {method} {path} with {what}", db.backend);
            if route.verb != Verb::Post {
                let bare = raw("no If-Match", Some("application/json"), b"{}");
                for (what, tag) in [
                    ("no If-Match", None),
                    ("a stale If-Match", Some("\"stale\"")),
                    ("a weak If-Match", Some("W/\"x\"")),
                ] {
                    let answer = send(&app, method, &path, &admin, tag, &bare);
                    assert_refused(&answer, &context(what), &mut failures);
                    sent += 1;
                }
            }
            if route.verb != Verb::Delete {
                let lowercase = method.to_ascii_lowercase();
                let mut corpus = generic_corpus();
                for (field, types) in body_fields(&doc, &lowercase, route.path) {
                    corpus.extend(field_corpus(&field, &types, other_key.as_deref()));
                }
                for bad in &corpus {
                    let answer = send(&app, method, &path, &admin, etag.as_deref(), bad);
                    assert_refused(&answer, &context(&bad.what), &mut failures);
                    sent += 1;
                }
            }
            if fingerprint(&db) != before {
                failures.push(format!(
                    "[{}] {method} {path}: the database changed",
                    db.backend
                ));
            }
            if etag.is_some() {
                let after = app.get_as(&path, &admin);
                if after.header("etag") != etag.as_deref() {
                    failures.push(format!(
                        "[{}] {method} {path}: the record changed",
                        db.backend
                    ));
                }
            }
        }
        assert!(sent > 500, "only {sent} requests were sent");
        assert!(
            failures.is_empty(),
            "{} of {sent} bad requests were not refused cleanly:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }
}

//! The procurement review API end to end on every backend: a review opened by a reviewer,
//! listed, decided once (If-Match) with its snapshot frozen, and its condition followed up.

mod common;

use common::api::{assert_problem, fingerprint, problem_fields, send_if_match};
use common::curation::audited;
use common::{TestApp, TestDb};
use serde_json::{Value, json};
use trustkb::domain::Role;

fn ids(page: &Value) -> Vec<i64> {
    page["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|r| r["id"].as_i64().expect("an id"))
        .collect()
}

fn in_a_year() -> String {
    (chrono::Utc::now().date_naive() + chrono::Days::new(365))
        .format("%Y-%m-%d")
        .to_string()
}

#[test]
fn a_review_is_opened_decided_once_and_followed_up() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let reviewer = app.as_role(Role::Reviewer);
        let analyst = app.as_role(Role::Analyst);
        let open = json!({
            "vendor": "mimecast", "purpose": "E-mail security", "data_classification":
            "confidential", "annual_spend": "12000.50", "currency": "eur", "requester": "Jane",
            "due_on": in_a_year()
        });
        let before = fingerprint(&db);
        let forbidden = app.send_json("POST", "/api/v1/reviews", &analyst, &open);
        assert_problem(&forbidden, 403, "an analyst opens a review");
        let wrong = json!({"vendor": "nope", "product": "", "purpose": "", "currency": "euro",
            "annual_spend": "1.234", "due_on": "soon", "colour": "red"});
        let refused = app.send_json("POST", "/api/v1/reviews", &reviewer, &wrong);
        assert_problem(&refused, 400, "a wrong review");
        assert_eq!(
            problem_fields(&refused),
            [
                "colour",
                "vendor",
                "purpose",
                "data_classification",
                "annual_spend",
                "currency",
                "requester",
                "due_on"
            ]
        );
        let two = json!({"vendor": "mimecast", "product": "solarwinds-orion"});
        let refused = app.send_json("POST", "/api/v1/reviews", &reviewer, &two);
        assert_eq!(problem_fields(&refused)[0], "vendor");
        assert_eq!(fingerprint(&db), before, "refusals write nothing");

        let opened = app.send_json("POST", "/api/v1/reviews", &reviewer, &open);
        assert_eq!(opened.status, 201, "{}", opened.body);
        let review = opened.json();
        let id = review["id"].as_i64().expect("an id");
        let path = format!("/api/v1/reviews/{id}");
        assert_eq!(opened.header("location"), Some(path.as_str()));
        assert_eq!(review["status"], "open");
        assert_eq!(review["annual_spend_minor"], 1_200_050);
        assert_eq!(review["currency"], "EUR");
        assert!(review["snapshot"].is_null());
        assert_eq!(
            audited(&app, "review", "mimecast", "create")[0]["channel"],
            "api"
        );
        let etag = opened.header("etag").expect("an ETag").to_owned();
        let read = app.get(&path);
        assert_eq!(read.header("etag"), Some(etag.as_str()));
        assert!(ids(&app.get("/api/v1/reviews?view=open").json()).contains(&id));
        assert!(ids(&app.get("/api/v1/reviews?vendor=mimecast").json()).contains(&id));
        assert!(!ids(&app.get("/api/v1/reviews?vendor=cisco").json()).contains(&id));
        assert_eq!(
            problem_fields(&app.get("/api/v1/reviews?vendor=nope")),
            ["vendor"]
        );
        assert_eq!(
            problem_fields(&app.get("/api/v1/reviews?view=all")),
            ["view"]
        );

        let decision_path = format!("{path}/decision");
        let decision = json!({
            "decision": "approve_with_conditions", "rationale": "Fine with MFA.",
            "re_review_on": in_a_year(), "c1_text": "Enable MFA", "c1_owner": "IT",
            "c1_due": "2000-01-31"
        });
        let unconditional = app.send_json("POST", &decision_path, &reviewer, &decision);
        assert_problem(&unconditional, 428, "a decision without If-Match");
        let stale = send_if_match(
            &app,
            "POST",
            &decision_path,
            &reviewer,
            "\"x\"",
            Some(&decision),
        );
        assert_problem(&stale, 412, "a stale decision");
        let before = fingerprint(&db);
        let wrong = json!({"decision": "approve_with_conditions", "re_review_on": "2000-01-01"});
        let refused = send_if_match(&app, "POST", &decision_path, &reviewer, &etag, Some(&wrong));
        assert_problem(&refused, 400, "a wrong decision");
        assert_eq!(problem_fields(&refused), ["conditions", "re_review_on"]);
        assert_eq!(
            fingerprint(&db),
            before,
            "a refused decision writes nothing"
        );

        let decided = send_if_match(
            &app,
            "POST",
            &decision_path,
            &reviewer,
            &etag,
            Some(&decision),
        );
        assert_eq!(decided.status, 200, "{}", decided.body);
        let review = decided.json();
        assert_eq!(review["status"], "decided");
        assert_eq!(review["decision"], "approve_with_conditions");
        assert!(review["snapshot"].is_object(), "the snapshot is frozen");
        let new_etag = decided.header("etag").expect("an ETag").to_owned();
        assert_ne!(new_etag, etag);
        // A second reviewer who read the open review cannot decide it too.
        let second = json!({"decision": "reject", "re_review_on": in_a_year()});
        let late = send_if_match(
            &app,
            "POST",
            &decision_path,
            &reviewer,
            &etag,
            Some(&second),
        );
        assert_problem(&late, 412, "the second decision");
        let again = send_if_match(
            &app,
            "POST",
            &decision_path,
            &reviewer,
            &new_etag,
            Some(&second),
        );
        assert_eq!(problem_fields(&again), ["decision"]);

        let cid = review["conditions"][0]["id"].as_i64().expect("a condition");
        let overdue = app.get("/api/v1/reviews?view=overdue").json();
        assert!(ids(&overdue).contains(&id));
        let condition = format!("{path}/conditions/{cid}");
        let wrong = app.send_json("POST", &condition, &reviewer, &json!({"status": "done"}));
        assert_eq!(problem_fields(&wrong), ["status"]);
        let missing = format!("{path}/conditions/999999");
        let met = json!({"status": "met"});
        assert_problem(
            &app.send_json("POST", &missing, &reviewer, &met),
            404,
            "no condition",
        );
        let stale = send_if_match(&app, "POST", &condition, &reviewer, &etag, Some(&met));
        assert_problem(&stale, 412, "a stale follow-up");
        let done = send_if_match(&app, "POST", &condition, &reviewer, &new_etag, Some(&met));
        assert_eq!(done.status, 200, "{}", done.body);
        assert_eq!(done.json()["conditions"][0]["status"], "met");
        assert!(!ids(&app.get("/api/v1/reviews?view=overdue").json()).contains(&id));
        let forbidden = app.send_json("POST", &condition, &analyst, &json!({"status": "open"}));
        assert_problem(&forbidden, 403, "an analyst's follow-up");

        for bad in [
            "/api/v1/reviews/abc",
            "/api/v1/reviews/999999",
            "/api/v1/reviews/-1",
        ] {
            assert_problem(&app.get(bad), 404, bad);
            let decide = format!("{bad}/decision");
            let answer = send_if_match(&app, "POST", &decide, &reviewer, "*", Some(&decision));
            assert_problem(&answer, 404, &decide);
        }
    }
}

//! Procurement reviews on every backend under test: opened, decided with conditions and a
//! frozen snapshot that later evidence never changes, access, audit trail and the lists.

mod common;

use common::curation::{assert_field_errors, audited, audited_any_label, row_counts, today};
use common::{As, TestApp, TestDb};
use diesel::prelude::*;
use trustkb::domain::Role;

/// The tables a review writes.
const TABLES: &[&str] = &["reviews", "review_conditions", "audit_log"];

fn days_from_today(days: i64) -> String {
    (chrono::Utc::now().date_naive() + chrono::Duration::days(days))
        .format("%Y-%m-%d")
        .to_string()
}

/// Opens a review of `subject` (`vendor=slug` or `product=slug`); returns its id.
fn open(app: &TestApp, who: &As, (kind, slug): (&str, &str)) -> i32 {
    let due = days_from_today(14);
    let answer = app.post_form(
        "/reviews/new",
        who,
        &[
            (kind, slug),
            ("purpose", "Filter inbound mail for the finance team"),
            ("data_classification", "confidential"),
            ("annual_spend", "12000.50"),
            ("currency", "eur"),
            ("requester", "Claire Dubois"),
            ("due_on", due.as_str()),
        ],
    );
    assert_eq!(answer.status, 303, "{}", answer.body);
    let location = answer.header("location").expect("a location");
    location
        .strip_prefix("/reviews/")
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("a review's page: {location}"))
}

/// The stored snapshot of review `id`.
fn stored_snapshot(db: &TestDb, id: i32) -> Option<String> {
    use trustkb::store::schema::reviews;
    reviews::table
        .find(id)
        .select(reviews::snapshot)
        .first::<Option<String>>(&mut db.connect())
        .expect("the review")
}

/// The text of the first element opening with `marker` (up to the next tag).
fn text_after<'a>(html: &'a str, marker: &str) -> &'a str {
    let start = html
        .find(marker)
        .unwrap_or_else(|| panic!("{marker} in {html}"))
        + marker.len();
    let rest = &html[start..];
    &rest[..rest.find('<').expect("a closing tag")]
}

fn record_incident(app: &TestApp, analyst: &As) {
    let today = today();
    let answer = app.post_form(
        "/incidents/new",
        analyst,
        &[
            ("slug", "mimecast-later-breach"),
            ("title", "Mimecast later breach"),
            ("kind", "data_breach"),
            ("severity", "5"),
            ("disclosed_on", today.as_str()),
            ("summary", "A breach recorded after the decision."),
            ("inv1_vendor", "mimecast"),
            ("inv1_role", "origin"),
            ("inv1_description", "Customer data was taken."),
        ],
    );
    assert_eq!(answer.status, 303, "{}", answer.body);
}

#[test]
fn a_decided_review_is_frozen_audited_and_listed() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let reviewer = app.as_role(Role::Reviewer);
        let analyst = app.as_role(Role::Analyst);
        let viewer = app.as_role(Role::Viewer);

        // The vendor page offers reviewers, not analysts, to open a review.
        let link = "/reviews/new?vendor=mimecast";
        assert!(
            app.get_as("/vendors/mimecast", &reviewer)
                .body
                .contains(link)
        );
        assert!(
            !app.get_as("/vendors/mimecast", &analyst)
                .body
                .contains(link)
        );
        assert_eq!(app.get_as(link, &reviewer).status, 200);
        assert_eq!(app.get_as(link, &analyst).status, 403);

        let id = open(&app, &reviewer, ("vendor", "mimecast"));
        assert_eq!(audited(&app, "review", "mimecast", "create").len(), 1);
        let page = app.get_as(&format!("/reviews/{id}"), &viewer);
        assert_eq!(page.status, 200);
        assert!(page.body.contains("12,000.50 EUR") || page.body.contains("EUR"));
        assert!(
            !page.body.contains("action=\"/reviews/"),
            "viewers get no form"
        );
        let open_list = app.get("/reviews?view=open");
        assert!(open_list.body.contains(&format!("/reviews/{id}\"")));

        assert_eq!(app.get(&format!("/reviews/{id}/report.pdf")).status, 404);
        let decision = format!("/reviews/{id}/decision");
        let in_ten_days = days_from_today(10);
        let yesterday = days_from_today(-1);
        let with_condition = [
            ("decision", "approve_with_conditions"),
            ("rationale", "Acceptable with a yearly penetration test."),
            ("re_review_on", in_ten_days.as_str()),
            ("c1_text", "Provide the latest SOC 2 report"),
            ("c1_owner", "Vendor manager"),
            ("c1_due", yesterday.as_str()),
        ];

        // Viewers and analysts cannot decide.
        let before = row_counts(&db, TABLES);
        for who in [&viewer, &analyst] {
            assert_eq!(app.post_form(&decision, who, &with_condition).status, 403);
        }
        // An approval with conditions needs one; the re-review date must be after today.
        let answer = app.post_form(
            &decision,
            &reviewer,
            &[
                ("decision", "approve_with_conditions"),
                ("re_review_on", in_ten_days.as_str()),
            ],
        );
        assert_field_errors(&answer, &["conditions"]);
        assert!(answer.body.contains("needs at least one condition"));
        let today = today();
        let answer = app.post_form(
            &decision,
            &reviewer,
            &[("decision", "approve"), ("re_review_on", today.as_str())],
        );
        assert_field_errors(&answer, &["re_review_on"]);
        assert_eq!(
            row_counts(&db, TABLES),
            before,
            "[{}] nothing written",
            db.backend
        );
        assert_eq!(stored_snapshot(&db, id), None);

        // Decided with a condition: the decision and the condition are audited.
        let score_then = common::curation::vendor_score(&app, "mimecast");
        let answer = app.post_form(&decision, &reviewer, &with_condition);
        assert_eq!(answer.status, 303, "[{}] {}", db.backend, answer.body);
        assert_eq!(audited(&app, "review", "mimecast", "update").len(), 1);
        let conditions = audited_any_label(&app, "review_condition", "create");
        assert_eq!(conditions.len(), 1);
        let frozen = stored_snapshot(&db, id).expect("a frozen snapshot");
        let snapshot: serde_json::Value = serde_json::from_str(&frozen).unwrap();
        let frozen_score = snapshot["trust"]["score"].as_f64().expect("a score");
        assert!(
            (frozen_score - score_then).abs() < 1e-9,
            "{frozen_score} {score_then}"
        );

        let page = app.get_as(&format!("/reviews/{id}"), &reviewer);
        assert!(page.body.contains("As frozen on"), "{}", page.body);
        assert!(page.body.contains("Provide the latest SOC 2 report"));
        let shown_then = text_after(&page.body, "id=\"frozen-score\">").to_owned();

        let pdf = app.get(&format!("/reviews/{id}/report.pdf"));
        assert_eq!(pdf.status, 200, "[{}] {}", db.backend, pdf.body);
        assert_eq!(pdf.content_type, "application/pdf");
        assert!(
            snapshot["report"]["decision"]["conditions"][0] == "Provide the latest SOC 2 report"
        );

        // A decided review is not decided again.
        let answer = app.post_form(
            &decision,
            &reviewer,
            &[
                ("decision", "reject"),
                ("re_review_on", in_ten_days.as_str()),
            ],
        );
        assert_field_errors(&answer, &["decision"]);
        assert!(answer.body.contains("already been decided"));
        assert_eq!(stored_snapshot(&db, id).as_deref(), Some(frozen.as_str()));

        // Lists: due for re-review, the overdue condition; met, it leaves the list.
        let due = app.get("/reviews?view=due");
        assert!(
            due.body.contains(&format!("/reviews/{id}\"")),
            "{}",
            due.body
        );
        let overdue = app.get("/reviews?view=overdue");
        assert!(overdue.body.contains("Provide the latest SOC 2 report"));
        let cid = conditions[0]["entity_id"]
            .as_str()
            .expect("an id")
            .to_owned();
        let path = format!("/reviews/{id}/conditions/{cid}");
        assert_eq!(
            app.post_form(&path, &analyst, &[("status", "met")]).status,
            403
        );
        let answer = app.post_form(&path, &reviewer, &[("status", "met")]);
        assert_eq!(answer.status, 303, "{}", answer.body);
        assert_eq!(
            audited_any_label(&app, "review_condition", "update").len(),
            1
        );
        let overdue = app.get("/reviews?view=overdue");
        assert!(!overdue.body.contains("Provide the latest SOC 2 report"));

        // New evidence moves the vendor's score, never the decided review.
        record_incident(&app, &analyst);
        let score_now = common::curation::vendor_score(&app, "mimecast");
        assert!(score_now < score_then, "{score_then} → {score_now}");
        assert_eq!(stored_snapshot(&db, id).as_deref(), Some(frozen.as_str()));
        let page = app.get_as(&format!("/reviews/{id}"), &reviewer);
        assert_eq!(text_after(&page.body, "id=\"frozen-score\">"), shown_then);
        assert!(!page.body.contains("Mimecast later breach"));
        let vendor = app.get("/vendors/mimecast");
        let shown_now = text_after(&vendor.body, "<span class=\"score-number\">");
        assert_ne!(
            shown_now, shown_then,
            "[{}] the vendor page moved",
            db.backend
        );

        // The database itself refuses to change a decided review.
        let mut conn = db.connect();
        let update = format!("UPDATE reviews SET snapshot = '{{}}' WHERE id = {id}");
        assert!(diesel::sql_query(update).execute(&mut conn).is_err());
        let update = format!("UPDATE reviews SET decision = 'reject' WHERE id = {id}");
        assert!(diesel::sql_query(update).execute(&mut conn).is_err());
        let delete = format!("DELETE FROM reviews WHERE id = {id}");
        assert!(diesel::sql_query(delete).execute(&mut conn).is_err());
        assert_eq!(stored_snapshot(&db, id).as_deref(), Some(frozen.as_str()));
    }
}

#[test]
fn a_product_review_freezes_the_product_and_bad_input_is_refused() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let reviewer = app.as_role(Role::Reviewer);
        assert_eq!(
            app.get_as("/reviews/new?product=nope", &reviewer).status,
            404
        );
        assert_eq!(app.get_as("/reviews/new", &reviewer).status, 404);
        assert_eq!(app.get_as("/reviews/999999", &reviewer).status, 404);

        let before = row_counts(&db, TABLES);
        let answer = app.post_form(
            "/reviews/new",
            &reviewer,
            &[
                ("product", "solarwinds-orion"),
                ("purpose", "Kept purpose"),
                ("data_classification", "secret"),
                ("annual_spend", "12,5.3.1"),
                ("currency", "EU"),
                ("due_on", "tomorrow"),
            ],
        );
        assert_field_errors(
            &answer,
            &[
                "data_classification",
                "annual_spend",
                "currency",
                "requester",
                "due_on",
            ],
        );
        assert!(answer.body.contains("value=\"Kept purpose\""));
        assert_eq!(row_counts(&db, TABLES), before);

        // A reviewed vendor is held against deletion, the review named.
        let analyst = app.as_role(Role::Analyst);
        let fields = [
            ("slug", "acme"),
            ("name", "Acme"),
            ("tier", "low"),
            ("status", "prospect"),
        ];
        assert_eq!(app.post_form("/vendors/new", &analyst, &fields).status, 303);
        let acme = open(&app, &reviewer, ("vendor", "acme"));
        let answer = app.get_as("/vendors/acme/delete", &analyst);
        assert!(
            answer.body.contains("procurement review"),
            "{}",
            answer.body
        );
        assert!(answer.body.contains(&format!("#{acme}")));

        let id = open(&app, &reviewer, ("product", "solarwinds-orion"));
        let in_a_year = days_from_today(365);
        let answer = app.post_form(
            &format!("/reviews/{id}/decision"),
            &reviewer,
            &[("decision", "reject"), ("re_review_on", in_a_year.as_str())],
        );
        assert_eq!(answer.status, 303, "[{}] {}", db.backend, answer.body);
        let snapshot: serde_json::Value =
            serde_json::from_str(&stored_snapshot(&db, id).expect("frozen")).unwrap();
        assert_eq!(snapshot["product"], "solarwinds-orion");
        assert_eq!(snapshot["vendor"], "solarwinds");
        assert_eq!(
            snapshot["recommendations"][0]["product"],
            "solarwinds-orion"
        );
        let page = app.get(&format!("/reviews/{id}"));
        assert!(page.body.contains("Reject"), "{}", page.body);
        let fr = app.get_with(&format!("/reviews/{id}"), &[("accept-language", "fr")]);
        assert!(fr.body.contains("Tel que figé le"), "{}", fr.body);
        assert!(fr.body.contains("Refuser"));
        // Not due within 30 days.
        assert!(
            !app.get("/reviews?view=due")
                .body
                .contains(&format!("/reviews/{id}\""))
        );
    }
}

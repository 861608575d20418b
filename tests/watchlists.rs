//! Watchlists and alerts as a reader meets them: rules fire on the changes they watch and on
//! nothing else, the inbox shows them, and webhooks deliver signed alerts, retry with backoff,
//! and survive a server restart. Every test runs on each backend.

mod common;

use common::curation::{record_incident, today, vendor_score};
use common::webhook::{Receiver, signed_by};
use common::{As, TestApp, TestDb, ensure_account, test_config};
use std::time::Duration;
use trustkb::config::ServeConfig;
use trustkb::domain::Role;
use trustkb::store::alerts::inbox::{AlertFilter, alerts_of};
use trustkb::store::queries::PageRequest;

/// A server whose worker polls every 50 ms and retries after 200 ms, 400 ms, … (3 attempts).
fn fast_config(db: &TestDb) -> ServeConfig {
    let mut config = test_config(db);
    config.webhooks.poll = Duration::from_millis(50);
    config.webhooks.retry.base = Duration::from_millis(200);
    config.webhooks.retry.max_attempts = 3;
    config
}

/// Creates a watchlist as `who`; returns its id.
fn create_list(app: &TestApp, who: &As, name: &str) -> i32 {
    let answer = app.post_form("/watchlists", who, &[("name", name)]);
    assert_eq!(answer.status, 303, "{}", answer.body);
    let location = answer.header("location").expect("location");
    location
        .trim_start_matches("/watchlists/")
        .parse()
        .expect("a watchlist id")
}

/// Posts a form of watchlist `id` and expects the redirect back to it.
fn change(app: &TestApp, who: &As, id: i32, path: &str, fields: &[(&str, &str)]) {
    let answer = app.post_form(&format!("/watchlists/{id}{path}"), who, fields);
    assert_eq!(answer.status, 303, "{path}: {}", answer.body);
}

/// The webhook secret the watchlist's page shows its owner.
fn secret_of(app: &TestApp, who: &As, id: i32) -> String {
    let page = app.get_as(&format!("/watchlists/{id}"), who);
    let marker = "id=\"webhook-secret\">";
    let start = page.body.find(marker).expect("the secret") + marker.len();
    let rest = &page.body[start..];
    rest[..rest.find('<').expect("end")].to_owned()
}

/// The kinds (and thresholds) of the alerts of watchlist `id` of the viewer.
fn alert_kinds(db: &TestDb, id: i32) -> Vec<(String, Option<i32>)> {
    let mut conn = db.connect();
    let owner = ensure_account(&mut conn, Role::Viewer).id;
    let page = alerts_of(
        &mut conn,
        owner,
        AlertFilter::of_watchlist(id),
        PageRequest::new(Some(500), None),
    )
    .expect("alerts");
    let mut kinds: Vec<(String, Option<i32>)> = page
        .items
        .iter()
        .map(|a| (a.kind.as_str().to_owned(), a.threshold))
        .collect();
    kinds.sort();
    kinds
}

fn grade_of(app: &TestApp, slug: &str) -> Option<String> {
    let answer = app.get(&format!("/api/v1/vendors/{slug}"));
    answer.json()["trust"]["grade"].as_str().map(str::to_owned)
}

#[test]
fn rules_fire_on_what_they_watch_and_the_inbox_shows_them() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let viewer = app.as_role(Role::Viewer);
        let analyst = app.as_role(Role::Analyst);

        let list = create_list(&app, &viewer, "Email security");
        let taken = app.post_form("/watchlists", &viewer, &[("name", "Email security")]);
        assert_eq!(taken.status, 400);
        change(
            &app,
            &viewer,
            list,
            "/items",
            &[("kind", "vendor"), ("slug", "mimecast")],
        );
        let unknown = app.post_form(
            &format!("/watchlists/{list}/items"),
            &viewer,
            &[("kind", "vendor"), ("slug", "no-such-vendor")],
        );
        assert_eq!(unknown.status, 400);
        let before = vendor_score(&app, "mimecast");
        let grade_before = grade_of(&app, "mimecast");
        let below = (before.floor() as i64).to_string();
        for (kind, threshold) in [
            ("score_drop", "1"),
            ("score_drop", "100"),
            ("score_below", below.as_str()),
            ("grade_change", ""),
            ("new_incident", ""),
            ("new_assessment", ""),
        ] {
            change(
                &app,
                &viewer,
                list,
                "/rules",
                &[("kind", kind), ("threshold", threshold)],
            );
        }
        let no_threshold = app.post_form(
            &format!("/watchlists/{list}/rules"),
            &viewer,
            &[("kind", "score_below"), ("threshold", "")],
        );
        assert_eq!(no_threshold.status, 400);
        // The vendor page's "Watch" link offers the reader's lists.
        let vendor_page = app.get_as("/vendors/mimecast", &viewer);
        assert!(
            vendor_page
                .body
                .contains("/watchlists?watch=vendor&amp;slug=mimecast")
        );
        let offer = app.get_as(
            "/watchlists?watch=product&slug=mimecast-email-security",
            &viewer,
        );
        assert!(
            offer
                .body
                .contains(&format!("action=\"/watchlists/{list}/items\""))
        );
        // A second list watching another vendor: the Mimecast incident is none of its business.
        let other = create_list(&app, &viewer, "Microsoft");
        change(
            &app,
            &viewer,
            other,
            "/items",
            &[("kind", "vendor"), ("slug", "microsoft")],
        );
        change(&app, &viewer, other, "/rules", &[("kind", "new_incident")]);

        record_incident(&app, "mimecast-watched-breach", "mimecast");
        let after = vendor_score(&app, "mimecast");
        let grade_after = grade_of(&app, "mimecast");
        assert!(
            before - after >= 1.0,
            "the breach moves the score: {before} → {after}"
        );

        let mut expected = vec![
            ("new_incident".to_owned(), None),
            ("score_drop".to_owned(), Some(1)),
        ];
        if after < before.floor() {
            expected.push(("score_below".to_owned(), Some(before.floor() as i32)));
        }
        if grade_before != grade_after {
            expected.push(("grade_change".to_owned(), None));
        }
        expected.sort();
        assert_eq!(alert_kinds(&db, list), expected, "[{}]", db.backend);
        assert!(alert_kinds(&db, other).is_empty(), "[{}]", db.backend);

        // The inbox: unread first, with the links to the incident and the score changes.
        let inbox = app.get_as("/alerts", &viewer);
        assert_eq!(inbox.status, 200);
        assert!(inbox.body.contains("/incidents/mimecast-watched-breach"));
        assert!(inbox.body.contains("/score-changes/"));
        assert!(inbox.body.contains("Score dropped by 1 points or more"));
        let unread = format!("{} unread alerts", expected.len());
        assert!(inbox.body.contains(&unread), "{unread}");
        let french = app.send(
            "GET",
            "/alerts",
            &viewer,
            &[("accept-language", "fr".into())],
            None,
        );
        assert!(french.body.contains("Nouvel incident"));

        // Someone else sees none of it and can touch none of it.
        let theirs = app.get_as("/alerts", &analyst);
        assert!(!theirs.body.contains("mimecast-watched-breach"));
        assert_eq!(
            app.get_as(&format!("/watchlists/{list}"), &analyst).status,
            404
        );
        let items = format!("/watchlists/{list}/items");
        let fields = [("kind", "vendor"), ("slug", "cisco")];
        assert_eq!(app.post_form(&items, &analyst, &fields).status, 404);
        let delete = format!("/watchlists/{list}/delete");
        assert_eq!(app.post_form(&delete, &analyst, &[]).status, 404);
        let mut conn = db.connect();
        let owner = ensure_account(&mut conn, Role::Viewer).id;
        let first = alerts_of(
            &mut conn,
            owner,
            AlertFilter::of_watchlist(list),
            PageRequest::new(Some(1), None),
        )
        .expect("alerts")
        .items[0]
            .id;
        let read = format!("/alerts/{first}/read");
        assert_eq!(app.post_form(&read, &analyst, &[]).status, 404);
        assert_eq!(app.post_form(&read, &viewer, &[]).status, 303);
        let left = format!("{} unread alert", expected.len() - 1);
        assert!(
            app.get_as("/alerts", &viewer).body.contains(&left),
            "{left}"
        );
        assert_eq!(app.post_form("/alerts/read-all", &viewer, &[]).status, 303);
        assert!(
            app.get_as("/alerts", &viewer)
                .body
                .contains("No unread alert")
        );

        // A new assessment of Mimecast.
        let assessed = app.post_form(
            "/assessments/new",
            &analyst,
            &[
                ("slug", "valente-mimecast-watch"),
                ("analyst", "alla-valente"),
                ("vendor", "mimecast"),
                ("assessed_on", today().as_str()),
                ("stance", "disagree"),
                ("quote", "Trust is slow to rebuild."),
                ("quote_language", "en"),
            ],
        );
        assert_eq!(assessed.status, 303, "{}", assessed.body);
        let kinds = alert_kinds(&db, list);
        let assessments = kinds.iter().filter(|k| k.0 == "new_assessment").count();
        assert_eq!(assessments, 1, "[{}] {kinds:?}", db.backend);
        assert!(alert_kinds(&db, other).is_empty());
        // Every change to the list was audited.
        let audit = app.get_as("/api/v1/audit?entity=watchlist", &app.as_role(Role::Admin));
        assert!(
            audit.json()["total"].as_i64().unwrap_or(0) >= 10,
            "{}",
            audit.body
        );
    }
}

#[test]
fn webhooks_deliver_signed_alerts() {
    for db in TestDb::all() {
        let receiver = Receiver::start(200);
        let app = TestApp::spawn_with(&db, fast_config(&db));
        let viewer = app.as_role(Role::Viewer);
        let list = create_list(&app, &viewer, "Hooked");
        change(
            &app,
            &viewer,
            list,
            "/items",
            &[("kind", "vendor"), ("slug", "mimecast")],
        );
        change(&app, &viewer, list, "/rules", &[("kind", "new_incident")]);
        change(
            &app,
            &viewer,
            list,
            "/webhook",
            &[("url", receiver.url.as_str())],
        );
        let secret = secret_of(&app, &viewer, list);
        assert_eq!(secret.len(), 64);

        record_incident(&app, "mimecast-hooked-breach", "mimecast");
        let hits = receiver.wait_for(1, Duration::from_secs(10));
        let hit = &hits[0];
        assert_eq!(hit.header("content-type"), Some("application/json"));
        assert_eq!(hit.header("x-trustkb-event"), Some("alert.new_incident"));
        let signature = hit.header("x-trustkb-signature-256").expect("signature");
        assert!(signed_by(&secret, &hit.body, signature), "{signature}");
        assert!(!signed_by("another secret", &hit.body, signature));
        let body: serde_json::Value = serde_json::from_slice(&hit.body).expect("JSON");
        let alert = &body["alert"];
        assert_eq!(alert["kind"], "new_incident");
        assert_eq!(alert["subject"]["slug"], "mimecast");
        assert_eq!(alert["record"]["slug"], "mimecast-hooked-breach");
        assert_eq!(alert["links"]["subject"], "/vendors/mimecast");
        assert!(
            alert["links"]["score_change_report"]
                .as_str()
                .is_some_and(|l| l.starts_with("/score-changes/"))
        );
        let delivery = hit.header("x-trustkb-delivery").expect("delivery id");

        // The delivery log shows it delivered, once.
        std::thread::sleep(Duration::from_millis(300));
        assert_eq!(receiver.hits().len(), 1);
        let page = app.get_as(&format!("/watchlists/{list}"), &viewer);
        let row = format!("id=\"delivery-{delivery}\" data-status=\"delivered\"");
        assert!(page.body.contains(&row), "{row}");

        // A new secret signs what comes next.
        change(&app, &viewer, list, "/webhook/secret", &[]);
        let renewed = secret_of(&app, &viewer, list);
        assert_ne!(renewed, secret);
        record_incident(&app, "mimecast-second-breach", "mimecast");
        let hits = receiver.wait_for(2, Duration::from_secs(10));
        let signature = hits[1]
            .header("x-trustkb-signature-256")
            .expect("signature");
        assert!(signed_by(&renewed, &hits[1].body, signature));
    }
}

#[test]
fn a_failing_receiver_is_retried_with_backoff_and_the_log_shows_each_attempt() {
    for db in TestDb::all() {
        let receiver = Receiver::start(500);
        let app = TestApp::spawn_with(&db, fast_config(&db));
        let viewer = app.as_role(Role::Viewer);
        let list = create_list(&app, &viewer, "Failing");
        change(
            &app,
            &viewer,
            list,
            "/items",
            &[("kind", "vendor"), ("slug", "mimecast")],
        );
        change(&app, &viewer, list, "/rules", &[("kind", "new_incident")]);
        change(
            &app,
            &viewer,
            list,
            "/webhook",
            &[("url", receiver.url.as_str())],
        );

        record_incident(&app, "mimecast-failing-breach", "mimecast");
        let hits = receiver.wait_for(3, Duration::from_secs(15));
        // Waits of 200 ms then 400 ms between the attempts.
        let gaps: Vec<Duration> = hits.windows(2).map(|w| w[1].at - w[0].at).collect();
        assert!(gaps[0] >= Duration::from_millis(190), "{gaps:?}");
        assert!(gaps[1] >= Duration::from_millis(390), "{gaps:?}");
        assert!(gaps[1] > gaps[0], "{gaps:?}");
        // Three attempts spent: no fourth.
        std::thread::sleep(Duration::from_millis(1200));
        assert_eq!(receiver.hits().len(), 3);
        let page = app.get_as(&format!("/watchlists/{list}"), &viewer);
        assert!(page.body.contains("data-status=\"failed\""));
        assert_eq!(
            page.body.matches("HTTP 500 HTTP 500").count(),
            3,
            "{}",
            page.body
        );
        assert!(
            page.body
                .contains("<td data-label=\"Attempts\" class=\"attempts\">3</td>")
        );
    }
}

#[test]
fn an_alert_raised_while_the_server_is_stopped_is_delivered_after_the_restart() {
    for db in TestDb::all() {
        let receiver = Receiver::start(200);
        let app = TestApp::spawn_with(&db, fast_config(&db));
        let viewer = app.as_role(Role::Viewer);
        let list = create_list(&app, &viewer, "Across restarts");
        change(
            &app,
            &viewer,
            list,
            "/items",
            &[("kind", "vendor"), ("slug", "mimecast")],
        );
        change(&app, &viewer, list, "/rules", &[("kind", "new_incident")]);
        change(
            &app,
            &viewer,
            list,
            "/webhook",
            &[("url", receiver.url.as_str())],
        );
        let secret = secret_of(&app, &viewer, list);
        drop(app);

        // Recorded while no server runs: a pack import from the command line's library.
        let mut conn = db.connect();
        let files = vec![("offline.toml".to_owned(), PACK.to_owned())];
        let pack = trustkb::store::pack::load::load_files(files, |_| Err("no text file".into()))
            .expect("pack");
        let actor = trustkb::domain::audit::Actor::system();
        let now = trustkb::store::pack::seed::import_time();
        let config = trustkb::domain::scoring::ScoringConfig::default();
        trustkb::store::pack::seed::import_and_rescore(&mut conn, &actor, &pack, now, &config)
            .expect("import");
        drop(conn);
        std::thread::sleep(Duration::from_millis(300));
        assert!(receiver.hits().is_empty());

        let app = TestApp::spawn_with(&db, fast_config(&db));
        let hits = receiver.wait_for(1, Duration::from_secs(10));
        let signature = hits[0]
            .header("x-trustkb-signature-256")
            .expect("signature");
        assert!(signed_by(&secret, &hits[0].body, signature));
        let body: serde_json::Value = serde_json::from_slice(&hits[0].body).expect("JSON");
        assert_eq!(body["alert"]["record"]["slug"], "mimecast-offline-outage");
        std::thread::sleep(Duration::from_millis(500));
        assert_eq!(receiver.hits().len(), 1, "delivered exactly once");
        let page = app.get_as(&format!("/watchlists/{list}"), &viewer);
        assert!(page.body.contains("data-status=\"delivered\""));
    }
}

/// A pack with one incident of Mimecast, imported while the server is stopped.
const PACK: &str = r#"
[pack]
name = "offline-incident"

[[incidents]]
slug = "mimecast-offline-outage"
title = "Mimecast outage recorded offline"
kind = "outage"
severity = 2
disclosed_on = "2026-01-05"
summary = "An outage recorded while the server was stopped."

[[incidents.involvements]]
vendor = "mimecast"
role = "victim"
"#;

#[test]
fn a_watchlist_is_renamed_on_its_page_and_a_taken_name_comes_back() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let viewer = app.as_role(Role::Viewer);
        let list = create_list(&app, &viewer, "Mail");
        create_list(&app, &viewer, "Network");
        let rename = format!("/watchlists/{list}/name");
        let taken = app.post_form(&rename, &viewer, &[("name", "Network")]);
        assert_eq!(taken.status, 400, "{}", taken.body);
        assert!(taken.body.contains("You already have a watchlist named"));
        assert!(
            taken.body.contains("value=\"Network\""),
            "the name typed is kept"
        );
        let empty = app.post_form(&rename, &viewer, &[("name", " ")]);
        assert_eq!(empty.status, 400);
        change(&app, &viewer, list, "/name", &[("name", "E-mail security")]);
        let page = app.get_as(&format!("/watchlists/{list}"), &viewer);
        assert!(
            page.body.contains("<h1>E-mail security</h1>"),
            "{}",
            page.body
        );
        let analyst = app.as_role(Role::Analyst);
        let theirs = app.post_form(&rename, &analyst, &[("name", "Mine")]);
        assert_eq!(theirs.status, 404);
    }
}

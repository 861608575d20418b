//! Liveness, readiness and the Prometheus metrics of a running server, on every backend.
//! Metrics are per process: counts are compared before and after the requests made here.

mod common;

use common::{TestApp, TestDb};

/// The value of the sample line starting with `series ` (0 when absent).
fn sample(text: &str, series: &str) -> f64 {
    let prefix = format!("{series} ");
    text.lines()
        .find_map(|l| l.strip_prefix(&prefix))
        .map(|v| v.trim().parse().expect("a number"))
        .unwrap_or(0.0)
}

fn scrape(app: &TestApp) -> String {
    let answer = app.get_anonymous("/metrics");
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert!(
        answer
            .content_type
            .starts_with("application/openmetrics-text"),
        "{}",
        answer.content_type
    );
    answer.body
}

#[test]
fn healthz_is_liveness_and_readyz_checks_the_database() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let live = app.get_anonymous("/healthz");
        assert_eq!(live.status, 200);
        assert_eq!(live.body, "ok");
        let ready = app.get_anonymous("/readyz");
        assert_eq!(ready.status, 200, "{}", ready.body);
        assert_eq!(
            ready.json(),
            serde_json::json!({
                "status": "ready",
                "backend": db.backend,
                "database": "ok",
                "migrations": "current",
            })
        );
    }
}

#[test]
fn metrics_count_requests_by_route_pattern() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let page = r#"trustkb_http_requests_total{method="GET",route="/vendors",status="200"}"#;
        let api =
            r#"trustkb_http_requests_total{method="GET",route="/api/v1/vendors",status="200"}"#;
        let slug =
            r#"trustkb_http_requests_total{method="GET",route="/vendors/{slug}",status="200"}"#;
        let before = scrape(&app);
        for _ in 0..3 {
            assert_eq!(app.get("/vendors").status, 200);
        }
        for _ in 0..2 {
            assert_eq!(app.get("/api/v1/vendors").status, 200);
        }
        assert_eq!(app.get("/vendors/mimecast").status, 200);
        assert_eq!(app.get_anonymous("/no-such-page").status, 404);
        let after = scrape(&app);
        let delta = |series: &str| sample(&after, series) - sample(&before, series);
        assert_eq!(delta(page), 3.0, "{}: {after}", db.backend);
        assert_eq!(delta(api), 2.0, "{}: {after}", db.backend);
        assert_eq!(delta(slug), 1.0, "{}: {after}", db.backend);
        let unmatched =
            r#"trustkb_http_requests_total{method="GET",route="unmatched",status="404"}"#;
        assert!(delta(unmatched) >= 1.0, "{after}");
        // The raw path of a record never becomes a label.
        assert!(!after.contains("/vendors/mimecast"), "{after}");
        // A latency histogram per route pattern.
        let count = r#"trustkb_http_request_duration_seconds_count{method="GET",route="/vendors"}"#;
        assert_eq!(delta(count), 3.0, "{after}");
        let slowest = r#"trustkb_http_request_duration_seconds_bucket{le="+Inf",method="GET",route="/vendors"}"#;
        assert_eq!(delta(slowest), 3.0, "{after}");
        assert!(after.contains(r#"trustkb_http_request_duration_seconds_bucket{le="0.0005",method="GET",route="/vendors"}"#));
        // Read at scrape time: the pool and the webhook queue.
        assert!(sample(&after, "trustkb_db_pool_max") >= 1.0, "{after}");
        assert!(after.contains(r#"trustkb_db_pool_connections{state="idle"} "#));
        assert!(after.contains(r#"trustkb_db_pool_connections{state="in_use"} "#));
        assert!(after.contains("trustkb_webhook_queue_depth "), "{after}");
        assert!(after.contains(r#"trustkb_webhook_deliveries_total{outcome="delivered"} "#));
        // The server scored the seeded knowledge base at least once in this process.
        assert!(
            after.contains("trustkb_score_recompute_seconds_count "),
            "{after}"
        );
        assert!(after.ends_with("# EOF\n"));
    }
}

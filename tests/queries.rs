//! Pages and API reads whose database queries do not grow with what they show (no N+1), and
//! cached reads that cost only the credentials and generation checks, on every backend.

mod common;

use common::{As, TestApp, TestDb, test_config};
use serde_json::json;
use std::time::Duration;
use trustkb::domain::Role;

/// The process's `trustkb_db_queries_total`. Alone in this test binary, nothing else in the
/// process sends queries while a request is measured (the webhook worker is made idle).
fn queries(app: &TestApp) -> f64 {
    let answer = app.get_anonymous("/metrics");
    assert_eq!(answer.status, 200, "{}", answer.body);
    answer
        .body
        .lines()
        .find_map(|l| l.strip_prefix("trustkb_db_queries_total "))
        .map(|v| v.trim().parse().expect("a number"))
        .expect("the query counter")
}

/// What reading the counter itself costs, taken between two reads.
fn scrape_cost(app: &TestApp) -> f64 {
    let first = queries(app);
    queries(app) - first
}

/// The queries one successful GET of `path` sends.
fn cost(app: &TestApp, path: &str, who: &As, scrape: f64) -> f64 {
    let before = queries(app);
    let answer = app.get_as(path, who);
    assert_eq!(answer.status, 200, "{path}: {}", answer.body);
    queries(app) - before - scrape
}

/// A vendor with `products` products, each depended on by the seed's Mimecast.
fn vendor_with_products(app: &TestApp, who: &As, slug: &str, products: usize) {
    let body = json!({"slug": slug, "name": slug, "tier": "high", "status": "active"});
    let created = app.send_json("POST", "/api/v1/vendors", who, &body);
    assert_eq!(created.status, 201, "{}", created.body);
    for n in 0..products {
        let product = format!("{slug}-p{n}");
        let body = json!({"slug": product, "name": product, "category": "email-security"});
        let path = format!("/api/v1/vendors/{slug}/products");
        let created = app.send_json("POST", &path, who, &body);
        assert_eq!(created.status, 201, "{}", created.body);
    }
}

#[test]
fn reads_cost_the_same_queries_whatever_they_list() {
    for db in TestDb::all() {
        let mut config = test_config(&db);
        config.webhooks.poll = Duration::from_secs(3600);
        let app = TestApp::spawn_with(&db, config);
        let admin = app.as_role(Role::Admin);
        vendor_with_products(&app, &admin, "one-product", 1);
        vendor_with_products(&app, &admin, "nine-products", 9);
        // Credentials are marked as used at most once a minute: the first use is done here.
        let api = As {
            token: admin.token.clone(),
            session: None,
        };
        let web = As {
            token: None,
            session: admin.session.clone(),
        };
        assert_eq!(app.get_as("/api/v1/vendors/mimecast", &api).status, 200);
        assert_eq!(app.get_as("/vendors/mimecast", &web).status, 200);
        // The lists' category filter is loaded once per generation, by the first list read.
        assert_eq!(app.get_as("/vendors?per=3", &web).status, 200);
        let scrape = scrape_cost(&app);

        // Each first read misses the caches; the scoring input and the categories are
        // already loaded.
        let backend = db.backend;
        let pairs = [
            ("/vendors/one-product", "/vendors/nine-products", &web),
            (
                "/api/v1/vendors/one-product",
                "/api/v1/vendors/nine-products",
                &api,
            ),
            ("/vendors?per=2", "/vendors?per=50", &web),
            ("/api/v1/vendors?limit=2", "/api/v1/vendors?limit=50", &api),
            (
                "/api/v1/products/one-product-p0",
                "/api/v1/products/nine-products-p8",
                &api,
            ),
        ];
        for (small, large, who) in pairs {
            let few = cost(&app, small, who, scrape);
            let many = cost(&app, large, who, scrape);
            assert_eq!(
                few, many,
                "{backend}: {small} sent {few} queries, {large} {many}"
            );
            assert!(few <= 40.0, "{backend}: {small} sent {few} queries");
            // Read again at the same generation, the answer comes from the cache: only the
            // credentials and the generation are asked for (and on PostgreSQL each
            // connection is checked before use).
            let again = cost(&app, large, who, scrape);
            let most = if backend == "postgres" { 5.0 } else { 3.0 };
            assert!(
                again <= most,
                "{backend}: {large} read again sent {again} queries (first {many})"
            );
        }
    }
}

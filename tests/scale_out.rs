//! Several app servers on one PostgreSQL database behave as one: started together they migrate, seed and
//! score once; a sign-in, a write and a search carry across; each alert is delivered once.

mod common;

use common::curation::{record_incident, row_counts};
use common::webhook::Receiver;
use common::{As, PASSWORD, TestApp, TestDb, email_of, start_server, test_config};
use serde_json::json;
use std::collections::BTreeSet;
use std::time::Duration;
use trustkb::config::ServeConfig;
use trustkb::domain::Role;

/// A server whose webhook worker polls every 50 ms, as the others on the same database do.
fn busy_config(db: &TestDb) -> ServeConfig {
    let mut config = test_config(db);
    config.webhooks.poll = Duration::from_millis(50);
    config
}

/// Two servers on `db`, started at the same moment on the empty database, racing to migrate,
/// seed and score it.
fn two_servers(db: &TestDb) -> (TestApp, TestApp) {
    let starts: Vec<_> = (0..2)
        .map(|_| {
            let config = busy_config(db);
            std::thread::spawn(move || start_server(config))
        })
        .collect();
    let mut started = starts
        .into_iter()
        .map(|s| s.join().expect("a server started"));
    let first = started.next().expect("first");
    let second = started.next().expect("second");
    (TestApp::attach(db, first), TestApp::attach(db, second))
}

/// Rows of `sql`'s single count column.
fn count(db: &TestDb, sql: &str) -> i64 {
    use diesel::RunQueryDsl;
    #[derive(diesel::QueryableByName)]
    struct N {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let mut conn = db.connect();
    diesel::sql_query(sql)
        .get_result::<N>(&mut conn)
        .expect("count")
        .n
}

/// Scale-out is PostgreSQL's (docs/deployment.md): SQLite serves one app server.
#[test]
fn two_servers_on_one_database_behave_as_one() {
    let postgres: Vec<TestDb> = TestDb::all()
        .into_iter()
        .filter(|db| db.backend == "postgres")
        .collect();
    if postgres.is_empty() {
        eprintln!("skipped: set TRUSTKB_TEST_POSTGRES_URL to run two servers on PostgreSQL");
    }
    for db in postgres {
        let (a, b) = two_servers(&db);
        let context = format!("[{}]", db.backend);

        // Migrated, seeded and scored once, whoever came first.
        assert_eq!(
            count(
                &db,
                "SELECT COUNT(*) AS n FROM vendors WHERE slug = 'mimecast'"
            ),
            1,
            "{context}"
        );
        assert_eq!(
            count(
                &db,
                "SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'vendor' AND action = 'create'"
            ),
            count(&db, "SELECT COUNT(*) AS n FROM vendors"),
            "{context} each seeded vendor is created once"
        );
        assert_eq!(
            count(&db, "SELECT COUNT(*) AS n FROM score_snapshots"),
            count(
                &db,
                "SELECT COUNT(*) AS n FROM (SELECT DISTINCT vendor_id, product_id, as_of, \
                 model_version FROM score_snapshots) AS s"
            ),
            "{context} each subject is scored once a day"
        );
        assert_eq!(
            count(&db, "SELECT COUNT(*) AS n FROM users WHERE role = 'admin'"),
            1,
            "{context} one first administrator"
        );

        // A sign-in on one server is valid on the other; signing out there ends it here.
        let session = a.sign_in(&email_of(Role::Analyst), PASSWORD);
        let browser = As {
            token: None,
            session: Some(session),
        };
        assert_eq!(b.get_as("/vendors", &browser).status, 200, "{context}");
        assert_eq!(b.post_form("/logout", &browser, &[]).status, 303);
        assert_eq!(a.get_as("/vendors", &browser).status, 303, "{context}");

        // A write on one is read, found and scored the same on the other at once.
        let analyst = a.as_role(Role::Analyst);
        let vendor = json!({"slug": "northwind-mail", "name": "Northwind Mail", "tier": "high"});
        let created = a.send_json("POST", "/api/v1/vendors", &analyst, &vendor);
        assert_eq!(created.status, 201, "{context} {}", created.body);
        let read = b.get_as("/api/v1/vendors/northwind-mail", &b.as_role(Role::Viewer));
        assert_eq!(read.status, 200, "{context}");
        let found = b.get("/api/v1/search?q=Northwind").json();
        assert!(
            found.to_string().contains("northwind-mail"),
            "{context} {found}"
        );
        record_incident(&b, "mimecast-scale-out-breach", "mimecast");
        let score = |app: &TestApp| app.get("/api/v1/vendors/mimecast").json()["trust"].clone();
        assert_eq!(score(&a), score(&b), "{context}");

        // Both servers' webhook workers poll the one queue: every alert arrives once.
        let receiver = Receiver::start(200);
        let viewer = a.as_role(Role::Viewer);
        let list = a.send_json(
            "POST",
            "/api/v1/watchlists",
            &viewer,
            &json!({"name": "Mail"}),
        );
        assert_eq!(list.status, 201, "{}", list.body);
        let path = format!("/api/v1/watchlists/{}", list.json()["id"]);
        for (part, body) in [
            ("items", json!({"kind": "vendor", "slug": "mimecast"})),
            ("rules", json!({"kind": "new_incident"})),
        ] {
            let added = b.send_json("POST", &format!("{path}/{part}"), &viewer, &body);
            assert_eq!(added.status, 200, "{}", added.body);
        }
        let etag = a
            .get_as(&path, &viewer)
            .header("etag")
            .expect("etag")
            .to_owned();
        let hook = json!({"webhook_url": receiver.url});
        let set = common::api::send_if_match(&b, "PATCH", &path, &viewer, &etag, Some(&hook));
        assert_eq!(set.status, 200, "{}", set.body);
        let alerts = 6;
        for n in 0..alerts {
            let app = if n % 2 == 0 { &a } else { &b };
            record_incident(app, &format!("mimecast-wave-{n}"), "mimecast");
        }
        let hits = receiver.wait_for(alerts, Duration::from_secs(20));
        std::thread::sleep(Duration::from_millis(500));
        let hits_after = receiver.hits();
        assert_eq!(hits_after.len(), hits.len(), "{context} no late duplicate");
        let deliveries: BTreeSet<String> = hits_after
            .iter()
            .map(|h| h.header("x-trustkb-delivery").expect("delivery").to_owned())
            .collect();
        assert_eq!(deliveries.len(), alerts, "{context} each delivery once");
        assert_eq!(
            row_counts(&db, &["webhook_deliveries", "webhook_attempts"]),
            [alerts as i64, alerts as i64],
            "{context} one attempt each"
        );
    }
}

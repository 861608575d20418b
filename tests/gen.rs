//! `trustkb gen` on every backend: counts, determinism, synthetic marking, chain depth,
//! citations quoting their sources, refusal of a second run, served pages, and the command.

mod common;

use common::{TestApp, TestDb};
use diesel::prelude::*;
use std::process::Command;
use trustkb::domain::audit::Actor;
use trustkb::domain::scoring::ScoringConfig;
use trustkb::generate::{GenShape, GenSummary, TABLES, generate, generate_and_rescore};
use trustkb::store::pack::embedded::seed_pack;
use trustkb::store::pack::progress::Quiet;
use trustkb::store::pack::seed::{import_time, seed};
use trustkb::store::schema::*;
use trustkb::store::{DbConnection, StoreError};

const VENDORS: usize = 200;

/// A migrated, seeded connection, as `trustkb serve` leaves a new database.
fn seeded(db: &TestDb) -> DbConnection {
    let mut conn = db.connect();
    let pack = seed_pack().unwrap();
    seed(
        &mut conn,
        &Actor::system(),
        &pack,
        import_time(),
        &ScoringConfig::default(),
    )
    .unwrap();
    conn
}

fn gen_into(conn: &mut DbConnection, vendors: usize, seed: u64) -> Result<GenSummary, StoreError> {
    generate_and_rescore(
        conn,
        &Actor::system(),
        &GenShape::for_vendors(vendors),
        seed,
        import_time(),
        &ScoringConfig::default(),
        &mut Quiet,
    )
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

fn count(conn: &mut DbConnection, sql: &str) -> i64 {
    diesel::sql_query(sql).get_result::<Count>(conn).unwrap().n
}

fn rows(conn: &mut DbConnection, table: &str) -> i64 {
    count(
        conn,
        &format!("SELECT CAST(COUNT(*) AS BIGINT) AS n FROM {table}"),
    )
}

/// The generated rows of a few tables, by slug (ids aside), as one string.
fn digest(conn: &mut DbConnection) -> String {
    let vendors: Vec<(String, String, String, String, Option<String>, bool)> = vendors::table
        .filter(vendors::slug.like("syn-%"))
        .order(vendors::slug)
        .select((
            vendors::slug,
            vendors::name,
            vendors::tier,
            vendors::status,
            vendors::description,
            vendors::synthetic,
        ))
        .load(conn)
        .unwrap();
    let products: Vec<(String, String, String, String)> = products::table
        .inner_join(vendors::table)
        .inner_join(categories::table)
        .filter(products::slug.like("syn-%"))
        .order(products::slug)
        .select((
            products::slug,
            vendors::slug,
            categories::slug,
            products::name,
        ))
        .load(conn)
        .unwrap();
    let dependencies: Vec<(Option<i32>, String, Option<chrono::NaiveDate>, String)> =
        dependencies::table
            .inner_join(products::table)
            .filter(products::slug.like("syn-%"))
            .order((products::slug, dependencies::consumer_vendor_id))
            .select((
                dependencies::consumer_vendor_id,
                products::slug,
                dependencies::since,
                dependencies::criticality,
            ))
            .load(conn)
            .unwrap();
    let incidents: Vec<(String, String, String, i32, Option<chrono::NaiveDate>)> = incidents::table
        .filter(incidents::slug.like("syn-%"))
        .order(incidents::slug)
        .select((
            incidents::slug,
            incidents::title,
            incidents::kind,
            incidents::severity,
            incidents::disclosed_on,
        ))
        .load(conn)
        .unwrap();
    let assessments: Vec<(String, String, String)> = assessments::table
        .filter(assessments::slug.like("syn-%"))
        .order(assessments::slug)
        .select((assessments::slug, assessments::stance, assessments::quote))
        .load(conn)
        .unwrap();
    let sources: Vec<(String, Option<String>)> = sources::table
        .filter(sources::slug.like("syn-%"))
        .order(sources::slug)
        .select((sources::slug, sources::full_text))
        .load(conn)
        .unwrap();
    format!("{vendors:?}{products:?}{dependencies:?}{incidents:?}{assessments:?}{sources:?}")
}

#[test]
fn gen_writes_a_consistent_synthetic_base_once() {
    for db in TestDb::all() {
        let mut conn = seeded(&db);
        let before: Vec<i64> = TABLES.iter().map(|t| rows(&mut conn, t)).collect();
        let audits = rows(&mut conn, "audit_log");
        let summary = gen_into(&mut conn, VENDORS, 7).unwrap();
        let backend = db.backend;

        // Every table grew by what the summary says, and each family is there.
        for (table, was) in TABLES.iter().zip(&before) {
            let added = rows(&mut conn, table) - was;
            assert_eq!(added as usize, summary.count(table), "{backend}: {table}");
            assert!(added > 0, "{backend}: no {table} generated");
        }
        assert_eq!(summary.count("vendors"), VENDORS);
        let products = summary.count("products");
        assert!((2 * VENDORS..=3 * VENDORS).contains(&products), "{backend}");
        assert!(summary.snapshots >= VENDORS + products, "{backend}");

        // Every generated vendor, and only those, is marked synthetic.
        let synthetic = count(
            &mut conn,
            "SELECT CAST(COUNT(*) AS BIGINT) AS n FROM vendors WHERE synthetic",
        );
        assert_eq!(synthetic as usize, VENDORS, "{backend}");
        let unmarked = count(
            &mut conn,
            "SELECT CAST(COUNT(*) AS BIGINT) AS n FROM vendors \
             WHERE slug LIKE 'syn-%' AND NOT synthetic",
        );
        assert_eq!(unmarked, 0, "{backend}");

        // Our inventory → vendor A → vendor B → vendor C: chains of at least three hops.
        let chains = count(
            &mut conn,
            "SELECT CAST(COUNT(*) AS BIGINT) AS n FROM dependencies d0 \
             JOIN products p0 ON p0.id = d0.product_id \
             JOIN dependencies d1 ON d1.consumer_vendor_id = p0.vendor_id \
             JOIN products p1 ON p1.id = d1.product_id \
             JOIN dependencies d2 ON d2.consumer_vendor_id = p1.vendor_id \
             JOIN products p2 ON p2.id = d2.product_id \
             JOIN dependencies d3 ON d3.consumer_vendor_id = p2.vendor_id \
             WHERE d0.consumer_vendor_id IS NULL AND p0.slug LIKE 'syn-%'",
        );
        assert!(chains > 0, "{backend}: no chain of three hops");

        // Causes always point back in time, so the causal graph is acyclic.
        let forward = count(
            &mut conn,
            "SELECT CAST(COUNT(*) AS BIGINT) AS n FROM incident_causes c \
             JOIN incidents a ON a.id = c.cause_id JOIN incidents b ON b.id = c.effect_id \
             WHERE a.slug LIKE 'syn-%' AND (a.id >= b.id OR a.disclosed_on > b.disclosed_on)",
        );
        assert_eq!(forward, 0, "{backend}");

        // Each citation's excerpt is in its source's text.
        let quoted: Vec<(String, Option<String>)> = citations::table
            .inner_join(sources::table)
            .filter(sources::slug.like("syn-%"))
            .select((citations::excerpt, sources::full_text))
            .load(&mut conn)
            .unwrap();
        assert_eq!(quoted.len(), summary.count("citations"), "{backend}");
        for (excerpt, text) in &quoted {
            assert!(
                text.as_deref().unwrap_or("").contains(excerpt.as_str()),
                "{backend}"
            );
        }

        // One audit record for the whole generation.
        let audited: Vec<(String, String)> = audit_log::table
            .filter(audit_log::entity.eq("synthetic"))
            .select((
                audit_log::entity_id,
                audit_log::after_json.assume_not_null(),
            ))
            .load(&mut conn)
            .unwrap();
        assert_eq!(audited.len(), 1, "{backend}");
        assert_eq!(audited[0].0, "7");
        assert!(audited[0].1.contains("\"vendors\":200"), "{}", audited[0].1);
        assert_eq!(rows(&mut conn, "audit_log"), audits + 1, "{backend}");

        // A second run is refused and writes nothing.
        let all: Vec<i64> = TABLES.iter().map(|t| rows(&mut conn, t)).collect();
        let refused = gen_into(&mut conn, 10, 8).unwrap_err();
        assert!(matches!(refused, StoreError::Conflict(_)), "{refused}");
        assert!(refused.to_string().contains("already holds synthetic data"));
        let after: Vec<i64> = TABLES.iter().map(|t| rows(&mut conn, t)).collect();
        assert_eq!(all, after, "{backend}");
        assert_eq!(rows(&mut conn, "audit_log"), audits + 1, "{backend}");

        // Later ordinary inserts get fresh ids (PostgreSQL sequences were moved on).
        diesel::insert_into(categories::table)
            .values((
                categories::slug.eq("after-gen"),
                categories::name.eq("After"),
            ))
            .execute(&mut conn)
            .unwrap();

        // The server serves the list and a synthetic vendor's page.
        drop(conn);
        let app = TestApp::spawn(&db);
        let list = app.get("/vendors");
        assert_eq!(list.status, 200, "{backend}: {}", list.body);
        let page = app.get("/vendors/syn-v1");
        assert_eq!(page.status, 200, "{backend}: {}", page.body);
        assert!(page.body.contains("syn-v1.example.com"), "{backend}");
        let api = app.get("/api/v1/vendors/syn-v2");
        assert_eq!(api.status, 200, "{backend}: {}", api.body);
    }
}

#[test]
fn the_same_seed_gives_the_same_data() {
    for db in TestDb::all() {
        let other = TestDb::sqlite_or_same(&db);
        let third = TestDb::sqlite_or_same(&db);
        let (mut a, mut b, mut c) = (seeded(&db), seeded(&other), seeded(&third));
        let shape = GenShape::for_vendors(60);
        generate(&mut a, &shape, 42, &mut Quiet).unwrap();
        generate(&mut b, &shape, 42, &mut Quiet).unwrap();
        generate(&mut c, &shape, 43, &mut Quiet).unwrap();
        let (da, db_, dc) = (digest(&mut a), digest(&mut b), digest(&mut c));
        assert!(da.contains("syn-v60"), "{}", db.backend);
        assert_eq!(da, db_, "{}: same seed, different data", db.backend);
        assert_ne!(da, dc, "{}: another seed, the same data", db.backend);
    }
}

fn trustkb(db: &TestDb, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_trustkb"))
        .args(args)
        .env("TRUSTKB_DATABASE_URL", &db.url)
        .env("TRUSTKB_LOG", "warn")
        .env("USER", "tester")
        .output()
        .expect("run trustkb")
}

#[test]
fn the_gen_command_generates_and_refuses_bad_counts() {
    for db in TestDb::all() {
        let out = trustkb(&db, &["gen", "--vendors", "50", "--database", &db.url]);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{}: {stdout}{}",
            db.backend,
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(stdout.contains("50 vendors"), "{stdout}");
        let mut conn = db.connect();
        let actor: String = audit_log::table
            .filter(audit_log::entity.eq("synthetic"))
            .select(audit_log::actor)
            .first(&mut conn)
            .unwrap();
        assert_eq!(actor, "cli:tester");

        let again = trustkb(&db, &["gen", "--vendors", "50"]);
        assert!(!again.status.success());
        let message = String::from_utf8_lossy(&again.stderr);
        assert!(
            message.contains("already holds synthetic data"),
            "{message}"
        );

        for bad in ["0", "1000001", "many"] {
            let out = trustkb(&db, &["gen", "--vendors", bad]);
            assert!(!out.status.success(), "--vendors {bad} accepted");
            let message = String::from_utf8_lossy(&out.stderr);
            assert!(message.contains("from 1 to 1000000"), "{message}");
        }
    }
}

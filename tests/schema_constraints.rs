//! The database enforces the domain's rules by itself (foreign keys, CHECKs, unique slugs),
//! and accepts every value of every vocabulary: checked on every backend under test.

mod common;

use common::TestDb;
use diesel::connection::SimpleConnection;
use trustkb::domain::*;
use trustkb::store::DbConnection;

/// Runs SQL in a transaction that is always rolled back; returns whether it succeeded.
fn accepted(conn: &mut DbConnection, sql: &str) -> bool {
    conn.batch_execute("BEGIN").unwrap();
    let ok = conn.batch_execute(sql).is_ok();
    conn.batch_execute("ROLLBACK").unwrap();
    ok
}

/// Base rows; their ids (901) lie far above what the serial sequences hand out.
const BASE: &str = "INSERT INTO vendors (id, slug, name, tier, status) VALUES (901, 'acme', 'Acme', 'high', 'active');
INSERT INTO categories (id, slug, name) VALUES (901, 'monitoring', 'Monitoring');
INSERT INTO products (id, slug, vendor_id, category_id, name) VALUES (901, 'acme-watch', 901, 901, 'Acme Watch');
INSERT INTO incidents (id, slug, title, kind, severity, summary) VALUES (901, 'breach', 'Breach', 'data_breach', 3, 'What happened');
INSERT INTO sources (id, slug, title, publisher, language, reliability, credibility) VALUES (901, 'note', 'Note', 'Us', 'en', 'B', 2);
INSERT INTO analyst_firms (id, slug, name) VALUES (901, 'firm', 'Firm');
INSERT INTO analysts (id, slug, firm_id, name) VALUES (901, 'ann', 901, 'Ann');";

#[test]
fn the_database_refuses_what_the_domain_refuses() {
    for db in TestDb::all() {
        let mut conn = db.connect();
        assert!(accepted(&mut conn, BASE), "base rows on {}", db.backend);
        let refused = [
            "INSERT INTO vendors (slug, name, tier, status) VALUES ('acme', 'Again', 'low', 'active')",
            "INSERT INTO vendors (slug, name, tier, status) VALUES ('Bad Slug', 'X', 'low', 'active')",
            "INSERT INTO vendors (slug, name, tier, status) VALUES ('a--b', 'X', 'low', 'active')",
            "INSERT INTO vendors (slug, name, tier, status) VALUES ('x', 'X', 'huge', 'active')",
            "INSERT INTO vendors (slug, name, tier, status) VALUES ('x', '  ', 'low', 'active')",
            "INSERT INTO products (slug, vendor_id, category_id, name) VALUES ('p', 99, 901, 'P')",
            "INSERT INTO incidents (slug, title, kind, severity, summary) VALUES ('i', 'I', 'data_breach', 6, 's')",
            "INSERT INTO incidents (slug, title, kind, severity, summary) VALUES ('i', 'I', 'hack', 3, 's')",
            "INSERT INTO incidents (slug, title, kind, severity, summary, discovered_on, resolved_on) VALUES ('i', 'I', 'outage', 3, 's', '2021-03-01', '2021-01-01')",
            "INSERT INTO dependencies (consumer_vendor_id, product_id, since, until, criticality) VALUES (901, 901, '2021-03-01', '2020-01-01', 'high')",
            "INSERT INTO incident_involvements (incident_id, role) VALUES (901, 'origin')",
            "INSERT INTO incident_involvements (incident_id, vendor_id, role) VALUES (901, 901, 'bystander')",
            "INSERT INTO incident_involvements (incident_id, vendor_id, role, customers_affected) VALUES (901, 901, 'victim', -5)",
            "INSERT INTO incident_causes (cause_id, effect_id) VALUES (901, 901)",
            "INSERT INTO sources (slug, title, publisher, language, reliability, credibility) VALUES ('s2', 'T', 'P', 'en', 'G', 2)",
            "INSERT INTO sources (slug, title, publisher, language, reliability, credibility) VALUES ('s2', 'T', 'P', 'en', 'A', 7)",
            "INSERT INTO citations (source_id, excerpt, vendor_id, product_id) VALUES (901, 'x', 901, 901)",
            "INSERT INTO citations (source_id, excerpt) VALUES (901, 'x')",
            "INSERT INTO citations (source_id, excerpt, vendor_id) VALUES (42, 'x', 901)",
            "INSERT INTO assessments (slug, analyst_id, assessed_on, stance, quote, quote_language) VALUES ('a', 901, '2021-03-16', 'agree', 'q', 'fr')",
            "INSERT INTO assessments (slug, analyst_id, vendor_id, assessed_on, stance, quote, quote_language) VALUES ('a', 901, 901, '2021-03-16', 'love', 'q', 'fr')",
            "INSERT INTO assessments (slug, analyst_id, vendor_id, assessed_on, stance, quote, quote_language, translation) VALUES ('a', 901, 901, '2021-03-16', 'agree', 'q', 'fr', 't')",
            "DELETE FROM vendors WHERE id = 901",
            "UPDATE incidents SET disclosed_precision = 'week' WHERE id = 901",
        ];
        for sql in refused {
            let full = format!("{BASE}\n{sql};");
            assert!(
                !accepted(&mut conn, &full),
                "accepted on {}: {sql}",
                db.backend
            );
        }
        let fine = "INSERT INTO citations (source_id, excerpt, vendor_id) VALUES (901, 'x', 901)";
        assert!(
            accepted(&mut conn, &format!("{BASE}\n{fine};")),
            "valid citation refused on {}",
            db.backend
        );
    }
}

#[test]
fn sqlite_connections_use_wal_and_enforce_foreign_keys() {
    use diesel::RunQueryDsl;
    use diesel::sql_types::{Integer, Text};
    #[derive(diesel::QueryableByName)]
    struct Mode {
        #[diesel(sql_type = Text)]
        journal_mode: String,
    }
    #[derive(diesel::QueryableByName)]
    struct Keys {
        #[diesel(sql_type = Integer)]
        foreign_keys: i32,
    }
    #[derive(diesel::QueryableByName)]
    struct Timeout {
        #[diesel(sql_type = Integer)]
        timeout: i32,
    }
    let db = TestDb::sqlite();
    let mut conn = db.connect();
    let mode: Mode = diesel::sql_query("PRAGMA journal_mode")
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(mode.journal_mode, "wal");
    let keys: Keys = diesel::sql_query("PRAGMA foreign_keys")
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(keys.foreign_keys, 1);
    let timeout: Timeout = diesel::sql_query("PRAGMA busy_timeout")
        .get_result(&mut conn)
        .unwrap();
    assert!(timeout.timeout >= 5000);
}

#[test]
fn the_database_accepts_every_vocabulary_value() {
    for db in TestDb::all() {
        let mut conn = db.connect();
        let mut sql = String::from(BASE);
        for (i, tier) in Tier::ALL.iter().enumerate() {
            for (j, status) in VendorStatus::ALL.iter().enumerate() {
                sql.push_str(&format!("\nINSERT INTO vendors (slug, name, tier, status) VALUES ('v{i}x{j}', 'V', '{tier}', '{status}');"));
            }
        }
        for (i, c) in Criticality::ALL.iter().enumerate() {
            sql.push_str(&format!("\nINSERT INTO dependencies (consumer_vendor_id, product_id, criticality) VALUES (901, 901, '{c}'); -- {i}"));
        }
        for (i, kind) in IncidentKind::ALL.iter().enumerate() {
            sql.push_str(&format!("\nINSERT INTO incidents (slug, title, kind, severity, summary) VALUES ('i{i}', 'I', '{kind}', {}, 's');", i % 5 + 1));
        }
        for p in DatePrecision::ALL {
            sql.push_str(&format!("\nUPDATE incidents SET disclosed_precision = '{p}', discovered_precision = '{p}', resolved_precision = '{p}' WHERE id = 901;"));
            sql.push_str(&format!(
                "\nUPDATE sources SET published_precision = '{p}' WHERE id = 901;"
            ));
        }
        for role in InvolvementRole::ALL {
            sql.push_str(&format!("\nINSERT INTO incident_involvements (incident_id, vendor_id, role) VALUES (901, 901, '{role}');"));
        }
        for (i, kind) in RemediationKind::ALL.iter().enumerate() {
            sql.push_str(&format!("\nINSERT INTO remediations (slug, vendor_id, kind, description) VALUES ('r{i}', 901, '{kind}', 'd');"));
        }
        for (i, r) in Reliability::ALL.iter().enumerate() {
            sql.push_str(&format!("\nINSERT INTO sources (slug, title, publisher, language, reliability, credibility) VALUES ('s{i}', 'T', 'P', 'en', '{r}', {});", i % 6 + 1));
        }
        let mut n = 0;
        for stance in Stance::ALL {
            for action in FavouredAction::ALL {
                for q in MagicQuadrant::ALL {
                    for w in WaveTier::ALL {
                        n += 1;
                        sql.push_str(&format!("\nINSERT INTO assessments (slug, analyst_id, vendor_id, assessed_on, stance, favoured_action, quote, quote_language, magic_quadrant, wave_tier) VALUES ('a{n}', 901, 901, '2021-03-16', '{stance}', '{action}', 'q', 'fr', '{q}', '{w}');"));
                    }
                }
            }
        }
        conn.batch_execute("BEGIN").unwrap();
        let result = conn.batch_execute(&sql);
        conn.batch_execute("ROLLBACK").unwrap();
        assert!(result.is_ok(), "{}: {result:?}", db.backend);
    }
}

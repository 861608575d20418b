//! The bundled SQLite as trustkb needs it: built as `.cargo/config.toml` asks (with the query
//! planner stability guarantee, so cached statements are not planned again on every run),
//! and given planner statistics when a server starts on it.

mod common;

use common::{TestApp, TestDb};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};

#[derive(QueryableByName)]
struct CompileOption {
    #[diesel(sql_type = Text)]
    compile_options: String,
}

#[test]
fn sqlite_keeps_its_query_plans_whatever_is_bound() {
    let db = TestDb::sqlite();
    let mut conn = db.connect();
    let trustkb::store::DbConnection::Sqlite(sqlite) = &mut conn else {
        panic!("a SQLite connection");
    };
    let options: Vec<CompileOption> = diesel::sql_query("PRAGMA compile_options")
        .load(sqlite)
        .expect("compile options");
    assert!(
        options.iter().any(|o| o.compile_options == "ENABLE_QPSG"),
        "SQLite built without ENABLE_QPSG: {:?}",
        options
            .iter()
            .map(|o| &o.compile_options)
            .collect::<Vec<_>>()
    );
}

#[derive(QueryableByName)]
struct Analysed {
    #[diesel(sql_type = BigInt)]
    tables: i64,
}

/// A server's start runs `PRAGMA optimize`: the tables it reads most have statistics.
#[test]
fn a_served_database_has_planner_statistics() {
    let db = TestDb::sqlite();
    drop(TestApp::spawn(&db));
    let mut conn = db.connect();
    let analysed: Analysed = diesel::sql_query(
        "SELECT count(DISTINCT tbl) AS tables FROM sqlite_stat1 \
         WHERE tbl IN ('vendors', 'products', 'score_snapshots', 'incidents')",
    )
    .get_result(&mut conn)
    .expect("sqlite_stat1, which only ANALYZE creates");
    assert_eq!(analysed.tables, 4);
}

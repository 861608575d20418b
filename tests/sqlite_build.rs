//! The bundled SQLite is built as `.cargo/config.toml` asks: with the query planner
//! stability guarantee, so that cached statements are not planned again on every run.

mod common;

use common::TestDb;
use diesel::prelude::*;
use diesel::sql_types::Text;

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

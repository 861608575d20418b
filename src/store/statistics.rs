//! The query planner's statistics kept fresh: at each start a SQLite database gets
//! `PRAGMA optimize`, which analyses only the tables whose statistics are missing or stale.

use super::{DbConnection, StoreError};
use diesel::connection::SimpleConnection;

/// Brings SQLite's statistics up to date (PostgreSQL's autovacuum does this on its own).
/// `analysis_limit` bounds the rows each table's analysis reads, so a start stays quick on a
/// large database; `0x10002` checks every table, not only those this connection used.
pub fn refresh_statistics(conn: &mut DbConnection) -> Result<(), StoreError> {
    if let DbConnection::Sqlite(sqlite) = conn {
        sqlite.batch_execute("PRAGMA analysis_limit = 1000; PRAGMA optimize = 0x10002;")?;
    }
    Ok(())
}

//! Embedded per-backend migrations, run at start and by `trustkb migrate`.
//! On PostgreSQL an advisory lock keeps several app servers from migrating at once.

use super::{DbConnection, StoreError};
use diesel::RunQueryDsl;
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");
/// Arbitrary key of the advisory lock taken while migrating.
const MIGRATION_LOCK_KEY: i64 = 0x0074_7275_7374_6b62;

/// Runs `work` while holding the start-up lock on PostgreSQL, so that several app servers
/// starting together migrate, seed and score one after the other (SQLite needs none).
pub fn with_startup_lock<T, E: From<StoreError>>(
    conn: &mut DbConnection,
    work: impl FnOnce(&mut DbConnection) -> Result<T, E>,
) -> Result<T, E> {
    let is_pg = matches!(conn, DbConnection::Postgres(_));
    if is_pg {
        diesel::sql_query(format!("SELECT pg_advisory_lock({MIGRATION_LOCK_KEY})"))
            .execute(conn)
            .map_err(StoreError::from)?;
    }
    let result = work(conn);
    if is_pg {
        diesel::sql_query(format!("SELECT pg_advisory_unlock({MIGRATION_LOCK_KEY})"))
            .execute(conn)
            .map_err(StoreError::from)?;
    }
    result
}

/// Applies pending migrations; returns the names of those applied.
pub fn run_migrations(conn: &mut DbConnection) -> Result<Vec<String>, StoreError> {
    let applied = match conn {
        DbConnection::Sqlite(c) => c
            .run_pending_migrations(SQLITE_MIGRATIONS)
            .map(|v| v.iter().map(ToString::to_string).collect())
            .map_err(|e| StoreError::Migration(e.to_string()))?,
        DbConnection::Postgres(c) => {
            diesel::sql_query(format!("SELECT pg_advisory_lock({MIGRATION_LOCK_KEY})"))
                .execute(c)?;
            let result = c
                .run_pending_migrations(POSTGRES_MIGRATIONS)
                .map(|v| v.iter().map(ToString::to_string).collect::<Vec<_>>())
                .map_err(|e| StoreError::Migration(e.to_string()));
            diesel::sql_query(format!("SELECT pg_advisory_unlock({MIGRATION_LOCK_KEY})"))
                .execute(c)?;
            result?
        }
    };
    Ok(applied)
}

/// Whether an embedded migration is not applied yet (the readiness check asks). On a database
/// never migrated, diesel creates its empty table of applied migrations first.
pub fn has_pending_migrations(conn: &mut DbConnection) -> Result<bool, StoreError> {
    match conn {
        DbConnection::Sqlite(c) => c.has_pending_migration(SQLITE_MIGRATIONS),
        DbConnection::Postgres(c) => c.has_pending_migration(POSTGRES_MIGRATIONS),
    }
    .map_err(|e| StoreError::Migration(e.to_string()))
}

//! Write transactions: on SQLite they begin `IMMEDIATE`, taking the write lock before their
//! first read, so two writers queue on the busy timeout instead of one failing as "locked".

use super::DbConnection;
use diesel::connection::{AnsiTransactionManager, Connection, TransactionManager};
use diesel::result::Error;

type Manager = <DbConnection as Connection>::TransactionManager;

impl DbConnection {
    /// Runs `work` in a transaction that will write; commits on `Ok`, rolls back on `Err`.
    ///
    /// A deferred SQLite transaction reads from a snapshot and asks for the write lock at its
    /// first write. If another writer committed in between, the snapshot is stale and SQLite
    /// answers "database is locked" at once, whatever the busy timeout. `BEGIN IMMEDIATE`
    /// takes the lock first and waits for it. PostgreSQL (row locks, no snapshot upgrade)
    /// and a transaction already open (a savepoint inside it) use the plain transaction.
    pub fn write_transaction<T, E, F>(&mut self, work: F) -> Result<T, E>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, E>,
        E: From<Error>,
    {
        let began = match self {
            DbConnection::Sqlite(sqlite) => {
                let outermost = outermost(sqlite)?;
                if outermost {
                    AnsiTransactionManager::begin_transaction_sql(sqlite, "BEGIN IMMEDIATE")?;
                }
                outermost
            }
            DbConnection::Postgres(_) => false,
        };
        if !began {
            return self.transaction(work);
        }
        match work(self) {
            Ok(value) => {
                Manager::commit_transaction(self)?;
                Ok(value)
            }
            // The same rule as diesel's own `transaction`: the caller's error wins unless
            // the rollback itself failed for another reason than an already broken manager.
            Err(error) => match Manager::rollback_transaction(self) {
                Ok(()) | Err(Error::BrokenTransactionManager) => Err(error),
                Err(rollback) => Err(rollback.into()),
            },
        }
    }
}

/// Whether no transaction is open on this connection.
fn outermost(conn: &mut diesel::SqliteConnection) -> Result<bool, Error> {
    let depth = AnsiTransactionManager::transaction_manager_status_mut(conn).transaction_depth()?;
    Ok(depth.is_none())
}

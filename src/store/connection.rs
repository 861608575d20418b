//! Connections: the database URL, the SQLite/PostgreSQL connection enum and its r2d2 pool.
//! The backend is chosen by the URL scheme; SQLite connections get WAL, foreign keys and a busy timeout.

use super::StoreError;
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::r2d2::{ManageConnection, Pool};
use std::fmt;
use std::str::FromStr;
use std::time::Duration;

/// One connection to either backend.
#[derive(diesel::MultiConnection)]
pub enum DbConnection {
    Postgres(diesel::PgConnection),
    Sqlite(diesel::SqliteConnection),
}

/// A pool of connections to one database.
pub type DbPool = Pool<DbConnectionManager>;

/// Where the data lives, parsed from `sqlite://PATH` or `postgres://...`.
#[derive(Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    Sqlite { path: String },
    Postgres { url: String },
}

impl DatabaseUrl {
    pub fn is_sqlite(&self) -> bool {
        matches!(self, DatabaseUrl::Sqlite { .. })
    }

    /// The backend's name, for logs and health checks.
    pub fn backend(&self) -> &'static str {
        match self {
            DatabaseUrl::Sqlite { .. } => "sqlite",
            DatabaseUrl::Postgres { .. } => "postgres",
        }
    }
}

impl FromStr for DatabaseUrl {
    type Err = StoreError;

    fn from_str(url: &str) -> Result<Self, Self::Err> {
        let invalid = |reason: &str| StoreError::InvalidUrl {
            url: redact(url),
            reason: reason.to_owned(),
        };
        if let Some(path) = url.strip_prefix("sqlite://") {
            if path.is_empty() {
                return Err(invalid("give a file path, e.g. sqlite://trustkb.db"));
            }
            return Ok(DatabaseUrl::Sqlite {
                path: path.to_owned(),
            });
        }
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(DatabaseUrl::Postgres {
                url: url.to_owned(),
            });
        }
        Err(invalid(
            "the scheme must be sqlite:// (embedded) or postgres:// (server)",
        ))
    }
}

/// Hides the password of a URL for logs and error messages.
fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    match rest.split_once('@') {
        Some((userinfo, host)) if userinfo.contains(':') => {
            let user = userinfo.split(':').next().unwrap_or_default();
            format!("{scheme}://{user}:***@{host}")
        }
        _ => url.to_owned(),
    }
}

impl fmt::Display for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DatabaseUrl::Sqlite { path } => write!(f, "sqlite://{path}"),
            DatabaseUrl::Postgres { url } => f.write_str(&redact(url)),
        }
    }
}

impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// SQLite settings applied to every new connection. The busy timeout comes first: switching
/// to WAL needs a lock that a connection closing elsewhere may hold for a moment.
const SQLITE_PRAGMAS: &str = "PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; \
     PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;";

/// Counts every statement a connection sends (the `trustkb_db_queries_total` metric, which
/// the tests read to find pages whose queries grow with what they list).
struct CountQueries;

impl diesel::connection::Instrumentation for CountQueries {
    fn on_connection_event(&mut self, event: diesel::connection::InstrumentationEvent<'_>) {
        if matches!(
            event,
            diesel::connection::InstrumentationEvent::StartQuery { .. }
        ) {
            crate::metrics::record_query();
        }
    }
}

/// Opens one connection, dispatching on the URL scheme (so the real error is reported).
pub fn connect(url: &DatabaseUrl) -> Result<DbConnection, StoreError> {
    let connect_error = |source| StoreError::Connect {
        url: url.to_string(),
        source,
    };
    match url {
        DatabaseUrl::Sqlite { path } => {
            let mut conn = diesel::SqliteConnection::establish(path).map_err(connect_error)?;
            conn.batch_execute(SQLITE_PRAGMAS)?;
            conn.set_instrumentation(CountQueries);
            Ok(DbConnection::Sqlite(conn))
        }
        DatabaseUrl::Postgres { url: raw } => {
            let mut conn = diesel::PgConnection::establish(raw).map_err(connect_error)?;
            conn.set_instrumentation(CountQueries);
            Ok(DbConnection::Postgres(conn))
        }
    }
}

/// The r2d2 manager for `DbConnection`.
#[derive(Debug, Clone)]
pub struct DbConnectionManager {
    url: DatabaseUrl,
}

impl ManageConnection for DbConnectionManager {
    type Connection = DbConnection;
    type Error = StoreError;

    fn connect(&self) -> Result<DbConnection, StoreError> {
        connect(&self.url)
    }

    /// A PostgreSQL connection is checked before each use (the server may have closed it);
    /// a SQLite connection is an open file that nothing outside can close, so it is not.
    fn is_valid(&self, conn: &mut DbConnection) -> Result<(), StoreError> {
        match conn {
            DbConnection::Sqlite(_) => Ok(()),
            DbConnection::Postgres(pg) => pg.batch_execute("SELECT 1").map_err(StoreError::from),
        }
    }

    fn has_broken(&self, _conn: &mut DbConnection) -> bool {
        false
    }
}

/// Opens a pool; the first connection is made at once so a bad URL fails here, clearly.
pub fn open_pool(url: &DatabaseUrl, max_size: u32) -> Result<DbPool, StoreError> {
    // Fail with the real cause (a pool only reports a time-out).
    drop(connect(url)?);
    let pool = Pool::builder()
        .max_size(max_size)
        .connection_timeout(Duration::from_secs(10))
        .build(DbConnectionManager { url: url.clone() })?;
    Ok(pool)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_choose_the_backend_by_scheme() {
        assert!(matches!(
            "sqlite://trustkb.db".parse::<DatabaseUrl>(),
            Ok(DatabaseUrl::Sqlite { path }) if path == "trustkb.db"
        ));
        assert!(matches!(
            "sqlite:///var/lib/trustkb.db".parse::<DatabaseUrl>(),
            Ok(DatabaseUrl::Sqlite { path }) if path == "/var/lib/trustkb.db"
        ));
        assert!(matches!(
            "postgresql://u@h/db".parse::<DatabaseUrl>(),
            Ok(DatabaseUrl::Postgres { .. })
        ));
        assert!("mysql://h/db".parse::<DatabaseUrl>().is_err());
        assert!("trustkb.db".parse::<DatabaseUrl>().is_err());
        assert!("sqlite://".parse::<DatabaseUrl>().is_err());
    }

    #[test]
    fn passwords_never_show() {
        let url: DatabaseUrl = "postgres://app:s3cret@db.internal:5432/trustkb"
            .parse()
            .unwrap();
        assert_eq!(
            url.to_string(),
            "postgres://app:***@db.internal:5432/trustkb"
        );
        let err = "mysql://app:s3cret@h/db"
            .parse::<DatabaseUrl>()
            .unwrap_err();
        assert!(!err.to_string().contains("s3cret"));
    }
}

//! The storage layer's error type.
//! Database errors keep their cause; "not found" names what was looked for.

/// What can go wrong in the storage layer.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("invalid database URL \"{url}\": {reason}")]
    InvalidUrl { url: String, reason: String },
    #[error("cannot connect to {url}: {source}")]
    Connect {
        url: String,
        #[source]
        source: diesel::ConnectionError,
    },
    #[error("database pool: {0}")]
    Pool(#[from] diesel::r2d2::PoolError),
    #[error("database query failed: {0}")]
    Query(#[from] diesel::result::Error),
    #[error("database migration failed: {0}")]
    Migration(String),
    #[error("{kind} \"{key}\" not found")]
    NotFound { kind: &'static str, key: String },
    #[error("the database holds an invalid value: {0}")]
    Corrupt(String),
    /// The change clashes with what is stored (a duplicate e-mail, a last admin).
    #[error("{0}")]
    Conflict(String),
    #[error("no secure randomness available: {0}")]
    Random(String),
}

impl StoreError {
    pub fn not_found(kind: &'static str, key: impl Into<String>) -> Self {
        StoreError::NotFound {
            kind,
            key: key.into(),
        }
    }
}

/// A one-row query's outcome with "no row" reported as the record not found.
pub trait OrNotFound<T> {
    /// `kind` and `key` name what was looked for (`"vendor"`, its slug).
    fn or_not_found(self, kind: &'static str, key: impl Into<String>) -> Result<T, StoreError>;
}

impl<T> OrNotFound<T> for diesel::QueryResult<T> {
    fn or_not_found(self, kind: &'static str, key: impl Into<String>) -> Result<T, StoreError> {
        match self {
            Err(diesel::result::Error::NotFound) => Err(StoreError::not_found(kind, key)),
            other => Ok(other?),
        }
    }
}

/// Parses a stored value into a domain type, reporting a corrupt row instead of panicking.
pub fn parse_stored<T>(column: &str, value: &str) -> Result<T, StoreError>
where
    T: std::str::FromStr,
    T::Err: std::fmt::Display,
{
    value
        .parse()
        .map_err(|e: T::Err| StoreError::Corrupt(format!("{column}: {e}")))
}

/// Parses an optional stored value.
pub fn parse_stored_opt<T>(column: &str, value: Option<&str>) -> Result<Option<T>, StoreError>
where
    T: std::str::FromStr,
    T::Err: std::fmt::Display,
{
    value.map(|v| parse_stored(column, v)).transpose()
}

/// Rebuilds a stored date with its stored precision.
pub fn stored_date(
    column: &str,
    date: chrono::NaiveDate,
    precision: &str,
) -> Result<crate::domain::PartialDate, StoreError> {
    let precision = parse_stored(column, precision)?;
    crate::domain::PartialDate::from_stored(date, precision)
        .map_err(|e| StoreError::Corrupt(format!("{column}: {e}")))
}

/// Rebuilds an optional stored date with its stored precision.
pub fn stored_date_opt(
    column: &str,
    date: Option<chrono::NaiveDate>,
    precision: &str,
) -> Result<Option<crate::domain::PartialDate>, StoreError> {
    date.map(|d| stored_date(column, d, precision)).transpose()
}

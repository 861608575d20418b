//! Typed configuration, built once from command-line flags and `TRUSTKB_*` variables
//! (clap reads both) and passed down; nothing reads the environment after start.

use crate::domain::scoring::ScoringConfig;
use crate::store::{DatabaseUrl, StoreError};

/// The embedded default database.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://trustkb.db";
/// The default listening address.
pub const DEFAULT_BIND: &str = "127.0.0.1:8080";

/// Settings of the web server.
#[derive(Debug, Clone)]
pub struct ServeConfig {
    pub database: DatabaseUrl,
    /// Address to listen on; port 0 picks a free port.
    pub bind: String,
    /// Import the built-in seed pack when the database is empty.
    pub seed_when_empty: bool,
    /// Database connections kept open.
    pub pool_size: u32,
    /// HTTP worker threads (0: one per core).
    pub workers: usize,
    /// The trust scoring model's weights.
    pub scoring: ScoringConfig,
}

impl ServeConfig {
    /// A configuration with the defaults for everything but the database and address.
    pub fn new(database: &str, bind: &str) -> Result<Self, StoreError> {
        Ok(ServeConfig {
            database: database.parse()?,
            bind: bind.to_owned(),
            seed_when_empty: true,
            pool_size: 8,
            workers: 0,
            scoring: ScoringConfig::default(),
        })
    }
}

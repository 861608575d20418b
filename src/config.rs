//! Typed configuration, built once from command-line flags and `TRUSTKB_*` variables
//! (clap reads both) and passed down; nothing reads the environment after start.

use crate::auth::SecretKey;
use crate::domain::recommend::RecommendationConfig;
use crate::domain::scoring::ScoringConfig;
use crate::store::sessions::SessionTimeouts;
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
    /// The recommendation rules' thresholds and weights.
    pub recommendation: RecommendationConfig,
    /// The key sealing session cookies (`TRUSTKB_SECRET_KEY`). When absent, an SQLite
    /// database keeps a generated one beside it; PostgreSQL refuses to start.
    pub secret_key: Option<SecretKey>,
    /// Session idle and absolute timeouts.
    pub sessions: SessionTimeouts,
    /// The administrator to create on an empty database.
    pub first_admin: FirstAdmin,
    /// The webhook delivery worker's pace and retries.
    pub webhooks: crate::webhooks::WebhookSettings,
}

/// The first administrator (`TRUSTKB_ADMIN_EMAIL`, `TRUSTKB_ADMIN_PASSWORD`); without a
/// password a one-time password is generated, printed once and must be changed at sign-in.
#[derive(Debug, Clone, Default)]
pub struct FirstAdmin {
    pub email: Option<String>,
    pub password: Option<String>,
}

impl FirstAdmin {
    /// The e-mail used when none is configured.
    pub const DEFAULT_EMAIL: &str = "admin@localhost";
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
            recommendation: RecommendationConfig::default(),
            secret_key: None,
            sessions: SessionTimeouts::default(),
            first_admin: FirstAdmin::default(),
            webhooks: crate::webhooks::WebhookSettings::default(),
        })
    }
}

//! State shared by every handler: the connection pool, and the helper that runs blocking
//! diesel work off the async workers.

use super::error::WebError;
use crate::domain::scoring::ScoringConfig;
use crate::store::sessions::SessionTimeouts;
use crate::store::{DbConnection, DbPool, StoreError};
use actix_web::web;

/// What handlers share.
#[derive(Clone)]
pub struct AppState {
    pub pool: DbPool,
    /// `sqlite` or `postgres`, for the health check.
    pub backend: &'static str,
    /// The trust scoring model.
    pub scoring: std::sync::Arc<ScoringConfig>,
    /// The recommendation rules.
    pub recommendation: std::sync::Arc<crate::domain::recommend::RecommendationConfig>,
    /// Seals (signs and encrypts) the session cookie.
    pub cookie_key: actix_web::cookie::Key,
    /// How long sessions live.
    pub sessions: SessionTimeouts,
    /// The full-text search index (rebuilt when the knowledge base changes).
    pub search: std::sync::Arc<super::search::SearchHolder>,
    /// The scoring engine's input, reloaded when the knowledge base changes.
    pub scoring_data: std::sync::Arc<crate::store::queries::evidence::ScoringCache>,
    /// The dashboard, rebuilt when the knowledge base changes.
    pub dashboards: std::sync::Arc<crate::store::queries::dashboard::DashboardCache>,
}

impl AppState {
    /// Runs `work` with a pooled connection on the blocking thread pool.
    pub async fn run<T, F>(&self, work: F) -> Result<T, WebError>
    where
        T: Send + 'static,
        F: FnOnce(&mut DbConnection) -> Result<T, StoreError> + Send + 'static,
    {
        let pool = self.pool.clone();
        web::block(move || {
            let mut conn = pool.get().map_err(StoreError::from)?;
            work(&mut conn)
        })
        .await
        .map_err(|e| WebError::Internal(format!("blocking task failed: {e}")))?
        .map_err(WebError::from)
    }
}

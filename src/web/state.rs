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
    /// The scoring engine's input and the vendor and product details most read, dropped
    /// when the knowledge base changes.
    pub scored: std::sync::Arc<crate::store::queries::cached::ScoredReads>,
    /// The API's answers to reads of one record, dropped when the knowledge base changes.
    pub answers: std::sync::Arc<super::api::answers::Answers>,
    /// Rendered pages, dropped when the knowledge base changes.
    pub pages: std::sync::Arc<super::rendered::RenderedPages>,
    /// The dashboard, rebuilt when the knowledge base changes.
    pub dashboards: std::sync::Arc<crate::store::queries::dashboard::DashboardCache>,
    /// The portfolio workbooks, by language and day, dropped when the knowledge base changes.
    pub workbooks: std::sync::Arc<super::exports::Workbooks>,
    /// One turn per pooled connection, granted in arrival order: at most as many requests
    /// work on the database as there are connections, and the rest wait in line rather than
    /// crowd the pool's lock (which wakes waiters in no order, and so makes the slowest
    /// requests very slow under load).
    pub db_turns: std::sync::Arc<tokio::sync::Semaphore>,
    /// Requests waiting for their session or token to be checked, a turn for all of them.
    pub credentials: std::sync::Arc<super::credential_checks::CredentialChecks>,
}

impl AppState {
    /// Runs `work` with a pooled connection on the blocking thread pool.
    pub async fn run<T, F>(&self, work: F) -> Result<T, WebError>
    where
        T: Send + 'static,
        F: FnOnce(&mut DbConnection) -> Result<T, StoreError> + Send + 'static,
    {
        self.run_web(move |c| work(c).map_err(WebError::from)).await
    }

    /// [`AppState::run`] for work that fails with a [`WebError`] of its own.
    pub async fn run_web<T, F>(&self, work: F) -> Result<T, WebError>
    where
        T: Send + 'static,
        F: FnOnce(&mut DbConnection) -> Result<T, WebError> + Send + 'static,
    {
        let pool = self.pool.clone();
        let turn = self
            .db_turns
            .clone()
            .acquire_owned()
            .await
            .map_err(|e| WebError::Internal(format!("database turns closed: {e}")))?;
        web::block(move || {
            let _turn = turn;
            let mut conn = pool.get().map_err(StoreError::from)?;
            work(&mut conn)
        })
        .await
        .map_err(|e| WebError::Internal(format!("blocking task failed: {e}")))?
    }
}

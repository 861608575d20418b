//! Liveness (`/healthz`, no database), readiness (`/readyz`: a pooled connection answers and
//! no migration is pending) and metrics (`/metrics`), plus the middleware counting requests.

use super::routes::index::pattern_of;
use super::state::AppState;
use crate::metrics::{self, ScrapeState};
use crate::store::alerts::deliveries::pending_count;
use crate::store::migrate::has_pending_migrations;
use crate::store::{DbPool, StoreError};
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{HttpResponse, web};
use diesel::connection::SimpleConnection;
use std::time::{Duration, Instant};

/// How long readiness waits for a connection from the pool.
pub const READY_TIMEOUT: Duration = Duration::from_secs(2);

/// `GET /healthz`: liveness only — the process answers; the database is not touched.
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/plain; charset=utf-8")
        .body("ok")
}

/// Why the server is not ready.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotReady {
    /// No connection could be taken from the pool in time.
    NoConnection,
    /// A connection was taken but `SELECT 1` failed.
    NoAnswer,
    /// Some migration is not applied.
    MigrationsPending,
    /// The applied migrations could not be read.
    MigrationsUnknown,
}

impl NotReady {
    /// The `database` and `migrations` fields of the answer, and its reason.
    fn fields(self) -> (&'static str, &'static str, &'static str) {
        match self {
            NotReady::NoConnection => (
                "unavailable",
                "unknown",
                "no database connection could be taken from the pool in time",
            ),
            NotReady::NoAnswer => ("unavailable", "unknown", "the database did not answer"),
            NotReady::MigrationsPending => ("ok", "pending", "database migrations are pending"),
            NotReady::MigrationsUnknown => (
                "ok",
                "unknown",
                "the applied database migrations could not be read",
            ),
        }
    }

    /// The 503 answer of `/readyz`.
    pub fn response(self, backend: &str) -> HttpResponse {
        let (database, migrations, reason) = self.fields();
        HttpResponse::ServiceUnavailable().json(serde_json::json!({
            "status": "not ready",
            "backend": backend,
            "database": database,
            "migrations": migrations,
            "reason": reason,
        }))
    }
}

/// Takes a connection within `timeout`, runs `SELECT 1` and checks that no migration is
/// pending. Blocking: call it off the async workers. Failures are logged with their cause.
pub fn check_readiness(pool: &DbPool, timeout: Duration) -> Result<(), NotReady> {
    let mut conn = pool.get_timeout(timeout).map_err(|e| {
        tracing::warn!(error = %e, "not ready: no database connection");
        NotReady::NoConnection
    })?;
    conn.batch_execute("SELECT 1").map_err(|e| {
        tracing::warn!(error = %e, "not ready: the database did not answer");
        NotReady::NoAnswer
    })?;
    match has_pending_migrations(&mut conn) {
        Ok(false) => Ok(()),
        Ok(true) => {
            tracing::warn!("not ready: database migrations are pending");
            Err(NotReady::MigrationsPending)
        }
        Err(e) => {
            tracing::warn!(error = %e, "not ready: cannot read the applied migrations");
            Err(NotReady::MigrationsUnknown)
        }
    }
}

/// The `/readyz` answer for the outcome of [`check_readiness`].
pub fn readiness_response(outcome: Result<(), NotReady>, backend: &str) -> HttpResponse {
    match outcome {
        Ok(()) => HttpResponse::Ok().json(serde_json::json!({
            "status": "ready",
            "backend": backend,
            "database": "ok",
            "migrations": "current",
        })),
        Err(not_ready) => not_ready.response(backend),
    }
}

/// `GET /readyz`: 200 when the database serves this version of the application, else 503.
pub async fn readyz(state: web::Data<AppState>) -> HttpResponse {
    let pool = state.pool.clone();
    let outcome = web::block(move || check_readiness(&pool, READY_TIMEOUT))
        .await
        .unwrap_or(Err(NotReady::NoConnection));
    readiness_response(outcome, state.backend)
}

/// `GET /metrics`: the Prometheus metrics, with the pool and the webhook queue read now.
pub async fn metrics(state: web::Data<AppState>) -> HttpResponse {
    let pool = state.pool.clone();
    let depth = web::block(move || {
        let mut conn = pool.get_timeout(READY_TIMEOUT).map_err(StoreError::from)?;
        pending_count(&mut conn)
    })
    .await;
    let queue_depth = match depth {
        Ok(Ok(depth)) => Some(depth),
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "metrics: cannot count the webhook queue");
            None
        }
        Err(e) => {
            tracing::warn!(error = %e, "metrics: blocking task failed");
            None
        }
    };
    let pool = state.pool.state();
    let now = ScrapeState {
        pool_idle: pool.idle_connections,
        pool_open: pool.connections,
        pool_max: state.pool.max_size(),
        queue_depth,
    };
    match metrics::render(now) {
        Ok(text) => HttpResponse::Ok()
            .content_type(metrics::CONTENT_TYPE)
            .body(text),
        Err(e) => {
            tracing::error!(error = %e, "metrics: cannot render");
            HttpResponse::InternalServerError().finish()
        }
    }
}

/// Middleware: counts every answered request by method, matched route pattern (`unmatched`
/// when none) and status, and observes its latency. Wrapped outermost, it sees the final status.
pub async fn track(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let started = Instant::now();
    let method = metrics::method_label(req.method().as_str());
    // For an error no response carries (middleware errors): the pattern as the path stands.
    // (Keeping a clone of the request instead would stop `NormalizePath` from rewriting it.)
    let early = pattern_of(req.path());
    let result = next.call(req).await;
    let status = match &result {
        Ok(res) => res.status(),
        Err(e) => e.as_response_error().status_code(),
    };
    let route = match &result {
        Ok(res) => pattern_of(res.request().path()),
        Err(_) => early,
    };
    let route = route.unwrap_or("unmatched");
    metrics::record_request(method, route, status.as_u16(), started.elapsed());
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{DatabaseUrl, open_pool};

    fn status_and_body(response: HttpResponse) -> (u16, serde_json::Value) {
        let status = response.status().as_u16();
        let bytes = actix_web::body::to_bytes(response.into_body());
        let bytes = actix_web::rt::System::new()
            .block_on(bytes)
            .unwrap_or_default();
        (status, serde_json::from_slice(&bytes).unwrap_or_default())
    }

    fn sqlite_pool(dir: &tempfile::TempDir, max_size: u32) -> DbPool {
        let path = dir.path().join("ready.db");
        let url: DatabaseUrl = format!("sqlite://{}", path.display()).parse().expect("url");
        open_pool(&url, max_size).expect("pool")
    }

    #[test]
    fn a_database_never_migrated_is_not_ready_then_ready_once_migrated() {
        let dir = tempfile::tempdir().expect("dir");
        let pool = sqlite_pool(&dir, 2);
        let outcome = check_readiness(&pool, READY_TIMEOUT);
        assert_eq!(outcome, Err(NotReady::MigrationsPending));
        let (status, body) = status_and_body(readiness_response(outcome, "sqlite"));
        assert_eq!(status, 503);
        assert_eq!(body["migrations"], "pending");
        assert_eq!(body["reason"], "database migrations are pending");
        let mut conn = pool.get().expect("conn");
        crate::store::migrate::run_migrations(&mut conn).expect("migrate");
        drop(conn);
        let outcome = check_readiness(&pool, READY_TIMEOUT);
        let (status, body) = status_and_body(readiness_response(outcome, "sqlite"));
        assert_eq!(status, 200);
        assert_eq!(
            body,
            serde_json::json!({"status": "ready", "backend": "sqlite", "database": "ok", "migrations": "current"})
        );
    }

    #[test]
    fn no_connection_in_time_is_not_ready() {
        let dir = tempfile::tempdir().expect("dir");
        let pool = sqlite_pool(&dir, 1);
        let _held = pool.get().expect("the only connection");
        let outcome = check_readiness(&pool, Duration::from_millis(100));
        assert_eq!(outcome, Err(NotReady::NoConnection));
        let (status, body) = status_and_body(readiness_response(outcome, "sqlite"));
        assert_eq!(status, 503);
        assert_eq!(body["database"], "unavailable");
    }

    #[test]
    fn a_file_that_is_no_database_is_not_ready() {
        let dir = tempfile::tempdir().expect("dir");
        let pool = sqlite_pool(&dir, 1);
        drop(pool.get().expect("conn"));
        // The database file is replaced by something else while the server runs.
        let path = dir.path().join("ready.db");
        for sidecar in ["ready.db-wal", "ready.db-shm"] {
            let _ = std::fs::remove_file(dir.path().join(sidecar));
        }
        std::fs::write(&path, vec![b'x'; 8192]).expect("overwrite");
        let outcome = check_readiness(&pool, Duration::from_millis(300));
        assert!(outcome.is_err(), "{outcome:?}");
        let (status, body) = status_and_body(readiness_response(outcome, "sqlite"));
        assert_eq!(status, 503);
        assert!(body["reason"].is_string());
    }
}

//! Starting the server: open the pool, migrate, seed an empty database, bind, log the URL.
//! `start` returns the running server and its address (tests bind port 0); `serve` blocks.

use super::routes;
use super::state::AppState;
use crate::config::ServeConfig;
use crate::store::migrate::{run_migrations, with_startup_lock};
use crate::store::pack::embedded::seed_pack;
use crate::store::pack::seed::{SeedOutcome, import_time, is_empty, seed};
use crate::store::snapshots::{has_snapshots, refresh_snapshots};
use crate::store::{DbConnection, StoreError, open_pool};
use actix_web::dev::Server;
use actix_web::middleware::{Compress, DefaultHeaders, Logger, NormalizePath, TrailingSlash};
use actix_web::{App, HttpServer, web};
use std::net::SocketAddr;

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("seeding the empty database failed: {0}")]
    Seed(#[from] crate::store::pack::PackError),
    #[error("cannot listen on {bind}: {source}")]
    Bind {
        bind: String,
        #[source]
        source: std::io::Error,
    },
}

impl From<StartError> for std::io::Error {
    fn from(e: StartError) -> Self {
        std::io::Error::other(e.to_string())
    }
}

/// Opens the database, applies migrations and seeds it when empty.
pub fn prepare_state(config: &ServeConfig) -> Result<AppState, StartError> {
    let pool = open_pool(&config.database, config.pool_size)?;
    let mut conn = pool.get().map_err(StoreError::from)?;
    with_startup_lock(&mut conn, |conn| prepare_database(conn, config))?;
    Ok(AppState {
        pool: pool.clone(),
        backend: config.database.backend(),
        scoring: std::sync::Arc::new(config.scoring.clone()),
    })
}

/// Migrates, seeds an empty database and writes today's scores when missing.
fn prepare_database(conn: &mut DbConnection, config: &ServeConfig) -> Result<(), StartError> {
    for name in run_migrations(conn)? {
        tracing::info!(migration = %name, "applied migration");
    }
    if config.seed_when_empty && is_empty(conn)? {
        match seed(conn, &seed_pack()?, import_time(), &config.scoring)? {
            SeedOutcome::Imported(report) => {
                tracing::info!(pack = %report.pack, records = report.total(), "seeded the empty database");
            }
            SeedOutcome::AlreadyPresent { .. } => {}
        }
    }
    // Decay moves scores every day: make sure today's snapshots exist under this model.
    let now = import_time();
    if !has_snapshots(conn, now.date(), &config.scoring.model_version)? {
        let written = refresh_snapshots(conn, now.date(), &config.scoring, now)?;
        tracing::info!(subjects = written, model = %config.scoring.model_version, "scored the knowledge base as of today");
    }
    Ok(())
}

/// Binds the server; it runs once awaited. Call inside an actix system.
pub fn start(config: &ServeConfig) -> Result<(Server, SocketAddr), StartError> {
    let state = prepare_state(config)?;
    let data = web::Data::new(state);
    let mut server = HttpServer::new(move || {
        App::new()
            .app_data(data.clone())
            .wrap(NormalizePath::new(TrailingSlash::Trim))
            .wrap(Compress::default())
            .wrap(
                DefaultHeaders::new()
                    .add(("X-Content-Type-Options", "nosniff"))
                    .add(("Referrer-Policy", "same-origin"))
                    .add(("Content-Security-Policy", "default-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'")),
            )
            .wrap(Logger::new("%r %s %b %Dms").log_target("trustkb::http"))
            .configure(routes::configure)
    });
    if config.workers > 0 {
        server = server.workers(config.workers);
    }
    let bind_err = |source| StartError::Bind {
        bind: config.bind.clone(),
        source,
    };
    let server = server.bind(&config.bind).map_err(bind_err)?;
    let addr = server
        .addrs()
        .first()
        .copied()
        .ok_or_else(|| bind_err(std::io::Error::other("no address bound")))?;
    Ok((server.run(), addr))
}

/// Runs the server until it is stopped (Ctrl-C).
pub fn serve(config: ServeConfig) -> std::io::Result<()> {
    actix_web::rt::System::new().block_on(async move {
        let (server, addr) = start(&config)?;
        tracing::info!(database = %config.database, "trustkb listening on http://{addr}");
        server.await
    })
}

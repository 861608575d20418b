//! Starting the server: open the pool, migrate, seed an empty database, bind, log the URL.
//! `start` returns the running server and its address (tests bind port 0); `serve` blocks.

use super::state::AppState;
use super::{access, routes};
use crate::auth::{SecretKey, SecretKeyError, hash_password, random_token};
use crate::config::{FirstAdmin, ServeConfig};
use crate::domain::accounts::check_new_password;
use crate::domain::audit::Actor;
use crate::domain::{Channel, Email, Role};
use crate::store::DatabaseUrl;
use crate::store::accounts::{NewAccount, count_accounts, create_account};
use crate::store::migrate::{run_migrations, with_startup_lock};
use crate::store::pack::embedded::seed_pack;
use crate::store::pack::seed::{SeedOutcome, import_time, is_empty, seed};
use crate::store::snapshots::{has_snapshots, refresh_snapshots};
use crate::store::statistics::refresh_statistics;
use crate::store::{DbConnection, StoreError, open_pool};
use actix_web::dev::Server;
use actix_web::middleware::{
    Compress, DefaultHeaders, Logger, NormalizePath, TrailingSlash, from_fn,
};
use actix_web::{App, HttpServer, web};
use std::net::SocketAddr;

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("seeding the empty database failed: {0}")]
    Seed(#[from] crate::store::pack::PackError),
    #[error(transparent)]
    SecretKey(#[from] crate::auth::SecretKeyError),
    #[error("cannot create the first administrator: {0}")]
    FirstAdmin(String),
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
    let secret = secret_key(config)?;
    let mut conn = pool.get().map_err(StoreError::from)?;
    with_startup_lock(&mut conn, |conn| prepare_database(conn, config))?;
    let search = std::sync::Arc::new(super::search::SearchHolder::default());
    build_search_index_behind(pool.clone(), search.clone());
    Ok(AppState {
        pool: pool.clone(),
        backend: config.database.backend(),
        scoring: std::sync::Arc::new(config.scoring.clone()),
        recommendation: std::sync::Arc::new(config.recommendation.clone()),
        cookie_key: actix_web::cookie::Key::derive_from(secret.bytes()),
        sessions: config.sessions,
        search,
        scored: Default::default(),
        answers: Default::default(),
        pages: Default::default(),
        dashboards: Default::default(),
        workbooks: Default::default(),
        db_turns: std::sync::Arc::new(tokio::sync::Semaphore::new(pool.max_size() as usize)),
        credentials: Default::default(),
    })
}

/// Builds the search index on a thread of its own, so that the server answers at once (the
/// build is most of a start's work: 0.5 s at 10,000 vendors). A search asked meanwhile waits
/// for this build instead of starting another; one asked before it began builds the index
/// itself, and this build then finds it ready.
fn build_search_index_behind(
    pool: crate::store::DbPool,
    search: std::sync::Arc<super::search::SearchHolder>,
) {
    let not_built = |e: &dyn std::fmt::Display| {
        tracing::warn!(error = %e, "search index not built at start; the first search builds it");
    };
    let started = std::thread::Builder::new()
        .name("search-index".into())
        .spawn(move || {
            let built = pool
                .get()
                .map_err(|e| super::error::WebError::from(StoreError::from(e)))
                .and_then(|mut conn| search.fresh(&mut conn));
            if let Err(e) = built {
                not_built(&e);
            }
        });
    if let Err(e) = started {
        not_built(&e);
    }
}

/// The configured key, or on SQLite the one kept beside the database file.
fn secret_key(config: &ServeConfig) -> Result<SecretKey, StartError> {
    if let Some(key) = &config.secret_key {
        return Ok(key.clone());
    }
    match &config.database {
        DatabaseUrl::Sqlite { path } => {
            let file = SecretKey::file_beside(path);
            let key = SecretKey::load_or_create(&file)?;
            tracing::info!(file = %file.display(), "TRUSTKB_SECRET_KEY not set: using the key kept beside the database");
            Ok(key)
        }
        DatabaseUrl::Postgres { .. } => Err(SecretKeyError::Missing.into()),
    }
}

/// Migrates, seeds an empty database and writes today's scores when missing.
fn prepare_database(conn: &mut DbConnection, config: &ServeConfig) -> Result<(), StartError> {
    for name in run_migrations(conn)? {
        tracing::info!(migration = %name, "applied migration");
    }
    create_first_admin(conn, &config.first_admin)?;
    if config.seed_when_empty && is_empty(conn)? {
        // Recorded in the audit trail as the server's own import.
        let actor = Actor {
            channel: Channel::Import,
            ..Actor::system()
        };
        match seed(conn, &actor, &seed_pack()?, import_time(), &config.scoring)? {
            SeedOutcome::Imported(report) => {
                tracing::info!(pack = %report.pack, records = report.total(), "seeded the empty database");
            }
            SeedOutcome::AlreadyPresent { .. } => {}
        }
    }
    refresh_statistics(conn)?;
    // Decay moves scores every day: make sure today's snapshots exist under this model.
    let now = import_time();
    if !has_snapshots(conn, now.date(), &config.scoring.model_version)? {
        let written = refresh_snapshots(conn, now.date(), &config.scoring, now)?;
        tracing::info!(subjects = written, model = %config.scoring.model_version, "scored the knowledge base as of today");
    }
    Ok(())
}

/// On a database without accounts, creates the first administrator. Without a configured
/// password, a one-time password is printed once and must be changed at the first sign-in.
fn create_first_admin(conn: &mut DbConnection, first: &FirstAdmin) -> Result<(), StartError> {
    if count_accounts(conn)? > 0 {
        return Ok(());
    }
    let typed = first.email.as_deref().unwrap_or(FirstAdmin::DEFAULT_EMAIL);
    let email = Email::normalise(typed)
        .map_err(|e| StartError::FirstAdmin(format!("TRUSTKB_ADMIN_EMAIL: {e}")))?;
    let (password, one_time) = match &first.password {
        Some(password) => {
            check_new_password(password, email.as_str())
                .map_err(|e| StartError::FirstAdmin(format!("TRUSTKB_ADMIN_PASSWORD: {e}")))?;
            (password.clone(), false)
        }
        None => (
            random_token(12).map_err(|e| StartError::FirstAdmin(e.to_string()))?,
            true,
        ),
    };
    let hash = hash_password(&password).map_err(|e| StartError::FirstAdmin(e.to_string()))?;
    let new = NewAccount {
        email: &email,
        role: Role::Admin,
        password_hash: &hash,
        must_change_password: one_time,
    };
    create_account(conn, &Actor::system(), &new, import_time())?;
    if one_time {
        println!(
            "\n  trustkb: created the administrator {email} with the one-time password\n\n      {password}\n\n  It is shown only now; it must be changed at the first sign-in.\n"
        );
    }
    tracing::info!(email = %email, one_time, "created the first administrator");
    Ok(())
}

/// Binds the server; it runs once awaited. Call inside an actix system.
pub fn start(config: &ServeConfig) -> Result<(Server, SocketAddr), StartError> {
    crate::metrics::init();
    let state = prepare_state(config)?;
    // Alerts queued while the server was stopped go out now; then every poll interval.
    crate::webhooks::worker::spawn(state.pool.clone(), config.webhooks);
    let data = web::Data::new(state);
    let mut server = HttpServer::new(move || {
        App::new()
            .app_data(data.clone())
            // Read by the CSRF check before routing; page forms have the same limit.
            .app_data(web::PayloadConfig::new(access::FORM_LIMIT))
            .wrap(from_fn(access::gate))
            .wrap(NormalizePath::new(TrailingSlash::Trim))
            .wrap(Compress::default())
            .wrap(
                DefaultHeaders::new()
                    .add(("X-Content-Type-Options", "nosniff"))
                    .add(("Referrer-Policy", "same-origin"))
                    .add(("X-Frame-Options", "DENY"))
                    .add(("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")),
            )
            .wrap(Logger::new("%r %s %b %Dms").log_target("trustkb::http"))
            // Outermost: counts every request with its final status (src/metrics/).
            .wrap(from_fn(super::health::track))
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

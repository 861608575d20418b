//! Test support: a fresh database per test (an SQLite temp file, and a throwaway PostgreSQL
//! database when TRUSTKB_TEST_POSTGRES_URL is set) and the real server spoken to over HTTP.
#![allow(dead_code)]

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};
use trustkb::config::ServeConfig;

/// The environment variable naming a PostgreSQL server to test against.
pub const POSTGRES_ENV: &str = "TRUSTKB_TEST_POSTGRES_URL";

static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// A fresh, empty database that disappears with the value.
pub struct TestDb {
    pub url: String,
    pub backend: &'static str,
    _dir: Option<tempfile::TempDir>,
    postgres: Option<(String, String)>,
}

impl TestDb {
    pub fn sqlite() -> TestDb {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("trustkb-test.db");
        TestDb {
            url: format!("sqlite://{}", path.display()),
            backend: "sqlite",
            _dir: Some(dir),
            postgres: None,
        }
    }

    /// Creates a throwaway database on the server at `admin_url`.
    pub fn postgres(admin_url: &str) -> TestDb {
        use diesel::{Connection, RunQueryDsl};
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let name = format!(
            "trustkb_test_{}_{}_{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::SeqCst),
            nanos
        );
        let mut admin = diesel::PgConnection::establish(admin_url)
            .expect("connect to the PostgreSQL admin URL");
        diesel::sql_query(format!("CREATE DATABASE {name}"))
            .execute(&mut admin)
            .expect("create test database");
        TestDb {
            url: replace_database(admin_url, &name),
            backend: "postgres",
            _dir: None,
            postgres: Some((admin_url.to_owned(), name)),
        }
    }

    /// SQLite always; PostgreSQL too when TRUSTKB_TEST_POSTGRES_URL is set.
    pub fn all() -> Vec<TestDb> {
        let mut dbs = vec![TestDb::sqlite()];
        if let Ok(url) = std::env::var(POSTGRES_ENV)
            && !url.is_empty()
        {
            dbs.push(TestDb::postgres(&url));
        }
        dbs
    }

    /// Another fresh database on the same backend as `other`.
    pub fn sqlite_or_same(other: &TestDb) -> TestDb {
        match &other.postgres {
            Some((admin, _)) => TestDb::postgres(admin),
            None => TestDb::sqlite(),
        }
    }

    pub fn connect(&self) -> trustkb::store::DbConnection {
        let url: trustkb::store::DatabaseUrl = self.url.parse().expect("database URL");
        let mut conn = trustkb::store::connect(&url).expect("connect");
        trustkb::store::migrate::run_migrations(&mut conn).expect("migrate");
        conn
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        use diesel::{Connection, RunQueryDsl};
        if let Some((admin_url, name)) = &self.postgres
            && let Ok(mut admin) = diesel::PgConnection::establish(admin_url)
        {
            let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                .execute(&mut admin);
        }
    }
}

/// `postgres://u@h:5432/postgres?x=y` with the database replaced by `name`.
fn replace_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let after_scheme = base.find("://").map_or(0, |i| i + 3);
    let root = match base[after_scheme..].find('/') {
        Some(i) => &base[..after_scheme + i],
        None => base,
    };
    match query {
        Some(q) => format!("{root}/{name}?{q}"),
        None => format!("{root}/{name}"),
    }
}

/// The real server on a free port, stopped when dropped.
pub struct TestApp {
    pub base: String,
    pub backend: &'static str,
    handle: Option<actix_web::dev::ServerHandle>,
    thread: Option<std::thread::JoinHandle<()>>,
    agent: ureq::Agent,
}

/// An HTTP answer.
pub struct Answer {
    pub status: u16,
    pub content_type: String,
    pub body: String,
}

impl Answer {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

impl TestApp {
    /// Starts the server on `db` (seeded, like `trustkb serve`).
    pub fn spawn(db: &TestDb) -> TestApp {
        let mut config = ServeConfig::new(&db.url, "127.0.0.1:0").expect("config");
        config.workers = 1;
        config.pool_size = 4;
        let (tx, rx) = std::sync::mpsc::channel();
        let thread = std::thread::spawn(move || {
            let _ = actix_web::rt::System::new().block_on(async move {
                match trustkb::web::server::start(&config) {
                    Ok((server, addr)) => {
                        let _ = tx.send(Ok((server.handle(), addr)));
                        server.await
                    }
                    Err(e) => {
                        let _ = tx.send(Err(e.to_string()));
                        Ok(())
                    }
                }
            });
        });
        let (handle, addr) = rx.recv().expect("server thread").expect("server start");
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .into();
        TestApp {
            base: format!("http://{addr}"),
            backend: db.backend,
            handle: Some(handle),
            thread: Some(thread),
            agent,
        }
    }

    pub fn get(&self, path: &str) -> Answer {
        let mut response = self
            .agent
            .get(format!("{}{path}", self.base))
            .call()
            .unwrap_or_else(|e| panic!("GET {path}: {e}"));
        let status = response.status().as_u16();
        let content_type = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        let body = response.body_mut().read_to_string().expect("body");
        Answer {
            status,
            content_type,
            body,
        }
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(handle) = self.handle.take() {
            actix_web::rt::System::new().block_on(handle.stop(false));
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// The seed article, as shipped in seeds/.
pub fn article() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/sources/mimecast-solarwinds-2021-fr.txt"
    ))
    .expect("seed article")
}

//! Test support: a fresh database per test (an SQLite temp file, and a throwaway PostgreSQL
//! database when TRUSTKB_TEST_POSTGRES_URL is set) and the real server spoken to over HTTP.
#![allow(dead_code)]

pub mod api;
pub mod curation;
pub mod i18n;
pub mod webhook;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};
use trustkb::auth::{SecretKey, hash_password};
use trustkb::config::{FirstAdmin, ServeConfig};
use trustkb::domain::audit::{Account, Actor};
use trustkb::domain::{Email, Role};
use trustkb::store::accounts::{NewAccount, account_by_email, create_account};
use trustkb::store::pack::seed::import_time;
use trustkb::store::tokens::create_token;

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

/// The password of every account the test server creates.
pub const PASSWORD: &str = "violet-harbour-cactus-19";
/// The roles, in the order of the route matrix.
pub const ROLES: [Role; 4] = [Role::Viewer, Role::Analyst, Role::Reviewer, Role::Admin];

/// The e-mail of the test account with `role`.
pub fn email_of(role: Role) -> String {
    format!("{}@test.example", role.as_str())
}

/// A signed-in browser: the sealed session cookie and the session's CSRF token.
#[derive(Debug, Clone)]
pub struct BrowserSession {
    pub cookie: String,
    pub csrf: String,
}

/// The real server on a free port, stopped when dropped. It has one account per role
/// (`viewer@test.example`, ...; password [`PASSWORD`]), each with an API token and a
/// browser session.
pub struct TestApp {
    pub base: String,
    pub backend: &'static str,
    pub db_url: String,
    handle: Option<actix_web::dev::ServerHandle>,
    thread: Option<std::thread::JoinHandle<()>>,
    agent: ureq::Agent,
    tokens: Vec<(Role, String)>,
    sessions: Vec<(Role, BrowserSession)>,
}

/// An HTTP answer.
pub struct Answer {
    pub status: u16,
    pub content_type: String,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Answer {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    /// The first value of a header (name in lower case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Every `Set-Cookie` value.
    pub fn set_cookies(&self) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(k, _)| k == "set-cookie")
            .map(|(_, v)| v.as_str())
            .collect()
    }
}

/// Who a request is sent as.
#[derive(Debug, Clone, Default)]
pub struct As {
    /// `Authorization: Bearer` token.
    pub token: Option<String>,
    /// Browser session (cookie; its CSRF token is added to forms by `post_form`).
    pub session: Option<BrowserSession>,
}

/// A configuration for the test server on `db`: SQLite keeps its key file, PostgreSQL gets
/// a fixed test key; the first administrator is `admin@test.example`.
pub fn test_config(db: &TestDb) -> ServeConfig {
    let mut config = ServeConfig::new(&db.url, "127.0.0.1:0").expect("config");
    config.workers = 1;
    config.pool_size = 4;
    config.secret_key = Some(SecretKey::from_config(TEST_SECRET_KEY).expect("key"));
    config.first_admin = FirstAdmin {
        email: Some(email_of(Role::Admin)),
        password: Some(PASSWORD.to_owned()),
    };
    config
}

/// The key test servers share (so that several servers accept each other's sessions).
pub const TEST_SECRET_KEY: &str = "test-secret-key-0123456789abcdef-0123456789abcdef";

/// Starts a server with `config` on its own thread; returns its handle, thread and address.
pub fn start_server(
    config: ServeConfig,
) -> (
    actix_web::dev::ServerHandle,
    std::thread::JoinHandle<()>,
    std::net::SocketAddr,
) {
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
    (handle, thread, addr)
}

/// An HTTP client that neither follows redirects nor treats 4xx/5xx as errors.
pub fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .build()
        .into()
}

impl TestApp {
    /// Starts the server on `db` (seeded, like `trustkb serve`) with one account per role.
    pub fn spawn(db: &TestDb) -> TestApp {
        TestApp::spawn_with(db, test_config(db))
    }

    /// Starts the server with a custom configuration; the accounts are created if missing.
    pub fn spawn_with(db: &TestDb, config: ServeConfig) -> TestApp {
        TestApp::attach(db, start_server(config))
    }

    /// The test app of a server already started on `db` (by [`start_server`]); the accounts
    /// are created if missing.
    pub fn attach(
        db: &TestDb,
        (handle, thread, addr): (
            actix_web::dev::ServerHandle,
            std::thread::JoinHandle<()>,
            std::net::SocketAddr,
        ),
    ) -> TestApp {
        let mut app = TestApp {
            base: format!("http://{addr}"),
            backend: db.backend,
            db_url: db.url.clone(),
            handle: Some(handle),
            thread: Some(thread),
            agent: agent(),
            tokens: Vec::new(),
            sessions: Vec::new(),
        };
        let mut conn = db.connect();
        for role in ROLES {
            let account = ensure_account(&mut conn, role);
            let actor = Actor::system();
            let (_, secret) = create_token(&mut conn, &actor, &account, "tests", import_time())
                .expect("create token");
            app.tokens.push((role, secret));
            let session = app.sign_in(&email_of(role), PASSWORD);
            app.sessions.push((role, session));
        }
        app
    }

    /// Signs in through the form, as a browser would; panics if it fails.
    pub fn sign_in(&self, email: &str, password: &str) -> BrowserSession {
        let (answer, _) = self.try_sign_in(email, password);
        assert_eq!(
            answer.status, 303,
            "sign-in as {email} failed: {}",
            answer.body
        );
        let cookie = cookie_pair(&answer, "trustkb_session").expect("session cookie");
        let session = BrowserSession {
            cookie,
            csrf: String::new(),
        };
        let csrf = self.csrf_of(&session);
        BrowserSession { csrf, ..session }
    }

    /// Fetches the sign-in form and posts it; returns the answer and the pre-session cookie.
    pub fn try_sign_in(&self, email: &str, password: &str) -> (Answer, String) {
        let form = self.send("GET", "/login", &As::default(), &[], None);
        let fields = [("email", email), ("password", password)];
        self.post_login(&form, &fields, &[])
    }

    /// Posts the sign-in `form` (a fetched `/login` page) back with `fields`, its CSRF token
    /// and its pre-session cookie, plus extra request `headers`; returns the answer and the
    /// pre-session cookie.
    pub fn post_login(
        &self,
        form: &Answer,
        fields: &[(&str, &str)],
        headers: &[(&str, String)],
    ) -> (Answer, String) {
        let presession = cookie_pair(form, "trustkb_presession").expect("presession cookie");
        let csrf = hidden_field(&form.body, "csrf_token").expect("csrf field");
        let mut all = vec![("csrf_token", csrf.as_str())];
        all.extend_from_slice(fields);
        let mut headers = headers.to_vec();
        headers.push(("cookie", presession.clone()));
        let answer = self.post_form_raw("/login", &As::default(), &all, &headers);
        (answer, presession)
    }

    /// The CSRF token the pages of a session carry.
    pub fn csrf_of(&self, session: &BrowserSession) -> String {
        let page = self.send(
            "GET",
            "/",
            &As {
                token: None,
                session: Some(session.clone()),
            },
            &[],
            None,
        );
        hidden_field(&page.body, "csrf_token")
            .unwrap_or_else(|| panic!("no CSRF token on the overview: {}", page.body))
    }

    /// The API token of the test account with `role`.
    pub fn token(&self, role: Role) -> String {
        self.tokens
            .iter()
            .find(|(r, _)| *r == role)
            .map(|(_, t)| t.clone())
            .expect("token")
    }

    /// The browser session of the test account with `role`.
    pub fn session(&self, role: Role) -> BrowserSession {
        self.sessions
            .iter()
            .find(|(r, _)| *r == role)
            .map(|(_, s)| s.clone())
            .expect("session")
    }

    /// Credentials of `role`: its token and its browser session.
    pub fn as_role(&self, role: Role) -> As {
        As {
            token: Some(self.token(role)),
            session: Some(self.session(role)),
        }
    }

    /// `GET path` as a viewer (token on the API, session on pages).
    pub fn get(&self, path: &str) -> Answer {
        self.get_as(path, &self.as_role(Role::Viewer))
    }

    /// `GET path` as nobody.
    pub fn get_anonymous(&self, path: &str) -> Answer {
        self.get_as(path, &As::default())
    }

    pub fn get_as(&self, path: &str, who: &As) -> Answer {
        self.send("GET", path, who, &[], None)
    }

    /// `GET path` as a viewer with extra request headers (`accept-language`, …). A `cookie`
    /// header is sent after the viewer's session cookie.
    pub fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> Answer {
        let session = self.session(Role::Viewer).cookie;
        let headers: Vec<(&str, String)> = headers
            .iter()
            .map(|(k, v)| match *k {
                "cookie" => (*k, format!("{session}; {v}")),
                _ => (*k, (*v).to_owned()),
            })
            .collect();
        self.send("GET", path, &self.as_role(Role::Viewer), &headers, None)
    }

    /// Posts a form as `who`; the session's CSRF token is added.
    pub fn post_form(&self, path: &str, who: &As, fields: &[(&str, &str)]) -> Answer {
        self.post_form_raw(path, who, &with_csrf(who, fields), &[])
    }

    /// Posts exactly these fields (no CSRF token added), with extra request headers.
    pub fn post_form_raw(
        &self,
        path: &str,
        who: &As,
        fields: &[(&str, &str)],
        headers: &[(&str, String)],
    ) -> Answer {
        let body = serde_urlencoded::to_string(fields).expect("form");
        let mut headers = headers.to_vec();
        headers.push(("content-type", "application/x-www-form-urlencoded".into()));
        self.send("POST", path, who, &headers, Some(body.into_bytes()))
    }

    /// Sends a JSON body with `method` as `who`.
    pub fn send_json(
        &self,
        method: &str,
        path: &str,
        who: &As,
        body: &serde_json::Value,
    ) -> Answer {
        self.send(
            method,
            path,
            who,
            &[("content-type", "application/json".into())],
            Some(body.to_string().into_bytes()),
        )
    }

    /// Sends any request. Pages get the session cookie, the API the bearer token.
    pub fn send(
        &self,
        method: &str,
        path: &str,
        who: &As,
        headers: &[(&str, String)],
        body: Option<Vec<u8>>,
    ) -> Answer {
        let url = format!("{}{path}", self.base);
        let mut request = ureq::http::Request::builder().method(method).uri(&url);
        if path.starts_with("/api/") {
            if let Some(token) = &who.token {
                request = request.header("authorization", format!("Bearer {token}"));
            }
        } else if let Some(session) = &who.session
            && !headers.iter().any(|(k, _)| *k == "cookie")
        {
            request = request.header("cookie", session.cookie.clone());
        }
        for (k, v) in headers {
            request = request.header(*k, v.as_str());
        }
        let request = request.body(body.unwrap_or_default()).expect("request");
        let mut response = self
            .agent
            .run(request)
            .unwrap_or_else(|e| panic!("{method} {path}: {e}"));
        let status = response.status().as_u16();
        let headers: Vec<(String, String)> = response
            .headers()
            .iter()
            .map(|(k, v)| (k.as_str().to_owned(), v.to_str().unwrap_or("").to_owned()))
            .collect();
        let content_type = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        let body = response.body_mut().read_to_string().unwrap_or_default();
        Answer {
            status,
            content_type,
            headers,
            body,
        }
    }
}

/// The account with `role` (created with [`PASSWORD`] when missing).
pub fn ensure_account(conn: &mut trustkb::store::DbConnection, role: Role) -> Account {
    let email = Email::normalise(&email_of(role)).expect("email");
    if let Some(account) = account_by_email(conn, &email).expect("read account") {
        return account;
    }
    let hash = hash_password(PASSWORD).expect("hash");
    let new = NewAccount {
        email: &email,
        role,
        password_hash: &hash,
        must_change_password: false,
    };
    create_account(conn, &Actor::system(), &new, import_time()).expect("create account")
}

/// `name=value` of a cookie the answer sets.
pub fn cookie_pair(answer: &Answer, name: &str) -> Option<String> {
    answer
        .set_cookies()
        .into_iter()
        .filter_map(|c| c.split(';').next())
        .find(|pair| pair.starts_with(&format!("{name}=")) && pair.len() > name.len() + 1)
        .map(str::to_owned)
}

/// `fields` and, when `who` has a browser session, its CSRF token.
pub fn with_csrf<'a>(who: &'a As, fields: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut fields = fields.to_vec();
    if let Some(session) = &who.session {
        fields.push(("csrf_token", session.csrf.as_str()));
    }
    fields
}

/// The value of the first hidden input named `name` in an HTML page.
pub fn hidden_field(html: &str, name: &str) -> Option<String> {
    let marker = format!("name=\"{name}\" value=\"");
    let start = html.find(&marker)? + marker.len();
    let end = html[start..].find('"')?;
    Some(html[start..start + end].to_owned())
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

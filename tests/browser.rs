//! Browser tests: the real server driven through a headless Chromium over WebDriver.
//! Without Chromium each test says why on stderr and passes, unless TRUSTKB_REQUIRE_BROWSER=1.

mod common;

use common::curation::today;
use common::{PASSWORD, TestApp, TestDb};
use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};
use std::future::Future;
use std::io::Write;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The analyst account every test signs in as (an analyst may curate).
const ANALYST: &str = "analyst@test.example";
/// Desktop and phone viewports (CSS pixels).
const DESKTOP: (u32, u32) = (1366, 900);
const PHONE: (u32, u32) = (390, 844);

// ---------------------------------------------------------------------------------------
// Harness: one chromedriver per test, one Chromium session on it, closed whatever happens.
// ---------------------------------------------------------------------------------------

/// A chromedriver started for one test on a free port; killed (with its group) on drop.
struct Driver {
    child: Child,
    port: u16,
    chrome: PathBuf,
    /// Chromium's profile and chromedriver's log live here.
    dir: tempfile::TempDir,
}

fn env_path(var: &str, default: &str) -> PathBuf {
    match std::env::var_os(var) {
        Some(v) if !v.is_empty() => PathBuf::from(v),
        _ => PathBuf::from(default),
    }
}

fn browser_required() -> bool {
    std::env::var("TRUSTKB_REQUIRE_BROWSER").is_ok_and(|v| v == "1")
}

/// A port nobody listens on right now.
fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a free port");
    listener.local_addr().expect("local address").port()
}

impl Driver {
    /// Starts chromedriver, or says why the browser tests are skipped and returns `None`
    /// (a failure instead when TRUSTKB_REQUIRE_BROWSER=1).
    fn start() -> Option<Driver> {
        let driver = env_path("CHROMEDRIVER", "/usr/bin/chromedriver");
        let chrome = env_path("CHROME_BIN", "/usr/bin/chromium");
        for path in [&driver, &chrome] {
            if !path.is_file() {
                let why = format!(
                    "{} not found (apt-get install chromium chromium-driver)",
                    path.display()
                );
                if browser_required() {
                    panic!("browser tests need a browser (TRUSTKB_REQUIRE_BROWSER=1): {why}");
                }
                // Straight to stderr: the test harness would swallow `eprintln!` of a pass.
                let line = format!("browser tests skipped: {why}\n");
                let _ = std::io::stderr().lock().write_all(line.as_bytes());
                return None;
            }
        }
        let dir = tempfile::tempdir().expect("temp dir");
        let mut last_error = String::new();
        for _ in 0..3 {
            let port = free_port();
            let log = std::fs::File::create(dir.path().join("chromedriver.log")).expect("log");
            let mut command = Command::new(&driver);
            command
                .arg(format!("--port={port}"))
                .arg("--allowed-ips=127.0.0.1")
                .stdin(Stdio::null())
                .stdout(log.try_clone().expect("log"))
                .stderr(log);
            {
                use std::os::unix::process::CommandExt;
                command.process_group(0);
            }
            let mut child = command
                .spawn()
                .unwrap_or_else(|e| panic!("start {}: {e}", driver.display()));
            let deadline = Instant::now() + Duration::from_secs(20);
            loop {
                if TcpStream::connect(("127.0.0.1", port)).is_ok() {
                    return Some(Driver {
                        child,
                        port,
                        chrome,
                        dir,
                    });
                }
                if let Ok(Some(status)) = child.try_wait() {
                    last_error = format!("chromedriver exited with {status}");
                    break;
                }
                if Instant::now() > deadline {
                    let _ = child.kill();
                    let _ = child.wait();
                    last_error = "chromedriver did not listen within 20 s".into();
                    break;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
        }
        let log = std::fs::read_to_string(dir.path().join("chromedriver.log")).unwrap_or_default();
        panic!("{last_error}; its log:\n{log}");
    }

    /// WebDriver capabilities: headless Chromium, English, nothing phoning home.
    fn capabilities(&self, (width, height): (u32, u32)) -> serde_json::Map<String, Value> {
        let profile = self.dir.path().join("profile");
        let caps = json!({
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": self.chrome.display().to_string(),
                "args": [
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--hide-scrollbars",
                    "--force-device-scale-factor=1",
                    "--lang=en-US",
                    format!("--window-size={width},{height}"),
                    format!("--user-data-dir={}", profile.display()),
                ],
                "prefs": { "intl.accept_languages": "en-US,en" },
            },
        });
        match caps {
            Value::Object(map) => map,
            _ => unreachable!(),
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        // chromedriver leads its own process group: end it and any browser left behind.
        let _ = Command::new("kill")
            .args(["-TERM", "--", &format!("-{}", self.child.id())])
            .stderr(Stdio::null())
            .status();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Where screenshots go: `target/browser-screenshots/` (created when missing).
fn screenshot_dir() -> PathBuf {
    let target = match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) if !dir.is_empty() => {
            let dir = PathBuf::from(dir);
            if dir.is_absolute() {
                dir
            } else {
                Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)
            }
        }
        _ => Path::new(env!("CARGO_MANIFEST_DIR")).join("target"),
    };
    let dir = target.join("browser-screenshots");
    std::fs::create_dir_all(&dir).expect("create target/browser-screenshots");
    dir
}

/// Runs `body` against a fresh Chromium session on `driver` at `viewport`, then closes the
/// session whether the body passed or panicked (a failing body leaves a screenshot behind).
fn in_browser<F, Fut>(driver: &Driver, app: &TestApp, test: &str, viewport: (u32, u32), body: F)
where
    F: FnOnce(Page) -> Fut + Send + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    let webdriver = format!("http://127.0.0.1:{}", driver.port);
    let caps = driver.capabilities(viewport);
    let base = app.base.clone();
    let outcome = runtime.block_on(async move {
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let client = ClientBuilder::new(connector)
            .capabilities(caps)
            .connect(&webdriver)
            .await
            .unwrap_or_else(|e| panic!("start a Chromium session on {webdriver}: {e}"));
        let page = Page {
            client: client.clone(),
            base,
        };
        let outcome = tokio::spawn(async move {
            page.set_viewport(viewport).await;
            body(page).await;
        })
        .await;
        if outcome.is_err() {
            let path = screenshot_dir().join(format!("failed-{test}.png"));
            if let Ok(png) = client.screenshot().await
                && std::fs::write(&path, png).is_ok()
            {
                let url = client.current_url().await.map(|u| u.to_string());
                eprintln!(
                    "{test} failed on {}; screenshot: {}",
                    url.unwrap_or_default(),
                    path.display()
                );
            }
        }
        let _ = client.close().await;
        outcome
    });
    if let Err(e) = outcome {
        if e.is_panic() {
            std::panic::resume_unwind(e.into_panic());
        }
        panic!("{test}: {e}");
    }
}

/// One browser test: the browser (or a skip), a fresh database and the real server, then
/// `body` in a Chromium session at `viewport` (see [`in_browser`]).
fn browse<F, Fut>(test: &str, viewport: (u32, u32), body: F)
where
    F: FnOnce(Page) -> Fut + Send + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    let Some(driver) = Driver::start() else {
        return;
    };
    let db = TestDb::sqlite();
    let app = TestApp::spawn(&db);
    in_browser(&driver, &app, test, viewport, body);
}

/// The browser on the test server, with the page helpers the tests share.
#[derive(Clone)]
struct Page {
    client: Client,
    base: String,
}

impl Page {
    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Resizes the window so that the page's viewport is exactly `width` × `height`.
    async fn set_viewport(&self, (width, height): (u32, u32)) {
        // Headless Chromium keeps room for its (invisible) toolbars: measure and correct.
        let want = (i64::from(width), i64::from(height));
        let mut outer = want;
        for _ in 0..3 {
            self.client
                .set_window_size(
                    u32::try_from(outer.0).expect("width"),
                    u32::try_from(outer.1).expect("height"),
                )
                .await
                .expect("set the window size");
            let inner = self
                .script("return [window.innerWidth, window.innerHeight];")
                .await;
            let got = (
                inner[0].as_i64().expect("innerWidth"),
                inner[1].as_i64().expect("innerHeight"),
            );
            if got == want {
                return;
            }
            outer = (outer.0 + want.0 - got.0, outer.1 + want.1 - got.1);
        }
    }

    async fn goto(&self, path: &str) {
        let url = self.url(path);
        self.client
            .goto(&url)
            .await
            .unwrap_or_else(|e| panic!("open {url}: {e}"));
    }

    /// Waits (up to 30 s) for an element matching `css`.
    async fn wait_for(&self, css: &str) -> Element {
        match self.client.wait().for_element(Locator::Css(css)).await {
            Ok(element) => element,
            Err(e) => panic!("waiting for `{css}` on {}: {e}", self.current().await),
        }
    }

    /// Waits (up to 30 s) until the browser is at `path` (with its query, if any).
    async fn wait_for_path(&self, path: &str) {
        let target = self
            .client
            .current_url()
            .await
            .expect("current URL")
            .join(path)
            .expect("URL");
        if let Err(e) = self.client.wait().for_url(&target).await {
            panic!("waiting for {target}, at {}: {e}", self.current().await);
        }
    }

    async fn current(&self) -> String {
        self.client
            .current_url()
            .await
            .map(|u| u.to_string())
            .unwrap_or_default()
    }

    async fn find_all(&self, css: &str) -> Vec<Element> {
        self.client
            .find_all(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("find `{css}`: {e}"))
    }

    /// The visible text of the first element matching `css` (waited for).
    async fn text(&self, css: &str) -> String {
        self.wait_for(css).await.text().await.expect("element text")
    }

    /// Types `value` into the field with id `id`, replacing what it held.
    async fn fill(&self, id: &str, value: &str) {
        let field = self.wait_for(&format!("#{id}")).await;
        field.clear().await.expect("clear a field");
        field
            .send_keys(value)
            .await
            .unwrap_or_else(|e| panic!("type into #{id}: {e}"));
    }

    /// Chooses the option with `value` in the menu with id `id`.
    async fn choose(&self, id: &str, value: &str) {
        self.wait_for(&format!("#{id}"))
            .await
            .select_by_value(value)
            .await
            .unwrap_or_else(|e| panic!("choose {value} in #{id}: {e}"));
    }

    /// The current value of a form field (what the user sees in it).
    async fn value(&self, id: &str) -> String {
        self.wait_for(&format!("#{id}"))
            .await
            .prop("value")
            .await
            .expect("field value")
            .unwrap_or_default()
    }

    /// Clicks the submit button of the form matching `form_css`.
    async fn submit(&self, form_css: &str) {
        self.wait_for(&format!("{form_css} button[type=submit]"))
            .await
            .click()
            .await
            .unwrap_or_else(|e| panic!("submit `{form_css}`: {e}"));
    }

    async fn script(&self, js: &str) -> Value {
        self.client
            .execute(js, Vec::new())
            .await
            .unwrap_or_else(|e| panic!("run `{js}`: {e}"))
    }

    /// Signs in through the real /login form and waits for the dashboard.
    async fn sign_in(&self, email: &str) {
        self.goto("/login").await;
        self.fill("email", email).await;
        self.fill("password", PASSWORD).await;
        self.submit("form[action='/login']").await;
        self.wait_for_path("/").await;
        let who = self.text("header .who").await;
        assert!(who.contains(email), "signed in as {email}? header: {who}");
    }

    /// Creates a vendor through /vendors/new and waits for its page.
    async fn create_vendor(&self, slug: &str, name: &str) {
        self.goto("/vendors/new").await;
        self.fill("slug", slug).await;
        self.fill("name", name).await;
        self.choose("tier", "high").await;
        self.choose("status", "active").await;
        self.fill("website", "https://acme.example").await;
        self.fill("description", "A vendor created by a browser test.")
            .await;
        self.submit("form[action='/vendors/new']").await;
        self.wait_for_path(&format!("/vendors/{slug}")).await;
        assert_eq!(self.text("main h1").await, name);
    }

    /// From the vendor page, follows "Add a product" and creates one; waits for the vendor page.
    async fn create_product(&self, vendor: &str, slug: &str, name: &str) {
        let new_product = format!("/vendors/{vendor}/products/new");
        self.wait_for(&format!("main a[href='{new_product}']"))
            .await
            .click()
            .await
            .expect("follow the new-product link");
        self.wait_for_path(&new_product).await;
        self.fill("slug", slug).await;
        self.fill("name", name).await;
        self.choose("category", "email-security").await;
        self.submit(&format!("form[action='{new_product}']")).await;
        self.wait_for_path(&format!("/vendors/{vendor}")).await;
    }
}

/// The first number written with one decimal ("47.3"): how the pages print scores.
fn first_points(text: &str) -> Option<f64> {
    text.split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .find(|t| {
            t.split_once('.').is_some_and(|(a, b)| {
                !a.is_empty() && b.len() == 1 && b.chars().all(|c| c.is_ascii_digit())
            })
        })
        .and_then(|t| t.parse().ok())
}

// ---------------------------------------------------------------------------------------
// The tests.
// ---------------------------------------------------------------------------------------

#[test]
fn creates_vendor_and_product_through_forms() {
    browse(
        "creates_vendor_and_product_through_forms",
        DESKTOP,
        |page| async move {
            page.sign_in(ANALYST).await;
            page.create_vendor("acme-browser", "Acme Browser Ltd").await;
            let badges = page.text("main .badges").await;
            assert!(badges.contains("High"), "tier shown: {badges}");
            assert!(
                page.text("#products").await.contains("No product recorded"),
                "a new vendor has no product"
            );

            page.create_product(
                "acme-browser",
                "acme-browser-gateway",
                "Acme Browser Gateway",
            )
            .await;
            let row = page.text("#products #product-acme-browser-gateway").await;
            assert!(row.contains("Acme Browser Gateway"), "product row: {row}");
            assert!(row.contains("Email security"), "category shown: {row}");
            let count = page.text("nav.toc a[href='#products']").await;
            assert!(count.contains("(1)"), "products counted: {count}");

            // The vendor is in the list too.
            page.goto("/vendors").await;
            let list = page.text("main").await;
            assert!(list.contains("Acme Browser Ltd"), "vendor list: {list}");
        },
    );
}

#[test]
fn recording_an_incident_changes_the_score() {
    browse(
        "recording_an_incident_changes_the_score",
        DESKTOP,
        |page| async move {
            page.sign_in(ANALYST).await;
            page.create_vendor("acme-mail", "Acme Mail").await;
            page.create_product("acme-mail", "acme-gateway", "Acme Gateway")
                .await;
            let before_text = page.text("#trust .score-head").await;
            let before = first_points(&before_text)
                .unwrap_or_else(|| panic!("no score shown before: {before_text}"));

            // The vendor page links to the incident form.
            page.wait_for("main a[href='/incidents/new']")
                .await
                .click()
                .await
                .expect("follow the record-an-incident link");
            page.wait_for_path("/incidents/new").await;
            page.fill("slug", "acme-gateway-backdoor").await;
            page.fill("title", "Acme Gateway backdoor").await;
            page.choose("kind", "supply_chain_compromise").await;
            page.choose("severity", "5").await;
            page.fill("disclosed_on", &today()).await;
            page.fill("summary", "A backdoor in the gateway's updates.")
                .await;
            page.fill("inv1_product", "acme-gateway").await;
            page.choose("inv1_role", "origin").await;
            page.fill("inv1_description", "Its build system was compromised.")
                .await;
            page.submit("form[action='/incidents/new']").await;
            page.wait_for_path("/incidents/acme-gateway-backdoor?recorded=1")
                .await;

            // The incident page says what changed.
            let heading = page.text("#score-changes h2").await;
            assert!(heading.contains("what changed"), "heading: {heading}");
            let mut vendor_row = None;
            for row in page.find_all("#score-changes tbody tr").await {
                let who = row
                    .find(Locator::Css("td:nth-child(1)"))
                    .await
                    .expect("subject cell")
                    .text()
                    .await
                    .expect("text");
                if who.starts_with("Acme Mail") && who.ends_with("vendor") {
                    let mut cells = Vec::new();
                    for n in 2..=4 {
                        let cell = row
                            .find(Locator::Css(&format!("td:nth-child({n})")))
                            .await
                            .expect("cell");
                        cells.push(cell.text().await.expect("text"));
                    }
                    vendor_row = Some(cells);
                }
            }
            let cells = vendor_row.expect("a score-change row for the vendor Acme Mail");
            let listed_before = first_points(&cells[0]).expect("before");
            let listed_after = first_points(&cells[1]).expect("after");
            assert_eq!(listed_before, before, "before as listed: {cells:?}");
            assert!(
                listed_after < before,
                "an origin incident lowers the score: {cells:?}"
            );
            assert!(cells[2].starts_with('−'), "change: {cells:?}");

            // The vendor page now shows the new score.
            page.wait_for("#score-changes a[href='/vendors/acme-mail']")
                .await
                .click()
                .await
                .expect("follow the vendor link");
            page.wait_for_path("/vendors/acme-mail").await;
            let after_text = page.text("#trust .score-head").await;
            let after = first_points(&after_text)
                .unwrap_or_else(|| panic!("no score shown after: {after_text}"));
            assert_ne!(after_text, before_text);
            assert_eq!(after, listed_after, "{after_text}");
            assert!(after < before, "{before} → {after}");
            let incidents = page.text("#incidents").await;
            assert!(incidents.contains("Acme Gateway backdoor"), "{incidents}");
        },
    );
}

#[test]
fn invalid_form_shows_field_messages_and_keeps_input() {
    browse(
        "invalid_form_shows_field_messages_and_keeps_input",
        DESKTOP,
        |page| async move {
            page.sign_in(ANALYST).await;
            page.goto("/vendors/new").await;
            page.fill("slug", "Bad Slug!").await;
            page.fill("name", "Kept Name Industries").await;
            page.choose("tier", "critical").await;
            page.submit("form[action='/vendors/new']").await;

            let message = page.text("#slug-error.field-error").await;
            assert!(!message.is_empty(), "a message for the slug");
            let slug = page.wait_for("#slug").await;
            assert_eq!(
                slug.attr("aria-invalid").await.expect("attr").as_deref(),
                Some("true")
            );
            assert_eq!(
                slug.attr("aria-describedby")
                    .await
                    .expect("attr")
                    .as_deref(),
                Some("slug-error")
            );
            // The message sits right after its field.
            let next_id = page
                .script("return document.getElementById('slug').nextElementSibling.id;")
                .await;
            assert_eq!(next_id, json!("slug-error"));
            let alert = page.text("main .alert[role=alert]").await;
            assert!(alert.contains("Nothing was saved"), "alert: {alert}");
            assert_eq!(page.value("slug").await, "Bad Slug!");
            assert_eq!(page.value("name").await, "Kept Name Industries");
            assert_eq!(page.value("tier").await, "critical");
            let name = page.wait_for("#name").await;
            assert_eq!(name.attr("aria-invalid").await.expect("attr"), None);
            assert!(page.find_all("#name-error").await.is_empty());

            page.goto("/vendors").await;
            let list = page.text("main").await;
            assert!(!list.contains("Kept Name Industries"), "{list}");
            assert!(list.contains("SolarWinds"), "{list}");
        },
    );
}

#[test]
fn search_in_french_without_accents() {
    browse(
        "search_in_french_without_accents",
        DESKTOP,
        |page| async move {
            page.sign_in(ANALYST).await;
            let box_ = page.wait_for("#top-search-q").await;
            box_.send_keys("chaine d'approvisionnement")
                .await
                .expect("type the query");
            page.submit("form.top-search").await;
            page.wait_for(".search-results .hit").await;
            let url = page.current().await;
            assert!(url.contains("/search?q="), "{url}");
            assert_eq!(page.value("search-q").await, "chaine d'approvisionnement");
            let mut marked = Vec::new();
            for mark in page.find_all(".hit-snippet mark").await {
                marked.push(mark.text().await.expect("text").to_lowercase());
            }
            assert!(!marked.is_empty(), "highlighted snippets");
            assert!(marked.iter().any(|m| m == "chaîne"), "{marked:?}");
            assert!(
                marked.iter().any(|m| m == "approvisionnement"),
                "{marked:?}"
            );
            let heading = page.text("#search-results").await;
            assert!(heading.contains("result"), "{heading}");
        },
    );
}

#[test]
fn switches_to_french_and_back() {
    browse("switches_to_french_and_back", DESKTOP, |page| async move {
        page.sign_in(ANALYST).await;
        page.wait_for("html[lang='en']").await;
        assert_eq!(page.text("header nav a[href='/vendors']").await, "Vendors");

        page.wait_for("header #language-switch")
            .await
            .click()
            .await
            .expect("click the language switch");
        page.wait_for("html[lang='fr']").await;
        assert_eq!(
            page.text("header nav a[href='/vendors']").await,
            "Fournisseurs"
        );

        // Remembered on the next page.
        page.goto("/incidents").await;
        page.wait_for("html[lang='fr']").await;
        assert_eq!(
            page.text("header nav a[href='/vendors']").await,
            "Fournisseurs"
        );

        page.wait_for("header #language-switch")
            .await
            .click()
            .await
            .expect("click the language switch");
        page.wait_for("html[lang='en']").await;
        assert_eq!(page.text("header nav a[href='/vendors']").await, "Vendors");
        page.goto("/").await;
        page.wait_for("html[lang='en']").await;
    });
}

#[test]
fn screenshots_dashboard_and_vendor_page() {
    browse(
        "screenshots_dashboard_and_vendor_page",
        DESKTOP,
        |page| async move {
            let dir = screenshot_dir();
            page.sign_in(ANALYST).await;
            for (size, viewport) in [("desktop", DESKTOP), ("phone", PHONE)] {
                page.set_viewport(viewport).await;
                for (name, path) in [
                    ("dashboard", "/"),
                    ("vendor-solarwinds", "/vendors/solarwinds"),
                ] {
                    page.goto(path).await;
                    page.wait_for("main h1").await;
                    // The width is what the page is judged at; headless Chromium may give the
                    // window a different height than asked (seen once in CI: 1043 for 900).
                    let inner = page.script("return window.innerWidth;").await;
                    assert_eq!(
                        inner,
                        json!(viewport.0),
                        "viewport of {path} at {size} width"
                    );
                    let png = page.client.screenshot().await.expect("screenshot");
                    let file = dir.join(format!("{name}-{size}.png"));
                    std::fs::write(&file, &png).expect("write the screenshot");
                    println!("screenshot: {}", file.display());
                    assert!(
                        png.starts_with(b"\x89PNG\r\n\x1a\n"),
                        "{} is a PNG",
                        file.display()
                    );
                    assert!(
                        png.len() > 8 * 1024,
                        "{} is only {} bytes",
                        file.display(),
                        png.len()
                    );

                    if size == "phone" {
                        let widths = page
                            .script(
                                "return [document.documentElement.scrollWidth, window.innerWidth];",
                            )
                            .await;
                        let (scroll, inner) = (
                            widths[0].as_i64().expect("scrollWidth"),
                            widths[1].as_i64().expect("innerWidth"),
                        );
                        assert!(
                            scroll <= inner + 1,
                            "{path} scrolls sideways at {inner} px: {scroll} px wide"
                        );
                    }

                    // Nothing is loaded from another host.
                    let loaded = page
                        .script(
                            "return performance.getEntriesByType('navigation')
                           .concat(performance.getEntriesByType('resource'))
                           .map(e => [e.name, new URL(e.name).hostname]);",
                        )
                        .await;
                    let loaded = loaded.as_array().expect("entries");
                    assert!(!loaded.is_empty(), "the page itself is listed");
                    for entry in loaded {
                        let host = entry[1].as_str().unwrap_or_default();
                        assert!(
                            host == "127.0.0.1" || host == "localhost",
                            "{path} loads {} from another host",
                            entry[0]
                        );
                    }

                    // The whole page too, for a person to look at.
                    let height = page
                        .script("return document.documentElement.scrollHeight;")
                        .await
                        .as_u64()
                        .expect("scrollHeight");
                    let full =
                        u32::try_from(height.clamp(u64::from(viewport.1), 12_000)).expect("height");
                    page.set_viewport((viewport.0, full)).await;
                    let png = page.client.screenshot().await.expect("screenshot");
                    let file = dir.join(format!("{name}-{size}-full.png"));
                    std::fs::write(&file, &png).expect("write the screenshot");
                    println!("screenshot: {}", file.display());
                    page.set_viewport(viewport).await;
                }
            }
        },
    );
}

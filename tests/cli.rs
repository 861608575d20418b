//! The `trustkb` binary as a user runs it: help, seed, import, export, migrate, serve, user
//! and token, the audit trail they leave, and the error messages and exit codes of bad input,
//! on every backend under test.

mod common;

use common::TestDb;
use std::io::{BufRead, BufReader};
use std::process::{Command, Output, Stdio};

/// The operating-system user the commands run as (`cli:tester` in the audit trail).
const OS_USER: &str = "tester";
/// The administrator `trustkb serve` creates in these tests.
const ADMIN: &str = "admin@test.example";

fn command(db: &TestDb, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_trustkb"));
    command
        .args(args)
        .env("TRUSTKB_DATABASE_URL", &db.url)
        .env("TRUSTKB_LOG", "warn")
        .env("USER", OS_USER);
    command
}

fn trustkb(db: &TestDb, args: &[&str]) -> Output {
    command(db, args).output().expect("run trustkb")
}

/// Runs trustkb with `input` on its standard input.
fn trustkb_with_input(db: &TestDb, args: &[&str], input: &str) -> Output {
    use std::io::Write;
    let mut child = command(db, args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run trustkb");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin.write_all(input.as_bytes()).expect("write stdin");
    drop(stdin);
    child.wait_with_output().expect("wait for trustkb")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn every_command_has_help() {
    let db = TestDb::sqlite();
    let top = trustkb(&db, &["--help"]);
    assert!(top.status.success());
    for command in [
        "serve",
        "migrate",
        "seed",
        "import",
        "export",
        "score",
        "user",
        "token",
        "recommend",
    ] {
        assert!(stdout(&top).contains(command), "{command} listed in --help");
        let help = trustkb(&db, &[command, "--help"]);
        assert!(help.status.success(), "{command} --help");
        assert!(
            stdout(&help).contains("--database"),
            "{command} takes --database"
        );
    }
    assert!(stdout(&trustkb(&db, &["serve", "--help"])).contains("TRUSTKB_BIND"));
    for (command, sub) in [
        ("user", "add"),
        ("user", "list"),
        ("user", "set-role"),
        ("user", "disable"),
        ("user", "enable"),
        ("user", "reset-password"),
        ("token", "create"),
        ("token", "list"),
        ("token", "revoke"),
    ] {
        let help = trustkb(&db, &[command, sub, "--help"]);
        assert!(help.status.success(), "{command} {sub} --help");
        assert!(stdout(&help).contains("--database"), "{command} {sub}");
    }
}

#[test]
fn seed_export_import_export_round_trip_through_the_binary() {
    for db in TestDb::all() {
        let dir = tempfile::tempdir().unwrap();
        let first = dir.path().join("first.toml");
        let second = dir.path().join("second.toml");
        let seeded = trustkb(&db, &["seed"]);
        assert!(seeded.status.success(), "{}", stderr(&seeded));
        assert!(stdout(&seeded).contains("seeded pack \"seed-mimecast-solarwinds-2021\""));
        let again = trustkb(&db, &["seed"]);
        assert!(again.status.success());
        assert!(
            stdout(&again).contains("already seeded"),
            "{}",
            stdout(&again)
        );
        let out = trustkb(
            &db,
            &[
                "export",
                "--format",
                "pack",
                "--output",
                first.to_str().unwrap(),
            ],
        );
        assert!(out.status.success(), "{}", stderr(&out));

        let fresh = TestDb::sqlite_or_same(&db);
        let imported = trustkb(&fresh, &["import", first.to_str().unwrap()]);
        assert!(imported.status.success(), "{}", stderr(&imported));
        let out = trustkb(&fresh, &["export", "--output", second.to_str().unwrap()]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(
            std::fs::read(&first).unwrap(),
            std::fs::read(&second).unwrap(),
            "{}",
            db.backend
        );

        let to_stdout = trustkb(&fresh, &["export"]);
        assert_eq!(to_stdout.stdout, std::fs::read(&first).unwrap());
    }
}

#[test]
fn a_bad_pack_exits_non_zero_naming_file_record_and_field() {
    for db in TestDb::all() {
        assert!(trustkb(&db, &["seed"]).status.success());
        let dir = tempfile::tempdir().unwrap();
        let before = trustkb(&db, &["export"]).stdout;
        let bad = dir.path().join("broken.toml");
        std::fs::write(
            &bad,
            "[pack]\nname = \"broken\"\n\n[[products]]\nslug = \"orion-clone\"\nvendor = \"solarwind\"\nname = \"Orion clone\"\ncategory = \"network-monitoring\"\n",
        )
        .unwrap();
        let out = trustkb(&db, &["import", bad.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1));
        let message = stderr(&out);
        assert!(message.contains("broken.toml"), "{message}");
        assert!(message.contains("products[1] \"orion-clone\""), "{message}");
        assert!(
            message.contains("field `vendor`: unknown vendor \"solarwind\""),
            "{message}"
        );
        assert!(message.contains("nothing was imported"), "{message}");
        assert_eq!(
            trustkb(&db, &["export"]).stdout,
            before,
            "database unchanged"
        );

        let missing = trustkb(
            &db,
            &["import", dir.path().join("absent.toml").to_str().unwrap()],
        );
        assert_eq!(missing.status.code(), Some(1));
        assert!(stderr(&missing).contains("absent.toml"));
    }
}

#[test]
fn bad_database_urls_are_explained() {
    let db = TestDb::sqlite();
    let out = Command::new(env!("CARGO_BIN_EXE_trustkb"))
        .args(["--database", "mysql://root:hunter2@localhost/kb", "migrate"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let message = stderr(&out);
    assert!(
        message.contains("the scheme must be sqlite:// (embedded) or postgres:// (server)"),
        "{message}"
    );
    assert!(!message.contains("hunter2"), "password hidden: {message}");
    let migrated = trustkb(&db, &["migrate"]);
    assert!(migrated.status.success());
    assert!(stdout(&migrated).contains("applied"));
    assert!(stdout(&trustkb(&db, &["migrate"])).contains("up to date"));
}

#[test]
fn serve_logs_its_url_and_answers() {
    use trustkb::domain::Channel;
    for db in TestDb::all() {
        let server = Server::start(&db.url).expect("serve prints the URL it listens on");
        let anonymous = get(&server.url, "/api/v1/vendors", None);
        assert_eq!(anonymous.0, 401, "anonymous API request: {}", anonymous.1);
        let token = create_token(&db, ADMIN);
        let (status, body) = get(&server.url, "/api/v1/vendors", Some(&token));
        assert_eq!(status, 200, "{body}");
        assert!(body.contains("\"total\":4"), "seeded on start: {body}");
        // The seeding is in the audit trail as the server's own import.
        let filter = trustkb::store::audit::AuditFilter {
            entity: Some("vendor".into()),
            ..Default::default()
        };
        let seeded = audit_entries(&db, &filter);
        assert_eq!(seeded.len(), 4, "{}", db.backend);
        for e in &seeded {
            assert_eq!((e.actor.as_str(), e.channel), ("system", Channel::Import));
        }
    }
}

/// A `trustkb serve` child process, stopped when dropped.
struct Server {
    child: std::process::Child,
    url: String,
}

impl Server {
    fn start(db_url: &str) -> Result<Server, String> {
        start_server(db_url).map(|(child, url)| Server { child, url })
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `GET path` on a server, with a bearer token when given: the status and the body.
fn get(base: &str, path: &str, token: Option<&str>) -> (u16, String) {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let mut request = agent.get(format!("{base}{path}"));
    if let Some(token) = token {
        request = request.header("authorization", format!("Bearer {token}"));
    }
    let mut answer = request.call().expect("request");
    let status = answer.status().as_u16();
    (
        status,
        answer.body_mut().read_to_string().unwrap_or_default(),
    )
}

/// `trustkb token create EMAIL`: the token it printed, checked to be alone on standard output.
fn create_token(db: &TestDb, email: &str) -> String {
    let out = trustkb(db, &["token", "create", email]);
    assert!(out.status.success(), "token create: {}", stderr(&out));
    let printed = stdout(&out);
    assert_eq!(printed.lines().count(), 1, "only the token: {printed:?}");
    let token = printed.trim_end_matches('\n').to_owned();
    assert!(token.starts_with("tkb_") && !token.contains(' '), "{token}");
    assert!(stderr(&out).contains("shown only now"), "{}", stderr(&out));
    token
}

/// Starts `trustkb serve` on `db`: the child and the URL it logged, or why it did not start
/// (the child is then already stopped).
fn start_server(url: &str) -> Result<(std::process::Child, String), String> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_trustkb"))
        .args(["serve", "--bind", "127.0.0.1:0"])
        .env("TRUSTKB_DATABASE_URL", url)
        .env("TRUSTKB_LOG", "info")
        .env("TRUSTKB_SECRET_KEY", common::TEST_SECRET_KEY)
        .env("TRUSTKB_ADMIN_EMAIL", ADMIN)
        .env("TRUSTKB_ADMIN_PASSWORD", common::PASSWORD)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| e.to_string())?;
    let stderr = child.stderr.take().ok_or("no stderr")?;
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut log = String::new();
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Some(rest) = line.split("listening on ").nth(1) {
                let _ = tx.send(Ok(rest
                    .split_whitespace()
                    .next()
                    .unwrap_or_default()
                    .to_owned()));
            }
            log.push_str(&line);
            log.push('\n');
        }
        let _ = tx.send(Err(log));
    });
    match rx.recv_timeout(std::time::Duration::from_secs(60)) {
        Ok(Ok(url)) => Ok((child, url)),
        Ok(Err(log)) => {
            let _ = child.kill();
            let _ = child.wait();
            Err(log)
        }
        Err(_) => {
            let _ = child.kill();
            let _ = child.wait();
            Err("no answer within 60 s".into())
        }
    }
}

#[test]
fn several_servers_can_start_together_on_one_postgres_database() {
    let Ok(admin) = std::env::var(common::POSTGRES_ENV) else {
        return;
    };
    if admin.is_empty() {
        return;
    }
    let db = TestDb::postgres(&admin);
    let starters: Vec<_> = (0..3)
        .map(|_| {
            let url = db.url.clone();
            std::thread::spawn(move || Server::start(&url))
        })
        .collect();
    let results: Vec<Result<Server, String>> = starters
        .into_iter()
        .map(|h| h.join().unwrap_or_else(|_| Err("starter panicked".into())))
        .collect();
    let mut servers = Vec::new();
    let mut failures = Vec::new();
    for r in results {
        match r {
            Ok(server) => servers.push(server),
            Err(log) => failures.push(log),
        }
    }
    // One token, created once the first administrator exists, works on every server.
    let token = (!servers.is_empty()).then(|| create_token(&db, ADMIN));
    let bodies: Vec<String> = servers
        .iter()
        .map(|server| get(&server.url, "/api/v1/vendors", token.as_deref()).1)
        .collect();
    drop(servers);
    assert!(
        failures.is_empty(),
        "a server failed to start: {failures:?}"
    );
    for body in bodies {
        assert!(
            body.contains("\"total\":4"),
            "seeded once, served by every server: {body}"
        );
    }
}

/// A password `check_new_password` accepts.
const GOOD_PASSWORD: &str = "violet-harbour-cactus-19";

/// `trustkb user list --format json`, by e-mail.
fn accounts(db: &TestDb) -> std::collections::BTreeMap<String, serde_json::Value> {
    let out = trustkb(db, &["user", "list", "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let list: Vec<serde_json::Value> = serde_json::from_str(&stdout(&out)).expect("JSON list");
    list.into_iter()
        .map(|a| (a["email"].as_str().unwrap().to_owned(), a))
        .collect()
}

/// The audit records on `db` (all of them), oldest first.
fn audit_entries(
    db: &TestDb,
    filter: &trustkb::store::audit::AuditFilter,
) -> Vec<trustkb::domain::audit::AuditEntry> {
    use trustkb::store::queries::PageRequest;
    let mut conn = db.connect();
    let page = PageRequest {
        limit: 100_000,
        offset: 0,
    };
    let mut items = trustkb::store::audit::list_audit(&mut conn, filter, page)
        .expect("read the audit trail")
        .items;
    items.reverse();
    items
}

#[test]
fn user_commands_add_list_change_and_disable_accounts() {
    use trustkb::domain::{AuditAction, Channel};
    for db in TestDb::all() {
        // A weak password is refused, naming what is wrong; nothing is created.
        let weak = trustkb_with_input(
            &db,
            &[
                "user",
                "add",
                "alice@example.com",
                "--role",
                "analyst",
                "--password-stdin",
            ],
            "short\n",
        );
        assert_eq!(weak.status.code(), Some(1), "{}", db.backend);
        assert!(
            stderr(&weak).contains("at least 12 characters"),
            "{}",
            stderr(&weak)
        );
        let empty = trustkb_with_input(
            &db,
            &[
                "user",
                "add",
                "alice@example.com",
                "--role",
                "analyst",
                "--password-stdin",
            ],
            "",
        );
        assert!(!empty.status.success());
        assert!(
            stderr(&empty).contains("standard input is empty"),
            "{}",
            stderr(&empty)
        );
        assert!(accounts(&db).is_empty(), "nothing created");
        let none = trustkb(&db, &["user", "list"]);
        assert_eq!(stdout(&none), "no accounts\n");

        let added = trustkb_with_input(
            &db,
            &[
                "user",
                "add",
                "alice@example.com",
                "--role",
                "analyst",
                "--password-stdin",
            ],
            &format!("{GOOD_PASSWORD}\n"),
        );
        assert!(added.status.success(), "{}", stderr(&added));
        assert_eq!(
            stdout(&added),
            "created the account alice@example.com with the role analyst\n"
        );

        // Without --password-stdin: a one-time password, printed once, to change at sign-in.
        let bob = trustkb(&db, &["user", "add", "Bob@Example.com", "--role", "viewer"]);
        assert!(bob.status.success(), "{}", stderr(&bob));
        let printed = stdout(&bob);
        let one_time = printed
            .lines()
            .map(str::trim)
            .find(|l| l.len() == 24 && l.chars().all(|c| c.is_ascii_hexdigit()))
            .unwrap_or_else(|| panic!("one-time password printed: {printed}"));
        assert!(printed.contains("shown only now"), "{printed}");
        assert!(!one_time.is_empty());

        let list = accounts(&db);
        assert_eq!(list.len(), 2);
        let alice = &list["alice@example.com"];
        assert_eq!(alice["role"], "analyst");
        assert_eq!(alice["status"], "enabled");
        assert_eq!(alice["must_change_password"], false);
        assert!(alice["created_at"].is_string());
        assert!(alice["last_login_at"].is_null());
        let bob = &list["bob@example.com"];
        assert_eq!(bob["role"], "viewer");
        assert_eq!(bob["must_change_password"], true);
        let table = stdout(&trustkb(&db, &["user", "list"]));
        assert!(table.starts_with("EMAIL"), "{table}");
        assert!(table.contains("LAST SIGN-IN"), "{table}");
        let bob_line = table.lines().find(|l| l.starts_with("bob@")).unwrap();
        for word in ["viewer", "enabled", "yes", "never"] {
            assert!(bob_line.contains(word), "{bob_line}");
        }

        // Refusals: a duplicate, a bad role (listing the allowed ones), an unknown e-mail.
        let duplicate = trustkb(
            &db,
            &["user", "add", "alice@example.com", "--role", "viewer"],
        );
        assert_eq!(duplicate.status.code(), Some(1));
        assert!(
            stderr(&duplicate).contains("already exists"),
            "{}",
            stderr(&duplicate)
        );
        let bad_role = trustkb(&db, &["user", "add", "carol@example.com", "--role", "boss"]);
        assert_eq!(bad_role.status.code(), Some(2));
        assert!(
            stderr(&bad_role).contains("viewer, analyst, reviewer, admin"),
            "{}",
            stderr(&bad_role)
        );
        let bad_role = trustkb(&db, &["user", "set-role", "alice@example.com", "root"]);
        assert_eq!(bad_role.status.code(), Some(2));
        assert!(stderr(&bad_role).contains("viewer, analyst, reviewer, admin"));
        let unknown = trustkb(&db, &["user", "set-role", "nobody@example.com", "admin"]);
        assert_eq!(unknown.status.code(), Some(1));
        assert!(stderr(&unknown).contains("no account for nobody@example.com"));
        let bad_email = trustkb(&db, &["user", "disable", "not-an-address"]);
        assert_eq!(bad_email.status.code(), Some(2));
        assert!(stderr(&bad_email).contains("is not an e-mail address"));
        assert_eq!(accounts(&db).len(), 2, "nothing created by the refusals");

        let promoted = trustkb(&db, &["user", "set-role", "alice@example.com", "admin"]);
        assert!(promoted.status.success(), "{}", stderr(&promoted));
        assert!(stdout(&promoted).contains("now has the role admin (was analyst)"));
        assert_eq!(accounts(&db)["alice@example.com"]["role"], "admin");

        // The last enabled administrator can neither be disabled nor lose the role.
        let last = trustkb(&db, &["user", "disable", "alice@example.com"]);
        assert_eq!(last.status.code(), Some(1));
        assert!(
            stderr(&last).contains("last enabled administrator"),
            "{}",
            stderr(&last)
        );
        let last = trustkb(&db, &["user", "set-role", "alice@example.com", "viewer"]);
        assert_eq!(last.status.code(), Some(1));
        assert_eq!(accounts(&db)["alice@example.com"]["status"], "enabled");
        assert_eq!(accounts(&db)["alice@example.com"]["role"], "admin");

        assert!(
            trustkb(&db, &["user", "set-role", "bob@example.com", "admin"])
                .status
                .success()
        );
        let disabled = trustkb(&db, &["user", "disable", "alice@example.com"]);
        assert!(disabled.status.success(), "{}", stderr(&disabled));
        assert!(
            stdout(&disabled).contains("sessions ended"),
            "{}",
            stdout(&disabled)
        );
        assert!(
            stdout(&disabled).contains("revoked"),
            "{}",
            stdout(&disabled)
        );
        assert_eq!(accounts(&db)["alice@example.com"]["status"], "disabled");
        let again = trustkb(&db, &["user", "disable", "alice@example.com"]);
        assert!(stdout(&again).contains("already disabled"));
        assert!(
            trustkb(&db, &["user", "enable", "alice@example.com"])
                .status
                .success()
        );
        assert_eq!(accounts(&db)["alice@example.com"]["status"], "enabled");

        // Reset: a weak password changes nothing; a good one clears the forced change.
        let weak = trustkb_with_input(
            &db,
            &[
                "user",
                "reset-password",
                "bob@example.com",
                "--password-stdin",
            ],
            "bob@example.com\n",
        );
        assert_eq!(weak.status.code(), Some(1));
        assert!(
            stderr(&weak).contains("password refused"),
            "{}",
            stderr(&weak)
        );
        assert_eq!(
            accounts(&db)["bob@example.com"]["must_change_password"],
            true
        );
        let reset = trustkb_with_input(
            &db,
            &[
                "user",
                "reset-password",
                "bob@example.com",
                "--password-stdin",
            ],
            &format!("{GOOD_PASSWORD}\r\n"),
        );
        assert!(reset.status.success(), "{}", stderr(&reset));
        assert_eq!(
            accounts(&db)["bob@example.com"]["must_change_password"],
            false
        );
        let one_time = trustkb(&db, &["user", "reset-password", "alice@example.com"]);
        assert!(stdout(&one_time).contains("shown only now"));
        assert_eq!(
            accounts(&db)["alice@example.com"]["must_change_password"],
            true
        );

        // Every change is audited as the command-line user; the refusals left no trace.
        let filter = trustkb::store::audit::AuditFilter {
            entity: Some("user".into()),
            ..Default::default()
        };
        let entries = audit_entries(&db, &filter);
        let summary: Vec<(AuditAction, &str)> = entries
            .iter()
            .map(|e| (e.action, e.label.as_str()))
            .collect();
        use AuditAction::{Create, Update};
        assert_eq!(
            summary,
            [
                (Create, "alice@example.com"),
                (Create, "bob@example.com"),
                (Update, "alice@example.com"),
                (Update, "bob@example.com"),
                (Update, "alice@example.com"),
                (Update, "alice@example.com"),
                (Update, "bob@example.com"),
                (Update, "alice@example.com"),
            ],
            "{}",
            db.backend
        );
        for e in &entries {
            assert_eq!(e.actor, format!("cli:{OS_USER}"));
            assert_eq!(e.channel, Channel::Cli);
            assert_eq!(e.actor_user_id, None);
        }
        assert_eq!(entries[2].before.as_ref().unwrap()["role"], "analyst");
        assert_eq!(entries[2].after.as_ref().unwrap()["role"], "admin");
    }
}

#[test]
fn a_token_from_the_cli_works_on_the_api_until_its_user_is_disabled() {
    for db in TestDb::all() {
        let added = trustkb_with_input(
            &db,
            &[
                "user",
                "add",
                "ana@example.com",
                "--role",
                "analyst",
                "--password-stdin",
            ],
            &format!("{GOOD_PASSWORD}\n"),
        );
        assert!(added.status.success(), "{}", stderr(&added));
        let unknown = trustkb(&db, &["token", "create", "nobody@example.com"]);
        assert_eq!(unknown.status.code(), Some(1));
        assert!(stderr(&unknown).contains("no account for nobody@example.com"));
        assert!(stdout(&unknown).is_empty());

        let server = Server::start(&db.url).expect("serve");
        let token = create_token(&db, "ana@example.com");
        let (status, body) = get(&server.url, "/api/v1/me", Some(&token));
        assert_eq!(status, 200, "{}: {body}", db.backend);
        let me: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(me["email"], "ana@example.com");
        assert_eq!(me["role"], "analyst");
        assert_eq!(get(&server.url, "/api/v1/me", None).0, 401);
        assert_eq!(get(&server.url, "/api/v1/me", Some("tkb_forged")).0, 401);

        let listed = stdout(&trustkb(&db, &["token", "list", "ana@example.com"]));
        let prefix: String = token.chars().take(12).collect();
        assert!(listed.contains(&prefix), "{listed}");
        assert!(!listed.contains(&token), "never the token itself: {listed}");
        assert!(listed.contains("active"), "{listed}");

        // Disabling the account revokes its tokens at once.
        let disabled = trustkb(&db, &["user", "disable", "ana@example.com"]);
        assert!(disabled.status.success(), "{}", stderr(&disabled));
        assert!(
            stdout(&disabled).contains("1 API token was revoked"),
            "{}",
            stdout(&disabled)
        );
        let (status, body) = get(&server.url, "/api/v1/me", Some(&token));
        assert_eq!(status, 401, "disabled user's token refused: {body}");
        let refused = trustkb(&db, &["token", "create", "ana@example.com"]);
        assert_eq!(refused.status.code(), Some(1));
        assert!(
            stderr(&refused).contains("is disabled"),
            "{}",
            stderr(&refused)
        );
        assert!(stdout(&refused).is_empty());

        // Enabled again: the old token stays revoked; a new one works until revoked.
        assert!(
            trustkb(&db, &["user", "enable", "ana@example.com"])
                .status
                .success()
        );
        assert_eq!(get(&server.url, "/api/v1/me", Some(&token)).0, 401);
        let named = trustkb(
            &db,
            &["token", "create", "ana@example.com", "--name", "ci job"],
        );
        assert!(named.status.success(), "{}", stderr(&named));
        let second = stdout(&named).trim().to_owned();
        assert_eq!(get(&server.url, "/api/v1/me", Some(&second)).0, 200);
        let listed = stdout(&trustkb(&db, &["token", "list", "ana@example.com"]));
        let newest = listed.lines().nth(1).expect("a token line");
        assert!(
            newest.contains("ci job") && newest.contains("active"),
            "{listed}"
        );
        let id = newest.split_whitespace().next().unwrap();
        let revoked = trustkb(&db, &["token", "revoke", "ana@example.com", id]);
        assert!(revoked.status.success(), "{}", stderr(&revoked));
        assert_eq!(get(&server.url, "/api/v1/me", Some(&second)).0, 401);
        let missing = trustkb(&db, &["token", "revoke", "ana@example.com", "999"]);
        assert_eq!(missing.status.code(), Some(1));
        assert!(stderr(&missing).contains("no API token 999"));
        let bad_name = trustkb(&db, &["token", "create", "ana@example.com", "--name", " "]);
        assert_eq!(bad_name.status.code(), Some(2));

        let filter = trustkb::store::audit::AuditFilter {
            entity: Some("api_token".into()),
            ..Default::default()
        };
        let entries = audit_entries(&db, &filter);
        // Two created and one revoked (disabling is recorded on the user).
        assert_eq!(entries.len(), 3, "{entries:?}");
        assert!(entries.iter().all(|e| e.actor == format!("cli:{OS_USER}")));
    }
}

#[test]
fn an_import_is_audited_record_by_record() {
    use diesel::prelude::*;
    use std::collections::BTreeSet;
    use trustkb::domain::{AuditAction, Channel};
    use trustkb::store::schema::*;
    for db in TestDb::all() {
        let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
        let imported = trustkb(&db, &["import", seeds]);
        assert!(imported.status.success(), "{}", stderr(&imported));
        let said = stdout(&imported);
        let total: usize = said
            .split(": ")
            .nth(1)
            .and_then(|rest| rest.split(' ').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("record count in {said}"));

        let entries = audit_entries(&db, &Default::default());
        assert_eq!(
            entries.len(),
            total + 1,
            "one per record and one for the pack"
        );
        for e in &entries {
            assert_eq!(e.action, AuditAction::Create);
            assert_eq!(e.channel, Channel::Import);
            assert_eq!(e.actor, format!("cli:{OS_USER}"));
            assert!(e.before.is_none());
            assert!(e.after.as_ref().is_some_and(|a| a.is_object()), "{e:?}");
            assert!(
                !e.after
                    .as_ref()
                    .is_some_and(|a| a.to_string().contains("toml_private")),
                "dates must be plain strings: {e:?}"
            );
            assert!(!e.label.is_empty(), "{e:?}");
        }
        let pack: Vec<_> = entries
            .iter()
            .filter(|e| e.entity == "imported_pack")
            .collect();
        assert_eq!(pack.len(), 1);
        assert_eq!(pack[0].label, "seed-mimecast-solarwinds-2021");

        // Each table's new rows, id for id, and nothing audited twice.
        let mut conn = db.connect();
        macro_rules! ids {
            ($t:ident) => {
                $t::table
                    .select($t::id)
                    .load::<i32>(&mut conn)
                    .unwrap()
                    .into_iter()
                    .collect::<BTreeSet<i32>>()
            };
        }
        let tables = [
            ("source", ids!(sources)),
            ("category", ids!(categories)),
            ("vendor", ids!(vendors)),
            ("product", ids!(products)),
            ("dependency", ids!(dependencies)),
            ("incident", ids!(incidents)),
            ("incident_involvement", ids!(incident_involvements)),
            ("incident_timeline_event", ids!(incident_timeline_events)),
            ("incident_cause", ids!(incident_causes)),
            ("remediation", ids!(remediations)),
            ("analyst_firm", ids!(analyst_firms)),
            ("analyst", ids!(analysts)),
            ("assessment", ids!(assessments)),
            ("citation", ids!(citations)),
            ("imported_pack", ids!(imported_packs)),
        ];
        let mut covered = 0;
        for (entity, ids) in &tables {
            let audited: Vec<i32> = entries
                .iter()
                .filter(|e| e.entity == *entity)
                .map(|e| e.entity_id.parse().expect("numeric id"))
                .collect();
            assert!(!ids.is_empty(), "the seed has {entity} records");
            assert_eq!(audited.len(), ids.len(), "{}: {entity}", db.backend);
            assert_eq!(
                &audited.into_iter().collect::<BTreeSet<_>>(),
                ids,
                "{entity}"
            );
            covered += ids.len();
        }
        assert_eq!(
            covered,
            entries.len(),
            "every audited entity is a table above"
        );

        // The values recorded are the record's own (nested records are audited apart).
        let vendor = entries
            .iter()
            .find(|e| e.entity == "vendor" && e.label == "solarwinds")
            .expect("vendor solarwinds audited");
        let after = vendor.after.as_ref().unwrap();
        assert_eq!(after["slug"], "solarwinds");
        assert!(after["name"].is_string() && after["tier"].is_string());
        assert!(after.get("citations").is_none());
        let incident = entries.iter().find(|e| e.entity == "incident").unwrap();
        assert!(
            incident
                .after
                .as_ref()
                .unwrap()
                .get("involvements")
                .is_none()
        );
        let citation = entries.iter().find(|e| e.entity == "citation").unwrap();
        let after = citation.after.as_ref().unwrap();
        assert!(after["excerpt"].is_string() && after["locator"].is_string());
        assert!(after["target"]["id"].is_number());
    }
}

/// Exported files get a new file's usual mode (0666 less the umask, as `File::create` gives),
/// not the owner-only mode of the temporary file they are written through.
#[cfg(unix)]
#[test]
fn exported_files_follow_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let db = TestDb::sqlite();
    assert!(trustkb(&db, &["seed"]).status.success());
    let dir = tempfile::tempdir().expect("temp dir");
    for (umask, mode) in [("022", 0o644), ("077", 0o600)] {
        for (format, name) in [
            ("pack", "pack.toml"),
            ("xlsx", "portfolio.xlsx"),
            ("csv", "v.csv"),
        ] {
            let path = dir.path().join(format!("{umask}-{name}"));
            let path_text = path.to_str().expect("utf-8 path");
            // The shell sets the umask, then runs trustkb in its place.
            let out = Command::new("sh")
                .args(["-c", &format!("umask {umask} && exec \"$0\" \"$@\"")])
                .arg(env!("CARGO_BIN_EXE_trustkb"))
                .args(["export", "--format", format, "--output", path_text])
                .env("TRUSTKB_DATABASE_URL", &db.url)
                .env("TRUSTKB_LOG", "warn")
                .env("USER", OS_USER)
                .output()
                .expect("run trustkb");
            assert!(out.status.success(), "{format}: {}", stderr(&out));
            let actual = std::fs::metadata(&path)
                .expect("exported")
                .permissions()
                .mode();
            assert_eq!(
                actual & 0o777,
                mode,
                "{format} under umask {umask}: {actual:o}"
            );
        }
    }
}

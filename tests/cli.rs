//! The `trustkb` binary as a user runs it: help, seed, import, export, migrate, serve and
//! the error messages and exit codes of bad input, on every backend under test.

mod common;

use common::TestDb;
use std::io::{BufRead, BufReader};
use std::process::{Command, Output, Stdio};

fn trustkb(db: &TestDb, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_trustkb"))
        .args(args)
        .env("TRUSTKB_DATABASE_URL", &db.url)
        .env("TRUSTKB_LOG", "warn")
        .output()
        .expect("run trustkb")
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
    for command in ["serve", "migrate", "seed", "import", "export"] {
        assert!(stdout(&top).contains(command), "{command} listed in --help");
        let help = trustkb(&db, &[command, "--help"]);
        assert!(help.status.success(), "{command} --help");
        assert!(
            stdout(&help).contains("--database"),
            "{command} takes --database"
        );
    }
    assert!(stdout(&trustkb(&db, &["serve", "--help"])).contains("TRUSTKB_BIND"));
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
    for db in TestDb::all() {
        let mut child = Command::new(env!("CARGO_BIN_EXE_trustkb"))
            .args(["serve", "--bind", "127.0.0.1:0"])
            .env("TRUSTKB_DATABASE_URL", &db.url)
            .env("TRUSTKB_LOG", "info")
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = child.stderr.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        // Keep reading the log so the server never writes to a full or closed pipe.
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(rest) = line.split("listening on ").nth(1) {
                    let _ = tx.send(rest.split_whitespace().next().map(str::to_owned));
                }
            }
        });
        let url = rx
            .recv_timeout(std::time::Duration::from_secs(30))
            .ok()
            .flatten();
        let url = url.expect("serve prints the URL it listens on");
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .into();
        let mut answer = agent.get(format!("{url}/api/v1/vendors")).call().unwrap();
        let body = answer.body_mut().read_to_string().unwrap();
        child.kill().unwrap();
        let _ = child.wait();
        assert!(body.contains("\"total\":4"), "seeded on start: {body}");
    }
}

/// Starts `trustkb serve` on `db`: the child and the URL it logged, or why it did not start
/// (the child is then already stopped).
fn start_server(url: &str) -> Result<(std::process::Child, String), String> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_trustkb"))
        .args(["serve", "--bind", "127.0.0.1:0"])
        .env("TRUSTKB_DATABASE_URL", url)
        .env("TRUSTKB_LOG", "info")
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
            std::thread::spawn(move || start_server(&url))
        })
        .collect();
    let results: Vec<Result<(std::process::Child, String), String>> = starters
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
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let bodies: Vec<String> = servers
        .iter()
        .map(|(_, url)| {
            agent
                .get(format!("{url}/api/v1/vendors"))
                .call()
                .ok()
                .and_then(|mut r| r.body_mut().read_to_string().ok())
                .unwrap_or_default()
        })
        .collect();
    for (child, _) in &mut servers {
        let _ = child.kill();
        let _ = child.wait();
    }
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

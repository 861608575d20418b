//! A real SIGINT (and SIGTERM) sent to the real `trustkb` binary in the middle of a long
//! import or export: exit status 130, no row imported, no temporary or partial file left.

mod common;

use common::TestDb;
use common::curation::row_counts;
use std::io::{BufRead, BufReader};
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

const TABLES: [&str; 4] = ["vendors", "audit_log", "imported_packs", "score_snapshots"];
const PATIENCE: Duration = Duration::from_secs(300);

/// A running `trustkb` with its standard error read line by line.
struct Running {
    child: Child,
    lines: Receiver<String>,
    seen: Vec<String>,
}

impl Running {
    fn start(db: &TestDb, args: &[&str]) -> Running {
        let mut child = Command::new(env!("CARGO_BIN_EXE_trustkb"))
            .args(args)
            .env("TRUSTKB_DATABASE_URL", &db.url)
            .env("TRUSTKB_LOG", "warn")
            .env("TRUSTKB_PROGRESS", "lines")
            .env("USER", "tester")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run trustkb");
        let stderr = child.stderr.take().expect("standard error");
        let (send, lines) = channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if send.send(line).is_err() {
                    break;
                }
            }
        });
        Running {
            child,
            lines,
            seen: Vec::new(),
        }
    }

    /// Waits for a line of standard error containing `text`; false if the process ended first.
    fn wait_for_line(&mut self, text: &str) -> bool {
        let deadline = Instant::now() + PATIENCE;
        while Instant::now() < deadline {
            match self.lines.recv_timeout(Duration::from_millis(200)) {
                Ok(line) => {
                    let found = line.contains(text);
                    self.seen.push(line);
                    if found {
                        return true;
                    }
                }
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => return false,
            }
        }
        panic!("no line {text:?} in {PATIENCE:?}: {:?}", self.seen);
    }

    fn signal(&self, signal: &str) {
        let pid = self.child.id().to_string();
        let status = Command::new("kill")
            .args([signal, &pid])
            .status()
            .expect("run kill");
        assert!(status.success(), "kill {signal} {pid}");
    }

    /// Waits for the process to end: its status and all of its standard error.
    fn finish(mut self) -> (ExitStatus, String) {
        let deadline = Instant::now() + PATIENCE;
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("wait for trustkb") {
                break status;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("trustkb did not end after the signal: {:?}", self.seen);
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        self.seen.extend(self.lines.iter());
        (status, self.seen.join("\n"))
    }
}

fn run(db: &TestDb, args: &[&str]) {
    let out = Command::new(env!("CARGO_BIN_EXE_trustkb"))
        .args(args)
        .env("TRUSTKB_DATABASE_URL", &db.url)
        .env("TRUSTKB_LOG", "warn")
        .env("USER", "tester")
        .output()
        .expect("run trustkb");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A CSV file of `rows` new vendors whose slugs start with `prefix`.
fn vendors_csv(dir: &Path, prefix: &str, rows: usize) -> String {
    let mut csv = String::from("slug,name,tier,status\n");
    for i in 0..rows {
        csv.push_str(&format!("{prefix}-{i},Vendor {prefix} {i},low,active\n"));
    }
    let path = dir.join(format!("{prefix}.csv"));
    std::fs::write(&path, csv).expect("write the CSV file");
    path.display().to_string()
}

#[test]
fn an_interrupted_import_imports_nothing() {
    let dir = tempfile::tempdir().unwrap();
    for db in TestDb::all() {
        run(&db, &["migrate"]);
        let mut rows = 20_000;
        let mut interrupted = false;
        for attempt in 0..4 {
            let before = row_counts(&db, &TABLES);
            let file = vendors_csv(dir.path(), &format!("{}-{attempt}", db.backend), rows);
            let mut running = Running::start(&db, &["import", &file]);
            // The transaction is open once records are being imported.
            let started = running.wait_for_line("trustkb: importing records");
            if started {
                running.signal("-INT");
            }
            let (status, err) = running.finish();
            assert_eq!(
                status.signal(),
                None,
                "{}: killed outright: {err}",
                db.backend
            );
            if status.code() == Some(130) && err.contains("interrupted; nothing was imported") {
                assert_eq!(
                    row_counts(&db, &TABLES),
                    before,
                    "{}: rows written by an interrupted import",
                    db.backend
                );
                interrupted = true;
                break;
            }
            // Finished before the signal: whole, never in part. Again with more rows.
            let after = row_counts(&db, &TABLES);
            assert_eq!(after[0], before[0] + rows as i64, "{}: {err}", db.backend);
            assert!(
                status.success() || err.contains("after the import was committed"),
                "{}: {status}: {err}",
                db.backend
            );
            rows *= 2;
        }
        assert!(interrupted, "{}: never caught in the middle", db.backend);
    }
}

/// What the output directory holds.
fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read the output directory")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

/// Polls the directory until a temporary file appears; false if the process ended first.
fn wait_for_temp_file(running: &mut Running, dir: &Path) -> bool {
    let deadline = Instant::now() + PATIENCE;
    while Instant::now() < deadline {
        if entries(dir).iter().any(|n| n.starts_with(".tmp")) {
            return true;
        }
        if running
            .child
            .try_wait()
            .expect("wait for trustkb")
            .is_some()
        {
            return false;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    panic!("no temporary file in {}", dir.display());
}

#[test]
fn an_interrupted_export_leaves_no_file() {
    let work = tempfile::tempdir().unwrap();
    let db = TestDb::sqlite();
    run(&db, &["seed"]);
    // A larger portfolio: the export takes a while.
    run(&db, &["import", &vendors_csv(work.path(), "many", 3_000)]);
    let mut interrupted = 0;
    for (attempt, signal) in ["-INT", "-TERM", "-INT", "-TERM", "-INT", "-TERM"]
        .iter()
        .enumerate()
    {
        let out = work.path().join(format!("out-{attempt}"));
        std::fs::create_dir(&out).unwrap();
        let target = out.join("portfolio.xlsx");
        let target_arg = target.display().to_string();
        let args = ["export", "--format", "xlsx", "--output", &target_arg];
        let mut running = Running::start(&db, &args);
        let caught = wait_for_temp_file(&mut running, &out);
        if caught {
            running.signal(signal);
        }
        let (status, err) = running.finish();
        let names = entries(&out);
        assert!(
            names.is_empty() || names == ["portfolio.xlsx"],
            "{signal}: left {names:?} ({err})"
        );
        if names.is_empty() {
            assert_eq!(status.code(), Some(130), "{signal}: {err}");
            assert!(err.contains("interrupted; nothing was written"), "{err}");
            interrupted += 1;
        } else {
            // Complete: a whole workbook (a ZIP ends with its central directory's end record).
            let bytes = std::fs::read(&target).unwrap();
            assert!(bytes.starts_with(b"PK"), "{signal}: not a workbook");
            let tail = &bytes[bytes.len().saturating_sub(22)..];
            assert!(tail.starts_with(b"PK\x05\x06"), "{signal}: a cut workbook");
        }
        if interrupted >= 2 {
            break;
        }
    }
    assert!(interrupted >= 2, "the export was never caught writing");
}

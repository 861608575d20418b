//! Knowledge packs on every backend: the seed, idempotent seeding, export → import → export,
//! and bad packs refused with a precise message and no change at all.

mod common;

use common::TestDb;
use std::path::Path;
use trustkb::domain::Slug;
use trustkb::domain::scoring::ScoringConfig;
use trustkb::store::DbConnection;
use trustkb::store::pack::embedded::{SEED_PACK_FILES, SEED_TEXT_FILES, seed_pack};
use trustkb::store::pack::export::export_pack;
use trustkb::store::pack::import::import_pack;
use trustkb::store::pack::seed::{SeedOutcome, seed};
use trustkb::store::pack::{PackError, load_path};

/// Who the tests import as.
fn actor() -> trustkb::domain::audit::Actor {
    trustkb::domain::audit::Actor::command_line("tests", trustkb::domain::Channel::Import)
}

fn now() -> chrono::NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 26)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap()
}

fn export(conn: &mut DbConnection) -> String {
    export_pack(conn, &Slug::parse("snapshot").unwrap()).expect("export")
}

fn imported_pack_count(conn: &mut DbConnection) -> i64 {
    use diesel::prelude::*;
    trustkb::store::schema::imported_packs::table
        .count()
        .get_result(conn)
        .unwrap()
}

/// A seeded database on this backend.
fn seeded(db: &TestDb) -> DbConnection {
    let mut conn = db.connect();
    seed(
        &mut conn,
        &actor(),
        &seed_pack().unwrap(),
        now(),
        &ScoringConfig::default(),
    )
    .expect("seed");
    conn
}

#[test]
fn embedded_seed_matches_the_seeds_folder() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut on_disk: Vec<String> = Vec::new();
    for dir in ["seeds", "seeds/sources"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.is_file() {
                on_disk.push(path.strip_prefix(root).unwrap().display().to_string());
            }
        }
    }
    on_disk.sort();
    let mut embedded: Vec<String> = SEED_PACK_FILES
        .iter()
        .chain(SEED_TEXT_FILES)
        .map(|(p, _)| (*p).to_owned())
        .collect();
    embedded.sort();
    assert_eq!(
        on_disk, embedded,
        "every file in seeds/ must be embedded in src/store/pack/embedded.rs"
    );
    for (path, content) in SEED_PACK_FILES.iter().chain(SEED_TEXT_FILES) {
        assert_eq!(std::fs::read_to_string(root.join(path)).unwrap(), *content);
    }
}

#[test]
fn seeding_is_idempotent() {
    for db in TestDb::all() {
        let mut conn = db.connect();
        let pack = seed_pack().unwrap();
        let first = seed(&mut conn, &actor(), &pack, now(), &ScoringConfig::default()).unwrap();
        let SeedOutcome::Imported(report) = first else {
            panic!("first seed must import")
        };
        assert!(report.total() > 60, "{report:?}");
        let before = export(&mut conn);
        let second = seed(&mut conn, &actor(), &pack, now(), &ScoringConfig::default()).unwrap();
        assert_eq!(
            second,
            SeedOutcome::AlreadyPresent {
                at: now(),
                changed: false
            },
            "{}",
            db.backend
        );
        assert_eq!(export(&mut conn), before);
    }
}

#[test]
fn the_seed_loads_from_the_folder_on_disk_too() {
    let pack = load_path(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"))).unwrap();
    assert_eq!(pack.name, seed_pack().unwrap().name);
    assert_eq!(pack.files.len(), 1);
}

#[test]
fn export_import_export_is_byte_identical_across_backends() {
    let dir = tempfile::tempdir().unwrap();
    let mut exports = Vec::new();
    for db in TestDb::all() {
        let mut conn = seeded(&db);
        let first = export(&mut conn);
        let path = dir.path().join(format!("{}.toml", db.backend));
        std::fs::write(&path, &first).unwrap();

        let fresh = TestDb::sqlite_or_same(&db);
        let mut other = fresh.connect();
        import_pack(&mut other, &actor(), &load_path(&path).unwrap(), now()).expect("re-import");
        let second = export(&mut other);
        assert_eq!(
            first, second,
            "export → import → export differs on {}",
            db.backend
        );
        exports.push(first);
    }
    exports.dedup();
    assert_eq!(exports.len(), 1, "SQLite and PostgreSQL exports differ");
}

/// A minimal valid pack that refers to the seed's records; tests break one thing at a time.
const GOOD_EXTRA: &str = r#"
[pack]
name = "extra-pack"

[[sources]]
slug = "extra-note"
title = "Internal note"
publisher = "Risk team"
language = "en"
reliability = "C"
credibility = 3
text = "Cisco NetFlow stayed in use at Mimecast."

[[vendors]]
slug = "acme-monitoring"
name = "Acme Monitoring"
tier = "low"
status = "prospect"

[[products]]
slug = "acme-watch"
vendor = "acme-monitoring"
name = "Acme Watch"
category = "network-monitoring"

[[dependencies]]
consumer = "mimecast"
product = "cisco-netflow"
criticality = "medium"

[[dependencies.citations]]
source = "extra-note"
excerpt = "Cisco NetFlow stayed in use at Mimecast."
"#;

fn write_pack(dir: &Path, name: &str, content: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path
}

/// Imports `content` into a seeded database; it must fail, change nothing, and the message
/// must contain every `expected` fragment.
fn assert_refused(content: &str, expected: &[&str]) {
    for db in TestDb::all() {
        let mut conn = seeded(&db);
        let before = export(&mut conn);
        let packs_before = imported_pack_count(&mut conn);
        let dir = tempfile::tempdir().unwrap();
        let path = write_pack(dir.path(), "bad.toml", content);
        let result =
            load_path(&path).and_then(|pack| import_pack(&mut conn, &actor(), &pack, now()));
        let err = match result {
            Ok(report) => panic!("bad pack accepted on {}: {report:?}", db.backend),
            Err(e) => e,
        };
        let message = err.to_string();
        assert!(matches!(err, PackError::Invalid(_)), "{message}");
        for fragment in expected {
            assert!(
                message.contains(fragment),
                "{:?} missing from:\n{message}",
                fragment
            );
        }
        assert!(message.contains("bad.toml"), "the file is named: {message}");
        assert_eq!(
            export(&mut conn),
            before,
            "database changed on {}",
            db.backend
        );
        assert_eq!(imported_pack_count(&mut conn), packs_before);
    }
}

#[test]
fn a_good_extra_pack_imports_on_top_of_the_seed() {
    for db in TestDb::all() {
        let mut conn = seeded(&db);
        let dir = tempfile::tempdir().unwrap();
        let path = write_pack(dir.path(), "extra.toml", GOOD_EXTRA);
        let report =
            import_pack(&mut conn, &actor(), &load_path(&path).unwrap(), now()).expect("good pack");
        assert_eq!(report.total(), 5, "{report:?}");
        let again = import_pack(&mut conn, &actor(), &load_path(&path).unwrap(), now());
        assert!(matches!(again, Err(PackError::AlreadyImported { .. })));
    }
}

#[test]
fn unknown_reference_is_refused() {
    let bad = GOOD_EXTRA.replace(
        "vendor = \"acme-monitoring\"",
        "vendor = \"acme-monitorin\"",
    );
    assert_refused(
        &bad,
        &[
            "products[1] \"acme-watch\"",
            "field `vendor`",
            "unknown vendor \"acme-monitorin\"",
        ],
    );
}

#[test]
fn invalid_enum_value_is_refused_with_its_line() {
    let bad = GOOD_EXTRA.replace("tier = \"low\"", "tier = \"tiny\"");
    assert_refused(
        &bad,
        &[
            "bad.toml:17: ",
            "vendors[1] \"acme-monitoring\"",
            "field `tier`",
            "unknown tier \"tiny\"",
            "critical, high, medium, low",
        ],
    );
}

#[test]
fn duplicate_slug_in_the_pack_is_refused() {
    let bad = format!(
        "{GOOD_EXTRA}\n[[vendors]]\nslug = \"acme-monitoring\"\nname = \"Acme again\"\ntier = \"low\"\nstatus = \"active\"\n"
    );
    assert_refused(
        &bad,
        &[
            "vendors[2] \"acme-monitoring\"",
            "field `slug`",
            "duplicate vendor slug",
        ],
    );
}

#[test]
fn slug_already_in_the_database_is_refused() {
    let bad = GOOD_EXTRA
        .replace("slug = \"acme-monitoring\"", "slug = \"mimecast\"")
        .replace("vendor = \"acme-monitoring\"", "vendor = \"mimecast\"");
    assert_refused(
        &bad,
        &[
            "vendors[1] \"mimecast\"",
            "field `slug`",
            "already exists in the database",
        ],
    );
}

#[test]
fn broken_syntax_is_refused() {
    let bad = GOOD_EXTRA.replace("name = \"Acme Watch\"", "name = \"Acme Watch");
    assert_refused(
        &bad,
        &[
            "bad.toml:23: ",
            "products[1] \"acme-watch\"",
            "field `name`",
        ],
    );
}

#[test]
fn excerpt_not_in_the_source_text_is_refused() {
    let bad = GOOD_EXTRA.replace(
        "excerpt = \"Cisco NetFlow stayed in use at Mimecast.\"",
        "excerpt = \"Cisco NetFlow was dropped.\"",
    );
    assert_refused(
        &bad,
        &[
            "dependencies[1]",
            "field `citations[1].excerpt`",
            "excerpt not found verbatim",
            "extra-note",
        ],
    );
}

#[test]
fn excerpt_is_checked_against_a_source_already_in_the_database() {
    let bad = GOOD_EXTRA.replace(
        "source = \"extra-note\"",
        "source = \"mimecast-solarwinds-2021-fr\"",
    );
    assert_refused(
        &bad,
        &["excerpt not found verbatim in the text of source \"mimecast-solarwinds-2021-fr\""],
    );
}

#[test]
fn rule_violations_are_refused() {
    let bad = GOOD_EXTRA.replace(
        "criticality = \"medium\"",
        "criticality = \"medium\"\nsince = 2022-01-01\nuntil = 2021-01-01",
    );
    assert_refused(
        &bad,
        &["dependencies[1]", "field `until`", "is before since"],
    );
    let bad = GOOD_EXTRA.replace("slug = \"acme-monitoring\"", "slug = \"Acme Monitoring\"");
    assert_refused(&bad, &["field `slug`", "invalid slug"]);
    let bad = GOOD_EXTRA.replace("credibility = 3", "credibility = 9");
    assert_refused(
        &bad,
        &[
            "sources[1] \"extra-note\"",
            "field `credibility`",
            "out of range",
        ],
    );
    let bad = GOOD_EXTRA.replace(
        "criticality = \"medium\"",
        "criticality = \"medium\"\nsince = \"2021-13\"",
    );
    assert_refused(
        &bad,
        &[
            "dependencies[1]",
            "field `since`",
            "invalid date \"2021-13\"",
        ],
    );
    let bad = GOOD_EXTRA.replace("tier = \"low\"", "tier = \"low\"\ncolour = \"red\"");
    assert_refused(&bad, &["unknown field `colour`"]);
}

#[test]
fn every_problem_is_reported_at_once() {
    let bad = GOOD_EXTRA
        .replace("vendor = \"acme-monitoring\"", "vendor = \"nobody\"")
        .replace("product = \"cisco-netflow\"", "product = \"nothing\"");
    assert_refused(
        &bad,
        &[
            "2 problems",
            "unknown vendor \"nobody\"",
            "unknown product \"nothing\"",
        ],
    );
}

#[test]
fn the_documented_example_pack_imports() {
    let doc = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/docs/knowledge-pack.md"
    ))
    .unwrap();
    let example = doc
        .split("## A complete example")
        .nth(1)
        .expect("example section");
    let toml = example
        .split("```toml\n")
        .nth(1)
        .and_then(|s| s.split("```").next())
        .expect("toml block");
    for db in TestDb::all() {
        let mut conn = db.connect();
        let dir = tempfile::tempdir().unwrap();
        let path = write_pack(dir.path(), "example.toml", toml);
        let report = import_pack(&mut conn, &actor(), &load_path(&path).unwrap(), now())
            .expect("the documented example imports");
        assert!(report.total() > 10);
    }
}

#[test]
fn dates_known_to_the_month_or_year_are_ordered_by_their_period() {
    let pack = GOOD_EXTRA.to_owned()
        + "\n[[incidents]]\nslug = \"acme-leak\"\ntitle = \"Acme leak\"\nkind = \"data_breach\"\nseverity = 2\ndiscovered_on = \"2020\"\ndisclosed_on = 2020-12-13\nsummary = \"Found some time in 2020, disclosed in December.\"\n\n[[incidents.involvements]]\nvendor = \"acme-monitoring\"\nrole = \"origin\"\n";
    for db in TestDb::all() {
        let mut conn = seeded(&db);
        let dir = tempfile::tempdir().unwrap();
        let path = write_pack(dir.path(), "partial.toml", &pack);
        import_pack(&mut conn, &actor(), &load_path(&path).unwrap(), now())
            .expect("a 2020 discovery may precede a December disclosure");
        let text = export(&mut conn);
        assert!(
            text.contains("discovered_on = \"2020\""),
            "kept at year precision"
        );
    }
    let bad = GOOD_EXTRA.replace(
        "criticality = \"medium\"",
        "criticality = \"medium\"\nsince = \"2021-07\"\nuntil = \"2021-06\"",
    );
    assert_refused(
        &bad,
        &["field `until`", "until (2021-06) is before since (2021-07)"],
    );
}

#[test]
fn a_cycle_of_causes_is_refused() {
    let incident = |slug: &str, cause: &str| {
        format!(
            "\n[[incidents]]\nslug = \"{slug}\"\ntitle = \"{slug}\"\nkind = \"intrusion\"\nseverity = 2\ndisclosed_on = 2020-12-13\nsummary = \"A test incident.\"\n\n[[incidents.involvements]]\nvendor = \"acme-monitoring\"\nrole = \"victim\"\n\n[[incidents.caused_by]]\nincident = \"{cause}\"\n"
        )
    };
    let pack = GOOD_EXTRA.to_owned()
        + &incident("acme-first", "acme-second")
        + &incident("acme-second", "acme-first");
    assert_refused(&pack, &["would close a cycle", "acme-first", "acme-second"]);
}

//! STIX 2.1 export and import (docs/stix.md): the seed as a bundle over the API and the
//! command line, the OASIS validator, the round trip, references to records of the database,
//! skipped objects and refused bundles.

mod common;

use common::{TestApp, TestDb};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use trustkb::stix::export::{analyst_id, incident_id, product_id, vendor_id};

const INCIDENT: &str = "mimecast-certificate-compromise-2021";

fn trustkb(db: &TestDb, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_trustkb"))
        .args(args)
        .env("TRUSTKB_DATABASE_URL", &db.url)
        .env("TRUSTKB_LOG", "warn")
        .env("USER", "tester")
        .output()
        .expect("run trustkb")
}

fn ok(out: Output) -> String {
    assert!(
        out.status.success(),
        "trustkb failed: {}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

fn seeded() -> Vec<TestDb> {
    let dbs = TestDb::all();
    for db in &dbs {
        ok(trustkb(db, &["seed"]));
    }
    dbs
}

fn export(db: &TestDb, extra: &[&str]) -> String {
    let mut args = vec!["export", "--format", "stix"];
    args.extend(extra);
    ok(trustkb(db, &args))
}

fn objects<'a>(bundle: &'a Value, kind: &str) -> Vec<&'a Value> {
    bundle["objects"]
        .as_array()
        .expect("objects")
        .iter()
        .filter(|o| o["type"] == kind)
        .collect()
}

#[test]
fn the_seed_exports_as_a_deterministic_bundle() {
    for db in seeded() {
        let text = export(&db, &[]);
        assert_eq!(text, export(&db, &[]), "two exports differ");
        let bundle: Value = serde_json::from_str(&text).expect("JSON");
        assert_eq!(bundle["type"], "bundle");
        let vendors: Vec<_> = objects(&bundle, "identity")
            .into_iter()
            .filter(|o| o["x_trustkb_kind"] == "vendor")
            .map(|o| o["name"].as_str().expect("name"))
            .collect();
        assert_eq!(vendors, ["Cisco", "Microsoft", "Mimecast", "SolarWinds"]);
        assert!(
            objects(&bundle, "identity")
                .iter()
                .all(|o| o["spec_version"] == "2.1")
        );
        assert_eq!(objects(&bundle, "incident").len(), 3);
        let mut stances: Vec<_> = objects(&bundle, "opinion")
            .iter()
            .map(|o| o["opinion"].as_str().expect("opinion"))
            .collect();
        stances.sort_unstable();
        assert_eq!(stances, ["disagree", "neutral"]);
        let relationships = objects(&bundle, "relationship");
        let count = |kind: &str| {
            relationships
                .iter()
                .filter(|r| r["relationship_type"] == kind)
                .count()
        };
        assert_eq!(count("x-trustkb-caused-by"), 2);
        assert_eq!(count("attributed-to"), 3);
        assert_eq!(
            count("x-trustkb-originated-at")
                + count("x-trustkb-spread-through")
                + count("x-trustkb-affected"),
            6
        );
        // The seed's source is graded B2: credibility 2 is confidence 70.
        let report = objects(&bundle, "report")[0];
        assert_eq!(report["confidence"], 70);
        assert_eq!(report["x_trustkb_reliability"], "B");
        assert!(
            objects(&bundle, "incident")
                .iter()
                .all(|i| i["confidence"] == 70)
        );
        assert_eq!(objects(&bundle, "threat-actor").len(), 1);
        // Dependencies: Mimecast → SolarWinds Orion until 16 March 2021, then Cisco NetFlow.
        assert_eq!(count("x-trustkb-depends-on"), 2);
        let orion = relationships
            .iter()
            .find(|r| {
                r["relationship_type"] == "x-trustkb-depends-on"
                    && r["target_ref"] == product_id("solarwinds-orion")
            })
            .expect("the Orion dependency");
        assert_eq!(orion["source_ref"], vendor_id("mimecast"));
        assert_eq!(orion["x_trustkb_criticality"], "high");
        assert_eq!(orion["x_trustkb_until"], "2021-03-16");
        assert_eq!(orion["stop_time"], "2021-03-16T00:00:00.000Z");
        assert_eq!(
            orion["description"],
            "IT and network monitoring of Mimecast's environment."
        );
        assert_eq!(orion["confidence"], 70);
        // Remediations: five courses of action, each mitigating the Mimecast incident.
        let actions = objects(&bundle, "course-of-action");
        assert_eq!(actions.len(), 5);
        assert!(
            actions
                .iter()
                .all(|a| a["x_trustkb_vendor_ref"] == vendor_id("mimecast"))
        );
        let drop = actions
            .iter()
            .find(|a| a["x_trustkb_slug"] == "mimecast-drops-solarwinds-orion")
            .expect("the Orion remediation");
        assert_eq!(drop["x_trustkb_kind"], "drop_product");
        assert_eq!(
            drop["x_trustkb_replacement_product_ref"],
            product_id("cisco-netflow")
        );
        assert_eq!(count("mitigates"), 5);
        assert!(
            relationships
                .iter()
                .filter(|r| r["relationship_type"] == "mitigates")
                .all(|r| r["target_ref"] == incident_id(INCIDENT))
        );
        // The report lists the dependencies and remediations citing it.
        assert!(
            report["object_refs"]
                .as_array()
                .expect("object_refs")
                .contains(&drop["id"])
        );
    }
}

#[test]
fn the_api_serves_the_bundles() {
    for db in TestDb::all() {
        let app = TestApp::spawn(&db);
        let all = app.get("/api/v1/stix");
        assert_eq!(all.status, 200, "{}", all.body);
        assert!(all.content_type.starts_with("application/stix+json"));
        assert_eq!(all.body, app.get("/api/v1/stix").body);
        let vendor = app.get("/api/v1/vendors/cisco/stix").json();
        let names: Vec<_> = objects(&vendor, "identity")
            .iter()
            .filter(|o| o["x_trustkb_kind"] == "vendor")
            .map(|o| o["name"].clone())
            .collect();
        assert_eq!(names, [json!("Cisco")]);
        assert!(objects(&vendor, "incident").is_empty());
        // Mimecast's bundle holds its dependencies, hence Cisco NetFlow and Cisco, and its
        // remediations.
        let mimecast = app.get("/api/v1/vendors/mimecast/stix").json();
        let depends = objects(&mimecast, "relationship")
            .into_iter()
            .filter(|r| r["relationship_type"] == "x-trustkb-depends-on")
            .count();
        assert_eq!(depends, 2);
        assert_eq!(objects(&mimecast, "course-of-action").len(), 5);
        assert!(
            objects(&mimecast, "x-trustkb-product")
                .iter()
                .any(|p| p["x_trustkb_slug"] == "cisco-netflow")
        );
        let incident = app
            .get(&format!("/api/v1/incidents/{INCIDENT}/stix"))
            .json();
        // The incident and the two linked to it by causality, and its remediations.
        assert_eq!(objects(&incident, "incident").len(), 2);
        assert_eq!(objects(&incident, "course-of-action").len(), 5);
        assert_eq!(app.get("/api/v1/vendors/nobody/stix").status, 404);
        assert_eq!(app.get("/api/v1/incidents/nothing/stix").status, 404);
    }
}

/// The OASIS validator: $TRUSTKB_STIX_VALIDATOR, .ci/tools' venv, or `stix2_validator` on PATH.
fn validator() -> Option<PathBuf> {
    let local = Path::new(env!("CARGO_MANIFEST_DIR")).join(".ci/tools/stix/bin/stix2_validator");
    let candidates = [
        std::env::var_os("TRUSTKB_STIX_VALIDATOR").map(PathBuf::from),
        Some(local),
        Some(PathBuf::from("stix2_validator")),
    ];
    candidates.into_iter().flatten().find(|p| {
        Command::new(p)
            .arg("--help")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

#[test]
fn the_oasis_validator_accepts_the_seed_exports() {
    let Some(validator) = validator() else {
        assert!(
            std::env::var("TRUSTKB_REQUIRE_STIX_VALIDATOR").as_deref() != Ok("1"),
            "stix2_validator is required (TRUSTKB_REQUIRE_STIX_VALIDATOR=1) but was not found"
        );
        eprintln!("skipped: stix2_validator not found (pip install stix2-validator)");
        return;
    };
    let db = TestDb::sqlite();
    ok(trustkb(&db, &["seed"]));
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, extra) in [
        ("kb.json", vec![]),
        ("vendor.json", vec!["--vendor", "mimecast"]),
        ("incident.json", vec!["--incident", INCIDENT]),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, export(&db, &extra)).expect("write");
        let out = Command::new(&validator)
            .arg(&path)
            .output()
            .expect("run the validator");
        let report = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success() && report.contains("STIX JSON: Valid"),
            "{name} refused by the validator:\n{report}"
        );
    }
}

fn import_file(db: &TestDb, text: &str) -> Output {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bundle.json");
    std::fs::write(&path, text).expect("write");
    trustkb(db, &["import", path.to_str().expect("path")])
}

#[test]
fn a_bundle_reimports_into_an_empty_database_unchanged() {
    for db in seeded() {
        let first = export(&db, &[]);
        let empty = TestDb::sqlite_or_same(&db);
        ok(trustkb(&empty, &["migrate"]));
        let said = ok(import_file(&empty, &first));
        assert!(said.contains("4 vendors"), "{said}");
        assert!(said.contains("3 incidents"), "{said}");
        assert!(said.contains("2 assessments"), "{said}");
        assert!(said.contains("2 dependencies"), "{said}");
        assert!(said.contains("5 remediations"), "{said}");
        assert!(said.contains("0 objects skipped"), "{said}");
        assert_eq!(
            export(&empty, &[]),
            first,
            "the round trip changed the bundle"
        );
        // The same bundle twice is refused: nothing is imported twice.
        assert!(!import_file(&empty, &first).status.success());
    }
}

fn identity(name: &str, slug: &str) -> Value {
    json!({
        "type": "identity", "spec_version": "2.1",
        "id": format!("identity--{}", uuid_like(slug)),
        "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z",
        "name": name, "identity_class": "organization",
    })
}

/// A UUID-shaped string made of a short key, enough for these bundles.
fn uuid_like(key: &str) -> String {
    let hex: String = key.bytes().map(|b| format!("{:02x}", b)).collect();
    let hex = format!("{hex:0<32}");
    format!(
        "{}-{}-4{}-8{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[13..16],
        &hex[17..20],
        &hex[20..32]
    )
}

#[test]
fn objects_that_do_not_map_are_reported_as_skipped() {
    let db = TestDb::sqlite();
    ok(trustkb(&db, &["migrate"]));
    let malware = json!({
        "type": "malware", "spec_version": "2.1", "id": format!("malware--{}", uuid_like("sunburst")),
        "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z",
        "name": "SUNBURST", "is_family": true,
    });
    let bundle = json!({
        "type": "bundle", "id": format!("bundle--{}", uuid_like("skips")),
        "objects": [identity("Acme Networks", "acme"), malware],
    });
    let said = ok(import_file(&db, &bundle.to_string()));
    assert!(said.contains("1 vendors"), "{said}");
    assert!(said.contains("1 objects skipped"), "{said}");
    assert!(said.contains("skipped malware malware--"), "{said}");
    let text = export(&db, &["--vendor", "acme-networks"]);
    assert!(text.contains("Acme Networks"));
}

#[test]
fn an_invalid_bundle_changes_nothing() {
    for db in seeded() {
        let before = export(&db, &[]);
        let mut bad_incident = json!({
            "type": "incident", "spec_version": "2.1",
            "id": format!("incident--{}", uuid_like("bad")),
            "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z",
            "name": "Bad severity", "description": "Severity out of range.",
        });
        bad_incident["x_trustkb_severity"] = json!(9);
        let bundle = json!({
            "type": "bundle", "id": format!("bundle--{}", uuid_like("bad")),
            "objects": [identity("Acme Networks", "acme"), bad_incident],
        });
        let out = import_file(&db, &bundle.to_string());
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("nothing was imported"), "{err}");
        assert_eq!(
            export(&db, &[]),
            before,
            "a refused bundle changed the knowledge base"
        );
        // Not a bundle at all: read as a pack, refused.
        assert!(!import_file(&db, "{\"type\": \"report\"}").status.success());
        assert_eq!(export(&db, &[]), before);
    }
}

fn bundle_of(key: &str, objects: Vec<Value>) -> String {
    json!({ "type": "bundle", "id": format!("bundle--{}", uuid_like(key)), "objects": objects })
        .to_string()
}

/// An opinion of an analyst about a subject, both named by STIX id only.
fn opinion(key: &str, analyst: &str, subject: &str) -> Value {
    json!({
        "type": "opinion", "spec_version": "2.1",
        "id": format!("opinion--{}", uuid_like(key)),
        "created": "2024-05-02T00:00:00.000Z", "modified": "2024-05-02T00:00:00.000Z",
        "created_by_ref": analyst, "object_refs": [subject],
        "opinion": "agree", "explanation": "Cisco handles its incidents openly.", "lang": "en",
        "x_trustkb_slug": key,
    })
}

#[test]
fn references_to_records_of_the_database_resolve() {
    for db in seeded() {
        let dependency = json!({
            "type": "relationship", "spec_version": "2.1",
            "id": format!("relationship--{}", uuid_like("cisco-dep")),
            "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z",
            "relationship_type": "x-trustkb-depends-on",
            "source_ref": vendor_id("cisco"), "target_ref": product_id("microsoft-365"),
            "start_time": "2022-06-01T00:00:00.000Z", "x_trustkb_criticality": "low",
            "description": "Office suite.",
        });
        let action = json!({
            "type": "course-of-action", "spec_version": "2.1",
            "id": format!("course-of-action--{}", uuid_like("cisco-patch")),
            "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z",
            "name": "Patch", "description": "Patched NetFlow collectors.",
            "x_trustkb_slug": "cisco-patches-netflow", "x_trustkb_kind": "patch",
            "x_trustkb_vendor_ref": vendor_id("cisco"),
            "x_trustkb_product_ref": product_id("cisco-netflow"),
        });
        let mitigates = json!({
            "type": "relationship", "spec_version": "2.1",
            "id": format!("relationship--{}", uuid_like("cisco-mitigates")),
            "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z",
            "relationship_type": "mitigates",
            "source_ref": action["id"], "target_ref": incident_id(INCIDENT),
        });
        let text = bundle_of(
            "db-refs",
            vec![
                opinion(
                    "firstbrook-on-cisco",
                    &analyst_id("peter-firstbrook"),
                    &vendor_id("cisco"),
                ),
                dependency,
                action,
                mitigates,
            ],
        );
        let said = ok(import_file(&db, &text));
        assert!(said.contains("1 assessments"), "{said}");
        assert!(said.contains("1 dependencies"), "{said}");
        assert!(said.contains("1 remediations"), "{said}");
        assert!(said.contains("0 objects skipped"), "{said}");
        let cisco: Value =
            serde_json::from_str(&export(&db, &["--vendor", "cisco"])).expect("JSON");
        let view = objects(&cisco, "opinion")
            .into_iter()
            .find(|o| o["x_trustkb_slug"] == "firstbrook-on-cisco")
            .expect("the new opinion");
        assert_eq!(view["created_by_ref"], analyst_id("peter-firstbrook"));
        assert_eq!(view["object_refs"], json!([vendor_id("cisco")]));
        let dep = objects(&cisco, "relationship")
            .into_iter()
            .find(|r| r["relationship_type"] == "x-trustkb-depends-on")
            .expect("the new dependency");
        assert_eq!(dep["x_trustkb_since"], "2022-06-01");
        assert_eq!(dep["x_trustkb_criticality"], "low");
        assert_eq!(dep["target_ref"], product_id("microsoft-365"));
        let incident: Value =
            serde_json::from_str(&export(&db, &["--incident", INCIDENT])).expect("JSON");
        let patch = objects(&incident, "course-of-action")
            .into_iter()
            .find(|a| a["x_trustkb_slug"] == "cisco-patches-netflow")
            .expect("the new remediation, answering the incident");
        assert_eq!(patch["x_trustkb_product_ref"], product_id("cisco-netflow"));
    }
}

#[test]
fn a_reference_to_an_unknown_id_is_skipped_and_changes_nothing() {
    for db in seeded() {
        let before = export(&db, &[]);
        let nobody = format!("identity--{}", uuid_like("nobody"));
        // An involvement of an incident of the database: it comes with its incident only.
        let involvement = json!({
            "type": "relationship", "spec_version": "2.1",
            "id": format!("relationship--{}", uuid_like("db-involvement")),
            "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z",
            "relationship_type": "x-trustkb-affected",
            "source_ref": incident_id(INCIDENT), "target_ref": vendor_id("cisco"),
        });
        let text = bundle_of(
            "unknown-ref",
            vec![
                opinion("on-nobody", &analyst_id("peter-firstbrook"), &nobody),
                involvement,
            ],
        );
        let said = ok(import_file(&db, &text));
        assert!(said.contains("2 objects skipped"), "{said}");
        assert!(said.contains("skipped opinion opinion--"), "{said}");
        assert!(said.contains("neither in the bundle nor in"), "{said}");
        assert!(said.contains("its incident is in the database"), "{said}");
        assert_eq!(
            export(&db, &[]),
            before,
            "a skipped opinion changed the knowledge base"
        );
    }
}

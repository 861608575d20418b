//! `trustkb export --format stix` and `trustkb import BUNDLE.json`: STIX 2.1 bundles out of
//! and into the knowledge base (docs/stix.md), written atomically, imported all or nothing.

use super::{CliError, describe, open, os_user, write_output};
use crate::domain::Channel;
use crate::domain::audit::Actor;
use crate::domain::scoring::ScoringConfig;
use crate::stix::import::{Known, convert_with, is_bundle};
use crate::stix::{Scope, export_json};
use crate::store::migrate::with_startup_lock;
use crate::store::pack::seed::{import_and_rescore_with, import_time};
use std::path::Path;

/// Writes the bundle of the knowledge base, or of one vendor or incident.
pub fn export(
    database: &str,
    vendor: Option<String>,
    incident: Option<String>,
    output: Option<&Path>,
) -> Result<(), CliError> {
    let scope = match (vendor, incident) {
        (Some(v), _) => Scope::Vendor(v),
        (None, Some(i)) => Scope::Incident(i),
        (None, None) => Scope::All,
    };
    let mut conn = open(database)?;
    let text = export_json(&mut conn, &scope)?.ok_or_else(|| {
        CliError::Usage(match &scope {
            Scope::Vendor(v) => format!("--vendor: unknown vendor \"{v}\""),
            Scope::Incident(i) => format!("--incident: unknown incident \"{i}\""),
            Scope::All => "nothing to export".to_owned(),
        })
    })?;
    write_output(output, text.as_bytes(), "exported a STIX 2.1 bundle to")
}

/// Whether the file is a STIX bundle (a JSON file whose top-level `type` is `bundle`).
pub fn is_bundle_file(path: &Path) -> bool {
    path.is_file()
        && std::fs::read_to_string(path)
            .ok()
            .is_some_and(|text| is_bundle(&text))
}

/// Imports what maps of a bundle, all or nothing, and lists what was skipped; references to
/// records already in the database resolve.
pub fn import(database: &str, path: &Path, scoring: &ScoringConfig) -> Result<(), CliError> {
    let mut progress = super::progress::Progress::start(&format!("reading {}", path.display()));
    let text = std::fs::read_to_string(path).map_err(|source| CliError::Read {
        path: path.display().to_string(),
        source,
    })?;
    let mut conn = open(database)?;
    let known = Known::from_db(&mut conn)?;
    let converted = convert_with(&text, &path.display().to_string(), &known)?;
    let actor = Actor::command_line(&os_user(), Channel::Import);
    let now = import_time();
    // One transaction: interrupted before it commits (interrupt.rs), nothing was imported.
    let report = with_startup_lock(&mut conn, |c| {
        import_and_rescore_with(c, &actor, &converted.pack, now, scoring, &mut progress)
    })?;
    super::interrupt::completed();
    drop(progress);
    println!(
        "imported STIX bundle {}: {} records ({}); {} objects skipped",
        path.display(),
        report.total(),
        describe(&report.created),
        converted.skipped.len()
    );
    for s in &converted.skipped {
        println!("  skipped {} {}: {}", s.kind, s.id, s.reason);
    }
    Ok(())
}

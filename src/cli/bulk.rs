//! `trustkb import FILE.xlsx|FILE.csv [--dry-run] [--table T]`: bulk import of vendors,
//! products and dependencies (docs/bulk-import.md), every bad row listed, all or nothing.

use super::{CliError, describe, open, os_user};
use crate::bulk::{BulkTable, read::FileKind};
use crate::domain::Channel;
use crate::domain::audit::Actor;
use crate::domain::scoring::ScoringConfig;
use crate::store::bulk::{BulkFile, BulkMode, bulk_import_with};
use crate::store::migrate::with_startup_lock;
use crate::store::pack::seed::import_time;
use std::path::Path;

/// Whether the file is a bulk import file: an `.xlsx` or `.csv` name, or a workbook's bytes.
pub fn is_bulk_file(path: &Path) -> bool {
    let by_name = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx") || e.eq_ignore_ascii_case("csv"));
    by_name
        || std::fs::read(path)
            .ok()
            .is_some_and(|b| matches!(FileKind::of(&b), Ok(FileKind::Xlsx)))
}

/// Checks the file and, unless `dry_run`, imports it; every problem is printed as
/// `FILE: table, row N, column C (header): reason` and the command fails with nothing changed.
pub fn import(
    database: &str,
    path: &Path,
    table: Option<&str>,
    dry_run: bool,
    scoring: &ScoringConfig,
) -> Result<(), CliError> {
    let csv_table = table
        .map(|t| {
            BulkTable::parse(t).ok_or_else(|| {
                CliError::Usage(format!(
                    "--table {t}: expected vendors, products or dependencies"
                ))
            })
        })
        .transpose()?;
    let mut progress = super::progress::Progress::start(&format!("reading {}", path.display()));
    let bytes = std::fs::read(path).map_err(|source| CliError::Read {
        path: path.display().to_string(),
        source,
    })?;
    let mut conn = open(database)?;
    let actor = Actor::command_line(&os_user(), Channel::Import);
    let mode = if dry_run {
        BulkMode::DryRun
    } else {
        BulkMode::Apply
    };
    let file = BulkFile {
        bytes: &bytes,
        csv_table,
    };
    let now = import_time();
    // One transaction: interrupted before it commits (interrupt.rs), nothing was imported.
    let outcome = with_startup_lock(&mut conn, |c| {
        bulk_import_with(c, &actor, file, mode, now, scoring, &mut progress)
    })?;
    if !dry_run && outcome.errors.is_empty() {
        super::interrupt::completed();
    }
    drop(progress);
    let shown = path.display();
    if !outcome.errors.is_empty() {
        let mut text = format!(
            "{shown}: refused, nothing was imported ({} problem{}):",
            outcome.errors.len(),
            if outcome.errors.len() == 1 { "" } else { "s" }
        );
        for e in &outcome.errors {
            text.push_str(&format!("\n  {shown}: {e}"));
        }
        return Err(CliError::Failed(text));
    }
    let rows = &outcome.rows;
    let created = outcome
        .created
        .as_ref()
        .map(|r| describe(&r.created))
        .unwrap_or_default();
    let verb = if dry_run {
        "dry run: no problem found; importing would create"
    } else {
        "imported"
    };
    println!(
        "{shown}: {} vendor rows, {} product rows, {} dependency rows; {verb} {created}",
        rows.vendors, rows.products, rows.dependencies
    );
    Ok(())
}

//! Bulk import against the database: what exists already (for the row checks), a dry run
//! that imports inside a transaction rolled back, and the all-or-nothing apply with rescoring.

use crate::bulk::pack::{BulkPack, pack_name};
use crate::bulk::read::read_file;
use crate::bulk::rows::{Known, Names, check_rows};
use crate::bulk::{BulkTable, RowCounts, RowError};
use crate::domain::audit::Actor;
use crate::domain::scoring::ScoringConfig;
use crate::i18n::Message;
use crate::store::pack::error::PackError;
use crate::store::pack::import::{ImportReport, import_pack_with, imported_at};
use crate::store::pack::progress::{ImportProgress, Quiet};
use crate::store::pack::seed::import_and_rescore_with;
use crate::store::{DbConnection, StoreError};
use chrono::NaiveDateTime;
use diesel::prelude::*;

/// Check only, or check and import.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BulkMode {
    DryRun,
    Apply,
}

/// A bulk import's request: the file's bytes, the table a CSV file holds when told.
#[derive(Debug, Clone, Copy)]
pub struct BulkFile<'a> {
    pub bytes: &'a [u8],
    pub csv_table: Option<BulkTable>,
}

/// What a bulk import found and did: the rows read, every problem (none when it may be
/// or was imported), and, after an apply, what was created.
#[derive(Debug, Clone, Default)]
pub struct BulkOutcome {
    pub rows: RowCounts,
    pub errors: Vec<RowError>,
    /// The records created (or that would be, on a dry run).
    pub created: Option<ImportReport>,
}

impl BulkOutcome {
    fn refused(rows: RowCounts, errors: Vec<RowError>) -> BulkOutcome {
        BulkOutcome {
            rows,
            errors,
            created: None,
        }
    }
}

/// What the knowledge base holds already, for the row checks.
pub fn known(conn: &mut DbConnection) -> Result<Known, StoreError> {
    use crate::store::schema::{categories, dependencies, products, vendors};
    let vendor_rows: Vec<(i32, String, String)> = vendors::table
        .select((vendors::id, vendors::slug, vendors::name))
        .load(conn)?;
    let product_rows: Vec<(i32, String, String)> = products::table
        .select((products::id, products::slug, products::name))
        .load(conn)?;
    let category_rows: Vec<(String, String)> = categories::table
        .select((categories::slug, categories::name))
        .load(conn)?;
    let pairs: Vec<(Option<i32>, i32)> = dependencies::table
        .select((dependencies::consumer_vendor_id, dependencies::product_id))
        .load(conn)?;
    let vendor_slug: std::collections::HashMap<i32, &str> = vendor_rows
        .iter()
        .map(|(id, s, _)| (*id, s.as_str()))
        .collect();
    let product_slug: std::collections::HashMap<i32, &str> = product_rows
        .iter()
        .map(|(id, s, _)| (*id, s.as_str()))
        .collect();
    let dependencies = pairs
        .into_iter()
        .filter_map(|(consumer, product)| {
            let consumer = match consumer {
                None => crate::store::pack::format::ORGANISATION_CONSUMER.to_owned(),
                Some(id) => (*vendor_slug.get(&id)?).to_owned(),
            };
            Some((consumer, (*product_slug.get(&product)?).to_owned()))
        })
        .collect();
    let names = |rows: &[(i32, String, String)]| {
        Names::new(rows.iter().map(|(_, s, n)| (s.clone(), n.clone())))
    };
    Ok(Known {
        vendors: names(&vendor_rows),
        products: names(&product_rows),
        categories: Names::new(category_rows),
        dependencies,
    })
}

/// Reads and checks `file`, then imports it (`Apply`, rescoring in the same transaction) or
/// imports it in a transaction rolled back (`DryRun`). Any problem leaves the database as it
/// was and is listed with its row and column; `Err` is a database failure.
pub fn bulk_import(
    conn: &mut DbConnection,
    actor: &Actor,
    file: BulkFile<'_>,
    mode: BulkMode,
    now: NaiveDateTime,
    scoring: &ScoringConfig,
) -> Result<BulkOutcome, StoreError> {
    bulk_import_with(conn, actor, file, mode, now, scoring, &mut Quiet)
}

/// [`bulk_import`], telling `progress` of each step and of each record imported.
pub fn bulk_import_with(
    conn: &mut DbConnection,
    actor: &Actor,
    file: BulkFile<'_>,
    mode: BulkMode,
    now: NaiveDateTime,
    scoring: &ScoringConfig,
    progress: &mut dyn ImportProgress,
) -> Result<BulkOutcome, StoreError> {
    progress.at("reading the file", 0, 0);
    let tables = match read_file(file.bytes, file.csv_table) {
        Ok(t) => t,
        Err(errors) => return Ok(BulkOutcome::refused(RowCounts::default(), errors)),
    };
    let mut rows = RowCounts::default();
    for t in &tables {
        rows.add(t.table, t.rows.len());
    }
    if rows.total() == 0 {
        let empty = RowError::file(Message::new("imports-err-no-rows"));
        return Ok(BulkOutcome::refused(rows, vec![empty]));
    }
    if let Some(at) = imported_at(conn, &pack_name(file.bytes).0)? {
        let at = at.format("%Y-%m-%d %H:%M UTC").to_string();
        let again = RowError::file(Message::new("imports-err-already-imported").with("at", at));
        return Ok(BulkOutcome::refused(rows, vec![again]));
    }
    progress.at("checking every row", 0, 0);
    let checked = match check_rows(&tables, &known(conn)?) {
        Ok(c) => c,
        Err(errors) => return Ok(BulkOutcome::refused(rows, errors)),
    };
    let bulk = BulkPack::new(file.bytes, &tables, checked);
    let imported = match mode {
        BulkMode::Apply => import_and_rescore_with(conn, actor, &bulk.pack, now, scoring, progress),
        BulkMode::DryRun => dry_run(conn, actor, &bulk, now, progress)?,
    };
    match imported {
        Ok(report) => Ok(BulkOutcome {
            rows,
            errors: Vec::new(),
            created: Some(report),
        }),
        Err(PackError::Invalid(issues)) => {
            let errors = issues.iter().map(|i| bulk.row_error(i)).collect();
            Ok(BulkOutcome::refused(rows, errors))
        }
        Err(PackError::AlreadyImported { at, .. }) => Ok(BulkOutcome::refused(
            rows,
            vec![RowError::file(
                Message::new("imports-err-already-imported").with("at", at),
            )],
        )),
        Err(PackError::Store(e)) => Err(e),
        Err(e @ PackError::Io { .. }) => Ok(BulkOutcome::refused(
            rows,
            vec![RowError::file(Message::verbatim(e.to_string()))],
        )),
    }
}

/// Why the dry run's transaction ends: always rolled back, carrying the import's outcome.
enum DryRunEnd {
    Done(Result<ImportReport, PackError>),
    Database(diesel::result::Error),
}

impl From<diesel::result::Error> for DryRunEnd {
    fn from(e: diesel::result::Error) -> Self {
        DryRunEnd::Database(e)
    }
}

/// Imports the pack inside a transaction that is always rolled back: the importer's own
/// checks (and what it would create) without a change.
fn dry_run(
    conn: &mut DbConnection,
    actor: &Actor,
    bulk: &BulkPack,
    now: NaiveDateTime,
    progress: &mut dyn ImportProgress,
) -> Result<Result<ImportReport, PackError>, StoreError> {
    let ended = conn.transaction::<(), DryRunEnd, _>(|c| {
        Err(DryRunEnd::Done(import_pack_with(
            c, actor, &bulk.pack, now, progress,
        )))
    });
    match ended {
        Err(DryRunEnd::Done(outcome)) => Ok(outcome),
        Err(DryRunEnd::Database(e)) => Err(e.into()),
        Ok(()) => Ok(Err(PackError::Invalid(Vec::new()))),
    }
}

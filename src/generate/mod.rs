//! `trustkb gen`: a deterministic, realistic synthetic knowledge base of any size (same seed
//! and shape, same rows), written in bulk in one transaction and marked synthetic.

mod catalog;
mod incidents;
mod sources;
mod sql;
mod views;

use crate::domain::AuditAction;
use crate::domain::audit::{Actor, Change};
use crate::domain::scoring::ScoringConfig;
use crate::domain::synthetic::SplitMix64;
use crate::store::audit::record;
use crate::store::pack::progress::ImportProgress;
use crate::store::schema::vendors;
use crate::store::snapshots::refresh_snapshots;
use crate::store::{DbConnection, StoreError};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use sql::Writer;

/// The prefix of every generated slug (`syn-v12`, `syn-p40`, ...).
pub const SLUG_PREFIX: &str = "syn-";

/// The largest base `trustkb gen` makes.
pub const MAX_VENDORS: usize = 1_000_000;

/// How many records of each family to make; everything follows from the vendor count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct GenShape {
    pub vendors: usize,
    pub categories: usize,
    /// Products of ours in use (dependencies without a consumer vendor).
    pub in_use: usize,
    pub incidents: usize,
    pub analysts: usize,
    pub assessments: usize,
}

impl GenShape {
    /// The shape of a base of `vendors` vendors (2 or 3 products each).
    pub fn for_vendors(vendors: usize) -> GenShape {
        GenShape {
            vendors,
            categories: 40,
            in_use: vendors.div_ceil(2),
            incidents: (vendors / 5).max(1),
            analysts: 40,
            assessments: (vendors / 5).max(1),
        }
    }
}

/// What a generation wrote: (table, rows) in insertion order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GenSummary {
    pub created: Vec<(&'static str, usize)>,
    /// Score snapshots written afterwards (by [`generate_and_rescore`]).
    pub snapshots: usize,
}

impl GenSummary {
    /// Rows written to `table`.
    pub fn count(&self, table: &str) -> usize {
        self.created
            .iter()
            .find(|(t, _)| *t == table)
            .map_or(0, |(_, n)| *n)
    }

    /// "10000 vendors, 25013 products, ...".
    pub fn describe(&self) -> String {
        self.created
            .iter()
            .map(|(table, n)| format!("{n} {table}"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Every generated date lies in the five years from this day (no wall clock).
fn epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(2021, 6, 1).unwrap_or_default()
}

/// `epoch() + days`.
fn day(days: u64) -> NaiveDate {
    epoch()
        .checked_add_days(chrono::Days::new(days))
        .unwrap_or_else(epoch)
}

/// A number in 0..n.
fn index(rng: &mut SplitMix64, n: usize) -> usize {
    usize::try_from(rng.below(n as u64)).unwrap_or(0)
}

fn pick<T: Copy>(rng: &mut SplitMix64, values: &[T]) -> T {
    values[index(rng, values.len())]
}

/// One of `values`, each as likely as its weight.
fn weighted<T: Copy>(rng: &mut SplitMix64, values: &[(T, u64)]) -> T {
    let total: u64 = values.iter().map(|(_, w)| w).sum();
    let mut roll = rng.below(total);
    for (value, weight) in values {
        if roll < *weight {
            return *value;
        }
        roll -= weight;
    }
    values[0].0
}

/// `true` one time in `n`.
fn one_in(rng: &mut SplitMix64, n: u64) -> bool {
    rng.below(n) == 0
}

/// Each record family draws from its own stream, so one family's changes never shift another's.
fn stream(seed: u64, family: u64) -> SplitMix64 {
    SplitMix64::new(seed ^ family.wrapping_mul(0x2545_F491_4F6C_DD1D))
}

/// The tables generated, in insertion order; ids are given explicitly above each table's
/// largest id, so existing records (the seed pack) are never touched.
pub const TABLES: [&str; 13] = [
    "categories",
    "vendors",
    "products",
    "dependencies",
    "incidents",
    "incident_involvements",
    "incident_causes",
    "remediations",
    "analyst_firms",
    "analysts",
    "assessments",
    "sources",
    "citations",
];

#[derive(QueryableByName)]
struct Max {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    id: i64,
}

/// The largest id of each generated table, in the order of [`TABLES`].
fn bases(conn: &mut DbConnection) -> Result<[i64; 13], StoreError> {
    let mut out = [0; 13];
    for (slot, table) in out.iter_mut().zip(TABLES) {
        let sql = format!("SELECT CAST(COALESCE(MAX(id), 0) AS BIGINT) AS id FROM {table}");
        *slot = diesel::sql_query(sql).get_result::<Max>(conn)?.id;
    }
    Ok(out)
}

/// The id base of one table.
fn base(bases: &[i64; 13], table: &str) -> i64 {
    TABLES
        .iter()
        .position(|t| *t == table)
        .map_or(0, |i| bases[i])
}

/// Refuses a database that already holds synthetic vendors.
fn refuse_if_present(conn: &mut DbConnection) -> Result<(), StoreError> {
    let present: i64 = vendors::table
        .filter(
            vendors::synthetic
                .eq(true)
                .or(vendors::slug.like(format!("{SLUG_PREFIX}%"))),
        )
        .count()
        .get_result(conn)?;
    if present > 0 {
        return Err(StoreError::Conflict(format!(
            "the database already holds synthetic data ({present} synthetic vendors); \
             generate into a database without it"
        )));
    }
    Ok(())
}

/// PostgreSQL: moves each table's id sequence past the explicit ids written, so later
/// inserts do not collide (SQLite's AUTOINCREMENT follows explicit ids by itself).
fn reset_sequences(conn: &mut DbConnection) -> Result<(), StoreError> {
    if let DbConnection::Postgres(_) = conn {
        for table in TABLES {
            let sql = format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), MAX(id)) FROM {table} \
                 HAVING MAX(id) IS NOT NULL"
            );
            diesel::sql_query(sql).execute(conn)?;
        }
    }
    Ok(())
}

/// Generates a synthetic base of `shape` from `seed`, all or nothing (one transaction); refuses
/// (writing nothing) when synthetic data is already there.
pub fn generate(
    conn: &mut DbConnection,
    shape: &GenShape,
    seed: u64,
    progress: &mut dyn ImportProgress,
) -> Result<GenSummary, StoreError> {
    conn.write_transaction(|conn| {
        refuse_if_present(conn)?;
        let bases = bases(conn)?;
        let mut w = Writer::new(conn, progress);
        let catalog = catalog::write(&mut w, shape, seed, &bases)?;
        let evidence = incidents::write(&mut w, &catalog, seed, &bases)?;
        let views = views::write(&mut w, &catalog, &evidence, seed, &bases)?;
        let cited: Vec<_> = evidence.cited.into_iter().chain(views).collect();
        sources::write(&mut w, &cited, seed, &bases)?;
        w.step("resetting id sequences");
        let created = std::mem::take(&mut w.created);
        reset_sequences(conn)?;
        Ok(GenSummary {
            created,
            snapshots: 0,
        })
    })
}

/// [`generate`], then one audit record (entity `synthetic`, with the shape and seed) and
/// today's score snapshots rewritten, as an import does; all in one transaction, followed by
/// `ANALYZE`.
pub fn generate_and_rescore(
    conn: &mut DbConnection,
    actor: &Actor,
    shape: &GenShape,
    seed: u64,
    now: NaiveDateTime,
    config: &ScoringConfig,
    progress: &mut dyn ImportProgress,
) -> Result<GenSummary, StoreError> {
    conn.write_transaction(|conn| {
        let mut summary = generate(conn, shape, seed, progress)?;
        let counts: serde_json::Map<String, serde_json::Value> = summary
            .created
            .iter()
            .map(|(table, n)| ((*table).to_owned(), (*n).into()))
            .collect();
        let change = Change {
            action: AuditAction::Create,
            entity: "synthetic",
            entity_id: seed.to_string(),
            label: format!("synthetic base: {} vendors, seed {seed}", shape.vendors),
            before: None,
            after: Some(serde_json::json!({ "seed": seed, "shape": shape, "created": counts })),
        };
        record(conn, actor, &change, now)?;
        progress.at("rescoring the knowledge base", 0, 0);
        summary.snapshots = refresh_snapshots(conn, now.date(), config, now)?;
        Ok(summary)
    })
    .and_then(|summary| {
        // Fresh statistics for the query planners: without them PostgreSQL expects a handful
        // of snapshot rows and joins the vendor list by materialising them all (46 ms a page
        // at 10,000 vendors instead of 0.5 ms).
        progress.at("updating the planner's statistics", 0, 0);
        diesel::sql_query("ANALYZE").execute(conn)?;
        Ok(summary)
    })
}

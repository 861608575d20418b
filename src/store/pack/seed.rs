//! Seeding: import the seed pack once (later runs see it recorded and change nothing), and
//! importing with the score snapshots rewritten in the same transaction.

use super::error::PackError;
use super::import::{ImportReport, import_pack_with, imported_at};
use super::load::LoadedPack;
use super::progress::{ImportProgress, Quiet};
use crate::domain::audit::Actor;
use crate::domain::scoring::ScoringConfig;
use crate::store::DbConnection;
use crate::store::curation::rescore::current_scores;
use crate::store::snapshots::refresh_snapshots;
use chrono::NaiveDateTime;

/// The time recorded for an import: now, in UTC, to the second (both backends keep it alike).
pub fn import_time() -> NaiveDateTime {
    use chrono::Timelike;
    let now = chrono::Utc::now().naive_utc();
    now.with_nanosecond(0).unwrap_or(now)
}

/// What seeding did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SeedOutcome {
    Imported(ImportReport),
    /// Already imported at that time; `changed` when the pack differs from what was imported.
    AlreadyPresent {
        at: NaiveDateTime,
        changed: bool,
    },
}

/// Imports a pack and rewrites today's score snapshots, in one transaction: scores never
/// lag behind the evidence they come from. Each record created is audited as `actor`'s.
pub fn import_and_rescore(
    conn: &mut DbConnection,
    actor: &Actor,
    pack: &LoadedPack,
    now: NaiveDateTime,
    config: &ScoringConfig,
) -> Result<ImportReport, PackError> {
    import_and_rescore_with(conn, actor, pack, now, config, &mut Quiet)
}

/// [`import_and_rescore`], telling `progress` of each record and of the rescoring.
pub fn import_and_rescore_with(
    conn: &mut DbConnection,
    actor: &Actor,
    pack: &LoadedPack,
    now: NaiveDateTime,
    config: &ScoringConfig,
    progress: &mut dyn ImportProgress,
) -> Result<ImportReport, PackError> {
    conn.write_transaction(|conn| {
        // Watchlists compare the scores before and after the import (only when any watches).
        let before = match crate::store::alerts::evaluate::any_rule(conn)? {
            true => Some(current_scores(conn, now.date(), config)?),
            false => None,
        };
        let report = import_pack_with(conn, actor, pack, now, progress)?;
        progress.at("rescoring the knowledge base", 0, 0);
        refresh_snapshots(conn, now.date(), config, now)?;
        if let Some(before) = before {
            crate::store::alerts::imported::pack_imported(conn, pack, &before, config, now)?;
        }
        Ok(report)
    })
}

/// Imports `pack` (and rescores) unless a pack of the same name was imported before.
pub fn seed(
    conn: &mut DbConnection,
    actor: &Actor,
    pack: &LoadedPack,
    now: NaiveDateTime,
    config: &ScoringConfig,
) -> Result<SeedOutcome, PackError> {
    use crate::store::schema::imported_packs;
    use diesel::prelude::*;
    if let Some(at) = imported_at(conn, &pack.name)? {
        let digest: String = imported_packs::table
            .filter(imported_packs::name.eq(&pack.name))
            .select(imported_packs::digest)
            .first(conn)?;
        return Ok(SeedOutcome::AlreadyPresent {
            at,
            changed: digest != pack.digest,
        });
    }
    Ok(SeedOutcome::Imported(import_and_rescore(
        conn, actor, pack, now, config,
    )?))
}

/// Whether the database holds no knowledge yet (no pack imported, no vendor).
pub fn is_empty(conn: &mut DbConnection) -> Result<bool, crate::store::StoreError> {
    use crate::store::schema::{imported_packs, vendors};
    use diesel::prelude::*;
    let packs: i64 = imported_packs::table.count().get_result(conn)?;
    let vendor_count: i64 = vendors::table.count().get_result(conn)?;
    Ok(packs == 0 && vendor_count == 0)
}

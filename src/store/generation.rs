//! The knowledge base's generation: a counter every audited change bumps in its own
//! transaction, so in-memory caches (the search index, the scoring input) know they are stale.

use super::schema::kb_generation;
use super::{DbConnection, StoreError};
use diesel::prelude::*;

/// Audited entities that change nothing cached (sign-ins, accounts, API tokens).
const UNCACHED: [&str; 3] = [
    super::sign_in::ENTITY,
    super::accounts::ENTITY,
    super::tokens::ENTITY,
];

/// The current generation. A cache built after reading it holds at least this generation's
/// data: read it before the data, never after.
pub fn current(conn: &mut DbConnection) -> Result<i64, StoreError> {
    Ok(kb_generation::table
        .select(kb_generation::value)
        .first::<i64>(conn)
        .optional()?
        .unwrap_or(0))
}

/// Moves the generation on for a change to `entity`, inside the caller's transaction. On
/// PostgreSQL the row lock it takes orders concurrent writers, so the counter's order is the
/// order in which their changes become visible.
pub(crate) fn bump(conn: &mut DbConnection, entity: &str) -> Result<(), StoreError> {
    if UNCACHED.contains(&entity) {
        return Ok(());
    }
    diesel::update(kb_generation::table)
        .set(kb_generation::value.eq(kb_generation::value + 1))
        .execute(conn)?;
    Ok(())
}

//! What stops a dependency, analyst or assessment from being deleted besides its own kind's
//! references: its citations (a delete would take them with it), counted for the page.

use super::delete::{Reference, numbered, push};
use crate::store::schema::citations;
use crate::store::{DbConnection, StoreError};
use diesel::prelude::*;

/// The records whose citations a curated record may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cited {
    Dependency,
    Analyst,
    Assessment,
}

/// Adds the citations of record `id` to `list`, if it has any.
pub(super) fn add_citations(
    conn: &mut DbConnection,
    list: &mut Vec<Reference>,
    cited: Cited,
    id: i32,
) -> Result<(), StoreError> {
    let query = citations::table
        .select(citations::id)
        .order(citations::id)
        .into_boxed();
    let query = match cited {
        Cited::Dependency => query.filter(citations::dependency_id.eq(id)),
        Cited::Analyst => query.filter(citations::analyst_id.eq(id)),
        Cited::Assessment => query.filter(citations::assessment_id.eq(id)),
    };
    let ids: Vec<i32> = query.load(conn)?;
    push(list, "curated-ref-citations", numbered(ids));
    Ok(())
}

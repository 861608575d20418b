//! What stops a curated record from being deleted besides its own kind's references: its
//! citations (a delete would take them with it), listed by number for the page.

use super::citation::citations_of;
use super::delete::{Reference, numbered, push};
use crate::store::rows::CitedRecord;
use crate::store::{DbConnection, StoreError};

/// Adds the citations of record `id` of this kind to `list` under the message `kind` (which
/// counts them with `$count`), if it has any.
pub(super) fn add_citations(
    conn: &mut DbConnection,
    list: &mut Vec<Reference>,
    kind: &'static str,
    (cited, id): (CitedRecord, i32),
) -> Result<(), StoreError> {
    let ids = citations_of(conn, cited, id)?
        .into_iter()
        .map(|(citation, _, _)| citation)
        .collect();
    push(list, kind, numbered(ids));
    Ok(())
}

//! STIX 2.1 (docs/stix.md): the knowledge base, one vendor or one incident as a bundle, and
//! bundles read back into a pack document imported through the pack importer.

pub mod export;
pub mod ids;
pub mod import;
pub mod model;
pub mod scope;
pub mod supply;

use crate::domain::Slug;
use crate::store::pack::export::export_document;
use crate::store::{DbConnection, StoreError};

/// What to export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    All,
    Vendor(String),
    Incident(String),
}

/// The bundle of the scope as pretty JSON; `Ok(None)` when the vendor or incident is unknown.
pub fn export_json(conn: &mut DbConnection, scope: &Scope) -> Result<Option<String>, StoreError> {
    let name = Slug::parse("trustkb-export")
        .map_err(|e| StoreError::Corrupt(format!("pack name: {e}")))?;
    let doc = export_document(conn, &name)?;
    let (doc, key) = match scope {
        Scope::All => (Some(doc), "kb".to_owned()),
        Scope::Vendor(slug) => (scope::vendor(&doc, slug), format!("vendor:{slug}")),
        Scope::Incident(slug) => (scope::incident(&doc, slug), format!("incident:{slug}")),
    };
    let Some(doc) = doc else {
        return Ok(None);
    };
    let bundle = export::bundle(&doc, &key);
    let text = serde_json::to_string_pretty(&bundle)
        .map_err(|e| StoreError::Corrupt(format!("cannot write the STIX bundle: {e}")))?;
    Ok(Some(text + "\n"))
}

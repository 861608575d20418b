//! A checked bulk import file as a knowledge pack (so the one importer, with its audit trail
//! and checks, applies it), and the importer's problems traced back to their rows.

use super::layout::BulkTable;
use super::read::RawTable;
use super::rows::Checked;
use super::{ColumnAt, RowError};
use crate::i18n::Message;
use crate::store::pack::error::PackIssue;
use crate::store::pack::format::PackDocument;
use crate::store::pack::load::{LoadedFile, LoadedPack};
use sha2::{Digest, Sha256};

/// The pack of a checked file, with the row number of each record, per table in pack order.
#[derive(Debug, Clone)]
pub struct BulkPack {
    pub pack: LoadedPack,
    rows: Vec<(BulkTable, Vec<usize>)>,
    /// Where each table's layout columns are in the file.
    columns: Vec<(BulkTable, Vec<Option<ColumnAt>>)>,
}

/// The pack name of a file: `bulk-` and the start of its SHA-256, so one file is imported once.
pub fn pack_name(bytes: &[u8]) -> (String, String) {
    let digest = format!("{:x}", Sha256::digest(bytes));
    (format!("bulk-{}", &digest[..16]), digest)
}

impl BulkPack {
    /// The pack of `checked`, read as `tables` from a file whose bytes were `bytes`.
    pub fn new(bytes: &[u8], tables: &[RawTable], checked: Checked) -> BulkPack {
        let (name, digest) = pack_name(bytes);
        let mut files = Vec::new();
        let mut rows = Vec::new();
        let mut file = |table: BulkTable, numbers: Vec<usize>, doc: PackDocument| {
            if !numbers.is_empty() {
                files.push(LoadedFile {
                    path: table.name().to_owned(),
                    doc,
                });
                rows.push((table, numbers));
            }
        };
        let (numbers, vendors) = checked.vendors.into_iter().unzip();
        file(
            BulkTable::Vendors,
            numbers,
            PackDocument {
                vendors,
                ..PackDocument::default()
            },
        );
        let (numbers, products) = checked.products.into_iter().unzip();
        file(
            BulkTable::Products,
            numbers,
            PackDocument {
                products,
                ..PackDocument::default()
            },
        );
        let (numbers, dependencies) = checked.dependencies.into_iter().unzip();
        file(
            BulkTable::Dependencies,
            numbers,
            PackDocument {
                dependencies,
                ..PackDocument::default()
            },
        );
        BulkPack {
            pack: LoadedPack {
                name,
                files,
                digest,
            },
            rows,
            columns: tables
                .iter()
                .map(|t| (t.table, t.columns.clone()))
                .collect(),
        }
    }

    /// An importer's problem as a row's: the table from the pack file, the row from the
    /// record's position (`vendors[3] "acme"` is the third vendor row), the column from the field.
    pub fn row_error(&self, issue: &PackIssue) -> RowError {
        let table = BulkTable::parse(&issue.file);
        let row = table.and_then(|t| {
            let index = issue.record.as_deref().and_then(record_index)?;
            let (_, numbers) = self.rows.iter().find(|(of, _)| *of == t)?;
            numbers.get(index.checked_sub(1)?).copied()
        });
        let column = table.zip(issue.field.as_deref()).and_then(|(t, field)| {
            let k = t.columns().iter().position(|c| c.name == field)?;
            let (_, at) = self.columns.iter().find(|(of, _)| *of == t)?;
            at.get(k).cloned().flatten()
        });
        RowError {
            table,
            row,
            column,
            reason: Message::verbatim(issue.message.clone()),
        }
    }
}

/// The 1-based position in `vendors[3] "acme"` (the importer's record names).
fn record_index(record: &str) -> Option<usize> {
    let (_, rest) = record.split_once('[')?;
    let (digits, _) = rest.split_once(']')?;
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_positions_are_read_from_the_importers_names() {
        assert_eq!(record_index("vendors[3] \"acme\""), Some(3));
        assert_eq!(record_index("dependencies[12]"), Some(12));
        assert_eq!(
            record_index("incidents[1] \"x\" > involvements[2]"),
            Some(1)
        );
        assert_eq!(record_index("nothing"), None);
    }
}

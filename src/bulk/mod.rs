//! Bulk import of vendors, products and dependencies from a spreadsheet (XLSX) or CSV file:
//! reading, checking every row (row, column, reason), and the pack the importer applies.

pub mod layout;
pub mod pack;
pub mod read;
pub mod rows;
pub mod template;

use crate::i18n::{Lang, Message};
pub use layout::{BulkColumn, BulkTable};
use serde::Serialize;
use std::fmt;

/// The largest file accepted, in bytes.
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;

/// The most data rows a table may hold.
pub const MAX_ROWS: usize = 50_000;

/// Where a problem is: the column's letter and header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ColumnAt {
    pub letter: String,
    pub header: String,
}

/// One problem of a bulk import file: the table, the spreadsheet row (the header is row 1)
/// and the column when it is about one, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct RowError {
    pub table: Option<BulkTable>,
    pub row: Option<usize>,
    pub column: Option<ColumnAt>,
    pub reason: Message,
}

impl RowError {
    /// A problem of the whole file (unreadable, an unknown sheet, ...).
    pub fn file(reason: Message) -> RowError {
        RowError {
            table: None,
            row: None,
            column: None,
            reason,
        }
    }

    /// A problem of a table's header row or of the table as a whole.
    pub fn table(table: BulkTable, reason: Message) -> RowError {
        RowError {
            table: Some(table),
            row: None,
            column: None,
            reason,
        }
    }

    /// The problem in `lang`: `vendors, row 4, column C (tier): unknown tier "hi" (...)`.
    pub fn render(&self, lang: Lang) -> String {
        let mut parts = Vec::new();
        if let Some(table) = self.table {
            parts.push(table.name().to_owned());
        }
        if let Some(row) = self.row {
            parts.push(
                Message::new("imports-at-row")
                    .with("row", row as i64)
                    .render(lang),
            );
        }
        if let Some(c) = self.column.as_ref().filter(|c| !c.letter.is_empty()) {
            parts.push(
                Message::new("imports-at-column")
                    .with("letter", c.letter.as_str())
                    .with("header", c.header.as_str())
                    .render(lang),
            );
        }
        let reason = self.reason.render(lang);
        if parts.is_empty() {
            reason
        } else {
            format!("{}: {reason}", parts.join(", "))
        }
    }
}

/// English, for the command line.
impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// What a checked file holds: rows read per table.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct RowCounts {
    pub vendors: usize,
    pub products: usize,
    pub dependencies: usize,
}

impl RowCounts {
    pub fn add(&mut self, table: BulkTable, n: usize) {
        match table {
            BulkTable::Vendors => self.vendors += n,
            BulkTable::Products => self.products += n,
            BulkTable::Dependencies => self.dependencies += n,
        }
    }

    pub fn total(&self) -> usize {
        self.vendors + self.products + self.dependencies
    }
}

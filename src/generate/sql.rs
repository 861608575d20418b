//! Writing generated rows: SQL literals (text quoted with its quotes doubled) and multi-row
//! INSERTs in chunks, each chunk one statement, counted on the caller's progress.

use crate::store::pack::progress::ImportProgress;
use crate::store::{DbConnection, StoreError};
use chrono::NaiveDate;
use diesel::RunQueryDsl;

/// Rows per INSERT statement: literals only (no bound variables, so SQLite's variable limit
/// does not apply), and statements stay well under a megabyte.
const CHUNK: usize = 500;

/// A text literal.
pub(super) fn text(value: &str) -> String {
    format!("'{}'", value.replace('\'', "''"))
}

/// A text literal or NULL.
pub(super) fn opt_text(value: Option<&str>) -> String {
    value.map_or_else(|| "NULL".to_owned(), text)
}

/// A date literal ('YYYY-MM-DD', which both backends read as a date).
pub(super) fn date(value: NaiveDate) -> String {
    format!("'{value}'")
}

/// A date literal or NULL.
pub(super) fn opt_date(value: Option<NaiveDate>) -> String {
    value.map_or_else(|| "NULL".to_owned(), date)
}

/// A number or NULL.
pub(super) fn opt_int(value: Option<i64>) -> String {
    value.map_or_else(|| "NULL".to_owned(), |v| v.to_string())
}

/// Inserts rows, counts them per table and tells the progress of each chunk written.
pub(super) struct Writer<'a> {
    pub(super) conn: &'a mut DbConnection,
    progress: &'a mut dyn ImportProgress,
    /// (table, rows inserted), in insertion order.
    pub(super) created: Vec<(&'static str, usize)>,
}

impl<'a> Writer<'a> {
    pub(super) fn new(conn: &'a mut DbConnection, progress: &'a mut dyn ImportProgress) -> Self {
        Writer {
            conn,
            progress,
            created: Vec::new(),
        }
    }

    /// The boolean literal true in this backend's dialect.
    pub(super) fn truth(&self) -> &'static str {
        match self.conn {
            DbConnection::Sqlite(_) => "1",
            DbConnection::Postgres(_) => "TRUE",
        }
    }

    /// Inserts `rows` (each a parenthesised tuple of literals) into `table (columns)`,
    /// showing `step` with the rows written so far.
    pub(super) fn insert(
        &mut self,
        step: &'static str,
        table: &'static str,
        columns: &str,
        rows: &[String],
    ) -> Result<(), StoreError> {
        self.progress.at(step, 0, rows.len());
        let mut done = 0;
        for chunk in rows.chunks(CHUNK) {
            let sql = format!("INSERT INTO {table} ({columns}) VALUES {}", chunk.join(","));
            diesel::sql_query(sql).execute(&mut *self.conn)?;
            done += chunk.len();
            self.progress.at(step, done, rows.len());
        }
        self.created.push((table, rows.len()));
        Ok(())
    }

    /// Tells the progress of a step that cannot be counted.
    pub(super) fn step(&mut self, step: &'static str) {
        self.progress.at(step, 0, 0);
    }
}

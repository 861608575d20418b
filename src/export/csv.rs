//! A table as CSV (RFC 4180, UTF-8, CRLF line ends): the machine names of the columns as the
//! header row, stable for scripts, then one line per row; text cells made inert for
//! spreadsheets.

use super::ExportError;
use crate::domain::table::{Cell, Table, inert_cell};

/// The CSV text of `table`.
pub fn to_csv(table: &Table) -> Result<Vec<u8>, ExportError> {
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    writer.write_record(table.columns.iter().map(|c| c.name))?;
    for row in &table.rows {
        // Text typed by people (names, titles) must not run as a spreadsheet formula.
        writer.write_record(row.iter().map(|cell| match cell {
            Cell::Text(t) => inert_cell(t).into_owned(),
            other => other.text(),
        }))?;
    }
    writer
        .into_inner()
        .map_err(|e| ExportError::Io(e.into_error()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::table::{Cell, Column, ColumnKind};

    #[test]
    fn quotes_what_needs_quoting() {
        let mut t = Table::new(
            "t",
            &[
                Column::new("name", ColumnKind::Text),
                Column::new("score", ColumnKind::Decimal),
            ],
        );
        t.rows.push(vec![
            Cell::Text("Smith, \"Bob\"".into()),
            Cell::Decimal(1.5),
        ]);
        let text = String::from_utf8(to_csv(&t).unwrap()).unwrap();
        assert_eq!(text, "name,score\r\n\"Smith, \"\"Bob\"\"\",1.5\r\n");
    }

    #[test]
    fn text_that_looks_like_a_formula_is_made_inert_but_numbers_stay_numbers() {
        let mut t = Table::new(
            "t",
            &[
                Column::new("name", ColumnKind::Text),
                Column::new("change", ColumnKind::Decimal),
            ],
        );
        t.rows.push(vec![
            Cell::Text("=HYPERLINK(1)".into()),
            Cell::Decimal(-2.5),
        ]);
        let text = String::from_utf8(to_csv(&t).unwrap_or_default()).unwrap_or_default();
        assert_eq!(text, "name,change\r\n'=HYPERLINK(1),-2.5\r\n");
    }
}

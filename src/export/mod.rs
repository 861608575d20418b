//! Writers of the portfolio tables (crate::domain::table): an XLSX workbook with one sheet
//! per table, and RFC 4180 CSV, both from the same typed table model.

pub mod csv;
pub mod xlsx;

/// The media type of an XLSX workbook.
pub const XLSX_MEDIA_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/// The media type of CSV (RFC 4180), in UTF-8.
pub const CSV_MEDIA_TYPE: &str = "text/csv; charset=utf-8";

/// A failed export.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("cannot write the spreadsheet: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    #[error("cannot write the CSV: {0}")]
    Csv(#[from] ::csv::Error),
    #[error("cannot write the CSV: {0}")]
    Io(#[from] std::io::Error),
}

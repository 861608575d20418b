//! A typed table: named columns with a kind and rows of typed cells. The one model behind
//! the spreadsheet (XLSX) and CSV exports, so the two formats cannot drift apart.

use chrono::NaiveDate;

/// What a column holds; the spreadsheet formats each kind its own way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnKind {
    Text,
    /// A decimal number (scores, uncertainties).
    Decimal,
    Integer,
    Date,
    /// A trust grade letter, A (best) to F, coloured in spreadsheets.
    Grade,
}

/// A column: its machine name (the CSV header, stable for scripts) and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub name: &'static str,
    pub kind: ColumnKind,
}

impl Column {
    pub const fn new(name: &'static str, kind: ColumnKind) -> Column {
        Column { name, kind }
    }
}

/// Text a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, carriage return
/// first) gets a leading apostrophe: exports hold text typed by people (names, e-mail
/// addresses tried at sign-in).
pub fn inert_cell(value: &str) -> std::borrow::Cow<'_, str> {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}").into()
    } else {
        value.into()
    }
}

/// One typed value.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Decimal(f64),
    Integer(i64),
    Date(NaiveDate),
}

impl Cell {
    /// The value as text: numbers in Rust's shortest form, dates as YYYY-MM-DD.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.clone(),
            Cell::Decimal(x) => x.to_string(),
            Cell::Integer(n) => n.to_string(),
            Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
        }
    }

    /// Text, or empty when there is none.
    pub fn opt_text(value: Option<impl Into<String>>) -> Cell {
        value.map_or(Cell::Empty, |v| Cell::Text(v.into()))
    }

    /// A date, or empty when unknown.
    pub fn opt_date(value: Option<NaiveDate>) -> Cell {
        value.map_or(Cell::Empty, Cell::Date)
    }

    /// A decimal, or empty when unknown.
    pub fn opt_decimal(value: Option<f64>) -> Cell {
        value.map_or(Cell::Empty, Cell::Decimal)
    }
}

/// A named table (a sheet of the workbook, or one CSV file).
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Machine name: `vendors`, `products`, `incidents`, `review_conditions`.
    pub name: &'static str,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    pub fn new(name: &'static str, columns: &[Column]) -> Table {
        Table {
            name,
            columns: columns.to_vec(),
            rows: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_as_text() {
        assert_eq!(Cell::Decimal(61.5).text(), "61.5");
        assert_eq!(Cell::Integer(5).text(), "5");
        let d = NaiveDate::from_ymd_opt(2020, 12, 13).unwrap();
        assert_eq!(Cell::Date(d).text(), "2020-12-13");
        assert_eq!(Cell::opt_text(None::<String>).text(), "");
    }
}

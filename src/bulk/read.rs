//! Reading a bulk import file into raw tables: an XLSX workbook (one sheet per table) or a
//! CSV file (one table), headers matched to the layout, rows kept with their spreadsheet number.

use super::layout::{BulkTable, column_letter, header_key};
use super::{ColumnAt, MAX_FILE_BYTES, MAX_ROWS, RowError};
use crate::i18n::Message;
use calamine::{Data, DataRef, DataType, Reader, Xlsx};
use chrono::NaiveDate;

/// A cell as the file gave it.
#[derive(Debug, Clone, PartialEq)]
pub enum RawCell {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
}

/// A data row: its number in the spreadsheet (the header is row 1) and one cell per layout
/// column (empty where the file has no such column).
#[derive(Debug, Clone, PartialEq)]
pub struct RawRow {
    pub number: usize,
    pub cells: Vec<RawCell>,
}

/// A table read from the file: where each layout column is, and the non-blank rows.
#[derive(Debug, Clone, PartialEq)]
pub struct RawTable {
    pub table: BulkTable,
    /// Per layout column, where it is in the file (`None` when absent).
    pub columns: Vec<Option<ColumnAt>>,
    pub rows: Vec<RawRow>,
}

/// The kind of file, from its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Xlsx,
    Csv,
}

impl FileKind {
    /// XLSX files are ZIP archives; legacy XLS files are OLE documents (refused); the rest is
    /// read as CSV.
    pub fn of(bytes: &[u8]) -> Result<FileKind, RowError> {
        if bytes.starts_with(b"PK\x03\x04") {
            Ok(FileKind::Xlsx)
        } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
            Err(RowError::file(Message::new("imports-err-xls")))
        } else {
            Ok(FileKind::Csv)
        }
    }
}

/// Reads every table of the file. `csv_table` says which table a CSV file holds; when left
/// out it is told from the header (docs/bulk-import.md). Every problem found is returned.
pub fn read_file(
    bytes: &[u8],
    csv_table: Option<BulkTable>,
) -> Result<Vec<RawTable>, Vec<RowError>> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(vec![RowError::file(
            Message::new("imports-err-too-large")
                .with("limit", (MAX_FILE_BYTES / 1_048_576) as i64),
        )]);
    }
    match FileKind::of(bytes).map_err(|e| vec![e])? {
        FileKind::Xlsx => read_xlsx_guarded(bytes),
        FileKind::Csv => read_csv(bytes, csv_table).map(|t| vec![t]),
    }
}

/// calamine 0.38 panics on some damaged workbooks where overflow checks are on (a cell
/// reference of many letters, a backwards dimension: docs/robustness.md); such a file is
/// refused as unreadable instead of ending the request's worker.
fn read_xlsx_guarded(bytes: &[u8]) -> Result<Vec<RawTable>, Vec<RowError>> {
    std::panic::catch_unwind(|| read_xlsx(bytes)).unwrap_or_else(|_| {
        Err(vec![RowError::file(
            Message::new("imports-err-unreadable").with("detail", "the workbook is damaged"),
        )])
    })
}

fn read_xlsx(bytes: &[u8]) -> Result<Vec<RawTable>, Vec<RowError>> {
    let unreadable = |e: calamine::XlsxError| {
        vec![RowError::file(
            Message::new("imports-err-unreadable").with("detail", e.to_string()),
        )]
    };
    let mut workbook = Xlsx::new(std::io::Cursor::new(bytes)).map_err(unreadable)?;
    let mut tables = Vec::new();
    let mut errors = Vec::new();
    for name in workbook.sheet_names() {
        let cells = match sheet_cells(&mut workbook, &name) {
            Ok(cells) => cells,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        if cells.is_empty() {
            continue;
        }
        let Some(table) = BulkTable::parse(&name) else {
            errors.push(RowError::file(
                Message::new("imports-err-unknown-sheet").with("sheet", name.as_str()),
            ));
            continue;
        };
        if tables.iter().any(|t: &RawTable| t.table == table) {
            errors.push(RowError::table(
                table,
                Message::new("imports-err-sheet-twice").with("sheet", name.as_str()),
            ));
            continue;
        }
        let first_col = cells.iter().map(|(_, col, _)| *col).min().unwrap_or(0);
        match Grid::new(table, first_col as usize, sheet_lines(cells, first_col)) {
            Ok(t) => tables.push(t),
            Err(mut e) => errors.append(&mut e),
        }
    }
    if tables.is_empty() && errors.is_empty() {
        errors.push(RowError::file(Message::new("imports-err-no-sheet")));
    }
    if errors.is_empty() {
        tables.sort_by_key(|t| t.table);
        Ok(tables)
    } else {
        Err(errors)
    }
}

/// Excel's last row and column (XFD): a cell beyond them is a damaged file.
const SHEET_ROWS: u32 = 1_048_576;
const SHEET_COLUMNS: u32 = 16_384;

/// A sheet's cells as (row, column, cell), 0-based, in the file's order; none for a chart
/// sheet. Read one by one and kept sparse: a cell far from the others (`XFD1048576`) must not
/// make the reader allocate the whole rectangle between them, as a dense range would.
fn sheet_cells(
    workbook: &mut Xlsx<std::io::Cursor<&[u8]>>,
    name: &str,
) -> Result<Vec<(u32, u32, RawCell)>, RowError> {
    let unreadable = |e: calamine::XlsxError| {
        RowError::file(
            Message::new("imports-err-unreadable").with("detail", format!("{name}: {e}")),
        )
    };
    let mut reader = match workbook.worksheet_cells_reader(name) {
        Ok(reader) => reader,
        Err(calamine::XlsxError::NotAWorksheet(_)) => return Ok(Vec::new()),
        Err(e) => return Err(unreadable(e)),
    };
    let mut cells = Vec::new();
    while let Some(cell) = reader.next_cell().map_err(unreadable)? {
        if *cell.get_value() == DataRef::Empty {
            continue;
        }
        let (row, col) = cell.get_position();
        if row >= SHEET_ROWS || col >= SHEET_COLUMNS {
            return Err(RowError::file(
                Message::new("imports-err-cell-outside-sheet")
                    .with("sheet", name)
                    .with(
                        "cell",
                        format!("{}{}", column_letter(col as usize), row as u64 + 1),
                    ),
            ));
        }
        cells.push((row, col, raw_of_xlsx(&Data::from(cell.get_value().clone()))));
    }
    Ok(cells)
}

/// The rows holding cells, as (spreadsheet row number, cells from `first_col` to the row's
/// last cell), top to bottom; built one at a time as the reader asks. A later cell at the same
/// place replaces an earlier one.
fn sheet_lines(
    mut cells: Vec<(u32, u32, RawCell)>,
    first_col: u32,
) -> impl Iterator<Item = (usize, Vec<RawCell>)> {
    cells.sort_by_key(|(row, col, _)| (*row, *col));
    let mut cells = cells.into_iter().peekable();
    std::iter::from_fn(move || {
        let (row, col, cell) = cells.next()?;
        let mut line = Vec::new();
        let mut put = |col: u32, cell: RawCell| {
            let at = col.saturating_sub(first_col) as usize;
            if line.len() <= at {
                line.resize(at + 1, RawCell::Empty);
            }
            line[at] = cell;
        };
        put(col, cell);
        while let Some((_, col, cell)) = cells.next_if(|(r, _, _)| *r == row) {
            put(col, cell);
        }
        Some((row as usize + 1, line))
    })
}

fn raw_of_xlsx(cell: &Data) -> RawCell {
    match cell {
        Data::Empty => RawCell::Empty,
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => text_cell(s),
        Data::Float(x) => RawCell::Number(*x),
        Data::Int(n) => RawCell::Number(*n as f64),
        Data::Bool(b) => RawCell::Text(b.to_string()),
        Data::DateTime(_) => match cell.as_date() {
            Some(d) => RawCell::Date(d),
            None => RawCell::Text(cell.to_string()),
        },
        Data::Error(e) => RawCell::Text(format!("#{e:?}")),
    }
}

fn text_cell(text: &str) -> RawCell {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        RawCell::Empty
    } else {
        RawCell::Text(trimmed.to_owned())
    }
}

fn read_csv(bytes: &[u8], table: Option<BulkTable>) -> Result<RawTable, Vec<RowError>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes)
        .map_err(|_| vec![RowError::file(Message::new("imports-err-not-utf8"))])?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter(text))
        .from_reader(text.as_bytes());
    let mut lines = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map(|p| p.line() as i64).unwrap_or(0);
            vec![RowError::file(
                Message::new("imports-err-csv")
                    .with("line", line)
                    .with("detail", e.to_string()),
            )]
        })?;
        let number = record
            .position()
            .map_or(lines.len() + 1, |p| p.line() as usize);
        lines.push((number, record.iter().map(text_cell).collect::<Vec<_>>()));
    }
    let headers: Vec<String> = lines
        .first()
        .map(|(_, cells)| cells.iter().map(cell_text).collect())
        .unwrap_or_default();
    let table = table.unwrap_or_else(|| BulkTable::of_header(&headers));
    Grid::new(table, 0, lines.into_iter())
}

/// Excel writes `;`-separated CSV where the decimal mark is a comma (French settings): the
/// header line tells which.
fn delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    if header.matches(';').count() > header.matches(',').count() {
        b';'
    } else {
        b','
    }
}

fn cell_text(cell: &RawCell) -> String {
    match cell {
        RawCell::Empty => String::new(),
        RawCell::Text(t) => t.clone(),
        RawCell::Number(x) => x.to_string(),
        RawCell::Date(d) => d.to_string(),
    }
}

/// Rows (number, cells) with the first as header, matched to `table`'s layout.
struct Grid;

impl Grid {
    #[allow(clippy::new_ret_no_self)]
    fn new(
        table: BulkTable,
        first_col: usize,
        mut lines: impl Iterator<Item = (usize, Vec<RawCell>)>,
    ) -> Result<RawTable, Vec<RowError>> {
        let layout = table.columns();
        let mut errors = Vec::new();
        let Some((header_row, headers)) = lines.find(|(_, cells)| !is_blank(cells)) else {
            return Err(vec![RowError::table(
                table,
                Message::new("imports-err-no-header"),
            )]);
        };
        let mut columns: Vec<Option<ColumnAt>> = vec![None; layout.len()];
        // Per file column: the layout column it feeds.
        let mut feeds: Vec<Option<usize>> = Vec::with_capacity(headers.len());
        let mut headerless: Vec<usize> = Vec::new();
        for (i, header) in headers.iter().enumerate() {
            let header = cell_text(header);
            let at = ColumnAt {
                letter: column_letter(first_col + i),
                header: header.clone(),
            };
            if header.trim().is_empty() {
                headerless.push(i);
                feeds.push(None);
                continue;
            }
            let key = header_key(&header);
            match layout.iter().position(|c| c.name == key) {
                Some(k) if columns[k].is_some() => {
                    errors.push(header_error(
                        table,
                        header_row,
                        at,
                        "imports-err-column-twice",
                    ));
                    feeds.push(None);
                }
                Some(k) => {
                    columns[k] = Some(at);
                    feeds.push(Some(k));
                }
                None => {
                    errors.push(header_error(
                        table,
                        header_row,
                        at,
                        "imports-err-unknown-column",
                    ));
                    feeds.push(None);
                }
            }
        }
        for (k, c) in layout.iter().enumerate() {
            if c.required && columns[k].is_none() {
                errors.push(RowError {
                    table: Some(table),
                    row: Some(header_row),
                    column: None,
                    reason: Message::new("imports-err-missing-column").with("column", c.name),
                });
            }
        }
        let mut rows = Vec::new();
        for (number, cells) in lines {
            if is_blank(&cells) {
                continue;
            }
            for (i, cell) in cells.iter().enumerate() {
                let fed = feeds.get(i).copied().flatten();
                if fed.is_none()
                    && *cell != RawCell::Empty
                    && (headerless.contains(&i) || i >= feeds.len())
                {
                    errors.push(RowError {
                        table: Some(table),
                        row: Some(number),
                        column: Some(ColumnAt {
                            letter: column_letter(first_col + i),
                            header: String::new(),
                        }),
                        reason: Message::new("imports-err-headerless-value"),
                    });
                }
            }
            let mut by_layout = vec![RawCell::Empty; layout.len()];
            for (i, cell) in cells.into_iter().enumerate() {
                if let Some(Some(k)) = feeds.get(i) {
                    by_layout[*k] = cell;
                }
            }
            rows.push(RawRow {
                number,
                cells: by_layout,
            });
            if rows.len() > MAX_ROWS {
                errors.push(RowError::table(
                    table,
                    Message::new("imports-err-too-many-rows").with("limit", MAX_ROWS as i64),
                ));
                break;
            }
        }
        if errors.is_empty() {
            Ok(RawTable {
                table,
                columns,
                rows,
            })
        } else {
            Err(errors)
        }
    }
}

fn header_error(table: BulkTable, row: usize, at: ColumnAt, id: &'static str) -> RowError {
    let expected = table
        .columns()
        .iter()
        .map(|c| c.name)
        .collect::<Vec<_>>()
        .join(", ");
    RowError {
        table: Some(table),
        row: Some(row),
        column: Some(at),
        reason: Message::new(id).with("expected", expected),
    }
}

fn is_blank(cells: &[RawCell]) -> bool {
    cells.iter().all(|c| *c == RawCell::Empty)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_rows_keep_their_line_numbers_and_skip_blank_lines() {
        let text = "name,tier,status\nAcme,high,active\n\n,,\n\"Multi\nline\",low,prospect\n";
        let tables = read_file(text.as_bytes(), None).unwrap();
        let t = &tables[0];
        assert_eq!(t.table, BulkTable::Vendors);
        let numbers: Vec<usize> = t.rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, vec![2, 5]);
        assert_eq!(t.rows[0].cells[1], RawCell::Text("Acme".into()));
    }

    #[test]
    fn semicolons_and_a_byte_order_mark_are_understood() {
        let text = "\u{FEFF}Name;Tier;Status\nAcme, Inc.;high;active\n";
        let t = &read_file(text.as_bytes(), None).unwrap()[0];
        assert_eq!(t.rows[0].cells[1], RawCell::Text("Acme, Inc.".into()));
    }

    /// Regression (found with the fuzz targets, docs/robustness.md): the reader allocated
    /// the whole rectangle from the first cell to the farthest, so a tiny file with a cell at
    /// XFD1048576 asked for hundreds of gigabytes and aborted the process.
    #[test]
    fn a_far_cell_costs_no_more_than_a_near_one() {
        let mut workbook = rust_xlsxwriter::Workbook::new();
        let sheet = workbook.add_worksheet();
        sheet.set_name("vendors").unwrap();
        for (col, (header, value)) in [("name", "Acme"), ("tier", "high"), ("status", "active")]
            .into_iter()
            .enumerate()
        {
            let col = u16::try_from(col).unwrap();
            sheet.write_string(0, col, header).unwrap();
            sheet.write_string(1, col, value).unwrap();
        }
        sheet.write_string(1_048_575, 16_383, "far").unwrap();
        let bytes = workbook.save_to_buffer().unwrap();
        let errors = read_file(&bytes, None).unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].row, Some(1_048_576));
        assert_eq!(errors[0].column.as_ref().unwrap().letter, "XFD");
    }

    #[test]
    fn header_problems_name_the_column() {
        let text = "name,tier,colour,tier\nAcme,high,red,low\n";
        let errors = read_file(text.as_bytes(), Some(BulkTable::Vendors)).unwrap_err();
        let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert!(
            shown.iter().any(|e| e.contains("column C (colour)")),
            "{shown:?}"
        );
        assert!(
            shown.iter().any(|e| e.contains("column D (tier)")),
            "{shown:?}"
        );
        assert!(shown.iter().any(|e| e.contains("status")), "{shown:?}");
    }
}

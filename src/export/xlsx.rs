//! Tables as an XLSX workbook, one sheet each: typed cells (numbers, real dates), a bold
//! frozen header row in the reader's language, an autofilter, column widths, coloured grades.
//! Sheets are written row by row in the writer's low-memory mode: each finished row goes to a
//! temporary file, so a 10,000-vendor workbook does not hold its 290,000 cells in memory.

use super::ExportError;
use crate::domain::table::{Cell, ColumnKind, Table};
use crate::i18n::{Lang, translate};
use rust_xlsxwriter::{
    ConditionalFormatCell, ConditionalFormatCellRule, Format, FormatBorder, Workbook, Worksheet,
};

/// Fill and font colours of the grades, A (green) to F (red).
const GRADE_COLOURS: [(&str, u32, u32); 6] = [
    ("A", 0xC6EFCE, 0x006100),
    ("B", 0xE2EFDA, 0x375623),
    ("C", 0xFFF2CC, 0x7F6000),
    ("D", 0xFCE4D6, 0x833C0B),
    ("E", 0xF8CBAD, 0x843C0C),
    ("F", 0xFFC7CE, 0x9C0006),
];

/// The widest a column gets, in characters.
const MAX_WIDTH: usize = 60;

/// The catalogue id of a sheet's title: `exports-sheet-vendors`.
pub fn sheet_message_id(table: &str) -> String {
    format!("exports-sheet-{table}")
}

/// The catalogue id of a column's header: `exports-column-score`.
pub fn column_message_id(column: &str) -> String {
    format!("exports-column-{column}")
}

/// The workbook of `tables`, one sheet each in this order, headers in `lang`.
pub fn to_xlsx(tables: &[&Table], lang: Lang) -> Result<Vec<u8>, ExportError> {
    let mut workbook = Workbook::new();
    let formats = Formats::new();
    for table in tables {
        let sheet = workbook.add_worksheet_with_low_memory()?;
        // Sheet names: at most 31 characters, none of []:*?/\ (the catalogue keeps to that).
        sheet.set_name(translate(lang, &sheet_message_id(table.name), &[]))?;
        write_sheet(sheet, table, lang, &formats)?;
    }
    Ok(workbook.save_to_buffer()?)
}

struct Formats {
    header: Format,
    date: Format,
    decimal: Format,
    grades: Vec<(&'static str, Format)>,
}

impl Formats {
    fn new() -> Formats {
        Formats {
            header: Format::new()
                .set_bold()
                .set_background_color(0xD9E1F2)
                .set_border_bottom(FormatBorder::Thin),
            date: Format::new().set_num_format("yyyy-mm-dd"),
            decimal: Format::new().set_num_format("0.0##"),
            grades: GRADE_COLOURS
                .iter()
                .map(|(grade, fill, font)| {
                    let format = Format::new()
                        .set_background_color(*fill)
                        .set_font_color(*font)
                        .set_bold();
                    (*grade, format)
                })
                .collect(),
        }
    }
}

/// Writes `table` into `sheet`: what applies to the whole sheet first (widths, frozen header,
/// autofilter, grade colours), then the rows in order, as low-memory mode requires.
fn write_sheet(
    sheet: &mut Worksheet,
    table: &Table,
    lang: Lang,
    formats: &Formats,
) -> Result<(), ExportError> {
    let headers: Vec<String> = table
        .columns
        .iter()
        .map(|column| translate(lang, &column_message_id(column.name), &[]))
        .collect();
    for (c, width) in column_widths(table, &headers).iter().enumerate() {
        sheet.set_column_width(col(c), (width.min(&MAX_WIDTH) + 2) as f64)?;
    }
    let last_col = col(table.columns.len().saturating_sub(1));
    let last_row = row_number(table.rows.len());
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, last_row, last_col)?;
    if !table.rows.is_empty() {
        for (c, column) in table.columns.iter().enumerate() {
            if column.kind != ColumnKind::Grade {
                continue;
            }
            for (grade, format) in &formats.grades {
                let rule = ConditionalFormatCell::new()
                    .set_rule(ConditionalFormatCellRule::EqualTo(*grade))
                    .set_format(format);
                sheet.add_conditional_format(1, col(c), last_row, col(c), &rule)?;
            }
        }
    }
    for (c, header) in headers.iter().enumerate() {
        sheet.write_string_with_format(0, col(c), header, &formats.header)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        let r = row_number(r + 1);
        for (c, cell) in row.iter().enumerate() {
            match cell {
                Cell::Empty => {}
                Cell::Text(text) => {
                    sheet.write_string(r, col(c), text)?;
                }
                Cell::Decimal(x) => {
                    sheet.write_number_with_format(r, col(c), *x, &formats.decimal)?;
                }
                Cell::Integer(n) => {
                    sheet.write_number(r, col(c), *n as f64)?;
                }
                Cell::Date(d) => {
                    sheet.write_date_with_format(r, col(c), d, &formats.date)?;
                }
            }
        }
    }
    Ok(())
}

/// Each column's width in characters: its header's or its widest cell's, whichever is wider
/// (decimals are written with at most three places, dates as yyyy-mm-dd).
fn column_widths(table: &Table, headers: &[String]) -> Vec<usize> {
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for row in &table.rows {
        for (cell, width) in row.iter().zip(widths.iter_mut()) {
            let cell_width = match cell {
                Cell::Empty => 0,
                Cell::Text(text) => text.chars().count(),
                Cell::Decimal(_) => 6,
                Cell::Integer(n) => n.to_string().len(),
                Cell::Date(_) => 10,
            };
            *width = (*width).max(cell_width);
        }
    }
    widths
}

/// A column index as the writer counts them (tables have a handful of columns).
fn col(index: usize) -> u16 {
    u16::try_from(index).unwrap_or(u16::MAX)
}

/// A row index as the writer counts them (beyond Excel's limit, the writer refuses the cell).
fn row_number(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::table::Column;
    use chrono::NaiveDate;
    use std::io::Read;

    fn sheet_xml(workbook: &[u8]) -> String {
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(workbook)).unwrap();
        let mut xml = String::new();
        archive
            .by_name("xl/worksheets/sheet1.xml")
            .unwrap()
            .read_to_string(&mut xml)
            .unwrap();
        xml
    }

    #[test]
    fn low_memory_sheets_keep_widths_frozen_header_filter_and_grade_colours() {
        let mut table = Table::new(
            "vendors",
            &[
                Column::new("name", ColumnKind::Text),
                Column::new("score", ColumnKind::Decimal),
                Column::new("grade", ColumnKind::Grade),
                Column::new("assessed", ColumnKind::Date),
            ],
        );
        let day = NaiveDate::from_ymd_opt(2021, 1, 12).unwrap();
        for (name, score, grade) in [
            ("SolarWinds", 31.5, "E"),
            ("A vendor with a long name", 80.0, "A"),
            ("Mimecast", 55.25, "C"),
        ] {
            table.rows.push(vec![
                Cell::Text(name.into()),
                Cell::Decimal(score),
                Cell::Text(grade.into()),
                Cell::Date(day),
            ]);
        }
        let xml = sheet_xml(&to_xlsx(&[&table], Lang::En).unwrap());

        // Widths: the widest of header and cells, plus two (the name column: 25 + 2).
        assert!(xml.contains(r#"<col min="1" max="1" width="27."#), "{xml}");
        assert!(xml.contains(r#"<pane ySplit="1""#), "{xml}");
        assert!(xml.contains(r#"<autoFilter ref="A1:D4"/>"#), "{xml}");
        assert!(
            xml.contains(r#"<conditionalFormatting sqref="C2:C4">"#),
            "{xml}"
        );
        assert_eq!(
            xml.matches("<cfRule ").count(),
            6,
            "one colour per grade: {xml}"
        );
        // Rows in order, each written once, the last one included.
        let rows: Vec<&str> = xml
            .match_indices("<row r=\"")
            .map(|(i, _)| &xml[i + 8..i + 9])
            .collect();
        assert_eq!(rows, ["1", "2", "3", "4"], "{xml}");
        assert!(
            xml.contains(r#"<c r="B4" s="2"><v>55.25</v></c>"#),
            "the last row: {xml}"
        );
    }
}

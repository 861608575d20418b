//! Tables as an XLSX workbook, one sheet each: typed cells (numbers, real dates), a bold
//! frozen header row in the reader's language, an autofilter, column widths, coloured grades.

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
        let sheet = workbook.add_worksheet();
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

fn write_sheet(
    sheet: &mut Worksheet,
    table: &Table,
    lang: Lang,
    formats: &Formats,
) -> Result<(), ExportError> {
    let mut widths: Vec<usize> = Vec::with_capacity(table.columns.len());
    for (c, column) in table.columns.iter().enumerate() {
        let header = translate(lang, &column_message_id(column.name), &[]);
        widths.push(header.chars().count());
        sheet.write_string_with_format(0, col(c), header, &formats.header)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        let r = row_number(r + 1);
        for (c, cell) in row.iter().enumerate() {
            let width = match cell {
                Cell::Empty => 0,
                Cell::Text(text) => {
                    sheet.write_string(r, col(c), text)?;
                    text.chars().count()
                }
                Cell::Decimal(x) => {
                    sheet.write_number_with_format(r, col(c), *x, &formats.decimal)?;
                    6
                }
                Cell::Integer(n) => {
                    sheet.write_number(r, col(c), *n as f64)?;
                    n.to_string().len()
                }
                Cell::Date(d) => {
                    sheet.write_date_with_format(r, col(c), d, &formats.date)?;
                    10
                }
            };
            if let Some(w) = widths.get_mut(c) {
                *w = (*w).max(width);
            }
        }
    }
    for (c, width) in widths.iter().enumerate() {
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
    Ok(())
}

/// A column index as the writer counts them (tables have a handful of columns).
fn col(index: usize) -> u16 {
    u16::try_from(index).unwrap_or(u16::MAX)
}

/// A row index as the writer counts them (beyond Excel's limit, the writer refuses the cell).
fn row_number(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(u32::MAX)
}

//! Empty bulk import files in the documented layout: an XLSX workbook with one sheet per
//! table (drop-down lists for closed vocabularies) and a CSV header line per table.

use super::MAX_ROWS;
use super::layout::BulkTable;
use crate::domain::{Criticality, Tier, VendorStatus};
use rust_xlsxwriter::{DataValidation, Format, Workbook, XlsxError};

/// The allowed values of a column with a closed vocabulary, in stored form.
fn choices(column: &str) -> Option<Vec<&'static str>> {
    match column {
        "tier" => Some(Tier::ALL.iter().map(|v| v.as_str()).collect()),
        "status" => Some(VendorStatus::ALL.iter().map(|v| v.as_str()).collect()),
        "criticality" => Some(Criticality::ALL.iter().map(|v| v.as_str()).collect()),
        _ => None,
    }
}

/// The workbook template: the three sheets with their header rows.
pub fn xlsx_template() -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let last_row = u32::try_from(MAX_ROWS).unwrap_or(u32::MAX);
    for table in BulkTable::ALL {
        let sheet = workbook.add_worksheet();
        sheet.set_name(table.name())?;
        for (i, column) in table.columns().iter().enumerate() {
            let col = u16::try_from(i).unwrap_or(u16::MAX);
            sheet.write_string_with_format(0, col, column.name, &bold)?;
            sheet.set_column_width(col, if column.name == "description" { 50 } else { 22 })?;
            if let Some(list) = choices(column.name) {
                let validation = DataValidation::new().allow_list_strings(&list)?;
                sheet.add_data_validation(1, col, last_row, col, &validation)?;
            }
        }
        sheet.set_freeze_panes(1, 0)?;
    }
    workbook.save_to_buffer()
}

/// The CSV template of `table`: its header line.
pub fn csv_template(table: BulkTable) -> String {
    let names: Vec<&str> = table.columns().iter().map(|c| c.name).collect();
    format!("{}\r\n", names.join(","))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bulk::read::read_file;

    #[test]
    fn the_templates_read_back_as_empty_tables() {
        let bytes = xlsx_template().unwrap();
        let tables = read_file(&bytes, None).unwrap();
        assert_eq!(tables.len(), 3);
        assert!(tables.iter().all(|t| t.rows.is_empty()));
        for table in BulkTable::ALL {
            let csv = csv_template(table);
            let read = read_file(csv.as_bytes(), None).unwrap();
            assert_eq!(read[0].table, table);
        }
    }
}

//! The documented column layout of bulk imports (docs/bulk-import.md): the three tables a
//! spreadsheet may hold, their columns, which are required, and how headers are matched.

use serde::Serialize;

/// A table a bulk import file holds: an XLSX sheet, or a whole CSV file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BulkTable {
    Vendors,
    Products,
    Dependencies,
}

impl BulkTable {
    /// Every table, in import order (vendors before the products they sell, products before
    /// the dependencies on them).
    pub const ALL: [BulkTable; 3] = [
        BulkTable::Vendors,
        BulkTable::Products,
        BulkTable::Dependencies,
    ];

    /// The sheet name, and the `--table` value.
    pub fn name(self) -> &'static str {
        match self {
            BulkTable::Vendors => "vendors",
            BulkTable::Products => "products",
            BulkTable::Dependencies => "dependencies",
        }
    }

    /// The table a sheet or `--table` value names (case and spacing ignored).
    pub fn parse(name: &str) -> Option<BulkTable> {
        let wanted = header_key(name);
        BulkTable::ALL.into_iter().find(|t| t.name() == wanted)
    }

    /// The columns of this table, in the template's order.
    pub fn columns(self) -> &'static [BulkColumn] {
        match self {
            BulkTable::Vendors => VENDOR_COLUMNS,
            BulkTable::Products => PRODUCT_COLUMNS,
            BulkTable::Dependencies => DEPENDENCY_COLUMNS,
        }
    }

    /// The table whose required columns a CSV header holds: dependencies have `consumer`,
    /// products `category`, vendors neither.
    pub fn of_header(headers: &[String]) -> BulkTable {
        let has = |name: &str| headers.iter().any(|h| header_key(h) == name);
        if has("consumer") {
            BulkTable::Dependencies
        } else if has("category") {
            BulkTable::Products
        } else {
            BulkTable::Vendors
        }
    }

    /// The catalogue id of the table's name (`imports-table-vendors`).
    pub fn message_id(self) -> &'static str {
        match self {
            BulkTable::Vendors => "imports-table-vendors",
            BulkTable::Products => "imports-table-products",
            BulkTable::Dependencies => "imports-table-dependencies",
        }
    }
}

/// One column of the layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BulkColumn {
    /// The header, as written in the first row.
    pub name: &'static str,
    pub required: bool,
    /// The catalogue id of what the column holds (`imports-column-vendors-tier`), shown on
    /// the import page; docs/bulk-import.md says the same in English.
    pub help: &'static str,
}

const fn column(name: &'static str, required: bool, help: &'static str) -> BulkColumn {
    BulkColumn {
        name,
        required,
        help,
    }
}

const VENDOR_COLUMNS: &[BulkColumn] = &[
    column("slug", false, "imports-help-vendor-slug"),
    column("name", true, "imports-help-vendor-name"),
    column("tier", true, "imports-help-tier"),
    column("status", true, "imports-help-status"),
    column("website", false, "imports-help-website"),
    column("description", false, "imports-help-description"),
];

const PRODUCT_COLUMNS: &[BulkColumn] = &[
    column("slug", false, "imports-help-product-slug"),
    column("vendor", true, "imports-help-product-vendor"),
    column("name", true, "imports-help-product-name"),
    column("category", true, "imports-help-category"),
    column("description", false, "imports-help-description"),
];

const DEPENDENCY_COLUMNS: &[BulkColumn] = &[
    column("consumer", true, "imports-help-consumer"),
    column("product", true, "imports-help-dependency-product"),
    column("criticality", true, "imports-help-criticality"),
    column("since", false, "imports-help-since"),
    column("until", false, "imports-help-until"),
    column("purpose", false, "imports-help-purpose"),
];

/// A header as matched against the layout: trimmed, lower case, spaces and hyphens as `_`
/// ("Vendor Name " and "vendor-name" are both `vendor_name`).
pub fn header_key(header: &str) -> String {
    header
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| if c == ' ' || c == '-' { '_' } else { c })
        .collect()
}

/// The spreadsheet letter of a zero-based column index: 0 → A, 25 → Z, 26 → AA.
pub fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + u8::try_from(rem).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_follow_the_spreadsheet_convention() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }

    #[test]
    fn headers_and_tables_match_loosely() {
        assert_eq!(header_key(" Vendor Name "), "vendor_name");
        assert_eq!(BulkTable::parse("Products"), Some(BulkTable::Products));
        assert_eq!(BulkTable::parse("notes"), None);
        let csv =
            |h: &[&str]| BulkTable::of_header(&h.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(csv(&["Consumer", "product"]), BulkTable::Dependencies);
        assert_eq!(csv(&["name", "Category"]), BulkTable::Products);
        assert_eq!(csv(&["name", "tier"]), BulkTable::Vendors);
    }
}

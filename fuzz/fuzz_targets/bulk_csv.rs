//! Fuzz target: a bulk import CSV file read and its rows checked as `trustkb import-bulk` and
//! the web upload do (no database: a few records taken as known), then turned into a pack.
#![no_main]

use libfuzzer_sys::fuzz_target;
use trustkb::bulk::BulkTable;
use trustkb::bulk::pack::BulkPack;
use trustkb::bulk::read::read_file;
use trustkb::bulk::rows::check_rows;
use trustkb_fuzz::known;

fuzz_target!(|data: &[u8]| {
    // The first byte picks the table the upload names (or none: told from the header).
    let Some((choice, bytes)) = data.split_first() else {
        return;
    };
    // A ZIP archive is the XLSX target's.
    if bytes.starts_with(b"PK\x03\x04") {
        return;
    }
    let table = match choice % 4 {
        0 => None,
        1 => Some(BulkTable::Vendors),
        2 => Some(BulkTable::Products),
        _ => Some(BulkTable::Dependencies),
    };
    let Ok(tables) = read_file(bytes, table) else {
        return;
    };
    if let Ok(checked) = check_rows(&tables, &known()) {
        let _ = BulkPack::new(bytes, &tables, checked);
    }
});

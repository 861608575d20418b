//! Fuzz target: a bulk import XLSX workbook read and its rows checked as `trustkb import` and
//! the web upload do (no database: a few records taken as known), then turned into a pack.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::io::Write;
use trustkb::bulk::pack::BulkPack;
use trustkb::bulk::read::read_file;
use trustkb::bulk::rows::check_rows;
use trustkb_fuzz::known;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// The parts of a workbook with two sheets; the fuzzer writes the others.
const FIXED: &[(&str, &str)] = &[
    (
        "[Content_Types].xml",
        r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"#,
    ),
    (
        "_rels/.rels",
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
    ),
    (
        "xl/_rels/workbook.xml.rels",
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#,
    ),
];

/// The parts the input fills, in order, separated by NUL bytes.
const FUZZED: &[&str] = &[
    "xl/workbook.xml",
    "xl/worksheets/sheet1.xml",
    "xl/worksheets/sheet2.xml",
    "xl/sharedStrings.xml",
];

/// A workbook whose fuzzed parts are the input's NUL-separated pieces.
fn workbook(data: &[u8]) -> Option<Vec<u8>> {
    let mut zip = ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    for (name, text) in FIXED {
        zip.start_file(*name, options).ok()?;
        zip.write_all(text.as_bytes()).ok()?;
    }
    for (name, part) in FUZZED.iter().zip(data.split(|b| *b == 0)) {
        zip.start_file(*name, options).ok()?;
        zip.write_all(part).ok()?;
    }
    Some(zip.finish().ok()?.into_inner())
}

fuzz_target!(|data: &[u8]| {
    // An input that is a ZIP archive is read as it is (the archive itself is fuzzed); any
    // other is the XML of a workbook's parts.
    let bytes = if data.starts_with(b"PK\x03\x04") {
        data.to_vec()
    } else {
        match workbook(data) {
            Some(bytes) => bytes,
            None => return,
        }
    };
    let Ok(tables) = read_file(&bytes, None) else {
        return;
    };
    if let Ok(checked) = check_rows(&tables, &known()) {
        let _ = BulkPack::new(&bytes, &tables, checked);
    }
});

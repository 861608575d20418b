//! Fuzz target: a knowledge pack file (TOML) read and checked as `trustkb import` reads it,
//! its `text_file` source text included; a pack that loads is also written as STIX and read back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use trustkb::stix::{export::bundle, import::convert};
use trustkb::store::pack::load::load_files;

fuzz_target!(|data: &[u8]| {
    // The pack file, then (after the first NUL byte) the text its `text_file` sources read.
    let (pack, text) = match data.iter().position(|b| *b == 0) {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (data, &[][..]),
    };
    let pack = String::from_utf8_lossy(pack).into_owned();
    let text = String::from_utf8_lossy(text).into_owned();
    let Ok(loaded) = load_files(vec![("fuzz/pack.toml".to_owned(), pack)], |_| {
        Ok(text.clone())
    }) else {
        return;
    };
    let _ = loaded.all_categories();
    for file in &loaded.files {
        let stix = bundle(&file.doc, "fuzz");
        if let Ok(json) = serde_json::to_string(&stix) {
            let _ = convert(&json, "fuzz/pack.json");
        }
    }
});

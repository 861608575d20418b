//! Fuzz target: a STIX 2.1 bundle read into a pack as `trustkb import BUNDLE.json` does; a
//! bundle that converts is written back as STIX and must convert again.
#![no_main]

use libfuzzer_sys::fuzz_target;
use trustkb::stix::export::bundle;
use trustkb::stix::import::{convert, is_bundle};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = is_bundle(text);
    let Ok(converted) = convert(text, "fuzz/bundle.json") else {
        return;
    };
    for file in &converted.pack.files {
        let again = serde_json::to_string(&bundle(&file.doc, "fuzz"));
        let Ok(again) = again else {
            panic!("a converted bundle cannot be written back: {again:?}");
        };
        if let Err(e) = convert(&again, "fuzz/again.json") {
            panic!("a bundle written from a converted one is refused: {e}");
        }
    }
});

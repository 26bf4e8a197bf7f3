//! parse_json on any text: a document or an error, never a panic; a
//! document it accepts passes validation and survives its JSON again.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = yilan_fuzz::text(data);
    if let Ok(doc) = yilan::parse_json(&input) {
        yilan_fuzz::check_document(&doc, &yilan::parse_json(&input).expect("again"));
    }
});

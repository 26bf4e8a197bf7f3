//! parse_text on any text: no panic, and the document keeps the model's rules.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = yilan_fuzz::text(data);
    yilan_fuzz::check_document(&yilan::parse_text(&input), &yilan::parse_text(&input));
});

//! render ∘ parse_json: the view of any accepted model JSON is well-formed,
//! script-free HTML, whatever its strings and links hold.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = yilan_fuzz::text(data);
    if let Ok(doc) = yilan::parse_json(&input) {
        yilan_fuzz::check_render(&doc);
    }
});

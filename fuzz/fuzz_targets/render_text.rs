//! render ∘ parse_text: the view of any page text is well-formed, script-free HTML.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = yilan_fuzz::text(data);
    yilan_fuzz::check_render(&yilan::parse_text(&input));
});

//! render ∘ parse_html: the view of any page HTML is well-formed, script-free HTML.
#![no_main]

use libfuzzer_sys::fuzz_target;
use yilan::{parse_html, HtmlOptions};

fuzz_target!(|data: &[u8]| {
    let input = yilan_fuzz::text(data);
    yilan_fuzz::check_render(&parse_html(&input, &HtmlOptions::default()));
});

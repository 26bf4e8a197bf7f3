//! speech_plan ∘ parse_text: chunks are never empty, count up, and target
//! elements of the view. The first byte picks the chunk length.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let doc = yilan::parse_text(&yilan_fuzz::text(rest));
    let html = yilan::render(&doc, &yilan::RenderOptions::default());
    yilan_fuzz::check_speech(&doc, &html, usize::from(first % 80));
});

//! parse_html on any text: no panic, and the document keeps the model's rules.
#![no_main]

use libfuzzer_sys::fuzz_target;
use yilan::{parse_html, HtmlOptions};

fuzz_target!(|data: &[u8]| {
    let input = yilan_fuzz::text(data);
    let options = HtmlOptions {
        base_url: Some("http://www.example.gov.cn/a/b/page.html".to_owned()),
    };
    yilan_fuzz::check_document(&parse_html(&input, &options), &parse_html(&input, &options));
});

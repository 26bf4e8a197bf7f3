//! Properties of the escaping functions over arbitrary input: escaped text
//! never opens markup and decodes back to the input; an accepted URL never
//! has a scheme outside the allow-list, however it is disguised.

mod common;

use common::{url_scheme, ALLOWED_SCHEMES};
use proptest::prelude::*;
use yilan::render::escape::{escape_attr, escape_href, escape_text, safe_url};

/// Undoes the references the escaping functions write.
fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

fn disguised_url() -> impl Strategy<Value = String> {
    let scheme = prop::sample::select(vec![
        "javascript",
        "JaVaScRiPt",
        "java\tscript",
        "java\nscript",
        "data",
        "vbscript",
        "http",
        "https",
        "mailto",
        "tel",
        "ftp",
        "file",
        "",
        "jav&#x09;ascript",
    ]);
    let prefix = prop::sample::select(vec!["", " ", "\u{1}", "\t", "\u{0}", "\u{1f} ", "\n"]);
    (prefix, scheme, "[:/]{0,2}", ".{0,12}")
        .prop_map(|(prefix, scheme, sep, rest)| format!("{prefix}{scheme}{sep}{rest}"))
}

proptest! {
    #[test]
    fn text_never_opens_markup_and_round_trips(s in any::<String>()) {
        let s = s.replace('\0', "");
        let mut out = String::new();
        escape_text(&mut out, &s);
        prop_assert!(!out.contains('<') && !out.contains('>'));
        prop_assert_eq!(unescape(&out), s);
    }

    #[test]
    fn attributes_never_close_their_quotes(s in any::<String>()) {
        let s = s.replace('\0', "");
        let mut out = String::new();
        escape_attr(&mut out, &s);
        prop_assert!(!out.contains(['"', '\'', '<', '>']));
        prop_assert_eq!(unescape(&out), s);
    }

    #[test]
    fn accepted_urls_use_allowed_schemes(url in prop_oneof![disguised_url(), any::<String>()]) {
        if let Some(clean) = safe_url(&url) {
            if let Some(scheme) = url_scheme(&clean) {
                prop_assert!(ALLOWED_SCHEMES.contains(&scheme.as_str()), "{url:?} → {clean:?}");
            }
            if let Some(scheme) = url_scheme(&url) {
                prop_assert!(ALLOWED_SCHEMES.contains(&scheme.as_str()), "{url:?}");
            }
            let mut out = String::new();
            escape_href(&mut out, &clean);
            prop_assert!(!out.contains(['"', '<', '>', ' ', '\'']));
        }
    }
}

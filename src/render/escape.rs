//! The only place that escapes: one function per HTML context.
//!
//! - [`escape_text`]: text between tags (body text);
//! - [`escape_attr`]: a double-quoted attribute value;
//! - [`safe_url`] + [`escape_href`]: a URL in `href`/`src`, allow-listed by
//!   scheme first.
//!
//! Every piece of document text reaches the output through one of these,
//! by way of [`super::writer::HtmlWriter`].

use std::borrow::Cow;

/// URL schemes a link or image may use; anything else (javascript:, data:,
/// vbscript:, file:, …) is dropped. Relative URLs have no scheme and pass.
const ALLOWED_SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

/// U+0000 cannot be carried by HTML (the parser drops or replaces it), so it
/// is written as U+FFFD, which is what a browser would show.
const NUL_REPLACEMENT: &str = "\u{FFFD}";

/// A carriage return would reach the page as a line feed (the HTML parser
/// turns CR and CRLF into LF before anything else), so it is written as a
/// reference: the page then holds the document's text exactly, and the
/// speech plan's text can be found in it.
const CR_REFERENCE: &str = "&#13;";

/// Appends `text` escaped for HTML body text: `&`, `<`, `>` (and CR, NUL).
pub fn escape_text(out: &mut String, text: &str) {
    const SPECIAL: u64 = mask(b"&<>\r\0");
    escape_with(out, text, SPECIAL, |byte| match byte {
        b'&' => Some("&amp;"),
        b'<' => Some("&lt;"),
        b'>' => Some("&gt;"),
        b'\r' => Some(CR_REFERENCE),
        b'\0' => Some(NUL_REPLACEMENT),
        _ => None,
    });
}

/// Appends `value` escaped for a double-quoted attribute value:
/// `&`, `<`, `>`, `"` and `'` (so single-quoted use is safe too), and CR
/// and NUL as in [`escape_text`].
pub fn escape_attr(out: &mut String, value: &str) {
    const SPECIAL: u64 = mask(b"&<>\"'\r\0");
    escape_with(out, value, SPECIAL, |byte| match byte {
        b'&' => Some("&amp;"),
        b'<' => Some("&lt;"),
        b'>' => Some("&gt;"),
        b'"' => Some("&quot;"),
        b'\'' => Some("&#39;"),
        b'\r' => Some(CR_REFERENCE),
        b'\0' => Some(NUL_REPLACEMENT),
        _ => None,
    });
}

/// Appends a URL that [`safe_url`] accepted, for a double-quoted `href` or
/// `src`: characters a URL never holds raw (spaces, controls, quotes, angle
/// brackets, backticks) are percent-encoded, `&` and `'` become references.
/// Other characters, CJK included, stay as written so printed links stay
/// readable.
pub fn escape_href(out: &mut String, url: &str) {
    // Every character changed is ASCII: bytes are scanned and the rest is
    // copied a slice at a time.
    let mut plain_from = 0;
    for (at, &byte) in url.as_bytes().iter().enumerate() {
        let replacement = match byte {
            b'&' => "&amp;",
            b'\'' => "&#39;",
            b'"' | b'<' | b'>' | b'`' | b' ' | 0x7f | 0..=0x1f => "",
            _ => continue,
        };
        out.push_str(url.get(plain_from..at).unwrap_or_default());
        if replacement.is_empty() {
            push_percent(out, byte);
        } else {
            out.push_str(replacement);
        }
        plain_from = at + 1;
    }
    out.push_str(url.get(plain_from..).unwrap_or_default());
}

/// A URL as browsers read it before anything else: C0 controls and spaces
/// trimmed from both ends, ASCII tabs and newlines removed anywhere
/// (`java\nscript:` is `javascript:`); borrowed when nothing is removed.
/// What [`safe_url`] checks, and what the HTML front end resolves.
pub fn strip_url(url: &str) -> Cow<'_, str> {
    // The bytes trimmed (up to U+0020) and removed are ASCII characters,
    // never part of another, so every cut falls on a character boundary.
    let bytes = url.as_bytes();
    let start = bytes.iter().position(|&b| b > b' ').unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(|&b| b > b' ')
        .map_or(start, |i| i + 1);
    let trimmed = url.get(start..end).unwrap_or_default();
    if !trimmed.bytes().any(|b| matches!(b, b'\t' | b'\n' | b'\r')) {
        return Cow::Borrowed(trimmed);
    }
    trimmed
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

/// The URL to write, or `None` when it must not become a link.
///
/// Does what a browser's URL parser does before it reads the scheme (strip
/// leading and trailing C0 controls and spaces, remove every tab and
/// newline: so `" java\tscript:"` is seen as `javascript:`), then accepts
/// - relative URLs (`a/b.html`, `/x`, `?q`, `#frag`, `//host/x`): no `:`
///   before the first `/`, `?` or `#`;
/// - absolute URLs whose scheme, compared without case, is http, https,
///   mailto or tel.
///
/// Anything else (javascript:, data:, vbscript:, `JaVaScRiPt:`, unknown
/// schemes, an empty URL) is refused.
pub fn safe_url(url: &str) -> Option<Cow<'_, str>> {
    let cleaned = strip_url(url);
    if cleaned.is_empty() {
        return None;
    }
    let head = cleaned.as_bytes();
    let before_path = head
        .iter()
        .position(|b| matches!(b, b'/' | b'?' | b'#'))
        .unwrap_or(head.len());
    let colon = head
        .get(..before_path)
        .and_then(|h| h.iter().position(|&b| b == b':'));
    match colon {
        None => Some(cleaned),
        Some(colon) => {
            let scheme = head.get(..colon).unwrap_or_default();
            ALLOWED_SCHEMES
                .iter()
                .any(|allowed| scheme.eq_ignore_ascii_case(allowed.as_bytes()))
                .then_some(cleaned)
        }
    }
}

fn push_percent(out: &mut String, byte: u8) {
    const HEX: [char; 16] = [
        '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B', 'C', 'D', 'E', 'F',
    ];
    out.push('%');
    for nibble in [byte >> 4, byte & 0x0f] {
        out.push(HEX.get(usize::from(nibble)).copied().unwrap_or('0'));
    }
}

/// The set of ASCII bytes below 64 given, as a bit mask for [`escape_with`]:
/// every byte that HTML text or attributes need escaped (`\0`, CR, `"`,
/// `&`, `'`, `<`, `>`) is below 64.
const fn mask(bytes: &[u8]) -> u64 {
    let mut mask = 0u64;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(&byte) = bytes.split_at(i).1.first() {
            if byte < 64 {
                mask |= 1 << byte;
            }
        }
        i += 1;
    }
    mask
}

/// Copies `text` to `out`, replacing each byte in `special` (a [`mask`])
/// by what `replace` maps it to, in runs so that plain text is copied a
/// slice at a time.
///
/// The bytes replaced are ASCII, and an ASCII byte is never part of a
/// longer UTF-8 sequence, so scanning bytes (not decoding characters) finds
/// the same places, and every cut falls on a character boundary.
fn escape_with(
    out: &mut String,
    text: &str,
    special: u64,
    replace: impl Fn(u8) -> Option<&'static str>,
) {
    let bytes = text.as_bytes();
    let mut plain_from = 0;
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        // Eight bytes that all have the high bit set (CJK text, mostly)
        // hold nothing to replace: skip them at once.
        if crate::words::word_at(bytes, at).is_some_and(crate::words::all_high) {
            at += 8;
            continue;
        }
        if byte < 64 && special & (1 << byte) != 0 {
            if let Some(replacement) = replace(byte) {
                out.push_str(text.get(plain_from..at).unwrap_or_default());
                out.push_str(replacement);
                plain_from = at + 1;
            }
        }
        at += 1;
    }
    out.push_str(text.get(plain_from..).unwrap_or_default());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> String {
        let mut out = String::new();
        escape_text(&mut out, s);
        out
    }

    fn attr(s: &str) -> String {
        let mut out = String::new();
        escape_attr(&mut out, s);
        out
    }

    fn href(s: &str) -> String {
        let mut out = String::new();
        escape_href(&mut out, s);
        out
    }

    #[test]
    fn text_escapes_markup_characters_only() {
        assert_eq!(text("a<b>&c"), "a&lt;b&gt;&amp;c");
        assert_eq!(text("\"引号\" 'x'"), "\"引号\" 'x'");
        assert_eq!(text("（一）重点项目"), "（一）重点项目");
        assert_eq!(text("&amp;"), "&amp;amp;");
        assert_eq!(text("a\0b"), "a\u{FFFD}b");
        assert_eq!(text("a\r\nb"), "a&#13;\nb");
        assert_eq!(text("通知<附件>&“引”"), "通知&lt;附件&gt;&amp;“引”");
        assert_eq!(text(""), "");
    }

    #[test]
    fn attr_escapes_quotes_too() {
        assert_eq!(
            attr("x\" onmouseover='alert(1)'"),
            "x&quot; onmouseover=&#39;alert(1)&#39;"
        );
        assert_eq!(attr("<>&"), "&lt;&gt;&amp;");
        assert_eq!(attr("索引号"), "索引号");
        assert_eq!(attr("a\rb"), "a&#13;b");
    }

    #[test]
    fn href_percent_encodes_what_breaks_out() {
        assert_eq!(
            href("http://a.b/x y\"z<w>`"),
            "http://a.b/x%20y%22z%3Cw%3E%60"
        );
        assert_eq!(href("/a?b=1&c='2'"), "/a?b=1&amp;c=&#39;2&#39;");
        assert_eq!(href("/附件/通知.pdf"), "/附件/通知.pdf");
        assert_eq!(href("/a\u{1}b"), "/a%01b");
    }

    #[test]
    fn allowed_urls_pass() {
        for url in [
            "http://www.gov.cn/zhengce/content/2018-12/05/content_5345897.htm",
            "https://example.gov.cn/",
            "HTTPS://EXAMPLE.GOV.CN/",
            "mailto:office@example.gov.cn",
            "tel:+86-576-12345678",
            "relative/page.html",
            "../up.html",
            "/root/path",
            "//cdn.example.gov.cn/a.pdf",
            "?page=2",
            "#yl-s1",
            "/path/with:colon/after/slash",
            "javascript%3Aalert(1)",
            "javascript&#58;alert(1)",
        ] {
            assert!(safe_url(url).is_some(), "{url} should be allowed");
        }
    }

    #[test]
    fn dangerous_urls_are_refused() {
        for url in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "\u{1}\u{2}javascript:alert(1)",
            "\tjavascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "java\rscript:alert(1)",
            "javascript\n:alert(1)",
            "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
            "DATA:image/svg+xml,<svg onload=alert(1)>",
            "vbscript:msgbox(1)",
            "file:///etc/passwd",
            "ｊavascript:alert(1)",
            "livescript:alert(1)",
            "",
            "   ",
            "\u{0}",
        ] {
            assert_eq!(safe_url(url), None, "{url:?} should be refused");
        }
    }

    #[test]
    fn safe_url_removes_what_the_url_parser_ignores() {
        assert_eq!(
            safe_url("  http://a.b/\tc\nd  ").as_deref(),
            Some("http://a.b/cd")
        );
    }

    /// The URL checks as first written, char by char with `str`'s
    /// searches: the reference the byte-wise ones are held to.
    mod plain {
        use super::super::{push_percent, ALLOWED_SCHEMES};

        pub fn safe_url(url: &str) -> Option<String> {
            let trimmed = url.trim_matches(|c: char| c <= ' ');
            let cleaned: String = trimmed
                .chars()
                .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
                .collect();
            if cleaned.is_empty() {
                return None;
            }
            let before_path = cleaned
                .split(['/', '?', '#'])
                .next()
                .unwrap_or(cleaned.as_str());
            match before_path.split_once(':') {
                None => Some(cleaned),
                Some((scheme, _)) => ALLOWED_SCHEMES
                    .iter()
                    .any(|allowed| scheme.eq_ignore_ascii_case(allowed))
                    .then_some(cleaned),
            }
        }

        pub fn escape_href(out: &mut String, url: &str) {
            for c in url.chars() {
                match c {
                    '&' => out.push_str("&amp;"),
                    '\'' => out.push_str("&#39;"),
                    '"' | '<' | '>' | '`' | ' ' | '\u{7f}' | '\0'..='\u{1f}' => {
                        let mut buf = [0u8; 4];
                        for byte in c.encode_utf8(&mut buf).bytes() {
                            push_percent(out, byte);
                        }
                    }
                    _ => out.push(c),
                }
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(4000))]

        /// Schemes in any case, the characters the checks cut at, controls,
        /// spaces, tabs and newlines anywhere, and text outside ASCII.
        #[test]
        fn url_checks_agree_with_the_plain_ones(
            url in "[ \t\n\r\u{0}-\u{1f}\u{7f}]{0,3}(((?i)https?|mailto|tel|javascript|data|x)[\t\n]?:)?[a-z/?#:&'\"<>` \t\n\r\u{1}-\u{1f}\u{7f}\u{a0}\u{3000}附件ｊ%]{0,16}[ \t\n\u{0}-\u{1f}]{0,3}"
        ) {
            proptest::prop_assert_eq!(safe_url(&url).map(Cow::into_owned), plain::safe_url(&url));
            let mut mine = String::new();
            escape_href(&mut mine, &url);
            let mut theirs = String::new();
            plain::escape_href(&mut theirs, &url);
            proptest::prop_assert_eq!(mine, theirs);
        }
    }
}

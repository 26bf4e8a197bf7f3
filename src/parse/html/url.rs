//! Link targets: resolved against the page's address, and filtered.
//!
//! A small resolver instead of the `url` crate (which brings IDNA tables to
//! the wasm build): absolute, scheme-relative (`//host/…`), root-relative
//! (`/…`), query- and fragment-only, and relative paths with `.` and `..`.
//! Hosts are not normalised: the browser does that when the link is used.
//!
//! Filtering belongs to both ends (defence in depth): the parser drops
//! targets whose scheme is not in [`LINK_SCHEMES`] (so `javascript:`,
//! `vbscript:`, `data:`, `file:` never reach the model), keeps `data:` only
//! for raster images in `src`, and the renderer's own allow-list checks again.

use std::borrow::Cow;

use super::runs::lower;
use crate::parse::chars;
use crate::render::escape::strip_url;

/// Schemes a link (`href`) may have.
pub const LINK_SCHEMES: &[&str] = &["http", "https", "mailto", "tel", "ftp"];

/// Schemes an image source (`src`) may have.
pub const IMAGE_SCHEMES: &[&str] = &["http", "https"];

/// `data:` image types an image source may carry inline.
pub const DATA_IMAGES: &[&str] = &[
    "data:image/png",
    "data:image/jpeg",
    "data:image/gif",
    "data:image/webp",
];

/// What a URL is used for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Use {
    /// A link target.
    Link,
    /// An image source.
    Image,
}

/// Where the scheme of `url` ends (its `:`), if it has one: the text before
/// the first `:` is a letter, then letters, digits, `+`, `-` or `.`.
fn scheme_end(url: &str) -> Option<usize> {
    let end = url.bytes().position(|b| b == b':')?;
    let candidate = url.as_bytes().get(..end)?;
    let (first, rest) = candidate.split_first()?;
    let ok = first.is_ascii_alphabetic()
        && rest
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'));
    ok.then_some(end)
}

/// `text` with backslashes read as slashes, as browsers read them in
/// http(s) addresses.
fn slashes(text: &str) -> Cow<'_, str> {
    if chars::has_char(text, '\\') {
        Cow::Owned(text.replace('\\', "/"))
    } else {
        Cow::Borrowed(text)
    }
}

/// Where the first of the ASCII characters `set` is in `text`: a search by
/// bytes (an ASCII byte is never part of another character), where a
/// search by characters would decode each one.
fn find_any(text: &str, set: &[u8]) -> Option<usize> {
    text.bytes().position(|b| set.contains(&b))
}

/// A page address to resolve against: scheme, authority and path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Base {
    /// `scheme://host:port`, the scheme lower case.
    origin: String,
    /// The path, starting with `/` (at least `/`).
    path: String,
    /// `?query`, possibly empty.
    query: String,
}

impl Base {
    /// Reads an absolute http(s) address; `None` for anything else.
    pub fn parse(raw: &str) -> Option<Base> {
        let url = strip_url(raw);
        let end = scheme_end(&url)?;
        let (scheme, after) = (url.get(..end)?, url.get(end + 1..)?);
        if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
            return None;
        }
        let rest = slashes(after);
        let (host, tail) = authority(&rest)?;
        let tail = tail.split('#').next().unwrap_or("");
        let (path, query) = tail
            .find('?')
            .and_then(|q| tail.split_at_checked(q))
            .unwrap_or((tail, ""));
        let path = if path.is_empty() { "/" } else { path };
        let mut origin = String::with_capacity(scheme.len() + 3 + host.len());
        origin.push_str(&lower(scheme));
        origin.push_str("://");
        origin.push_str(host);
        Some(Base {
            origin,
            path: path.to_owned(),
            query: query.to_owned(),
        })
    }

    /// The scheme, lower case (`http` or `https`).
    fn scheme(&self) -> &str {
        self.origin.split(':').next().unwrap_or_default()
    }
}

/// The host of `rest` (what follows `scheme:`, slashes read) and what
/// follows the host; `None` unless `rest` starts with `//`.
fn authority(rest: &str) -> Option<(&str, &str)> {
    let after = rest.strip_prefix("//")?;
    let end = find_any(after, b"/?#").unwrap_or(after.len());
    after.split_at_checked(end)
}

/// Resolves and filters a URL: `None` when its scheme is not allowed for
/// this use (or it is empty). Without a base, relative URLs stay relative.
///
/// Each result is written once into a string of its own: links and images
/// are many on a page, and the browser build pays for every allocation and
/// every `format!`.
pub fn resolve(raw: &str, base: Option<&Base>, usage: Use) -> Option<String> {
    let url = strip_url(raw);
    if url.is_empty() {
        return None;
    }
    if let Some(end) = scheme_end(&url) {
        let scheme = url.get(..end)?;
        let listed = |list: &[&str]| list.iter().any(|s| s.eq_ignore_ascii_case(scheme));
        let allowed = match usage {
            Use::Link => listed(LINK_SCHEMES),
            Use::Image => {
                listed(IMAGE_SCHEMES)
                    || DATA_IMAGES.iter().any(|d| {
                        url.get(..d.len())
                            .is_some_and(|p| p.eq_ignore_ascii_case(d))
                    })
            }
        };
        if !allowed {
            return None;
        }
        if scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https") {
            // An absolute address: only its dots are tidied.
            return Some(absolute(&url, end).unwrap_or_else(|| url.into_owned()));
        }
        return Some(url.into_owned());
    }
    let Some(base) = base else {
        return Some(url.into_owned());
    };
    let reference = slashes(&url);
    let mut out = String::with_capacity(base.origin.len() + base.path.len() + reference.len());
    if reference.starts_with("//") {
        out.push_str(base.scheme());
        out.push(':');
        out.push_str(&reference);
    } else if reference.starts_with('/') {
        out.push_str(&base.origin);
        push_tidy(&mut out, &reference);
    } else if reference.starts_with('?') {
        out.push_str(&base.origin);
        out.push_str(&base.path);
        out.push_str(&reference);
    } else if reference.starts_with('#') {
        out.push_str(&base.origin);
        out.push_str(&base.path);
        out.push_str(&base.query);
        out.push_str(&reference);
    } else {
        let dir = chars::rfind_byte(&base.path, b'/')
            .and_then(|i| base.path.get(..=i))
            .unwrap_or("/");
        out.push_str(&base.origin);
        push_tidy(&mut out, &[dir, &reference].concat());
    }
    Some(out)
}

/// File types a page embeds as a document to read (`<iframe>`, `<embed>`,
/// `<object>`): not archives, images or web pages.
const DOCUMENT_TYPES: &[&str] = &[
    "pdf", "ofd", "doc", "docx", "wps", "xls", "xlsx", "et", "ppt", "pptx", "txt", "csv",
];

/// The file type of the path of `url` (query and fragment cut off), lower
/// case, when it is one of [`DOCUMENT_TYPES`].
fn document_type(url: &str) -> Option<&'static str> {
    let path = without_query(url);
    let (_, ext) = chars::rsplit_once_byte(path, b'.')?;
    DOCUMENT_TYPES
        .iter()
        .copied()
        .find(|t| ext.eq_ignore_ascii_case(t))
}

/// The document a frame shows, as a link target: the frame's own address
/// when it is a document (`/files/a.pdf`), or the `file` that a viewer's
/// address names (pdf.js: `/pdfjs/web/viewer.html?file=%2Ffiles%2Fa.pdf`,
/// resolved against the viewer's address). `None` for anything else (a
/// video player, a map, a page).
pub fn embedded_document(raw: &str, base: Option<&Base>) -> Option<String> {
    let url = strip_url(raw);
    if document_type(&url).is_some() {
        return resolve(&url, base, Use::Link);
    }
    let (_, query) = url.split('#').next()?.split_once('?')?;
    let file = query
        .split('&')
        .find_map(|pair| pair.strip_prefix("file="))
        .map(percent_decoded)?;
    document_type(&file)?;
    let viewer = resolve(&url, base, Use::Link)?;
    resolve(&file, Base::parse(&viewer).as_ref().or(base), Use::Link)
}

/// The file name at the end of a link's path, `%XX` escapes decoded
/// (`/files/%E6%96%B9%E6%A1%88.pdf` → 方案.pdf).
pub fn file_name(url: &str) -> String {
    let path = without_query(url);
    let name =
        chars::rfind_byte(path, b'/').map_or(path, |i| path.get(i + 1..).unwrap_or_default());
    percent_decoded(name)
}

/// A URL up to its query or fragment.
fn without_query(url: &str) -> &str {
    let end = url
        .bytes()
        .position(|b| b == b'?' || b == b'#')
        .unwrap_or(url.len());
    url.get(..end).unwrap_or(url)
}

/// `%XX` escapes decoded (UTF-8; a text that is not is kept as written).
pub fn percent_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let escaped = match (b, bytes.get(i + 1..i + 3)) {
            (b'%', Some(&[hi, lo])) => hex(hi).zip(hex(lo)).map(|(h, l)| h << 4 | l),
            _ => None,
        };
        out.push(escaped.unwrap_or(b));
        i += if escaped.is_some() { 3 } else { 1 };
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_owned())
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// An absolute http(s) `url` (its scheme ending at `end`) rebuilt: the
/// scheme lower case, the host as written, the path tidied. `None` when it
/// has no `//` authority.
fn absolute(url: &str, end: usize) -> Option<String> {
    let rest = slashes(url.get(end + 1..)?);
    let (host, _) = authority(&rest)?;
    // The path, query and fragment, read from the address as written.
    let after = chars::find_str(url, "//")
        .and_then(|i| url.get(i + 2..))
        .unwrap_or_default();
    let tail = find_any(after, b"/?#")
        .and_then(|i| after.get(i..))
        .unwrap_or_default();
    let mut out = String::with_capacity(url.len() + 1);
    out.push_str(&lower(url.get(..end)?));
    out.push_str("://");
    out.push_str(host);
    if tail.starts_with('/') {
        push_tidy(&mut out, tail);
    } else {
        out.push('/');
        out.push_str(tail);
    }
    Some(out)
}

/// Pushes `reference` with `.` and `..` segments removed from its path part
/// (RFC 3986 §5.2.4), the path starting with `/`; the query and fragment
/// are kept as they are.
fn push_tidy(out: &mut String, reference: &str) {
    let split = find_any(reference, b"?#").unwrap_or(reference.len());
    let (path, rest) = reference.split_at_checked(split).unwrap_or((reference, ""));
    let dot_segment = path
        .as_bytes()
        .split(|&b| b == b'/')
        .any(|seg| seg == b"." || seg == b"..");
    if !dot_segment {
        if !path.starts_with('/') {
            out.push('/');
        }
        out.push_str(path);
        out.push_str(rest);
        return;
    }
    let mut kept: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    let last = segments.len().saturating_sub(1);
    for (i, seg) in segments.iter().enumerate() {
        match *seg {
            "." => {
                if i == last {
                    kept.push("");
                }
            }
            ".." => {
                if kept.len() > 1 {
                    kept.pop();
                }
                if i == last {
                    kept.push("");
                }
            }
            s => kept.push(s),
        }
    }
    let joined = kept.join("/");
    if !joined.starts_with('/') {
        out.push('/');
    }
    out.push_str(&joined);
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Base {
        Base::parse("http://www.linhai.gov.cn/art/2024/2/1/art_1.html?x=1#top").unwrap()
    }

    #[test]
    fn resolving() {
        let b = base();
        let site = "http://www.linhai.gov.cn";
        let page = "http://www.linhai.gov.cn/art/2024/2/1/art_1.html";
        for (raw, want) in [
            ("a.pdf", format!("{site}/art/2024/2/1/a.pdf")),
            ("../../x/./b.doc", format!("{site}/art/2024/x/b.doc")),
            ("../../../../../../c", format!("{site}/c")),
            ("/col/index.html", format!("{site}/col/index.html")),
            ("/col/./index.html", format!("{site}/col/index.html")),
            ("\\col\\a.png", format!("{site}/col/a.png")),
            ("//cdn.example/x.png", "http://cdn.example/x.png".into()),
            ("#", format!("{page}?x=1#")),
            ("?p=2", format!("{page}?p=2")),
            ("HTTPS://a.b/c/../d", "https://a.b/d".into()),
            (
                "HTTP://Host.CN/a/../b?q=./#..",
                "http://Host.CN/b?q=./#..".into(),
            ),
            ("https://a.b", "https://a.b/".into()),
            ("https://a.b?q", "https://a.b/?q".into()),
            ("https:a", "https:a".into()),
            ("mailto:a@b.cn", "mailto:a@b.cn".into()),
        ] {
            assert_eq!(resolve(raw, Some(&b), Use::Link), Some(want), "{raw}");
        }
        assert_eq!(resolve("a/b", None, Use::Link).as_deref(), Some("a/b"));
        assert_eq!(resolve("javascript:x", Some(&b), Use::Link), None);
    }

    #[test]
    fn filtering() {
        let b = base();
        for bad in [
            "javascript:alert(1)",
            " JaVaScRiPt:alert(1)",
            "java\nscript:alert(1)",
            "\u{1}javascript:x",
            "vbscript:x",
            "data:text/html,<script>alert(1)</script>",
            "file:///etc/passwd",
            "",
        ] {
            assert_eq!(resolve(bad, Some(&b), Use::Link), None, "{bad:?}");
            assert_eq!(resolve(bad, None, Use::Image), None, "{bad:?}");
        }
        assert!(resolve("data:image/png;base64,AAAA", None, Use::Image).is_some());
        assert!(resolve("data:image/svg+xml,<svg/>", None, Use::Image).is_none());
        assert!(resolve("data:image/png;base64,AAAA", None, Use::Link).is_none());
    }
}

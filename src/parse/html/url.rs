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

use crate::parse::chars;

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

/// The URL as browsers read it: ASCII tab and newlines removed anywhere
/// (`java\nscript:` is `javascript:`), C0 controls and spaces trimmed.
fn strip(raw: &str) -> String {
    let trimmed = raw.trim_matches(|c: char| c <= ' ');
    if !trimmed.bytes().any(|b| matches!(b, b'\t' | b'\n' | b'\r')) {
        return trimmed.to_owned();
    }
    trimmed
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

/// The scheme of `url`, lower case, if it has one.
fn scheme(url: &str) -> Option<String> {
    let (candidate, _) = url.split_once(':')?;
    let mut chars = candidate.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    let rest_ok = chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    (first_ok && rest_ok).then(|| candidate.to_ascii_lowercase())
}

/// A page address to resolve against: scheme, authority and path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Base {
    scheme: String,
    /// `//host:port`, empty for schemes without one.
    authority: String,
    /// The path, starting with `/` (at least `/`).
    path: String,
    /// `?query`, possibly empty.
    query: String,
}

impl Base {
    /// Reads an absolute http(s) address; `None` for anything else.
    pub fn parse(raw: &str) -> Option<Base> {
        let url = strip(raw);
        let scheme = scheme(&url)?;
        if scheme != "http" && scheme != "https" {
            return None;
        }
        let rest = url.get(scheme.len() + 1..)?.replace('\\', "/");
        let after = rest.strip_prefix("//")?;
        let end = after.find(['/', '?', '#']).unwrap_or(after.len());
        let (host, tail) = after.split_at_checked(end)?;
        let authority = format!("//{host}");
        let tail = tail.split('#').next().unwrap_or("");
        let (path, query) = tail
            .find('?')
            .and_then(|q| tail.split_at_checked(q))
            .unwrap_or((tail, ""));
        let path = if path.is_empty() { "/" } else { path };
        Some(Base {
            scheme,
            authority,
            path: path.to_owned(),
            query: query.to_owned(),
        })
    }

    fn origin(&self) -> String {
        format!("{}:{}", self.scheme, self.authority)
    }
}

/// Resolves and filters a URL: `None` when its scheme is not allowed for
/// this use (or it is empty). Without a base, relative URLs stay relative.
pub fn resolve(raw: &str, base: Option<&Base>, usage: Use) -> Option<String> {
    let url = strip(raw);
    if url.is_empty() {
        return None;
    }
    if let Some(s) = scheme(&url) {
        let allowed = match usage {
            Use::Link => LINK_SCHEMES.contains(&s.as_str()),
            Use::Image => {
                IMAGE_SCHEMES.contains(&s.as_str())
                    || DATA_IMAGES.iter().any(|d| {
                        url.get(..d.len())
                            .is_some_and(|p| p.eq_ignore_ascii_case(d))
                    })
            }
        };
        if !allowed {
            return None;
        }
        if s == "http" || s == "https" {
            // An absolute address: only its dots are tidied.
            return Some(Base::parse(&url).map_or(url.clone(), |b| join(&b, &url_tail(&url))));
        }
        return Some(url);
    }
    let Some(base) = base else {
        return Some(url);
    };
    let reference = url.replace('\\', "/");
    if reference.starts_with("//") {
        return Some(format!("{}:{reference}", base.scheme));
    }
    if reference.starts_with('/') {
        return Some(format!("{}{}", base.origin(), tidy(&reference)));
    }
    if reference.starts_with('?') {
        return Some(format!("{}{}{reference}", base.origin(), base.path));
    }
    if reference.starts_with('#') {
        return Some(format!(
            "{}{}{}{reference}",
            base.origin(),
            base.path,
            base.query
        ));
    }
    let dir = base
        .path
        .rfind('/')
        .and_then(|i| base.path.get(..=i))
        .unwrap_or("/");
    Some(format!(
        "{}{}",
        base.origin(),
        tidy(&format!("{dir}{reference}"))
    ))
}

/// Path, query and fragment of an absolute http(s) URL.
fn url_tail(url: &str) -> String {
    let after = chars::find_str(url, "//")
        .and_then(|i| url.get(i + 2..))
        .unwrap_or_default();
    after
        .find(['/', '?', '#'])
        .and_then(|i| after.get(i..))
        .unwrap_or_default()
        .to_owned()
}

/// An absolute URL rebuilt with its path tidied.
fn join(base: &Base, tail: &str) -> String {
    if tail.starts_with('/') {
        format!("{}{}", base.origin(), tidy(tail))
    } else {
        format!("{}/{tail}", base.origin())
    }
}

/// Removes `.` and `..` segments from the path part (RFC 3986 §5.2.4); the
/// query and fragment are kept as they are.
fn tidy(reference: &str) -> String {
    let split = reference.find(['?', '#']).unwrap_or(reference.len());
    let (path, rest) = reference.split_at_checked(split).unwrap_or((reference, ""));
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    let last = segments.len().saturating_sub(1);
    for (i, seg) in segments.iter().enumerate() {
        match *seg {
            "." => {
                if i == last {
                    out.push("");
                }
            }
            ".." => {
                if out.len() > 1 {
                    out.pop();
                }
                if i == last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    let mut joined = out.join("/");
    if !joined.starts_with('/') {
        joined.insert(0, '/');
    }
    joined + rest
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
        let r = |u: &str| resolve(u, Some(&b), Use::Link);
        assert_eq!(
            r("a.pdf").as_deref(),
            Some("http://www.linhai.gov.cn/art/2024/2/1/a.pdf")
        );
        assert_eq!(
            r("../../x/./b.doc").as_deref(),
            Some("http://www.linhai.gov.cn/art/2024/x/b.doc")
        );
        assert_eq!(
            r("../../../../../../c").as_deref(),
            Some("http://www.linhai.gov.cn/c")
        );
        assert_eq!(
            r("/col/index.html").as_deref(),
            Some("http://www.linhai.gov.cn/col/index.html")
        );
        assert_eq!(
            r("//cdn.example/x.png").as_deref(),
            Some("http://cdn.example/x.png")
        );
        assert_eq!(
            r("#").as_deref(),
            Some("http://www.linhai.gov.cn/art/2024/2/1/art_1.html?x=1#")
        );
        assert_eq!(
            r("?p=2").as_deref(),
            Some("http://www.linhai.gov.cn/art/2024/2/1/art_1.html?p=2")
        );
        assert_eq!(r("HTTPS://a.b/c/../d").as_deref(), Some("https://a.b/d"));
        assert_eq!(r("mailto:a@b.cn").as_deref(), Some("mailto:a@b.cn"));
        assert_eq!(resolve("a/b", None, Use::Link).as_deref(), Some("a/b"));
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

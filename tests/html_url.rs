//! The link resolver (`parse::html::url`) against a reference written the
//! plain way (a string per step, `format!` for every join, dot segments
//! removed by RFC 3986's own steps): the same result for any address, any
//! base and either use, so that the resolver's single-allocation writing
//! changes nothing but its cost.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use yilan::parse::html::url::{resolve, Base, Use};

/// The resolver written the plain way.
mod reference {
    use yilan::parse::html::url;

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
    pub fn resolve(raw: &str, base: Option<&Base>, usage: url::Use) -> Option<String> {
        let url = strip(raw);
        if url.is_empty() {
            return None;
        }
        if let Some(s) = scheme(&url) {
            let allowed = match usage {
                url::Use::Link => url::LINK_SCHEMES.contains(&s.as_str()),
                url::Use::Image => {
                    url::IMAGE_SCHEMES.contains(&s.as_str())
                        || url::DATA_IMAGES.iter().any(|d| {
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
        let after = url
            .find("//")
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

    /// Removes `.` and `..` segments from the path part by RFC 3986 §5.2.4's
    /// own steps (an input buffer read from the front into an output
    /// buffer), not the resolver's segment list, so that the two are
    /// checked against each other; the query and fragment are kept.
    fn tidy(reference: &str) -> String {
        let split = reference.find(['?', '#']).unwrap_or(reference.len());
        let (path, rest) = reference.split_at_checked(split).unwrap_or((reference, ""));
        let mut input = path.to_owned();
        let mut output = String::new();
        while !input.is_empty() {
            if let Some(r) = input
                .strip_prefix("../")
                .or_else(|| input.strip_prefix("./"))
            {
                input = r.to_owned(); // A
            } else if input.starts_with("/./") || input == "/." {
                input.replace_range(..2, ""); // B: "/./x" → "/x", "/." → "/"
                if input.is_empty() {
                    input.push('/');
                }
            } else if input.starts_with("/../") || input == "/.." {
                input.replace_range(..3, ""); // C
                if input.is_empty() {
                    input.push('/');
                }
                output.truncate(output.rfind('/').unwrap_or(0));
            } else if input == "." || input == ".." {
                input.clear(); // D
            } else {
                // E: the first segment, with its leading "/", moves over.
                let end = input
                    .get(1..)
                    .and_then(|t| t.find('/'))
                    .map_or(input.len(), |i| i + 1);
                output.push_str(&input[..end]);
                input.replace_range(..end, "");
            }
        }
        if !output.starts_with('/') {
            output.insert(0, '/');
        }
        output + rest
    }
}

/// Pieces that addresses are made of, the awkward ones included: schemes in
/// both cases, slashes both ways, dot segments, queries, fragments, spaces,
/// tabs and newlines, non-ASCII text.
const PIECES: &[&str] = &[
    "http:",
    "HTTPS:",
    "https:",
    "mailto:",
    "tel:",
    "ftp:",
    "javascript:",
    "JaVa\nScript:",
    "data:image/png",
    "data:text/html,",
    "x-y+z.1:",
    "1a:",
    "//",
    "/",
    "\\",
    ".",
    "..",
    "./",
    "../",
    "?",
    "#",
    "=",
    "&",
    "a",
    "b.html",
    "www.gov.cn",
    ":8080",
    " ",
    "\t",
    "\n",
    "\r",
    "\u{1}",
    "中文",
    "%20",
    "@",
];

fn address() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..14).prop_map(|p| p.concat())
}

fn usage() -> impl Strategy<Value = Use> {
    prop_oneof![Just(Use::Link), Just(Use::Image)]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn resolves_as_the_reference(
        raw in address(),
        base in prop_oneof![
            address(),
            address().prop_map(|a| format!("http://www.gov.cn/{a}")),
            address().prop_map(|a| format!("HTTPS://a.b{a}")),
        ],
        usage in usage(),
    ) {
        let ours = Base::parse(&base);
        let theirs = reference::Base::parse(&base);
        prop_assert_eq!(ours.is_some(), theirs.is_some(), "base {:?}", base);
        prop_assert_eq!(
            resolve(&raw, ours.as_ref(), usage),
            reference::resolve(&raw, theirs.as_ref(), usage),
            "{:?} against {:?}", raw, base
        );
        prop_assert_eq!(resolve(&raw, None, usage), reference::resolve(&raw, None, usage));
    }
}

//! The selectors known CMSs use for the body, the metadata block, the
//! title and the breadcrumb, and the tokens, roles and tags of page chrome:
//! each element's [`marks`], worked out once when the tree is built, for
//! [`super::content`] to find the content by.

use super::events::{self, Element};

/// A simple selector.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sel {
    /// `#id` (exact).
    Id(&'static str),
    /// `.class` (ASCII case-insensitive token).
    Class(&'static str),
    /// `tag.class`.
    TagClass(&'static str, &'static str),
    /// `tag`.
    Tag(&'static str),
}

/// What a selector finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The body of the document.
    Content,
    /// A metadata block (索引号, 发布机构, …).
    Meta,
    /// The title.
    Title,
    /// The breadcrumb (当前位置).
    Crumb,
}

/// Known selectors, by role, in order of trust. Sources: the fixtures
/// (gov.cn `table.bd1` + `#UCAP-CONTENT`; Hanweb `table.xxgk`, `#zoom`,
/// `td.bt_content`, `td.title`, `.current-position`) and the common
/// templates of 拓尔思 TRS (`.TRS_Editor`, `.trs_paper_default`).
pub const SELECTORS: &[(Sel, Role)] = &[
    // gov.cn / 开普 UCAP
    (Sel::Id("UCAP-CONTENT"), Role::Content),
    (Sel::Class("pages_content"), Role::Content),
    // 拓尔思 TRS
    (Sel::Class("TRS_Editor"), Role::Content),
    (Sel::Class("trs_paper_default"), Role::Content),
    // 大汉 Hanweb
    (Sel::Id("zoom"), Role::Content),
    (Sel::Class("bt_content"), Role::Content),
    // metadata blocks
    (Sel::TagClass("table", "bd1"), Role::Meta),
    (Sel::Class("xxgk"), Role::Meta),
    (Sel::Class("xxgk_table"), Role::Meta),
    // title slots
    (Sel::Id("UCAP-TITLE"), Role::Title),
    (Sel::Class("article-title"), Role::Title),
    (Sel::TagClass("td", "title"), Role::Title),
    (Sel::Tag("h1"), Role::Title),
    // breadcrumbs
    (Sel::Class("current-position"), Role::Crumb),
    (Sel::Class("breadcrumb"), Role::Crumb),
    (Sel::Class("crumb"), Role::Crumb),
    (Sel::Class("position"), Role::Crumb),
    (Sel::Class("location"), Role::Crumb),
    (Sel::Class("dqwz"), Role::Crumb),
];

/// Class or id tokens of page chrome: share widgets (百度分享, JiaThis),
/// QR codes (二维码), 纠错, font-size and colour widgets, toolbars, menus.
const CHROME_TOKENS: &[&str] = &[
    "share",
    "bdsharebuttonbox",
    "bdshare",
    "jiathis_style",
    "fenxiang",
    "qr_container",
    "qrcode",
    "ewm",
    "erweima",
    "jiucuo",
    "font-size",
    "fontsize",
    "toolbar",
    "nav",
    "navbar",
    "menu",
    "footer",
    "sidebar",
    "advert",
    "ads",
    "cniil_wza",
];

/// Landmark roles of page chrome.
const CHROME_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "search",
    "complementary",
    "toolbar",
];

/// Tags of page chrome.
const CHROME_TAGS: &[&str] = &["nav", "aside", "footer"];

/// The bit of [`Marks`] saying an element is page chrome by its tag, role,
/// class or id; bit `i` below it says `SELECTORS[i]` matches.
pub(super) const CHROME_BIT: u32 = 1 << 31;

/// What an element is, worked out once when the tree is built: which of
/// [`SELECTORS`] it matches and whether it is chrome.
pub type Marks = u32;

/// The selector bits of one role.
pub(super) fn role_mask(role: Role) -> Marks {
    SELECTORS
        .iter()
        .enumerate()
        .filter(|(_, (_, r))| *r == role)
        .fold(0, |m, (i, _)| m | bit(i))
}

pub(super) fn bit(i: usize) -> Marks {
    u32::try_from(i)
        .ok()
        .and_then(|i| 1u32.checked_shl(i))
        .unwrap_or(0)
        & !CHROME_BIT
}

/// Like [`events::same_name`], ASCII case-insensitive.
#[inline(always)]
fn same_word(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.eq_ignore_ascii_case(b)
}

/// The marks of an element: one look at its tag, id, class and role.
pub fn marks(e: &Element) -> Marks {
    let tag = events::text(&e.tag);
    let mut m: Marks = 0;
    for (i, (sel, _)) in SELECTORS.iter().enumerate() {
        if matches!(*sel, Sel::Tag(t) if events::same_name(tag, t)) {
            m |= bit(i);
        }
    }
    if CHROME_TAGS.iter().any(|t| events::same_name(tag, t)) {
        m |= CHROME_BIT;
    }
    // Most elements have no attribute the table keeps: their tag is all.
    if e.attrs.is_empty() {
        return m;
    }
    let id = e.attr("id").map(str::trim);
    if let Some(id) = id {
        for (i, (sel, _)) in SELECTORS.iter().enumerate() {
            if matches!(*sel, Sel::Id(v) if events::same_name(id, v)) {
                m |= bit(i);
            }
        }
    }
    // Each class token once against every class of the tables.
    for token in e.attr("class").unwrap_or("").split_ascii_whitespace() {
        for (i, (sel, _)) in SELECTORS.iter().enumerate() {
            let hit = match *sel {
                Sel::Class(c) => same_word(token, c),
                Sel::TagClass(t, c) => events::same_name(tag, t) && same_word(token, c),
                Sel::Id(_) | Sel::Tag(_) => false,
            };
            if hit {
                m |= bit(i);
            }
        }
        if CHROME_TOKENS.iter().any(|t| same_word(token, t)) {
            m |= CHROME_BIT;
        }
    }
    let chrome = e.attr("role").is_some_and(|r| {
        let r = r.trim();
        CHROME_ROLES.iter().any(|c| same_word(r, c))
    }) || id.is_some_and(|i| CHROME_TOKENS.iter().any(|t| same_word(i, t)));
    if chrome {
        m |= CHROME_BIT;
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::html::filter::element;

    fn marks_of<const N: usize>(tag: &str, attrs: [(&str, &str); N]) -> Marks {
        marks(&element(tag, attrs).unwrap())
    }

    /// The bit of the selector `sel`.
    fn of(sel: Sel) -> Marks {
        bit(SELECTORS.iter().position(|(s, _)| *s == sel).unwrap())
    }

    /// Tags alone (most elements have no kept attribute), ids, class
    /// tokens in any case, tag-and-class pairs, roles and chrome tokens.
    #[test]
    fn marks_by_tag_id_class_and_role() {
        assert_eq!(marks_of("h1", []), of(Sel::Tag("h1")));
        assert_eq!(marks_of("nav", []), CHROME_BIT);
        assert_eq!(marks_of("div", []), 0);
        assert_eq!(
            marks_of("h1", [("class", "a trs_editor")]),
            of(Sel::Tag("h1")) | of(Sel::Class("TRS_Editor"))
        );
        assert_eq!(marks_of("div", [("id", " zoom ")]), of(Sel::Id("zoom")));
        assert_eq!(marks_of("div", [("id", "Zoom")]), 0);
        assert_eq!(
            marks_of("table", [("class", "x BD1")]),
            of(Sel::TagClass("table", "bd1"))
        );
        assert_eq!(marks_of("td", [("class", "bd1")]), 0);
        assert_eq!(marks_of("div", [("role", " Navigation ")]), CHROME_BIT);
        assert_eq!(marks_of("div", [("id", "share")]), CHROME_BIT);
        assert_eq!(marks_of("footer", [("class", "nav")]), CHROME_BIT);
        assert_eq!(marks_of("div", [("title", "x")]), 0);
    }
}

//! Breadcrumbs: the line that says where the page sits in the portal
//! (当前位置：首页 > 政务公开 > …), split into its crumbs and its chrome.

use crate::parse::chars::{self, TrimSpace};
use crate::parse::lines::char_count_upto;

/// How a breadcrumb line starts (当前位置: 首页 > …).
const CRUMB_PREFIXES: &[&str] = &[
    "当前位置",
    "当前所在位置",
    "您当前的位置",
    "您当前位置",
    "您当前所在位置",
    "您现在的位置",
    "您现在所在的位置",
    "您现在位置",
    "您的位置",
    "您所在的位置",
    "您所在位置",
    "你现在的位置",
    "你的位置",
    "你所在的位置",
    "所在位置",
    "现在位置",
    "位置",
];

/// What the first crumb of an unlabelled breadcrumb is called.
const HOME_WORDS: &[&str] = &["首页", "网站首页", "主页", "首 页"];

/// Separators between crumbs, longest first.
const CRUMB_SEPARATORS: &[&str] = &[">>", "＞＞", "»", "›", ">", "＞", "→"];

/// A breadcrumb line split into crumbs and chrome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Crumbs {
    /// The crumbs, outermost first.
    pub labels: Vec<String>,
    /// The prefix (当前位置:) and the separators, as written.
    pub chrome: Vec<String>,
}

/// Whether a text starts with a breadcrumb's label (当前位置, …): what a
/// breadcrumb that is neither a continuation nor at the top needs.
pub fn opens_breadcrumb(text: &str) -> bool {
    crumb_prefix(text).is_some()
}

/// The first of [`CRUMB_PREFIXES`] that `text` starts with. Every prefix
/// starts with a char of three bytes, and a text whose first three bytes
/// start none is passed over at once: this runs on every text of a page.
fn crumb_prefix(text: &str) -> Option<&'static str> {
    let lead = |s: &str| -> Option<[u8; 3]> { s.as_bytes().get(..3)?.try_into().ok() };
    let first = lead(text)?;
    if !CRUMB_PREFIXES.iter().any(|p| lead(p) == Some(first)) {
        return None;
    }
    CRUMB_PREFIXES.iter().copied().find(|p| text.starts_with(p))
}

/// Reads a breadcrumb line: one starting with 当前位置 (colon optional, spaces
/// before it allowed), a continuation starting with `>` right after one, or
/// (at the top of the page) `首页 >> …`.
pub fn breadcrumb(text: &str, after_crumb: bool, top: bool) -> Option<Crumbs> {
    let prefixed = crumb_prefix(text).map(|p| (p, text.get(p.len()..).unwrap_or_default()));
    // Without the prefix only a continuation or a top line can be one:
    // most texts stop here, before any counting.
    if prefixed.is_none() && !after_crumb && !top {
        return None;
    }
    if char_count_upto(text, 200) > 200 {
        return None;
    }
    let mut chrome = Vec::new();
    let mut rest = text;
    if let Some((prefix, after_prefix)) = prefixed {
        let trimmed = chars::trim_start_space(after_prefix);
        let after = trimmed
            .strip_prefix(':')
            .or_else(|| trimmed.strip_prefix('：'))
            .unwrap_or(trimmed);
        let labelled = after.len() != trimmed.len()
            || CRUMB_SEPARATORS.iter().any(|s| trimmed.starts_with(s))
            || (prefix != "位置" && char_count_upto(trimmed, 40) < 40);
        if !labelled {
            // "位置优越…" is a sentence, not a breadcrumb.
            return None;
        }
        // Bare 位置 labels a place as often as a path ("位置：城关镇人民路
        // 东侧" in a notice of land to be taken): a path it is only with a
        // separator in it, or from 首页.
        let path = CRUMB_SEPARATORS.iter().any(|s| chars::has_str(after, s))
            || HOME_WORDS
                .iter()
                .any(|h| chars::trim_start_space(after).starts_with(h));
        if prefix == "位置" && !path {
            return None;
        }
        let label = text.get(..text.len() - after.len()).unwrap_or_default();
        chrome.push(label.trim_end_space().to_owned());
        rest = after;
    } else {
        let starts_sep = CRUMB_SEPARATORS.iter().any(|s| text.starts_with(s));
        let home_first = top
            && HOME_WORDS.iter().any(|h| text.starts_with(h))
            && CRUMB_SEPARATORS.iter().any(|s| chars::has_str(text, s));
        if !(home_first || (after_crumb && starts_sep)) {
            return None;
        }
    }
    let mut labels = Vec::new();
    let mut label_start = 0;
    let mut pos = 0;
    while let Some(tail) = rest.get(pos..).filter(|t| !t.is_empty()) {
        if let Some(sep) = CRUMB_SEPARATORS.iter().find(|s| tail.starts_with(*s)) {
            push_label(&mut labels, rest.get(label_start..pos).unwrap_or_default());
            chrome.push((*sep).to_owned());
            pos += sep.len();
            label_start = pos;
        } else {
            pos += tail.chars().next().map_or(1, char::len_utf8);
        }
    }
    push_label(&mut labels, rest.get(label_start..).unwrap_or_default());
    Some(Crumbs { labels, chrome })
}

fn push_label(labels: &mut Vec<String>, label: &str) {
    let label = label.trim_space();
    if !label.is_empty() {
        labels.push(label.to_owned());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The look at the first char turns away no text a prefix starts, and
    /// finds the same prefix as trying each in turn.
    #[test]
    fn the_crumb_prefix_is_the_first_that_matches() {
        let plain = |t: &str| CRUMB_PREFIXES.iter().copied().find(|p| t.starts_with(p));
        let mut texts = vec![
            String::new(),
            "位".to_owned(),
            "a当前位置".to_owned(),
            "当前位置：首页 > 政务公开".to_owned(),
            "位置优越，交通便利".to_owned(),
            "关于做好防汛工作的通知".to_owned(),
        ];
        for p in CRUMB_PREFIXES {
            texts.push((*p).to_owned());
            texts.push(format!("{p}：首页>>信息公开"));
            texts.push(p.chars().skip(1).collect());
        }
        for t in &texts {
            assert_eq!(crumb_prefix(t), plain(t), "{t:?}");
        }
        assert_eq!(crumb_prefix("您当前所在位置：首页"), Some("您当前所在位置"));
    }

    #[test]
    fn breadcrumbs() {
        let c = breadcrumb("当前位置 :首页", false, true).unwrap();
        assert_eq!(c.labels, ["首页"]);
        assert_eq!(c.chrome, ["当前位置 :"]);
        let c = breadcrumb("> 政务公开 > 计划总结", true, false).unwrap();
        assert_eq!(c.labels, ["政务公开", "计划总结"]);
        assert!(breadcrumb("> 政务公开", false, false).is_none());
        assert!(breadcrumb("位置优越，交通便利。", false, true).is_none());
        let c = breadcrumb("首页 >> 公开信息内容", false, true).unwrap();
        assert_eq!(c.labels, ["首页", "公开信息内容"]);
        // How portals word the label, anywhere on the page.
        for label in [
            "您当前的位置",
            "您当前位置",
            "当前所在位置",
            "您所在位置",
            "你现在的位置",
            "您现在所在的位置",
            "你所在的位置",
        ] {
            let c = breadcrumb(&format!("{label}：首页 > 通知公告"), false, false)
                .unwrap_or_else(|| panic!("{label}"));
            assert_eq!(c.labels, ["首页", "通知公告"], "{label}");
            assert_eq!(c.chrome[0], format!("{label}："), "{label}");
        }
    }
}

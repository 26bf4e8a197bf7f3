//! Page chrome: the portal's own controls and navigation, which the reading
//! view replaces. Recognised lines are taken out of the text (and noted in the
//! [`Trace`]); breadcrumbs and actions are kept in the document.
//!
//! Sources: the 政府网站与政务新媒体 适老化改造 requirements (工信部
//! 2020〔200〕号) that put 老年模式/关怀版 toggles, 字号 and 视力保护色 widgets on
//! portal pages; the common CMS page frame (当前位置 breadcrumb, 打印/关闭).

use super::chars::{self, TrimSpace};
use super::lines::{char_count_upto, compact, is_cjk, is_space, Line, Trace};
use crate::model::{Action, Crumb, Document};

mod crumbs;
pub use crumbs::{breadcrumb, opens_breadcrumb, Crumbs};

/// What a chrome word does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Word {
    /// 老年模式 / 关怀版 toggles.
    Mode,
    /// A page action the view offers again.
    Action(Action),
    /// A widget (字号, 视力保护色, 返回顶部, …).
    Widget,
    /// A choice inside a widget (大 中 小): chrome only next to a widget word.
    Choice,
}

/// Words that make up chrome lines.
const WORDS: &[(&str, Word)] = &[
    ("进入老年模式", Word::Mode),
    ("退出老年模式", Word::Mode),
    ("老年模式", Word::Mode),
    ("长者模式", Word::Mode),
    ("关怀版", Word::Mode),
    ("进入关怀版", Word::Mode),
    ("退出关怀版", Word::Mode),
    ("关怀模式", Word::Mode),
    ("适老化", Word::Mode),
    ("无障碍", Word::Mode),
    ("无障碍浏览", Word::Mode),
    ("打印", Word::Action(Action::Print)),
    ("打印本页", Word::Action(Action::Print)),
    ("打印此页", Word::Action(Action::Print)),
    ("打印文章", Word::Action(Action::Print)),
    ("关闭", Word::Action(Action::Close)),
    ("关闭窗口", Word::Action(Action::Close)),
    ("关闭本页", Word::Action(Action::Close)),
    ("分享", Word::Action(Action::Share)),
    ("分享到", Word::Action(Action::Share)),
    ("收藏", Word::Action(Action::Bookmark)),
    ("加入收藏", Word::Action(Action::Bookmark)),
    ("字号", Word::Widget),
    ("字体", Word::Widget),
    ("浏览字号", Word::Widget),
    ("字体大小", Word::Widget),
    ("视力保护色", Word::Widget),
    ("护眼模式", Word::Widget),
    ("返回顶部", Word::Widget),
    ("回到顶部", Word::Widget),
    ("扫一扫", Word::Widget),
    ("扫一扫在手机打开当前页", Word::Widget),
    ("我要纠错", Word::Widget),
    ("大", Word::Choice),
    ("中", Word::Choice),
    ("小", Word::Choice),
    ("默认", Word::Choice),
    ("标准", Word::Choice),
    ("特大", Word::Choice),
];

/// Whole tokens that are conversion artefacts of page furniture: an image
/// with neither alternative text nor source (`![]()`).
const ARTEFACTS: &[&str] = &["![]()"];

/// Characters that separate chrome words inside a token (字号:【大 中 小】).
fn is_widget_punct(c: char) -> bool {
    matches!(
        c,
        '【' | '】'
            | '['
            | ']'
            | '［'
            | '］'
            | '('
            | ')'
            | '（'
            | '）'
            | ':'
            | '：'
            | '|'
            | '•'
            | '·'
            | '/'
            | '／'
            | '丨'
    )
}

fn word(piece: &str) -> Option<Word> {
    WORDS.iter().find(|(w, _)| *w == piece).map(|(_, k)| *k)
}

/// The action a link's script does, from its `onclick` or its `javascript:`
/// address (`window.print()`, `window.close()`, IE's `AddFavorite`,
/// Firefox's `sidebar.addPanel`), if it is one the view offers again.
pub fn script_action(script: &str) -> Option<Action> {
    if script.len() > MAX_SCRIPT_BYTES {
        return None;
    }
    let script = script.to_ascii_lowercase();
    let has = |needle: &str| chars::has_str(&script, needle);
    if has("print(") || has("printpage") {
        Some(Action::Print)
    } else if has("close(") || has("closewin") {
        Some(Action::Close)
    } else if has("favorite") || has("addpanel") || has("bookmark") {
        Some(Action::Bookmark)
    } else {
        None
    }
}

/// Longest link script [`script_action`] reads: a page action's is one
/// call; a longer script does more than that.
const MAX_SCRIPT_BYTES: usize = 200;

/// The first of the chrome words that names `action` (打印, 关闭, 分享, 收藏).
pub fn action_word(action: Action) -> &'static str {
    WORDS
        .iter()
        .find(|(_, kind)| *kind == Word::Action(action))
        .map_or("", |(word, _)| word)
}

/// Longest line the chrome rules look at, in chars.
const MAX_CHROME_CHARS: usize = 80;

/// A line made only of chrome words (打印 关闭; 进入老年模式 退出老年模式;
/// 字号:【大 中 小】; • 字体:[ ]): the actions it names, or `None`.
pub fn whole_line(text: &str) -> Option<Vec<Action>> {
    // Every line of a page is asked, and few are chrome: its first piece
    // (up to the first space or widget mark) says so for most of them.
    if !first_piece_may_be_chrome(text) {
        return None;
    }
    chrome_words(text)
}

/// [`whole_line`] without its first look.
fn chrome_words(text: &str) -> Option<Vec<Action>> {
    if char_count_upto(text, MAX_CHROME_CHARS) > MAX_CHROME_CHARS {
        return None;
    }
    let mut actions = Vec::new();
    let mut strong = false;
    for token in text.split(is_space).filter(|t| !t.is_empty()) {
        if ARTEFACTS.contains(&token) {
            strong = true;
            continue;
        }
        for piece in token.split(is_widget_punct).filter(|p| !p.is_empty()) {
            match word(piece)? {
                Word::Action(a) => {
                    strong = true;
                    if !actions.contains(&a) {
                        actions.push(a);
                    }
                }
                Word::Mode | Word::Widget => strong = true,
                Word::Choice => {}
            }
        }
    }
    strong.then_some(actions)
}

/// Longest of [`WORDS`], in chars.
const MAX_WORD_CHARS: usize = 11;

/// Whether the first piece of `text` (after any spaces and widget marks, up
/// to the next) is a chrome word or may begin an artefact: what a line of
/// chrome words starts with. Reads at most a word's length of chars past
/// the marks.
fn first_piece_may_be_chrome(text: &str) -> bool {
    let is_mark = |c: char| is_space(c) || is_widget_punct(c);
    let rest = text.trim_start_matches(is_mark);
    let mut end = rest.len();
    for (n, (at, c)) in rest.char_indices().enumerate() {
        if is_mark(c) {
            end = at;
            break;
        }
        if n == MAX_WORD_CHARS {
            return false;
        }
    }
    let piece = rest.get(..end).unwrap_or_default();
    // A line of marks alone has no word: not chrome.
    !piece.is_empty() && (word(piece).is_some() || ARTEFACTS.iter().any(|a| a.starts_with(piece)))
}

/// Site navigation words (the portal's top menu).
const NAV_WORDS: &[&str] = &[
    "首页",
    "政务公开",
    "信息公开",
    "政府信息公开",
    "网上办事",
    "政务服务",
    "办事服务",
    "互动交流",
    "政民互动",
    "新闻中心",
    "新闻动态",
    "数据开放",
    "专题专栏",
    "中国政府网",
    "English",
];
/// Endings of navigation links to other sites (黑龙江省政府网, 市人大, 市政协).
const NAV_SUFFIXES: &[&str] = &["政府网", "人大", "政协", "纪委监委", "门户网站"];
/// Openings of navigation links that take a place name (走进鹤城).
const NAV_PREFIXES: &[&str] = &["走进", "魅力", "印象"];

/// A site navigation line at the top of the page: every word a navigation
/// link, at least two of them from the table.
pub fn is_nav_line(text: &str) -> bool {
    if char_count_upto(text, MAX_CHROME_CHARS) > MAX_CHROME_CHARS {
        return false;
    }
    let tokens: Vec<&str> = text.split(is_space).filter(|t| !t.is_empty()).collect();
    let spaced = tokens.len() >= 3
        && tokens
            .iter()
            .all(|t| t.chars().count() == 1 && t.chars().all(is_cjk));
    if spaced {
        return segment_nav(&compact(text)) >= 2;
    }
    let mut hits = 0;
    for token in tokens {
        if NAV_WORDS.contains(&token) || NAV_SUFFIXES.iter().any(|s| token.ends_with(s)) {
            hits += 1;
        } else if !token.chars().all(|c| c.is_alphabetic() && !is_cjk(c)) {
            return false;
        }
    }
    hits >= 2
}

/// Splits a spaced-out menu ("首页政务公开网上办事互动交流走进鹤城") into
/// navigation words; the number of words, or 0 when some text is left over.
fn segment_nav(text: &str) -> usize {
    let mut pos = 0;
    let mut words = 0;
    while let Some(tail) = text.get(pos..).filter(|t| !t.is_empty()) {
        if let Some(w) = longest_nav(tail) {
            pos += w.len();
        } else if let Some(p) = NAV_PREFIXES.iter().find(|p| tail.starts_with(*p)) {
            pos += p.len();
            let mut taken = 0;
            while let Some(next) = text.get(pos..).filter(|t| !t.is_empty()) {
                if taken >= 4 || longest_nav(next).is_some() {
                    break;
                }
                pos += next.chars().next().map_or(1, char::len_utf8);
                taken += 1;
            }
            if taken == 0 {
                return 0;
            }
        } else {
            return 0;
        }
        words += 1;
    }
    words
}

fn longest_nav(tail: &str) -> Option<&'static str> {
    NAV_WORDS
        .iter()
        .filter(|w| tail.starts_with(*w))
        .max_by_key(|w| w.len())
        .copied()
}

/// A site banner (the portal's name, "牟定县人民政府") right above the
/// breadcrumb: short, all CJK.
fn is_banner(text: &str) -> bool {
    let n = char_count_upto(text, 20);
    (2..=20).contains(&n) && text.chars().all(is_cjk)
}

/// The chrome step: takes chrome lines out, fills the breadcrumb and actions.
pub fn strip<'a>(lines: Vec<Line<'a>>, doc: &mut Document, trace: &mut Trace) -> Vec<Line<'a>> {
    let mut out: Vec<Line<'a>> = Vec::with_capacity(lines.len());
    let mut after_crumb = false;
    for line in lines {
        if line.hints.image.is_none() {
            if let Some(actions) = whole_line(&line.text) {
                trace.chrome(line.number, line.text.clone());
                for a in actions {
                    if !doc.actions.contains(&a) {
                        doc.actions.push(a);
                    }
                }
                continue;
            }
        }
        let top = out.len() <= 1;
        let crumbs = (doc.breadcrumb.is_empty() || after_crumb)
            .then(|| breadcrumb(&line.text, after_crumb, top))
            .flatten();
        if let Some(crumbs) = crumbs {
            let banner_above = out.len() == 1
                && doc.breadcrumb.is_empty()
                && out
                    .last()
                    .is_some_and(|b| b.number + 1 == line.number && is_banner(&b.text));
            if banner_above {
                if let Some(banner) = out.pop() {
                    trace.chrome(banner.number, banner.text);
                }
            }
            for c in crumbs.chrome {
                trace.chrome(line.number, c);
            }
            for label in crumbs.labels {
                let href = line
                    .hints
                    .inlines
                    .iter()
                    .find(|i| i.text.trim_space() == label)
                    .and_then(|i| i.href.clone());
                doc.breadcrumb.push(Crumb { label, href });
            }
            after_crumb = true;
            continue;
        }
        after_crumb = false;
        if out.is_empty() && is_nav_line(&line.text) {
            trace.chrome(line.number, line.text.clone());
            continue;
        }
        out.push(line);
    }
    trace.sort_chrome();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The first look never turns away a line the words make chrome:
        /// lines of chrome words, artefacts, marks, spaces and other text.
        #[test]
        fn the_first_look_agrees_with_the_words(
            parts in proptest::collection::vec(
                "打印|关闭|字号|大|扫一扫在手机打开当前页|!\\[\\]\\(\\)|!|\\[|【|】|:|：| |\u{3000}|·|[a-z一专]{1,13}",
                0..6,
            ),
        ) {
            let line = parts.concat();
            proptest::prop_assert_eq!(whole_line(&line), chrome_words(&line), "{:?}", line);
        }
    }

    /// The first look reads as far as the longest word.
    #[test]
    fn the_longest_word_is_known() {
        let longest = WORDS.iter().map(|(w, _)| w.chars().count()).max();
        assert_eq!(longest, Some(MAX_WORD_CHARS));
    }

    #[test]
    fn widgets_and_actions() {
        assert_eq!(
            whole_line("打印 关闭"),
            Some(vec![Action::Print, Action::Close])
        );
        assert_eq!(whole_line("• 字体:[ ]"), Some(vec![]));
        assert_eq!(whole_line("字号:【大 中 小】"), Some(vec![]));
        assert_eq!(whole_line("大 中 小"), None);
        assert_eq!(whole_line("打印机采购"), None);
    }

    #[test]
    fn link_scripts() {
        for (script, action) in [
            ("javascript:window.print()", Some(Action::Print)),
            ("doPrint();return false", Some(Action::Print)),
            ("window.opener=null;window.close();", Some(Action::Close)),
            ("closeWindow()", Some(Action::Close)),
            (
                "javascript:window.external.AddFavorite(document.URL,document.title);return false",
                Some(Action::Bookmark),
            ),
            (
                "window.sidebar.addPanel(document.title, location.href, '')",
                Some(Action::Bookmark),
            ),
            ("showMenu(3)", None),
            ("", None),
        ] {
            assert_eq!(script_action(script), action, "{script}");
        }
        // A script that does more than one call is not a button's.
        let long = format!("{}window.print()", "var a = 1; ".repeat(20));
        assert_eq!(script_action(&long), None);
    }

    #[test]
    fn navigation_lines() {
        assert!(is_nav_line(
            "中国政府网 黑龙江省政府网 English Русская версия 市人大 市政协 市纪委监委"
        ));
        assert!(is_nav_line(
            "首     页 政 务 公 开 网 上 办 事 互 动 交 流 走 进 鹤 城"
        ));
        assert!(!is_nav_line("政务公开工作有序推进"));
    }
}

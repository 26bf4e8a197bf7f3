//! Heading markers (GB/T 9704-2012 §7.3.3 and common practice): the table of
//! marker forms, the shape of a numbered line (heading, run-in heading or
//! numbered item), and decimal outline numbers.
//!
//! Canonical order, outermost first: 第一部分 → 第一章 → 第一节 → 第一条 →
//! 一、 → （一） → 1. / 1、 → （1） → ①. Decimal numbers (1 / 1.1 / 1.1.1) are
//! their own family, nested by dot depth.

use super::chars::{self, TrimSpace};
use super::lines::{char_count_upto, is_space};

/// The family a marker belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MarkerKind {
    /// 第一部分
    Part,
    /// 第一章
    Chapter,
    /// 第一节
    Section,
    /// 第一条: an article (the unit laws and rules are cited by).
    Article,
    /// 一、
    CnComma,
    /// （一） or (一)
    CnParen,
    /// 1. or 1、 or 1．
    Arabic,
    /// （1） or (1) or ⑴
    ArabicParen,
    /// ①
    Circled,
    /// 1 / 1.1 / 1.1.1: decimal outline numbers, by dot depth (1-based).
    Decimal(u8),
}

impl MarkerKind {
    /// Canonical rank: smaller is outer.
    pub fn rank(self) -> i16 {
        match self {
            MarkerKind::Part => 0,
            MarkerKind::Chapter => 1,
            MarkerKind::Section => 2,
            MarkerKind::Article => 3,
            MarkerKind::CnComma => 4,
            MarkerKind::CnParen => 5,
            MarkerKind::Arabic => 6,
            MarkerKind::ArabicParen => 7,
            MarkerKind::Circled => 8,
            MarkerKind::Decimal(depth) => 10 + i16::from(depth),
        }
    }
}

/// How the number itself is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Numeral {
    Chinese,
    Arabic,
    ChineseOrArabic,
}

/// One marker form: an opening, a number, a closing.
struct Form {
    kind: MarkerKind,
    open: &'static [&'static str],
    numeral: Numeral,
    close: &'static [&'static str],
}

/// The marker forms, tried in order (the first that matches wins).
const FORMS: &[Form] = &[
    Form {
        kind: MarkerKind::Part,
        open: &["第"],
        numeral: Numeral::ChineseOrArabic,
        close: &["部分"],
    },
    Form {
        kind: MarkerKind::Chapter,
        open: &["第"],
        numeral: Numeral::ChineseOrArabic,
        close: &["章"],
    },
    Form {
        kind: MarkerKind::Section,
        open: &["第"],
        numeral: Numeral::ChineseOrArabic,
        close: &["节"],
    },
    Form {
        kind: MarkerKind::Article,
        open: &["第"],
        numeral: Numeral::ChineseOrArabic,
        close: &["条"],
    },
    Form {
        kind: MarkerKind::CnParen,
        open: &["（", "("],
        numeral: Numeral::Chinese,
        close: &["）", ")"],
    },
    Form {
        kind: MarkerKind::ArabicParen,
        open: &["（", "("],
        numeral: Numeral::Arabic,
        close: &["）", ")"],
    },
    Form {
        kind: MarkerKind::CnComma,
        open: &[""],
        numeral: Numeral::Chinese,
        close: &["、", "．"],
    },
    Form {
        kind: MarkerKind::Arabic,
        open: &[""],
        numeral: Numeral::Arabic,
        close: &["、", "．", "."],
    },
];

/// Text that, right after 第…条/章/节/部分, shows a citation inside a sentence
/// (第二十条第(一)项, 第三条规定的, 第五条之一) rather than a heading.
const CITATION_FOLLOWERS: &[&str] = &[
    "第", "之", "的", "规定", "所", "中", "至", "、", "和", "及", "或", "款", "项", "、", "，", ",",
];

/// A marker at the start of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marker {
    /// The family.
    pub kind: MarkerKind,
    /// The number's value (一 → 1, 十一 → 11, ① → 1, 1.2 → 2).
    pub value: u32,
    /// Byte offset where the marker ends (the marker is `text[..end]`).
    pub end: usize,
    /// Byte offset where the text after the marker (and its spaces) starts.
    pub rest: usize,
}

/// Parses the marker at the start of `text`, if any. Decimal numbers count
/// only when `decimal` is set (the document numbers its outline that way).
pub fn parse_marker(text: &str, decimal: bool) -> Option<Marker> {
    // Every body line is asked, most start with a plain ideograph.
    if !text.chars().next().is_some_and(may_open_marker) {
        return None;
    }
    parse_marker_at_start(text, decimal)
}

/// [`parse_marker`] without the first-char test.
fn parse_marker_at_start(text: &str, decimal: bool) -> Option<Marker> {
    if decimal {
        if let Some(m) = parse_decimal(text) {
            return Some(m);
        }
    }
    if let Some(m) = parse_circled(text) {
        return Some(m);
    }
    for form in FORMS {
        for open in form.open {
            let Some(after_open) = text.strip_prefix(open) else {
                continue;
            };
            let Some((value, len)) = parse_numeral(after_open, form.numeral) else {
                continue;
            };
            let Some(after_num) = after_open.get(len..) else {
                continue;
            };
            for close in form.close {
                let Some(after) = after_num.strip_prefix(close) else {
                    continue;
                };
                if !follower_ok(form.kind, after) {
                    continue;
                }
                let end = text.len() - after.len();
                return Some(Marker {
                    kind: form.kind,
                    value,
                    end,
                    rest: skip_spaces(text, end),
                });
            }
        }
    }
    None
}

/// Whether a marker can start with `c`: the first char of an opening in
/// [`FORMS`], of a numeral (for the forms without an opening), of a decimal
/// number, or a circled number.
fn may_open_marker(c: char) -> bool {
    matches!(c, '第' | '（' | '(' | '十' | '\u{2460}'..='\u{2487}')
        || c.is_ascii_digit()
        || is_fw_digit(c)
        || chinese_digit(c).is_some()
}

fn follower_ok(kind: MarkerKind, after: &str) -> bool {
    match kind {
        MarkerKind::Part | MarkerKind::Chapter | MarkerKind::Section | MarkerKind::Article => {
            !CITATION_FOLLOWERS.iter().any(|f| after.starts_with(f))
        }
        // "1.5万元" and "1.1 编制目的" are not "1." markers.
        MarkerKind::Arabic => !after.starts_with(|c: char| c.is_ascii_digit() || is_fw_digit(c)),
        _ => true,
    }
}

fn skip_spaces(text: &str, from: usize) -> usize {
    let tail = text.get(from..).unwrap_or("");
    text.len() - chars::trim_start_space(tail).len()
}

/// ① … ⑳ (items) and ⑴ … ⒇ (parenthesised numbers).
fn parse_circled(text: &str) -> Option<Marker> {
    let c = text.chars().next()?;
    let (kind, value) = match c {
        '\u{2460}'..='\u{2473}' => (MarkerKind::Circled, u32::from(c) - 0x245f),
        '\u{2474}'..='\u{2487}' => (MarkerKind::ArabicParen, u32::from(c) - 0x2473),
        _ => return None,
    };
    let end = c.len_utf8();
    Some(Marker {
        kind,
        value,
        end,
        rest: skip_spaces(text, end),
    })
}

/// 1 / 1.1 / 1.1.1 followed by a space (as outline numbering prints them;
/// "1.5万元" is a quantity): the dot depth is the level.
fn parse_decimal(text: &str) -> Option<Marker> {
    let bytes = text.as_bytes();
    let digit_at = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    let mut i = 0;
    let mut depth = 0u8;
    let mut value: u32;
    loop {
        let start = i;
        while digit_at(i) && i - start < 3 {
            i += 1;
        }
        if i == start || digit_at(i) {
            return None;
        }
        value = text.get(start..i)?.parse().ok()?;
        depth = depth.saturating_add(1);
        if bytes.get(i) == Some(&b'.') && digit_at(i + 1) {
            i += 1;
            continue;
        }
        break;
    }
    let after = text.get(i..)?;
    let next = after.chars().next()?;
    if depth > 4 || value == 0 || !is_space(next) {
        return None;
    }
    if depth == 1 && value > 99 {
        return None;
    }
    Some(Marker {
        kind: MarkerKind::Decimal(depth),
        value,
        end: i,
        rest: skip_spaces(text, i),
    })
}

fn is_fw_digit(c: char) -> bool {
    ('０'..='９').contains(&c)
}

fn parse_numeral(text: &str, numeral: Numeral) -> Option<(u32, usize)> {
    match numeral {
        Numeral::Chinese => parse_chinese(text),
        Numeral::Arabic => parse_arabic(text),
        Numeral::ChineseOrArabic => parse_chinese(text).or_else(|| parse_arabic(text)),
    }
}

/// 1 to 3 ASCII or full-width digits.
fn parse_arabic(text: &str) -> Option<(u32, usize)> {
    let mut value = 0u32;
    let mut len = 0usize;
    for (n, c) in text.chars().enumerate() {
        let digit = match c {
            '0'..='9' => u32::from(c) - u32::from('0'),
            '０'..='９' => u32::from(c) - u32::from('０'),
            _ => break,
        };
        if n >= 3 {
            return None;
        }
        value = value * 10 + digit;
        len += c.len_utf8();
    }
    (len > 0).then_some((value, len))
}

/// Whether [`parse_chinese`] reads `c` as part of a numeral.
pub fn is_chinese_numeral(c: char) -> bool {
    chinese_digit(c).is_some() || c == '十' || c == '百'
}

fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// A Chinese numeral up to 九百九十九 (一, 十一, 二十, 一百零五).
pub fn parse_chinese(text: &str) -> Option<(u32, usize)> {
    let mut total = 0u32;
    let mut digit: Option<u32> = None;
    let mut len = 0usize;
    for (n, c) in text.chars().enumerate() {
        if n >= 6 {
            break;
        }
        if let Some(d) = chinese_digit(c) {
            digit = Some(d);
        } else if c == '十' {
            total += digit.unwrap_or(1) * 10;
            digit = None;
        } else if c == '百' {
            total += digit?.max(1) * 100;
            digit = None;
        } else {
            break;
        }
        len += c.len_utf8();
    }
    total += digit.unwrap_or(0);
    (len > 0 && total > 0).then_some((total, len))
}

/// Whether the document numbers its outline with decimals (1.1, 1.2, …):
/// at least two short lines start with a two-level decimal number.
pub fn uses_decimal<'a>(texts: impl Iterator<Item = &'a str>) -> bool {
    let mut seen = 0;
    for text in texts {
        if let Some(m) = parse_decimal(text) {
            let rest = text.get(m.rest..).unwrap_or("");
            if matches!(m.kind, MarkerKind::Decimal(d) if d >= 2)
                && matches!(shape(rest), Shape::Heading)
            {
                seen += 1;
                if seen >= 2 {
                    return true;
                }
            }
        }
    }
    false
}

/// Longest heading text, in chars.
pub const HEADING_MAX_CHARS: usize = 50;
/// Longest run-in heading phrase before its 。, in chars.
pub const RUN_IN_MAX_CHARS: usize = 40;

/// What a numbered line is, judged from the text after its marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A heading on its own: short, no sentence inside, no closing
    /// punctuation other than a single 。 ("（一）制订实施…方案。").
    Heading,
    /// A run-in heading: a short phrase ending with 。 and more text after it;
    /// `split` is the byte offset just after that 。.
    RunIn {
        /// Byte offset just after the phrase's 。.
        split: usize,
    },
    /// A numbered item: a sentence or more ("1.贯彻执行…;参与…。").
    Item,
}

/// Punctuation that ends a clause: a heading never ends with it.
fn is_clause_end(c: char) -> bool {
    matches!(
        c,
        '。' | '，' | ',' | '；' | ';' | '：' | ':' | '！' | '!' | '？' | '?' | '、'
    )
}

/// Punctuation that shows a phrase is a sentence, not a heading.
fn is_phrase_breaker(c: char) -> bool {
    matches!(c, '，' | ',' | '；' | ';' | '：' | ':')
}

/// The shape of the text after a marker.
pub fn shape(rest: &str) -> Shape {
    let Some(stop) = rest.find('。') else {
        let short = char_count_upto(rest, HEADING_MAX_CHARS) <= HEADING_MAX_CHARS;
        let ends_open = rest.chars().last().is_some_and(is_clause_end);
        return if short && !ends_open {
            Shape::Heading
        } else {
            Shape::Item
        };
    };
    let phrase = rest.get(..stop).unwrap_or_default();
    let split = stop + '。'.len_utf8();
    if phrase.is_empty()
        || phrase.chars().any(is_phrase_breaker)
        || char_count_upto(phrase, RUN_IN_MAX_CHARS) > RUN_IN_MAX_CHARS
    {
        return Shape::Item;
    }
    if rest
        .get(split..)
        .unwrap_or_default()
        .trim_space()
        .is_empty()
    {
        Shape::Heading
    } else {
        Shape::RunIn { split }
    }
}

/// A short lead phrase at the start of `text` ending with 。: the byte offset
/// just after the 。, when the phrase is short and has no clause breaks.
pub fn lead_phrase(text: &str) -> Option<usize> {
    match shape(text) {
        Shape::RunIn { split } => Some(split),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first-char test lets through every form of the table.
    #[test]
    fn every_form_may_open() {
        for form in FORMS {
            for open in form.open {
                let numerals: &[&str] = match form.numeral {
                    Numeral::Chinese => &["一", "十", "二十", "两", "〇"],
                    Numeral::Arabic => &["1", "９"],
                    Numeral::ChineseOrArabic => &["一", "十", "1"],
                };
                for numeral in numerals {
                    let text = format!("{open}{numeral}{}标题", form.close[0]);
                    let first = text.chars().next().unwrap();
                    assert!(may_open_marker(first), "{text}");
                }
            }
        }
        assert!(may_open_marker('①') && may_open_marker('⒇') && may_open_marker('3'));
        assert!(!may_open_marker('今') && !may_open_marker('、'));
        // No marker starts with a char the test turns away.
        let tails = ["", "、标题", "一、", "1.1 标题", "十、", "）", "条 总则"];
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            if may_open_marker(c) {
                continue;
            }
            for tail in tails {
                let text = format!("{c}{tail}");
                assert_eq!(parse_marker_at_start(&text, true), None, "{text}");
            }
        }
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(parse_chinese("十一、"), Some((11, "十一".len())));
        assert_eq!(parse_chinese("二十"), Some((20, "二十".len())));
        assert_eq!(parse_chinese("一百零五条"), Some((105, "一百零五".len())));
        assert_eq!(parse_chinese("是"), None);
    }
}

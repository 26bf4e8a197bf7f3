//! Char walks for the hot loops of the parser. The standard `char_indices`
//! is a call per char into an out-of-line decoder in the size-optimised
//! builds (wasm, release); this one decodes in place, a byte test for ASCII
//! and a few shifts for the rest, and gives the same pairs.

use std::borrow::Cow;

use super::lines::is_space;
use crate::words;

/// Like `str::char_indices`: each char of the text with its byte offset.
#[derive(Debug, Clone)]
pub struct CharIndices<'a> {
    bytes: &'a [u8],
    pos: usize,
}

/// The chars of `text` with their byte offsets, as `text.char_indices()`.
pub fn char_indices(text: &str) -> CharIndices<'_> {
    CharIndices {
        bytes: text.as_bytes(),
        pos: 0,
    }
}

impl Iterator for CharIndices<'_> {
    type Item = (usize, char);

    #[inline(always)]
    fn next(&mut self) -> Option<(usize, char)> {
        let at = self.pos;
        let (c, len) = decode(self.bytes, at)?;
        self.pos = at + len;
        Some((at, c))
    }
}

/// Whether `b` leads the UTF-8 of a char from U+4000 to U+EFFF (three
/// bytes): CJK ideographs, Yi, Hangul, private use. None of them is a
/// space, a colon, a bullet or a mark any rule looks for, so a walk that
/// only looks for those steps over such a char without decoding it.
#[inline(always)]
pub fn is_plain_lead(b: u8) -> bool {
    matches!(b, 0xe4..=0xee)
}

/// Whether `text` holds `c`, like `text.contains(c)`. The standard search
/// for a char outside ASCII encodes it and runs the general substring
/// search, which in the wasm build sets up a two-way searcher per call;
/// this one looks for one byte of the char's UTF-8, eight bytes at a
/// time, and checks the rest where it finds that byte.
#[inline]
pub fn has_char(text: &str, c: char) -> bool {
    if c.is_ascii() {
        // `[u8]::contains` runs on memchr.
        return text.as_bytes().contains(&(c as u8));
    }
    let mut buf = [0u8; 4];
    has_str(text, c.encode_utf8(&mut buf))
}

/// Whether `text` holds `needle`, like `text.contains(needle)`, by the byte
/// search of [`has_char`]: meant for the short words the rules look for.
pub fn has_str(text: &str, needle: &str) -> bool {
    each_match(text, needle, &mut |_| true)
}

/// Where `needle` first starts in `text`, like `text.find(needle)`.
pub fn find_str(text: &str, needle: &str) -> Option<usize> {
    match_at(text, needle, true)
}

/// Where `needle` last starts in `text`, like `text.rfind(needle)`.
pub fn rfind_str(text: &str, needle: &str) -> Option<usize> {
    match_at(text, needle, false)
}

/// Where the ASCII `byte` last is in `text`, like `text.rfind(c)` for an
/// ASCII `c`: a walk back over the bytes, where the char search brings a
/// reverse searcher of its own into the wasm.
pub fn rfind_byte(text: &str, byte: u8) -> Option<usize> {
    debug_assert!(byte.is_ascii());
    text.bytes().rposition(|b| b == byte)
}

/// `text` split around the last ASCII `byte`, like `text.rsplit_once(c)`
/// for an ASCII `c` (see [`rfind_byte`]).
pub fn rsplit_once_byte(text: &str, byte: u8) -> Option<(&str, &str)> {
    let at = rfind_byte(text, byte)?;
    Some((text.get(..at)?, text.get(at + 1..)?))
}

/// The first match of `needle` in `text` when `first`, else the last.
fn match_at(text: &str, needle: &str, first: bool) -> Option<usize> {
    let mut at = None;
    each_match(text, needle, &mut |start| {
        at = Some(start);
        first
    });
    at
}

/// The byte search behind [`has_str`], [`find_str`] and [`rfind_str`]:
/// calls `found` with each place `needle` starts in `text`, in order, until
/// it returns true, and says whether it did (an empty needle is found at 0
/// and at the end). Words without the needle's key byte are skipped whole.
/// A match of UTF-8 bytes always starts on a char boundary, so comparing
/// bytes is exact; and in the wasm build it spares core's two-way string
/// searcher and the panic formatting that comes with it. One copy for the
/// three (`found` is called only at a match).
fn each_match(text: &str, needle: &str, found: &mut dyn FnMut(usize) -> bool) -> bool {
    let hay = text.as_bytes();
    let needle = needle.as_bytes();
    // The byte looked for: the last one, which in Chinese text is spread
    // over 64 values, except for a two-byte char, whose lead byte (Latin,
    // Greek, nbsp) is rare there.
    let key_at = match needle {
        [lead, _] if *lead >= 0xc0 => 0,
        _ => needle.len().saturating_sub(1),
    };
    let Some(&key) = needle.get(key_at) else {
        return found(0) || found(hay.len());
    };
    words::any_marked(
        hay,
        |word| words::equal_bytes(word, key),
        |i| {
            hay.get(i) == Some(&key)
                && i.checked_sub(key_at).is_some_and(|start| {
                    start
                        .checked_add(needle.len())
                        .and_then(|end| hay.get(start..end))
                        == Some(needle)
                        && found(start)
                })
        },
    )
}

/// Whether `text` holds a tab, a no-break space, a zero-width space or a
/// byte order mark: what the tidying of page text replaces or drops. One
/// pass for the four, like `text.contains(['\t', '\u{a0}', '\u{200b}',
/// '\u{feff}'])`: words holding none of their last bytes are skipped.
pub fn has_odd_space(text: &str) -> bool {
    let hay = text.as_bytes();
    let marks = |word| {
        words::equal_bytes(word, b'\t')
            | words::equal_bytes(word, 0xa0)
            | words::equal_bytes(word, 0x8b)
            | words::equal_bytes(word, 0xbf)
    };
    words::any_marked(hay, marks, |i| odd_space_ends_at(hay, i))
}

/// The text with the chars of [`has_odd_space`] tidied, so rules see one
/// kind of space: nbsp and tabs become plain spaces, zero-width spaces and
/// byte order marks go (U+3000 stays: it is meaningful inside spaced-out
/// labels and is whitespace to every rule). Borrowed when there are none.
pub fn tidy_spaces(text: &str) -> Cow<'_, str> {
    if !has_odd_space(text) {
        return Cow::Borrowed(text);
    }
    text.chars()
        .filter(|c| !matches!(c, '\u{200b}' | '\u{feff}'))
        .map(|c| if matches!(c, '\u{a0}' | '\t') { ' ' } else { c })
        .collect()
}

/// Whether one of the chars of [`has_odd_space`] ends at byte `i`.
#[inline(always)]
fn odd_space_ends_at(hay: &[u8], i: usize) -> bool {
    let before = |n: usize| i.checked_sub(n).and_then(|s| hay.get(s..i));
    match hay.get(i) {
        Some(b'\t') => true,
        Some(0xa0) => before(1) == Some(&[0xc2]),
        Some(0x8b) => before(2) == Some(&[0xe2, 0x80]),
        Some(0xbf) => before(2) == Some(&[0xef, 0xbb]),
        _ => false,
    }
}

/// Whether `text` holds one of `marks`, like `text.contains(marks)`; a walk
/// that steps over the chars [`is_plain_lead`] announces when no mark is
/// among them (punctuation never is), and over ASCII when no mark is ASCII.
pub fn contains_any(text: &str, marks: &[char]) -> bool {
    if marks.iter().any(|c| ('\u{4000}'..='\u{efff}').contains(c)) {
        return text.contains(marks);
    }
    let ascii = marks.iter().any(char::is_ascii);
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        if b < 0x80 {
            if ascii && marks.contains(&char::from(b)) {
                return true;
            }
            at += 1;
            continue;
        }
        if is_plain_lead(b) {
            at += 3;
            continue;
        }
        let Some((c, len)) = decode(bytes, at) else {
            return false;
        };
        if marks.contains(&c) {
            return true;
        }
        at += len;
    }
    false
}

/// `text` without its leading whitespace (`lines::is_space`), like
/// `text.trim_start_matches(is_space)`: ASCII whitespace, most of what
/// pages indent with, is skipped by bytes, and a text that then starts
/// with other ASCII or a char [`is_plain_lead`] announces (none of them
/// space) is returned without the char walk.
pub fn trim_start_space(text: &str) -> &str {
    let ascii = text
        .bytes()
        .position(|b| !matches!(b, b'\t'..=b'\r' | b' '))
        .unwrap_or(text.len());
    let rest = text.get(ascii..).unwrap_or_default();
    match rest.as_bytes().first() {
        Some(&b) if b >= 0x80 && !is_plain_lead(b) => rest.trim_start_matches(is_space),
        _ => rest,
    }
}

/// `text` without its trailing whitespace (`lines::is_space`), like
/// `text.trim_end_matches(is_space)`: ASCII whitespace is dropped by bytes,
/// and a text that then ends with other ASCII or a char [`is_plain_lead`]
/// announces is returned without the char walk.
pub fn trim_end_space(text: &str) -> &str {
    let bytes = text.as_bytes();
    let kept = bytes
        .iter()
        .rposition(|b| !matches!(b, b'\t'..=b'\r' | b' '))
        .map_or(0, |last| last + 1);
    let rest = text.get(..kept).unwrap_or_default();
    let plain_end = match rest.as_bytes() {
        [] => true,
        [.., last] if *last < 0x80 => true,
        // A plain lead is never a continuation byte: three from the end,
        // it starts the last char.
        [.., lead, _, _] => is_plain_lead(*lead),
        _ => false,
    };
    if plain_end {
        rest
    } else {
        rest.trim_end_matches(is_space)
    }
}

/// The trims of the parser's whitespace (`lines::is_space`) as methods on
/// `str`, so that they chain like the standard trims they replace.
pub trait TrimSpace {
    /// [`trim_start_space`] and [`trim_end_space`]: like
    /// `trim_matches(is_space)`.
    fn trim_space(&self) -> &str;
    /// [`trim_end_space`]: like `trim_end_matches(is_space)`.
    fn trim_end_space(&self) -> &str;
}

impl TrimSpace for str {
    fn trim_space(&self) -> &str {
        trim_end_space(trim_start_space(self))
    }

    fn trim_end_space(&self) -> &str {
        trim_end_space(self)
    }
}

/// The char starting at byte `at` of UTF-8 `bytes` (taken from a `str`, `at`
/// on a char boundary) and its length in bytes; `None` at the end.
// Always inlined: a call per char is the cost this module avoids.
#[inline(always)]
pub fn decode(bytes: &[u8], at: usize) -> Option<(char, usize)> {
    let low = |b: u8| u32::from(b & 0x3f);
    let (cp, len) = match *bytes.get(at..)? {
        [b0, ..] if b0 < 0x80 => return Some((char::from(b0), 1)),
        [b0, b1, ..] if b0 < 0xe0 => ((u32::from(b0 & 0x1f) << 6) | low(b1), 2),
        [b0, b1, b2, ..] if b0 < 0xf0 => {
            ((u32::from(b0 & 0x0f) << 12) | (low(b1) << 6) | low(b2), 3)
        }
        [b0, b1, b2, b3, ..] => (
            (u32::from(b0 & 0x07) << 18) | (low(b1) << 12) | (low(b2) << 6) | low(b3),
            4,
        ),
        _ => return None,
    };
    Some((char::from_u32(cp)?, len))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_pairs_as_the_standard_walk() {
        let texts = [
            "",
            "a",
            "索 引 号：123\u{3000}发布日期: 2024年",
            "\u{7f}\u{80}\u{7ff}\u{800}\u{ffff}\u{10000}\u{10ffff}é😀\u{feff}",
            "mixed ascii 与中文 and 𠀀 supplementary",
        ];
        for text in texts {
            let mine: Vec<(usize, char)> = char_indices(text).collect();
            let std: Vec<(usize, char)> = text.char_indices().collect();
            assert_eq!(mine, std, "{text:?}");
        }
        let all: String = (0..0x11_0000u32)
            .step_by(97)
            .filter_map(char::from_u32)
            .collect();
        assert!(char_indices(&all).eq(all.char_indices()));
        for c in all.chars() {
            let mut buf = [0; 4];
            let lead = c.encode_utf8(&mut buf).as_bytes()[0];
            if is_plain_lead(lead) {
                assert!(('\u{4000}'..='\u{efff}').contains(&c), "{c:?}");
            }
        }
    }

    #[test]
    fn marks_are_found_as_the_standard_search_finds_them() {
        let prose = ['，', '。', '；', '！', '？'];
        let mixed = ['a', '，'];
        let entry = ['。', '，', ',', '；', ';', '：', ':'];
        for text in [
            "",
            "今年以来，工作有序推进",
            "首页 > 通知公告",
            "ascii, only. text",
            "𠀀😀é“引号”。",
            "\u{fe10}\u{ff0d}\u{3001}",
            "目录 第一章 总则 3",
            "第二章：职责",
            "a;b",
        ] {
            for marks in [&prose[..], &mixed[..], &entry[..], &[][..]] {
                assert_eq!(
                    contains_any(text, marks),
                    text.contains(marks),
                    "{text:?} {marks:?}"
                );
            }
        }
    }

    #[test]
    fn space_is_trimmed_as_the_char_walk_trims_it() {
        for text in [
            "",
            "   ",
            "\n\t \u{b}\u{c}\r x ",
            " \u{3000}\u{a0}\u{200b}\u{feff} 当前位置",
            "\u{85}\u{2028} a",
            "当前位置",
            "  \u{1}a",
            "\u{1c}\u{1f} x",
            "\u{85}x",
            "中\u{3000}",
            " 中",
            "\u{2028}\u{2029}\u{202f}\u{205f}\u{1680}中",
            "：值",
        ] {
            assert_eq!(
                trim_start_space(text),
                text.trim_start_matches(is_space),
                "{text:?}"
            );
            for text in [text.to_owned(), text.chars().rev().collect::<String>()] {
                let text = text.as_str();
                assert_eq!(
                    trim_end_space(text),
                    text.trim_end_matches(is_space),
                    "{text:?}"
                );
                assert_eq!(text.trim_space(), text.trim_matches(is_space), "{text:?}");
                assert_eq!(text.trim_end_space(), text.trim_end_matches(is_space));
            }
        }
    }

    #[test]
    fn chars_and_words_are_found_as_the_standard_search_finds_them() {
        let texts = [
            "",
            "a",
            "今年以来，工作有序推进。",
            "索 引 号：123\u{3000}发布日期: 2024年5月",
            "x\u{a0}y\u{200b}z\u{feff}\tw",
            "\u{7f}\u{80}\u{7ff}\u{800}\u{ffff}\u{10000}\u{10ffff}é😀",
            "各区县人民政府，市政府各部门：此件公开发布",
            "〔2024〕3号 〕〔 (试行)",
            "\u{2000}\u{a0}\u{c2}\u{a1}\u{e0}\u{a0}",
            "一\u{200b}二",
            "一二三\u{feff}",
            "tab\there",
            "\u{a0}",
            "\u{ff1b}\u{ff1c}\u{9a}\u{2060}\u{200a}\u{8b}\u{bf}",
            "https://www.gov.cn//a - 通知——国务院 | 中国政府网 - ",
        ];
        let needles = [
            "。",
            "年",
            "月",
            "日",
            "：",
            "〔",
            "〕",
            "\u{a0}",
            "\u{200b}",
            "\u{feff}",
            "\t",
            "a",
            "😀",
            "\u{80}",
            "\u{ffff}",
            "é",
            "\u{10ffff}",
            "人民政府",
            "公开发布",
            "无正文",
            "",
            "年5",
            "\u{a0}\u{c2}",
            "\t\u{a0}",
            "\u{200b}\u{feff}",
            ":：",
            "a年",
            "//",
            " - ",
            "——",
            " | ",
        ];
        for text in texts {
            // Every offset, to cross the eight-byte words at every place.
            for pad in 0..9 {
                let padded = format!("{}{text}{}", "-".repeat(pad), "一".repeat(pad % 3));
                let odd = ['\t', '\u{a0}', '\u{200b}', '\u{feff}'];
                assert_eq!(has_odd_space(&padded), padded.contains(odd), "{padded:?}");
                for needle in needles {
                    assert_eq!(
                        find_str(&padded, needle),
                        padded.find(needle),
                        "{padded:?} {needle:?}"
                    );
                    assert_eq!(
                        rfind_str(&padded, needle),
                        padded.rfind(needle),
                        "{padded:?} {needle:?}"
                    );
                    assert_eq!(
                        has_str(&padded, needle),
                        padded.contains(needle),
                        "{padded:?} {needle:?}"
                    );
                    if let Some(c) = needle
                        .chars()
                        .next()
                        .filter(|_| needle.chars().count() == 1)
                    {
                        assert_eq!(has_char(&padded, c), padded.contains(c), "{padded:?} {c:?}");
                    }
                }
            }
        }
        let all: String = (0..0x11_0000u32)
            .step_by(89)
            .filter_map(char::from_u32)
            .collect();
        for c in all.chars().step_by(7) {
            assert!(has_char(&all, c), "{c:?}");
        }
        for c in ['\u{a0}', '年', '\u{10ffff}'] {
            assert_eq!(has_char(&all, c), all.contains(c), "{c:?}");
        }
    }

    #[test]
    fn bytes_are_found_last_as_the_standard_search_finds_them() {
        for text in [
            "",
            ".",
            "/",
            "方案.pdf",
            "/files/2024/通知.附件.docx",
            "no mark at all",
            "a.b/c.d/",
            "mail@example.gov.cn",
            "一\n二\n",
        ] {
            for byte in [b'.', b'/', b'\n'] {
                let c = char::from(byte);
                assert_eq!(rfind_byte(text, byte), text.rfind(c), "{text:?} {c:?}");
                assert_eq!(
                    rsplit_once_byte(text, byte),
                    text.rsplit_once(c),
                    "{text:?} {c:?}"
                );
            }
        }
    }
}

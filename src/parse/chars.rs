//! Char walks for the hot loops of the parser. The standard `char_indices`
//! is a call per char into an out-of-line decoder in the size-optimised
//! builds (wasm, release); this one decodes in place, a byte test for ASCII
//! and a few shifts for the rest, and gives the same pairs.

use super::lines::is_space;

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

/// Whether the text holds a half- or full-width colon (`:`, `：`).
pub fn has_colon(text: &str) -> bool {
    // Both searches run on memchr: `：` by its last byte, then checked.
    text.as_bytes().contains(&b':') || text.contains('：')
}

/// Whether `text` holds one of `marks`, like `text.contains(marks)`; a walk
/// that steps over ASCII and the chars [`is_plain_lead`] announces when no
/// mark is among them (punctuation never is).
pub fn contains_any(text: &str, marks: &[char]) -> bool {
    let plain = |c: &char| ('\u{4000}'..='\u{efff}').contains(c) || c.is_ascii();
    if marks.iter().any(plain) {
        return text.contains(marks);
    }
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        if b < 0x80 {
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
/// pages indent with, is skipped by bytes before the char walk.
pub fn trim_start_space(text: &str) -> &str {
    let ascii = text
        .bytes()
        .position(|b| !matches!(b, b'\t'..=b'\r' | b' '))
        .unwrap_or(text.len());
    text.get(ascii..)
        .unwrap_or_default()
        .trim_start_matches(is_space)
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
        for text in [
            "",
            "今年以来，工作有序推进",
            "首页 > 通知公告",
            "ascii, only. text",
            "𠀀😀é“引号”。",
            "\u{fe10}\u{ff0d}\u{3001}",
        ] {
            for marks in [&prose[..], &mixed[..], &[][..]] {
                assert_eq!(
                    contains_any(text, marks),
                    text.contains(marks),
                    "{text:?} {marks:?}"
                );
            }
        }
    }

    #[test]
    fn leading_space_is_trimmed_as_the_char_walk_trims_it() {
        for text in [
            "",
            "   ",
            "\n\t \u{b}\u{c}\r x ",
            " \u{3000}\u{a0}\u{200b}\u{feff} 当前位置",
            "\u{85}\u{2028} a",
            "当前位置",
            "  \u{1}a",
        ] {
            assert_eq!(
                trim_start_space(text),
                text.trim_start_matches(is_space),
                "{text:?}"
            );
        }
    }

    #[test]
    fn colons_are_found_by_bytes() {
        for (text, want) in [
            ("", false),
            ("a:b", true),
            ("索引号：1", true),
            ("：", true),
            ("发布日期 2024", false),
            ("\u{ff1b}\u{ff1c}\u{9a}", false),
            ("ｚ\u{ff1b}", false),
        ] {
            assert_eq!(has_colon(text), want, "{text:?}");
            assert_eq!(text.contains([':', '：']), want);
        }
    }
}

//! Eight bytes at a time: the word tests the hot scans share (the parser's
//! text walks, the event decoder, the JSON reader and writer, the HTML
//! escaper). Each test is exact whenever it says "none", so a scan may
//! skip a whole word on it and look at the bytes one by one otherwise.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The eight bytes from `at`, as a little-endian word (`None` when fewer
/// are left).
#[inline(always)]
pub(crate) fn word_at(bytes: &[u8], at: usize) -> Option<u64> {
    bytes
        .get(at..at.checked_add(8)?)
        .and_then(|chunk| <[u8; 8]>::try_from(chunk).ok())
        .map(u64::from_le_bytes)
}

/// Whether some byte of `word` is below `n` (at most 128): the borrow of a
/// byte's subtraction sets its high bit only where it was below.
#[inline(always)]
pub(crate) fn has_byte_below(word: u64, n: u8) -> bool {
    word.wrapping_sub(ONES * u64::from(n)) & !word & HIGHS != 0
}

/// Whether some byte of `word` is `byte` (a zero byte of `word ^ byte…`).
#[inline(always)]
pub(crate) fn has_byte(word: u64, byte: u8) -> bool {
    has_byte_below(word ^ (ONES * u64::from(byte)), 1)
}

/// Whether every byte of `word` is above ASCII (inside CJK text, mostly).
#[inline(always)]
pub(crate) fn all_high(word: u64) -> bool {
    word & HIGHS == HIGHS
}

/// Whether `word` holds a byte a JSON string cannot carry as it is: a
/// control character, `"` or `\`.
#[inline(always)]
pub(crate) fn has_json_special(word: u64) -> bool {
    has_byte_below(word, 0x20) || has_byte(word, b'"') || has_byte(word, b'\\')
}

/// How many bytes at the start of `bytes`, in whole words, hold no word
/// that `hit` finds something in: the rest is for a byte-by-byte look.
#[inline(always)]
pub(crate) fn clear_words(bytes: &[u8], hit: impl Fn(u64) -> bool) -> usize {
    let mut at = 0;
    while let Some(word) = word_at(bytes, at) {
        if hit(word) {
            break;
        }
        at += 8;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "ab cd\u{1}通知，x\ty\"z\\";

    #[test]
    fn words_tell_bytes_below_a_bound() {
        let bytes = TEXT.as_bytes();
        for at in 0..bytes.len() {
            let Some(word) = word_at(bytes, at) else {
                assert!(at + 8 > bytes.len());
                continue;
            };
            for n in [1u8, 0x20, 0x21, 0x80] {
                let plain = bytes[at..at + 8].iter().any(|&b| b < n);
                assert_eq!(has_byte_below(word, n), plain, "{at} {n}");
            }
            for byte in [b'"', b'\\', b'\t', b' '] {
                assert_eq!(has_byte(word, byte), bytes[at..at + 8].contains(&byte));
            }
            let eight = &bytes[at..at + 8];
            assert_eq!(all_high(word), eight.iter().all(|&b| b >= 0x80));
            let special = eight.iter().any(|&b| b < 0x20 || b == b'"' || b == b'\\');
            assert_eq!(has_json_special(word), special, "{at}");
        }
    }

    #[test]
    fn clear_words_stop_at_the_first_word_with_a_hit() {
        let bytes = "通知通知通知通知\u{1}".as_bytes();
        let clear = clear_words(bytes, |w| has_byte_below(w, 7));
        assert_eq!(clear % 8, 0);
        assert!(clear <= 24 && clear + 8 > 24, "{clear}");
        assert_eq!(clear_words(b"abc", |_| true), 0);
        assert_eq!(clear_words(b"abcdefghij", |_| false), 8);
    }
}

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

/// The high bit of each byte of `word` that is `byte`, and no other bit:
/// exact, unlike [`has_byte`] (no borrow crosses bytes), so that a scan can
/// visit just the bytes it marks.
#[inline(always)]
pub(crate) fn equal_bytes(word: u64, byte: u8) -> u64 {
    let x = word ^ (ONES * u64::from(byte));
    !(((x & !HIGHS) + !HIGHS) | x) & HIGHS
}

/// How many bytes of `word` continue a UTF-8 char (`10xxxxxx`): bit 7
/// set, bit 6 clear.
#[inline(always)]
pub(crate) fn continuation_bytes(word: u64) -> u32 {
    (word & !(word << 1) & HIGHS).count_ones()
}

/// Whether `hit` holds at some position of `bytes` that `marks` marks in
/// its word (as [`equal_bytes`] marks, a high bit per byte); past the last
/// whole word, `hit` is asked at each position. The byte searches' walk:
/// it looks only where a key byte is, not at each byte of a word that has
/// one.
#[inline(always)]
pub(crate) fn any_marked(
    bytes: &[u8],
    marks: impl Fn(u64) -> u64,
    mut hit: impl FnMut(usize) -> bool,
) -> bool {
    let mut at = 0;
    while let Some(word) = word_at(bytes, at) {
        let mut hits = marks(word);
        while hits != 0 {
            if hit(at + (hits.trailing_zeros() / 8) as usize) {
                return true;
            }
            hits &= hits - 1;
        }
        at += 8;
    }
    (at..bytes.len()).any(&mut hit)
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
    fn equal_bytes_are_marked_exactly() {
        for bytes in [
            [0u8, 1, 0x7f, 0x80, 0x81, 0xa0, 0xff, 0xa0],
            [0xa0; 8],
            [0x20; 8],
        ] {
            let word = u64::from_le_bytes(bytes);
            for key in [0u8, 1, 0x7f, 0x80, 0xa0, 0xff, 0x20] {
                let want = bytes
                    .iter()
                    .enumerate()
                    .filter(|(_, b)| **b == key)
                    .fold(0u64, |m, (i, _)| m | 0x80 << (8 * i));
                assert_eq!(equal_bytes(word, key), want, "{bytes:x?} {key:x}");
            }
            let continuing = bytes.iter().filter(|&&b| b & 0xc0 == 0x80).count();
            assert_eq!(continuation_bytes(word) as usize, continuing, "{bytes:x?}");
        }
    }

    #[test]
    fn any_marked_asks_at_each_marked_position_and_the_tail() {
        let bytes = b"abcdefgXabcXefghXY";
        let mut asked = Vec::new();
        let found = any_marked(
            bytes,
            |w| equal_bytes(w, b'X'),
            |i| {
                asked.push(i);
                false
            },
        );
        assert!(!found);
        // Positions 7 and 11 marked in the two words; 16 and 17 are the tail.
        assert_eq!(asked, [7, 11, 16, 17]);
        assert!(any_marked(bytes, |w| equal_bytes(w, b'X'), |i| i == 11));
        assert_eq!(5, {
            let mut at = None;
            any_marked(
                &[0, 0, 0, 0, 0, 9, 0, 0],
                |w| equal_bytes(w, 9),
                |i| {
                    at = at.or(Some(i));
                    true
                },
            );
            at.unwrap()
        });
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

//! The scan state that the listening rules read and advance, and the
//! character classes they share.

use crate::speech::tables::{
    BRACKETS, CHINESE_NUMERALS, CIRCLED_COUNT, CLOSING_MARKS, HYPHENS, LONG_ASIDE,
    NUMBERED_SYMBOLS, PAUSES,
};

/// The scan state that rules read and advance.
pub(in crate::speech) struct Scan {
    pub(super) src: Vec<char>,
    pub(super) pos: usize,
    pub(super) out: String,
    /// A space is owed before the next output.
    pub(super) space: bool,
    /// Per position: how the bracket there is read.
    pub(super) asides: Vec<Aside>,
    /// Where the last number read digit by digit ended: a number right
    /// after it, past a 、 or 或, is another of the same (电话：0576-85123456、
    /// 85123457).
    pub(super) spelled_to: Option<usize>,
}

/// How a bracket is read, decided by pairing all brackets first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Aside {
    /// Not a bracket, or one without a partner.
    Unpaired,
    /// One of a pair around a short aside: read as nothing.
    Short,
    /// One of a pair around a long aside or a label: read as a pause.
    Long,
}

pub(super) struct Number {
    pub(super) end: usize,
    pub(super) text: String,
    pub(super) int_len: usize,
    pub(super) leading_zero: bool,
}

pub(super) fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

pub(super) fn digit_value(c: char) -> u32 {
    match c {
        '0'..='9' => c as u32 - '0' as u32,
        '０'..='９' => c as u32 - '０' as u32,
        _ => 0,
    }
}

/// Characters that glue a number to an identifier on its left.
pub(super) fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '/' | '.' | '_' | '#' | '@')
}

pub(super) fn is_pause(c: char) -> bool {
    PAUSES.contains(&c)
}

pub(super) fn is_punct_or_close(c: char) -> bool {
    is_pause(c) || CLOSING_MARKS.contains(&c)
}

/// For a bracket: whether it opens, its family, whether its pair is a label.
pub(super) fn family(c: char) -> Option<(bool, u8, bool)> {
    // Asked for every char of the text: brackets are ASCII, CJK symbols
    // or full-width forms, so everything else is turned away at once.
    if !may_be_bracket(c) {
        return None;
    }
    BRACKETS.iter().find_map(|&(open, close, family, label)| {
        if c == open {
            Some((true, family, label))
        } else if c == close {
            Some((false, family, label))
        } else {
            None
        }
    })
}

/// The blocks [`BRACKETS`] draws from: ASCII, CJK symbols and punctuation,
/// half- and full-width forms.
fn may_be_bracket(c: char) -> bool {
    c.is_ascii() || matches!(c, '\u{3000}'..='\u{303f}' | '\u{ff00}'..='\u{ffef}')
}

pub(super) fn percent_word(c: Option<char>) -> Option<&'static str> {
    match c? {
        '%' | '％' => Some("百分之"),
        '‰' => Some("千分之"),
        _ => None,
    }
}

impl Scan {
    pub(super) fn new(text: &str) -> Self {
        let src: Vec<char> = text.chars().collect();
        let mut asides = vec![Aside::Unpaired; src.len()];
        let mut open: Vec<(usize, u8)> = Vec::new();
        for (i, &c) in src.iter().enumerate() {
            match family(c) {
                Some((true, fam, _)) => open.push((i, fam)),
                Some((false, fam, label)) => {
                    if let Some(&(o, f)) = open.last() {
                        if f == fam {
                            open.pop();
                            let long = label || i - o - 1 > LONG_ASIDE;
                            for k in [o, i] {
                                if let Some(aside) = asides.get_mut(k) {
                                    *aside = if long { Aside::Long } else { Aside::Short };
                                }
                            }
                        }
                    }
                }
                None => {}
            }
        }
        Scan {
            src,
            pos: 0,
            out: String::with_capacity(text.len() + 16),
            space: false,
            asides,
            spelled_to: None,
        }
    }

    pub(super) fn at(&self, i: usize) -> Option<char> {
        self.src.get(i).copied()
    }

    pub(super) fn cur(&self) -> Option<char> {
        self.at(self.pos)
    }

    pub(super) fn before(&self, i: usize) -> Option<char> {
        i.checked_sub(1).and_then(|j| self.at(j))
    }

    pub(super) fn emit(&mut self, s: &str) {
        let Some(first) = s.chars().next() else {
            return;
        };
        if self.space {
            self.space = false;
            if self.out.chars().next_back().is_some_and(|c| !is_pause(c))
                && !is_punct_or_close(first)
            {
                self.out.push(' ');
            }
        }
        self.out.push_str(s);
    }

    pub(super) fn emit_char(&mut self, c: char) {
        // Most chars owe no space: push them as they are.
        if !self.space {
            self.out.push(c);
            return;
        }
        let mut buf = [0u8; 4];
        self.emit(c.encode_utf8(&mut buf));
    }

    /// Writes a short pause (，) unless one is already there.
    pub(super) fn pause(&mut self) {
        self.space = false;
        if self.out.chars().next_back().is_some_and(|c| !is_pause(c)) {
            self.out.push('，');
        }
    }

    /// Whether what was read so far ends with one of `labels`, spaces and a
    /// colon after it aside (网址：, 电话: ).
    pub(super) fn follows(&self, labels: &[&str]) -> bool {
        let before = self.out.trim_end_matches([' ', '\u{3000}', '：', ':']);
        labels.iter().any(|label| before.ends_with(label))
    }

    /// Whether what comes next starts a line or follows punctuation.
    pub(super) fn marker_context(&self) -> bool {
        self.out.chars().next_back().is_none_or(is_pause)
    }

    pub(super) fn skip_spaces(&self, mut i: usize, max: usize) -> usize {
        let limit = i + max;
        while i < limit && self.at(i).is_some_and(|c| c == ' ' || c == '\u{3000}') {
            i += 1;
        }
        i
    }

    /// The next character that is not a space, from `i` on.
    pub(super) fn next_solid(&self, i: usize) -> Option<char> {
        self.at(self.skip_spaces(i, 2))
    }

    /// The last character before `i` that is not a space.
    pub(super) fn prev_solid(&self, i: usize) -> Option<char> {
        match self.before(i) {
            Some(' ') | Some('\u{3000}') => self.before(i - 1),
            other => other,
        }
    }

    /// Whether a number ends right before `i` (spaces aside), maybe with a
    /// unit of one or two characters after it: 5, 5万, 5万元, 2023年, 5℃.
    pub(super) fn number_before(&self, i: usize) -> bool {
        let mut at = i;
        while self.before(at).is_some_and(|c| c == ' ' || c == '\u{3000}') {
            at -= 1;
        }
        for back in 1..=3 {
            let Some(c) = at.checked_sub(back).and_then(|k| self.at(k)) else {
                return false;
            };
            if is_digit(c) {
                return true;
            }
            if !(is_han(c) || matches!(c, '%' | '％' | '‰' | '℃')) {
                return false;
            }
        }
        false
    }

    pub(super) fn digit_run(&self, mut i: usize) -> usize {
        while self.at(i).is_some_and(is_digit) {
            i += 1;
        }
        i
    }

    /// The value of digits `from..to`, for short runs only.
    pub(super) fn value(&self, from: usize, to: usize) -> u32 {
        self.src
            .get(from..to)
            .unwrap_or(&[])
            .iter()
            .take(9)
            .fold(0, |v, &c| v * 10 + digit_value(c))
    }

    pub(super) fn number_start(&self) -> bool {
        self.cur().is_some_and(is_digit) && !self.before(self.pos).is_some_and(is_digit)
    }

    /// Whether a number at `i` stands free of an identifier on its left
    /// (not LH331082, not GB/T 9704, not 080/2024).
    pub(super) fn left_free(&self, i: usize) -> bool {
        match self.before(i) {
            None => true,
            Some(c) if is_word(c) => false,
            Some(' ') => !self.before(i - 1).is_some_and(is_word),
            Some(_) => true,
        }
    }

    /// Whether a number ending at `i` stands free on its right.
    pub(super) fn right_free(&self, i: usize) -> bool {
        match self.at(i) {
            None => true,
            Some(c) if is_digit(c) || c.is_ascii_alphabetic() || matches!(c, '_' | '/' | '@') => {
                false
            }
            Some(c) if HYPHENS.contains(&c) || c == '.' || c == '．' => !self
                .at(i + 1)
                .is_some_and(|d| is_digit(d) || d.is_ascii_alphabetic()),
            Some(_) => true,
        }
    }

    pub(super) fn number_at(&self, i: usize) -> Option<Number> {
        let run = self.digit_run(i);
        if run == i {
            return None;
        }
        let mut text: String = self.src.get(i..run)?.iter().map(|&c| ascii(c)).collect();
        let mut int_len = run - i;
        let leading_zero = int_len > 1 && self.at(i).is_some_and(|c| digit_value(c) == 0);
        let mut end = run;
        if int_len <= 3 {
            while self.at(end) == Some(',') && self.digit_run(end + 1) == end + 4 {
                text.extend(self.src.get(end + 1..end + 4)?.iter().map(|&c| ascii(c)));
                end += 4;
                int_len += 3;
            }
        }
        if matches!(self.at(end), Some('.') | Some('．')) && self.at(end + 1).is_some_and(is_digit)
        {
            let frac = self.digit_run(end + 1);
            text.push('.');
            text.extend(self.src.get(end + 1..frac)?.iter().map(|&c| ascii(c)));
            end = frac;
        }
        Some(Number {
            end,
            text,
            int_len,
            leading_zero,
        })
    }

    /// A time of day at `i`: (end, reading, hour digits).
    pub(super) fn time_at(&self, i: usize) -> Option<(usize, String, usize)> {
        if self.before(i).is_some_and(is_digit) {
            return None;
        }
        let hour_end = self.digit_run(i);
        let hour_len = hour_end - i;
        let hour = self.value(i, hour_end);
        if !(1..=2).contains(&hour_len)
            || hour > 23
            || !matches!(self.at(hour_end), Some(':' | '：'))
        {
            return None;
        }
        let m0 = self.skip_spaces(hour_end + 1, 1);
        let m_end = self.digit_run(m0);
        let minute = self.value(m0, m_end);
        if m_end - m0 != 2 || minute > 59 {
            return None;
        }
        let mut end = m_end;
        let mut second = 0;
        if matches!(self.at(end), Some(':' | '：')) && self.digit_run(end + 1) == end + 3 {
            second = self.value(end + 1, end + 3);
            if second > 59 {
                return None;
            }
            end += 3;
        }
        if matches!(self.at(end), Some(':' | '：')) && self.at(end + 1).is_some_and(is_digit) {
            return None;
        }
        let mut spoken = format!("{hour}时");
        if minute > 0 || second > 0 {
            spoken.push_str(&format!("{minute}分"));
        }
        if second > 0 {
            spoken.push_str(&format!("{second}秒"));
        }
        Some((end, spoken, hour_len))
    }

    /// A marker numeral at `i` (digits, Chinese numerals or one Roman
    /// numeral): (end, reading).
    pub(super) fn numeral_at(&self, i: usize, max_digits: usize) -> Option<(usize, String)> {
        let c = self.at(i)?;
        if is_digit(c) {
            let end = self.digit_run(i);
            let text = self.src.get(i..end)?.iter().map(|&c| ascii(c)).collect();
            return (end - i <= max_digits).then_some((end, text));
        }
        if CHINESE_NUMERALS.contains(c) {
            let mut end = i;
            while self.at(end).is_some_and(|c| CHINESE_NUMERALS.contains(c)) {
                end += 1;
            }
            let text = self.src.get(i..end)?.iter().collect();
            return (end - i <= 4).then_some((end, text));
        }
        let (value, circled) = numbered(c)?;
        (!circled).then(|| (i + 1, value.to_string()))
    }

    /// After a marker: "、" when text follows, and the spaces skipped.
    pub(super) fn marker_pause(&mut self) {
        let next = self.skip_spaces(self.pos, 4);
        if self
            .at(next)
            .is_some_and(|c| !is_punct_or_close(c) && !c.is_whitespace())
        {
            self.emit("、");
            self.pos = next;
        }
    }

    pub(super) fn starts_with_ci(&self, i: usize, word: &str) -> bool {
        word.chars()
            .enumerate()
            .all(|(k, w)| self.at(i + k).is_some_and(|c| c.eq_ignore_ascii_case(&w)))
    }
}

pub(super) fn ascii(c: char) -> char {
    match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        _ => c,
    }
}

/// The value of a numbered symbol, and whether it is a list number (not a
/// Roman numeral).
pub(super) fn numbered(c: char) -> Option<(u32, bool)> {
    NUMBERED_SYMBOLS
        .iter()
        .enumerate()
        .find_map(|(k, &(first, count, value))| {
            let offset = (c as u32).checked_sub(first as u32)?;
            (offset < count).then_some((value + offset, k < CIRCLED_COUNT))
        })
}

pub(super) fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`family`] turns away chars outside the blocks brackets come from:
    /// every bracket must be in them.
    #[test]
    fn brackets_are_in_their_blocks() {
        for &(open, close, _, _) in BRACKETS {
            assert!(
                may_be_bracket(open) && may_be_bracket(close),
                "{open}{close}"
            );
        }
    }
}

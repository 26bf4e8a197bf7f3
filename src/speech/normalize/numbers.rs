//! Rules for numbers: document-number years, dates, times, ranges,
//! percentages, digits and units.

use super::scan::{digit_value, family, is_digit, percent_word, Scan};
use crate::speech::tables::{
    ASCII_UNITS, DATE_UNITS, DIGIT_LABELS, HYPHENS, LONG_DASHES, MINUS_SIGNS, NAME_DIGITS,
    NOT_NUMBERED_LABELS, NUMBERED_LABELS, RANGE_DASHES, RANGE_UNITS, SIGN_CONTEXT, SPELLED_DIGITS,
    TIME_CONTEXT,
};

pub(super) fn doc_number_year(s: &mut Scan) -> bool {
    if !s.cur().and_then(family).is_some_and(|(open, _, _)| open) {
        return false;
    }
    let y0 = s.pos + 1;
    let y1 = s.digit_run(y0);
    let year = s.value(y0, y1);
    if y1 - y0 != 4 || !(1900..=2099).contains(&year) {
        return false;
    }
    if s.at(y1).and_then(family).is_none_or(|(open, _, _)| open) {
        return false;
    }
    let mut k = s.skip_spaces(y1 + 1, 2);
    if s.at(k) == Some('第') {
        k += 1;
    }
    let n_end = s.digit_run(k);
    if n_end == k || s.at(s.skip_spaces(n_end, 2)) != Some('号') {
        return false;
    }
    s.emit(&format!("{year}年"));
    s.pos = y1 + 1;
    true
}

fn same_separator(a: char, b: char) -> bool {
    let class = |c| match c {
        '-' | '－' => 0,
        '/' => 1,
        '.' | '．' => 2,
        _ => 3,
    };
    class(a) == class(b) && class(a) < 3
}

pub(super) fn date(s: &mut Scan) -> bool {
    if !s.number_start() || !s.left_free(s.pos) {
        return false;
    }
    let y_end = s.digit_run(s.pos);
    let year = s.value(s.pos, y_end);
    if y_end - s.pos != 4 || !(1900..=2099).contains(&year) {
        return false;
    }
    let sep_at = s.skip_spaces(y_end, 2);
    let Some(sep) = s.at(sep_at).filter(|&c| same_separator(c, c)) else {
        return false;
    };
    let m0 = s.skip_spaces(sep_at + 1, 2);
    let m_end = s.digit_run(m0);
    let month = s.value(m0, m_end);
    if !(1..=2).contains(&(m_end - m0)) || !(1..=12).contains(&month) {
        return false;
    }
    let sep2_at = s.skip_spaces(m_end, 2);
    if s.at(sep2_at).is_some_and(|c| same_separator(sep, c)) {
        let d0 = s.skip_spaces(sep2_at + 1, 2);
        let d_end = s.digit_run(d0);
        let day = s.value(d0, d_end);
        if !(1..=2).contains(&(d_end - d0)) || !(1..=31).contains(&day) || !s.right_free(d_end) {
            return false;
        }
        s.emit(&format!("{year}年{month}月{day}日"));
        s.pos = d_end;
        let t0 = s.skip_spaces(d_end, 3);
        if let Some((end, spoken, _)) = s.time_at(t0) {
            s.emit(&spoken);
            s.pos = end;
        }
        return true;
    }
    let plain = sep_at == y_end && m0 == sep_at + 1 && HYPHENS.contains(&sep);
    if plain && m_end - m0 == 2 && s.right_free(m_end) {
        s.emit(&format!("{year}年{month}月"));
        s.pos = m_end;
        return true;
    }
    false
}

pub(super) fn time(s: &mut Scan) -> bool {
    if !s.number_start()
        || s.before(s.pos)
            .is_some_and(|c| matches!(c, ':' | '：' | '.') || c.is_ascii_alphabetic())
    {
        return false;
    }
    let Some((end, spoken, hour_len)) = s.time_at(s.pos) else {
        return false;
    };
    let dash_at = s.skip_spaces(end, 1);
    if s.at(dash_at)
        .is_some_and(|c| RANGE_DASHES.contains(&c) || c == '至' || c == '到')
    {
        if let Some((end2, spoken2, _)) = s.time_at(s.skip_spaces(dash_at + 1, 1)) {
            s.emit(&format!("{spoken}至{spoken2}"));
            s.pos = end2;
            return true;
        }
    }
    if hour_len < 2
        && !s
            .prev_solid(s.pos)
            .is_some_and(|c| TIME_CONTEXT.contains(&c))
    {
        return false;
    }
    s.emit(&spoken);
    s.pos = end;
    true
}

pub(super) fn date_zeros(s: &mut Scan) -> bool {
    if !s.number_start() || s.cur().is_some_and(|c| digit_value(c) != 0) {
        return false;
    }
    let end = s.digit_run(s.pos);
    let in_date = s.at(end).is_some_and(|c| DATE_UNITS.contains(&c))
        || s.before(s.pos).is_some_and(|c| c == '年' || c == '月');
    if end - s.pos != 2 || !in_date {
        return false;
    }
    s.emit(&s.value(s.pos, end).to_string());
    s.pos = end;
    true
}

fn unit_at(s: &Scan, i: usize) -> Option<(usize, &'static str)> {
    ASCII_UNITS.iter().find_map(|&(abbr, word)| {
        let len = abbr.chars().count();
        let matches = abbr
            .chars()
            .enumerate()
            .all(|(k, a)| s.at(i + k) == Some(a));
        let whole = !s.at(i + len).is_some_and(|c| c.is_ascii_alphanumeric());
        (matches && whole).then_some((i + len, word))
    })
}

pub(super) fn range(s: &mut Scan) -> bool {
    if !s.number_start() || !s.left_free(s.pos) {
        return false;
    }
    let Some(left) = s.number_at(s.pos) else {
        return false;
    };
    let left_pct = percent_word(s.at(left.end));
    let after_left = left.end + usize::from(left_pct.is_some());
    let dash_at = s.skip_spaces(after_left, 1);
    let Some(dash) = s.at(dash_at).filter(|c| RANGE_DASHES.contains(c)) else {
        return false;
    };
    let hyphen = HYPHENS.contains(&dash);
    if hyphen && dash_at != after_left {
        return false;
    }
    let mut r0 = dash_at + 1;
    if LONG_DASHES.contains(&dash) && s.at(r0) == Some(dash) {
        r0 += 1;
    }
    if !hyphen {
        r0 = s.skip_spaces(r0, 1);
    }
    let Some(right) = s.number_at(r0) else {
        return false;
    };
    let right_pct = percent_word(s.at(right.end));
    let end = right.end + usize::from(right_pct.is_some());
    let free = s.right_free(end) || unit_at(s, end).is_some();
    let short = !hyphen || (left.int_len <= 6 && right.int_len <= 6);
    if left.leading_zero || right.leading_zero || !free || !short {
        return false;
    }
    // 表1-1, 附件2-3: one number in two parts, unless a unit says the
    // label is a word of the text (代表1-2人; 所 in 图3-2所示 is no unit).
    let numbered = hyphen
        && left_pct.is_none()
        && right_pct.is_none()
        && after_numbered_label(s, s.pos)
        && !s
            .at(end)
            .is_some_and(|c| c != '所' && RANGE_UNITS.contains(&c));
    let spoken = match (left_pct, right_pct) {
        _ if numbered => format!("{}杠{}", left.text, right.text),
        (Some(l), Some(r)) => format!("{l}{}至{r}{}", left.text, right.text),
        (Some(l), None) | (None, Some(l)) => format!("{l}{}至{}", left.text, right.text),
        (None, None) => format!("{}至{}", left.text, right.text),
    };
    s.emit(&spoken);
    s.pos = end;
    true
}

/// Whether the text before `at` ends with a label of numbered tables,
/// figures or attachments ([`NUMBERED_LABELS`]) that is not the end of
/// another word.
fn after_numbered_label(s: &Scan, at: usize) -> bool {
    let ends_with = |word: &str| {
        let n = word.chars().count();
        at >= n
            && word
                .chars()
                .enumerate()
                .all(|(k, c)| s.at(at - n + k) == Some(c))
    };
    NUMBERED_LABELS.iter().any(|label| ends_with(label))
        && !NOT_NUMBERED_LABELS.iter().any(|word| ends_with(word))
}

/// A month and a day joined by a middle dot (7·20特大暴雨, 5·12): the name
/// of an event or a day, read digit by digit (七二零, 五一二).
pub(super) fn day_name(s: &mut Scan) -> bool {
    let dots = |c: Option<char>| matches!(c, Some('·' | '・' | '‧' | '•' | '･'));
    if !s.cur().is_some_and(is_digit)
        || s.before(s.pos).is_some_and(|c| is_digit(c) || c == '.')
        || dots(s.before(s.pos))
    {
        return false;
    }
    let m_end = s.digit_run(s.pos);
    if !dots(s.at(m_end)) {
        return false;
    }
    let d0 = m_end + 1;
    let d_end = s.digit_run(d0);
    let sizes_ok = (1..=2).contains(&(m_end - s.pos)) && (1..=2).contains(&(d_end - d0));
    // Not a number that goes on (7·20.5, 1·2·3).
    let ends = !s.at(d_end).is_some_and(|c| is_digit(c) || c == '.') && !dots(s.at(d_end));
    if !sizes_ok
        || !ends
        || !(1..=12).contains(&s.value(s.pos, m_end))
        || !(1..=31).contains(&s.value(d0, d_end))
    {
        return false;
    }
    let mut out = String::new();
    for i in (s.pos..m_end).chain(d0..d_end) {
        let digit = s.at(i).map_or(0, digit_value) as usize;
        out.push_str(NAME_DIGITS.get(digit).copied().unwrap_or_default());
    }
    s.emit(&out);
    s.pos = d_end;
    true
}

/// A hyphen or minus right before a number: `至` after a number with its
/// unit (5万-10万元), `负` after a word that takes a value or punctuation
/// (增长-3.5%), else nothing (附件-1).
pub(super) fn minus(s: &mut Scan) -> bool {
    if !s.cur().is_some_and(|c| MINUS_SIGNS.contains(&c)) || !s.at(s.pos + 1).is_some_and(is_digit)
    {
        return false;
    }
    let before = s.before(s.pos);
    // (A unit of two: 1万元-5万元.)
    let after_unit = before.is_some_and(|c| RANGE_UNITS.contains(&c))
        && s.pos >= 2
        && (s.before(s.pos - 1).is_some_and(is_digit)
            || (s
                .before(s.pos - 1)
                .is_some_and(|c| RANGE_UNITS.contains(&c))
                && s.pos >= 3
                && s.before(s.pos - 2).is_some_and(is_digit)));
    if after_unit {
        s.emit("至");
    } else if before.is_none_or(|c| SIGN_CONTEXT.contains(&c)) {
        s.emit("负");
    } else {
        return false;
    }
    s.pos += 1;
    true
}

/// The digits of `from..to` read one by one, groups apart (`-` → a space).
fn spell(s: &mut Scan, from: usize, to: usize) {
    let mut out = String::new();
    for i in from..to {
        match s.at(i) {
            Some(c) if is_digit(c) => {
                out.push_str(SPELLED_DIGITS.get(digit_value(c) as usize).unwrap_or(&""));
            }
            _ => out.push(' '),
        }
    }
    s.emit(&out);
    s.pos = to;
    s.spelled_to = Some(to);
}

/// Where a phone number starting at `i` ends: a landline with its area
/// code (0576-85123456, an extension -801 after it), a 400/800 service
/// number (400-800-1234). A mobile number is bare digits, which are read
/// as written unless a word announces them (13000000000元 is an amount).
fn phone_at(s: &Scan, i: usize) -> Option<usize> {
    let first = s.digit_run(i);
    let len = first - i;
    let hyphen = |k: usize| s.at(k).is_some_and(|c| HYPHENS.contains(&c));
    let group = |k: usize, lens: std::ops::RangeInclusive<usize>| {
        let end = s.digit_run(k);
        lens.contains(&(end - k)).then_some(end)
    };
    let lead = s.at(i).map(digit_value);
    // The area code and the number apart: a space between them, or the
    // code in brackets ((0576)85123456).
    let apart = |k: usize| match s.at(k) {
        Some(' ' | '\u{3000}') => Some(k + 1),
        Some(')' | '）') if s.at(k + 1).is_some_and(is_digit) => Some(k + 1),
        _ => None,
    };
    let end = if lead == Some(0) && (3..=4).contains(&len) && apart(first).is_some() {
        group(apart(first)?, 7..=8)?
    } else if lead == Some(0) && (3..=4).contains(&len) && hyphen(first) {
        let number = group(first + 1, 7..=8)?;
        if hyphen(number) {
            group(number + 1, 1..=5).unwrap_or(number)
        } else {
            number
        }
    } else if len == 3 && matches!(s.value(i, first), 400 | 800) && hyphen(first) {
        let middle = group(first + 1, 3..=3)?;
        hyphen(middle).then_some(())?;
        group(middle + 1, 4..=4)?
    } else {
        return None;
    };
    s.right_free(end).then_some(end)
}

/// Phone numbers, postcodes and hotlines, read digit by digit: by their
/// shape (0576-85123456, 400-800-1234), or as a run of 5 to 12
/// digits after a word that announces one (电话 邮编 热线 拨打 …) or right
/// before 热线 (12345热线).
pub(super) fn digits(s: &mut Scan) -> bool {
    if !s.number_start() || !s.left_free(s.pos) {
        return false;
    }
    if let Some(end) = phone_at(s, s.pos) {
        spell(s, s.pos, end);
        return true;
    }
    let run = s.digit_run(s.pos);
    // An extension after the number (85123456-801).
    let extension = s
        .at(run)
        .is_some_and(|c| HYPHENS.contains(&c))
        .then(|| s.digit_run(run + 1))
        .filter(|&e| (1..=5).contains(&(e - run - 1)));
    let end = extension.unwrap_or(run);
    if !(5..=12).contains(&(run - s.pos)) || !s.right_free(end) {
        return false;
    }
    // Another number right after one read digit by digit, past a 、 or 或
    // (电话：0576-85123456、85123457): the same kind of number.
    let continued = s.spelled_to.is_some_and(|to| {
        s.src.get(to..s.pos).is_some_and(|between| {
            between.len() <= 3
                && between.iter().all(|c| {
                    matches!(
                        c,
                        '、' | '，'
                            | ','
                            | '；'
                            | ';'
                            | '/'
                            | '或'
                            | '及'
                            | '和'
                            | ' '
                            | '\u{3000}'
                    )
                })
        })
    });
    let labelled = continued || s.follows(DIGIT_LABELS);
    let hotline = s.at(end) == Some('热') && s.at(end + 1) == Some('线');
    if !(labelled || hotline) {
        return false;
    }
    spell(s, s.pos, end);
    true
}

pub(super) fn percent(s: &mut Scan) -> bool {
    if !s.number_start() {
        return false;
    }
    let Some(n) = s.number_at(s.pos) else {
        return false;
    };
    let Some(word) = percent_word(s.at(n.end)) else {
        return false;
    };
    s.emit(&format!("{word}{}", n.text));
    s.pos = n.end + 1;
    true
}

pub(super) fn number(s: &mut Scan) -> bool {
    if !s.number_start() {
        return false;
    }
    let Some(n) = s.number_at(s.pos) else {
        return false;
    };
    s.emit(&n.text);
    s.pos = n.end;
    true
}

pub(super) fn unit(s: &mut Scan) -> bool {
    if !s.cur().is_some_and(|c| c.is_ascii_alphabetic())
        || !s.prev_solid(s.pos).is_some_and(is_digit)
    {
        return false;
    }
    let Some((end, word)) = unit_at(s, s.pos) else {
        return false;
    };
    s.space = false;
    s.emit(word);
    s.pos = end;
    true
}

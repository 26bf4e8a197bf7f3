//! Rules for marks and words: addresses, markers, symbols, brackets,
//! dashes, spaces.

use super::scan::{
    ascii, family, is_digit, is_han, is_pause, is_punct_or_close, numbered, Aside, Scan,
};
use crate::parse::chars;
use crate::speech::tables::{
    tag_end, BULLETS, CHINESE_NUMERALS, LONG_DASHES, MARK_NAMES, SEPARATORS, SYMBOLS, TILDES,
    TITLE_MARKS, URL_LABELS,
};

pub(super) fn url(s: &mut Scan) -> bool {
    let wrapped = s.cur() == Some('<');
    let start = s.pos + usize::from(wrapped);
    if s.before(s.pos)
        .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '/' | '@' | '-' | '_'))
    {
        return false;
    }
    let host_start = if s.starts_with_ci(start, "https://") {
        start + 8
    } else if s.starts_with_ci(start, "http://") {
        start + 7
    } else if s.starts_with_ci(start, "ftp://") {
        start + 6
    } else if s.starts_with_ci(start, "www.") {
        start
    } else {
        return false;
    };
    let mut end = host_start;
    while s.at(end).is_some_and(|c| {
        c.is_ascii_graphic()
            && !matches!(
                c,
                '<' | '>' | '"' | '\'' | '(' | ')' | '[' | ']' | '{' | '}'
            )
    }) {
        end += 1;
    }
    while end > host_start
        && s.before(end)
            .is_some_and(|c| matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}'))
    {
        end -= 1;
    }
    let mut host_end = host_start;
    while host_end < end
        && s.at(host_end)
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
    {
        host_end += 1;
    }
    let host: String = s
        .src
        .get(host_start..host_end)
        .unwrap_or(&[])
        .iter()
        .collect();
    if !host.chars().any(|c| c.is_ascii_alphanumeric()) {
        return false;
    }
    if !s.follows(URL_LABELS) {
        s.emit("网址");
        s.space = true;
    }
    s.emit(&host);
    s.space = true;
    s.pos = end + usize::from(wrapped && s.at(end) == Some('>'));
    true
}

pub(super) fn markup(s: &mut Scan) -> bool {
    let Some(end) = tag_end(|i| s.at(i), s.pos) else {
        return false;
    };
    s.space = !s.out.is_empty();
    s.pos = end + 1;
    true
}

fn is_local(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')
}

pub(super) fn email(s: &mut Scan) -> bool {
    if !s.cur().is_some_and(is_local) || s.before(s.pos).is_some_and(is_local) {
        return false;
    }
    let mut at = s.pos;
    while s.at(at).is_some_and(is_local) {
        at += 1;
    }
    if s.at(at) != Some('@') {
        return false;
    }
    let mut end = at + 1;
    while s
        .at(end)
        .is_some_and(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
    {
        end += 1;
    }
    while end > at + 1 && s.before(end).is_some_and(|c| c == '.' || c == '-') {
        end -= 1;
    }
    let domain: String = s.src.get(at + 1..end).unwrap_or(&[]).iter().collect();
    let dotted = chars::rsplit_once_byte(&domain, b'.').is_some_and(|(name, tld)| {
        !name.is_empty() && tld.chars().any(|c| c.is_ascii_alphabetic())
    });
    if !dotted {
        return false;
    }
    let address: String = s.src.get(s.pos..end).unwrap_or(&[]).iter().collect();
    s.emit(&address);
    s.pos = end;
    true
}

pub(super) fn bracketed_numeral(s: &mut Scan) -> bool {
    if !matches!(s.cur(), Some('(' | '（')) {
        return false;
    }
    let Some((end, numeral)) = s.numeral_at(s.pos + 1, 2) else {
        return false;
    };
    if !matches!(s.at(end), Some(')' | '）')) {
        return false;
    }
    let marker = s.marker_context();
    s.emit(&numeral);
    s.pos = end + 1;
    if marker {
        s.marker_pause();
    }
    true
}

pub(super) fn list_marker(s: &mut Scan) -> bool {
    if !s.marker_context() || s.before(s.pos).is_some_and(is_digit) {
        return false;
    }
    let Some((end, numeral)) = s.numeral_at(s.pos, 3) else {
        return false;
    };
    let full_stop = matches!(s.at(end), Some('.' | '．'));
    let half_bracket =
        matches!(s.at(end), Some(')' | '）')) && s.asides.get(end) == Some(&Aside::Unpaired);
    if !full_stop && !half_bracket {
        return false;
    }
    let next_at = s.skip_spaces(end + 1, 4);
    let next = s.at(next_at);
    // A year may follow the marker (1.2023年工作回顾): 1、2023年, not 1.2023.
    let year = s.digit_run(next_at) == next_at + 4
        && (1900..=2099).contains(&s.value(next_at, next_at + 4))
        && s.at(next_at + 4) == Some('年');
    if !year && !next.is_some_and(|c| !is_digit(c) && !is_punct_or_close(c) && !c.is_whitespace()) {
        return false;
    }
    s.emit(&numeral);
    s.pos = end + 1;
    s.marker_pause();
    true
}

pub(super) fn circled_number(s: &mut Scan) -> bool {
    let Some((value, true)) = s.cur().and_then(numbered) else {
        return false;
    };
    // A circled number always enumerates: when text follows, it is read as
    // a marker, with a pause before it inside a sentence.
    let text_follows = s
        .next_solid(s.pos + 1)
        .is_some_and(|c| !is_punct_or_close(c));
    if text_follows {
        s.pause();
    }
    s.emit(&value.to_string());
    s.pos += 1;
    if text_follows {
        s.marker_pause();
    }
    true
}

pub(super) fn roman_numeral(s: &mut Scan) -> bool {
    let Some((value, false)) = s.cur().and_then(numbered) else {
        return false;
    };
    s.emit(&value.to_string());
    s.pos += 1;
    true
}

pub(super) fn symbol(s: &mut Scan) -> bool {
    let Some(word) = s
        .cur()
        .and_then(|c| SYMBOLS.iter().find(|&&(sym, _)| sym == c))
        .map(|&(_, word)| word)
    else {
        return false;
    };
    s.emit(word);
    s.pos += 1;
    true
}

/// Whether the mark at `from..to` stands between two numbers, the first
/// maybe with its unit (5万元～10万元, 2023年—2024年, 5℃~10℃, 8时~12时).
fn between_numbers(s: &Scan, from: usize, to: usize) -> bool {
    s.number_before(from) && s.next_solid(to).is_some_and(is_digit)
}

pub(super) fn tilde(s: &mut Scan) -> bool {
    if !s.cur().is_some_and(|c| TILDES.contains(&c)) {
        return false;
    }
    if between_numbers(s, s.pos, s.pos + 1) {
        s.emit("至");
    }
    s.pos += 1;
    true
}

pub(super) fn long_dash(s: &mut Scan) -> bool {
    if !s.cur().is_some_and(|c| LONG_DASHES.contains(&c)) {
        return false;
    }
    let mut end = s.pos;
    while s.at(end).is_some_and(|c| LONG_DASHES.contains(&c)) {
        end += 1;
    }
    if between_numbers(s, s.pos, end) {
        s.emit("至");
    } else {
        s.pause();
    }
    s.pos = end;
    true
}

pub(super) fn bracket(s: &mut Scan) -> bool {
    let Some((open, _, _)) = s.cur().and_then(family) else {
        return false;
    };
    let long = s.asides.get(s.pos) == Some(&Aside::Long);
    s.pos += 1;
    if long && (open || s.next_solid(s.pos).is_some_and(|c| !is_punct_or_close(c))) {
        s.pause();
    }
    true
}

pub(super) fn book_title(s: &mut Scan) -> bool {
    let Some(c) = s.cur().filter(|c| TITLE_MARKS.contains(c)) else {
        return false;
    };
    // < and > at a number compare (>60岁, PM2.5<35, 60<x): read so. Not
    // a breadcrumb's 首页 > 政务公开.
    if matches!(c, '<' | '>') {
        let next = s.next_solid(s.pos + 1);
        let at_number = next.is_some_and(is_digit)
            || (s.prev_solid(s.pos).is_some_and(is_digit)
                && next.is_some_and(|c| c.is_ascii_alphanumeric()));
        if at_number {
            s.emit(if c == '<' { "小于" } else { "大于" });
            s.pos += 1;
            return true;
        }
    }
    s.pos += 1;
    // Titles in a row are a list: 《条例》《规定》 → 条例、规定.
    let between_titles = matches!(c, '》' | '〉') && matches!(s.cur(), Some('《' | '〈'));
    if between_titles && s.out.chars().next_back().is_some_and(|c| !is_pause(c)) {
        s.emit("、");
    }
    true
}

pub(super) fn bullet(s: &mut Scan) -> bool {
    let Some(c) = s.cur().filter(|c| BULLETS.contains(c)) else {
        return false;
    };
    let numeral = |c: Option<char>| c.is_some_and(|c| CHINESE_NUMERALS.contains(c) || c == '○');
    // A mark that stands alone, quoted or as a whole cell, is a symbol the
    // text refers to (标记“▲”的指标): its name is read.
    let opens =
        |c: Option<char>| c.is_none_or(|c| matches!(c, '“' | '‘' | '"' | '\'' | '「' | '（' | '('));
    let closes =
        |c: Option<char>| c.is_none_or(|c| matches!(c, '”' | '’' | '"' | '\'' | '」' | '）' | ')'));
    let named = MARK_NAMES
        .iter()
        .find(|(m, _)| *m == c)
        .map(|(_, name)| *name);
    let digit =
        |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c));
    if c == '○' && (numeral(s.before(s.pos)) || numeral(s.at(s.pos + 1))) {
        s.emit("〇");
    } else if c != '○' && digit(s.before(s.pos)) && digit(s.at(s.pos + 1)) {
        // Between two numbers (13·5, not a day's name): they stay apart,
        // not one number (135).
        s.space = !s.out.is_empty();
    } else if let Some(name) = named.filter(|_| opens(s.before(s.pos)) && closes(s.at(s.pos + 1))) {
        s.emit(name);
    }
    s.pos += 1;
    true
}

pub(super) fn separator(s: &mut Scan) -> bool {
    if !s.cur().is_some_and(|c| SEPARATORS.contains(&c)) {
        return false;
    }
    s.space = !s.out.is_empty();
    s.pos += 1;
    true
}

pub(super) fn fullwidth(s: &mut Scan) -> bool {
    let Some(c) = s.cur().filter(|&c| ascii(c) != c) else {
        return false;
    };
    s.emit_char(ascii(c));
    s.pos += 1;
    true
}

pub(super) fn space(s: &mut Scan) -> bool {
    if !s.cur().is_some_and(char::is_whitespace) {
        return false;
    }
    let mut end = s.pos;
    while s.at(end).is_some_and(char::is_whitespace) {
        end += 1;
    }
    // A space between single characters is letter-spacing (目 录, 索 引 号),
    // not a pause: the word is read whole. A word that follows a spaced
    // label ("分 类 其他") keeps its space.
    let single = |c: Option<char>| c.is_none_or(|c| !is_han(c) && !c.is_alphanumeric());
    let letter_spaced = s.before(s.pos).is_some_and(is_han)
        && s.at(end).is_some_and(is_han)
        && single(s.before(s.pos - 1))
        && single(s.at(end + 1));
    s.space = !s.out.is_empty() && !letter_spaced;
    s.pos = end;
    true
}

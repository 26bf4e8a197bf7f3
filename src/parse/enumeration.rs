//! Run-in enumerations inside a paragraph: 一是…。二是…。三是…。
//!
//! Government reports list points inside one paragraph, each opened by
//! 一是, 二是, 三是 … at the start of a sentence. The paragraph becomes its lead
//! (the text before 一是, if any) and an ordered list whose items keep the
//! marker and, where the first sentence is a short phrase, that sentence as
//! the item's lead ("一是筑牢工业发展硬支撑。…").

use super::numbering::{is_chinese_numeral, lead_phrase, parse_chinese};
use crate::model::{List, ListItem};

/// Where a sentence may start: at the beginning, or after one of these.
fn is_sentence_break(c: char) -> bool {
    matches!(c, '。' | '；' | ';' | '！' | '!' | '？' | '?' | '：' | ':')
}

/// The word after the number (一是).
const ENUM_WORD: char = '是';

/// A paragraph split at its enumeration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Enumeration {
    /// The text before 一是 (trimmed), possibly empty.
    pub lead: String,
    /// The items, in order.
    pub list: List,
}

/// Splits `text` at 一是, 二是, 三是 … when they open sentences in order (at
/// least two of them). One pass over the text.
pub fn split(text: &str) -> Option<Enumeration> {
    let mut starts: Vec<(usize, usize)> = Vec::new(); // (marker start, marker end)
    let mut expected = 1u32;
    // From each 是 back over the numeral before it: a marker is a numeral
    // that opens a sentence (the text's start or after a sentence break)
    // and is read whole up to the 是. Breaks are never numerals, so this
    // finds exactly the markers a walk over every sentence start would.
    for (word, _) in text.match_indices(ENUM_WORD) {
        let before = text.get(..word).unwrap_or_default();
        let numeral: usize = before
            .chars()
            .rev()
            .take_while(|&c| is_chinese_numeral(c))
            .map(char::len_utf8)
            .sum();
        let pos = word.saturating_sub(numeral);
        let opens = text
            .get(..pos)
            .unwrap_or_default()
            .chars()
            .next_back()
            .is_none_or(is_sentence_break);
        if numeral == 0 || !opens {
            continue;
        }
        let tail = text.get(pos..).unwrap_or_default();
        if let Some((value, len)) = parse_chinese(tail) {
            if value == expected && len == numeral {
                starts.push((pos, word + ENUM_WORD.len_utf8()));
                expected += 1;
            }
        }
    }
    let [(first, _), _, ..] = starts.as_slice() else {
        return None;
    };
    let lead = text.get(..*first).unwrap_or_default().trim().to_owned();
    let mut items = Vec::with_capacity(starts.len());
    for (n, &(start, marker_end)) in starts.iter().enumerate() {
        let end = starts.get(n + 1).map_or(text.len(), |next| next.0);
        let body = text.get(marker_end..end).unwrap_or_default().trim_end();
        let (lead, rest) = split_lead(body);
        items.push(ListItem {
            marker: text.get(start..marker_end).unwrap_or_default().to_owned(),
            lead,
            text: rest.to_owned(),
            inlines: Vec::new(),
        });
    }
    Some(Enumeration {
        lead,
        list: List {
            ordered: true,
            items,
        },
    })
}

/// A line that opens with the `n`-th enumeration word (二是 for 2): the item,
/// with its lead phrase where it has one. For enumerations printed one point
/// per line.
pub fn line_item(text: &str, n: u32) -> Option<ListItem> {
    let (value, len) = parse_chinese(text)?;
    let after = text.get(len..)?.strip_prefix(ENUM_WORD)?;
    if value != n {
        return None;
    }
    let marker_end = text.len() - after.len();
    let body = after.trim_matches(super::lines::is_space);
    let (lead, rest) = split_lead(body);
    Some(ListItem {
        marker: text.get(..marker_end)?.to_owned(),
        lead,
        text: rest.to_owned(),
        inlines: Vec::new(),
    })
}

/// An item's text split after its lead phrase, when it has one.
fn split_lead(body: &str) -> (Option<String>, &str) {
    match lead_phrase(body).and_then(|split| body.split_at_checked(split)) {
        Some((lead, rest)) => (Some(lead.to_owned()), rest.trim_start()),
        None => (None, body),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_in_order_only() {
        let e = split("总体要求。一是抓项目。加快推进。二是强服务。三是保安全。").unwrap();
        assert_eq!(e.lead, "总体要求。");
        assert_eq!(e.list.items.len(), 3);
        assert_eq!(e.list.items[0].marker, "一是");
        assert_eq!(e.list.items[0].lead.as_deref(), Some("抓项目。"));
        assert_eq!(e.list.items[0].text, "加快推进。");
        // A lone short sentence has no lead of its own: it is the text.
        assert_eq!(e.list.items[2].lead, None);
        assert_eq!(e.list.items[2].text, "保安全。");
        assert!(split("一是抓项目。三是保安全。").is_none());
        assert!(split("统一是原则。二是方法。").is_none());
    }

    #[test]
    fn markers_open_sentences_and_are_read_whole() {
        // The text's start counts as a sentence start; after 是 the numeral
        // must reach the word exactly.
        let e = split("一是甲；二是乙：十一是丙").unwrap();
        let markers: Vec<&str> = e.list.items.iter().map(|i| i.marker.as_str()).collect();
        assert_eq!(markers, ["一是", "二是"]);
        assert_eq!(e.list.items[1].text, "乙：十一是丙");
        // Numbers before 是 inside a sentence are not markers.
        assert!(split("第一是甲。第二是乙。").is_none());
        assert!(split("这一是甲，二是乙。").is_none());
        // Ten and more: 十一是 follows 十是.
        let many: String = [
            "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一",
        ]
        .iter()
        .map(|n| format!("{n}是事。"))
        .collect();
        let e = split(&many).unwrap();
        assert_eq!(e.list.items.len(), 11);
        assert_eq!(e.list.items[10].marker, "十一是");
        // A numeral longer than a marker is not read.
        assert!(split("一是甲。一二三四五六七是乙。").is_none());
    }
}

//! Recognisers for the parts of an official document other than the outline
//! (GB/T 9704-2012 §7: 发文字号, 主送机关, 附件说明, 发文机关署名, 成文日期,
//! 附注), and for titles and unnumbered headings. Each is a small rule over
//! one line's text plus word tables.

use super::chars::{self, TrimSpace};
use super::lines::{char_count_upto, compact, is_cjk, is_space, Line};
use super::meta;
use super::numbering::parse_marker;

mod attachments;
pub use attachments::{appendix_heading, attachment, file_type, numbers_attachments};

/// Words a document title usually ends with (公文种类, GB/T 9704 and the
/// 党政机关公文处理工作条例 §8, plus report and plan genres).
const TITLE_TAILS: &[&str] = &[
    "通知", "通报", "决定", "意见", "办法", "规定", "细则", "规则", "方案", "计划", "报告", "总结",
    "公告", "通告", "批复", "函", "纪要", "条例", "预案", "规划", "要点", "目录", "决算", "预算",
    "答复", "请示", "命令", "议案", "公报", "指南", "标准", "说明",
];

/// Whether `text` ends like a document title.
pub fn has_title_tail(text: &str) -> bool {
    let t = text.trim_end_matches(|c: char| matches!(c, ')' | '）' | '》') || is_space(c));
    let t = t.strip_suffix("(试行)").unwrap_or(t);
    TITLE_TAILS.iter().any(|tail| t.ends_with(tail)) || text.ends_with("(试行)")
}

/// Longest title, in chars.
const TITLE_MAX_CHARS: usize = 100;

/// A line that could be a title: short, CJK, no sentence punctuation, no
/// marker, not a date, document number, table row or `label:` line.
pub fn title_like(line: &Line) -> bool {
    let t = &*line.text;
    let n = char_count_upto(t, TITLE_MAX_CHARS);
    if !(4..=TITLE_MAX_CHARS).contains(&n) || line.hints.cells.is_some() {
        return false;
    }
    let ends_open = t.ends_with(|c: char| {
        matches!(
            c,
            '，' | ',' | '；' | ';' | '：' | ':' | '、' | '。' | '！' | '？'
        )
    });
    !ends_open
        && !chars::has_char(t, '。')
        && t.chars().filter(|c| is_cjk(*c)).count() >= 4
        && !t.starts_with(|c: char| meta::is_bullet(c) || c == '【' || c == '—' || c == '<')
        && parse_marker(t, false).is_none()
        && !is_date_line(t)
        && doc_no(t).is_none()
        && !is_note(t)
}

/// A document number line (发文字号, 齐政办发〔2019〕29号): `Some(false)` when
/// well formed, `Some(true)` when it looks damaged (牟政办发〔201746). A line
/// that goes on after a number (关于执行国发〔2019〕5号文件有关问题的说明) or
/// begins as a title does (关于转发国发〔2019〕5号) is not one: it is a title
/// or a sentence that cites one.
pub fn doc_no(text: &str) -> Option<bool> {
    if char_count_upto(text, 30) > 30 {
        return None;
    }
    let open = text.find(['〔', '[', '［', '(', '（'])?;
    let (prefix, after) = text.split_at_checked(open)?;
    // An issuer's short name (国发, 浙政办发): never a title's 关于…的.
    let prefix_ok = (1..=12).contains(&prefix.chars().count())
        && prefix.chars().all(is_cjk)
        && !prefix.starts_with("关于")
        && !chars::has_char(prefix, '的');
    if !prefix_ok {
        return None;
    }
    let mut chars = after.chars();
    chars.next();
    let after = chars.as_str();
    let year_len = after.chars().take_while(char::is_ascii_digit).count();
    if year_len < 4 {
        return None;
    }
    let tail = after.get(year_len..)?;
    // 〔201746: the bracket never closed, the serial run into the year.
    if tail.chars().all(|c| c.is_ascii_digit()) {
        return Some(true);
    }
    let mut rest = tail.chars();
    if !matches!(rest.next(), Some('〕' | ']' | '］' | ')' | '）')) {
        return None;
    }
    let rest = rest.as_str();
    let serial = rest.strip_prefix('第').unwrap_or(rest);
    let (digits, hao) = match serial.strip_suffix('号') {
        Some(digits) => (digits, true),
        None => (serial, false),
    };
    let digits = digits.trim_space();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    if hao && year_len == 4 {
        Some(false)
    } else if prefix.ends_with('发') || prefix.ends_with('函') {
        // 〔20197〕29号, 〔2019〕29: a digit too many, the 号 lost.
        Some(true)
    } else {
        None
    }
}

/// A date line (成文日期 under a signature): 2019年11月29日,
/// 二〇一九年十一月二十九日 (also with ○ or O for 〇, as typed), in
/// full-width digits, or 2019-11-29, 2019.11.29, 2019/11/29.
pub fn is_date_line(text: &str) -> bool {
    // Every body line is asked: turn away those without 年 or not ending in
    // 日 (or not starting with a digit) before building the compacted copy.
    let text = text.trim_space();
    if !text.ends_with('日') {
        return text.starts_with(is_digit)
            && char_count_upto(text, 12) <= 12
            && is_numeric_date(text);
    }
    if !chars::has_char(text, '年') || char_count_upto(text, 40) > 40 {
        return false;
    }
    let t: String = compact(text);
    if t.chars().count() > 16 {
        return false;
    }
    let Some((year, rest)) = t.split_once('年') else {
        return false;
    };
    let Some((month, rest)) = rest.split_once('月') else {
        return false;
    };
    let Some(day) = rest.strip_suffix('日') else {
        return false;
    };
    const CN_DIGITS: [char; 16] = [
        '〇', '○', '◯', 'Ｏ', 'O', '零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十',
    ];
    let numeric = |s: &str, min: usize, max: usize| {
        let n = s.chars().count();
        (min..=max).contains(&n) && s.chars().all(|c| is_digit(c) || CN_DIGITS.contains(&c))
    };
    numeric(year, 4, 4) && numeric(month, 1, 3) && numeric(day, 1, 3)
}

/// An ASCII or full-width digit.
fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// 2019-11-29, 2019.11.29, 2019/11/29 (one separator throughout).
fn is_numeric_date(text: &str) -> bool {
    let Some(sep) = text.chars().find(|c| !is_digit(*c)) else {
        return false;
    };
    if !matches!(sep, '-' | '.' | '/' | '－' | '．' | '／') {
        return false;
    }
    let parts: Vec<&str> = text.split(sep).collect();
    let sizes = parts.iter().map(|p| p.chars().count());
    parts.len() == 3
        && parts.iter().all(|p| p.chars().all(is_digit))
        && sizes
            .zip([4..=4, 1..=2, 1..=2])
            .all(|(n, r)| r.contains(&n))
}

/// A signature on one line: an organisation, a space, the date
/// (临海市人民政府 2024年2月1日).
pub fn org_and_date(text: &str) -> Option<(&str, &str)> {
    if char_count_upto(text, 50) > 50 {
        return None;
    }
    let text = text.trim_space();
    let (org, date) = text.rsplit_once(is_space)?;
    let (org, date) = (org.trim_space(), date.trim_space());
    (is_org_line(org, true) && is_date_line(date)).then_some((org, date))
}

/// A date broken by a word-processor field code ("{ 2017 6 23").
pub fn is_garbled_date(text: &str) -> bool {
    if !text.starts_with(['{', '｛']) || char_count_upto(text, 24) > 24 {
        return false;
    }
    let t = text.trim_start_matches(['{', '｛']).trim_space();
    let parts: Vec<&str> = t.split(is_space).filter(|p| !p.is_empty()).collect();
    parts.len() == 3
        && parts.first().is_some_and(|year| year.len() == 4)
        && parts
            .iter()
            .all(|p| p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit()))
}

/// Endings of organisation names (发文机关署名).
const ORG_SUFFIXES: &[&str] = &[
    "人民政府",
    "政府",
    "办公室",
    "办公厅",
    "委员会",
    "局",
    "厅",
    "委",
    "办",
    "部",
    "院",
    "镇",
    "乡",
    "街道",
    "街道办事处",
    "中心",
    "公司",
    "党委",
    "党组",
    "小组",
    "队",
    "所",
    "站",
    "会",
];

/// An organisation line of a signature: short, CJK and brackets only.
/// `strict` also asks for an organisation ending (办公室, 人民政府, …).
pub fn is_org_line(text: &str, strict: bool) -> bool {
    let n = char_count_upto(text, 30);
    (2..=30).contains(&n)
        && text
            .chars()
            .all(|c| is_cjk(c) || matches!(c, '(' | ')' | '（' | '）' | '、') || is_space(c))
        && (!strict || ORG_SUFFIXES.iter().any(|s| text.ends_with(s)))
}

/// The formula that closes a document's text (特此通知。, 此复。, 妥否，请批示。):
/// it ends the last section, and belongs to the whole document.
pub fn is_closing(text: &str) -> bool {
    if char_count_upto(text, 16) > 16 {
        return false;
    }
    let t = compact(text);
    let t = t.trim_end_matches(['。', '！', '!', '.']);
    if let Some(what) = t.strip_prefix("特此") {
        return matches!(
            what,
            "通知"
                | "通告"
                | "公告"
                | "报告"
                | "函告"
                | "函复"
                | "批复"
                | "复函"
                | "说明"
                | "请示"
                | "证明"
                | "函达"
        );
    }
    matches!(
        t,
        "此复"
            | "妥否，请批示"
            | "妥否,请批示"
            | "以上报告，请审议"
            | "以上意见如无不妥，请批转各地执行"
    )
}

/// A note in brackets (附注): (此件公开发布), （此页无正文）.
pub fn is_note(text: &str) -> bool {
    let Some(inner) = text
        .strip_prefix(['(', '（'])
        .and_then(|t| t.strip_suffix([')', '）']))
    else {
        return false;
    };
    char_count_upto(inner, 24) <= 24
        && !inner.contains(['(', '（', ')', '）'])
        && (inner.starts_with('此')
            || chars::has_str(inner, "公开发布")
            || chars::has_str(inner, "无正文"))
}

/// Words of an addressee line (主送机关).
const ADDRESSEE_WORDS: &[&str] = &[
    "人民政府",
    "各委",
    "各单位",
    "有关部门",
    "有关单位",
    "各部门",
    "直属",
    "机关",
    "各乡镇",
    "各街道",
    "委员会",
    "各局",
    "办、局",
    "各区",
    "各县",
    "居委会",
    "村委会",
];

/// Units an addressee line names (各村（社区）：, 各成员单位：) when a unit's
/// word, a bracket or a separator follows: 各村要做到以下几点： is a sentence.
const ADDRESSEE_UNITS: &[&str] = &[
    "各镇",
    "各市",
    "各村",
    "各社区",
    "各有关",
    "各成员",
    "各科室",
    "各站所",
    "各学校",
];

fn names_units(text: &str) -> bool {
    ADDRESSEE_UNITS.iter().any(|unit| {
        text.strip_prefix(unit).is_some_and(|rest| {
            rest.chars().next().is_some_and(|c| {
                matches!(
                    c,
                    '（' | '(' | '、' | '：' | ':' | '，' | ',' | '单' | '部' | '党' | '居' | '村'
                )
            })
        })
    })
}

/// An addressee line (各县(市)、区人民政府,市政府各委、办、局:).
pub fn is_addressee(text: &str) -> bool {
    let labelled = text
        .strip_prefix("主送")
        .is_some_and(|rest| chars::trim_start_space(rest).starts_with([':', '：']));
    if labelled {
        return char_count_upto(text, 100) <= 100 && !chars::has_char(text, '。');
    }
    char_count_upto(text, 100) <= 100
        && text.ends_with([':', '：'])
        && !chars::has_char(text, '。')
        && (text.starts_with('各') || chars::has_str(text, "人民政府"))
        && (ADDRESSEE_WORDS.iter().any(|w| chars::has_str(text, w)) || names_units(text))
}

/// Endings of unnumbered headings ("2020年工作回顾", "总则").
const HEADING_TAILS: &[&str] = &[
    "回顾", "总则", "附则", "概况", "情况", "目标", "任务", "措施", "要求", "原则", "职责", "背景",
    "依据", "范围", "展望", "成效", "做法", "问题", "建议", "安排", "思路", "保障", "意义",
];

/// An unnumbered heading: a heading element, or a short line with no
/// punctuation that is bold or ends like a heading, followed by running text.
pub fn plain_heading(line: &Line, next: Option<&Line>) -> bool {
    let t = &*line.text;
    if char_count_upto(t, 50) > 50 {
        return false;
    }
    let no_punct = || {
        !t.chars().any(|c| {
            matches!(
                c,
                '。' | '，' | ',' | '；' | ';' | '：' | ':' | '、' | '！' | '？' | '!' | '?'
            )
        })
    };
    if line.hints.heading.is_some() {
        return no_punct() && char_count_upto(t, 50) <= 50;
    }
    let evidence = line.hints.strong || HEADING_TAILS.iter().any(|s| t.ends_with(s));
    if !evidence {
        return false;
    }
    let no_punct = no_punct();
    let short = char_count_upto(t, 20) <= 20;
    let next_is_text = next.is_some_and(|n| {
        n.hints.cells.is_none()
            && (char_count_upto(&n.text, 40) >= 40 || chars::has_char(&n.text, '。'))
            && parse_marker(&n.text, false).is_none()
    });
    short && no_punct && evidence && next_is_text
}

/// A line opened by a bracketed label (【广东省知识产权局】…): the byte
/// offset just after the 】.
pub fn bracket_lead(text: &str) -> Option<usize> {
    let inner = text.strip_prefix('【')?;
    let (label, _) = inner.split_once('】')?;
    let close = label.len();
    let end = '【'.len_utf8() + close + '】'.len_utf8();
    let short = label.chars().count() <= 20;
    (short && close > 0 && end < text.len()).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_numbers() {
        assert_eq!(doc_no("齐政办发〔2019〕29号"), Some(false));
        assert_eq!(doc_no("牟政办发〔201746"), Some(true));
        assert_eq!(doc_no("（此件公开发布）"), None);
        assert_eq!(doc_no("根据《国务院关于…》(国发〔2016〕56号)精神"), None);
        assert_eq!(doc_no("国办发〔2019〕第5号"), Some(false));
        assert_eq!(doc_no("国办函〔2019〕12 号"), Some(false));
        assert_eq!(doc_no("临政发〔20197〕29号"), Some(true));
        assert_eq!(doc_no("临政发〔2019〕29"), Some(true));
        // Titles that cite a number.
        assert_eq!(doc_no("关于执行国发〔2019〕5号文件有关问题的说明"), None);
        assert_eq!(doc_no("关于印发国发〔2019〕5号文件的通知"), None);
        assert_eq!(doc_no("关于转发国发〔2019〕5号"), None);
        assert_eq!(doc_no("国发〔2019〕5号文件解读"), None);
    }

    #[test]
    fn dates_notes_addressees() {
        assert!(is_date_line("2019年11月29日"));
        assert!(is_date_line("二〇一九年十一月二十九日"));
        assert!(!is_date_line("2019年11月29日召开会议"));
        for date in [
            "二○一九年十一月二十九日",
            "二O一九年十一月二十九日",
            "２０１９年１１月２９日",
            "2019-11-29",
            "2019.11.29",
            "2019/1/9",
            "２０１９－１１－２９",
        ] {
            assert!(is_date_line(date), "{date}");
        }
        for not in [
            "2019-11",
            "2019-11-29-1",
            "2019-11/29",
            "201-11-29",
            "20191129",
            "1.2.3",
        ] {
            assert!(!is_date_line(not), "{not}");
        }
        assert_eq!(
            org_and_date("临海市人民政府 2024年2月1日"),
            Some(("临海市人民政府", "2024年2月1日"))
        );
        assert_eq!(
            org_and_date("上盘镇人民政府　　二〇二四年二月一日"),
            Some(("上盘镇人民政府", "二〇二四年二月一日"))
        );
        assert_eq!(org_and_date("会议于 2024年2月1日"), None);
        for to in [
            "各县(市)、区人民政府,市政府各委、办、局:",
            "各村（社区）：",
            "各村（社区）、镇属各单位：",
            "各社区居委会：",
            "各镇（街道）：",
            "各有关单位：",
            "各成员单位：",
            "各科室、各站所：",
            "各学校：",
            "主送：各乡镇人民政府",
        ] {
            assert!(is_addressee(to), "{to}");
        }
        for not in [
            "各项工作要求如下：",
            "各村要做到以下几点：",
            "各村（社区）要高度重视。",
            "各村（社区）",
            "现将有关事项通知如下：",
        ] {
            assert!(!is_addressee(not), "{not}");
        }
    }

    #[test]
    fn closing_formulas() {
        for line in [
            "特此通知。",
            "特此报告",
            "特 此 公 告。",
            "此复。",
            "妥否，请批示。",
        ] {
            assert!(is_closing(line), "{line}");
        }
        for line in ["特此通知各单位认真执行。", "特此", "此复印件无效。", "通知"]
        {
            assert!(!is_closing(line), "{line}");
        }
        assert!(is_garbled_date("{ 2017 6 23"));
        assert!(is_note("(此件公开发布)"));
        assert!(!is_note("(一)主要职责"));
        assert!(is_addressee("各县(市)、区人民政府,市政府各委、办、局:"));
        assert!(!is_addressee("各位代表:"));
    }
}

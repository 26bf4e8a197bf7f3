//! Text as written → text for listening.
//!
//! One left-to-right scan over the characters; at each position the rules of
//! [`RULES`] are tried in order and the first that matches writes its
//! reading and moves on. A rule looks ahead a bounded distance, or over one
//! number or one address that it then consumes whole, so the scan is linear.
//! The scanner is in `scan.rs`, the rules for numbers in `numbers.rs`,
//! the rules for marks and words in `marks.rs`, their tables in
//! `speech/tables.rs`.

mod marks;
mod numbers;
mod scan;

use marks::{
    book_title, bracket, bracketed_numeral, bullet, circled_number, email, fullwidth, list_marker,
    long_dash, markup, roman_numeral, separator, space, symbol, tilde, url,
};
use numbers::{
    date, date_zeros, day_name, digits, doc_number_year, minus, number, percent, range, time, unit,
};
use scan::{is_han, Scan};

use super::tables::{CHINESE_NUMERALS, DIGIT_LABELS, PLAIN_MARKS};

/// One listening rule.
#[derive(Debug)]
pub struct Rule {
    /// A short stable name; the rule table test names its rows by it.
    pub name: &'static str,
    /// What the rule reads, and why. Native builds only: the browser never
    /// shows it, and its text would only weigh down the wasm.
    #[cfg(not(target_arch = "wasm32"))]
    pub summary: &'static str,
    apply: fn(&mut Scan) -> bool,
}

/// The listening rules, in the order they are tried at each position.
pub static RULES: &[Rule] = &[
    Rule {
        name: "url",
        #[cfg(not(target_arch = "wasm32"))]
        summary: "网址: a web address is read as 网址 and its host \
            (http://www.np.gov.cn/a/b.htm → 网址 www.np.gov.cn); the path is noise \
            when heard. No 网址 is added after 网址：/网站：/链接：",
        apply: url,
    },
    Rule {
        name: "markup",
        #[cfg(not(target_arch = "wasm32"))]
        summary: "HTML tags left in the text by a broken page (<p style=…>, </strong>) \
            are read as nothing",
        apply: markup,
    },
    Rule {
        name: "email",
        #[cfg(not(target_arch = "wasm32"))]
        summary: "电子邮箱: an email address is kept whole (the listener needs all of it) \
            and shielded from the number rules",
        apply: email,
    },
    Rule {
        name: "doc-number-year",
        #[cfg(not(target_arch = "wasm32"))]
        summary: "发文字号 (GB/T 9704-2012 7.2.4): the year in 六角括号 before a 号 number is \
            read as a year: 〔2019〕29号 → 2019年29号; also [2019] ［2019］ 【2019】 (2019)",
        apply: doc_number_year,
    },
    Rule {
        name: "bracketed-numeral",
        #[cfg(not(target_arch = "wasm32"))]
        summary: "序号 in brackets (GB/T 9704 结构层次序数 （一） and （1）): the brackets go; where \
            the numeral starts a line or follows punctuation it reads as a marker \
            with a short pause: （一）重点 → 一、重点; inside a sentence 第（三）项 → 第三项",
        apply: bracketed_numeral,
    },
    Rule {
        name: "list-marker",
        #[cfg(not(target_arch = "wasm32"))]
        summary: "序号 with a full stop or a half bracket at the start of a line or after \
            punctuation: 1.加强 → 1、加强 (not 一点加强); 一) → 一、",
        apply: list_marker,
    },
    Rule {
        name: "circled-number",
        #[cfg(not(target_arch = "wasm32"))]
        summary: "带圈数字 and kin: ①②③ ⑴ ⒈ ❶ → 1 2 3; before text they enumerate, so they \
            read as markers with pauses: 措施①加强②完善 → 措施，1、加强，2、完善",
        apply: circled_number,
    },
    Rule {
        name: "roman-numeral",
        #[cfg(not(target_arch = "wasm32"))]
        summary: "罗马数字: Ⅰ Ⅱ Ⅻ ⅳ → 1 2 12 4 (Ⅱ类 → 2类)",
        apply: roman_numeral,
    },
    Rule {
        name: "date",
        #[cfg(not(target_arch = "wasm32"))]
        summary: "日期 in figures (GB/T 7408): 2024-02-01 → 2024年2月1日, with a following \
            time 14:52 → 14时52分; also 2024/02/01, 2024.02.01, stray spaces (2014- \
            07- 25 11: 20), and 2024-02 → 2024年2月. Only years 1900–2099, months \
            1–12, days 1–31, never inside an index number",
        apply: date,
    },
    Rule {
        name: "time",
        #[cfg(not(target_arch = "wasm32"))]
        summary: "时间: 14:52 → 14时52分, 9:00-17:00 → 9时至17时, 08:30:05 → 8时30分5秒. A \
            one-digit hour only after 日/上午/晚上… or in a range, so a ratio such as \
            1:50 stays",
        apply: time,
    },
    Rule {
        name: "date-zeros",
        #[cfg(not(target_arch = "wasm32"))]
        summary: "leading zeros of a month, day or time in Chinese dates: 2018年03月27日 → \
            2018年3月27日 (read 三月, not 零三月)",
        apply: date_zeros,
    },
    Rule {
        name: "day-name",
        #[cfg(not(target_arch = "wasm32"))]
        summary: "月·日: a month and a day joined by a middle dot name an event or a day and \
            are read digit by digit: 7·20特大暴雨 → 七二零特大暴雨, 5·12 → 五一二",
        apply: day_name,
    },
    Rule {
        name: "digits",
        #[cfg(not(target_arch = "wasm32"))]
        summary: "电话、手机、邮编、热线: read digit by digit, 1 as 幺, groups apart: \
            0576-85123456 → 零五七六 八五一二三四五六 and 400-800-1234 by their \
            shape; after 电话/手机/传真/邮编/热线/拨打/QQ… a run of 5 to 12 digits \
            (邮编317000 → 邮编三幺七零零零), and 12345热线 → 幺二三四五热线",
        apply: digits,
    },
    Rule {
        name: "minus",
        #[cfg(not(target_arch = "wasm32"))]
        summary: "负号: a minus before a number after a word that takes a value or after \
            punctuation reads 负 (增长-3.5% → 增长负百分之3.5, 气温-5℃ → 气温负5摄氏度); \
            after a number with its unit it is a range, 至 (5万-10万元 → 5万至10万元); \
            elsewhere (附件-1) it stays",
        apply: minus,
    },
    Rule {
        name: "range",
        #[cfg(not(target_arch = "wasm32"))]
        summary: "范围: a dash or tilde between two numbers reads 至: 1-12月 → 1至12月, 3~5天 → \
            3至5天, 1—12月 → 1至12月, 10%-20% → 百分之10至百分之20. A hyphen only between \
            free-standing numbers of at most six digits without leading zeros, so \
            index numbers (LH331082-080/2024-131280) and standards (GB/T 9704-2012) \
            stay (phone numbers are read by digits, before). After the label of a \
            numbered table, figure or attachment a hyphen joins one number's parts, \
            杠: 表1-1 → 表1杠1, 附件2-3 → 附件2杠3 (but 代表1-2人 is a range)",
        apply: range,
    },
    Rule {
        name: "percent",
        #[cfg(not(target_arch = "wasm32"))]
        summary: "百分号 and 千分号: 18.4% → 百分之18.4, 5‰ → 千分之5 (Chinese reads the 百分之 first)",
        apply: percent,
    },
    Rule {
        name: "number",
        #[cfg(not(target_arch = "wasm32"))]
        summary: "数字: full-width digits become ASCII and thousands separators go: １２３ → \
            123, 16,886.11 → 16886.11. Other digit strings (index numbers) stay \
            as digits (phone numbers: see digits)",
        apply: number,
    },
    Rule {
        name: "unit",
        #[cfg(not(target_arch = "wasm32"))]
        summary: "计量单位 in Latin letters right after a number: 12km → 12公里, 5 kg → 5千克, \
            100m² → 100平方米, 2300m2 → 2300平方米, 24h → 24小时, 10kV → 10千伏, 500t → \
            500吨",
        apply: unit,
    },
    Rule {
        name: "symbol",
        #[cfg(not(target_arch = "wasm32"))]
        summary: "符号 read as words: ㎡ → 平方米, ㎞ → 公里, ℃ → 摄氏度, ≥ → 大于等于, ≤ → 小于等于, ≠ → \
            不等于, ± → 正负, № → 编号, and a % with no number before it (a column header \
            完成率（%）) → 百分比",
        apply: symbol,
    },
    Rule {
        name: "tilde",
        #[cfg(not(target_arch = "wasm32"))]
        summary: "波浪号 left between numbers (after a date or time) reads 至; elsewhere it \
            is dropped",
        apply: tilde,
    },
    Rule {
        name: "long-dash",
        #[cfg(not(target_arch = "wasm32"))]
        summary: "破折号: —— between numbers reads 至 (2019年—2020年); elsewhere it is a pause \
            (，)",
        apply: long_dash,
    },
    Rule {
        name: "bracket",
        #[cfg(not(target_arch = "wasm32"))]
        summary: "括号: brackets are never read; a short aside runs on (31个村(社) → 31个村社), \
            a long one and a 【label】 get a pause before and after",
        apply: bracket,
    },
    Rule {
        name: "book-title",
        #[cfg(not(target_arch = "wasm32"))]
        summary: "书名号: 《》〈〉 and < > are dropped, the title is read (《条例》 → 条例); titles \
            in a row are a list (《条例》《规定》 → 条例、规定)",
        apply: book_title,
    },
    Rule {
        name: "bullet",
        #[cfg(not(target_arch = "wasm32"))]
        summary: "项目符号: · • ● ※ and invisible characters are dropped; ○ between Chinese \
            numerals is the zero 〇 (二○二四 → 二〇二四)",
        apply: bullet,
    },
    Rule {
        name: "separator",
        #[cfg(not(target_arch = "wasm32"))]
        summary: "竖线: | and ｜ (table debris) read as a word break",
        apply: separator,
    },
    Rule {
        name: "fullwidth",
        #[cfg(not(target_arch = "wasm32"))]
        summary: "全角字母: Ａ-Ｚ ａ-ｚ → A-Z a-z",
        apply: fullwidth,
    },
    Rule {
        name: "space",
        #[cfg(not(target_arch = "wasm32"))]
        summary: "空白: runs of spaces, ideographic spaces and line breaks become one \
            space; none at the ends or next to punctuation, and none inside a \
            letter-spaced word (目 录 → 目录, 索 引 号 → 索引号; but 分 类 其他 → 分类 其他)",
        apply: space,
    },
];

/// Normalises `text` for listening by the rules of [`RULES`].
pub fn normalize(text: &str) -> String {
    run(Scan::new(text))
}

/// Normalises the text of a table cell under a column of phone numbers
/// (联系电话, 邮编): a number that opens it is read digit by digit, as one
/// after the word would be.
pub(super) fn normalize_numbers(text: &str) -> String {
    let mut scan = Scan::new(text);
    scan.spelled_to = Some(0);
    run(scan)
}

/// Whether a column's header announces numbers read digit by digit.
pub(super) fn announces_digits(header: &str) -> bool {
    DIGIT_LABELS
        .iter()
        .any(|label| crate::parse::chars::has_str(header, label))
}

fn run(mut scan: Scan) -> String {
    while let Some(c) = scan.cur() {
        // Most characters are ideographs that no rule reads (only Chinese
        // numerals start a marker) or common punctuation that none starts
        // at: copy them without asking every rule.
        let plain = (is_han(c) && !CHINESE_NUMERALS.contains(c)) || PLAIN_MARKS.contains(c);
        if plain || !RULES.iter().any(|rule| (rule.apply)(&mut scan)) {
            scan.emit_char(c);
            scan.pos += 1;
        }
    }
    scan.out
}

/// The normalised date of a date-and-time value (the publishing line reads
/// the day, not the minute): "2024-02-01 14:52" → "2024年2月1日".
pub(super) fn date_only(value: &str) -> String {
    let mut spoken = normalize(value);
    if let Some(day) = spoken.find('日') {
        let cut = day + '日'.len_utf8();
        let rest = spoken.get(cut..).unwrap_or("").trim_start();
        if rest.starts_with(|c: char| c.is_ascii_digit()) && rest.chars().any(|c| c == '时') {
            spoken.truncate(cut);
        }
    }
    spoken
}

#[cfg(test)]
mod tests {
    use super::*;

    /// No rule starts at a mark of [`PLAIN_MARKS`], whatever surrounds it,
    /// and none leaves a trace of having looked: skipping the rules there
    /// reads the same.
    #[test]
    fn no_rule_starts_at_a_plain_mark() {
        let sides = [
            "",
            "1",
            "12",
            "2024",
            "一",
            "十",
            "a",
            "A",
            "www",
            "（",
            "）",
            "(",
            "[",
            "〔",
            "年",
            "月",
            " ",
            "<",
            "-",
            "—",
            "~",
            "%",
            "①",
            "Ⅱ",
            "@",
            ".",
            "http://a.b",
        ];
        for &mark in PLAIN_MARKS.chars {
            for before in sides {
                for after in sides {
                    let text = format!("{before}{mark}{after}");
                    let at = before.chars().count();
                    for rule in RULES {
                        let mut scan = Scan::new(&text);
                        scan.pos = at;
                        scan.out.push_str(before);
                        let applied = (rule.apply)(&mut scan);
                        assert!(!applied, "{} at {mark} in {text}", rule.name);
                        assert_eq!(
                            (scan.pos, scan.out.as_str(), scan.space),
                            (at, before, false)
                        );
                    }
                }
            }
        }
    }
}

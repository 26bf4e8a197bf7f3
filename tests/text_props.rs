//! Property tests: parse_text never panics, is deterministic, and its output
//! keeps the model's invariants, on arbitrary text and on mutated fixtures.

mod common;

use proptest::prelude::*;
use yilan::parse_text;

/// Pieces that exercise the rules: markers, labels, chrome, punctuation,
/// odd spaces and line breaks.
const PIECES: &[&str] = &[
    "一、",
    "（一）",
    "(二)",
    "1.",
    "1、",
    "（1）",
    "①",
    "第一章",
    "第二条",
    "第一部分",
    "1.1 ",
    "1 ",
    "一是",
    "二是",
    "三是",
    "。",
    "，",
    ",",
    ";",
    ":",
    "：",
    "索引号:",
    "索 引 号",
    "文号:",
    "发布日期:",
    "来源:",
    "当前位置:",
    ">",
    ">>",
    "首页",
    "打印",
    "关闭",
    "进入老年模式",
    "字号:",
    "【大 中 小】",
    "目录",
    "附件：",
    "(此件公开发布)",
    "2019年11月29日",
    "{ 2017 6 23",
    "各县人民政府:",
    "办公室",
    "齐政办发〔2019〕29号",
    "〔",
    "|",
    " | ",
    "||",
    "•",
    "\u{3000}",
    "\u{a0}",
    "\r\n",
    "\n",
    "\n\n",
    "\r",
    " ",
    "工作总结",
    "重点项目加速推进",
    "总则",
    "3",
    "<p>",
    "國",
    "\u{feff}",
    "",
];

fn pieces() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..80).prop_map(|v| v.concat())
}

fn check(input: &str) {
    let a = parse_text(input);
    let b = parse_text(input);
    assert_eq!(a, b, "deterministic");
    common::check_levels(&a).unwrap();
    // The model survives its own JSON.
    let json = serde_json::to_string(&a).unwrap();
    let back: yilan::Document = serde_json::from_str(&json).unwrap();
    assert_eq!(back, a);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_strings(input in any::<String>()) {
        check(&input);
    }

    #[test]
    fn rule_shaped_strings(input in pieces()) {
        check(&input);
    }

    #[test]
    fn mutated_fixtures(
        which in 0usize..64,
        cuts in prop::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>(), prop::sample::select(PIECES)), 1..6),
    ) {
        let fixtures = common::text_fixtures();
        let (_, text) = &fixtures[which % fixtures.len()];
        let mut chars: Vec<char> = text.chars().collect();
        for (at, len, insert) in cuts {
            let start = at.index(chars.len() + 1);
            let end = (start + len.index(40)).min(chars.len());
            chars.splice(start..end, insert.chars());
        }
        let mutated: String = chars.into_iter().collect();
        check(&mutated);
    }

    #[test]
    fn shuffled_fixture_lines(which in 0usize..64, seed in any::<u64>()) {
        let fixtures = common::text_fixtures();
        let (_, text) = &fixtures[which % fixtures.len()];
        let mut lines: Vec<&str> = text.lines().collect();
        let mut s = seed | 1;
        for i in (1..lines.len()).rev() {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            lines.swap(i, (s % (i as u64 + 1)) as usize);
        }
        check(&lines.join("\n"));
    }
}

//! Chunking: sentence ends, closing quotes, long sentences, nothing empty,
//! nothing lost, and no input that makes the plan panic.

mod speech_support;

use proptest::prelude::*;
use speech_support::speakable;
use yilan::model::{Block, Document, Paragraph};
use yilan::speech::{normalize, speech_plan, utterance_parts, Chunk, SpeechOptions};

const BRACKETS: &[char] = &[
    '(', ')', '（', '）', '〔', '〕', '[', ']', '［', '］', '【', '】', '《', '》', '〈', '〉',
    '{', '}',
];

fn paragraph(text: &str) -> Document {
    Document {
        body: vec![Block::Paragraph(Paragraph::plain(text))],
        ..Document::default()
    }
}

fn chunks_with(text: &str, max_chars: usize) -> Vec<Chunk> {
    let options = SpeechOptions {
        max_chars,
        ..SpeechOptions::default()
    };
    speech_plan(&paragraph(text), &options)
}

fn displays(text: &str) -> Vec<String> {
    chunks_with(text, 60)
        .into_iter()
        .map(|c| c.display)
        .collect()
}

#[test]
fn sentences_end_at_full_stops_exclamations_questions_and_semicolons() {
    assert_eq!(
        displays("第一句。第二句！第三句？第四句；第五句"),
        ["第一句。", "第二句！", "第三句？", "第四句；", "第五句"]
    );
}

#[test]
fn closing_quotes_and_brackets_stay_with_their_sentence() {
    assert_eq!(
        displays("他说：“工作要落实。”随后散会。（此件公开发布。）「好！」』"),
        [
            "他说：“工作要落实。”",
            "随后散会。",
            "（此件公开发布。）",
            "「好！」』"
        ]
    );
    assert_eq!(displays("真的吗？！是的……"), ["真的吗？！", "是的……"]);
}

#[test]
fn ascii_sentence_ends_count_in_chinese_text_but_not_inside_addresses() {
    assert_eq!(
        displays("同比增长18.4%;完成投资260万元;详见http://a.gov.cn/?id=1;p=2 的说明!好"),
        [
            "同比增长18.4%;",
            "完成投资260万元;",
            "详见http://a.gov.cn/?id=1;p=2 的说明!",
            "好"
        ]
    );
}

#[test]
fn line_breaks_end_a_sentence_and_blank_pieces_vanish() {
    assert_eq!(
        displays("第一行\n第二行\r\n\n   \n第三行"),
        ["第一行", "第二行", "第三行"]
    );
    assert!(chunks_with("   \n\t　", 60).is_empty());
    assert!(chunks_with("。。。！？", 60).is_empty());
    assert!(chunks_with("", 60).is_empty());
    assert!(chunks_with("《》（）·|", 60).is_empty());
}

#[test]
fn long_sentences_are_cut_at_commas_first_then_at_enumeration_commas() {
    let sentence = "坚持以创建“美丽城镇样板镇”为目标,重点围绕环境“美”、产业“旺”、活力“足”、韵味“浓”建设定位,着力打造特色彰显、生态宜居的城乡环境。";
    assert_eq!(
        displays(sentence),
        [
            "坚持以创建“美丽城镇样板镇”为目标,重点围绕环境“美”、产业“旺”、活力“足”、韵味“浓”建设定位,",
            "着力打造特色彰显、生态宜居的城乡环境。",
        ]
    );
    let tight = chunks_with(sentence, 20);
    let got: Vec<&str> = tight.iter().map(|c| c.display.as_str()).collect();
    assert_eq!(
        got,
        [
            "坚持以创建“美丽城镇样板镇”为目标,",
            "重点围绕环境“美”、产业“旺”、",
            "活力“足”、韵味“浓”建设定位,",
            "着力打造特色彰显、生态宜居的城乡环境。",
        ]
    );
    assert!(tight.iter().all(|c| c.text.chars().count() <= 20));
}

#[test]
fn the_bound_is_measured_on_the_spoken_text() {
    // 百分之 makes the spoken text longer than the written one.
    let text = "增长18.4%,增长8.87%,增长14.7%,增长17.95%。";
    let chunks = chunks_with(text, 24);
    let got: Vec<&str> = chunks.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(
        got,
        [
            "增长百分之18.4,增长百分之8.87,",
            "增长百分之14.7,增长百分之17.95。"
        ]
    );
    // A web address is shortened when spoken, so its sentence is not cut.
    let url = "详见http://www.np.gov.cn/cms/html/npszf/2013-01-25/1779102018.html。";
    assert_eq!(chunks_with(url, 20).len(), 1);
}

#[test]
fn a_clause_without_commas_is_cut_between_words_into_even_parts() {
    let clause = "深入推进安全生产大排查大整治行动完成企业主体底数六百家其他市场主体底数九百四十二家检查覆盖率均达标准并持续巩固一打三整治工作成果依法打击涉渔三无船舶";
    let n = clause.chars().count();
    assert!(n > 60);
    let chunks = chunks_with(clause, 30);
    let lengths: Vec<usize> = chunks.iter().map(|c| c.text.chars().count()).collect();
    assert!(
        lengths.len() >= n.div_ceil(30) && lengths.len() <= n.div_ceil(30) + 1,
        "{lengths:?}"
    );
    assert!(lengths.iter().all(|&l| l <= 30), "{lengths:?}");
    let joined: String = chunks.iter().map(|c| c.display.as_str()).collect();
    assert_eq!(joined, clause);
    // Never inside a number or a Latin word.
    let mixed = "编号LH331082080202413128012345678901234567890共计一二三四五六七八九十百千万亿兆京垓秭穰沟涧正载极恒河沙阿僧祇那由他";
    let chunks = chunks_with(mixed, 12);
    assert!(chunks.len() > 3);
    for pair in chunks.windows(2) {
        let (a, b) = (
            pair[0].display.chars().last().unwrap(),
            pair[1].display.chars().next().unwrap(),
        );
        assert!(
            !(a.is_ascii_alphanumeric() && b.is_ascii_alphanumeric()),
            "cut between {a} and {b}"
        );
    }
    assert!(chunks.iter().any(|c| c
        .display
        .contains("LH331082080202413128012345678901234567890")));
}

#[test]
fn every_chunk_reads_something() {
    let text = "（一）\n①\n。\n目 录\n·\n2024-02-01\n";
    for c in chunks_with(text, 60) {
        assert!(c.text.chars().any(char::is_alphanumeric), "{c:?}");
    }
}

#[test]
fn hostile_nesting_and_size_are_harmless() {
    // No recursion anywhere: depth costs nothing but length.
    let nested = format!("{}深{}", "（".repeat(20_000), "）".repeat(20_000));
    let chunks = chunks_with(&nested, 60);
    assert_eq!(
        chunks.iter().map(|c| c.text.as_str()).collect::<String>(),
        "深"
    );
    let unclosed = "〔".repeat(20_000);
    assert!(chunks_with(&unclosed, 60).is_empty());
    let digits = "1,234".repeat(2_000);
    let chunks = chunks_with(&digits, 60);
    assert!(chunks.len() > 100 && chunks.iter().all(|c| c.text.chars().count() <= 60));
    // An unbroken run of a word or number is never cut inside, so it stays whole.
    let dashes = "1-".repeat(5_000);
    assert_eq!(chunks_with(&dashes, 60).len(), 1);
}

fn check_plan(text: &str, max: usize) -> Result<(), TestCaseError> {
    let chunks = chunks_with(text, max);
    let again = chunks_with(text, max);
    prop_assert_eq!(&chunks, &again, "deterministic");
    let mut shown = String::new();
    for (i, c) in chunks.iter().enumerate() {
        prop_assert_eq!(c.index as usize, i);
        prop_assert!(
            c.text.chars().any(char::is_alphanumeric),
            "empty chunk {:?}",
            c
        );
        prop_assert!(!c.text.contains(BRACKETS), "bracket read: {:?}", c);
        prop_assert!(
            text.contains(&c.display),
            "display not in the text: {:?}",
            c
        );
        prop_assert_eq!(c.target.as_str(), "yl-p1");
        // Piece by piece: pieces put together can make a tag that the text
        // does not hold (ힰ< then, "#{" silent and dropped, aaA0 … A>).
        // No piece is cut inside a tag, so a tag of the text is in one.
        shown.push_str(&speakable(&c.display));
    }
    prop_assert_eq!(shown, speakable(text), "something speakable was dropped");
    Ok(())
}

/// The parts of a chunk's text at `rate`: within the rate's bound (a run
/// of Latin letters or digits excepted), in order, losing nothing but
/// space; one part at the default rate or faster.
fn check_parts(text: &str, rate: f32) -> Result<(), TestCaseError> {
    let parts = utterance_parts(text, rate);
    let bound = (60.0 * rate.clamp(0.5, 0.9) / 0.9) as usize;
    if rate >= 0.9 || text.chars().count() <= bound {
        prop_assert_eq!(&parts, &[text]);
    }
    for part in &parts {
        prop_assert!(!part.trim().is_empty(), "empty part of {:?}", text);
        let long_word = part
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| w.len() > 1);
        prop_assert!(
            part.chars().count() <= bound || long_word,
            "{:?} over {} at {}",
            part,
            bound,
            rate
        );
    }
    let squeezed = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    prop_assert_eq!(squeezed(&parts.concat()), squeezed(text));
    Ok(())
}

#[test]
fn at_a_slow_rate_a_long_chunk_is_said_in_parts_cut_at_its_commas() {
    let text = "全面开展要素保障、招大引强、项目快进“三大攻坚战”以及“大干60天 攻坚破难”行动,积极服务和融入湾区新发展格局,";
    assert_eq!(text.chars().count(), 57);
    for rate in [0.9, 1.0, 1.3, 2.0, f32::NAN, f32::INFINITY] {
        assert_eq!(utterance_parts(text, rate), [text], "at {rate}");
    }
    // 慢: 46 characters at most.
    assert_eq!(
        utterance_parts(text, 0.7),
        [
            "全面开展要素保障、招大引强、项目快进“三大攻坚战”以及“大干60天 攻坚破难”行动,",
            "积极服务和融入湾区新发展格局,"
        ]
    );
    // Half speed and slower: 33 at most; the enumeration is cut at its 顿号.
    let half = utterance_parts(text, 0.5);
    assert_eq!(half, utterance_parts(text, 0.1));
    assert_eq!(
        half,
        [
            "全面开展要素保障、招大引强、",
            "项目快进“三大攻坚战”以及“大干60天 攻坚破难”行动,",
            "积极服务和融入湾区新发展格局,"
        ]
    );
    for part in half {
        assert!(part.chars().count() <= 33, "{part}");
    }
    // A short chunk is one part at any rate.
    assert_eq!(
        utterance_parts("完成工业性投资260万元;", 0.5),
        ["完成工业性投资260万元;"]
    );
}

#[test]
fn a_clause_without_commas_is_cut_where_a_word_likely_ends() {
    let cases = [
        // After a number's unit, not inside 其他市场.
        (
            "深入推进安全生产大排查大整治行动完成企业主体底数600家其他市场主体底数942家检查覆盖率均达标准并持续巩固一打三整治工作成果",
            0.7,
            vec![
                "深入推进安全生产大排查大整治行动完成企业主体底数600家",
                "其他市场主体底数942家检查覆盖率均达标准并持续巩固一打三整治工作成果",
            ],
        ),
        // Not between 2024 and 年.
        (
            "上盘镇人民政府关于印发《上盘镇2024年农村生活垃圾分类工作实施方案》的通知",
            0.5,
            vec!["上盘镇人民政府关于印发《上盘镇2024年", "农村生活垃圾分类工作实施方案》的通知"],
        ),
        // After 的, not inside 社会治理.
        (
            "关于进一步加强和改进新时代基层社会治理工作的实施意见的贯彻落实情况报告",
            0.5,
            vec!["关于进一步加强和改进新时代基层社会治理工作的", "实施意见的贯彻落实情况报告"],
        ),
        // Before a conjunction, not inside 提升 or 分类.
        (
            "切实加强农村人居环境整治提升工作推进垃圾分类和污水治理设施建设稳步提高群众满意度",
            0.5,
            vec!["切实加强农村人居环境整治提升工作推进垃圾分类", "和污水治理设施建设稳步提高群众满意度"],
        ),
    ];
    for (text, rate, expected) in cases {
        assert_eq!(utterance_parts(text, rate), expected, "{text}");
    }
}

/// Text made of the pieces the rules react to, in any order.
fn government_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "今年以来",
        "工作",
        "。",
        "，",
        ",",
        "、",
        "；",
        ";",
        "！",
        "？",
        "?",
        "：",
        ":",
        "“",
        "”",
        "（",
        "）",
        "(",
        ")",
        "〔",
        "〕",
        "【",
        "】",
        "[",
        "]",
        "《",
        "》",
        "一",
        "二",
        "十",
        "是",
        "1",
        "0",
        "2024",
        "-",
        "—",
        "——",
        "~",
        "～",
        "%",
        "‰",
        "．",
        ".",
        "年",
        "月",
        "日",
        "号",
        "第",
        " ",
        "　",
        "\n",
        "①",
        "Ⅱ",
        "㎡",
        "km",
        "kg",
        "m2",
        "≥",
        "·",
        "|",
        "http://",
        "www.",
        "a.gov.cn",
        "/",
        "@",
        "qq.com",
        "１２",
        "Ａ",
        "○",
        "\u{200b}",
        "…",
        "'",
        "\"",
    ]);
    prop::collection::vec(pieces, 0..80).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn government_like_text_plans_cleanly(text in government_text(), max in 1usize..80) {
        check_plan(&text, max)?;
    }

    #[test]
    fn any_text_plans_cleanly(text in any::<String>(), max in 1usize..80) {
        check_plan(&text, max)?;
    }

    #[test]
    fn at_any_rate_every_chunk_is_said_whole_in_parts(text in government_text(), rate in 0.3f32..2.5) {
        for chunk in chunks_with(&text, 60) {
            check_parts(&chunk.text, rate)?;
        }
    }

    #[test]
    fn digits_and_plain_ideographs_read_as_written(text in "[0-9\u{4e00}-\u{4e20}]{0,40}") {
        // No rule has anything to say about bare digits and ideographs.
        prop_assert_eq!(normalize(&text), text);
    }
}

/// Found by the property test: a piece that is only an HTML tag reads as
/// nothing (the `markup` rule), so it yields no chunk and drops nothing
/// speakable.
#[test]
fn a_bare_tag_reads_as_nothing() {
    check_plan("<A>", 1).unwrap();
    assert!(chunks_with("<A>", 1).is_empty());
}

/// Found by the property test: a tag, then text cut into one-char chunks.
/// The splitter cut after the tag's `<`, and the rest (`AAa>`) was no
/// longer a tag to the markup rule: its letters were read out. No cut falls
/// inside a tag now, not at a clause or sentence end inside it either.
#[test]
fn no_cut_falls_inside_a_tag() {
    check_plan("<AAa>¡a%𐦼® \u{16f8f}0", 1).unwrap();
    let styled = "<p style=\"margin:0;text-align:center\">今年以来，工作有序推进；成效明显。</p>";
    for max in 1..20 {
        check_plan(styled, max).unwrap();
        for c in chunks_with(styled, max) {
            assert!(
                !c.text.contains("style") && !c.text.contains("center"),
                "{max}: {c:?}"
            );
        }
    }
}

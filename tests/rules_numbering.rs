//! The numbering rules, as a table that reads like documentation.
//!
//! Markers per GB/T 9704-2012 §7.3.3 (一、 → （一） → 1. → （1）) and common
//! practice (第一部分/章/节/条, ①, decimal 1.1), in full- and half-width forms.

use yilan::model::{Block, Document};
use yilan::parse::numbering::{parse_marker, shape, MarkerKind, MarkerKind::*, Shape};
use yilan::parse_text;

/// A marker as the table writes it: kind, as written, value.
type Expected = (MarkerKind, &'static str, u32);

/// line → the marker kind, the marker as written and its value (or no marker).
/// Decimal numbers count only in documents that use them (the flag).
const MARKERS: &[(&str, bool, Option<Expected>)] = &[
    // first level
    ("一、总体情况", false, Some((CnComma, "一、", 1))),
    ("十一、其他事项", false, Some((CnComma, "十一、", 11))),
    ("二十、附则", false, Some((CnComma, "二十、", 20))),
    // second level, full- and half-width brackets, two-digit numbers
    ("（一）主要职责", false, Some((CnParen, "（一）", 1))),
    ("(一)主要职责", false, Some((CnParen, "(一)", 1))),
    ("（一)括号不配对也算", false, Some((CnParen, "（一)", 1))),
    ("(十一)涉农补贴领域", false, Some((CnParen, "(十一)", 11))),
    ("（十四）未涉及领域", false, Some((CnParen, "（十四）", 14))),
    // third level: 1. / 1、 / 1． and full-width digits
    ("1.贯彻执行", false, Some((Arabic, "1.", 1))),
    ("1、贯彻执行", false, Some((Arabic, "1、", 1))),
    ("1．贯彻执行", false, Some((Arabic, "1．", 1))),
    ("１２．全角数字", false, Some((Arabic, "１２．", 12))),
    // fourth level
    (
        "（1）中、省、市、县",
        false,
        Some((ArabicParen, "（1）", 1)),
    ),
    ("(12)县级各部门", false, Some((ArabicParen, "(12)", 12))),
    ("⑴带括号的数字", false, Some((ArabicParen, "⑴", 1))),
    ("①第一项", false, Some((Circled, "①", 1))),
    ("⑩第十项", false, Some((Circled, "⑩", 10))),
    // parts, chapters, sections, articles
    ("第一部分 部门概况", false, Some((Part, "第一部分", 1))),
    ("第一章 总则", false, Some((Chapter, "第一章", 1))),
    ("第一章总则", false, Some((Chapter, "第一章", 1))),
    ("第三节 监督", false, Some((Section, "第三节", 3))),
    (
        "第十二条 本办法自发布之日起施行。",
        false,
        Some((Article, "第十二条", 12)),
    ),
    (
        "第一百零五条 附则",
        false,
        Some((Article, "第一百零五条", 105)),
    ),
    ("第1条 阿拉伯数字", false, Some((Article, "第1条", 1))),
    // decimal outline numbers, by dot depth
    ("1.1 编制目的", true, Some((Decimal(2), "1.1", 1))),
    ("2.10 资金保障", true, Some((Decimal(2), "2.10", 10))),
    ("1.2.3 细目", true, Some((Decimal(3), "1.2.3", 3))),
    ("1 总则", true, Some((Decimal(1), "1", 1))),
    ("8  附则", true, Some((Decimal(1), "8", 8))),
    ("1 总则", false, None),
    // not markers: numbers inside text, citations, 一是 enumerations
    ("1.5万元用于", false, None),
    ("1.5万元用于", true, None),
    ("1.1编制目的", true, None),
    ("2024年是关键之年", false, None),
    ("1-12月全镇", false, None),
    ("2020 年部门决算", true, None),
    ("第二十条第(一)项规定的情形", false, None),
    ("第三条规定的程序", false, None),
    ("第五条之一", false, None),
    ("一是筑牢工业发展硬支撑。", false, None),
    ("统一部署", false, None),
    ("（此件公开发布）", false, None),
];

#[test]
fn markers() {
    for &(line, decimal, expected) in MARKERS {
        let got = parse_marker(line, decimal).map(|m| (m.kind, &line[..m.end], m.value));
        assert_eq!(got, expected, "{line:?} (decimal: {decimal})");
    }
}

/// text after the marker → what the numbered line is.
const SHAPES: &[(&str, Shape)] = &[
    // a heading: short, no sentence
    ("2023年工作总结", Shape::Heading),
    ("加快调整能源结构(省发改委总牵头)", Shape::Heading),
    ("坚持问题导向，突出重点", Shape::Heading),
    // a short phrase with its 。 and nothing after is still a heading
    ("制订实施全省煤炭消费总量控制方案。", Shape::Heading),
    // a run-in heading: short phrase, 。, then the paragraph
    (
        "重点项目加速推进。台州新材料产业园政策处理工作取得突破性进展。",
        Shape::RunIn {
            split: "重点项目加速推进。".len(),
        },
    ),
    (
        "创新“两智融合”治理方式。围绕……",
        Shape::RunIn {
            split: "创新“两智融合”治理方式。".len(),
        },
    ),
    // a phrase with a comma before its 。 is a sentence
    ("我们坚持稳中求进,狠抓落实。全年目标完成。", Shape::Item),
    // numbered items: sentences
    ("贯彻执行国家、省、市审计方针政策;参与制定地方性审计、财经法规。", Shape::Item),
    ("中、省、市、县有关重大政策措施贯彻执行情况;", Shape::Item),
    ("依据《中华人民共和国审计法》的规定,直接进行下列审计:", Shape::Item),
    ("县政府由县长、副县长、县政府党组成员,县政府各工作部门主要负责人组成。", Shape::Item),
    (
        "这是一个没有句号但是长得超过五十个字的编号行因此不像标题而是一个条目内容需要作为列表项保留下来才对的一行文字",
        Shape::Item,
    ),
];

#[test]
fn shapes() {
    for &(rest, expected) in SHAPES {
        assert_eq!(shape(rest), expected, "{rest:?}");
    }
}

/// The outline of a document as lines "L<level> <marker> <heading>", lists
/// as "list <markers>", paragraphs as "p".
fn outline(doc: &Document) -> Vec<String> {
    let mut out = Vec::new();
    yilan::ids::walk(doc, |path, block| {
        let pad = "  ".repeat(path.len() - 1);
        match block {
            Block::Section(s) => out.push(format!("{pad}L{} {} {}", s.level, s.marker, s.heading)),
            Block::List(l) => {
                let markers: Vec<&str> = l.items.iter().map(|i| i.marker.as_str()).collect();
                out.push(format!("{pad}list {}", markers.join(" ")));
            }
            Block::Paragraph(_) => out.push(format!("{pad}p")),
            _ => out.push(format!("{pad}other")),
        }
    });
    out
}

/// document → outline: levels follow the markers a document uses.
const DOCUMENTS: &[(&str, &str, &[&str])] = &[
    (
        "GB/T 9704 four levels",
        "一、总体要求\n（一）目标\n1.数量目标\n（1）年度目标\n",
        &["L1 一、 总体要求", "  L2 （一） 目标", "    L3 1. 数量目标", "      L4 （1） 年度目标"],
    ),
    (
        "a fifth level becomes a list (with a TooDeep diagnostic)",
        "一、甲\n（一）乙\n1.丙\n（1）丁\n①戊\n②己\n",
        &["L1 一、 甲", "  L2 （一） 乙", "    L3 1. 丙", "      L4 （1） 丁", "        list ① ②"],
    ),
    (
        "a document starting at 第一章 has 章 at level 1, 条 at level 2",
        "第一章 总则\n第一条 为规范管理，制定本办法。\n第二条 本办法适用于全县。\n第二章 职责\n第三条 主要职责是：\n",
        &[
            "L1 第一章 总则",
            "  L2 第一条 ",
            "    p",
            "  L2 第二条 ",
            "    p",
            "L1 第二章 职责",
            "  L2 第三条 ",
            "    p",
        ],
    ),
    (
        "an article that is only a short title keeps it as its heading",
        "第一条 适用范围\n本办法适用于全县。\n",
        &["L1 第一条 适用范围", "  p"],
    ),
    (
        "a kind already open closes what is inside it (sibling)",
        "一、甲\n（一）乙\n1.丙\n（二）丁\n二、戊\n",
        &["L1 一、 甲", "  L2 （一） 乙", "    L3 1. 丙", "  L2 （二） 丁", "L1 二、 戊"],
    ),
    (
        "an outer kind after an inner one closes the inner",
        "（一）甲\n一、乙\n",
        &["L1 （一） 甲", "L1 一、 乙"],
    ),
    (
        "run-in headings split after the first 。",
        "（一）重点项目加速推进。台州新材料产业园取得进展。\n（二）特色产业提质增效。完成托管企业1家。\n",
        &["L1 （一） 重点项目加速推进。", "  p", "L1 （二） 特色产业提质增效。", "  p"],
    ),
    (
        "numbered sentences are an ordered list, not sections",
        "（一）主要职责\n1.贯彻执行国家、省、市审计方针政策;参与制定法规。\n2.向县委审计委员会提出审计报告,向县政府报告。\n3.依据审计法的规定,直接进行下列审计:\n（1）中、省、市、县有关重大政策措施贯彻执行情况;\n（2）县级财政预算执行情况和其他财政收支情况;\n",
        &["L1 （一） 主要职责", "  list 1. 2. 3.", "  list （1） （2）"],
    ),
    (
        "a marker inside a sentence is not a heading",
        "根据第二十条第(一)项规定，一、二级事项由县政府负责。\n第二十条第(一)项规定的情形除外。\n",
        &["p", "p"],
    ),
    (
        "decimal numbers nest by dot depth",
        "1 总则\n1.1 编制目的\n为了应对突发事件。\n1.2 编制依据\n依据有关法律。\n2 组织体系\n2.1 指挥机构\n",
        &[
            "L1 1 总则",
            "  L2 1.1 编制目的",
            "    p",
            "  L2 1.2 编制依据",
            "    p",
            "L1 2 组织体系",
            "  L2 2.1 指挥机构",
        ],
    ),
    (
        "一是/二是/三是 in a paragraph become an ordered list after the lead",
        "一、工作计划\n总体思路。一是抓项目。加快推进。二是强服务。优化环境。三是保安全。守住底线。\n",
        &["L1 一、 工作计划", "  p", "  list 一是 二是 三是"],
    ),
    (
        "一是 without 二是 stays a paragraph",
        "总体思路。一是抓项目。三是保安全。\n",
        &["p"],
    ),
];

#[test]
fn documents() {
    for &(what, text, expected) in DOCUMENTS {
        let doc = parse_text(text);
        assert_eq!(outline(&doc), expected, "{what}");
    }
}

#[test]
fn too_deep_numbering_is_kept_and_reported() {
    let doc = parse_text("一、甲\n（一）乙\n1.丙\n（1）丁\n①戊\n");
    let codes: Vec<_> = doc.diagnostics.iter().map(|d| (d.code, d.line)).collect();
    assert!(
        codes.contains(&(yilan::DiagnosticCode::TooDeep, Some(5))),
        "{codes:?}"
    );
}

#[test]
fn numbering_gaps_are_reported() {
    let doc = parse_text("一、甲\n三、丙\n");
    let gaps: Vec<_> = doc
        .diagnostics
        .iter()
        .filter(|d| d.code == yilan::DiagnosticCode::OutlineGap)
        .map(|d| d.line)
        .collect();
    assert_eq!(gaps, [Some(2)]);
}

//! The metadata rules, as tables that read like documentation.

use std::collections::HashSet;

use yilan::model::MetaKey::{self, *};
use yilan::parse::meta::{lookup, parse_cells, parse_line, LabelKind, Unknown, LABELS};
use yilan::parse_text;

#[test]
fn the_label_table_is_large_and_every_label_reads_back() {
    let meta: Vec<_> = LABELS
        .iter()
        .filter(|(_, k)| matches!(k, LabelKind::Meta(_)))
        .collect();
    assert!(meta.len() >= 40, "{} label variants", meta.len());
    let keys: HashSet<String> = meta.iter().map(|(_, k)| format!("{k:?}")).collect();
    assert!(keys.len() >= 19, "{} keys", keys.len());
    let mut seen = HashSet::new();
    for &(label, kind) in LABELS {
        assert!(seen.insert(label), "{label} is in the table twice");
        assert_eq!(lookup(label), Some(kind), "{label}");
        // Spaced out and with a colon, as pages print them.
        let spaced: String = label.chars().flat_map(|c| [c, ' ']).collect();
        assert_eq!(lookup(&format!("{spaced}:")), Some(kind), "{spaced}");
        let line = parse_line(&format!("{label}: 值"), Unknown::Reject).expect(label);
        match kind {
            LabelKind::Meta(key) => {
                assert_eq!(line.fields.len(), 1, "{label}");
                assert_eq!(line.fields[0].key, key, "{label}");
                assert_eq!(line.fields[0].label, label);
                assert_eq!(line.fields[0].value, "值");
            }
            LabelKind::Chrome => {
                // A widget with its choices is chrome, whole.
                let widget = format!("{label}:【大 中 小】");
                let line = parse_line(&widget, Unknown::Reject).expect(label);
                assert!(line.fields.is_empty(), "{label}");
                assert_eq!(line.chrome, [widget]);
            }
        }
    }
}

/// A field as the tables write it: (key, label with spaces removed, value).
type Field = (MetaKey, &'static str, &'static str);

/// line → fields.
const LINES: &[(&str, &[Field])] = &[
    // two fields on one line, half-width colons
    (
        "索引号: LH331082-080/2024-131280 公开方式: 主动公开",
        &[(IndexNo, "索引号", "LH331082-080/2024-131280"), (Disclosure, "公开方式", "主动公开")],
    ),
    // an empty value before the next label
    ("文号: 成文日期: 2024-02-01", &[(DocNo, "文号", ""), (Written, "成文日期", "2024-02-01")]),
    // full-width colon, Chinese date and time
    ("发文日期：2024年04月06日 16:40", &[(Written, "发文日期", "2024年04月06日 16:40")]),
    // a space before the colon
    ("时效性 :现行有效", &[(Validity, "时效性", "现行有效")]),
    ("文号 :晋政发〔2018〕13号", &[(DocNo, "文号", "晋政发〔2018〕13号")]),
    // labels spaced with ASCII spaces or U+3000, with colons
    ("文  号: 成文日期:", &[(DocNo, "文号", ""), (Written, "成文日期", "")]),
    ("标\u{3000}\u{3000}题：关于印发的通知", &[(Title, "标题", "关于印发的通知")]),
    // spaced labels without colons (two fields per line)
    (
        "索   引   号 20191202-189769 分        类 其他; 市人民政府办公室;",
        &[(IndexNo, "索引号", "20191202-189769"), (Topic, "分类", "其他; 市人民政府办公室;")],
    ),
    (
        "发 布 机 构 市人民政府办公室 发 文 日 期 2019-11-29",
        &[(Publisher, "发布机构", "市人民政府办公室"), (Written, "发文日期", "2019-11-29")],
    ),
    // a bullet, and a date with stray spaces tidied
    ("  • 日期: 2014- 07- 25 11: 20", &[(Published, "日期", "2014-07-25 11:20")]),
    ("  • 浏览次数:", &[(Views, "浏览次数", "")]),
    // all on one line
    (
        "索引号:11532323015172622Y-/2018-1220012 公文目录:应急管理 发文日期:2017年06月28日 主题词: 文  号: 成文日期:",
        &[
            (IndexNo, "索引号", "11532323015172622Y-/2018-1220012"),
            (Topic, "公文目录", "应急管理"),
            (Written, "发文日期", "2017年06月28日"),
            (Keywords, "主题词", ""),
            (DocNo, "文号", ""),
            (Written, "成文日期", ""),
        ],
    ),
    // review statements of budget disclosures
    ("保密审查情况:已审查", &[(Review, "保密审查情况", "已审查")]),
    ("部门主要负责人审签情况:已审签", &[(Review, "部门主要负责人审签情况", "已审签")]),
    // 浏览字号 is a widget: not a field
    (
        "发布时间:2015-11-19 来源: 浏览量: 浏览字号:",
        &[(Published, "发布时间", "2015-11-19"), (Source, "来源", ""), (Views, "浏览量", "")],
    ),
    // a widget with its choices and actions is chrome; text after a widget
    // label that is not widget text is kept
    ("来源:本站 字号:【大 中 小】 打印 关闭", &[(Source, "来源", "本站")]),
    ("来源:本站 字号:默认 另有说明", &[(Source, "来源", "本站"), (Other, "字号", "默认 另有说明")]),
    // an unknown label after a known one is kept as "other"
    ("来源:新华社 记者:张三", &[(Source, "来源", "新华社"), (Other, "记者", "张三")]),
    // fields between bars, with or without spaces around them
    (
        "文号：某应急〔2024〕5号｜公开方式：主动公开|发布日期：2024-05-06 丨 来源：县应急局",
        &[
            (DocNo, "文号", "某应急〔2024〕5号"),
            (Disclosure, "公开方式", "主动公开"),
            (Published, "发布日期", "2024-05-06"),
            (Source, "来源", "县应急局"),
        ],
    ),
    // the page's widgets after a value on its line are not the value
    ("发布日期：2024-01-02 扫一扫在手机打开当前页", &[(Published, "发布日期", "2024-01-02")]),
    (
        "来源：市应急管理局 【字体：大 中 小】 打印 关闭",
        &[(Source, "来源", "市应急管理局")],
    ),
    // a widget's word inside a value, or the value's only word, stays
    ("来源：关闭窗口工作组", &[(Source, "来源", "关闭窗口工作组")]),
    ("来源：打印", &[(Source, "来源", "打印")]),
    ("发布单位：市政府 大 中 小", &[(Publisher, "发布单位", "市政府 大 中 小")]),
];

#[test]
fn widgets_after_a_value_go_with_the_lines_chrome() {
    let line = parse_line(
        "发布日期：2024-01-02 扫一扫在手机打开当前页",
        Unknown::AfterKnown,
    )
    .unwrap();
    assert_eq!(line.chrome, ["扫一扫在手机打开当前页"]);
    let line = parse_line("来源：市应急管理局 打印 关闭", Unknown::AfterKnown).unwrap();
    assert_eq!(line.chrome, ["打印 关闭"]);
}

#[test]
fn lines() {
    for &(line, expected) in LINES {
        let got = parse_line(line, Unknown::AfterKnown).unwrap_or_else(|| panic!("{line}"));
        let got: Vec<(MetaKey, &str, &str)> = got
            .fields
            .iter()
            .map(|f| (f.key, f.label.as_str(), f.value.as_str()))
            .collect();
        assert_eq!(got, expected, "{line}");
    }
}

/// Lines that are not metadata, though they have a colon.
const NOT_META: &[&str] = &[
    "主持人:大家上午好,这里是正在直播的广东“民声热线”。",
    "各位代表:",
    "各县(市)、区人民政府,市政府各委、办、局:",
    "日期 2019年",
    "分类推进垃圾治理",
    "节目名称:广东省知识产权局 (期数:450)",
];

#[test]
fn not_metadata() {
    for line in NOT_META {
        assert_eq!(parse_line(line, Unknown::AfterKnown), None, "{line}");
    }
}

/// table cells → fields; a label in a value slot means the value is empty.
const CELLS: &[(&[&str], &[Field])] = &[
    (
        &[
            "索 引 号:",
            "yishuisgz2761108/2021-0000066",
            "主 题 词:",
            "政务公开",
            "公开方式:",
            "主动公开",
            "",
            "",
        ],
        &[
            (IndexNo, "索引号", "yishuisgz2761108/2021-0000066"),
            (Keywords, "主题词", "政务公开"),
            (Disclosure, "公开方式", "主动公开"),
        ],
    ),
    (
        &[
            "文 号:",
            "发布机构:",
            "沂水县沙沟镇",
            "发布日期:",
            "2021-02-27",
            "",
        ],
        &[
            (DocNo, "文号", ""),
            (Publisher, "发布机构", "沂水县沙沟镇"),
            (Published, "发布日期", "2021-02-27"),
        ],
    ),
    (
        &["关键词", "发布机构", "大满镇", ""],
        &[(Keywords, "关键词", ""), (Publisher, "发布机构", "大满镇")],
    ),
    (&["有效性", ""], &[(Validity, "有效性", "")]),
    // each cell a whole field (page text: 索引号：… | 发布机构：… | …)
    (
        &[
            "索引号：001/2024-00012",
            " 发布机构：某某县应急管理局 ",
            "",
            "发布日期：2024-05-06 联系电话：12345",
        ],
        &[
            (IndexNo, "索引号", "001/2024-00012"),
            (Publisher, "发布机构", "某某县应急管理局"),
            (Published, "发布日期", "2024-05-06"),
            (Other, "联系电话", "12345"),
        ],
    ),
    (
        &["成文日期", "2024-06-05", "废止日期", ""],
        &[
            (Written, "成文日期", "2024-06-05"),
            (Expires, "废止日期", ""),
        ],
    ),
];

#[test]
fn cells() {
    for &(cells, expected) in CELLS {
        let got = parse_cells(cells).unwrap_or_else(|| panic!("{cells:?}"));
        let got: Vec<(MetaKey, &str, &str)> = got
            .fields
            .iter()
            .map(|f| (f.key, f.label.as_str(), f.value.as_str()))
            .collect();
        assert_eq!(got, expected, "{cells:?}");
    }
    assert_eq!(parse_cells(&["序号", "公开事项", "公开内容"]), None);
    // Every cell must be a field: a row of sentences with a colon is not.
    assert_eq!(
        parse_cells(&["索引号：1", "说明：本表为年度汇总。另附明细"]),
        None
    );
    assert_eq!(parse_cells(&["索引号：1", "其中部分内容仍在核实"]), None);
    assert_eq!(parse_cells(&["联系电话：12345", "索引号：1"]), None);
}

/// Whole-document behaviour of the metadata block.
#[test]
fn blocks() {
    // The value on a later, deeper-indented line (bullet layout).
    let doc = parse_text("镇巴县人民政府工作规则\n  • 索引号:\n\n    6107280000/2024-001005\n  • 主题分类:\n\n一、总则");
    assert_eq!(doc.meta_value(IndexNo), Some("6107280000/2024-001005"));
    assert_eq!(doc.meta_value(Topic), Some(""));
    // Printed twice: kept once, with a diagnostic.
    let doc = parse_text("通知标题在这里\n索引号: 1 发文机关: 省政府办公厅\n索引号: 1\n发文机关: 省政府办公厅\n一、正文");
    assert_eq!(doc.meta.len(), 2);
    assert!(doc
        .diagnostics
        .iter()
        .any(|d| d.code == yilan::DiagnosticCode::DuplicateMeta));
    // Unknown labels right below known ones belong to the block.
    let doc = parse_text("标题的文字内容\n索引号: 1\n联系电话: 12345\n一、正文");
    assert_eq!(
        doc.meta.last().map(|m| (m.key, m.label.as_str())),
        Some((Other, "联系电话"))
    );
    // The number under the title fills an empty 文号 (and is not repeated).
    let doc =
        parse_text("关于印发某某办法的通知\n文号: 成文日期:\n某政发〔2019〕29号\n各县人民政府:");
    assert_eq!(doc.meta_value(DocNo), Some("某政发〔2019〕29号"));
    // Fields between bars, a row of them and a line (they were a table
    // and a paragraph of the body).
    let doc = parse_text("关于做好2024年防汛工作的通知\n索引号：001/2024-00012 | 发布机构：某某县应急管理局\n文号：某应急〔2024〕5号｜公开方式：主动公开\n\n各乡镇人民政府：");
    let fields: Vec<(MetaKey, &str)> = doc.meta.iter().map(|m| (m.key, m.value.as_str())).collect();
    assert_eq!(
        fields,
        [
            (IndexNo, "001/2024-00012"),
            (Publisher, "某某县应急管理局"),
            (DocNo, "某应急〔2024〕5号"),
            (Disclosure, "主动公开")
        ]
    );
    assert!(
        matches!(doc.body.first(), Some(yilan::model::Block::Addressee(_))),
        "{:#?}",
        doc.body
    );
    // A damaged number is kept and reported.
    let doc = parse_text("发文字号: 号\n一、正文");
    assert!(doc
        .diagnostics
        .iter()
        .any(|d| d.code == yilan::DiagnosticCode::Garbled));
}

/// Metadata one cell to a line (a page laid out in boxes, copied as text):
/// each label on a line, its value on the next, or the next label when the
/// field is empty; a value must fit its field, so a title below a lone label
/// stays the title.
#[test]
fn a_label_on_a_line_and_its_value_on_the_next() {
    let fields = |doc: &yilan::Document| -> Vec<(MetaKey, String)> {
        doc.meta.iter().map(|m| (m.key, m.value.clone())).collect()
    };
    let owned = |pairs: &[(MetaKey, &str)]| -> Vec<(MetaKey, String)> {
        pairs.iter().map(|&(k, v)| (k, v.to_owned())).collect()
    };
    let doc = parse_text(
        "首页 > 政务公开 > 通知公告\n索引号\n113708280043326001/2024-02411\n公开方式\n主动公开\n\
         文号\n发布机构\n金乡县胡集镇人民政府\n成文日期：\n2024-06-05\n\
         关于做好某某工作的通知\n各村（社区）：\n为做好某某工作，现将有关事项通知如下。\n一、总体要求\n坚持问题导向。",
    );
    assert_eq!(
        fields(&doc),
        owned(&[
            (IndexNo, "113708280043326001/2024-02411"),
            (Disclosure, "主动公开"),
            (DocNo, ""),
            (Publisher, "金乡县胡集镇人民政府"),
            (Written, "2024-06-05"),
        ])
    );
    assert_eq!(doc.title.as_deref(), Some("关于做好某某工作的通知"));
    assert!(doc.diagnostics.is_empty(), "{:?}", doc.diagnostics);

    // After the title; the last label's line below is the body, not its value.
    let doc = parse_text(
        "关于做好某某工作的通知\n发布机构\n某某县应急管理局\n发布日期\n2024年6月5日\n文号\n\
         为做好某某工作，现将有关事项通知如下。",
    );
    assert_eq!(
        fields(&doc),
        owned(&[
            (Publisher, "某某县应急管理局"),
            (Published, "2024年6月5日"),
            (DocNo, ""),
        ])
    );
    assert_eq!(doc.title.as_deref(), Some("关于做好某某工作的通知"));

    // A title is no value: not under 发布机构, nor a date under 成文日期.
    let doc = parse_text(
        "索引号\n001/2024-00012\n成文日期\n2024-06-05\n发布机构\n\
         关于印发某某县防汛应急预案的通知\n一、总则\n正文。",
    );
    assert_eq!(
        fields(&doc),
        owned(&[
            (IndexNo, "001/2024-00012"),
            (Written, "2024-06-05"),
            (Publisher, "")
        ])
    );
    assert_eq!(
        doc.title.as_deref(),
        Some("关于印发某某县防汛应急预案的通知")
    );
    let doc = parse_text(
        "索引号\n001/2024-00012\n公开方式\n主动公开\n成文日期\n某某镇人民政府\n一、正文\n正文。",
    );
    assert_eq!(fields(&doc)[2], (Written, String::new()));

    // One label and its value alone are not enough to read as metadata.
    let doc = parse_text("某某镇2024年工作计划\n来源\n上盘镇\n一、总体要求\n正文。");
    assert!(doc.meta.is_empty(), "{:?}", doc.meta);
}

/// A line of the page's details may begin with a label the table does not
/// know (时间：…) when known ones follow it; without them it is body text.
#[test]
fn a_details_line_may_begin_with_a_label_of_its_own() {
    let line = "时间：2024-06-05 10:20  来源：某某县应急管理局  浏览次数：123";
    let read = parse_line(line, Unknown::AfterKnown).expect(line);
    let fields: Vec<(MetaKey, &str, &str)> = read
        .fields
        .iter()
        .map(|f| (f.key, f.label.as_str(), f.value.as_str()))
        .collect();
    assert_eq!(
        fields,
        [
            (Other, "时间", "2024-06-05 10:20"),
            (Source, "来源", "某某县应急管理局"),
            (Views, "浏览次数", "123"),
        ]
    );
    assert_eq!(parse_line(line, Unknown::Reject), None);
    let doc = parse_text(&format!(
        "关于做好2024年防汛工作的通知\n{line}\n各乡镇人民政府：\n为做好防汛工作，通知如下。"
    ));
    assert_eq!(doc.meta.len(), 3);
    assert!(matches!(
        doc.body.first(),
        Some(yilan::model::Block::Addressee(_))
    ));
    // A meeting's time and place are the notice's text, not its details.
    let meeting = "时间：6月5日上午9时 地点：县政府三楼会议室";
    assert_eq!(parse_line(meeting, Unknown::AfterKnown), None);
    let doc = parse_text(&format!(
        "关于召开防汛工作会议的通知\n{meeting}\n请准时参加。"
    ));
    assert!(doc.meta.is_empty(), "{:?}", doc.meta);
}

/// A title that cites another document's number (关于执行国发〔2019〕5号文件…)
/// is the title, not a damaged 文号 of the page; a bare number line is still
/// one, and one that lost its closing bracket is reported.
#[test]
fn titles_that_cite_a_number() {
    for title in [
        "关于执行国发〔2019〕5号文件有关问题的说明",
        "关于印发国发〔2019〕5号文件的通知",
        "关于转发国发〔2019〕5号",
    ] {
        let doc = parse_text(&format!("{title}\n发布日期：2024-01-01\n\n一、正文。"));
        assert_eq!(doc.title.as_deref(), Some(title), "{doc:#?}");
        assert!(doc.meta.iter().all(|f| f.key != DocNo), "{:#?}", doc.meta);
        assert!(doc.diagnostics.is_empty(), "{:#?}", doc.diagnostics);
    }
    let doc = parse_text("关于做好防汛工作的通知\n临政发〔2019〕5号\n\n一、正文。");
    assert_eq!(doc.title.as_deref(), Some("关于做好防汛工作的通知"));
    assert_eq!(
        doc.meta
            .iter()
            .map(|f| (f.key, f.value.as_str()))
            .collect::<Vec<_>>(),
        [(DocNo, "临政发〔2019〕5号")]
    );
    let doc = parse_text("关于做好防汛工作的通知\n临政发〔201905\n\n一、正文。");
    assert!(doc
        .diagnostics
        .iter()
        .any(|d| d.code == yilan::DiagnosticCode::Garbled));
}

use super::*;
use crate::model::{Block, Paragraph, Section};
use crate::render::{render, RenderOptions};

fn section(level: u8, marker: &str, heading: &str, blocks: Vec<Block>) -> Block {
    Block::Section(Section {
        level,
        marker: marker.into(),
        heading: heading.into(),
        run_in: false,
        blocks,
    })
}

fn sample() -> Document {
    Document {
        title: Some("工作总结".into()),
        body: vec![
            Block::Paragraph(Paragraph::plain("导语。")),
            section(
                1,
                "一、",
                "总体情况",
                vec![
                    section(2, "（一）", "重点项目。", vec![]),
                    Block::Paragraph(Paragraph::plain("正文。")),
                ],
            ),
            section(1, "二、", "下一步<计划>", vec![]),
        ],
        ..Document::default()
    }
}

fn elderly(scale: f32) -> Prefs {
    Prefs {
        mode: Mode::Elderly,
        scale,
        ..Prefs::default()
    }
}

/// The opening tags of every element with attribute `attr`.
fn tags_with<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
    html.split('<')
        .filter(|tag| tag.contains(attr))
        .map(|tag| tag.split('>').next().unwrap_or(tag))
        .collect()
}

/// The opening tag of the tool named `tool`.
fn tool_tag(html: &str, tool: Tool) -> &str {
    let needle = format!("data-yl-tool=\"{}\"", tool.as_str());
    let tags = tags_with(html, &needle);
    assert_eq!(tags.len(), 1, "{tool:?} once: {tags:?}");
    tags[0]
}

/// The whole toolbar of a small document, read line by line: the order of
/// the tools, one tab stop, states, panels, escaping.
#[test]
fn the_toolbar_as_written() {
    let html = toolbar(&sample(), &elderly(1.0), &ToolbarOptions::default());
    let expected = r#"<div id="yl-tb" class="yl-toolbar">
<div id="yl-tb-tools" class="yl-tools" role="toolbar" aria-label="阅读工具">
<button type="button" class="yl-tool" data-yl-tool="more" data-yl-elderly tabindex="-1" aria-expanded="false">更多工具</button>
<div class="yl-tool-group" role="group" data-yl-elderly aria-label="字号">
<button type="button" class="yl-tool" data-yl-tool="smaller" data-yl-elderly tabindex="-1" aria-disabled="true" aria-describedby="yl-tb-scale">缩小</button>
<span id="yl-tb-scale" class="yl-scale-status">字号 100%</span>
<button type="button" class="yl-tool" data-yl-tool="larger" data-yl-elderly tabindex="0" aria-describedby="yl-tb-scale">放大</button>
</div>
<button type="button" class="yl-tool" data-yl-tool="theme" data-yl-elderly tabindex="-1" aria-expanded="false" aria-controls="yl-tb-theme">配色</button>
<button type="button" class="yl-tool" data-yl-tool="read" data-yl-elderly tabindex="-1" aria-disabled="true" aria-describedby="yl-tb-speech-note">朗读</button>
<button type="button" class="yl-tool" data-yl-tool="point" data-yl-elderly tabindex="-1" aria-disabled="true" aria-describedby="yl-tb-speech-note">指读</button>
<button type="button" class="yl-tool" data-yl-tool="guide" data-yl-elderly tabindex="-1" aria-pressed="false">阅读辅助线</button>
<button type="button" class="yl-tool" data-yl-tool="cursor" data-yl-elderly tabindex="-1" aria-pressed="false">大鼠标</button>
<button type="button" class="yl-tool" data-yl-tool="outline" data-yl-elderly tabindex="-1" aria-expanded="false" aria-controls="yl-tb-outline">目录</button>
<button type="button" class="yl-tool" data-yl-tool="print" data-yl-elderly tabindex="-1">打印</button>
<button type="button" class="yl-tool" data-yl-tool="mode" tabindex="-1"><span class="yl-when-standard">进入老年模式</span><span class="yl-when-elderly">退出老年模式</span></button>
<p id="yl-tb-speech-note" class="yl-speech-note" data-yl-elderly>暂不可用</p>
</div>
<div id="yl-tb-theme" class="yl-panel" role="group" data-yl-elderly hidden aria-labelledby="yl-tb-theme-title">
<p id="yl-tb-theme-title" class="yl-panel-title">选择配色</p>
<div class="yl-theme-options">
<button type="button" class="yl-theme-option" data-yl-theme="auto" aria-pressed="true">跟随系统</button>
<button type="button" class="yl-theme-option" data-yl-theme="standard" aria-pressed="false">标准</button>
<button type="button" class="yl-theme-option" data-yl-theme="yellow-on-black" aria-pressed="false">黑底黄字</button>
<button type="button" class="yl-theme-option" data-yl-theme="white-on-black" aria-pressed="false">黑底白字</button>
<button type="button" class="yl-theme-option" data-yl-theme="black-on-white" aria-pressed="false">白底黑字</button>
<button type="button" class="yl-theme-option" data-yl-theme="cream" aria-pressed="false">护眼</button>
</div>
<button type="button" class="yl-panel-close" data-yl-close>收起</button>
</div>
<nav id="yl-tb-outline" class="yl-panel" data-yl-elderly hidden aria-labelledby="yl-tb-outline-title">
<p id="yl-tb-outline-title" class="yl-panel-title">章节目录</p>
<ol class="yl-outline">
<li data-depth="1"><button type="button" class="yl-outline-entry" data-yl-target="yl-s2-h"><span class="yl-marker">一、</span>总体情况</button></li>
<li data-depth="2"><button type="button" class="yl-outline-entry" data-yl-target="yl-s2-1-h"><span class="yl-marker">（一）</span>重点项目。</button></li>
<li data-depth="1"><button type="button" class="yl-outline-entry" data-yl-target="yl-s3-h"><span class="yl-marker">二、</span>下一步&lt;计划&gt;</button></li>
</ol>
<button type="button" class="yl-panel-close" data-yl-close>收起</button>
</nav>
</div>
"#;
    for (n, (got, want)) in html.lines().zip(expected.lines()).enumerate() {
        assert_eq!(got, want, "line {}", n + 1);
    }
    assert_eq!(html, expected);
}

#[test]
fn one_tab_stop_the_first_tool_the_mode_shows_that_can_be_used() {
    for (prefs, stop, speech) in [
        (Prefs::default(), Tool::Mode, false),
        (elderly(1.5), Tool::Smaller, false),
        (Prefs::default(), Tool::Mode, true),
        (elderly(1.5), Tool::Smaller, true),
        // 缩小 is disabled at 100%: 放大 is the first that does something.
        (elderly(1.0), Tool::Larger, true),
        (elderly(3.0), Tool::Smaller, true),
    ] {
        let options = ToolbarOptions {
            speech,
            ..ToolbarOptions::default()
        };
        let html = toolbar(&sample(), &prefs, &options);
        let stops = tags_with(&html, "tabindex=\"0\"");
        assert_eq!(stops.len(), 1, "{stops:?}");
        assert!(stops[0].contains(&format!("data-yl-tool=\"{}\"", stop.as_str())));
        // Every tool is written in every mode; the stylesheet hides the
        // elderly ones in standard mode. 停止 and 语速 only where speech
        // may work.
        for tool in Tool::ALL
            .into_iter()
            .filter(|t| speech || !matches!(t, Tool::Stop | Tool::Rate))
        {
            let tag = tool_tag(&html, tool);
            assert_eq!(
                tag.contains("data-yl-elderly"),
                tool.elderly_only(),
                "{tag}"
            );
            assert!(tag.contains("tabindex="), "{tag}");
        }
    }
}

#[test]
fn size_buttons_are_disabled_only_at_the_ends() {
    for (scale, smaller_off, larger_off, status) in [
        (1.0, true, false, "字号 100%"),
        (1.75, false, false, "字号 175%"),
        (3.0, false, true, "字号 300%"),
    ] {
        let html = toolbar(&sample(), &elderly(scale), &ToolbarOptions::default());
        let disabled = |tool| tool_tag(&html, tool).contains("aria-disabled=\"true\"");
        assert_eq!(disabled(Tool::Smaller), smaller_off, "{scale}");
        assert_eq!(disabled(Tool::Larger), larger_off, "{scale}");
        assert!(html.contains(&format!(">{status}</span>")), "{scale}");
        // aria-disabled, not disabled: a disabled button would drop the
        // focus of a reader who just pressed it to the end.
        assert!(!html.contains(" disabled"), "{scale}");
    }
}

#[test]
fn pressed_states_follow_the_preferences() {
    let prefs = Prefs {
        guide: true,
        cursor: Cursor::Large,
        theme: "cream".into(),
        ..elderly(1.0)
    };
    let html = toolbar(&sample(), &prefs, &ToolbarOptions::default());
    assert!(tool_tag(&html, Tool::Guide).contains("aria-pressed=\"true\""));
    assert!(tool_tag(&html, Tool::Cursor).contains("aria-pressed=\"true\""));
    let pressed = tags_with(&html, "aria-pressed=\"true\"");
    assert_eq!(pressed.len(), 3, "{pressed:?}");
    assert!(pressed
        .iter()
        .any(|tag| tag.contains("data-yl-theme=\"cream\"")));

    let unknown = Prefs {
        theme: "gone".into(),
        ..elderly(1.0)
    };
    let html = toolbar(&sample(), &unknown, &ToolbarOptions::default());
    let pressed = tags_with(&html, "aria-pressed=\"true\"");
    assert_eq!(pressed.len(), 1);
    assert!(pressed[0].contains("data-yl-theme=\"auto\""), "{pressed:?}");
}

#[test]
fn speech_tools_say_when_they_cannot_work() {
    let without = toolbar(&sample(), &elderly(1.0), &ToolbarOptions::default());
    for tool in [Tool::Read, Tool::Point] {
        let tag = tool_tag(&without, tool);
        assert!(tag.contains("aria-disabled=\"true\""), "{tag}");
        assert!(!tag.contains("aria-pressed"), "{tag}");
    }
    // Said once, in the note both are described by.
    assert_eq!(without.matches("暂不可用").count(), 1);
    for tool in [Tool::Read, Tool::Point] {
        assert!(tool_tag(&without, tool).contains("aria-describedby=\"yl-tb-speech-note\""));
    }

    let prefs = Prefs {
        pointer_reading: true,
        ..elderly(1.0)
    };
    let options = ToolbarOptions {
        speech: true,
        ..ToolbarOptions::default()
    };
    let with = toolbar(&sample(), &prefs, &options);
    assert!(!with.contains("暂不可用"));
    assert!(!tool_tag(&with, Tool::Read).contains("aria-disabled"));
    assert!(
        !tool_tag(&with, Tool::Read).contains("aria-pressed"),
        "a label that changes, not a pressed state"
    );
    assert!(tool_tag(&with, Tool::Point).contains("aria-pressed=\"true\""));
    assert!(
        tool_tag(&with, Tool::Stop).contains(" hidden"),
        "停止 shows only while reading"
    );
    for (tool, label) in [(Tool::Read, "朗读"), (Tool::Point, "指读")] {
        assert!(tool_tag(&with, tool).contains("aria-describedby=\"yl-tb-speech-note\""));
        assert!(with.contains(&format!(
            "<span class=\"yl-tool-label\">{label}</span></button>"
        )));
    }
    // The note both are described by: hidden and empty until the view
    // knows there is no voice.
    assert!(with.contains(
        "<p id=\"yl-tb-speech-note\" class=\"yl-speech-note\" data-yl-elderly hidden></p>\n</div>"
    ));
    assert!(with.contains(">停止</button>"));
    // The order: 配色, 朗读, 停止, 指读, 语速, 阅读辅助线.
    let order: Vec<usize> = [
        Tool::Theme,
        Tool::Read,
        Tool::Stop,
        Tool::Point,
        Tool::Rate,
        Tool::Guide,
    ]
    .iter()
    .map(|t| {
        with.find(&format!("data-yl-tool=\"{}\"", t.as_str()))
            .unwrap_or(usize::MAX)
    })
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
}

#[test]
fn speech_notices_in_every_locale() {
    use super::{no_voice_note, NoVoice, SpeechNotice};
    for locale in [Locale::ZhCn, Locale::ZhTw, Locale::En] {
        for why in [
            NoVoice::NoEngine,
            NoVoice::NoChineseVoice,
            NoVoice::EngineError,
        ] {
            assert!(!no_voice_note(locale, why).is_empty());
            assert!(
                !notice_text(locale, Notice::Speech(SpeechNotice::Unavailable(why))).is_empty()
            );
        }
    }
    assert_eq!(
        no_voice_note(Locale::ZhCn, NoVoice::NoChineseVoice),
        "本浏览器无中文语音"
    );
    assert_eq!(
        notice_text(
            Locale::ZhCn,
            Notice::Speech(SpeechNotice::Unavailable(NoVoice::NoChineseVoice))
        ),
        "本浏览器无中文语音，无法朗读"
    );
    assert_eq!(
        notice_text(Locale::ZhTw, Notice::Speech(SpeechNotice::Done)),
        "朗讀完畢"
    );
    assert_eq!(
        notice_text(Locale::ZhCn, Notice::Speech(SpeechNotice::Paused)),
        "已暂停朗读"
    );
}

#[test]
fn other_locales_mark_their_language() {
    let options = ToolbarOptions {
        locale: Locale::En,
        speech: false,
    };
    let html = toolbar(&sample(), &elderly(1.0), &options);
    assert!(html.starts_with("<div id=\"yl-tb\" class=\"yl-toolbar\" lang=\"en\">"));
    assert!(html.contains("aria-label=\"Reading tools\""));
    assert!(html.contains(">Larger</button>"));
    assert!(html.contains(">Text size 100%</span>"));
    assert!(html.contains(">Yellow on black</button>"));
    assert!(html.contains("<span class=\"yl-when-elderly\">Exit elderly mode</span>"));
    // The outline holds the document's own words, in its language.
    assert!(html.contains("<ol class=\"yl-outline\" lang=\"zh-CN\">"));
    assert!(view_end(&sample(), &options)
        .contains("role=\"status\" aria-live=\"polite\" aria-atomic=\"true\" lang=\"en\""));

    let tw = ToolbarOptions {
        locale: Locale::ZhTw,
        speech: false,
    };
    let html = toolbar(&sample(), &elderly(1.0), &tw);
    assert!(html.contains("lang=\"zh-TW\""));
    assert!(html.contains(">放大</button>"));
    assert!(html.contains(">黑底黃字</button>"));
    assert!(html.contains(">大滑鼠</button>"));
}

#[test]
fn outline_targets_are_the_rendered_headings() {
    let doc = sample();
    let entries = outline(&doc);
    let targets: Vec<(&str, usize)> = entries
        .iter()
        .map(|e| (e.target.as_str(), e.depth))
        .collect();
    assert_eq!(targets, [("yl-s2-h", 1), ("yl-s2-1-h", 2), ("yl-s3-h", 1)]);
    let view = render(&doc, &RenderOptions::default());
    for entry in &entries {
        assert!(
            view.contains(&format!("id=\"{}\"", entry.target)),
            "{} is in the view",
            entry.target
        );
    }
}

#[test]
fn an_article_without_a_heading_shows_the_start_of_its_text_in_the_outline() {
    let para = |t: &str| Block::Paragraph(Paragraph::plain(t));
    let doc = Document {
        body: vec![section(
            1,
            "第一章",
            "总则",
            vec![
                section(2, "第一条", "", vec![para("为加强资源管理，制定本细则。")]),
                section(
                    2,
                    "第二条",
                    "",
                    vec![para("本细则适用于全市各级行政机关的政务云平台资源申请使用")],
                ),
                section(2, "第三条", "", vec![para("短句")]),
                section(2, "第四条", "", vec![]),
                section(2, "一、", "有标题", vec![para("正文。")]),
            ],
        )],
        ..Document::default()
    };
    let entries: Vec<(String, String, String)> = outline(&doc)
        .into_iter()
        .map(|e| (e.marker, e.heading, e.excerpt))
        .collect();
    let expected = [
        ("第一章", "总则", ""),
        ("第一条", "", "为加强资源管理…"),
        ("第二条", "", "本细则适用于全市各级行政机关的政务云…"),
        ("第三条", "", "短句"),
        ("第四条", "", ""),
        ("一、", "有标题", ""),
    ];
    let expected: Vec<(String, String, String)> = expected
        .iter()
        .map(|&(m, h, e)| (m.into(), h.into(), e.into()))
        .collect();
    assert_eq!(entries, expected);
    let html = toolbar(&doc, &elderly(1.0), &ToolbarOptions::default());
    assert!(html.contains(
        "<span class=\"yl-marker yl-gap\">第一条</span><span class=\"yl-excerpt\">为加强资源管理…</span></button>"
    ));
    assert!(html.contains("<span class=\"yl-marker yl-gap\">第四条</span></button>"));
}

#[test]
fn a_document_without_sections_says_so() {
    let doc = Document {
        body: vec![Block::Paragraph(Paragraph::plain("只有一段。"))],
        ..Document::default()
    };
    let html = toolbar(&doc, &elderly(1.0), &ToolbarOptions::default());
    assert!(html.contains("<p class=\"yl-panel-note\">本文没有章节标题。</p>"));
    assert!(!html.contains("yl-outline\""));
}

#[test]
fn document_text_in_the_outline_is_escaped() {
    let doc = Document {
        body: vec![section(
            1,
            "\"><script>",
            "<img src=x onerror=alert(1)>&",
            vec![],
        )],
        ..Document::default()
    };
    let html = toolbar(&doc, &elderly(1.0), &ToolbarOptions::default());
    assert!(!html.contains("<script"));
    assert!(!html.contains("<img"));
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;&amp;"));
    assert!(html.contains("\"&gt;&lt;script&gt;"));
}

#[test]
fn the_end_of_the_view_holds_the_live_region_and_the_guide() {
    let html = view_end(&sample(), &ToolbarOptions::default());
    assert_eq!(
        html,
        "<div id=\"yl-tb-live\" class=\"yl-visually-hidden\" role=\"status\" aria-live=\"polite\" aria-atomic=\"true\"></div>\n\
         <div id=\"yl-tb-guide\" class=\"yl-guide\" aria-hidden=\"true\"></div>\n"
    );
}

/// 语速: a tool and a panel only where speech may work; the panel's four
/// rates, the reader's pressed, none for a rate set through the API that is
/// none of them.
#[test]
fn the_rate_panel_as_written() {
    let options = ToolbarOptions {
        speech: true,
        ..ToolbarOptions::default()
    };
    let html = toolbar(&sample(), &elderly(1.0), &options);
    let tag = tool_tag(&html, Tool::Rate);
    assert!(
        tag.contains("aria-expanded=\"false\" aria-controls=\"yl-tb-rate\""),
        "{tag}"
    );
    assert!(html.contains(concat!(
        "<div id=\"yl-tb-rate\" class=\"yl-panel\" role=\"group\" data-yl-elderly hidden aria-labelledby=\"yl-tb-rate-title\">\n",
        "<p id=\"yl-tb-rate-title\" class=\"yl-panel-title\">朗读语速</p>\n",
        "<div class=\"yl-choices\">\n",
        "<button type=\"button\" class=\"yl-choice\" data-yl-rate=\"0.7\" aria-pressed=\"false\">慢</button>\n",
        "<button type=\"button\" class=\"yl-choice\" data-yl-rate=\"0.9\" aria-pressed=\"true\">稍慢</button>\n",
        "<button type=\"button\" class=\"yl-choice\" data-yl-rate=\"1\" aria-pressed=\"false\">正常</button>\n",
        "<button type=\"button\" class=\"yl-choice\" data-yl-rate=\"1.3\" aria-pressed=\"false\">快</button>\n",
        "</div>\n",
        "<button type=\"button\" class=\"yl-panel-close\" data-yl-close>收起</button>\n",
        "</div>\n"
    )));
    let pressed = |rate: f32| {
        let prefs = Prefs {
            speech_rate: rate,
            ..elderly(1.0)
        };
        let html = toolbar(&sample(), &prefs, &options);
        tags_with(&html, "aria-pressed=\"true\"")
            .into_iter()
            .filter(|tag| tag.contains("data-yl-rate"))
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        pressed(0.7),
        ["button type=\"button\" class=\"yl-choice\" data-yl-rate=\"0.7\" aria-pressed=\"true\""]
    );
    assert!(pressed(1.3)[0].contains("data-yl-rate=\"1.3\""));
    assert!(pressed(1.5).is_empty(), "a rate the panel does not offer");

    let without = toolbar(&sample(), &elderly(1.0), &ToolbarOptions::default());
    assert!(!without.contains("data-yl-tool=\"rate\""));
    assert!(!without.contains("yl-tb-rate"));
}

#[test]
fn notices_in_every_locale() {
    let cases: [(Notice, &str, &str); 20] = [
        (Notice::Rate(0.7), "语速：慢", "Reading speed: Slow"),
        (
            Notice::Rate(0.9),
            "语速：稍慢",
            "Reading speed: Slightly slow",
        ),
        (Notice::Rate(1.5), "语速：150%", "Reading speed: 150%"),
        (
            Notice::Mode(Mode::Elderly),
            "已进入老年模式",
            "Elderly mode is on",
        ),
        (
            Notice::Mode(Mode::Standard),
            "已退出老年模式",
            "Elderly mode is off",
        ),
        (Notice::Scale(1.25), "字号 125%", "Text size 125%"),
        (
            Notice::Smallest,
            "已是最小字号",
            "The text is at its smallest",
        ),
        (
            Notice::Largest,
            "已是最大字号",
            "The text is at its largest",
        ),
        (
            Notice::Theme("yellow-on-black"),
            "配色：黑底黄字",
            "Colours: Yellow on black",
        ),
        (
            Notice::Theme("auto"),
            "配色：跟随系统",
            "Colours: As the system",
        ),
        (Notice::Guide(true), "阅读辅助线已打开", "Reading guide on"),
        (
            Notice::Cursor(Cursor::Normal),
            "大鼠标已关闭",
            "Large pointer off",
        ),
        (
            Notice::ReadUnavailable,
            "朗读功能暂不可用",
            "Reading aloud is not available yet",
        ),
        (
            Notice::PointUnavailable,
            "指读功能暂不可用",
            "Point to read is not available yet",
        ),
        (
            Notice::CannotClose,
            "此页面无法自行关闭，请在浏览器中关闭此标签页",
            "This page cannot close itself: please close the tab in your browser",
        ),
        (
            Notice::LinkCopied,
            "已复制本页链接，可以粘贴发给亲友",
            "The link to this page is copied: paste it to send it on",
        ),
        (
            Notice::ShareLink("https://www.linhai.gov.cn/art/1.html"),
            "请复制本页链接分享：https://www.linhai.gov.cn/art/1.html",
            "Copy this page's link to share it: https://www.linhai.gov.cn/art/1.html",
        ),
        (
            Notice::Bookmark(Bookmarking::Keys),
            "请同时按键盘上的 Ctrl 和 D 键，把本页加入收藏夹",
            "Press Ctrl and D together to bookmark this page",
        ),
        (
            Notice::Bookmark(Bookmarking::MacKeys),
            "请同时按键盘上的 ⌘ 和 D 键，把本页加入收藏夹",
            "Press ⌘ and D together to bookmark this page",
        ),
        (
            Notice::Bookmark(Bookmarking::Menu),
            "请打开浏览器的菜单，点“收藏”或“添加书签”",
            "Open your browser's menu and choose Bookmark to keep this page",
        ),
    ];
    for (notice, zh, en) in cases {
        assert_eq!(notice_text(Locale::ZhCn, notice), zh);
        assert_eq!(notice_text(Locale::En, notice), en);
        assert!(!notice_text(Locale::ZhTw, notice).is_empty());
    }
    assert_eq!(
        notice_text(Locale::ZhTw, Notice::Theme("cream")),
        "配色：護眼"
    );
}

#[test]
fn tool_names_round_trip() {
    for tool in Tool::ALL {
        assert_eq!(Tool::from_name(tool.as_str()), Some(tool));
    }
    assert_eq!(Tool::from_name("close"), None);
    assert_eq!(Tool::from_name(""), None);
    let choices: Vec<&str> = theme_choices().collect();
    assert_eq!(choices[0], "auto");
    assert_eq!(choices.len(), theme::themes().len() + 1);
}

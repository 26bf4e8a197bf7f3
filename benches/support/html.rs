//! HTML inputs: the HTML fixtures, the demo portal page
//! (`www/index.html`), generated pages of any size (the generated page text
//! of `corpus.rs` marked up as a portal's article), and 100,000 nested
//! elements.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use super::corpus;

/// The ids of every HTML input, in benchmark order; [`input`] makes each.
pub const IDS: &[&str] = &[
    "fixtures/01-govcn-zhengce-guofa-2018-43",
    "fixtures/02-govcn-zhengce-xiaofang-haopai-fujian",
    "fixtures/03-govcn-zhengce-sanji-yiyuan-long-tables",
    "fixtures/04-handan-xxgk-detail-saved.jsp",
    "fixtures/07-zj-jyt-tuwen-hanweb-article",
    "portal/index",
    "generated/100KB",
    "generated/1MB",
    "generated/10MB",
    "pathological/nested-100k",
];

/// The page with this id (one of [`IDS`]).
pub fn input(id: &str) -> Option<String> {
    if let Some(name) = id.strip_prefix("fixtures/") {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/html")
            .join(format!("{name}.html"));
        return Some(fs::read_to_string(&path).expect("HTML fixture"));
    }
    Some(match id {
        "portal/index" => {
            let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("www/index.html");
            fs::read_to_string(&path).expect("portal page")
        }
        "generated/100KB" => page(100_000),
        "generated/1MB" => page(1_000_000),
        "generated/10MB" => page(10_000_000),
        "pathological/nested-100k" => nested(100_000),
        _ => return None,
    })
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A portal article page of about `size` bytes of HTML: the generated page
/// text, its lines as paragraphs and its `|` rows as a table, inside the
/// page frame (navigation, breadcrumb, article box, footer).
pub fn page(size: usize) -> String {
    // Markup adds about a tenth to the text.
    let text = corpus::disclosure(size * 9 / 10);
    let mut out = String::with_capacity(size + 4096);
    out.push_str(
        "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\
         <title>上盘镇2023年工作总结及2024年工作计划</title>\
         <script>var site = {};</script><style>.nav{color:#333}</style></head><body>\
         <div class=\"nav\"><a href=\"/\">首页</a> <a href=\"/zwgk/\">政务公开</a> \
         <a href=\"/hdjl/\">互动交流</a></div>\
         <div class=\"position\">当前位置：<a href=\"/\">首页</a> &gt; \
         <a href=\"/zwgk/\">政务公开</a> &gt; 计划总结</div>\n<div id=\"zoom\" class=\"article\">\n",
    );
    let mut in_table = false;
    for line in text.lines().skip(2) {
        let line = line.trim();
        if line.is_empty() || line == "打印 关闭" {
            continue;
        }
        if line.contains(" | ") {
            if !in_table {
                out.push_str("<table>\n");
                in_table = true;
            }
            out.push_str("<tr>");
            for cell in line.split(" | ") {
                let _ = write!(out, "<td>{}</td>", escape(cell));
            }
            out.push_str("</tr>\n");
            continue;
        }
        if in_table {
            out.push_str("</table>\n");
            in_table = false;
        }
        let _ = writeln!(out, "<p>{}</p>", escape(line));
    }
    if in_table {
        out.push_str("</table>\n");
    }
    out.push_str(
        "</div>\n<div class=\"footer\">主办单位：上盘镇人民政府 \
         <a href=\"javascript:window.print()\">打印</a></div></body></html>\n",
    );
    out
}

/// `depth` nested `<div>`s around one paragraph.
pub fn nested(depth: usize) -> String {
    let mut out = String::with_capacity(depth * 11 + 200);
    out.push_str("<!DOCTYPE html><html><body>");
    for _ in 0..depth {
        out.push_str("<div>");
    }
    out.push_str("<p>一、总体情况</p><p>今年以来，各项工作有序推进。</p>");
    for _ in 0..depth {
        out.push_str("</div>");
    }
    out.push_str("</body></html>");
    out
}

//! Which line of a page is its title: a site's banner, its name or the
//! column's name above the title is page chrome, not the title, the
//! `<title>` element deciding where it names the document; a legacy table
//! page's centred title wins over its banner; without a match, the first
//! title-like line stays the title.
#![cfg(feature = "html")]

mod common;

use common::{parse_article as parse, ARTICLE_BODY};

fn page_with(title: &str, above: &str) -> String {
    format!("<html><head><title>{title}</title></head><body>{above}<h1>关于印发某某办法的通知</h1>{ARTICLE_BODY}</body></html>")
}

#[test]
fn a_site_banner_above_the_title_the_page_names_is_not_the_title() {
    let banners = [
        // A welcome line and the page's own mode links, then the metadata.
        "<div class=top><span>欢迎访问某某市人民政府门户网站</span> <a href=#>关怀版</a> <a href=#>无障碍</a></div>\
         <div class=pos>当前位置：<a href=#>首页</a> &gt; <a href=#>通知公告</a></div>\
         <table><tr><td>索引号：11330000002482162J/2024-00123</td><td>发布机构：某某市人民政府办公室</td></tr></table>",
        // The same right above the heading: it was joined to it.
        "<div class=top><span>欢迎访问某某市人民政府门户网站</span> <a href=#>关怀版</a> <a href=#>无障碍</a></div>",
        // A toolbar of links.
        "<div><a href=#>关怀版</a> <a href=#>政务公开</a> <button>搜索</button></div>",
    ];
    for above in banners {
        let doc = parse(&page_with("关于印发某某办法的通知_某某市人民政府", above));
        assert_eq!(
            doc.title.as_deref(),
            Some("关于印发某某办法的通知"),
            "{above}"
        );
        let text = format!("{:?}", doc.body);
        assert!(
            !text.contains("欢迎访问") && !text.contains("关怀版"),
            "{above}: {text}"
        );
    }
}

#[test]
fn the_sites_name_and_the_columns_name_above_the_title_are_not_the_title() {
    // The <title> names only the site (too short to be a hint), so the head
    // alone decides: the logo's <h1> was joined to the title, and the
    // column's heading (the breadcrumb's last label) was taken for it, the
    // real title becoming a paragraph.
    let title = "关于印发某某县2024年农村人居环境整治实施方案的通知";
    let crumb = "<div class=crumb>当前位置：<a href=/>首页</a> &gt; <a href=/zwgk>政务公开</a> &gt; 通知公告</div>";
    let aboves = [
        (
            "logo",
            "<h1 class=logo>某某县人民政府门户网站</h1>".to_owned(),
        ),
        (
            "logo, crumb",
            format!("<h1 class=logo>某某县人民政府门户网站</h1>{crumb}"),
        ),
        ("column", format!("{crumb}<div class=col>通知公告</div>")),
        (
            "logo and column",
            format!("{crumb}<h2>某某县人民政府网站</h2><div class=col>通知公告</div>"),
        ),
    ];
    for (what, above) in aboves {
        let doc = parse(&format!(
            "<html><head><title>某某县人民政府</title></head><body>{above}<div class=title>{title}</div>\
             <div class=info>发布时间：2024-03-05 来源：县农业农村局</div><div class=content>{ARTICLE_BODY}</div></body></html>"
        ));
        assert_eq!(doc.title.as_deref(), Some(title), "{what}");
        let text = format!("{:?}", doc.body);
        assert!(
            !text.contains("关于印发某某县"),
            "{what}: the title is in the body: {text}"
        );
    }
    // A breadcrumb whose last label is the title itself: still the title,
    // also with a title-like line below it (the plan it issues).
    for below in ["", "<p>某某县农村人居环境整治实施方案</p>"] {
        let doc = parse(&format!(
            "<html><head><title>某某县人民政府</title></head><body>\
             <div class=crumb>当前位置：<a href=/>首页</a> &gt; {title}</div><h1>{title}</h1>{below}{ARTICLE_BODY}</body></html>"
        ));
        assert_eq!(doc.title.as_deref(), Some(title), "{below}");
    }
    // A title wrapped over two lines of one element is still joined, and
    // so is a title the issuing organ's name begins (page text, no hints).
    let doc = parse(&format!(
        "<html><body><h1>某某县人民政府<br>关于印发某某办法的通知</h1>{ARTICLE_BODY}</body></html>"
    ));
    assert_eq!(
        doc.title.as_deref(),
        Some("某某县人民政府关于印发某某办法的通知")
    );
    let doc = yilan::parse_text(
        "某某县人民政府\n关于印发某某办法的通知\n\n各乡镇人民政府：\n现将《某某办法》印发给你们，请认真贯彻执行。\n",
    );
    assert_eq!(
        doc.title.as_deref(),
        Some("某某县人民政府关于印发某某办法的通知")
    );
}

#[test]
fn a_legacy_table_page_takes_its_centred_title_over_the_banner() {
    let html = "<html><head><title>关于做好2024年春节期间安全生产工作的通知-某县人民政府</title></head><body>\
        <table><tr><td><font color=#ffffff>欢迎访问某县人民政府网站</font> <a href=#>适老化</a></td></tr>\
        <tr><td>当前位置：<a href=#>首页</a> &gt;&gt; <a href=#>通知公告</a></td></tr></table>\
        <table><tr><td>索引号：</td><td>000000000/2024-00001</td><td>发布机构：</td><td>某县人民政府办公室</td></tr></table>\
        <table><tr><td align=center class=title>关于做好2024年春节期间安全生产工作的通知</td></tr><tr><td id=zoom>\
        <p>各乡镇人民政府，县政府各部门：</p><p>一、加强安全生产隐患排查。各单位要认真落实安全生产责任制，全面开展隐患排查整治，确保节日期间安全稳定。</p>\
        <p>二、严格落实值班制度。各单位要严格落实领导带班和值班制度，确保信息畅通。</p></td></tr></table></body></html>";
    let doc = parse(html);
    assert_eq!(
        doc.title.as_deref(),
        Some("关于做好2024年春节期间安全生产工作的通知")
    );
}

#[test]
fn without_a_matching_title_the_first_title_like_line_stays_the_title() {
    // <title> is the column's name (short): no hint; and a <title> that no
    // line is: the head reads as before.
    for title in [
        "通知公告_某某市人民政府",
        "某某市人民政府门户网站首页欢迎您",
    ] {
        let doc = parse(&format!(
            "<html><head><title>{title}</title></head><body><div>关于印发某某办法的通知</div>{ARTICLE_BODY}</body></html>"
        ));
        assert_eq!(
            doc.title.as_deref(),
            Some("关于印发某某办法的通知"),
            "{title}"
        );
    }
    // The title line itself matches: taken, not skipped.
    let doc = parse(&page_with("关于印发某某办法的通知_某某市人民政府", ""));
    assert_eq!(doc.title.as_deref(), Some("关于印发某某办法的通知"));
}

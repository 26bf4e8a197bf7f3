//! Benchmark inputs: the text fixtures, and generated page text of any size.
//!
//! Generated documents are deterministic (a fixed-seed xorshift generator):
//! the same size always gives the same bytes, so runs compare. They look like
//! the page text of a long disclosure page: chrome and a breadcrumb, a
//! metadata block, a title, then chapters (第一章) of sections (一、) with
//! subsections (（一）), numbered points (1. and （1）), run-in headings,
//! 一是/二是 enumerations, long paragraphs, `|` tables, and at the end an
//! attachment note and a signature.
//!
//! The pathological shapes are the hostile inputs of the hardening work: one
//! 10 MB line, 100,000 metadata lines, 100,000 short lines, and 10,000
//! numbered headings nested deeper than the outline allows.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

/// An input: one page text, or several for the fixture group.
pub struct Input {
    /// The page texts.
    pub texts: Vec<String>,
}

impl Input {
    fn one(text: String) -> Input {
        Input { texts: vec![text] }
    }

    /// Total size in bytes.
    pub fn bytes(&self) -> u64 {
        self.texts.iter().map(|t| t.len() as u64).sum()
    }
}

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/text")
}

/// The ids of every input, in benchmark order; [`input`] makes each.
pub const IDS: &[&str] = &[
    "reference/00-linhai-shangpan-full",
    "fixtures/all-12",
    "generated/100KB",
    "generated/1MB",
    "generated/10MB",
    "pathological/one-line-10MB",
    "pathological/meta-lines-100k",
    "pathological/short-lines-100k",
    "pathological/deep-numbering-10k",
];

/// The input with this id (one of [`IDS`]).
pub fn input(id: &str) -> Option<Input> {
    let text = match id {
        "reference/00-linhai-shangpan-full" => {
            let path = fixture_dir().join("00-linhai-shangpan-full.txt");
            fs::read_to_string(&path).expect("reference fixture")
        }
        "fixtures/all-12" => return Some(fixtures(id)),
        "generated/100KB" => disclosure(100_000),
        "generated/1MB" => disclosure(1_000_000),
        "generated/10MB" => disclosure(10_000_000),
        "pathological/one-line-10MB" => one_line(10_000_000),
        "pathological/meta-lines-100k" => meta_lines(100_000),
        "pathological/short-lines-100k" => short_lines(100_000),
        "pathological/deep-numbering-10k" => deep_numbering(10_000),
        _ => return None,
    };
    Some(Input::one(text))
}

/// Every text fixture but the reference document, as one group.
fn fixtures(id: &str) -> Input {
    let mut paths: Vec<PathBuf> = fs::read_dir(fixture_dir())
        .expect("fixture dir")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| {
            p.extension().is_some_and(|e| e == "txt")
                && !p
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with("00-"))
        })
        .collect();
    paths.sort();
    let texts: Vec<String> = paths
        .iter()
        .map(|p| fs::read_to_string(p).expect("text fixture"))
        .collect();
    assert_eq!(id, format!("fixtures/all-{}", texts.len()), "fixture count");
    Input { texts }
}

/// xorshift64*: small, fast and the same everywhere.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + (self.next() % (hi - lo + 1) as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.range(0, items.len() - 1)]
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.range(1, 100) <= percent
    }
}

const PLACES: &[&str] = &[
    "上盘镇",
    "临港村",
    "新城社区",
    "头门社区",
    "外岙村",
    "白沙村",
    "里岙工业园区",
    "枫林农场",
    "长沙村",
    "下灯村",
    "东矶列岛",
    "金港大道",
];
const SUBJECTS: &[&str] = &[
    "全镇",
    "镇党委",
    "镇政府",
    "各村（社）",
    "相关部门",
    "综合信息指挥室",
    "农业农村办",
    "应急管理站",
    "市场监管所",
    "卫生院",
    "中心学校",
    "财政所",
];
const VERBS: &[&str] = &[
    "全面推进",
    "扎实开展",
    "持续深化",
    "加快建设",
    "统筹推进",
    "有序推进",
    "积极探索",
    "认真落实",
    "大力实施",
    "稳步推进",
    "切实加强",
    "不断完善",
];
const OBJECTS: &[&str] = &[
    "人居环境专项整治",
    "安全生产大排查大整治行动",
    "农村生活污水治理",
    "美丽城镇建设",
    "基层治理体系建设",
    "重点项目政策处理",
    "全域土地综合整治",
    "文化惠民工程",
    "防汛防台体系化建设",
    "营商环境优化提升",
    "数字化改革",
    "共同富裕示范建设",
];
const CLAUSES: &[&str] = &[
    "坚持稳中求进工作总基调",
    "牢固树立新发展理念",
    "聚焦群众急难愁盼问题",
    "围绕年度目标任务",
    "按照“分区分类、因地制宜”的原则",
    "以高质量发展为主线",
    "紧扣“三大攻坚战”部署要求",
    "结合“万名干部助万企”活动",
];
const RESULTS: &[&str] = &[
    "工作成效明显",
    "各项指标稳中有进",
    "群众满意度持续提升",
    "形成了一批可复制可推广的经验",
    "圆满完成年度目标任务",
    "取得突破性进展",
];
const PHRASES: &[&str] = &[
    "重点项目加速推进",
    "特色产业提质增效",
    "坚持全域共建共美",
    "优化公共服务供给",
    "构建平安和谐社会",
    "全力助推特色产业转型",
    "精心谋划港城融合蓝图",
    "用心打造美丽城镇样板",
    "筑牢工业发展硬支撑",
    "做强特色农渔提质效",
];
const SECTION_TITLES: &[&str] = &[
    "工作总结",
    "主要做法",
    "存在问题",
    "下一步工作计划",
    "保障措施",
    "组织领导",
    "资金使用情况",
    "绩效目标完成情况",
];
const CHAPTER_TITLES: &[&str] = &["总体情况", "重点工作", "专项行动", "民生实事", "工作安排"];
const UNITS: &[&str] = &["万元", "个", "处", "家", "亩", "人次", "公里"];
const STATUS: &[&str] = &["已完成", "推进中", "已验收", "已开工", "前期准备"];

/// 1 → 一, 12 → 十二, 305 → 三百零五 (1 to 999).
pub fn chinese_number(n: usize) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let (h, t, u) = (n / 100 % 10, n / 10 % 10, n % 10);
    let mut s = String::new();
    if h > 0 {
        s.push_str(DIGITS[h]);
        s.push('百');
        if t == 0 && u > 0 {
            s.push('零');
        }
    }
    if t > 0 {
        if !(t == 1 && h == 0) {
            s.push_str(DIGITS[t]);
        }
        s.push('十');
    }
    if u > 0 {
        s.push_str(DIGITS[u]);
    }
    s
}

fn figure(rng: &mut Rng, out: &mut String) {
    match rng.range(0, 3) {
        0 => {
            let _ = write!(out, "同比增长{}.{}%", rng.range(1, 40), rng.range(0, 99));
        }
        1 => {
            let _ = write!(out, "完成{}{}", rng.range(2, 3000), rng.pick(UNITS));
        }
        2 => {
            let _ = write!(
                out,
                "计划于{}年{}月底前完成",
                rng.range(2020, 2025),
                rng.range(1, 12)
            );
        }
        _ => {
            let _ = write!(
                out,
                "累计投入{}.{}万元",
                rng.range(10, 9999),
                rng.range(1, 9)
            );
        }
    }
}

/// One sentence ending with 。.
fn sentence(rng: &mut Rng, out: &mut String) {
    if rng.chance(50) {
        out.push_str(rng.pick(CLAUSES));
        out.push('，');
    }
    out.push_str(rng.pick(SUBJECTS));
    out.push_str(rng.pick(VERBS));
    out.push_str(rng.pick(PLACES));
    out.push_str(rng.pick(OBJECTS));
    out.push('，');
    figure(rng, out);
    if rng.chance(40) {
        out.push('，');
        out.push_str(rng.pick(RESULTS));
    }
    out.push('。');
}

fn paragraph(rng: &mut Rng, out: &mut String, sentences: usize) {
    out.push_str("\u{3000}\u{3000}");
    for _ in 0..sentences {
        sentence(rng, out);
    }
    out.push_str("\n\n");
}

/// 一是…。…二是…。… inside one paragraph.
fn enumeration(rng: &mut Rng, out: &mut String) {
    out.push_str("\u{3000}\u{3000}");
    sentence(rng, out);
    for n in 1..=rng.range(2, 5) {
        out.push_str(&chinese_number(n));
        out.push('是');
        out.push_str(rng.pick(PHRASES));
        out.push('。');
        for _ in 0..rng.range(1, 3) {
            sentence(rng, out);
        }
    }
    out.push_str("\n\n");
}

fn table(rng: &mut Rng, out: &mut String) {
    out.push_str("序号 | 项目名称 | 责任单位 | 完成情况 | 金额（万元）\n");
    for n in 1..=rng.range(4, 12) {
        let _ = writeln!(
            out,
            "{n} | {}{} | {} | {} | {}.{}",
            rng.pick(PLACES),
            rng.pick(OBJECTS),
            rng.pick(SUBJECTS),
            rng.pick(STATUS),
            rng.range(1, 5000),
            rng.range(10, 99)
        );
    }
    out.push('\n');
}

/// A section 一、 with subsections, points, an enumeration and a table.
fn section(rng: &mut Rng, out: &mut String, n: usize) {
    let _ = write!(
        out,
        "{}、{}\n\n",
        chinese_number(n),
        rng.pick(SECTION_TITLES)
    );
    let sentences = rng.range(3, 8);
    paragraph(rng, out, sentences);
    for sub in 1..=rng.range(2, 5) {
        // Run-in heading: （一）重点项目加速推进。…
        let _ = write!(out, "（{}）{}。", chinese_number(sub), rng.pick(PHRASES));
        for _ in 0..rng.range(2, 6) {
            sentence(rng, out);
        }
        out.push_str("\n\n");
        if rng.chance(30) {
            enumeration(rng, out);
        }
        if rng.chance(25) {
            for k in 1..=rng.range(2, 4) {
                let _ = write!(out, "{k}.");
                sentence(rng, out);
                out.push('\n');
                if rng.chance(30) {
                    for m in 1..=rng.range(2, 3) {
                        let _ = write!(out, "（{m}）");
                        sentence(rng, out);
                        out.push('\n');
                    }
                }
            }
            out.push('\n');
        }
    }
    if rng.chance(30) {
        table(rng, out);
    }
}

/// A disclosure page of about `size` bytes.
pub fn disclosure(size: usize) -> String {
    let mut rng = Rng::new(0x5eed_1a2b_3c4d_5e6f ^ size as u64);
    let mut out = String::with_capacity(size + 16_384);
    out.push_str("进入老年模式 退出老年模式\n");
    out.push_str("当前位置：首页 > 政务公开 > 信息公开目录 > 镇(街道)信息公开 > 计划总结\n");
    out.push_str("索引号: LH331082-080/2024-131280 公开方式: 主动公开\n");
    out.push_str("文号: 临政办发〔2024〕12号 成文日期: 2024-02-01\n");
    out.push_str("发布单位: 上盘镇人民政府\n");
    out.push_str("主题分类: 综合政务\n");
    out.push_str("上盘镇2023年工作总结及2024年工作计划\n");
    out.push_str("  • 日期:2024-02-01 14:52\n  • 来源:上盘镇\n  • 浏览次数:\n\n");
    let mut chapter = 1;
    while out.len() < size {
        let _ = write!(
            out,
            "第{}章 {}\n\n",
            chinese_number((chapter - 1) % 999 + 1),
            rng.pick(CHAPTER_TITLES)
        );
        paragraph(&mut rng, &mut out, 2);
        for n in 1..=rng.range(3, 6) {
            section(&mut rng, &mut out, n);
            if out.len() >= size {
                break;
            }
        }
        chapter += 1;
    }
    out.push_str("附件：1.2024年重点项目清单.xlsx\n2.责任分工表.docx\n\n");
    out.push_str("上盘镇人民政府\n2024年2月1日\n\n打印 关闭\n");
    out
}

/// One line of about `size` bytes: sentences without a line break.
pub fn one_line(size: usize) -> String {
    let mut rng = Rng::new(0x0123_4567_89ab_cdef);
    let mut out = String::with_capacity(size + 1024);
    while out.len() < size {
        sentence(&mut rng, &mut out);
    }
    out
}

/// `n` metadata lines (every label of the table over and over, each value
/// different), then a title and a paragraph.
pub fn meta_lines(n: usize) -> String {
    const LABELS: &[&str] = &[
        "索引号",
        "文号",
        "成文日期",
        "发布日期",
        "发布机构",
        "公开方式",
        "主题分类",
        "有效性",
        "来源",
        "浏览次数",
        "主题词",
        "责任部门",
        "公开范围",
        "作者",
    ];
    let mut out = String::with_capacity(n * 40);
    for i in 0..n {
        let label = LABELS[i % LABELS.len()];
        let _ = writeln!(out, "{label}: 值{i:06}-{}", i * 7919 % 100_003);
    }
    out.push_str("上盘镇2023年工作总结及2024年工作计划\n\n");
    out.push_str("\u{3000}\u{3000}今年以来，全镇各项工作有序推进。\n");
    out
}

/// `n` short lines (4 to 12 chars): fragments, headings, sentences.
pub fn short_lines(n: usize) -> String {
    let mut rng = Rng::new(0x00c0_ffee);
    let mut out = String::with_capacity(n * 24);
    for i in 0..n {
        match i % 5 {
            0 => out.push_str(rng.pick(PHRASES)),
            1 => {
                out.push_str(rng.pick(SUBJECTS));
                out.push_str("推进。");
            }
            2 => out.push_str(rng.pick(OBJECTS)),
            3 => {
                out.push_str(rng.pick(PLACES));
                out.push('，');
            }
            _ => out.push_str(rng.pick(RESULTS)),
        }
        out.push('\n');
    }
    out
}

/// `n` numbered headings nested five deep (一、 （一） 1. （1） ①), one
/// level more than the outline keeps, each followed by a sentence.
pub fn deep_numbering(n: usize) -> String {
    let mut rng = Rng::new(0xdee9);
    let mut out = String::with_capacity(n * 120);
    let mut count = 0;
    let mut top = 0;
    let line = |out: &mut String, marker: String, rng: &mut Rng| {
        out.push_str(&marker);
        out.push_str(rng.pick(PHRASES));
        out.push('\n');
        sentence(rng, out);
        out.push('\n');
    };
    'outer: loop {
        top += 1;
        line(
            &mut out,
            format!("{}、", chinese_number((top - 1) % 999 + 1)),
            &mut rng,
        );
        count += 1;
        for a in 1..=3 {
            line(&mut out, format!("（{}）", chinese_number(a)), &mut rng);
            count += 1;
            for b in 1..=3 {
                line(&mut out, format!("{b}."), &mut rng);
                count += 1;
                for c in 1..=2 {
                    line(&mut out, format!("（{c}）"), &mut rng);
                    count += 1;
                    for d in 1..=2 {
                        let circled = char::from_u32(0x245f + d).unwrap_or('①');
                        line(&mut out, circled.to_string(), &mut rng);
                        count += 1;
                        if count >= n {
                            break 'outer;
                        }
                    }
                }
            }
        }
    }
    out
}

//! Helpers shared by the integration tests: small builders for documents,
//! a hand-built copy of the reference page, and the expected-output check.

use std::path::Path;

use yilan::model::{
    Action, Block, Crumb, Document, ListItem, MetaField, MetaKey, Paragraph, Section,
};
use yilan::render::{Locale, Mode, RenderOptions};

/// A paragraph block.
pub fn para(text: &str) -> Block {
    Block::Paragraph(Paragraph::plain(text))
}

/// A section block.
pub fn section(level: u8, marker: &str, heading: &str, run_in: bool, blocks: Vec<Block>) -> Block {
    Block::Section(Section {
        level,
        marker: marker.to_owned(),
        heading: heading.to_owned(),
        run_in,
        blocks,
    })
}

/// An ordered list block.
pub fn ordered(items: Vec<ListItem>) -> Block {
    Block::List(yilan::model::List {
        ordered: true,
        items,
    })
}

/// A list item with an optional bold lead.
pub fn item(marker: &str, lead: Option<&str>, text: &str) -> ListItem {
    ListItem {
        marker: marker.to_owned(),
        lead: lead.map(str::to_owned),
        text: text.to_owned(),
        inlines: Vec::new(),
    }
}

/// A breadcrumb step.
pub fn crumb(label: &str, href: Option<&str>) -> Crumb {
    Crumb {
        label: label.to_owned(),
        href: href.map(str::to_owned),
    }
}

/// A metadata field.
pub fn meta(key: MetaKey, label: &str, value: &str) -> MetaField {
    MetaField {
        key,
        label: label.to_owned(),
        value: value.to_owned(),
    }
}

/// The reference page (tests/fixtures/text/00-linhai-shangpan-full.txt) as
/// the parser should model it, built by hand: the title, the 7-step
/// breadcrumb, the 8 metadata fields (文号 and 浏览次数 empty), two level-1
/// sections with run-in level-2 sections, 一是/二是/三是 lists, and the
/// page's 打印 and 关闭.
pub fn reference_document() -> Document {
    Document {
        title: Some("上盘镇2023年工作总结及2024年工作计划".to_owned()),
        breadcrumb: [
            "首页",
            "政务公开",
            "信息公开目录",
            "部门、街道信息公开",
            "镇(街道)信息公开",
            "上盘镇",
            "计划总结",
        ]
        .iter()
        .map(|label| crumb(label, None))
        .collect(),
        meta: vec![
            meta(MetaKey::IndexNo, "索引号", "LH331082-080/2024-131280"),
            meta(MetaKey::Disclosure, "公开方式", "主动公开"),
            meta(MetaKey::DocNo, "文号", ""),
            meta(MetaKey::Written, "成文日期", "2024-02-01"),
            meta(MetaKey::Publisher, "发布单位", "上盘镇"),
            meta(MetaKey::Published, "日期", "2024-02-01 14:52"),
            meta(MetaKey::Source, "来源", "上盘镇"),
            meta(MetaKey::Views, "浏览次数", ""),
        ],
        body: reference_body(),
        actions: vec![Action::Print, Action::Close],
        ..Document::default()
    }
}

#[rustfmt::skip]
fn reference_body() -> Vec<Block> {
    vec![
        section(1, "一、", "2023年工作总结", false, vec![
            para("今年以来,上盘镇坚持以习近平新时代中国特色社会主义思想为指导,认真贯彻落实中央决策部署,聚焦省委三个“一号工程”和台州市委“三高三新”目标任务,紧扣临海市委“七大战略”部署要求,全面开展要素保障、招大引强、项目快进“三大攻坚战”以及“大干60天 攻坚破难”行动,积极服务和融入湾区新发展格局,全镇保持了经济社会稳健发展、各项事业协调并进的良好态势。1-12月全镇实现规上工业总产值16886.11万元,同比增长18.4%;完成工业性投资260万元;限上零售业销售额6665.2万元,同比增长8.87%;限上住宿业营业额731.7万元,同比增长14.7%;限上餐饮业营业额878.5万元,同比增长17.95%。"),
            section(2, "(一)", "重点项目加速推进。", true, vec![
                para("台州新材料产业园政策处理工作取得突破性进展,圆满完成临港村短朱北自然村拆迁安置工作,田岙、雀儿岙整岛搬迁工作同步开展。临港、新城和旧城3村共2300亩土地完成征收协议签订。坟墓搬迁工作有序推进,黄岙山公墓清表工作如期完成,高效配合完成北洋隧道工程相关土地征收政策处理工作。助推台州1号公路(上盘段)施工建设,田岙岛陆岛交通码头完工验收。"),
            ]),
            section(2, "(二)", "特色产业提质增效。", true, vec![
                para("创新推广“柏联模式”,完成知识产权托管企业1家。实施助企纾困政策,开展“万名干部助万企”活动,有效解决企业各类矛盾问题20余个,兑现惠企资金80余万元。完成枫林农场268亩全域土地整治项目,万亩方永久基本农田集中连片整治、西兰花一条街建设等项目均按计划稳步推进。"),
            ]),
            section(2, "(三)", "坚持全域共建共美。", true, vec![
                para("制定人居环境专项整治方案,整治31个村(社)人居环境问题600余个、垃圾分类问题700余个,整治卫生不达标点位3200余处,修复道路交通设施50余处。长沙村、外岙村二级污水管网,翻身直落路污水管网,山宝路至金港大道污水管网等一批治污管网项目完工。白沙保卫战革命烈士教育基地(一期)竣工验收。外岙清风馆建成开馆,全镇再添特色清廉教育示范点。"),
            ]),
            section(2, "(四)", "优化公共服务供给。", true, vec![
                para("坚持把最好的资源给教育,加快推进镇中心幼儿园南洋分园新校区建设进度。镇中心幼儿园获“浙江省象棋特色学校”称号,成为全省唯一一所幼儿园获此荣誉。高标准迎接第三次国家卫生城镇量化评估检查,扎实开展国家免费孕前检查、“两癌”筛查,胃癌检查,肠癌检测,60岁以上免费流感疫苗等民生实事。头门社区老年活动中心建成投用。镇首家图书馆正式开馆,首届旗袍协会正式成立,有效推进文化事业协调发展。"),
            ]),
            section(2, "(五)", "构建平安和谐社会。", true, vec![
                para("有效化解矛盾纠纷,镇上下共排查调处各类矛盾纠纷300余起,涉及金额120多万元,调处成功率100%。全面提升应急管理体系建设,制定突发事件应急预案,推进防汛防台体系化、标准化。全面落实“两个”责任,与辖区41余家企业签订安全生产责任书。深入推进安全生产大排查大整治行动,完成企业主体底数600家,其他市场主体底数942家,检查覆盖率均达100%。持续巩固“一打三整治”工作成果,依法打击涉渔“三无”船舶50余艘。依托综合信息指挥室驾驶舱,有效整合综治办、派出所和行政执法队等4家部门职能,建成“一站式”社会治理综合体。"),
            ]),
        ]),
        section(1, "二、", "2024年工作计划", false, vec![
            para("2024年是“十四五”规划的关键之年,做好全年工作尤其关键。上盘镇将坚持稳中求进工作总基调,牢固树立新发展理念,高扬起步冲刺的斗志,突出争先创优的导向,保持顽强拼搏的韧劲,抢抓临港产业发展新机遇,构筑新时代现代化新港城,为高质量建设共同富裕示范镇而努力奋斗。"),
            section(2, "(一)", "全力助推特色产业转型。", true, vec![
                para("立足上盘产业基础和资源禀赋,加快构建以新型工业为支撑、特色农业为基础、文化旅游业为特色的产业发展体系。"),
                ordered(vec![
                    item("一是", Some("筑牢工业发展硬支撑。"), "紧扣临港工业产业特点,主动对接台州湾经济技术开发区,精准开发智能制造、新材料、汽车制造、电商物流等配套服务产业,重塑创新聚合、产城一体、成群结链的产业生态。加快“科技兴企”步伐,以里岙工业园区建设为依托,促进工业要素集聚,积极引导和支持本地企业围绕国家产业政策搞技改、上项目。"),
                    item("二是", Some("做强特色农渔提质效。"), "以国家级农业产业强镇为引领,以西兰花特色农业现代化提升工程为抓手,结合“农业种植+工业化生产+观光旅游+科普教育”四位一体综合模式,全力打造西兰花交易一条街和西兰花展览馆。立足海洋渔业资源优势,科学布局海上养殖空间,大力发展海上养殖业。同时坚持“分区分类、因地制宜、逐步推进”的原则,协同推动生态环境保护和海产品保供,助力美丽湾区保护与建设,促进海水养殖业高质量发展。"),
                    item("三是", Some("打造文旅融合新典范。"), "以成功创成省级“AAA”旅游景区镇为契机,以高品质文旅融合推动高质量发展。树牢全域旅游理念,加快省级东矶列岛海岛公园及白沙保卫战革命烈士教育基地建设,培育渔事体验、休闲海钓等精品活动,开发红色旅游及海岛旅游路线,探索“红色文化+乡村旅游+渔业产业”新模式。"),
                ]),
            ]),
            section(2, "(二)", "精心谋划港城融合蓝图。", true, vec![
                para("充分发挥毗邻大湾区的地理优势,抢抓临港产业带一体化发展机遇,主动服务,主动担当,统筹做好“融入”和“发展”两篇文章。"),
                ordered(vec![
                    item("一是", Some("规划一区一镇发展方向。"), "明确发展定位,加强顶层设计、做好全域统筹谋划,积极对接经开区总体规划,努力将上盘融入港区未来规划中,以台州1号公路建设为契机,紧密串联产业圈、生活圈、生态圈,实现产业联动化,服务设施一体化,基础设施共享化,打造新型城镇化示范标杆。"),
                    item("二是", Some("打通互联互通交通渠道。"), "积极对接综合交通“343”战略,推进75省道连接线工程,打通直达经开区主道路及金港大道连接线。开展联村道路建设,持续推进农村道路网格化升级,完成白沙渔业码头、田岙陆岛交通码头建设,逐步构建高速、国道、港口等无缝对接的综合性、便捷式快速交通网,打造“内畅外通双循环”立体交通圈。"),
                    item("三是", Some("加快重大项目政策处理。"), "全力参与、配合、支持台州湾新材料产业园项目,妥善处理好短朱北自然村拆迁安置后续工作,加快完成康居工程二期搬迁签约,有序开展开山区块清表、田岙岛及雀儿岙岛政策处理、坟墓搬迁等工作,加速推进海上风电上岛工程,为台州湾新材料产业园建设打下坚实根基。"),
                ]),
            ]),
            section(2, "(三)", "用心打造美丽城镇样板。", true, vec![
                para("坚持以创建“美丽城镇样板镇”为目标,重点围绕环境“美”、产业“旺”、活力“足”、韵味“浓”建设定位,着力打造特色彰显、生态宜居的城乡环境。"),
                ordered(vec![
                    item("一是", Some("增添“乡村振兴”亮色。"), "坚持以“融合”为核心,加速新型城镇化步伐。秉持“项目首位”理念,主动谋划好镇本级民生项目。加快建设下灯村立改套项目,有序开展河道整治、农村生活污水治理、道路硬化等民生项目建设。深入实施上盘镇“万亩方”永久农田集中连片整治,全面排查低效农田,深挖改造提质资源,推动耕地质量及产能不断提升。"),
                    item("二是", Some("守好“城镇生态”底色。"), "深入实施蓝天、碧水、净土、清废四大行动,深入开展“美丽河湖”创建,压实“河、湖长”巡查管护责任,全面谋划镇区雨污分流管网建设,高标准完成以金港大道为主轴线的“东改西拓、南延北伸”建设步伐。"),
                    item("三是", Some("做足“镇域环境”成色。"), "积极推进“大综合一体化”行政执法改革,打击各类违法建设和违法用地行为,规范农民建房。全面提升农村人居环境,突出抓好垃圾分类、环境治理、“厕所革命”,探索建立常态化、全覆盖的保洁制度,绘就共同富裕大场景下新时代美丽乡村“新图景”。"),
                ]),
            ]),
            section(2, "(四)", "创新“两智融合”治理方式。", true, vec![
                para("围绕“群众智慧+人工智能”推进镇域治理现代化,用更高质量更高水平的平安建设成效为上盘护航添彩。"),
                ordered(vec![
                    item("一是", Some("高效化提供公共服务。"), "开展文化惠民工程,持续发挥“上盘象棋”“上盘花鼓”的文化影响力,充分运用新时代文明实践中心开展活动,巩固文明创建成果。"),
                    item("二是", Some("大力度加强基层治理。"), "坚持和发展新时代“枫桥经验”,积极发挥社会组织、社工队伍以及平安驿站作用,健全基层治理体系,理顺头门社区治理职能。建强镇综合信息指挥室“核心大脑”,发挥镇矛盾调解中心平台优势,优化“综治中心+四个平台+全科网格”运行体系,畅通和规范群众诉求表达通道。"),
                    item("三是", Some("全方位保障公共安全。"), "常态化推进“平安上盘”行动,动员群众积极参与平安建设。坚决遏制电信网络诈骗和各类犯罪行为,深入推进安全生产专项整治三年行动,深化建筑施工、交通运输、道路安全、食品安全、渔业船舶、消防等重点领域安全隐患治理,坚决杜绝重大安全事故发生。"),
                ]),
            ]),
        ]),
    ]
}

/// Compares `actual` with the file `tests/expected/<name>`; with
/// `UPDATE_EXPECT=1` in the environment, writes it instead (then review the
/// diff line by line).
pub fn assert_expected(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/expected")
        .join(name);
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).unwrap();
        }
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run with UPDATE_EXPECT=1 to create it",
            path.display()
        )
    });
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(e, a)| e != a)
            .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        panic!(
            "{name} differs from {} at line {}:\n  expected: {:?}\n  actual:   {:?}\n(UPDATE_EXPECT=1 regenerates; review the diff)",
            path.display(),
            line + 1,
            expected.lines().nth(line).unwrap_or("<end>"),
            actual.lines().nth(line).unwrap_or("<end>"),
        );
    }
}

/// The render options the structure tests run every document with: the
/// defaults, and the elderly mode in 黑底黄字 at 3× with the English words.
pub fn render_option_sets() -> Vec<RenderOptions> {
    vec![
        RenderOptions::default(),
        RenderOptions {
            mode: Mode::Elderly,
            theme: "yellow-on-black".to_owned(),
            scale: 3.0,
            locale: Locale::En,
            ..RenderOptions::default()
        },
    ]
}

/// Small documents that between them use every kind of block and inline,
/// named for their expected-output files.
pub fn small_documents() -> Vec<(&'static str, Document)> {
    use yilan::model::{
        Attachment, Attachments, Contents, ContentsEntry, Image, Inline, Signature, Table,
        TableCell, TableRow, TextBlock,
    };
    let run = |text: &str, href: Option<&str>, strong: bool, em: bool| Inline {
        text: text.to_owned(),
        href: href.map(str::to_owned),
        strong,
        em,
    };
    let linked = Document {
        title: Some("关于做好2024年春节期间安全生产工作的通知".to_owned()),
        breadcrumb: vec![
            crumb("首页", Some("/")),
            crumb("政务公开", Some("https://www.example.gov.cn/zwgk/")),
            crumb("通知公告", Some("javascript:alert(1)")),
        ],
        meta: vec![
            meta(MetaKey::DocNo, "发文字号", "临政办发〔2024〕3号"),
            meta(MetaKey::Other, "联系电话", ""),
        ],
        body: vec![
            Block::Addressee(TextBlock {
                text: "各乡镇人民政府、街道办事处，市政府各部门：".to_owned(),
            }),
            Block::Paragraph(Paragraph {
                text: "详见市应急管理局网站，或致电12345咨询。请务必落实。".to_owned(),
                inlines: vec![
                    run("详见", None, false, false),
                    run(
                        "市应急管理局网站",
                        Some("https://yjj.example.gov.cn/a?b=1&c=2"),
                        false,
                        false,
                    ),
                    run("，或致电", None, false, false),
                    run("12345", Some("tel:12345"), false, false),
                    run("咨询。", None, false, false),
                    run("请务必落实", Some(" JaVaScRiPt:alert(1)"), true, false),
                    run("。", None, false, true),
                ],
            }),
            Block::Signature(Signature {
                organisations: vec!["临海市人民政府办公室".to_owned()],
                date: Some("2024年1月20日".to_owned()),
            }),
            Block::Note(TextBlock {
                text: "（此件公开发布）".to_owned(),
            }),
        ],
        actions: vec![
            Action::Print,
            Action::Share,
            Action::Bookmark,
            Action::Close,
        ],
        ..Document::default()
    };

    let cell = |text: &str| TableCell::plain(text);
    let row_header = |text: &str| TableCell {
        header: true,
        ..TableCell::plain(text)
    };
    let tables = Document {
        title: Some("2023年政府信息公开工作年度报告".to_owned()),
        body: vec![
            Block::Contents(Contents {
                label: Some("目 录".to_owned()),
                entries: vec![
                    ContentsEntry {
                        level: 1,
                        marker: "一、".to_owned(),
                        text: "总体情况".to_owned(),
                        page: Some("1".to_owned()),
                    },
                    ContentsEntry {
                        level: 2,
                        marker: "（一）".to_owned(),
                        text: "主动公开情况".to_owned(),
                        page: None,
                    },
                ],
            }),
            Block::Table(Table {
                caption: Some("主动公开政府信息情况".to_owned()),
                rows: vec![
                    TableRow {
                        header: true,
                        cells: vec![
                            cell("信息内容"),
                            TableCell {
                                colspan: 2,
                                ..cell("本年数量")
                            },
                        ],
                    },
                    TableRow {
                        header: false,
                        cells: vec![row_header("规章"), cell("0"), cell("0")],
                    },
                    TableRow {
                        header: false,
                        cells: vec![
                            row_header("规范性文件"),
                            cell("3"),
                            TableCell {
                                inlines: vec![run("见附件", Some("fj.html"), false, false)],
                                ..cell("见附件")
                            },
                        ],
                    },
                ],
            }),
            Block::Table(Table {
                caption: None,
                rows: vec![TableRow {
                    header: false,
                    cells: vec![
                        cell("无表头的表格"),
                        cell("LH331082-080/2024-131280-0000000001"),
                    ],
                }],
            }),
            Block::Attachments(Attachments {
                label: "附件".to_owned(),
                items: vec![
                    Attachment {
                        marker: "1.".to_owned(),
                        name: "2023年度报告全文".to_owned(),
                        href: Some("/files/2023年报.pdf".to_owned()),
                        file_type: Some("pdf".to_owned()),
                    },
                    Attachment {
                        marker: "2.".to_owned(),
                        name: "统计表".to_owned(),
                        href: Some("data:application/vnd.ms-excel;base64,AAAA".to_owned()),
                        file_type: Some("xls".to_owned()),
                    },
                ],
            }),
            Block::Image(Image {
                src: "images/chart.png".to_owned(),
                alt: "2019—2023年主动公开数量柱状图".to_owned(),
            }),
            Block::Image(Image {
                src: "javascript:alert(1)".to_owned(),
                alt: "被拒绝的图片".to_owned(),
            }),
        ],
        ..Document::default()
    };

    let nesting = Document {
        title: None,
        lang: "zh-CN\"><script>".to_owned(),
        body: vec![
            section(
                1,
                "第一章",
                "总则",
                false,
                vec![
                    section(3, "1.", "跳过一级的小节", false, vec![para("正文。")]),
                    section(
                        2,
                        "",
                        "",
                        false,
                        vec![section(
                            3,
                            "1.",
                            "第三层",
                            false,
                            vec![section(4, "（1）", "第四层", false, vec![para("最深处。")])],
                        )],
                    ),
                ],
            ),
            para("章后的段落。"),
        ],
        ..Document::default()
    };

    vec![
        ("render/linked.html", linked),
        ("render/tables.html", tables),
        ("render/nesting.html", nesting),
    ]
}

/// The renderer's element and attribute allow-lists and URL schemes live
/// once, in the strict markup reader that the fuzz targets share.
#[allow(unused_imports)]
pub use super::markup_check::{
    ALLOWED_SCHEMES, ATTRIBUTES as RENDERER_ATTRIBUTES, ELEMENTS as RENDERER_ELEMENTS,
};

/// The scheme of a URL as a browser's URL parser reads it (after dropping
/// leading and trailing C0 controls and spaces and every tab and newline),
/// lower-cased; `None` for a relative URL. Written independently of the
/// renderer's own check.
pub fn url_scheme(url: &str) -> Option<String> {
    let cleaned: String = url
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let colon = cleaned.find(':')?;
    let scheme = &cleaned[..colon];
    let mut chars = scheme.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    let rest_ok = chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    (first_ok && rest_ok).then(|| scheme.to_ascii_lowercase())
}

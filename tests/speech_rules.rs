//! The listening rules, one row each way they read or refuse to read.
//!
//! Each row says: under this rule, this written text is spoken as that.
//! Rows whose spoken text equals the written text are guards: the places
//! where a rule must not fire. A `\|` in a cell is a literal pipe.

use yilan::speech::{normalize, RULES};

const TABLE: &str = r#"
| rule              | written                                    | spoken                                      |
|-------------------|--------------------------------------------|---------------------------------------------|
| url               | 详见http://www.np.gov.cn/cms/html/a.htm。    | 详见网址 www.np.gov.cn。                      |
| url               | 网址：<http://www.np.gov.cn/cms/a.htm>       | 网址：www.np.gov.cn                           |
| url               | 登录https://WWW.GOV.CN/zhengce?id=1查询      | 登录网址 WWW.GOV.CN 查询                       |
| url               | 访问www.linhai.gov.cn，                     | 访问网址 www.linhai.gov.cn，                  |
| markup            | <p style="text-indent:2em">各市、县人民政府:</p><p>现将 | 各市、县人民政府:现将                          |
| markup            | 1<2且3>2                                    | 1小于2且3大于2                                 |
| email             | 邮箱npzwgk@163.com，请来信                   | 邮箱npzwgk@163.com，请来信                     |
| email             | 电子邮件：zwgk-2024@mail.gd.gov.cn。          | 电子邮件：zwgk-2024@mail.gd.gov.cn。           |
| doc-number-year   | 国发〔2019〕29号                             | 国发2019年29号                                |
| doc-number-year   | 晋政发[2018]13号                             | 晋政发2018年13号                              |
| doc-number-year   | 浙政办发［2014］第91号                        | 浙政办发2014年第91号                           |
| doc-number-year   | 粤府函【2020】 5号                            | 粤府函2020年 5号                               |
| doc-number-year   | 牟政办发〔201746                             | 牟政办发201746                                |
| doc-number-year   | 〔2019〕年度                                 | 2019年度                                     |
| bracketed-numeral | （一）重点项目加速推进。                      | 一、重点项目加速推进。                         |
| bracketed-numeral | (二)特色产业提质增效。                        | 二、特色产业提质增效。                         |
| bracketed-numeral | （十二） 其他事项                             | 十二、其他事项                                |
| bracketed-numeral | 包括：(1)加强监管；(2)完善制度                 | 包括：1、加强监管；2、完善制度                  |
| bracketed-numeral | 本办法第（三）项规定                          | 本办法第三项规定                               |
| bracketed-numeral | 基地(一期)竣工                                | 基地一期竣工                                  |
| list-marker       | 1.坚持党的领导                                | 1、坚持党的领导                                |
| list-marker       | 2．加强组织                                   | 2、加强组织                                   |
| list-marker       | 一.总则                                      | 一、总则                                      |
| list-marker       | 3) 落实责任                                  | 3、落实责任                                   |
| list-marker       | Ⅱ.适用范围                                   | 2、适用范围                                   |
| list-marker       | 1.5万元                                      | 1.5万元                                       |
| list-marker       | 第1.2节                                      | 第1.2节                                       |
| list-marker       | 1.2023年工作回顾                              | 1、2023年工作回顾                               |
| list-marker       | 1.2023                                      | 1.2023                                        |
| list-marker       | 节目名称：知识产权局 (期数:450) 主题            | 节目名称：知识产权局，期数:450，主题              |
| circled-number    | ①加强组织领导                                 | 1、加强组织领导                                |
| circled-number    | 措施：①加强②完善③落实                         | 措施：1、加强，2、完善，3、落实                  |
| circled-number    | ⑴明确职责 ⒉压实责任                            | 1、明确职责，2、压实责任                         |
| circled-number    | 见附件⑳。                                    | 见附件20。                                    |
| roman-numeral     | Ⅱ类水质，Ⅻ级                                 | 2类水质，12级                                  |
| roman-numeral     | ⅳ号                                         | 4号                                           |
| date              | 2024-02-01                                  | 2024年2月1日                                  |
| date              | 日期:2024-02-01 14:52                        | 日期:2024年2月1日14时52分                       |
| date              | 2014- 07- 25 11: 20                          | 2014年7月25日11时20分                          |
| date              | 2021-07-28 10:42:37                          | 2021年7月28日10时42分37秒                      |
| date              | 发布时间：2024/6/5 09:00                       | 发布时间：2024年6月5日9时                       |
| date              | 2024.02.01起施行                              | 2024年2月1日起施行                              |
| date              | 截至2023-12底                                 | 截至2023年12月底                               |
| date              | LH331082-080/2024-131280                     | LH331082-080/2024-131280                     |
| date              | 2024-13-45                                   | 2024-13-45                                   |
| date              | 0000-00-00                                   | 0000-00-00                                   |
| time              | 9:00-17:00办公                                | 9时至17时办公                                  |
| time              | 上午9:30开会                                  | 上午9时30分开会                                 |
| time              | 14:00前报送                                   | 14时前报送                                    |
| time              | 08:30:05                                     | 8时30分5秒                                    |
| time              | 比例尺1:50                                    | 比例尺1:50                                     |
| time              | 比例1:10000                                   | 比例1:10000                                   |
| date-zeros        | 2018年03月27日                                | 2018年3月27日                                  |
| date-zeros        | 2018年03月27                                  | 2018年3月27                                   |
| date-zeros        | 2024年04月06日 16:40                          | 2024年4月6日 16时40分                          |
| date-zeros        | 第03号                                      | 第03号                                        |
| day-name          | 7·20特大暴雨                                  | 七二零特大暴雨                                  |
| day-name          | “5·12”汶川地震，9・11                           | “五一二”汶川地震，九一一                           |
| day-name          | 1·2·3                                       | 1 2 3                                        |
| day-name          | 13·5，7·20.5                                  | 13 5，7 20.5                                  |
| digits            | 电话0576-85123456                            | 电话零五七六 八五幺二三四五六                    |
| digits            | 咨询电话：0576-85123456-801                   | 咨询电话：零五七六 八五幺二三四五六 八零幺          |
| digits            | 手机13812345678                              | 手机幺三八幺二三四五六七八                        |
| digits            | 联系方式：13905761234                         | 联系方式：幺三九零五七六幺二三四                   |
| digits            | 共计13000000000元                            | 共计13000000000元                             |
| digits            | 邮编：317000                                 | 邮编：三幺七零零零                               |
| digits            | 拨打12345反映                                | 拨打幺二三四五反映                               |
| digits            | 12345政务服务便民热线                         | 12345政务服务便民热线                          |
| digits            | 12345热线                                   | 幺二三四五热线                                  |
| digits            | QQ号：123456789                              | QQ号：幺二三四五六七八九                         |
| digits            | 共12345人                                   | 共12345人                                     |
| digits            | 电话85123456-801                             | 电话八五幺二三四五六 八零幺                       |
| digits            | 咨询电话：0576-85123456、85123457             | 咨询电话：零五七六 八五幺二三四五六、八五幺二三四五七 |
| digits            | 电话 13812345678，15912345678                | 电话 幺三八幺二三四五六七八，幺五九幺二三四五六七八 |
| digits            | 联系电话：0576 85123456                       | 联系电话：零五七六 八五幺二三四五六               |
| digits            | 电话：(0576)85123456                         | 电话：零五七六 八五幺二三四五六                   |
| digits            | 电话0576-85123456，共12345人                  | 电话零五七六 八五幺二三四五六，共12345人           |
| digits            | 12812345678                                 | 12812345678                                  |
| digits            | 138123456789                                | 138123456789                                 |
| minus             | 比上年增长-3.5%                               | 比上年增长负百分之3.5                            |
| minus             | 气温-5℃至3℃                                  | 气温负5摄氏度至3摄氏度                           |
| minus             | 增速：−2.1                                    | 增速：负2.1                                     |
| minus             | -0.5                                        | 负0.5                                         |
| minus             | 补助5万-10万元                                | 补助5万至10万元                                 |
| minus             | 2023年-2024年                                | 2023年至2024年                                  |
| minus             | 补助1万元-5万元                               | 补助1万元至5万元                                |
| minus             | 附件-1                                      | 附件-1                                        |
| minus             | 浙江-2024                                   | 浙江-2024                                     |
| minus             | 3-5                                         | 3至5                                          |
| range             | 1-12月全镇                                   | 1至12月全镇                                    |
| range             | 3~5天，2～3人                                | 3至5天，2至3人                                  |
| range             | 1—12月                                      | 1至12月                                       |
| range             | 1——12月                                     | 1至12月                                       |
| range             | 10%-20%                                     | 百分之10至百分之20                             |
| range             | 10-20%                                      | 百分之10至20                                  |
| range             | 2023-2024学年                                 | 2023至2024学年                                  |
| range             | 0.5~1.5米                                     | 0.5至1.5米                                    |
| range             | 第1-2条                                      | 第1至2条                                      |
| range             | 10-20km                                     | 10至20公里                                    |
| range             | 5万~10万元，罚款1000元～5000元                | 5万至10万元，罚款1000元至5000元                  |
| range             | 3天~5天，8时~12时，5℃~10℃                     | 3天至5天，8时至12时，5摄氏度至10摄氏度             |
| range             | 索引号LH331082-080/2024-131280                | 索引号LH331082-080/2024-131280                |
| range             | GB/T 9704-2012                               | GB/T 9704-2012                               |
| range             | 0576-85123456                                | 零五七六 八五幺二三四五六                        |
| range             | 400-800-1234                                 | 四零零 八零零 幺二三四                           |
| range             | 85123456-801                                 | 85123456-801                                 |
| range             | COVID-19                                    | COVID-19                                     |
| range             | 2019-nCoV                                   | 2019-nCoV                                    |
| range             | 1-2-3                                       | 1-2-3                                        |
| range             | 见表1-1，附件2-3                               | 见表1杠1，附件2杠3                               |
| range             | 如图3-2所示，表2-1至表2-3                        | 如图3杠2所示，表2杠1至表2杠3                       |
| range             | 代表1-2人，发表3-5篇                             | 代表1至2人，发表3至5篇                             |
| range             | 附表1-3个                                     | 附表1至3个                                     |
| percent           | 同比增长18.4%;                               | 同比增长百分之18.4;                           |
| percent           | 下降3.5％                                    | 下降百分之3.5                                 |
| percent           | 出生率5‰                                     | 出生率千分之5                                 |
| number            | １２３４５人                                  | 12345人                                      |
| number            | 16,886.11万元                                | 16886.11万元                                 |
| number            | 1,234,567人                                  | 1234567人                                    |
| number            | 1,2,3                                       | 1,2,3                                        |
| number            | 16886.11万元                                 | 16886.11万元                                 |
| unit              | 面积120㎡                                    | 面积120平方米                                  |
| unit              | 距离5km，重50 kg                              | 距离5公里，重50千克                             |
| unit              | 100m²，2300m2                                | 100平方米，2300平方米                           |
| unit              | 时速80km/h                                   | 时速80公里每小时                                |
| unit              | 5G网络和3D打印                                | 5G网络和3D打印                                 |
| unit              | 10mins                                      | 10mins                                       |
| unit              | 24h值班，10kV线路，500t                         | 24小时值班，10千伏线路，500吨                      |
| unit              | 30min，5t/h，630kVA                            | 30分钟，5吨每小时，630千伏安                       |
| symbol            | 面积120㎡                                    | 面积120平方米                                  |
| symbol            | 气温≥35℃                                     | 气温大于等于35摄氏度                            |
| symbol            | ≤3人，≠0                                     | 小于等于3人，不等于0                             |
| symbol            | №5                                          | 编号5                                         |
| symbol            | √                                           | 对勾                                          |
| symbol            | 完成率（%）                                   | 完成率百分比                                   |
| tilde             | 2024-01-01~2024-12-31                        | 2024年1月1日至2024年12月31日                     |
| tilde             | 欢迎~                                        | 欢迎                                          |
| long-dash         | 2019年—2020年                                 | 2019年至2020年                                 |
| long-dash         | 补助5万元—10万元                              | 补助5万元至10万元                               |
| long-dash         | 第一—第三                                    | 第一，第三                                     |
| long-dash         | 目标——建成示范镇                               | 目标，建成示范镇                                |
| long-dash         | ——摘自通知                                   | 摘自通知                                       |
| bracket           | 31个村(社)人居环境                            | 31个村社人居环境                                |
| bracket           | 台州1号公路(上盘段)施工                         | 台州1号公路上盘段施工                            |
| bracket           | 加强监管(省经信委、省发改委牵头负责)确保          | 加强监管，省经信委、省发改委牵头负责，确保          |
| bracket           | 加强监管（省经信委、省发改委牵头负责）。          | 加强监管，省经信委、省发改委牵头负责。             |
| bracket           | 【主持人】欢迎                               | 主持人，欢迎                                   |
| bracket           | 加快调整能源结构(省发改委总牵头)                | 加快调整能源结构，省发改委总牵头                  |
| bracket           | 根据《条例》(以下简称《条例》)编制              | 根据条例，以下简称条例，编制                     |
| bracket           | 应急预案(试行)的通知                          | 应急预案试行的通知                              |
| bracket           | 牟政办发〔201746                             | 牟政办发201746                                |
| bracket           | 未配对)括号                                   | 未配对括号                                    |
| book-title        | 印发《齐齐哈尔市政务云平台管理实施细则》等         | 印发齐齐哈尔市政务云平台管理实施细则等              |
| book-title        | 首页 > 政务公开                                | 首页 政务公开                                  |
| book-title        | 年满>60岁，PM2.5<35                           | 年满大于60岁，PM2.5小于35                         |
| book-title        | 60<x<70                                     | 60小于x小于70                                  |
| book-title        | 严格落实《条例》《规定》要求                    | 严格落实条例、规定要求                           |
| bullet            | · 日期:2024-02-01                             | 日期:2024年2月1日                              |
| bullet            | 阿卜杜·热合曼                                 | 阿卜杜热合曼                                   |
| bullet            | 二○二四年                                    | 二〇二四年                                     |
| bullet            | ○ 第一项                                     | 第一项                                        |
| bullet            | 13·5，3.5·2                                   | 13 5，3.5 2                                   |
| bullet            | 标记“▲”的26个指标                             | 标记“三角”的26个指标                             |
| bullet            | ★                                           | 星号                                          |
| bullet            | ▲重点任务                                    | 重点任务                                       |
| separator         | 索引号\|LH331082-080\|                         | 索引号 LH331082-080                           |
| separator         | 第一条 ｜ 总则                                 | 第一条 总则                                    |
| fullwidth         | ＡＡＡ级景区                                  | AAA级景区                                      |
| space             | 大干60天　 攻坚破难                            | 大干60天 攻坚破难                              |
| space             | 今年以来 ， 工作有序推进 。                     | 今年以来，工作有序推进。                         |
| space             | 目 录                                        | 目录                                          |
| space             | 索 引 号：LH331082                            | 索引号：LH331082                               |
| space             | 第一章 总则                                   | 第一章 总则                                    |
| space             | 分        类 其他; 市人民政府办公室              | 分类 其他;市人民政府办公室                       |
| space             | 政 府 工 作 报 告                              | 政府工作报告                                   |
| space             | 表1 完成情况                                  | 表1 完成情况                                   |
"#;

struct Row {
    line: usize,
    rule: String,
    written: String,
    spoken: String,
}

/// Splits a table line at unescaped pipes.
fn cells(line: &str) -> Vec<String> {
    let mut cells = vec![String::new()];
    let mut chars = line.trim().trim_start_matches('|').chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                chars.next();
                cells.last_mut().unwrap().push('|');
            }
            '|' => cells.push(String::new()),
            _ => cells.last_mut().unwrap().push(c),
        }
    }
    cells.iter().map(|c| c.trim().to_owned()).collect()
}

fn rows() -> Vec<Row> {
    TABLE
        .lines()
        .enumerate()
        .filter(|(_, l)| l.trim_start().starts_with('|'))
        .skip(2)
        .map(|(n, l)| {
            let c = cells(l);
            assert!(c.len() >= 3, "line {n}: {l}");
            Row {
                line: n,
                rule: c[0].clone(),
                written: c[1].clone(),
                spoken: c[2].clone(),
            }
        })
        .collect()
}

#[test]
fn every_row_reads_as_written_down() {
    let rows = rows();
    assert!(rows.len() > 100, "the table lost rows: {}", rows.len());
    let failures: Vec<String> = rows
        .iter()
        .filter_map(|row| {
            let got = normalize(&row.written);
            (got != row.spoken).then(|| {
                format!(
                    "line {} [{}]: {:?}\n    expected {:?}\n    got      {:?}",
                    row.line, row.rule, row.written, row.spoken, got
                )
            })
        })
        .collect();
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn every_rule_has_rows_and_every_row_a_rule() {
    let rows = rows();
    for rule in RULES {
        assert!(
            rows.iter().any(|r| r.rule == rule.name),
            "rule {} has no row in the table",
            rule.name
        );
        assert!(
            !rule.summary.is_empty(),
            "rule {} has no summary",
            rule.name
        );
    }
    for row in &rows {
        assert!(
            RULES.iter().any(|r| r.name == row.rule),
            "line {} names an unknown rule {}",
            row.line,
            row.rule
        );
    }
}

#[test]
fn normalising_twice_changes_nothing_more() {
    for row in rows() {
        let once = normalize(&row.written);
        assert_eq!(normalize(&once), once, "line {} [{}]", row.line, row.rule);
    }
}

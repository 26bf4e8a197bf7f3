//! The label table: the labels of the 政府信息公开 catalogues and of the
//! portal CMSs (索引号, 发布机构, 文号, …), each with its [`MetaKey`], and
//! the widgets that print like labels (字号); looked up by first char.

use std::sync::OnceLock;

use super::is_colon;
use crate::model::MetaKey;
use crate::parse::chars::TrimSpace;
use crate::parse::lines::{char_count_upto, is_space};

/// What a label means: a metadata key, or a page widget (chrome).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelKind {
    /// A metadata field.
    Meta(MetaKey),
    /// A page widget that prints like a label (字号:【大 中 小】).
    Chrome,
}

/// The label table: written label (without spaces) → meaning.
pub const LABELS: &[(&str, LabelKind)] = {
    use LabelKind::{Chrome, Meta};
    use MetaKey::*;
    &[
        // 索引号: catalogue index number
        ("索引号", Meta(IndexNo)),
        ("索取号", Meta(IndexNo)),
        ("信息索引号", Meta(IndexNo)),
        ("索引编号", Meta(IndexNo)),
        // 文号: document number
        ("文号", Meta(DocNo)),
        ("发文字号", Meta(DocNo)),
        ("发文文号", Meta(DocNo)),
        ("文件编号", Meta(DocNo)),
        ("发文编号", Meta(DocNo)),
        ("文件文号", Meta(DocNo)),
        // 成文日期: the date the document was signed
        ("成文日期", Meta(Written)),
        ("成文时间", Meta(Written)),
        ("发文日期", Meta(Written)),
        ("发文时间", Meta(Written)),
        ("签发日期", Meta(Written)),
        ("印发日期", Meta(Written)),
        // 发布日期: when the page was published
        ("发布日期", Meta(Published)),
        ("发布时间", Meta(Published)),
        ("日期", Meta(Published)),
        ("公开日期", Meta(Published)),
        ("公开时间", Meta(Published)),
        ("发表时间", Meta(Published)),
        ("发稿时间", Meta(Published)),
        ("更新时间", Meta(Published)),
        // 发布机构: who issued or published it
        ("发布机构", Meta(Publisher)),
        ("发布单位", Meta(Publisher)),
        ("发文机关", Meta(Publisher)),
        ("发文机构", Meta(Publisher)),
        ("发文单位", Meta(Publisher)),
        ("发布部门", Meta(Publisher)),
        ("公开单位", Meta(Publisher)),
        ("公开机构", Meta(Publisher)),
        ("制发机关", Meta(Publisher)),
        ("信息公开机构", Meta(Publisher)),
        // 公开方式: 主动公开, 依申请公开
        ("公开方式", Meta(Disclosure)),
        ("公开形式", Meta(Disclosure)),
        ("公开类别", Meta(Disclosure)),
        ("公开属性", Meta(Disclosure)),
        // 主题分类: subject classification
        ("主题分类", Meta(Topic)),
        ("分类", Meta(Topic)),
        ("组配分类", Meta(Topic)),
        ("公文目录", Meta(Topic)),
        ("信息分类", Meta(Topic)),
        ("体裁分类", Meta(Topic)),
        ("公文种类", Meta(Topic)),
        ("文种", Meta(Topic)),
        ("所属主题", Meta(Topic)),
        ("信息类别", Meta(Topic)),
        // 有效性: whether it is in force
        ("有效性", Meta(Validity)),
        ("时效性", Meta(Validity)),
        ("是否有效", Meta(Validity)),
        ("效力状态", Meta(Validity)),
        ("有效状态", Meta(Validity)),
        // 来源: the source
        ("来源", Meta(Source)),
        ("信息来源", Meta(Source)),
        ("文章来源", Meta(Source)),
        ("稿件来源", Meta(Source)),
        // 浏览次数: the view counter
        ("浏览次数", Meta(Views)),
        ("浏览量", Meta(Views)),
        ("访问量", Meta(Views)),
        ("访问次数", Meta(Views)),
        ("点击数", Meta(Views)),
        ("点击量", Meta(Views)),
        ("点击率", Meta(Views)),
        ("阅读量", Meta(Views)),
        ("阅读次数", Meta(Views)),
        // 废止日期: when it stops being in force
        ("废止日期", Meta(Expires)),
        ("废止时间", Meta(Expires)),
        ("失效日期", Meta(Expires)),
        ("失效时间", Meta(Expires)),
        ("有效期至", Meta(Expires)),
        // 生效日期: when it comes into force
        ("生效日期", Meta(Effective)),
        ("生效时间", Meta(Effective)),
        ("施行日期", Meta(Effective)),
        ("实施日期", Meta(Effective)),
        // 主题词: keywords
        ("主题词", Meta(Keywords)),
        ("关键词", Meta(Keywords)),
        ("关键字", Meta(Keywords)),
        // 标题: the title as a field
        ("标题", Meta(Title)),
        ("名称", Meta(Title)),
        ("文件名称", Meta(Title)),
        ("信息名称", Meta(Title)),
        // 内容概述: a summary
        ("内容概述", Meta(Summary)),
        ("内容摘要", Meta(Summary)),
        ("摘要", Meta(Summary)),
        ("概述", Meta(Summary)),
        // 责任部门: the responsible department
        ("责任部门", Meta(Department)),
        ("公开责任部门", Meta(Department)),
        ("责任单位", Meta(Department)),
        // 上载日期: when the record was created in the CMS
        ("上载日期", Meta(Created)),
        ("生成日期", Meta(Created)),
        ("录入日期", Meta(Created)),
        ("创建日期", Meta(Created)),
        // 公开范围, 公开时限: disclosure terms
        ("公开范围", Meta(Scope)),
        ("公开时限", Meta(Scope)),
        ("公开期限", Meta(Scope)),
        // 保密审查情况 / 审签情况: review statements (部门预决算公开)
        ("保密审查情况", Meta(Review)),
        ("部门主要负责人审签情况", Meta(Review)),
        ("审签情况", Meta(Review)),
        ("审查情况", Meta(Review)),
        // 作者: the author
        ("作者", Meta(Author)),
        ("撰稿", Meta(Author)),
        ("撰稿人", Meta(Author)),
        ("责任编辑", Meta(Author)),
        // widgets printed like labels
        ("字号", Chrome),
        ("字体", Chrome),
        ("浏览字号", Chrome),
        ("字体大小", Chrome),
        ("视力保护色", Chrome),
    ]
};

struct Table {
    /// The labels ordered by first char, longest first within one first
    /// char (table order among equal lengths): a binary search finds the
    /// candidates for a position.
    by_first: Vec<(char, &'static str, LabelKind)>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut by_first: Vec<(char, &'static str, LabelKind)> = LABELS
            .iter()
            .filter_map(|&(label, kind)| Some((label.chars().next()?, label, kind)))
            .collect();
        crate::sort::by_key(&mut by_first, |&(first, label, _)| {
            (u64::from(first) << 32)
                | u64::from(u32::MAX - u32::try_from(label.len()).unwrap_or(u32::MAX))
        });
        Table { by_first }
    })
}

impl Table {
    /// The labels that start with `first`, longest first.
    fn starting_with(&self, first: char) -> impl Iterator<Item = (&'static str, LabelKind)> + '_ {
        let from = self.by_first.partition_point(|(c, _, _)| *c < first);
        self.by_first
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take_while(move |(c, _, _)| *c == first)
            .map(|&(_, label, kind)| (label, kind))
    }
}

/// The labels that start with `first`, longest first: the candidates for
/// a label at one position of a line.
pub(super) fn starting_with(first: char) -> impl Iterator<Item = (&'static str, LabelKind)> {
    table().starting_with(first)
}

/// The meaning of a label written with or without inner spaces and a trailing
/// colon (索 引 号: → 索引号).
pub fn lookup(label: &str) -> Option<LabelKind> {
    let clean: String = label
        .trim_end_matches(|c: char| is_space(c) || is_colon(c))
        .chars()
        .filter(|c| !is_space(*c))
        .collect();
    let first = clean.chars().next()?;
    table()
        .starting_with(first)
        .find(|(l, _)| *l == clean)
        .map(|(_, k)| k)
}

/// Whether a cell is a known label (索引号, 发布日期…) by itself.
pub fn is_label(cell: &str) -> bool {
    lookup_short(cell.trim_space()).is_some()
}

/// The meaning of a short cell that is a label by itself.
pub fn lookup_short(cell: &str) -> Option<LabelKind> {
    (char_count_upto(cell, 16) <= 16)
        .then(|| lookup(cell))
        .flatten()
}

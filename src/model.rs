//! The document model: one data type where parsing and rendering meet.
//!
//! It serialises to camelCase JSON with a `version` field; other tools read
//! these field names, so they change only with a new model version. The JSON
//! Schema in `schema/document.schema.json` describes exactly this shape and a
//! test keeps the two in step.
//!
//! Invariants that [`crate::parse_json`] checks and every parser upholds:
//! - a section's `level` is 1 to [`MAX_LEVEL`], and deeper than its parent's;
//!   so sections nest at most [`MAX_LEVEL`] deep and code that walks the model
//!   may recurse over sections without an input-controlled depth;
//! - where a paragraph has `inlines`, their texts joined equal its `text`.

use serde::{Deserialize, Serialize};

use crate::error::Diagnostic;

/// The model version this crate reads and writes.
pub const MODEL_VERSION: u32 = 1;

/// The deepest section level (GB/T 9704-2012 numbers four: 一、 → （一） → 1. → （1））.
pub const MAX_LEVEL: u8 = 4;

/// A parsed disclosure document (政府信息公开 page).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Document {
    /// Always [`MODEL_VERSION`] for documents this crate writes.
    pub version: u32,
    /// BCP 47 language tag of the document's text.
    ///
    /// # Defaults
    /// `"zh-CN"`; `"zh-TW"` when the text is written in Traditional characters.
    #[serde(default = "default_lang")]
    pub lang: String,
    /// 标题: the document's title, or `None` when the page has none
    /// (a diagnostic then says so).
    pub title: Option<String>,
    /// 当前位置: the breadcrumb trail, outermost first.
    #[serde(default)]
    pub breadcrumb: Vec<Crumb>,
    /// The metadata block (索引号, 公开方式, 文号, …) and the publishing line
    /// (日期, 来源, 浏览次数), in page order, each field once.
    #[serde(default)]
    pub meta: Vec<MetaField>,
    /// The body, in reading order.
    #[serde(default)]
    pub body: Vec<Block>,
    /// The page's own actions (打印, 关闭, …) that the view offers again.
    #[serde(default)]
    pub actions: Vec<Action>,
    /// What the parser noticed but could not place or was unsure of.
    #[serde(default)]
    pub diagnostics: Vec<Diagnostic>,
}

fn default_lang() -> String {
    "zh-CN".to_owned()
}

impl Default for Document {
    fn default() -> Self {
        Document {
            version: MODEL_VERSION,
            lang: default_lang(),
            title: None,
            breadcrumb: Vec::new(),
            meta: Vec::new(),
            body: Vec::new(),
            actions: Vec::new(),
            diagnostics: Vec::new(),
        }
    }
}

/// One step of the breadcrumb (当前位置: 首页 > 政务公开 > …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Crumb {
    pub label: String,
    /// Link target, absolute or relative; `None` where the page gives none.
    #[serde(default)]
    pub href: Option<String>,
}

/// One metadata field, with the label as the page wrote it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MetaField {
    /// The normalised meaning of the label.
    pub key: MetaKey,
    /// The label as written, with its inner spacing removed (索 引 号 → 索引号).
    pub label: String,
    /// The value as written; empty where the page leaves it empty.
    pub value: String,
}

impl MetaField {
    /// Whether the field says nothing: an empty value, or what a CMS's
    /// template prints where nothing was filled in: a date of zeros
    /// (废止时间：0000-00-00, 0000年00月00日), a document number of its
    /// frame alone (文号：号, 〔〕号). The view shows it as empty and reading
    /// aloud leaves it out; the model keeps the value as written.
    pub fn is_blank(&self) -> bool {
        let value = self.value.trim();
        let only = |keep: fn(char) -> bool| value.chars().all(keep);
        value.is_empty()
            || (self.key.is_date()
                && value.contains('0')
                && only(|c| {
                    matches!(
                        c,
                        '0' | '０' | '〇' | '-' | '/' | '.' | ':' | '：' | '年' | '月' | '日' | ' '
                    )
                }))
            || (self.key == MetaKey::DocNo
                && only(|c| {
                    matches!(
                        c,
                        '号' | '第' | '〔' | '〕' | '[' | ']' | '［' | '］' | ' ' | '\u{3000}'
                    )
                }))
    }
}

/// The normalised meaning of a metadata label. Many labels map to one key:
/// the table lives in `parse/meta.rs`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub enum MetaKey {
    /// 索引号: the catalogue index number.
    IndexNo,
    /// 文号 / 发文字号: the document number (〔2019〕29号).
    DocNo,
    /// 成文日期: the date the document was signed.
    Written,
    /// 发布日期 / 日期 / 发布时间: when the page was published.
    Published,
    /// 发布单位 / 发布机构 / 发文机关: who issued or published it.
    Publisher,
    /// 公开方式 / 公开形式: 主动公开, 依申请公开, ….
    Disclosure,
    /// 主题分类 / 分类 / 组配分类: the subject classification.
    Topic,
    /// 有效性 / 时效性 / 是否有效: whether it is in force.
    Validity,
    /// 来源 / 信息来源: the source.
    Source,
    /// 浏览次数 / 浏览量: the view counter.
    Views,
    /// 废止日期 / 失效日期: when it stops being in force.
    Expires,
    /// 生效日期 / 施行日期: when it comes into force.
    Effective,
    /// 主题词 / 关键词: keywords.
    Keywords,
    /// 标题 / 名称: the title, as a metadata field.
    Title,
    /// 内容概述 / 摘要: a summary.
    Summary,
    /// 责任部门 / 公开责任部门: the responsible department.
    Department,
    /// 上载日期 / 生成日期: when the record was created in the CMS.
    Created,
    /// 公开范围 / 公开时限 and other disclosure terms.
    Scope,
    /// 保密审查情况 / 审签情况: review statements.
    Review,
    /// 作者 / 撰稿: the author.
    Author,
    /// A label not in the table; `label` keeps it.
    Other,
}

impl MetaKey {
    /// Whether the field's value is a date (发布日期, 成文日期, 生成日期,
    /// 生效日期, 废止日期).
    pub fn is_date(self) -> bool {
        matches!(
            self,
            MetaKey::Published
                | MetaKey::Written
                | MetaKey::Created
                | MetaKey::Effective
                | MetaKey::Expires
        )
    }

    /// The key as the model's JSON names it (`indexNo`).
    pub fn as_str(self) -> &'static str {
        match self {
            MetaKey::IndexNo => "indexNo",
            MetaKey::DocNo => "docNo",
            MetaKey::Written => "written",
            MetaKey::Published => "published",
            MetaKey::Publisher => "publisher",
            MetaKey::Disclosure => "disclosure",
            MetaKey::Topic => "topic",
            MetaKey::Validity => "validity",
            MetaKey::Source => "source",
            MetaKey::Views => "views",
            MetaKey::Expires => "expires",
            MetaKey::Effective => "effective",
            MetaKey::Keywords => "keywords",
            MetaKey::Title => "title",
            MetaKey::Summary => "summary",
            MetaKey::Department => "department",
            MetaKey::Created => "created",
            MetaKey::Scope => "scope",
            MetaKey::Review => "review",
            MetaKey::Author => "author",
            MetaKey::Other => "other",
        }
    }
}

/// A block of the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "camelCase")]
#[non_exhaustive]
pub enum Block {
    /// A numbered (or plainly titled) part of the outline.
    Section(Section),
    /// A paragraph of running text.
    Paragraph(Paragraph),
    /// A list: 一是/二是 enumerations, numbered items, 附件 lists.
    List(List),
    /// A table.
    Table(Table),
    /// 附件: attachments.
    Attachments(Attachments),
    /// 落款: the issuing organisation and date at the end of the text.
    Signature(Signature),
    /// 主送: to whom the document is addressed (各县(市)、区人民政府：).
    Addressee(TextBlock),
    /// A note such as (此件公开发布) or (此页无正文).
    Note(TextBlock),
    /// 目录: a table of contents printed in the page.
    Contents(Contents),
    /// An image with its alternative text.
    Image(Image),
}

/// A section of the outline (GB/T 9704: 一、 → （一） → 1. → （1）, or
/// 第一章, 第一节, 第一条, 第一部分 where the document uses them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Section {
    /// 1 to [`MAX_LEVEL`]; deeper than the enclosing section's level.
    pub level: u8,
    /// The marker as written (一、, （一）, 1., 第一章); empty for an
    /// unnumbered heading.
    pub marker: String,
    /// The heading text after the marker; for a run-in heading it ends with
    /// its 。 and the rest of the paragraph is the section's first block.
    pub heading: String,
    /// Whether the heading ran into a paragraph on the page
    /// ("（一）重点项目加速推进。台州新材料…").
    #[serde(default)]
    pub run_in: bool,
    pub blocks: Vec<Block>,
}

impl Section {
    /// Whether the section has a number and no heading of its own
    /// (第一条 with the article's text after it).
    pub fn number_only(&self) -> bool {
        self.heading.trim().is_empty() && !self.marker.trim().is_empty()
    }

    /// The text of the section's first block, when that is a paragraph.
    pub fn opening_paragraph(&self) -> Option<&str> {
        match self.blocks.first() {
            Some(Block::Paragraph(p)) => Some(&p.text),
            _ => None,
        }
    }
}

/// A paragraph. `text` is always the whole plain text; `inlines`, when the
/// source had links or emphasis, splits the same text into runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Paragraph {
    pub text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inlines: Vec<Inline>,
}

impl Paragraph {
    /// A plain paragraph.
    pub fn plain(text: impl Into<String>) -> Self {
        Paragraph {
            text: text.into(),
            inlines: Vec::new(),
        }
    }
}

/// A run of text inside a paragraph, list item or table cell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Inline {
    pub text: String,
    /// Link target where the run is a link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub href: Option<String>,
    /// Strong emphasis (`<strong>`, `<b>`, bold spans).
    #[serde(default, skip_serializing_if = "is_false")]
    pub strong: bool,
    /// Emphasis (`<em>`, `<i>`).
    #[serde(default, skip_serializing_if = "is_false")]
    pub em: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct List {
    /// Whether the items are numbered (一是, 1., （1）, ①).
    pub ordered: bool,
    pub items: Vec<ListItem>,
}

/// One list item: `marker` + `lead` + `text` is the item as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ListItem {
    /// The marker as written (一是, 1., （1）, ①); empty when unnumbered.
    #[serde(default)]
    pub marker: String,
    /// A run-in lead sentence ("筑牢工业发展硬支撑。"), shown in bold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<String>,
    pub text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inlines: Vec<Inline>,
}

/// A table: rows of cells, header rows marked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Table {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    pub rows: Vec<TableRow>,
}

/// A table row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TableRow {
    /// Whether this is a header row (its cells are column headers).
    #[serde(default)]
    pub header: bool,
    pub cells: Vec<TableCell>,
}

/// A table cell: its text, then the images it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TableCell {
    /// The cell's text. An image the cell keeps in [`TableCell::images`]
    /// says what it shows in its own `alt`, not here (else a view and the
    /// reading aloud would say it twice); the alternative text of an image
    /// with no usable address, which is not kept, stays in the text.
    pub text: String,
    /// A header cell inside a body row (a row header).
    #[serde(default, skip_serializing_if = "is_false")]
    pub header: bool,
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub colspan: u32,
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub rowspan: u32,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inlines: Vec<Inline>,
    /// The images in the cell, in page order (a photo in a 照片 column, a
    /// 二维码); shown after its text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub images: Vec<Image>,
}

fn one() -> u32 {
    1
}

fn is_one(n: &u32) -> bool {
    *n == 1
}

impl TableCell {
    /// A plain one-by-one cell.
    pub fn plain(text: impl Into<String>) -> Self {
        TableCell {
            text: text.into(),
            header: false,
            colspan: 1,
            rowspan: 1,
            inlines: Vec::new(),
            images: Vec::new(),
        }
    }
}

/// 附件: the document's attachments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Attachments {
    /// The label as written (附件, 相关附件).
    pub label: String,
    pub items: Vec<Attachment>,
}

/// One attachment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Attachment {
    /// The marker as written (1.), if numbered.
    #[serde(default)]
    pub marker: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub href: Option<String>,
    /// File type in lower case (pdf, doc, docx, xls, …) from the link or name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_type: Option<String>,
}

/// 落款: the signature block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Signature {
    /// The issuing organisations, one per line as written.
    pub organisations: Vec<String>,
    /// The date line as written (2019年11月29日).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// A block that is one piece of text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TextBlock {
    pub text: String,
}

/// 目录: a table of contents as printed in the page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Contents {
    /// The heading as written (目录, 目 录), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    pub entries: Vec<ContentsEntry>,
}

/// One entry of a printed table of contents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ContentsEntry {
    /// Nesting depth, 1 for the outermost entries.
    pub level: u8,
    #[serde(default)]
    pub marker: String,
    pub text: String,
    /// A page number printed after the entry, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
}

/// An image: a block of its own, or one of a table cell's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Image {
    pub src: String,
    /// Alternative text; empty marks the image as decorative.
    #[serde(default)]
    pub alt: String,
}

/// An action of the page that the view offers again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub enum Action {
    /// 打印
    Print,
    /// 关闭 (窗口)
    Close,
    /// 分享
    Share,
    /// 收藏
    Bookmark,
}

impl Action {
    /// The action's name in JSON and in the view's `data-action`.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Print => "print",
            Action::Close => "close",
            Action::Share => "share",
            Action::Bookmark => "bookmark",
        }
    }
}

impl Document {
    /// The first metadata field with this key, if any.
    pub fn meta_value(&self, key: MetaKey) -> Option<&str> {
        self.meta
            .iter()
            .find(|m| m.key == key)
            .map(|m| m.value.as_str())
    }

    /// Whether `field` only repeats the title (a 标题 or 名称 field whose
    /// value is the title, spaces aside): the view and reading aloud leave
    /// it out, as the title is right above it.
    pub fn repeats_title(&self, field: &MetaField) -> bool {
        fn solid(t: &str) -> impl Iterator<Item = char> + '_ {
            t.chars().filter(|c| !c.is_whitespace())
        }
        field.key == MetaKey::Title
            && self.title.as_deref().is_some_and(|title| {
                !title.trim().is_empty() && solid(title).eq(solid(&field.value))
            })
    }
}

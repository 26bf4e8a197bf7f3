// The document model (model JSON, version 1) as TypeScript types.
// Generated from schema/document.schema.json by scripts/gen-types.mjs:
// do not edit; change the schema (and the Rust types) and run
// `node scripts/gen-types.mjs`. A test fails when this file is stale.

/**
 * A government information-disclosure page (政府信息公开) as yilan (易览) parses it: title, breadcrumb,
 * metadata and body, in reading order. Field names are camelCase and change only with a new model
 * version. Two rules cannot be written in JSON Schema and are checked by parse_json only: a
 * section's level is deeper than its enclosing section's, and where a text has inlines, their texts
 * joined equal it. Links (href, src) may be any string: the renderer allow-lists URL schemes when
 * it writes them.
 */
export interface DocumentInput {
  /** The model version; this schema describes version 1. */
  version: 1;
  /**
   * BCP 47 language tag of the document's text: zh-CN, or zh-TW for Traditional characters (繁体).
   * Defaults to zh-CN when absent. Pattern: `^([A-Za-z]{2,8}|[xXiI])(-[A-Za-z0-9]{1,8})*$`.
   */
  lang?: string;
  /** 标题: the document's title, or null when the page has none (a diagnostic then says so). */
  title?: string | null;
  /** 当前位置: the breadcrumb trail, outermost first (首页 > 政务公开 > …). */
  breadcrumb?: Crumb[];
  /**
   * The metadata block (索引号, 公开方式, 文号, 成文日期, …) and the publishing line (日期, 来源, 浏览次数), in page
   * order, each field once.
   */
  meta?: MetaField[];
  /** 正文: the body, in reading order. */
  body?: Block[];
  /** The page's own actions (打印, 关闭, …) that the reading view offers again. */
  actions?: Action[];
  /** What the parser noticed but could not place or was unsure of. */
  diagnostics?: Diagnostic[];
}

/**
 * yilan document model, version 1, as yilan returns it: every top-level field present. Functions
 * that take a document accept a DocumentInput, where only `version` is required.
 */
export interface Document extends Required<DocumentInput> {}

/** One step of the breadcrumb (当前位置). */
export interface Crumb {
  /** The step's text (首页, 政务公开, 计划总结). */
  label: string;
  /** Link target, absolute or relative; null where the page gives none. */
  href?: string | null;
}

/** One metadata field, with the label as the page wrote it. */
export interface MetaField {
  key: MetaKey;
  /** The label as written, inner spacing removed (索 引 号 → 索引号). */
  label: string;
  /** The value as written; empty where the page leaves it empty (文号 with no number). */
  value: string;
}

/**
 * The normalised meaning of a metadata label; many labels map to one key. indexNo 索引号; docNo
 * 文号/发文字号; written 成文日期; published 发布日期/日期/发布时间; publisher 发布单位/发布机构/发文机关; disclosure 公开方式/公开形式;
 * topic 主题分类/分类/组配分类; validity 有效性/时效性/是否有效; source 来源/信息来源; views 浏览次数/浏览量; expires 废止日期/失效日期;
 * effective 生效日期/施行日期; keywords 主题词/关键词; title 标题/名称; summary 内容概述/摘要; department 责任部门/公开责任部门;
 * created 上载日期/生成日期; scope 公开范围/公开时限; review 保密审查情况/审签情况; author 作者/撰稿; other: a label not in the
 * table (the label keeps it).
 */
export type MetaKey =
  | 'indexNo'
  | 'docNo'
  | 'written'
  | 'published'
  | 'publisher'
  | 'disclosure'
  | 'topic'
  | 'validity'
  | 'source'
  | 'views'
  | 'expires'
  | 'effective'
  | 'keywords'
  | 'title'
  | 'summary'
  | 'department'
  | 'created'
  | 'scope'
  | 'review'
  | 'author'
  | 'other';

/** A block of the body, told apart by its type. */
export type Block =
  | Section
  | Paragraph
  | List
  | Table
  | Attachments
  | Signature
  | Addressee
  | Note
  | Contents
  | Image;

/**
 * A section of the outline, numbered per GB/T 9704-2012 (一、 → （一） → 1. → （1）) or with 第一章, 第一节,
 * 第一条, 第一部分 where the document uses them. Its level is deeper than the enclosing section's (checked
 * by parse_json).
 */
export interface Section {
  type: 'section';
  /** 1 to 4: the depth in the outline, deeper than the enclosing section's. Range: 1 to 4. */
  level: number;
  /** The marker as written (一、, （一）, 1., 第一章); empty for an unnumbered heading. */
  marker: string;
  /** The heading text after the marker; a run-in heading ends with its 。. */
  heading: string;
  /**
   * Whether the heading ran into a paragraph on the page (（一）重点项目加速推进。台州新材料…); the rest of that
   * paragraph is the first block. Defaults to false.
   */
  runIn?: boolean;
  /** The section's content. */
  blocks: Block[];
}

/** A paragraph of running text (段落). */
export interface Paragraph {
  type: 'paragraph';
  /** The whole plain text. */
  text: string;
  inlines?: Inlines;
}

/**
 * Where the source had links or emphasis: the same text split into runs, whose texts joined equal
 * the owner's text (checked by parse_json). Absent or empty when the text is plain.
 */
export type Inlines = Inline[];

/** A run of text. */
export interface Inline {
  /** The run's text. */
  text: string;
  /** Link target where the run is a link. */
  href?: string | null;
  /** Strong emphasis (<strong>, <b>, bold). Defaults to false. */
  strong?: boolean;
  /** Emphasis (<em>, <i>). Defaults to false. */
  em?: boolean;
}

/** A list: 一是/二是 enumerations, numbered items, 附件 lists. */
export interface List {
  type: 'list';
  /** Whether the items are numbered (一是, 1., （1）, ①). */
  ordered: boolean;
  items: ListItem[];
}

/** One list item: marker + lead + text is the item as written. */
export interface ListItem {
  /** The marker as written (一是, 1., （1）, ①); empty when unnumbered. Defaults to empty. */
  marker?: string;
  /** A run-in lead sentence (筑牢工业发展硬支撑。), shown in bold. */
  lead?: string | null;
  /** The rest of the item. */
  text: string;
  inlines?: Inlines;
}

/** A table (表格): rows of cells, header rows marked. */
export interface Table {
  type: 'table';
  /** The table's caption (表题), if any. */
  caption?: string | null;
  rows: TableRow[];
}

/** A table row. */
export interface TableRow {
  /** Whether this is a header row (表头): its cells are column headers. Defaults to false. */
  header?: boolean;
  cells: TableCell[];
}

/** A table cell. */
export interface TableCell {
  /** The cell's plain text, without the alternative text of its `images`. */
  text: string;
  /** A header cell inside a body row (a row header). Defaults to false. */
  header?: boolean;
  /** Columns spanned, 1 to 1000 (HTML's limit). Defaults to 1. Range: 1 to 1000. */
  colspan?: number;
  /** Rows spanned, 1 to 65534 (HTML's limit). Defaults to 1. Range: 1 to 65534. */
  rowspan?: number;
  inlines?: Inlines;
  /**
   * The images in the cell (a photo, a 二维码), in page order, shown after its text. Defaults to none.
   */
  images?: CellImage[];
}

/** An image in a table cell (图片). */
export interface CellImage {
  /** The image's address. */
  src: string;
  /** Alternative text; empty marks the image as decorative. Defaults to empty. */
  alt?: string;
}

/** 附件: the document's attachments. */
export interface Attachments {
  type: 'attachments';
  /** The label as written (附件, 相关附件). */
  label: string;
  items: Attachment[];
}

/** One attachment. */
export interface Attachment {
  /** The marker as written (1.), if numbered. Defaults to empty. */
  marker?: string;
  /** The attachment's name as written. */
  name: string;
  /** Link to the file, if the page gives one. */
  href?: string | null;
  /** File type in lower case (pdf, doc, docx, xls, …), from the link or the name. */
  fileType?: string | null;
}

/** 落款: the issuing organisations and the date at the end of the text. */
export interface Signature {
  type: 'signature';
  /** The issuing organisations (发文机关), one per line as written. */
  organisations: string[];
  /** The date line as written (2019年11月29日). */
  date?: string | null;
}

/** 主送: to whom the document is addressed (各县(市)、区人民政府：). */
export interface Addressee {
  type: 'addressee';
  /** The addressee line as written. */
  text: string;
}

/** A note such as (此件公开发布) or (此页无正文). */
export interface Note {
  type: 'note';
  /** The note as written. */
  text: string;
}

/** 目录: a table of contents printed in the page. */
export interface Contents {
  type: 'contents';
  /** The heading as written (目录, 目 录), if any. */
  label?: string | null;
  entries: ContentsEntry[];
}

/** One entry of a printed table of contents. */
export interface ContentsEntry {
  /** Nesting depth, 1 for the outermost entries. Range: 1 to 255. */
  level: number;
  /** The marker as written (第一章). Defaults to empty. */
  marker?: string;
  /** The entry's text. */
  text: string;
  /** A page number printed after the entry, if any. */
  page?: string | null;
}

/** An image (图片). */
export interface Image {
  type: 'image';
  /** The image's address. */
  src: string;
  /** Alternative text; empty marks the image as decorative. Defaults to empty. */
  alt?: string;
}

/** A page action the reading view offers again: print 打印, close 关闭 (窗口), share 分享, bookmark 收藏. */
export type Action = 'print' | 'close' | 'share' | 'bookmark';

/** Something the parser noticed: never an error, always with the document. */
export interface Diagnostic {
  code: DiagnosticCode;
  /** What was noticed, in plain words. */
  message: string;
  /** The 1-based input line it concerns, where there is one. Range: 1 to 4294967295. */
  line?: number | null;
}

/**
 * What a diagnostic is about. noTitle: no recognisable title (标题); noBody: no body text (正文);
 * noContent: the page's main content could not be located (HTML); duplicateMeta: a metadata block
 * appeared twice and was kept once; outlineGap: a heading marker skipped a level or came out of
 * order; tooDeep: numbering deeper than four levels was kept as a list; garbled: a value looks
 * damaged; unplaced: a line could not be placed with confidence; truncated: the input was cut at
 * the size limit.
 */
export type DiagnosticCode =
  | 'noTitle'
  | 'noBody'
  | 'noContent'
  | 'duplicateMeta'
  | 'outlineGap'
  | 'tooDeep'
  | 'garbled'
  | 'unplaced'
  | 'truncated';

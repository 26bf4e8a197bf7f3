// Types of the yilan (易览) package. The model types mirror src/model.rs and
// src/error.rs field for field: change them together.

// ---------------------------------------------------------------------------
// Loading

/** Where the WebAssembly module comes from. */
export type InitSource =
  | string
  | URL
  | Request
  | Response
  | BufferSource
  | WebAssembly.Module
  | Promise<Response>;

/**
 * Loads the WebAssembly module; await it once before calling anything else.
 * Later calls return the same promise.
 *
 * @param source where the .wasm is. By default `pkg/yilan_bg.wasm` of this
 *   package, found relative to the module (bundlers copy it for you).
 *
 * @example
 * import init, { parseText, renderHtml } from 'yilan';
 * await init();
 */
export default function init(source?: InitSource): Promise<void>;

// ---------------------------------------------------------------------------
// Functions

/**
 * Page text (what a browser's `innerText` gives) → the document model.
 * Never fails on text: what the parser was unsure of is in `diagnostics`.
 *
 * @throws {YilanError} code `argument` when `text` is not a string.
 *
 * @example
 * const doc = parseText(document.querySelector('#zoom').innerText);
 */
export function parseText(text: string): Document;

/**
 * Page HTML → the document model.
 *
 * @throws {YilanError} code `unsupported`: not available in this version.
 */
export function parseHtml(html: string, options?: HtmlOptions): Document;

/**
 * Model JSON, as text or as an already parsed object → a checked document
 * (the same checks as the Rust `parse_json`).
 *
 * @throws {YilanError} code `syntax` (not JSON), `shape` (wrong type, missing
 *   or unknown field), `value` (out of range or inconsistent), `version`
 *   (a model version this build does not read) or `tooLarge`; `path` says
 *   where, e.g. `body[0].level`.
 *
 * @example
 * const doc = parseJson(await (await fetch('doc.json')).text());
 */
export function parseJson(json: string | object): Document;

/**
 * The reading view of a document as an HTML fragment (an `<article>`). The
 * document is checked first, as `parseJson` checks it.
 *
 * @throws {YilanError} a model error code for a bad document; `argument`
 *   for a bad option (`path` names it).
 *
 * @example
 * view.innerHTML = renderHtml(doc, { mode: 'elderly', theme: 'yellow-on-black', scale: 1.5 });
 */
export function renderHtml(doc: Document, options?: RenderOptions): string;

/**
 * What to read aloud, in sentence-sized chunks tied to element ids.
 *
 * @throws {YilanError} code `unsupported`: not available in this version.
 */
export function speechPlan(doc: Document, options?: SpeechOptions): SpeechChunk[];

/**
 * The colour themes, in menu order.
 *
 * @example
 * themes(); // → [{ id: 'standard', label: '标准' }, { id: 'yellow-on-black', label: '黑底黄字' }, …]
 */
export function themes(): Theme[];

// ---------------------------------------------------------------------------
// Options

/** Reading mode: the clean reading view, or 老年模式 (elderly mode). */
export type Mode = 'standard' | 'elderly';

/** Language of the view's own labels; the document's text is never translated. */
export type Locale = 'zh-CN' | 'zh-TW' | 'en';

/** How to render. Every key is optional. */
export interface RenderOptions {
  /** Default `'standard'`. */
  mode?: Mode;
  /** A theme id from {@link themes}. Default `'standard'`. */
  theme?: string;
  /** Text scale step: 1, 1.25, 1.5, 1.75, 2, 2.5 or 3. Default 1. */
  scale?: number;
  /** Default `'zh-CN'`. */
  locale?: Locale;
}

/** Options of {@link parseHtml}. */
export interface HtmlOptions {
  /** The page's address, against which relative links are resolved. */
  baseUrl?: string;
}

/** Options of {@link speechPlan}. */
export interface SpeechOptions {}

/** A colour theme. */
export interface Theme {
  /** Stable id, e.g. `'yellow-on-black'`. */
  id: string;
  /** Chinese label, e.g. `'黑底黄字'`. */
  label: string;
}

/** One utterance of the speech plan. */
export interface SpeechChunk {
  /** The id of the element that is read, for highlighting. */
  id: string;
  /** The text to speak, normalised for listening. */
  text: string;
}

// ---------------------------------------------------------------------------
// Errors

/** Model errors (mirroring the Rust `ErrorCode`) and errors of the binding. */
export type ErrorCode =
  | 'syntax'
  | 'shape'
  | 'value'
  | 'version'
  | 'tooLarge'
  | 'argument'
  | 'unsupported'
  | 'internal';

/** Every error yilan throws: a real `Error` with a stable `code`. */
export interface YilanError extends Error {
  name: 'YilanError';
  code: ErrorCode;
  /**
   * Where: a JSON path like `body[3].blocks[0].level` (empty for the root)
   * for model errors; the option's name for `argument` errors.
   */
  path?: string;
}

// ---------------------------------------------------------------------------
// The document model (model JSON, version 1)

/** A parsed disclosure document (政府信息公开 page). */
export interface Document {
  /** The model version; 1. */
  version: 1;
  /** BCP 47 language tag of the text. Default `'zh-CN'`. */
  lang: string;
  /** 标题: the title, or `null` when the page has none. */
  title: string | null;
  /** 当前位置: the breadcrumb trail, outermost first. */
  breadcrumb: Crumb[];
  /** The metadata block (索引号, 公开方式, 文号, …) and publishing line, in page order. */
  meta: MetaField[];
  /** The body, in reading order. */
  body: Block[];
  /** The page's own actions (打印, 关闭, …) that the view offers again. */
  actions: Action[];
  /** What the parser noticed but could not place or was unsure of. */
  diagnostics: Diagnostic[];
}

/** One step of the breadcrumb. */
export interface Crumb {
  label: string;
  /** Link target; `null` where the page gives none. */
  href: string | null;
}

/** One metadata field, with the label as the page wrote it. */
export interface MetaField {
  key: MetaKey;
  /** The label as written, inner spacing removed (索 引 号 → 索引号). */
  label: string;
  /** The value as written; empty where the page leaves it empty. */
  value: string;
}

/**
 * The normalised meaning of a metadata label: indexNo 索引号, docNo 文号,
 * written 成文日期, published 发布日期, publisher 发布单位, disclosure 公开方式,
 * topic 主题分类, validity 有效性, source 来源, views 浏览次数, expires 废止日期,
 * effective 生效日期, keywords 主题词, title 标题, summary 内容概述,
 * department 责任部门, created 生成日期, scope 公开范围, review 审签情况,
 * author 作者; other for a label not in the table.
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

/** A block of the body, told apart by `type`. */
export type Block =
  | ({ type: 'section' } & Section)
  | ({ type: 'paragraph' } & Paragraph)
  | ({ type: 'list' } & List)
  | ({ type: 'table' } & Table)
  | ({ type: 'attachments' } & Attachments)
  | ({ type: 'signature' } & Signature)
  | ({ type: 'addressee' } & TextBlock)
  | ({ type: 'note' } & TextBlock)
  | ({ type: 'contents' } & Contents)
  | ({ type: 'image' } & Image);

/** A part of the outline (GB/T 9704: 一、 → （一） → 1. → （1）, or 第一章 …). */
export interface Section {
  /** 1 to 4, deeper than the enclosing section's level. */
  level: number;
  /** The marker as written (一、, （一）, 1., 第一章); empty when unnumbered. */
  marker: string;
  /** The heading after the marker; a run-in heading ends with its 。. */
  heading: string;
  /** Whether the heading ran into a paragraph on the page. */
  runIn: boolean;
  blocks: Block[];
}

/** A paragraph; `inlines`, when present, split `text` into runs. */
export interface Paragraph {
  text: string;
  inlines?: Inline[];
}

/** A run of text inside a paragraph, list item or table cell. */
export interface Inline {
  text: string;
  href?: string;
  strong?: boolean;
  em?: boolean;
}

/** A list: 一是/二是 enumerations, numbered items, 附件 lists. */
export interface List {
  ordered: boolean;
  items: ListItem[];
}

/** One list item: `marker` + `lead` + `text` is the item as written. */
export interface ListItem {
  marker: string;
  /** A run-in lead sentence, shown in bold. */
  lead?: string;
  text: string;
  inlines?: Inline[];
}

/** A table: rows of cells, header rows marked. */
export interface Table {
  caption?: string;
  rows: TableRow[];
}

/** A table row. */
export interface TableRow {
  /** Whether the row's cells are column headers. */
  header: boolean;
  cells: TableCell[];
}

/** A table cell. */
export interface TableCell {
  text: string;
  /** A row header inside a body row. */
  header?: boolean;
  /** Default 1. */
  colspan?: number;
  /** Default 1. */
  rowspan?: number;
  inlines?: Inline[];
}

/** 附件: the document's attachments. */
export interface Attachments {
  /** The label as written (附件, 相关附件). */
  label: string;
  items: Attachment[];
}

/** One attachment. */
export interface Attachment {
  marker: string;
  name: string;
  href?: string;
  /** File type in lower case (pdf, doc, xls, …). */
  fileType?: string;
}

/** 落款: the issuing organisations and the date. */
export interface Signature {
  organisations: string[];
  date?: string;
}

/** A block that is one piece of text (主送, notes such as （此件公开发布）). */
export interface TextBlock {
  text: string;
}

/** 目录: a table of contents printed in the page. */
export interface Contents {
  label?: string;
  entries: ContentsEntry[];
}

/** One entry of a printed table of contents. */
export interface ContentsEntry {
  /** Nesting depth, 1 for the outermost entries. */
  level: number;
  marker: string;
  text: string;
  page?: string;
}

/** An image; an empty `alt` marks it as decorative. */
export interface Image {
  src: string;
  alt: string;
}

/** An action of the page: 打印, 关闭, 分享, 收藏. */
export type Action = 'print' | 'close' | 'share' | 'bookmark';

/** Something a parser noticed; never an error. */
export interface Diagnostic {
  code: DiagnosticCode;
  message: string;
  /** The 1-based input line it concerns, where there is one. */
  line?: number;
}

/** What a diagnostic is about. */
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

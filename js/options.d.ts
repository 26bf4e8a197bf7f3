// Types of the yilan (易览) package: the options of its functions and of
// `mount`, the preferences, themes and speech chunks. Re-exported by
// ./index.d.ts, which is what to import.

import type { SpeechHook, Viewer, YilanError, mount, parseHtml, preferences, speechPlan, themes } from './index.js';
import type { Table } from './model.js';

/** Reading mode: the clean reading view, or 老年模式 (elderly mode). */
export type Mode = 'standard' | 'elderly';

/** Language of the view's own labels; the document's text is never translated. */
export type Locale = 'zh-CN' | 'zh-TW' | 'en';

/** How to render. Every key is optional. */
export interface RenderOptions {
  /** Default `'standard'`. */
  mode?: Mode;
  /**
   * A theme id from {@link themes}, or `'auto'`: the standard theme, dark
   * when the system prefers a dark scheme. An unknown id renders as
   * `'auto'`. Default `'auto'`.
   */
  theme?: string;
  /**
   * Text scale step: 1, 1.25, 1.5, 1.75, 2, 2.5 or 3; a value in between
   * snaps to the nearest step. Default 1.
   */
  scale?: number;
  /**
   * Language of the view's own words (当前位置, 打印, …): `'zh-CN'`,
   * `'zh-TW'` (also zh-HK, zh-MO, zh-Hant…) or `'en'`; other tags give
   * zh-CN. Default `'zh-CN'`.
   */
  locale?: Locale | string;
  /**
   * What every id of the view starts with, in place of `'yl-'`, and so
   * every reference to one (`aria-labelledby`): `yl-title` becomes
   * `news-title`, `yl-s2-h` `news-s2-h`. Give each view on one page a
   * prefix of its own (`'list-'`, `'detail-'`), or their ids repeat. 1 to 32
   * ASCII letters, digits, `-` or `_`, starting with a letter.
   *
   * A view with a prefix other than `'yl-'` is taken to share its page
   * with other views: its landmarks (文档信息, 当前位置, tables, a printed
   * 目录) are named with the document's title after their own name, so
   * that a screen reader's list of landmarks tells the views apart. A
   * {@link speechPlan} for the view takes the same `idPrefix`. Default
   * `'yl-'`: the output is as without the option.
   * @throws {YilanError} `argument` (path `idPrefix`) for a prefix that
   *   cannot start an id.
   */
  idPrefix?: string | null;
}

/** How to mount a view. Every key is optional. */
export interface MountOptions {
  /**
   * Default: the reader's stored mode, else `'standard'`. The view shows
   * `mode`, `theme` and `scale` given here, but they are the page's, not
   * the reader's: they are not stored (the reader's stored ones stay) until
   * the reader changes them in the toolbar, or a setter does. A `mode`
   * given with `announce` (a view shown in answer to the reader's action)
   * is stored as the reader's.
   */
  mode?: Mode;
  /** A theme id from {@link themes}, or `'auto'`. Default: the reader's stored theme, else `'auto'`. */
  theme?: string;
  /** 1 to 3, snapped to a step. Default: the reader's stored size, else 1. */
  scale?: number;
  /**
   * Language of the toolbar and the view's own words: `'zh-CN'`, `'zh-TW'`
   * (also zh-HK, zh-MO, zh-Hant…) or `'en'`; other tags give zh-CN. Default:
   * the `lang` of the element's closest ancestor that has one (usually the
   * page's `<html lang>`; from inside a shadow root the search goes on from
   * its host, as HTML inherits a language), else `'zh-CN'`. The document's
   * own text is never translated.
   */
  locale?: Locale | string;
  /**
   * Where the reader's preferences are kept, under the key
   * `yilan:prefs:v1`. Default: `localStorage`. `null` or `false`: this page
   * only. An object with `getItem` and `setItem` (`sessionStorage`, or the
   * host's own) is used instead. A store that throws is caught: the
   * preferences then last for the page's session.
   */
  storage?: PreferenceStorage | null | false;
  /**
   * Say the mode in the live region ("已进入老年模式") a moment after the
   * view is shown: first laid out in the page, at once for an element in
   * it, later for one put in after `mount`. For a view shown in answer to a
   * reader's action. Default `false`.
   */
  announce?: boolean;
  /**
   * The host's own voice instead of the browser's speech synthesis. With
   * it, 朗读 and 指读 work where the browser has no Chinese voice.
   * @throws {YilanError} `argument` (path `speech`, `speech.speak`, `speech.cancel`).
   */
  speech?: SpeechHook;
  /**
   * The browser voice to read with, by name (see {@link Viewer.voices});
   * by default the best Chinese voice, one on the device before a network
   * one.
   * @throws {YilanError} `argument` (path `voice`) when not a string.
   */
  voice?: string;
}

/** What preferences can be stored in: `localStorage` or anything like it. */
export interface PreferenceStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** A reader's preferences (阅读偏好). */
export interface Preferences {
  mode: Mode;
  /** A theme id, or `'auto'`. */
  theme: string;
  /** 1 to 3, a scale step. */
  scale: number;
  /** 阅读辅助线. */
  guide: boolean;
  /** 大鼠标. */
  cursor: 'normal' | 'large';
  /** 语速, 0.5 to 2. */
  speechRate: number;
  /** 指读. */
  pointerReading: boolean;
}

/** Options of {@link parseHtml}. */
export interface HtmlOptions {
  /**
   * The page's address, against which relative links are resolved: absolute,
   * or relative to the address of the page that calls (as a link's `href`).
   */
  baseUrl?: string;
}

/** What {@link speechPlan} reads, and how long a chunk may be. Every key is optional. */
export interface SpeechOptions {
  /** 标题: read the title first. Default `true`. */
  includeTitle?: boolean;
  /** 发布日期 and 来源 (else 发布单位), a short chunk each after the title. Default `true`. */
  includePublishingLine?: boolean;
  /** The other metadata fields (索引号, 文号, …). Default `false`. */
  includeMeta?: boolean;
  /** 当前位置: the breadcrumb, before the title. Default `false`. */
  includeBreadcrumb?: boolean;
  /** The body. Default `true`. */
  includeBody?: boolean;
  /** Table cells, row by row. Default `true`. */
  includeTables?: boolean;
  /** Read each body cell with its column header. Default `true`. */
  tableHeaders?: boolean;
  /** Images with a description, as "图片：…", those of table cells too. Default `true`. */
  includeImages?: boolean;
  /** 附件: the attachment names. Default `true`. */
  includeAttachments?: boolean;
  /** 落款: the issuing organisation and date. Default `true`. */
  includeSignature?: boolean;
  /** 目录: a table of contents printed in the page. Default `false`. */
  includeContents?: boolean;
  /**
   * The longest chunk, in characters of spoken text: a whole number from 1
   * to 4294967295. A sentence is cut at its commas first, then at its 顿号,
   * then between words; a run of Latin letters or digits is never cut, and
   * a punctuation mark stays with the character before it, so a chunk may
   * be longer than a small bound. Default 60.
   * @throws {YilanError} `argument` (path `maxChars`) for anything else.
   */
  maxChars?: number;
  /** Start at the element with this id; an unknown id reads from the top. Default `null`. */
  from?: string | null;
  /**
   * The `idPrefix` the view was rendered with ({@link RenderOptions.idPrefix}):
   * chunk targets are its ids, and `from` is one of them. Default `'yl-'`.
   * @throws {YilanError} `argument` (path `idPrefix`) for a prefix that
   *   cannot start an id.
   */
  idPrefix?: string | null;
}

/** A colour theme. */
export interface Theme {
  /** Stable id, e.g. `'yellow-on-black'`; the view's `data-theme`. */
  id: string;
  /** Chinese label (简体), e.g. `'黑底黄字'`. */
  label: string;
  /** Chinese label (繁體). */
  labelZhTw: string;
  /** English label. */
  labelEn: string;
  /** Whether the background is dark. */
  dark: boolean;
}

/** What a speech chunk reads. */
export type ChunkKind =
  | 'title'
  | 'breadcrumb'
  | 'meta'
  | 'heading'
  | 'paragraph'
  | 'listItem'
  | 'tableCell'
  | 'caption'
  | 'attachment'
  | 'signature'
  | 'addressee'
  | 'note'
  | 'contents'
  | 'image';

/** One utterance of the speech plan. */
export interface SpeechChunk {
  /** Position in the whole document's plan, from 0 (kept when `from` starts later). */
  index: number;
  /** The id of the element to highlight (a section's heading is its section's id). */
  target: string;
  kind: ChunkKind;
  /** What to speak, normalised for listening; never empty. */
  text: string;
  /** The text as written, for highlighting. */
  display: string;
}

// Types of the yilan (易览) package: the API, its events and errors. The
// options, preferences, themes and speech chunks are in ./options.d.ts; the
// document model's types are generated from the model's JSON Schema into
// ./model.d.ts. Both are re-exported here.

import type { Action, Document, DocumentInput } from './model.js';
import type { ChunkKind, HtmlOptions, Mode, MountOptions, PreferenceStorage, Preferences, RenderOptions, SpeechChunk, SpeechOptions, Theme } from './options.js';

export * from './model.js';
export * from './options.js';

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
 * @throws {YilanError} (the promise rejects) code `network` when the .wasm
 *   could not be fetched (offline, an HTTP error) or what came is not a
 *   WebAssembly module (a 404 page served with 200), `unsupported` when the
 *   browser may not compile it (a Content-Security-Policy without
 *   `'wasm-unsafe-eval'`; in Node, a `file:` URL), `argument` (path
 *   `source`) for a source of another kind. The browser's own error is the
 *   `cause`. A later call tries again.
 *
 * @example
 * import init, { parseText, renderHtml } from 'yilan';
 * await init();
 */
export default function init(source?: InitSource): Promise<void>;

// ---------------------------------------------------------------------------
// Functions
//
// The documents the parses return are plain objects with every field of
// `Document`. The fields are read from the parse's output the first time any
// of them is used (got, set, or copied by `JSON.stringify`, `structuredClone`
// or a spread), after which they are ordinary data properties; a document
// handed on unread to `renderHtml`, `mount`, `speechPlan` or `parseJson` is
// taken as the parse's own result, without being written out and read again.
// One frozen or sealed before any field is read keeps its fields read-only.

/**
 * Page text (what a browser's `innerText` gives) → the document model.
 * Never fails on text: what the parser was unsure of is in `diagnostics`.
 *
 * @throws {YilanError} code `argument` (path `text`) when `text` is not a
 *   string.
 *
 * @example
 * const doc = parseText(document.querySelector<HTMLElement>('#zoom')!.innerText);
 */
export function parseText(text: string): Document;

/**
 * Page HTML → the document model. The browser's own HTML parser
 * (`DOMParser`) reads the string into an inert document (no script runs,
 * nothing loads); one walk encodes it and wasm reads it in one call. The
 * page's content is found (known CMS layouts, else text density); a page
 * whose content cannot be found gives a document with a `noContent`
 * diagnostic, not an error.
 *
 * @throws {YilanError} code `argument` when `html` is not a string (path
 *   `html`), an option has the wrong type, or `baseUrl` is no URL (a
 *   relative one is resolved against the page's address); `unsupported` where there is no `DOMParser`
 *   (Node: encode a DOM of your own with {@link encodeDom} and call
 *   {@link parseEncoded}); `internal` when the browser refuses to parse
 *   (a page that enforces Trusted Types without `trusted-types yilan`).
 *
 * @example
 * const doc = parseHtml(await (await fetch(url)).text(), { baseUrl: url });
 */
export function parseHtml(html: string, options?: HtmlOptions): Document;

/**
 * A live document or element (the page itself, or its content root) → the
 * document model, as {@link parseHtml} reads a string. The DOM is only read.
 * `baseUrl` defaults to the node's `baseURI`.
 *
 * @throws {YilanError} code `argument` when `node` is not a Document or an
 *   Element (path `node`), or an option has the wrong type.
 *
 * @example
 * const doc = parseDom(document);
 */
export function parseDom(node: globalThis.Document | Element, options?: HtmlOptions): Document;

/**
 * Node events in the compact encoding {@link encodeDom} makes → the document
 * model: the step {@link parseHtml} and {@link parseDom} end with, exactly
 * the native pipeline. A damaged encoding gives the document of what came
 * before the damage, with a `truncated` or `garbled` diagnostic.
 *
 * @throws {YilanError} code `argument` when `encoded` is not a string
 *   (path `encoded`) or an option has the wrong type.
 */
export function parseEncoded(encoded: string, options?: HtmlOptions): Document;

/**
 * Walks a DOM once and encodes its node events (elements with the few
 * attributes that matter, text; scripts, styles, forms and comments left
 * out) for {@link parseEncoded}. Works on any DOM with `nodeType`,
 * `localName`, `getAttribute`, `firstChild`, `nextSibling`, `parentNode`
 * and `data`.
 *
 * @throws {YilanError} code `argument` (path `root`) when `root` is not a
 *   Document or an Element.
 */
export function encodeDom(root: globalThis.Document | Element): string;

/**
 * Model JSON, as text or as an already parsed object → a checked document
 * (the same checks as the Rust `parse_json`).
 *
 * @throws {YilanError} code `syntax` (not JSON), `shape` (wrong type, missing
 *   or unknown field, or a field given twice in JSON text: ``title:
 *   duplicate field `title` ``), `value` (out of range, as a level of 9 or
 *   300, inconsistent, or half of a character: a lone surrogate, as
 *   `JSON.stringify` writes a string cut inside an emoji, which is found
 *   with the syntax, before anything else), `version`
 *   (a model version this build does not read) or `tooLarge` (over 16 MiB of
 *   JSON, or nested more than 127 levels deep); `path` says where, e.g.
 *   `body[0].level` (for half of a character in a key, the key's object),
 *   and the message starts with it. JSON given as text is also placed by
 *   line and column where it is not JSON, nests too deep or has half of a
 *   character (its `\u` escape); a column counts bytes of UTF-8.
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
export function renderHtml(doc: DocumentInput, options?: RenderOptions): string;

/**
 * What to read aloud: sentence-sized chunks in reading order, each tied to
 * the id of the element the view shows it in, with the text normalised for
 * listening (〔2019〕, （一）, 1-12月, 18.4% …).
 *
 * @throws {YilanError} a model error code for a bad document; `argument`
 *   for an option of the wrong type or a `maxChars` that is not a whole
 *   number from 1 to 4294967295 (`path` names it).
 *
 * @example
 * for (const chunk of speechPlan(doc, { from: 'yl-s2' })) speak(chunk.text);
 */
export function speechPlan(doc: DocumentInput, options?: SpeechOptions): SpeechChunk[];

/**
 * The colour themes a reader can choose, the default first.
 *
 * @example
 * themes(); // → [{ id: 'standard', label: '标准', labelZhTw: '標準', labelEn: 'Standard', dark: false }, …]
 */
export function themes(): Theme[];

/**
 * The view's whole stylesheet (layout, modes, scale steps, every theme,
 * system settings and print); every rule is scoped under `.yl-view`. The
 * same text ships as `yilan/yilan.css`.
 *
 * @example
 * const sheet = new CSSStyleSheet();
 * sheet.replaceSync(stylesheet());
 * shadowRoot.adoptedStyleSheets = [sheet];
 */
export function stylesheet(): string;

/**
 * Shows a document in `element`, in a shadow root of its own (host styles
 * cannot reach it, its styles cannot leak), with the elderly-mode toolbar:
 * 字号 − / 当前 / 字号 +, 配色, 朗读, 指读, 阅读辅助线, 大鼠标, 目录, 打印 and
 * the 进入老年模式 / 退出老年模式 toggle.
 *
 * The reader's stored preferences (mode, theme, text size, reading guide,
 * large cursor) are applied before the view is inserted, so the first
 * paint is already right; options given here win over them. The view is
 * appended to `element` (a `<yilan-view>` element), built whole first: when
 * `mount` throws, `element` is untouched.
 *
 * Into an element not yet in the page, a view can be built ahead of time:
 * it stores the preferences, and listens on the page's `document` and
 * `window`, only once it is put in the page. To have the browser lay it out
 * ahead too, put it in the page under an element with the `inert` attribute
 * (and out of sight, e.g. `opacity: 0`): it counts as shown once that
 * attribute is gone and the view is focused (`viewer.focus()`) or used.
 *
 * Under a header the page keeps fixed at the top of the window, give what
 * scrolls the header's height as `scroll-padding-top` in pixels or a
 * percentage (e.g. `html { scroll-padding-top: 64px }`): the toolbar and a
 * table's header rows then stick below it.
 *
 * @throws {YilanError} `argument` (not an element, or one that shows no
 *   children such as an `<img>` or an SVG element; a bad option: `path`
 *   names it), a model code for a bad document, or `internal` when the
 *   browser refuses a step (the message says which).
 *
 * @example
 * const viewer = mount(document.querySelector('#reader')!, parseText(text), { mode: 'elderly' });
 * viewer.addEventListener('scalechange', (event) => console.log(event.detail)); // 1.25
 */
export function mount(element: Element, doc: DocumentInput, options?: MountOptions): Viewer;

/**
 * The reader's stored preferences, with defaults for whatever is missing
 * or unreadable; read from where `mount` reads them. Never throws for
 * storage problems (private browsing, a sandboxed iframe): the preferences
 * of this page's session, or the defaults, are returned.
 *
 * @throws {YilanError} `argument` for a `storage` option of the wrong kind.
 *
 * @example
 * // Show the view again to a reader who left the page in elderly mode.
 * if (preferences().mode === 'elderly') enterElderlyMode();
 */
export function preferences(options?: { storage?: PreferenceStorage | null | false }): Preferences;

/**
 * A mounted view, as `mount` returns it. Changing the mode, theme or text
 * size sets attributes on the view's root (nothing is rendered again),
 * keeps the block at the top of the view where it was on the screen,
 * stores the reader's preferences and dispatches an event on the host
 * element. The view lives until `destroy()`, whether or not the handle is
 * kept. Only `mount` makes one: `new Viewer()` throws `unsupported`.
 */
export class Viewer {
  private constructor();
  /** The current mode. */
  readonly mode: Mode;
  /** The current theme id, or `'auto'`. */
  readonly theme: string;
  /** The current text scale step (1 to 3). */
  readonly scale: number;
  /**
   * 进入老年模式 / 退出老年模式. Stored as the reader's choice unless
   * `store: false` (see {@link SetOptions}).
   * @throws {YilanError} `argument` (path `mode`, or `store`), `destroyed`.
   */
  setMode(mode: Mode, options?: SetOptions): void;
  /**
   * A theme id from {@link themes}, or `'auto'`. Stored as the reader's
   * choice unless `store: false`.
   * @throws {YilanError} `argument` (path `theme`, or `store`), `destroyed`.
   */
  setTheme(theme: string, options?: SetOptions): void;
  /**
   * A text scale from 1 to 3, snapped to the nearest step (1, 1.25, 1.5,
   * 1.75, 2, 2.5, 3). Stored as the reader's choice unless `store: false`.
   * @throws {YilanError} `argument` (path `scale`, or `store`), `destroyed`.
   */
  setScale(scale: number, options?: SetOptions): void;
  /**
   * Focuses the toolbar (its current tool): after showing the view in answer
   * to a reader's click. A view built ahead, inert, counts as shown from here
   * on (see `mount`). `focusVisible: true` when the reader came by a key
   * (Enter on your toggle): the focus then shows its ring in every browser.
   */
  focus(options?: { focusVisible?: boolean }): void;
  /**
   * Reads the document aloud, one sentence at a time, highlighting each:
   * from the element with id `from` (a section, a paragraph…), else from
   * the top. Browsers speak only after a reader's gesture: call it from a
   * click handler. Reading a chunk again, pausing or stopping is also in
   * the toolbar (朗读, 停止).
   * @throws {YilanError} `argument` (path `from`), `unsupported` when there
   *   is no voice to read with (no speech synthesis, no Chinese voice) and
   *   no `speech` hook was given, `destroyed`.
   */
  speak(options?: { from?: string }): void;
  /**
   * Pauses reading (the sentence is cancelled; `resume()` says it again
   * from its start). Nothing when not reading, nor once destroyed.
   */
  pause(): void;
  /** Resumes a paused reading; nothing once destroyed. */
  resume(): void;
  /** Stops reading; nothing when not reading, nor once destroyed. */
  stop(): void;
  /** What reading aloud is doing. */
  readonly speechState: 'idle' | 'speaking' | 'paused';
  /** 语速: the speech rate, 0.5 to 2 (default 0.9, slightly slow). */
  readonly speechRate: number;
  /**
   * Sets the speech rate (0.5 to 2), stored with the reader's preferences;
   * it applies from the next sentence.
   * @throws {YilanError} `argument` (path `rate`), `destroyed`.
   */
  setSpeechRate(rate: number): void;
  /**
   * The voice to read with, by name (one of {@link Viewer.voices}), from the
   * next sentence on; `null` for the best Chinese voice. A name the browser
   * lacks, or a voice that cannot read Chinese, leaves the best one in use.
   * @throws {YilanError} `argument` (path `name`), `destroyed`.
   */
  setVoice(name: string | null): void;
  /** The voice asked for by name (the `voice` option or `setVoice`), or `null`. */
  readonly voice: string | null;
  /**
   * The browser's voices that can read the document (empty with a `speech`
   * hook or without speech synthesis; some browsers fill the list in a
   * moment after the page loads).
   */
  voices(): { name: string; lang: string; local: boolean }[];
  /**
   * Listens to the view's events, which are dispatched on the host element:
   * with the host's options, `this` and order, but the listener is the
   * view's own, called for this view's events only (another view in the
   * same element dispatches there too) and removed by `destroy()`.
   * @throws {YilanError} `argument` (path `type`, or `listener`), `destroyed`.
   */
  addEventListener<K extends keyof ViewerEventMap>(
    type: K,
    listener: (event: ViewerEventMap[K]) => void,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  /** Removes a listener added with `addEventListener`; nothing once destroyed. */
  removeEventListener<K extends keyof ViewerEventMap>(
    type: K,
    listener: (event: ViewerEventMap[K]) => void,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
  /**
   * Removes the view, every listener and observer it added and those added
   * with `addEventListener`; the host element is left as it was. A reading
   * under way ends first (`speechend`, `'stopped'`). Calling it again does
   * nothing; the setters and `addEventListener` then throw `destroyed`.
   */
  destroy(): void;
  /**
   * Releases this handle only: the view stays, and works, until destroyed
   * (call `destroy()` first to remove it). The handle's calls then throw
   * `destroyed`; `destroy()` and `free()` again do nothing. (Where the runtime has
   * `Symbol.dispose`, the handle has that method too: at the end of a
   * `using` block the view is destroyed and the handle freed. It is left
   * out of these types, which would otherwise need TypeScript's
   * `esnext.disposable` library.)
   */
  free(): void;
}

/** How a `Viewer` setter applies its value. */
export interface SetOptions {
  /**
   * `true` (the default): the reader's choice, shown and stored with the
   * reader's preferences, as a choice in the toolbar is. `false`: the
   * page's, shown but not stored, as `mount`'s `mode`, `theme` and `scale`
   * are (the reader's stored preferences stay); the reader choosing it in
   * the toolbar then makes it the reader's.
   */
  store?: boolean;
}

/**
 * The view's events: `CustomEvent`s dispatched on the host element; they
 * bubble and cross shadow boundaries (`composed`).
 */
export interface ViewerEventMap {
  /** The mode changed (toolbar or `setMode`). `detail`: the new mode. */
  modechange: CustomEvent<Mode>;
  /** The theme changed. `detail`: the new theme id, or `'auto'`. */
  themechange: CustomEvent<string>;
  /** The text size changed. `detail`: the new scale step. */
  scalechange: CustomEvent<number>;
  /**
   * A page action was chosen (打印 in the toolbar, or one of the document's
   * own buttons). Cancelable: `preventDefault()` stops what the view does
   * itself: print; close (or, where the browser will not, say how); share
   * the page's address with the system's share sheet, or copy it (or show
   * it); say how to bookmark the page (no script may).
   * `detail`: `'print'`, `'close'`, `'share'`, `'bookmark'`.
   */
  action: CustomEvent<Action>;
  /** A chunk starts being read (and is highlighted). */
  chunkstart: CustomEvent<SpeechEventChunk>;
  /** A chunk has been read (or given up on by the watchdog). */
  chunkend: CustomEvent<SpeechEventChunk>;
  /**
   * Reading ended: `'done'` (everything was read), `'stopped'` (停止,
   * `stop()`, leaving the elderly mode, the page hidden, `destroy()`), `'failed'` (the
   * engine failed: a `speecherror` came first).
   */
  speechend: CustomEvent<{ reason: 'done' | 'stopped' | 'failed' }>;
  /** The speech engine (the browser's, or the host's `speak`) failed. */
  speecherror: CustomEvent<{ message: string }>;
}

/** A chunk as the `speech` hook's `speak` and the speech events see it. */
export interface SpeechEventChunk {
  /** The id of the element read (the view highlights it). */
  id: string;
  kind: ChunkKind;
  /** What to say, normalised for listening. */
  text: string;
  /** Position in the document's whole plan, from 0. */
  index: number;
  /** The reader's speech rate, 0.5 to 2. */
  rate: number;
}

/**
 * The host's own voice (a server voice, a native app's): replaces the
 * browser's speech synthesis. The view calls `speak` with one chunk at a
 * time and waits for its promise; a rejection ends reading with
 * `speecherror`. `cancel` is called on pause, stop, leaving the elderly
 * mode, page hide and `destroy()`; the pending promise may then settle or
 * not, it is no longer listened to.
 */
export interface SpeechHook {
  speak(chunk: SpeechEventChunk): Promise<unknown> | unknown;
  cancel?(): void;
}

// ---------------------------------------------------------------------------
// Errors

/**
 * Model errors (mirroring the Rust `ErrorCode`), errors of the binding, and
 * `network`: `init()` could not load the .wasm, or `<yilan-reader>` could
 * not fetch its `src` (an HTTP error status, or the fetch failed), and
 * `uninitialized`: a function called before `init()` has loaded the module.
 */
export type ErrorCode =
  | 'syntax'
  | 'shape'
  | 'value'
  | 'version'
  | 'tooLarge'
  | 'argument'
  | 'unsupported'
  | 'internal'
  | 'destroyed'
  | 'network'
  | 'uninitialized';

/** Every error yilan throws: a real `Error` with a stable `code`. */
export interface YilanError extends Error {
  name: 'YilanError';
  code: ErrorCode;
  /**
   * Where: a JSON path like `body[3].blocks[0].level` (empty for the root)
   * for model errors; the argument's or the option's name for `argument`
   * errors (`text`, `maxChars`). For
   * `tooLarge` nesting, the array or object past the limit, a path of more
   * than 16 steps with its middle left out (`title.x.x.x.x.x.x.x….x.x.x.x.x.x.x.x`).
   */
  path?: string;
}

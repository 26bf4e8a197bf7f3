// Types of `yilan/element`: the <yilan-reader> custom element. Importing the
// module defines the element.

import type { Document, DocumentInput, Mode, Viewer, ViewerEventMap, YilanError } from './index.js';

/** The element's tag name, `'yilan-reader'`. */
export const TAG: 'yilan-reader';

/**
 * The events of `<yilan-reader>`: the view's own (`modechange`,
 * `themechange`, `scalechange`, `action`: they bubble and are composed),
 * and the element's `load` and `error` (they do not bubble, as an `<img>`'s).
 */
export interface YilanReaderEventMap extends Omit<HTMLElementEventMap, 'load' | 'error'>, ViewerEventMap {
  /** The document is shown. `detail`: the document. */
  load: CustomEvent<Document | DocumentInput>;
  /**
   * The document could not be fetched, read or shown (the element then
   * shows a plain message in its place, announced as an alert); or a
   * `mode`, `theme` or `scale` attribute had an invalid value (`code`
   * `argument`, `path` the attribute's name): the view is shown all the
   * same, without it, and the attribute goes back to what the view shows.
   * `detail`: the error; `code` `network` for an HTTP error or a failed
   * fetch, else a {@link YilanError} code. A `src` that is no URL, or a
   * `model` that is no document, is an `argument` error with `path` `src`
   * or `model`, as is a `model` attribute with no `src` (a framework sets
   * one on an element not yet defined; a document goes in the property);
   * an error in a document's content has the model's `path`.
   */
  error: CustomEvent<YilanError | Error>;
}

/**
 * `<yilan-reader>`: a document in the reading view, with the elderly-mode
 * toolbar. The WebAssembly module is loaded on first use (`init()`).
 *
 * Attributes (each also a property):
 * - `src`: URL of model JSON, page HTML or page text. The kind is taken
 *   from the Content-Type (`json`, `html`), else from the first character
 *   that is not a space (`{` JSON, `<` HTML), else it is page text. It is
 *   decoded as a browser decodes a page: by its byte order mark, the
 *   Content-Type's charset or a `<meta>` charset, else as UTF-8, or as
 *   GB18030 (GBK, GB2312) where it is no valid UTF-8.
 * - `mode` (`standard` | `elderly`), `theme` (a theme id or `auto`),
 *   `scale` (1 to 3; a value between steps snaps to the nearest step, and
 *   the attribute says that step): reflected both ways. Setting one
 *   changes the view (set while the element is out of the page, when it is
 *   put back); when the reader changes it in the toolbar the attribute
 *   follows. A missing one takes the reader's stored preference; one set
 *   here is shown but not stored as the reader's (see `MountOptions`).
 * - `locale` (`zh-CN` | `zh-TW` | `en`): the language of the view's own
 *   words; without it the closest `lang` attribute (the page's `<html
 *   lang>`; from inside a shadow root, the host's) decides, else zh-CN.
 *   The document's own text is never translated.
 *
 * While loading the element says so (`role="status"`, `aria-busy`); on a
 * failure it shows a plain message (`role="alert"`) and no view at all.
 * Moved in the page (taken out and put back in one task, or with
 * `moveBefore`) it keeps its view; a new `locale` mounts the document again
 * without fetching it. Taken out of the page past the task, it removes its
 * view, and a load in progress ends with no `load` or `error` event.
 *
 * @example
 * <script type="module">import 'yilan/element';</script>
 * <yilan-reader src="/notices/2023-42.json" mode="elderly" locale="zh-CN"></yilan-reader>
 */
export class YilanReaderElement extends HTMLElement {
  static readonly observedAttributes: string[];
  /** The document's URL, resolved against the page (empty without `src`). */
  src: string;
  /** The viewer's mode while a view is shown, else the attribute (or null). */
  get mode(): Mode | null;
  set mode(value: Mode | null);
  /** The viewer's theme while a view is shown, else the attribute (or null). */
  get theme(): string | null;
  set theme(value: string | null);
  /** The viewer's scale step while a view is shown, else the attribute (or null). */
  get scale(): number | null;
  set scale(value: number | null);
  /** The `locale` attribute; null: the page's `lang` decides. */
  get locale(): string | null;
  set locale(value: string | null);
  /**
   * The document shown (null while loading or after an error). Setting a
   * document shows it instead of `src`'s; setting null goes back to `src`.
   */
  get model(): Document | DocumentInput | null;
  set model(doc: DocumentInput | null);
  /**
   * The mounted view's handle, or null while loading or after an error. A
   * handle kept across a reload of the element is destroyed: its setters
   * throw `destroyed`, its getters still answer.
   */
  readonly viewer: Viewer | null;
  connectedCallback(): void;
  disconnectedCallback(): void;
  attributeChangedCallback(name: string, previous: string | null, value: string | null): void;
  addEventListener<K extends keyof YilanReaderEventMap>(
    type: K,
    listener: (this: YilanReaderElement, event: YilanReaderEventMap[K]) => void,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof YilanReaderEventMap>(
    type: K,
    listener: (this: YilanReaderElement, event: YilanReaderEventMap[K]) => void,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'yilan-reader': YilanReaderElement;
  }
}

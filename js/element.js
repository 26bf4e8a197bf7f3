// <yilan-reader>: the reading view as a custom element. Importing this
// module defines the element (once per page). Types and documentation:
// ./element.d.ts.
//
//   <script type="module" src="/node_modules/yilan/pkg/element.js"></script>
//   <yilan-reader src="/docs/notice.json" mode="elderly" theme="yellow-on-black"></yilan-reader>

import { yilanError } from './dom-events.js';
import init, { mount, parseHtml, parseJson, parseText, preferences } from './index.js';

/** The element's tag name. */
export const TAG = 'yilan-reader';

/** The attributes reflected both ways to the viewer's state. */
const STATE = ['mode', 'theme', 'scale'];

/** The viewer events that change the state, and the attribute each sets. */
const STATE_EVENTS = { modechange: 'mode', themechange: 'theme', scalechange: 'scale' };

/** The element's own words, in the view's three locales. */
const WORDS = {
  'zh-CN': {
    loading: '正在加载…',
    failed: '无法显示此页面：',
    network: '无法获取文档，请稍后再试。',
    address: '文档地址有误。',
    content: '文档内容有误。',
    other: '出现了问题。',
  },
  'zh-TW': {
    loading: '正在載入…',
    failed: '無法顯示此頁面：',
    network: '無法取得文件，請稍後再試。',
    address: '文件地址有誤。',
    content: '文件內容有誤。',
    other: '出現了問題。',
  },
  en: {
    loading: 'Loading…',
    failed: 'This page cannot be shown: ',
    network: 'the document could not be fetched; please try again later.',
    address: 'the document’s address is wrong.',
    content: 'the document is not in a form that can be read.',
    other: 'something went wrong.',
  },
};

/** What the reader is told of an error, by its code: plain words, not the developer's message. */
const REASONS = { network: 'network', argument: 'address', syntax: 'content', shape: 'content', value: 'content', version: 'content', tooLarge: 'content' };

/** A locale of `WORDS` for a BCP 47 tag, as the view chooses its own. */
function localeOf(tag) {
  const lower = (tag ?? '').toLowerCase().replace(/_/g, '-');
  if (['zh-tw', 'zh-hk', 'zh-mo', 'zh-hant'].some((prefix) => lower.startsWith(prefix))) {
    return 'zh-TW';
  }
  return lower === 'en' || lower.startsWith('en-') ? 'en' : 'zh-CN';
}

/**
 * The `lang` an element inherits: of its closest ancestor that has one,
 * going on from a shadow root to its host (as HTML inherits a language).
 */
function inheritedLang(element) {
  for (let at = element; at; at = at.getRootNode().host) {
    const found = at.closest('[lang]');
    if (found) {
      return found.getAttribute('lang');
    }
  }
  return null;
}

/**
 * The document model of a fetched response: JSON by Content-Type, HTML by
 * Content-Type, else by the first character that is not a space (`{` JSON,
 * `<` HTML), else page text.
 */
async function documentOf(response) {
  const type = (response.headers.get('content-type') ?? '').toLowerCase();
  const body = decode(new Uint8Array(await response.arrayBuffer()), type);
  const first = body.trimStart().charAt(0);
  if (type.includes('json') || (!type.includes('html') && first === '{')) {
    return parseJson(body);
  }
  if (type.includes('html') || first === '<') {
    return parseHtml(body, { baseUrl: response.url });
  }
  return parseText(body);
}

/**
 * A response's text, decoded as a browser decodes a page: by its byte
 * order mark, else in the charset its Content-Type names, else a `<meta>`
 * charset in its first 1024 bytes, else as UTF-8 where it is valid UTF-8,
 * else as GB18030 (of which GBK and GB2312, the encodings of many
 * government pages, are subsets).
 */
function decode(bytes, type) {
  for (const label of [byteOrderMark(bytes), charsetIn(type), charsetIn(metaOf(bytes))]) {
    if (!label) continue;
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      // A label no decoder knows: as if there were none.
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** The charset `text` names (`charset=gbk`, in a Content-Type or a `<meta>`), or null. */
function charsetIn(text) {
  return /charset\s*=\s*["']?([\w.:-]+)/i.exec(text ?? '')?.[1] ?? null;
}

/** The encoding a byte order mark at the start of `bytes` names, or null. */
function byteOrderMark(bytes) {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** The first `<meta>` tag that names a charset in the first 1024 bytes (read as ASCII), or null. */
function metaOf(bytes) {
  const head = String.fromCharCode(...bytes.subarray(0, 1024));
  return /<meta\b[^>]*charset[^>]*>/i.exec(head)?.[0] ?? null;
}

/** `HTMLElement` where there is one, so that importing in Node does not throw. */
const Base = globalThis.HTMLElement ?? class {};

/**
 * `<yilan-reader>`: shows a document (from `src`, or set as `model`) in the
 * reading view with its toolbar.
 */
export class YilanReaderElement extends Base {
  static get observedAttributes() {
    return ['src', 'locale', ...STATE];
  }

  /** The mounted view, or null. */
  #viewer = null;
  /** The document shown, or being shown. */
  #model = null;
  /** The document set through `model`, which wins over `src`. */
  #given = null;
  /** Bumped by every load; a load that is no longer the latest is dropped. */
  #generation = 0;
  /** Aborts the fetch of the load in progress. */
  #abort = null;
  /** The loading or error message, while there is one. */
  #status = null;
  /** Set while the element writes an attribute itself from a viewer event. */
  #reflecting = false;
  /** Set while a removed attribute's stored preference is applied: the attribute stays removed. */
  #unsetting = false;
  /** Whether a render is already queued for this task. */
  #queued = false;
  /** What the view shows (the `model` given, else the `src`), and what a load in progress is for. */
  #shownFor = null;
  #loadingFor = null;
  /** The attributes changed while out of the page, in the order they first changed. */
  #missed = new Set();

  constructor() {
    super();
    for (const [type, attribute] of Object.entries(STATE_EVENTS)) {
      this.addEventListener(type, (event) => this.#onStateEvent(event, attribute));
    }
  }

  connectedCallback() {
    // Properties set before the element was defined are own properties of
    // the element, hiding the class's: they are set again through it.
    for (const name of ['src', 'locale', 'mode', 'theme', 'scale', 'model']) {
      if (Object.hasOwn(this, name)) {
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }
    // Moved (taken out and put back in one task: a list reordered, a
    // portal): the view, its place in the text and its reading go on, and
    // a load in progress is not started again. Attributes changed while it
    // was out apply now, as they would have in the page.
    const missed = this.#missed;
    this.#missed = new Set();
    const wanted = this.#given ?? this.getAttribute('src');
    if (wanted !== null && ((this.#viewer && wanted === this.#shownFor) || wanted === this.#loadingFor)) {
      for (const name of missed) {
        if (name !== 'src') this.#changed(name, this.getAttribute(name));
      }
      return;
    }
    this.#queue();
  }

  /** Moved with `moveBefore` (Chromium 133): nothing to do. */
  connectedMoveCallback() {}

  disconnectedCallback() {
    // Only an element that stays out of the page past the task lets its
    // view go (see `connectedCallback`).
    setTimeout(() => this.isConnected || this.#letGo());
  }

  attributeChangedCallback(name, previous, value) {
    if (this.#reflecting || previous === value) {
      return;
    }
    if (this.isConnected) {
      this.#changed(name, value);
    } else {
      this.#missed.add(name);
    }
  }

  #changed(name, value) {
    if (name === 'locale' && this.#viewer && this.#loadingFor === null) {
      // The view's words change; the document is not fetched again.
      this.#reshow();
    } else if (name === 'src' || name === 'locale') {
      this.#queue();
    } else if (this.#viewer && value !== null) {
      this.#apply(name, value);
    } else if (this.#viewer) {
      this.#unset(name);
    }
  }

  /**
   * The URL of the document: model JSON, page HTML or page text, resolved
   * against the page's address (the attribute as it is, where it is no URL,
   * as `<img>.src` gives it).
   */
  get src() {
    const value = this.getAttribute('src');
    if (value === null) {
      return '';
    }
    try {
      return new URL(value, this.baseURI).href;
    } catch {
      return value;
    }
  }

  set src(value) {
    this.setAttribute('src', value);
  }

  /** The view's mode: the viewer's while one is shown, else the attribute's. */
  get mode() {
    return this.#viewer?.mode ?? this.getAttribute('mode');
  }

  set mode(value) {
    this.#setOrRemove('mode', value);
  }

  /** The view's theme id, or `'auto'`. */
  get theme() {
    return this.#viewer?.theme ?? this.getAttribute('theme');
  }

  set theme(value) {
    this.#setOrRemove('theme', value);
  }

  /** The view's text scale step. */
  get scale() {
    if (this.#viewer) {
      return this.#viewer.scale;
    }
    const value = this.getAttribute('scale');
    return value === null ? null : Number(value);
  }

  set scale(value) {
    this.#setOrRemove('scale', value === null || value === undefined ? null : String(value));
  }

  /** The locale of the view's own words; null: the page's `lang` decides. */
  get locale() {
    return this.getAttribute('locale');
  }

  set locale(value) {
    this.#setOrRemove('locale', value);
  }

  /** The document shown, or null before it is loaded or after an error. */
  get model() {
    return this.#viewer ? this.#model : null;
  }

  /** Shows this document instead of `src`'s; null goes back to `src`. */
  set model(doc) {
    this.#given = doc ?? null;
    this.#queue();
  }

  /** The mounted `Viewer`, or null while loading or after an error. */
  get viewer() {
    return this.#viewer;
  }

  #setOrRemove(name, value) {
    if (value === null || value === undefined) {
      this.removeAttribute(name);
    } else {
      this.setAttribute(name, value);
    }
  }

  /** Renders once per task, however many attributes were set in it. */
  #queue() {
    if (this.#queued) {
      return;
    }
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      if (this.isConnected) {
        this.#load();
      }
    });
  }

  /**
   * An attribute changed on a shown view: passed to the viewer, as the
   * page's setting (shown, not stored as the reader's), as at the start.
   */
  #apply(name, value) {
    const page = { store: false };
    try {
      if (name === 'mode') {
        this.#viewer.setMode(value, page);
      } else if (name === 'theme') {
        this.#viewer.setTheme(value, page);
      } else if (name === 'scale') {
        this.#viewer.setScale(Number(value), page);
        this.#snap();
      }
    } catch (error) {
      // An invalid value leaves the view as it was: the attribute goes
      // back to the viewer's state, and the page learns why.
      this.#refused(error);
    }
  }

  /**
   * An attribute removed from a shown view: the view takes the reader's
   * stored preference again, as a view mounted without it does, and the
   * attribute stays removed.
   */
  #unset(name) {
    let stored;
    try {
      stored = preferences()[name];
    } catch {
      return;
    }
    this.#unsetting = true;
    try {
      this.#apply(name, String(stored));
    } finally {
      this.#unsetting = false;
    }
  }

  /** A bad `mode`, `theme` or `scale` attribute: back to what the view shows, and an `error` event. */
  #refused(error) {
    const name = error?.path;
    if (this.#viewer && STATE.includes(name)) {
      this.#reflect(name, String(this.#viewer[name]));
    }
    this.dispatchEvent(new CustomEvent('error', { detail: error }));
  }

  /** A `scale` attribute between steps: it says the step the view snapped to. */
  #snap() {
    const value = this.getAttribute('scale');
    if (value !== null && Number(value) !== this.#viewer.scale) {
      this.#reflect('scale', String(this.#viewer.scale));
    }
  }

  /** Sets an attribute from the view's state, without passing it back to the view. */
  #reflect(attribute, value) {
    if (this.getAttribute(attribute) === value) {
      return;
    }
    this.#reflecting = true;
    try {
      this.setAttribute(attribute, value);
    } finally {
      this.#reflecting = false;
    }
  }

  /** The reader (toolbar) or a setter changed the state: the attribute follows. */
  #onStateEvent(event, attribute) {
    if (event.target !== this || !this.#viewer || this.#unsetting) {
      return;
    }
    this.#reflect(attribute, String(event.detail));
  }

  #words() {
    return WORDS[localeOf(this.getAttribute('locale') ?? inheritedLang(this))];
  }

  /** Shows a message in place of the view; `alert` for an error. */
  #showStatus(text, alert) {
    if (!this.#status) {
      this.#status = this.ownerDocument.createElement('p');
      this.#status.className = 'yilan-reader-status';
      this.prepend(this.#status);
    }
    this.#status.setAttribute('role', alert ? 'alert' : 'status');
    this.#status.textContent = text;
  }

  #clearStatus() {
    this.#status?.remove();
    this.#status = null;
  }

  /** No view, no load, no message: out of the page (put back, it loads again), or nothing to show. */
  #letGo() {
    this.#generation += 1;
    this.#abort?.abort();
    this.#loadingFor = null;
    this.#destroyView();
    this.#clearStatus();
    this.removeAttribute('aria-busy');
  }

  #destroyView() {
    // Destroyed, not freed: a page may still hold the handle (`viewer`),
    // which then says `destroyed` rather than failing in the binding.
    this.#viewer?.destroy();
    this.#viewer = null;
  }

  /** The document shown, mounted again (in another locale). */
  #reshow() {
    try {
      this.#show(this.#model, this.#shownFor);
    } catch (error) {
      this.#failed(error);
    }
  }

  /** No view, and a plain message of why, with an `error` event. */
  #failed(error) {
    this.#destroyView();
    this.#model = null;
    // In plain words for the reader; the developer's message is the
    // `error` event's (its `detail`).
    const words = this.#words();
    this.#showStatus(`${words.failed}${words[REASONS[error?.code] ?? 'other']}`, true);
    this.removeAttribute('aria-busy');
    this.dispatchEvent(new CustomEvent('error', { detail: error }));
  }

  async #load() {
    this.#generation += 1;
    const generation = this.#generation;
    this.#abort?.abort();
    this.#abort = null;
    const src = this.getAttribute('src');
    if (!this.#given && !src) {
      this.#letGo();
      // A framework that knew no such element yet (React 19, Vue) set the
      // document as an attribute, `model="[object Object]"`: say so rather
      // than show nothing.
      if (this.hasAttribute('model')) {
        this.#failed(
          yilanError(
            'argument',
            'model is set as an attribute, which cannot hold a document: set the model property, on an element defined by importing yilan/element first',
            'model',
          ),
        );
      }
      return;
    }
    const wanted = this.#given ?? src;
    this.#loadingFor = wanted;
    this.setAttribute('aria-busy', 'true');
    if (!this.#viewer) {
      this.#showStatus(this.#words().loading, false);
    }
    let doc = this.#given;
    let failure = null;
    try {
      await init();
      if (!doc) {
        let url;
        try {
          url = new URL(src, this.baseURI);
        } catch {
          throw yilanError('argument', `src is no URL: ${JSON.stringify(src)}`, 'src');
        }
        this.#abort = new AbortController();
        const response = await fetch(url, { signal: this.#abort.signal }).catch((error) => {
          throw yilanError('network', error?.message ?? String(error));
        });
        if (!response.ok) {
          this.#abort = null;
          throw yilanError('network', `${response.status} ${response.statusText}`.trim());
        }
        doc = await documentOf(response);
        // Read whole: aborting it now would only mark a finished request failed.
        this.#abort = null;
      }
    } catch (error) {
      failure = error;
    }
    // Out of the page, the load waits for the end of the task: put back
    // (moved), it goes on; still out, the element lets it go.
    if (!this.isConnected && generation === this.#generation) {
      await new Promise((resolve) => setTimeout(resolve));
      if (!this.isConnected) this.#letGo();
    }
    if (generation !== this.#generation) {
      return;
    }
    this.#loadingFor = null;
    try {
      if (failure) throw failure;
      this.#show(doc, wanted);
      this.dispatchEvent(new CustomEvent('load', { detail: this.#model }));
    } catch (error) {
      // A `model` that is no document: the error names the property.
      if (error?.code === 'argument' && this.#given && (error.path ?? 'doc') === 'doc') error.path = 'model';
      this.#failed(error);
    }
  }

  /** Mounts `doc` (what `wanted` gave), replacing the view shown; throws with nothing mounted. */
  #show(doc, wanted) {
    const options = {};
    for (const name of STATE) {
      const value = this.getAttribute(name);
      if (value !== null) {
        options[name] = name === 'scale' ? Number(value) : value;
      }
    }
    const locale = this.getAttribute('locale');
    if (locale !== null) {
      options.locale = locale;
    }
    // The previous view goes first: two views at once would share ids.
    this.#destroyView();
    // A bad mode, theme or scale attribute is left out (the reader's
    // stored preference applies), as a bad value set later is.
    const refused = [];
    for (;;) {
      try {
        this.#viewer = mount(this, doc, options);
        break;
      } catch (error) {
        if (error?.code !== 'argument' || !STATE.includes(error.path) || !(error.path in options)) {
          throw error;
        }
        delete options[error.path];
        refused.push(error);
      }
    }
    this.#model = doc;
    this.#shownFor = wanted;
    this.#clearStatus();
    this.removeAttribute('aria-busy');
    for (const error of refused) {
      this.#refused(error);
    }
    this.#snap();
  }
}

if (globalThis.customElements && !customElements.get(TAG)) {
  customElements.define(TAG, YilanReaderElement);
}

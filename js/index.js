// yilan (易览): the npm entry. Re-exports the WebAssembly binding (the calls
// that give or take a document through the wrappers below, which make the
// document objects) and loads the .wasm that sits next to it. Types and
// documentation: ./index.d.ts.

import initWasm, * as wasm from '../pkg/yilan.js';
import { encodeDom, yilanError } from './dom-events.js';
import { trustedHtml } from './trusted.js';

export { encodeDom };

/**
 * The binding's `Viewer` class, which only `mount` makes: `new Viewer()`
 * says so instead of making a handle with no view behind it (whose every
 * call would fail). `instanceof Viewer` holds for the handles `mount`
 * returns.
 */
export const Viewer = new Proxy(wasm.Viewer, {
  construct() {
    throw yilanError('unsupported', 'new Viewer() makes no view: a Viewer is what mount(element, document) returns');
  },
});

/**
 * A `Viewer` handle once freed (`free()`): its calls say `destroyed`, as a
 * destroyed view's setters do, rather than failing in the binding ("null
 * pointer passed to rust"); `destroy()` and `free()` again do nothing. A `using` block owns
 * its view: at its end the view goes, then the handle. (`free()` alone
 * releases the handle only, and the view stays: see `index.d.ts`.) The
 * binding keeps a handle's pointer in `__wbg_ptr`, 0 once freed.
 */
function guardFreed(proto) {
  const freed = () => yilanError('destroyed', 'this viewer handle was freed (free(), or the end of a using block): mount the document again to show a view');
  for (const name of Object.getOwnPropertyNames(proto)) {
    if (name === 'constructor' || name.startsWith('__')) continue;
    const property = Object.getOwnPropertyDescriptor(proto, name);
    if (typeof property.value === 'function') {
      const call = property.value;
      property.value = {
        [name](...args) {
          if (!this.__wbg_ptr) {
            if (name === 'destroy' || name === 'free') return undefined;
            throw freed();
          }
          return call.apply(this, args);
        },
      }[name];
    } else if (property.get) {
      const get = property.get;
      property.get = function () {
        if (!this.__wbg_ptr) throw freed();
        return get.call(this);
      };
    } else {
      continue;
    }
    Object.defineProperty(proto, name, property);
  }
  if (typeof Symbol.dispose === 'symbol') {
    const free = proto.free;
    proto[Symbol.dispose] = function () {
      if (!this.__wbg_ptr) return;
      this.destroy();
      free.call(this);
    };
  }
}

guardFreed(wasm.Viewer.prototype);

/** Whether `init()` has loaded the module. */
let ready = false;

/** Throws the error that says what to do when the module is not loaded yet. */
function loaded() {
  if (!ready) {
    throw yilanError('uninitialized', 'yilan is not loaded yet: call init() and wait for it before anything else');
  }
}

/** A document's fields, in the order of its model JSON. */
const FIELDS = ['version', 'lang', 'title', 'breadcrumb', 'meta', 'body', 'actions', 'diagnostics'];

/**
 * Node's (and Bun's) hook for `util.inspect` and `console.log`, which show a
 * getter as `[Getter/Setter]`: there a document shows its data, as a plain
 * object would. Browsers have no such hook (their consoles read a getter
 * when it is clicked).
 */
const INSPECT =
  typeof process === 'object' && process?.versions?.node ? Symbol.for('nodejs.util.inspect.custom') : undefined;

/** A document's `INSPECT` hook: the same object, its fields as values. */
function inspectDocument(depth, options, inspect) {
  return inspect({ ...this }, { ...options, depth: options.depth === null ? null : depth });
}

/** How many own keys a document is made with: its fields, and the hook. */
const OWN_KEYS = FIELDS.length + (INSPECT ? 1 : 0);

/**
 * Documents whose fields no one has used yet → their model JSON and
 * `untouched(name)`, whether the field `name` is still the getter it was made with.
 */
const unread = new WeakMap();

/**
 * The document whose model JSON a parse gave (`text`), as the object the
 * API returns: a plain object with every field, each read from `text` the
 * first time any of them is used (got, set, or copied by `JSON.stringify`,
 * `structuredClone`, a spread…), after which all are ordinary data
 * properties. Until then `renderHtml`, `speechPlan`, `mount` and
 * `parseJson` are handed the text itself (see `unreadText`), and the wasm
 * finds in it the document the parse made, without the object being
 * written and read again.
 */
function documentOf(text) {
  let fields;
  const read = () => {
    if (fields === undefined) {
      fields = JSON.parse(text);
      text = undefined;
      unread.delete(doc);
      for (const name of FIELDS) {
        // A field deleted or redefined meanwhile stays as it is now; on a
        // frozen or sealed object the getter stays (and reads `fields`).
        if (untouched(name)) {
          Reflect.defineProperty(doc, name, { value: fields[name], writable: true, enumerable: true, configurable: true });
        }
      }
    }
    return fields;
  };
  const assign = (target, name, value) => {
    if (target !== doc) {
      // Assigned through an object that inherits from `doc`: its own, as for a data property.
      Object.defineProperty(target, name, { value, writable: true, enumerable: true, configurable: true });
      return;
    }
    read();
    if (untouched(name)) {
      // Frozen or sealed before any field was read (the two cannot be told
      // apart while every field is a getter): read-only, as frozen.
      throw new TypeError(`Cannot assign to read only property '${name}' of object`);
    }
    doc[name] = value;
  };
  // A literal, in FIELDS' order: the engine makes it much faster than
  // property by property.
  const doc = {
    get version() { return read().version; },
    set version(value) { assign(this, 'version', value); },
    get lang() { return read().lang; },
    set lang(value) { assign(this, 'lang', value); },
    get title() { return read().title; },
    set title(value) { assign(this, 'title', value); },
    get breadcrumb() { return read().breadcrumb; },
    set breadcrumb(value) { assign(this, 'breadcrumb', value); },
    get meta() { return read().meta; },
    set meta(value) { assign(this, 'meta', value); },
    get body() { return read().body; },
    set body(value) { assign(this, 'body', value); },
    get actions() { return read().actions; },
    set actions(value) { assign(this, 'actions', value); },
    get diagnostics() { return read().diagnostics; },
    set diagnostics(value) { assign(this, 'diagnostics', value); },
  };
  const getters = {};
  for (const name of FIELDS) getters[name] = Object.getOwnPropertyDescriptor(doc, name).get;
  const untouched = (name) => Object.getOwnPropertyDescriptor(doc, name)?.get === getters[name];
  if (INSPECT) Object.defineProperty(doc, INSPECT, { value: inspectDocument });
  unread.set(doc, { text, untouched });
  return doc;
}

/**
 * The model JSON of `doc` when it is a document the API returned whose
 * fields no one has used, added, removed or redefined; else `undefined`.
 */
function unreadText(doc) {
  const state = unread.get(doc);
  if (state === undefined || Object.getPrototypeOf(doc) !== Object.prototype) return undefined;
  if (Reflect.ownKeys(doc).length !== OWN_KEYS || !FIELDS.every(state.untouched)) return undefined;
  return state.text;
}

/** What a call taking a document hands the wasm: the text of an unread one, else `doc` itself. */
function forWasm(doc) {
  return unreadText(doc) ?? doc;
}

/**
 * Page text (what a browser's `innerText` gives) → the document model.
 *
 * @param {string} text
 */
export function parseText(text) {
  loaded();
  return documentOf(wasm.parseText(text));
}

/**
 * Model JSON, as text or an object → a checked document.
 *
 * @param {string | object} json
 */
export function parseJson(json) {
  loaded();
  return documentOf(wasm.parseJson(forWasm(json)));
}

/**
 * Page HTML as node events (`encodeDom`'s encoding) → the document model.
 *
 * @param {string} encoded
 * @param {{ baseUrl?: string }} [options]
 */
export function parseEncoded(encoded, options) {
  loaded();
  return documentOf(wasm.parseEncoded(encoded, withBase(options)));
}

/**
 * `options` with its `baseUrl` made absolute: resolved against the page's
 * own address where there is a page, as a link's `href` is. One that is no
 * URL even so is an `argument` error: relative links would otherwise stay
 * relative, and resolve against whatever page shows them.
 */
function withBase(options) {
  let base;
  try {
    base = options?.baseUrl;
  } catch {
    return options; // (the binding says the value cannot be read)
  }
  if (typeof base !== 'string') return options;
  let href;
  try {
    href = new URL(base, globalThis.document?.baseURI).href;
  } catch {
    throw yilanError('argument', `baseUrl must be a URL, absolute or relative to the page's address: ${JSON.stringify(base)}`, 'baseUrl');
  }
  return href === base ? options : { ...options, baseUrl: href };
}

/**
 * A document → the reading view, an HTML fragment.
 *
 * @param {object | string} doc
 * @param {object} [options]
 */
export function renderHtml(doc, options) {
  loaded();
  return wasm.renderHtml(forWasm(doc), options);
}

/**
 * A document → what to read aloud, in chunks.
 *
 * @param {object | string} doc
 * @param {object} [options]
 */
export function speechPlan(doc, options) {
  loaded();
  return wasm.speechPlan(forWasm(doc), options);
}

/**
 * Shows a document in `element`, with the elderly-mode toolbar.
 *
 * @param {Element} element
 * @param {object | string} doc
 * @param {object} [options]
 */
export function mount(element, doc, options) {
  loaded();
  return wasm.mount(element, forWasm(doc), options);
}


/**
 * Page HTML → the document model. The browser's own HTML parser reads the
 * string into an inert document (`DOMParser`: no script runs, nothing
 * loads), one walk encodes it, and wasm reads it in one call.
 *
 * @param {string} html
 * @param {{ baseUrl?: string }} [options]
 */
export function parseHtml(html, options) {
  loaded();
  if (typeof html !== 'string') {
    throw yilanError('argument', 'html must be a string', 'html');
  }
  if (typeof DOMParser !== 'function') {
    throw yilanError(
      'unsupported',
      'parseHtml needs a browser (DOMParser); elsewhere encode a DOM with encodeDom and call parseEncoded',
    );
  }
  // Through the package's Trusted Types policy: the document is inert and
  // only read, never inserted.
  let doc;
  try {
    doc = new DOMParser().parseFromString(trustedHtml(html), 'text/html');
  } catch (error) {
    // A page that enforces Trusted Types without allowing the policy.
    throw yilanError(
      'internal',
      `the browser refused to parse the HTML (${error?.message ?? error}); a page that enforces Trusted Types lists the package's policy: trusted-types yilan`,
    );
  }
  return parseEncoded(encodeDom(doc), options);
}

/**
 * A live document or element (the page itself, or its content root) → the
 * document model. The DOM is only read.
 *
 * @param {Document | Element} node
 * @param {{ baseUrl?: string }} [options] by default the node's document's
 *   address, so links resolve as the page resolves them
 */
export function parseDom(node, options) {
  loaded();
  const type = node?.nodeType;
  if (type !== 1 && type !== 9) {
    throw yilanError('argument', 'node must be a Document or an Element', 'node');
  }
  const base = (type === 9 ? node : node.ownerDocument)?.baseURI;
  if (base && (options === undefined || options === null)) {
    // The document's own address, absolute as the browser wrote it: there
    // is nothing for `withBase` to resolve.
    return documentOf(wasm.parseEncoded(encodeDom(node), { baseUrl: base }));
  }
  let given = options;
  if (base && typeof options === 'object' && options.baseUrl === undefined) {
    given = { ...options, baseUrl: base };
  }
  return parseEncoded(encodeDom(node), given);
}

/** The one load of the module, shared by every caller of `init`. */
let loading;

/**
 * Loads the WebAssembly module; call it once before anything else. Later
 * calls return the same promise.
 *
 * @param {string | URL | Request | Response | BufferSource | WebAssembly.Module | Promise<Response>} [source]
 *   where the .wasm is; by default `pkg/yilan_bg.wasm` of this package,
 *   found relative to this module (bundlers follow the `new URL` below).
 * @returns {Promise<void>}
 */
export default function init(source) {
  const where = source ?? new URL('../pkg/yilan_bg.wasm', import.meta.url);
  if (!isSource(where)) {
    return Promise.reject(
      yilanError('argument', 'init(source): source must be the .wasm\'s address (a string, URL or Request), a Response, its bytes or a WebAssembly.Module', 'source'),
    );
  }
  if (where instanceof URL && where.protocol === 'file:') {
    // Node: its fetch reads no files.
    return Promise.reject(
      yilanError(
        'unsupported',
        "init() cannot fetch a file: pass the .wasm's bytes, e.g. init(readFileSync(new URL('yilan_bg.wasm', import.meta.resolve('yilan')))) " +
          "(in a bundle, which has no import.meta.resolve: readFileSync('node_modules/yilan/pkg/yilan_bg.wasm'), run from the project's root)",
      ),
    );
  }
  loading ??= initWasm({ module_or_path: where }).then(
    () => {
      wasm.__yilanTrustedHtml(trustedHtml);
      ready = true;
    },
    (error) => {
      // A failed load (offline, a CSP without wasm-unsafe-eval) may be tried again.
      loading = undefined;
      throw loadError(error);
    },
  );
  return loading;
}

/** What `init` can load from. */
function isSource(value) {
  return (
    typeof value === 'string' ||
    value instanceof URL ||
    (typeof Request === 'function' && value instanceof Request) ||
    (typeof Response === 'function' && value instanceof Response) ||
    value instanceof ArrayBuffer ||
    ArrayBuffer.isView(value) ||
    value instanceof WebAssembly.Module ||
    typeof value?.then === 'function'
  );
}

/**
 * A failed load as a `YilanError`, the browser's error its `cause`:
 * `network` when the .wasm could not be fetched (offline, an HTTP error, a
 * blocked request) or what came is not a WebAssembly module (a 404 page
 * served with 200); `unsupported` when the browser refused to compile it
 * (a Content-Security-Policy without 'wasm-unsafe-eval').
 */
function loadError(error) {
  if (error?.name === 'YilanError') return error;
  const message = String(error?.message ?? error);
  if (error instanceof WebAssembly.CompileError && /Content Security Policy|CSP|unsafe-eval/i.test(message)) {
    return yilanError('unsupported', `the browser may not compile WebAssembly here (${message})`, undefined, error);
  }
  if (error instanceof WebAssembly.CompileError || error instanceof WebAssembly.LinkError) {
    return yilanError('network', `what came is not yilan's WebAssembly module (${message})`, undefined, error);
  }
  if (error instanceof TypeError || /^failed to fetch/i.test(message)) {
    return yilanError('network', `the WebAssembly module could not be fetched (${message})`, undefined, error);
  }
  return yilanError('internal', message, undefined, error);
}

/**
 * The reader's stored preferences.
 *
 * @param {object} [options]
 */
export function preferences(options) {
  loaded();
  return wasm.preferences(options);
}

/** The view's stylesheet. */
export function stylesheet() {
  loaded();
  return wasm.stylesheet();
}

/** The colour themes. */
export function themes() {
  loaded();
  return wasm.themes();
}

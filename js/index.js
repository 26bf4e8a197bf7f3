// yilan (易览): the npm entry. Re-exports the WebAssembly binding and loads
// the .wasm that sits next to it. Types and documentation: ./index.d.ts.

import initWasm, { __yilanTrustedHtml, parseEncoded } from '../pkg/yilan.js';
import { encodeDom } from './dom-events.js';
import { trustedHtml } from './trusted.js';

export {
  mount,
  parseEncoded,
  parseJson,
  parseText,
  preferences,
  renderHtml,
  speechPlan,
  stylesheet,
  themes,
  Viewer,
} from '../pkg/yilan.js';
export { encodeDom };

/** A `YilanError` as the binding throws them: an Error with a `code`. */
function yilanError(code, message) {
  const error = new Error(message);
  error.name = 'YilanError';
  error.code = code;
  return error;
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
  if (typeof html !== 'string') {
    throw yilanError('argument', 'html must be a string');
  }
  if (typeof DOMParser !== 'function') {
    throw yilanError(
      'unsupported',
      'parseHtml needs a browser (DOMParser); elsewhere encode a DOM with encodeDom and call parseEncoded',
    );
  }
  // Through the package's Trusted Types policy: the document is inert and
  // only read, never inserted.
  const doc = new DOMParser().parseFromString(trustedHtml(html), 'text/html');
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
  const type = node?.nodeType;
  if (type !== 1 && type !== 9) {
    throw yilanError('argument', 'node must be a Document or an Element');
  }
  const base = (type === 9 ? node : node.ownerDocument)?.baseURI;
  let given = options;
  if (base && (options === undefined || options === null)) {
    given = { baseUrl: base };
  } else if (base && typeof options === 'object' && options.baseUrl === undefined) {
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
  loading ??= initWasm({ module_or_path: source ?? new URL('../pkg/yilan_bg.wasm', import.meta.url) }).then(
    () => {
      __yilanTrustedHtml(trustedHtml);
    },
    (error) => {
      // A failed load (offline, a CSP without wasm-unsafe-eval) may be tried again.
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

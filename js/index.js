// yilan (易览): the npm entry. Re-exports the WebAssembly binding and loads
// the .wasm that sits next to it. Types and documentation: ./index.d.ts.

import initWasm, { __yilanTrustedHtml } from '../pkg/yilan.js';
import { trustedHtml } from './trusted.js';

export {
  mount,
  parseHtml,
  parseJson,
  parseText,
  preferences,
  renderHtml,
  speechPlan,
  stylesheet,
  themes,
  Viewer,
} from '../pkg/yilan.js';

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

// yilan (易览): the embed's work ahead of a click, not part of the API. The
// embed loads the package through this module, which adds two functions to
// the entry's: the page parsed while the browser is idle, and that parse
// kept for the entry while the page stays as it was.

import { mount, parseDom } from './index.js';

export * from './index.js';
export { default } from './index.js';

/** `{ root, base, doc, watch }`: the parse made ahead, while nothing changed. */
let early = null;

function forget() {
  early?.watch.disconnect();
  early = null;
}

/** The address that links under `root` resolve against. */
function baseOf(root) {
  return (root.nodeType === 9 ? root : root.ownerDocument)?.baseURI;
}

/**
 * Parses `root` and keeps the document for {@link parsed}; any change under
 * `root` drops it. Then builds one view of it, detached and storing
 * nothing: the wasm's functions compile at their first call, which then
 * falls before the click.
 *
 * @param {Document | Element} root
 * @param {string} locale
 * @returns {object} the document kept
 */
export function ahead(root, locale) {
  forget();
  const doc = parseDom(root);
  const watch = new MutationObserver(forget);
  watch.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  early = { root, base: baseOf(root), doc, watch };
  const view = mount(document.createElement('div'), doc, { mode: 'elderly', locale, storage: null });
  view.destroy();
  view.free();
  return doc;
}

/**
 * The document of `root` for the entry: the one {@link ahead} made, when
 * neither the page under `root` nor its address changed since; else a
 * new `parseDom(root)`.
 *
 * @param {Document | Element} root
 */
export function parsed(root) {
  // Records not yet delivered (a change made in this same task) count too.
  const kept =
    early?.root === root && early.base === baseOf(root) && early.watch.takeRecords().length === 0 ? early.doc : null;
  forget();
  return kept ?? parseDom(root);
}

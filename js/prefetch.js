// yilan (易览): the embed's view, not part of the API. The embed loads the
// package through this module (it re-exports the entry) on first use. The
// view is built ahead of the click, while the browser is idle after the
// reader reached a toggle, and shown at the click when neither the page nor
// the reader's stored preferences changed since; else it is built then.

import { mount, parseDom } from './index.js';

export * from './index.js';
export { default } from './index.js';

const PREFS_KEY = 'yilan:prefs:v1';

/**
 * What was made ahead: `{ root, base, watch, stored, host, viewer }`.
 * `watch` (a MutationObserver on `root`) drops it, view and all, at the
 * page's first change.
 */
let early = null;

function forget() {
  early?.watch.disconnect();
  early = null;
}

/** The address that links under `root` resolve against. */
function baseOf(root) {
  return (root.nodeType === 9 ? root : root.ownerDocument)?.baseURI;
}

function storedText() {
  try {
    return window.localStorage.getItem(PREFS_KEY);
  } catch {
    return null;
  }
}

/**
 * The view of `doc` in a new host (`settings.host()` makes it), detached.
 * The page's `data-theme` and `data-scale` apply where the reader has
 * stored none; a bad one is left out rather than keeping the reader out.
 */
function build(doc, settings) {
  let stored = null;
  try {
    stored = JSON.parse(storedText() ?? 'null');
  } catch {}
  const host = settings.host();
  const options = { mode: 'elderly', announce: true, locale: settings.locale };
  if (settings.theme && stored?.theme === undefined) options.theme = settings.theme;
  if (settings.scale && stored?.scale === undefined) options.scale = Number(settings.scale);
  try {
    return { host, viewer: mount(host, doc, options) };
  } catch (error) {
    if (error?.code !== 'argument') throw error;
    return { host, viewer: mount(host, doc, { mode: 'elderly', announce: true, locale: settings.locale }) };
  }
}

/**
 * Ahead of a click: parses `root` and builds its view, detached, unless the
 * one made before is still current. A view stores the reader's preferences
 * only once it is in the page (the reader has not entered the mode yet).
 *
 * @param {Document | Element} root
 * @param {{ host: () => Element, locale: string, theme?: string, scale?: string }} settings
 * @returns {{ host: Element, viewer: object }} the view made
 */
export function ahead(root, settings) {
  if (current(root)) return { host: early.host, viewer: early.viewer };
  drop();
  const doc = parseDom(root);
  const stored = storedText();
  const view = build(doc, settings);
  // Nothing can change the page between the parse and this: both run in this task.
  const watch = new MutationObserver(drop);
  watch.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  early = { root, base: baseOf(root), watch, stored, ...view };
  return view;
}

/**
 * Whether what was made ahead is still `root`'s view: the page under it, its
 * address and the stored preferences as they were. Records not yet
 * delivered (a change made in this same task) count too.
 */
function current(root) {
  if (early?.root !== root || early.base !== baseOf(root) || early.stored !== storedText()) return false;
  if (early.watch.takeRecords().length === 0) return true;
  drop();
  return false;
}

/** Forgets what was made ahead, and destroys its view. */
function drop() {
  const kept = early;
  forget();
  kept?.viewer.destroy();
  kept?.viewer.free();
}

/**
 * The view of `root` for the entry, `{ host, viewer }`, detached: the one
 * made {@link ahead} when the page under `root`, its address and the stored
 * preferences are as they were then; else a new one.
 *
 * @param {Document | Element} root
 * @param {{ host: () => Element, locale: string, theme?: string, scale?: string }} settings
 */
export function take(root, settings) {
  const kept = early;
  if (!current(root)) {
    drop();
    return build(parseDom(root), settings);
  }
  forget();
  return { host: kept.host, viewer: kept.viewer };
}

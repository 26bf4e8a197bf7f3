// yilan (易览): the embed's view, not part of the API. The embed loads the
// package through this module (it re-exports the entry) on first use. The
// view is built ahead of the click, while the browser is idle after the
// reader reached a toggle, and shown at the click when neither the document
// read from the page nor the reader's stored preferences changed since; else
// it is built then.

import { mount, parseDom } from './index.js';

export * from './index.js';
export { default } from './index.js';

const PREFS_KEY = 'yilan:prefs:v1';

/**
 * What was made ahead: `{ root, base, watch, stored, text, changed, host,
 * viewer }`. `watch` (a MutationObserver on `root`) marks it `changed` at
 * the page's first change; `text` is the JSON of the document it shows,
 * to compare with the page read anew then.
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
 * The view of the document `text` (its model JSON) in a new host
 * (`settings.host()` makes it), detached. The page's `data-theme` and
 * `data-scale` apply where the reader has stored none (`stored`, the stored
 * preferences' text); a bad one is left out rather than keeping the reader
 * out.
 */
function build(text, settings, stored) {
  let prefs = null;
  try {
    prefs = JSON.parse(stored ?? 'null');
  } catch {}
  const host = settings.host();
  const base = { mode: 'elderly', announce: true, locale: settings.locale };
  const options = { ...base };
  if (settings.theme && prefs?.theme === undefined) options.theme = settings.theme;
  if (settings.scale && prefs?.scale === undefined) options.scale = Number(settings.scale);
  try {
    return { host, viewer: mount(host, text, options) };
  } catch (error) {
    if (error?.code !== 'argument') throw error;
    return { host, viewer: mount(host, text, base) };
  }
}

/** The document read from `root`, as model JSON: what a view is built from, and compared by. */
function read(root) {
  return JSON.stringify(parseDom(root));
}

/**
 * Ahead of a click: parses `root` and builds its view, unless the one made
 * before is still current; `settings.stage`, when given, then puts its host
 * in the page (hidden, to be laid out before the click; see the embed),
 * else it waits detached. A view stores the reader's preferences only once
 * it is shown (the reader has not entered the mode yet).
 *
 * @param {Document | Element} root
 * @param {{ host: () => Element, stage?: (host: Element) => void, locale: string, theme?: string, scale?: string }} settings
 * @returns {{ host: Element, viewer: object }} the view made
 */
export function ahead(root, settings) {
  const { kept, text } = check(root);
  if (kept) return { host: kept.host, viewer: kept.viewer };
  const json = text ?? read(root);
  const stored = storedText();
  const view = build(json, settings, stored);
  settings.stage?.(view.host);
  // Nothing can change the page between the parse and this (both run in
  // this task), and the view's own going in is before the watch.
  const made = { root, base: baseOf(root), stored, text: json, changed: false, ...view };
  made.watch = new MutationObserver(() => {
    made.changed = true;
  });
  made.watch.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  early = made;
  return view;
}

/**
 * Whether what was made ahead is still `root`'s view: `{ kept }` when its
 * address and the stored preferences are as they were, and the page under
 * it too, or changed only where the document read from it stays the same
 * (a clock in the page's header); records not yet delivered (a change made
 * in this same task) count. Else it is dropped, and `{ text }` is the
 * document read anew, if it was read.
 */
function check(root) {
  if (early?.root !== root || early.base !== baseOf(root) || early.stored !== storedText()) {
    drop();
    return {};
  }
  if (early.watch.takeRecords().length === 0 && !early.changed) return { kept: early };
  const text = read(root);
  if (text === early.text) {
    early.changed = false;
    return { kept: early };
  }
  drop();
  return { text };
}

/** Forgets what was made ahead, and destroys its view (and takes its host out of the page, if it went in). */
function drop() {
  const kept = early;
  forget();
  kept?.viewer.destroy();
  kept?.viewer.free();
  kept?.host.remove();
}

/**
 * The view of `root` for the entry, `{ host, viewer }`, detached: the one
 * made {@link ahead} when it is still current (see `check`); else a new one.
 *
 * @param {Document | Element} root
 * @param {{ host: () => Element, locale: string, theme?: string, scale?: string }} settings
 */
export function take(root, settings) {
  const { kept, text } = check(root);
  if (!kept) return build(text ?? read(root), settings, storedText());
  forget();
  return { host: kept.host, viewer: kept.viewer };
}

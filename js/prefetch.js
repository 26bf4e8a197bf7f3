// yilan (易览): the embed's view, not part of the API. The embed loads the
// package through this module (it re-exports the entry) on first use. The
// view is built ahead of the click, while the browser is idle after the
// reader reached a toggle, and shown at the click when neither the document
// read from the page nor the reader's stored preferences changed since; else
// it is built then. Also here, for the same reason (what only a reader in
// the mode needs stays out of the loader every page view fetches): showing
// the view over the page and putting the page behind it (`enter`), the way
// back (the reader's `exit`), the page printed as the view meanwhile, and
// the page's viewport fitted to a phone while the view is shown.

import { parseEncoded as parseToJson } from '../pkg/yilan.js';
import { encodeDom } from './dom-events.js';
import { mount } from './index.js';

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

/**
 * The document read from `root`, as model JSON: what a view is built from,
 * and compared by. It is the text the binding's parse returns, as
 * `parseDom(root)` would make its document of: no object made of it only
 * to be written back as the same text.
 */
function read(root) {
  const base = baseOf(root);
  return parseToJson(encodeDom(root), base ? { baseUrl: base } : undefined);
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

/**
 * The window's width in the mode: the phone's own. Many portal pages are
 * laid out for a desktop only, with no viewport `<meta>` (a phone then lays
 * them out 980 px wide and shows them shrunk to fit) or with one that fixes
 * the width (`width=1200`) and forbids zooming: the view over them would
 * be shrunk as much, its 20 px text a third of that on the screen. In the
 * mode the page's viewport tags say this (and allow zooming in, not out
 * past the view's width). Desktop browsers ignore them.
 */
const PHONE_VIEWPORT = 'width=device-width, initial-scale=1, minimum-scale=1';
/** At most this many times a second PHONE_VIEWPORT is put back after the page changed a tag (no tug of war with a script). */
const REFIT_LIMIT = 10;
/** A restore of the viewport tags not yet ended (see `fitViewport`): `{ finish, zoom }`. */
let restoring = null;

function viewportTags() {
  return [...document.querySelectorAll('meta[name="viewport" i]')];
}

/**
 * The page's viewport tags set to PHONE_VIEWPORT (one added where it had
 * none), and kept so while the mode is on: a tag the page changes or adds
 * meanwhile (a script of its own at `load`) is set again (at most ten times
 * a second), and what the page wrote is what comes back. Returns what undoes it, which gives every tag
 * its own content again and the page the zoom it was shown at: first each
 * tag with that zoom as its initial scale, which a browser zooms to at its
 * next frame; two frames later the contents as they were (a browser keeps
 * its zoom when a tag gives no initial scale; a tag that gives one is
 * shown at it, as when the page loaded). A tag added, or one that had no
 * content, says nothing before it goes: a browser keeps the viewport a tag
 * last said when it is removed or loses its content.
 */
export function fitViewport() {
  // Entered again before the last restore ended: it ends now, and the zoom
  // to come back to is still the one it was bringing back.
  const pending = restoring;
  pending?.finish();
  const zoom = pending?.zoom ?? window.visualViewport?.scale;
  const saved = new Map(); // tag → the page's content for it (null: none)
  let added = null;
  let refits = 0;
  let since = 0;
  const fit = () => {
    for (const tag of viewportTags()) {
      if (tag !== added && !saved.has(tag)) saved.set(tag, tag.getAttribute('content'));
      if (tag.getAttribute('content') !== PHONE_VIEWPORT) tag.setAttribute('content', PHONE_VIEWPORT);
    }
  };
  if (!viewportTags().length) {
    added = document.createElement('meta');
    added.name = 'viewport';
    added.setAttribute('content', PHONE_VIEWPORT);
    (document.head ?? document.documentElement).append(added);
  }
  fit();
  // (The whole document: a page with text before its <html>, as a server
  // template's left-overs, has its head's tags in its body.)
  const watch = new MutationObserver((records) => {
    let look = false;
    for (const { type, target, addedNodes } of records) {
      if (type === 'childList') {
        look ||= [...addedNodes].some((node) => node.localName === 'meta' || node.querySelector?.('meta'));
      } else if (target.localName === 'meta') {
        look = true;
        // What the page wrote into a tag of its own, to be given back.
        const content = target.getAttribute('content');
        if (saved.has(target) && content !== PHONE_VIEWPORT) saved.set(target, content);
      }
    }
    if (!look || !viewportTags().some((tag) => tag.getAttribute('content') !== PHONE_VIEWPORT)) return;
    if (performance.now() - since > 1000) {
      since = performance.now();
      refits = 0;
    }
    if (refits < REFIT_LIMIT) {
      refits += 1;
      fit();
    }
  });
  watch.observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['content', 'name'] });
  return () => {
    watch.disconnect();
    const nudge = zoom ? `initial-scale=${zoom}` : '';
    for (const [tag, content] of saved) tag.setAttribute('content', content && nudge ? `${content}, ${nudge}` : content || nudge);
    added?.setAttribute('content', nudge);
    let frame = 0;
    const finish = () => {
      cancelAnimationFrame(frame);
      restoring = null;
      for (const [tag, content] of saved) {
        tag.setAttribute('content', content ?? '');
        if (content === null) tag.removeAttribute('content');
      }
      added?.setAttribute('content', '');
      added?.remove();
    };
    restoring = { finish, zoom };
    frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(finish);
    });
  };
}

/**
 * The view printed: in the flow, all of it, and nothing of the page under
 * it (`PAGE_CSS`), from `beforeprint` to `afterprint`.
 */
const ON_PAPER = { position: 'static', inset: 'auto', height: 'auto', overflow: 'visible' };
/**
 * The page's rules while in the mode: printed, the view alone (above); on
 * screen, no scroll bar of the page beside the view's own (where scroll
 * bars take room, the page's would stand at the window's edge, and scroll
 * the page under the view). Nor does the root element hold the view's
 * fixed position, as a transform that scales the page to fit would (the
 * page is covered meanwhile).
 */
const PAGE_CSS =
  '@media print { body > :not(yilan-embed-view), :root:has(> yilan-embed-view) > body { display: none !important; }' +
  ' :root, :root > body { zoom: 1 !important; } }' +
  ' @media screen { :root { overflow: hidden !important; } }' +
  ' :root { transform: none !important; translate: none !important; scale: none !important; rotate: none !important;' +
  ' perspective: none !important; will-change: auto !important; contain: none !important; container-type: normal !important; }';
let pageSheet = null;

/**
 * The embed's entry, once the package is in (js/embed.js): shows the view
 * of `root` (the one made ahead if still current, see `take`) over the
 * page and puts the page behind it. Only with the view whole does anything
 * on the page change: the page's top-level elements become inert (unless
 * they were), the view goes in after them (or, staged ahead, is shown
 * where it is). Should any of it fail, what was done is undone and the
 * error thrown: the page is as it was.
 *
 * `entry`: `settings` as for `take`; `back`, the element the focus goes
 * back to on exit; `byKey`, the reader came by a key (the focus in the
 * view shows its ring); `unasked`, a view shown for a reader who left the
 * mode on (it takes no focus); `scroll`, the page's scroll position to
 * come back to; `widget`, the embed's `{ host, button, status }`; `place`,
 * the embed's placement (`pin`, `append`, `home`, `unzoom`, `ON_SCREEN`,
 * `CORNER`: js/embed-place.js, bundled into the loader); `left`, told
 * first thing on the way back.
 *
 * @returns {{ host: Element, exit: () => void }} the reader in the mode
 */
export function enter({ root, settings, back, byKey, unasked, scroll, widget, place, left }) {
  const { pin, append, home, unzoom, ON_SCREEN, CORNER } = place;
  const { host, viewer } = take(root, settings);
  const inerted = [];
  const wrapped = [];
  let viewport = null;
  let out = false;
  // On paper no zoom of the page's is undone: the page's rules set them
  // aside there (PAGE_CSS), since a page may zoom itself on screen only.
  // After, the view takes the zoom it had on screen again.
  let screenZoom = '1';
  const beforePrint = () => {
    screenZoom = host.style.getPropertyValue('zoom') || '1';
    // On paper the view is in the page's flow, out of the top layer.
    if (host.popover === 'manual' && host.matches(':popover-open')) host.hidePopover();
    pin(host, { ...ON_PAPER, zoom: '1' });
  };
  const afterPrint = () => {
    pin(host, { ...ON_SCREEN, zoom: screenZoom });
    raise();
  };
  /**
   * The view over all the page shows: in the top layer (a manual popover,
   * where the browser has them), above what the page adds while the view is
   * shown at the highest z-index (a chat window, a notice: they are inert,
   * but would be painted over the view, and could not be closed), and above
   * what it keeps after its `<body>`. (Its host's inline box, `!important`,
   * overrides the popover's own look.)
   */
  const raise = () => {
    if (!host.showPopover || !host.isConnected) return;
    host.popover = 'manual';
    if (!host.matches(':popover-open')) host.showPopover();
  };
  /**
   * Puts a node of the page's `<body>` behind the view: an element inert
   * (unless it was), a text of its own in an inert `<span>` (a page's stray
   * text, which a screen reader would read out), both undone by `exit`.
   */
  const hide = (node) => {
    if (out || node === widget.host || node === host) return;
    if (node.nodeType === 1 && !node.inert) {
      node.inert = true;
      inerted.push(node);
    } else if (node.nodeType === 3 && node.data.trim()) {
      const span = document.createElement('span');
      span.inert = true;
      node.replaceWith(span);
      span.append(node);
      wrapped.push(span);
    }
  };
  // What the page adds while the mode is on (a chat window, a notice) is
  // behind the view as well.
  const added = new MutationObserver((records) => {
    for (const record of records) record.addedNodes.forEach(hide);
  });
  const onModeChange = (event) => {
    if (event.detail === 'standard') exit();
  };
  /** Removes the view and restores the page exactly, focus on the toggle. */
  const exit = () => {
    if (out) return;
    out = true;
    left();
    // The toggle shows its ring again if the focus in the view showed one
    // (退出老年模式 pressed by a key).
    const active = host.querySelector('yilan-view')?.shadowRoot?.activeElement;
    const ring = Boolean(active?.matches(':focus-visible'));
    // Each step whatever the others do: the page must come back whole, also
    // after an entry that failed halfway (and did only some of them).
    for (const step of [
      () => viewer.removeEventListener('modechange', onModeChange),
      () => viewer.destroy(),
      () => viewer.free(),
      () => host.remove(),
      () => window.removeEventListener('beforeprint', beforePrint),
      () => window.removeEventListener('afterprint', afterPrint),
      () => {
        document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== pageSheet);
      },
      () => viewport?.(),
      () => added.disconnect(),
      () => inerted.forEach((element) => (element.inert = false)),
      () => wrapped.forEach((span) => span.replaceWith(...span.childNodes)),
      () => pin(widget.host, { display: 'block' }),
      () => window.scrollTo(scroll[0], scroll[1]),
      // Focus on the toggle builds a view ahead again.
      () => (back?.isConnected ? back : widget.button).focus({ preventScroll: true, focusVisible: ring }),
    ]) {
      try {
        step();
      } catch {
        // (The next step is still taken.)
      }
    }
  };
  try {
    for (const node of [...document.body.childNodes]) hide(node);
    added.observe(document.body, { childList: true });
    // The widget back in its corner (it covered the page for a returning
    // reader), then out of the way; its status line says nothing.
    pin(widget.host, { ...CORNER, display: 'none' });
    widget.status.textContent = '';
    viewer.addEventListener('modechange', onModeChange);
    if (host.isConnected) {
      // Staged ahead: laid out already, only shown now; where the page's
      // looks say now (a zoom or a filter may have come by a stylesheet).
      if (host.parentNode !== home()) home().append(host);
      unzoom(host);
      host.style.removeProperty('opacity');
      host.removeAttribute('inert');
    } else {
      append(host);
    }
    viewport = fitViewport();
    window.addEventListener('beforeprint', beforePrint);
    window.addEventListener('afterprint', afterPrint);
    if (!pageSheet) {
      pageSheet = new CSSStyleSheet();
      pageSheet.replaceSync(PAGE_CSS);
    }
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, pageSheet];
    // (Once the root's transform is set aside: WebKit lays a top layer
    // element out under a transformed root at the page's bottom.)
    raise();
    // (A view shown unasked, for a reader who left the mode on, takes no
    // focus: a screen reader starts at its top, as on any page.)
    if (!unasked) viewer.focus({ focusVisible: byKey });
  } catch (error) {
    exit();
    throw error;
  }
  return { host, exit };
}

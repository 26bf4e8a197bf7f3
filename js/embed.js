// yilan (易览) embed: the reading view on an existing portal page with one
// tag, no build step:
//
//   <script type="module" src="/path/to/yilan/pkg/embed.js"></script>
//
// (pkg/embed.js is this file, with the js/embed-*.js it imports, bundled
// and minified by the build.)
//
// It loads the package when the reader points at a toggle, binds the page's
// own elderly-mode links or adds one button, and shows the view over the
// page, made inert and restored on exit. How and why: docs/embed.md.

import { append, BOX, CORNER, home, lift, ON_SCREEN, pin, unzoom } from './embed-place.js';
import { control, makeOperable, operable, pageToggles, role, shown, useSelector } from './embed-toggles.js';

const HERE = import.meta.url;
const PREFS_KEY = 'yilan:prefs:v1';

/** The embed's own words, by locale (the view has its own). */
const WORDS = {
  'zh-CN': {
    toggle: '进入老年模式',
    loading: '正在打开老年模式…',
    unavailable: '老年模式暂时无法使用，页面保持原样。',
    toggleUnavailable: '老年模式暂不可用',
    exited: '已退出老年模式',
  },
  'zh-TW': {
    toggle: '進入老年模式',
    loading: '正在打開老年模式…',
    unavailable: '老年模式暫時無法使用，頁面保持原樣。',
    toggleUnavailable: '老年模式暫不可用',
    exited: '已退出老年模式',
  },
  en: {
    toggle: 'Enter elderly mode',
    loading: 'Opening elderly mode…',
    unavailable: 'Elderly mode is unavailable right now; the page is unchanged.',
    toggleUnavailable: 'Elderly mode unavailable',
    exited: 'Elderly mode is off',
  },
};

/** How long the package may take before the status line says it is coming (ms). */
const SLOW_MS = 300;

/** Set on the window by the first embed, so that a second tag (another URL of the loader) adds nothing. */
const STARTED = Symbol.for('yilan.embed');

let data = {}; // the script tag's data- attributes
let words = WORDS['zh-CN'];

/**
 * The script tag that loaded this module: the one whose `src` is this
 * module's address, else (the address redirected: an unversioned CDN
 * address, http to https) the last one whose path ends in this module's
 * file name.
 */
function ownTag() {
  const tags = [...document.querySelectorAll('script[src]')];
  const exact = tags.find((tag) => tag.src === HERE);
  if (exact) return exact;
  const file = new URL(HERE).pathname.split('/').pop();
  return tags.filter((tag) => {
    try {
      return new URL(tag.src).pathname.split('/').pop() === file;
    } catch {
      return false;
    }
  }).pop();
}

function localeOf(asked) {
  if (WORDS[asked]) return asked;
  if (asked?.startsWith('en')) return 'en';
  return /^zh-(TW|HK|MO|Hant)/i.test(asked ?? '') ? 'zh-TW' : 'zh-CN';
}

let locale = 'zh-CN';
let loading = null; // Promise of the package, once asked for
let busy = false; // entering
let reader = null; // { host, exit } while in the mode (js/prefetch.js, `enter`)
let widget = null; // { host, button, status }

/**
 * Loads the package once (the .wasm fetched alongside the modules); a
 * failure can be retried. The modules are asked for at once: one round
 * trip, not one per level of imports. Their paths are written out, for
 * bundlers to follow; the build makes them `./` in pkg/, so the files work
 * from any folder, and the source runs from js/ as is.
 */
function load() {
  if (!loading) {
    const wasm = fetch(new URL('../pkg/yilan_bg.wasm', import.meta.url));
    const entry = import('../pkg/prefetch.js');
    const rest = [import('../pkg/index.js'), import('../pkg/dom-events.js'), import('../pkg/trusted.js'), import('../pkg/yilan.js')];
    for (const settled of [wasm, ...rest]) settled.catch(() => {});
    loading = entry.then(async (yilan) => {
      await yilan.default(wasm);
      return yilan;
    });
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}

/**
 * Ahead of a click: loads, then builds the view (js/prefetch.js) and puts
 * it in the page hidden (`stage`), for the browser to style and lay out
 * while it is idle: the click then only shows it.
 */
function prefetch() {
  if (reader || busy) return;
  load().then((yilan) => (window.requestIdleCallback ?? setTimeout)(() => {
    if (reader || busy) return;
    try {
      yilan.ahead(contentRoot(), { ...settings(), stage: CAN_STAGE ? stage : undefined });
    } catch {}
  }), () => {});
}

/**
 * A view's host in the page, out of sight and out of reach until the click:
 * transparent (on screen and on paper) and `inert` (not focusable, not
 * clickable, hidden from assistive technology; the pointer reaches the page
 * through it). The view counts as shown, storing the reader's preferences,
 * only once it is no longer inert and is focused (see `enter`).
 */
function stage(host) {
  host.setAttribute('inert', '');
  pin(host, { opacity: '0' });
  append(host);
}

/**
 * The embed's elements moved to where `append` would put them now, and
 * unzoomed again: a page may grey or scale itself only once it has loaded
 * (a class or a style put on <body> by its script). Asked where `place` is, and when <html> or <body> changes its
 * class or style. The view a reader is in stays where it is (moving it
 * would take the focus away).
 */
function rehome() {
  const parent = home();
  for (const host of document.querySelectorAll('yilan-embed, yilan-embed-view')) {
    if (host.parentNode !== parent && host !== reader?.host) parent.append(host);
    unzoom(host);
  }
  if (widget) lift(widget.host);
}

/**
 * Whether the browser knows `inert` (Chromium 102, Firefox 112, Safari
 * 15.5): without it a staged view would be reachable, so it waits detached.
 */
const CAN_STAGE = typeof HTMLElement === 'function' && 'inert' in HTMLElement.prototype;

/** What the view is built with: its host, and the words and looks the script tag asks for. */
function settings() {
  return { host: newHost, locale, theme: data.theme, scale: data.scale };
}

/** The view's host, detached: fixed over the page, scrolling on its own. */
function newHost() {
  const host = document.createElement('yilan-embed-view');
  pin(host, { ...BOX, ...ON_SCREEN, 'z-index': '2147483647', display: 'block', width: 'auto',
    'overscroll-behavior': 'contain', background: '#fff' });
  const shadow = host.attachShadow({ mode: 'open' });
  shadow.adoptedStyleSheets = [sheet(READER_CSS)];
  // What the reader does in the view is not the page's business.
  for (const type of PRIVATE_EVENTS) host.addEventListener(type, stop);
  const main = document.createElement('main');
  main.append(document.createElement('slot'));
  shadow.append(main);
  return host;
}

function contentRoot() {
  try {
    return (data.content && document.querySelector(data.content)) || document;
  } catch {
    return document;
  }
}

function storedPrefs() {
  try {
    const value = JSON.parse(window.localStorage.getItem(PREFS_KEY) ?? 'null');
    return value && typeof value === 'object' ? value : null;
  } catch {
    return null;
  }
}

/** Puts `text` in the status line; `unseen`, for screen readers only. */
function say(text, unseen = false) {
  if (!widget) return;
  widget.status.className = unseen ? 'unseen' : '';
  widget.status.textContent = text;
}

function sheet(css) {
  const s = new CSSStyleSheet();
  s.replaceSync(css);
  return s;
}

/*
 * The widget's look. (The loading status is said only once the package is
 * slow to come, `SLOW_MS`: an entry whose view comes at once neither
 * flashes it by nor has it read out before 已进入老年模式.)
 */
const WIDGET_CSS = `
div { display: flex; flex-direction: column; align-items: flex-end; justify-content: flex-end; gap: 8px;
  box-sizing: border-box; min-height: 100%; transform: scale(var(--yl-fit, 1)); transform-origin: 100% 100%;
  font: 20px/1.4 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; }
button { font: inherit; font-weight: bold; min-height: 48px; min-width: 48px; padding: 8px 20px; cursor: pointer;
  color: #fff; background: #0b3d91; border: 2px solid #fff; border-radius: 8px; box-shadow: 0 0 0 2px #0b3d91; }
button:hover { background: #072a66; }
button:focus-visible { outline: 4px solid #000; outline-offset: 4px; box-shadow: 0 0 0 2px #0b3d91, 0 0 0 10px #fff; }
p { margin: 0; max-width: min(20em, calc((100vw - 32px) / var(--yl-fit, 1))); padding: 8px 12px; color: #000; background: #fff; border: 2px solid #000; border-radius: 8px; }
p:empty, p.unseen { position: absolute; width: 1px; height: 1px; padding: 0; border: 0; overflow: hidden; clip-path: inset(50%); }
@media (forced-colors: active) { button, p { border-color: ButtonText; } }
@media print { div { display: none; } }
`;

const READER_CSS = 'main { display: block; min-height: 100%; }';

/** How long at most the page stays covered while the view of a returning reader loads. */
const COVER_MS = 1000;

/** The floating toggle (shown only while the page shows none of its own) and the status line. */
function buildWidget() {
  const host = document.createElement('yilan-embed');
  pin(host, { ...BOX, ...CORNER, 'z-index': '2147483646', display: 'block', width: 'auto', height: 'auto' });
  const shadow = host.attachShadow({ mode: 'open' });
  shadow.adoptedStyleSheets = [sheet(WIDGET_CSS)];
  // No landmark: on a page with its own toggle it would hold only the
  // status line, empty until something is said.
  const box = document.createElement('div');
  // The words are the embed's, whatever the page's language (a page of
  // Chinese often says lang="en"): a screen reader reads them in a voice
  // of theirs.
  box.lang = locale;
  const status = document.createElement('p');
  status.setAttribute('role', 'status');
  const button = document.createElement('button');
  button.type = 'button';
  button.hidden = true;
  button.textContent = words.toggle;
  button.addEventListener('click', (event) => enter(button, event.detail === 0));
  button.addEventListener('pointerenter', prefetch);
  button.addEventListener('focus', prefetch);
  box.append(button, status);
  shadow.append(box);
  for (const type of PRIVATE_EVENTS) host.addEventListener(type, stop);
  append(host);
  lift(host);
  fitWidget(host);
  window.visualViewport?.addEventListener('resize', () => fitWidget(host));
  return { host, button, status };
}

/**
 * The widget at its own size on the screen: a page laid out for a desktop
 * is shown on a phone shrunk to fit (a third of its size), and the button
 * with it, too small to read or to tap. The widget grows by as much as the
 * page is shrunk (never shrinks: a page zoomed in is the reader's choice).
 */
function fitWidget(host) {
  const scale = window.visualViewport?.scale || 1;
  host.style.setProperty('--yl-fit', String(Math.max(1, 1 / scale)));
}

/**
 * The view's background in the reader's theme (src/theme.rs; `auto` follows
 * the system's light or dark): what the page is covered with until the view
 * is in.
 */
function backdrop(theme) {
  if (/black$/.test(theme)) return '#000';
  if (theme === 'cream') return '#f7f0dc';
  if (theme !== 'standard' && theme !== 'black-on-white' && matchMedia('(prefers-color-scheme: dark)').matches) return '#15181c';
  return '#fff';
}

/** The widget back in its corner, the page no longer covered. */
function uncover() {
  pin(widget.host, CORNER);
}

/** How long the status line says the mode is unavailable (ms). */
const NOTICE_MS = 10000;
let quiet = 0;

/**
 * How long after the mode is left its status line says so (ms): it comes
 * back into the page with the page, and a live region that has only just
 * appeared is not yet watched by every screen reader.
 */
const LEFT_MS = 200;

/**
 * The mode was left: said to screen readers (the view's own words went
 * with the view), after the focus is back on the page's toggle; not shown,
 * the page is back in sight.
 */
function saidLeft() {
  clearTimeout(quiet);
  quiet = setTimeout(() => {
    if (reader) return;
    say(words.exited, true);
    quiet = setTimeout(say, NOTICE_MS, '');
  }, LEFT_MS);
}

function unavailable() {
  uncover();
  say(words.unavailable);
  widget.button.textContent = words.toggleUnavailable;
  clearTimeout(quiet);
  quiet = setTimeout(say, NOTICE_MS, '');
}

/** The page's toggle whose click is handed back to the page (see `enter`). */
let passing = null;

/**
 * Whether a page's toggle does something of its own: an `onclick`, or a
 * link that goes somewhere (not `#`, not `javascript:;` or `void(0)`).
 * (Listeners a script added cannot be seen.)
 */
function ownAction(element) {
  const href = element.localName === 'a' ? element.getAttribute('href') : null;
  return element.hasAttribute('onclick') ||
    (!!href && !/^\s*(#.*|javascript:\s*(void\s*\(?\s*0\s*\)?)?\s*;?\s*)$/i.test(href));
}

/**
 * Shows the view over the page, once the package is in (the entry itself is
 * js/prefetch.js's `enter`: only a reader in the mode needs it). `back`
 * gets the focus again on exit; `byKey`: the reader came by a key (Enter
 * on the toggle), so the focus in the view shows its ring, in every
 * browser; `unasked`: shown for a reader who left the mode on.
 */
async function enter(back, byKey = false, unasked = false) {
  if (reader || busy) return;
  busy = true;
  const scroll = [window.scrollX, window.scrollY];
  // Said only if the package is slow to come: a view in at once says it
  // is in, once.
  const slow = setTimeout(say, SLOW_MS, words.loading);
  try {
    const yilan = await load();
    reader = yilan.enter({
      root: contentRoot(),
      settings: settings(),
      back,
      byKey,
      unasked,
      scroll,
      widget,
      place: PLACE,
      left: () => {
        // (Not on an entry that failed halfway: no reader was in yet.)
        if (reader) saidLeft();
        reader = null;
      },
    });
    // Should an earlier try have failed, the button says what it does again.
    widget.button.textContent = words.toggle;
  } catch {
    // (The package did not come, or the view could not be shown: the page
    // is as it was.) A toggle of the page's own that does something of its
    // own (an older 关怀版 toolbar, a link to a page of its own) does it
    // after all; else the status line says the mode is unavailable.
    if (!unasked && back !== widget.button && back.isConnected && ownAction(back)) {
      uncover();
      // (Nor does it go on saying the mode is coming, should it have been slow to fail.)
      say('');
      passing = back;
      try {
        back.click();
      } finally {
        passing = null;
      }
    } else {
      unavailable();
    }
  } finally {
    clearTimeout(slow);
    busy = false;
  }
}

/** What js/prefetch.js's `enter` places the view and the widget with. */
const PLACE = { pin, append, home, unzoom, ON_SCREEN, CORNER };

const PRIVATE_EVENTS = ['click', 'dblclick', 'auxclick', 'contextmenu', 'mousedown', 'mouseup', 'pointerdown', 'pointerup',
  'keydown', 'keyup', 'keypress', 'input', 'change', 'focusin', 'focusout', 'wheel', 'touchstart', 'touchend'];

/** Stops the reader's events at the embed's hosts (the page's capturing listeners still see them). */
function stop(event) {
  event.stopPropagation();
}

/** Back to the page (the reader's `exit`, see js/prefetch.js). */
function exit() {
  reader?.exit();
}

/** The page's own toggles: clicks, and prefetch when one is reached. */
function onClick(event) {
  const element = control(event.target);
  if (element && element === passing) return;
  const what = role(element);
  // Outside the mode a link that leaves it does what the page makes it do.
  if (!what || (what === 'exit' && !reader)) return;
  // The embed answers the page's toggles: the page's own handler for them
  // (a redirect, another toolbar) must not run as well.
  event.preventDefault();
  event.stopImmediatePropagation();
  // (A click made by Enter or Space has no pointer's click count.)
  if (what === 'enter') enter(element, event.detail === 0);
  else exit();
}

/** Enter and Space on a `data-toggle` element that the embed made focusable (see `operable`). */
function onKey(event) {
  if ((event.key !== 'Enter' && event.key !== ' ') || !operable.has(event.target)) return;
  if (role(event.target) !== 'enter') return;
  event.preventDefault();
  enter(event.target, true);
}

function onReach(event) {
  if (reader || busy) return;
  if (role(control(event.target)) === 'enter') prefetch();
}

/**
 * The floating button is shown while the page shows no toggle of its own:
 * none at all, or none at this width (a header that hides its links on a
 * phone). Asked again when the page has loaded and when the window changes
 * size.
 */
function place() {
  rehome();
  const own = pageToggles();
  for (const element of own) makeOperable(element);
  widget.button.hidden = own.some(shown);
  return own;
}

let placing = 0;
function placeLater() {
  cancelAnimationFrame(placing);
  placing = requestAnimationFrame(place);
}

function start() {
  // Not in a page (a server-side import), or a second tag of the loader.
  if (typeof document !== 'object' || globalThis[STARTED]) return;
  globalThis[STARTED] = true;
  data = ownTag()?.dataset ?? {};
  useSelector(data.toggle);
  locale = localeOf(data.locale);
  words = WORDS[locale];
  widget = buildWidget();
  const own = place();
  window.addEventListener('click', onClick, true);
  window.addEventListener('keydown', onKey, true);
  window.addEventListener('pointerover', onReach, true);
  window.addEventListener('focusin', onReach, true);
  window.addEventListener('resize', placeLater);
  if (document.readyState !== 'complete') window.addEventListener('load', placeLater, { once: true });
  const looks = new MutationObserver(rehome);
  for (const element of [document.documentElement, document.body]) {
    looks.observe(element, { attributes: true, attributeFilter: ['class', 'style'] });
  }
  const stored = storedPrefs();
  if (stored?.mode === 'elderly') {
    // A reader who left the mode on: until the view is in, the widget
    // covers the page in the view's background, so that the page does not
    // flash by first (white, for a reader of 黑底黄字) on every page; for a
    // second at most, should the package be slow to come.
    pin(widget.host, { inset: '0', background: backdrop(stored.theme ?? data.theme) });
    setTimeout(uncover, COVER_MS);
    enter(own.find(shown) ?? widget.button, false, true);
  }
}

start();

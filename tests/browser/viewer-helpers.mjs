// Helpers of the viewer's browser tests: mounting the reference document,
// reading the view inside its shadow root, the focused element, the live
// region, and counting the listeners a page adds.

import assert from 'node:assert/strict';

import { servePages } from './embed-pages.mjs';
import { REFERENCE_TEXT, openWithPackage, serverUrl } from './harness.mjs';

/** The tools of the elderly toolbar, in order. */
export const TOOLS = ['smaller', 'larger', 'theme', 'read', 'point', 'rate', 'guide', 'cursor', 'outline', 'print', 'mode'];

/** The theme choices of the 配色 panel, in order. */
export const THEME_CHOICES = ['auto', 'standard', 'yellow-on-black', 'white-on-black', 'black-on-white', 'cream'];

/**
 * Opens the blank page with the package loaded and mounts the reference
 * document in `#view` as `window.viewer`, with every event the viewer
 * dispatches recorded in `window.events` as `[type, detail]`.
 */
export async function mountReference(page, options = {}, text = REFERENCE_TEXT) {
  await openWithPackage(page);
  const thrown = await page.evaluate(
    ([text, opts]) => {
      try {
        window.events = [];
        window.viewer = window.yilan.mount(document.querySelector('#view'), window.yilan.parseText(text), opts);
        for (const type of ['modechange', 'themechange', 'scalechange', 'action']) {
          window.viewer.addEventListener(type, (event) => window.events.push([type, event.detail]));
        }
        return null;
      } catch (error) {
        return { code: error.code, message: error.message };
      }
    },
    [text, options],
  );
  assert.equal(thrown, null, 'mount succeeded');
  // The toolbar's tab stop follows the layout, which the view's size
  // observer reports in the first frame: the view is settled after it.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** The events recorded since mounting (and forgets them). */
export function takeEvents(page) {
  return page.evaluate(() => window.events.splice(0));
}

/** Runs `fn(shadowRoot, arg)` in the page, in the first view's shadow root. */
export function inView(page, fn, arg) {
  return page.evaluate(
    ([source, value]) => {
      const shadow = document.querySelector('yilan-view')?.shadowRoot;
      if (!shadow) throw new Error('no view in the page');
      return new Function(`return (${source})`)()(shadow, value);
    },
    [fn.toString(), arg],
  );
}

/** The view root's state attributes. */
export function rootState(page) {
  return inView(page, (shadow) => {
    const root = shadow.querySelector('.yl-view');
    const get = (name) => root.getAttribute(name);
    return {
      mode: get('data-mode'),
      theme: get('data-theme'),
      scale: get('data-scale'),
      guide: get('data-guide'),
      cursor: get('data-cursor'),
    };
  });
}

/** What the live region says now (the invisible variation removed). */
export function liveText(page) {
  return inView(page, (shadow) => shadow.getElementById('yl-tb-live').textContent.replace(/\u00a0/g, '').trim());
}

/** The deepest focused element, through shadow roots, described. */
export function focused(page) {
  return page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    if (!element || element === document.body) return null;
    return {
      tag: element.tagName.toLowerCase(),
      id: element.id || null,
      tool: element.getAttribute('data-yl-tool'),
      theme: element.getAttribute('data-yl-theme'),
      target: element.getAttribute('data-yl-target'),
      text: element.textContent.trim(),
      inView: element.getRootNode() !== document,
    };
  });
}

/** The state of one tool's button. */
export function toolState(page, tool) {
  return inView(
    page,
    (shadow, name) => {
      const button = shadow.querySelector(`[data-yl-tool="${name}"]`);
      return {
        pressed: button.getAttribute('aria-pressed'),
        expanded: button.getAttribute('aria-expanded'),
        disabled: button.getAttribute('aria-disabled'),
        tabindex: button.getAttribute('tabindex'),
        shown: button.getClientRects().length > 0,
        text: button.innerText.replace(/\s+/g, ' ').trim(),
      };
    },
    tool,
  );
}

/**
 * What the note below the tools says of reading aloud (no voice, no
 * engine), with whether it shows and whether 朗读 and 指读 are described
 * by it; null while it is hidden.
 */
export function speechNote(page) {
  return inView(page, (shadow) => {
    const note = shadow.querySelector('.yl-speech-note');
    if (note.hidden) return null;
    const tools = [...shadow.querySelectorAll('[data-yl-tool="read"], [data-yl-tool="point"]')];
    return {
      text: note.textContent,
      shown: note.checkVisibility(),
      describes: tools.every((tool) => tool.getAttribute('aria-describedby') === note.id),
    };
  });
}

/** The tools the toolbar shows, in order, and which one is the tab stop. */
export function shownTools(page) {
  return inView(page, (shadow) => {
    const tools = [...shadow.querySelectorAll('[role="toolbar"] [data-yl-tool]')];
    const shown = tools.filter((tool) => tool.getClientRects().length > 0);
    return {
      shown: shown.map((tool) => tool.getAttribute('data-yl-tool')),
      stops: tools.filter((tool) => tool.tabIndex === 0).map((tool) => tool.getAttribute('data-yl-tool')),
    };
  });
}

/** Presses `key` `times` times. */
export async function press(page, key, times = 1) {
  for (let i = 0; i < times; i += 1) {
    await page.keyboard.press(key);
  }
}

/**
 * Focuses the toolbar's tab stop with the keyboard, from a button put at
 * the start of the page (the blank page has nothing focusable before the
 * view).
 */
export async function tabToToolbar(page) {
  await page.evaluate(() => {
    let start = document.getElementById('tab-start');
    if (!start) {
      start = document.createElement('button');
      start.id = 'tab-start';
      start.textContent = 'start';
      document.body.prepend(start);
    }
    start.focus();
  });
  await page.keyboard.press('Tab');
  const where = await focused(page);
  assert.ok(where?.tool, `Tab from the start reaches the toolbar, not ${JSON.stringify(where)}`);
  return where;
}

/**
 * An init script that records every event listener added and removed in
 * the page (`window.listenerLog`): a destroyed viewer must leave none.
 */
export const TRACK_LISTENERS = () => {
  const active = new Map();
  let next = 0;
  const ids = new WeakMap();
  const idOf = (fn) => {
    if (!ids.has(fn)) ids.set(fn, (next += 1));
    return ids.get(fn);
  };
  const captureOf = (options) => (typeof options === 'boolean' ? options : Boolean(options?.capture));
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  const fromWasm = new Set();
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if (listener) {
      const key = `${idOf(this)}|${type}|${idOf(listener)}|${captureOf(options)}`;
      active.set(key, this);
      if (/wasm/.test(new Error().stack)) fromWasm.add(key);
    }
    return add.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (type, listener, options) {
    if (listener) active.delete(`${idOf(this)}|${type}|${idOf(listener)}|${captureOf(options)}`);
    return remove.call(this, type, listener, options);
  };
  window.listenerCount = () => active.size;
  window.listenerTypes = () => [...active.keys()].map((key) => key.split('|')[1]).sort();
  /** The types of the listeners that the wasm added on the window, the document and the speech engine. */
  window.pageListenerTypes = () =>
    [...active]
      .filter(([key, target]) => fromWasm.has(key) && (target === window || target === document || target === window.speechSynthesis))
      .map(([key]) => key.split('|')[1])
      .sort();
  const observers = new Set();
  const observe = ResizeObserver.prototype.observe;
  const disconnect = ResizeObserver.prototype.disconnect;
  ResizeObserver.prototype.observe = function (...args) {
    observers.add(this);
    return observe.apply(this, args);
  };
  ResizeObserver.prototype.disconnect = function (...args) {
    observers.delete(this);
    return disconnect.apply(this, args);
  };
  window.observerCount = () => observers.size;
};

/** An init script under which reading `localStorage` throws, as in a sandboxed iframe. */
export const STORAGE_THROWS = () => {
  Object.defineProperty(window, 'localStorage', {
    configurable: true,
    get() {
      throw new DOMException('The document is sandboxed and lacks the allow-same-origin flag.', 'SecurityError');
    },
  });
};

/**
 * Opens the package as `openWithPackage` does, in the blank page, or with
 * `quirks` in one without a doctype (quirks mode, as many portal pages
 * are): `window.yilan` loaded, a `#view` to mount in.
 */
export async function openPage(page, { quirks = false } = {}) {
  if (!quirks) {
    await openWithPackage(page);
    return;
  }
  await servePages(page, { '/quirks.html': '<html lang="zh-CN"><head><meta charset="utf-8"><title>quirks</title></head><body><main id="view"></main></body></html>' });
  await page.goto(`${serverUrl()}/quirks.html`);
  await page.evaluate(async () => {
    window.yilan = await import('/yilan/pkg/index.js');
    await window.yilan.default();
  });
}

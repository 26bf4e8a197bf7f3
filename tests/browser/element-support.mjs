// What the <yilan-reader> tests share: the documents served at /fixture/,
// a page with the element module only, and readers of the element's state.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { BLANK_PAGE, REFERENCE_TEXT, open, packageInNode } from './harness.mjs';
import { root } from '../../scripts/serve.mjs';

const yilan = await packageInNode();
export const REFERENCE = yilan.parseText(REFERENCE_TEXT);
export const REFERENCE_JSON = JSON.stringify(REFERENCE);

/** Documents served at /fixture/NAME, with their Content-Type. */
export const FIXTURES = {
  'doc.json': { type: 'application/json', body: REFERENCE_JSON },
  'doc-plain.json': { type: 'text/plain', body: `\n  ${REFERENCE_JSON}` },
  'doc.txt': { type: 'text/plain; charset=utf-8', body: REFERENCE_TEXT },
  'doc.html': {
    type: 'text/html; charset=utf-8',
    body: '<!doctype html><html lang="zh-CN"><head><title>页面</title></head><body><div class="article"><h1>关于做好冬季供暖工作的通知</h1><p>各单位：请按要求做好冬季供暖保障工作，确保群众温暖过冬。</p></div></body></html>',
  },
  'broken.json': { type: 'application/json', body: '{"version": 1, "body": [' },
  // In GBK, as many government portals serve their pages: said by a
  // <meta> only, by the Content-Type, or nowhere.
  'gbk.html': { type: 'text/html', body: readFileSync(join(root, 'tests', 'fixtures', 'encoding', 'gbk-notice.html')) },
  'gbk.txt': { type: 'text/plain; charset=GBK', body: readFileSync(join(root, 'tests', 'fixtures', 'encoding', 'gbk-notice.txt')) },
  'gbk-unsaid.txt': { type: 'text/plain', body: readFileSync(join(root, 'tests', 'fixtures', 'encoding', 'gbk-notice.txt')) },
};

/**
 * Opens the blank page (with `lang` on <html> set to `lang`, or removed
 * for null), serves FIXTURES, and imports the element module only: the
 * element must load the WebAssembly itself.
 */
export async function openWithElement(page, { lang = 'zh-CN', slow = null } = {}) {
  await page.route('**/fixture/*', async (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop();
    const fixture = FIXTURES[name];
    if (!fixture) {
      await route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' });
      return;
    }
    if (slow && name === slow.name) {
      await slow.gate;
    }
    await route.fulfill({ status: 200, contentType: fixture.type, body: fixture.body });
  });
  await open(page, BLANK_PAGE);
  await page.evaluate(async (tag) => {
    if (tag === null) {
      document.documentElement.removeAttribute('lang');
    } else {
      document.documentElement.lang = tag;
    }
    window.events = [];
    for (const type of ['modechange', 'themechange', 'scalechange', 'load', 'error']) {
      // On the document: the view's events bubble out of the element; load
      // and error are recorded in the capture phase (they do not bubble).
      document.addEventListener(
        type,
        (event) => window.events.push([type, event.target.localName, event.composed, event.detail?.code ?? null]),
        { capture: type === 'load' || type === 'error' },
      );
    }
    await import('/yilan/pkg/element.js');
  }, lang);
}

/**
 * For a test that makes a request fail on purpose: the harness's checks of
 * responses and failed requests are dropped, and console errors other than
 * Chromium's "Failed to load resource" line are still collected. Returns
 * the check to call at the end.
 */
export function expectFailedRequests(page) {
  page.removeAllListeners('response');
  page.removeAllListeners('requestfailed');
  page.removeAllListeners('console');
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      problems.push(message.text());
    }
  });
  return () => assert.deepEqual(problems, [], 'no console error but the failed request');
}

/** Adds `<yilan-reader>` with `attributes` to #view and waits for load or error. */
export function addReader(page, attributes) {
  return page.evaluate(
    (attrs) =>
      new Promise((resolve) => {
        const reader = document.createElement('yilan-reader');
        reader.id = 'reader';
        reader.addEventListener('load', () => resolve('load'), { once: true });
        reader.addEventListener('error', (event) => resolve(`error ${event.detail?.code}`), { once: true });
        for (const [name, value] of Object.entries(attrs)) {
          reader.setAttribute(name, value);
        }
        document.querySelector('#view').append(reader);
      }),
    attributes,
  );
}

/** What the element shows: its status, the view's state, its attributes. */
export function readerState(page) {
  return page.evaluate(() => {
    const reader = document.querySelector('#reader');
    const status = reader.querySelector('.yilan-reader-status');
    const view = reader.querySelector('yilan-view')?.shadowRoot;
    const root = view?.querySelector('.yl-view');
    return {
      views: reader.querySelectorAll('yilan-view').length,
      status: status ? { role: status.getAttribute('role'), text: status.textContent } : null,
      busy: reader.getAttribute('aria-busy'),
      view: root
        ? {
            mode: root.dataset.mode,
            theme: root.dataset.theme,
            scale: root.dataset.scale,
            title: view.querySelector('h1')?.textContent.trim(),
            toolbar: view.querySelector('[role="toolbar"]')?.getAttribute('aria-label'),
          }
        : null,
      attributes: Object.fromEntries(['mode', 'theme', 'scale', 'locale'].map((n) => [n, reader.getAttribute(n)])),
      properties: { mode: reader.mode, theme: reader.theme, scale: reader.scale, hasViewer: reader.viewer !== null },
    };
  });
}

/** Waits until the reader is neither loading nor queued. */
export function settled(page) {
  return page.waitForFunction(() => !document.querySelector('#reader').hasAttribute('aria-busy'));
}

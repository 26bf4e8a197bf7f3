// The embed as a guest: under the strict CSP a portal may have it works and
// violates nothing; it asks the network for its own files only; when the
// .wasm cannot be had (a 404, a CSP without 'wasm-unsafe-eval') the page
// stays exactly as it was and the reader is told in plain words.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { servePages } from './embed-pages.mjs';
import { PORTAL_PAGE, browserTest, open } from './harness.mjs';
import { root } from '../../scripts/serve.mjs';

/** The CSP docs/embed.md asks of a portal. */
const STRICT = "script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/**
 * The demo portal under a CSP header: the same page without its inline
 * style attributes (a strict CSP refuses them, which is the portal's
 * business, not the embed's).
 */
function portalUnder(csp) {
  const html = readFileSync(join(root, 'www', 'index.html'), 'utf8').replace(/ style="[^"]*"/g, '');
  return { body: html, headers: { 'content-security-policy': csp } };
}

const RECORD_VIOLATIONS = () => {
  window.violations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.violations.push(`${event.violatedDirective} ${event.blockedURI}`);
  });
};

browserTest('under the strict CSP the embed works, violates nothing and fetches only its own files', {}, async (page) => {
  await page.addInitScript(RECORD_VIOLATIONS);
  const requested = await servePages(page, { '/embed-csp.html': portalUnder(STRICT) });
  await open(page, '/embed-csp.html');
  await page.waitForFunction(() => document.getElementById('hits').textContent === '1024');
  const loaded = requested.length;
  await page.click('#enter-elderly');
  await page.waitForSelector('yilan-embed-view:not([inert]) yilan-view');
  const view = await page.evaluate(() => {
    const shadow = document.querySelector('yilan-embed-view:not([inert]) yilan-view').shadowRoot;
    return {
      title: shadow.querySelector('h1').textContent,
      // The view's adopted stylesheet applies: elderly text is large.
      fontSize: parseFloat(getComputedStyle(shadow.querySelector('.yl-body p')).fontSize) >= 20,
      // The embed's own box applies (set through the CSSOM).
      position: getComputedStyle(document.querySelector('yilan-embed-view:not([inert])')).position,
    };
  });
  assert.deepEqual(view, { title: '上盘镇2023年工作总结及2024年工作计划', fontSize: true, position: 'fixed' });
  await page.click('[data-yl-tool="theme"]');
  await page.click('[data-yl-theme="yellow-on-black"]');
  await page.click('[data-yl-tool="mode"]');
  await page.waitForFunction(() => !document.querySelector('yilan-embed-view:not([inert])'));
  await page.click('#enter-elderly');
  await page.waitForSelector('yilan-embed-view:not([inert]) yilan-view');
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  const after = requested.slice(loaded).map((url) => new URL(url));
  assert.ok(after.length > 0);
  assert.deepEqual(
    after.filter((url) => url.origin !== new URL(page.url()).origin || !url.pathname.startsWith('/yilan/')).map(String),
    [],
    'nothing but the package',
  );
  assert.equal(await page.evaluate(() => document.cookie), '');
});

/** Opens `path`, clicks the toggle and waits for the embed to say it cannot. */
async function unavailable(page, path, toggle) {
  await open(page, path);
  await page.waitForSelector('yilan-embed', { state: 'attached' });
  await page.evaluate(() => {
    window.savedBody = document.body.cloneNode(true);
  });
  if (toggle === 'floating') {
    await page.evaluate(() => document.querySelector('yilan-embed').shadowRoot.querySelector('button').click());
  } else {
    await page.click(toggle);
  }
  await page.waitForFunction(() => document.querySelector('yilan-embed').shadowRoot.querySelector('[role="status"]').textContent.includes('无法使用'));
  return page.evaluate(() => {
    const shadow = document.querySelector('yilan-embed').shadowRoot;
    return {
      status: shadow.querySelector('[role="status"]').textContent,
      button: shadow.querySelector('button:not([hidden])')?.textContent ?? null,
      view: document.querySelector('yilan-embed-view, yilan-view') !== null,
      inert: document.querySelectorAll('[inert]').length,
      same: document.body.isEqualNode(window.savedBody),
    };
  });
}

const NO_WASM = [/HTTP 404: .*yilan_bg\.wasm/, /console error: Failed to load resource: .*404/];

browserTest('the .wasm 404: the page stays as it was and the toggle says the mode is unavailable', { expectProblems: NO_WASM }, async (page) => {
  await servePages(page);
  await page.route('**/yilan/pkg/yilan_bg.wasm', (route) => route.fulfill({ status: 404, body: 'not found' }));
  const result = await unavailable(page, '/embed-pages/01.html', 'floating');
  assert.deepEqual(result, {
    status: '老年模式暂时无法使用，页面保持原样。',
    button: '老年模式暂不可用',
    view: false,
    inert: 0,
    // (The embed's words are in its shadow tree, not in the page's body.)
    same: true,
  });
});

browserTest('the .wasm 404 on a page with its own links: the page unchanged, the status says so', { expectProblems: NO_WASM }, async (page) => {
  await page.route('**/yilan/pkg/yilan_bg.wasm', (route) => route.fulfill({ status: 404, body: 'not found' }));
  const result = await unavailable(page, PORTAL_PAGE, '#enter-elderly');
  assert.deepEqual(result, { status: '老年模式暂时无法使用，页面保持原样。', button: null, view: false, inert: 0, same: true });
});

browserTest("the .wasm 404 on a page whose own 关怀版 link has an action of its own: the page's action runs, each time", { expectProblems: NO_WASM }, async (page) => {
  await servePages(page);
  await page.route('**/yilan/pkg/yilan_bg.wasm', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await open(page, '/embed-pages/07.html');
  await page.waitForSelector('yilan-embed', { state: 'attached' });
  // The Hanweb header's link: onclick="aria.oldFixedStart()", the page's
  // older toolbar (its script is not in the fixture: this stands for it).
  await page.evaluate(() => {
    window.started = 0;
    window.aria = { oldFixedStart: () => (window.started += 1) };
  });
  for (const times of [1, 2]) {
    await page.click('#cniil_slb');
    await page.waitForFunction((n) => window.started === n, times);
  }
  const after = await page.evaluate(() => ({
    status: document.querySelector('yilan-embed').shadowRoot.querySelector('[role="status"]').textContent,
    view: document.querySelector('yilan-embed-view:not([inert])') !== null,
    inert: document.querySelectorAll('[inert]').length,
  }));
  assert.deepEqual(after, { status: '', view: false, inert: 0 });
});

browserTest("a .wasm slow to fail, on a page whose 关怀版 link has an action of its own: the status line does not go on saying the mode is coming", { expectProblems: NO_WASM }, async (page) => {
  await servePages(page);
  // Past the moment the status line says 正在打开老年模式….
  await page.route('**/yilan/pkg/yilan_bg.wasm', async (route) => {
    await new Promise((done) => setTimeout(done, 800));
    await route.fulfill({ status: 404, body: 'not found' });
  });
  await open(page, '/embed-pages/07.html');
  await page.waitForSelector('yilan-embed', { state: 'attached' });
  await page.evaluate(() => {
    window.started = 0;
    window.aria = { oldFixedStart: () => (window.started += 1) };
  });
  const status = () => page.evaluate(() => document.querySelector('yilan-embed').shadowRoot.querySelector('[role="status"]').textContent);
  await page.click('#cniil_slb');
  await page.waitForFunction(() => document.querySelector('yilan-embed').shadowRoot.querySelector('[role="status"]').textContent !== '');
  assert.equal(await status(), '正在打开老年模式…');
  await page.waitForFunction(() => window.started === 1);
  assert.equal(await status(), '', 'the page does what its link does, and the line says nothing');
});

browserTest("a CSP without 'wasm-unsafe-eval': the mode is unavailable, the page as it was", { allowProblems: [/WebAssembly|wasm-unsafe-eval|wasm-eval/] }, async (page) => {
  await servePages(page, { '/embed-csp.html': portalUnder("script-src 'self'; style-src 'self'") });
  const result = await unavailable(page, '/embed-csp.html', '#enter-elderly');
  assert.deepEqual(result, { status: '老年模式暂时无法使用，页面保持原样。', button: null, view: false, inert: 0, same: true });
});

browserTest('a failure halfway through showing the view: what was done is undone, the page as it was, and the next try works', {}, async (page) => {
  await open(page, PORTAL_PAGE);
  await page.waitForSelector('yilan-embed', { state: 'attached' });
  // The page's document refuses the embed's stylesheet once, after the
  // page's elements were made inert, the view put in and the viewport
  // tags set.
  await page.evaluate(() => {
    window.savedBody = document.body.cloneNode(true);
    const own = Object.getOwnPropertyDescriptor(Document.prototype, 'adoptedStyleSheets');
    let refuse = true;
    Object.defineProperty(document, 'adoptedStyleSheets', {
      configurable: true,
      get() {
        return own.get.call(this);
      },
      set(sheets) {
        if (refuse) {
          refuse = false;
          throw new Error('refused');
        }
        own.set.call(this, sheets);
      },
    });
  });
  await page.click('#enter-elderly');
  await page.waitForFunction(() => document.querySelector('yilan-embed').shadowRoot.querySelector('[role="status"]').textContent.includes('无法使用'));
  // (The viewport tags come back over two frames.)
  await page.evaluate(async () => {
    for (let i = 0; i < 4; i += 1) await new Promise((resolve) => requestAnimationFrame(resolve));
  });
  const after = await page.evaluate(() => ({
    view: document.querySelector('yilan-embed-view:not([inert])') !== null,
    inert: document.querySelectorAll('body > [inert]:not(yilan-embed-view)').length,
    same: (() => {
      const body = document.body.cloneNode(true);
      for (const element of body.querySelectorAll('yilan-embed-view[inert]')) element.remove();
      return body.isEqualNode(window.savedBody);
    })(),
    viewportTags: [...document.querySelectorAll('meta[name="viewport"]')].map((tag) => tag.content),
    sheets: document.adoptedStyleSheets.length,
  }));
  assert.deepEqual(after, { view: false, inert: 0, same: true, viewportTags: ['width=device-width, initial-scale=1'], sheets: 0 });
  await page.click('#enter-elderly');
  await page.waitForSelector('yilan-embed-view:not([inert]) yilan-view');
});

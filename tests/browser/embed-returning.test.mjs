// The embed for a reader who left the mode on: the view comes unasked on
// the next page, over a page covered in the view's background until then;
// a package slow to come shows the page again, with the status.

import assert from 'node:assert/strict';

import { SMALL, focusedToggle, servePages, toggleHandle } from './embed-pages.mjs';
import { browserTest, open } from './harness.mjs';

browserTest('a reader who left the mode on finds it on at once on the next visit', SMALL, async (page) => {
  await servePages(page);
  await open(page, '/embed-pages/01.html');
  await (await toggleHandle(page, 'floating')).asElement().click();
  await page.waitForSelector('yilan-embed-view:not([inert]) yilan-view');
  await page.reload();
  await page.waitForSelector('yilan-embed-view:not([inert]) yilan-view');
  // Shown unasked, the view takes no focus: a screen reader starts at its
  // top, as on any page, not on a button of its toolbar.
  assert.equal(await page.evaluate(() => document.activeElement === document.body), true);
  await page.click('[data-yl-tool="mode"]');
  await page.waitForFunction(() => !document.querySelector('yilan-embed-view:not([inert])'));
  assert.equal(await focusedToggle(page), 'floating');
  await page.reload();
  await page.waitForSelector('yilan-embed', { state: 'attached' });
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => Boolean(document.querySelector('yilan-embed-view:not([inert]) yilan-view'))), false);
});

/**
 * Holds the package's .wasm until `release()`: the time between the page and
 * the view, as long as a test needs.
 */
async function holdWasm(page) {
  let release;
  let held = new Promise((resolve) => (release = resolve));
  await page.route('**/yilan/pkg/yilan_bg.wasm', async (route) => {
    await held;
    await route.fallback();
  });
  return {
    release: () => release(),
    again: () => {
      held = new Promise((resolve) => (release = resolve));
    },
  };
}

browserTest("a returning reader's page is covered in the view's background, not shown, until the view is in", SMALL, async (page) => {
  await servePages(page);
  const wasm = await holdWasm(page);
  // How the embed's widget is the moment it goes into the page (its
  // script's task has ended: whatever it set then is what the first paint
  // shows).
  await page.addInitScript(() => {
    new MutationObserver((records, observer) => {
      const widget = document.querySelector('yilan-embed');
      if (!widget) return;
      observer.disconnect();
      const box = widget.getBoundingClientRect();
      const status = widget.shadowRoot.querySelector('[role="status"]');
      window.cover = {
        said: status.textContent,
        background: getComputedStyle(widget).backgroundColor,
        covers: box.left === 0 && box.top === 0 && box.width === innerWidth && box.height === innerHeight,
      };
    }).observe(document, { childList: true, subtree: true });
  });
  await open(page, '/embed-pages/01.html');
  const cases = [
    ['yellow-on-black', 'light'],
    ['white-on-black', 'light'],
    ['black-on-white', 'dark'],
    ['cream', 'light'],
    ['standard', 'dark'],
    ['auto', 'light'],
    ['auto', 'dark'],
  ];
  for (const [theme, scheme] of cases) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.evaluate((t) => localStorage.setItem('yilan:prefs:v1', JSON.stringify({ mode: 'elderly', theme: t })), theme);
    wasm.again();
    await page.reload();
    await page.waitForFunction(() => window.cover);
    const cover = await page.evaluate(() => window.cover);
    assert.equal(cover.covers, true, `${theme}, ${scheme}: the page is covered from the start`);
    // Nothing said at once: a view that comes at once is not announced
    // as coming, then as in (the next test: said when it is slow).
    assert.equal(cover.said, '');
    assert.equal(await page.evaluate(() => Boolean(document.querySelector('yilan-embed-view:not([inert])'))), false);
    wasm.release();
    await page.waitForSelector('yilan-embed-view:not([inert]) yilan-view');
    const view = await page.evaluate(() => {
      const root = document.querySelector('yilan-embed-view:not([inert]) yilan-view').shadowRoot.querySelector('.yl-view');
      return getComputedStyle(root).backgroundColor;
    });
    assert.equal(cover.background, view, `${theme}, ${scheme}: the cover is the view's background`);
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('yilan-embed')).display), 'none');
  }
  // Leaving the mode: the widget is back in its corner, over nothing.
  await page.click('[data-yl-tool="mode"]');
  await page.waitForFunction(() => !document.querySelector('yilan-embed-view:not([inert])'));
  const widget = await page.evaluate(() => {
    const host = document.querySelector('yilan-embed');
    const box = host.getBoundingClientRect();
    return { right: innerWidth - box.right, bottom: innerHeight - box.bottom, small: box.width < innerWidth / 2, background: getComputedStyle(host).backgroundColor };
  });
  assert.deepEqual(widget, { right: 16, bottom: 16, small: true, background: 'rgba(0, 0, 0, 0)' });
  assert.equal(await focusedToggle(page), 'floating');
});

browserTest('a package slow to come: the page is shown again after a second, with the status, and the view comes after', SMALL, async (page) => {
  await servePages(page);
  const wasm = await holdWasm(page);
  await open(page, '/embed-pages/01.html');
  await page.evaluate(() => localStorage.setItem('yilan:prefs:v1', JSON.stringify({ mode: 'elderly', theme: 'yellow-on-black' })));
  await page.reload();
  await page.waitForFunction(() => getComputedStyle(document.querySelector('yilan-embed')).top === '0px');
  await page.waitForFunction(() => getComputedStyle(document.querySelector('yilan-embed')).top !== '0px', null, { timeout: 5000 });
  const shown = await page.evaluate(() => ({
    after: performance.now(),
    status: document.querySelector('yilan-embed').shadowRoot.querySelector('[role="status"]').textContent,
    opacity: getComputedStyle(document.querySelector('yilan-embed').shadowRoot.querySelector('[role="status"]')).opacity,
    view: Boolean(document.querySelector('yilan-embed-view:not([inert])')),
  }));
  assert.ok(shown.after >= 1000, `covered for a second (${shown.after} ms after the navigation)`);
  assert.deepEqual([shown.status, shown.opacity, shown.view], ['正在打开老年模式…', '1', false]);
  wasm.release();
  await page.waitForSelector('yilan-embed-view:not([inert]) yilan-view');
});

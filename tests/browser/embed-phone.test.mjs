// The embed on a phone (Chromium's mobile emulation: a touch screen 360 CSS
// px wide, the page's viewport <meta> obeyed), over portal pages laid out
// for a desktop: with no viewport tag (shown 980 px wide, or as wide as its
// content, shrunk to fit), with one that fixes the width (width=1200), one
// that forbids zooming, one with no content. The floating button must be as
// large on the screen as on a desktop; the view must be laid out at the
// phone's width, its text at its own size; leaving must give the page back
// as it was: its viewport tags, its width, the zoom it was shown at, its
// scroll position.

import assert from 'node:assert/strict';

import { STAGED, fixturePage, servePages } from './embed-pages.mjs';
import { browserTest, open } from './harness.mjs';

const PHONE = { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const VIEW = 'yilan-embed-view:not([inert]) yilan-view';
const FITTED = 'width=device-width, initial-scale=1, minimum-scale=1';

/** Fixture 04 (a county's page, 1208 px wide, no viewport tag of its own) with `meta` in its head. */
function fixture04(meta = '') {
  return fixturePage('04-handan-xxgk-detail-saved.jsp.html').replace(/<head>/i, `<head>${meta}`);
}

const EXTRA = {
  '/embed-pages/04.html': () => fixture04(),
  '/embed-pages/wide.html': () => fixture04('<meta name="viewport" content="width=1200">'),
  '/embed-pages/no-zoom.html': () =>
    fixture04('<meta name="Viewport" content="width=device-width, initial-scale=1.0, maximum-scale=1.0, user-scalable=0">'),
  '/embed-pages/bare.html': () => fixture04('<meta name="viewport">'),
};

/** The window as a phone shows it, and the page's viewport tags. */
function screen(page) {
  return page.evaluate(() => ({
    width: innerWidth,
    scale: Math.round(visualViewport.scale * 1000) / 1000,
    tags: [...document.querySelectorAll('meta[name="viewport" i]')].map((tag) => tag.getAttribute('content')),
    scroll: Math.round(scrollY),
  }));
}

/** The view's facts on the screen: its width, its text's size (CSS px times the zoom), what overflows sideways, whether its tools are folded. */
function viewOnScreen(page) {
  return page.evaluate((selector) => {
    const root = document.querySelector(selector).shadowRoot;
    const more = root.querySelector('[data-yl-tool="more"]');
    const scroller = document.querySelector('yilan-embed-view:not([inert])');
    return {
      width: Math.round(scroller.getBoundingClientRect().width),
      // The text's size: the view's own (a paragraph's; 04 has none).
      text: parseFloat(getComputedStyle(root.querySelector('.yl-view')).fontSize) * visualViewport.scale,
      overflow: scroller.scrollWidth - scroller.clientWidth,
      folded: Boolean(more && more.getClientRects().length),
    };
  }, VIEW);
}

/** A few frames: the page's zoom comes back over two (see fitViewport in js/prefetch.js). */
function frames(page, n = 4) {
  return page.evaluate(async (count) => {
    for (let i = 0; i < count; i += 1) await new Promise((resolve) => requestAnimationFrame(resolve));
  }, n);
}

async function enterByTap(page) {
  await page.locator('yilan-embed button').tap();
  await page.waitForSelector(VIEW);
}

async function leaveByTap(page) {
  await page.locator(`${VIEW} [data-yl-tool="mode"]`).tap();
  await page.waitForFunction(() => !document.querySelector('yilan-embed-view:not([inert])'));
  await frames(page);
}

/** The floating button's box on the screen (CSS px times the zoom), and its distance from the screen's bottom right corner. */
function buttonOnScreen(page) {
  return page.evaluate(() => {
    const box = document.querySelector('yilan-embed').shadowRoot.querySelector('button').getBoundingClientRect();
    const { scale, width, height, offsetLeft, offsetTop } = visualViewport;
    return {
      height: box.height * scale,
      width: box.width * scale,
      right: (offsetLeft + width - box.right) * scale,
      bottom: (offsetTop + height - box.bottom) * scale,
    };
  });
}

const PAGES = [
  { name: 'no viewport tag, 980 px wide (fixture 01)', path: '/embed-pages/01.html', width: (w) => w === 980, tags: [] },
  { name: 'no viewport tag, its content 1208 px wide (fixture 04)', path: '/embed-pages/04.html', width: (w) => w > 1200, tags: [] },
  { name: 'width=1200', path: '/embed-pages/wide.html', width: (w) => w >= 1200, tags: ['width=1200'] },
  { name: 'a tag with no content', path: '/embed-pages/bare.html', width: (w) => w > 1200, tags: [null] },
  {
    name: 'zooming forbidden',
    path: '/embed-pages/no-zoom.html',
    width: (w) => w === 360,
    tags: ['width=device-width, initial-scale=1.0, maximum-scale=1.0, user-scalable=0'],
  },
];

for (const { name, path, width, tags } of PAGES) {
  browserTest(`on a phone, over a page with ${name}: the view at the phone's width, its text at its size; after, the page as it was`, PHONE, async (page) => {
    await servePages(page, EXTRA);
    await open(page, path);
    await page.evaluate(() => scrollTo(0, 300));
    const before = await screen(page);
    assert.ok(width(before.width), `laid out ${before.width} px wide`);
    assert.deepEqual(before.tags, tags);
    await page.evaluate(() => {
      window.savedBody = document.body.cloneNode(true);
    });

    await enterByTap(page);
    const inside = await screen(page);
    assert.equal(inside.width, 360);
    assert.equal(inside.scale, 1);
    assert.deepEqual(inside.tags, tags.length ? tags.map(() => FITTED) : [FITTED]);
    const view = await viewOnScreen(page);
    assert.equal(view.width, 360);
    assert.ok(view.text >= 20, `the text is ${view.text} px on the screen`);
    assert.equal(view.overflow, 0, 'nothing of the view overflows sideways');
    assert.ok(view.folded, 'a phone-wide view folds its tools behind 更多工具');

    await leaveByTap(page);
    // Gone: the tag added, or the page's own back; the width, the zoom and
    // the scroll position as before.
    assert.deepEqual(await screen(page), before);
    const same = await page.evaluate((staged) => {
      const body = document.body.cloneNode(true);
      for (const element of body.querySelectorAll(staged)) element.remove();
      return body.isEqualNode(window.savedBody);
    }, STAGED);
    assert.equal(same, true);
  });
}

browserTest('on a phone, a page whose own toggle the reader cannot reach (5 px high on the screen, or off to the side) has the floating button too', PHONE, async (page) => {
  // 04 shrunk to fit the phone, its toggle a header link in small text;
  // 07 at the phone's width (zooming forbidden), its toggle 800 px to the right.
  const toggle = '<a id="own" href="javascript:;" style="font-size: 13px">关怀版</a>';
  await servePages(page, {
    '/embed-pages/04-toggle.html': () => fixture04().replace(/<body([^>]*)>/i, `<body$1>${toggle}`),
    ...EXTRA,
  });
  for (const [path, own] of [['/embed-pages/04-toggle.html', '#own'], ['/embed-pages/07.html', '#cniil_slb']]) {
    await open(page, path);
    await page.waitForSelector('yilan-embed', { state: 'attached' });
    await page.waitForFunction(() => document.readyState === 'complete');
    await frames(page);
    const seen = await page.evaluate((own) => {
      const link = document.querySelector(own).getBoundingClientRect();
      const button = document.querySelector('yilan-embed').shadowRoot.querySelector('button');
      return {
        own: { height: link.height * visualViewport.scale, left: link.left, width: document.documentElement.clientWidth },
        button: !button.hidden && Math.round(button.getBoundingClientRect().height * visualViewport.scale),
      };
    }, own);
    assert.ok(seen.own.height < 24 || seen.own.left >= seen.own.width, `${path}: the page's toggle ${JSON.stringify(seen.own)}`);
    assert.ok(seen.button >= 47, `${path}: the floating button shows, ${seen.button} px high on the screen`);
    // It works: the mode opens.
    await page.evaluate(() => document.querySelector('yilan-embed').shadowRoot.querySelector('button').click());
    await page.waitForSelector(VIEW);
    await page.click('[data-yl-tool="mode"]');
    await page.waitForFunction(() => !document.querySelector('yilan-embed-view:not([inert])'));
  }
});

browserTest('on a phone, the floating button over a page shown shrunk is as large on the screen as on a desktop, in its corner', PHONE, async (page) => {
  await servePages(page, EXTRA);
  for (const path of ['/embed-pages/01.html', '/embed-pages/04.html']) {
    await open(page, path);
    assert.ok((await screen(page)).scale < 0.4);
    const button = await buttonOnScreen(page);
    assert.ok(button.height >= 47.5 && button.height < 60, `${path}: button ${button.height.toFixed(1)} px high on the screen`);
    assert.ok(button.width >= 100, `${path}: button ${button.width.toFixed(1)} px wide on the screen`);
    assert.ok(button.right >= 0 && button.right < 24 && button.bottom >= 0 && button.bottom < 24, `${path}: ${JSON.stringify(button)}`);
  }
  // At the phone's width already, it needs no growing.
  await open(page, '/embed-pages/no-zoom.html');
  const button = await buttonOnScreen(page);
  assert.ok(button.height >= 47.5 && button.height < 60, `button ${button.height} px high`);
});

browserTest('on a phone, a page the reader had zoomed into comes back zoomed as much', PHONE, async (page) => {
  await servePages(page, EXTRA);
  const cdp = await page.context().newCDPSession(page);
  for (const path of ['/embed-pages/01.html', '/embed-pages/wide.html']) {
    await open(page, path);
    const fit = (await screen(page)).scale;
    await cdp.send('Emulation.setPageScaleFactor', { pageScaleFactor: fit * 2 });
    await frames(page);
    const before = await screen(page);
    assert.ok(before.scale > fit * 1.5, `${path}: zoomed from ${fit} to ${before.scale}`);
    // (Zoomed in, the screen shows no corner of the page: the button,
    // fixed there, is off it. The page's own link would be clicked.)
    await page.evaluate(() => document.querySelector('yilan-embed').shadowRoot.querySelector('button').click());
    await page.waitForSelector(VIEW);
    assert.equal((await screen(page)).scale, 1);
    await leaveByTap(page);
    const after = await screen(page);
    assert.ok(Math.abs(after.scale - before.scale) <= 0.002, `${path}: back at ${after.scale}, was ${before.scale}`);
  }
});

browserTest('on a phone, a tag the page changes or adds while the view is shown does not shrink the view, and is what comes back', PHONE, async (page) => {
  await servePages(page, EXTRA);
  await open(page, '/embed-pages/wide.html');
  await enterByTap(page);
  // (Fixture 04 has text before its <html>: its head's tags are in its body.)
  await page.evaluate(() => {
    document.querySelector('meta[name="viewport"]').id = 'own';
  });
  await page.evaluate(() => document.querySelector('#own').setAttribute('content', 'width=1000'));
  await frames(page);
  assert.deepEqual((await screen(page)).tags, [FITTED], 'a change to its own tag');
  await page.evaluate(() => {
    const more = document.createElement('meta');
    more.name = 'viewport';
    more.content = 'width=1100';
    more.id = 'more';
    document.head.append(more);
  });
  await frames(page);
  const inside = await screen(page);
  assert.equal(inside.width, 360);
  assert.deepEqual(inside.tags, [FITTED, FITTED]);
  assert.equal((await viewOnScreen(page)).width, 360);
  await leaveByTap(page);
  const after = await screen(page);
  const own = await page.evaluate(() => ['#own', '#more'].map((id) => document.querySelector(id).getAttribute('content')));
  assert.deepEqual(own, ['width=1000', 'width=1100']);
  assert.equal(after.tags.length, 2);
  assert.ok(after.width >= 1100, `laid out ${after.width} px wide, as the page said last`);
});

const NO_WASM = [/HTTP 404: .*yilan_bg\.wasm/, /console error: Failed to load resource: .*404/];

browserTest('on a phone, over a page shown shrunk, what the embed says when the mode cannot open is on the screen', { ...PHONE, expectProblems: NO_WASM }, async (page) => {
  await servePages(page, EXTRA);
  await page.route('**/yilan/pkg/yilan_bg.wasm', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await open(page, '/embed-pages/04.html');
  await page.locator('yilan-embed button').tap();
  await page.waitForFunction(() => document.querySelector('yilan-embed').shadowRoot.querySelector('[role="status"]').textContent.includes('无法使用'));
  // (Past its fade-in.)
  await page.waitForTimeout(400);
  const status = await page.evaluate(() => {
    const box = document.querySelector('yilan-embed').shadowRoot.querySelector('[role="status"]').getBoundingClientRect();
    const { offsetLeft, offsetTop, width, height } = visualViewport;
    return { left: box.left - offsetLeft, right: offsetLeft + width - box.right, top: box.top - offsetTop, bottom: offsetTop + height - box.bottom };
  });
  for (const [side, room] of Object.entries(status)) assert.ok(room >= 0, `the status line is off the screen on the ${side}: ${JSON.stringify(status)}`);
});

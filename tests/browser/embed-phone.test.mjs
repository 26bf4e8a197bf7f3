// The embed on a phone (Chromium's mobile emulation: a touch screen 360 CSS
// px wide, the page's viewport <meta> obeyed), over portal pages laid out
// for a desktop: with no viewport tag (shown 980 px wide, shrunk to fit),
// with one that fixes the width (width=1200), and with one that forbids
// zooming. The floating button must be as large on the screen as on a
// desktop; the view must be laid out at the phone's width, its text at its
// own size; leaving must give the page back as it was, its viewport tags
// and its zoom too.

import assert from 'node:assert/strict';

import { STAGED, fixturePage, servePages } from './embed-pages.mjs';
import { browserTest, open } from './harness.mjs';

const PHONE = { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const VIEW = 'yilan-embed-view:not([inert]) yilan-view';

/** Fixture 04 (a county's page, no viewport tag of its own) with `meta` in its head. */
function withViewport(meta) {
  return fixturePage('04-handan-xxgk-detail-saved.jsp.html').replace(/<head>/i, `<head>${meta}`);
}

const EXTRA = {
  '/embed-pages/wide.html': () => withViewport('<meta name="viewport" content="width=1200">'),
  '/embed-pages/no-zoom.html': () =>
    withViewport('<meta name="Viewport" content="width=device-width, initial-scale=1.0, maximum-scale=1.0, user-scalable=0">'),
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
    const view = document.querySelector(selector);
    const root = view.shadowRoot;
    // The text's size: the view's own (a paragraph's, as 04 has none).
    const text = root.querySelector('.yl-view');
    const more = root.querySelector('[data-yl-tool="more"]');
    const scroller = document.querySelector('yilan-embed-view:not([inert])');
    return {
      width: Math.round(scroller.getBoundingClientRect().width),
      text: parseFloat(getComputedStyle(text).fontSize) * visualViewport.scale,
      overflow: scroller.scrollWidth - scroller.clientWidth,
      folded: Boolean(more && more.getClientRects().length),
    };
  }, VIEW);
}

/** Enters by tapping `toggle`, leaves by tapping 退出老年模式; checks the view in between. */
async function inAndOut(page, toggle) {
  await page.locator(toggle).tap();
  await page.waitForSelector(VIEW);
  const inside = await screen(page);
  const view = await viewOnScreen(page);
  await page.locator(`${VIEW} [data-yl-tool="mode"]`).tap();
  await page.waitForFunction(() => !document.querySelector('yilan-embed-view:not([inert])'));
  return { inside, view };
}

/** The page's body as it was (the view built ahead again on leaving aside). */
function sameBody(page) {
  return page.evaluate((staged) => {
    const body = document.body.cloneNode(true);
    for (const element of body.querySelectorAll(staged)) element.remove();
    return body.isEqualNode(window.savedBody);
  }, STAGED);
}

browserTest('on a phone, over a page with no viewport tag: the button at its size on the screen, the view at the phone\'s width, the page as it was after', PHONE, async (page) => {
  await servePages(page, EXTRA);
  await open(page, '/embed-pages/01.html');
  await page.evaluate(() => scrollTo(0, 300));
  const before = await screen(page);
  // The page is laid out for a desktop and shown shrunk: the case at hand.
  assert.equal(before.width, 980);
  assert.ok(before.scale < 0.4, `shown at ${before.scale}`);
  assert.deepEqual(before.tags, []);
  // The floating button, as large on the screen as it is on a desktop,
  // in the screen's bottom right corner.
  const button = await page.evaluate(() => {
    const box = document.querySelector('yilan-embed').shadowRoot.querySelector('button').getBoundingClientRect();
    const { scale, width, height } = visualViewport;
    return { height: box.height * scale, width: box.width * scale, right: (width - box.right) * scale, bottom: (height - box.bottom) * scale };
  });
  assert.ok(button.height >= 47.5, `button ${button.height.toFixed(1)} px high on the screen`);
  assert.ok(button.width >= 100, `button ${button.width.toFixed(1)} px wide on the screen`);
  assert.ok(button.right >= 0 && button.right < 24 && button.bottom >= 0 && button.bottom < 24, JSON.stringify(button));
  await page.evaluate(() => {
    window.savedBody = document.body.cloneNode(true);
  });

  const { inside, view } = await inAndOut(page, 'yilan-embed button');
  assert.deepEqual(inside.tags, ['width=device-width, initial-scale=1, minimum-scale=1']);
  assert.equal(inside.width, 360);
  assert.equal(inside.scale, 1);
  assert.equal(view.width, 360);
  assert.ok(view.text >= 20, `the text is ${view.text} px on the screen`);
  assert.equal(view.overflow, 0, 'nothing of the view overflows sideways');
  assert.ok(view.folded, 'a phone-wide view folds its tools behind 更多工具');

  // Gone: the tag added, the width, the zoom and the scroll position as before.
  assert.deepEqual(await screen(page), before);
  assert.equal(await sameBody(page), true);
});

browserTest('on a phone, over a page that fixes its width (width=1200): the view at the phone\'s width; after, the tag says width=1200 again', PHONE, async (page) => {
  await servePages(page, EXTRA);
  await open(page, '/embed-pages/wide.html');
  const before = await screen(page);
  // 1200, or wider where the page's content is (Chromium widens it).
  assert.ok(before.width >= 1200, `laid out ${before.width} px wide`);
  assert.deepEqual(before.tags, ['width=1200']);
  const { inside, view } = await inAndOut(page, 'yilan-embed button');
  assert.equal(inside.width, 360);
  assert.deepEqual(inside.tags, ['width=device-width, initial-scale=1, minimum-scale=1']);
  assert.ok(view.text >= 20, `the text is ${view.text} px on the screen`);
  assert.equal(view.overflow, 0);
  assert.deepEqual(await screen(page), before);
});

browserTest('on a phone, over a page that forbids zooming: in the mode the reader may zoom in; after, the page\'s own tag is back as it was', PHONE, async (page) => {
  await servePages(page, EXTRA);
  await open(page, '/embed-pages/no-zoom.html');
  const before = await screen(page);
  assert.equal(before.width, 360);
  assert.deepEqual(before.tags, ['width=device-width, initial-scale=1.0, maximum-scale=1.0, user-scalable=0']);
  // At the phone's width already, the button needs no growing.
  const height = await page.evaluate(() => document.querySelector('yilan-embed').shadowRoot.querySelector('button').getBoundingClientRect().height);
  assert.ok(height >= 47.5 && height < 60, `button ${height} px high`);
  const { inside } = await inAndOut(page, 'yilan-embed button');
  // No maximum-scale, no user-scalable=no: zooming in is the reader's.
  assert.deepEqual(inside.tags, ['width=device-width, initial-scale=1, minimum-scale=1']);
  assert.deepEqual(await screen(page), before);
});

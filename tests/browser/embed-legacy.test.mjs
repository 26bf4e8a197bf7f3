// The embed on pages with a decade of front-end code: a page laid out in
// rem (lib-flexible sets the root's font size from the window's width);
// what a page shows at the highest z-index (a chat window it adds while the
// view is shown, a toolbar it keeps after <body>) stays under the view.

import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';

import { fixturePage, servePages } from './embed-pages.mjs';
import { browserTest, open } from './harness.mjs';

const VIEW = 'yilan-embed-view:not([inert]) yilan-view';

/** Fixture 07 (Hanweb, its 关怀版 link #cniil_slb) with `head` first in its <head>. */
function page07(head) {
  return fixturePage('07-zj-jyt-tuwen-hanweb-article.html', { header: true }).replace(/<head>/i, `<head>${head}`);
}

/** Opens `html` as a page, enters the mode by its 关怀版 link. */
async function enter(page, html) {
  await servePages(page, { '/embed-pages/legacy.html': html });
  await open(page, '/embed-pages/legacy.html');
  await page.waitForSelector('yilan-embed', { state: 'attached' });
  await page.evaluate(() => document.querySelector('#cniil_slb').click());
  await page.waitForSelector(VIEW);
}

async function leave(page) {
  await page.click('[data-yl-tool="mode"]');
  await page.waitForFunction(() => !document.querySelector('yilan-embed-view:not([inert])'));
}

/** The colour on the screen at (x, y): the first pixel of a 1×1 screenshot. */
async function pixel(page, x, y) {
  const png = await page.screenshot({ clip: { x, y, width: 1, height: 1 } });
  const data = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('ascii', at + 4, at + 8) === 'IDAT') data.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  // (A row's first pixel is stored as it is, whatever the row's filter.)
  const row = inflateSync(Buffer.concat(data));
  return `rgb(${row[1]}, ${row[2]}, ${row[3]})`;
}

const LIB_FLEXIBLE = `<script>(function () {
  var root = document.documentElement;
  function fit() { var width = Math.min(root.clientWidth, 750); root.style.fontSize = width / 7.5 + 'px'; }
  fit();
  window.addEventListener('resize', fit);
})();</script><style>body { font-size: .14rem }</style>`;

for (const [name, options] of [
  ['a desktop', { viewport: { width: 1024, height: 700 } }],
  ['a phone', { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true }],
]) {
  browserTest(`on ${name}, a page laid out in rem (lib-flexible) gets the view at its own sizes`, options, async (page) => {
    await enter(page, page07(LIB_FLEXIBLE));
    const sizes = await page.evaluate((view) => {
      const shadow = document.querySelector(view).shadowRoot;
      return {
        root: parseFloat(getComputedStyle(document.documentElement).fontSize) > 40,
        text: getComputedStyle(shadow.querySelector('.yl-body p')).fontSize,
        tool: getComputedStyle(shadow.querySelector('[data-yl-tool="mode"]')).fontSize,
      };
    }, VIEW);
    assert.deepEqual(sizes, { root: true, text: '20px', tool: '20px' });
  });
}

browserTest('a chat window the page adds at the highest z-index while the view is shown stays under it', { viewport: { width: 1024, height: 700 } }, async (page) => {
  await enter(page, page07(''));
  const under = await pixel(page, 1000, 680);
  await page.evaluate(() => {
    const chat = document.createElement('div');
    chat.id = 'chat';
    chat.textContent = '在线客服';
    chat.style.cssText = 'position: fixed; right: 0; bottom: 0; width: 400px; height: 300px; background: rgb(255, 0, 0); z-index: 2147483647';
    document.body.append(chat);
  });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  assert.equal(await page.evaluate(() => document.getElementById('chat').inert), true);
  assert.equal(await pixel(page, 1000, 680), under, 'the view, not the chat window, is on the screen');
  await leave(page);
  assert.equal(await pixel(page, 1000, 680), 'rgb(255, 0, 0)', 'the chat window is there once the view is left');
});

browserTest('a toolbar the page keeps after <body> at the highest z-index stays under the view, and comes back as it was', { viewport: { width: 1024, height: 700 } }, async (page) => {
  const bar = `<script>document.addEventListener('DOMContentLoaded', function () {
    var bar = document.createElement('div');
    bar.id = 'bar';
    bar.innerHTML = '<a href="javascript:;">放大</a>';
    bar.style.cssText = 'position: fixed; top: 0; left: 0; right: 0; height: 50px; background: #ccc; z-index: 2147483647';
    document.documentElement.appendChild(bar);
  });</script>`;
  await enter(page, page07(bar));
  const top = () => page.evaluate(() => {
    const element = document.elementFromPoint(20, 20);
    return element.id || element.localName;
  });
  assert.equal(await top(), 'yilan-view');
  await leave(page);
  assert.equal(await top(), 'bar');
  assert.deepEqual(await page.evaluate(() => document.querySelectorAll('[popover]:not(yilan-embed)').length), 0);
});

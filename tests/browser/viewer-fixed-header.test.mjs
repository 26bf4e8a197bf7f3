// A host page with a header of its own fixed at the top of the window, which
// it tells the browser of as pages do for their own anchors:
// `html { scroll-padding-top: 64px }`. The view's sticky bar and a table's
// header rows stop below that header instead of under it, and what the
// viewer measures from "the top of the view" (the place kept by 放大, where
// a section chosen in 目录 stops) starts below it.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import { servePages } from './embed-pages.mjs';
import { REFERENCE_TEXT, browserTest, serverUrl } from './harness.mjs';
import { inView, openPage } from './viewer-helpers.mjs';

const LONG_TABLES = readFileSync(new URL('../fixtures/html/03-govcn-zhengce-sanji-yiyuan-long-tables.html', import.meta.url), 'utf8');
const STILL = { reducedMotion: 'reduce' };
const HEADER = 64;

/**
 * The blank page (or, `quirks`, one without a doctype) with a fixed header
 * of HEADER px, declared as the page's scroll padding (`padding`, default
 * HEADER px); mounts `doc` (page text or HTML).
 */
async function mountUnderHeader(page, { text, html, options, padding = `${HEADER}px`, quirks = false }) {
  await openPage(page, { quirks });
  await page.evaluate(
    ([height, padding, text, html, options]) => {
      const header = document.createElement('header');
      header.textContent = '某某市人民政府';
      header.style.cssText = `position: fixed; top: 0; left: 0; right: 0; height: ${height}px; background: #036; color: #fff; z-index: 10;`;
      document.body.prepend(header);
      document.documentElement.style.scrollPaddingTop = padding;
      document.querySelector('#view').style.marginTop = `${height}px`;
      const doc = text ? window.yilan.parseText(text) : window.yilan.parseHtml(html);
      window.viewer = window.yilan.mount(document.querySelector('#view'), doc, options);
    },
    [HEADER, padding, text, html, options],
  );
  await frames(page);
}

const frames = (page) =>
  page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0)))));

const barBox = (page) => inView(page, (shadow) => shadow.querySelector('.yl-toolbar').getBoundingClientRect().toJSON());

browserTest('the elderly bar sticks below the page\'s fixed header; 目录 and 放大 measure from below the bar', STILL, async (page) => {
  await mountUnderHeader(page, { text: REFERENCE_TEXT, options: { mode: 'elderly' } });
  await page.evaluate(() => scrollTo(0, 3000));
  await frames(page);
  const bar = await barBox(page);
  assert.equal(bar.top, HEADER, 'the bar stops below the header');

  // 目录: the section chosen stops below the bar, not under the header or the bar.
  await page.click('[data-yl-tool="outline"]');
  await page.click('[data-yl-target="yl-s2-3-h"]');
  await frames(page);
  const heading = await inView(page, (shadow) => ({
    top: shadow.getElementById('yl-s2-3-h').getBoundingClientRect().top,
    bar: shadow.querySelector('.yl-toolbar').getBoundingClientRect().bottom,
  }));
  assert.ok(heading.top >= heading.bar && heading.top < heading.bar + 60, `the heading (top ${heading.top}) is just below the bar (bottom ${heading.bar})`);

  // 放大: the block at the top of the view, below the bar, stays there.
  const before = await inView(page, (shadow) => shadow.getElementById('yl-s2-3-h').getBoundingClientRect().top);
  await page.click('[data-yl-tool="larger"]');
  await frames(page);
  const after = await inView(page, (shadow) => shadow.getElementById('yl-s2-3-h').getBoundingClientRect().top);
  assert.ok(Math.abs(after - before) <= 2, `放大 kept the heading where it was (${before} → ${after})`);
});

browserTest('a long table\'s header rows stick below the page\'s fixed header, and below the bar in the elderly mode', STILL, async (page) => {
  await mountUnderHeader(page, { html: LONG_TABLES, options: { mode: 'standard' } });
  const headTop = async () => {
    await inView(page, (shadow) => {
      const rows = shadow.querySelector('.yl-head-sticks tbody').rows;
      rows[Math.floor(rows.length / 2)].scrollIntoView({ block: 'center' });
    });
    await frames(page);
    return inView(page, (shadow) => {
      const head = shadow.querySelector('.yl-head-sticks thead').getBoundingClientRect();
      const table = shadow.querySelector('.yl-head-sticks table').getBoundingClientRect();
      return { head: head.top, tableTop: table.top };
    });
  };
  const standard = await headTop();
  assert.ok(standard.tableTop < HEADER, 'the table starts above the header: its rows pass under the header rows');
  assert.equal(standard.head, HEADER, 'standard mode: right below the page\'s header');

  await page.evaluate(() => window.viewer.setMode('elderly'));
  await frames(page);
  const elderly = await headTop();
  const bar = await barBox(page);
  assert.equal(bar.top, HEADER);
  assert.equal(elderly.head, bar.bottom, 'elderly mode: right below the bar, itself below the header');
});

browserTest('the scroll padding as a percentage of the window, and on a page in quirks mode (no doctype)', STILL, async (page) => {
  // 8% of the window's 800 px: the header's 64.
  await mountUnderHeader(page, { text: REFERENCE_TEXT, options: { mode: 'elderly' }, padding: '8%' });
  await page.evaluate(() => scrollTo(0, 3000));
  await frames(page);
  assert.equal((await barBox(page)).top, HEADER, '8%: below the header');

  await mountUnderHeader(page, { text: REFERENCE_TEXT, options: { mode: 'elderly' }, quirks: true });
  assert.equal(await page.evaluate(() => document.compatMode), 'BackCompat');
  await page.evaluate(() => scrollTo(0, 3000));
  await frames(page);
  assert.equal((await barBox(page)).top, HEADER, 'quirks mode: the root element\'s padding, below the header');
});

browserTest('in the embed\'s view over the page, the page\'s scroll padding is not the view\'s: a short page\'s title shows below the bar', STILL, async (page) => {
  const short =
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>关于开展防汛演练的通知_某某市人民政府</title>' +
    '<style>html { scroll-padding-top: 64px } header { position: fixed; top: 0; left: 0; right: 0; height: 64px; background: #036; color: #fff }</style>' +
    '<script type="module" src="/yilan/pkg/embed.js"></script></head><body><header>某某市人民政府</header>' +
    '<div class="article" style="margin-top: 80px"><h1>关于开展防汛演练的通知</h1>' +
    '<p>各乡镇人民政府：为做好今年防汛工作，定于6月1日开展防汛演练。</p><p>一、演练时间</p><p>6月1日上午9时。</p></div></body></html>';
  await servePages(page, { '/short.html': short });
  await page.goto(`${serverUrl()}/short.html`);
  await page.waitForSelector('yilan-embed', { state: 'attached' });
  await page.evaluate(() => document.querySelector('yilan-embed').shadowRoot.querySelector('button').click());
  await page.waitForSelector('yilan-embed-view:not([inert]) yilan-view');
  await frames(page);
  const placed = await page.evaluate(() => {
    const host = document.querySelector('yilan-embed-view');
    const shadow = host.querySelector('yilan-view').shadowRoot;
    return {
      overflows: host.scrollHeight > host.clientHeight,
      bar: shadow.querySelector('.yl-toolbar').getBoundingClientRect().top,
      titleBelowBar: shadow.querySelector('h1').getBoundingClientRect().top >= shadow.querySelector('.yl-toolbar').getBoundingClientRect().bottom,
    };
  });
  assert.deepEqual(placed, { overflows: false, bar: 0, titleBelowBar: true });
});

browserTest('in a wrapper that clips (overflow: hidden), the place kept on 放大 is measured from below the page\'s header', STILL, async (page) => {
  await mountUnderHeader(page, { text: REFERENCE_TEXT, options: { mode: 'elderly' } });
  // The view in a wrapper that clips, as page templates have: the bar then
  // sticks to the wrapper, which does not scroll, and scrolls away.
  const placed = await page.evaluate(async (header) => {
    const view = document.querySelector('#view');
    const wrapper = document.createElement('div');
    wrapper.style.overflow = 'hidden';
    view.before(wrapper);
    wrapper.append(view);
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const shadow = view.querySelector('yilan-view').shadowRoot;
    const blocks = [...shadow.querySelectorAll('[id^="yl-"]')].filter((e) => !e.id.startsWith('yl-tb'));
    const leaves = blocks.filter((e, i) => !(blocks[i + 1] && e.contains(blocks[i + 1])));
    const at = leaves.findIndex((e) => e.id === 'yl-p2-1');
    const [before, block] = [leaves[at - 1], leaves[at]];
    // The block 6 px below the header, the one before it wholly under it.
    scrollBy(0, block.getBoundingClientRect().top - header - 6);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    return { top: block.getBoundingClientRect().top, beforeBottom: before.getBoundingClientRect().bottom, bar: shadow.querySelector('.yl-toolbar').getBoundingClientRect().bottom };
  }, HEADER);
  assert.ok(placed.beforeBottom < HEADER - 4, `the block before is under the header (its bottom at ${placed.beforeBottom})`);
  assert.ok(placed.bar < HEADER, 'the bar has scrolled away under the header');
  await page.evaluate(() => window.viewer.setScale(2));
  await frames(page);
  const top = await inView(page, (shadow) => shadow.getElementById('yl-p2-1').getBoundingClientRect().top);
  assert.ok(Math.abs(top - placed.top) <= 2, `the first block below the header stays where it was (${placed.top} → ${top})`);
});

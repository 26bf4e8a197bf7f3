// The reader's place across a change of text size, theme or mode: the block
// at the top of the view (the first block whose box reaches below the top
// of the scroll area, under the sticky toolbar) stays where it was, in a
// view that scrolls with the window and in the embed's view, whose host is
// a fixed element that scrolls on its own. Without the viewer doing it, the
// scroll offset stays in pixels while the text above grows or shrinks, and
// the block being read moves screens away.

import assert from 'node:assert/strict';

import { PORTAL_PAGE, browserTest, open } from './harness.mjs';
import { mountReference } from './viewer-helpers.mjs';

/**
 * The block at the top of the view, measured in the page: its id, its top,
 * its height and the top of the scroll area (under the bar). `view` selects
 * the `<yilan-view>`; the scroller is its parent when that scrolls, else the
 * window.
 */
function topOfView(page, view = 'yilan-view', id = null) {
  return page.evaluate(
    ([selector, wanted]) => {
      const container = document.querySelector(selector);
      const shadow = container.shadowRoot;
      const host = container.parentElement;
      const scrolls = getComputedStyle(host).overflowY === 'auto';
      const areaTop = Math.max(scrolls ? host.getBoundingClientRect().top : 0, shadow.querySelector('.yl-toolbar').getBoundingClientRect().bottom);
      const blocks = [...shadow.querySelectorAll('[id^="yl-"]')].filter((e) => !e.id.startsWith('yl-tb'));
      const leaves = blocks.filter((e, i) => !(blocks[i + 1] && e.contains(blocks[i + 1])));
      const block = wanted
        ? shadow.getElementById(wanted)
        : leaves.find((e) => {
            const rect = e.getBoundingClientRect();
            return rect.height > 0 && rect.bottom > areaTop;
          });
      const rect = block.getBoundingClientRect();
      return { id: block.id, top: rect.top, height: rect.height, areaTop, scroll: scrolls ? host.scrollTop : scrollY };
    },
    [view, id],
  );
}

const frames = (page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

/**
 * Runs `change`, then checks that `before.id` is where it was (after two
 * frames: no later jump): the point of it at the top of the view (its top
 * edge, or for a block cut by the top of the view, the same share of its
 * height) at the same distance below the top of the view.
 */
async function staysPut(page, change, before, what, view) {
  const y = Math.max(before.top, before.areaTop);
  const share = (y - before.top) / before.height;
  await change();
  await frames(page);
  const after = await topOfView(page, view, before.id);
  const was = y - before.areaTop;
  const now = after.top + share * after.height - after.areaTop;
  // Within 2 px: scroll offsets are whole pixels, and a cut heading's
  // border and padding do not grow with its text, so the same share of it
  // is a pixel or so off at 3× (1.6 px measured, with Chinese glyphs).
  assert.ok(Math.abs(now - was) <= 2, `${what}: ${before.id} was ${was.toFixed(1)} px below the top of the view, now ${now.toFixed(1)}`);
  return after;
}

browserTest('the block at the top of the view stays in place when the text grows or shrinks, the theme or the mode changes', {}, async (page) => {
  await mountReference(page, { mode: 'elderly' });
  await page.evaluate(() => document.querySelector('yilan-view').shadowRoot.getElementById('yl-p2-3-1').scrollIntoView({ block: 'start' }));
  // The paragraph, or the run-in heading on its first line.
  const before = await topOfView(page);
  assert.match(before.id, /^yl-(p2-3-1|s2-3-h)$/, 'the paragraph scrolled to is the block at the top');
  assert.ok(before.scroll > 500, `the view is scrolled to the middle (${before.scroll})`);

  const larger = () => page.click('[data-yl-tool="larger"]');
  let after = await staysPut(page, larger, before, '放大');
  after = await staysPut(page, larger, before, '放大 again');
  assert.ok(after.scroll > before.scroll + 100, `the view scrolled with the text (${before.scroll} → ${after.scroll})`);
  await staysPut(page, () => page.click('[data-yl-tool="smaller"]'), before, '缩小');
  await staysPut(page, () => page.evaluate(() => window.viewer.setScale(3)), before, 'setScale(3)');
  await staysPut(
    page,
    async () => {
      await page.click('[data-yl-tool="theme"]');
      await page.click('[data-yl-theme="yellow-on-black"]');
    },
    before,
    '配色',
  );
  await page.keyboard.press('Escape');
  await staysPut(page, () => page.evaluate(() => window.viewer.setScale(1)), before, 'setScale(1)');
  await staysPut(page, () => page.evaluate(() => window.viewer.setMode('standard')), before, 'standard mode');
  await staysPut(page, () => page.evaluate(() => window.viewer.setMode('elderly')), before, 'elderly mode again');
});

browserTest('a block cut by the top of the view keeps the same part of it at the top', {}, async (page) => {
  await mountReference(page, { mode: 'elderly', scale: 2 });
  // The tallest paragraph, two fifths of it above the top of the view.
  await page.evaluate(() => {
    const shadow = document.querySelector('yilan-view').shadowRoot;
    const tallest = [...shadow.querySelectorAll('.yl-body p[id]')].sort((a, b) => b.offsetHeight - a.offsetHeight)[0];
    tallest.scrollIntoView({ block: 'start' });
    const bar = shadow.querySelector('.yl-toolbar').getBoundingClientRect().bottom;
    window.scrollBy(0, tallest.getBoundingClientRect().top - bar + tallest.offsetHeight * 0.4);
  });
  const before = await topOfView(page);
  const share = (at) => (at.areaTop - at.top) / at.height;
  assert.ok(share(before) > 0.3 && share(before) < 0.5, `cut at ${share(before)}`);
  for (const tool of ['larger', 'larger', 'smaller']) {
    await page.click(`[data-yl-tool="${tool}"]`);
    await frames(page);
    const after = await topOfView(page);
    assert.equal(after.id, before.id, 'still the block at the top');
    assert.ok(Math.abs(share(after) - share(before)) < 0.01, `${tool}: cut at ${share(after)}, was ${share(before)}`);
  }
});

browserTest('in the embed, whose host scrolls on its own, the block at the top stays in place too', {}, async (page) => {
  const VIEW = 'yilan-embed-view:not([inert]) yilan-view';
  await open(page, PORTAL_PAGE);
  await page.click('#enter-elderly');
  await page.waitForSelector(VIEW);
  await page.evaluate((selector) => document.querySelector(selector).shadowRoot.getElementById('yl-p2-3-1').scrollIntoView({ block: 'start' }), VIEW);
  const before = await topOfView(page, VIEW);
  assert.match(before.id, /^yl-(p2-3-1|s2-3-h)$/);
  assert.ok(before.scroll > 500, `the host is scrolled to the middle (${before.scroll})`);
  const windowScroll = await page.evaluate(() => scrollY);
  const tool = (name) => page.locator(`${VIEW} [data-yl-tool="${name}"]`);
  let after = await staysPut(page, () => tool('larger').click(), before, '放大', VIEW);
  after = await staysPut(page, () => tool('larger').click(), before, '放大 again', VIEW);
  assert.ok(after.scroll > before.scroll + 100, `the host scrolled with the text (${before.scroll} → ${after.scroll})`);
  await staysPut(page, () => tool('smaller').click(), before, '缩小', VIEW);
  assert.equal(await page.evaluate(() => scrollY), windowScroll, 'the page under the view did not move');
});

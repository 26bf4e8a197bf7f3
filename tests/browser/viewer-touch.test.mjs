// The view on a touch screen (Chromium's phone emulation: no mouse, a
// finger): what is a mouse's is not offered, and the reading guide goes
// where the finger touches the text, never onto the toolbar.

import assert from 'node:assert/strict';

import { browserTest } from './harness.mjs';
import { inView, mountReference, shownTools, toolState } from './viewer-helpers.mjs';

const PHONE = { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, reducedMotion: 'reduce' };
const tool = (name) => `yilan-view [data-yl-tool="${name}"]`;

/** The band's centre and whether it shows; the bar's bottom edge. */
function guide(page) {
  return inView(page, (shadow) => {
    const band = shadow.querySelector('.yl-guide').getBoundingClientRect();
    return {
      shown: getComputedStyle(shadow.querySelector('.yl-guide')).display !== 'none',
      centre: Math.round(band.top + band.height / 2),
      barBottom: Math.round(shadow.querySelector('.yl-toolbar').getBoundingClientRect().bottom),
    };
  });
}

browserTest('on a touch screen 大鼠标 is not offered; the other tools are, behind 更多工具', PHONE, async (page) => {
  await mountReference(page, { mode: 'elderly' });
  await page.locator(tool('more')).tap();
  const { shown } = await shownTools(page);
  assert.ok(!shown.includes('cursor'), `shown: ${shown}`);
  for (const name of ['smaller', 'larger', 'theme', 'read', 'point', 'rate', 'guide', 'outline', 'print', 'mode']) {
    assert.ok(shown.includes(name), `${name} is shown: ${shown}`);
  }
});

browserTest('on a touch screen the reading guide starts below the bar and goes where a finger touches the text, not where it taps a tool', PHONE, async (page) => {
  await mountReference(page, { mode: 'elderly' });
  await page.locator(tool('more')).tap();
  await page.locator(tool('guide')).tap();
  assert.equal((await toolState(page, 'guide')).pressed, 'true');
  // Tapped on the bar, twice: the band is on the text, a little above the
  // middle of the screen or, the tools unfolded reaching further, below them.
  const first = await guide(page);
  assert.equal(first.shown, true);
  const expected = Math.max(640 * 0.4, Math.min(first.barBottom + 40, 640 * 0.9));
  assert.ok(Math.abs(first.centre - expected) <= 1, `the band at ${first.centre}, the bar down to ${first.barBottom}`);
  // A finger on the text: the band comes to it.
  await page.locator(tool('more')).tap();
  const bar = await guide(page);
  const y = Math.max(bar.barBottom + 60, 500);
  await page.touchscreen.tap(180, y);
  assert.ok(Math.abs((await guide(page)).centre - y) <= 1, `the band at the touch, ${y}`);
  // A tool tapped: the band stays on the text.
  await page.locator(tool('more')).tap();
  assert.ok(Math.abs((await guide(page)).centre - y) <= 1, 'the band stayed on the text');
});

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

browserTest('on a touch screen the reading guide starts below the bar and goes where a finger taps the text, not where it taps a tool or scrolls', PHONE, async (page) => {
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
  // A finger that scrolls the text: the text moves under the band, which
  // stays where it was.
  const scrolled = await page.evaluate(() => scrollY);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: 180, y: 560 }] });
  for (let step = 1; step <= 10; step += 1) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: 180, y: 560 - step * 25 }] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  assert.ok((await page.evaluate(() => scrollY)) > scrolled + 100, 'the swipe scrolled the text');
  assert.ok(Math.abs((await guide(page)).centre - y) <= 1, `the band stayed at ${y}: ${(await guide(page)).centre}`);
});

browserTest('a mouse gone (the screen now touch only) while 大鼠标 is the toolbar\'s tab stop: the stop moves to a tool that shows', {}, async (page) => {
  await mountReference(page, { mode: 'elderly' });
  // Clicked twice (on, then off): 大鼠标 is the toolbar's one tab stop.
  await page.click(tool('cursor'));
  await page.click(tool('cursor'));
  assert.deepEqual((await shownTools(page)).stops, ['cursor']);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const { shown, stops } = await shownTools(page);
  assert.ok(!shown.includes('cursor'), `shown: ${shown}`);
  assert.equal(stops.length, 1);
  assert.ok(shown.includes(stops[0]), `the stop, ${stops[0]}, shows`);
});

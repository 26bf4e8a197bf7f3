// Accessibility of the mounted viewer (toolbar, panels, live region, guide
// included), in Chromium: zero axe-core violations under the same rule set
// as a11y.test.mjs in standard mode and in elderly mode with every theme
// choice, with the panels closed and each one open; with the reading guide
// and the large cursor on; under the system's dark scheme and more
// contrast; and on the portal page with the view shown.

import assert from 'node:assert/strict';

import { assertNoViolations } from './axe.mjs';
import { PORTAL_PAGE, browserTest, open } from './harness.mjs';
import { THEME_CHOICES, inView, mountReference, rootState, toolState } from './viewer-helpers.mjs';

// Colours are checked after any transition has ended.
const STILL = { reducedMotion: 'reduce' };

browserTest('standard mode: the view with its toggle has no axe violations', STILL, async (page) => {
  await mountReference(page, { mode: 'standard' });
  assert.equal((await toolState(page, 'mode')).text, '进入老年模式');
  await assertNoViolations(page);
});

for (const theme of THEME_CHOICES) {
  for (const panel of [null, 'theme', 'rate', 'outline']) {
    const name = `elderly mode, theme ${theme}, ${panel ? `${panel} panel open` : 'panels closed'}: no axe violations`;
    browserTest(name, STILL, async (page) => {
      await mountReference(page, { mode: 'elderly', theme });
      if (panel) {
        await page.click(`[data-yl-tool="${panel}"]`);
        assert.equal((await toolState(page, panel)).expanded, 'true');
      }
      assert.equal((await rootState(page)).theme, theme);
      await assertNoViolations(page, { overlay: '.yl-panel' });
    });
  }
}

browserTest('elderly mode at scale 3 with the guide and the large cursor on: no axe violations', STILL, async (page) => {
  await mountReference(page, { mode: 'elderly', scale: 3, theme: 'white-on-black' });
  await page.click('[data-yl-tool="guide"]');
  await page.click('[data-yl-tool="cursor"]');
  await page.mouse.move(300, 400);
  assert.deepEqual(await rootState(page), { mode: 'elderly', theme: 'white-on-black', scale: '3', guide: 'on', cursor: 'large' });
  await assertNoViolations(page);
});

for (const [label, context] of [
  ['dark', { colorScheme: 'dark' }],
  ['more contrast', { contrast: 'more' }],
]) {
  browserTest(`elderly mode, automatic theme, system ${label}, theme panel open: no axe violations`, { ...STILL, ...context }, async (page) => {
    await mountReference(page, { mode: 'elderly' });
    await page.click('[data-yl-tool="theme"]');
    await assertNoViolations(page, { overlay: '.yl-panel' });
  });
}

browserTest('the portal with the view shown: no axe violations', STILL, async (page) => {
  await open(page, PORTAL_PAGE);
  await page.click('#enter-elderly');
  await page.waitForSelector('yilan-embed-view:not([inert]) yilan-view');
  // The page's own content stays under the view, inert (so hidden from
  // assistive technology); what is checked is what the embed shows: the
  // view, in a main landmark, and its own widget.
  await assertNoViolations(page, { include: ['yilan-embed-view', 'yilan-embed'] });
  assert.equal(
    await page.evaluate(() => document.querySelector('yilan-embed-view:not([inert]) yilan-view').assignedSlot.closest('main') !== null),
    true,
    "the view is slotted into the reader's main landmark",
  );
  assert.equal(await inView(page, (shadow) => shadow.querySelector('[role="toolbar"]').getAttribute('aria-label')), '阅读工具');
});

// The toolbar on a narrow screen: where the row would take three lines or
// more, it folds behind 更多工具 and keeps 退出老年模式 beside it, one line
// high and sticky; 更多工具 (a disclosure button) shows the other tools;
// Escape folds them again with focus back on it; the one tab stop follows
// what is shown as the width changes; on a screen short and narrow (a
// desktop browser zoomed to 300 or 400 %) the unfolded tools and the panels
// stay in reach. axe finds nothing, folded or not.

import assert from 'node:assert/strict';

import { assertNoViolations } from './axe.mjs';
import { browserTest } from './harness.mjs';
import { mountReading, state, until, withFake } from './speech-support.mjs';
import { TOOLS, focused, inView, mountReference, rootState, shownTools, tabToToolbar, toolState } from './viewer-helpers.mjs';

const PHONE = { viewport: { width: 320, height: 640 }, reducedMotion: 'reduce' };

/** The bar's height and whether it stays at the top after scrolling. */
function bar(page) {
  return inView(page, (shadow) => {
    const rect = shadow.querySelector('.yl-toolbar').getBoundingClientRect();
    const row = shadow.querySelector('[role="toolbar"]').getBoundingClientRect();
    return { height: Math.round(rect.height), row: Math.round(row.height), top: Math.round(rect.top) };
  });
}

browserTest('at 320 px the bar is one line: 更多工具 and 退出老年模式, sticky', PHONE, async (page) => {
  await mountReference(page, { mode: 'elderly' });
  assert.deepEqual(await shownTools(page), { shown: ['more', 'mode'], stops: ['more'] });
  const folded = await bar(page);
  assert.ok(folded.row <= 70, `one line of 60 px tools, not ${folded.row} px`);
  assert.ok(folded.height <= 100, `with its padding, ${folded.height} px of 640`);
  assert.deepEqual(await toolState(page, 'more'), {
    pressed: null,
    expanded: 'false',
    disabled: null,
    tabindex: '0',
    shown: true,
    text: '更多工具',
  });

  await page.mouse.wheel(0, 1500);
  await page.waitForFunction(() => window.scrollY > 1000);
  const scrolled = await bar(page);
  assert.equal(scrolled.top, 0, 'the bar stays at the top of the screen');

  await assertNoViolations(page);
});

browserTest('更多工具 by keyboard: Enter shows every tool, arrows reach them, Escape folds them back', PHONE, async (page) => {
  await mountReference(page, { mode: 'elderly' });
  assert.equal((await tabToToolbar(page)).tool, 'more');

  await page.keyboard.press('Enter');
  assert.equal((await toolState(page, 'more')).expanded, 'true');
  assert.equal((await rootState(page)).mode, 'elderly');
  assert.deepEqual((await shownTools(page)).shown, ['more', ...TOOLS], 'every tool is shown after it');
  await assertNoViolations(page);

  const visited = [];
  for (let i = 0; i < TOOLS.length; i += 1) {
    await page.keyboard.press('ArrowRight');
    visited.push((await focused(page)).tool);
  }
  assert.deepEqual(visited, TOOLS, 'ArrowRight goes along every tool');

  // 放大 works from the unfolded row.
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.equal((await focused(page)).tool, 'larger');
  await page.keyboard.press('Enter');
  assert.equal((await rootState(page)).scale, '1.25');

  await page.keyboard.press('Escape');
  assert.equal((await focused(page)).tool, 'more', 'focus back on 更多工具');
  assert.equal((await toolState(page, 'more')).expanded, 'false');
  assert.deepEqual(await shownTools(page), { shown: ['more', 'mode'], stops: ['more'] });
});

browserTest('更多工具 by mouse, and a panel opened from the unfolded row', PHONE, async (page) => {
  await mountReference(page, { mode: 'elderly' });
  // 更多工具 and 退出老年模式 stay where they are as the tools unfold (a
  // second tap folds them again, where the finger is).
  const places = () =>
    inView(page, (shadow) =>
      ['more', 'mode'].map((tool) => {
        const box = shadow.querySelector(`[data-yl-tool="${tool}"]`).getBoundingClientRect();
        return [Math.round(box.left), Math.round(box.top)];
      }),
    );
  const folded = await places();
  await inView(page, (shadow) => shadow.querySelector('[data-yl-tool="more"]').click());
  assert.deepEqual(await places(), folded);
  assert.equal((await toolState(page, 'theme')).shown, true);
  await inView(page, (shadow) => shadow.querySelector('[data-yl-tool="theme"]').click());
  assert.equal((await toolState(page, 'theme')).expanded, 'true');
  await inView(page, (shadow) => shadow.querySelector('[data-yl-theme="yellow-on-black"]').click());
  assert.equal((await rootState(page)).theme, 'yellow-on-black');
  await inView(page, (shadow) => shadow.querySelector('[data-yl-tool="more"]').click());
  assert.deepEqual((await shownTools(page)).shown, ['more', 'mode']);
});

browserTest('unfolded, the tools fold again when the reader goes back to the text: a tap on it, or on the page around it; not 放大 again', PHONE, async (page) => {
  await mountReference(page, { mode: 'elderly' });
  const open = () => toolState(page, 'more').then((state) => state.expanded);
  await page.click('[data-yl-tool="more"]');
  assert.equal(await open(), 'true');
  // Tools used one after the other leave the row open.
  await page.click('[data-yl-tool="larger"]');
  await page.click('[data-yl-tool="larger"]');
  assert.equal((await rootState(page)).scale, '1.5');
  assert.equal(await open(), 'true');
  // A press on the text folds them; the tab stop is on a tool still shown.
  const paragraph = await inView(page, (shadow) => {
    const box = shadow.querySelector('.yl-body p').getBoundingClientRect();
    return { x: box.left + 20, y: box.top + 10 };
  });
  await page.mouse.click(paragraph.x, paragraph.y);
  assert.equal(await open(), 'false');
  assert.deepEqual(await shownTools(page), { shown: ['more', 'mode'], stops: ['more'] });
  // And a press on the page outside the view.
  await page.click('[data-yl-tool="more"]');
  await page.evaluate(() => {
    const outside = document.createElement('button');
    outside.id = 'outside';
    outside.textContent = '页面按钮';
    document.body.prepend(outside);
  });
  await page.evaluate(() => document.querySelector('#outside').dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true })));
  assert.equal(await open(), 'false');
});

browserTest('on a short screen (a phone held sideways) the tools fold too, and the bar stays at the top, one line high, at every text size', { viewport: { width: 640, height: 360 }, reducedMotion: 'reduce' }, async (page) => {
  await mountReference(page, { mode: 'elderly' });
  for (const scale of [1, 3]) {
    await page.evaluate((scale) => window.viewer.setScale(scale), scale);
    assert.deepEqual(await shownTools(page), { shown: ['more', 'mode'], stops: ['more'] }, `at ${scale}×`);
    await page.mouse.wheel(0, 1500);
    await page.waitForFunction(() => window.scrollY > 1000);
    const scrolled = await bar(page);
    assert.equal(scrolled.top, 0, `at ${scale}×: the bar stays at the top of the screen`);
    assert.ok(scrolled.height <= 100, `at ${scale}×: ${scrolled.height} px of 360`);
    await page.evaluate(() => window.scrollTo(0, 0));
  }
  // A panel opened there ends on the screen, its last control in reach.
  await page.click('[data-yl-tool="more"]');
  await page.click('[data-yl-tool="outline"]');
  const panel = await inView(page, (shadow) => {
    const box = shadow.querySelector('.yl-panel:not([hidden])').getBoundingClientRect();
    return { bottom: Math.round(box.bottom), scrolls: shadow.querySelector('.yl-panel:not([hidden])').scrollHeight > box.height };
  });
  assert.ok(panel.bottom <= 360, `the 目录 panel ends at ${panel.bottom} px of 360`);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  assert.deepEqual(await shownTools(page), { shown: ['more', 'mode'], stops: ['more'] });
  await assertNoViolations(page);
});

browserTest('the tab stop follows the width: wide shows every tool and no 更多工具', PHONE, async (page) => {
  await mountReference(page, { mode: 'elderly' });
  assert.deepEqual((await shownTools(page)).stops, ['more']);
  await page.setViewportSize({ width: 1280, height: 800 });
  // The first tool that can be used: 缩小 cannot at 100%.
  await page.waitForFunction(() => {
    const tool = document.querySelector('yilan-view').shadowRoot.querySelector('[data-yl-tool="larger"]');
    return tool.tabIndex === 0;
  });
  assert.deepEqual(await shownTools(page), { shown: TOOLS, stops: ['larger'] });
  await page.setViewportSize({ width: 320, height: 640 });
  await page.waitForFunction(() => {
    const tool = document.querySelector('yilan-view').shadowRoot.querySelector('[data-yl-tool="more"]');
    return tool.tabIndex === 0;
  });
  assert.deepEqual(await shownTools(page), { shown: ['more', 'mode'], stops: ['more'] });
});

browserTest('standard mode shows the toggle alone, at any width', PHONE, async (page) => {
  await mountReference(page, { mode: 'standard' });
  assert.deepEqual(await shownTools(page), { shown: ['mode'], stops: ['mode'] });
});

browserTest('on a small phone at 300%, each panel ends on the screen: its 收起 can be seen and pressed', { viewport: { width: 320, height: 568 }, reducedMotion: 'reduce' }, async (page) => {
  await mountReference(page, { mode: 'elderly', scale: 3 });
  await page.evaluate(() => window.scrollTo(0, 600));
  for (const panel of ['theme', 'rate', 'outline']) {
    if ((await toolState(page, 'more')).expanded !== 'true') await page.click('[data-yl-tool="more"]');
    await page.click(`[data-yl-tool="${panel}"]`);
    const close = await inView(page, (shadow, name) => {
      const button = shadow.getElementById(`yl-tb-${name}`).querySelector('[data-yl-close]');
      button.scrollIntoView({ block: 'nearest' });
      const rect = button.getBoundingClientRect();
      return { top: rect.top, bottom: rect.bottom, height: innerHeight, hit: shadow.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2) === button };
    }, panel);
    assert.ok(close.bottom <= close.height && close.top >= 0, `${panel}: 收起 at ${close.top}–${close.bottom} of ${close.height}`);
    assert.ok(close.hit, `${panel}: 收起 is not covered`);
    await page.click(`#yl-tb-${panel} [data-yl-close]`);
    assert.equal((await toolState(page, panel)).expanded, 'false');
  }
});

/**
 * Where `selector` (in the view) is once brought into view as focus or a
 * pointer brings it: its top and bottom, the screen's height, and whether
 * a press at its centre reaches it.
 */
function reach(page, selector) {
  return inView(page, (shadow, sel) => {
    const element = shadow.querySelector(sel);
    element.scrollIntoView({ block: 'nearest' });
    const rect = element.getBoundingClientRect();
    const hit = shadow.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
    return { top: Math.round(rect.top), bottom: Math.round(rect.bottom), height: innerHeight, hit: element === hit || element.contains(hit) };
  }, selector);
}

// A desktop of 1280 × 800 zoomed to 400 % (320 × 200 CSS px) or 300 %
// (427 × 267): the unfolded tools are taller than the screen.
for (const [width, height, zoom] of [[320, 200, 4], [427, 267, 3]]) {
  browserTest(`zoomed to ${zoom}00 %, the unfolded tools and each panel can be reached below a bar that sticks`, { viewport: { width, height }, deviceScaleFactor: zoom, reducedMotion: 'reduce' }, async (page) => {
    await mountReference(page, { mode: 'elderly', scale: 3 });
    await page.evaluate(() => window.scrollTo(0, 3000));
    await page.click('[data-yl-tool="more"]');
    const { shown } = await shownTools(page);
    assert.deepEqual(shown, ['more', ...TOOLS], 'every tool is shown');
    for (const tool of shown) {
      const place = await reach(page, `[data-yl-tool="${tool}"]`);
      assert.ok(place.top >= 0 && place.bottom <= place.height && place.hit, `${tool} at ${place.top}–${place.bottom} of ${place.height}, reached: ${place.hit}`);
    }
    for (const panel of ['theme', 'rate', 'outline']) {
      await page.click(`[data-yl-tool="${panel}"]`);
      assert.equal((await toolState(page, panel)).expanded, 'true');
      const choice = await inView(page, (shadow) => {
        const rect = shadow.activeElement.getBoundingClientRect();
        return { top: rect.top, bottom: rect.bottom, height: innerHeight };
      });
      assert.ok(choice.top >= 0 && choice.bottom <= choice.height, `${panel}: the focused choice at ${choice.top}–${choice.bottom} of ${choice.height}`);
      const close = await reach(page, `#yl-tb-${panel} [data-yl-close]`);
      assert.ok(close.top >= 0 && close.bottom <= close.height && close.hit, `${panel}: 收起 at ${close.top}–${close.bottom} of ${close.height}, reached: ${close.hit}`);
      await page.click(`#yl-tb-${panel} [data-yl-close]`);
      assert.equal((await toolState(page, panel)).expanded, 'false');
    }
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), width, 'nothing scrolls sideways');
    await page.click('[data-yl-tool="more"]');
    assert.deepEqual((await shownTools(page)).shown, ['more', 'mode'], 'folded again');
  });
}

/**
 * Mounts `text` (the reference document by default) on a phone with a fake
 * voice that holds each piece and starts 朗读 from the unfolded tools,
 * which folds them: the screen goes back to the text read.
 */
async function readFolded(page, text = undefined) {
  await withFake(page, { mode: 'hold' });
  await mountReading(page, {}, text);
  await page.click('[data-yl-tool="more"]');
  await page.click('[data-yl-tool="read"]');
  await until(page, () => window.viewer.speechState === 'speaking');
  assert.equal((await toolState(page, 'more')).expanded, 'false');
  assert.equal((await focused(page))?.tool, 'read', 'the focus stays on 朗读, now 暂停');
}

browserTest('folded while a voice reads, the bar keeps 暂停 and 停止: the reader always sees how to stop it', PHONE, async (page) => {
  await readFolded(page);
  assert.equal(await state(page), 'speaking');
  assert.deepEqual((await shownTools(page)).shown, ['more', 'read', 'stop', 'mode']);
  assert.equal((await toolState(page, 'read')).text, '暂停');
  await assertNoViolations(page);
  // 停止 by keyboard, the tab stop and focus read in the same task: not
  // left to the bar's next size report, which may never come.
  await page.focus('[data-yl-tool="stop"]');
  const after = await inView(page, (shadow) => {
    shadow.querySelector('[data-yl-tool="stop"]').click();
    const tools = [...shadow.querySelectorAll('[role="toolbar"] [data-yl-tool]')];
    return {
      stops: tools.filter((tool) => tool.tabIndex === 0).map((tool) => tool.dataset.ylTool),
      focused: shadow.activeElement?.dataset.ylTool ?? null,
    };
  });
  assert.deepEqual(after, { stops: ['more'], focused: 'more' });
  assert.equal(await state(page), 'idle');
  assert.deepEqual(await shownTools(page), { shown: ['more', 'mode'], stops: ['more'] });
});

browserTest('folded, a reading that ends by itself leaves the tab stop on a tool that shows', PHONE, async (page) => {
  await readFolded(page, '关于通知\n\n这是第一段。\n\n这是第二段。');
  assert.deepEqual((await shownTools(page)).stops, ['read']);
  // The last piece ends; the tab stop is read in the same task.
  const stops = await page.evaluate(async () => {
    const tools = [...document.querySelector('yilan-view').shadowRoot.querySelectorAll('[role="toolbar"] [data-yl-tool]')];
    for (let i = 0; i < 50; i += 1) {
      window.fakeSpeech.end();
      if (window.viewer.speechState === 'idle') return tools.filter((tool) => tool.tabIndex === 0).map((tool) => tool.dataset.ylTool);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return 'still reading';
  });
  assert.deepEqual(stops, ['more']);
  assert.deepEqual(await shownTools(page), { shown: ['more', 'mode'], stops: ['more'] });
});

browserTest('folded, a reading that ends by itself with the focus on 暂停 leaves the focus on 更多工具, not on the page', PHONE, async (page) => {
  await readFolded(page, '关于通知\n\n这是第一段。\n\n这是第二段。');
  await page.focus('[data-yl-tool="read"]');
  await page.evaluate(async () => {
    for (let i = 0; i < 50 && window.viewer.speechState !== 'idle'; i += 1) {
      window.fakeSpeech.end();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  });
  assert.equal(await state(page), 'idle');
  assert.equal((await focused(page))?.tool, 'more');
});

browserTest('Tab out of the unfolded tools into the text folds them, as a tap on the text does', PHONE, async (page) => {
  await mountReference(page, { mode: 'elderly' });
  assert.equal((await tabToToolbar(page)).tool, 'more');
  await page.keyboard.press('Enter');
  assert.equal((await toolState(page, 'more')).expanded, 'true');
  await page.keyboard.press('Tab');
  const now = await focused(page);
  assert.ok(now?.inView && now.tool === null, `the focus is in the text, not in the toolbar: ${JSON.stringify(now)}`);
  assert.equal((await toolState(page, 'more')).expanded, 'false');
  assert.deepEqual(await shownTools(page), { shown: ['more', 'mode'], stops: ['more'] });
});


browserTest('on a phone at 200% an article\'s number in 目录 stays on one line beside how its text begins', PHONE, async (page) => {
  const rules =
    '某某县财政资金管理办法\n第一章　总则\n第一条　为加强财政资金管理，提高资金使用效益，根据有关规定，制定本办法。\n' +
    '第二条　本办法适用于全县各级行政机关和事业单位的财政资金申请、使用和监督管理。\n';
  await mountReference(page, { mode: 'elderly', scale: 2 }, rules);
  await inView(page, (shadow) => shadow.querySelector('[data-yl-tool="more"]').click());
  await inView(page, (shadow) => shadow.querySelector('[data-yl-tool="outline"]').click());
  const entries = await inView(page, (shadow) =>
    [...shadow.querySelectorAll('.yl-outline-entry')].map((entry) => {
      const marker = entry.querySelector('.yl-marker');
      const line = parseFloat(getComputedStyle(entry).lineHeight);
      return {
        text: entry.textContent,
        markerLines: marker ? Math.round(marker.getBoundingClientRect().height / line) : 0,
      };
    }),
  );
  assert.deepEqual(entries, [
    { text: '第一章总则', markerLines: 1 },
    { text: '第一条为加强财政资金管理…', markerLines: 1 },
    { text: '第二条本办法适用于全县各级行政机关和事业单…', markerLines: 1 },
  ]);
});

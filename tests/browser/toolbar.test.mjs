// The elderly-mode toolbar in Chromium, by keyboard and by mouse: one tab
// stop with arrow keys along it (WAI-ARIA toolbar), 字号 −/+ with its bounds,
// 配色 and 目录 panels (Escape closes, focus returns), 朗读/指读 saying the
// browser cannot speak, 阅读辅助线, 大鼠标, 退出老年模式; what the live region
// says after each. The page's actions (打印, 关闭, 分享, 收藏):
// page-actions.test.mjs.

import assert from 'node:assert/strict';

import { browserTest, callInPage, openWithPackage } from './harness.mjs';
import { mountReading, state, until, withFake } from './speech-support.mjs';
import {
  THEME_CHOICES,
  TOOLS,
  focused,
  inView,
  liveText,
  mountReference,
  press,
  rootState,
  shownTools,
  speechNote,
  tabToToolbar,
  takeEvents,
  toolState,
} from './viewer-helpers.mjs';

const REDUCED = { reducedMotion: 'reduce' };

browserTest('Tab reaches the toolbar once; arrows, Home and End move along it and wrap', {}, async (page) => {
  await mountReference(page, { mode: 'elderly' });
  // At 100% 缩小 can do nothing (aria-disabled): the first stop is 放大, the
  // first tool that can be used, so a screen reader's first words are not a
  // control that does nothing.
  assert.deepEqual(await shownTools(page), { shown: TOOLS, stops: ['larger'] });
  const first = await tabToToolbar(page);
  assert.equal(first.tool, 'larger');

  await page.keyboard.press('Home');
  const visited = [(await focused(page)).tool];
  for (let i = 1; i < TOOLS.length; i += 1) {
    await page.keyboard.press('ArrowRight');
    visited.push((await focused(page)).tool);
  }
  assert.deepEqual(visited, TOOLS, 'ArrowRight visits every tool in order');
  await page.keyboard.press('ArrowRight');
  assert.equal((await focused(page)).tool, 'smaller', 'and wraps to the first');
  await page.keyboard.press('ArrowLeft');
  assert.equal((await focused(page)).tool, 'mode', 'ArrowLeft wraps to the last');
  await page.keyboard.press('Home');
  assert.equal((await focused(page)).tool, 'smaller');
  await page.keyboard.press('End');
  assert.equal((await focused(page)).tool, 'mode');
  await press(page, 'ArrowLeft', 3);
  assert.equal((await focused(page)).tool, 'cursor');
  assert.deepEqual((await shownTools(page)).stops, ['cursor'], 'one tab stop, where the reader left it');

  // Tab leaves the toolbar at once; Shift+Tab comes back to the same tool.
  await page.keyboard.press('Tab');
  const after = await focused(page);
  assert.equal(after.tool, null, `Tab left the toolbar for ${JSON.stringify(after)}`);
  await page.keyboard.press('Shift+Tab');
  assert.equal((await focused(page)).tool, 'cursor');
});

browserTest('focus order: toolbar, open panel, then the document', {}, async (page) => {
  await mountReference(page, { mode: 'elderly' });
  await tabToToolbar(page);
  await page.keyboard.press('End');
  await press(page, 'ArrowLeft', 2); // 目录
  await page.keyboard.press('Enter');
  // The panel's sections, its close button, then the page's own actions.
  const targets = await inView(page, (shadow) => [...shadow.querySelectorAll('[data-yl-target]')].map((b) => b.dataset.ylTarget));
  assert.equal(targets.length, 11, 'two parts of five and four sections');
  const order = [];
  for (let i = 0; i < targets.length + 3; i += 1) {
    const where = await focused(page);
    order.push(where?.tool ?? where?.target ?? (where?.text === '收起' ? 'close' : `${where?.tag} ${where?.text}`));
    await page.keyboard.press('Tab');
  }
  assert.deepEqual(order, [...targets, 'close', 'button 打印', 'button 关闭']);
});

browserTest('字号 by keyboard: steps to 300%, stops there, says so; back down to 100%', {}, async (page) => {
  await mountReference(page, { mode: 'elderly' });
  assert.equal((await tabToToolbar(page)).tool, 'larger', '放大, the first tool that can be used at 100%');
  const scales = [];
  for (let i = 0; i < 6; i += 1) {
    await page.keyboard.press('Enter');
    scales.push((await rootState(page)).scale);
  }
  assert.deepEqual(scales, ['1.25', '1.5', '1.75', '2', '2.5', '3']);
  assert.equal(await liveText(page), '字号 300%');
  assert.deepEqual(await toolState(page, 'larger'), { pressed: null, expanded: null, disabled: 'true', tabindex: '0', shown: true, text: '放大' });
  assert.equal((await toolState(page, 'smaller')).disabled, null);
  const size = await inView(page, (shadow) => ({
    paragraph: getComputedStyle(shadow.querySelector('.yl-body p')).fontSize,
    toolbar: getComputedStyle(shadow.querySelector('[data-yl-tool="larger"]')).fontSize,
    status: shadow.getElementById('yl-tb-scale').textContent,
  }));
  assert.deepEqual(size, { paragraph: '60px', toolbar: '20px', status: '字号 300%' }, 'text grows, the toolbar does not');
  // Once more at the end: nothing changes, the reader hears why, focus stays.
  await page.keyboard.press(' ');
  assert.equal((await rootState(page)).scale, '3');
  assert.equal(await liveText(page), '已是最大字号');
  assert.equal((await focused(page)).tool, 'larger', 'aria-disabled keeps the focus');
  assert.deepEqual(await takeEvents(page), [1.25, 1.5, 1.75, 2, 2.5, 3].map((s) => ['scalechange', s]));

  await page.keyboard.press('ArrowLeft'); // 缩小
  await press(page, ' ', 6);
  assert.equal((await rootState(page)).scale, '1');
  assert.equal(await liveText(page), '字号 100%');
  assert.equal((await toolState(page, 'smaller')).disabled, 'true');
  await page.keyboard.press('Enter');
  assert.equal(await liveText(page), '已是最小字号');
});

browserTest('字号 by mouse', {}, async (page) => {
  await mountReference(page, { mode: 'elderly' });
  await page.click('[data-yl-tool="larger"]');
  await page.click('[data-yl-tool="larger"]');
  assert.equal((await rootState(page)).scale, '1.5');
  assert.equal(await liveText(page), '字号 150%');
  await page.click('[data-yl-tool="smaller"]');
  assert.equal((await rootState(page)).scale, '1.25');
  assert.equal((await focused(page))?.tool, 'smaller', 'a clicked tool becomes the tab stop');
  assert.deepEqual((await shownTools(page)).stops, ['smaller']);
});

browserTest('a notice leaves the live region some seconds after it was said, unless another has come since', {}, async (page) => {
  await mountReference(page, { mode: 'elderly' });
  // The timers of ten seconds and more are held, to be run by the test.
  await page.evaluate(() => {
    const { setTimeout, clearTimeout } = window;
    window.held = new Map();
    let next = 1e9;
    window.setTimeout = function (callback, ms, ...rest) {
      if (ms < 10_000) return setTimeout.call(window, callback, ms, ...rest);
      next += 1;
      window.held.set(next, callback);
      return next;
    };
    window.clearTimeout = function (id) {
      if (!window.held.delete(id)) clearTimeout.call(window, id);
    };
    window.runHeld = () => {
      const callbacks = [...window.held.values()];
      window.held.clear();
      for (const callback of callbacks) callback();
      return callbacks.length;
    };
  });
  await page.click('[data-yl-tool="larger"]');
  assert.equal(await liveText(page), '字号 125%');
  await page.click('[data-yl-tool="larger"]');
  assert.equal(await liveText(page), '字号 150%');
  assert.equal(await page.evaluate(() => window.held.size), 1, 'the first notice\'s emptying was called off by the second');
  assert.equal(await page.evaluate(() => window.runHeld()), 1);
  assert.equal(await liveText(page), '', 'the region is empty after it');
  await page.click('[data-yl-tool="smaller"]');
  assert.equal(await liveText(page), '字号 125%', 'said again after that');
  await page.evaluate(() => window.viewer.destroy());
  assert.equal(await page.evaluate(() => window.held.size), 0, 'destroy() calls off the pending emptying');
});

browserTest('配色 by keyboard: the panel opens on the current theme, a choice applies, Escape returns', REDUCED, async (page) => {
  await mountReference(page, { mode: 'elderly' });
  await inView(page, (shadow) => {
    window.article = shadow.querySelector('article');
  });
  await tabToToolbar(page);
  await press(page, 'ArrowRight', 1);
  assert.equal((await focused(page)).tool, 'theme');
  await page.keyboard.press('Enter');
  assert.equal((await toolState(page, 'theme')).expanded, 'true');
  const panel = await inView(page, (shadow) => ({
    shown: !shadow.getElementById('yl-tb-theme').hidden,
    options: [...shadow.querySelectorAll('[data-yl-theme]')].map((b) => b.dataset.ylTheme),
  }));
  assert.deepEqual(panel, { shown: true, options: THEME_CHOICES });
  assert.equal((await focused(page)).theme, 'auto', 'focus on the current theme');
  // The theme already in use, pressed: said, nothing else changes.
  await page.keyboard.press(' ');
  assert.equal(await liveText(page), '配色：跟随系统');
  assert.deepEqual(await takeEvents(page), [], 'no themechange');

  await press(page, 'Tab', 2);
  assert.equal((await focused(page)).theme, 'yellow-on-black');
  // The arrow keys go from choice to choice too, wrapping; Home and End.
  const visited = [];
  for (const key of ['ArrowDown', 'ArrowRight', 'End', 'ArrowDown', 'ArrowUp', 'Home', 'ArrowLeft']) {
    await page.keyboard.press(key);
    visited.push((await focused(page)).theme);
  }
  assert.deepEqual(visited, ['white-on-black', 'black-on-white', 'cream', 'auto', 'cream', 'auto', 'cream']);
  await press(page, 'ArrowLeft', 3);
  assert.equal((await focused(page)).theme, 'yellow-on-black');
  await page.keyboard.press(' ');
  assert.equal((await rootState(page)).theme, 'yellow-on-black');
  assert.equal(await liveText(page), '配色：黑底黄字');
  const pressed = await inView(page, (shadow) => [...shadow.querySelectorAll('[data-yl-theme][aria-pressed="true"]')].map((b) => b.dataset.ylTheme));
  assert.deepEqual(pressed, ['yellow-on-black']);
  const colours = await inView(page, (shadow) => ({
    same: shadow.querySelector('article') === window.article,
    background: getComputedStyle(shadow.querySelector('.yl-view')).backgroundColor,
    text: getComputedStyle(shadow.querySelector('.yl-body p')).color,
  }));
  assert.deepEqual(colours, { same: true, background: 'rgb(0, 0, 0)', text: 'rgb(255, 255, 0)' });
  assert.deepEqual(await takeEvents(page), [['themechange', 'yellow-on-black']]);

  await page.keyboard.press('Escape');
  assert.equal((await toolState(page, 'theme')).expanded, 'false');
  assert.equal(await inView(page, (shadow) => shadow.getElementById('yl-tb-theme').hidden), true);
  assert.equal((await focused(page)).tool, 'theme', 'Escape returns focus to 配色');
});

browserTest('配色 by mouse: click to open and choose, 收起 and a click outside close it', {}, async (page) => {
  await mountReference(page, { mode: 'elderly' });
  await page.click('[data-yl-tool="theme"]');
  await page.click('[data-yl-theme="cream"]');
  assert.equal((await rootState(page)).theme, 'cream');
  assert.equal((await toolState(page, 'theme')).expanded, 'true', 'the panel stays open to compare');
  await page.click('[data-yl-theme="white-on-black"]');
  await page.click('.yl-panel:not([hidden]) [data-yl-close]');
  assert.equal((await toolState(page, 'theme')).expanded, 'false');
  assert.equal((await focused(page)).tool, 'theme');
  await page.click('[data-yl-tool="theme"]');
  await page.mouse.click(5, 790);
  assert.equal((await toolState(page, 'theme')).expanded, 'false', 'a click outside the bar closes it');
  await page.click('[data-yl-tool="theme"]');
  await page.click('[data-yl-tool="theme"]');
  assert.equal((await toolState(page, 'theme')).expanded, 'false', 'its button closes it');
  assert.deepEqual(await takeEvents(page), [
    ['themechange', 'cream'],
    ['themechange', 'white-on-black'],
  ]);
});

/** Whether the panel of `tool` is open, as its button and the panel say. */
async function panelOpen(page, tool) {
  const expanded = (await toolState(page, tool)).expanded;
  const shown = await inView(page, (shadow, name) => !shadow.getElementById(`yl-tb-${name}`).hidden, tool);
  assert.equal(expanded === 'true', shown, `aria-expanded (${expanded}) says what is shown (${shown})`);
  return shown;
}

browserTest('a panel closes when focus leaves it and its tool: Tab past it never lands under it', REDUCED, async (page) => {
  // A document whose text starts with a link, right under where the panels
  // drop down.
  await openWithPackage(page);
  await page.evaluate(() => {
    const doc = window.yilan.parseJson(
      JSON.stringify({
        version: 1,
        title: '关于做好老年人助餐服务的通知',
        body: [
          {
            type: 'paragraph',
            text: '详见附件。',
            inlines: [{ text: '详见' }, { text: '附件', href: 'https://example.gov.cn/a.pdf' }, { text: '。' }],
          },
          { type: 'paragraph', text: '各街道要按时完成。' },
        ],
      }),
    );
    window.viewer = window.yilan.mount(document.querySelector('#view'), doc, { mode: 'elderly' });
  });
  for (const tool of ['theme', 'rate', 'outline']) {
    await tabToToolbar(page);
    await page.keyboard.press('Home');
    await press(page, 'ArrowRight', TOOLS.indexOf(tool));
    assert.equal((await focused(page)).tool, tool);
    await page.keyboard.press('Enter');
    assert.equal(await panelOpen(page, tool), true);
    // Back to its own tool (from the current choice, which may not be the
    // first) and into the panel again: it stays open.
    for (let i = 0; i < 5 && (await focused(page))?.tool !== tool; i += 1) {
      await page.keyboard.press('Shift+Tab');
      if ((await focused(page))?.tool !== tool) assert.equal(await panelOpen(page, tool), true, 'moving inside the panel keeps it open');
    }
    assert.equal((await focused(page)).tool, tool);
    assert.equal(await panelOpen(page, tool), true, 'its own tool keeps it open');
    await page.keyboard.press('Tab');
    assert.equal(await panelOpen(page, tool), true);
    // Tab through the panel and out of it, onto the link in the text.
    let where = await focused(page);
    for (let i = 0; i < 10 && where?.text !== '收起'; i += 1) {
      await page.keyboard.press('Tab');
      where = await focused(page);
    }
    assert.equal(where.text, '收起', 'the panel ends with 收起');
    await page.keyboard.press('Tab');
    where = await focused(page);
    assert.equal(where.tag, 'a', `Tab leaves the panel for the link: ${JSON.stringify(where)}`);
    assert.equal(await panelOpen(page, tool), false, `${tool}: the panel closed as focus left it`);
    const seen = await inView(page, (shadow) => {
      const link = shadow.activeElement;
      const rect = link.getBoundingClientRect();
      return shadow.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2) === link;
    });
    assert.ok(seen, 'the focused link is not covered');
    assert.equal((await toolState(page, tool)).tabindex, '0', 'Shift+Tab would go back to its tool');
  }
  // Focus leaving the page altogether: to the page outside the view.
  await tabToToolbar(page);
  await page.keyboard.press('Home');
  await press(page, 'ArrowRight', 2);
  await page.keyboard.press('Enter');
  assert.equal(await panelOpen(page, 'theme'), true);
  await page.evaluate(() => document.getElementById('tab-start').focus());
  assert.equal(await panelOpen(page, 'theme'), false, 'focus outside the view closes it too');
  // Escape still returns focus to the tool.
  await tabToToolbar(page);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Escape');
  assert.equal(await panelOpen(page, 'theme'), false);
  assert.equal((await focused(page)).tool, 'theme');
});

browserTest('目录 by keyboard: choosing a section moves focus to its heading, in view below the bar', REDUCED, async (page) => {
  await mountReference(page, { mode: 'elderly' });
  await tabToToolbar(page);
  await page.keyboard.press('End');
  await press(page, 'ArrowLeft', 2);
  assert.equal((await focused(page)).tool, 'outline');
  await page.keyboard.press('Enter');
  assert.equal((await toolState(page, 'outline')).expanded, 'true');
  const entries = await inView(page, (shadow) =>
    [...shadow.querySelectorAll('[data-yl-target]')].map((b) => [b.dataset.ylTarget, b.textContent, b.parentElement.dataset.depth]),
  );
  assert.deepEqual(entries.slice(0, 3), [
    ['yl-s1-h', '一、2023年工作总结', '1'],
    ['yl-s1-2-h', '(一)重点项目加速推进。', '2'],
    ['yl-s1-3-h', '(二)特色产业提质增效。', '2'],
  ]);
  assert.equal((await focused(page)).target, 'yl-s1-h');
  const second = entries.findIndex(([, text]) => text.startsWith('二、'));
  assert.ok(second > 0, 'the second part is listed');
  // ↑ and ↓ go from entry to entry and wrap, Home and End to the ends;
  // ← and → do nothing here.
  await page.keyboard.press('ArrowUp');
  assert.equal((await focused(page)).target, entries.at(-1)[0]);
  await page.keyboard.press('Home');
  await press(page, 'ArrowDown', 2);
  assert.equal((await focused(page)).target, entries[2][0]);
  await page.keyboard.press('ArrowRight');
  assert.equal((await focused(page)).target, entries[2][0]);
  await page.keyboard.press('End');
  assert.equal((await focused(page)).target, entries.at(-1)[0]);
  await page.keyboard.press('Home');
  // Tab goes through them too.
  await press(page, 'Tab', second);
  await page.keyboard.press('Enter');
  const where = await focused(page);
  assert.equal(where.id, entries[second][0]);
  assert.match(where.text, /^二、2024年工作计划/);
  const geometry = await inView(page, (shadow, id) => {
    const heading = shadow.getElementById(id);
    return {
      tabindex: heading.getAttribute('tabindex'),
      top: heading.getBoundingClientRect().top,
      bar: shadow.querySelector('.yl-toolbar').getBoundingClientRect().bottom,
      viewport: innerHeight,
      panelHidden: shadow.getElementById('yl-tb-outline').hidden,
    };
  }, entries[second][0]);
  assert.equal(geometry.tabindex, '-1');
  assert.equal(geometry.panelHidden, true);
  assert.ok(geometry.top >= geometry.bar, `the heading (top ${geometry.top}) is not under the bar (bottom ${geometry.bar})`);
  assert.ok(geometry.top < geometry.bar + 60, `the heading is at the top of the reading area (${geometry.top})`);
  // Shift+Tab from the heading goes back to the toolbar's tab stop.
  await page.keyboard.press('Shift+Tab');
  assert.equal((await focused(page))?.tool, 'outline');
});

browserTest('朗读 keeps its place when reading starts and 停止 comes in: a second click there pauses', {}, async (page) => {
  await withFake(page, { mode: 'hold' });
  await mountReading(page);
  const box = () => inView(page, (shadow) => {
    const rect = shadow.querySelector('[data-yl-tool="read"]').getBoundingClientRect();
    return { x: Math.round(rect.left), y: Math.round(rect.top), width: Math.round(rect.width) };
  });
  const before = await box();
  // Near the button's left edge, where a move of half 停止's width would miss it.
  await page.mouse.click(before.x + 4, before.y + 20);
  await until(page, () => window.viewer.speechState === 'speaking');
  assert.equal((await toolState(page, 'stop')).shown, true);
  assert.deepEqual(await box(), before);
  await page.mouse.click(before.x + 4, before.y + 20);
  assert.equal(await state(page), 'paused');
});

browserTest('目录 by mouse, and Escape from inside it', REDUCED, async (page) => {
  await mountReference(page, { mode: 'elderly' });
  await page.click('[data-yl-tool="outline"]');
  await page.click('[data-yl-target="yl-s2-3-h"]');
  const where = await focused(page);
  assert.equal(where.id, 'yl-s2-3-h');
  assert.equal(await inView(page, (shadow) => shadow.querySelector('.yl-toolbar').getBoundingClientRect().top), 0, 'the bar stays on screen');
  await page.click('[data-yl-tool="outline"]');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Escape');
  assert.equal((await toolState(page, 'outline')).expanded, 'false');
  assert.equal((await focused(page)).tool, 'outline');
});

browserTest('朗读 and 指读 say plainly when the browser cannot speak', {}, async (page) => {
  await page.addInitScript(() => {
    delete window.speechSynthesis;
  });
  await mountReference(page, { mode: 'elderly' });
  for (const tool of ['read', 'point']) {
    assert.equal((await toolState(page, tool)).disabled, 'true');
  }
  assert.deepEqual(await speechNote(page), { text: '本浏览器不支持朗读', shown: true, describes: true });
  // (force: Playwright will not click an aria-disabled button; a reader can.)
  await page.click('[data-yl-tool="read"]', { force: true });
  assert.equal(await liveText(page), '本浏览器不支持朗读，请换用其他浏览器');
  await tabToToolbar(page);
  assert.equal((await focused(page)).tool, 'read', 'the clicked tool is the tab stop');
  await page.keyboard.press('ArrowRight');
  assert.equal((await focused(page)).tool, 'point');
  await page.keyboard.press('Enter');
  assert.equal(await liveText(page), '本浏览器不支持朗读，请换用其他浏览器');
  assert.equal((await toolState(page, 'point')).pressed, 'false', '指读 stays off');
});

browserTest('阅读辅助线 follows the pointer and the focus, and stays out of the way', {}, async (page) => {
  await mountReference(page, { mode: 'elderly' });
  const guide = () =>
    inView(page, (shadow) => {
      const band = shadow.querySelector('.yl-guide');
      const rect = band.getBoundingClientRect();
      const style = getComputedStyle(band);
      return { shown: style.display !== 'none', centre: Math.round(rect.top + rect.height / 2), height: Math.round(rect.height), events: style.pointerEvents, hidden: band.getAttribute('aria-hidden') };
    });
  assert.equal((await guide()).shown, false);
  await page.click('[data-yl-tool="guide"]');
  assert.equal((await toolState(page, 'guide')).pressed, 'true');
  assert.equal((await rootState(page)).guide, 'on');
  assert.equal(await liveText(page), '阅读辅助线已打开');
  await page.mouse.move(400, 500);
  const band = await guide();
  assert.deepEqual([band.shown, band.events, band.hidden], [true, 'none', 'true']);
  assert.ok(Math.abs(band.centre - 500) <= 1, `centred on the pointer: ${band.centre}`);
  assert.ok(band.height >= 36 && band.height <= 60, `one line high: ${band.height}`);
  await page.mouse.move(400, 620);
  assert.ok(Math.abs((await guide()).centre - 620) <= 1);
  // Reaching for a tool leaves the band on the text.
  const larger = await inView(page, (shadow) => {
    const rect = shadow.querySelector('[data-yl-tool="larger"]').getBoundingClientRect();
    return [rect.left + rect.width / 2, rect.top + rect.height / 2];
  });
  await page.mouse.move(larger[0], larger[1]);
  assert.ok(Math.abs((await guide()).centre - 620) <= 1, 'the band stays off the toolbar');
  // A click through the band reaches the text under it.
  const under = await inView(page, (shadow) => shadow.elementFromPoint(400, 620)?.className ?? '');
  assert.ok(!String(under).includes('yl-guide'), 'the band takes no clicks');

  // The keyboard: the band moves to what takes focus.
  await tabToToolbar(page);
  await page.keyboard.press('Tab');
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const target = await inView(page, (shadow) => {
    const rect = shadow.activeElement.getBoundingClientRect();
    return Math.round(rect.top + Math.min(rect.height, 60) / 2);
  });
  assert.ok(Math.abs((await guide()).centre - target) <= 1, `follows the focus to ${target}`);

  await page.click('[data-yl-tool="guide"]');
  assert.equal((await guide()).shown, false);
  assert.equal(await liveText(page), '阅读辅助线已关闭');
});

browserTest('大鼠标 shows a large cursor in the theme\'s colours, and turns off again', {}, async (page) => {
  await mountReference(page, { mode: 'elderly', theme: 'yellow-on-black' });
  const cursors = () =>
    inView(page, (shadow) => ['.yl-body p', '[data-yl-tool="cursor"]', '[data-yl-tool="smaller"]', 'h1'].map((s) => getComputedStyle(shadow.querySelector(s)).cursor));
  assert.deepEqual(await cursors(), ['auto', 'pointer', 'not-allowed', 'auto']);
  await page.click('[data-yl-tool="cursor"]');
  assert.equal((await rootState(page)).cursor, 'large');
  assert.equal((await toolState(page, 'cursor')).pressed, 'true');
  assert.equal(await liveText(page), '大鼠标已打开');
  for (const cursor of await cursors()) {
    assert.match(cursor, /^url\("data:image\/svg\+xml,.*fill='%23ffff00' stroke='%23000000'.*"\) 6 3, auto$/, 'yellow on black, everywhere');
  }
  await page.keyboard.press('Enter');
  assert.equal((await rootState(page)).cursor, 'normal');
  assert.equal(await liveText(page), '大鼠标已关闭');
});

browserTest('退出老年模式 and 进入老年模式: the toggle keeps focus, changes its label, says so', {}, async (page) => {
  await mountReference(page, { mode: 'elderly' });
  await tabToToolbar(page);
  await page.keyboard.press('End');
  let toggle = await toolState(page, 'mode');
  assert.equal(toggle.text, '退出老年模式');
  assert.equal(toggle.pressed, null, 'a label-changing toggle, no aria-pressed');
  await page.keyboard.press('Enter');
  assert.equal((await rootState(page)).mode, 'standard');
  toggle = await toolState(page, 'mode');
  assert.equal(toggle.text, '进入老年模式');
  assert.equal(await liveText(page), '已退出老年模式');
  assert.equal((await focused(page)).tool, 'mode', 'focus stays on the toggle');
  assert.deepEqual(await shownTools(page), { shown: ['mode'], stops: ['mode'] }, 'standard mode shows the toggle alone');
  const size = await inView(page, (shadow) => getComputedStyle(shadow.querySelector('.yl-body p')).fontSize);
  assert.equal(size, '17px');
  await page.keyboard.press(' ');
  assert.equal((await rootState(page)).mode, 'elderly');
  assert.equal(await liveText(page), '已进入老年模式');
  assert.deepEqual(await takeEvents(page), [
    ['modechange', 'standard'],
    ['modechange', 'elderly'],
  ]);
  // Mouse, from standard mode with the tab stop elsewhere before.
  await page.keyboard.press('Home');
  await page.click('[data-yl-tool="mode"]');
  assert.deepEqual((await shownTools(page)).stops, ['mode']);
  await page.click('[data-yl-tool="mode"]');
  assert.equal((await rootState(page)).mode, 'elderly');
});

browserTest('a panel closes when the mode leaves elderly, and keys with modifiers are left alone', {}, async (page) => {
  await mountReference(page, { mode: 'elderly' });
  await page.click('[data-yl-tool="outline"]');
  await callInPage(page, () => window.viewer.setMode('standard'));
  assert.equal(await inView(page, (shadow) => shadow.getElementById('yl-tb-outline').hidden), true);
  await callInPage(page, () => window.viewer.setMode('elderly'));
  assert.equal((await toolState(page, 'outline')).expanded, 'false');
  const stop = await tabToToolbar(page);
  await page.keyboard.press('Alt+ArrowRight');
  await page.keyboard.press('Control+End');
  assert.equal((await focused(page))?.tool, stop.tool);
});

browserTest('the toolbar speaks English and Traditional Chinese when asked', {}, async (page) => {
  await mountReference(page, { mode: 'elderly', locale: 'en' });
  assert.equal((await toolState(page, 'larger')).text, 'Larger');
  await page.click('[data-yl-tool="larger"]');
  assert.equal(await liveText(page), 'Text size 125%');
  assert.equal(await inView(page, (shadow) => shadow.querySelector('[role="toolbar"]').closest('[lang]').lang), 'en');
  await mountReference(page, { mode: 'elderly', locale: 'zh-TW' });
  assert.equal((await toolState(page, 'cursor')).text, '大滑鼠');
});

browserTest('the guide and the large cursor show only in elderly mode, whose toolbar turns them off', {}, async (page) => {
  await mountReference(page, { mode: 'elderly' });
  await page.click('[data-yl-tool="guide"]');
  await page.click('[data-yl-tool="cursor"]');
  const look = () =>
    inView(page, (shadow) => ({
      guide: getComputedStyle(shadow.querySelector('.yl-guide')).display,
      cursor: getComputedStyle(shadow.querySelector('.yl-body p')).cursor.startsWith('url(') ? 'large' : 'normal',
    }));
  assert.deepEqual(await look(), { guide: 'block', cursor: 'large' });
  await page.click('[data-yl-tool="mode"]');
  assert.deepEqual(await look(), { guide: 'none', cursor: 'normal' });
  assert.deepEqual(await rootState(page), { mode: 'standard', theme: 'auto', scale: '1', guide: 'on', cursor: 'large' }, 'the choices are kept');
  await page.click('[data-yl-tool="mode"]');
  assert.deepEqual(await look(), { guide: 'block', cursor: 'large' });
});

browserTest('every control of the bar and its panels is at least 60 × 60 px, with a text label', {}, async (page) => {
  await mountReference(page, { mode: 'elderly' });
  const small = [];
  for (const panel of [null, 'theme', 'outline']) {
    if (panel) await page.click(`[data-yl-tool="${panel}"]`);
    small.push(
      ...(await inView(page, (shadow) =>
        [...shadow.querySelectorAll('.yl-toolbar button')]
          .filter((button) => button.getClientRects().length > 0)
          .map((button) => {
            const rect = button.getBoundingClientRect();
            return { label: button.innerText.trim(), width: rect.width, height: rect.height };
          })
          .filter((button) => button.width < 60 || button.height < 60 || button.label === ''),
      )),
    );
  }
  assert.deepEqual(small, []);
});

// The demo portal page (www/index.html) in Chromium, used as a reader uses
// it: its own 进入老年模式 / 退出老年模式 links show and leave the reading view
// through the embed (pkg/embed.js, one script tag); the page is restored exactly, and leaving is
// said to screen readers; the reader's choices
// survive a reload; storage failures change nothing; at 320 px and scale 3
// nothing scrolls sideways. And the developer page.

import assert from 'node:assert/strict';

import { assertNoViolations } from './axe.mjs';
import { STAGED } from './embed-pages.mjs';
import { PORTAL_PAGE, browserTest, open } from './harness.mjs';
import { STORAGE_THROWS, focused, inView, liveText, rootState, shownTools } from './viewer-helpers.mjs';

/** The page's own state: what must be the same after the view is left. */
function pageState(page) {
  return page.evaluate((staged) => {
    // A view the embed staged ahead again (inert, transparent) is its own.
    const body = document.body.cloneNode(true);
    for (const element of body.querySelectorAll(staged)) element.remove();
    return { body: body.innerHTML, scroll: Math.round(scrollY), hits: document.getElementById('hits').textContent };
  }, STAGED);
}

/** Clicks 进入老年模式 and waits until the view is in and announced. */
async function enter(page, how = 'mouse') {
  if (how === 'mouse') {
    await page.click('#enter-elderly');
  } else if (how === 'in place') {
    // A click where the page is scrolled to (page.click would scroll the
    // link into view first).
    await page.evaluate(() => document.getElementById('enter-elderly').click());
  } else {
    await page.focus('#enter-elderly');
    await page.keyboard.press('Enter');
  }
  await page.waitForSelector('yilan-embed-view:not([inert]) yilan-view');
  await page.waitForFunction(() => document.querySelector('yilan-embed-view:not([inert]) yilan-view').shadowRoot.getElementById('yl-tb-live').textContent !== '');
}

browserTest('the portal page works on its own: its scripts, its font-size widget', {}, async (page) => {
  await open(page, PORTAL_PAGE);
  await page.waitForFunction(() => document.getElementById('hits').textContent === '1024');
  await page.click('.font-size [data-size="18"]');
  assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('zoom')).fontSize), '18px');
  assert.equal(await page.evaluate(() => document.querySelector('yilan-embed-view:not([inert]) yilan-view')), null, 'no view until asked');
});

browserTest('进入老年模式 shows the view over the page; 退出老年模式 restores the page exactly', {}, async (page) => {
  await open(page, PORTAL_PAGE);
  await page.waitForFunction(() => document.getElementById('hits').textContent === '1024');
  await page.evaluate(() => window.scrollTo(0, 300));
  const before = await pageState(page);
  assert.equal(before.scroll, 300);
  await enter(page, 'in place');
  assert.equal(await liveText(page), '已进入老年模式');
  const shown = await page.evaluate(() => {
    const host = document.querySelector('yilan-embed-view:not([inert]) yilan-view').parentElement;
    return {
      host: host.localName,
      // The last child of <body>; the page's own elements are inert.
      hostLast: host === document.body.lastElementChild,
      pageInert: [...document.body.children].filter((element) => !element.localName.startsWith('yilan-')).every((element) => element.inert),
      covers: host.getBoundingClientRect().toJSON(),
      scroll: scrollY,
    };
  });
  assert.deepEqual(shown, {
    host: 'yilan-embed-view',
    hostLast: true,
    pageInert: true,
    covers: { x: 0, y: 0, left: 0, top: 0, width: 1280, height: 800, right: 1280, bottom: 800 },
    scroll: 300,
  });
  assert.deepEqual(await rootState(page), { mode: 'elderly', theme: 'auto', scale: '1', guide: 'off', cursor: 'normal' });
  const focus = await focused(page);
  assert.equal(focus.tool, 'larger', 'focus moves to the toolbar, on its first tool that can be used (缩小 cannot at 100%)');
  const view = await inView(page, (shadow) => ({
    title: shadow.querySelector('h1').textContent,
    sections: shadow.querySelectorAll('.yl-section').length,
    meta: shadow.querySelectorAll('.yl-meta-item').length,
  }));
  assert.deepEqual(view, { title: '上盘镇2023年工作总结及2024年工作计划', sections: 11, meta: 8 });

  await page.click('[data-yl-tool="mode"]');
  await page.waitForFunction(() => !document.querySelector('yilan-embed-view:not([inert]) yilan-view'));
  assert.deepEqual(await pageState(page), before, 'the page, its scroll position and its counter are as they were');
  assert.equal((await focused(page))?.id, 'enter-elderly', 'focus returns to the link');
  // Its own scripts still work.
  await page.click('.font-size [data-size="14"]');
  assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('zoom')).fontSize), '14px');
});

browserTest('the same by keyboard: Enter on the link, End and Enter in the toolbar', {}, async (page) => {
  await open(page, PORTAL_PAGE);
  const before = await pageState(page);
  await enter(page, 'keyboard');
  assert.equal((await focused(page)).tool, 'larger');
  await page.keyboard.press('End');
  assert.equal((await focused(page)).tool, 'mode');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !document.querySelector('yilan-embed-view:not([inert]) yilan-view'));
  assert.deepEqual(await pageState(page), before);
  assert.equal((await focused(page))?.id, 'enter-elderly');
  // And in again.
  await page.keyboard.press('Enter');
  await page.waitForSelector('yilan-embed-view:not([inert]) yilan-view');
});

/** The embed's status line: its words, whether it is out of sight, and what a screen reader gets of it. */
async function statusLine(page) {
  const line = await page.evaluate(() => {
    const status = document.querySelector('yilan-embed').shadowRoot.querySelector('[role="status"]');
    const box = status.getBoundingClientRect();
    return { text: status.textContent, unseen: box.width <= 1 && box.height <= 1 };
  });
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  const byId = new Map(nodes.map((node) => [node.nodeId, node]));
  const said = (node) =>
    node.role?.value === 'StaticText' && !node.ignored ? node.name?.value ?? '' : (node.childIds ?? []).map((id) => said(byId.get(id))).join('');
  const live = nodes.filter((node) => !node.ignored && node.role?.value === 'status').map((node) => said(node));
  return { ...line, live };
}

browserTest('退出老年模式 is said to screen readers once the view is gone, by the embed\'s status line out of sight', {}, async (page) => {
  await open(page, PORTAL_PAGE);
  await enter(page, 'keyboard');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !document.querySelector('yilan-embed-view:not([inert]) yilan-view'));
  assert.equal((await focused(page))?.id, 'enter-elderly', 'the focus is on the toggle first');
  await page.waitForFunction(() => document.querySelector('yilan-embed').shadowRoot.querySelector('[role="status"]').textContent !== '', null, { timeout: 5000 });
  assert.deepEqual(await statusLine(page), { text: '已退出老年模式', unseen: true, live: ['已退出老年模式'] });
  // In the mode again, the line says nothing (the view says it is in).
  await page.keyboard.press('Enter');
  await page.waitForSelector('yilan-embed-view:not([inert]) yilan-view');
  assert.equal((await statusLine(page)).text, '');
});

browserTest('after a reload the view comes back as the reader left it, right from its first frame', {}, async (page) => {
  await open(page, PORTAL_PAGE);
  await enter(page);
  await page.click('[data-yl-tool="theme"]');
  await page.click('[data-yl-theme="yellow-on-black"]');
  await page.click('[data-yl-tool="theme"]');
  await page.click('[data-yl-tool="larger"]');
  await page.click('[data-yl-tool="larger"]');
  await page.click('[data-yl-tool="guide"]');
  await page.click('[data-yl-tool="cursor"]');
  const chosen = { mode: 'elderly', theme: 'yellow-on-black', scale: '1.5', guide: 'on', cursor: 'large' };
  assert.deepEqual(await rootState(page), chosen);

  // Watch the reloaded page: the view's state when it is inserted and in
  // the first animation frame after (the frame that paints it).
  await page.addInitScript(() => {
    window.frames = [];
    const describe = (when, root) => {
      const p = root.querySelector('.yl-body p');
      window.frames.push({
        when,
        state: ['data-mode', 'data-theme', 'data-scale', 'data-guide', 'data-cursor'].map((n) => root.getAttribute(n)).join(' '),
        background: getComputedStyle(root).backgroundColor,
        fontSize: getComputedStyle(p).fontSize,
        guide: getComputedStyle(root.querySelector('.yl-guide')).display,
      });
    };
    new MutationObserver((records, observer) => {
      const view = document.querySelector('yilan-embed-view:not([inert]) yilan-view');
      if (!view) return;
      observer.disconnect();
      const root = view.shadowRoot.querySelector('.yl-view');
      describe('inserted', root);
      requestAnimationFrame(() => describe('first frame', root));
    }).observe(document, { childList: true, subtree: true });
  });
  await page.reload();
  await page.waitForFunction(() => window.frames?.length === 2);
  const frames = await page.evaluate(() => window.frames);
  const expected = { state: 'elderly yellow-on-black 1.5 on large', background: 'rgb(0, 0, 0)', fontSize: '30px', guide: 'block' };
  assert.deepEqual(frames, [
    { when: 'inserted', ...expected },
    { when: 'first frame', ...expected },
  ]);
  assert.deepEqual(await rootState(page), chosen);
  // Leaving the view is remembered too.
  await page.click('[data-yl-tool="mode"]');
  await page.reload();
  await page.waitForFunction(() => document.getElementById('hits').textContent === '1024');
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => document.querySelector('yilan-embed-view:not([inert]) yilan-view')), null);
});

browserTest('with localStorage throwing, the links and the toolbar still work', {}, async (page) => {
  await page.addInitScript(STORAGE_THROWS);
  await open(page, PORTAL_PAGE);
  const before = await pageState(page);
  await enter(page);
  await page.click('[data-yl-tool="larger"]');
  await page.click('[data-yl-tool="cursor"]');
  assert.deepEqual(await rootState(page), { mode: 'elderly', theme: 'auto', scale: '1.25', guide: 'off', cursor: 'large' });
  await page.click('[data-yl-tool="mode"]');
  await page.waitForFunction(() => !document.querySelector('yilan-embed-view:not([inert]) yilan-view'));
  assert.deepEqual(await pageState(page), before);
  // Back in, in the same session: the reader's choices held.
  await enter(page);
  assert.deepEqual(await rootState(page), { mode: 'elderly', theme: 'auto', scale: '1.25', guide: 'off', cursor: 'large' });
});

browserTest('at 320 px and scale 3, with the toolbar, nothing scrolls sideways', { viewport: { width: 320, height: 640 } }, async (page) => {
  await open(page, PORTAL_PAGE);
  await enter(page);
  // The narrow bar folds the tools behind 更多工具.
  await page.click('[data-yl-tool="more"]');
  for (let i = 0; i < 6; i += 1) {
    await page.click('[data-yl-tool="larger"]');
  }
  assert.equal((await rootState(page)).scale, '3');
  for (const panel of [null, 'theme', 'rate', 'outline']) {
    if (panel) await page.click(`[data-yl-tool="${panel}"]`);
    const widths = await inView(page, (shadow) => ({
      scrollWidth: document.querySelector('yilan-embed-view:not([inert])').scrollWidth,
      clientWidth: document.querySelector('yilan-embed-view:not([inert])').clientWidth,
      outside: [...shadow.querySelectorAll('.yl-toolbar button, .yl-toolbar .yl-scale-status')]
        .filter((element) => element.getClientRects().length > 0)
        .filter((element) => {
          const rect = element.getBoundingClientRect();
          return rect.left < 0 || rect.right > document.querySelector('yilan-embed-view:not([inert])').clientWidth;
        })
        .map((element) => element.textContent),
      sticky: getComputedStyle(shadow.querySelector('.yl-toolbar')).position,
    }));
    assert.ok(widths.scrollWidth <= widths.clientWidth, `${panel ?? 'no panel'}: ${widths.scrollWidth}px wide in ${widths.clientWidth}px`);
    assert.deepEqual(widths.outside, [], `${panel ?? 'no panel'}: every control on screen`);
    assert.equal(widths.sticky, 'sticky', 'the bar, one line high when folded, stays reachable');
    if (panel) await page.click(`[data-yl-tool="${panel}"]`);
  }
  assert.deepEqual((await shownTools(page)).shown.length, 12, '更多工具 and the eleven tools');
});

browserTest('the developer page: model JSON in, viewer out, controls through the API, errors with code and path', {}, async (page) => {
  await open(page, '/developer.html');
  await page.waitForSelector('#viewer yilan-view');
  assert.equal(await inView(page, (shadow) => shadow.querySelector('h1').textContent), '关于做好2024年老年人助餐服务的通知');
  await page.selectOption('#mode', 'elderly');
  await page.selectOption('#theme', 'cream');
  await page.selectOption('#scale', '2');
  assert.deepEqual(await rootState(page), { mode: 'elderly', theme: 'cream', scale: '2', guide: 'off', cursor: 'normal' });
  const log = await page.evaluate(() => [...document.querySelectorAll('#events li')].map((li) => li.textContent).reverse());
  assert.deepEqual(log, ['modechange: "elderly"', 'themechange: "cream"', 'scalechange: 2']);
  // The toolbar's changes show in the controls.
  await page.click('[data-yl-tool="smaller"]');
  assert.equal(await page.inputValue('#scale'), '1.75');
  // A bad model: the error's code and path.
  await page.fill('#model', '{"version": 1, "title": null, "body": [{"type": "section", "level": 9, "marker": "", "heading": "x", "blocks": []}]}');
  await page.click('#show');
  const error = await page.textContent('#error');
  assert.match(error, /code = value, path = body\[0\]\.level/);
  await page.fill('#model', '{"version": 1, "title": "好"}');
  await page.click('#show');
  assert.equal(await page.isHidden('#error'), true);
  assert.equal(await inView(page, (shadow) => shadow.querySelector('h1').textContent), '好');
  assert.equal(await page.evaluate(() => document.querySelectorAll('yilan-view').length), 1, 'the old view was destroyed');
  // The new view's events are logged once: the old views' listeners went with them.
  await page.evaluate(() => document.querySelector('#events').replaceChildren());
  await page.selectOption('#scale', '3');
  const again = await page.evaluate(() => [...document.querySelectorAll('#events li')].map((li) => li.textContent));
  assert.deepEqual(again, ['scalechange: 3']);
  // Destroyed: nothing for the controls to change.
  await page.click('#destroy');
  const disabled = await page.evaluate(() => ['mode', 'theme', 'scale', 'destroy'].map((id) => document.getElementById(id).disabled));
  assert.deepEqual(disabled, [true, true, true, true]);
  await page.click('#show');
  assert.equal(await page.isDisabled('#scale'), false);
});

browserTest('the demo portal page itself, with the embed in it, has no axe violations before the mode', {}, async (page) => {
  await open(page, PORTAL_PAGE);
  await page.waitForSelector('yilan-embed', { state: 'attached' });
  await assertNoViolations(page);
});


// A view built ahead of showing, through the viewer's API in Chromium:
// mounted into an element not yet in the page, or put in the page inert to
// be laid out first. It listens to nothing of the page, stores nothing and
// says nothing until it is shown.

import assert from 'node:assert/strict';

import { REFERENCE_TEXT, browserTest, openWithPackage } from './harness.mjs';
import { TRACK_LISTENERS } from './viewer-helpers.mjs';

browserTest('announce: a view mounted into an element not yet in the page says its mode once it is put in', {}, async (page) => {
  await openWithPackage(page);
  const live = () =>
    page.evaluate(() => window.detached.querySelector('yilan-view').shadowRoot.getElementById('yl-tb-live').textContent.trim());
  await page.evaluate((text) => {
    window.detached = document.createElement('div');
    window.yilan.mount(window.detached, window.yilan.parseText(text), { mode: 'elderly', announce: true, storage: null });
  }, REFERENCE_TEXT);
  // Well past the delay after mounting: nothing is said while out of the page.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
  assert.equal(await live(), '', 'silent while detached');
  await page.evaluate(() => document.querySelector('#view').append(window.detached));
  await page.waitForFunction(
    () => window.detached.querySelector('yilan-view').shadowRoot.getElementById('yl-tb-live').textContent.trim() !== '',
  );
  assert.match(await live(), /已进入老年模式/);
});

browserTest('a view mounted detached listens to nothing of the page and stores nothing until it is put in', {}, async (page) => {
  await page.addInitScript(TRACK_LISTENERS);
  await openWithPackage(page);
  // The kinds a view listens to outside itself (the harness adds other kinds of its own).
  const kinds = ['pagehide', 'pointerdown', 'visibilitychange', 'voiceschanged'];
  const listening = () => page.evaluate((names) => window.pageListenerTypes().filter((type) => names.includes(type)), kinds);
  const before = await listening();
  await page.evaluate((text) => {
    window.writes = [];
    const storage = { getItem: () => null, setItem: (key, value) => window.writes.push(JSON.parse(value).theme) };
    window.detached = document.createElement('div');
    window.viewer = window.yilan.mount(window.detached, window.yilan.parseText(text), { mode: 'elderly', storage });
    window.viewer.setTheme('cream');
  }, REFERENCE_TEXT);
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
  assert.deepEqual(await listening(), before, 'nothing added while detached');
  assert.deepEqual(await page.evaluate(() => window.writes), [], 'nothing stored while detached');
  await page.evaluate(() => document.querySelector('#view').append(window.detached));
  await page.waitForFunction(([names, count]) => window.pageListenerTypes().filter((type) => names.includes(type)).length > count, [kinds, before.length]);
  const added = await listening();
  for (const type of before) added.splice(added.indexOf(type), 1);
  const expected = ['pagehide', 'pointerdown', 'visibilitychange'];
  if (await page.evaluate(() => 'speechSynthesis' in window)) expected.push('voiceschanged');
  assert.deepEqual(added, expected, 'listening once in the page');
  assert.deepEqual(await page.evaluate(() => window.writes), ['cream'], 'the preferences as they are, stored once in the page');
  // The press outside the bar that closes a panel is heard.
  const expanded = () =>
    page.evaluate(() => window.detached.querySelector('yilan-view').shadowRoot.querySelector('[data-yl-tool="theme"]').getAttribute('aria-expanded'));
  await page.evaluate(() => window.detached.querySelector('yilan-view').shadowRoot.querySelector('[data-yl-tool="theme"]').click());
  assert.equal(await expanded(), 'true');
  await page.evaluate(() => document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true })));
  assert.equal(await expanded(), 'false', 'a press in the page closes the panel');
  await page.evaluate(() => window.viewer.destroy());
  assert.deepEqual(await listening(), before, 'all gone after destroy');
});

browserTest('a view put in the page inert, to be laid out ahead, is shown once not inert and focused or used, not before', {}, async (page) => {
  await page.addInitScript(TRACK_LISTENERS);
  await openWithPackage(page);
  const kinds = ['pagehide', 'pointerdown', 'visibilitychange'];
  const listening = () => page.evaluate((names) => window.pageListenerTypes().filter((type) => names.includes(type)), kinds);
  const before = await listening();
  const state = () =>
    page.evaluate(() => ({
      writes: window.writes.length,
      said: window.holder.querySelector('yilan-view').shadowRoot.getElementById('yl-tb-live').textContent.trim(),
    }));
  const frames = () => page.evaluate(() => new Promise((resolve) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(resolve)), 300)));
  for (const how of ['focus', 'click']) {
    await page.evaluate((text) => {
      window.writes = [];
      const storage = { getItem: () => null, setItem: (key, value) => window.writes.push(JSON.parse(value)) };
      window.holder = document.createElement('div');
      window.viewer = window.yilan.mount(window.holder, window.yilan.parseText(text), { mode: 'elderly', announce: true, storage });
      window.holder.setAttribute('inert', '');
      document.querySelector('#view').append(window.holder);
    }, REFERENCE_TEXT);
    // Laid out in the page (its bar reported its size), inert: not shown.
    await frames();
    assert.ok(await page.evaluate(() => window.holder.querySelector('yilan-view').shadowRoot.querySelector('.yl-toolbar').getBoundingClientRect().height > 0));
    assert.deepEqual(await state(), { writes: 0, said: '' }, `${how}: nothing stored or said while inert`);
    assert.deepEqual(await listening(), before, `${how}: nothing of the page listened to while inert`);
    await page.evaluate(() => window.holder.removeAttribute('inert'));
    await frames();
    assert.deepEqual(await state(), { writes: 0, said: '' }, `${how}: no longer inert, not yet focused or used`);
    if (how === 'focus') {
      await page.evaluate(() => window.viewer.focus());
    } else {
      await page.evaluate(() => window.holder.querySelector('yilan-view').shadowRoot.querySelector('[data-yl-tool="theme"]').click());
    }
    await page.waitForFunction(() => window.holder.querySelector('yilan-view').shadowRoot.getElementById('yl-tb-live').textContent.includes('老年模式'));
    assert.equal((await state()).writes, 1, `${how}: the preferences stored once shown`);
    assert.equal((await listening()).length, before.length + kinds.length, `${how}: listening once shown`);
    await page.evaluate(() => {
      window.viewer.destroy();
      window.holder.remove();
    });
  }
});

// The reader's preferences in Chromium: stored under one versioned key and
// read back by the next view; a page's options and setters with
// `{ store: false }` shown but not stored; in place before the first
// paint; corrupt, unreadable or unwritable storage, and the `storage`
// option.

import assert from 'node:assert/strict';

import { REFERENCE_TEXT, browserTest, callInPage, open, openWithPackage } from './harness.mjs';
import { STORAGE_THROWS, mountReference, rootState, takeEvents } from './viewer-helpers.mjs';

const KEY = 'yilan:prefs:v1';

/** The reader's own choices, through the viewer's setters: elderly, 黑底白字, 1.75×. */
function chooseElderlyWhiteOnBlack(page) {
  return callInPage(page, () => {
    window.viewer.setMode('elderly');
    window.viewer.setTheme('white-on-black');
    window.viewer.setScale(1.75);
  });
}

browserTest('preferences are stored under one versioned key and read back by the next mount', {}, async (page) => {
  await mountReference(page, {});
  await chooseElderlyWhiteOnBlack(page);
  await page.click('[data-yl-tool="guide"]');
  await page.click('[data-yl-tool="cursor"]');
  const stored = await page.evaluate((key) => ({ keys: Object.keys(localStorage), value: JSON.parse(localStorage.getItem(key)) }), KEY);
  assert.deepEqual(stored, {
    keys: [KEY],
    value: {
      v: 1,
      mode: 'elderly',
      theme: 'white-on-black',
      scale: 1.75,
      guide: true,
      cursor: 'large',
      speechRate: 0.9,
      pointerReading: false,
    },
  });
  const { value } = await callInPage(page, (yilan) => yilan.preferences());
  assert.deepEqual(value, {
    mode: 'elderly',
    theme: 'white-on-black',
    scale: 1.75,
    guide: true,
    cursor: 'large',
    speechRate: 0.9,
    pointerReading: false,
  });
  // A new page of the site: the next view opens as the reader left it.
  await mountReference(page, {});
  assert.deepEqual(await rootState(page), { mode: 'elderly', theme: 'white-on-black', scale: '1.75', guide: 'on', cursor: 'large' });
  // Options given to mount win over the stored preferences.
  await openWithPackage(page);
  await mountReference(page, { mode: 'standard', theme: 'cream' });
  assert.deepEqual(await rootState(page), { mode: 'standard', theme: 'cream', scale: '1.75', guide: 'on', cursor: 'large' });
});

browserTest("options are the page's: shown, not stored over the reader's own, until the reader changes them", {}, async (page) => {
  await mountReference(page, {});
  await chooseElderlyWhiteOnBlack(page);
  const prefs = () => callInPage(page, (yilan) => yilan.preferences()).then(({ value }) => [value.mode, value.theme, value.scale]);
  assert.deepEqual(await prefs(), ['elderly', 'white-on-black', 1.75]);
  // A page's view with options of its own: shown with them, stored as they were.
  await openWithPackage(page);
  await mountReference(page, { mode: 'standard', theme: 'cream', scale: 1 });
  assert.deepEqual(await rootState(page), { mode: 'standard', theme: 'cream', scale: '1', guide: 'off', cursor: 'normal' });
  assert.deepEqual(await prefs(), ['elderly', 'white-on-black', 1.75]);
  // Another of the reader's changes stores that one only.
  await callInPage(page, () => window.viewer.setSpeechRate(1.5));
  assert.deepEqual(await prefs(), ['elderly', 'white-on-black', 1.75]);
  assert.equal((await callInPage(page, (yilan) => yilan.preferences())).value.speechRate, 1.5);
  // What the reader changes is the reader's from then on.
  await callInPage(page, () => window.viewer.setScale(1.25));
  assert.deepEqual(await prefs(), ['elderly', 'white-on-black', 1.25]);
  // A view shown in answer to the reader's action (announce) stores its mode.
  await openWithPackage(page);
  await callInPage(page, () => window.localStorage.setItem('yilan:prefs:v1', JSON.stringify({ v: 1, mode: 'standard' })));
  await mountReference(page, { mode: 'elderly', announce: true });
  assert.equal((await callInPage(page, (yilan) => yilan.preferences())).value.mode, 'elderly');
});

browserTest("a setter with { store: false } is the page's: shown, not stored; the reader choosing the same in the toolbar makes it the reader's", {}, async (page) => {
  await mountReference(page, {});
  await chooseElderlyWhiteOnBlack(page);
  const prefs = () => callInPage(page, (yilan) => yilan.preferences()).then(({ value }) => [value.mode, value.theme, value.scale]);
  assert.deepEqual(await prefs(), ['elderly', 'white-on-black', 1.75]);
  const page_ = await callInPage(page, () => {
    const events = [];
    for (const type of ['modechange', 'themechange', 'scalechange']) {
      document.addEventListener(type, (event) => events.push(`${type} ${event.detail}`));
    }
    window.viewer.setTheme('cream', { store: false });
    window.viewer.setScale(2.5, { store: false });
    window.viewer.setMode('standard', { store: false });
    return events;
  });
  assert.deepEqual(page_.value, ['themechange cream', 'scalechange 2.5', 'modechange standard'], 'the events are as for any change');
  assert.deepEqual(await rootState(page), { mode: 'standard', theme: 'cream', scale: '2.5', guide: 'off', cursor: 'normal' });
  assert.deepEqual(await prefs(), ['elderly', 'white-on-black', 1.75], 'the reader\'s stay stored');
  // The reader picks the theme the page set: nothing changes on the screen, but it is now the reader's.
  await page.click('[data-yl-tool="mode"]');
  await page.click('[data-yl-tool="theme"]');
  await page.click('[data-yl-theme="cream"]');
  assert.deepEqual(await prefs(), ['elderly', 'cream', 1.75]);
  // Without the option, and with `store: true`, a setter stores.
  await callInPage(page, () => window.viewer.setScale(1.25, { store: true }));
  assert.deepEqual(await prefs(), ['elderly', 'cream', 1.25]);
  await callInPage(page, () => window.viewer.setScale(1.5));
  assert.deepEqual(await prefs(), ['elderly', 'cream', 1.5]);
  // A `store` that is no boolean, or options that are no object: an argument error, nothing changed.
  for (const call of [() => window.viewer.setTheme('yellow-on-black', { store: 'no' }), () => window.viewer.setMode('standard', 'quiet')]) {
    const { thrown } = await callInPage(page, call);
    assert.equal(thrown?.code, 'argument', JSON.stringify(thrown));
  }
  assert.deepEqual(await rootState(page), { mode: 'elderly', theme: 'cream', scale: '1.5', guide: 'off', cursor: 'normal' });
});

browserTest('stored preferences are in place when the view is inserted, and do not change after', {}, async (page) => {
  await open(page, '/tests/browser/pages/blank.html');
  await page.evaluate((key) => {
    localStorage.setItem(key, JSON.stringify({ v: 1, mode: 'elderly', theme: 'yellow-on-black', scale: 2.5, guide: true, cursor: 'large' }));
  }, KEY);
  await openWithPackage(page);
  const seen = await page.evaluate((text) => {
    const host = document.querySelector('#view');
    const states = [];
    const describe = (when) => {
      const root = host.querySelector('yilan-view')?.shadowRoot?.querySelector('.yl-view');
      if (!root) return states.push(`${when}: no view`);
      const paragraph = root.querySelector('.yl-body p');
      states.push(
        `${when}: ${['data-mode', 'data-theme', 'data-scale', 'data-guide', 'data-cursor'].map((n) => root.getAttribute(n)).join(' ')} ` +
          `${getComputedStyle(root).backgroundColor} ${getComputedStyle(paragraph).fontSize}`,
      );
    };
    let changes = 0;
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node.nodeName === 'YILAN-VIEW') {
            describe('inserted');
            new MutationObserver((r) => (changes += r.length)).observe(node.shadowRoot.querySelector('.yl-view'), { attributes: true });
          }
        }
      }
    }).observe(host, { childList: true });
    window.yilan.mount(host, window.yilan.parseText(text));
    return new Promise((resolve) => {
      // The first frame with the view in it, then one more.
      requestAnimationFrame(() => {
        describe('first frame');
        requestAnimationFrame(() => {
          describe('second frame');
          resolve({ states, changes });
        });
      });
    });
  }, REFERENCE_TEXT);
  const expected = 'elderly yellow-on-black 2.5 on large rgb(0, 0, 0) 50px';
  assert.deepEqual(seen.states, [`inserted: ${expected}`, `first frame: ${expected}`, `second frame: ${expected}`]);
  assert.equal(seen.changes, 0, 'no attribute of the view root changed after insertion');
});

browserTest('corrupt stored preferences fall back field by field', {}, async (page) => {
  await open(page, '/tests/browser/pages/blank.html');
  await page.evaluate((key) => {
    localStorage.setItem(key, '{"mode":"elderly","theme":"purple","scale":"x","guide":true,"cursor":42}');
  }, KEY);
  await mountReference(page, {});
  assert.deepEqual(await rootState(page), { mode: 'elderly', theme: 'auto', scale: '1', guide: 'on', cursor: 'normal' });
  await open(page, '/tests/browser/pages/blank.html');
  await page.evaluate((key) => localStorage.setItem(key, 'not json'), KEY);
  await mountReference(page, {});
  assert.deepEqual(await rootState(page), { mode: 'standard', theme: 'auto', scale: '1', guide: 'off', cursor: 'normal' });
});

browserTest('when localStorage throws, everything works and preferences last for the session', {}, async (page) => {
  await page.addInitScript(STORAGE_THROWS);
  await mountReference(page, {});
  // The reader's own choice (a mode given to mount is the page's, not stored).
  await callInPage(page, () => window.viewer.setMode('elderly'));
  await takeEvents(page);
  await page.click('[data-yl-tool="larger"]');
  await page.click('[data-yl-tool="guide"]');
  await callInPage(page, () => window.viewer.setTheme('cream'));
  assert.deepEqual(await rootState(page), { mode: 'elderly', theme: 'cream', scale: '1.25', guide: 'on', cursor: 'normal' });
  assert.deepEqual(await takeEvents(page), [
    ['scalechange', 1.25],
    ['themechange', 'cream'],
  ]);
  const { value } = await callInPage(page, (yilan, text) => {
    window.viewer.destroy();
    const again = yilan.mount(document.querySelector('#view'), yilan.parseText(text));
    return { prefs: yilan.preferences(), mode: again.mode, theme: again.theme, scale: again.scale };
  }, REFERENCE_TEXT);
  assert.deepEqual(value, {
    prefs: { mode: 'elderly', theme: 'cream', scale: 1.25, guide: true, cursor: 'normal', speechRate: 0.9, pointerReading: false },
    mode: 'elderly',
    theme: 'cream',
    scale: 1.25,
  });
});

browserTest('when storing fails (quota), the change still happens', {}, async (page) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await mountReference(page, { mode: 'elderly' });
  await page.click('[data-yl-tool="cursor"]');
  await callInPage(page, () => window.viewer.setScale(3));
  assert.deepEqual(await rootState(page), { mode: 'elderly', theme: 'auto', scale: '3', guide: 'off', cursor: 'large' });
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), KEY), null);
});

browserTest('the storage option: null keeps nothing, an object is used instead of localStorage', {}, async (page) => {
  await mountReference(page, { storage: null, mode: 'elderly' });
  await callInPage(page, () => window.viewer.setTheme('cream'));
  assert.equal(await page.evaluate(() => localStorage.length), 0, 'localStorage untouched');
  const { value, thrown } = await callInPage(page, (yilan, text) => {
    const store = new Map([['yilan:prefs:v1', '{"theme":"black-on-white","scale":1.5}']]);
    const storage = { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => store.set(k, v) };
    const host = document.createElement('div');
    document.body.append(host);
    const viewer = yilan.mount(host, yilan.parseText(text), { storage });
    const opened = [viewer.theme, viewer.scale];
    viewer.setScale(2);
    return { opened, stored: JSON.parse(store.get('yilan:prefs:v1')).scale, read: yilan.preferences({ storage }).scale };
  }, REFERENCE_TEXT);
  assert.equal(thrown, undefined, JSON.stringify(thrown));
  assert.deepEqual(value, { opened: ['black-on-white', 1.5], stored: 2, read: 2 });
  // A view kept nowhere still remembers the page's choices for this page.
  const again = await callInPage(page, (yilan) => yilan.preferences({ storage: null }).theme);
  assert.equal(again.value, 'cream');
});

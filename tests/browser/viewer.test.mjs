// The viewer's API in Chromium: mount in a shadow root, the setters, events,
// errors with codes, destroy, preferences and their storage, shadow
// isolation, a strict Content-Security-Policy.

import assert from 'node:assert/strict';

import { REFERENCE_TEXT, browserTest, callInPage, open, openWithPackage } from './harness.mjs';
import {
  STORAGE_THROWS,
  TRACK_LISTENERS,
  inView,
  liveText,
  mountReference,
  rootState,
  takeEvents,
} from './viewer-helpers.mjs';

const KEY = 'yilan:prefs:v1';

browserTest('mount shows the document in an open shadow root with adopted sheets only', {}, async (page) => {
  await openWithPackage(page);
  const before = await page.evaluate(() => ({ sheets: document.styleSheets.length, head: document.head.innerHTML }));
  await mountReference(page, { mode: 'elderly' });
  const view = await inView(page, (shadow) => ({
    mode: shadow.mode,
    adopted: shadow.adoptedStyleSheets.length,
    rules: shadow.adoptedStyleSheets.reduce((n, sheet) => n + sheet.cssRules.length, 0),
    styleElements: shadow.querySelectorAll('style, link').length,
    styleAttributes: shadow.querySelectorAll('[style]').length,
    article: shadow.querySelectorAll('article.yl-view').length,
    toolbar: shadow.querySelector('.yl-view > .yl-toolbar [role="toolbar"]')?.getAttribute('aria-label'),
    title: shadow.querySelector('h1')?.textContent,
    live: shadow.querySelector('[role="status"][aria-live="polite"]') !== null,
    guide: shadow.querySelector('.yl-guide')?.getAttribute('aria-hidden'),
    fontSize: parseFloat(getComputedStyle(shadow.querySelector('.yl-body p')).fontSize),
  }));
  assert.deepEqual(view, {
    mode: 'open',
    adopted: 4,
    rules: view.rules,
    styleElements: 0,
    styleAttributes: 0,
    article: 1,
    toolbar: '阅读工具',
    title: '上盘镇2023年工作总结及2024年工作计划',
    live: true,
    guide: 'true',
    fontSize: 20,
  });
  assert.ok(view.rules > 100, `${view.rules} rules adopted`);
  const after = await page.evaluate(() => ({ sheets: document.styleSheets.length, head: document.head.innerHTML }));
  assert.deepEqual(after, before, 'nothing is added to the page outside the view');
  const { value } = await callInPage(page, () => ({ mode: window.viewer.mode, theme: window.viewer.theme, scale: window.viewer.scale }));
  assert.deepEqual(value, { mode: 'elderly', theme: 'auto', scale: 1 });
});

browserTest('setMode, setTheme and setScale change attributes only and dispatch their events', {}, async (page) => {
  await mountReference(page, {});
  // Every child list change inside the article, but for the two places
  // whose words change (the live region, the current size).
  await inView(page, (shadow) => {
    window.article = shadow.querySelector('article');
    window.structural = [];
    new MutationObserver((records) => {
      for (const record of records) {
        const inside = record.target.closest?.('#yl-tb-live, #yl-tb-scale') ?? record.target.parentElement?.closest('#yl-tb-live, #yl-tb-scale');
        if (record.type === 'childList' && !inside) window.structural.push(record.target.nodeName);
      }
    }).observe(window.article, { childList: true, subtree: true, characterData: true });
  });
  const calls = await callInPage(page, () => {
    const v = window.viewer;
    v.setMode('elderly');
    v.setTheme('yellow-on-black');
    v.setScale(2);
    v.setScale(2.2); // snaps to 2: no change, no event
    v.setTheme('yellow-on-black'); // no change, no event
    v.setMode('standard');
    return { mode: v.mode, theme: v.theme, scale: v.scale };
  });
  assert.equal(calls.thrown, undefined, JSON.stringify(calls.thrown));
  assert.deepEqual(calls.value, { mode: 'standard', theme: 'yellow-on-black', scale: 2 });
  assert.deepEqual(await takeEvents(page), [
    ['modechange', 'elderly'],
    ['themechange', 'yellow-on-black'],
    ['scalechange', 2],
    ['modechange', 'standard'],
  ]);
  const same = await inView(page, (shadow) => ({
    same: shadow.querySelector('article') === window.article,
    structural: window.structural,
  }));
  // (MutationObserver records arrive as a microtask: read them after.)
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
  assert.equal(same.same, true, 'the same article element');
  assert.deepEqual(await page.evaluate(() => window.structural), [], 'nothing was rendered again');
  assert.deepEqual(await rootState(page), { mode: 'standard', theme: 'yellow-on-black', scale: '2', guide: 'off', cursor: 'normal' });
  assert.equal(await liveText(page), '已退出老年模式');
});

browserTest('the highlight names yl-speech and yl-search colour text deep in the view in the theme\'s colours', {}, async (page) => {
  await mountReference(page, { mode: 'elderly' });
  for (const theme of ['yellow-on-black', 'cream']) {
    await page.evaluate((id) => window.viewer.setTheme(id), theme);
    const seen = await inView(page, (shadow) => {
      const view = shadow.querySelector('.yl-view');
      // A heading's marker in a section of a section: five levels down.
      const deep = view.querySelector('.yl-section .yl-section .yl-marker');
      let depth = 0;
      for (let e = deep; e !== view; e = e.parentElement) depth += 1;
      // The theme's colours, as the browser computes them.
      const probe = document.createElement('i');
      document.body.append(probe);
      const colour = (name) => {
        probe.style.color = getComputedStyle(view).getPropertyValue(name);
        return getComputedStyle(probe).color;
      };
      const expected = {
        speech: [colour('--yl-speech-bg'), colour('--yl-speech-text')],
        search: [colour('--yl-mark-bg'), colour('--yl-mark-text')],
      };
      probe.remove();
      const style = (name) => {
        const s = getComputedStyle(deep, `::highlight(${name})`);
        return [s.backgroundColor, s.color];
      };
      return { depth, expected, speech: style('yl-speech'), search: style('yl-search') };
    });
    assert.ok(seen.depth >= 4, `the marker is ${seen.depth} levels down`);
    assert.deepEqual(seen.speech, seen.expected.speech, `${theme}: yl-speech`);
    assert.deepEqual(seen.search, seen.expected.search, `${theme}: yl-search`);
    assert.notDeepEqual(seen.speech, seen.search, `${theme}: the two differ`);
  }
});
browserTest('events bubble out of the host and viewer.removeEventListener stops one', {}, async (page) => {
  await mountReference(page, {});
  const { value, thrown } = await callInPage(page, () => {
    const seen = [];
    const onDocument = (event) => seen.push(`document ${event.type} ${event.detail} ${event.target.id}`);
    document.addEventListener('themechange', onDocument);
    const listener = (event) => seen.push(`viewer ${event.type} ${event.detail}`);
    window.viewer.addEventListener('themechange', listener);
    window.viewer.setTheme('cream');
    window.viewer.removeEventListener('themechange', listener);
    window.viewer.setTheme('standard');
    const once = [];
    window.viewer.addEventListener('scalechange', (event) => once.push(event.detail), { once: true });
    window.viewer.setScale(1.5);
    window.viewer.setScale(1.75);
    document.removeEventListener('themechange', onDocument);
    return { seen, once };
  });
  assert.equal(thrown, undefined, JSON.stringify(thrown));
  assert.deepEqual(value.seen, [
    'viewer themechange cream',
    'document themechange cream view',
    'document themechange standard view',
  ]);
  assert.deepEqual(value.once, [1.5], 'listener options are passed on');
});

browserTest('bad arguments throw YilanErrors with a code and leave the host untouched', {}, async (page) => {
  await openWithPackage(page);
  const results = await page.evaluate((text) => {
    const yilan = window.yilan;
    const host = document.querySelector('#view');
    const doc = yilan.parseText(text);
    const attempt = (fn) => {
      try {
        fn();
        return 'no error';
      } catch (e) {
        return [e instanceof Error, e.name, e.code, e.path ?? null];
      }
    };
    const before = host.outerHTML;
    const out = {
      element: attempt(() => yilan.mount(null, doc)),
      notAnElement: attempt(() => yilan.mount({}, doc)),
      otherWindow: (() => {
        const frame = document.createElement('iframe');
        document.body.append(frame);
        try {
          yilan.mount(frame.contentDocument.body, doc);
          return 'no error';
        } catch (e) {
          return [e.code, e.path, /another window/.test(e.message)];
        } finally {
          frame.remove();
        }
      })(),
      doc: attempt(() => yilan.mount(host, { version: 1, title: 5 })),
      mode: attempt(() => yilan.mount(host, doc, { mode: 'large' })),
      theme: attempt(() => yilan.mount(host, doc, { theme: 'purple' })),
      scale: attempt(() => yilan.mount(host, doc, { scale: 9 })),
      storage: attempt(() => yilan.mount(host, doc, { storage: 5 })),
      options: attempt(() => yilan.mount(host, doc, 'elderly')),
      hostUntouched: host.outerHTML === before,
    };
    const viewer = yilan.mount(host, doc);
    out.setMode = attempt(() => viewer.setMode('large'));
    out.setModeType = attempt(() => viewer.setMode(1));
    out.setTheme = attempt(() => viewer.setTheme('purple'));
    out.setScale = attempt(() => viewer.setScale(3.5));
    out.setScaleType = attempt(() => viewer.setScale('2'));
    out.speak = attempt(() => viewer.speak({ from: 5 }));
    out.setSpeechRate = attempt(() => viewer.setSpeechRate(3));
    // Not reading: nothing to pause, resume or stop, and no error.
    out.pause = attempt(() => viewer.pause());
    out.resume = attempt(() => viewer.resume());
    out.stop = attempt(() => viewer.stop());
    viewer.destroy();
    out.afterDestroy = attempt(() => viewer.setTheme('cream'));
    out.destroyAgain = attempt(() => viewer.destroy());
    // Nothing is read once destroyed: nothing to pause, resume or stop.
    out.stopAfterDestroy = attempt(() => {
      viewer.pause();
      viewer.resume();
      viewer.stop();
    });
    out.voice = viewer.voice;
    out.hostAfterDestroy = host.outerHTML === before;
    return out;
  }, REFERENCE_TEXT);
  const error = (code, path) => [true, 'YilanError', code, path];
  assert.deepEqual(results, {
    element: error('argument', 'element'),
    notAnElement: error('argument', 'element'),
    otherWindow: ['argument', 'element', true],
    doc: error('shape', 'title'),
    mode: error('argument', 'mode'),
    theme: error('argument', 'theme'),
    scale: error('argument', 'scale'),
    storage: error('argument', 'storage'),
    options: error('argument', null),
    hostUntouched: true,
    setMode: error('argument', 'mode'),
    setModeType: error('argument', 'mode'),
    setTheme: error('argument', 'theme'),
    setScale: error('argument', 'scale'),
    setScaleType: error('argument', 'scale'),
    speak: error('argument', 'from'),
    setSpeechRate: error('argument', 'rate'),
    pause: 'no error',
    resume: 'no error',
    stop: 'no error',
    afterDestroy: error('destroyed', null),
    destroyAgain: 'no error',
    stopAfterDestroy: 'no error',
    voice: null,
    hostAfterDestroy: true,
  });
});

browserTest('destroy removes every node, listener and observer it added', {}, async (page) => {
  await page.addInitScript(TRACK_LISTENERS);
  await openWithPackage(page);
  const before = await page.evaluate(() => ({
    listeners: window.listenerCount(),
    observers: window.observerCount(),
    host: document.querySelector('#view').outerHTML,
    body: document.body.innerHTML,
  }));
  await page.evaluate((text) => {
    window.viewer = window.yilan.mount(document.querySelector('#view'), window.yilan.parseText(text), { mode: 'elderly' });
  }, REFERENCE_TEXT);
  const mounted = await page.evaluate(() => ({
    listeners: window.listenerCount(),
    types: window.listenerTypes(),
    observers: window.observerCount(),
  }));
  assert.ok(mounted.listeners > before.listeners, `the viewer listens (${mounted.types.join(', ')})`);
  assert.equal(mounted.observers, before.observers + 1, 'it watches the bar');
  // Use it a little first: panels, guide, a listener of the host's own.
  await page.click('[data-yl-tool="theme"]');
  await page.click('[data-yl-tool="guide"]');
  await page.mouse.move(300, 400);
  await page.evaluate(() => {
    window.hostListener = () => {};
    window.viewer.addEventListener('modechange', window.hostListener);
    window.viewer.removeEventListener('modechange', window.hostListener);
    window.viewer.destroy();
  });
  const after = await page.evaluate(() => ({
    listeners: window.listenerCount(),
    observers: window.observerCount(),
    host: document.querySelector('#view').outerHTML,
    body: document.body.innerHTML,
  }));
  assert.deepEqual(after, before, 'the page is as it was before mount');
});

browserTest('a view outlives its handle: freed or collected, it keeps working until destroyed', {}, async (page) => {
  await mountReference(page, { mode: 'elderly' });
  await page.evaluate(() => {
    window.viewer.free();
    window.viewer = null;
    window.seen = [];
    document.querySelector('#view').addEventListener('scalechange', (event) => window.seen.push(event.detail));
  });
  await page.click('[data-yl-tool="larger"]');
  await page.click('[data-yl-tool="guide"]');
  assert.deepEqual(await rootState(page), { mode: 'elderly', theme: 'auto', scale: '1.25', guide: 'on', cursor: 'normal' });
  assert.deepEqual(await page.evaluate(() => window.seen), [1.25]);
  assert.equal(await liveText(page), '阅读辅助线已打开');
});

browserTest('options that are no object are argument errors, as everywhere: preferences() and speak()', {}, async (page) => {
  await mountReference(page, { mode: 'elderly' });
  for (const call of [(yilan) => yilan.preferences('x'), () => window.viewer.speak('yl-p1-1'), () => window.viewer.speak({ from: 42 })]) {
    const { thrown } = await callInPage(page, call);
    assert.deepEqual([thrown?.name, thrown?.code], ['YilanError', 'argument'], call.toString());
  }
});

browserTest('a `using` block owns its view: at its end the view goes; a freed handle says destroyed, and destroy() on it does nothing', {}, async (page) => {
  await openWithPackage(page);
  // (As a string: the test runner's Node does not parse `using`; Chromium does.)
  const result = await page.evaluate(`(() => {
    const host = document.querySelector('#view');
    const doc = window.yilan.parseText(${JSON.stringify(REFERENCE_TEXT)});
    const error = (call) => { try { call(); return null; } catch (e) { return [e.name, e.code]; } };
    let kept;
    {
      using viewer = window.yilan.mount(host, doc, { mode: 'elderly' });
      kept = viewer;
    }
    const out = {
      views: host.querySelectorAll('yilan-view').length,
      setter: error(() => kept.setScale(2)),
      getter: error(() => kept.mode),
      destroy: error(() => kept.destroy()),
      disposeAgain: error(() => kept[Symbol.dispose]()),
    };
    // free() alone releases the handle only: the view stays.
    const freed = window.yilan.mount(host, doc, {});
    freed.free();
    out.afterFree = host.querySelectorAll('yilan-view').length;
    out.freedSetter = error(() => freed.setMode('elderly'));
    return out;
  })()`);
  assert.deepEqual(result, {
    views: 0,
    setter: ['YilanError', 'destroyed'],
    getter: ['YilanError', 'destroyed'],
    destroy: null,
    disposeAgain: null,
    afterFree: 1,
    freedSetter: ['YilanError', 'destroyed'],
  });
});

browserTest('a second viewer on the same host works alongside, and each destroys only itself', {}, async (page) => {
  await mountReference(page, {});
  const { value, thrown } = await callInPage(page, (yilan) => {
    const host = document.querySelector('#view');
    const second = yilan.mount(host, yilan.parseJson({ version: 1, title: '第二个' }));
    const count = host.querySelectorAll('yilan-view').length;
    window.viewer.destroy();
    const left = [...host.querySelectorAll('yilan-view')].map((v) => v.shadowRoot.querySelector('h1').textContent);
    second.setTheme('cream');
    second.destroy();
    return { count, left, empty: host.childNodes.length };
  });
  assert.equal(thrown, undefined, JSON.stringify(thrown));
  assert.deepEqual(value, { count: 2, left: ['第二个'], empty: 0 });
});

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

/** Computed styles of a sample of the view's elements. */
const SAMPLE_STYLES = (shadow) => {
  const properties = ['font-size', 'color', 'background-color', 'font-family', 'line-height', 'letter-spacing', 'text-transform', 'font-style', 'visibility', 'word-spacing', 'text-align', 'border-top-color', 'min-height'];
  const selectors = ['.yl-view', '.yl-toolbar', '[data-yl-tool="larger"]', '.yl-scale-status', 'h1', '.yl-breadcrumb', '.yl-meta dt', '.yl-meta dd', 'h2', 'h3', '.yl-body p', '.yl-list li', '.yl-footer button'];
  const out = {};
  for (const selector of selectors) {
    const element = shadow.querySelector(selector);
    if (!element) {
      out[selector] = 'missing';
      continue;
    }
    const style = getComputedStyle(element);
    out[selector] = Object.fromEntries(properties.map((p) => [p, style.getPropertyValue(p)]));
  }
  return out;
};

for (const mode of ['standard', 'elderly']) {
  browserTest(`${mode} mode: a hostile host stylesheet changes nothing inside the view`, {}, async (page) => {
    await mountReference(page, { mode });
    const clean = await inView(page, SAMPLE_STYLES);
    await page.addStyleTag({
      content: `* { font-size: 8px !important; color: #ccc !important; letter-spacing: 3px !important;
        text-transform: uppercase !important; font-style: italic !important; line-height: 1 !important;
        font-family: serif !important; word-spacing: 9px !important; text-align: right !important; }
        html { font-size: 8px !important; } body { visibility: visible; }
        button, p, h1, article { color: red !important; background: lime !important; }`,
    });
    const hostile = await inView(page, SAMPLE_STYLES);
    assert.ok(!JSON.stringify(clean).includes('missing'), JSON.stringify(clean));
    assert.deepEqual(hostile, clean);
    // And the view's own styles stay inside: the page's paragraphs are not
    // elderly-sized.
    const { value } = await callInPage(page, () => {
      const p = document.createElement('p');
      p.className = 'yl-view';
      document.body.append(p);
      const size = getComputedStyle(p).fontSize;
      p.remove();
      return size;
    });
    assert.equal(value, '8px', 'the view\'s rules do not reach the page');
  });
}

browserTest('under a strict Content-Security-Policy the view is styled and nothing is refused', {}, async (page) => {
  await open(page, '/tests/browser/pages/csp.html');
  const result = await page.waitForFunction(() => window.cspResult, null, { timeout: 10000 });
  const value = await result.jsonValue();
  assert.equal(value.error, null, value.error);
  assert.deepEqual(value.violations, [], 'no CSP violation');
  assert.equal(value.fontSize, '20px', 'the adopted sheets apply');
  assert.equal(value.theme, 'rgb(0, 0, 0)');
  assert.match(value.cursor, /^url\("data:image\/svg\+xml/, 'the large cursor');
});

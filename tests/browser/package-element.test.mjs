// <yilan-reader> in Chromium: loading src (model JSON, page HTML, page text),
// the loading and error states, attributes reflected both ways, events
// bubbling out, and the element's life in the page (defined late, removed,
// moved). The locale of the view's words: package-element-locale.test.mjs.

import assert from 'node:assert/strict';

import { assertNoViolations } from './axe.mjs';
import { addReader, expectFailedRequests, openWithElement, readerState, REFERENCE, REFERENCE_JSON, settled } from './element-support.mjs';
import { BLANK_PAGE, browserTest, open } from './harness.mjs';

browserTest('a JSON src renders the view with the attributes applied, loading the module itself', {}, async (page) => {
  await openWithElement(page);
  assert.equal(await addReader(page, { src: '/fixture/doc.json', mode: 'elderly', theme: 'cream', scale: '1.5' }), 'load');
  const state = await readerState(page);
  assert.deepEqual(state.view, { mode: 'elderly', theme: 'cream', scale: '1.5', title: REFERENCE.title, toolbar: '阅读工具' });
  assert.equal(state.views, 1);
  assert.equal(state.status, null, 'no message once the view is in');
  assert.equal(state.busy, null);
  assert.deepEqual(state.properties, { mode: 'elderly', theme: 'cream', scale: 1.5, hasViewer: true });
  assert.deepEqual(await page.evaluate(() => document.querySelector('#reader').model.title), REFERENCE.title);
  await assertNoViolations(page);
});

browserTest('the kind of a src is read from its Content-Type, else its first character', {}, async (page) => {
  await openWithElement(page);
  assert.equal(await addReader(page, { src: '/fixture/doc-plain.json', mode: 'elderly' }), 'load');
  assert.equal((await readerState(page)).view.title, REFERENCE.title, 'JSON sent as text/plain, found by its "{"');
  await page.evaluate(() => document.querySelector('#reader').setAttribute('src', '/fixture/doc.txt'));
  await page.waitForFunction(() => window.events.filter(([type]) => type === 'load').length === 2);
  const state = await readerState(page);
  assert.equal(state.view.title, REFERENCE.title, 'page text goes through parseText');
  assert.equal(state.views, 1, 'the previous view was replaced, not kept');
});

browserTest('an HTML src goes through parseHtml', {}, async (page, t) => {
  await openWithElement(page);
  const parseHtml = await page.evaluate(async () => {
    const yilan = await import('/yilan/pkg/index.js');
    await yilan.default();
    try {
      yilan.parseHtml('<p>x</p>');
      return 'works';
    } catch (error) {
      return error.code;
    }
  });
  if (parseHtml === 'unsupported') {
    t.skip('parseHtml is not available in this build');
    return;
  }
  assert.equal(await addReader(page, { src: '/fixture/doc.html' }), 'load');
  const state = await readerState(page);
  assert.equal(state.view.title, '关于做好冬季供暖工作的通知');
});

browserTest('a src in GBK is read as the browser would read the page: by its Content-Type, its <meta>, else as GB18030 where it is no UTF-8', {}, async (page) => {
  await openWithElement(page);
  for (const name of ['gbk.html', 'gbk.txt', 'gbk-unsaid.txt']) {
    await page.evaluate(() => document.querySelector('#reader')?.remove());
    assert.equal(await addReader(page, { src: `/fixture/${name}` }), 'load', name);
    const shown = await page.evaluate(() => {
      const reader = document.querySelector('#reader');
      return { title: reader.model.title, first: reader.querySelector('yilan-view').shadowRoot.querySelector('.yl-body p')?.textContent.trim().slice(0, 14) };
    });
    assert.deepEqual(shown, { title: '关于做好老年人助餐服务工作的通知', first: '各乡镇人民政府、县直各单位：' }, name);
  }
});

browserTest('a src that is no URL: the src property gives it as it is, and the element says it cannot be shown (argument)', {}, async (page) => {
  await openWithElement(page);
  await page.evaluate(() => document.addEventListener('error', (event) => (window.errorPath = event.detail.path), { capture: true }));
  assert.equal(await addReader(page, { src: 'http://[::1' }), 'error argument');
  const state = await page.evaluate(() => {
    const reader = document.querySelector('#reader');
    return { src: reader.src, alert: reader.querySelector('.yilan-reader-status')?.getAttribute('role'), path: window.errorPath };
  });
  assert.deepEqual(state, { src: 'http://[::1', alert: 'alert', path: 'src' });
});

browserTest('a model that is no document: the element says it cannot be shown, and the error names model', {}, async (page) => {
  await openWithElement(page);
  const error = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const reader = document.createElement('yilan-reader');
        reader.id = 'reader';
        reader.addEventListener('error', (event) => resolve({ code: event.detail.code, path: event.detail.path }), { once: true });
        document.querySelector('#view').append(reader);
        reader.model = 42;
      }),
  );
  assert.deepEqual(error, { code: 'argument', path: 'model' });
  const state = await readerState(page);
  assert.equal(state.views, 0);
  assert.equal(state.status.role, 'alert');
});

browserTest('while loading the element says so, then shows the view', {}, async (page) => {
  let release;
  const gate = new Promise((resolve) => {
    release = resolve;
  });
  await openWithElement(page, { slow: { name: 'doc.json', gate } });
  const loaded = addReader(page, { src: '/fixture/doc.json' });
  await page.waitForFunction(() => document.querySelector('#reader .yilan-reader-status'));
  const loading = await readerState(page);
  assert.deepEqual(loading.status, { role: 'status', text: '正在加载…' });
  assert.equal(loading.busy, 'true');
  assert.equal(loading.views, 0);
  assert.equal(loading.properties.hasViewer, false);
  release();
  assert.equal(await loaded, 'load');
  assert.equal((await readerState(page)).status, null);
});

browserTest('a failed load shows a plain message and no view at all', {}, async (page) => {
  await openWithElement(page);
  const noOtherProblems = expectFailedRequests(page);
  assert.equal(await addReader(page, { src: '/fixture/missing.json', mode: 'elderly' }), 'error network');
  let state = await readerState(page);
  assert.equal(state.views, 0);
  assert.equal(state.status.role, 'alert');
  // In plain words for the reader (the event has the developer's message).
  assert.equal(state.status.text, '无法显示此页面：无法获取文档，请稍后再试。');
  assert.equal(state.busy, null);

  await page.evaluate(() => document.querySelector('#reader').setAttribute('src', '/fixture/doc.json'));
  await page.waitForFunction(() => document.querySelector('#reader').viewer !== null);
  assert.equal((await readerState(page)).status, null, 'a good src after a bad one shows the view');

  await page.evaluate(() => document.querySelector('#reader').setAttribute('src', '/fixture/broken.json'));
  await page.waitForFunction(() => window.events.filter(([type]) => type === 'error').length === 2);
  state = await readerState(page);
  assert.equal(state.views, 0, 'the previous view is gone, not left half-shown');
  assert.equal(state.status.role, 'alert');
  assert.equal(state.status.text, '无法显示此页面：文档内容有误。');
  assert.deepEqual(
    (await page.evaluate(() => window.events)).filter(([type]) => type === 'error').map(([, , , code]) => code),
    ['network', 'syntax'],
  );
  noOtherProblems();
});

browserTest('attributes, properties and the viewer follow each other both ways', {}, async (page) => {
  await openWithElement(page);
  assert.equal(await addReader(page, { src: '/fixture/doc.json', mode: 'elderly', theme: 'cream' }), 'load');

  // Attribute → view and property.
  await page.evaluate(() => document.querySelector('#reader').setAttribute('theme', 'yellow-on-black'));
  let state = await readerState(page);
  assert.equal(state.view.theme, 'yellow-on-black');
  assert.equal(state.properties.theme, 'yellow-on-black');

  // Property → attribute and view; a scale between steps snaps, and the attribute says the step.
  await page.evaluate(() => {
    document.querySelector('#reader').scale = 1.3;
  });
  state = await readerState(page);
  assert.equal(state.view.scale, '1.25');
  assert.equal(state.attributes.scale, '1.25');
  assert.equal(state.properties.scale, 1.25);

  // The reader's toolbar → attributes.
  await page.click('[data-yl-tool="larger"]');
  await page.click('[data-yl-tool="theme"]');
  await page.click('[data-yl-theme="white-on-black"]');
  await page.click('[data-yl-tool="mode"]');
  state = await readerState(page);
  assert.deepEqual(state.attributes, { mode: 'standard', theme: 'white-on-black', scale: '1.5', locale: null });
  assert.deepEqual(state.view.mode, 'standard');

  // The view's events reached the document, composed, from the element.
  const events = (await page.evaluate(() => window.events)).filter(([type]) => type.endsWith('change'));
  assert.deepEqual(events, [
    ['themechange', 'yilan-reader', true, null],
    ['scalechange', 'yilan-reader', true, null],
    ['scalechange', 'yilan-reader', true, null],
    ['themechange', 'yilan-reader', true, null],
    ['modechange', 'yilan-reader', true, null],
  ]);

  // An invalid value leaves the view as it was and says why.
  await page.evaluate(() => document.querySelector('#reader').setAttribute('mode', 'loud'));
  state = await readerState(page);
  assert.equal(state.view.mode, 'standard');
  assert.equal(state.properties.mode, 'standard');
  assert.equal((await page.evaluate(() => window.events)).at(-1)[3], 'argument');
  assert.equal(state.attributes.mode, 'standard', 'the attribute goes back to what the view shows');
  // So the next load (a new src) shows the view, not an error.
  await page.evaluate(() => {
    document.querySelector('#reader').src = '/fixture/doc.txt';
  });
  await settled(page);
  state = await readerState(page);
  assert.equal(state.views, 1);
  assert.equal(state.status, null);
});

browserTest("attributes set after the load are the page's too: shown, not stored as the reader's; the reader's own choices are stored", {}, async (page) => {
  await openWithElement(page);
  await page.evaluate(() => localStorage.setItem('yilan:prefs:v1', JSON.stringify({ theme: 'cream', scale: 1.25 })));
  assert.equal(await addReader(page, { src: '/fixture/doc.json' }), 'load');
  const stored = () => page.evaluate(() => {
    const { theme, scale, mode } = JSON.parse(localStorage.getItem('yilan:prefs:v1'));
    return { mode, theme, scale };
  });
  assert.deepEqual(await stored(), { mode: 'standard', theme: 'cream', scale: 1.25 });
  await page.evaluate(() => {
    const reader = document.querySelector('#reader');
    reader.setAttribute('theme', 'yellow-on-black');
    reader.scale = 2;
    reader.mode = 'elderly';
  });
  const state = await readerState(page);
  assert.deepEqual([state.view.mode, state.view.theme, state.view.scale], ['elderly', 'yellow-on-black', '2']);
  assert.deepEqual(await stored(), { mode: 'standard', theme: 'cream', scale: 1.25 }, 'set by the page: not stored');
  // The reader's 放大 is the reader's: stored, from what is shown.
  await page.click('[data-yl-tool="larger"]');
  assert.deepEqual(await stored(), { mode: 'standard', theme: 'cream', scale: 2.5 });
  assert.equal((await readerState(page)).attributes.scale, '2.5');

  // An attribute removed (or its property set to null): the reader's stored
  // preference again, as without it at the start, and the attribute stays out.
  await page.evaluate(() => {
    const reader = document.querySelector('#reader');
    reader.removeAttribute('theme');
    reader.mode = null;
    reader.scale = 3;
  });
  await page.evaluate(() => {
    document.querySelector('#reader').scale = null;
  });
  const unset = await readerState(page);
  assert.deepEqual([unset.view.mode, unset.view.theme, unset.view.scale], ['standard', 'cream', '2.5']);
  assert.deepEqual(unset.attributes, { mode: null, theme: null, scale: null, locale: null });
  assert.deepEqual(unset.properties, { mode: 'standard', theme: 'cream', scale: 2.5, hasViewer: true });
  assert.deepEqual(await stored(), { mode: 'standard', theme: 'cream', scale: 2.5 }, 'nothing stored by the page');
});

browserTest('a bad mode, theme or scale attribute at the first load: the view is shown without it, and an error says which', {}, async (page) => {
  await openWithElement(page);
  await page.evaluate(() => localStorage.setItem('yilan:prefs:v1', JSON.stringify({ theme: 'cream' })));
  const outcome = await page.evaluate(async () => {
    const reader = document.createElement('yilan-reader');
    reader.id = 'reader';
    for (const [name, value] of Object.entries({ src: '/fixture/doc.json', mode: 'huge', theme: 'bogus', scale: '2' })) {
      reader.setAttribute(name, value);
    }
    const loaded = new Promise((resolve) => reader.addEventListener('load', () => resolve('load'), { once: true }));
    document.querySelector('#view').append(reader);
    return Promise.race([loaded, new Promise((resolve) => setTimeout(() => resolve('no load'), 10_000))]);
  });
  assert.equal(outcome, 'load');
  const state = await readerState(page);
  assert.equal(state.views, 1);
  assert.equal(state.status, null);
  assert.deepEqual(
    { mode: state.view.mode, theme: state.view.theme, scale: state.view.scale },
    { mode: 'standard', theme: 'cream', scale: '2' },
    'the good attribute applies; for the bad ones the stored preference or the default',
  );
  assert.deepEqual(state.attributes, { mode: 'standard', theme: 'cream', scale: '2', locale: null });
  const errors = await page.evaluate(() => window.events.filter(([type]) => type === 'error'));
  assert.deepEqual(errors, [
    ['error', 'yilan-reader', false, 'argument'],
    ['error', 'yilan-reader', false, 'argument'],
  ]);
});

browserTest('a scale attribute between steps says the step the view shows, from the first load on', {}, async (page) => {
  await openWithElement(page);
  assert.equal(await addReader(page, { src: '/fixture/doc.json', scale: '1.3' }), 'load');
  let state = await readerState(page);
  assert.equal(state.view.scale, '1.25');
  assert.deepEqual([state.attributes.scale, state.properties.scale], ['1.25', 1.25]);
  // Set again to a value that snaps to the step shown: the view does not
  // change, and the attribute still says the step.
  await page.evaluate(() => document.querySelector('#reader').setAttribute('scale', '1.2'));
  state = await readerState(page);
  assert.deepEqual([state.view.scale, state.attributes.scale, state.properties.scale], ['1.25', '1.25', 1.25]);
});

browserTest('a viewer handle kept across a reload says destroyed, and destroy() again does nothing', {}, async (page) => {
  await openWithElement(page);
  assert.equal(await addReader(page, { src: '/fixture/doc.json' }), 'load');
  const result = await page.evaluate(async () => {
    const reader = document.querySelector('#reader');
    const kept = reader.viewer;
    reader.src = '/fixture/doc.txt';
    await new Promise((resolve) => reader.addEventListener('load', resolve, { once: true }));
    const out = { mode: kept.mode };
    try {
      kept.setScale(2);
      out.set = 'no error';
    } catch (error) {
      out.set = `${error.name} ${error.code}`;
    }
    kept.destroy();
    out.destroyed = 'ok';
    out.current = reader.viewer !== kept && reader.viewer.mode === 'standard';
    return out;
  });
  assert.deepEqual(result, { mode: 'standard', set: 'YilanError destroyed', destroyed: 'ok', current: true });
});

browserTest('properties set before the element is defined are applied when it is', {}, async (page) => {
  await open(page, BLANK_PAGE);
  const state = await page.evaluate(async (json) => {
    const reader = document.createElement('yilan-reader');
    reader.id = 'reader';
    reader.model = JSON.parse(json);
    reader.mode = 'elderly';
    document.querySelector('#view').append(reader);
    const loaded = new Promise((resolve) => reader.addEventListener('load', () => resolve(true), { once: true }));
    await import('/yilan/pkg/element.js');
    if (!(await Promise.race([loaded, new Promise((resolve) => setTimeout(() => resolve(false), 10_000))]))) return 'no load';
    return {
      own: Object.hasOwn(reader, 'model') || Object.hasOwn(reader, 'mode'),
      mode: reader.shadowRoot ? null : reader.querySelector('yilan-view').shadowRoot.querySelector('.yl-view').dataset.mode,
      attribute: reader.getAttribute('mode'),
      title: reader.querySelector('yilan-view').shadowRoot.querySelector('h1').textContent.trim(),
    };
  }, REFERENCE_JSON);
  assert.deepEqual(state, { own: false, mode: 'elderly', attribute: 'elderly', title: REFERENCE.title });
});

browserTest('a model given as an attribute before the element is defined (as React 19 and Vue set it) is an error that names model, not a blank element', {}, async (page) => {
  await open(page, BLANK_PAGE);
  const state = await page.evaluate(async () => {
    const reader = document.createElement('yilan-reader');
    reader.id = 'reader';
    // What a framework does with an object for an element it does not know yet.
    reader.setAttribute('model', String({ version: 1 }));
    document.querySelector('#view').append(reader);
    const failed = new Promise((resolve) => reader.addEventListener('error', (event) => resolve(event.detail), { once: true }));
    await import('/yilan/pkg/element.js');
    const error = await Promise.race([failed, new Promise((resolve) => setTimeout(() => resolve(null), 5_000))]);
    return {
      code: error?.code,
      path: error?.path,
      tellsProperty: /model property/.test(error?.message ?? ''),
      alert: reader.querySelector('.yilan-reader-status')?.getAttribute('role'),
    };
  });
  assert.deepEqual(state, { code: 'argument', path: 'model', tellsProperty: true, alert: 'alert' });
});

browserTest('removed from the page, the element leaves nothing; put back, it shows the view again', {}, async (page) => {
  await openWithElement(page);
  assert.equal(await addReader(page, { src: '/fixture/doc.json' }), 'load');
  const counts = await page.evaluate(async () => {
    const reader = document.querySelector('#reader');
    reader.remove();
    // (Out past the task: not a move.)
    await new Promise((resolve) => setTimeout(resolve, 0));
    const removed = reader.querySelectorAll('yilan-view').length;
    document.querySelector('#view').append(reader);
    await new Promise((resolve) => reader.addEventListener('load', resolve, { once: true }));
    return [removed, reader.querySelectorAll('yilan-view').length];
  });
  assert.deepEqual(counts, [0, 1]);
});

browserTest('removed while loading or after a failed load, the element keeps no message and is not busy', {}, async (page) => {
  let release;
  const gate = new Promise((resolve) => {
    release = resolve;
  });
  await openWithElement(page, { slow: { name: 'doc.json', gate } });
  const noOtherProblems = expectFailedRequests(page);
  await page.evaluate(() => {
    const reader = document.createElement('yilan-reader');
    reader.id = 'reader';
    reader.setAttribute('src', '/fixture/doc.json');
    document.querySelector('#view').append(reader);
  });
  await page.waitForFunction(() => document.querySelector('#reader .yilan-reader-status'));
  const out = () => page.evaluate(async () => {
    const reader = document.querySelector('#reader');
    reader.remove();
    await new Promise((resolve) => setTimeout(resolve, 0));
    return { children: reader.childElementCount, busy: reader.getAttribute('aria-busy') };
  });
  assert.deepEqual(await out(), { children: 0, busy: null }, 'removed while loading');
  release();

  assert.equal(await addReader(page, { src: '/fixture/missing.json' }), 'error network');
  assert.equal((await readerState(page)).status.role, 'alert');
  assert.deepEqual(await out(), { children: 0, busy: null }, 'removed after a failed load');
  noOtherProblems();
});

browserTest('moved in the page (a list reordered), or given another locale, the element keeps its view and fetches nothing again', {}, async (page) => {
  await openWithElement(page);
  let fetched = 0;
  page.on('request', (request) => {
    if (request.url().endsWith('/fixture/doc.json')) fetched += 1;
  });
  assert.equal(await addReader(page, { src: '/fixture/doc.json', mode: 'elderly' }), 'load');
  const moved = await page.evaluate(async () => {
    const reader = document.querySelector('#reader');
    const viewer = reader.viewer;
    let loads = 0;
    reader.addEventListener('load', () => (loads += 1));
    viewer.setScale(2);
    // Moved before a sibling, then (where the browser has it) with moveBefore.
    const before = document.createElement('p');
    document.querySelector('#view').prepend(before);
    document.querySelector('#view').insertBefore(reader, before);
    if (Element.prototype.moveBefore) document.querySelector('#view').moveBefore(reader, before);
    await new Promise((resolve) => setTimeout(resolve, 50));
    return { same: reader.viewer === viewer, scale: reader.viewer?.scale, views: reader.querySelectorAll('yilan-view').length, loads };
  });
  assert.deepEqual(moved, { same: true, scale: 2, views: 1, loads: 0 });
  // Another locale: the view's words change; the document is not fetched again.
  await page.evaluate(() => document.querySelector('#reader').setAttribute('locale', 'en'));
  const state = await readerState(page);
  assert.deepEqual([state.view.toolbar, state.view.mode, state.views], ['Reading tools', 'elderly', 1]);
  assert.equal(fetched, 1, 'one fetch of the src in all');
});

browserTest('moved with awaits between taking it out and putting it back, in one task, the element keeps its view and fetches nothing again', {}, async (page) => {
  await openWithElement(page);
  let fetched = 0;
  page.on('request', (request) => {
    if (request.url().endsWith('/fixture/doc.json')) fetched += 1;
  });
  assert.equal(await addReader(page, { src: '/fixture/doc.json' }), 'load');
  const moved = await page.evaluate(async () => {
    const reader = document.querySelector('#reader');
    const viewer = reader.viewer;
    let loads = 0;
    reader.addEventListener('load', () => (loads += 1));
    reader.remove();
    await Promise.resolve();
    await Promise.resolve();
    document.querySelector('#view').append(reader);
    await new Promise((resolve) => setTimeout(resolve, 50));
    return { same: reader.viewer === viewer, views: reader.querySelectorAll('yilan-view').length, busy: reader.getAttribute('aria-busy'), loads };
  });
  assert.deepEqual(moved, { same: true, views: 1, busy: null, loads: 0 });
  assert.equal(fetched, 1, 'one fetch of the src in all');
});

browserTest('taken out while its load finishes, the element shows nothing and dispatches nothing; put back, it loads again', {}, async (page) => {
  await openWithElement(page);
  const outcomes = await page.evaluate(async (json) => {
    const results = [];
    // Taken out after 0 to 7 microtasks of the load: one of them is
    // between its start and its view.
    for (let ticks = 0; ticks < 8; ticks += 1) {
      const reader = document.createElement('yilan-reader');
      document.querySelector('#view').append(reader);
      let out = false;
      const after = [];
      for (const type of ['load', 'error']) {
        reader.addEventListener(type, () => out && after.push(type));
      }
      reader.model = JSON.parse(json);
      for (let i = 0; i < ticks; i += 1) await Promise.resolve();
      reader.remove();
      out = true;
      await new Promise((resolve) => setTimeout(resolve, 20));
      results.push({ after, viewer: reader.viewer, children: reader.childElementCount, busy: reader.getAttribute('aria-busy') });
      out = false;
      const loaded = new Promise((resolve) => reader.addEventListener('load', () => resolve(reader.querySelectorAll('yilan-view').length), { once: true }));
      document.querySelector('#view').append(reader);
      results.push(await loaded);
      reader.remove();
    }
    return results;
  }, REFERENCE_JSON);
  const expected = [];
  for (let ticks = 0; ticks < 8; ticks += 1) {
    expected.push({ after: [], viewer: null, children: 0, busy: null }, 1);
  }
  assert.deepEqual(outcomes, expected);
});

browserTest('attributes set while the element is out of the page apply when it is put back, with their events and checks', {}, async (page) => {
  await openWithElement(page);
  assert.equal(await addReader(page, { src: '/fixture/doc.json', mode: 'elderly', theme: 'cream' }), 'load');
  await page.evaluate(() => {
    document.addEventListener('error', (event) => (window.errorPath = event.detail.path), { capture: true });
    const reader = document.querySelector('#reader');
    reader.remove();
    reader.setAttribute('mode', 'standard');
    reader.scale = 2;
    reader.setAttribute('theme', 'yellow-on-black');
    reader.locale = 'en';
    document.querySelector('#view').append(reader);
  });
  let state = await readerState(page);
  assert.deepEqual(state.view, { mode: 'standard', theme: 'yellow-on-black', scale: '2', title: REFERENCE.title, toolbar: 'Reading tools' });
  assert.deepEqual(state.properties, { mode: 'standard', theme: 'yellow-on-black', scale: 2, hasViewer: true });
  assert.deepEqual(
    (await page.evaluate(() => window.events)).filter(([type]) => type.endsWith('change')).map(([type]) => type),
    ['modechange', 'scalechange', 'themechange'],
  );

  // A bad value, a removed attribute: as in the page.
  await page.evaluate(() => {
    const reader = document.querySelector('#reader');
    reader.remove();
    reader.setAttribute('theme', 'bogus');
    reader.removeAttribute('scale');
    document.querySelector('#view').append(reader);
  });
  state = await readerState(page);
  assert.deepEqual([state.view.theme, state.view.scale, state.view.toolbar], ['yellow-on-black', '1', 'Reading tools']);
  assert.deepEqual(state.attributes, { mode: 'standard', theme: 'yellow-on-black', scale: null, locale: 'en' });
  const errors = await page.evaluate(() => window.events.filter(([type]) => type === 'error').map(([, , , code]) => `${code} ${window.errorPath}`));
  assert.deepEqual(errors, ['argument theme']);
});

// The locale of the view's own words: one test per way it is chosen.

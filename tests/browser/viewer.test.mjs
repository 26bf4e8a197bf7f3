// The viewer's API in Chromium: mount in a shadow root, the setters, events,
// errors with codes, destroy, shadow isolation, a strict
// Content-Security-Policy. (The preferences: viewer-prefs.test.mjs; the
// events and the viewer's own listeners: viewer-events.test.mjs.)

import assert from 'node:assert/strict';

import { REFERENCE_TEXT, browserTest, callInPage, open, openWithPackage } from './harness.mjs';
import {
  TRACK_LISTENERS,
  inView,
  liveText,
  mountReference,
  rootState,
  takeEvents,
} from './viewer-helpers.mjs';

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

browserTest('the breadcrumb and the details grow with the text up to 1.5×, then more slowly, never under twice the base at 3×', { viewport: { width: 390, height: 844 } }, async (page) => {
  await mountReference(page, { mode: 'elderly' });
  const sizes = [];
  for (const scale of [1, 1.5, 2, 3]) {
    await callInPage(page, (_, s) => window.viewer.setScale(s), scale);
    sizes.push(
      await inView(page, (shadow) => {
        const px = (selector) => parseFloat(getComputedStyle(shadow.querySelector(selector)).fontSize);
        return { text: px('.yl-body p'), crumbs: px('.yl-breadcrumb'), details: px('.yl-meta dd') };
      }),
    );
  }
  const ratio = (a, b) => Math.round((a / b) * 1000) / 1000;
  assert.deepEqual(sizes.map((s) => s.text), [20, 30, 40, 60], 'the text grows with the scale');
  // 0.875 and 0.9375 of the text, then times min(1, 0.5 + 0.75 / scale).
  assert.deepEqual(sizes.map((s) => ratio(s.crumbs, s.text)), [0.875, 0.875, 0.766, 0.656]);
  assert.deepEqual(sizes.map((s) => ratio(s.details, s.text)), [0.938, 0.938, 0.82, 0.703]);
  const base = sizes[0];
  assert.ok(sizes[3].crumbs >= 2 * base.crumbs && sizes[3].details >= 2 * base.details, JSON.stringify(sizes));
});

browserTest('an article number leads the first line of its text, as print sets it, in both modes and at 3×', { viewport: { width: 390, height: 844 } }, async (page) => {
  const text = '关于印发某某办法的通知\n\n第一章　总则\n第一条　为了规范政务云平台的管理，确保资源的合理分配和安全使用，根据有关规定，制定本办法。\n第二条　本办法适用于本市。\n';
  for (const [mode, scale] of [['standard', 1], ['elderly', 1], ['elderly', 3]]) {
    await mountReference(page, { mode, scale }, text);
    const layout = await inView(page, (shadow) => {
      const heading = shadow.querySelector('.yl-leads > h3');
      const paragraph = heading.nextElementSibling;
      const range = document.createRange();
      range.selectNodeContents(paragraph);
      const lines = [...range.getClientRects()];
      // The glyphs' boxes on both sides (a block's box is its line's).
      const number = heading.querySelector('.yl-marker').getBoundingClientRect();
      const first = lines[0];
      return {
        headingText: heading.textContent,
        // The number and the text's first line share a line, the number first.
        sameLine: Math.abs(number.top - first.top) < 2 && Math.abs(number.bottom - first.bottom) < 2,
        numberFirst: number.right <= first.left + 1,
        // Further lines start at the text's edge, left of the number.
        wrapsUnder: lines.some((r) => r.left < number.left - 1),
        indented: number.left > paragraph.getBoundingClientRect().left + 1,
        sizes: [getComputedStyle(heading).fontSize, getComputedStyle(paragraph).fontSize],
      };
    });
    assert.deepEqual(
      { ...layout, sizes: layout.sizes[0] === layout.sizes[1] },
      { headingText: '第一条', sameLine: true, numberFirst: true, wrapsUnder: true, indented: true, sizes: true },
      `${mode} ${scale}× ${JSON.stringify(layout)}`,
    );
    await page.evaluate(() => window.viewer.destroy());
  }
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
browserTest('in a right-to-left page the view still runs left to right', {}, async (page) => {
  await mountReference(page, { mode: 'elderly' });
  await page.evaluate(() => {
    document.documentElement.dir = 'rtl';
    document.documentElement.lang = 'ar';
  });
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('#view')).direction), 'rtl');
  const seen = await inView(page, (shadow) => {
    const direction = (selector) => getComputedStyle(shadow.querySelector(selector)).direction;
    const tools = [...shadow.querySelectorAll('[role="toolbar"] [data-yl-tool]')].filter((tool) => tool.offsetParent);
    return {
      view: direction('.yl-view'),
      meta: direction('.yl-meta dd'),
      body: direction('.yl-body p'),
      firstToolLeftOfSecond: tools[0].getBoundingClientRect().left < tools[1].getBoundingClientRect().left,
    };
  });
  assert.deepEqual(seen, { view: 'ltr', meta: 'ltr', body: 'ltr', firstToolLeftOfSecond: true });
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
      // Elements that lay out no children: the view would never show.
      noChildren: ['img', 'input', 'textarea', 'iframe', 'video'].map((tag) => {
        const element = document.createElement(tag);
        document.body.append(element);
        try {
          return attempt(() => yilan.mount(element, doc));
        } finally {
          element.remove();
        }
      }),
      svg: attempt(() => yilan.mount(document.createElementNS('http://www.w3.org/2000/svg', 'g'), doc)),
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
    noChildren: Array(5).fill(error('argument', 'element')),
    svg: error('argument', 'element'),
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

browserTest('a `using` block owns its view: at its end the view goes; a freed handle says destroyed, and destroy() or free() on it does nothing', {}, async (page) => {
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
    out.freeAgain = error(() => freed.free());
    out.freeAfterUsing = error(() => kept.free());
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
    freeAgain: null,
    freeAfterUsing: null,
  });
});

browserTest('new Viewer() says a viewer comes from mount(); the handles mount returns are instances of Viewer', {}, async (page) => {
  await openWithPackage(page);
  const made = await callInPage(page, (yilan) => new yilan.Viewer());
  assert.equal(made.value, undefined, 'nothing made');
  assert.deepEqual([made.thrown?.isError, made.thrown?.name, made.thrown?.code], [true, 'YilanError', 'unsupported']);
  assert.match(made.thrown.message, /mount\(/);
  const { value } = await callInPage(page, (yilan) => {
    const viewer = yilan.mount(document.querySelector('#view'), yilan.parseJson({ version: 1, title: '标题' }));
    const answer = { instance: viewer instanceof yilan.Viewer, mode: viewer.mode };
    viewer.destroy();
    return answer;
  });
  assert.deepEqual(value, { instance: true, mode: 'standard' });
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

/** The text's and the toolbar's sizes, in px: body text, title, a tool. */
const SIZES = (shadow) =>
  ['.yl-body p', 'h1', '[data-yl-tool="larger"]'].map((selector) => getComputedStyle(shadow.querySelector(selector)).fontSize);

for (const mode of ['standard', 'elderly']) {
  browserTest(`${mode} mode: a page laid out in rem (its root's font size set to anything) sizes nothing in the view`, {}, async (page) => {
    await mountReference(page, { mode });
    const clean = await inView(page, SIZES);
    // html { font-size: 100px }, or the window's width / 7.5 as lib-flexible
    // sets it, on many a portal's pages; and a root shrunk to 10 px.
    for (const size of ['100px', '136.533px', '10px']) {
      await page.evaluate((value) => document.documentElement.style.setProperty('font-size', value), size);
      assert.deepEqual(await inView(page, SIZES), clean, `root at ${size}`);
    }
    // The text sizes still scale the text, and the toolbar stays as it is.
    await page.evaluate(() => window.viewer.setScale(2));
    const [text, , tool] = await inView(page, SIZES);
    assert.deepEqual([parseFloat(text), tool], [parseFloat(clean[0]) * 2, clean[2]]);
  });
}

browserTest("the reader's own default font size (the browser's setting) still sizes the view", {}, async (page) => {
  const cdp = await page.context().newCDPSession(page);
  // The browser's font size setting at 24 px (Chromium's 很大 / very large).
  await cdp.send('Page.enable');
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 24 } });
  await mountReference(page, { mode: 'elderly' });
  // 1.25 of the reader's 24 px, and as large on a page laid out in rem.
  assert.deepEqual(await inView(page, SIZES), ['30px', '42px', '30px']);
  await page.evaluate(() => document.documentElement.style.setProperty('font-size', '100px'));
  assert.deepEqual(await inView(page, SIZES), ['30px', '42px', '30px']);
});

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

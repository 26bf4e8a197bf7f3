// The locale of the view's own words, one test per way it is chosen
// (attribute, page lang, default), for <yilan-reader> and for mount().

import assert from 'node:assert/strict';

import { addReader, expectFailedRequests, openWithElement, readerState, REFERENCE } from './element-support.mjs';
import { REFERENCE_TEXT, browserTest, openWithPackage } from './harness.mjs';

browserTest('locale: the attribute chooses the view\'s words; the document is not translated', {}, async (page) => {
  await openWithElement(page, { lang: 'zh-CN' });
  assert.equal(await addReader(page, { src: '/fixture/doc.json', mode: 'elderly', locale: 'en' }), 'load');
  let state = await readerState(page);
  assert.equal(state.view.toolbar, 'Reading tools');
  assert.equal(state.view.title, REFERENCE.title, 'the title stays as written');
  await page.evaluate(() => {
    document.querySelector('#reader').locale = 'zh-TW';
  });
  await page.waitForFunction(() =>
    document.querySelector('#reader yilan-view')?.shadowRoot.querySelector('[role="toolbar"][aria-label="閱讀工具"]'),
  );
  state = await readerState(page);
  assert.equal(state.views, 1);
  assert.equal(state.view.mode, 'elderly', 'the state survives the change of words');
});

browserTest('locale: without the attribute, the page\'s lang chooses (zh-TW)', {}, async (page) => {
  await openWithElement(page, { lang: 'zh-Hant-TW' });
  assert.equal(await addReader(page, { src: '/fixture/doc.json', mode: 'elderly' }), 'load');
  const state = await readerState(page);
  assert.equal(state.view.toolbar, '閱讀工具');
  assert.equal(state.view.title, REFERENCE.title);
});

browserTest('locale: with neither, the words are zh-CN', {}, async (page) => {
  await openWithElement(page, { lang: null });
  const noOtherProblems = expectFailedRequests(page);
  assert.equal(await addReader(page, { src: '/fixture/missing.json' }), 'error network');
  assert.match((await readerState(page)).status.text, /^无法显示此页面/);
  await page.evaluate(() => document.querySelector('#reader').setAttribute('src', '/fixture/doc.json'));
  await page.waitForFunction(() => document.querySelector('#reader').viewer !== null);
  assert.equal((await readerState(page)).view.toolbar, '阅读工具');
  noOtherProblems();
});

browserTest('locale: mount() takes the page\'s lang, and its own option wins over it', {}, async (page) => {
  await openWithPackage(page);
  const labels = await page.evaluate((text) => {
    const { mount, parseText } = window.yilan;
    const doc = parseText(text);
    const label = (host) => host.querySelector('yilan-view').shadowRoot.querySelector('[role="toolbar"]').getAttribute('aria-label');
    const title = (host) => host.querySelector('yilan-view').shadowRoot.querySelector('h1').textContent.trim();
    const host = document.querySelector('#view');
    const results = {};
    document.documentElement.lang = 'en';
    let viewer = mount(host, doc, { mode: 'elderly' });
    results.pageEn = [label(host), title(host)];
    viewer.destroy();
    // The toolbar's label of a view mounted in `where` (then destroyed).
    const labelIn = (where, options = {}) => {
      const shown = mount(where, doc, { mode: 'elderly', ...options });
      const text = label(where);
      shown.destroy();
      return text;
    };
    results.optionWins = labelIn(host, { locale: 'zh-TW' });
    host.setAttribute('lang', 'zh-HK');
    results.closest = labelIn(host);
    host.removeAttribute('lang');
    // Inside a web component: the language goes on from the shadow root to
    // its host, as HTML inherits it (nested twice here).
    const outer = document.createElement('div');
    host.append(outer);
    const inner = document.createElement('div');
    outer.attachShadow({ mode: 'open' }).append(inner);
    const deepest = document.createElement('section');
    inner.attachShadow({ mode: 'open' }).append(deepest);
    results.inShadow = labelIn(deepest);
    outer.setAttribute('lang', 'zh-TW');
    results.hostsLang = labelIn(deepest);
    outer.remove();
    return results;
  }, REFERENCE_TEXT);
  assert.deepEqual(labels, {
    pageEn: ['Reading tools', REFERENCE.title],
    optionWins: '閱讀工具',
    closest: '閱讀工具',
    inShadow: 'Reading tools',
    hostsLang: '閱讀工具',
  });
});

browserTest('locale: <yilan-reader> in a shadow root takes the language of the page around its host', {}, async (page) => {
  await openWithElement(page, { lang: 'en' });
  const status = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const host = document.createElement('div');
        document.querySelector('#view').append(host);
        const reader = document.createElement('yilan-reader');
        reader.setAttribute('src', '/fixture/doc.json');
        let loading;
        reader.addEventListener('load', () => {
          resolve([loading, reader.querySelector('yilan-view').shadowRoot.querySelector('[role="toolbar"]').getAttribute('aria-label')]);
        });
        host.attachShadow({ mode: 'open' }).append(reader);
        // The loading message (shown once the load starts), then the view's own words.
        queueMicrotask(() => queueMicrotask(() => (loading = reader.querySelector('.yilan-reader-status')?.textContent)));
      }),
  );
  assert.deepEqual(status, ['Loading…', 'Reading tools']);
});

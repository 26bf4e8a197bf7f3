// The embed (pkg/embed.js, one script tag) on the demo portal and on two real
// fixture pages: entering and leaving 100 times leaves the page exactly as
// it was (the same DOM, no node or listener more, the scroll position, the
// focus on the toggle, its scripts working); the page's own toggle links
// drive the mode; what the data- attributes do; axe on what the embed shows.

import assert from 'node:assert/strict';

import { assertNoViolations } from './axe.mjs';
import { SMALL, STAGED, accessibleNames, focusedToggle, listenerCount, nodeCount, servePages, toggleHandle } from './embed-pages.mjs';
import { PORTAL_PAGE, browserTest, open } from './harness.mjs';

/**
 * Enters with the toggle and leaves with the view's own 退出老年模式, `times`
 * times, in the page (a click is a click event on the element, as a reader's
 * is); each time the view must be shown and then gone.
 */
function cycle(page, toggle, times) {
  return page.evaluate(
    async ([selector, n]) => {
      const button = () =>
        selector === 'floating' ? document.querySelector('yilan-embed').shadowRoot.querySelector('button') : document.querySelector(selector);
      const until = async (check, what) => {
        for (let i = 0; i < 2000; i += 1) {
          if (check()) return;
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
        throw new Error(`timed out waiting for ${what}`);
      };
      for (let i = 0; i < n; i += 1) {
        button().click();
        await until(() => document.querySelector('yilan-embed-view:not([inert]) yilan-view'), 'the view');
        document.querySelector('yilan-embed-view:not([inert]) yilan-view').shadowRoot.querySelector('[data-yl-tool="mode"]').click();
        await until(() => !document.querySelector('yilan-embed-view:not([inert])'), 'the view to go');
      }
    },
    [toggle, times],
  );
}

/** What must be the same after the view is left (a view staged ahead again aside). */
function pageFacts(page) {
  return page.evaluate((staged) => {
    const body = document.body.cloneNode(true);
    for (const element of body.querySelectorAll(staged)) element.remove();
    return {
      scroll: Math.round(scrollY),
      same: window.savedBody ? body.isEqualNode(window.savedBody) : null,
      inert: [...document.querySelectorAll('[inert]')].filter((element) => !element.matches(staged)).length,
    };
  }, STAGED);
}

const PAGES = [
  { name: 'the demo portal', path: PORTAL_PAGE, toggle: '#enter-elderly', title: '上盘镇2023年工作总结及2024年工作计划' },
  {
    name: 'fixture 01 (gov.cn)',
    path: '/embed-pages/01.html',
    toggle: 'floating',
    title: '国务院关于在海南博鳌乐城国际医疗旅游先行区暂时调整实施《中华人民共和国药品管理法实施条例》有关规定的决定',
  },
  { name: 'fixture 07 (Hanweb, its 关怀版 links)', path: '/embed-pages/07.html', toggle: '#cniil_slb', title: '全省教育系统师德师风建设专题培训班举办' },
];

for (const { name, path, toggle, title } of PAGES) {
  browserTest(`${name}: enter and exit 100 times, the page exactly as it was`, SMALL, async (page) => {
    await servePages(page);
    await open(page, path);
    const cdp = await page.context().newCDPSession(page);
    await page.waitForSelector('yilan-embed', { state: 'attached' });
    await page.evaluate(() => {
      window.savedBody = document.body.cloneNode(true);
    });
    const nodes = await nodeCount(page);
    const listeners = await listenerCount(page, cdp);

    // Once by a real click (which scrolls the toggle into view), checking
    // the view.
    await (await toggleHandle(page, toggle)).asElement().click();
    await page.waitForSelector('yilan-embed-view:not([inert]) yilan-view');
    const shown = await page.evaluate(() => {
      const shadow = document.querySelector('yilan-embed-view:not([inert]) yilan-view').shadowRoot;
      return {
        title: shadow.querySelector('h1')?.textContent,
        mode: shadow.querySelector('.yl-view').getAttribute('data-mode'),
        pageInert: [...document.body.children].filter((e) => !e.localName.startsWith('yilan-')).every((e) => e.inert),
        widget: getComputedStyle(document.querySelector('yilan-embed')).display,
      };
    });
    assert.deepEqual(shown, { title, mode: 'elderly', pageInert: true, widget: 'none' });
    // Real clicks reach the view, not the page under it.
    await page.mouse.click(500, 300);
    assert.deepEqual(await page.evaluate(() => (window.pageLog ?? []).filter((e) => e.startsWith('click'))), []);
    await page.click('[data-yl-tool="mode"]');
    await page.waitForFunction(() => !document.querySelector('yilan-embed-view:not([inert])'));

    await page.evaluate(() => window.scrollTo(0, 400));
    const scroll = await page.evaluate(() => Math.round(scrollY));
    assert.ok(scroll > 0, 'the page scrolls');
    await cycle(page, toggle, 99);
    // The focus back on the toggle has a view built ahead again: once it is
    // in the page, nothing more changes.
    await page.waitForSelector(STAGED, { state: 'attached' });
    // The viewport tags are given back over two frames after leaving (a tag
    // the embed added goes then): a few frames on, all is as it was.
    await page.evaluate(async () => {
      for (let i = 0; i < 4; i += 1) await new Promise((resolve) => requestAnimationFrame(resolve));
    });
    assert.deepEqual(await pageFacts(page), { scroll, same: true, inert: 0 }, 'the body equals its clone taken before');
    assert.equal(await nodeCount(page), nodes, 'no node more or less');
    assert.equal(await listenerCount(page, cdp), listeners, 'no event listener more or less');
    assert.equal(await focusedToggle(page), toggle, 'focus back on the toggle');
    // The page is live again: a real click reaches its own script.
    if (path !== PORTAL_PAGE) {
      await page.mouse.click(500, 300);
      assert.ok((await page.evaluate(() => window.pageLog)).some((entry) => entry.startsWith('click')), 'the page script saw the click');
    }
  });
}

browserTest('the demo portal: its script keeps working, the view came from the page HTML', {}, async (page) => {
  await open(page, PORTAL_PAGE);
  await page.waitForFunction(() => document.getElementById('hits').textContent === '1024');
  await page.click('#enter-elderly');
  await page.waitForSelector('yilan-embed-view:not([inert]) yilan-view');
  const view = await page.evaluate(() => {
    const shadow = document.querySelector('yilan-embed-view:not([inert]) yilan-view').shadowRoot;
    return { sections: shadow.querySelectorAll('.yl-section').length, crumbs: shadow.querySelectorAll('.yl-breadcrumb a').length };
  });
  // parseDom of the live page: the breadcrumb keeps its links.
  assert.deepEqual(view, { sections: 11, crumbs: 7 });
  await page.click('[data-yl-tool="mode"]');
  await page.click('.font-size [data-size="18"]');
  assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('zoom')).fontSize), '18px');
});

browserTest("fixture 07: the page's own 关怀版 links drive the mode; its other links keep their handlers", SMALL, async (page) => {
  await servePages(page);
  await open(page, '/embed-pages/07.html');
  const links = await page.evaluate(() => [...document.querySelectorAll('#cniil_slb, #mobile_ghb')].map((a) => a.textContent));
  assert.deepEqual(links, ['关怀版', '进入关怀版']);
  assert.equal(await page.evaluate(() => document.querySelector('yilan-embed').shadowRoot.querySelector('button:not([hidden])')), null, 'no floating toggle');
  for (const link of ['#cniil_slb', '#mobile_ghb']) {
    await page.evaluate((selector) => document.querySelector(selector).click(), link);
    await page.waitForSelector('yilan-embed-view:not([inert]) yilan-view');
    await page.click('[data-yl-tool="mode"]');
    await page.waitForFunction(() => !document.querySelector('yilan-embed-view:not([inert])'));
  }
  // The header's own styles hide the mobile link on a wide screen; the
  // desktop one takes the focus back.
  await page.click('#cniil_slb');
  await page.waitForSelector('yilan-embed-view:not([inert]) yilan-view');
  await page.click('[data-yl-tool="mode"]');
  assert.equal(await focusedToggle(page), '#cniil_slb');
  // The page's own 关怀版 handler did not run as well; 阅读辅助 is not ours.
  await page.evaluate(() => [...document.querySelectorAll('a')].find((a) => a.textContent === '阅读辅助').click());
  assert.deepEqual(
    await page.evaluate(() => window.pageLog.filter((entry) => entry.startsWith('aria'))),
    ['aria.start'],
  );
  assert.equal(await page.evaluate(() => Boolean(document.querySelector('yilan-embed-view:not([inert]) yilan-view'))), false);
});

browserTest('the package loads only when asked: pointer on the toggle prefetches, the click shows', SMALL, async (page) => {
  const requested = await servePages(page);
  await open(page, '/embed-pages/01.html');
  await page.waitForSelector('yilan-embed', { state: 'attached' });
  await page.waitForTimeout(200);
  const ours = () => requested.filter((url) => url.includes('/yilan/')).map((url) => new URL(url).pathname);
  assert.deepEqual(ours(), ['/yilan/pkg/embed.js'], 'an ordinary page load costs only the loader');
  await (await toggleHandle(page, 'floating')).asElement().hover();
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/yilan_bg.wasm')));
  assert.equal(await page.evaluate(() => Boolean(document.querySelector('yilan-embed-view:not([inert]) yilan-view'))), false, 'prefetch shows nothing');
  await (await toggleHandle(page, 'floating')).asElement().click();
  await page.waitForSelector('yilan-embed-view:not([inert]) yilan-view');
  assert.deepEqual(ours().sort(), [
    '/yilan/pkg/dom-events.js',
    '/yilan/pkg/embed.js',
    '/yilan/pkg/index.js',
    '/yilan/pkg/prefetch.js',
    '/yilan/pkg/trusted.js',
    '/yilan/pkg/yilan.js',
    '/yilan/pkg/yilan_bg.wasm',
  ]);
  assert.equal(await page.evaluate(() => document.cookie), '');
  assert.deepEqual(await page.context().cookies(), []);
});

browserTest('the package comes in one round trip: its modules and the wasm are asked for together', SMALL, async (page) => {
  await servePages(page);
  // Each file of the package answers after a delay: a module asked for
  // only once the one importing it has arrived would come a delay later.
  const DELAY = 400;
  const asked = new Map();
  await page.route('**/yilan/**', async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path.endsWith('/embed.js')) return route.fallback();
    asked.set(path, Date.now());
    await new Promise((resolve) => setTimeout(resolve, DELAY));
    return route.fallback();
  });
  await open(page, '/embed-pages/01.html');
  await page.waitForSelector('yilan-embed', { state: 'attached' });
  await (await toggleHandle(page, 'floating')).asElement().click();
  await page.waitForSelector('yilan-embed-view:not([inert]) yilan-view', { timeout: 10000 });
  assert.deepEqual([...asked.keys()].sort(), [
    '/yilan/pkg/dom-events.js',
    '/yilan/pkg/index.js',
    '/yilan/pkg/prefetch.js',
    '/yilan/pkg/trusted.js',
    '/yilan/pkg/yilan.js',
    '/yilan/pkg/yilan_bg.wasm',
  ]);
  const times = [...asked.values()];
  const spread = Math.max(...times) - Math.min(...times);
  assert.ok(spread < DELAY / 2, `all asked for within ${spread} ms of the first, not one delay after another`);
});

browserTest('the view built ahead of the click is shown only while the document read from the page, its address and the stored preferences stay as they were', {}, async (page) => {
  await open(page, PORTAL_PAGE);
  const seen = await page.evaluate(async () => {
    const m = await import('/yilan/pkg/prefetch.js');
    await m.default();
    const settings = { host: () => document.createElement('div'), locale: 'zh-CN' };
    const root = document.getElementById('zoom');
    const title = document.querySelector('.article-title');
    const shadow = (view) => view.host.querySelector('yilan-view').shadowRoot;
    const viewTitle = (view) => shadow(view).querySelector('.yl-title').textContent;
    const firstLink = (view) => shadow(view).querySelector('.yl-breadcrumb a[href]')?.getAttribute('href');
    const out = {};
    // Nothing changed: the entry gets the very view made ahead, which
    // stored nothing until then, and stores the mode once in the page.
    localStorage.clear();
    let made = m.ahead(document, settings);
    out.storedAhead = localStorage.length;
    // Reaching the toggle again while it is current builds nothing new.
    out.again = m.ahead(document, settings).host === made.host;
    let view = m.take(document, settings);
    out.kept = view.host === made.host && view.viewer === made.viewer;
    out.storedTaken = localStorage.length;
    document.body.append(view.host);
    // Laid out: the bar's size observer reports in the frame.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    out.storedShown = JSON.parse(localStorage.getItem('yilan:prefs:v1'))?.mode;
    view.viewer.destroy();
    view.host.remove();
    // Once taken, it is gone: the next entry builds again.
    out.once = m.take(document, settings).host !== made.host;
    // Another root than the one read ahead.
    made = m.ahead(document, settings);
    out.otherRoot = m.take(root, settings).host !== made.host;
    // A text changed, an attribute set, an element added, each under the root.
    const changes = {
      text: () => { title.firstChild.data = '上盘镇2024年工作总结'; },
      attribute: () => root.querySelector('p').setAttribute('hidden', ''),
      element: () => root.append(Object.assign(document.createElement('p'), { textContent: '新增的一段。' })),
    };
    for (const [name, change] of Object.entries(changes)) {
      made = m.ahead(document, settings);
      change();
      view = m.take(document, settings);
      out[name] = {
        fresh: view.host !== made.host,
        title: viewTitle(view),
        text: shadow(view).textContent.includes('新增的一段'),
        // The view made ahead is destroyed, not left behind.
        destroyed: made.host.childElementCount === 0,
      };
    }
    // A change reported to the observer (a later task) counts the same.
    made = m.ahead(document, settings);
    title.firstChild.data = '上盘镇2024年工作总结（二）';
    await new Promise((resolve) => setTimeout(resolve, 0));
    view = m.take(document, settings);
    out.observed = { fresh: view.host !== made.host, title: viewTitle(view), destroyed: made.host.childElementCount === 0 };
    // Changes that leave the document read from the page the same (an
    // attribute it does not read, a clock in the site's header), in this
    // task or reported: the view made ahead is kept.
    made = m.ahead(document, settings);
    root.querySelector('p').dataset.tick = '1';
    await new Promise((resolve) => setTimeout(resolve, 0));
    document.querySelector('.welcome').textContent = '欢迎访问临海市人民政府门户网站 22:30:05';
    out.same = { again: m.ahead(document, settings).host === made.host, taken: m.take(document, settings).host === made.host };
    // The reader's stored preferences changed (in another tab): the view follows them.
    made = m.ahead(document, settings);
    localStorage.setItem('yilan:prefs:v1', JSON.stringify({ mode: 'elderly', theme: 'cream' }));
    view = m.take(document, settings);
    out.prefs = { fresh: view.host !== made.host, theme: shadow(view).querySelector('.yl-view').dataset.theme };
    localStorage.clear();
    // The address changed (history.pushState): links resolve against the new one.
    made = m.ahead(document, settings);
    const before = firstLink(made);
    history.pushState(null, '', '/elsewhere/deeper/page.html');
    view = m.take(document, settings);
    out.address = { fresh: view.host !== made.host, moved: firstLink(view) !== before };
    return out;
  });
  assert.equal(seen.storedAhead, 0, 'nothing stored before the entry');
  assert.equal(seen.again, true, 'the view made ahead is kept while current');
  assert.equal(seen.kept, true, 'kept while nothing changed');
  assert.equal(seen.storedTaken, 0, 'nothing stored while out of the page');
  assert.equal(seen.storedShown, 'elderly');
  assert.equal(seen.once, true);
  assert.equal(seen.otherRoot, true);
  assert.deepEqual(seen.text, { fresh: true, title: '上盘镇2024年工作总结', text: false, destroyed: true });
  assert.deepEqual([seen.attribute.fresh, seen.attribute.destroyed], [true, true]);
  assert.deepEqual(seen.element, { fresh: true, title: '上盘镇2024年工作总结', text: true, destroyed: true });
  assert.deepEqual(seen.observed, { fresh: true, title: '上盘镇2024年工作总结（二）', destroyed: true }, 'a change the observer reported');
  assert.deepEqual(seen.same, { again: true, taken: true }, 'kept when the document read is the same');
  assert.deepEqual(seen.prefs, { fresh: true, theme: 'cream' });
  assert.deepEqual(seen.address, { fresh: true, moved: true });
});

browserTest('a change to the page after the prefetch shows in the view', {}, async (page) => {
  await open(page, PORTAL_PAGE);
  await page.waitForFunction(() => document.getElementById('hits').textContent === '1024');
  await page.hover('#enter-elderly');
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/yilan_bg.wasm') && e.responseEnd > 0));
  // Past the idle prefetch.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
  await page.evaluate(() => { document.querySelector('.article-title').textContent = '上盘镇工作总结（修订）'; });
  await page.click('#enter-elderly');
  await page.waitForSelector('yilan-embed-view:not([inert]) yilan-view');
  const title = await page.evaluate(() => document.querySelector('yilan-embed-view:not([inert]) yilan-view').shadowRoot.querySelector('.yl-title').textContent);
  assert.equal(title, '上盘镇工作总结（修订）');
});

browserTest('entering with the view built ahead: the mode is announced once shown, and stored', {}, async (page) => {
  await open(page, PORTAL_PAGE);
  await page.evaluate(() => localStorage.clear());
  await page.hover('#enter-elderly');
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/yilan_bg.wasm') && e.responseEnd > 0));
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
  assert.equal(await page.evaluate(() => localStorage.length), 0, 'nothing stored before the click');
  await page.click('#enter-elderly');
  await page.waitForSelector('yilan-embed-view:not([inert]) yilan-view');
  await page.waitForFunction(() => document.querySelector('yilan-embed-view:not([inert]) yilan-view').shadowRoot.querySelector('[role="status"][aria-live]')?.textContent.includes('老年模式'));
  assert.equal(await page.evaluate(() => JSON.parse(localStorage.getItem('yilan:prefs:v1')).mode), 'elderly');
});

browserTest('the view built ahead waits in the page laid out, out of sight and out of reach; the click shows that very element', {}, async (page) => {
  await open(page, PORTAL_PAGE);
  await page.evaluate(() => localStorage.clear());
  const cdp = await page.context().newCDPSession(page);
  const names = () => accessibleNames(cdp);
  const pageNames = await names();
  await page.hover('#enter-elderly');
  await page.waitForSelector(STAGED, { state: 'attached' });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const staged = await page.evaluate((selector) => {
    const host = document.querySelector(selector);
    window.stagedHost = host;
    const shadow = host.querySelector('yilan-view').shadowRoot;
    const toggle = document.getElementById('enter-elderly').getBoundingClientRect();
    const article = document.querySelector('.article-title').getBoundingClientRect();
    const before = document.activeElement;
    shadow.querySelector('button').focus();
    return {
      last: host === document.body.lastElementChild,
      box: [host.getBoundingClientRect().width, host.getBoundingClientRect().height],
      laidOut: shadow.querySelector('.yl-view').getBoundingClientRect().height > 800,
      opacity: getComputedStyle(host).opacity,
      // The pointer reaches the page through it.
      atToggle: document.elementFromPoint(toggle.x + toggle.width / 2, toggle.y + toggle.height / 2)?.id,
      atTitle: document.elementFromPoint(article.x + 10, article.y + article.height / 2)?.className,
      focusable: document.activeElement !== before,
      stored: localStorage.length,
      said: shadow.querySelector('[role="status"][aria-live]').textContent,
    };
  }, STAGED);
  assert.deepEqual(staged, {
    last: true,
    box: [1280, 800],
    laidOut: true,
    opacity: '0',
    atToggle: 'enter-elderly',
    atTitle: 'article-title',
    focusable: false,
    stored: 0,
    said: '',
  });
  assert.deepEqual(await names(), pageNames, 'nothing of it in the accessibility tree');
  await page.click('#enter-elderly');
  await page.waitForSelector('yilan-embed-view:not([inert]) yilan-view');
  const shown = await page.evaluate(() => {
    const host = document.querySelector('yilan-embed-view:not([inert])');
    return {
      same: host === window.stagedHost,
      hosts: document.querySelectorAll('yilan-embed-view').length,
      opacity: getComputedStyle(host).opacity,
      pointer: getComputedStyle(host).pointerEvents,
      focusIn: host.contains(document.activeElement),
      stored: JSON.parse(localStorage.getItem('yilan:prefs:v1'))?.mode,
    };
  });
  assert.deepEqual(shown, { same: true, hosts: 1, opacity: '1', pointer: 'auto', focusIn: true, stored: 'elderly' });
  assert.ok((await names()).includes('阅读工具'), 'in the accessibility tree once shown');
});

browserTest('in a browser without inert, the view built ahead waits detached and the click puts it in', {}, async (page) => {
  await page.addInitScript(() => {
    delete HTMLElement.prototype.inert;
  });
  await open(page, PORTAL_PAGE);
  await page.hover('#enter-elderly');
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/yilan_bg.wasm') && e.responseEnd > 0));
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
  assert.equal(await page.evaluate(() => document.querySelectorAll('yilan-embed-view').length), 0, 'nothing staged in the page');
  await page.click('#enter-elderly');
  await page.waitForSelector('yilan-embed-view:not([inert]) yilan-view');
  const title = await page.evaluate(() => document.querySelector('yilan-embed-view yilan-view').shadowRoot.querySelector('.yl-title').textContent);
  assert.equal(title, '上盘镇2023年工作总结及2024年工作计划');
  await page.click('[data-yl-tool="mode"]');
  await page.waitForFunction(() => !document.querySelector('yilan-embed-view'));
});

browserTest('after leaving the mode, the next entry shows a view built ahead, which listened to nothing of the page until then', {}, async (page) => {
  await open(page, PORTAL_PAGE);
  const cdp = await page.context().newCDPSession(page);
  // Every view host the embed makes, with the time it was made.
  await page.evaluate(() => {
    window.hosts = [];
    const create = Document.prototype.createElement;
    Document.prototype.createElement = function (name, ...rest) {
      const element = create.call(this, name, ...rest);
      if (name === 'yilan-embed-view') window.hosts.push({ element, at: performance.now() });
      return element;
    };
  });
  // The driver's waits add listeners of their own: counted after one.
  await page.waitForSelector('#enter-elderly');
  const listeners = await listenerCount(page, cdp);
  await page.evaluate(() => document.querySelector('#enter-elderly').click());
  await page.waitForSelector('yilan-embed-view:not([inert]) yilan-view');
  await page.evaluate(() => document.querySelector('yilan-embed-view:not([inert]) yilan-view').shadowRoot.querySelector('[data-yl-tool="mode"]').click());
  await page.waitForFunction(() => !document.querySelector('yilan-embed-view:not([inert])'));
  // The focus is back on the toggle; the view is built while the browser is idle.
  await page.waitForFunction(() => window.hosts.length === 2);
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
  assert.equal(await listenerCount(page, cdp), listeners, 'the view built ahead adds no listener to the page');
  const clicked = await page.evaluate(() => performance.now());
  await page.evaluate(() => document.querySelector('#enter-elderly').click());
  await page.waitForSelector('yilan-embed-view:not([inert]) yilan-view');
  const shown = await page.evaluate((at) => {
    const made = window.hosts.find((host) => host.element === document.querySelector('yilan-embed-view:not([inert])'));
    return { before: made ? made.at < at : null, hosts: window.hosts.length };
  }, clicked);
  assert.deepEqual(shown, { before: true, hosts: 2 }, 'the view shown is the one built before the click');
  // It works as one built at the click: a panel opened, a press outside closes it.
  const expanded = () => page.getAttribute('[data-yl-tool="theme"]', 'aria-expanded');
  await page.click('[data-yl-tool="theme"]');
  assert.equal(await expanded(), 'true');
  await page.mouse.click(5, 790);
  assert.equal(await expanded(), 'false');
});

browserTest('in the view over the page, a press outside the bar closes an open panel', {}, async (page) => {
  await open(page, PORTAL_PAGE);
  await page.click('#enter-elderly');
  await page.waitForSelector('yilan-embed-view:not([inert]) yilan-view');
  const expanded = () => page.getAttribute('[data-yl-tool="theme"]', 'aria-expanded');
  await page.click('[data-yl-tool="theme"]');
  assert.equal(await expanded(), 'true');
  // In the view's margin, below the bar: the embed stops the press at its
  // element, before it would reach the document.
  await page.mouse.click(5, 790);
  assert.equal(await expanded(), 'false');
});

browserTest('data- attributes: toggle selector, content root, default theme and scale, locale', SMALL, async (page) => {
  const custom = {
    '/embed-pages/custom.html': `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>某页_某某市人民政府</title>
<script type="module" src="/yilan/pkg/embed.js" data-toggle=".big-text" data-content="#article" data-theme="cream" data-scale="1.5" data-locale="en"></script></head>
<body><p><a href="#" class="big-text">大字</a></p><div id="nav"><p>一、不读这里</p></div>
<div id="article"><h1>关于某事的通知</h1><p>一、总体情况</p><p>今年以来，全市各项工作有序推进，群众满意度持续提升。</p>
<p>二、下一步安排</p><p>继续做好为民服务，推动各项措施落地见效。</p></div></body></html>`,
    '/embed-pages/english.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A page</title>
<script type="module" src="/yilan/pkg/embed.js" data-locale="en"></script></head><body><main><p>Text.</p></main></body></html>`,
  };
  await servePages(page, custom);
  await open(page, '/embed-pages/custom.html');
  await page.waitForSelector('yilan-embed', { state: 'attached' });
  assert.equal(await page.evaluate(() => document.querySelector('yilan-embed').shadowRoot.querySelector('button:not([hidden])')), null);
  await page.click('.big-text');
  await page.waitForSelector('yilan-embed-view:not([inert]) yilan-view');
  const view = await page.evaluate(() => {
    const shadow = document.querySelector('yilan-embed-view:not([inert]) yilan-view').shadowRoot;
    const root = shadow.querySelector('.yl-view');
    return {
      title: shadow.querySelector('h1').textContent,
      content: root.textContent.includes('今年以来'),
      outside: root.textContent.includes('不读这里'),
      theme: root.getAttribute('data-theme'),
      scale: root.getAttribute('data-scale'),
      words: shadow.querySelector('[data-yl-tool="mode"]').textContent.includes('Exit elderly mode'),
      hash: location.hash,
    };
  });
  assert.deepEqual(view, {
    title: '关于某事的通知',
    content: true,
    outside: false,
    theme: 'cream',
    scale: '1.5',
    words: true,
    hash: '',
  });
  await page.click('[data-yl-tool="mode"]');
  assert.equal(await focusedToggle(page), 'a');

  await open(page, '/embed-pages/english.html');
  const label = await page.evaluate(() => document.querySelector('yilan-embed').shadowRoot.querySelector('button').textContent);
  assert.equal(label, 'Enter elderly mode');
});

browserTest('axe: the floating toggle, and the entered view on a real page', SMALL, async (page) => {
  await servePages(page);
  await open(page, '/embed-pages/01.html');
  await page.waitForSelector('yilan-embed', { state: 'attached' });
  await assertNoViolations(page, { include: ['yilan-embed'] });
  await page.keyboard.press('Tab');
  await (await toggleHandle(page, 'floating')).asElement().focus();
  await assertNoViolations(page, { include: ['yilan-embed'] });
  await open(page, '/embed-pages/07.html');
  await page.click('#cniil_slb');
  await page.waitForSelector('yilan-embed-view:not([inert]) yilan-view');
  await assertNoViolations(page, { include: ['yilan-embed-view'] });
});

browserTest('in the mode the page under the view is hidden from assistive technology; after, it is back', {}, async (page) => {
  await open(page, PORTAL_PAGE);
  const cdp = await page.context().newCDPSession(page);
  const names = () => accessibleNames(cdp);
  const pageText = '欢迎访问临海市人民政府门户网站';
  assert.ok((await names()).some((name) => name.includes(pageText)), 'the page is in the tree');
  await page.click('#enter-elderly');
  await page.waitForSelector('yilan-embed-view:not([inert]) yilan-view');
  const during = await names();
  assert.ok(!during.some((name) => name.includes(pageText)), 'the page is out of the tree');
  assert.ok(during.some((name) => name.includes('上盘镇2023年工作总结及2024年工作计划')), 'the view is in it');
  await page.click('[data-yl-tool="mode"]');
  await page.waitForFunction(() => !document.querySelector('yilan-embed-view:not([inert])'));
  assert.ok((await names()).some((name) => name.includes(pageText)), 'the page is back in the tree');
});

browserTest('printing in the mode prints the view, all of it, and nothing of the page under it; after the mode, the page prints as before', {}, async (page) => {
  await open(page, PORTAL_PAGE);
  const sheetsBefore = await page.evaluate(() => document.adoptedStyleSheets.length);
  await page.click('#enter-elderly');
  await page.waitForSelector('yilan-embed-view:not([inert]) yilan-view');
  const layout = () => page.evaluate(() => ({
    host: getComputedStyle(document.querySelector('yilan-embed-view:not([inert])')).position,
    overflow: getComputedStyle(document.querySelector('yilan-embed-view:not([inert])')).overflowY,
    page: [...document.body.children]
      .filter((element) => element.localName !== 'yilan-embed-view' && element.localName !== 'yilan-embed')
      .map((element) => getComputedStyle(element).display)
      .filter((display) => display !== 'none').length,
  }));
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  assert.deepEqual(await layout(), { host: 'static', overflow: 'visible', page: 0 }, 'on paper: the view in the flow, the page hidden');
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.emulateMedia({ media: 'screen' });
  const onScreen = await layout();
  assert.equal(onScreen.host, 'fixed', 'back over the page on screen');
  assert.equal(onScreen.overflow, 'auto');
  assert.ok(onScreen.page > 0, 'the page is there under it');

  await page.click('[data-yl-tool="mode"]');
  await page.waitForFunction(() => !document.querySelector('yilan-embed-view:not([inert])'));
  assert.equal(await page.evaluate(() => document.adoptedStyleSheets.length), sheetsBefore, 'the print rule went with the mode');
  await page.emulateMedia({ media: 'print' });
  const printedPage = await page.evaluate(() => [...document.body.children]
    .filter((element) => element.localName !== 'yilan-embed')
    .map((element) => getComputedStyle(element).display)
    .filter((display) => display !== 'none').length);
  assert.ok(printedPage > 0, 'the page prints as its own stylesheet says');
});

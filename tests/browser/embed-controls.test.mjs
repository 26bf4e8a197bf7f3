// The embed among a portal's own controls and ways of serving it: the
// page's 关闭 / 返回 / 退出 controls keep working; `data-toggle` may name
// any element; a toggle may be an image; a toggle hidden at the window's
// width does not count; the loader may sit behind a redirect, in a folder
// of any name, or be tagged twice; a failed load can be retried; printing
// the page leaves the floating button out; a server-side import is inert; a
// filter or transform on <body> (a mourning day's grayscale) moves nothing;
// a `zoom` on <body> or <html> shrinks nothing of the embed's.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';

import { SMALL, accessibleNames, servePages } from './embed-pages.mjs';
import { browserTest, open } from './harness.mjs';
import { root } from '../../scripts/serve.mjs';

const TAG = '<script type="module" src="/yilan/pkg/embed.js"></script>';

/** A portal page: `head` goes after the title, `body` is the page's own markup before a short article. */
function portal({ head = TAG, body = '' } = {}) {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>关于某事的通知_某某市人民政府</title>${head}</head>
<body>${body}<div id="article"><h1>关于某事的通知</h1><p>一、总体情况</p><p>今年以来，全市各项工作有序推进，群众满意度持续提升。</p></div></body></html>`;
}

const floatingShown = (page) =>
  page.evaluate(() => {
    const button = document.querySelector('yilan-embed')?.shadowRoot.querySelector('button');
    return button ? !button.hidden && button.getClientRects().length > 0 : null;
  });

const VIEW = 'yilan-embed-view:not([inert]) yilan-view';
const inMode = (page) => page.evaluate((view) => document.querySelector(view) !== null, VIEW);

browserTest("the page's own 关闭, 返回 and 退出 controls keep their handlers and links", SMALL, async (page) => {
  const body = `<div id="notice" role="dialog" aria-label="通知"><p>飘窗通知</p>
<button type="button" aria-label="关闭" onclick="log.push('dialog closed'); this.parentNode.hidden = true">×</button></div>
<a href="#" onclick="log.push('back'); return false">返回</a>
<a href="#" title="退出登录" onclick="log.push('logout'); return false">退出</a>
<span role="button" tabindex="0" onclick="log.push('close page')">关闭</span>
<a id="away" href="/embed-controls/other.html">返回</a>`;
  await servePages(page, {
    '/embed-controls/page.html': portal({ head: `<script>window.log = [];</script>${TAG}`, body }),
    '/embed-controls/other.html': portal({ head: '' }),
  });
  await open(page, '/embed-controls/page.html');
  await page.waitForSelector('yilan-embed', { state: 'attached' });
  // None of them is a toggle: the page has none, so the floating one shows.
  assert.equal(await floatingShown(page), true);
  await page.click('button[aria-label="关闭"]');
  await page.click('a[title="退出登录"]');
  await page.click('text=返回 >> nth=0');
  await page.click('span[role="button"]');
  assert.deepEqual(await page.evaluate(() => window.log), ['dialog closed', 'logout', 'back', 'close page']);
  assert.equal(await page.evaluate(() => document.getElementById('notice').hidden), true);
  await Promise.all([page.waitForURL('**/embed-controls/other.html'), page.click('#away')]);
});

browserTest('behind a redirect the script tag is still found: its data- attributes apply', SMALL, async (page) => {
  await servePages(page, {
    '/embed-controls/redirected.html': portal({
      head: '<script type="module" src="/latest/embed.js" data-locale="en" data-theme="yellow-on-black" data-scale="2"></script>',
    }),
  });
  await page.route('**/latest/embed.js', (route) => route.fulfill({ status: 302, headers: { location: '/yilan/pkg/embed.js' } }));
  await open(page, '/embed-controls/redirected.html');
  await page.waitForSelector('yilan-embed', { state: 'attached' });
  assert.equal(await page.evaluate(() => document.querySelector('yilan-embed').shadowRoot.querySelector('button').textContent), 'Enter elderly mode');
  await page.evaluate(() => document.querySelector('yilan-embed').shadowRoot.querySelector('button').click());
  await page.waitForSelector(VIEW);
  const view = await page.evaluate((selector) => {
    const root = document.querySelector(selector).shadowRoot.querySelector('.yl-view');
    return { theme: root.getAttribute('data-theme'), scale: root.getAttribute('data-scale') };
  }, VIEW);
  assert.deepEqual(view, { theme: 'yellow-on-black', scale: '2' });
});

browserTest('data-toggle may name any element: an <li onclick> takes the focus and keys, a wrapper answers for its link', SMALL, async (page) => {
  const head = (selector) => `<script>window.log = [];</script><script type="module" src="/yilan/pkg/embed.js" data-toggle="${selector}"></script>`;
  await servePages(page, {
    '/embed-controls/li.html': portal({ head: head('#ghb'), body: `<ul><li id="ghb" onclick="log.push('page handler')">关怀版</li></ul>` }),
    '/embed-controls/wrap.html': portal({ head: head('.ghb'), body: `<ul><li class="ghb"><a href="/embed-controls/other.html">关怀版</a></li></ul>` }),
    '/embed-controls/other.html': portal({ head: '' }),
  });
  await open(page, '/embed-controls/li.html');
  await page.waitForSelector('yilan-embed', { state: 'attached' });
  assert.equal(await floatingShown(page), false, 'the page has its toggle: no floating button');
  assert.deepEqual(
    await page.evaluate(() => ({ tabIndex: document.getElementById('ghb').tabIndex, role: document.getElementById('ghb').getAttribute('role') })),
    // A list's item stays one (a button in a list would break the page's
    // list for a screen reader).
    { tabIndex: 0, role: null },
  );
  await page.click('#ghb');
  await page.waitForSelector(VIEW);
  assert.deepEqual(await page.evaluate(() => window.log), [], "the page's own handler does not run as well");
  await page.click('[data-yl-tool="mode"]');
  await page.waitForFunction(() => !document.querySelector('yilan-embed-view:not([inert])'));
  assert.equal(await page.evaluate(() => document.activeElement.id), 'ghb', 'the focus is back on it');
  await page.keyboard.press('Enter');
  await page.waitForSelector(VIEW);
  await page.click('[data-yl-tool="mode"]');
  await page.waitForFunction(() => !document.querySelector('yilan-embed-view:not([inert])'));
  await page.keyboard.press(' ');
  await page.waitForSelector(VIEW);
  await page.click('[data-yl-tool="mode"]');

  await open(page, '/embed-controls/wrap.html');
  await page.waitForSelector('yilan-embed', { state: 'attached' });
  assert.equal(await floatingShown(page), false);
  assert.equal(await page.evaluate(() => document.querySelector('.ghb').hasAttribute('tabindex')), false, 'a wrapper of a link is left as it is');
  await page.click('.ghb a');
  await page.waitForSelector(VIEW);
  assert.match(page.url(), /wrap\.html$/, 'the link did not navigate');
});

browserTest('a toggle that is an image with alt text is the page’s toggle', SMALL, async (page) => {
  await servePages(page, {
    '/embed-controls/img.html': portal({ body: '<a id="care" href="/embed-controls/other.html"><img alt="关怀版" src="/embed-controls/care.png"></a>' }),
  });
  await open(page, '/embed-controls/img.html');
  await page.waitForSelector('yilan-embed', { state: 'attached' });
  assert.equal(await floatingShown(page), false);
  await page.click('#care');
  await page.waitForSelector(VIEW);
  assert.match(page.url(), /img\.html$/);
});

browserTest('a page toggle hidden at the window’s width does not count: the floating button shows there, and goes when the window widens', { viewport: { width: 375, height: 700 } }, async (page) => {
  const head = `<style>@media (max-width: 700px) { .top { display: none; } }</style>${TAG}`;
  await servePages(page, { '/embed-controls/narrow.html': portal({ head, body: '<div class="top"><a href="#">关怀版</a></div>' }) });
  await open(page, '/embed-controls/narrow.html');
  await page.waitForSelector('yilan-embed', { state: 'attached' });
  assert.equal(await floatingShown(page), true, 'on the phone: the floating button');
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.waitForFunction(() => document.querySelector('yilan-embed').shadowRoot.querySelector('button').hidden);
  assert.equal(await floatingShown(page), false, 'wide: the page’s own link');
  await page.setViewportSize({ width: 375, height: 700 });
  await page.waitForFunction(() => !document.querySelector('yilan-embed').shadowRoot.querySelector('button').hidden);
  await page.evaluate(() => document.querySelector('yilan-embed').shadowRoot.querySelector('button').click());
  await page.waitForSelector(VIEW);
});

browserTest('the published files work from a folder of any name', SMALL, async (page) => {
  await servePages(page, {
    '/embed-controls/flat.html': portal({ head: '<script type="module" src="/static/js/yilan/embed.js"></script>' }),
  });
  const pkg = join(root, 'pkg');
  const types = { js: 'text/javascript', wasm: 'application/wasm' };
  const asked = [];
  await page.route('**/static/js/yilan/*', (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop();
    asked.push(name);
    route.fulfill({ status: 200, contentType: types[name.split('.').pop()], body: readFileSync(join(pkg, name)) });
  });
  await open(page, '/embed-controls/flat.html');
  await page.waitForSelector('yilan-embed', { state: 'attached' });
  await page.evaluate(() => document.querySelector('yilan-embed').shadowRoot.querySelector('button').click());
  await page.waitForSelector(VIEW);
  assert.deepEqual(asked.sort(), ['dom-events.js', 'embed.js', 'index.js', 'prefetch.js', 'trusted.js', 'yilan.js', 'yilan_bg.wasm']);
});

browserTest('two tags of the loader at different addresses add one widget and load the package once', SMALL, async (page) => {
  const requested = await servePages(page, {
    '/embed-controls/twice.html': portal({ head: `${TAG}<script type="module" src="/yilan/pkg/embed.js?v=2"></script>` }),
  });
  await open(page, '/embed-controls/twice.html');
  await page.waitForFunction(() => document.querySelectorAll('script[src*="embed.js"]').length === 2);
  await page.waitForSelector('yilan-embed', { state: 'attached' });
  await page.evaluate(() => document.querySelector('yilan-embed').shadowRoot.querySelector('button').click());
  await page.waitForSelector(VIEW);
  assert.equal(await page.evaluate(() => document.querySelectorAll('yilan-embed, yilan-embed-view').length), 2, 'one widget, one view');
  assert.equal(requested.filter((url) => url.endsWith('/yilan_bg.wasm')).length, 1);
});

browserTest('after a failed load, a retry that works gives the button its words back', { ...SMALL, expectProblems: [/HTTP 404: .*yilan_bg\.wasm/, /Failed to load resource: .*404/] }, async (page) => {
  await servePages(page, { '/embed-controls/retry.html': portal() });
  let fail = true;
  await page.route('**/yilan/pkg/yilan_bg.wasm', (route) => (fail ? route.fulfill({ status: 404, body: 'not found' }) : route.fallback()));
  await open(page, '/embed-controls/retry.html');
  await page.waitForSelector('yilan-embed', { state: 'attached' });
  const words = () => page.evaluate(() => document.querySelector('yilan-embed').shadowRoot.querySelector('button').textContent);
  await page.evaluate(() => document.querySelector('yilan-embed').shadowRoot.querySelector('button').click());
  await page.waitForFunction(() => document.querySelector('yilan-embed').shadowRoot.querySelector('button').textContent === '老年模式暂不可用');
  fail = false;
  await page.evaluate(() => document.querySelector('yilan-embed').shadowRoot.querySelector('button').click());
  await page.waitForSelector(VIEW);
  await page.click('[data-yl-tool="mode"]');
  await page.waitForFunction(() => !document.querySelector('yilan-embed-view:not([inert])'));
  assert.equal(await words(), '进入老年模式');
});

browserTest('the floating button is not printed with the page', SMALL, async (page) => {
  await servePages(page, { '/embed-controls/print.html': portal() });
  await open(page, '/embed-controls/print.html');
  await page.waitForSelector('yilan-embed', { state: 'attached' });
  assert.equal(await floatingShown(page), true);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await floatingShown(page), false);
  assert.equal(await inMode(page), false);
});

test('imported outside a page (server-side rendering), the loader does nothing and throws nothing', async () => {
  await import(pathToFileURL(join(root, 'pkg', 'embed.js')).href);
  assert.equal(globalThis[Symbol.for('yilan.embed')], undefined);
});

browserTest('the embed adds no landmark to the page: its button is a button, its status line a live region', SMALL, async (page) => {
  await servePages(page, { '/embed-controls/plain.html': portal() });
  const roles = async () => {
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    await cdp.detach();
    return nodes.filter((node) => !node.ignored).map((node) => `${node.role?.value}:${node.name?.value ?? ''}`);
  };
  for (const path of ['/', '/embed-controls/plain.html']) {
    await open(page, path);
    await page.waitForSelector('yilan-embed', { state: 'attached' });
    const tree = await roles();
    assert.deepEqual(tree.filter((node) => node.startsWith('complementary')), [], path);
    assert.equal(tree.includes('button:进入老年模式'), path !== '/', `${path}: the floating button only where the page has no toggle`);
  }
});

browserTest("a mourning day's grayscale on <body> (or on <html>), or a transform on either, leaves the floating button in its corner and the view over the window", SMALL, async (page) => {
  const long = '<p>正文段落。</p>'.repeat(200);
  await servePages(page, {
    '/embed-controls/body-filter.html': portal({ head: `<style>body { filter: grayscale(100%); }</style>${TAG}`, body: long }),
    '/embed-controls/root-filter.html': portal({ head: `<style>html { filter: grayscale(100%); }</style>${TAG}`, body: long }),
    '/embed-controls/body-transform.html': portal({ head: `<style>body { transform: translateZ(0); }</style>${TAG}`, body: long }),
    // A page scaled to fit its design, on the root element (where nothing
    // after <body> escapes it), and a root that is only promised a change.
    '/embed-controls/root-transform.html': portal({ head: `<style>html { transform: scale(0.8); transform-origin: 0 0; }</style>${TAG}`, body: long }),
    '/embed-controls/root-will-change.html': portal({ head: `<style>html { will-change: transform; }</style>${TAG}`, body: long }),
  });
  const place = () =>
    page.evaluate(() => {
      const button = document.querySelector('yilan-embed').shadowRoot.querySelector('button').getBoundingClientRect();
      return { right: innerWidth - button.right, bottom: innerHeight - button.bottom, height: button.height };
    });
  for (const name of ['body-filter', 'root-filter', 'body-transform', 'root-transform', 'root-will-change']) {
    await open(page, `/embed-controls/${name}.html`);
    await page.waitForSelector('yilan-embed', { state: 'attached' });
    await page.waitForFunction(() => !document.querySelector('yilan-embed').shadowRoot.querySelector('button').hidden);
    await page.evaluate(() => window.scrollTo(0, 3000));
    const corner = await place();
    assert.ok(Math.abs(corner.right - 16) <= 2 && Math.abs(corner.bottom - 16) <= 2, `${name}: the button 16 px from the window's corner, scrolled (${JSON.stringify(corner)})`);
    assert.ok(corner.height >= 47.5 && corner.height < 60, `${name}: the button at its own size (${corner.height} px high)`);
    await page.evaluate(() => document.querySelector('yilan-embed').shadowRoot.querySelector('button').click());
    await page.waitForSelector(VIEW);
    const view = await page.evaluate(() => {
      const rect = document.querySelector('yilan-embed-view:not([inert])').getBoundingClientRect();
      return [rect.top, rect.left, rect.width, rect.height, innerWidth, innerHeight];
    });
    const [top, left, width, height, windowWidth, windowHeight] = view;
    assert.deepEqual([top, left, Math.round(width), Math.round(height)], [0, 0, windowWidth, windowHeight], `${name}: the view covers the window`);
    // The floating button is in the top layer only where nothing in the
    // document escapes the root; the view always is on screen (over all the
    // page shows), and the root's transform is set aside in the mode.
    // Printed for real (which fires the print events), the view is in the
    // page's flow, out of the top layer; after, it is back over the window,
    // the reader still in it.
    const lifted = name === 'root-transform' || name === 'root-will-change';
    const state = () => {
      const host = document.querySelector('yilan-embed-view:not([inert])');
      return {
        button: document.querySelector('yilan-embed').matches(':popover-open'),
        view: host.matches(':popover-open'),
        position: host.style.position,
        focus: document.activeElement?.localName,
      };
    };
    await page.evaluate((state) => {
      window.addEventListener('beforeprint', () => (window.onPaper = eval(`(${state})`)()), { once: true });
    }, state.toString());
    await page.pdf();
    assert.deepEqual(await page.evaluate(() => window.onPaper), { button: lifted, view: false, position: 'static', focus: 'yilan-view' }, `${name}: on paper`);
    assert.deepEqual(await page.evaluate(state), { button: lifted, view: true, position: 'fixed', focus: 'yilan-view' }, `${name}: after printing`);
    // Printed, the view is the page, whichever parent holds it.
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => ({
      article: document.getElementById('article').checkVisibility(),
      view: document.querySelector('yilan-embed-view:not([inert])').checkVisibility(),
    }));
    assert.deepEqual(printed, { article: false, view: true }, `${name}: printed`);
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const paper = await page.evaluate(() => {
      const host = document.querySelector('yilan-embed-view:not([inert])');
      return {
        root: getComputedStyle(document.documentElement).transform,
        wide: host.getBoundingClientRect().width >= document.documentElement.clientWidth - 16,
      };
    });
    assert.deepEqual(paper, { root: 'none', wide: true }, `${name}: on paper, the view as wide as the paper, not shrunk by the root's transform`);
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await page.emulateMedia({ media: null });
    // Left again, so that the next page does not open in the mode.
    await page.click('[data-yl-tool="mode"]');
    await page.waitForFunction(() => !document.querySelector('yilan-embed-view:not([inert])'));
  }
});

browserTest('a page scaled down with `zoom` (on <body> or on <html>, set by its script) leaves the floating button and the view at their own size', SMALL, async (page) => {
  const long = '<p>正文段落。</p>'.repeat(200);
  await servePages(page, { '/embed-controls/plain.html': portal({ body: long }) });
  for (const element of ['body', 'documentElement']) {
    await open(page, '/embed-controls/plain.html');
    await page.waitForSelector('yilan-embed', { state: 'attached' });
    // As a page designed 1600 px wide fits itself to a 1024 px window.
    await page.evaluate((name) => {
      document[name].style.zoom = '0.64';
    }, element);
    await page.waitForFunction(() => !document.querySelector('yilan-embed').shadowRoot.querySelector('button').hidden);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const button = await page.evaluate(() => {
      const box = document.querySelector('yilan-embed').shadowRoot.querySelector('button').getBoundingClientRect();
      return { height: box.height, right: innerWidth - box.right, bottom: innerHeight - box.bottom };
    });
    assert.ok(button.height >= 47.5 && button.height < 60, `${element}: the button ${button.height} px high`);
    assert.ok(Math.abs(button.right - 16) <= 2 && Math.abs(button.bottom - 16) <= 2, `${element}: in the corner (${JSON.stringify(button)})`);
    await page.evaluate(() => document.querySelector('yilan-embed').shadowRoot.querySelector('button').click());
    await page.waitForSelector(VIEW);
    const view = await page.evaluate(() => {
      const host = document.querySelector('yilan-embed-view:not([inert])');
      const rect = host.getBoundingClientRect();
      const larger = host.querySelector('yilan-view').shadowRoot.querySelector('[data-yl-tool="larger"]').getBoundingClientRect();
      return { covers: [rect.top, rect.left, Math.round(rect.width) - innerWidth, Math.round(rect.height) - innerHeight], tool: Math.round(larger.height) };
    });
    assert.deepEqual(view, { covers: [0, 0, 0, 0], tool: 60 }, `${element}: the view over the window, its tools 60 px high`);
    await page.click('[data-yl-tool="mode"]');
    await page.waitForFunction(() => !document.querySelector('yilan-embed-view:not([inert])'));
  }
});

browserTest('printed, the view on a page scaled with `zoom` (on <html> or <body>, or on screen only) is at its own size', SMALL, async (page) => {
  const long = '<p>正文段落。</p>'.repeat(200);
  const pages = {
    plain: '',
    root: '<style>html { zoom: 0.64; }</style>',
    body: '<style>body { zoom: 0.64; }</style>',
    'root on screen': '<style>@media screen { html { zoom: 0.64; } }</style>',
    'body on screen': '<style>@media screen { body { zoom: 0.64; } }</style>',
  };
  await servePages(page, Object.fromEntries(Object.entries(pages).map(([name, style], i) => [`/embed-controls/zoom-${i}.html`, portal({ head: `${style}${TAG}`, body: long })])));
  // The title's height on paper, in the paper's px.
  const printedTitle = async () => {
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const height = await page.evaluate(() => {
      const view = document.querySelector('yilan-embed-view:not([inert]) yilan-view').shadowRoot;
      return view.querySelector('h1').getBoundingClientRect().height;
    });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await page.emulateMedia({ media: null });
    return height;
  };
  let plain;
  for (const [i, name] of Object.keys(pages).entries()) {
    await open(page, `/embed-controls/zoom-${i}.html`);
    await page.waitForFunction(() => document.querySelector('yilan-embed')?.shadowRoot.querySelector('button:not([hidden])'));
    await page.evaluate(() => document.querySelector('yilan-embed').shadowRoot.querySelector('button').click());
    await page.waitForSelector(VIEW);
    const title = await printedTitle();
    plain ??= title;
    assert.ok(Math.abs(title - plain) <= 1, `${name}: the title ${title.toFixed(1)} px high on paper, as on a page that is not zoomed (${plain.toFixed(1)})`);
    // Back on screen, the view is at its own size again.
    const tool = await page.evaluate(() => {
      const view = document.querySelector('yilan-embed-view:not([inert]) yilan-view').shadowRoot;
      return Math.round(view.querySelector('[data-yl-tool="larger"]').getBoundingClientRect().height);
    });
    assert.equal(tool, 60, `${name}: on screen after printing`);
    await page.click('[data-yl-tool="mode"]');
    await page.waitForFunction(() => !document.querySelector('yilan-embed-view:not([inert])'));
  }
});

browserTest('a zoom that comes after the view was built ahead (by a stylesheet), or while the view is shown (on <html> or <body>), leaves the view at its own size', SMALL, async (page) => {
  const long = '<p>正文段落。</p>'.repeat(200);
  await servePages(page, { '/embed-controls/plain.html': portal({ body: long }) });
  const tool = () =>
    page.evaluate(() => {
      const host = document.querySelector('yilan-embed-view:not([inert])');
      return Math.round(host.querySelector('yilan-view').shadowRoot.querySelector('[data-yl-tool="larger"]').getBoundingClientRect().height);
    });
  const settle = () => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await open(page, '/embed-controls/plain.html');
  await page.waitForSelector('yilan-embed', { state: 'attached' });
  await page.waitForFunction(() => !document.querySelector('yilan-embed').shadowRoot.querySelector('button').hidden);
  // The pointer on the button builds the view ahead; then a stylesheet
  // zooms the page (no attribute of <html> or <body> changes).
  await page.hover('yilan-embed button');
  await page.waitForSelector('yilan-embed-view[inert] yilan-view', { state: 'attached' });
  await page.evaluate(() => {
    const style = document.createElement('style');
    style.textContent = 'html { zoom: 0.64; }';
    document.head.append(style);
  });
  await page.evaluate(() => document.querySelector('yilan-embed').shadowRoot.querySelector('button').click());
  await page.waitForSelector(VIEW);
  assert.equal(await tool(), 60, 'built ahead, then zoomed by a stylesheet');
  // While shown: the page zooms <html> again, then <body> (where the view is).
  await page.evaluate(() => {
    document.documentElement.style.zoom = '0.8';
  });
  await settle();
  assert.equal(await tool(), 60, '<html> zoomed while shown');
  await page.evaluate(() => {
    document.body.style.zoom = '0.5';
  });
  await settle();
  assert.equal(await tool(), 60, '<body> zoomed while shown');
});

browserTest('a grayscale class a page puts on <body> once it has loaded moves the floating button back to the window\'s corner', SMALL, async (page) => {
  const long = '<p>正文段落。</p>'.repeat(200);
  await servePages(page, {
    '/embed-controls/late-filter.html': portal({
      head: `<style>.gray { filter: grayscale(100%); }</style>${TAG}<script>addEventListener('load', () => setTimeout(() => document.body.classList.add('gray'), 50));</script>`,
      body: long,
    }),
  });
  await open(page, '/embed-controls/late-filter.html');
  await page.waitForSelector('yilan-embed', { state: 'attached' });
  await page.waitForFunction(() => document.body.classList.contains('gray'));
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.evaluate(() => window.scrollTo(0, 3000));
  const corner = await page.evaluate(() => {
    const button = document.querySelector('yilan-embed').shadowRoot.querySelector('button').getBoundingClientRect();
    return { right: innerWidth - button.right, bottom: innerHeight - button.bottom };
  });
  assert.ok(Math.abs(corner.right - 16) <= 2 && Math.abs(corner.bottom - 16) <= 2, `16 px from the window's corner (${JSON.stringify(corner)})`);
  await page.evaluate(() => document.querySelector('yilan-embed').shadowRoot.querySelector('button').click());
  await page.waitForSelector(VIEW);
  const [top, height] = await page.evaluate(() => {
    const rect = document.querySelector('yilan-embed-view:not([inert])').getBoundingClientRect();
    return [rect.top, Math.round(rect.height) - innerHeight];
  });
  assert.deepEqual([top, height], [0, 0], 'the view covers the window');
});

browserTest('a page toggle that takes no focus (an <a> with no href) is made one the keyboard reaches, so the floating button may stay hidden', SMALL, async (page) => {
  await servePages(page, {
    '/embed-controls/nohref.html': portal({ head: `<script>window.log = [];</script>${TAG}`, body: `<a id="care" onclick="log.push('page handler')">关怀版</a>` }),
  });
  await open(page, '/embed-controls/nohref.html');
  await page.waitForSelector('yilan-embed', { state: 'attached' });
  assert.equal(await floatingShown(page), false);
  assert.deepEqual(
    await page.evaluate(() => ({ tabIndex: document.getElementById('care').tabIndex, role: document.getElementById('care').getAttribute('role') })),
    { tabIndex: 0, role: 'button' },
  );
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'care', 'Tab reaches it');
  await page.keyboard.press('Enter');
  await page.waitForSelector(VIEW);
  assert.deepEqual(await page.evaluate(() => window.log), []);
});

browserTest('in the mode, what the page adds to its body later, and its stray text, stay behind the view; all is as it was after', SMALL, async (page) => {
  await servePages(page, {
    '/embed-controls/stray.html': portal({ body: '版权所有 某某市人民政府' }),
  });
  await open(page, '/embed-controls/stray.html');
  await page.waitForSelector('yilan-embed', { state: 'attached' });
  const before = await page.evaluate(() => document.body.innerHTML);
  await page.evaluate(() => document.querySelector('yilan-embed').shadowRoot.querySelector('button').click());
  await page.waitForSelector(VIEW);
  // A chat window the page opens while the mode is on.
  await page.evaluate(() => {
    const chat = document.createElement('div');
    chat.id = 'chat';
    chat.setAttribute('role', 'dialog');
    chat.setAttribute('aria-label', '在线客服');
    chat.innerHTML = '<button id="close-chat">关闭客服</button>';
    document.body.append(chat);
  });
  await page.waitForFunction(() => document.getElementById('chat').inert);
  const cdp = await page.context().newCDPSession(page);
  const names = await accessibleNames(cdp);
  assert.ok(!names.some((name) => /版权所有|关闭客服|在线客服/.test(name)), names.join(' | '));
  // Tab from the view never lands behind it.
  for (let i = 0; i < 20; i += 1) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => document.activeElement.id);
    assert.notEqual(id, 'close-chat');
  }
  await page.click('[data-yl-tool="mode"]');
  await page.waitForFunction(() => !document.querySelector('yilan-embed-view:not([inert])'));
  // (Back on the toggle, the embed builds the next view ahead, inert and
  // transparent: that one is its own.)
  const after = await page.evaluate(() => {
    document.getElementById('chat').remove();
    document.querySelector('yilan-embed-view[inert]')?.remove();
    return { html: document.body.innerHTML, inert: document.querySelectorAll('[inert]').length };
  });
  assert.deepEqual(after, { html: before, inert: 0 });
});

browserTest('the floating button says its words in their own language, whatever the page\'s', SMALL, async (page) => {
  await servePages(page, {
    '/embed-controls/en.html': portal({ body: '' }).replace('lang="zh-CN"', 'lang="en"'),
  });
  await open(page, '/embed-controls/en.html');
  await page.waitForSelector('yilan-embed', { state: 'attached' });
  const lang = await page.evaluate(() => document.querySelector('yilan-embed').shadowRoot.querySelector('button').closest('[lang]')?.lang);
  assert.equal(lang, 'zh-CN');
});


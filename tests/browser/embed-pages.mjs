// The pages the embed tests open, built at test time and served through
// Playwright routes (the fixture files themselves are never changed):
//
//   /embed-pages/01.html   fixture 01 (gov.cn), the embed tag added: it has
//                          no elderly-mode link, so the embed adds its own
//   /embed-pages/07.html   fixture 07 (Hanweb), with its header script
//                          (fixture 07b, its document.writeln lines: the
//                          进入关怀版 / 关怀版 links) where the page loads it
//
// The fixtures' own scripts are left out (their files are not in the
// fixtures); tests/browser/pages/embed-page.js stands for the page's code.
// Anything else a page asks for (its images and styles, on this host or
// another) is answered with an empty 200, so no request fails.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { root } from '../../scripts/serve.mjs';

const fixtures = join(root, 'tests', 'fixtures', 'html');
const EMBED_TAG = '<script type="module" src="/yilan/pkg/embed.js"></script>';
const PAGE_SCRIPT = '<script src="/tests/browser/pages/embed-page.js"></script>';
const SCRIPTS = /<script\b[^>]*>[\s\S]*?<\/script\s*>/gi;

/** The Hanweb header: the document.writeln statements of fixture 07b that write markup. */
const HEADER = readFileSync(join(fixtures, '07b-zj-jyt-header-guanhuaiban.js'), 'utf8')
  .split('\n')
  .filter((line) => /^\s*document\.writeln\(".*"\);\s*$/.test(line))
  // Not the scripts it writes (jQuery code, files of another host).
  .filter((line) => !/<\/?script|\$\(/.test(line))
  .join('\n');

/**
 * A fixture page with the page script and the embed tag in its head;
 * `attrs` adds data- attributes to the tag, `header` puts the 07b header
 * script where the page loads it.
 */
export function fixturePage(file, { attrs = '', header = false } = {}) {
  let html = readFileSync(join(fixtures, file), 'utf8');
  const headerAt = '<!-- 头部信息 -->';
  html = html.replace(SCRIPTS, '');
  if (header) {
    if (!html.includes(headerAt)) throw new Error(`${file} has no ${headerAt}`);
    html = html.replace(headerAt, `${headerAt}<script src="static/js/1809041039065916.js"></script>`);
  }
  const tag = attrs ? EMBED_TAG.replace('<script ', `<script ${attrs} `) : EMBED_TAG;
  // Fixture 01 is the page's body only: the tags then open it.
  return /<\/head>/i.test(html) ? html.replace(/<\/head>/i, `${PAGE_SCRIPT}${tag}</head>`) : `${PAGE_SCRIPT}${tag}${html}`;
}

export const PAGES = {
  '/embed-pages/01.html': () => fixturePage('01-govcn-zhengce-guofa-2018-43.html'),
  '/embed-pages/07.html': () => fixturePage('07-zj-jyt-tuwen-hanweb-article.html', { header: true }),
};

/**
 * Routes the page's requests: the built pages (plus `extra`, path → HTML
 * or `{ body, headers }`), the 07b header, empty answers for anything a
 * fixture refers to; the server's own files (the package, www/, tests/) go
 * through. Returns the list of every URL requested, in order.
 */
export async function servePages(page, extra = {}) {
  const requested = [];
  page.on('request', (request) => requested.push(request.url()));
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    const local = url.hostname === '127.0.0.1';
    const built = local && (extra[url.pathname] ?? PAGES[url.pathname]);
    if (built) {
      const value = typeof built === 'function' ? built() : built;
      const { body, headers = {} } = typeof value === 'string' ? { body: value } : value;
      return route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8', ...headers }, body });
    }
    if (local && url.pathname === '/embed-pages/static/js/1809041039065916.js') {
      return route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: HEADER });
    }
    const served =
      url.pathname.startsWith('/yilan/') ||
      url.pathname.startsWith('/tests/') ||
      url.pathname === '/' ||
      existsSync(join(root, 'www', url.pathname));
    if (local && served) return route.fallback();
    return route.fulfill({ status: 200, contentType: 'text/plain', body: '' });
  });
  return requested;
}

/**
 * A view the embed built ahead and put in the page, inert and transparent,
 * for the browser to lay out before the click: the embed's own, like its
 * widget, and not part of the page the counts below compare.
 */
export const STAGED = 'yilan-embed-view[inert]';

/**
 * Counts every node of the document, shadow trees included, but a view staged
 * ahead and the words of the embed's status line, which come and go (it says
 * 已退出老年模式 for ten seconds after each exit).
 */
export function nodeCount(page) {
  return page.evaluate((staged) => {
    let count = 0;
    const stack = [document];
    while (stack.length) {
      const node = stack.pop();
      if (node.nodeType === 1 && node.matches(staged)) continue;
      if (node.nodeType === 3 && node.parentNode.matches('[role="status"]') && node.getRootNode().host?.localName === 'yilan-embed') continue;
      count += 1;
      if (node.shadowRoot) stack.push(node.shadowRoot);
      for (let child = node.firstChild; child; child = child.nextSibling) stack.push(child);
    }
    return count;
  }, STAGED);
}

/**
 * The event listeners on the window and on every node of the document,
 * shadow trees included, as Chromium's DevTools protocol reports them; but
 * those inside a view staged ahead (its own, on its own elements).
 */
export async function listenerCount(page, cdp) {
  const staged = new Set();
  const { result: host } = await cdp.send('Runtime.evaluate', { expression: `document.querySelector(${JSON.stringify(STAGED)})` });
  if (host.objectId) {
    const { node } = await cdp.send('DOM.describeNode', { objectId: host.objectId, depth: -1, pierce: true });
    const stack = [node];
    while (stack.length) {
      const next = stack.pop();
      staged.add(next.backendNodeId);
      stack.push(...(next.children ?? []), ...(next.shadowRoots ?? []));
    }
    await cdp.send('Runtime.releaseObject', { objectId: host.objectId });
  }
  let total = 0;
  for (const [expression, depth] of [
    ['window', 0],
    ['document', -1],
  ]) {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId, depth, pierce: true });
    total += listeners.filter((listener) => !staged.has(listener.backendNodeId)).length;
    await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
  }
  return total;
}

/** The names of the nodes in the page's accessibility tree (those not ignored), as Chromium reports them. */
export async function accessibleNames(cdp) {
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  return nodes.filter((node) => !node.ignored).map((node) => node.name?.value ?? '');
}

/** The toggle's element in the page: a selector, or the embed's own button. */
export function toggleHandle(page, toggle) {
  return toggle === 'floating'
    ? page.evaluateHandle(() => document.querySelector('yilan-embed').shadowRoot.querySelector('button'))
    : page.evaluateHandle((selector) => document.querySelector(selector), toggle);
}

/** Where the focus is: the element's id, or `floating` for the embed's button. */
export function focusedToggle(page) {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (active?.localName === 'yilan-embed') return active.shadowRoot.activeElement?.localName === 'button' ? 'floating' : null;
    return active?.id ? `#${active.id}` : active?.localName ?? null;
  });
}

/** The window of the tests on the fixture pages. */
export const SMALL = { viewport: { width: 1024, height: 600 } };

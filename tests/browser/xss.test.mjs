// No script from the input ever runs, and nothing from it leaves the page.
//
// Every vector of tests/fixtures/security/xss-vectors.json goes through
// every path into a view: in every text and URL field of a document with
// every block type (parseJson), in the lines of a page's text (parseText),
// in the HTML of a page (parseHtml), and on a live page entered through the
// embed (as text and attribute values, inert in the page itself); each
// document is shown both by mount() and by renderHtml() into the live page,
// as a developer would. The page has no CSP that would stop a script, so
// a script that got in would run; four witnesses watch for it:
//   - traps: alert, confirm, prompt and print replaced by recorders;
//   - dialogs: Playwright's `dialog` event, a backstop for any dialog that
//     escaped the traps;
//   - a report-only CSP (`script-src 'self' 'wasm-unsafe-eval'`) whose
//     reports go to an endpoint this test serves, and the page's
//     securitypolicyviolation events: inline script or handlers would be
//     reported there even though they are allowed to run;
//   - request interception: every request other than the page and the
//     package's own files is recorded and refused.
// And the views hold only the renderer's elements: no handler attribute,
// no script-bearing element, no link or source with a refused scheme.

import assert from 'node:assert/strict';

import { everyBlock, vectors, withVector } from '../../scripts/hostile.mjs';
import { BLANK_PAGE, browserTest, serverUrl } from './harness.mjs';

const VECTORS = vectors();
const REPORT_PATH = '/csp-report';

/** Installed before any page script: the traps. */
const TRAPS = () => {
  window.xssHits = [];
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    window[name] = (...args) => {
      window.xssHits.push(`${name}(${args.map(String).join(', ')})`);
    };
  }
  window.cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
  });
};

/**
 * Opens the blank page under the report-only CSP with every witness in
 * place; returns what the witnesses saw, to be read at the end.
 */
async function openWatched(page) {
  const seen = { dialogs: [], reports: [], requests: [] };
  page.on('dialog', async (dialog) => {
    seen.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
  await page.addInitScript(TRAPS);
  const origin = serverUrl();
  const own = [BLANK_PAGE, '/yilan/', '/tests/fixtures/', '/xss-embed.html'];
  await page.route('**/*', async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    if (url.origin === origin && url.pathname === REPORT_PATH) {
      seen.reports.push(request.postData() ?? '');
      await route.fulfill({ status: 204 });
    } else if (url.origin === origin && url.pathname === BLANK_PAGE) {
      const response = await route.fetch();
      await route.fulfill({
        response,
        headers: {
          ...response.headers(),
          'content-security-policy-report-only': `script-src 'self' 'wasm-unsafe-eval'; report-uri ${REPORT_PATH}`,
        },
      });
    } else if (url.origin === origin && own.some((prefix) => url.pathname.startsWith(prefix))) {
      await route.continue();
    } else {
      seen.requests.push(`${request.resourceType()} ${request.url().slice(0, 200)}`);
      // Answered with nothing, never passed on: an image, as an empty one
      // (its failure would be noise), anything else refused.
      if (request.resourceType() === 'image') await route.fulfill({ status: 200, contentType: 'image/gif', body: '' });
      else await route.abort('blockedbyclient');
    }
  });
  await page.goto(origin + BLANK_PAGE);
  await page.evaluate(async () => {
    const yilan = await import('/yilan/pkg/index.js');
    await yilan.default();
    window.yilan = yilan;
  });
  return seen;
}

/**
 * Runs in the page: what a view (a shadow root or an element) holds that
 * the renderer never writes: a script-bearing element, a handler or style
 * attribute, a link or source with a refused scheme.
 */
function oddMarkup() {
  const SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);
  const BANNED = new Set(['script', 'iframe', 'frame', 'object', 'embed', 'svg', 'math', 'form', 'input',
    'textarea', 'select', 'style', 'link', 'meta', 'base', 'template', 'audio', 'video', 'source', 'noscript']);
  const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'srcset', 'poster'];
  return (rootNode) => {
    const found = [];
    for (const element of rootNode.querySelectorAll('*')) {
      const tag = element.localName;
      if (BANNED.has(tag)) found.push(`<${tag}>`);
      for (const attribute of element.attributes) {
        if (attribute.name.startsWith('on')) found.push(`${tag}[${attribute.name}]`);
        if (attribute.name === 'style') found.push(`${tag}[style]`);
        if (URL_ATTRIBUTES.includes(attribute.name)) {
          const url = new URL(attribute.value, document.baseURI);
          if (!SCHEMES.has(url.protocol)) found.push(`${tag}[${attribute.name}=${attribute.value.slice(0, 40)}]`);
        }
      }
    }
    return found;
  };
}

/**
 * Shows each document in the page twice, by mount() and by renderHtml()
 * into a light-DOM element, and returns per document what the views hold
 * that the renderer never writes.
 */
function showAll(page, docs) {
  return page.evaluate(([docs, source]) => {
    const odd = new Function(`return (${source})()`)();
    const results = [];
    for (const [index, doc] of docs.entries()) {
      const problems = [];
      try {
        const host = document.createElement('section');
        document.body.append(host);
        const viewer = window.yilan.mount(host, doc, { mode: 'elderly' });
        problems.push(...odd(host.querySelector('yilan-view').shadowRoot));
        viewer.destroy();
        host.remove();
        const light = document.createElement('div');
        light.innerHTML = window.yilan.renderHtml(doc, { mode: 'elderly' });
        document.body.append(light);
        problems.push(...odd(light));
      } catch (error) {
        problems.push(`threw ${error.name} ${error.code}: ${error.message}`);
      }
      if (problems.length > 0) results.push({ index, problems });
    }
    return results;
  }, [docs, oddMarkup.toString()]);
}

/** Waits for late handlers (image errors, timers) and reads the witnesses. */
async function witnesses(page, seen) {
  await page.waitForTimeout(500);
  const inPage = await page.evaluate(() => ({ hits: window.xssHits, violations: window.cspViolations }));
  return { ...inPage, ...seen };
}

function assertNothingRan(result) {
  assert.deepEqual(result.hits, [], 'no trapped function was called');
  assert.deepEqual(result.dialogs, [], 'no dialog opened');
  assert.deepEqual(result.violations, [], 'no script the report-only CSP would have refused');
  assert.deepEqual(result.reports, [], 'no CSP report reached the endpoint');
  assert.deepEqual(result.requests, [], 'no request left the page');
}

browserTest(`parseJson: ${VECTORS.length} vectors, each in every text and URL field of every block type`, {}, async (page) => {
  const seen = await openWatched(page);
  const model = everyBlock();
  // `lang` must be a language tag: there a vector is refused, with its path.
  const refused = await page.evaluate(
    (texts) => texts.map((text) => {
      try {
        window.yilan.parseJson(text);
        return 'accepted';
      } catch (error) {
        return `${error.code} ${error.path}`;
      }
    }),
    VECTORS.map((vector) => JSON.stringify({ ...model, lang: vector })),
  );
  assert.deepEqual([...new Set(refused)], ['value lang'], 'a vector as `lang` is refused');
  const parsed = await page.evaluate(
    (texts) => texts.map((text) => {
      try {
        return { doc: window.yilan.parseJson(text) };
      } catch (error) {
        return { error: `${error.code} ${error.path}: ${error.message}` };
      }
    }),
    VECTORS.map((vector) => JSON.stringify({ ...withVector(model, vector), lang: model.lang })),
  );
  // Elsewhere a vector is text to the model: each document is accepted.
  assert.deepEqual(parsed.filter((p) => p.error).map((p) => p.error), [], 'every document is valid model JSON');
  const docs = parsed.map((p) => p.doc);
  assert.equal(docs.length, VECTORS.length);
  const found = await showAll(page, docs);
  assert.deepEqual(found, [], 'the views hold only what the renderer writes');
  assertNothingRan(await witnesses(page, seen));
});

browserTest(`parseText: ${VECTORS.length} vectors in the title, metadata, headings, paragraphs and lists of a page`, {}, async (page) => {
  const seen = await openWatched(page);
  const pages = VECTORS.map((vector) =>
    [
      `首页 > 政务公开 > ${vector}`,
      vector,
      `索引号：${vector}`,
      `发布单位：${vector}`,
      `一、${vector}`,
      `（一）${vector}。${vector}`,
      vector,
      `1.${vector}`,
      `2.${vector}`,
      `附件：1.${vector}.pdf`,
      vector,
    ].join('\n'),
  );
  const docs = await page.evaluate((texts) => texts.map((text) => window.yilan.parseText(text)), pages);
  // Nothing is dropped: each vector's text is in its document somewhere.
  const kept = docs.filter((doc, i) => JSON.stringify(doc).includes(JSON.stringify(VECTORS[i]).slice(1, 20)));
  assert.ok(kept.length > VECTORS.length * 0.9, `the vectors are kept as text (${kept.length} of ${VECTORS.length})`);
  const found = await showAll(page, docs);
  assert.deepEqual(found, [], 'the views hold only what the renderer writes');
  assertNothingRan(await witnesses(page, seen));
});

browserTest(`parseHtml: ${VECTORS.length} vectors as markup and in the attributes of a page's content`, {}, async (page, t) => {
  const seen = await openWatched(page);
  const attribute = (vector) => vector.replace(/"/g, '&quot;');
  const pages = VECTORS.map((vector) => `<!doctype html><html><head><title>${vector}</title></head><body>
<div class="breadcrumb"><a href="/">首页</a> &gt; <a href="${attribute(vector)}">${vector}</a></div>
<h1>${vector}</h1>
<table class="bd1"><tr><td>索引号：</td><td>${vector}</td><td>发布机构：</td><td>${vector}</td></tr></table>
<div id="UCAP-CONTENT">
<p>一、${vector}</p>
<p>${vector}<a href="${attribute(vector)}">${vector}</a><img src="${attribute(vector)}" alt="${attribute(vector)}"></p>
<table><tr><th>${vector}</th></tr><tr><td>${vector}</td></tr></table>
<p>附件：<a href="${attribute(vector)}">${vector}.pdf</a></p>
</div></body></html>`);
  const docs = await page.evaluate(
    (htmls) => htmls.map((html) => window.yilan.parseHtml(html, { baseUrl: 'https://www.example.gov.cn/zhengce/a.html' })),
    pages,
  );
  // Chromium checks an inline handler against the page's CSP as its
  // parser reads the attribute, even in DOMParser's inert document where
  // nothing can run: parsing alone is reported (script-src-attr), and
  // nothing runs. Those reports are set aside before the views are shown.
  const parsing = await witnesses(page, seen);
  assert.deepEqual(parsing.hits, [], 'parsing ran nothing');
  assert.deepEqual(parsing.dialogs, [], 'parsing opened no dialog');
  assert.deepEqual(parsing.requests, [], 'parsing requested nothing');
  assert.deepEqual([...new Set(parsing.violations.map((v) => v.split(' ')[0]))].filter((d) => d !== 'script-src-attr'), []);
  t.diagnostic(`parsing: ${parsing.violations.length} inline handlers reported by the CSP check, none run`);
  await page.evaluate(() => {
    window.cspViolations = [];
  });
  seen.reports.length = 0;
  const found = await showAll(page, docs);
  assert.deepEqual(found, [], 'the views hold only what the renderer writes');
  const result = await witnesses(page, seen);
  // The page's own <img src> is the document's image: resolved against the
  // page's address, it loads as an image from the page's own site (never
  // passed on here). Nothing else may go out.
  const images = result.requests.filter((r) => r.startsWith('image https://www.example.gov.cn/'));
  t.diagnostic(`${images.length} image sources of the pages kept as images of their own site`);
  assertNothingRan({ ...result, requests: result.requests.filter((r) => !images.includes(r)) });
});

browserTest('the witnesses work: a handler that runs is caught by each of them', {}, async (page) => {
  const seen = await openWatched(page);
  await page.evaluate(() => {
    const div = document.createElement('div');
    div.innerHTML = '<img src="/nowhere.png" onerror="alert(1)">';
    document.body.append(div);
  });
  const result = await witnesses(page, seen);
  assert.deepEqual(result.hits, ['alert(1)'], 'the trap');
  assert.ok(result.violations.some((v) => v.startsWith('script-src')), `the report-only CSP: ${result.violations}`);
  assert.ok(result.requests.some((r) => r.includes('/nowhere.png')), `the interception: ${result.requests}`);
  // The report reaches the endpoint a moment later.
  await page.waitForTimeout(500);
  assert.ok(seen.reports.length > 0, 'the CSP report endpoint');
});

/** Text as HTML text and attribute values: inert in the page itself. */
const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

browserTest(`the embed: ${VECTORS.length} vectors as the text and link targets of a live page, entered and left`, {}, async (page) => {
  const seen = await openWatched(page);
  const items = VECTORS.map((vector) => {
    const v = escapeHtml(vector);
    return `<p>${v}<a href="${v}">${v}</a></p><table><tr><th>${v}</th><td>${v}</td></tr></table>`;
  });
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>关于XSS的通知</title>
<script type="module" src="/yilan/pkg/embed.js"></script></head><body>
<a id="enter-elderly" href="#">进入老年模式</a>
<div class="breadcrumb"><a href="/">首页</a> &gt; <a href="${escapeHtml(VECTORS[0])}">${escapeHtml(VECTORS[1])}</a></div>
<h1>关于${escapeHtml(VECTORS[2])}的通知</h1>
<table class="bd1"><tr><td>索引号：</td><td>${escapeHtml(VECTORS[3])}</td><td>发布机构：</td><td>${escapeHtml(VECTORS[4])}</td></tr></table>
<div id="UCAP-CONTENT"><p>一、总体情况</p>${items.join('\n')}</div></body></html>`;
  await page.route('**/xss-embed.html', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  await page.goto(`${serverUrl()}/xss-embed.html`);
  for (let round = 0; round < 2; round += 1) {
    await page.click('#enter-elderly');
    await page.waitForFunction(() => document.querySelector('yilan-embed-view:not([inert]) yilan-view')?.shadowRoot?.querySelector('.yl-view'));
    const found = await page.evaluate((source) => {
      const shadow = document.querySelector('yilan-embed-view:not([inert]) yilan-view').shadowRoot;
      const odd = new Function(`return (${source})()`)();
      return { found: odd(shadow), paragraphs: shadow.querySelectorAll('.yl-body p').length };
    }, oddMarkup.toString());
    assert.deepEqual(found.found, [], 'the view holds only what the renderer writes');
    assert.ok(found.paragraphs >= VECTORS.length, `every vector's paragraph is in the view (${found.paragraphs})`);
    await page.keyboard.press('Escape');
    await page.evaluate(() => document.querySelector('yilan-embed-view:not([inert]) yilan-view').shadowRoot.querySelector('[data-yl-tool="mode"]').click());
    await page.waitForFunction(() => !document.querySelector('yilan-embed-view:not([inert])'));
  }
  assertNothingRan(await witnesses(page, seen));
});

browserTest('DOM clobbering: named form controls shadowing firstChild, nextSibling, parentNode, attributes and the attribute methods do not mislead the walk', {}, async (page) => {
  await openWatched(page);
  const result = await page.evaluate(() => {
    const html = `<html><body><div id="UCAP-CONTENT"><p>一、总体情况</p>
<form name="documentElement"><input name="firstChild"><input name="nextSibling"><input name="parentNode">
<input name="attributes"><input name="nodeType"><input name="localName"><input name="hasAttributes">
<input name="getAttributeNames"><input name="getAttribute"><p>表单里的正文。</p></form>
<p>表单后的正文。</p></div></body></html>`;
    const fromString = window.yilan.parseHtml(html);
    const live = document.createElement('div');
    live.innerHTML = html;
    document.body.append(live);
    const fromLive = window.yilan.parseDom(live);
    live.remove();
    return { fromString: JSON.stringify(fromString.body), fromLive: JSON.stringify(fromLive.body) };
  });
  for (const body of [result.fromString, result.fromLive]) {
    assert.match(body, /表单里的正文/);
    assert.match(body, /表单后的正文/);
  }
});

// Trusted Types: on a page that enforces them (`require-trusted-types-for
// 'script'`), the view's markup goes in through the package's one policy,
// `yilan`, and nothing is refused; on a page whose `trusted-types` list
// leaves `yilan` out, mount throws a YilanError and leaves the page as it
// was, with no half-made view, and parseHtml says why it cannot parse.

import assert from 'node:assert/strict';

import { browserTest, open } from './harness.mjs';

async function result(page, path) {
  await open(page, path);
  const handle = await page.waitForFunction(() => window.ttResult, null, { timeout: 15000 });
  return handle.jsonValue();
}

browserTest('with `trusted-types yilan` the view mounts and nothing is refused', {}, async (page) => {
  const value = await result(page, '/tests/browser/pages/trusted-types.html');
  assert.equal(value.error, null, JSON.stringify(value.error));
  assert.deepEqual(value.violations, [], 'no CSP or Trusted Types violation');
  assert.equal(value.views, 1);
  assert.equal(value.title, '上盘镇2023年工作总结及2024年工作计划');
  assert.equal(value.tools, 13, 'the whole toolbar (更多工具, 停止 and the eleven tools)');
  assert.equal(value.theme, 'cream', 'and it works');
  assert.deepEqual(value.parsed, { title: '关于做好防汛工作的通知' }, 'parseHtml reads through the policy');
});

const REFUSED = {
  expectProblems: [
    /console error: Creating a TrustedTypePolicy named 'yilan' violates .*"trusted-types other"/,
    /console error: This document requires 'TrustedHTML' assignment/,
  ],
};

browserTest('without the policy allowed, mount fails with a code and leaves nothing behind', REFUSED, async (page) => {
  // The same page, its policy list naming another policy only.
  await page.route('**/trusted-types-refused.html', async (route) => {
    const response = await route.fetch({ url: route.request().url().replace('-refused', '') });
    const body = (await response.text()).replace('trusted-types yilan"', 'trusted-types other"');
    await route.fulfill({ response, body });
  });
  const value = await result(page, '/tests/browser/pages/trusted-types-refused.html');
  assert.equal(value.error?.name, 'YilanError', JSON.stringify(value.error));
  assert.equal(value.error.code, 'internal', 'the browser refused a DOM operation');
  assert.match(value.error.message, /writing the view/);
  assert.ok(
    value.violations.some((v) => v.startsWith('trusted-types')),
    `the refused policy is reported: ${JSON.stringify(value.violations)}`,
  );
  assert.equal(value.parsed.error?.name, 'YilanError', `parseHtml: ${JSON.stringify(value.parsed)}`);
  assert.equal(value.parsed.error.code, 'internal');
  assert.match(value.parsed.error.message, /refused to parse the HTML.*trusted-types yilan/);
  assert.equal(value.views, 0, 'no view left in the page');
  assert.equal(value.hostChildren, 0, 'the host element as it was');
});

browserTest('the demo portal with its embed under Trusted Types and the strict CSP: enter, use, leave, nothing refused', {}, async (page) => {
  // The facsimile keeps the real page's style="" attributes, which need
  // style-src-attr; the package itself needs none (the strict-CSP tests of
  // the embed run without it).
  const policy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; style-src-attr 'unsafe-inline'; "
    + "img-src 'self' data:; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'; trusted-types yilan";
  await page.route('**/', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': policy } });
  });
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
    });
  });
  await open(page, '/');
  await page.click('#enter-elderly');
  await page.waitForFunction(() => document.querySelector('yilan-embed-view:not([inert]) yilan-view')?.shadowRoot?.querySelector('.yl-view'));
  const state = await page.evaluate(() => {
    const shadow = document.querySelector('yilan-embed-view:not([inert]) yilan-view').shadowRoot;
    shadow.querySelector('[data-yl-tool="larger"]').click();
    return {
      title: shadow.querySelector('h1').textContent,
      scale: shadow.querySelector('.yl-view').getAttribute('data-scale'),
    };
  });
  assert.equal(state.title, '上盘镇2023年工作总结及2024年工作计划');
  assert.equal(state.scale, '1.25');
  await page.evaluate(() => document.querySelector('yilan-embed-view:not([inert]) yilan-view').shadowRoot.querySelector('[data-yl-tool="mode"]').click());
  await page.waitForFunction(() => !document.querySelector('yilan-embed-view:not([inert])'));
  assert.deepEqual(await page.evaluate(() => window.violations), [], 'no CSP or Trusted Types violation');
});

// Trusted Types: on a page that enforces them (`require-trusted-types-for
// 'script'`), the view's markup goes in through the package's one policy,
// `yilan`, and nothing is refused; on a page whose `trusted-types` list
// leaves `yilan` out, mount throws a YilanError and leaves the page as it
// was, with no half-made view.

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
  assert.equal(value.tools, 11, 'the whole toolbar');
  assert.equal(value.theme, 'cream', 'and it works');
});

const REFUSED = {
  expectProblems: [
    /console error: Creating a TrustedTypePolicy named 'yilan' violates .*"trusted-types other"/,
    /console error: This document requires 'TrustedHTML' assignment/,
  ],
};

browserTest('without the policy allowed, mount fails with a code and leaves nothing behind', REFUSED, async (page) => {
  const value = await result(page, '/tests/browser/pages/trusted-types-refused.html');
  assert.equal(value.error?.name, 'YilanError', JSON.stringify(value.error));
  assert.equal(value.error.code, 'internal', 'the browser refused a DOM operation');
  assert.match(value.error.message, /writing the view/);
  assert.ok(
    value.violations.some((v) => v.startsWith('trusted-types')),
    `the refused policy is reported: ${JSON.stringify(value.violations)}`,
  );
  assert.equal(value.views, 0, 'no view left in the page');
  assert.equal(value.hostChildren, 0, 'the host element as it was');
});

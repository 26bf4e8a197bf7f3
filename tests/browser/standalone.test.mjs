// The standalone page (`yilan render`) in Chromium: a reading view with no
// wasm and no package, whose own small script makes the document's 打印,
// 关闭, 分享 and 收藏 buttons work and says what they cannot do, under the
// buttons and in the page's live region.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

import { root } from '../../scripts/serve.mjs';
import { assertNoViolations } from './axe.mjs';
import { REFERENCE_TEXT, browserTest, serverUrl } from './harness.mjs';

/** The reference document with all four actions at its foot. */
const ALL_ACTIONS = `${REFERENCE_TEXT.trimEnd().replace(/打印 关闭$/, '')}\n分享 收藏 打印 关闭\n`;

/** The standalone page of `text` as the command line writes it. */
function standalonePage(text, ...options) {
  // The same features as `cargo test --all-features`, whose build it reuses.
  const result = spawnSync('cargo', ['run', '-q', '--all-features', '--', 'render', ...options, '-'], {
    cwd: root,
    input: text,
    encoding: 'utf8',
  });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}

/** Serves `html` at /standalone.html of the test server (a secure origin) and opens it. */
async function openPage(page, html) {
  const url = `${serverUrl()}/standalone.html`;
  await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  await page.goto(url);
  return url;
}

/** The words under the buttons and in the live region. */
function said(page) {
  return page.evaluate(() => {
    const notes = [...document.querySelectorAll('.yl-view .yl-footer .yl-action-note')];
    const note = notes.at(-1);
    const box = note?.getBoundingClientRect();
    return {
      notes: notes.length,
      note: note?.textContent ?? null,
      shown: Boolean(box && box.width > 0 && box.height > 0),
      live: document.getElementById('yl-said')?.textContent ?? null,
    };
  });
}

async function saysAfter(page, action, text) {
  await page.click(`.yl-actions [data-action="${action}"]`);
  await page.waitForFunction((want) => document.getElementById('yl-said')?.textContent === want, text);
  assert.deepEqual(await said(page), { notes: 1, note: text, shown: true, live: text });
}

browserTest('the standalone page\'s 分享, 收藏 and 关闭 work or say why, in its own words', {}, async (page) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const url = await openPage(page, standalonePage(ALL_ACTIONS, '--mode', 'elderly'));
  const actions = await page.$$eval('.yl-actions [data-action]', (buttons) =>
    buttons.map((b) => [b.tagName, b.getAttribute('data-action'), b.textContent]),
  );
  assert.deepEqual(actions, [
    ['BUTTON', 'share', '分享'],
    ['BUTTON', 'bookmark', '收藏'],
    ['BUTTON', 'print', '打印'],
    ['BUTTON', 'close', '关闭'],
  ]);
  const live = await page.$eval('#yl-said', (el) => [el.getAttribute('role'), el.textContent, el.getBoundingClientRect().width]);
  assert.deepEqual(live, ['status', '', 1], 'an empty live region, out of sight');
  assert.deepEqual(await said(page), { notes: 0, note: null, shown: false, live: '' });

  // Chromium on Linux has no share sheet: the address is copied.
  assert.equal(await page.evaluate(() => typeof navigator.share), 'undefined');
  await saysAfter(page, 'share', '已复制本页链接，可以粘贴发给亲友');
  await assertNoViolations(page);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), url);
  await saysAfter(page, 'close', '此页面无法自行关闭，请在浏览器中关闭此标签页');
  await saysAfter(page, 'bookmark', '请同时按键盘上的 Ctrl 和 D 键，把本页加入收藏夹');
  await page.evaluate(() => Object.defineProperty(Navigator.prototype, 'platform', { get: () => 'MacIntel' }));
  await saysAfter(page, 'bookmark', '请同时按键盘上的 ⌘ 和 D 键，把本页加入收藏夹');
  // Copying refused: the address is shown, to be copied by hand.
  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
  });
  await saysAfter(page, 'share', `请复制本页链接分享：${url}`);
  // A share sheet gets the title and the address; a share the reader
  // cancels says nothing, one that fails falls back to copying.
  await page.evaluate(() => {
    window.shared = [];
    navigator.share = (data) => {
      window.shared.push(data);
      return Promise.reject(new DOMException('cancelled', window.shared.length === 1 ? 'AbortError' : 'NotAllowedError'));
    };
  });
  await page.click('.yl-actions [data-action="share"]');
  await page.waitForFunction(() => window.shared.length === 1);
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
  assert.equal((await said(page)).notes, 0, 'a cancelled share clears the last words and says nothing new');
  assert.deepEqual(await page.evaluate(() => window.shared[0]), { title: '上盘镇2023年工作总结及2024年工作计划', url });
  await saysAfter(page, 'share', `请复制本页链接分享：${url}`);
  // 打印 opens the print dialog.
  await page.evaluate(() => {
    window.printed = 0;
    window.print = () => {
      window.printed += 1;
    };
  });
  await page.click('.yl-actions [data-action="print"]');
  assert.equal(await page.evaluate(() => window.printed), 1);
  assert.equal((await said(page)).notes, 0, 'printing says nothing and clears the last words');
});

browserTest('on a phone the standalone page\'s 收藏 points to the browser\'s menu, in the view\'s language', { hasTouch: true, isMobile: true, viewport: { width: 390, height: 800 } }, async (page) => {
  await openPage(page, standalonePage(ALL_ACTIONS, '--mode', 'elderly', '--locale', 'en'));
  await page.tap('.yl-actions [data-action="bookmark"]');
  await page.waitForFunction(() => document.getElementById('yl-said')?.textContent !== '');
  const { note, live, shown } = await said(page);
  assert.equal(note, live);
  assert.ok(shown);
  assert.match(note, /menu/i, note);
});

// The page's actions in the elderly-mode view, in Chromium: 打印 through the
// browser (or the host's handler), 关闭 asking the browser and saying how
// where it will not, 分享 copying or sharing the page's link, 收藏 saying
// how to bookmark it (on a phone, through the browser's menu).

import assert from 'node:assert/strict';

import { REFERENCE_TEXT, browserTest } from './harness.mjs';
import { inView, liveText, mountReference, takeEvents } from './viewer-helpers.mjs';

browserTest('打印 prints through the browser, and the host may take the action over', {}, async (page) => {
  await page.addInitScript(() => {
    window.printed = 0;
    window.print = () => {
      window.printed += 1;
    };
  });
  await mountReference(page, { mode: 'elderly' });
  await page.click('[data-yl-tool="print"]');
  await page.click('.yl-actions [data-action="print"]');
  assert.equal(await page.evaluate(() => window.printed), 2);
  await page.evaluate(() => window.viewer.addEventListener('action', (event) => event.preventDefault()));
  await page.click('[data-yl-tool="print"]');
  assert.equal(await page.evaluate(() => window.printed), 2, 'a cancelled action does not print');
  assert.deepEqual(await takeEvents(page), [
    ['action', 'print'],
    ['action', 'print'],
    ['action', 'print'],
  ]);
});

browserTest('关闭 asks the browser to close the page and, where it will not, says how to close it', {}, async (page) => {
  await mountReference(page, { mode: 'elderly' });
  // A page the reader opened (not a script): the browser refuses to close
  // it, and says so only in its console.
  await page.click('.yl-actions [data-action="close"]');
  assert.equal(await liveText(page), '此页面无法自行关闭，请在浏览器中关闭此标签页');
  assert.deepEqual(await takeEvents(page), [['action', 'close']], 'the action event as before');
  // A host that takes the action over: the view says nothing.
  await inView(page, (shadow) => {
    shadow.getElementById('yl-tb-live').textContent = '';
  });
  await page.evaluate(() => window.viewer.addEventListener('action', (event) => event.preventDefault()));
  await page.click('.yl-actions [data-action="close"]');
  await page.waitForTimeout(50);
  assert.equal(await liveText(page), '');
  // In the view's other languages.
  for (const [locale, words] of [
    ['en', 'This page cannot close itself: please close the tab in your browser'],
    ['zh-TW', '此頁面無法自行關閉，請在瀏覽器中關閉此分頁'],
  ]) {
    await page.evaluate(
      ([text, tag]) => {
        window.viewer.destroy();
        // A new host: the first one keeps the listener that cancels.
        const host = document.createElement('div');
        document.querySelector('#view').replaceWith(host);
        host.id = 'view';
        window.viewer = window.yilan.mount(host, window.yilan.parseText(text), { locale: tag });
      },
      [REFERENCE_TEXT, locale],
    );
    await page.click('.yl-actions [data-action="close"]');
    assert.equal(await liveText(page), words);
  }
  // A window a script opened: the browser closes it.
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.evaluate(() => window.open(location.href))]);
  await popup.waitForLoadState();
  await popup.evaluate(async (text) => {
    const yilan = await import('/yilan/pkg/index.js');
    await yilan.default();
    yilan.mount(document.querySelector('#view'), yilan.parseText(text));
  }, REFERENCE_TEXT);
  // (The click may not see its own end: the window it was in is gone.)
  const click = popup.click('.yl-actions [data-action="close"]').catch((error) => {
    if (!popup.isClosed()) throw error;
  });
  await Promise.all([popup.waitForEvent('close'), click]);
  assert.equal(popup.isClosed(), true);
});

/** The words shown under the page's actions, and whether they are in view. */
function actionNote(page) {
  return inView(page, (shadow) => {
    const notes = shadow.querySelectorAll('.yl-footer .yl-action-note');
    if (notes.length === 0) return null;
    const note = notes[notes.length - 1];
    const box = note.getBoundingClientRect();
    return {
      count: notes.length,
      text: note.textContent,
      shown: box.width > 0 && box.height > 0 && getComputedStyle(note).visibility === 'visible',
      // Said once, by the live region: the note itself is no live region.
      live: note.closest('[aria-live], [role="status"], [role="alert"]') !== null,
    };
  });
}

const ALL_ACTIONS = `${REFERENCE_TEXT.trimEnd().replace(/打印 关闭$/, '')}\n分享 收藏 打印 关闭\n`;

browserTest('分享 copies the page\'s link or shares it, 收藏 says how to bookmark it, 关闭 shows why it cannot', {}, async (page) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await mountReference(page, { mode: 'elderly' }, ALL_ACTIONS);
  const href = await page.evaluate(() => location.href);
  const click = (action) => page.click(`.yl-actions [data-action="${action}"]`);
  const noteSays = async (text) => {
    await page.waitForFunction(
      (want) => document.querySelector('#view yilan-view')?.shadowRoot.querySelector('.yl-action-note')?.textContent === want,
      text,
    );
    assert.deepEqual(await actionNote(page), { count: 1, text, shown: true, live: false });
    assert.equal(await liveText(page), text);
  };
  assert.equal(await actionNote(page), null, 'nothing shown before an action');
  // Chromium on Linux has no share sheet: the link is copied.
  assert.equal(await page.evaluate(() => typeof navigator.share), 'undefined');
  await click('share');
  await noteSays('已复制本页链接，可以粘贴发给亲友');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), href);
  // 关闭 refused: shown where the reader clicked, in place of the last words.
  await click('close');
  await noteSays('此页面无法自行关闭，请在浏览器中关闭此标签页');
  // 收藏: no script may bookmark a page; the keys that do it.
  await click('bookmark');
  await noteSays('请同时按键盘上的 Ctrl 和 D 键，把本页加入收藏夹');
  await page.evaluate(() => Object.defineProperty(Navigator.prototype, 'platform', { get: () => 'MacIntel' }));
  await click('bookmark');
  await noteSays('请同时按键盘上的 ⌘ 和 D 键，把本页加入收藏夹');
  // Copying refused: the link is shown, to be copied by hand.
  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
  });
  await click('share');
  await noteSays(`请复制本页链接分享：${href}`);
  // No clipboard at all (a page not served over HTTPS).
  await page.evaluate(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
  await click('print').catch(() => {}); // (any other action clears the words)
  assert.equal(await actionNote(page), null, 'an action with nothing to say clears the last words');
  await click('share');
  await noteSays(`请复制本页链接分享：${href}`);
  // A browser with a share sheet: the page's title and address go to it,
  // and a share the reader cancels says nothing.
  await page.evaluate(() => {
    window.shared = [];
    navigator.share = (data) => {
      window.shared.push(data);
      return window.shared.length === 1
        ? Promise.resolve()
        : Promise.reject(new DOMException('cancelled', window.shared.length === 2 ? 'AbortError' : 'NotAllowedError'));
    };
  });
  await click('share');
  await page.waitForFunction(() => window.shared.length === 1);
  await page.waitForTimeout(50);
  assert.deepEqual(await page.evaluate(() => window.shared), [{ url: href, title: await page.title() }]);
  assert.equal(await actionNote(page), null, 'shared: nothing to say');
  await click('share');
  await page.waitForFunction(() => window.shared.length === 2);
  await page.waitForTimeout(50);
  assert.equal(await actionNote(page), null, 'cancelled: nothing to say');
  // The sheet failed (not cancelled): the link is shown instead.
  await click('share');
  await noteSays(`请复制本页链接分享：${href}`);
  // A host that takes the action over: the view says and shows nothing.
  await page.evaluate(() => window.viewer.addEventListener('action', (event) => event.preventDefault()));
  await click('bookmark');
  await page.waitForTimeout(50);
  assert.equal(await actionNote(page), null);
  assert.deepEqual(
    (await takeEvents(page)).map(([, name]) => name),
    ['share', 'close', 'bookmark', 'bookmark', 'share', 'print', 'share', 'share', 'share', 'share', 'bookmark'],
  );
});

browserTest('收藏 on a phone points to the browser\'s menu: it has no keys for it', { hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } }, async (page) => {
  await mountReference(page, { mode: 'elderly' }, ALL_ACTIONS);
  await page.tap('.yl-actions [data-action="bookmark"]');
  const text = '请打开浏览器的菜单，点“收藏”或“添加书签”';
  assert.deepEqual(await actionNote(page), { count: 1, text, shown: true, live: false });
  assert.equal(await liveText(page), text);
});

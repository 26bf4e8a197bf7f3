// Reading aloud as the reader moves about, in Chromium with the fake
// `speechSynthesis` of tests/browser/speech-support.mjs: 指读 on a cell
// with nothing to say, a mouse at rest while 朗读 scrolls the text under
// it, the focus coming back with the window, a refusal before the
// reader's first tap, 目录 used while the text is read, a page whose body
// was not found, and the developer page's captions beside a screen reader.

import assert from 'node:assert/strict';

import { events, highlighted, mountReading, plan, spoken, state, until, withFake } from './speech-support.mjs';
import { browserTest, open } from './harness.mjs';
import { inView, speechNote, toolState } from './viewer-helpers.mjs';

/** Page text with a table whose 备注 column is empty or "—". */
const TABLE_TEXT = [
  '关于2024年重点项目进度的公示',
  '',
  '现将2024年重点项目进度公示如下。',
  '序号 | 备注 | 项目 | 进度',
  '1 |  | 城东道路 | 已完工',
  '2 | — | 新华桥梁 | 在建',
  '3 | 年底完工 | 北山公园 | 在建',
  '',
].join('\n');

/** Page text of a saved page whose body a script loads: a title and details. */
const NO_BODY_TEXT = '关于某某事项的通知\n索引号：000014348/2020-35147\n发布机构：某某市教育局\n';

/** The middle of the cell at `row`, `column` of the first table, in the viewport. */
function cellPoint(page, row, column) {
  return inView(
    page,
    (shadow, [r, c]) => {
      const cell = shadow.querySelector('.yl-body table').rows[r].cells[c];
      const box = cell.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    },
    [row, column],
  );
}

browserTest('指读 on a cell with nothing to say reads nothing, not the table from its first row', {}, async (page) => {
  await withFake(page, { mode: 'hold' });
  await mountReading(page, {}, TABLE_TEXT);
  await page.click('[data-yl-tool="point"]');
  for (const row of [1, 2]) {
    const empty = await cellPoint(page, row, 1);
    await page.mouse.click(empty.x, empty.y);
    await page.waitForTimeout(100);
    assert.deepEqual(await spoken(page), [], `row ${row}'s 备注`);
    assert.equal(await state(page), 'idle');
  }
  // A cell with words reads them, with its column's header.
  const filled = await cellPoint(page, 3, 1);
  await page.mouse.click(filled.x, filled.y);
  await until(page, () => window.fakeSpeech.spoken.length === 1);
  assert.deepEqual(await spoken(page), ['备注：年底完工']);
});

browserTest('a mouse at rest on the text does not take over 朗读 as the view scrolls the text under it', { viewport: { width: 800, height: 600 }, reducedMotion: 'reduce' }, async (page) => {
  await withFake(page, { mode: 'hold' });
  await mountReading(page);
  const chunks = await plan(page);
  await page.click('[data-yl-tool="point"]');
  // The pointer comes to rest on the text, then the reader starts 朗读 by
  // keyboard from the top.
  await page.mouse.move(400, 500, { steps: 3 });
  await page.waitForTimeout(100);
  await inView(page, (shadow) => shadow.querySelector('[data-yl-tool="read"]').focus());
  await page.keyboard.press('Enter');
  const said = chunks.slice(0, 8).map((c) => c.text);
  for (let i = 1; i < said.length; i += 1) {
    await until(page, (n) => window.fakeSpeech.spoken.length === n, i);
    // Each chunk read scrolls the view to it; the pointer stays where it
    // is, and rests there longer than 指读 waits.
    await page.waitForTimeout(700);
    await page.evaluate(() => window.fakeSpeech.end());
  }
  await until(page, (n) => window.fakeSpeech.spoken.length === n, said.length);
  assert.deepEqual(await spoken(page), said, '朗读 goes on in order');
  assert.equal(await state(page), 'speaking');
  // Moving the mouse and resting does not stop 朗读 either; a click does.
  await page.mouse.move(420, 300, { steps: 3 });
  await page.waitForTimeout(800);
  assert.deepEqual((await spoken(page)).length, said.length);
});

browserTest('with 指读 on, the focus coming back with the window reads nothing by itself', {}, async (page) => {
  await withFake(page, { mode: 'hold' });
  await mountReading(page);
  const chunks = await plan(page);
  // The page has the window's focus only as a real browser gives it: in
  // another tab it has none.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: false });
  await page.click('[data-yl-tool="point"]');
  // 目录 puts the focus on a section's heading, which 指读 reads.
  await page.click('[data-yl-tool="outline"]');
  await inView(page, (shadow) => shadow.querySelector('[data-yl-target="yl-s1-2-h"]').click());
  await until(page, () => window.fakeSpeech.spoken.length === 1);
  assert.deepEqual(await spoken(page), [chunks.find((c) => c.target === 'yl-s1-2').text]);
  await page.evaluate(() => window.fakeSpeech.end());
  await until(page, () => window.events.some(([type]) => type === 'speechend'));
  await inView(page, (shadow) => {
    window.focusBack = 0;
    shadow.getElementById('yl-s1-2-h').addEventListener('focus', () => (window.focusBack += 1));
  });
  // The reader goes to another tab and comes back.
  const other = await page.context().newPage();
  await other.bringToFront();
  await page.waitForFunction(() => !document.hasFocus());
  await page.bringToFront();
  await page.waitForFunction(() => window.focusBack === 1);
  await page.waitForTimeout(300);
  assert.deepEqual((await spoken(page)).length, 1, 'the heading is not read again');
  assert.equal(await state(page), 'idle');
  await other.close();
  // Moving the focus there again (目录 once more) reads it.
  await page.click('[data-yl-tool="outline"]');
  await inView(page, (shadow) => shadow.querySelector('[data-yl-target="yl-s1-2-h"]').click());
  await until(page, () => window.fakeSpeech.spoken.length === 2);
});

browserTest('a browser that refuses to speak before the first tap stops reading; the voice is not reported broken', {}, async (page) => {
  await withFake(page, { mode: 'error', error: 'not-allowed' });
  await mountReading(page);
  await page.click('[data-yl-tool="read"]');
  await until(page, () => window.events.some(([type]) => type === 'speechend'));
  assert.deepEqual(await events(page, 'speechend'), [{ reason: 'stopped' }]);
  assert.deepEqual(await events(page, 'speecherror'), []);
  assert.equal(await speechNote(page), null, 'no 语音出错');
  assert.equal((await toolState(page, 'read')).disabled, null);
  assert.equal((await toolState(page, 'point')).disabled, null);
});

/**
 * Init script: `navigator.userActivation` as a browser reports it to a page
 * before and after the reader's first click or key (the test browser
 * reports the page activated from the start).
 */
function activationAsBrowsers() {
  let active = false;
  const activate = (event) => {
    if (event.isTrusted) active = true;
  };
  window.addEventListener('pointerdown', activate, true);
  window.addEventListener('keydown', activate, true);
  Object.defineProperty(Navigator.prototype, 'userActivation', {
    configurable: true,
    get: () => ({ hasBeenActive: active, isActive: active }),
  });
}

browserTest('with 指读 on, a mouse at rest reads nothing before the reader has tapped or pressed a key', {}, async (page) => {
  await withFake(page, { mode: 'hold' });
  await page.addInitScript(activationAsBrowsers);
  await page.addInitScript(() => localStorage.setItem('yilan:prefs:v1', JSON.stringify({ mode: 'elderly', pointerReading: true })));
  await mountReading(page);
  assert.equal((await toolState(page, 'point')).pressed, 'true');
  const paragraph = await inView(page, (shadow) => {
    const box = shadow.getElementById('yl-p1-1').getBoundingClientRect();
    return { x: box.left + 30, y: box.top + 10 };
  });
  await page.mouse.move(paragraph.x, paragraph.y, { steps: 3 });
  await page.waitForTimeout(900);
  assert.deepEqual(await spoken(page), [], 'the browser would refuse it');
  // After a tap (here on the title), a rest reads.
  const title = await inView(page, (shadow) => {
    const box = shadow.querySelector('.yl-title').getBoundingClientRect();
    return { x: box.left + 10, y: box.top + 10 };
  });
  await page.mouse.click(title.x, title.y);
  await until(page, () => window.fakeSpeech.spoken.length === 1);
  await page.evaluate(() => window.fakeSpeech.end());
  await page.mouse.move(paragraph.x, paragraph.y + 2, { steps: 3 });
  await until(page, () => window.fakeSpeech.spoken.length === 2);
  assert.deepEqual(await highlighted(page), ['yl-p1-1']);
});

browserTest('目录 while the text is read: the reading goes on from the section chosen', { reducedMotion: 'reduce' }, async (page) => {
  await withFake(page, { mode: 'hold' });
  await mountReading(page);
  const chunks = await plan(page);
  await page.click('[data-yl-tool="read"]');
  await until(page, () => window.fakeSpeech.spoken.length === 1);
  await page.click('[data-yl-tool="outline"]');
  await inView(page, (shadow) => shadow.querySelector('[data-yl-target="yl-s2-h"]').click());
  const from = chunks.findIndex((c) => c.target === 'yl-s2');
  await until(page, (text) => window.fakeSpeech.spoken.at(-1)?.text === text, chunks[from].text);
  assert.equal(await state(page), 'speaking');
  await page.evaluate(() => window.fakeSpeech.end());
  await until(page, (text) => window.fakeSpeech.spoken.at(-1)?.text === text, chunks[from + 1].text);
  // The view stays at the section: the highlight is there, not back at the top.
  const top = await inView(page, (shadow) => shadow.getElementById('yl-s2-h').getBoundingClientRect().top);
  assert.ok(top < 600, `the section's heading is on screen (${top})`);
});

browserTest('Escape stops reading aloud, once no panel is open', {}, async (page) => {
  await withFake(page, { mode: 'hold' });
  await mountReading(page);
  await inView(page, (shadow) => shadow.querySelector('[data-yl-tool="read"]').focus());
  await page.keyboard.press('Enter');
  await until(page, () => window.viewer.speechState === 'speaking');
  // A panel open: Escape closes it, and the reading goes on.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.equal((await toolState(page, 'rate')).tabindex, '0');
  await page.keyboard.press('Enter');
  assert.equal((await toolState(page, 'rate')).expanded, 'true');
  await page.keyboard.press('Escape');
  assert.equal((await toolState(page, 'rate')).expanded, 'false');
  assert.equal(await state(page), 'speaking');
  await page.keyboard.press('Escape');
  assert.equal(await state(page), 'idle');
  assert.deepEqual(await events(page, 'speechend'), [{ reason: 'stopped' }]);
});


/** A sentence of 59 spoken characters, with commas: one chunk. */
const LONG_SENTENCE = '各地区各部门要结合本地实际认真组织实施，确保各项工作措施落到实处，切实提高人民群众的获得感、幸福感和安全感。';

browserTest('at 慢 a long chunk is said in parts within what a network voice says in one utterance, one chunk for the view and the events', {}, async (page) => {
  await withFake(page, { mode: 'hold' });
  const text = `关于做好有关工作的通知\n\n${LONG_SENTENCE}\n\n请认真贯彻执行。`;
  await mountReading(page, {}, text);
  const chunks = await page.evaluate((t) => window.yilan.speechPlan(window.yilan.parseText(t)), text);
  const long = chunks.findIndex((c) => c.text === LONG_SENTENCE);
  assert.ok(long > 0 && [...LONG_SENTENCE].length > 46 && [...LONG_SENTENCE].length <= 60, 'one chunk, longer than 46 characters');

  // At the default rate, the chunk is one utterance.
  await page.evaluate(() => window.viewer.speak());
  await until(page, () => window.fakeSpeech.spoken.length === 1);
  await page.evaluate(() => window.fakeSpeech.end());
  await until(page, () => window.fakeSpeech.spoken.length === 2);
  assert.equal((await spoken(page))[1], LONG_SENTENCE);
  await page.evaluate(() => window.viewer.stop());

  // At 慢 (0.7), two utterances queued together, each of 46 characters at most.
  await page.evaluate(() => {
    window.viewer.setSpeechRate(0.7);
    window.fakeSpeech.spoken.length = 0;
    window.events.length = 0;
    window.viewer.speak();
  });
  await until(page, () => window.fakeSpeech.spoken.length === 1);
  await page.evaluate(() => window.fakeSpeech.end());
  await until(page, () => window.fakeSpeech.spoken.length === 3);
  const parts = (await page.evaluate(() => window.fakeSpeech.spoken.slice(1)));
  assert.deepEqual(parts.map((u) => u.text), ['各地区各部门要结合本地实际认真组织实施，确保各项工作措施落到实处，', '切实提高人民群众的获得感、幸福感和安全感。']);
  assert.ok(parts.every((u) => [...u.text].length <= 46 && Math.abs(u.rate - 0.7) < 1e-6));
  assert.deepEqual(await highlighted(page), [chunks[long].target]);

  // The first part's end is no chunk's end: the view stays on the chunk.
  await page.evaluate(() => window.fakeSpeech.end());
  assert.equal(await page.evaluate(() => window.fakeSpeech.queued()), 1);
  assert.equal(await state(page), 'speaking');
  assert.deepEqual((await events(page, 'chunkend')).map((d) => d.index), [long - 1]);
  assert.deepEqual((await events(page, 'chunkstart')).map((d) => d.text), [chunks[long - 1].text, LONG_SENTENCE]);

  // The last part's end is: the next chunk comes.
  await page.evaluate(() => window.fakeSpeech.end());
  await until(page, () => window.fakeSpeech.spoken.length === 4);
  assert.deepEqual((await events(page, 'chunkend')).map((d) => d.index), [long - 1, long]);
  assert.equal((await spoken(page))[3], chunks[long + 1].text);

  // 暂停 and 继续 in the middle of the parts: both go, and the chunk is said again from its start.
  await page.evaluate(async () => {
    window.viewer.stop();
    window.fakeSpeech.spoken.length = 0;
  });
  await page.evaluate((id) => window.viewer.speak({ from: id }), chunks[long].target);
  await until(page, () => window.fakeSpeech.spoken.length === 2);
  await page.evaluate(() => window.fakeSpeech.end());
  await page.evaluate(() => window.viewer.pause());
  assert.equal(await page.evaluate(() => window.fakeSpeech.queued()), 0, 'the part still queued is cancelled');
  await page.evaluate(() => window.viewer.resume());
  await until(page, () => window.fakeSpeech.spoken.length === 4);
  assert.deepEqual((await spoken(page)).slice(2), (await spoken(page)).slice(0, 2));
});

browserTest('朗读 on a page whose body was not found ends with the line that says so, painted as it is read', {}, async (page) => {
  await withFake(page, { mode: 'hold' });
  await mountReading(page, {}, NO_BODY_TEXT);
  await page.click('[data-yl-tool="read"]');
  const line = '本页未找到可以显示的正文。';
  // The title and the publisher, each ended in turn, then the line.
  for (const n of [1, 2]) {
    await until(page, (count) => window.fakeSpeech.spoken.length === count, n);
    await page.evaluate(() => window.fakeSpeech.end());
  }
  await until(page, () => window.fakeSpeech.spoken.length === 3);
  assert.deepEqual(await spoken(page), ['关于某某事项的通知', '发布机构 某某市教育局', line]);
  assert.deepEqual(await highlighted(page), ['yl-no-body']);
  assert.equal(await inView(page, (shadow) => shadow.getElementById('yl-no-body').textContent), line);
  await page.evaluate(() => window.fakeSpeech.end());
  await until(page, () => window.events.some(([type]) => type === 'speechend'));
  assert.deepEqual(await events(page, 'speechend'), [{ reason: 'done' }]);
  assert.equal(await state(page), 'idle');
});

/** How a screen reader takes the caption: the live region it is in (`off` for none). */
const captionLive = (page) =>
  page.evaluate(() => {
    for (let at = document.querySelector('#caption'); at; at = at.parentElement) {
      const role = at.getAttribute('role');
      if (['status', 'alert', 'log'].includes(role)) return role;
      const live = at.getAttribute('aria-live');
      if (live) return live;
    }
    return 'off';
  });

browserTest("the developer page's captions: a screen reader says them only while no voice does", {}, async (page) => {
  await withFake(page, { mode: 'hold' });
  await open(page, '/developer.html');
  await page.waitForSelector('#viewer yilan-view');
  await page.check('#hook');
  await page.waitForSelector('#viewer yilan-view');
  await page.selectOption('#mode', 'elderly');
  await page.click('[data-yl-tool="read"]');
  await page.waitForSelector('#caption:not([hidden])');
  await until(page, () => window.fakeSpeech.spoken.length === 1);
  assert.deepEqual(await spoken(page), [await page.textContent('#caption')], 'the browser\'s voice says the caption');
  assert.equal(await captionLive(page), 'off', 'and the screen reader does not say it over that voice');
  await page.click('[data-yl-tool="stop"]');
  // Without a Chinese voice the caption is all there is: the screen reader says it.
  await page.evaluate(() => (window.speechSynthesis.getVoices = () => []));
  await page.click('[data-yl-tool="read"]');
  await page.waitForSelector('#caption:not([hidden])');
  assert.equal(await captionLive(page), 'polite');
  assert.equal((await spoken(page)).length, 1, 'no voice spoke');
});

// Reading aloud in Chromium, through a fake `speechSynthesis` installed
// before the page loads (tests/browser/speech-support.mjs) and through the
// host's `speech: { speak, cancel }` hook: 朗读 reads the reference
// document start to end in the plan's order, 暂停/继续/停止, 指读 by click,
// focus and a resting pointer, the watchdog, the no-voice states, the
// keyboard, stopping, 语速, one view reading at a time, the voice chosen,
// and axe while reading. What the reader sees of it (the sentence painted,
// kept on screen, where reading starts) is in speech-view.test.mjs.

import assert from 'node:assert/strict';

import { assertNoViolations } from './axe.mjs';
import { browserTest, open, REFERENCE_TEXT } from './harness.mjs';
import { EN_VOICE, events, highlighted, mountReading, painted, plan, removeSpeech, spoken, state, until, withFake, ZH_VOICE } from './speech-support.mjs';
import { focused, inView, liveText, mountReference, press, speechNote, tabToToolbar, toolState } from './viewer-helpers.mjs';

browserTest('朗读 reads the reference document start to end, chunk by chunk, in the plan order', {}, async (page) => {
  await withFake(page);
  await mountReading(page);
  const chunks = await plan(page);
  assert.ok(chunks.length > 50, `the reference has many chunks (${chunks.length})`);
  await page.click('[data-yl-tool="read"]');
  await until(page, () => window.events.some(([type]) => type === 'speechend'));

  assert.deepEqual(await spoken(page), chunks.map((c) => c.text), 'every chunk, in order, once');
  const utterances = await page.evaluate(() => window.fakeSpeech.spoken);
  for (const u of utterances) {
    assert.equal(u.lang, 'zh-CN', 'the language is always set');
    assert.equal(u.voice, ZH_VOICE.name, 'the Chinese voice, not the default English one');
    assert.equal(u.rate, 0.8999999761581421, 'slightly slow by default (0.9 as a float)');
    assert.doesNotMatch(u.text, /[〔〕（）()【】［］\[\]]/, `no bracket is read: ${u.text}`);
    assert.ok([...u.text].length <= 64, `about one sentence: ${u.text}`);
  }
  const started = await events(page, 'chunkstart');
  assert.deepEqual(started.map((c) => c.index), chunks.map((c) => c.index));
  assert.deepEqual(started[0], { id: chunks[0].target, kind: chunks[0].kind, text: chunks[0].text, index: 0, rate: 0.9 });
  assert.equal((await events(page, 'chunkend')).length, chunks.length);
  assert.deepEqual(await events(page, 'speechend'), [{ reason: 'done' }]);
  assert.equal(await state(page), 'idle');
  assert.deepEqual(await highlighted(page), [], 'no highlight left');
  assert.equal(await liveText(page), '朗读完毕');
  assert.equal((await toolState(page, 'read')).text, '朗读');
});

browserTest('the highlight follows the chunk; 暂停, 继续 and 停止', {}, async (page) => {
  await withFake(page, { mode: 'hold' });
  await mountReading(page);
  const chunks = await plan(page);
  await page.click('[data-yl-tool="read"]');
  await until(page, () => window.fakeSpeech.spoken.length === 1);
  assert.deepEqual(await highlighted(page), [chunks[0].target]);
  assert.equal((await toolState(page, 'read')).text, '暂停', 'the button says what pressing it does');
  assert.equal((await toolState(page, 'stop')).shown, true);
  assert.equal(await liveText(page), '开始朗读');

  // Each end moves the highlight to the next chunk's element.
  for (let i = 1; i < 4; i += 1) {
    await page.evaluate(() => window.fakeSpeech.end());
    await until(page, (n) => window.fakeSpeech.spoken.length === n, i + 1);
    const expected = chunks[i].kind === 'heading' ? `${chunks[i].target}-h` : chunks[i].target;
    assert.deepEqual(await highlighted(page), [expected], `chunk ${i}`);
  }
  const inViewport = await inView(page, (shadow) => {
    const rect = shadow.querySelector('.yl-speaking').getBoundingClientRect();
    return rect.bottom > 0 && rect.top < innerHeight;
  });
  assert.ok(inViewport, 'the chunk read is scrolled into view');

  await page.click('[data-yl-tool="read"]');
  assert.equal(await state(page), 'paused');
  assert.equal((await toolState(page, 'read')).text, '继续');
  assert.equal(await liveText(page), '已暂停朗读');
  assert.equal(await page.evaluate(() => window.fakeSpeech.cancels), 1, 'pausing cancels the utterance');
  await page.waitForTimeout(50); // the cancelled utterance's late error changes nothing
  assert.equal(await state(page), 'paused');

  await page.click('[data-yl-tool="read"]');
  await until(page, () => window.fakeSpeech.spoken.length === 5);
  assert.equal((await spoken(page))[4], chunks[3].text, 'resuming says the interrupted chunk again');
  assert.equal(await state(page), 'speaking');

  await page.click('[data-yl-tool="stop"]');
  assert.equal(await state(page), 'idle');
  assert.deepEqual(await highlighted(page), []);
  assert.equal((await toolState(page, 'stop')).shown, false, '停止 goes when reading ends');
  assert.equal((await toolState(page, 'read')).text, '朗读');
  assert.equal(await liveText(page), '已停止朗读');
  assert.deepEqual(await events(page, 'speechend'), [{ reason: 'stopped' }]);
});

browserTest('指读 reads the paragraph clicked, then the one focused, and a resting pointer only', {}, async (page) => {
  await withFake(page, { mode: 'hold' });
  await mountReading(page);
  const chunks = await plan(page);
  await page.click('[data-yl-tool="point"]');
  assert.equal((await toolState(page, 'point')).pressed, 'true');
  assert.match(await liveText(page), /^指读已打开/);
  assert.equal(await state(page), 'idle', 'turning it on reads nothing');

  // Passing from element to element reads nothing; resting on one reads it.
  const path = ['yl-title', 'yl-meta-1', 'yl-title', 'yl-meta-1', 'yl-s1-h', 'yl-p1-1'];
  const items = await inView(
    page,
    (shadow, ids) =>
      ids.map((id) => {
        const rect = shadow.getElementById(id).getBoundingClientRect();
        return { x: rect.left + 30, y: rect.top + Math.min(rect.height / 2, 16) };
      }),
    path,
  );
  for (const item of items) {
    await page.mouse.move(item.x, item.y, { steps: 2 });
    await page.waitForTimeout(200);
  }
  assert.deepEqual(await spoken(page), [], 'mere movement reads nothing');
  await page.waitForTimeout(700);
  const first = chunks.find((c) => c.target === 'yl-p1-1');
  assert.deepEqual(await spoken(page), [first.text], 'the pointer at rest for 600 ms reads where it rests');
  assert.deepEqual(await highlighted(page), ['yl-p1-1']);
  assert.match(await liveText(page), /^指读已打开/, 'a reading of 指读 starts unsaid: the voice says it');
  await page.click('[data-yl-tool="stop"]');
  await page.evaluate(() => (window.fakeSpeech.spoken.length = 0));

  // A paragraph with two chunks or more.
  const paragraph = chunks.find((c, i) => c.kind === 'paragraph' && chunks[i + 1]?.target === c.target).target;
  const own = chunks.filter((c) => c.target === paragraph).map((c) => c.text);
  await page.locator(`#${paragraph}`).click();
  await until(page, () => window.fakeSpeech.spoken.length === 1);
  assert.deepEqual(await highlighted(page), [paragraph]);
  for (let i = 1; i < own.length; i += 1) {
    await page.evaluate(() => window.fakeSpeech.end());
  }
  await page.evaluate(() => window.fakeSpeech.end());
  await until(page, () => window.events.filter(([type]) => type === 'speechend').length === 2);
  assert.deepEqual(await spoken(page), own, 'that paragraph, and nothing after it');
  assert.equal(await liveText(page), '已停止朗读', 'and ends unsaid (the last thing said: 停止, pressed before)');

  // Focus: 目录 moves focus to a section's heading, which is read alone.
  await page.evaluate(() => (window.fakeSpeech.spoken.length = 0));
  await page.click('[data-yl-tool="outline"]');
  await inView(page, (shadow) => shadow.querySelector('[data-yl-target="yl-s1-2-h"]').click());
  await until(page, () => window.fakeSpeech.spoken.length === 1);
  assert.deepEqual(await spoken(page), [chunks.find((c) => c.target === 'yl-s1-2').text]);
  assert.deepEqual(await highlighted(page), ['yl-s1-2-h']);
  await page.evaluate(() => window.fakeSpeech.end());
  assert.equal(await state(page), 'idle', 'the heading only, not its section');

  // Off again: a click reads nothing.
  await page.click('[data-yl-tool="point"]');
  assert.equal((await toolState(page, 'point')).pressed, 'false');
  await page.evaluate(() => (window.fakeSpeech.spoken.length = 0));
  await page.locator(`#${paragraph}`).click();
  await page.waitForTimeout(700);
  assert.deepEqual(await spoken(page), []);
});

browserTest('目录 while reading moves the reading without saying 开始朗读 again', {}, async (page) => {
  await withFake(page, { mode: 'hold' });
  await mountReading(page);
  await page.click('[data-yl-tool="read"]');
  await until(page, () => window.fakeSpeech.spoken.length === 1);
  assert.equal(await liveText(page), '开始朗读');
  // Something else said in between, to see whether it is said again.
  await page.click('[data-yl-tool="larger"]');
  assert.match(await liveText(page), /125%/);
  await page.click('[data-yl-tool="outline"]');
  await inView(page, (shadow) => shadow.querySelector('[data-yl-target="yl-s1-2-h"]').click());
  await until(page, () => window.events.filter(([type, chunk]) => type === 'chunkstart' && chunk.id.startsWith('yl-s1-2')).length > 0);
  assert.equal(await state(page), 'speaking');
  assert.match(await liveText(page), /125%/, 'the reading goes on: nothing more is said');
});

browserTest('the watchdog goes on when the engine never says it has finished', {}, async (page) => {
  await withFake(page, { mode: 'never' });
  await mountReading(page);
  const chunks = await plan(page);
  await page.evaluate(() => window.viewer.setSpeechRate(2));
  await page.click('[data-yl-tool="read"]');
  await until(page, () => window.fakeSpeech.spoken.length === 2, undefined, 20000);
  assert.deepEqual(await spoken(page), [chunks[0].text, chunks[1].text]);
  assert.equal(await page.evaluate(() => window.fakeSpeech.cancels), 1, 'the stuck utterance was cancelled');
  assert.equal((await events(page, 'chunkend')).length, 1);
  assert.equal(await state(page), 'speaking');
  await page.evaluate(() => window.viewer.stop());
});

browserTest('no Chinese voice: the controls say so, and nothing is spoken', {}, async (page) => {
  await withFake(page, { voices: [EN_VOICE] });
  await mountReading(page);
  // Where each tool is: the note that comes must move none of them.
  const places = () =>
    inView(page, (shadow) =>
      [...shadow.querySelectorAll('[role="toolbar"] [data-yl-tool]')]
        .filter((tool) => tool.getClientRects().length > 0)
        .map((tool) => {
          const box = tool.getBoundingClientRect();
          return `${tool.dataset.ylTool} ${Math.round(box.left)},${Math.round(box.top)} ${Math.round(box.width)}×${Math.round(box.height)}`;
        }),
    );
  const before = await places();
  await page.click('[data-yl-tool="read"]');
  const read = await toolState(page, 'read');
  assert.equal(read.text, '朗读');
  assert.equal(read.disabled, 'true');
  assert.equal((await toolState(page, 'point')).disabled, 'true');
  // Said once, on a line of its own below the tools, and describing both.
  const note = await inView(page, (shadow) => {
    const element = shadow.querySelector('.yl-speech-note');
    const row = shadow.querySelector('[role="toolbar"] [data-yl-tool="mode"]').getBoundingClientRect();
    return {
      text: element.textContent,
      shown: element.checkVisibility(),
      below: element.getBoundingClientRect().top >= row.bottom,
      describes: ['read', 'point'].map((tool) => shadow.querySelector(`[data-yl-tool="${tool}"]`).getAttribute('aria-describedby') === element.id),
    };
  });
  assert.deepEqual(note, { text: '本浏览器无中文语音', shown: true, below: true, describes: [true, true] });
  assert.deepEqual(await places(), before, 'no tool moved');
  assert.equal(await liveText(page), '本浏览器无中文语音，无法朗读');
  assert.deepEqual(await spoken(page), []);
  const thrown = await page.evaluate(() => {
    try {
      window.viewer.speak();
      return null;
    } catch (e) {
      return e.code;
    }
  });
  assert.equal(thrown, 'unsupported');
});

/** The browser lists `voices` now, and says so. */
function listVoices(page, voices) {
  return page.evaluate((list) => {
    window.speechSynthesis.getVoices = () => list;
    window.speechSynthesis.dispatchEvent(new Event('voiceschanged'));
  }, voices);
}

browserTest('朗读 pressed before the browser lists its voices reads when a Chinese voice comes', {}, async (page) => {
  await withFake(page, { mode: 'hold', voices: [] });
  await mountReading(page);
  await page.click('[data-yl-tool="read"]');
  assert.equal(await state(page), 'idle');
  assert.equal(await liveText(page), '正在准备语音，请稍候');
  assert.equal(await speechNote(page), null, 'no "no Chinese voice" while the list is coming');
  assert.equal((await toolState(page, 'read')).disabled, null);
  // A second press while waiting changes nothing; a list with no Chinese voice is waited past.
  await page.click('[data-yl-tool="read"]');
  await listVoices(page, [EN_VOICE]);
  assert.equal(await state(page), 'idle');
  await listVoices(page, [EN_VOICE, ZH_VOICE]);
  await until(page, () => window.viewer.speechState === 'speaking');
  const heard = await page.evaluate(() => window.fakeSpeech.spoken);
  assert.equal(heard.length, 1);
  assert.equal(heard[0].voice, ZH_VOICE.name);
  assert.equal(heard[0].text, (await plan(page))[0].text, 'from the top, where the view is');
});

browserTest('when no voice comes in time, the controls say so; a voice that arrives later makes them work again', {}, async (page) => {
  await withFake(page, { voices: [] });
  await mountReading(page);
  await page.click('[data-yl-tool="read"]', { force: true });
  await until(page, () => document.querySelector('yilan-view').shadowRoot.querySelector('.yl-speech-note')?.hidden === false, undefined, 4000);
  assert.equal((await toolState(page, 'read')).disabled, 'true');
  assert.equal(await liveText(page), '本浏览器无中文语音，无法朗读');
  assert.equal(await state(page), 'idle');
  await listVoices(page, [ZH_VOICE]);
  const read = await toolState(page, 'read');
  assert.equal(read.text, '朗读');
  assert.equal(read.disabled, null);
  // Not read by itself: the press was answered, and long ago.
  assert.equal(await state(page), 'idle');
  assert.deepEqual(await spoken(page), []);
});

browserTest('停止 or leaving the mode while 朗读 waits for the voices: nothing is read when they come', {}, async (page) => {
  await withFake(page, { mode: 'hold', voices: [] });
  await mountReading(page);
  await page.click('[data-yl-tool="read"]');
  await page.evaluate(() => window.viewer.stop());
  await listVoices(page, [ZH_VOICE]);
  await page.click('[data-yl-tool="read"]');
  await until(page, () => window.viewer.speechState === 'speaking');
  await page.evaluate(() => window.viewer.stop());

  await listVoices(page, []);
  await page.click('[data-yl-tool="read"]');
  await page.evaluate(() => window.viewer.setMode('standard'));
  await listVoices(page, [ZH_VOICE]);
  await page.waitForTimeout(100);
  assert.equal(await state(page), 'idle');
  assert.equal((await spoken(page)).length, 1);
});

browserTest('an engine error stops reading and says so', {}, async (page) => {
  await withFake(page, { mode: 'error' });
  await mountReading(page);
  await page.click('[data-yl-tool="read"]');
  await until(page, () => window.events.some(([type]) => type === 'speechend'));
  assert.deepEqual(await events(page, 'speechend'), [{ reason: 'failed' }]);
  assert.match((await events(page, 'speecherror'))[0].message, /synthesis-failed/);
  assert.equal((await toolState(page, 'read')).text, '朗读');
  assert.deepEqual(await speechNote(page), { text: '语音出错', shown: true, describes: true });
  assert.equal(await liveText(page), '语音出错，朗读已停止');
  assert.equal((await spoken(page)).length, 1);
});

browserTest('no speech synthesis at all: said at once; a host hook makes reading work', {}, async (page) => {
  await page.addInitScript(removeSpeech);
  await mountReading(page);
  assert.deepEqual(await speechNote(page), { text: '本浏览器不支持朗读', shown: true, describes: true });
  // 语速 stays where it is (a tool that went would move the ones after it).
  assert.deepEqual(await toolState(page, 'rate').then(({ shown, disabled }) => [shown, disabled]), [true, null]);
  await page.click('[data-yl-tool="read"]', { force: true });
  assert.equal(await liveText(page), '本浏览器不支持朗读，请换用其他浏览器');

  // The same page, the view mounted again with the host's own voice.
  const chunks = await plan(page);
  await page.evaluate((text) => {
    window.viewer.destroy();
    window.heard = [];
    window.cancelled = 0;
    // A new host element: the first one still has the first view's listeners.
    const host = document.createElement('div');
    document.querySelector('#view').after(host);
    window.viewer = window.yilan.mount(host, window.yilan.parseText(text), {
      mode: 'elderly',
      speech: {
        speak(chunk) {
          window.heard.push(chunk);
          return new Promise((resolve) => setTimeout(resolve, 2));
        },
        cancel() {
          window.cancelled += 1;
        },
      },
    });
    window.events = [];
    for (const type of ['chunkstart', 'chunkend', 'speechend']) {
      window.viewer.addEventListener(type, (event) => window.events.push([type, event.detail]));
    }
  }, REFERENCE_TEXT);
  assert.equal((await toolState(page, 'read')).text, '朗读');
  assert.equal(await speechNote(page), null);
  await page.click('[data-yl-tool="read"]');
  await until(page, () => window.events.some(([type]) => type === 'speechend'));
  const heard = await page.evaluate(() => window.heard);
  assert.deepEqual(
    heard.map(({ id, kind, text, index }) => ({ id, kind, text, index })),
    chunks.map(({ target, kind, text, index }) => ({ id: target, kind, text, index })),
  );
  assert.equal(heard[0].rate, 0.9);
  assert.equal((await events(page, 'chunkstart')).length, chunks.length);
  assert.equal(await page.evaluate(() => window.cancelled), 0, 'nothing to cancel when every chunk ended');
});

browserTest('the host hook: a failing speak() is an error; stop() calls cancel()', {}, async (page) => {
  await mountReference(page, { mode: 'elderly' });
  const chunks = await plan(page);
  const section = chunks.find((c) => c.kind === 'heading' && c.index > 5).target;
  const result = await page.evaluate(async ([text, from]) => {
    window.viewer.destroy();
    const log = [];
    const viewer = window.yilan.mount(document.querySelector('#view'), window.yilan.parseText(text), {
      mode: 'elderly',
      speech: { speak: (chunk) => (log.push(chunk.index), new Promise(() => {})), cancel: () => log.push('cancel') },
    });
    viewer.speak({ from });
    const state = viewer.speechState;
    viewer.stop();
    const failing = window.yilan.mount(document.querySelector('#view'), window.yilan.parseText(text), {
      speech: { speak: () => Promise.reject(new Error('server voice down')) },
    });
    const errors = [];
    failing.addEventListener('speecherror', (e) => errors.push(e.detail.message));
    failing.speak();
    await new Promise((resolve) => setTimeout(resolve, 20));
    let bad = null;
    try {
      window.yilan.mount(document.createElement('div'), window.yilan.parseText(text), { speech: { speak: 1 } });
    } catch (e) {
      bad = [e.code, e.path];
    }
    return { log, state, after: viewer.speechState, errors, bad };
  }, [REFERENCE_TEXT, section]);
  const from = chunks.findIndex((c) => c.target === section);
  assert.deepEqual(result.log, [from, 'cancel']);
  assert.equal(result.state, 'speaking');
  assert.equal(result.after, 'idle');
  assert.deepEqual(result.errors, ['server voice down']);
  assert.deepEqual(result.bad, ['argument', 'speech.speak']);
});

browserTest('keyboard: 朗读, 停止 reachable by arrows, focus back on 朗读 when it goes', {}, async (page) => {
  await withFake(page, { mode: 'hold' });
  await mountReading(page);
  await tabToToolbar(page);
  await press(page, 'ArrowRight', 2);
  assert.equal((await focused(page)).tool, 'read');
  await page.keyboard.press('Enter');
  await until(page, () => window.fakeSpeech.spoken.length === 1);
  await page.keyboard.press('Space');
  assert.equal(await state(page), 'paused');
  await page.keyboard.press('ArrowRight');
  assert.equal((await focused(page)).tool, 'stop');
  await page.keyboard.press('Enter');
  assert.equal(await state(page), 'idle');
  assert.equal((await focused(page)).tool, 'read', 'focus does not fall to the page');
  assert.equal((await toolState(page, 'read')).tabindex, '0');
  await page.keyboard.press('ArrowRight');
  assert.equal((await focused(page)).tool, 'point', 'the hidden 停止 is skipped');
});

browserTest('reading stops on leaving the elderly mode, on page hide and on destroy()', {}, async (page) => {
  await withFake(page, { mode: 'hold' });
  await mountReading(page);
  const read = async () => {
    await page.evaluate(() => window.viewer.speak());
    assert.equal(await state(page), 'speaking');
  };
  await read();
  await page.evaluate(() => window.viewer.setMode('standard'));
  assert.equal(await state(page), 'idle');
  await page.evaluate(() => window.viewer.setMode('elderly'));
  await read();
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  assert.equal(await state(page), 'idle');
  await read();
  const cancels = await page.evaluate(() => window.fakeSpeech.cancels);
  await page.evaluate(() => window.viewer.destroy());
  assert.equal(await page.evaluate(() => window.fakeSpeech.cancels), cancels + 1, 'destroy() silences the engine');
  await page.waitForTimeout(50); // late reports from the engine reach no freed code
});

browserTest('axe: zero violations while reading, highlight included', {}, async (page) => {
  await withFake(page, { mode: 'hold' });
  await mountReading(page);
  await page.click('[data-yl-tool="read"]');
  await until(page, () => window.fakeSpeech.spoken.length === 1);
  await page.evaluate(() => window.fakeSpeech.end());
  await until(page, () => window.fakeSpeech.spoken.length === 2);
  await assertNoViolations(page);
});

browserTest('the developer page\'s host hook reads with captions, sentence by sentence', {}, async (page) => {
  await page.addInitScript(removeSpeech);
  await open(page, '/developer.html');
  await page.waitForSelector('#viewer yilan-view');
  await page.check('#hook');
  await page.waitForSelector('#viewer yilan-view');
  await page.selectOption('#mode', 'elderly');
  assert.equal((await toolState(page, 'read')).text, '朗读', 'the hook makes reading possible without speech synthesis');
  await page.click('[data-yl-tool="read"]');
  await page.waitForSelector('#caption:not([hidden])');
  assert.equal(await page.textContent('#caption'), '关于做好2024年老年人助餐服务的通知');
  assert.deepEqual(await highlighted(page), ['yl-title']);
  // The next sentence: the publishing line, which names the publisher when
  // the page gives no publishing date or source.
  await page.waitForFunction(() => document.querySelector('#caption').textContent !== '关于做好2024年老年人助餐服务的通知', null, { timeout: 15000 });
  assert.equal(await page.textContent('#caption'), '发布单位 市民政局');
  await page.click('[data-yl-tool="stop"]');
  assert.equal(await page.isHidden('#caption'), true, 'cancel() hides the caption');
  const log = await page.evaluate(() => [...document.querySelectorAll('#events li')].map((li) => li.textContent.split(':')[0]));
  assert.ok(log.includes('chunkstart') && log.includes('speechend'), log.join(', '));
});

/** The 语速 panel's choices: each one's label and pressed state. */
const rateChoices = (page) => inView(page, (shadow) => [...shadow.querySelectorAll('[data-yl-rate]')].map((b) => `${b.textContent}${b.getAttribute('aria-pressed') === 'true' ? '✓' : ''}`));

browserTest('语速: the reader picks a speed in its panel; the sentence being read starts again at it, and it is kept', {}, async (page) => {
  await withFake(page, { mode: 'hold' });
  await mountReading(page);
  assert.deepEqual(await rateChoices(page), ['慢', '稍慢✓', '正常', '快'], 'slightly slow until the reader chooses');
  await page.click('[data-yl-tool="read"]');
  await until(page, () => window.fakeSpeech.spoken.length === 1);
  await page.evaluate(() => window.fakeSpeech.end());
  await until(page, () => window.fakeSpeech.spoken.length === 2);

  // By keyboard: the tool opens the panel on the current speed.
  await page.locator('[data-yl-tool="rate"]').focus();
  await page.keyboard.press('Enter');
  assert.equal((await toolState(page, 'rate')).expanded, 'true');
  assert.equal((await focused(page)).text, '稍慢');
  // The speed already in use, pressed: said, the reading goes on as it was.
  await page.keyboard.press('Enter');
  assert.equal(await liveText(page), '语速：稍慢');
  assert.equal(await page.evaluate(() => window.fakeSpeech.spoken.length), 2, 'not started again');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  assert.deepEqual(await rateChoices(page), ['慢✓', '稍慢', '正常', '快']);
  assert.equal(await liveText(page), '语速：慢');
  assert.equal(await page.evaluate(() => window.viewer.speechRate), 0.7);

  // Heard at once: the sentence under way is said again, at the new speed.
  await until(page, () => window.fakeSpeech.spoken.length === 3);
  const utterances = await page.evaluate(() => window.fakeSpeech.spoken);
  assert.equal(utterances[2].text, utterances[1].text, 'the same sentence again');
  assert.equal(utterances[1].rate, 0.8999999761581421);
  assert.equal(utterances[2].rate, 0.699999988079071);
  assert.equal(await state(page), 'speaking');

  // Kept: a view mounted again reads at it, with 慢 pressed.
  await page.evaluate(() => window.viewer.destroy());
  await mountReading(page);
  assert.deepEqual(await rateChoices(page), ['慢✓', '稍慢', '正常', '快']);
  // A speed set through the API: pressed where it is one of them, none where not.
  await page.evaluate(() => window.viewer.setSpeechRate(1.3));
  assert.deepEqual(await rateChoices(page), ['慢', '稍慢', '正常', '快✓']);
  await page.evaluate(() => window.viewer.setSpeechRate(1.5));
  assert.deepEqual(await rateChoices(page), ['慢', '稍慢', '正常', '快']);
  await page.click('[data-yl-tool="rate"]');
  assert.equal((await focused(page)).text, '慢', 'none is current: the panel opens on the first');
  await assertNoViolations(page, { overlay: '.yl-panel' });
});

/** Mounts a second view of the reference after the first, as `window.second`, its ends in `window.secondEnds`. */
function mountSecond(page) {
  return page.evaluate((text) => {
    const host = document.createElement('div');
    host.id = 'second';
    document.querySelector('#view').after(host);
    window.second = window.yilan.mount(host, window.yilan.parseText(text), { mode: 'elderly' });
    window.secondEnds = [];
    window.second.addEventListener('speechend', (event) => window.secondEnds.push(event.detail.reason));
  }, REFERENCE_TEXT);
}

browserTest('one view reads at a time: reading in a second view stops the first', {}, async (page) => {
  await withFake(page, { mode: 'hold' });
  await mountReading(page);
  await mountSecond(page);
  await page.evaluate(() => window.viewer.speak({ from: 'yl-p1-1' }));
  await until(page, () => window.fakeSpeech.spoken.length === 1);
  await page.evaluate(() => window.second.speak({ from: 'yl-p1-1' }));
  await until(page, () => window.fakeSpeech.spoken.length === 2);
  assert.deepEqual(
    await page.evaluate(() => [window.viewer.speechState, window.second.speechState]),
    ['idle', 'speaking'],
    'the first stopped when the second began',
  );
  assert.deepEqual(await events(page, 'speechend'), [{ reason: 'stopped' }]);
  assert.equal((await painted(page)).length, 1, 'one sentence painted, the second view\'s');
});

browserTest('a view taken out of the page without destroy() stops reading', {}, async (page) => {
  await withFake(page, { mode: 'hold' });
  await mountReading(page);
  await mountSecond(page);
  await page.evaluate(() => window.second.speak({ from: 'yl-p1-1' }));
  await until(page, () => window.fakeSpeech.spoken.length === 1);
  await page.evaluate(() => document.querySelector('#second').remove());
  await page.evaluate(() => window.fakeSpeech.end());
  await until(page, () => window.secondEnds.length === 1);
  assert.deepEqual(await page.evaluate(() => [window.second.speechState, window.secondEnds]), ['idle', ['stopped']]);
  assert.equal(await page.evaluate(() => window.fakeSpeech.spoken.length), 1, 'nothing more is said');
  assert.deepEqual(await painted(page), [], 'and nothing stays painted');
});

const ZH_VOICE_2 = { name: 'Fake 中文 二', lang: 'zh-CN', localService: false, default: false, voiceURI: 'fake-zh-2' };

browserTest('voice choice: the voice option and setVoice pick a Chinese voice by name; voices() lists those that read Chinese', {}, async (page) => {
  await withFake(page, { voices: [EN_VOICE, ZH_VOICE, ZH_VOICE_2] });
  await mountReading(page, { voice: ZH_VOICE_2.name });
  assert.deepEqual(await page.evaluate(() => window.viewer.voices()), [
    { name: ZH_VOICE.name, lang: 'zh-CN', local: true },
    { name: ZH_VOICE_2.name, lang: 'zh-CN', local: false },
  ]);
  assert.equal(await page.evaluate(() => window.viewer.voice), ZH_VOICE_2.name);
  const said = async () => {
    await page.evaluate(() => {
      window.fakeSpeech.spoken.length = 0;
      window.viewer.speak({ from: 'yl-p1-1' });
    });
    await until(page, () => window.fakeSpeech.spoken.length > 0);
    const voice = await page.evaluate(() => window.fakeSpeech.spoken[0].voice);
    await page.evaluate(() => window.viewer.stop());
    return voice;
  };
  assert.equal(await said(), ZH_VOICE_2.name, 'the voice asked for at mount, though a network one');
  await page.evaluate(() => window.viewer.setVoice(null));
  assert.equal(await said(), ZH_VOICE.name, 'null: the best, on the device');
  await page.evaluate((name) => window.viewer.setVoice(name), EN_VOICE.name);
  assert.equal(await said(), ZH_VOICE.name, 'a voice that cannot read Chinese is not taken');
  const thrown = await page.evaluate(() => {
    try {
      window.viewer.setVoice(42);
      return null;
    } catch (error) {
      return `${error.code} ${error.path}`;
    }
  });
  assert.equal(thrown, 'argument name');
});

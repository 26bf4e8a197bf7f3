// Reading aloud in Chromium, through a fake `speechSynthesis` installed
// before the page loads (it records every utterance and ends each one a
// moment later, or never, or with an error, as configured) and through the
// host's `speech: { speak, cancel }` hook: 朗读 reads the reference
// document start to end in the plan's order, 暂停/继续/停止, 指读 by click,
// focus and a resting pointer, the highlight following the chunk, the
// watchdog, the no-voice states, the keyboard, and axe while reading.

import assert from 'node:assert/strict';

import { assertNoViolations } from './axe.mjs';
import { browserTest, open, REFERENCE_TEXT } from './harness.mjs';
import { focused, inView, liveText, mountReference, press, tabToToolbar, toolState } from './viewer-helpers.mjs';

/** A Chinese voice on the device, as `getVoices()` gives it. */
const ZH_VOICE = { name: 'Fake 中文', lang: 'zh-CN', localService: true, default: false, voiceURI: 'fake-zh' };
const EN_VOICE = { name: 'Fake English', lang: 'en-US', localService: true, default: true, voiceURI: 'fake-en' };

/**
 * Init script: a fake Web Speech API in `window.speechSynthesis`.
 * `mode`: 'ends' (each utterance ends after `delay` ms), 'hold' (ends only
 * when the test calls `window.fakeSpeech.end()`), 'never', 'error'.
 */
function installFakeSpeech({ mode, voices, delay }) {
  const state = { spoken: [], cancels: 0, current: null };
  window.fakeSpeech = state;
  class FakeUtterance extends EventTarget {
    constructor(text) {
      super();
      this.text = text;
      this.lang = '';
      this.rate = 1;
      this.voice = null;
    }
  }
  const fire = (utterance, type, error) => {
    const event = new Event(type);
    if (error) event.error = error;
    utterance.dispatchEvent(event);
  };
  const synth = new EventTarget();
  synth.paused = false;
  synth.getVoices = () => voices;
  synth.speak = (utterance) => {
    state.spoken.push({ text: utterance.text, lang: utterance.lang, rate: utterance.rate, voice: utterance.voice?.name ?? null });
    state.current = utterance;
    setTimeout(() => {
      fire(utterance, 'start');
      if (mode === 'error') fire(utterance, 'error', 'synthesis-failed');
      if (mode === 'ends') setTimeout(() => fire(utterance, 'end'), delay);
    }, 0);
  };
  synth.cancel = () => {
    state.cancels += 1;
    const utterance = state.current;
    state.current = null;
    // As Chromium does: the cancelled utterance reports an error later.
    if (utterance) setTimeout(() => fire(utterance, 'error', 'interrupted'), 0);
  };
  synth.pause = () => {};
  synth.resume = () => {};
  state.end = () => {
    const utterance = state.current;
    state.current = null;
    if (utterance) fire(utterance, 'end');
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  window.SpeechSynthesisUtterance = FakeUtterance;
}

/** Init script: a browser with no speech synthesis at all. */
function removeSpeech() {
  delete Window.prototype.speechSynthesis;
  delete window.speechSynthesis;
}

async function withFake(page, { mode = 'ends', voices = [EN_VOICE, ZH_VOICE], delay = 5 } = {}) {
  await page.addInitScript(installFakeSpeech, { mode, voices, delay });
}

/** Mounts the reference in elderly mode and records the speech events too. */
async function mountReading(page, options = {}) {
  await mountReference(page, { mode: 'elderly', ...options });
  await page.evaluate(() => {
    for (const type of ['chunkstart', 'chunkend', 'speechend', 'speecherror']) {
      window.viewer.addEventListener(type, (event) => window.events.push([type, event.detail]));
    }
  });
}

/** The reference document's whole plan, from the package. */
function plan(page) {
  return page.evaluate((text) => window.yilan.speechPlan(window.yilan.parseText(text)), REFERENCE_TEXT);
}

const spoken = (page) => page.evaluate(() => window.fakeSpeech.spoken.map((u) => u.text));
const state = (page) => page.evaluate(() => window.viewer.speechState);
const events = (page, type) => page.evaluate((t) => window.events.filter(([k]) => k === t).map(([, d]) => d), type);
const highlighted = (page) => inView(page, (shadow) => [...shadow.querySelectorAll('.yl-speaking')].map((e) => e.id));

/** Waits until `fn()` returns something truthy. */
async function until(page, fn, arg, timeout = 15000) {
  await page.waitForFunction(fn, arg, { timeout, polling: 20 });
}

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

/** The sentence painted as read: the texts of the `yl-speech` highlight's ranges. */
const painted = (page) => page.evaluate(() => [...(CSS.highlights.get('yl-speech') ?? [])].map((range) => range.toString()));

/**
 * How many of the screen's pixels in `rect` (viewport pixels) are the colour
 * `rgb`, give or take 8 a channel: the screenshot decoded in the page.
 */
async function pixelsOf(page, rect, rgb) {
  const clip = { x: Math.round(rect.left), y: Math.round(rect.top), width: Math.max(1, Math.round(rect.width)), height: Math.max(1, Math.round(rect.height)) };
  const png = await page.screenshot({ clip });
  return page.evaluate(
    async ([data, [r, g, b]]) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, image.width, image.height).data;
      let count = 0;
      for (let i = 0; i < pixels.length; i += 4) {
        if (Math.abs(pixels[i] - r) <= 8 && Math.abs(pixels[i + 1] - g) <= 8 && Math.abs(pixels[i + 2] - b) <= 8) count += 1;
      }
      return count / (pixels.length / 4);
    },
    [png.toString('base64'), rgb],
  );
}

/** The first line box of the sentence painted, and of the element's text after it. */
function sentenceBoxes(page, id) {
  return inView(
    page,
    (shadow, id) => {
      const [range] = CSS.highlights.get('yl-speech');
      const box = (r) => {
        const { left, top, width, height } = r.getClientRects()[0];
        return { left, top, width, height };
      };
      const rest = document.createRange();
      rest.setStart(range.endContainer, range.endOffset);
      rest.setEnd(shadow.getElementById(id), shadow.getElementById(id).childNodes.length);
      return { sentence: box(range), rest: box(rest) };
    },
    id,
  );
}

// Reading starts: 朗读 becomes 暂停 and 停止 comes in, and at some widths
// the tools then take one more line. The paragraph scrolled to must stop
// below the bar as it is then, not as it was.
browserTest('the paragraph read comes to the top of the view below the bar, also when 停止 coming in makes the bar taller', { reducedMotion: 'reduce' }, async (page) => {
  await withFake(page, { mode: 'hold' });
  await mountReading(page);
  const chunks = await plan(page);
  const { target } = chunks.find((chunk, i) => i > 60 && chunk.kind === 'paragraph');
  let grew = 0;
  for (let width = 1300; width >= 640; width -= 30) {
    await page.setViewportSize({ width, height: 800 });
    await page.evaluate(() => {
      window.viewer.stop();
      scrollTo(0, 0);
      window.fakeSpeech.spoken.length = 0;
    });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const before = await inView(page, (shadow) => shadow.querySelector('.yl-toolbar').getBoundingClientRect().height);
    await page.evaluate((id) => window.viewer.speak({ from: id }), target);
    await until(page, () => window.fakeSpeech.spoken.length === 1);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const after = await inView(
      page,
      (shadow, id) => ({
        bar: shadow.querySelector('.yl-toolbar').getBoundingClientRect().bottom,
        top: shadow.getElementById(id).getBoundingClientRect().top,
        scrolled: scrollY,
      }),
      target,
    );
    if (after.bar > before + 1) grew += 1;
    assert.ok(after.scrolled > 0, `at ${width} px the view scrolled to ${target}`);
    assert.ok(after.top >= after.bar && after.top < after.bar + 40, `at ${width} px ${target} stops just below the bar (bottom ${after.bar}), at ${after.top}`);
  }
  assert.ok(grew > 0, 'at some width the bar grew as reading started');
  await page.evaluate(() => window.viewer.stop());
});

// (Less motion: the view scrolls to each sentence at once, and the screen
// is read where the boxes were measured.)
browserTest('the sentence read is painted in the text, underlined, not the whole paragraph; it moves on with the reading and goes when it stops', { reducedMotion: 'reduce' }, async (page) => {
  await withFake(page, { mode: 'hold' });
  await mountReading(page);
  const chunks = await plan(page);
  const first = chunks.findIndex((c, i) => c.kind === 'paragraph' && chunks[i + 1]?.target === c.target && chunks[i + 2]?.target === c.target);
  const { target } = chunks[first];
  await page.evaluate((id) => window.viewer.speak({ from: id }), target);
  await until(page, () => window.fakeSpeech.spoken.length === 1);
  assert.deepEqual(await highlighted(page), [target]);
  assert.deepEqual(await painted(page), [chunks[first].display], 'the first sentence, as written');
  const look = await inView(page, (shadow) => {
    const lit = shadow.querySelector('.yl-speaking');
    const sentence = getComputedStyle(lit, '::highlight(yl-speech)');
    return {
      bySentence: lit.classList.contains('yl-by-sentence'),
      fill: getComputedStyle(lit).backgroundColor,
      sentence: [sentence.backgroundColor, sentence.color, sentence.textDecorationLine],
    };
  });
  assert.equal(look.bySentence, true);
  assert.equal(look.fill, 'rgba(0, 0, 0, 0)', 'the paragraph keeps the page\'s colours');
  assert.deepEqual(look.sentence, ['rgb(255, 233, 138)', 'rgb(31, 31, 31)', 'underline'], 'the standard theme\'s highlight pair, underlined');

  // On the screen: the highlight's fill under the sentence, none after it.
  const speechFill = [255, 233, 138];
  let boxes = await sentenceBoxes(page, target);
  assert.ok((await pixelsOf(page, boxes.sentence, speechFill)) > 0.5, 'the sentence is filled');
  assert.equal(await pixelsOf(page, boxes.rest, speechFill), 0, 'the rest of the paragraph is not');

  // The next sentence of the same paragraph: the highlight moves within it.
  await page.evaluate(() => window.fakeSpeech.end());
  await until(page, () => window.fakeSpeech.spoken.length === 2);
  assert.deepEqual(await painted(page), [chunks[first + 1].display]);
  assert.deepEqual(await highlighted(page), [target]);
  const before = boxes.sentence;
  boxes = await sentenceBoxes(page, target);
  assert.ok((await pixelsOf(page, boxes.sentence, speechFill)) > 0.5, 'the second sentence is filled');
  assert.ok(boxes.sentence.left > before.left || boxes.sentence.top > before.top, 'further on in the text');

  // In 黑底黄字 the pair is the theme's.
  await page.evaluate(() => window.viewer.setTheme('yellow-on-black'));
  assert.deepEqual(
    await inView(page, (shadow) => {
      const style = getComputedStyle(shadow.querySelector('.yl-speaking'), '::highlight(yl-speech)');
      return [style.backgroundColor, style.color];
    }),
    ['rgb(255, 255, 0)', 'rgb(0, 0, 0)'],
  );

  await page.click('[data-yl-tool="stop"]');
  assert.deepEqual(await painted(page), [], 'nothing painted once stopped');
  assert.equal(await inView(page, (shadow) => shadow.querySelectorAll('.yl-speaking, .yl-by-sentence').length), 0);

  // Destroyed while reading: the view's range does not stay in the page's highlight.
  await page.evaluate((id) => window.viewer.speak({ from: id }), target);
  await until(page, () => window.fakeSpeech.spoken.length === 3);
  assert.equal((await painted(page)).length, 1);
  await page.evaluate(() => window.viewer.destroy());
  assert.deepEqual(await painted(page), []);
});

browserTest('where the browser has no custom highlights, the element read is filled as a whole', {}, async (page) => {
  await page.addInitScript(() => {
    delete window.Highlight;
  });
  await withFake(page, { mode: 'hold' });
  await mountReading(page);
  await page.evaluate(() => window.viewer.speak({ from: 'yl-p1-1' }));
  await until(page, () => window.fakeSpeech.spoken.length === 1);
  assert.deepEqual(await highlighted(page), ['yl-p1-1']);
  const look = await inView(page, (shadow) => {
    const lit = shadow.querySelector('.yl-speaking');
    return { bySentence: lit.classList.contains('yl-by-sentence'), fill: getComputedStyle(lit).backgroundColor, registered: CSS.highlights.size };
  });
  assert.deepEqual(look, { bySentence: false, fill: 'rgb(255, 233, 138)', registered: 0 });
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
  await page.click('[data-yl-tool="read"]');
  const read = await toolState(page, 'read');
  assert.equal(read.text, '朗读 本浏览器无中文语音');
  assert.equal(read.disabled, 'true');
  assert.equal((await toolState(page, 'point')).text, '指读 本浏览器无中文语音');
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

browserTest('a voice that arrives late makes the controls work again', {}, async (page) => {
  await withFake(page, { voices: [] });
  await mountReading(page);
  await page.click('[data-yl-tool="read"]', { force: true });
  assert.equal((await toolState(page, 'read')).disabled, 'true');
  await page.evaluate((voice) => {
    window.speechSynthesis.getVoices = () => [voice];
    window.speechSynthesis.dispatchEvent(new Event('voiceschanged'));
  }, ZH_VOICE);
  const read = await toolState(page, 'read');
  assert.equal(read.text, '朗读');
  assert.equal(read.disabled, null);
});

browserTest('an engine error stops reading and says so', {}, async (page) => {
  await withFake(page, { mode: 'error' });
  await mountReading(page);
  await page.click('[data-yl-tool="read"]');
  await until(page, () => window.events.some(([type]) => type === 'speechend'));
  assert.deepEqual(await events(page, 'speechend'), [{ reason: 'failed' }]);
  assert.match((await events(page, 'speecherror'))[0].message, /synthesis-failed/);
  assert.equal((await toolState(page, 'read')).text, '朗读 语音出错');
  assert.equal(await liveText(page), '语音出错，朗读已停止');
  assert.equal((await spoken(page)).length, 1);
});

browserTest('no speech synthesis at all: said at once; a host hook makes reading work', {}, async (page) => {
  await page.addInitScript(removeSpeech);
  await mountReading(page);
  assert.equal((await toolState(page, 'read')).text, '朗读 本浏览器不支持朗读');
  assert.equal((await toolState(page, 'rate')).shown, false, '语速 goes where nothing can be read');
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
  assert.equal((await toolState(page, 'rate')).shown, true, 'and is there with the host\'s voice');
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

browserTest('朗读 reads from the section the reader went to, and reads a selection alone', {}, async (page) => {
  await withFake(page, { mode: 'hold' });
  await mountReading(page);
  const chunks = await plan(page);
  // 目录 → the second section: focus goes to its heading.
  await page.click('[data-yl-tool="outline"]');
  const target = await inView(page, (shadow) => shadow.querySelectorAll('[data-yl-target]')[1].dataset.ylTarget);
  await inView(page, (shadow, t) => shadow.querySelector(`[data-yl-target="${t}"]`).click(), target);
  await page.click('[data-yl-tool="read"]');
  await until(page, () => window.fakeSpeech.spoken.length === 1);
  const section = target.replace(/-h$/, '');
  assert.equal((await spoken(page))[0], chunks.find((c) => c.target === section).text);
  await page.click('[data-yl-tool="stop"]');

  // Select the text of one list item or paragraph, then 朗读 by keyboard.
  const chosen = chunks.find((c) => c.kind === 'paragraph' && chunks.filter((d) => d.target === c.target).length === 1);
  await page.evaluate(() => (window.fakeSpeech.spoken.length = 0));
  await inView(page, (shadow, id) => {
    const element = shadow.getElementById(id);
    const text = element.firstChild;
    document.getSelection().setBaseAndExtent(text, 1, text, 4);
  }, chosen.target);
  await tabToToolbar(page);
  assert.equal((await toolState(page, 'read')).tabindex, '0', '朗读 is the tab stop again');
  await page.keyboard.press('Enter');
  await until(page, () => window.fakeSpeech.spoken.length === 1);
  await page.evaluate(() => window.fakeSpeech.end());
  await until(page, () => window.events.filter(([type]) => type === 'speechend').length === 2);
  assert.deepEqual(await spoken(page), [chosen.text], 'only the selection');
});

/**
 * Where each of `chunks` (the chunks of one element, from its first, in
 * order) shows: its display text found in the element's text, in order, as
 * a DOM range; `{ top, bottom }` of it, and the top of the view under the
 * bar and the screen's height.
 */
function chunkRects(page, chunks) {
  return inView(
    page,
    (shadow, list) => {
      let cursor = 0;
      const rects = list.map((chunk) => {
        const element = shadow.getElementById(chunk.kind === 'heading' ? `${chunk.target}-h` : chunk.target);
        const at = element.textContent.indexOf(chunk.display, cursor);
        if (at < 0) return null;
        cursor = at + chunk.display.length;
        const range = document.createRange();
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        let before = 0;
        let started = false;
        while (walker.nextNode()) {
          const node = walker.currentNode;
          if (!started && at <= before + node.data.length) {
            range.setStart(node, at - before);
            started = true;
          }
          if (started && cursor <= before + node.data.length) {
            range.setEnd(node, cursor - before);
            break;
          }
          before += node.data.length;
        }
        const rect = range.getBoundingClientRect();
        return { top: rect.top, bottom: rect.bottom };
      });
      return { rects, bar: shadow.querySelector('.yl-toolbar').getBoundingClientRect().bottom, screen: innerHeight };
    },
    chunks,
  );
}

browserTest('朗读 starts where the reader is: the block at the top of the view, the sentence that shows in it; the title at the top', {}, async (page) => {
  await withFake(page, { mode: 'hold' });
  await mountReading(page);
  const chunks = await plan(page);
  // (How far below the bar the block is, while reading too.)
  const belowBar = (id) =>
    inView(page, (shadow, id) => shadow.getElementById(id).getBoundingClientRect().top - shadow.querySelector('.yl-toolbar').getBoundingClientRect().bottom, id);
  let whileReading = null;
  const readFrom = async (id) => {
    await page.evaluate(() => (window.fakeSpeech.spoken.length = 0));
    await page.click('[data-yl-tool="read"]');
    await until(page, () => window.fakeSpeech.spoken.length === 1);
    const first = (await events(page, 'chunkstart')).at(-1);
    if (id) {
      // (Once a smooth scroll to the paragraph, if any, has ended.)
      await page.evaluate(async () => {
        const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
        for (let same = 0, last = -1; same < 5; ) {
          await frame();
          same = scrollY === last ? same + 1 : 0;
          last = scrollY;
        }
      });
      whileReading = await belowBar(id);
    }
    await page.click('[data-yl-tool="stop"]');
    return first;
  };

  // Scrolled to the second part: from its first paragraph, and the view
  // does not jump back: the paragraph stays where it was below the bar
  // (which, with 暂停 and 停止, may take another line: the view then
  // moves with it).
  await inView(page, (shadow) => shadow.getElementById('yl-p2-1').scrollIntoView({ block: 'start' }));
  const scrolled = await page.evaluate(() => scrollY);
  assert.ok(scrolled > 500, `scrolled to the middle (${scrolled})`);
  const before = await belowBar('yl-p2-1');
  let first = await readFrom('yl-p2-1');
  assert.equal(first.id, 'yl-p2-1', `from the block at the top of the view, not ${first.id}`);
  assert.equal(first.index, chunks.findIndex((c) => c.target === 'yl-p2-1'));
  assert.ok(Math.abs(whileReading - before) <= 1, `the view stays where the reader is: ${before} px below the bar, then ${whileReading}`);

  // A long paragraph cut by the top of the view: from its first sentence
  // that shows.
  const long = chunks.find((c, i) => c.kind === 'paragraph' && chunks.filter((d) => d.target === c.target).length >= 4).target;
  const own = chunks.filter((c) => c.target === long);
  await inView(page, (shadow, id) => shadow.getElementById(id).scrollIntoView({ block: 'start' }), long);
  const cut = await chunkRects(page, own);
  // The first sentence that starts on a line after the first one ends, at
  // the top of the view: the first sentence is then above it, hidden.
  const next = cut.rects.findIndex((r) => r.top >= cut.rects[0].bottom);
  await page.evaluate((dy) => window.scrollBy(0, dy), cut.rects[next].top - cut.bar + 4);
  const shown = await chunkRects(page, own);
  const expected = shown.rects.findIndex((r) => r.bottom > shown.bar);
  assert.ok(expected >= 1, `a sentence after the first shows first (${expected})`);
  first = await readFrom();
  assert.equal(first.id, long);
  assert.equal(first.index, own[expected].index, 'from the first sentence that shows');

  // At the top: the title, as always.
  await page.evaluate(() => window.scrollTo(0, 0));
  first = await readFrom();
  assert.equal(first.index, 0);
  assert.equal(first.id, 'yl-title');

  // 目录 put the focus on a heading, and the reader scrolled away from it
  // since: from where the reader is, not from that section.
  await page.click('[data-yl-tool="outline"]');
  await inView(page, (shadow) => shadow.querySelector('[data-yl-target="yl-s1-2-h"]').click());
  await page.waitForTimeout(1600);
  await inView(page, (shadow) => shadow.getElementById('yl-p2-1').scrollIntoView({ block: 'start' }));
  first = await readFrom();
  assert.equal(first.id, 'yl-p2-1', 'a focus scrolled off screen no longer says where the reader is');
});

browserTest('at 300% on a phone, the sentence read is on screen, not below its edge', { viewport: { width: 360, height: 640 }, reducedMotion: 'reduce' }, async (page) => {
  await withFake(page, { mode: 'hold' });
  await mountReading(page, { scale: 3 });
  const chunks = await plan(page);
  // The paragraph with the most sentences.
  const counts = new Map();
  for (const c of chunks) if (c.kind === 'paragraph') counts.set(c.target, (counts.get(c.target) ?? 0) + 1);
  const [target, count] = [...counts].sort((a, b) => b[1] - a[1])[0];
  assert.ok(count >= 8, `a long paragraph (${count} sentences)`);
  const own = chunks.filter((c) => c.target === target);
  await page.evaluate((id) => window.viewer.speak({ from: id }), target);
  const off = [];
  for (let i = 0; i < own.length; i += 1) {
    await until(page, (n) => window.fakeSpeech.spoken.length === n, i + 1);
    const { rects, bar, screen } = await chunkRects(page, own);
    const rect = rects[i];
    assert.ok(rect, `sentence ${i} is found in the paragraph`);
    const fits = rect.bottom - rect.top <= screen - bar;
    const shows = rect.top >= bar - 1 && rect.top < screen - 20 && (!fits || rect.bottom <= screen + 1);
    if (!shows) off.push(`${i}: ${Math.round(rect.top)}–${Math.round(rect.bottom)} (bar ${Math.round(bar)}, screen ${screen})`);
    await page.evaluate(() => window.fakeSpeech.end());
  }
  assert.deepEqual(off, [], 'every sentence is on screen while it is read');
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

browserTest('in every theme, all text inside the highlight keeps 4.5:1 against it: a run-in heading, its marker, a paragraph', {}, async (page) => {
  await withFake(page, { mode: 'hold' });
  await mountReading(page);
  const themes = await page.evaluate(() => window.yilan.themes().map((t) => t.id));
  const ratios = [];
  for (const theme of themes) {
    await page.evaluate((t) => window.viewer.setTheme(t), theme);
    for (const from of ['yl-s1-2', 'yl-p1-1']) {
      await page.evaluate((id) => {
        window.viewer.stop();
        window.viewer.speak({ from: id });
      }, from);
      await until(page, () => document.querySelector('yilan-view').shadowRoot.querySelector('.yl-speaking'));
      const worst = await inView(page, async (shadow) => {
        // The theme's colours, after the view's short colour transition.
        await Promise.all(shadow.querySelector('.yl-view').getAnimations().map((a) => a.finished));
        const rgb = (value) => value.match(/[\d.]+/g).slice(0, 3).map(Number);
        const luminance = ([r, g, b]) => {
          const linear = (c) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
          return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
        };
        const contrast = (a, b) => {
          const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
          return (hi + 0.05) / (lo + 0.05);
        };
        const lit = shadow.querySelector('.yl-speaking');
        // Painted by sentence, the element keeps the view's background and
        // the sentence takes the highlight's pair; else the element is filled.
        const bySentence = lit.classList.contains('yl-by-sentence');
        const background = rgb(getComputedStyle(bySentence ? shadow.querySelector('.yl-view') : lit).backgroundColor);
        let worst = { ratio: Infinity, text: '' };
        if (bySentence) {
          const sentence = getComputedStyle(lit, '::highlight(yl-speech)');
          worst = { ratio: contrast(rgb(sentence.color), rgb(sentence.backgroundColor)), text: '(the sentence)', id: lit.id };
        }
        const walker = document.createTreeWalker(lit, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
          const text = walker.currentNode.data.trim();
          if (!text) continue;
          const ratio = contrast(rgb(getComputedStyle(walker.currentNode.parentElement).color), background);
          if (ratio < worst.ratio) worst = { ratio, text: text.slice(0, 12), id: lit.id };
        }
        return worst;
      });
      ratios.push(`${theme} ${from} ${worst.ratio.toFixed(2)}`);
      assert.ok(worst.ratio >= 4.5, `${theme}, ${worst.id}: "${worst.text}" at ${worst.ratio.toFixed(2)}:1`);
    }
  }
  assert.equal(ratios.length, themes.length * 2);
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

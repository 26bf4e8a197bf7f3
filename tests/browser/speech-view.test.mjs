// Reading aloud as the reader sees it, in Chromium with the fake
// `speechSynthesis` of tests/browser/speech-support.mjs: the paragraph
// read brought below the bar, the sentence painted in the text (or the
// element filled where custom highlights are missing) and kept on screen
// at 300% on a phone, where 朗读 starts (the section gone to, a selection,
// the block at the top of the view), and the contrast of all text inside
// the highlight in every theme.

import assert from 'node:assert/strict';

import { browserTest } from './harness.mjs';
import { events, highlighted, mountReading, painted, plan, spoken, until, withFake } from './speech-support.mjs';
import { inView, press, tabToToolbar, toolState } from './viewer-helpers.mjs';

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
